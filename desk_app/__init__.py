"""desk_app: entry control at the desk of one unit."""

__version__ = "0.1.0"
APP_NAME = "desk-app"
