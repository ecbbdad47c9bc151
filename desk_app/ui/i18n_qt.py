"""The window's languages: installing our and Qt's translators, switching at run time.

Our ``desk_app_<lang>.qm`` is searched first; it also translates Qt's own standard buttons
and menus (see ``qt_strings``), because PySide6 ships no ``qtbase_vi.qm``. Qt's own
``qtbase_<lang>.qm`` is loaded too when it exists (English and future wheels).
"""

from __future__ import annotations

import logging
import os
import shutil
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from desk_app import i18n
from desk_app.i18n.qm import compile_file
from desk_app.paths import resource_path

log = logging.getLogger(__name__)

# Qt only keeps a pointer to an installed translator: the Python objects must live on.
_installed: list[QTranslator] = []

_LOCALES = {
    "vi": (QLocale.Language.Vietnamese, QLocale.Country.Vietnam),
    # British English: dates stay DD/MM/YYYY in both languages.
    "en": (QLocale.Language.English, QLocale.Country.UnitedKingdom),
}


def translations_dir() -> Path:
    return resource_path("translations")


def _lrelease() -> list[str] | None:
    """The command that compiles ``.ts`` into ``.qm``, or None where none is installed."""
    scripts = Path(sys.executable).parent
    for name in ("pyside6-lrelease", "lrelease"):
        found = shutil.which(name, path=os.pathsep.join([str(scripts), os.environ.get("PATH", "")]))
        if found:
            return [found]
    try:
        import PySide6

        binary = Path(PySide6.__file__).parent / ("lrelease.exe" if os.name == "nt" else "lrelease")
    except ImportError:
        return None
    return [str(binary)] if binary.exists() else None


def ensure_qm(force: bool = False, folder: Path | None = None) -> list[Path]:
    """Compile every ``.ts`` whose ``.qm`` is missing or older; returns the ``.qm`` built.

    Without ``lrelease`` (Qt's tools not installed) the package's own compiler makes them;
    the frozen build and a wheel carry their ``.qm`` files ready made and no ``.ts``.
    """
    folder = folder or translations_dir()
    stale = [
        ts
        for ts in sorted(folder.glob("*.ts"))
        if force
        or not ts.with_suffix(".qm").exists()
        or ts.with_suffix(".qm").stat().st_mtime < ts.stat().st_mtime
    ]
    if not stale:
        return []
    command = _lrelease()
    built = []
    for ts in stale:
        qm = ts.with_suffix(".qm")
        if command is None:
            # Qt's tools are not installed here: the same file, compiled without them.
            compile_file(ts, qm)
        else:
            subprocess.run(
                [*command, "-silent", str(ts), "-qm", str(qm)],
                check=True,
                capture_output=True,
            )
        built.append(qm)
    return built


def _load(name: str, folder: str) -> QTranslator | None:
    translator = QTranslator()
    return translator if translator.load(name, folder) else None


def install_translators(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Install Qt's and our translators for ``lang`` in place of any installed here before;
    returns them (references are also kept here)."""
    remove_translators(app)
    lang = lang if lang in i18n.LANGUAGES else "vi"
    ours_dir = translations_dir()
    if not (ours_dir / f"desk_app_{lang}.qm").exists():
        try:
            ensure_qm(folder=ours_dir)
        except (OSError, subprocess.CalledProcessError) as exc:
            log.warning("Could not compile the translations: %s", exc)
    translators: list[QTranslator] = []
    # The translator installed last is asked first: ours goes last, so it overrides Qt's.
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in ((f"qtbase_{lang}", qt_dir), (f"desk_app_{lang}", str(ours_dir))):
        translator = _load(name, folder)
        if translator is None:
            if name.startswith("desk_app"):
                log.warning("Translation %s not found in %s", name, folder)
            continue
        app.installTranslator(translator)
        translators.append(translator)
    _installed.extend(translators)
    language, country = _LOCALES[lang]
    QLocale.setDefault(QLocale(language, country))
    i18n.set_language(lang)
    return translators


def remove_translators(app: QCoreApplication) -> None:
    while _installed:
        app.removeTranslator(_installed.pop())


def switch_language(app: QCoreApplication, lang: str) -> list[QTranslator]:
    """Replace the installed translators; Qt then sends LanguageChange to every widget."""
    remove_translators(app)
    return install_translators(app, lang)


def installed_translators() -> list[QTranslator]:
    return list(_installed)
