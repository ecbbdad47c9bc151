"""A desk recording scans one by one through the command line; the test paces it.

Argument: the database URL; stdin: one line per scan, "TEXT<TAB>ISO time". Each outcome
goes to stdout as "CODE<TAB>first line of output" before the next line is read.
"""

from __future__ import annotations

import contextlib
import io
import sys

from desk_app.cli import main as cli


def main() -> None:
    url = sys.argv[1]
    for line in sys.stdin:
        text, at = line.rstrip("\n").split("\t")
        out = io.StringIO()
        with contextlib.redirect_stdout(out):
            code = cli(["--db", url, "record", text, "--at", at])
        first = (out.getvalue().splitlines() or [""])[0]
        print(f"{code}\t{first}", flush=True)


if __name__ == "__main__":
    main()
