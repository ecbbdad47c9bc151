"""The one vocabulary: rejection reasons, warnings, outcomes."""

MESSAGES: dict[str, dict[str, str]] = {
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
    "reason.not_utf8": {
        "vi": "Mã chứa byte không phải văn bản UTF-8",
        "en": "The code holds bytes that are not UTF-8 text",
    },
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
    "reason.fully_masked": {
        "vi": "Mã đã bị che toàn bộ số giấy tờ: không xác định được người",
        "en": "The code's document number is fully masked: nobody can be identified",
    },
    "reason.internal_error": {
        "vi": "Lỗi nội bộ khi đọc mã (đã ghi vào nhật ký); hãy nhập tay và báo cho quản lý",
        "en": "Internal error while reading the code (logged); "
        "enter it by hand and tell the manager",
    },
    "warning.unplaced_field": {
        "vi": "Mã có giá trị không khớp trường nào: giá trị đó không được lưu, "
        "hãy kiểm tra giấy tờ",
        "en": "A value in the code fits no field: it was not stored, check the document",
    },
    "warning.read_by_shape": {
        "vi": "Các trường trong mã không theo thứ tự chuẩn: đã nhận từng giá trị theo dạng, "
        "hãy kiểm tra họ tên và địa chỉ với giấy tờ",
        "en": "The code's fields are not in the usual order: each value was read by its "
        "shape, check the name and address against the document",
    },
    "warning.id_unknown_province": {
        "vi": "Mã tỉnh trong số định danh không tồn tại (000)",
        "en": "The ID number's province code does not exist (000)",
    },
    "warning.birth_date_in_future": {
        "vi": "Ngày sinh trong mã ở tương lai",
        "en": "The birth date in the code is in the future",
    },
    "warning.issue_date_in_future": {
        "vi": "Ngày cấp trong mã ở tương lai",
        "en": "The issue date in the code is in the future",
    },
    "warning.issue_before_birth": {
        "vi": "Ngày cấp trong mã trước ngày sinh",
        "en": "The issue date in the code is before the birth date",
    },
    # Kinds of code: the same words in the window, the workbook, the poster and the CLI.
    "kind.cccd": {"vi": "CCCD gắn chip", "en": "Chip citizen ID card"},
    "kind.cancuoc": {"vi": "Thẻ căn cước", "en": "Identity card"},
    "kind.pccovid": {"vi": "Mã QR cá nhân (PC-Covid)", "en": "Health app QR (PC-Covid)"},
    "kind.bhyt": {"vi": "Thẻ BHYT", "en": "Health insurance card"},
    "kind.staff": {"vi": "Thẻ nhân viên", "en": "Staff card"},
    "kind.visitor_pass": {"vi": "Thẻ khách", "en": "Visitor pass"},
    "kind.checkpoint": {"vi": "Mã điểm kiểm soát", "en": "Checkpoint code"},
    "kind.manual": {"vi": "Không có mã (nhập tay)", "en": "No code (entered by hand)"},
    "kind.unrecognised": {"vi": "Mã không nhận ra", "en": "Unrecognised code"},
    # How a visit was recorded.
    "method.camera": {"vi": "Camera", "en": "Camera"},
    "method.scanner": {"vi": "Máy quét cầm tay", "en": "Handheld scanner"},
    "method.manual": {"vi": "Nhập tay", "en": "Entered by hand"},
    "method.checkout": {"vi": "Ghi ra tại bàn", "en": "Checked out at the desk"},
    "method.auto": {"vi": "Tự động", "en": "Automatic"},
}
