"""The package as a wheel: it carries its translations, sounds, fonts, icons and demo feed,
and an installed copy finds them outside the checkout."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory, translations_built: Path) -> Path:
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"]
        + ["-w", str(out), str(REPO)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    (found,) = out.glob("desk_app-*.whl")
    return found


def test_wheel_carries_the_resources(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    for wanted in (
        "desk_app/resources/translations/desk_app_vi.qm",
        "desk_app/resources/translations/desk_app_en.qm",
        "desk_app/resources/sounds/entry.wav",
        "desk_app/resources/fonts/DejaVuSans.ttf",
        "desk_app/resources/icons/desk_app.png",
        "desk_app/resources/demo/demo_feed.avi",
        "desk_app/storage/migrations/script.py.mako",
        "desk_app/i18n/messages/vocabulary.py",
    ):
        assert wanted in names, wanted
    assert not any(name.endswith(".ts") for name in names)


def test_installed_wheel_runs_outside_the_checkout(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target)]
        + [str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    env = {**os.environ, "PYTHONPATH": str(target), "DESK_APP_HOME": str(tmp_path / "home")}
    done = subprocess.run(
        [sys.executable, "-m", "desk_app", "diag", "--json"],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=False,
    )
    report = json.loads(done.stdout)
    resources = Path(report["resources_dir"])
    assert resources.is_relative_to(target), resources
    assert {"sounds/entry.wav", "translations/desk_app_vi.qm", "demo/demo_feed.avi"} <= set(
        report["resources"]
    )
    # The window's translations load from the installed copy too.
    probe = "from desk_app.ui.i18n_qt import translations_dir; print(translations_dir())"
    shown = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert Path(shown.stdout.strip()).is_relative_to(target)
