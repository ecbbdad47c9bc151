"""Messages of the Qt-free rooms and the command line, in Vietnamese (default) and English.

The window translates its own strings with Qt's ``tr`` and the ``.ts`` files; domain codes
(warnings, rejection reasons) and command-line messages are looked up here so that the
command line, the workbook and the window say the same thing.
"""

from __future__ import annotations

import os

LANGUAGES = ("vi", "en")
_state = {"lang": os.environ.get("DESK_APP_LANG") or "vi"}
if _state["lang"] not in LANGUAGES:
    _state["lang"] = "vi"

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
        "vi": "Cơ sở dữ liệu {url} do phiên bản desk_app mới hơn tạo ra "
        "(phiên bản dữ liệu {revision}). Hãy cập nhật desk_app; dữ liệu không bị thay đổi.",
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
        "vi": "Thẻ khách không khớp lượt vào nào",
        "en": "Visitor pass matches no visit",
    },
    "reason.pass_used": {"vi": "Thẻ khách đã dùng để ra", "en": "Visitor pass already used"},
    "reason.pass_inside": {
        "vi": "Thẻ khách chỉ dùng khi ra",
        "en": "A visitor pass is for leaving only",
    },
    "reason.no_document_number": {
        "vi": "Mã không có số giấy tờ",
        "en": "The code carries no document number",
    },
    "warning.exit_without_entry": {
        "vi": "Ra nhưng không có lượt vào",
        "en": "Exit without a recorded entry",
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
        "vi": "Đã xóa {count} lượt cũ hơn {days} ngày",
        "en": "Deleted {count} visits older than {days} days",
    },
    "cli.bad_days": {
        "vi": "Số ngày không hợp lệ: {value}",
        "en": "Invalid number of days: {value}",
    },
    "person.count": {"vi": "{count} người", "en": "{count} people"},
    "person.ambiguous": {
        "vi": "Cần đúng một người, tìm thấy {count}: hãy dùng số giấy tờ",
        "en": "Exactly one person is needed, found {count}: use the ID number",
    },
    "person.deleted": {
        "vi": "Đã xóa người này và {count} lượt ra vào",
        "en": "Deleted the person and {count} visits",
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
        "vi": "Mã PIN không đúng. Số lần thử còn lại trước khi phải chờ: {tries}.",
        "en": "Wrong PIN. Tries left before a wait: {tries}.",
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
    "setup.cli_pin_prompt": {
        "vi": "Mã PIN quản lý mới (4 đến 8 chữ số): ",
        "en": "New manager PIN (4 to 8 digits): ",
    },
    "setup.cli_pin_again": {"vi": "Nhập lại mã PIN: ", "en": "Repeat the PIN: "},
    # --- printing ---
    "print.cannot_write": {
        "vi": "Không ghi được tệp {path} (thư mục không tồn tại hoặc không có quyền ghi)",
        "en": "Cannot write the file {path} (no such folder or no permission)",
    },
    "print.bad_extension": {
        "vi": "Chỉ lưu được tệp .pdf hoặc .png: {path}",
        "en": "Only .pdf or .png files can be written: {path}",
    },
    "print.failed": {"vi": "Không in được {title}", "en": "Could not print {title}"},
    "print.unit_not_set": {
        "vi": "Chưa có tên đơn vị. Hãy thiết lập: desk-app config set unit.name \"Tên đơn vị\"",
        "en": "The unit has no name yet. Set it: desk-app config set unit.name \"Unit name\"",
    },
    "print.unknown_checkpoint": {
        "vi": "Không có điểm kiểm soát \"{name}\". Các điểm đã thiết lập: {known}",
        "en": "No checkpoint \"{name}\". The unit's checkpoints: {known}",
    },
    "print.payload_empty": {"vi": "Nội dung mã trống", "en": "The code text is empty"},
    "print.payload_too_long": {
        "vi": "Nội dung mã quá dài để in thành mã QR đọc được ({length} ký tự, tối đa {limit})",
        "en": "The code text is too long for a readable QR code ({length} characters, "
        "at most {limit})",
    },
    "print.cannot_read": {
        "vi": "Không đọc được ảnh {path}",
        "en": "Cannot read the image {path}",
    },
    "print.no_code_in_image": {
        "vi": "Không tìm thấy mã QR nào trong ảnh {path}",
        "en": "No QR code found in the image {path}",
    },
    "print.written": {"vi": "Đã ghi {path}", "en": "Wrote {path}"},
    "poster.written": {
        "vi": "Áp phích \"{checkpoint}\" phiên bản {version}: {path}",
        "en": "Poster \"{checkpoint}\" version {version}: {path}",
    },
    "poster.heading": {"vi": "MÃ QR ĐIỂM KIỂM SOÁT RA VÀO", "en": "Entry checkpoint QR code"},
    "poster.checkpoint": {"vi": "Điểm kiểm soát: {name}", "en": "Checkpoint: {name}"},
    "poster.instructions.own": {
        "vi": "Khi vào và khi ra, vui lòng xuất trình mã QR cá nhân, thẻ căn cước hoặc thẻ "
        "của đơn vị để quét tại bàn tiếp đón.",
        "en": "Entering or leaving? Show your personal QR code, ID card or unit card at the desk.",
    },
    "poster.instructions.external": {
        "vi": "Khi vào và khi ra, vui lòng quét mã QR này bằng ứng dụng trên điện thoại, hoặc "
        "xuất trình mã QR cá nhân, thẻ căn cước tại bàn tiếp đón.",
        "en": "Entering or leaving? Scan this code with your phone, or show your personal QR "
        "code or ID card at the desk.",
    },
    "poster.notice.title": {
        "vi": "THÔNG BÁO VỀ XỬ LÝ DỮ LIỆU CÁ NHÂN",
        "en": "Personal data notice",
    },
    "poster.notice": {
        "vi": "{unit} thu thập họ tên, số định danh hoặc số giấy tờ, ngày sinh, giới tính, số "
        "điện thoại (nếu có) và thời điểm vào, ra của người ra vào, chỉ để kiểm soát ra vào "
        "và bảo đảm an ninh, an toàn cơ quan. Không lưu ảnh giấy tờ. Dữ liệu được lưu {days} "
        "ngày rồi tự động xóa. Bạn có quyền xem, chỉnh sửa và yêu cầu xóa dữ liệu của mình: "
        "liên hệ {contact}. Căn cứ Luật Bảo vệ dữ liệu cá nhân số 91/2025/QH15 và Nghị định "
        "số 356/2025/NĐ-CP.",
        "en": "{unit} records name, ID number, birth date, sex, phone (if given) and times of "
        "entry and exit, only to control access; no images of ID cards are kept. Records are "
        "deleted after {days} days. To see, correct or delete yours, contact {contact}.",
    },
    "poster.notice.desk": {"vi": "bàn tiếp đón", "en": "the reception desk"},
    "poster.address": {"vi": "Địa chỉ: {address}", "en": "Address: {address}"},
    "poster.contact": {"vi": "Liên hệ: {contact}", "en": "Contact: {contact}"},
    "poster.footer.own": {
        "vi": "Mã điểm kiểm soát của đơn vị · Phiên bản {version} · In ngày {date}",
        "en": "Unit's checkpoint code · Version {version} · Printed {date}",
    },
    "poster.footer.external": {
        "vi": "Mã địa điểm được cấp · Phiên bản {version} · In ngày {date}",
        "en": "Issued location code · Version {version} · Printed {date}",
    },
    "card.heading": {"vi": "THẺ NHÂN VIÊN", "en": "Staff card"},
    "card.staff_id": {"vi": "Mã số: {staff_id}", "en": "No. {staff_id}"},
    "cards.written": {
        "vi": "{count} thẻ nhân viên, {pages} trang: {path}",
        "en": "{count} staff cards, {pages} pages: {path}",
    },
    "cards.none": {
        "vi": "Không có nhân viên nào để in thẻ (hãy nhập danh sách: --staff TỆP)",
        "en": "No staff to print cards for (import a list: --staff FILE)",
    },
    "staff.file_type": {
        "vi": "Danh sách nhân viên phải là tệp .csv hoặc .xlsx: {path}",
        "en": "The staff list must be a .csv or .xlsx file: {path}",
    },
    "staff.cannot_read": {
        "vi": "Không đọc được danh sách {path}: {message}",
        "en": "Cannot read the list {path}: {message}",
    },
    "staff.no_header": {
        "vi": "Dòng đầu phải là tiêu đề có cột mã số và họ tên (ví dụ: ma_so, ho_ten, chuc_vu, "
        "phong_ban)",
        "en": "The first row must be a header with ID and name columns (e.g. staff_id, name, "
        "title, department)",
    },
    "staff.line": {"vi": "Dòng {line}: {problem}", "en": "Line {line}: {problem}"},
    "staff.missing_id": {"vi": "thiếu mã số", "en": "no staff ID"},
    "staff.missing_name": {"vi": "thiếu họ tên", "en": "no name"},
    "staff.too_long": {"vi": "{field} quá dài", "en": "{field} is too long"},
    "staff.duplicate": {
        "vi": "mã số {staff_id} trùng với dòng {line}",
        "en": "staff ID {staff_id} repeats line {line}",
    },
    "staff.imported": {
        "vi": "Đã nhập {count} nhân viên; {bad} dòng lỗi",
        "en": "Imported {count} staff; {bad} bad rows",
    },
    "staff.revoked": {"vi": "Đã thu hồi thẻ {staff_id}", "en": "Revoked card {staff_id}"},
    "staff.not_found": {
        "vi": "Không có thẻ đang hiệu lực mang mã số {staff_id}",
        "en": "No valid card with staff ID {staff_id}",
    },
    "staff.revoked_mark": {"vi": "đã thu hồi {date}", "en": "revoked {date}"},
    "staff.count": {"vi": "{count} nhân viên", "en": "{count} staff"},
    "pass.heading": {"vi": "THẺ KHÁCH", "en": "Visitor pass"},
    "pass.exit": {
        "vi": "Quét thẻ này tại bàn tiếp đón khi ra về.",
        "en": "Scan this pass at the desk when you leave.",
    },
    "pass.valid": {
        "vi": "Có giá trị đến hết ngày {date}",
        "en": "Valid until the end of {date}",
    },
    "pass.number": {"vi": "Số {visit_id}", "en": "No. {visit_id}"},
    "pass.entry": {"vi": "Vào lúc {time}", "en": "In at {time}"},
    "pass.host": {"vi": "Gặp: {host}", "en": "Host: {host}"},
    "pass.purpose": {"vi": "Nội dung: {purpose}", "en": "Purpose: {purpose}"},
    "pass.no_visit": {"vi": "Không có lượt vào số {visit_id}", "en": "No visit number {visit_id}"},
    "pass.visit_closed": {
        "vi": "Lượt vào số {visit_id} đã kết thúc (khách đã ra)",
        "en": "Visit {visit_id} has ended (the visitor has left)",
    },
    "pass.written": {
        "vi": "Thẻ khách cho lượt {visit_id}, hết hạn {date}: {path}",
        "en": "Visitor pass for visit {visit_id}, expires {date}: {path}",
    },
}


def set_language(lang: str) -> None:
    _state["lang"] = lang if lang in LANGUAGES else "vi"


def language() -> str:
    return _state["lang"]


def t(msg_key: str, /, lang: str | None = None, **fields: object) -> str:
    """The message ``key`` in ``lang`` (default: the current language), formatted.

    An unknown key returns the key itself, so a missing entry shows up but never crashes.
    """
    entry = CATALOGUE.get(msg_key)
    if entry is None:
        text = msg_key
    else:
        text = entry.get(lang or _state["lang"]) or entry.get("en") or msg_key
    try:
        return text.format(**fields) if fields else text
    except (KeyError, IndexError, ValueError):
        return text
