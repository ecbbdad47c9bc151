"""Build the desk app with PyInstaller for this OS: one folder (default) or one file.

``python build_installer.py [--onefile] [--dist DIR] [--work DIR] [--clean] [--iss]``

What goes in is listed here, explicitly: the whole ``desk_app`` package (subcommands and
window parts are imported by name, so every module is a hidden import), the whole
``resources/`` folder (compiled ``.qm`` files, not the ``.ts`` sources), the Alembic
migrations as real files (Alembic loads them by path), libzbar from this machine (found at
run time by ``desk_app.native``), Qt's own translations for Vietnamese and English only,
and the Qt plugins a desk needs. Qt modules and Python packages the app never imports are
excluded, and libraries that only dropped plugins needed go with them.

On Windows it also writes ``installer/desk_app.iss`` for Inno Setup (see docs/installer.md).
"""

from __future__ import annotations

import argparse
import ast
import ctypes.util
import importlib.util
import json
import os
import posixpath
import re
import shutil
import subprocess
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent
PACKAGE = ROOT / "desk_app"
RESOURCES = ROOT / "resources"
MIGRATIONS = PACKAGE / "storage" / "migrations"
ICONS = RESOURCES / "icons"
ISS_TEMPLATE = ROOT / "installer" / "desk_app.iss.in"
ISS_OUTPUT = ROOT / "installer" / "desk_app.iss"
APP_NAME = "desk-app"
CLI_NAME = "desk-app-cli"  # Windows only: the windowed exe has no console for the commands
WINDOWS = sys.platform == "win32"
MACOS = sys.platform == "darwin"

# Python packages the app never imports at run time (tools, tests, other GUI toolkits).
EXCLUDED_MODULES = (
    "tkinter",
    "_tkinter",
    "turtle",
    "turtledemo",
    "idlelib",
    "unittest",
    "doctest",
    "pydoc",
    "pydoc_data",
    "lib2to3",
    "ensurepip",
    "venv",
    "distutils",
    "setuptools",
    "pkg_resources",
    "pip",
    "PyInstaller",
    "_pyinstaller_hooks_contrib",
    "pytest",
    "_pytest",
    "pytestqt",
    "pytest_timeout",
    "hypothesis",
    "mypy",
    "mypyc",
    "ruff",
    "aiosmtpd",
    "IPython",
    "matplotlib",
    "PIL",
    "pygments",
    "numpy.f2py",
    "numpy.distutils",
    "numpy.testing",
    "sqlalchemy.testing",
    # The log lives in SQLite or PostgreSQL (README: "Several desks on one log").
    "sqlalchemy.dialects.mysql",
    "sqlalchemy.dialects.mssql",
    "sqlalchemy.dialects.oracle",
    "alembic.testing",
    "mako.testing",
    "PySide6.scripts",
)

# Distributions whose version ``desk-app diag`` reads from their metadata.
METADATA = ("zxing-cpp", "qrcode", "opencv-python-headless", "PySide6-Essentials")

# Qt modules the app does not import; named so that no hook pulls them in behind our back.
EXCLUDED_QT = (
    "Qt3DAnimation",
    "Qt3DCore",
    "Qt3DExtras",
    "Qt3DInput",
    "Qt3DLogic",
    "Qt3DRender",
    "QtBluetooth",
    "QtCharts",
    "QtConcurrent",
    "QtDataVisualization",
    "QtDBus",
    "QtDesigner",
    "QtGraphs",
    "QtHelp",
    "QtHttpServer",
    "QtLocation",
    "QtMultimedia",
    "QtMultimediaWidgets",
    "QtNetwork",
    "QtNetworkAuth",
    "QtNfc",
    "QtOpenGL",
    "QtOpenGLWidgets",
    "QtPdf",
    "QtPdfWidgets",
    "QtPositioning",
    "QtQml",
    "QtQuick",
    "QtQuick3D",
    "QtQuickControls2",
    "QtQuickWidgets",
    "QtRemoteObjects",
    "QtScxml",
    "QtSensors",
    "QtSerialBus",
    "QtSerialPort",
    "QtSpatialAudio",
    "QtSql",
    "QtStateMachine",
    "QtSvg",
    "QtSvgWidgets",
    "QtTest",
    "QtTextToSpeech",
    "QtUiTools",
    "QtWebChannel",
    "QtWebEngineCore",
    "QtWebEngineQuick",
    "QtWebEngineWidgets",
    "QtWebSockets",
    "QtWebView",
    "QtXml",
)

# Qt plugins kept, per plugin folder ("*": all of that folder). Everything else is dropped.
# platforms: X11 and Windows desktops, macOS, and offscreen for tests and support runs
#   (Wayland sessions run the xcb plugin through XWayland);
# platforminputcontexts: IBus and compose keys, how Vietnamese is typed on Linux;
# printsupport: CUPS; styles: the native Windows style; imageformats: JPEG photos and the
#   .ico window icon (PNG is built into Qt).
QT_PLUGINS_KEPT: dict[str, frozenset[str] | str] = {
    "platforms": frozenset({"qxcb", "qoffscreen", "qwindows", "qcocoa"}),
    "platforminputcontexts": "*",
    "platformthemes": frozenset({"qxdgdesktopportal"}),
    "printsupport": "*",
    "styles": "*",
    "imageformats": frozenset({"qjpeg", "qico"}),
}
# Qt's own catalogues kept: Vietnamese and English (the app's two languages).
QT_TRANSLATIONS_KEPT = re.compile(r"^qt(base)?_(vi|en)(_[A-Za-z]+)?\.qm$")
# Windows: Mesa's software OpenGL; the app draws no OpenGL.
DROPPED_FILES = frozenset({"opengl32sw.dll"})
# Resource files that are sources of something built, not used at run time.
RESOURCE_SOURCES = frozenset({".ts", ".pro", ".xcf", ".md", ".py"})

_PLUGIN_PATH = re.compile(r"(?:^|/)plugins/([^/]+)/([^/]+)$")
_TRANSLATION_PATH = re.compile(r"^PySide6/(?:Qt/)?translations/([^/]+)$")


# --- what goes in ------------------------------------------------------------------------


def package_modules(package: Path = PACKAGE) -> list[str]:
    """Every module of the package by name (migrations excepted: they are files, not modules)."""
    names = []
    for path in sorted(package.rglob("*.py")):
        rel = path.relative_to(package.parent).with_suffix("")
        if "migrations" in rel.parts or "__pycache__" in rel.parts:
            continue
        parts = rel.parts[:-1] if rel.name == "__init__" else rel.parts
        names.append(".".join(parts))
    return names


def migration_imports(folder: Path = MIGRATIONS) -> list[str]:
    """Modules the migration scripts import: PyInstaller cannot see them, Alembic execs them."""
    found: set[str] = set()
    for path in sorted(folder.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found.update(alias.name for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found.add(node.module)
    return sorted(found - {"__future__"})


def optional_imports() -> list[str]:
    """Drivers loaded by name at run time, bundled when installed here: psycopg for desks
    sharing one PostgreSQL log (``--db postgresql+psycopg://...``)."""
    names = []
    if importlib.util.find_spec("psycopg") is not None:
        names += ["psycopg", "sqlalchemy.dialects.postgresql.psycopg"]
        if importlib.util.find_spec("psycopg_binary") is not None:
            names.append("psycopg_binary")
    return names


def resource_files(folder: Path = RESOURCES) -> list[tuple[str, str]]:
    """``(source file, destination folder)`` for every run-time file under ``resources/``."""
    files = []
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.suffix in RESOURCE_SOURCES or "__pycache__" in path.parts:
            continue
        dest = Path("resources") / path.parent.relative_to(folder)
        files.append((str(path), dest.as_posix()))
    return files


def migration_files(folder: Path = MIGRATIONS) -> list[tuple[str, str]]:
    files = []
    for path in sorted(folder.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".mako") and "__pycache__" not in path.parts:
            dest = path.parent.relative_to(ROOT)
            files.append((str(path), dest.as_posix()))
    return files


def _library_dirs() -> list[Path]:
    dirs = [Path(p) for p in os.environ.get("LD_LIBRARY_PATH", "").split(os.pathsep) if p]
    try:
        listing = subprocess.run(
            ["/sbin/ldconfig", "-p"], capture_output=True, text=True, check=False
        ).stdout
    except OSError:
        listing = ""
    dirs += [
        Path(line.rsplit("=> ", 1)[1]).parent for line in listing.splitlines() if "=> " in line
    ]
    dirs += [Path(p) for p in ("/usr/lib/x86_64-linux-gnu", "/usr/lib64", "/usr/lib")]
    dirs += [Path(p) for p in ("/usr/local/lib", "/opt/homebrew/lib", "/usr/lib/aarch64-linux-gnu")]
    return list(dict.fromkeys(dirs))


def find_libzbar() -> list[Path]:
    """libzbar on this machine (and on Windows the libiconv it needs), to copy into the bundle.

    Windows: pyzbar's wheel carries the DLLs in its package folder. Elsewhere the system's,
    found the way pyzbar finds it, then resolved to a real file.
    """
    if WINDOWS:
        spec = importlib.util.find_spec("pyzbar")
        if spec is None or spec.origin is None:
            raise SystemExit("pyzbar is not installed")
        folder = Path(spec.origin).parent
        dlls = [folder / "libzbar-64.dll", folder / "libiconv.dll"]
        missing = [str(p) for p in dlls if not p.is_file()]
        if missing:
            raise SystemExit(f"pyzbar's DLLs not found: {', '.join(missing)}")
        return dlls
    name = ctypes.util.find_library("zbar")
    if not name:
        raise SystemExit("libzbar not found: install it (Debian/Ubuntu: apt install libzbar0)")
    if os.path.isabs(name):
        return [Path(name)]
    for folder in _library_dirs():
        if (folder / name).exists():
            return [folder / name]
    raise SystemExit(f"libzbar ({name}) found by the loader but not on disk")


def hidden_imports() -> list[str]:
    return sorted(set(package_modules()) | set(migration_imports()) | set(optional_imports()))


def excluded_modules() -> list[str]:
    return [*EXCLUDED_MODULES, *(f"PySide6.{name}" for name in EXCLUDED_QT)]


# --- what comes out ----------------------------------------------------------------------


def _plugin_key(filename: str) -> str:
    """``libqxcb.so`` / ``qxcb.dll`` / ``libqcocoa.dylib`` -> ``qxcb`` / ``qcocoa``."""
    stem = filename.split(".", 1)[0]
    return stem[3:] if stem.startswith("lib") else stem


def keep_qt_file(dest: str) -> bool:
    """Whether a file PyInstaller's Qt hooks collected stays in the bundle."""
    dest = dest.replace("\\", "/")
    name = dest.rsplit("/", 1)[-1]
    if name.lower() in DROPPED_FILES:
        return False
    if not dest.startswith("PySide6/"):
        return True
    translation = _TRANSLATION_PATH.match(dest)
    if translation:
        return bool(QT_TRANSLATIONS_KEPT.match(translation.group(1)))
    plugin = _PLUGIN_PATH.search(dest)
    if plugin:
        kept = QT_PLUGINS_KEPT.get(plugin.group(1))
        return kept == "*" or (kept is not None and _plugin_key(plugin.group(2)) in kept)
    return True


Entry = tuple[str, str, str]  # PyInstaller's TOC entry: destination, source, type


def prune_binaries(
    binaries: list[Entry], imports_of: Callable[[str], Iterable[str]]
) -> tuple[list[Entry], list[Entry]]:
    """Drop the unwanted Qt plugins, then every library that only dropped files needed.

    A library is removed only when something removed links to it and nothing kept does
    (``imports_of(source)`` gives the file names a binary links to), so libraries that are
    loaded by name at run time (libzbar, Python itself, OpenCV's video plugin) stay.
    Returns (kept, dropped).
    """
    by_name: dict[str, list[Entry]] = {}
    for entry in binaries:
        # Windows import tables spell DLL names in any case (KERNEL32.dll, Qt6Core.dll).
        by_name.setdefault(Path(entry[0].replace("\\", "/")).name.casefold(), []).append(entry)
    cache: dict[str, set[str]] = {}

    def needs(entry: Entry) -> set[str]:
        if entry[1] not in cache:
            try:
                cache[entry[1]] = {Path(n).name.casefold() for n in imports_of(entry[1])}
            except Exception:  # an unreadable file links to nothing we can name
                cache[entry[1]] = set()
        return cache[entry[1]]

    def closure(start: Iterable[Entry]) -> set[Entry]:
        seen: set[Entry] = set()
        todo = list(start)
        while todo:
            entry = todo.pop()
            if entry in seen:
                continue
            seen.add(entry)
            for name in needs(entry):
                todo.extend(by_name.get(name, []))
        return seen

    dropped = {entry for entry in binaries if not keep_qt_file(entry[0])}
    suspects = closure(dropped) - dropped
    roots = [entry for entry in binaries if entry not in dropped and entry not in suspects]
    still_needed = closure(roots)
    dropped |= suspects - still_needed
    return [e for e in binaries if e not in dropped], [e for e in binaries if e in dropped]


def without_dangling_links(toc: list[Entry], gone: Iterable[Entry]) -> list[Entry]:
    """``toc`` less its symbolic links to removed files (PyInstaller links every library kept
    in a subfolder from the top folder, and lists those links with the data files)."""
    removed = {posixpath.normpath(entry[0].replace("\\", "/")) for entry in gone}

    def target(entry: Entry) -> str:
        dest, link = entry[0].replace("\\", "/"), entry[1].replace("\\", "/")
        return posixpath.normpath(posixpath.join(posixpath.dirname(dest), link))

    return [e for e in toc if not (e[2] == "SYMLINK" and target(e) in removed)]


def strip_foreign(binaries: list[Entry], folder: Path) -> list[Entry]:
    """Entries whose libraries come from outside site-packages (the Python build's own
    libpython and extension modules) pointed at stripped copies in ``folder``.

    Wheel libraries are left alone: auditwheel rewrites their ELF headers and ``strip`` then
    breaks them ("ELF load command address/offset not page-aligned"); they ship stripped.
    """
    tool = shutil.which("strip")
    if tool is None or WINDOWS or MACOS:
        return binaries
    folder.mkdir(parents=True, exist_ok=True)
    out = []
    for dest, src, kind in binaries:
        if kind in ("BINARY", "EXTENSION") and "site-packages" not in Path(src).parts:
            target = folder / dest.replace("/", "__")
            done = subprocess.run(
                [tool, "--strip-unneeded", "-o", str(target), src], capture_output=True, check=False
            )
            out.append((dest, str(target) if done.returncode == 0 else src, kind))
        else:
            out.append((dest, src, kind))
    return out


def _imports_of(path: str) -> list[str]:
    from PyInstaller.depend import bindepend

    return [name for name, _resolved in bindepend.get_imports(path)]


def _metadata() -> list[tuple[str, str]]:
    """Package metadata for ``desk-app diag`` where a module does not carry its version."""
    from PyInstaller.utils.hooks import copy_metadata

    found: list[tuple[str, str]] = []
    for name in METADATA:
        try:
            found += copy_metadata(name)
        except Exception:  # not installed here: diag says so
            continue
    return found


def assemble(config_file: str) -> None:
    """The body of the generated spec file: runs inside PyInstaller."""
    from PyInstaller.building.api import COLLECT, EXE, PYZ
    from PyInstaller.building.build_main import Analysis

    config = json.loads(Path(config_file).read_text(encoding="utf-8"))
    analysis = Analysis(
        [str(PACKAGE / "__main__.py")],
        pathex=[str(ROOT)],
        binaries=[tuple(b) for b in config["binaries"]],
        datas=[tuple(d) for d in config["datas"]] + _metadata(),
        hiddenimports=config["hiddenimports"],
        excludes=config["excludes"],
        noarchive=False,
    )
    analysis.binaries, dropped = prune_binaries(list(analysis.binaries), _imports_of)
    analysis.datas = without_dangling_links(
        [entry for entry in analysis.datas if keep_qt_file(entry[0])], dropped
    )
    Path(config["dropped_log"]).write_text(
        "\n".join(sorted(entry[0] for entry in dropped)) + "\n", encoding="utf-8"
    )
    # Measured: libpython alone goes from 23 to 5.5 MB.
    analysis.binaries = strip_foreign(analysis.binaries, Path(config["stripped_dir"]))
    pyz = PYZ(analysis.pure)
    icon = config["icon"]
    strip = False  # PyInstaller's own strip would break the wheels' libraries (see above)
    if config["onefile"]:
        EXE(
            pyz,
            analysis.scripts,
            analysis.binaries,
            analysis.datas,
            name=APP_NAME,
            console=not WINDOWS,
            icon=icon,
            strip=strip,
            upx=False,
        )
        return
    executables = [
        EXE(
            pyz,
            analysis.scripts,
            exclude_binaries=True,
            name=APP_NAME,
            console=not WINDOWS,
            icon=icon,
            strip=strip,
            upx=False,
        )
    ]
    if WINDOWS:
        executables.append(
            EXE(
                pyz,
                analysis.scripts,
                exclude_binaries=True,
                name=CLI_NAME,
                console=True,
                icon=icon,
                upx=False,
            )
        )
    COLLECT(
        *executables,
        analysis.binaries,
        analysis.datas,
        name=APP_NAME,
        strip=strip,
        upx=False,
    )


# --- steps -------------------------------------------------------------------------------


def _load_script(name: str) -> Any:
    path = ROOT / "scripts" / f"{name}.py"
    if not path.exists():
        return None
    spec = importlib.util.spec_from_file_location(f"_desk_build_{name}", path)
    if spec is None or spec.loader is None:
        return None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


def build_translations() -> list[Path]:
    """Compile our ``.ts`` into ``.qm`` with the translations script, when there is one."""
    module = _load_script("update_translations")
    if module is None or not hasattr(module, "build_translations"):
        print("translations: no build function, bundling the .qm files as they are")
        return sorted((RESOURCES / "translations").glob("*.qm"))
    built: list[Path] = module.build_translations()
    return built


def ensure_icons() -> Path:
    ico = ICONS / "desk_app.ico"
    if not ico.exists() or not (ICONS / "desk_app.png").exists():
        module = _load_script("make_icons")
        if module is None:
            raise SystemExit("scripts/make_icons.py is missing")
        module.make_icons(ICONS)
    return ico


def render_iss(dist_folder: Path, version: str, template: Path = ISS_TEMPLATE) -> str:
    """The Inno Setup script for a one-folder build in ``dist_folder``."""
    values = {
        "APP_VERSION": version,
        "APP_EXE": f"{APP_NAME}.exe",
        "DIST_DIR": str(dist_folder),
        "ICON_FILE": str(ICONS / "desk_app.ico"),
        "OUTPUT_DIR": str(dist_folder.parent),
    }
    text = template.read_text(encoding="utf-8")
    for key, value in values.items():
        text = text.replace("@" + key + "@", value)
    leftover = re.findall(r"@[A-Z_]+@", text)
    if leftover:
        raise ValueError(f"unfilled placeholders in {template.name}: {leftover}")
    return text


def write_iss(dist_folder: Path) -> Path:
    from desk_app import __version__

    # Inno Setup reads a script as UTF-8 only with the byte-order mark; shortcuts are Vietnamese.
    ISS_OUTPUT.write_text(render_iss(dist_folder, __version__), encoding="utf-8-sig")
    return ISS_OUTPUT


def folder_size(path: Path) -> int:
    if path.is_file():
        return path.stat().st_size
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def biggest_files(path: Path, count: int = 12) -> list[tuple[int, Path]]:
    if path.is_file():
        return [(path.stat().st_size, path)]
    files = [(p.stat().st_size, p) for p in path.rglob("*") if p.is_file() and not p.is_symlink()]
    return sorted(files, reverse=True)[:count]


def build(dist: Path, work: Path, *, onefile: bool = False, clean: bool = False) -> Path:
    """Run every step; returns the bundle (a folder, or the one file)."""
    build_translations()
    icon = ensure_icons()
    work.mkdir(parents=True, exist_ok=True)
    config = {
        "onefile": onefile,
        "binaries": [(str(lib), ".") for lib in find_libzbar()],
        "datas": resource_files() + migration_files(),
        "hiddenimports": hidden_imports(),
        "excludes": excluded_modules(),
        "icon": str(icon) if WINDOWS else None,
        "dropped_log": str(work / "dropped.txt"),
        "stripped_dir": str(work / "stripped"),
    }
    config_file = work / "bundle.json"
    config_file.write_text(json.dumps(config, indent=1), encoding="utf-8")
    spec = work / f"{APP_NAME}.spec"
    spec.write_text(
        "# Generated by build_installer.py: change that script, not this file.\n"
        "import sys\n"
        f"sys.path.insert(0, {str(ROOT)!r})\n"
        "import build_installer\n"
        f"build_installer.assemble({str(config_file)!r})\n",
        encoding="utf-8",
    )
    command = [
        sys.executable,
        "-m",
        "PyInstaller",
        str(spec),
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(dist),
        "--workpath",
        str(work),
    ]
    if clean:
        command.append("--clean")
    subprocess.run(command, check=True, cwd=ROOT)
    bundle = dist / (APP_NAME + (".exe" if WINDOWS else "") if onefile else APP_NAME)
    if not bundle.exists():
        raise SystemExit(f"PyInstaller finished but {bundle} is missing")
    return bundle


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--onefile", action="store_true", help="one executable, not a folder")
    parser.add_argument("--dist", type=Path, default=ROOT / "dist", help="output folder")
    parser.add_argument("--work", type=Path, default=ROOT / "build" / "pyinstaller")
    parser.add_argument("--clean", action="store_true", help="ignore PyInstaller's cache")
    parser.add_argument(
        "--iss", action="store_true", help="write the Inno Setup script on any OS (Windows: always)"
    )
    args = parser.parse_args(argv)
    if args.clean:
        shutil.rmtree(args.work, ignore_errors=True)
    started = time.monotonic()
    bundle = build(args.dist.resolve(), args.work.resolve(), onefile=args.onefile, clean=args.clean)
    elapsed = time.monotonic() - started
    size = folder_size(bundle)
    print(f"bundle: {bundle}")
    print(f"size: {size / 1e6:.1f} MB ({size} bytes)")
    print(f"build time: {elapsed:.0f} s")
    print("biggest files:")
    for file_size, path in biggest_files(bundle):
        print(f"  {file_size / 1e6:7.1f} MB  {path.relative_to(bundle.parent)}")
    if (WINDOWS or args.iss) and not args.onefile:
        print(f"Inno Setup script: {write_iss(bundle)}")
    return 0


if __name__ == "__main__":
    # PyInstaller imports this module from the spec; only a direct run builds.
    sys.exit(main())
