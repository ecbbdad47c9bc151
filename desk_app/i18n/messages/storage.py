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
    "db.file_gone": {
        "vi": "Tệp nhật ký {path} đã bị di chuyển, xóa hoặc thay thế trong khi chương trình "
        "đang chạy: lượt quét chưa được ghi. Hãy trả tệp về chỗ cũ, hoặc mở lại chương trình.",
        "en": "The log file {path} was moved, deleted or replaced while the program runs: "
        "the scan was not recorded. Put the file back, or start the program again.",
    },
    "db.readonly": {
        "vi": "Cơ sở dữ liệu {url} chỉ đọc (thư mục, tệp hoặc ổ đĩa chỉ đọc): "
        "xem được nhưng không ghi được. Không có gì được ghi.",
        "en": "The database {url} is read-only (read-only folder, file or medium): "
        "it can be read, not written. Nothing was written.",
    },
    "db.readonly_older": {
        "vi": "Nhật ký {path} do một phiên bản desk_app cũ hơn tạo ra và phải được nâng cấp "
        "trước khi đọc, nhưng nó nằm trên thư mục hoặc ổ đĩa chỉ đọc: hãy chép nó vào một "
        "thư mục ghi được. Không có gì được ghi.",
        "en": "The log {path} was made by an older desk_app and must be upgraded before it "
        "is read, but it is on a read-only folder or medium: copy it to a writable folder. "
        "Nothing was written.",
    },
    "db.readonly_new": {
        "vi": "Không tạo được cơ sở dữ liệu mới {path}: thư mục {folder} chỉ đọc.",
        "en": "Cannot make a new database {path}: the folder {folder} is read-only.",
    },
    "db.opened_readonly": {
        "vi": "Nhật ký {path} được mở chỉ để đọc (thư mục, tệp hoặc ổ đĩa chỉ đọc).",
        "en": "The log {path} is open for reading only (read-only folder, file or medium).",
    },
    "db.opened_full": {
        "vi": "Ổ đĩa chứa nhật ký {path} đã đầy: nhật ký chỉ mở để đọc. "
        "Hãy giải phóng dung lượng để ghi lượt quét.",
        "en": "The disk of the log {path} is full: it is open for reading only. "
        "Free some space to record scans.",
    },
    "db.no_folder": {
        "vi": "Không mở được cơ sở dữ liệu {path}: thư mục {folder} không tồn tại "
        "(không có gì được tạo). Hãy kiểm tra đường dẫn --db.",
        "en": "Cannot open the database {path}: the folder {folder} does not exist "
        "(nothing was created). Check the --db path.",
    },
    "db.not_database": {
        "vi": "{path} không phải là tệp cơ sở dữ liệu của desk_app.",
        "en": "{path} is not a desk_app database file.",
    },
    "db.damaged": {
        "vi": "Cơ sở dữ liệu bị hỏng: hãy khôi phục bản sao lưu ({path}).",
        "en": "Database damaged: restore a backup ({path}).",
    },
    "db.new_log": {
        "vi": "Nhật ký mới, trống tại {path}",
        "en": "New empty log at {path}",
    },
    "db.cannot_open": {
        "vi": "Không mở được cơ sở dữ liệu {url}: {message}",
        "en": "Cannot open the database {url}: {message}",
    },
    "db.unreachable": {
        "vi": "Không kết nối được máy chủ cơ sở dữ liệu {server}: máy chủ chưa chạy, "
        "sai cổng, hoặc mạng/tường lửa chặn.",
        "en": "Cannot reach the database server {server}: it is not running, the port is "
        "wrong, or the network or a firewall blocks it.",
    },
    "db.unknown_host": {
        "vi": "Không tìm thấy máy chủ cơ sở dữ liệu {host}: hãy kiểm tra tên máy trong "
        "địa chỉ kết nối (--db hoặc DESK_APP_DB).",
        "en": "The database server {host} is not known: check the host name in the "
        "connection URL (--db or DESK_APP_DB).",
    },
    "db.login_refused": {
        "vi": "Máy chủ cơ sở dữ liệu {server} từ chối đăng nhập của {user}: hãy kiểm tra "
        "tên đăng nhập và mật khẩu trong địa chỉ kết nối.",
        "en": "The database server {server} refused the login {user}: check the user name "
        "and password in the connection URL.",
    },
    "db.host_not_allowed": {
        "vi": "Máy chủ cơ sở dữ liệu {server} không cho máy này kết nối (pg_hba.conf): "
        "hãy nhờ người quản trị máy chủ cho phép.",
        "en": "The database server {server} does not let this computer connect "
        "(pg_hba.conf): ask its administrator to allow it.",
    },
    "db.no_such_database": {
        "vi": "Máy chủ {server} không có cơ sở dữ liệu {database}: hãy tạo nó "
        "(README, phần nhiều bàn dùng chung một nhật ký).",
        "en": "The server {server} has no database {database}: create it "
        "(README, several desks sharing one log).",
    },
    "db.no_rights": {
        "vi": "Tài khoản {user} thiếu quyền trên cơ sở dữ liệu {database}: hãy cấp quyền "
        "như README hướng dẫn.",
        "en": "The login {user} lacks rights on the database {database}: grant them as the "
        "README shows.",
    },
    "db.server_busy": {
        "vi": "Máy chủ cơ sở dữ liệu {server} đã đủ số kết nối: hãy thử lại sau ít phút.",
        "en": "The database server {server} has all the connections it allows: try again "
        "in a few minutes.",
    },
    "db.server_starting": {
        "vi": "Máy chủ cơ sở dữ liệu {server} đang khởi động hoặc dừng: hãy thử lại sau ít phút.",
        "en": "The database server {server} is starting up or shutting down: try again in a "
        "few minutes.",
    },
    "db.error": {"vi": "Lỗi cơ sở dữ liệu: {message}", "en": "Database error: {message}"},
    "diag.db.ok": {"vi": "Cơ sở dữ liệu nguyên vẹn", "en": "The database is sound"},
    "diag.db.missing": {
        "vi": "Chưa có cơ sở dữ liệu ({detail}); sẽ được tạo khi mở lần đầu",
        "en": "No database yet ({detail}); it is made at the first start",
    },
    "diag.db.older": {
        "vi": "Cơ sở dữ liệu nguyên vẹn, sẽ được nâng cấp khi mở",
        "en": "The database is sound and will be upgraded when opened",
    },
    "diag.db.not_database": {
        "vi": "{detail} không phải là tệp cơ sở dữ liệu",
        "en": "{detail} is not a database file",
    },
    "diag.db.damaged": {
        "vi": "Cơ sở dữ liệu bị hỏng: hãy khôi phục bản sao lưu ({detail})",
        "en": "Database damaged: restore a backup ({detail})",
    },
    "diag.db.newer": {
        "vi": "Cơ sở dữ liệu do phiên bản desk_app mới hơn tạo ra (phiên bản dữ liệu {revision})",
        "en": "The database was made by a newer desk_app (data version {revision})",
    },
    "diag.db.unreachable": {
        "vi": "Không mở được cơ sở dữ liệu: {detail}",
        "en": "Cannot open the database: {detail}",
    },
}
