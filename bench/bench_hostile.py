"""Hostile input in numbers: the parser on random and mutated payloads, forged own codes, and
recording processes killed in the middle of a scan.

    .venv/bin/python -m bench.bench_hostile [--parser-calls N] [--forgeries N] [--kills N]
                                            [--seed S] [--out FILE]

Figures go to bench/results/hostile.json (counts, not speeds: what was tried, how many, what
happened). A crash is an exception escaping ``parse`` (it never raises); ``internal_error`` is
the parser's own reason for a bug it caught. A forgery is a text that is not a genuine code
of the unit (after the reader's NFC and case folding) but reads as one. A kill is SIGKILL to
the process of ``tests/unit/recorder_child.py`` after it reported a random number of scans as
recorded; a lost scan is one reported but missing from the log afterwards.
"""

from __future__ import annotations

import argparse
import base64
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import unicodedata
from collections import Counter
from datetime import date
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
CHILD = ROOT / "tests" / "unit" / "recorder_child.py"

SECRET = b"bench-hostile-secret-0123456789ab"
UNIT = "so-tt-tt-bac-kan"


def _hex(text: str) -> str:
    return text.encode("utf-8").hex()


SAMPLES = [
    "001090123456|123456789|Nguyễn Văn An|15031990|Nam|Số 1 Tràng Tiền, Hà Nội|20042021",
    "001090123456||Nguyễn Văn An|15031990|Nam|131/9/2 Lê Lợi - Bắc Kạn|20042021",
    "079190123456|079190123456|Trần Thị Bích|01011990|Nữ|TP. Hồ Chí Minh|15082024||||",
    "001090123456|Nguyễn Văn An|15/03/1990|Nam|Hà Nội|20/04/2021",
    "001090123456|NGUYEN VAN AN|1990-03-15|0|9f3c2a|<1<GD4797920417046<0912345678<SIG",
    "0010******56|NGUYEN VAN AN|1990-**-**|1|9f3c2a|1<GD4797920417046<0912345678",
    "|".join(
        ["0123456789", _hex("Nguyễn Thị Hoà"), "02/09/1985", "2", "-", "01 - C54"]
        + ["01/01/2024", "31/12/2024", "15/12/2023", "01234567890123", "-", "4", "-", "-", "$"]
    ),
    "|".join(
        ["GD4797920417046", _hex("Lê Văn Bình"), "1980", "1", _hex("Bắc Kạn"), "06 - 001"]
        + ["01/01/2024", "-", "15/12/2023", "01234567890123", "-", "4", " 01/01/2019", "$"]
    ),
]
NOISE = [
    "\x00", "\r\n", "\t", "\x1b[2J", "\u202e", "\ufeff", "\u200b", "|", "||", "<", "-", "*",
    "Nữ", "Nam", "\udcff", "\U0001f600", "ſ", "\u212a", "Ｄ", "é", "\u0301", "9" * 40, "DKQ1.",
]  # fmt: skip


def _mutate(rng: random.Random, text: str) -> str:
    chars = list(text)
    for _ in range(rng.randint(1, 6)):
        op = rng.randrange(6)
        at = rng.randrange(len(chars) + 1)
        if op == 0 and chars:  # drop
            del chars[min(at, len(chars) - 1)]
        elif op == 1:  # insert noise
            chars[at:at] = list(rng.choice(NOISE))
        elif op == 2 and chars:  # replace with any character
            chars[min(at, len(chars) - 1)] = chr(rng.randrange(0x110000))
        elif op == 3 and chars:  # duplicate a slice
            end = min(len(chars), at + rng.randint(1, 20))
            chars[at:at] = chars[at:end]
        elif op == 4:  # cut
            chars = chars[:at]
        else:  # shuffle the fields
            fields = "".join(chars).split("|")
            rng.shuffle(fields)
            chars = list("|".join(fields))
    return "".join(chars)


def _payload(rng: random.Random, own: list[str]) -> str | bytes:
    kind = rng.randrange(5)
    if kind == 0:
        return bytes(rng.randrange(256) for _ in range(rng.randrange(300)))
    if kind == 1:
        return "".join(chr(rng.randrange(0x30000)) for _ in range(rng.randrange(200)))
    if kind == 2:  # a mutated code sent as bytes, the way a serial scanner does
        text = _mutate(rng, rng.choice(SAMPLES))
        return text.encode("utf-8", "surrogatepass") if rng.random() < 0.5 else text
    if kind == 3:
        return _mutate(rng, rng.choice(own))
    return _mutate(rng, rng.choice(SAMPLES))


def _has_control(value: object) -> bool:
    return isinstance(value, str) and any(
        unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp") for ch in value
    )


def _genuine_codes() -> list[str]:
    from desk_app.domain import own_codes

    codes = [
        own_codes.encode_staff(SECRET, UNIT, f"NV{i:03d}", name, title)
        for i, (name, title) in enumerate(
            [("Nguyễn Văn An", "Bảo vệ"), ("Trần Thị Bích", "Văn thư"), ("Lê Bình", "")]
        )
    ]
    codes += [
        own_codes.encode_visitor_pass(SECRET, UNIT, own_codes.new_pass_token(), date(2026, 12, d))
        for d in (1, 15, 31)
    ]
    codes += [own_codes.encode_checkpoint(SECRET, UNIT, "Cổng chính", v) for v in (5, 6)]
    return codes


def parser_round(calls: int, rng: random.Random) -> dict[str, Any]:
    from desk_app.domain.payloads import parse

    own = _genuine_codes()
    crashes = 0
    reasons: Counter[str] = Counter()
    shown_control = 0
    started = time.perf_counter()
    for _ in range(calls):
        payload = _payload(rng, own)
        try:
            identity = parse(payload, unit_secret=SECRET, unit_id=UNIT)
        except Exception:  # noqa: BLE001 - what is counted here
            crashes += 1
            continue
        reasons[identity.reason or identity.kind.value] += 1
        values = [identity.raw, identity.id_number, identity.old_id_number, identity.name]
        values += [identity.address, identity.clinic, identity.sex]
        values += list(identity.extra.values())
        shown_control += any(_has_control(v) for v in values)
    return {
        "calls": calls,
        "crashes": crashes,
        "internal_error": reasons.get("internal_error", 0),
        "fields_with_control_characters": shown_control,
        "outcomes": dict(reasons.most_common()),
        "seconds": round(time.perf_counter() - started, 1),
    }


_B32 = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
FORGERY_WAYS = (
    "edit", "signature", "swap", "secret", "unit", "token", "lookalike", "length", "field",
)  # fmt: skip
LOOKALIKES = {"S": "ſ", "K": "\u212a", "A": "А", "O": "О", "D": "Ｄ", "1": "１", ".": "．"}


def _forge(rng: random.Random, genuine: list[str]) -> tuple[str, str]:
    from desk_app.domain import own_codes

    code = rng.choice(genuine)
    parts = code.split(".")
    way = rng.choice(FORGERY_WAYS)
    if way == "edit":  # one character changed
        at = rng.randrange(len(code))
        forged = code[:at] + rng.choice(_B32 + ".") + code[at + 1 :]
    elif way == "signature":  # a random signature of the right length
        forged = ".".join([*parts[:-1], "".join(rng.choices(_B32, k=len(parts[-1])))])
    elif way == "swap":  # the fields of one code under the signature of another
        other = rng.choice(genuine).split(".")
        forged = ".".join([*parts[:-1], other[-1]])
    elif way == "secret":  # signed with a guessed secret
        secret = bytes(rng.randrange(256) for _ in range(rng.choice((1, 8, 16, 32))))
        forged = own_codes.encode_staff(secret, UNIT, "NV999", "Kẻ Giả", "Giám đốc")
    elif way == "unit":  # another unit's valid-looking code
        secret = bytes(rng.randrange(256) for _ in range(32))
        forged = own_codes.encode_checkpoint(secret, "don-vi-khac", "Cổng", 1)
    elif way == "token":  # a pass with a guessed token, signature kept
        token = base64.b32encode(os.urandom(10)).decode().rstrip("=")
        pass_parts = genuine[3].split(".")
        forged = ".".join([*pass_parts[:3], token, *pass_parts[4:]])
    elif way == "lookalike":  # a character that upper(), NFC or width folding might undo
        at = rng.choice([i for i, ch in enumerate(code) if ch in LOOKALIKES] or [0])
        forged = code[:at] + LOOKALIKES.get(code[at], "ſ") + code[at + 1 :]
    elif way == "length":  # the signature cut or lengthened
        cut = rng.randint(1, len(parts[-1]))
        extra = "".join(rng.choices(_B32, k=rng.randint(0, 4)))
        forged = ".".join([*parts[:-1], parts[-1][:-cut] + extra])
    else:  # a field replaced with a well-formed one (a promoted title, another staff id)
        field = base64.b32encode("Giám đốc".encode()).decode().rstrip("=")
        at = rng.randrange(3, len(parts) - 1)
        forged = ".".join([*parts[:at], field, *parts[at + 1 :]])
    return way, forged


def forgery_round(tries: int, rng: random.Random) -> dict[str, Any]:
    from desk_app.domain.payloads import CodeKind, parse

    genuine = _genuine_codes()
    canonical = {g.upper() for g in genuine}
    own_kinds = (CodeKind.STAFF, CodeKind.VISITOR_PASS, CodeKind.CHECKPOINT)
    accepted: list[str] = []
    ways: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    same = 0
    while sum(ways.values()) < tries:
        way, text = _forge(rng, genuine)
        if unicodedata.normalize("NFC", text).strip().upper() in canonical:
            same += 1  # the genuine code after all (an edit that changed nothing): not counted
            continue
        ways[way] += 1
        identity = parse(text, unit_secret=SECRET, unit_id=UNIT)
        reasons[identity.reason or identity.kind.value] += 1
        if identity.kind in own_kinds:
            accepted.append(text)
    return {
        "tried": sum(ways.values()),
        "accepted": len(accepted),
        "accepted_examples": accepted[:5],
        "unchanged_edits_skipped": same,
        "by_way": dict(ways.most_common()),
        "reasons": dict(reasons.most_common()),
    }


def kill_round(kills: int, rng: random.Random, most: int) -> dict[str, Any]:
    from desk_app.context import AppContext

    folder = Path(tempfile.mkdtemp(prefix="bench-hostile-"))
    db_file = folder / "log.sqlite3"
    url = f"sqlite:///{db_file}"
    AppContext.open(url).close()
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    reported_total = lost = exits_lost = integrity_failures = 0
    started = time.perf_counter()
    for k in range(kills):
        wanted = rng.randint(1, most)
        child = subprocess.Popen(
            [sys.executable, str(CHILD), url, f"{100 + k % 900:03d}", "1000000"],
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            text=True,
            env=env,
        )
        reported: list[tuple[int, str]] = []
        assert child.stdout is not None
        for line in child.stdout:
            if line.startswith("recorded "):
                _, visit, outcome = line.split()
                reported.append((int(visit), outcome))
            if len(reported) >= wanted:
                child.send_signal(signal.SIGKILL)  # at once, wherever the child is
                break
        child.wait(timeout=60)
        with sqlite3.connect(db_file) as conn:
            if conn.execute("PRAGMA integrity_check").fetchone() != ("ok",):
                integrity_failures += 1
            stored = dict(conn.execute("SELECT id, exit_at IS NOT NULL FROM visits"))
        conn.close()
        reported_total += len(reported)
        lost += sum(1 for visit, _ in reported if visit not in stored)
        exits_lost += sum(
            1 for visit, outcome in reported if outcome == "exit" and not stored.get(visit)
        )
    with sqlite3.connect(db_file) as conn:
        visits = conn.execute("SELECT count(*) FROM visits").fetchone()[0]
    conn.close()
    for path in folder.iterdir():
        path.unlink()
    folder.rmdir()
    return {
        "kills": kills,
        "acknowledged_scans": reported_total,
        "acknowledged_scans_lost": lost,
        "acknowledged_exits_lost": exits_lost,
        "integrity_check_failures": integrity_failures,
        "visits_in_log": visits,
        "seconds": round(time.perf_counter() - started, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--parser-calls", type=int, default=190_000)
    parser.add_argument("--forgeries", type=int, default=14_000)
    parser.add_argument("--kills", type=int, default=110)
    parser.add_argument("--most-per-kill", type=int, default=40, help="scans before a kill")
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--out", type=Path, default=RESULTS / "hostile.json")
    args = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    rng = random.Random(args.seed)
    figures = {
        "command": " ".join(["python -m bench.bench_hostile", *sys.argv[1:]]),
        "seed": args.seed,
        "parser": parser_round(args.parser_calls, rng),
        "forgeries": forgery_round(args.forgeries, rng),
        "kills": kill_round(args.kills, rng, args.most_per_kill),
    }
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(json.dumps(figures, ensure_ascii=False, indent=2) + "\n", "utf-8")
    p, f, k = figures["parser"], figures["forgeries"], figures["kills"]
    print(f"parser calls {p['calls']}: crashes {p['crashes']}, internal_error "
          f"{p['internal_error']}, fields with control characters "
          f"{p['fields_with_control_characters']}")  # fmt: skip
    print(f"forged own codes {f['tried']}: accepted {f['accepted']}")
    print(f"kills {k['kills']}: acknowledged scans {k['acknowledged_scans']}, lost "
          f"{k['acknowledged_scans_lost']}, "
          f"integrity failures {k['integrity_check_failures']}")  # fmt: skip
    print(f"written to {args.out}")


if __name__ == "__main__":
    main()
