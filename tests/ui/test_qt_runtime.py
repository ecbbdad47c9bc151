"""The Qt bindings in use keep None's reference count: a void call must not consume it."""

from __future__ import annotations

import sys

import pytest


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_calls_do_not_consume_none_references() -> None:
    from PySide6.QtCore import QPointF

    point = QPointF()
    before = sys.getrefcount(None)
    for _ in range(1000):
        point.setX(1.0)
    # A binding that drops a reference per void call loses 1000 here and aborts a long
    # session with "deallocating None" (PySide6 6.12.0 on Python 3.11).
    assert sys.getrefcount(None) >= before - 50
