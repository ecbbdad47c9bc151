"""``desk-app`` with no subcommand: the desk window (Qt application, context, translators)."""

from __future__ import annotations

import argparse
import logging
import sys
import traceback
from types import TracebackType
from typing import Any

from desk_app.errors import UserError, log_file_path, write_crash_log
from desk_app.i18n import t

log = logging.getLogger(__name__)


def choose_source(args: argparse.Namespace, configured: str) -> str:
    """``--camera`` first, then ``--demo``, then the configured camera."""
    if getattr(args, "camera", None):
        return str(args.camera)
    if getattr(args, "demo", False):
        from desk_app.ui.desk.sources import demo_feed_path

        return demo_feed_path()
    return configured


def _tell(message: str, *, quiet: bool) -> None:
    """One clear message: a box for a person, stderr for a script (never a dialog to wait on)."""
    print(message, file=sys.stderr)
    if quiet:
        return
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QMessageBox

    QMessageBox.critical(None, QCoreApplication.translate("DeskApp", "Entry control"), message)


def _install_excepthook(quiet: bool) -> None:
    """A bug in a slot is written to the log file and said in one line, not as a traceback."""
    showing = False

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        nonlocal showing
        write_crash_log("".join(traceback.format_exception(kind, exc, tb)))
        message = (
            str(exc)
            if isinstance(exc, UserError)
            else t("error.unexpected", message=exc, log=log_file_path())
        )
        if showing:
            print(message, file=sys.stderr)
            return
        showing = True
        try:
            _tell(message, quiet=quiet)
        finally:
            showing = False

    sys.excepthook = hook


def run_window(args: argparse.Namespace) -> int:
    """Open the window and run until it closes; returns the exit status."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QApplication

    from desk_app import i18n
    from desk_app.context import AppContext

    app = QApplication.instance() or QApplication(sys.argv[:1])
    assert isinstance(app, QApplication)
    QCoreApplication.setOrganizationName("desk-app")
    QCoreApplication.setApplicationName("desk-app")
    quiet = bool(getattr(args, "exit_at_end", False))
    _install(app, getattr(args, "lang", None) or i18n.language())
    single = None
    if not quiet:  # a script driving a window (--exit-at-end) may run beside the desk's own
        from desk_app.ui.desk.single_instance import SingleInstance

        single = SingleInstance(app)
        if not single.acquire():
            single.ask_running()  # one camera per desk: the running window comes forward
            print(t("app.already_running"))
            return 0
    try:
        # A server out of reach: the desk opens offline and keeps what it records.
        ctx = AppContext.open(getattr(args, "db", None), offline_ok=True)
    except UserError as exc:
        _tell(str(exc), quiet=quiet)
        if single is not None:
            single.release()
        return 1
    previous_hook = sys.excepthook
    _install_excepthook(quiet)
    try:
        if not getattr(args, "lang", None):
            _install(app, ctx.settings.text("ui.language"))
        if not quiet and ctx.online:
            # A unit not yet set up runs with defaults when driven by a script (--exit-at-end).
            _first_run(ctx)
        try:
            ctx.housekeeping()  # automatic check-out of earlier days, retention purge
        except UserError as exc:
            log.warning("housekeeping skipped: %s", exc)
        from desk_app.ui.main_window import MainWindow

        window = MainWindow(ctx, exit_at_end=quiet)
        notice = database_notice(ctx)
        if notice:
            window.statusBar().showMessage(notice)
        window.show_for_desk()
        window.start_source(choose_source(args, ctx.settings.text("scan.camera")))
        window.start_serial_scanner(getattr(args, "scanner_port", None))
        window.start_live_view()
        if single is not None:
            single.activated.connect(window.bring_to_front)
        status = app.exec()
        return window.exit_code or status
    except UserError as exc:
        _tell(str(exc), quiet=quiet)
        return 1
    finally:
        sys.excepthook = previous_hook
        ctx.close()
        if single is not None:
            single.release()


def database_notice(ctx: Any) -> str:
    """What the status bar says about the log at start: new and empty, read-only, or a
    server out of reach."""
    if not ctx.online:
        from desk_app.storage.database import url_without_password

        return t("db.offline", url=url_without_password(ctx.db.url))
    if ctx.db.created:
        return t("db.new_log", path=ctx.db.file.path)
    if ctx.db.read_only and ctx.db.file.disk_full:
        return t("db.opened_full", path=ctx.db.file.path)
    if ctx.db.read_only:
        return t("db.opened_readonly", path=ctx.db.file.path)
    return ""


def _install(app: Any, lang: str) -> None:
    from desk_app import i18n

    i18n.set_language(lang)
    from desk_app.ui.i18n_qt import install_translators

    install_translators(app, lang)


def _first_run(ctx: Any) -> None:
    from desk_app.ui.dialogs.setup.setup_dialogs import run_first_run_if_needed

    run_first_run_if_needed(ctx, None)
