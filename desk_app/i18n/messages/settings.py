"""What each setting is for, as ``config list`` shows it: one entry per key of
``desk_app.settings.SETTINGS`` (``setting.<key>``)."""

MESSAGES: dict[str, dict[str, str]] = {
    # The unit (first-run set-up)
    "setting.unit.name": {
        "vi": "Tên đơn vị, như in trên áp phích và báo cáo",
        "en": "Unit name, as printed on posters and reports",
    },
    "setting.unit.agency": {
        "vi": "Cơ quan chủ quản (cơ quan ban hành trên tiêu đề văn bản)",
        "en": "Parent agency (issuing body on official headers)",
    },
    "setting.unit.address": {"vi": "Địa chỉ đơn vị", "en": "Unit address"},
    "setting.unit.contact": {
        "vi": "Đầu mối giải đáp về dữ liệu cá nhân (điện thoại / e-mail)",
        "en": "Contact for personal-data questions (phone / e-mail)",
    },
    "setting.unit.place": {
        "vi": "Địa danh ghi trên văn bản có ngày tháng, ví dụ 'Bắc Kạn'",
        "en": "Place name for dated documents, e.g. 'Bắc Kạn'",
    },
    "setting.unit.code": {
        "vi": "Mã điểm quét do tỉnh cấp (báo cáo tuần, áp phích)",
        "en": "Code the province gave this scan point (weekly report, poster)",
    },
    "setting.unit.id": {
        "vi": "Mã nhận diện đơn vị trong các mã riêng của đơn vị (tạo khi cài đặt)",
        "en": "Unit identifier inside the unit's own codes (made at set-up)",
    },
    "setting.unit.secret": {
        "vi": "Khóa bí mật để ký các mã riêng của đơn vị",
        "en": "Signing secret of the unit's codes",
    },
    "setting.unit.setup_done": {
        "vi": "Đã hoàn tất cài đặt lần đầu",
        "en": "First-run set-up completed",
    },
    "setting.unit.checkpoints": {
        "vi": "Tên các điểm kiểm soát (lối vào)",
        "en": "Checkpoint names (entrances)",
    },
    # This desk
    "setting.desk.name": {
        "vi": "Tên bàn này trong nhật ký (mặc định: tên máy tính)",
        "en": "Name of this desk in the log (default: computer name)",
    },
    "setting.desk.checkpoint": {
        "vi": "Điểm kiểm soát nơi đặt bàn này (mặc định: điểm đầu tiên)",
        "en": "Checkpoint this desk stands at (default: the first)",
    },
    "setting.scan.camera": {
        "vi": "Camera: số thứ tự, tệp video, thư mục ảnh hoặc URL",
        "en": "Camera: index, video file, image folder or URL",
    },
    "setting.scan.debounce_seconds": {
        "vi": "Cùng một người quét lại trong số giây này: tính là quét lặp",
        "en": "Same person again within this many seconds: a repeat",
    },
    "setting.scan.sound": {
        "vi": "Phát một tiếng ngắn cho mỗi kết quả quét",
        "en": "Play a short sound per outcome",
    },
    "setting.scanner.port": {
        "vi": "Cổng nối tiếp của máy quét cầm tay, ví dụ COM3 hoặc /dev/ttyACM0 (trống: không có)",
        "en": "Serial port of a handheld scanner, e.g. COM3 or /dev/ttyACM0 (empty: none)",
    },
    "setting.scanner.baud": {
        "vi": "Tốc độ baud của máy quét nối tiếp (cổng USB-COM / CDC bỏ qua giá trị này)",
        "en": "Baud rate of the serial scanner (a USB-COM / CDC port ignores it)",
    },
    # Visits
    "setting.visits.auto_checkout": {
        "vi": "Ghi ra cho mọi người còn ở trong vào giờ đóng cửa",
        "en": "Check everyone out at closing time",
    },
    "setting.visits.closing_time": {
        "vi": "Giờ đóng cửa (HH:MM)",
        "en": "Closing time (HH:MM)",
    },
    "setting.retention.days": {
        "vi": "Xóa các lượt ra vào cũ hơn số ngày này",
        "en": "Delete visits older than this many days",
    },
    "setting.retention.auto_purge": {
        "vi": "Tự động xóa các lượt ra vào cũ khi khởi động",
        "en": "Purge old visits automatically at start",
    },
    "setting.backup.auto": {
        "vi": "Sao lưu hằng ngày (cụm mật khẩu nằm trong kho mật khẩu)",
        "en": "Back up daily (passphrase in the password store)",
    },
    "setting.backup.folder": {
        "vi": "Thư mục chứa bản sao lưu hằng ngày (mặc định: trong thư mục dữ liệu)",
        "en": "Folder of daily backups (default: the data folder's)",
    },
    "setting.backup.keep": {
        "vi": "Số bản sao lưu hằng ngày được giữ lại",
        "en": "Daily backups kept",
    },
    "setting.audit.keep_days": {
        "vi": "Nhật ký kiểm tra cũ hơn số ngày này được gộp thành một bản tóm tắt có chữ ký",
        "en": "Audit records older than this are folded into one signed summary",
    },
    # UI and the manager
    "setting.ui.language": {"vi": "Ngôn ngữ giao diện", "en": "Interface language"},
    "setting.manager.pin_hash": {
        "vi": "Mã PIN quản lý (dạng băm có muối)",
        "en": "Manager PIN (salted hash)",
    },
    "setting.manager.pin_failures": {
        "vi": "Số lần nhập sai mã PIN quản lý liên tiếp",
        "en": "Wrong manager PINs in a row",
    },
    "setting.manager.pin_locked_until": {
        "vi": "Không kiểm tra mã PIN trước thời điểm này (giờ Unix)",
        "en": "No PIN checked before (Unix time)",
    },
    # Mail
    "setting.mail.host": {"vi": "Máy chủ SMTP", "en": "SMTP server"},
    "setting.mail.port": {"vi": "Cổng SMTP", "en": "SMTP port"},
    "setting.mail.security": {"vi": "Kiểu bảo mật SMTP", "en": "SMTP security"},
    "setting.mail.user": {"vi": "Tên đăng nhập SMTP", "en": "SMTP user name"},
    "setting.mail.sender": {"vi": "Địa chỉ người gửi", "en": "Sender address"},
    "setting.mail.recipients": {"vi": "Người nhận báo cáo", "en": "Report recipients"},
    "setting.mail.timeout_seconds": {
        "vi": "Thời gian chờ máy chủ SMTP (giây)",
        "en": "SMTP timeout (seconds)",
    },
    "setting.report.reminder_weekday": {
        "vi": "Ngày nhắc gửi báo cáo (0 = thứ Hai ... 4 = thứ Sáu)",
        "en": "Reminder day (0 = Monday ... 4 = Friday)",
    },
    "setting.report.reminder_time": {
        "vi": "Nhắc từ giờ này (HH:MM)",
        "en": "Reminder from this time (HH:MM)",
    },
}
