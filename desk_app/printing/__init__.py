"""Printing the unit's codes: checkpoint posters, staff cards and visitor passes."""

from __future__ import annotations

import ctypes
import sys

_state = {"guarded": False}


def guard_none_refcount() -> bool:
    """Keep None alive under PySide6 builds that drop a reference on every void call.

    PySide6 6.12 on CPython 3.11 returns None from void methods without taking a reference.
    Painting a page makes thousands of such calls, and once None's count reaches zero the
    interpreter aborts ("deallocating None"). CPython 3.12 made None immortal; this gives
    3.11 the same property, only when the fault is seen. Returns True when it acted.
    """
    if _state["guarded"] or sys.version_info >= (3, 12) or sys.implementation.name != "cpython":
        return False
    from PySide6.QtCore import QPointF

    point = QPointF()
    before = sys.getrefcount(None)
    for _ in range(16):
        point.setX(0.0)
    if sys.getrefcount(None) > before - 8:
        return False
    ctypes.c_ssize_t.from_address(id(None)).value += 1 << 40
    _state["guarded"] = True
    return True


guard_none_refcount()
