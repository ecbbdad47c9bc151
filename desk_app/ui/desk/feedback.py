"""What the receptionist sees and hears after each scan: the result banner and the sound."""

from __future__ import annotations

from PySide6.QtCore import QObject

from desk_app.context import AppContext
from desk_app.domain.visits import ScanResult
from desk_app.i18n import t
from desk_app.ui.desk.result_banner import ResultBanner, classify
from desk_app.ui.desk.sound import SoundPlayer


class ScanFeedback(QObject):
    def __init__(
        self, ctx: AppContext, banner: ResultBanner, sound: SoundPlayer, parent: QObject
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.banner = banner
        self.sound = sound

    def on_scan_recorded(self, result: ScanResult) -> None:
        self.banner.show_result(result)
        self.sound.play(classify(result))

    def on_scan_kept(self, message: str) -> None:
        self.banner.show_error(t("journal.offline", count=self.ctx.journal.count()), message)

    def on_record_failed(self, message: str) -> None:
        self.banner.show_error(self.tr("Not recorded"), message)
        self.sound.play("rejected")

    def apply_settings(self) -> None:
        self.sound.enabled = self.ctx.settings.flag("scan.sound")

    def close(self) -> None:
        self.sound.close()
