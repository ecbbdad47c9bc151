"""Packaging details pyproject.toml cannot say: the top-level ``resources/`` folder travels
inside the package as ``desk_app.resources`` (translations, sounds, fonts, icons, demo feed),
so an installed wheel finds them through ``importlib.resources``."""

from setuptools import find_packages, setup

RESOURCE_FILES = [
    "translations/*.qm",
    "sounds/*.wav",
    "fonts/*.ttf",
    "fonts/*.txt",
    "icons/*.png",
    "icons/*.ico",
    "demo/*.avi",
    "demo/*.json",
]

setup(
    packages=[*find_packages(include=["desk_app", "desk_app.*"]), "desk_app.resources"],
    package_dir={"desk_app.resources": "resources"},
    package_data={
        "desk_app.resources": RESOURCE_FILES,
        # Alembic's script template and settings travel with the migrations.
        "desk_app": ["**/*.ini", "**/*.mako", "**/*.json", "**/*.txt"],
    },
)
