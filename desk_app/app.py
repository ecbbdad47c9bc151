"""``desk-app`` with no subcommand: the desk window (Qt application, context, translators)."""

from __future__ import annotations

import argparse
import logging
import sys

from desk_app.errors import UserError

log = logging.getLogger(__name__)


def _purge_if_due(ctx: object) -> None:
    from desk_app.context import AppContext

    assert isinstance(ctx, AppContext)
    if ctx.settings.get("retention.auto_purge"):
        ctx.log.purge(int(ctx.settings.get("retention.days")))


def choose_source(args: argparse.Namespace, configured: str) -> str:
    """``--camera`` first, then ``--demo``, then the configured camera."""
    if getattr(args, "camera", None):
        return str(args.camera)
    if getattr(args, "demo", False):
        from desk_app.ui.main_window import demo_feed_path

        return demo_feed_path()
    return configured


def run_window(args: argparse.Namespace) -> int:
    """Open the window and run until it closes; returns the exit status."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication, QMessageBox

    from desk_app import i18n
    from desk_app.context import AppContext

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    QCoreApplication.setOrganizationName("desk-app")
    QCoreApplication.setApplicationName("desk-app")
    lang = getattr(args, "lang", None) or i18n.language()
    exit_at_end = bool(getattr(args, "exit_at_end", False))
    _install(app, lang)
    try:
        ctx = AppContext.open(getattr(args, "db", None))
    except UserError as exc:
        if not exit_at_end:
            QMessageBox.critical(
                None, QCoreApplication.translate("DeskApp", "Entry control"), str(exc)
            )
        print(str(exc), file=sys.stderr)
        return 1
    try:
        if not getattr(args, "lang", None):
            lang = str(ctx.settings.get("ui.language"))
            _install(app, lang)
        if not exit_at_end:
            # A unit not yet set up runs with defaults when driven by a script.
            _first_run(ctx)
            try:
                _purge_if_due(ctx)
            except UserError as exc:
                log.warning("purge skipped: %s", exc)
        from desk_app.ui.main_window import MainWindow

        window = MainWindow(ctx, exit_at_end=exit_at_end)
        window.show()
        window.start_source(choose_source(args, str(ctx.settings.get("scan.camera"))))
        status = app.exec()
        return window.exit_code or status
    except UserError as exc:
        if not exit_at_end:
            QMessageBox.critical(
                None, QCoreApplication.translate("DeskApp", "Entry control"), str(exc)
            )
        print(str(exc), file=sys.stderr)
        return 1
    finally:
        ctx.close()


def _install(app: object, lang: str) -> None:
    from desk_app import i18n

    i18n.set_language(lang)
    try:
        from desk_app.ui.i18n_qt import install_translators
    except ImportError:
        return
    install_translators(app, lang)  # type: ignore[arg-type]


def _first_run(ctx: object) -> None:
    try:
        from desk_app.ui.setup_dialogs import run_first_run_if_needed
    except ImportError:
        return
    run_first_run_if_needed(ctx, None)
