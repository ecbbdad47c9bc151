"""The program's bundled files, installed as the package ``desk_app.resources``."""
