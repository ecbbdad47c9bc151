"""Desk processes started together by the several-desks tests (spawned, one per desk)."""

from __future__ import annotations

import traceback
from multiprocessing.synchronize import Barrier


def open_together(url: str, barrier: Barrier, number: int) -> str:
    """Wait for every desk, open the log at the same moment, record one scan."""
    from desk_app.context import AppContext

    barrier.wait()
    try:
        ctx = AppContext.open(url)
        text = f"0010900{number:05d}||Người Thử {number}|01011990|Nam|Hà Nội|01012021"
        result = ctx.log.record_scan(ctx.parse(text), debounce_seconds=0)
        ctx.close()
        return result.outcome.value
    except BaseException:
        return "failed: " + traceback.format_exc()
