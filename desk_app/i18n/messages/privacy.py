"""Messages about personal data: purge, one person's records, the audit trail."""

MESSAGES: dict[str, dict[str, str]] = {
    "purge.done": {
        "vi": "Đã xóa dữ liệu trước {cutoff}: {visits} lượt ra vào, {scan_events} lượt quét, "
        "{outbox} thư đã gửi, {people} người, {files} tệp xuất",
        "en": "Deleted data before {cutoff}: {visits} visits, {scan_events} scans, "
        "{outbox} sent e-mails, {people} people, {files} exported files",
    },
    "person.count": {"vi": "{count} người", "en": "{count} people"},
    "person.ambiguous": {
        "vi": "Cần đúng một người, tìm thấy {count}: hãy dùng số thứ tự #N mà lệnh find hiển thị",
        "en": "Exactly one person is needed, found {count}: use the #N number find shows",
    },
    "person.deleted": {
        "vi": "Đã xóa người này: {visits} lượt ra vào, {scan_events} lượt quét, "
        "{outbox} thư báo cáo được làm lại, {files} tệp xuất",
        "en": "Deleted the person: {visits} visits, {scan_events} scans, "
        "{outbox} report e-mails rebuilt, {files} exported files",
    },
    "person.query_too_short": {
        "vi": "Hãy nhập số giấy tờ hoặc ít nhất {min} ký tự của họ tên",
        "en": "Type an ID number or at least {min} characters of the name",
    },
    "person.changed": {
        "vi": "{who} không còn là người đã hiển thị (nhật ký đã thay đổi): hãy tìm lại",
        "en": "{who} is no longer the person shown (the log has changed): search again",
    },
    "person.not_found": {
        "vi": "Không có người nào là {who}: dùng số giấy tờ đầy đủ "
        "hoặc số #N mà lệnh find hiển thị",
        "en": "Nobody is {who}: use the full ID number or the #N number find shows",
    },
    "person.bad_field": {
        "vi": "Không sửa được trường: {field}",
        "en": "This field cannot be corrected: {field}",
    },
    "person.name_required": {"vi": "Họ tên không được để trống", "en": "The name cannot be empty"},
    "person.confirm_delete": {
        "vi": "Xóa vĩnh viễn {name} ({id}), {visits} lượt ra vào và mọi dữ liệu khác? [c/K] ",
        "en": "Permanently delete {name} ({id}), {visits} visits and everything else? [y/N] ",
    },
    "person.cancelled": {"vi": "Đã hủy, không xóa gì", "en": "Cancelled, nothing deleted"},
    "person.cannot_write": {
        "vi": "Không ghi được {path}: {message}",
        "en": "Cannot write {path}: {message}",
    },
    "person.exported": {"vi": "Đã xuất: {path}", "en": "Exported: {path}"},
    "person.corrected": {
        "vi": "Đã sửa: {fields}",
        "en": "Corrected: {fields}",
    },
    "person.nothing_changed": {"vi": "Không có gì thay đổi", "en": "Nothing changed"},
    "person.bad_birth_date": {
        "vi": "Ngày sinh không hợp lệ: {value} (từ 01/01/1900 đến hôm nay, dạng DD/MM/YYYY)",
        "en": "Invalid birth date: {value} (01/01/1900 to today, as DD/MM/YYYY)",
    },
    "person.bad_sex": {
        "vi": "Giới tính không hợp lệ: {value} (Nam hoặc Nữ)",
        "en": "Invalid sex: {value} (Nam or Nữ)",
    },
    "person.too_long": {
        "vi": "{field} quá dài (tối đa {limit} ký tự)",
        "en": "{field} is too long (at most {limit} characters)",
    },
    "person.field.name": {"vi": "Họ tên", "en": "Name"},
    "person.field.birth_date": {"vi": "Ngày sinh", "en": "Birth date"},
    "person.field.sex": {"vi": "Giới tính", "en": "Sex"},
    "person.field.phone": {"vi": "Số điện thoại", "en": "Phone"},
    "person.field.organisation": {"vi": "Cơ quan, đơn vị", "en": "Organisation"},
    "person.sex.male": {"vi": "Nam", "en": "Male"},
    "person.sex.female": {"vi": "Nữ", "en": "Female"},
    "person.sex.unknown": {"vi": "(không rõ)", "en": "(not known)"},
    "person.correct_cancelled": {
        "vi": "Đã hủy, không sửa gì",
        "en": "Cancelled, nothing corrected",
    },
    "person.header": {
        "vi": "Số    Họ tên | Số giấy tờ | Ngày sinh | Lượt | Lần cuối",
        "en": "No.   Name | ID number | Born | Visits | Last seen",
    },
    "person.section.visits": {"vi": "Lượt ra vào ({count})", "en": "Visits ({count})"},
    "person.section.scans": {"vi": "Lượt quét ({count})", "en": "Scans ({count})"},
    "person.sheet.person": {"vi": "Người", "en": "Person"},
    "person.sheet.visits": {"vi": "Lượt ra vào", "en": "Visits"},
    "person.sheet.scans": {"vi": "Lượt quét", "en": "Scans"},
    "person.section.reports": {
        "vi": "Thư báo cáo đang lưu có tên người này ({count})",
        "en": "Kept report e-mails naming them ({count})",
    },
    "person.section.audit": {
        "vi": "Nhật ký kiểm tra về người này ({count})",
        "en": "Audit records about them ({count})",
    },
    "person.sheet.reports": {"vi": "Thư báo cáo", "en": "Report e-mails"},
    "person.sheet.audit": {"vi": "Nhật ký kiểm tra", "en": "Audit"},
    "person.ui.title": {
        "vi": "Dữ liệu của một người",
        "en": "One person's data",
    },
    "person.ui.open": {
        "vi": "Tra cứu, xuất, sửa hoặc xóa dữ liệu của một người…",
        "en": "Find, export, correct or delete one person's data…",
    },
    "person.ui.query": {
        "vi": "Số giấy tờ hoặc họ tên (không cần dấu)",
        "en": "ID number or name (diacritics not needed)",
    },
    "person.ui.find": {"vi": "Tìm", "en": "Find"},
    "person.ui.show": {"vi": "Xem toàn bộ", "en": "Show all"},
    "person.ui.export": {"vi": "Xuất ra tệp…", "en": "Export…"},
    "person.ui.delete": {"vi": "Xóa người này…", "en": "Delete this person…"},
    "person.ui.correct": {"vi": "Sửa thông tin…", "en": "Correct…"},
    "person.ui.correct_title": {
        "vi": "Sửa thông tin của {name}",
        "en": "Correct the data of {name}",
    },
    "person.ui.correct_hint": {
        "vi": "Số giấy tờ không sửa được ở đây: đó là khóa nhận ra người này khi quét thẻ.",
        "en": "The ID number cannot be corrected here: it is how a scanned card finds this person.",
    },
    "person.ui.confirm_correct": {
        "vi": "Sửa thông tin của {name} ({id})?\n\n{changes}",
        "en": "Correct the data of {name} ({id})?\n\n{changes}",
    },
    "person.ui.empty_value": {"vi": "(trống)", "en": "(empty)"},
    "person.ui.confirm_delete": {
        "vi": "Xóa vĩnh viễn {name} ({id}), {visits} lượt ra vào và mọi dữ liệu khác của "
        "người này? Không thể hoàn tác.",
        "en": "Permanently delete {name} ({id}), {visits} visits and everything else held "
        "about them? This cannot be undone.",
    },
    "settings.manager_key": {
        "vi": "Không đặt {key} bằng config set: dùng lệnh set-pin (được ghi nhật ký)",
        "en": "{key} is not set with config set: use set-pin (audited)",
    },
    # The audit trail
    "audit.intact": {
        "vi": "Nhật ký kiểm tra nguyên vẹn: {count} bản ghi",
        "en": "Audit trail intact: {count} records",
    },
    "audit.broken": {
        "vi": "Nhật ký kiểm tra đã bị can thiệp tại bản ghi #{id}: {reason}",
        "en": "Audit trail tampered with at record #{id}: {reason}",
    },
    "audit.reason.edited": {
        "vi": "nội dung đã bị sửa",
        "en": "its content was edited",
    },
    "audit.reason.removed_before": {
        "vi": "bản ghi trước nó đã bị xóa, sửa hoặc đổi chỗ",
        "en": "the record before it was removed, edited or moved",
    },
    "audit.reason.erased_unnamed": {
        "vi": "nội dung bị xóa mà không có yêu cầu xóa người nào ghi nhận",
        "en": "its content was erased without a recorded person deletion",
    },
    "audit.reason.bad_summary": {
        "vi": "bản tóm tắt không có chữ ký hợp lệ",
        "en": "the summary record's signature is not valid",
    },
    "audit.reason.cut_off": {
        "vi": "các bản ghi cuối đã bị cắt bỏ (đầu chuỗi lưu bên ngoài mới hơn)",
        "en": "the last records were cut off (the head kept outside is newer)",
    },
    "audit.reason.head_mismatch": {
        "vi": "không khớp với đầu chuỗi lưu bên ngoài bảng",
        "en": "it does not match the chain head kept outside the table",
    },
    "audit.reason.head_unreadable": {
        "vi": "tệp đầu chuỗi bên ngoài bảng không đọc được",
        "en": "the chain head file outside the table cannot be read",
    },
    "audit.reason.head_missing": {
        "vi": "tệp đầu chuỗi bên cạnh cơ sở dữ liệu đã mất, nên các bản ghi cuối có thể "
        "đã bị cắt bỏ",
        "en": "the chain head file beside the database is missing, so the last records may "
        "have been cut off",
    },
    "audit.report_line": {
        "vi": "Đầu chuỗi nhật ký kiểm tra khi lập báo cáo: {head}",
        "en": "Audit trail head when this report was made: {head}",
    },
    "audit.folded": {
        "vi": "Đã gộp {count} bản ghi cũ thành một bản tóm tắt có chữ ký",
        "en": "Folded {count} old records into one signed summary",
    },
    "audit.warning_line": {
        "vi": "Nhật ký kiểm tra đã bị can thiệp (bản ghi #{id}): hãy báo người quản lý",
        "en": "The audit trail has been tampered with (record #{id}): tell the manager",
    },
}
