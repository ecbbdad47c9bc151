"""Messages about backups and restoring them."""

MESSAGES: dict[str, dict[str, str]] = {
    "backup.passphrase_prompt": {"vi": "Mật khẩu sao lưu: ", "en": "Backup passphrase: "},
    "backup.passphrase_again": {
        "vi": "Nhập lại mật khẩu sao lưu: ",
        "en": "Backup passphrase again: ",
    },
    "backup.passphrase_mismatch": {
        "vi": "Hai lần nhập mật khẩu không giống nhau",
        "en": "The two passphrases differ",
    },
    "backup.passphrase_short": {
        "vi": "Mật khẩu sao lưu cần ít nhất {min} ký tự",
        "en": "The backup passphrase needs at least {min} characters",
    },
    "backup.written": {
        "vi": "Đã sao lưu {rows} dòng của {tables} bảng vào {path} (đã mã hóa)",
        "en": "Backed up {rows} rows of {tables} tables to {path} (encrypted)",
    },
    "backup.restored": {
        "vi": "Đã khôi phục {rows} dòng từ {path}",
        "en": "Restored {rows} rows from {path}",
    },
    "backup.not_a_backup": {
        "vi": "Tệp này không phải bản sao lưu của chương trình",
        "en": "This file is not a backup made by this program",
    },
    "backup.damaged": {
        "vi": "Bản sao lưu bị hỏng hoặc của phiên bản khác",
        "en": "The backup is damaged or of another version",
    },
    "backup.wrong_passphrase": {
        "vi": "Sai mật khẩu sao lưu, hoặc tệp đã bị sửa",
        "en": "Wrong backup passphrase, or the file was altered",
    },
    "backup.not_empty": {
        "vi": "Chỉ khôi phục vào cơ sở dữ liệu trống: bảng {table} đã có dữ liệu",
        "en": "A backup is restored into an empty database only: table {table} has rows",
    },
    "backup.cannot_write": {
        "vi": "Không ghi được {path}: {message}",
        "en": "Cannot write {path}: {message}",
    },
    "backup.cannot_read": {
        "vi": "Không đọc được {path}: {message}",
        "en": "Cannot read {path}: {message}",
    },
    "backup.remembered": {
        "vi": "Đã lưu mật khẩu sao lưu vào kho mật khẩu của hệ điều hành cho sao lưu tự động",
        "en": "The backup passphrase is kept in the system's password store for daily backups",
    },
    "backup.no_store": {
        "vi": "Máy này không có kho mật khẩu: không thể sao lưu tự động",
        "en": "No password store on this computer: daily backups cannot run",
    },
    "backup.reminder": {
        "vi": "Chưa sao lưu dữ liệu trong 7 ngày qua: hãy báo người quản lý "
        "(lệnh desk-app backup TỆP, hoặc bật sao lưu tự động)",
        "en": "No backup in the last 7 days: tell the manager "
        "(desk-app backup FILE, or turn on daily backups)",
    },
}
