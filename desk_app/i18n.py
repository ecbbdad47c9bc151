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
    # --- reports ---
    "week.week": {"vi": "Tuần từ {first} đến {last}", "en": "Week of {first} to {last}"},
    "week.day": {"vi": "Ngày {day}", "en": "{day}"},
    "week.range": {"vi": "Từ ngày {first} đến ngày {last}", "en": "From {first} to {last}"},
    "week.until": {"vi": "(tính đến {time} ngày {day})", "en": "(up to {time} on {day})"},
    "report.sheet.summary": {"vi": "Tổng hợp", "en": "Summary"},
    "report.sheet.daily": {"vi": "Theo ngày", "en": "Daily"},
    "report.sheet.detail": {"vi": "Chi tiết", "en": "Detail"},
    "report.motto.country": {
        "vi": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "en": "SOCIALIST REPUBLIC OF VIET NAM",
    },
    "report.motto.words": {
        "vi": "Độc lập - Tự do - Hạnh phúc",
        "en": "Independence - Freedom - Happiness",
    },
    "report.place_date": {
        "vi": "{place}, ngày {day} tháng {month} năm {year}",
        "en": "{place}, {day}/{month}/{year}",
    },
    "report.title": {
        "vi": "BÁO CÁO KẾT QUẢ KIỂM SOÁT RA VÀO BẰNG MÃ QR",
        "en": "REPORT ON ENTRY CONTROL BY QR CODE",
    },
    "report.col.figure": {"vi": "Chỉ tiêu", "en": "Figure"},
    "report.col.this": {"vi": "Kỳ này", "en": "This period"},
    "report.col.previous": {"vi": "Kỳ trước", "en": "Previous period"},
    "report.col.difference": {"vi": "Chênh lệch", "en": "Difference"},
    "report.col.percent": {"vi": "Thay đổi (%)", "en": "Change (%)"},
    "report.fig.scans": {"vi": "Tổng số lượt quét (vào + ra)", "en": "Scans (entries + exits)"},
    "report.fig.entries": {"vi": "Lượt vào", "en": "Entries"},
    "report.fig.exits": {"vi": "Lượt ra", "en": "Exits"},
    "report.fig.people": {"vi": "Số người (không trùng lặp)", "en": "Distinct people"},
    "report.fig.qr_entries": {"vi": "Lượt vào bằng mã QR", "en": "Entries by QR code"},
    "report.fig.manual_entries": {"vi": "Lượt vào khai báo thủ công", "en": "Entries by hand"},
    "report.fig.qr_share": {
        "vi": "Tỷ lệ lượt vào bằng mã QR (%)",
        "en": "Share of entries by QR code (%)",
    },
    "report.fig.manual_share": {
        "vi": "Tỷ lệ lượt vào khai báo thủ công (%)",
        "en": "Share of entries by hand (%)",
    },
    "report.fig.repeats": {
        "vi": "Quét lặp lại (không tính vào lượt quét)",
        "en": "Repeat scans (not counted)",
    },
    "report.fig.rejected": {"vi": "Mã bị từ chối", "en": "Rejected codes"},
    "report.fig.auto_checkouts": {
        "vi": "Tự động ghi ra lúc đóng cửa",
        "en": "Automatic check-outs at closing time",
    },
    "report.fig.inside_at_end": {
        "vi": "Số người còn ở trong cuối kỳ",
        "en": "People still inside at the end",
    },
    "report.fig.warnings": {"vi": "Lượt vào có cảnh báo", "en": "Visits with warnings"},
    "report.fig.days_without_scans": {
        "vi": "Số ngày không có lượt quét",
        "en": "Days with no scans",
    },
    "report.fig.busiest_hour": {"vi": "Giờ cao điểm", "en": "Busiest hour"},
    "report.busiest": {
        "vi": "{start}-{end} ngày {day} ({count} lượt quét)",
        "en": "{start}-{end} on {day} ({count} scans)",
    },
    "report.none": {"vi": "Không có", "en": "None"},
    "report.section.by_kind": {"vi": "Lượt quét theo loại mã", "en": "Scans by kind of code"},
    "report.section.by_method": {"vi": "Lượt quét theo cách quét", "en": "Scans by method"},
    "report.section.rejected": {"vi": "Mã bị từ chối theo lý do", "en": "Rejected codes by reason"},
    "report.section.warnings": {"vi": "Cảnh báo theo loại", "en": "Warnings by kind"},
    "report.section.chart": {"vi": "Lượt vào và ra theo ngày", "en": "Entries and exits per day"},
    "report.col.count": {"vi": "Số lượt", "en": "Count"},
    "report.kind.cccd": {"vi": "CCCD gắn chip", "en": "Chip citizen ID card"},
    "report.kind.cancuoc": {"vi": "Thẻ căn cước", "en": "Identity card"},
    "report.kind.pccovid": {"vi": "Mã QR cá nhân (PC-Covid)", "en": "Health app QR (PC-Covid)"},
    "report.kind.bhyt": {"vi": "Thẻ BHYT", "en": "Health insurance card"},
    "report.kind.staff": {"vi": "Thẻ nhân viên", "en": "Staff card"},
    "report.kind.visitor_pass": {"vi": "Thẻ khách", "en": "Visitor pass"},
    "report.kind.manual": {"vi": "Khai báo thủ công", "en": "Entered by hand"},
    "report.method.camera": {"vi": "Camera", "en": "Camera"},
    "report.method.scanner": {"vi": "Máy quét cầm tay", "en": "Handheld scanner"},
    "report.method.manual": {"vi": "Nhập tay", "en": "By hand"},
    "report.method.checkout": {"vi": "Ghi ra tại bàn", "en": "Checked out at the desk"},
    "report.method.auto": {"vi": "Tự động", "en": "Automatic"},
    "report.definition": {
        "vi": "Cách tính: lượt quét là lần quét được ghi nhận là vào hoặc ra (kể cả ghi ra tại "
        "bàn). Quét lặp lại trong thời gian chống trùng và mã bị từ chối được đếm riêng, không "
        "cộng vào lượt quét; tự động ghi ra lúc đóng cửa không phải lượt quét. Số người là số "
        "người khác nhau có ít nhất một lượt quét. Ngày giờ theo giờ địa phương.",
        "en": "How it is counted: a scan is a scan recorded as an entry or an exit (check-outs "
        "at the desk included). Repeat scans within the debounce window and rejected codes are "
        "counted apart, not as scans; automatic check-outs at closing time are not scans. "
        "People are the distinct people with at least one scan. Days and hours in local time.",
    },
    "report.sign.preparer": {"vi": "NGƯỜI LẬP BÁO CÁO", "en": "PREPARED BY"},
    "report.sign.head": {"vi": "THỦ TRƯỞNG ĐƠN VỊ", "en": "HEAD OF UNIT"},
    "report.sign.preparer_note": {"vi": "(Ký, ghi rõ họ tên)", "en": "(Signature and full name)"},
    "report.sign.head_note": {"vi": "(Ký tên, đóng dấu)", "en": "(Signature and seal)"},
    "report.col.date": {"vi": "Ngày", "en": "Date"},
    "report.col.weekday": {"vi": "Thứ", "en": "Day"},
    "report.col.scans": {"vi": "Lượt quét", "en": "Scans"},
    "report.col.entries": {"vi": "Vào", "en": "Entries"},
    "report.col.exits": {"vi": "Ra", "en": "Exits"},
    "report.col.repeats": {"vi": "Quét lặp lại", "en": "Repeats"},
    "report.col.rejected": {"vi": "Bị từ chối", "en": "Rejected"},
    "report.col.people": {"vi": "Số người", "en": "People"},
    "report.col.qr_entries": {"vi": "Vào bằng QR", "en": "Entries by QR"},
    "report.col.manual_entries": {"vi": "Vào thủ công", "en": "Entries by hand"},
    "report.col.auto_checkouts": {"vi": "Tự động ra", "en": "Automatic check-outs"},
    "report.total": {"vi": "Tổng cộng", "en": "Total"},
    "report.weekday.0": {"vi": "Thứ Hai", "en": "Monday"},
    "report.weekday.1": {"vi": "Thứ Ba", "en": "Tuesday"},
    "report.weekday.2": {"vi": "Thứ Tư", "en": "Wednesday"},
    "report.weekday.3": {"vi": "Thứ Năm", "en": "Thursday"},
    "report.weekday.4": {"vi": "Thứ Sáu", "en": "Friday"},
    "report.weekday.5": {"vi": "Thứ Bảy", "en": "Saturday"},
    "report.weekday.6": {"vi": "Chủ nhật", "en": "Sunday"},
    "report.col.no": {"vi": "STT", "en": "No."},
    "report.col.name": {"vi": "Họ và tên", "en": "Name"},
    "report.col.id_number": {"vi": "Số giấy tờ", "en": "ID number"},
    "report.col.kind": {"vi": "Loại mã", "en": "Kind of code"},
    "report.col.entry_at": {"vi": "Vào lúc", "en": "Entry"},
    "report.col.exit_at": {"vi": "Ra lúc", "en": "Exit"},
    "report.col.entry_method": {"vi": "Cách vào", "en": "Entry method"},
    "report.col.exit_method": {"vi": "Cách ra", "en": "Exit method"},
    "report.col.checkpoint": {"vi": "Điểm kiểm soát", "en": "Checkpoint"},
    "report.col.desk": {"vi": "Bàn", "en": "Desk"},
    "report.col.purpose": {"vi": "Mục đích", "en": "Purpose"},
    "report.col.host": {"vi": "Người tiếp", "en": "Host"},
    "report.col.organisation": {"vi": "Cơ quan, đơn vị", "en": "Organisation"},
    "report.col.warnings": {"vi": "Cảnh báo", "en": "Warnings"},
    "report.still_inside": {"vi": "Đang ở trong", "en": "Still inside"},
    "report.ids_masked": {
        "vi": "Số giấy tờ được che một phần để bảo vệ dữ liệu cá nhân.",
        "en": "ID numbers are partly masked to protect personal data.",
    },
    "report.ids_full": {
        "vi": "Tài liệu có số giấy tờ đầy đủ (dữ liệu cá nhân): không chia sẻ ra ngoài.",
        "en": "This document holds full ID numbers (personal data): do not share it.",
    },
    "report.made_at": {"vi": "Lập lúc {time}", "en": "Made at {time}"},
    "report.bad_week": {
        "vi": "Tuần không hợp lệ: {value} (dùng dạng 2021-W41, current hoặc last)",
        "en": "Invalid week: {value} (use the form 2021-W41, current or last)",
    },
    "report.bad_range": {
        "vi": "Khoảng ngày không hợp lệ: {first} đến {last} (tối đa 366 ngày)",
        "en": "Invalid range: {first} to {last} (at most 366 days)",
    },
    "report.range_incomplete": {
        "vi": "Cần cả --from và --to",
        "en": "Both --from and --to are needed",
    },
    "report.written": {
        "vi": "Đã ghi báo cáo {period} vào {path}",
        "en": "Wrote the report {period} to {path}",
    },
    "report.summary_line": {
        "vi": "Lượt quét: {scans} (vào {entries}, ra {exits}); số người: {people}",
        "en": "Scans: {scans} ({entries} entries, {exits} exits); people: {people}",
    },
    "report.cannot_write": {
        "vi": "Không ghi được tệp {path}: {message}",
        "en": "Cannot write the file {path}: {message}",
    },
    "mail.subject": {
        "vi": "Báo cáo kiểm soát ra vào bằng mã QR - {unit} - {period}",
        "en": "Entry control report - {unit} - {period}",
    },
    "mail.greeting": {"vi": "Kính gửi Quý cơ quan,", "en": "Dear colleagues,"},
    "mail.intro": {
        "vi": "{unit} gửi báo cáo kết quả kiểm soát ra vào bằng mã QR, {period}.",
        "en": "{unit} sends its report on entry control by QR code, {period}.",
    },
    "mail.key_figures": {"vi": "Số liệu chính:", "en": "Key figures:"},
    "mail.line.scans": {
        "vi": "- Tổng số lượt quét: {scans} (vào {entries}, ra {exits})",
        "en": "- Scans: {scans} ({entries} entries, {exits} exits)",
    },
    "mail.line.people": {"vi": "- Số người: {people}", "en": "- People: {people}"},
    "mail.line.qr": {
        "vi": "- Lượt vào bằng mã QR: {qr} ({share}); khai báo thủ công: {manual}",
        "en": "- Entries by QR code: {qr} ({share}); by hand: {manual}",
    },
    "mail.line.empty_days": {
        "vi": "- Số ngày không có lượt quét: {count}",
        "en": "- Days with no scans: {count}",
    },
    "mail.line.change": {
        "vi": "- So với kỳ trước: {difference} lượt quét ({percent})",
        "en": "- Against the previous period: {difference} scans ({percent})",
    },
    "mail.line.change_no_base": {
        "vi": "- So với kỳ trước: kỳ trước không có lượt quét",
        "en": "- Against the previous period: no scans in the previous period",
    },
    "mail.attached": {
        "vi": "Chi tiết trong tệp đính kèm {filename}.",
        "en": "The details are in the attached file {filename}.",
    },
    "mail.closing": {"vi": "Trân trọng,", "en": "Kind regards,"},
    "mail.not_configured": {
        "vi": "Chưa thiết lập máy chủ thư (mail.host)",
        "en": "No mail server set up (mail.host)",
    },
    "mail.no_recipients": {
        "vi": "Chưa có người nhận báo cáo (mail.recipients)",
        "en": "No report recipients set up (mail.recipients)",
    },
    "mail.no_sender": {
        "vi": "Chưa có địa chỉ người gửi (mail.sender)",
        "en": "No sender address (mail.sender)",
    },
    "mail.no_password": {
        "vi": "Chưa lưu mật khẩu thư của {user} trong kho khóa của hệ điều hành",
        "en": "No mail password for {user} in the system keyring",
    },
    "mail.keyring_error": {
        "vi": "Không dùng được kho khóa của hệ điều hành: {detail}",
        "en": "The system keyring cannot be used: {detail}",
    },
    "mail.error.auth": {
        "vi": "Máy chủ thư từ chối đăng nhập: {detail}",
        "en": "The mail server refused the login: {detail}",
    },
    "mail.error.connect": {
        "vi": "Không kết nối được máy chủ thư {host}:{port}: {detail}",
        "en": "Cannot connect to the mail server {host}:{port}: {detail}",
    },
    "mail.error.timeout": {
        "vi": "Máy chủ thư không trả lời sau {seconds} giây",
        "en": "The mail server did not answer within {seconds} seconds",
    },
    "mail.error.refused": {
        "vi": "Máy chủ thư từ chối thư: {detail}",
        "en": "The mail server refused the message: {detail}",
    },
    "mail.error.tls": {
        "vi": "Lỗi kết nối bảo mật với máy chủ thư: {detail}",
        "en": "Secure connection to the mail server failed: {detail}",
    },
    "mail.error.other": {"vi": "Lỗi gửi thư: {detail}", "en": "Sending failed: {detail}"},
    "mail.sent": {
        "vi": "Đã gửi báo cáo {period} tới {recipients}",
        "en": "Sent the report {period} to {recipients}",
    },
    "mail.queued": {
        "vi": "Chưa gửi được: thư được giữ trong hộp thư đi (số {id}) và sẽ được gửi lại sau. "
        "Lý do: {reason}",
        "en": "Not sent: the message is kept in the outbox (number {id}) and will be sent "
        "again later. Reason: {reason}",
    },
    "mail.eml_saved": {"vi": "Đã lưu thư vào {path}", "en": "Saved the message to {path}"},
    "mail.password_set": {
        "vi": "Đã lưu mật khẩu thư của {user} vào kho khóa",
        "en": "Saved the mail password of {user} in the keyring",
    },
    "mail.password_no_user": {"vi": "Hãy đặt mail.user trước", "en": "Set mail.user first"},
    "mail.password_prompt": {"vi": "Mật khẩu thư của {user}: ", "en": "Mail password of {user}: "},
    "outbox.empty": {"vi": "Hộp thư đi trống", "en": "The outbox is empty"},
    "outbox.status.pending": {"vi": "chờ gửi", "en": "pending"},
    "outbox.status.sent": {"vi": "đã gửi", "en": "sent"},
    "outbox.status.sending": {"vi": "đang gửi", "en": "sending"},
    "outbox.retried": {
        "vi": "Đã gửi {sent} trong {total} thư chờ",
        "en": "Sent {sent} of {total} waiting messages",
    },
    "outbox.not_found": {"vi": "Không có thư số {id}", "en": "No message number {id}"},
    "outbox.busy": {
        "vi": "Thư số {id} đang được gửi từ một bàn khác",
        "en": "Message {id} is being sent by another desk",
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
        "vi": 'Chưa có tên đơn vị. Hãy thiết lập: desk-app config set unit.name "Tên đơn vị"',
        "en": 'The unit has no name yet. Set it: desk-app config set unit.name "Unit name"',
    },
    "print.unknown_checkpoint": {
        "vi": 'Không có điểm kiểm soát "{name}". Các điểm đã thiết lập: {known}',
        "en": 'No checkpoint "{name}". The unit\'s checkpoints: {known}',
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
        "vi": 'Áp phích "{checkpoint}" phiên bản {version}: {path}',
        "en": 'Poster "{checkpoint}" version {version}: {path}',
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
    # --- scanning ---
    "scan.camera_unavailable": {
        "vi": "Không mở được camera số {index}. Hãy kiểm tra dây cắm và chương trình khác có "
        "đang dùng camera không.",
        "en": "Cannot open camera {index}. Check the cable and whether another program is "
        "using the camera.",
    },
    "scan.stream_unavailable": {
        "vi": "Không kết nối được camera mạng {url}.",
        "en": "Cannot connect to the network camera {url}.",
    },
    "scan.video_unreadable": {
        "vi": "Không đọc được tệp video {path}.",
        "en": "Cannot read the video file {path}.",
    },
    "scan.folder_unreadable": {
        "vi": "Không đọc được thư mục {path}: {message}",
        "en": "Cannot read the folder {path}: {message}",
    },
    "scan.folder_empty": {
        "vi": "Thư mục {path} không có ảnh nào.",
        "en": "The folder {path} holds no images.",
    },
    "scan.no_source": {"vi": "Chưa chọn camera.", "en": "No camera was chosen."},
    "scan.source_missing": {"vi": "Không tìm thấy {path}.", "en": "{path} does not exist."},
    "scan.camera_name": {"vi": "Camera {index}", "en": "Camera {index}"},
    "scan.file_unreadable": {
        "vi": "Không đọc được {path}: không phải ảnh hay video, hoặc tệp bị hỏng.",
        "en": "Cannot read {path}: not an image or a video, or the file is damaged.",
    },
    "scan.files_failed": {
        "vi": "{count} tệp không đọc được.",
        "en": "{count} file(s) could not be read.",
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
