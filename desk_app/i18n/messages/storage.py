"""Messages about the database: locked, full, damaged, newer."""

MESSAGES: dict[str, dict[str, str]] = {
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
}
