"""``desk-app scan FILE... [--json]``: the codes in image and video files, read as fast as possible.

One line per code found (JSON with ``--json``: file, frame, text, kind, points). A file that
cannot be read is reported on stderr and the others are still read; the exit status is then 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from desk_app.cli import EXIT_ERROR, EXIT_OK
from desk_app.i18n import t

if TYPE_CHECKING:  # numpy is loaded with the decoder, not at every command's start
    import numpy as np

# In a video, a code seen again after being absent this many frames is reported again (a
# person coming back); shorter gaps are frames the decoder missed while the code stayed up.
REAPPEAR_AFTER_FRAMES = 10


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "scan",
        help=t("help.scan"),
        description=t("help.scan.description"),
    )
    p.add_argument("files", nargs="+", type=Path, metavar="FILE", help=t("help.scan.files"))
    p.add_argument("--json", action="store_true", help=t("help.json_per_code"))
    p.add_argument("--unit", action="store_true", help=t("help.scan.unit"))
    p.set_defaults(handler=cmd_scan)


def _frames(path: Path) -> Iterator[tuple[int | None, np.ndarray]]:
    """(frame index or None for an image, BGR frame); SourceError when unreadable."""
    from desk_app.scanning.sources import (
        IMAGE_SUFFIXES,
        ImageTooLarge,
        SourceError,
        open_video,
        read_image,
    )

    if path.is_dir():
        raise SourceError(t("scan.is_folder", path=path))
    if path.exists() and not path.is_file():
        raise SourceError(t("scan.not_a_file", path=path))
    if not path.is_file():
        raise SourceError(t("scan.source_missing", path=path))
    if path.suffix.lower() in IMAGE_SUFFIXES:
        image = read_image(path)
        if image is None:
            raise SourceError(t("scan.file_unreadable", path=path))
        yield None, image
        return
    try:
        source = open_video(path)
    except ImageTooLarge:
        raise
    except SourceError:
        raise SourceError(t("scan.file_unreadable", path=path)) from None
    try:
        index = 0
        while (frame := source.read()) is not None:
            yield index, frame
            index += 1
        if index == 0:
            raise SourceError(t("scan.file_unreadable", path=path))
    finally:
        source.release()


def _write(line: str) -> None:
    try:
        print(line, flush=True)
    except UnicodeEncodeError:  # a console that cannot show Vietnamese
        encoding = sys.stdout.encoding or "ascii"
        print(line.encode(encoding, "backslashreplace").decode(encoding), flush=True)


def _visible(text: str) -> str:
    return text.replace("\r", "\\r").replace("\n", "\\n")


def _parser(args: argparse.Namespace) -> tuple[Callable[[str], Any], Callable[[], None]]:
    from desk_app.domain.payloads import parse

    if not args.unit:
        return parse, lambda: None
    from desk_app.context import AppContext

    ctx = AppContext.open(args.db)
    return ctx.parse, ctx.close


def cmd_scan(args: argparse.Namespace) -> int:
    from desk_app.scanning.decoder import Decoder
    from desk_app.scanning.sources import SourceError

    decoder = Decoder()
    parse, close = _parser(args)
    failed = 0
    try:
        for path in args.files:
            last_seen: dict[str, int] = {}
            try:
                for frame_index, frame in _frames(path):
                    for code in decoder.decode(frame):
                        if frame_index is not None:
                            previous = last_seen.get(code.text)
                            last_seen[code.text] = frame_index
                            if previous is not None and (
                                frame_index - previous <= REAPPEAR_AFTER_FRAMES
                            ):
                                continue
                        _report(args, path, frame_index, code.text, parse(code.text), code.points)
            except SourceError as exc:
                failed += 1
                print(t("error.prefix", message=exc), file=sys.stderr)
    finally:
        close()
    if failed:
        print(t("error.prefix", message=t("scan.files_failed", count=failed)), file=sys.stderr)
        return EXIT_ERROR
    return EXIT_OK


def _report(
    args: argparse.Namespace,
    path: Path,
    frame: int | None,
    text: str,
    identity: Any,
    points: tuple[tuple[float, float], ...],
) -> None:
    kind = identity.kind.value
    if args.json:
        record = {
            "file": str(path),
            "frame": frame,
            "text": text,
            "kind": kind,
            "points": [[round(x, 1), round(y, 1)] for x, y in points],
        }
        try:
            _write_strict(json.dumps(record, ensure_ascii=False))
        except UnicodeEncodeError:
            _write(json.dumps(record, ensure_ascii=True))
        return
    where = f"{path}" if frame is None else f"{path} #{frame}"
    _write(f"{where}: [{kind}] {_visible(text)}")


def _write_strict(line: str) -> None:
    print(line, flush=True)
