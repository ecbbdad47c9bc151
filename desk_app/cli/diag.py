"""``desk-app diag``: what this install runs with (versions, native libraries, folders, Qt)."""

from __future__ import annotations

import argparse
import ctypes.util
import importlib
import json
import platform
import sys
from importlib import metadata
from pathlib import Path
from typing import Any

from desk_app import __version__, native
from desk_app.i18n import CATALOGUE, t
from desk_app.paths import data_dir, resources_dir

# Distribution name -> module whose import proves it works in this build.
_PACKAGES = {
    "PySide6-Essentials": "PySide6",
    "opencv-python-headless": "cv2",
    "numpy": "numpy",
    "zxing-cpp": "zxingcpp",
    "pyzbar": "pyzbar",
    "qrcode": "qrcode",
    "SQLAlchemy": "sqlalchemy",
    "alembic": "alembic",
    "openpyxl": "openpyxl",
    "platformdirs": "platformdirs",
    "keyring": "keyring",
}


def register(subparsers: Any) -> None:
    # No help text: the command stays out of the command list, for support use only.
    p = subparsers.add_parser("diag")
    p.add_argument("--json", action="store_true", help=t("help.json"))
    p.set_defaults(handler=cmd_diag)


def _version(distribution: str, module_name: str) -> str | None:
    try:
        module = importlib.import_module(module_name)
    except ImportError as exc:
        return f"not importable: {exc}"
    found = getattr(module, "__version__", None)
    if found:
        return str(found)
    try:
        return metadata.version(distribution)
    except metadata.PackageNotFoundError:
        return "?"


def libzbar_report() -> dict[str, Any]:
    """Which libzbar pyzbar loads here: the bundled one in a frozen build."""
    report: dict[str, Any] = {
        "bundled": str(native.requested_libzbar() or "") or None,
        "system_find_library": ctypes.util.find_library("zbar"),
    }
    try:
        from pyzbar import pyzbar

        del pyzbar
    except (ImportError, OSError) as exc:
        report.update(loaded=None, mapped=[], error=str(exc))
        return report
    mapped = native.mapped_libraries("libzbar")
    report["mapped"] = mapped
    report["loaded"] = mapped[0] if mapped else report["bundled"]
    try:
        from pyzbar.wrapper import zbar_version

        major, minor = ctypes.c_uint(), ctypes.c_uint()
        zbar_version(ctypes.byref(major), ctypes.byref(minor))
        report["version"] = f"{major.value}.{minor.value}"
    except (ImportError, OSError, AttributeError) as exc:
        report["error"] = str(exc)
    return report


def qt_report() -> dict[str, Any]:
    try:
        from PySide6.QtCore import QLibraryInfo, qVersion
    except ImportError as exc:
        return {"error": str(exc)}
    plugins = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    translations = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    return {
        "version": qVersion(),
        "plugins_dir": str(plugins),
        "plugins": {
            folder.name: sorted(f.name for f in folder.iterdir() if f.is_file())
            for folder in sorted(plugins.iterdir())
            if folder.is_dir()
        }
        if plugins.is_dir()
        else {},
        "translations": sorted(f.name for f in translations.glob("*.qm")),
    }


def _database_url(args: argparse.Namespace) -> str:
    from desk_app.storage.database import resolve_url, url_without_password

    return url_without_password(resolve_url(getattr(args, "db", None)))


def _database_check(args: argparse.Namespace) -> dict[str, Any]:
    from desk_app.storage import health

    try:
        found = health.check(getattr(args, "db", None))
    except Exception as exc:  # noqa: BLE001 - a report, not a crash: say what failed
        return {"status": health.UNREACHABLE, "detail": str(exc), "message": str(exc)}
    return {
        "status": found.status,
        "revision": found.revision,
        "detail": found.detail,
        "message": t(f"diag.db.{found.status}", detail=found.detail, revision=found.revision),
    }


def collect(args: argparse.Namespace) -> dict[str, Any]:
    resources = resources_dir()
    return {
        "desk_app": __version__,
        "python": sys.version.split()[0],
        "platform": platform.platform(),
        "frozen": bool(getattr(sys, "frozen", False)),
        "bundle_dir": str(native.bundle_dir() or "") or None,
        "executable": sys.executable,
        "packages": {dist: _version(dist, mod) for dist, mod in _PACKAGES.items()},
        "libzbar": libzbar_report(),
        "data_dir": str(data_dir()),
        "database_url": _database_url(args),
        "database_check": _database_check(args),
        "resources_dir": str(resources),
        "resources": sorted(
            str(p.relative_to(resources)).replace("\\", "/")
            for p in resources.rglob("*")
            if p.is_file()
        ),
        "qt": qt_report(),
    }


def report_lines(report: dict[str, Any]) -> list[str]:
    """The report as text: labels in the operator's language with the key beside each for
    support; the values (versions, paths, lists) as they are; the database check said in words."""
    lines = []
    for key, value in report.items():
        shown = json.dumps(value, ensure_ascii=False) if isinstance(value, dict | list) else value
        label = t(f"diag.field.{key}") if f"diag.field.{key}" in CATALOGUE else key
        lines.append(f"{label} ({key}): {shown}")
    check = report.get("database_check")
    if isinstance(check, dict) and check.get("message"):
        lines.append(f"{t('diag.field.database_check')}: {check['message']}")
    return lines


def cmd_diag(args: argparse.Namespace) -> int:
    """Exits 1 when the database is damaged, newer than this program, not a database or
    unreachable (the report is printed in full either way)."""
    from desk_app.storage.health import PROBLEMS

    report = collect(args)
    check = report["database_check"]
    problem = check["status"] in PROBLEMS
    if args.json:
        print(json.dumps(report, ensure_ascii=False, indent=2))
    else:
        for line in report_lines(report):
            print(line)
    if problem:
        print(t("error.prefix", message=check["message"]), file=sys.stderr)
    return 1 if problem else 0
