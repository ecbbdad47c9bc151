"""Native libraries of the frozen build (libzbar), loaded from the bundle, not the system."""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path
from typing import Any

# Set by DESK_APP_DEBUG_NATIVE=1: say on stderr which libzbar file was loaded.
DEBUG_ENV = "DESK_APP_DEBUG_NATIVE"

# File names of libzbar per platform, in the order they are tried inside the bundle.
_ZBAR_NAMES = {
    "win32": ("libzbar-64.dll", "libzbar-32.dll"),
    "darwin": ("libzbar.0.dylib", "libzbar.dylib"),
}
_ZBAR_NAMES_UNIX = ("libzbar.so.0", "libzbar.so")
# pyzbar's wheel for Windows needs libiconv loaded first, from the same folder.
_WINDOWS_DEPENDENCIES = {"libzbar-64.dll": ("libiconv.dll",), "libzbar-32.dll": ("libiconv-2.dll",)}

_state: dict[str, Any] = {"prepared": False, "path": None}


def bundle_dir() -> Path | None:
    """The frozen build's folder of bundled files, or None when running from source."""
    base = getattr(sys, "_MEIPASS", None)
    return Path(base) if base and getattr(sys, "frozen", False) else None


def _candidates(base: Path) -> list[Path]:
    names = _ZBAR_NAMES.get(sys.platform, _ZBAR_NAMES_UNIX)
    # pyzbar's own hook may place the Windows DLLs under pyzbar/ rather than at the top.
    return [folder / name for folder in (base, base / "pyzbar") for name in names]


def bundled_libzbar(base: Path | None = None) -> Path | None:
    """The libzbar file inside the bundle, or None (not frozen, or not bundled)."""
    base = base or bundle_dir()
    if base is None:
        return None
    return next((path for path in _candidates(base) if path.is_file()), None)


def prepare() -> None:
    """Point pyzbar at the bundled libzbar; call before anything imports ``pyzbar.pyzbar``.

    pyzbar finds libzbar with ``ctypes.util.find_library``, which only searches the system:
    on a desk PC without libzbar installed it finds nothing, and where one is installed it
    would load a library the build was never tested with.
    """
    if _state["prepared"]:
        return
    _state["prepared"] = True
    path = bundled_libzbar()
    if path is None:
        return
    try:
        from pyzbar import zbar_library
    except ImportError:
        return
    _state["path"] = path

    def load_bundled() -> tuple[Any, list[Any]]:
        dependencies = [
            ctypes.cdll.LoadLibrary(str(path.with_name(dep)))
            for dep in _WINDOWS_DEPENDENCIES.get(path.name, ())
            if path.with_name(dep).is_file()
        ]
        library = ctypes.cdll.LoadLibrary(str(path))
        if os.environ.get(DEBUG_ENV) == "1":
            print(f"libzbar: {path}", file=sys.stderr)
        return library, dependencies

    zbar_library.load = load_bundled


def requested_libzbar() -> Path | None:
    """The bundled libzbar that ``prepare`` pointed pyzbar at (None from source)."""
    path = _state["path"]
    return Path(path) if path is not None else None


def mapped_libraries(fragment: str) -> list[str]:
    """Files mapped into this process whose name contains ``fragment`` (Linux only: read
    from /proc/self/maps, the loader's own answer to which file was really loaded)."""
    maps = Path("/proc/self/maps")
    if not maps.exists():
        return []
    found: list[str] = []
    for line in maps.read_text(encoding="utf-8", errors="replace").splitlines():
        parts = line.split(maxsplit=5)
        if len(parts) == 6 and fragment in Path(parts[5]).name and parts[5] not in found:
            found.append(parts[5])
    return found
