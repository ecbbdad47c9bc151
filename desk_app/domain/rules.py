"""The desk's rules as pure functions: what a scan does, when a visit closes by itself,
when the Friday report is due. Storage loads the facts, these decide, storage applies.

    facts = storage loads (open visit, last scan, revoked card, the visit a pass names)
    decision = plan_scan(identity, facts, direction, now, debounce)
    storage writes the decision in the same transaction
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from enum import StrEnum

from desk_app.domain.payloads import CodeKind, Identity
from desk_app.domain.visits import Direction, Outcome, person_key
from desk_app.domain.week import week_containing
from desk_app.timeutil import local_day_bounds, local_zone, to_local

# Warning kept with a visit whose exit was stamped before its entry (a desk clock behind
# another desk's, or corrected backwards): the exit is stored at the entry time instead.
CLOCK_BEHIND = "clock_behind"
EXIT_WITHOUT_ENTRY = "exit_without_entry"
# Reason of a scan kept on a desk during an outage and sent later, which the log has moved
# past (the person has a later entry or exit): deciding it now would rewrite their visits.
JOURNAL_CONFLICT = "journal_conflict"


# Every reason and warning these rules give; each has a text in both languages
# (``reason.<code>`` / ``warning.<code>`` in the message catalogue).
REASONS = (
    "checkpoint_code",
    "staff_revoked",
    "no_document_number",
    "pass_old_format",
    "pass_expired",
    "pass_unknown",
    "pass_used",
    "pass_inside",
    "malformed",
    "unknown_format",
    JOURNAL_CONFLICT,
)
WARNINGS = (CLOCK_BEHIND, EXIT_WITHOUT_ENTRY)


class Action(StrEnum):
    REJECT = "reject"  # nothing recorded but the rejected scan
    REPEAT = "repeat"  # the same person again within the debounce window
    ENTER = "enter"  # a new visit (closing an open one left behind, if any)
    EXIT = "exit"  # the open visit ends
    EXIT_UNSEEN = "exit_unseen"  # an exit of someone never seen coming in


_OUTCOMES = {
    Action.REJECT: Outcome.REJECTED,
    Action.REPEAT: Outcome.REPEAT,
    Action.ENTER: Outcome.ENTRY,
    Action.EXIT: Outcome.EXIT,
    Action.EXIT_UNSEEN: Outcome.EXIT,
}


@dataclass(frozen=True)
class OpenVisit:
    """A visit of the person that has no exit yet."""

    id: int
    entry_at: datetime
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class PassVisit:
    """The visit a visitor pass names (found by the pass's token)."""

    id: int
    person_id: int
    entry_at: datetime
    exit_at: datetime | None
    warnings: tuple[str, ...] = ()


@dataclass(frozen=True)
class ScanFacts:
    """What storage knows about the person a scan is about, read in the scan's transaction."""

    open_visit: OpenVisit | None = None
    last_scan_at: datetime | None = None  # the latest-stamped entry or exit of the person
    last_visit_id: int | None = None  # their newest visit (what a repeat points at)
    last_exit_at: datetime | None = None  # when that visit ended
    staff_revoked: bool = False
    pass_visit: PassVisit | None = None


@dataclass(frozen=True)
class Decision:
    action: Action
    reason: str | None = None
    # REPEAT: the visit shown; EXIT: the visit that ends.
    visit_id: int | None = None
    # ENTER, EXIT_UNSEEN: when the new visit begins, never before the previous one ended.
    entry_at: datetime | None = None
    # EXIT: when the visit ends, never before its entry.
    exit_at: datetime | None = None
    # ENTER over a visit still open (a forced entry): that visit closes automatically then.
    close_visit_id: int | None = None
    close_at: datetime | None = None
    # The scan's own warnings (what the operator sees) and those kept with the visit.
    warnings: tuple[str, ...] = ()
    visit_warnings: tuple[str, ...] = ()
    # A rejected pass still names the person it was issued to.
    person_id: int | None = None

    @property
    def outcome(self) -> Outcome:
        return _OUTCOMES[self.action]


def reject(reason: str, person_id: int | None = None) -> Decision:
    return Decision(Action.REJECT, reason=reason, person_id=person_id)


def within_debounce(last: datetime | None, now: datetime, debounce: timedelta) -> bool:
    """The same person again within the window, on either side: a desk whose clock is
    behind another's stamps a later scan earlier, and it is still the same moment."""
    return last is not None and abs(now - last) < debounce


def _after(
    now: datetime, earliest: datetime | None, warnings: tuple[str, ...]
) -> tuple[datetime, tuple[str, ...]]:
    """``now``, or ``earliest`` when a clock behind stamped it earlier (with the warning)."""
    if earliest is not None and now < earliest:
        return earliest, (*warnings, CLOCK_BEHIND)
    return now, warnings


def plan_visit(
    facts: ScanFacts,
    direction: Direction,
    now: datetime,
    debounce: timedelta,
    warnings: tuple[str, ...] = (),
) -> Decision:
    """Entry, exit or repeat for a known person (a scanned card or a manual entry)."""
    open_visit = facts.open_visit
    if within_debounce(facts.last_scan_at, now, debounce):
        repeated = open_visit.id if open_visit is not None else facts.last_visit_id
        return Decision(Action.REPEAT, visit_id=repeated)
    if direction == Direction.IN or (direction == Direction.AUTO and open_visit is None):
        if open_visit is None:
            entry_at, shown = _after(now, facts.last_exit_at, warnings)
            return Decision(Action.ENTER, entry_at=entry_at, warnings=shown, visit_warnings=shown)
        # A forced entry of someone recorded inside: the old visit ends, automatically.
        close_at = max(now, open_visit.entry_at)
        entry_at, shown = _after(now, close_at, warnings)
        return Decision(
            Action.ENTER,
            entry_at=entry_at,
            close_visit_id=open_visit.id,
            close_at=close_at,
            warnings=shown,
            visit_warnings=shown,
        )
    if open_visit is None:
        at, shown = _after(now, facts.last_exit_at, warnings)
        unseen = (*shown, EXIT_WITHOUT_ENTRY)
        return Decision(
            Action.EXIT_UNSEEN, entry_at=at, exit_at=at, warnings=unseen, visit_warnings=unseen
        )
    scan_warnings = list(warnings)
    exit_at = now
    if now < open_visit.entry_at:
        exit_at = open_visit.entry_at
        scan_warnings.append(CLOCK_BEHIND)
    known = list(open_visit.warnings)
    merged = (*known, *(w for w in scan_warnings if w not in known))
    return Decision(
        Action.EXIT,
        visit_id=open_visit.id,
        exit_at=exit_at,
        warnings=tuple(scan_warnings),
        visit_warnings=merged,
    )


def plan_pass(
    identity: Identity, facts: ScanFacts, direction: Direction, now: datetime, debounce: timedelta
) -> Decision:
    """A visitor pass checks its own visit out, on the day it was printed, once."""
    extra = identity.extra
    if not extra.get("pass_token"):
        # Passes of the first version named the visit by its row number, which the database
        # may give to a later visit: they are refused whatever they say.
        return reject("pass_old_format" if extra.get("visit_id") else "malformed")
    try:
        expires_on = date.fromisoformat(extra.get("expires_on", ""))
    except ValueError:
        return reject("malformed")
    if to_local(now).date() > expires_on:
        return reject("pass_expired")
    visit = facts.pass_visit
    if visit is None:
        return reject("pass_unknown")
    if visit.exit_at is not None:
        if within_debounce(facts.last_scan_at, now, debounce):
            return Decision(Action.REPEAT, visit_id=visit.id)
        return reject("pass_used", visit.person_id)
    if direction == Direction.IN:
        return reject("pass_inside", visit.person_id)
    open_visit = facts.open_visit or OpenVisit(visit.id, visit.entry_at, visit.warnings)
    return plan_visit(
        ScanFacts(open_visit=open_visit, last_scan_at=facts.last_scan_at),
        Direction.OUT,
        now,
        debounce,
    )


def plan_scan(
    identity: Identity,
    facts: ScanFacts,
    direction: Direction,
    now: datetime,
    debounce: timedelta,
    *,
    replayed: bool = False,
) -> Decision:
    """What one scanned code does: reject (with a reason), repeat, enter or exit.

    ``replayed``: the scan was kept on a desk during an outage and is sent only now.
    """
    if not identity.recognised:
        return reject(identity.reason or "unknown_format")
    if identity.kind == CodeKind.CHECKPOINT:
        return reject("checkpoint_code")
    if identity.kind == CodeKind.VISITOR_PASS:
        return plan_pass(identity, facts, direction, now, debounce)
    if identity.kind == CodeKind.STAFF and facts.staff_revoked:
        return reject("staff_revoked")
    if person_key(identity) is None:
        return reject("no_document_number")
    if replayed and overtaken(facts, now):
        return reject(JOURNAL_CONFLICT)
    return plan_visit(facts, direction, now, debounce, tuple(identity.warnings))


def overtaken(facts: ScanFacts, now: datetime) -> bool:
    """The log already has an entry or exit of the person later than ``now``: something kept
    on a desk during an outage and sent only now would rewrite their visits."""
    return facts.last_scan_at is not None and facts.last_scan_at > now


def plan_manual(
    facts: ScanFacts, direction: Direction, now: datetime, *, replayed: bool = False
) -> Decision:
    """A person typed in at the desk: entry, or exit with the direction override."""
    if replayed and overtaken(facts, now):
        return reject(JOURNAL_CONFLICT)
    return plan_visit(facts, direction, now, timedelta(0))


def plan_check_out(
    visit: OpenVisit | None, facts: ScanFacts, now: datetime, *, replayed: bool = False
) -> Decision | None:
    """The operator checks out a visit from the inside list. None: nothing to do, the visit
    ended or is gone. Kept during an outage and sent only now, a check-out of a visit that
    ended meanwhile (at another desk) or of a person seen later is a conflict instead."""
    if visit is None:
        return reject(JOURNAL_CONFLICT) if replayed else None
    if replayed and overtaken(facts, now):
        return reject(JOURNAL_CONFLICT)
    if now < visit.entry_at:  # a clock behind the one that stamped the entry
        return Decision(
            Action.EXIT, visit_id=visit.id, exit_at=visit.entry_at, warnings=(CLOCK_BEHIND,)
        )
    return Decision(Action.EXIT, visit_id=visit.id, exit_at=now)


# ----- closing time -----------------------------------------------------------------------
def closing_exit(entry_at: datetime, closing: time, now: datetime) -> datetime | None:
    """When a visit still open is closed automatically: at the closing time of the day it
    began (the next day's, for someone who came in after closing), once that has passed."""
    entry_local = to_local(entry_at)
    close_local = datetime.combine(entry_local.date(), closing, tzinfo=local_zone())
    if close_local <= entry_local:
        close_local += timedelta(days=1)
    if close_local > to_local(now):
        return None
    return close_local.astimezone(UTC)


# ----- the Friday reminder ----------------------------------------------------------------
@dataclass(frozen=True)
class ReminderWindow:
    week_start: datetime  # Monday 00:00 of the week, local
    remind_from: datetime  # the reminder day and time of that week


def reminder_window(now: datetime, weekday: int, at: time) -> ReminderWindow:
    """The week (Monday to Sunday) ``now`` falls in, and when reminding starts in it."""
    week = week_containing(to_local(now).date())
    day = week.first + timedelta(days=weekday)
    remind_from = local_day_bounds(day)[0] + timedelta(hours=at.hour, minutes=at.minute)
    return ReminderWindow(local_day_bounds(week.first)[0], remind_from)


def reminder_due(now: datetime, window: ReminderWindow, sent_this_week: bool) -> bool:
    """From the reminder day and time until a report has been sent that week."""
    return now >= window.remind_from and not sent_this_week
