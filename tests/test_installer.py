"""The frozen build: built once per run, then driven as a desk PC would run it (no Python,
no system libzbar): diag, scan, poster, the window on a video file, PostgreSQL."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import uuid
from pathlib import Path
from typing import Any

import pytest

import build_installer
from tests.conftest import REPO_ROOT, SAMPLES_QR

BUILD_TIMEOUT = 540
RUN_TIMEOUT = 120
# Two sample photos both decoders read, from the public regression set.
SAMPLE_IMAGES = ("zxing/qrcode-2/1.png", "zxing/qrcode-2/14.png")
AN = "001090123456||Nguyễn Văn An|01011990|Nam|Hà Nội|01012021"
BINH = "079195001234||Trần Thị Bình|15061995|Nữ|TP. Hồ Chí Minh|01012022"

# Written to a file and run with ``sh``: inside a private mount namespace, the system's
# libzbar files become empty files and the loader cache is rebuilt without them, so neither
# ``ctypes.util.find_library`` nor ``dlopen`` can reach it; then the command runs.
HIDE_SCRIPT = r"""
set -e
empty="$1"; cache="$2"; shift 2
for lib in $HIDE_LIBS; do mount --bind "$empty" "$lib"; done
/sbin/ldconfig -X -C "$cache" 2>/dev/null || true
mount --bind "$cache" /etc/ld.so.cache
exec "$@"
"""


# --- the build script, without building ---------------------------------------------------


def test_kept_qt_files() -> None:
    keep = build_installer.keep_qt_file
    assert keep("PySide6/Qt/plugins/platforms/libqxcb.so")
    assert keep("PySide6/Qt/plugins/platforms/libqoffscreen.so")
    assert keep("PySide6\\plugins\\platforms\\qwindows.dll")
    assert keep("PySide6/Qt/plugins/printsupport/libcupsprintersupport.so")
    assert keep("PySide6/Qt/plugins/platforminputcontexts/libibusplatforminputcontextplugin.so")
    assert not keep("PySide6/Qt/plugins/platforms/libqwayland.so")
    assert not keep("PySide6/Qt/plugins/imageformats/libqpdf.so")
    assert not keep("PySide6/Qt/plugins/tls/libqopensslbackend.so")
    assert not keep("PySide6/Qt/plugins/sqldrivers/libqsqlite.so")
    assert keep("PySide6/Qt/translations/qtbase_vi.qm")
    assert keep("PySide6/Qt/translations/qtbase_en.qm")
    assert not keep("PySide6/Qt/translations/qtbase_de.qm")
    assert not keep("PySide6/Qt/translations/designer_en.qm")
    assert not keep("PySide6/opengl32sw.dll")
    assert keep("PySide6/Qt/lib/libQt6Core.so.6")
    assert keep("resources/translations/desk_app_vi.qm")


def test_prune_drops_only_what_dropped_plugins_needed() -> None:
    binaries = [
        ("PySide6/Qt/plugins/platforms/libqwayland.so", "/src/wayland", "BINARY"),
        ("PySide6/Qt/plugins/platforms/libqxcb.so", "/src/xcb", "BINARY"),
        ("PySide6/Qt/lib/libQt6WaylandClient.so.6", "/src/wlc", "BINARY"),
        ("libwayland-client.so.0", "/src/wl", "BINARY"),
        ("PySide6/Qt/lib/libQt6Gui.so.6", "/src/gui", "BINARY"),
        ("libzbar.so.0", "/src/zbar", "BINARY"),
    ]
    links = {
        "/src/wayland": ["libQt6WaylandClient.so.6", "libQt6Gui.so.6"],
        "/src/wlc": ["libwayland-client.so.0", "libQt6Gui.so.6"],
        "/src/xcb": ["LIBQT6GUI.SO.6"],  # as Windows import tables may spell it
    }
    kept, dropped = build_installer.prune_binaries(binaries, lambda src: links.get(src, []))
    assert [e[0] for e in dropped] == [
        "PySide6/Qt/plugins/platforms/libqwayland.so",
        "PySide6/Qt/lib/libQt6WaylandClient.so.6",
        "libwayland-client.so.0",
    ]
    # libQt6Gui is needed by a kept plugin; libzbar is loaded by name and linked by nobody.
    assert {e[0] for e in kept} == {
        "PySide6/Qt/plugins/platforms/libqxcb.so",
        "PySide6/Qt/lib/libQt6Gui.so.6",
        "libzbar.so.0",
    }
    links_toc = [
        ("libQt6WaylandClient.so.6", "PySide6/Qt/lib/libQt6WaylandClient.so.6", "SYMLINK"),
        ("libQt6Gui.so.6", "PySide6/Qt/lib/libQt6Gui.so.6", "SYMLINK"),
    ]
    assert build_installer.without_dangling_links(links_toc, dropped) == links_toc[1:]


def test_inputs_follow_the_tree() -> None:
    modules = build_installer.package_modules()
    assert {"desk_app", "desk_app.cli", "desk_app.cli.diag", "desk_app.native"} <= set(modules)
    assert not [m for m in modules if "migrations" in m]
    assert {"alembic", "desk_app.storage.schema"} <= set(build_installer.migration_imports())
    sources = {
        Path(src).relative_to(REPO_ROOT).as_posix() for src, _ in build_installer.resource_files()
    }
    assert "resources/icons/desk_app.ico" in sources
    assert not [s for s in sources if s.endswith(".ts")]
    migrations = {dest for _, dest in build_installer.migration_files()}
    assert migrations == {
        "desk_app/storage/migrations",
        "desk_app/storage/migrations/versions",
    }


def test_inno_setup_script(tmp_path: Path) -> None:
    dist = tmp_path / "dist" / "desk-app"
    text = build_installer.render_iss(dist, "1.2.3")
    assert not re.search(r"@[A-Z_]+@", text)  # every placeholder filled
    assert '#define AppVersion "1.2.3"' in text
    assert f'#define DistDir "{dist}"' in text
    assert re.search(r'^Name: "\{autoprograms\}\\\{#AppName\}"', text, re.M)
    assert re.search(r'^Name: "\{autodesktop\}.*Tasks: desktopicon$', text, re.M)
    # The uninstaller removes what was installed, never the per-user data folder.
    assert "{localappdata}" not in text.lower()
    assert "[UninstallDelete]" not in text
    assert text.count("AppId={{5E0B8C2A-6F1D-4C57-9A3E-2D7B1F4C8E61}") == 1


# --- the bundle ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The one-folder build, made once per test run (``DESK_APP_BUNDLE`` reuses a build)."""
    prebuilt = os.environ.get("DESK_APP_BUNDLE")
    if prebuilt:
        return Path(prebuilt)
    out = tmp_path_factory.mktemp("installer")
    done = subprocess.run(
        [sys.executable, "build_installer.py", "--dist", out / "dist", "--work", out / "work"],
        cwd=REPO_ROOT,
        capture_output=True,
        text=True,
        timeout=BUILD_TIMEOUT,
        check=False,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-3000:]
    print(done.stdout)
    return out / "dist" / "desk-app"


def _system_libzbar_files() -> list[str]:
    try:
        found = build_installer.find_libzbar()
    except SystemExit:
        return []
    files = {os.path.realpath(p) for p in found}
    for lib in found:
        files.update(os.path.realpath(p) for p in lib.parent.glob("libzbar.so*"))
    return sorted(files)


@pytest.fixture(scope="session")
def hide_prefix(tmp_path_factory: pytest.TempPathFactory) -> list[str]:
    """A command prefix that runs a command with the system libzbar unreachable, or [] where
    this machine allows no private mount namespace (the checks on the loaded file remain)."""
    libs = _system_libzbar_files()
    if not sys.platform.startswith("linux") or not libs or shutil.which("unshare") is None:
        return []
    folder = tmp_path_factory.mktemp("hide")
    script = folder / "hide.sh"
    script.write_text(HIDE_SCRIPT, encoding="utf-8")
    (folder / "empty").write_bytes(b"")
    prefix = [
        "env",
        f"HIDE_LIBS={' '.join(libs)}",
        "unshare",
        "--mount",
        "--map-root-user",
        "sh",
        str(script),
        str(folder / "empty"),
        str(folder / "ld.so.cache"),
    ]
    probe = subprocess.run(
        [
            *prefix,
            sys.executable,
            "-c",
            "import ctypes.util; print(ctypes.util.find_library('zbar'))",
        ],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    return prefix if probe.returncode == 0 and probe.stdout.strip() == "None" else []


class Desk:
    """Runs the bundle with a clean environment: no venv, no LD_LIBRARY_PATH, offscreen."""

    def __init__(self, bundle: Path, prefix: list[str], tmp_path: Path) -> None:
        self.exe = bundle / ("desk-app.exe" if sys.platform == "win32" else "desk-app")
        self.prefix = prefix
        self.home = tmp_path / "home"
        self.env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(tmp_path),
            "DESK_APP_HOME": str(self.home),
            "DESK_APP_LANG": "en",
            "DESK_APP_TZ": "Asia/Ho_Chi_Minh",
            "QT_QPA_PLATFORM": "offscreen",
            "PYTHON_KEYRING_BACKEND": "keyring.backends.null.Keyring",
        }
        for name in ("SYSTEMROOT", "TEMP", "TMP", "TMPDIR", "LANG"):
            if name in os.environ:
                self.env[name] = os.environ[name]

    def __call__(self, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        done = subprocess.run(
            [*self.prefix, str(self.exe), *args],
            env=self.env,
            capture_output=True,
            text=True,
            encoding="utf-8",
            timeout=RUN_TIMEOUT,
            check=False,
        )
        if check:
            assert done.returncode == 0, f"{args}: {done.returncode}\n{done.stdout}\n{done.stderr}"
        return done


@pytest.fixture
def desk(bundle: Path, hide_prefix: list[str], tmp_path: Path) -> Desk:
    return Desk(bundle, hide_prefix, tmp_path)


def _json_objects(text: str) -> list[dict[str, Any]]:
    """Objects from a JSON array, one object, or one object per line."""
    text = text.strip()
    try:
        data = json.loads(text)
    except json.JSONDecodeError:
        return [json.loads(line) for line in text.splitlines() if line.strip()]
    return data if isinstance(data, list) else [data]


@pytest.mark.slow
def test_bundle_contents(bundle: Path) -> None:
    from PyInstaller.archive.readers import CArchiveReader

    internal = bundle / "_internal"
    assert (internal / "resources" / "translations" / "desk_app_vi.qm").is_file()
    assert (internal / "resources" / "translations" / "desk_app_en.qm").is_file()
    for rel, _dest in build_installer.resource_files():
        assert (internal / Path(rel).relative_to(REPO_ROOT)).is_file(), rel
    migrations = internal / "desk_app" / "storage" / "migrations"
    source = REPO_ROOT / "desk_app" / "storage" / "migrations"
    assert (migrations / "env.py").read_bytes() == (source / "env.py").read_bytes()
    assert (migrations / "script.py.mako").is_file()
    assert sorted(p.name for p in (migrations / "versions").glob("*.py")) == sorted(
        p.name for p in (source / "versions").glob("*.py")
    )
    names = {p.relative_to(internal).as_posix() for p in internal.rglob("*")}
    assert [n for n in names if re.fullmatch(r"libzbar[^/]*", n)], "libzbar not bundled"
    unwanted = re.compile(
        r"libQt6(Network|Qml|Quick|Pdf|Svg|OpenGL|WaylandClient|Sql|Test|Multimedia)"
        r"|/plugins/(wayland|tls|sqldrivers|generic|egldeviceintegrations|iconengines)"
        r"|_tkinter|^PySide6/.*translations/(?!qt(base)?_(vi|en))"
    )
    assert not [n for n in names if unwanted.search(n)]
    assert not [p for p in internal.rglob("*") if p.is_symlink() and not p.exists()]
    archive = CArchiveReader(str(bundle / "desk-app"))
    modules = set(archive.open_embedded_archive("PYZ.pyz").toc)
    assert set(build_installer.package_modules()) - {"desk_app.__main__"} <= modules
    assert not {"unittest", "pytest", "hypothesis", "tkinter", "mypy", "aiosmtpd"} & modules


@pytest.mark.slow
def test_diag_loads_the_bundled_libzbar(desk: Desk, bundle: Path, hide_prefix: list[str]) -> None:
    report = json.loads(desk("diag", "--json").stdout)
    internal = (bundle / "_internal").resolve()
    assert report["frozen"] is True
    assert Path(report["bundle_dir"]).resolve() == internal
    zbar = report["libzbar"]
    assert Path(zbar["loaded"]).resolve().parent == internal, zbar
    # What the loader really mapped: the bundled file and nothing from the system.
    assert zbar["mapped"] and all(Path(m).resolve().parent == internal for m in zbar["mapped"])
    assert re.fullmatch(r"\d+\.\d+", zbar["version"])
    if hide_prefix:
        assert zbar["system_find_library"] is None  # the system copy really was out of reach
    broken = {k: v for k, v in report["packages"].items() if not re.match(r"\d+\.\d+", v or "")}
    assert not broken
    assert Path(report["data_dir"]) == desk.home
    assert report["database_url"] == f"sqlite:///{desk.home / 'desk.sqlite3'}"
    assert {"libqoffscreen.so", "libqxcb.so"} <= set(report["qt"]["plugins"]["platforms"])
    assert "translations/desk_app_vi.qm" in report["resources"]


@pytest.mark.slow
def test_data_folder_is_per_user_not_beside_the_program(
    desk: Desk, bundle: Path, tmp_path: Path
) -> None:
    del desk.env["DESK_APP_HOME"]
    desk.env.pop("XDG_DATA_HOME", None)
    data = Path(json.loads(desk("diag", "--json").stdout)["data_dir"]).resolve()
    assert not data.is_relative_to(bundle.resolve())
    if sys.platform.startswith("linux"):
        assert data == (tmp_path / ".local" / "share" / "desk-app").resolve()


@pytest.mark.slow
def test_scan_sample_images_and_a_video(desk: Desk, tmp_path: Path) -> None:
    from tests.videos import write_code_video

    images = [SAMPLES_QR / rel for rel in SAMPLE_IMAGES]
    video = write_code_video(tmp_path / "codes.avi", [AN, BINH], size=(640, 480))
    found = _json_objects(desk("scan", *map(str, images), str(video), "--json").stdout)
    for image in images:
        expected = image.with_suffix(".txt").read_text(encoding="utf-8")
        texts = [o["text"] for o in found if Path(o["file"]).name == image.name]
        assert [t.replace("\r\n", "\n").rstrip("\n") for t in texts] == [
            expected.replace("\r\n", "\n").rstrip("\n")
        ]
    from_video = {o["text"] for o in found if Path(o["file"]).name == video.name}
    assert from_video == {AN, BINH}


@pytest.mark.slow
def test_poster_to_pdf(desk: Desk, tmp_path: Path) -> None:
    import cv2
    import zxingcpp

    desk("config", "set", "unit.name", "Công ty Thử nghiệm")
    pdf = tmp_path / "poster.pdf"
    desk("poster", "--out", str(pdf))
    assert pdf.read_bytes().startswith(b"%PDF")
    subprocess.run(
        ["pdftoppm", "-r", "60", "-png", "-singlefile", str(pdf), str(tmp_path / "poster")],
        check=True,
        timeout=60,
    )
    text = subprocess.run(
        ["pdftotext", str(pdf), "-"], capture_output=True, text=True, check=True, timeout=60
    ).stdout
    assert "Công ty Thử nghiệm" in text  # the bundled fonts carry the Vietnamese letters
    codes = zxingcpp.read_barcodes(cv2.imread(str(tmp_path / "poster.png"), cv2.IMREAD_GRAYSCALE))
    assert len(codes) == 1
    parsed = json.loads(desk("parse", codes[0].text, "--json").stdout)
    assert parsed["kind"] == "checkpoint" and parsed["reason"] is None


@pytest.mark.slow
def test_window_records_the_codes_of_a_video(desk: Desk, tmp_path: Path) -> None:
    from tests.videos import write_code_video

    video = write_code_video(tmp_path / "desk.avi", [AN, BINH], size=(640, 480))
    desk("--camera", str(video), "--exit-at-end")
    visits = json.loads(desk("log", "--json").stdout)
    assert sorted(v["name"] for v in visits) == ["Nguyễn Văn An", "Trần Thị Bình"]
    assert {v["entry_method"] for v in visits} == {"camera"}


@pytest.mark.slow
def test_postgresql_through_the_bundle(desk: Desk) -> None:
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        if os.environ.get("CI"):
            pytest.fail("TEST_DATABASE_URL is not set in CI")
        pytest.skip("TEST_DATABASE_URL not set (no PostgreSQL server for this run)")
    from sqlalchemy import create_engine, text
    from sqlalchemy.engine import make_url

    # A database of its own: other tests reset the shared one as they go.
    name = f"desk_installer_{uuid.uuid4().hex[:8]}"
    admin = create_engine(url, isolation_level="AUTOCOMMIT")
    with admin.connect() as conn:
        conn.execute(text(f"CREATE DATABASE {name}"))
    try:
        own = make_url(url).set(database=name).render_as_string(hide_password=False)
        desk("--db", own, "record", AN)
        visits = json.loads(desk("--db", own, "log", "--json").stdout)
        assert [v["name"] for v in visits] == ["Nguyễn Văn An"]
    finally:
        with admin.connect() as conn:
            conn.execute(text(f"DROP DATABASE IF EXISTS {name} WITH (FORCE)"))
        admin.dispose()
