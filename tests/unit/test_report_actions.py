"""The report's actions are one piece of code for the window and the command line."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def _calls(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    return {
        node.func.attr
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and isinstance(node.func.value, ast.Name)
        and node.func.value.id == "actions"
    }


def test_window_and_command_line_share_the_actions() -> None:
    dialog = _calls(REPO / "desk_app/ui/dialogs/reports/report_dialog.py")
    cli = _calls(REPO / "desk_app/cli/report.py")
    shared = {"export_workbook", "save_eml", "send", "retry", "retry_summary"}
    assert shared <= dialog and shared <= cli, (dialog, cli)
    for path in ("desk_app/ui/dialogs/reports/report_dialog.py", "desk_app/cli/report.py"):
        source = (REPO / path).read_text(encoding="utf-8")
        # Neither composes, sends or retries on its own any more.
        for own in ("mail.compose(", "mail.send_report(", "mail.retry_pending(", "mail.deliver("):
            assert own not in source, (path, own)
