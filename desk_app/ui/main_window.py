"""The desk's main window: builds the panels, the actions and the menus, and connects them."""

from __future__ import annotations

import logging

from PySide6.QtCore import QEvent, QSettings, QTimer
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QLabel,
    QMainWindow,
    QMessageBox,
)

from desk_app.context import AppContext
from desk_app.domain.visits import ScanResult, VisitRow
from desk_app.errors import UserError
from desk_app.i18n import t
from desk_app.paths import data_dir, resource_path
from desk_app.scanning.wedge import ScannerWedge
from desk_app.timeutil import local_today
from desk_app.ui.desk.camera_feed import CameraFeed
from desk_app.ui.desk.controller import DeskController
from desk_app.ui.desk.layout import DeskArea
from desk_app.ui.desk.live_view import LiveWatcherThread
from desk_app.ui.desk.result_banner import classify
from desk_app.ui.desk.serial_feed import ScannerStatus, SerialScannerFeed
from desk_app.ui.desk.shortcuts import DeskActions, ShortcutsDialog
from desk_app.ui.desk.sound import SoundPlayer
from desk_app.ui.dialogs.manager_actions import edit_settings, show_full_id
from desk_app.ui.dialogs.manual_entry import ManualEntryDialog
from desk_app.ui.dialogs.openers import open_about, open_print, open_report, open_rollup
from desk_app.ui.i18n_qt import switch_language
from desk_app.ui.preload import preloader

log = logging.getLogger(__name__)
CLOCK_MS = 30_000  # day change and automatic check-out are checked this often


def demo_feed_path() -> str:
    return str(resource_path("demo", "demo_feed.avi"))


class MainWindow(QMainWindow):
    def __init__(
        self,
        ctx: AppContext,
        *,
        exit_at_end: bool = False,
        sound: SoundPlayer | None = None,
        realtime: bool = True,
    ) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.ctx = ctx
        self.exit_at_end = exit_at_end
        self.exit_code = 0
        self.day = local_today()
        self.sound = sound or SoundPlayer(enabled=ctx.settings.flag("scan.sound"))
        self.controller = DeskController(ctx, self)
        self.feed = CameraFeed(self, realtime=realtime)
        # The scanner wedge lives and dies with the window (its filter goes with it).
        self.wedge = ScannerWedge(self)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self.wedge)
        # A scanner in serial mode (USB-COM / CDC): its port from --scanner-port or the settings.
        self.serial = SerialScannerFeed(self)
        self.scanner_port_override: str | None = None
        self.manual_dialog: ManualEntryDialog | None = None
        self.live: LiveWatcherThread | None = None
        self.full_id_box: QMessageBox | None = None

        self.area = DeskArea(ctx, self)
        self.setCentralWidget(self.area)
        self.camera_panel, self.banner = self.area.camera_panel, self.area.banner
        self.visits, self.inside = self.area.visits, self.area.inside
        self.privacy_bar = self.area.privacy_bar
        self.scanner_status = ScannerStatus(self)
        self.statusBar().addPermanentWidget(self.scanner_status)
        self.offline_status = QLabel(self)
        self.offline_status.setObjectName("offline_status")
        self.offline_status.setVisible(False)
        self.statusBar().addPermanentWidget(self.offline_status)

        self.actions_ = DeskActions(self)
        self.installEventFilter(self.actions_)
        self.clock = QTimer(self)
        self.clock.setInterval(CLOCK_MS)
        self._connect_signals()
        self.retranslate_ui()
        self.reload()
        self._restore_geometry()
        self.clock.start()
        preloader().start(("desk_app.reports.mail",))

    # ----- wiring ------------------------------------------------------------------------
    def _connect_signals(self) -> None:
        act = self.actions_.by_name
        # camera feed -> preview, controller
        self.feed.frame_ready.connect(self.camera_panel.show_frame)
        self.feed.codes_decoded.connect(self.camera_panel.show_detections)
        self.feed.codes_decoded.connect(self.controller.on_codes_decoded)
        self.feed.status_changed.connect(self.on_feed_status)
        self.feed.source_ended.connect(self.on_source_ended)
        self.feed.cameras_listed.connect(self.camera_panel.set_cameras)
        # handheld scanner
        if self.wedge is not None:
            self.wedge.scanned.connect(self.controller.on_scanner_text)
        self.serial.scanned.connect(self.controller.on_scanner_text)
        self.serial.rejected.connect(self.controller.on_scanner_rejected)
        self.serial.status_changed.connect(self.scanner_status.set_status)
        # controller -> banner, sound, table, inside list
        self.controller.scan_recorded.connect(self.on_scan_recorded)
        self.controller.failed.connect(self.on_record_failed)
        self.controller.direction_changed.connect(self.on_direction_changed)
        # visits changed here or at another desk: only those rows move, in each panel
        self.controller.visits_changed.connect(self.visits.on_visits_changed)
        self.controller.visits_changed.connect(self.inside.on_visits_changed)
        self.controller.kept.connect(self.on_scan_kept)
        self.controller.offline_changed.connect(self.on_offline_changed)
        # no-camera page
        self.camera_panel.camera_chosen.connect(self.start_source)
        self.camera_panel.demo_requested.connect(self.on_demo)
        self.camera_panel.scanner_requested.connect(self.on_scanner_mode)
        self.camera_panel.manual_requested.connect(self.on_manual_entry)
        # inside list
        self.inside.check_out_requested.connect(self.controller.check_out)
        # actions
        act["manual"].triggered.connect(self.on_manual_entry)
        act["check_out"].triggered.connect(self.inside.request_check_out)
        act["full_id"].triggered.connect(self.on_show_full_id)
        act["direction_auto"].triggered.connect(lambda: self.controller.set_direction("auto"))
        act["direction_in"].triggered.connect(lambda: self.controller.set_direction("in"))
        act["direction_out"].triggered.connect(lambda: self.controller.set_direction("out"))
        act["camera"].triggered.connect(self.on_choose_camera)
        act["demo"].triggered.connect(self.on_demo)
        act["scanner"].triggered.connect(self.on_scanner_mode)
        act["search"].triggered.connect(self.visits.focus_search)
        act["visits"].triggered.connect(self.visits.focus_table)
        act["inside"].triggered.connect(self.inside.focus_list)
        act["refresh"].triggered.connect(self.reload)
        act["settings"].triggered.connect(self.on_settings)
        act["report"].triggered.connect(self.on_report)
        act["rollup"].triggered.connect(self.on_rollup)
        act["print"].triggered.connect(self.on_print)
        act["shortcuts"].triggered.connect(self.on_shortcuts)
        act["about"].triggered.connect(self.on_about)
        act["quit"].triggered.connect(self.close)
        # clock, background imports
        self.clock.timeout.connect(self.on_clock)
        preloader().loaded.connect(self.on_reports_preloaded)

    # ----- data ------------------------------------------------------------------------
    def reload(self) -> None:
        self.day = local_today()
        self.visits.set_rows(self.ctx.log.visits_on(self.day), self.day)
        self.refresh_inside()

    def refresh_inside(self) -> None:
        self.inside.set_inside(self.ctx.log.inside())
        self.inside.set_counts(self.ctx.log.day_counts(self.day))

    # ----- sources ---------------------------------------------------------------------
    def start_source(self, spec: str) -> None:
        self.camera_panel.set_status("opening", spec)
        self.feed.start(spec)

    def on_feed_status(self, state: str, message: str) -> None:
        self.camera_panel.set_status(state, message)
        if state == "no_camera":
            if self.exit_at_end:
                self.exit_code = 1
                QTimer.singleShot(0, self.close)
                return
            self.camera_panel.show_no_camera(message)
            self.feed.request_camera_list()

    def on_source_ended(self) -> None:
        # Every code the worker emitted before this signal was recorded already: the queued
        # signals of one thread arrive in order and the controller writes synchronously.
        if self.exit_at_end:
            QTimer.singleShot(0, self.close)
        elif self.feed.spec == demo_feed_path():
            self.feed.start(self.feed.spec)  # the demo plays in a loop

    def on_choose_camera(self) -> None:
        self.feed.stop()
        self.camera_panel.set_status("stopped")
        self.camera_panel.show_no_camera()
        self.feed.request_camera_list()

    def on_demo(self) -> None:
        self.start_source(demo_feed_path())

    def on_scanner_mode(self) -> None:
        self.feed.stop()
        self.camera_panel.set_status("stopped")
        self.camera_panel.show_scanner_mode()

    def start_serial_scanner(self, port: str | None = None) -> None:
        """Read the serial scanner at ``port`` (kept over the settings), else ``scanner.port``."""
        if port:
            self.scanner_port_override = port
        settings = self.ctx.settings
        chosen = self.scanner_port_override or settings.text("scanner.port")
        self.serial.start(chosen, settings.number("scanner.baud"))

    # ----- results ---------------------------------------------------------------------
    def on_scan_recorded(self, result: ScanResult) -> None:
        self.banner.show_result(result)
        self.sound.play(classify(result))

    def on_scan_kept(self, message: str) -> None:
        self.banner.show_error(t("journal.offline", count=self.ctx.journal.count()), message)

    def on_offline_changed(self, waiting: int) -> None:
        self.offline_status.setText(t("journal.offline", count=waiting) if waiting else "")
        self.offline_status.setVisible(bool(waiting))

    def bring_to_front(self) -> None:
        """Another start of the app on this desk asked for the window."""
        if self.isMinimized():
            self.showNormal()
        self.show()
        self.raise_()
        self.activateWindow()

    def start_live_view(self) -> None:
        """Follow the other desks' visits as they happen (stopped when the window closes)."""
        self.live = LiveWatcherThread(self.ctx.db.url, self)
        self.live.visits_changed.connect(self.controller.on_visits_changed)
        self.live.start()

    def on_record_failed(self, message: str) -> None:
        self.banner.show_error(self.tr("Not recorded"), message)
        self.sound.play("rejected")

    def on_direction_changed(self, value: str) -> None:
        self.actions_.show_direction(value)

    # ----- dialogs ---------------------------------------------------------------------
    def on_manual_entry(self) -> None:
        if self.manual_dialog is not None and self.manual_dialog.isVisible():
            self.manual_dialog.activateWindow()
            return
        dialog = ManualEntryDialog(lambda column: self.ctx.log.suggestions(column, limit=500), self)
        dialog.accepted.connect(lambda: self.controller.submit_manual(dialog.entry()))
        dialog.finished.connect(self.on_manual_dialog_finished)
        self.manual_dialog = dialog
        dialog.open()

    def on_manual_dialog_finished(self) -> None:
        if self.manual_dialog is not None:
            self.manual_dialog.deleteLater()
            self.manual_dialog = None

    def selected_visit(self) -> VisitRow | None:
        if self.inside.list.hasFocus():
            return self.inside.selected_visit()
        return self.visits.selected_visit() or self.inside.selected_visit()

    def on_show_full_id(self) -> None:
        visit = self.selected_visit()
        if visit is None or not visit.id_number:
            self.statusBar().showMessage(self.tr("Select a visit with an ID number first"), 5000)
            return
        self.full_id_box = show_full_id(self.ctx, self, visit)

    def on_settings(self) -> None:
        changed = edit_settings(self.ctx, self)
        if changed is not None:
            self.apply_settings(changed)

    def apply_settings(self, keys: list[str]) -> None:
        """Apply saved settings that the window uses (language, camera, sound, desk)."""
        settings = self.ctx.settings
        self.sound.enabled = settings.flag("scan.sound")
        self.ctx.log.desk = settings.text("desk.name")
        self.ctx.log.checkpoint = settings.text("desk.checkpoint")
        if "ui.language" in keys:
            app = QApplication.instance()
            if app is not None:
                switch_language(app, settings.text("ui.language"))
        if "scan.camera" in keys:
            self.start_source(settings.text("scan.camera"))
        if "scanner.port" in keys or "scanner.baud" in keys:
            self.scanner_port_override = None  # a port chosen now wins over the command line
            self.start_serial_scanner()
        self.retranslate_ui()

    def on_report(self) -> None:
        open_report(self.ctx, self)

    def on_rollup(self) -> None:
        open_rollup(self.ctx, self)

    def on_print(self) -> None:
        visit = self.inside.selected_visit()  # a visitor pass for the one selected inside
        open_print(self.ctx, self, visit.id if visit else None)

    def on_reports_preloaded(self) -> None:
        from desk_app.ui.desk.report_reminder import ReportReminderBanner

        if self.area.reminder is None:
            self.area.show_reminder(ReportReminderBanner(self.ctx, self.area))

    def on_shortcuts(self) -> None:
        ShortcutsDialog(list(self.actions_.by_name.values()), self).open()

    def on_about(self) -> None:
        open_about(self.ctx, self)

    # ----- clock, language, closing ----------------------------------------------------
    def on_clock(self) -> None:
        try:
            if local_today() != self.day:
                self.ctx.housekeeping()
                self.privacy_bar.refresh()
                self.reload()
                return
            if self.ctx.auto_checkout():
                self.reload()
                return
            self.refresh_inside()  # other desks sharing the log come and go too
        except UserError as exc:  # a busy or unreachable database: try again next time
            log.warning("clock work skipped: %s", exc)

    def retranslate_ui(self) -> None:
        unit = self.ctx.settings.text("unit.name")
        title = self.tr("Entry control")
        self.setWindowTitle(f"{title} — {unit}" if unit else title)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def _geometry_store(self) -> QSettings:
        return QSettings(str(data_dir() / "window.ini"), QSettings.Format.IniFormat)

    def _restore_geometry(self) -> None:
        geometry = self._geometry_store().value("main/geometry")
        self.geometry_restored = geometry is not None and self.restoreGeometry(geometry)
        if not self.geometry_restored:
            self.resize(1280, 720)

    def show_for_desk(self) -> None:
        """The first time on a desk's (often small) screen the window fills it."""
        if self.geometry_restored:
            self.show()
            return
        screen = self.screen()
        if screen is not None:  # also where no window manager honours "maximised"
            self.setGeometry(screen.availableGeometry())
        self.showMaximized()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.clock.stop()
        if self.live is not None:
            self.live.stop()
        self.feed.stop()
        self.serial.stop()
        self.sound.close()
        app = QApplication.instance()
        if self.wedge is not None and app is not None:
            app.removeEventFilter(self.wedge)  # a closed desk takes no more scans
        self._geometry_store().setValue("main/geometry", self.saveGeometry())
        super().closeEvent(event)
