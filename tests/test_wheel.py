"""The package as a wheel: it carries its translations, sounds, fonts, icons, demo feed and
database migrations, and an installed copy finds them outside the checkout."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

pytestmark = pytest.mark.slow


def _checkout(target: Path) -> Path:
    """The project's files as a fresh clone has them: no compiled translations, no caches."""
    listed = subprocess.run(
        ["git", "-C", str(REPO), "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        check=True,
        capture_output=True,
    ).stdout.decode("utf-8")
    for name in filter(None, listed.split("\0")):
        source = REPO / name
        if source.is_file():
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(source, target / name)
    return target


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    source = _checkout(tmp_path_factory.mktemp("checkout"))
    assert not list(source.rglob("*.qm"))
    out = tmp_path_factory.mktemp("wheel")
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q"]
        + ["-w", str(out), str(source)],
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
        "desk_app/storage/migrations/env.py",
        "desk_app/storage/migrations/versions/0001_initial_schema.py",
        "desk_app/i18n/messages/vocabulary.py",
    ):
        assert wanted in names, wanted
    assert not any(name.endswith(".ts") for name in names)
    versions = sorted(p.name for p in (REPO / "desk_app/storage/migrations/versions").glob("*.py"))
    packed = sorted(
        Path(n).name for n in names if n.startswith("desk_app/storage/migrations/versions/")
    )
    assert packed == versions


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
    # The translations compiled into the wheel are the window's Vietnamese.
    probe = (
        "from PySide6.QtCore import QTranslator\n"
        "from desk_app.ui.i18n_qt import translations_dir\n"
        "t = QTranslator()\n"
        "print(t.load('desk_app_vi', str(translations_dir())))\n"
        "print(t.translate('AboutDialog', 'About desk_app'))\n"
    )
    shown = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=120,
        check=True,
    )
    assert shown.stdout.split("\n")[:2] == ["True", "Giới thiệu desk_app"], shown.stdout


def test_installed_wheel_makes_a_new_log(wheel: Path, tmp_path: Path) -> None:
    """A new log is made by the migrations, which must travel in the wheel."""
    target = tmp_path / "site"
    subprocess.run(
        [sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target", str(target)]
        + [str(wheel)],
        check=True,
        capture_output=True,
        timeout=300,
    )
    env = {**os.environ, "PYTHONPATH": str(target), "DESK_APP_HOME": str(tmp_path / "home")}
    db = str(tmp_path / "log.sqlite3")

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, "-m", "desk_app", "--db", db, "--lang", "en", *args],
            cwd=tmp_path,
            env=env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=120,
            check=False,
        )

    done = run("config", "set", "unit.name", "UBND xã Đồng Phúc")
    assert done.returncode == 0, done.stderr
    done = run("config", "get", "unit.name")
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "UBND xã Đồng Phúc"
