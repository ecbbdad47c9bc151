"""Messages about the files the program writes (workbook, PDF, PNG, .eml, CSV)."""

MESSAGES: dict[str, dict[str, str]] = {
    "output.bad_extension": {
        "vi": "Không ghi tệp {path}: tệp {format} phải có đuôi {expected}",
        "en": "Not writing {path}: {format} files must end in {expected}",
    },
    "output.is_folder": {
        "vi": "Không ghi được: {path} là một thư mục",
        "en": "Cannot write: {path} is a folder",
    },
    "output.is_database": {
        "vi": "Không ghi đè {path}: đó là một tệp cơ sở dữ liệu",
        "en": "Not overwriting {path}: it is a database file",
    },
    "output.no_folder": {
        "vi": "Không ghi được {path}: thư mục {folder} không tồn tại",
        "en": "Cannot write {path}: the folder {folder} does not exist",
    },
    "output.cannot_write": {
        "vi": "Không ghi được tệp {path}: {message}. Tệp cũ (nếu có) vẫn giữ nguyên.",
        "en": "Cannot write the file {path}: {message}. The previous file, if any, is unchanged.",
    },
    "output.disk_full": {"vi": "ổ đĩa đầy", "en": "disk full"},
    "output.no_permission": {"vi": "không có quyền ghi", "en": "no permission to write"},
    "output.written": {
        "vi": "Đã ghi {count} lượt vào {path}",
        "en": "{count} visits written to {path}",
    },
}
