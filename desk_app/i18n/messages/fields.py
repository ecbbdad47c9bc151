"""Labels of the fields the command line shows in its text output (parse, person show, ...)."""

MESSAGES: dict[str, dict[str, str]] = {
    "field.kind": {"vi": "Loại mã", "en": "Kind of code"},
    "field.id_number": {"vi": "Số định danh", "en": "ID number"},
    "field.old_id_number": {"vi": "Số CMND cũ", "en": "Old ID number"},
    "field.name": {"vi": "Họ và tên", "en": "Full name"},
    "field.birth_date": {"vi": "Ngày sinh", "en": "Date of birth"},
    "field.birth_year": {"vi": "Năm sinh", "en": "Year of birth"},
    "field.sex": {"vi": "Giới tính", "en": "Sex"},
    "field.address": {"vi": "Địa chỉ", "en": "Address"},
    "field.issue_date": {"vi": "Ngày cấp", "en": "Issue date"},
    "field.valid_from": {"vi": "Có giá trị từ", "en": "Valid from"},
    "field.valid_to": {"vi": "Có giá trị đến", "en": "Valid until"},
    "field.clinic": {"vi": "Nơi đăng ký KCB ban đầu", "en": "Registered clinic"},
    "field.issuing_place": {"vi": "Nơi cấp", "en": "Issued by"},
    "field.warning": {"vi": "Cảnh báo", "en": "Warning"},
    "field.reason": {"vi": "Lý do", "en": "Reason"},
    "field.json_help": {
        "vi": "in dạng JSON cho máy đọc: tên trường tiếng Anh, ngày theo ISO 8601 (YYYY-MM-DD)",
        "en": "print JSON for machines: English field names, ISO 8601 dates (YYYY-MM-DD)",
    },
}
