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
    "output.written": {
        "vi": "Đã ghi {count} lượt vào {path}",
        "en": "{count} visits written to {path}",
    },
    "os.not_found": {"vi": "không có tệp hoặc thư mục này", "en": "no such file or folder"},
    "os.no_permission": {"vi": "không có quyền truy cập", "en": "permission denied"},
    "os.read_only": {"vi": "ổ đĩa chỉ cho đọc", "en": "the disk is read-only"},
    "os.disk_full": {"vi": "ổ đĩa đầy", "en": "disk full"},
    "os.is_folder": {"vi": "đó là một thư mục", "en": "it is a folder"},
    "os.not_folder": {
        "vi": "một phần của đường dẫn không phải là thư mục",
        "en": "part of the path is not a folder",
    },
    "os.name_too_long": {"vi": "tên tệp quá dài", "en": "the file name is too long"},
    "os.io_error": {
        "vi": "lỗi đọc ghi của thiết bị (ổ đĩa hỏng hoặc đã rút ra?)",
        "en": "input/output error (a failing or removed disk?)",
    },
    "os.busy": {"vi": "tệp đang được dùng", "en": "the file is in use"},
    "os.exists": {"vi": "tệp đã có", "en": "the file already exists"},
}
