"""Messages about personal data: purge, one person's records."""

MESSAGES: dict[str, dict[str, str]] = {
    "purge.done": {
        "vi": "Đã xóa {count} lượt cũ hơn {days} ngày",
        "en": "Deleted {count} visits older than {days} days",
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
}
