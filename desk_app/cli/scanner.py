"""``desk-app scanner ports|listen``: find a serial scanner's port and try it out.

``ports`` lists the serial ports of this computer (a scanner in USB-COM / CDC mode is one of
them). ``listen`` reads a port the way the desk does (chunks, CR/LF or silence, reconnecting)
and prints one line per code; a refused code goes to stderr with its reason.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from desk_app.cli import EXIT_OK, CliError
from desk_app.cli.core import row_number
from desk_app.i18n import t


def baud_arg(text: str) -> int:
    """A baud rate within what the setting ``scanner.baud`` accepts."""
    from desk_app.settings import BY_KEY

    spec = BY_KEY["scanner.baud"]
    low, high = spec.minimum or 1, spec.maximum or 921_600
    try:
        rate = int(text)
    except ValueError:
        rate = 0
    if not low <= rate <= high:
        raise argparse.ArgumentTypeError(t("cli.bad_baud", value=text, low=low, high=high))
    return rate


def register(subparsers: Any) -> None:
    p = subparsers.add_parser(
        "scanner",
        help=t("help.scanner"),
        description=t("help.scanner.description"),
    )
    actions = p.add_subparsers(dest="scanner_action", metavar="ACTION", required=True)
    ports = actions.add_parser("ports", help=t("help.scanner.ports"))
    ports.add_argument("--json", action="store_true", help=t("help.json"))
    ports.set_defaults(handler=cmd_ports)
    listen = actions.add_parser("listen", help=t("help.scanner.listen"))
    listen.add_argument("--port", metavar="PORT", help=t("help.scanner.port"))
    listen.add_argument("--baud", type=baud_arg, metavar="RATE", help=t("help.scanner.baud"))
    listen.add_argument("--count", type=row_number, metavar="N", help=t("help.scanner.count"))
    listen.add_argument("--json", action="store_true", help=t("help.json_per_code"))
    listen.set_defaults(handler=cmd_listen)


def cmd_ports(args: argparse.Namespace) -> int:
    from desk_app.scanning.serial_scanner import available_ports

    found = available_ports()
    if args.json:
        print(json.dumps([{"port": d, "description": s} for d, s in found], ensure_ascii=False))
        return EXIT_OK
    if not found:
        print(t("scanner.no_ports"), file=sys.stderr)
    for device, description in found:
        print(f"{device}\t{description}" if description else device)
    return EXIT_OK


def _port_and_baud(args: argparse.Namespace) -> tuple[str, int]:
    port = args.port or getattr(args, "scanner_port", None) or ""
    baud = args.baud
    if not port or baud is None:
        from desk_app.context import AppContext

        ctx = AppContext.open(args.db)
        try:
            port = port or ctx.settings.text("scanner.port")
            baud = baud or ctx.settings.number("scanner.baud")
        finally:
            ctx.close()
    if not port:
        raise CliError(t("scanner.no_port"))
    return port, baud


def cmd_listen(args: argparse.Namespace) -> int:
    from desk_app.domain.payloads import keepable, parse
    from desk_app.scanning.serial_scanner import SerialScan, SerialScannerReader

    port, baud = _port_and_baud(args)
    seen = 0

    def on_scan(scan: SerialScan) -> None:
        nonlocal seen
        if args.count is not None and seen >= args.count:
            return  # a later code of the same read
        seen += 1
        if scan.text is None:
            reason = scan.reason or ""
            if args.json:
                print(json.dumps({"text": None, "reason": reason, "sample": scan.sample()}))
            print(t(f"scanner.rejected.{reason}", sample=scan.sample()), file=sys.stderr)
        elif args.json:
            identity = parse(scan.text)
            print(
                json.dumps(
                    {
                        "text": keepable(scan.text),
                        "kind": identity.kind.value,
                        "reason": identity.reason,
                    },
                    ensure_ascii=False,
                )
            )
        else:
            # The holder's relatives on an identity card are shown nowhere, here neither.
            print(keepable(scan.text))
        sys.stdout.flush()

    def on_status(status: str, _detail: str) -> None:
        print(t(f"scanner.status.{status}", port=port), file=sys.stderr, flush=True)

    print(t("scanner.listening", port=port), file=sys.stderr, flush=True)
    reader = SerialScannerReader(port, baud)
    try:
        reader.run(lambda: args.count is not None and seen >= args.count, on_scan, on_status)
    except KeyboardInterrupt:
        pass
    return EXIT_OK
