"""Messages of the command line, settings and errors in general."""

MESSAGES: dict[str, dict[str, str]] = {
    "error.prefix": {"vi": "Lỗi: {message}", "en": "Error: {message}"},
    "error.unexpected": {
        "vi": "Lỗi không mong muốn: {message}. Chi tiết đã được ghi vào {log}.",
        "en": "Unexpected error: {message}. Details were written to {log}.",
    },
    "cli.window_unavailable": {
        "vi": "Không mở được cửa sổ: {message}",
        "en": "Cannot open the window: {message}",
    },
    "cli.from_after_to": {
        "vi": "Ngày bắt đầu {first} sau ngày kết thúc {last}: hãy đổi chỗ --from và --to",
        "en": "The start {first} is after the end {last}: swap --from and --to",
    },
    "cli.bad_date": {
        "vi": "Ngày không hợp lệ: {value} (dùng DD/MM/YYYY hoặc YYYY-MM-DD)",
        "en": "Invalid date: {value} (use DD/MM/YYYY or YYYY-MM-DD)",
    },
    "cli.bad_datetime": {
        "vi": "Thời điểm không hợp lệ: {value} (dùng ISO 8601, ví dụ 2026-11-26T08:30)",
        "en": "Invalid time: {value} (use ISO 8601, e.g. 2026-11-26T08:30)",
    },
    "settings.unknown_key": {"vi": "Không có thiết lập {key}", "en": "No such setting: {key}"},
    "settings.bad_value": {
        "vi": "Giá trị không hợp lệ cho {key}: {value} ({expected})",
        "en": "Invalid value for {key}: {value} ({expected})",
    },
    "settings.secret": {
        "vi": "Thiết lập {key} là bí mật và không được hiển thị hay đặt trực tiếp",
        "en": "Setting {key} is secret and cannot be shown or set directly",
    },
    "log.inside": {"vi": "(đang ở trong)", "en": "(inside)"},
    "log.count": {"vi": "{count} lượt", "en": "{count} visits"},
    "cli.bad_days": {
        "vi": "Số ngày không hợp lệ: {value}",
        "en": "Invalid number of days: {value}",
    },
    "cli.out_needs_csv": {
        "vi": "--out và --separator chỉ dùng cùng --csv",
        "en": "--out and --separator are used with --csv only",
    },
    "cli.date_out_of_range": {
        "vi": "Ngày ngoài khoảng nhật ký có thể chứa: {value} (từ {first} đến {last})",
        "en": "Date outside what a log can hold: {value} ({first} to {last})",
    },
    "cli.at_in_future": {
        "vi": "Thời điểm quét ở tương lai: {value}; chỉ ghi được lượt đã diễn ra",
        "en": "The scan time is in the future: {value}; only scans that happened can be recorded",
    },
    "cli.days_range": {
        "vi": "Số ngày phải từ 0 đến {most}: {value}",
        "en": "The number of days must be 0 to {most}: {value}",
    },
    "cli.bad_number": {
        "vi": "Số không hợp lệ: {value} (một số nguyên dương)",
        "en": "Invalid number: {value} (a positive whole number)",
    },
    "cli.bad_text": {
        "vi": "Tham số {option} có byte không phải UTF-8; hãy gõ lại",
        "en": "The argument {option} holds bytes that are not UTF-8; type it again",
    },
    "settings.email_expected": {
        "vi": "một địa chỉ e-mail như ten@donvi.gov.vn",
        "en": "an e-mail address such as name@unit.gov.vn",
    },
    "paths.no_data_folder": {
        "vi": "Không dùng được thư mục dữ liệu của bàn {path}: {message}. Hãy kiểm tra đường "
        "dẫn (biến DESK_APP_HOME) và quyền ghi của người dùng này.",
        "en": "The desk's data folder {path} cannot be used: {message}. Check the path "
        "(DESK_APP_HOME) and this user's right to write there.",
    },
}
