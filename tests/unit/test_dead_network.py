"""A network that goes dead under a desk (no refusal, no answer at all): the desk gives up on
its server in seconds and keeps the scan, and its live view notices and listens again."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

CHILD = Path(__file__).with_name("dead_network_child.py")
LIMIT_SECONDS = 40.0


@pytest.mark.slow
def test_a_dead_network_is_given_up_in_seconds(tmp_path: Path) -> None:
    if os.name != "posix" or os.geteuid() != 0 or not shutil.which("unshare"):
        pytest.skip("needs a network namespace of the test's own (root, unshare)")
    probe = subprocess.run(["unshare", "-n", "true"], capture_output=True, check=False)
    if probe.returncode != 0:
        pytest.skip(f"no network namespace here: {probe.stderr!r}")
    run = subprocess.run(
        ["unshare", "-n", sys.executable, str(CHILD), str(LIMIT_SECONDS)],
        capture_output=True,
        text=True,
        timeout=LIMIT_SECONDS * 3,
        check=False,
        env=dict(os.environ, DESK_APP_HOME=str(tmp_path / "data")),
    )
    assert run.returncode == 0, run.stderr
    seen = json.loads(run.stdout.strip().splitlines()[-1])
    assert seen["before"] == ["entry", True]
    # The system's own TCP timeouts would take minutes (the desk frozen meanwhile).
    assert seen["record"] == "unreachable", seen
    assert seen["record_seconds"] < 30, seen
    assert seen["listen"] == "lost", seen
    assert seen["listen_seconds"] < 30, seen
