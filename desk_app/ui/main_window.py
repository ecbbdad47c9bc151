"""The desk's main window: builds the panels, the actions and the menus, and connects them."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import QApplication, QMainWindow

from desk_app.context import AppContext
from desk_app.ui.desk import placement
from desk_app.ui.desk.controller import DeskController
from desk_app.ui.desk.feedback import ScanFeedback
from desk_app.ui.desk.layout import DeskArea
from desk_app.ui.desk.live_view import LiveWatcherThread
from desk_app.ui.desk.shortcuts import DeskActions
from desk_app.ui.desk.sound import SoundPlayer
from desk_app.ui.desk.sources import ScanSources
from desk_app.ui.desk.status_line import StatusLine
from desk_app.ui.desk.today import DeskDay
from desk_app.ui.dialogs.openers import DeskDialogs
from desk_app.ui.i18n_qt import switch_language
from desk_app.ui.preload import preloader


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
        self.controller = DeskController(ctx, self)
        self.live: LiveWatcherThread | None = None
        # the centre: camera and result banner, today's visits, who is inside, privacy lines
        self.area = DeskArea(ctx, self)
        self.setCentralWidget(self.area)
        self.camera_panel, self.banner = self.area.camera_panel, self.area.banner
        self.visits, self.inside = self.area.visits, self.area.inside
        self.privacy_bar = self.area.privacy_bar
        sound = sound or SoundPlayer(enabled=ctx.settings.flag("scan.sound"))
        self.feedback = ScanFeedback(ctx, self.banner, sound, self)
        self.sources = ScanSources(
            ctx, self.camera_panel, self, exit_at_end=exit_at_end, realtime=realtime
        )
        self.feed, self.serial = self.sources.feed, self.sources.serial
        self.status_line = StatusLine(self)
        self.scanner_status = self.status_line.scanner
        self.offline_status = self.status_line.offline
        self.actions_ = DeskActions(self)
        self.installEventFilter(self.actions_)
        self.dialogs = DeskDialogs(ctx, self.area, self.actions_.by_name)
        self.today = DeskDay(ctx, self.visits, self.inside, self)
        self._connect_signals()
        self.retranslate_ui()
        self.today.reload()
        self.privacy_bar.refresh()  # the start-of-day checks, in the background
        self.geometry_restored = placement.restore_geometry(self)
        self.today.clock.start()
        preloader().start(("desk_app.reports.mail",))

    # ----- wiring ------------------------------------------------------------------------
    def _connect_signals(self) -> None:  # noqa: PLR0915 (all the wiring in one place)
        act = self.actions_.by_name
        sources, controller, dialogs = self.sources, self.controller, self.dialogs
        # camera feed -> preview, controller
        self.feed.frame_ready.connect(self.camera_panel.show_frame)
        self.feed.codes_decoded.connect(self.camera_panel.show_detections)
        self.feed.codes_decoded.connect(controller.on_codes_decoded)
        self.feed.status_changed.connect(sources.on_feed_status)
        self.feed.source_ended.connect(sources.on_source_ended)
        self.feed.cameras_listed.connect(self.camera_panel.set_cameras)
        sources.close_requested.connect(self.close, Qt.ConnectionType.QueuedConnection)
        # handheld scanner: as a keyboard, or on a serial port
        sources.wedge.scanned.connect(controller.on_scanner_text)
        self.serial.scanned.connect(controller.on_scanner_text)
        self.serial.rejected.connect(controller.on_scanner_rejected)
        self.serial.status_changed.connect(self.scanner_status.set_status)
        # controller -> banner and sound, direction, status line
        controller.scan_recorded.connect(self.feedback.on_scan_recorded)
        controller.failed.connect(self.feedback.on_record_failed)
        controller.kept.connect(self.feedback.on_scan_kept)
        controller.direction_changed.connect(self.actions_.show_direction)
        controller.offline_changed.connect(self.status_line.on_offline_changed)
        controller.reconnected.connect(self.today.on_reconnected)  # started offline
        self.today.follow(controller)  # what the journal holds shows in the lists
        # visits changed here or at another desk: only those rows move, in each panel
        controller.visits_changed.connect(self.visits.on_visits_changed)
        controller.visits_changed.connect(self.inside.on_visits_changed)
        # no-camera page
        self.camera_panel.camera_chosen.connect(sources.start)
        self.camera_panel.demo_requested.connect(sources.on_demo)
        self.camera_panel.scanner_requested.connect(sources.on_scanner_mode)
        self.camera_panel.manual_requested.connect(dialogs.on_manual_entry)
        # inside list
        self.inside.check_out_requested.connect(controller.check_out)
        # dialogs -> controller, status line, settings
        dialogs.manual_entered.connect(controller.submit_manual)
        controller.manual_refused.connect(dialogs.keep_refused)
        dialogs.notice.connect(self.status_line.tell)
        dialogs.settings_saved.connect(self.apply_settings)
        # actions
        act["manual"].triggered.connect(dialogs.on_manual_entry)
        act["check_out"].triggered.connect(self.area.request_check_out)
        act["full_id"].triggered.connect(dialogs.on_show_full_id)
        act["direction_auto"].triggered.connect(lambda: controller.set_direction("auto"))
        act["direction_in"].triggered.connect(lambda: controller.set_direction("in"))
        act["direction_out"].triggered.connect(lambda: controller.set_direction("out"))
        act["camera"].triggered.connect(sources.on_choose_camera)
        act["demo"].triggered.connect(sources.on_demo)
        act["scanner"].triggered.connect(sources.on_scanner_mode)
        act["search"].triggered.connect(self.visits.focus_search)
        act["visits"].triggered.connect(self.visits.focus_table)
        act["inside"].triggered.connect(self.inside.focus_list)
        act["refresh"].triggered.connect(self.today.reload)
        act["settings"].triggered.connect(dialogs.on_settings)
        act["report"].triggered.connect(dialogs.on_report)
        act["rollup"].triggered.connect(dialogs.on_rollup)
        act["print"].triggered.connect(dialogs.on_print)
        act["shortcuts"].triggered.connect(dialogs.on_shortcuts)
        act["about"].triggered.connect(dialogs.on_about)
        act["quit"].triggered.connect(self.close)
        # a new day, one person corrected or deleted, background imports
        self.today.new_day.connect(self.privacy_bar.refresh)
        self.privacy_bar.person_changed.connect(self.today.reload)
        preloader().loaded.connect(self.area.on_reports_preloaded)

    # ----- what the app's start calls --------------------------------------------------
    def start_source(self, spec: str) -> None:
        self.sources.start(spec)

    def start_serial_scanner(self, port: str | None = None) -> None:
        self.sources.start_serial_scanner(port)

    def start_live_view(self) -> None:
        """Follow the other desks' visits as they happen (stopped when the window closes)."""
        self.live = LiveWatcherThread(self.ctx.db.url, self)
        self.live.visits_changed.connect(self.controller.on_visits_changed)
        self.live.listening_again.connect(self.today.on_listening_again)
        self.live.start()

    def show_for_desk(self) -> None:
        placement.show_for_desk(self, self.geometry_restored)

    def bring_to_front(self) -> None:
        placement.bring_to_front(self)

    @property
    def exit_code(self) -> int:
        return self.sources.exit_code

    def apply_settings(self, keys: list[str]) -> None:
        """Apply saved settings that the window uses (language, camera, scanner, sound, desk)."""
        settings = self.ctx.settings
        self.feedback.apply_settings()
        self.ctx.log.desk = settings.text("desk.name")
        self.ctx.log.checkpoint = settings.text("desk.checkpoint")
        app = QApplication.instance()
        if "ui.language" in keys and app is not None:
            switch_language(app, settings.text("ui.language"))
        self.sources.apply_settings(keys)
        self.retranslate_ui()

    # ----- language, closing -----------------------------------------------------------
    def retranslate_ui(self) -> None:
        unit = self.ctx.settings.text("unit.name")
        title = self.tr("Entry control")
        self.setWindowTitle(f"{title} — {unit}" if unit else title)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate_ui()
        super().changeEvent(event)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.today.stop()
        self.privacy_bar.stop()
        if self.live is not None:
            self.live.stop()
        self.sources.stop()
        self.feedback.close()
        placement.save_geometry(self)
        super().closeEvent(event)
