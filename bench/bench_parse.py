"""Parser speed per card shape, against the parser of an earlier revision in the same run.

    .venv/bin/python -m bench.bench_parse [--baseline REV] [--rounds N]

The baseline's ``desk_app`` is exported from git into a temporary folder and imported in a
child process, so both parsers run on the same machine at the same moment. Each figure is the
best of 5 runs in CPU time of the process: on a machine shared with other work, wall-clock
medians swing by half from one run to the next. Figures go to bench/results/parse.txt.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"


def _hex(text: str) -> str:
    return text.encode("utf-8").hex()


SHAPES = {
    "cccd 7 fields": "001090123456|123456789|Nguyễn Văn An|15031990|Nam|Số 1 Tràng Tiền|20042021",
    "căn cước 11 fields": "001090123456|123456789|Nguyễn Văn An|15031990|Nam|Hà Nội|15082024||||",
    "copied 6 fields": "001090123456|Nguyễn Văn An|15/03/1990|Nam|Hà Nội|20/04/2021",
    "pc-covid": "001090123456|NGUYEN VAN AN|1990-03-15|0|9f3c2a|<1<GD4797920417046<0912345678<SIG",
    "bhyt": "|".join(
        ["0123456789", _hex("Nguyễn Thị Hoà"), "02/09/1985", "2", "-", "01 - C54"]
        + ["01/01/2024", "31/12/2024", "15/12/2023", "01234567890123", "-", "4", "-", "-", "$"]
    ),
    "garbage": "https://example.com/?q=" + "x" * 80,
}

CHILD = r"""
import json, sys, time
from desk_app.domain.payloads import parse
shapes = json.loads(sys.argv[1]); rounds = int(sys.argv[2])
out = {}
for name, text in shapes.items():
    times = []
    for _ in range(5):
        start = time.process_time()
        for _ in range(rounds):
            parse(text)
        times.append((time.process_time() - start) / rounds * 1e6)
    out[name] = min(times)
print(json.dumps(out))
"""


def run(pythonpath: Path, rounds: int) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(pythonpath)}
    done = subprocess.run(
        [sys.executable, "-c", CHILD, json.dumps(SHAPES), str(rounds)],
        env=env,
        cwd=pythonpath,
        capture_output=True,
        text=True,
        check=True,
    )
    return {k: float(v) for k, v in json.loads(done.stdout).items()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--baseline", default="88741ff", help="git revision to compare with")
    parser.add_argument("--rounds", type=int, default=2000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        archive = subprocess.run(
            ["git", "archive", args.baseline, "desk_app"], cwd=ROOT, capture_output=True, check=True
        ).stdout
        subprocess.run(["tar", "-x", "-C", tmp], input=archive, check=True)
        before = run(Path(tmp), args.rounds)
    now = run(ROOT, args.rounds)
    lines = [
        "$ .venv/bin/python -m bench.bench_parse"
        f" --baseline {args.baseline} --rounds {args.rounds}",
        f"load average {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores;"
        " CPU time, best of 5 runs",
        f"{'shape':<22}{'before µs':>11}{'now µs':>9}{'now/before':>12}",
    ]
    for name in SHAPES:
        lines.append(
            f"{name:<22}{before[name]:>11.1f}{now[name]:>9.1f}{now[name] / before[name]:>12.2f}"
        )
    text = "\n".join(lines)
    print(text)
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "parse.txt").write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
