"""Where the app keeps its data and where its bundled resources are."""

from __future__ import annotations

import importlib.resources
import os
import sys
from pathlib import Path

import platformdirs

from desk_app.errors import UserError
from desk_app.i18n import t
from desk_app.i18n.system import os_error_text

APP_DIR_NAME = "desk-app"


class DataFolderError(UserError):
    """The desk's data folder cannot be made or used (a file in its place, no rights)."""


def data_dir_path() -> Path:
    """Where the per-user data folder is, whether or not it exists (``DESK_APP_HOME``
    overrides it, for tests and portable installs)."""
    override = os.environ.get("DESK_APP_HOME")
    return Path(override) if override else Path(platformdirs.user_data_dir(APP_DIR_NAME, False))


def data_dir() -> Path:
    """The per-user data folder (never beside the executable), created on demand.

    ``DESK_APP_HOME`` overrides it, for tests and portable installs.
    """
    path = data_dir_path()
    try:
        path.mkdir(parents=True, exist_ok=True)
    except OSError as exc:  # a file in its place, no rights, a profile drive gone
        message = t("paths.no_data_folder", path=path, message=os_error_text(exc))
        raise DataFolderError(message) from None
    return path


def config_dir() -> Path:
    """The per-user config folder (``XDG_CONFIG_HOME`` on Linux), not created here."""
    return Path(platformdirs.user_config_dir(APP_DIR_NAME, False))


def desk_settings_path() -> Path:
    """This desk's own settings (name, checkpoint, camera, scanner, sound, language)."""
    return config_dir() / "desk.json"


def default_database_path() -> Path:
    return data_dir() / "desk.sqlite3"


def sqlite_url(path: Path | str) -> str:
    """The URL of the SQLite file at ``path``. A "%" or "?" in a name is escaped: the engine
    reads "%20" as a space and "?" as the start of options, and would open another file."""
    return "sqlite:///" + str(path).replace("%", "%25").replace("?", "%3F")


def default_database_url() -> str:
    return sqlite_url(default_database_path())


def resources_dir() -> Path:
    """The bundled files: ``resources/`` inside this package (an installed wheel), the
    ``resources/`` folder of the frozen build, or the one beside the package in a checkout."""
    frozen_base = getattr(sys, "_MEIPASS", None)
    if frozen_base:
        return Path(frozen_base) / "resources"
    # Asked of this package's own folder, never by the name ``desk_app.resources``: another
    # copy of the project installed in the same Python (an editable install of a second
    # checkout) answers to that name with its own, older files.
    packaged = importlib.resources.files("desk_app") / "resources"
    if isinstance(packaged, Path) and (packaged / "sounds").is_dir():
        return packaged
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """A bundled resource file (icons, sounds, fonts, translations, the demo feed)."""
    return resources_dir().joinpath(*parts)
