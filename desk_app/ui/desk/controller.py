"""The desk controller: decoded texts and manual entries in, recorded visits (signals) out."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

from desk_app.context import AppContext
from desk_app.domain.identity import CodeKind, Identity, visible
from desk_app.domain.visits import Direction, ManualEntry, Method, ScanResult
from desk_app.errors import UserError
from desk_app.i18n import t
from desk_app.storage.journal import (
    CHECK_OUT,
    MANUAL,
    SCAN,
    JournalError,
    check_out_data,
    is_unreachable,
    manual_data,
)
from desk_app.timeutil import local_today, utc_now

log = logging.getLogger(__name__)

# A code held in front of the camera is decoded on every frame. Within this many seconds of
# its last sighting the same text is not sent to the database again: the log's own debounce
# still decides what a deliberate second showing is (a repeat, or an exit).
FRAME_GUARD_SECONDS = 1.5
FLUSH_RETRY_MS = 10_000


class DeskController(QObject):
    """Turns codes (camera, handheld scanner) and manual entries into recorded visits."""

    scan_recorded = Signal(object)  # ScanResult
    direction_changed = Signal(str)  # Direction value
    failed = Signal(str)  # a translated message: the scan was not recorded
    # A manual entry the log refused (locked, full, gone): kept to be offered again.
    manual_refused = Signal(object)  # ManualEntry
    # Visits changed at any desk (live view): the changed rows and the day's counts.
    visits_changed = Signal(list, dict)
    # The server cannot be reached: a scan was kept on this desk (the message); whether the
    # desk is out of reach and how many wait to be sent (False, 0 once all are sent).
    kept = Signal(str)
    offline_changed = Signal(bool, int)
    # A desk that started without its server reached it: the log is there to read again.
    reconnected = Signal()
    # Visits whose check-out waits in the journal (the inside list leaves them out), and the
    # journal sent while the desk stayed open: the window reads the day from the log again.
    check_outs_waiting = Signal(list)
    journal_sent = Signal()

    def __init__(
        self,
        ctx: AppContext,
        parent: QObject | None = None,
        *,
        guard_seconds: float = FRAME_GUARD_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.guard_seconds = guard_seconds
        self._clock = clock
        self._direction = Direction.AUTO
        self._last_seen: dict[str, float] = {}
        self.write_ms: list[float] = []  # recent database write times, for the benchmark
        # While scans wait in the journal, the desk tries to send them this often.
        self.flush_timer = QTimer(self)
        self.flush_timer.setInterval(FLUSH_RETRY_MS)
        self.flush_timer.timeout.connect(self.try_flush)
        self._waiting_check_outs = self._kept_check_outs()
        if self.ctx.journal.count() or not self.ctx.online:
            self.flush_timer.start()
            # Said once the window has connected its status line (started offline).
            QTimer.singleShot(0, self._tell_waiting)

    # ----- direction override ----------------------------------------------------------
    @property
    def direction(self) -> Direction:
        return self._direction

    def set_direction(self, direction: Direction | str) -> None:
        value = Direction(direction)
        if value != self._direction:
            self._direction = value
            self.direction_changed.emit(value.value)

    @property
    def debounce_seconds(self) -> int:
        return self.ctx.settings.number("scan.debounce_seconds")

    # ----- inputs ----------------------------------------------------------------------
    def on_codes_decoded(self, detections: Iterable[Any]) -> None:
        """Slot for the camera worker: a list of detections (``.text``) from one frame."""
        for detection in detections:
            text = getattr(detection, "text", None)
            if text is None:
                text = str(detection)
            self.submit_text(text, Method.CAMERA)

    def on_scanner_text(self, text: str) -> None:
        """Slot for the handheld scanner: each burst is a deliberate scan, never guarded."""
        self.submit_text(text, Method.SCANNER)

    def on_scanner_rejected(self, reason: str, sample: str) -> None:
        """Slot for a serial scanner's bytes that made no text: a rejected scan, kept in the log
        with what could be read of it; a code cut off by unplugging is only said."""
        if reason == "cut_off":
            self.failed.emit(t("scanner.rejected.cut_off"))
            return
        identity = Identity(CodeKind.UNRECOGNISED, raw=visible(sample), reason=reason)
        self._record(
            lambda: self.ctx.log.record_scan(
                identity,
                method=Method.SCANNER,
                direction=self._direction,
                debounce_seconds=self.debounce_seconds,
            )
        )

    def seen_recently(self, text: str) -> bool:
        """True when the camera saw this text within the guard; refreshes its last sighting."""
        now = self._clock()
        last = self._last_seen.get(text)
        self._last_seen[text] = now
        if len(self._last_seen) > 256:  # forget old sightings: a long day sees many codes
            cutoff = now - self.guard_seconds
            self._last_seen = {k: v for k, v in self._last_seen.items() if v >= cutoff}
        return last is not None and now - last < self.guard_seconds

    def submit_text(self, text: str, method: Method | str = Method.CAMERA) -> ScanResult | None:
        """Parse and record one decoded text; None when guarded or when the write failed."""
        method = Method(method)
        if not text.strip():
            return None
        if method == Method.CAMERA and self.seen_recently(text):
            return None
        if self.flush_timer.isActive():
            # Earlier scans still wait: this one goes after them, so the log keeps their order.
            self._keep(text, method)
            return None
        return self._record(
            lambda: self.ctx.log.record_scan(
                self.ctx.parse(text),
                method=method,
                direction=self._direction,
                debounce_seconds=self.debounce_seconds,
            ),
            keep=lambda: self._keep(text, method),
        )

    def _keep(
        self,
        text: str,
        method: Method,
        *,
        kind: str = SCAN,
        data: str = "",
        direction: Direction | None = None,
    ) -> None:
        """The server is out of reach: the scan (or manual entry, or check-out) waits in this
        desk's journal, behind those kept before it."""
        try:
            self.ctx.journal.add(
                text,
                at=utc_now(),
                method=method,
                direction=direction or self._direction,
                desk=self.ctx.log.desk,
                checkpoint=self.ctx.log.checkpoint,
                debounce_seconds=self.debounce_seconds,
                kind=kind,
                data=data,
            )
        except JournalError as exc:  # held by another program: said, not a crash
            log.warning("scan not kept: %s", exc)
            self.failed.emit(str(exc))
            return
        waiting = self.ctx.journal.count()
        self.kept.emit(t("journal.kept" if kind == SCAN else "journal.kept_entry", count=waiting))
        self.offline_changed.emit(True, waiting)
        if not self.flush_timer.isActive():
            self.flush_timer.start()

    def _kept_check_outs(self) -> list[int]:
        return [e.visit_id() for e in self.ctx.journal.entries() if e.kind == CHECK_OUT]

    @property
    def waiting_check_outs(self) -> list[int]:
        """Visits checked out on this desk whose check-out still waits in the journal."""
        return list(self._waiting_check_outs)

    def _refresh_waiting(self) -> None:
        waiting = self._kept_check_outs()
        if waiting != self._waiting_check_outs:
            self._waiting_check_outs = waiting
            self.check_outs_waiting.emit(list(waiting))

    def _tell_waiting(self) -> None:
        if self.flush_timer.isActive():
            self.offline_changed.emit(True, self.ctx.journal.count())

    def try_flush(self) -> int:
        """Reach the server again if the desk started without it, and send what was kept;
        returns how many still wait."""
        reconnecting = not self.ctx.online
        try:
            self.ctx.reconnect()
            done = self.ctx.flush_journal()
        except UserError as exc:
            if not is_unreachable(exc):
                log.warning("kept scans not sent: %s", exc)
            # What went before the server left again stays out of the inside list: those
            # people did leave, and the log is read once the rest is sent.
            return self.ctx.journal.count()
        self.flush_timer.stop()
        self.offline_changed.emit(False, self.ctx.journal.count())
        if reconnecting:
            self._refresh_waiting()
            self.reconnected.emit()  # the window reads the day, with what was just sent
            return self.ctx.journal.count()
        changed = [r.visit_id for _, r in done if r is not None and r.visit_id is not None]
        if changed:
            self.on_visits_changed(changed)
        self._refresh_waiting()
        if done:
            self.journal_sent.emit()  # conflicts too: the lists show the shared log again
        return self.ctx.journal.count()

    def submit_manual(self, entry: ManualEntry) -> ScanResult | None:
        """Record a manual entry (an entry unless the override says out).

        Raises ValueError(problems) when the entry is invalid, as the log does.
        """
        direction = Direction.OUT if self._direction == Direction.OUT else Direction.IN
        problems = entry.cleaned().problems()
        if problems:
            raise ValueError(problems)

        def keep() -> None:
            data = manual_data(entry.cleaned())
            self._keep("", Method.MANUAL, kind=MANUAL, data=data, direction=direction)

        if self.flush_timer.isActive():  # earlier ones still wait: this one goes after them
            keep()
            return None
        result, answered = self._record_answered(
            lambda: self.ctx.log.record_manual(entry, direction=direction), keep=keep
        )
        if not answered and not self.flush_timer.isActive():  # refused, and not kept either
            self.manual_refused.emit(entry)
        return result

    def check_out(self, visit_id: int) -> ScanResult | None:
        """The operator checks someone out from the inside list."""
        if visit_id in self._waiting_check_outs:
            # Sent twice, the second would only be a conflict in the log.
            self.failed.emit(t("journal.already_checked_out"))
            return None

        def keep() -> None:
            data = check_out_data(visit_id)
            self._keep("", Method.MANUAL, kind=CHECK_OUT, data=data, direction=Direction.OUT)
            self._refresh_waiting()

        if self.flush_timer.isActive():
            keep()
            return None
        result, answered = self._record_answered(
            lambda: self.ctx.log.check_out(visit_id), keep=keep
        )
        if result is None and answered:
            # Already checked out (at another desk, a moment ago): said, and the lists show it.
            self.failed.emit(t("desk.not_inside"))
            self.on_visits_changed([visit_id])
        return result

    def on_visits_changed(self, visit_ids: list[int]) -> None:
        """Slot for the live view: read only the visits that changed, and today's counts."""
        try:
            rows = self.ctx.log.visits(visit_ids)
            counts = self.ctx.log.day_counts(local_today())
        except UserError as exc:  # the server went away: the clock refreshes later
            log.info("live update skipped: %s", exc)
            return
        self.visits_changed.emit(rows, counts)

    def _record_answered(
        self,
        work: Callable[[], ScanResult | None],
        keep: Callable[[], None] | None = None,
    ) -> tuple[ScanResult | None, bool]:
        """``_record``, and whether the log answered (False: it refused, or the scan was
        kept on this desk)."""
        answered = False

        def run() -> ScanResult | None:
            nonlocal answered
            result = work()
            answered = True
            return result

        return self._record(run, keep=keep), answered

    def _record(
        self,
        work: Callable[[], ScanResult | None],
        keep: Callable[[], None] | None = None,
    ) -> ScanResult | None:
        started = time.perf_counter()
        try:
            result = work()
        except UserError as exc:  # database locked, full, unreachable: said in words
            if keep is not None and is_unreachable(exc):
                keep()
                return None
            log.warning("scan not recorded: %s", exc)
            self.failed.emit(str(exc))
            return None
        self.write_ms.append((time.perf_counter() - started) * 1000)
        del self.write_ms[:-1000]
        if result is not None:
            self.scan_recorded.emit(result)
            if result.recorded:
                # The panels hear which visits moved, with today's counts: nobody re-reads.
                changed = [result.visit_id, result.auto_closed_visit_id]
                self.on_visits_changed([v for v in changed if v is not None])
        return result
