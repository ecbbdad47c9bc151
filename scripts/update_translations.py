"""Refresh the window's translation sources (``.ts``) and compile them (``.qm``).

``python scripts/update_translations.py``          lupdate over desk_app/**/*.py into
                                                   resources/translations/desk_app_{vi,en}.ts,
                                                   then English filled with the source texts,
                                                   then lrelease
``python scripts/update_translations.py --release-only``   only lrelease (set-up, installer)
``python scripts/update_translations.py --check``  exit 1 when a Vietnamese text is missing

The ``.ts`` files are committed; the ``.qm`` files are built. Vietnamese texts are written by
hand in ``desk_app_vi.ts`` (Qt Linguist or a text editor); a new source string arrives as
``type="unfinished"`` and the check (and the test suite) fails until it is translated.
"""

from __future__ import annotations

import argparse
import html
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGE = ROOT / "desk_app"
TS_DIR = ROOT / "resources" / "translations"
LANGUAGES = ("vi", "en")
# Contexts that do not belong to a class name are a sign that lupdate misread a call
# (e.g. ``self.tr(text, disambiguation)`` in PySide6 lands in "QCoreApplication.self").
SUSPECT_CONTEXT = re.compile(r"\.")


def ts_path(lang: str, folder: Path = TS_DIR) -> Path:
    return folder / f"desk_app_{lang}.ts"


def source_files() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if "migrations" not in p.parts)


def _tool(name: str) -> str:
    scripts = Path(sys.executable).parent
    found = shutil.which(
        f"pyside6-{name}", path=os.pathsep.join([str(scripts), os.environ.get("PATH", "")])
    )
    if not found:
        raise SystemExit(f"pyside6-{name} not found (install PySide6)")
    return found


def run_lupdate(targets: list[Path], files: list[Path] | None = None) -> None:
    """lupdate over the package into ``targets`` (created or merged, obsolete ones dropped)."""
    files = files if files is not None else source_files()
    with tempfile.TemporaryDirectory() as tmp:
        listing = Path(tmp) / "files.lst"
        listing.write_text("\n".join(str(f) for f in files) + "\n", encoding="utf-8")
        for target in targets:
            lang = target.stem.rsplit("_", 1)[-1]
            subprocess.run(
                [
                    _tool("lupdate"),
                    "-silent",
                    "-no-obsolete",
                    "-locations",
                    "none",
                    "-source-language",
                    "en",
                    "-target-language",
                    lang,
                    f"@{listing}",
                    "-ts",
                    str(target),
                ],
                check=True,
            )


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str
    numerus: bool
    translations: tuple[str, ...]
    finished: bool

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.context, self.source, self.comment)


def read_ts(path: Path) -> list[Message]:
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            if translation is None:
                forms: tuple[str, ...] = ()
                kind = "unfinished"
            else:
                kind = translation.get("type", "")
                if message.get("numerus") == "yes":
                    forms = tuple(f.text or "" for f in translation.iter("numerusform"))
                else:
                    forms = (translation.text or "",)
            if kind in ("vanished", "obsolete"):
                continue
            messages.append(
                Message(
                    context=name,
                    source=message.findtext("source") or "",
                    comment=message.findtext("comment") or "",
                    numerus=message.get("numerus") == "yes",
                    translations=forms,
                    finished=kind != "unfinished" and bool(forms) and all(f for f in forms),
                )
            )
    return messages


def missing(path: Path) -> list[Message]:
    """Messages without a finished, non-empty translation."""
    return [m for m in read_ts(path) if not m.finished]


_MESSAGE = re.compile(r"<message>(.*?)</message>", re.DOTALL)
_TRANSLATION = re.compile(r"<translation[^>]*?(?:/>|>.*?</translation>)", re.DOTALL)


def finish_english(path: Path) -> int:
    """English needs no translator: each unfinished text becomes its source; returns how
    many. Plural (numerus) messages are left for a person, who writes the singular form."""
    text = path.read_text(encoding="utf-8")
    count = 0

    def fill(match: re.Match[str]) -> str:
        nonlocal count
        body = match.group(1)
        translation = _TRANSLATION.search(body)
        source = re.search(r"<source>(.*?)</source>", body, re.DOTALL)
        if translation is None or source is None:
            return match.group(0)
        current = translation.group(0)
        if (
            'type="unfinished"' not in current
            and not current.endswith("/>")
            and (current != "<translation></translation>")
        ):
            return match.group(0)
        count += 1
        body = body.replace(current, f"<translation>{source.group(1)}</translation>", 1)
        return f"<message>{body}</message>"

    path.write_text(_MESSAGE.sub(fill, text), encoding="utf-8")
    return count


def build_translations(folder: Path = TS_DIR) -> list[Path]:
    """Compile every ``.ts`` in ``folder`` into ``.qm``; returns the ``.qm`` files."""
    sys.path.insert(0, str(ROOT))
    from desk_app.ui.i18n_qt import ensure_qm

    ensure_qm(force=True, folder=folder)
    return sorted(folder.glob("*.qm"))


def update_ts() -> None:
    TS_DIR.mkdir(parents=True, exist_ok=True)
    run_lupdate([ts_path(lang) for lang in LANGUAGES])
    filled = finish_english(ts_path("en"))
    print(f"English: {filled} new texts filled in")
    for lang in LANGUAGES:
        for message in missing(ts_path(lang)):
            print(f"{lang}: to translate: [{message.context}] {html.unescape(message.source)!r}")
        for message in read_ts(ts_path(lang)):
            if SUSPECT_CONTEXT.search(message.context):
                print(f"{lang}: misread context {message.context!r}: {message.source!r}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    group = parser.add_mutually_exclusive_group()
    group.add_argument("--release-only", action="store_true", help="only compile .ts -> .qm")
    group.add_argument("--check", action="store_true", help="fail on missing translations")
    args = parser.parse_args(argv)
    if args.check:
        gaps = [m for lang in LANGUAGES for m in missing(ts_path(lang))]
        for m in gaps:
            print(f"untranslated: [{m.context}] {m.source!r}")
        return 1 if gaps else 0
    if not args.release_only:
        update_ts()
    for qm in build_translations():
        print(f"built {qm.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
