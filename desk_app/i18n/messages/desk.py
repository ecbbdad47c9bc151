"""Messages of the desk: manual entry."""

MESSAGES: dict[str, dict[str, str]] = {
    "manual.name_required": {"vi": "Cần nhập họ tên", "en": "Name is required"},
    "manual.name_invalid": {"vi": "Họ tên không hợp lệ", "en": "Invalid name"},
    "manual.id_invalid": {
        "vi": "Số giấy tờ phải có 9 hoặc 12 chữ số (hoặc số hộ chiếu)",
        "en": "ID number must have 9 or 12 digits (or be a passport number)",
    },
    "manual.phone_invalid": {"vi": "Số điện thoại không hợp lệ", "en": "Invalid phone number"},
    "manual.too_long": {"vi": "Quá dài", "en": "Too long"},
    "manual.kept_for_retry": {
        "vi": "Thông tin vừa nhập tay chưa được ghi nhưng vẫn được giữ: nhấn Ctrl+N để gửi lại",
        "en": "The manual entry was not recorded but what was typed is kept: press Ctrl+N to"
        " send it again",
    },
}
