"""The desk's rules without a database: facts in, a decision out."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from desk_app.domain.payloads import CodeKind, Identity
from desk_app.domain.rules import (
    CLOCK_BEHIND,
    REASONS,
    WARNINGS,
    Action,
    OpenVisit,
    PassVisit,
    ScanFacts,
    closing_exit,
    plan_scan,
    reminder_due,
    reminder_window,
)
from desk_app.domain.visits import Direction, Outcome

T0 = datetime(2026, 11, 23, 1, 0, tzinfo=UTC)  # Monday 08:00 in Hà Nội
S = timedelta(seconds=1)
M = timedelta(minutes=1)
DEBOUNCE = 10 * S
CARD = Identity(CodeKind.CCCD, raw="...", id_number="001090123456", name="Nguyễn Văn An")
STAFF = Identity(CodeKind.STAFF, raw="...", id_number="NV1", name="An", extra={"unit_id": "u"})
OPEN = OpenVisit(7, T0, ("id_sex_mismatch",))


def _pass(**extra: str) -> Identity:
    return Identity(CodeKind.VISITOR_PASS, raw="DKQ1...", extra=extra)


TODAY_PASS = _pass(pass_token="K4Q2ZP7MXR3W5NYA", expires_on="2026-11-23")
PASS_OPEN = PassVisit(7, 3, T0, None)
PASS_ENDED = PassVisit(7, 3, T0, T0 + 5 * M)

# (name, identity, facts, direction, now, action, reason or visit id)
CASES = [
    ("first scan enters", CARD, ScanFacts(), Direction.AUTO, T0, Action.ENTER, None),
    ("inside leaves", CARD, ScanFacts(OPEN, T0), Direction.AUTO, T0 + M, Action.EXIT, 7),
    ("again at once", CARD, ScanFacts(OPEN, T0), Direction.AUTO, T0 + 9 * S, Action.REPEAT, 7),
    ("after the window", CARD, ScanFacts(OPEN, T0), Direction.AUTO, T0 + DEBOUNCE, Action.EXIT, 7),
    (
        "repeat after leaving shows the last visit",
        CARD,
        ScanFacts(None, T0, last_visit_id=5),
        Direction.AUTO,
        T0 + 2 * S,
        Action.REPEAT,
        5,
    ),
    (
        "a later-stamped scan a moment ago: repeat",
        CARD,
        ScanFacts(OPEN, T0 + 30 * S),
        Direction.AUTO,
        T0 + 25 * S,
        Action.REPEAT,
        7,
    ),
    ("forced in", CARD, ScanFacts(), Direction.IN, T0, Action.ENTER, None),
    ("forced out, never seen", CARD, ScanFacts(), Direction.OUT, T0, Action.EXIT_UNSEEN, None),
    ("forced out", CARD, ScanFacts(OPEN, T0), Direction.OUT, T0 + M, Action.EXIT, 7),
    (
        "unrecognised",
        Identity(CodeKind.UNRECOGNISED, raw="x", reason="too_long"),
        ScanFacts(),
        Direction.AUTO,
        T0,
        Action.REJECT,
        "too_long",
    ),
    (
        "no reason given",
        Identity(CodeKind.UNRECOGNISED, raw="x"),
        ScanFacts(),
        Direction.AUTO,
        T0,
        Action.REJECT,
        "unknown_format",
    ),
    (
        "checkpoint poster",
        Identity(CodeKind.CHECKPOINT, raw="x"),
        ScanFacts(),
        Direction.AUTO,
        T0,
        Action.REJECT,
        "checkpoint_code",
    ),
    (
        "no number",
        Identity(CodeKind.PCCOVID, raw="x", name="AN"),
        ScanFacts(),
        Direction.AUTO,
        T0,
        Action.REJECT,
        "no_document_number",
    ),
    ("staff card", STAFF, ScanFacts(), Direction.AUTO, T0, Action.ENTER, None),
    (
        "revoked staff card",
        STAFF,
        ScanFacts(staff_revoked=True),
        Direction.AUTO,
        T0,
        Action.REJECT,
        "staff_revoked",
    ),
    (
        "pass at the exit",
        TODAY_PASS,
        ScanFacts(pass_visit=PASS_OPEN, last_scan_at=T0),
        Direction.AUTO,
        T0 + M,
        Action.EXIT,
        7,
    ),
    (
        "pass at the entrance",
        TODAY_PASS,
        ScanFacts(pass_visit=PASS_OPEN),
        Direction.IN,
        T0 + M,
        Action.REJECT,
        "pass_inside",
    ),
    (
        "pass used",
        TODAY_PASS,
        ScanFacts(pass_visit=PASS_ENDED, last_scan_at=T0 + 5 * M),
        Direction.AUTO,
        T0 + 6 * M,
        Action.REJECT,
        "pass_used",
    ),
    (
        "pass held a moment longer",
        TODAY_PASS,
        ScanFacts(pass_visit=PASS_ENDED, last_scan_at=T0 + 5 * M),
        Direction.AUTO,
        T0 + 5 * M + 2 * S,
        Action.REPEAT,
        7,
    ),
    (
        "pass of no visit",
        TODAY_PASS,
        ScanFacts(),
        Direction.AUTO,
        T0,
        Action.REJECT,
        "pass_unknown",
    ),
    (
        "pass of yesterday",
        TODAY_PASS,
        ScanFacts(pass_visit=PASS_OPEN),
        Direction.AUTO,
        T0 + timedelta(days=1),
        Action.REJECT,
        "pass_expired",
    ),
    (
        "pass of the first kind (a visit number)",
        _pass(visit_id="42", expires_on="2026-11-23"),
        ScanFacts(pass_visit=PASS_OPEN),
        Direction.AUTO,
        T0,
        Action.REJECT,
        "pass_old_format",
    ),
    (
        "pass with a broken date",
        _pass(pass_token="AAAA", expires_on="soon"),
        ScanFacts(),
        Direction.AUTO,
        T0,
        Action.REJECT,
        "malformed",
    ),
]


@pytest.mark.parametrize(
    ("identity", "facts", "direction", "now", "action", "expected"),
    [case[1:] for case in CASES],
    ids=[case[0] for case in CASES],
)
def test_plan_scan(
    identity: Identity,
    facts: ScanFacts,
    direction: Direction,
    now: datetime,
    action: Action,
    expected: object,
) -> None:
    decision = plan_scan(identity, facts, direction, now, DEBOUNCE)
    assert decision.action is action
    if action is Action.REJECT:
        assert decision.reason == expected
        assert decision.outcome is Outcome.REJECTED
    elif expected is not None:
        assert decision.visit_id == expected


def test_an_exit_stamped_before_its_entry_ends_at_the_entry() -> None:
    # The side gate's clock is five minutes behind the main gate's.
    facts = ScanFacts(OPEN, T0)
    decision = plan_scan(CARD, facts, Direction.AUTO, T0 - 5 * M, DEBOUNCE)
    assert decision.action is Action.EXIT
    assert decision.exit_at == T0
    assert CLOCK_BEHIND in decision.warnings
    assert decision.visit_warnings == ("id_sex_mismatch", CLOCK_BEHIND)


def test_a_forced_entry_closes_the_open_visit_never_before_its_entry() -> None:
    decision = plan_scan(CARD, ScanFacts(OPEN, T0), Direction.IN, T0 - 5 * M, DEBOUNCE)
    assert decision.action is Action.ENTER
    assert (decision.close_visit_id, decision.close_at) == (7, T0)
    assert decision.entry_at == T0 and CLOCK_BEHIND in decision.warnings


def test_an_entry_stamped_before_the_last_exit_begins_at_that_exit() -> None:
    # Left at the main gate at 08:30; back in at the side gate, whose clock says 08:27.
    facts = ScanFacts(None, T0 + 30 * M, last_visit_id=5, last_exit_at=T0 + 30 * M)
    decision = plan_scan(CARD, facts, Direction.AUTO, T0 + 27 * M, DEBOUNCE)
    assert decision.action is Action.ENTER
    assert decision.entry_at == T0 + 30 * M
    assert decision.warnings == (CLOCK_BEHIND,)
    later = plan_scan(CARD, facts, Direction.AUTO, T0 + 40 * M, DEBOUNCE)
    assert (later.entry_at, later.warnings) == (T0 + 40 * M, ())


def test_an_exit_keeps_the_entry_warnings_and_adds_the_new_ones() -> None:
    card = Identity(
        CodeKind.CCCD, raw="...", id_number="001090123456", warnings=("id_birth_year_mismatch",)
    )
    decision = plan_scan(card, ScanFacts(OPEN, T0), Direction.AUTO, T0 + M, DEBOUNCE)
    assert decision.warnings == ("id_birth_year_mismatch",)
    assert decision.visit_warnings == ("id_sex_mismatch", "id_birth_year_mismatch")


def test_a_forced_exit_of_someone_never_seen_says_so() -> None:
    decision = plan_scan(CARD, ScanFacts(), Direction.OUT, T0, DEBOUNCE)
    assert decision.exit_at == T0
    assert decision.warnings == ("exit_without_entry",)


@pytest.mark.parametrize(
    ("entry_local", "now_local", "expected_local"),
    [
        ("2026-11-23 08:00", "2026-11-23 17:59", None),
        ("2026-11-23 08:00", "2026-11-23 18:00", "2026-11-23 18:00"),
        ("2026-11-23 08:00", "2026-11-25 09:00", "2026-11-23 18:00"),
        ("2026-11-23 19:30", "2026-11-23 23:00", None),  # came after closing: next day's
        ("2026-11-23 19:30", "2026-11-24 18:00", "2026-11-24 18:00"),
    ],
)
def test_closing_time(entry_local: str, now_local: str, expected_local: str | None) -> None:
    def utc(text: str) -> datetime:
        return datetime.fromisoformat(text + "+07:00").astimezone(UTC)

    expected = None if expected_local is None else utc(expected_local)
    assert closing_exit(utc(entry_local), time(18), utc(now_local)) == expected


@pytest.mark.parametrize(
    ("now_local", "sent", "due"),
    [
        ("2026-11-26 16:00", False, False),  # Thursday
        ("2026-11-27 13:59", False, False),
        ("2026-11-27 14:00", False, True),  # Friday 14:00
        ("2026-11-29 22:00", False, True),  # still due on Sunday
        ("2026-11-27 15:00", True, False),
        ("2026-11-30 09:00", False, False),  # a new week
    ],
)
def test_friday_reminder(now_local: str, sent: bool, due: bool) -> None:
    now = datetime.fromisoformat(now_local + "+07:00")
    window = reminder_window(now, 4, time(14))
    monday = datetime.fromisoformat("2026-11-30 00:00+07:00" if now.day == 30 else "2026-11-23")
    assert window.week_start == monday.replace(tzinfo=now.tzinfo)
    assert reminder_due(now, window, sent) is due


def test_every_reason_and_warning_of_the_rules_has_both_languages() -> None:
    from desk_app.i18n import CATALOGUE

    for key in [f"reason.{r}" for r in REASONS] + [f"warning.{w}" for w in WARNINGS]:
        assert set(CATALOGUE[key]) >= {"vi", "en"}, key
        assert all(CATALOGUE[key].values()), key


def test_the_rules_give_only_the_reasons_they_list() -> None:
    given = {case[6] for case in CASES if case[5] is Action.REJECT}
    assert given - {"too_long"} <= set(REASONS)


def test_a_scan_sent_late_from_a_desk_journal_never_rewrites_later_visits() -> None:
    # Kept at the side gate at 09:00 during an outage; the person left the main gate at 09:30.
    facts = ScanFacts(None, T0 + 90 * M, last_visit_id=5, last_exit_at=T0 + 90 * M)
    late = plan_scan(CARD, facts, Direction.AUTO, T0 + 60 * M, DEBOUNCE, replayed=True)
    assert (late.action, late.reason) == (Action.REJECT, "journal_conflict")
    # The same scan made live is decided as usual (a desk clock behind, at worst).
    assert plan_scan(CARD, facts, Direction.AUTO, T0 + 60 * M, DEBOUNCE).action is Action.ENTER
    # Sent late but still the newest: decided as usual.
    newest = plan_scan(CARD, facts, Direction.AUTO, T0 + 95 * M, DEBOUNCE, replayed=True)
    assert newest.action is Action.ENTER
