"""Messages of the Qt-free rooms and the command line, in Vietnamese (default) and English.

The window translates its own strings with Qt's ``tr`` and the ``.ts`` files; domain codes
(warnings, rejection reasons) and command-line messages are looked up here so that the
command line, the workbook and the window say the same thing.
"""

from __future__ import annotations

import os

LANGUAGES = ("vi", "en")
_current = os.environ.get("DESK_APP_LANG", "vi") if os.environ.get("DESK_APP_LANG") in LANGUAGES else "vi"

# key -> {"vi": ..., "en": ...}; texts may hold str.format fields.
CATALOGUE: dict[str, dict[str, str]] = {
    # --- general / command line ---
    "error.prefix": {"vi": "Lỗi: {message}", "en": "Error: {message}"},
    "error.unexpected": {
        "vi": "Lỗi không mong muốn: {message}. Chi tiết đã được ghi vào {log}.",
        "en": "Unexpected error: {message}. Details were written to {log}.",
    },
    "cli.window_unavailable": {
        "vi": "Không mở được cửa sổ: {message}",
        "en": "Cannot open the window: {message}",
    },
    "cli.bad_date": {
        "vi": "Ngày không hợp lệ: {value} (dùng DD/MM/YYYY hoặc YYYY-MM-DD)",
        "en": "Invalid date: {value} (use DD/MM/YYYY or YYYY-MM-DD)",
    },
    "cli.bad_datetime": {
        "vi": "Thời điểm không hợp lệ: {value} (dùng ISO 8601, ví dụ 2026-11-26T08:30)",
        "en": "Invalid time: {value} (use ISO 8601, e.g. 2026-11-26T08:30)",
    },
    # --- settings ---
    "settings.unknown_key": {"vi": "Không có thiết lập {key}", "en": "No such setting: {key}"},
    "settings.bad_value": {
        "vi": "Giá trị không hợp lệ cho {key}: {value} ({expected})",
        "en": "Invalid value for {key}: {value} ({expected})",
    },
    "settings.secret": {
        "vi": "Thiết lập {key} là bí mật và không được hiển thị hay đặt trực tiếp",
        "en": "Setting {key} is secret and cannot be shown or set directly",
    },
    # --- storage ---
    "db.newer": {
        "vi": "Cơ sở dữ liệu {url} do phiên bản desk_app mới hơn tạo ra (phiên bản dữ liệu {revision}). "
        "Hãy cập nhật desk_app; dữ liệu không bị thay đổi.",
        "en": "The database {url} was made by a newer desk_app (data version {revision}). "
        "Update desk_app; the data was not changed.",
    },
    "db.locked": {
        "vi": "Cơ sở dữ liệu đang bận quá lâu (một chương trình khác đang giữ khóa). Hãy thử lại.",
        "en": "The database stayed busy too long (another program holds a lock). Try again.",
    },
    "db.full": {
        "vi": "Ổ đĩa đầy: không ghi được vào cơ sở dữ liệu. Hãy giải phóng dung lượng; "
        "lượt quét chưa được ghi.",
        "en": "The disk is full: the database cannot be written. Free some space; "
        "the scan was not recorded.",
    },
    "db.readonly": {
        "vi": "Không có quyền ghi vào cơ sở dữ liệu {url}.",
        "en": "No permission to write the database {url}.",
    },
    "db.cannot_open": {
        "vi": "Không mở được cơ sở dữ liệu {url}: {message}",
        "en": "Cannot open the database {url}: {message}",
    },
    "db.error": {"vi": "Lỗi cơ sở dữ liệu: {message}", "en": "Database error: {message}"},
    # --- core: outcomes, manual entry, log ---
    "outcome.entry": {"vi": "VÀO", "en": "IN"},
    "outcome.exit": {"vi": "RA", "en": "OUT"},
    "outcome.repeat": {"vi": "Quét lặp lại", "en": "Repeat scan"},
    "outcome.rejected": {"vi": "Từ chối", "en": "Rejected"},
    "reason.checkpoint_code": {
        "vi": "Đây là mã điểm kiểm soát của đơn vị, không phải mã cá nhân",
        "en": "This is the unit's checkpoint code, not a personal code",
    },
    "reason.staff_revoked": {"vi": "Thẻ nhân viên đã bị thu hồi", "en": "Staff card revoked"},
    "reason.pass_expired": {"vi": "Thẻ khách đã hết hạn", "en": "Visitor pass expired"},
    "reason.pass_unknown": {
        "vi": "Thẻ khách không khớp lượt vào nào", "en": "Visitor pass matches no visit"
    },
    "reason.pass_used": {"vi": "Thẻ khách đã dùng để ra", "en": "Visitor pass already used"},
    "reason.pass_inside": {
        "vi": "Thẻ khách chỉ dùng khi ra", "en": "A visitor pass is for leaving only"
    },
    "reason.no_document_number": {
        "vi": "Mã không có số giấy tờ", "en": "The code carries no document number"
    },
    "warning.exit_without_entry": {
        "vi": "Ra nhưng không có lượt vào", "en": "Exit without a recorded entry"
    },
    "manual.name_required": {"vi": "Cần nhập họ tên", "en": "Name is required"},
    "manual.name_invalid": {"vi": "Họ tên không hợp lệ", "en": "Invalid name"},
    "manual.id_invalid": {
        "vi": "Số giấy tờ phải có 9 hoặc 12 chữ số (hoặc số hộ chiếu)",
        "en": "ID number must have 9 or 12 digits (or be a passport number)",
    },
    "manual.phone_invalid": {"vi": "Số điện thoại không hợp lệ", "en": "Invalid phone number"},
    "manual.too_long": {"vi": "Quá dài", "en": "Too long"},
    "log.inside": {"vi": "(đang ở trong)", "en": "(inside)"},
    "log.count": {"vi": "{count} lượt", "en": "{count} visits"},
    "purge.done": {
        "vi": "Đã xóa {count} lượt cũ hơn {days} ngày", "en": "Deleted {count} visits older than {days} days"
    },
    "cli.bad_days": {"vi": "Số ngày không hợp lệ: {value}", "en": "Invalid number of days: {value}"},
    "person.count": {"vi": "{count} người", "en": "{count} people"},
    "person.ambiguous": {
        "vi": "Cần đúng một người, tìm thấy {count}: hãy dùng số giấy tờ",
        "en": "Exactly one person is needed, found {count}: use the ID number",
    },
    "person.deleted": {
        "vi": "Đã xóa người này và {count} lượt ra vào", "en": "Deleted the person and {count} visits"
    },
    # --- payloads ---
    "reason.empty": {"vi": "Mã trống", "en": "Empty code"},
    "reason.unknown_format": {
        "vi": "Không nhận ra loại mã",
        "en": "Unknown kind of code",
    },
    "reason.bad_date": {
        "vi": "Mã có ngày không hợp lệ",
        "en": "The code holds an impossible date",
    },
    "reason.bad_id_number": {
        "vi": "Số giấy tờ trong mã không hợp lệ",
        "en": "The document number in the code is invalid",
    },
    "reason.bad_name": {
        "vi": "Không đọc được họ tên trong mã",
        "en": "The name in the code cannot be read",
    },
    "reason.bad_signature": {
        "vi": "Mã của đơn vị đã bị sửa hoặc giả mạo",
        "en": "The unit's code was edited or forged",
    },
    "reason.other_unit": {
        "vi": "Mã do đơn vị khác cấp",
        "en": "The code was issued by another unit",
    },
    "reason.unit_code_unverifiable": {
        "vi": "Không kiểm tra được mã của đơn vị (chưa thiết lập khóa bí mật)",
        "en": "The unit's code cannot be checked (no unit secret set up)",
    },
    "reason.unsupported_version": {
        "vi": "Phiên bản mã của đơn vị không được hỗ trợ",
        "en": "Unsupported version of the unit's code",
    },
    "reason.malformed": {
        "vi": "Mã của đơn vị bị hỏng",
        "en": "The unit's code is damaged",
    },
    "reason.too_long": {"vi": "Mã quá dài", "en": "The code is too long"},
    "warning.id_sex_mismatch": {
        "vi": "Giới tính không khớp với số định danh",
        "en": "The sex does not match the ID number",
    },
    "warning.id_birth_year_mismatch": {
        "vi": "Năm sinh không khớp với số định danh",
        "en": "The birth year does not match the ID number",
    },
    "warning.id_century_mismatch": {
        "vi": "Thế kỷ sinh không khớp với số định danh",
        "en": "The century of birth does not match the ID number",
    },
    "warning.masked_code": {
        "vi": "Mã đã bị che một phần (số giấy tờ hoặc ngày sinh bị ẩn)",
        "en": "The code is partly masked (document number or birth date hidden)",
    },
    # --- setup ---
    "setup.pin_format": {
        "vi": "Mã PIN phải gồm {min} đến {max} chữ số",
        "en": "The PIN must have {min} to {max} digits",
    },
    "setup.pin_wrong": {
        "vi": "Mã PIN không đúng. Còn {tries} lần thử trước khi phải chờ.",
        "en": "Wrong PIN. {tries} more tries before a wait.",
    },
    "setup.pin_locked": {
        "vi": "Nhập sai quá nhiều lần. Hãy chờ {seconds} giây rồi thử lại.",
        "en": "Too many wrong PINs. Wait {seconds} seconds and try again.",
    },
    "setup.pin_not_set": {
        "vi": "Chưa đặt mã PIN quản lý",
        "en": "No manager PIN has been set",
    },
    "setup.pin_set": {"vi": "Đã đặt mã PIN quản lý", "en": "The manager PIN was set"},
    "setup.pin_mismatch": {
        "vi": "Hai lần nhập mã PIN không giống nhau",
        "en": "The two PINs are not the same",
    },
}


def set_language(lang: str) -> None:
    global _current
    _current = lang if lang in LANGUAGES else "vi"


def language() -> str:
    return _current


def t(msg_key: str, /, lang: str | None = None, **fields: object) -> str:
    """The message ``key`` in ``lang`` (default: the current language), formatted.

    An unknown key returns the key itself, so a missing entry shows up but never crashes.
    """
    entry = CATALOGUE.get(msg_key)
    if entry is None:
        text = msg_key
    else:
        text = entry.get(lang or _current) or entry.get("en") or msg_key
    try:
        return text.format(**fields) if fields else text
    except (KeyError, IndexError, ValueError):
        return text
