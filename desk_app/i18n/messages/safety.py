"""Messages of the guards against hostile input: control characters, sizes, memory logs."""

from __future__ import annotations

MESSAGES: dict[str, dict[str, str]] = {
    "settings.control_characters": {
        "vi": "Giá trị cho {key} có ký tự điều khiển (xuống dòng, tab, ...): "
        "hãy gõ lại trên một dòng",
        "en": "The value for {key} holds control characters (line breaks, tabs, ...): "
        "type it on one line",
    },
    "cli.control_text": {
        "vi": "Tham số {option} có ký tự điều khiển (xuống dòng, tab, ...); hãy gõ lại",
        "en": "The argument {option} holds control characters (line breaks, tabs, ...); "
        "type it again",
    },
    "cli.bad_baud": {
        "vi": "Tốc độ baud không hợp lệ: {value} (từ {low} đến {high})",
        "en": "Invalid baud rate: {value} ({low} to {high})",
    },
    "db.memory": {
        "vi": "Nhật ký trong bộ nhớ không giữ lại gì khi chương trình đóng: hãy chỉ định một "
        "tệp (--db đường/dẫn/nhat-ky.db)",
        "en": "A log in memory keeps nothing once the program closes: name a file "
        "(--db path/to/log.db)",
    },
    "scan.image_size_unknown": {
        "vi": "Không đọc {path}: không xác định được kích thước ảnh từ phần đầu tệp (định dạng "
        "không hỗ trợ hoặc tệp hỏng)",
        "en": "Not reading {path}: the picture's size cannot be found in the file's header "
        "(a format not supported, or a damaged file)",
    },
    "scan.video_too_large": {
        "vi": "Video {path} quá lớn ({width} x {height} điểm ảnh mỗi khung hình, tối đa {limit} "
        "triệu): không đọc",
        "en": "The video {path} is too large ({width} x {height} pixels a frame, at most "
        "{limit} million): not read",
    },
}
