"""Messages about several desks sharing one log: limits, per-desk settings, the journal."""

MESSAGES: dict[str, dict[str, str]] = {
    "settings.too_long": {
        "vi": "Giá trị cho {key} quá dài: tối đa {limit} ký tự (đang có {length})",
        "en": "Value for {key} is too long: at most {limit} characters ({length} given)",
    },
    "settings.desk_not_written": {
        "vi": "Không ghi được {key} vào thư mục cài đặt của bàn này {path}: {message}",
        "en": "Cannot write {key} to this desk's settings folder {path}: {message}",
    },
    "settings.scope.desk": {"vi": "bàn", "en": "desk"},
    "settings.scope.unit": {"vi": "đơn vị", "en": "unit"},
    "reason.journal_conflict": {
        "vi": "Xung đột: lượt quét giữ khi mất kết nối, nhưng sổ đã có lượt ra/vào muộn hơn "
        "của người này ở bàn khác",
        "en": "Conflict: a scan kept during an outage, but the log already has a later entry "
        "or exit of this person at another desk",
    },
    "journal.kept": {
        "vi": "Không kết nối được máy chủ: lượt quét được giữ trên máy này "
        "({count} lượt đang chờ gửi).",
        "en": "The server cannot be reached: the scan was kept on this desk "
        "({count} waiting to be sent).",
    },
    "journal.kept_entry": {
        "vi": "Không kết nối được máy chủ: việc ghi này được giữ trên máy này "
        "({count} lượt đang chờ gửi).",
        "en": "The server cannot be reached: this was kept on this desk "
        "({count} waiting to be sent).",
    },
    "desk.not_inside": {
        "vi": "Người này không còn ở trong: đã được cho ra (có thể tại bàn khác). "
        "Không ghi lại lần nữa.",
        "en": "This person is no longer inside: already checked out (perhaps at another desk). "
        "Nothing was recorded again.",
    },
    "journal.already_checked_out": {
        "vi": "Người này đã được cho ra khi mất kết nối; lượt ra đang chờ gửi, "
        "không ghi lại lần nữa.",
        "en": "This person was already checked out during the outage; the check-out waits to be "
        "sent and is not recorded twice.",
    },
    "journal.check_out": {
        "vi": "cho ra (lượt vào số {visit})",
        "en": "check-out (visit {visit})",
    },
    "db.offline": {
        "vi": "Chưa kết nối được máy chủ của sổ ({url}): bàn này đang làm việc ngoại tuyến.",
        "en": "The log's server ({url}) has not been reached yet: this desk works offline.",
    },
    "journal.held": {
        "vi": "Tệp lưu tạm của bàn này {path} đang bị một chương trình khác giữ: không đọc hay "
        "ghi được, lượt quét cần giữ chưa được giữ. Hãy đóng chương trình đó rồi thử lại.",
        "en": "This desk's journal {path} is held by another program: it could not be read or "
        "written, and a scan to keep was not kept. Close that program and try again.",
    },
    "journal.set_aside": {
        "vi": "Tệp lưu tạm bị hỏng đã được để riêng (chưa gửi được những gì trong đó): {path}",
        "en": "A damaged journal was set aside (what it held was not sent): {path}",
    },
    "journal.other_log": {
        "vi": "{count} lượt được giữ cho một sổ khác, gửi khi bàn mở sổ đó: {url}",
        "en": "{count} kept for another log, sent when the desk opens that log: {url}",
    },
    "journal.count": {
        "vi": "{count} lượt quét đang chờ gửi",
        "en": "{count} scans waiting to be sent",
    },
    "journal.flushed": {
        "vi": "Đã gửi {sent} lượt quét ({conflicts} xung đột, {before} đã gửi từ trước).",
        "en": "Sent {sent} scans ({conflicts} conflicts, {before} sent before).",
    },
    "journal.still_offline": {
        "vi": "Vẫn chưa kết nối được máy chủ: {count} lượt quét vẫn được giữ trên máy này.",
        "en": "The server still cannot be reached: {count} scans stay kept on this desk.",
    },
    "journal.offline": {
        "vi": "Mất kết nối máy chủ, {count} lượt đang chờ gửi",
        "en": "Offline, {count} waiting",
    },
    "migrate_to.done": {
        "vi": "Đã chép {count} dòng sang {url}. Từ nay hãy mở bàn với --db {url} "
        "(hoặc đặt DESK_APP_DB).",
        "en": "Copied {count} rows to {url}. From now on start the desk with --db {url} "
        "(or set DESK_APP_DB).",
    },
    "migrate_to.not_empty": {
        "vi": "Cơ sở dữ liệu đích đã có dữ liệu (bảng {table}): không chép gì.",
        "en": "The target database already holds data (table {table}): nothing was copied.",
    },
    "migrate_to.same": {
        "vi": "Nguồn và đích là cùng một cơ sở dữ liệu.",
        "en": "Source and target are the same database.",
    },
    "app.already_running": {
        "vi": "Kiểm soát ra vào đã mở trên máy này: cửa sổ đó đã được đưa lên trước.",
        "en": "Entry control is already open on this desk: its window was brought forward.",
    },
}
