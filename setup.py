"""Packaging details pyproject.toml cannot say: the top-level ``resources/`` folder travels
inside the package as ``desk_app.resources`` (translations, sounds, fonts, icons, demo feed),
so an installed wheel finds them through ``importlib.resources``; the window's translations
are compiled from the committed ``.ts`` files while building (no Qt tools needed); the
database migrations travel too."""

import importlib.util
from pathlib import Path

from setuptools import find_packages, setup
from setuptools.command.build_py import build_py

HERE = Path(__file__).resolve().parent

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


def _qm_compiler():  # type: ignore[no-untyped-def]
    """``desk_app/i18n/qm.py`` loaded alone: the package's own imports need its dependencies,
    which a build environment does not have."""
    spec = importlib.util.spec_from_file_location("_desk_app_qm", HERE / "desk_app/i18n/qm.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


class BuildWithTranslations(build_py):  # type: ignore[misc]
    """The usual build, then each ``resources/translations/*.ts`` compiled into the package."""

    def run(self) -> None:
        super().run()
        compiler = _qm_compiler()
        target = Path(self.build_lib) / "desk_app" / "resources" / "translations"
        target.mkdir(parents=True, exist_ok=True)
        for ts in sorted((HERE / "resources" / "translations").glob("*.ts")):
            compiler.compile_file(ts, target / (ts.stem + ".qm"))


setup(
    cmdclass={"build_py": BuildWithTranslations},
    packages=[
        *find_packages(include=["desk_app", "desk_app.*"]),
        # Alembic's scripts: folders of modules without an ``__init__.py``.
        "desk_app.storage.migrations",
        "desk_app.storage.migrations.versions",
        "desk_app.resources",
    ],
    package_dir={"desk_app.resources": "resources"},
    package_data={
        "desk_app.resources": RESOURCE_FILES,
        # Alembic's script template and settings travel with the migrations.
        "desk_app": [
            "**/*.ini",
            "**/*.mako",
            "**/*.json",
            "**/*.txt",
        ],
    },
)
