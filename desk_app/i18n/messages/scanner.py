"""Messages of the handheld scanner in serial mode (USB-COM / CDC) and of the keyboard wedge."""

MESSAGES: dict[str, dict[str, str]] = {
    "scanner.rejected.not_utf8": {
        "vi": "Máy quét gửi dữ liệu không phải văn bản UTF-8 ({sample}). Hãy đặt máy quét "
        "xuất UTF-8 rồi quét lại.",
        "en": "The scanner sent data that is not UTF-8 text ({sample}). Set the scanner to "
        "UTF-8 output and scan again.",
    },
    "scanner.rejected.too_long": {
        "vi": "Máy quét gửi một đoạn quá dài, không phải mã nào đã biết. Hãy quét lại.",
        "en": "The scanner sent a text too long for any known code. Scan again.",
    },
    "scanner.rejected.cut_off": {
        "vi": "Máy quét bị ngắt khi đang gửi mã; mã chưa đủ nên không ghi. Hãy quét lại.",
        "en": "The scanner was disconnected while sending a code; the code was incomplete "
        "and was not recorded. Scan again.",
    },
    "scanner.status.connecting": {
        "vi": "Máy quét {port}: đang kết nối…",
        "en": "Scanner {port}: connecting…",
    },
    "scanner.status.connected": {
        "vi": "Máy quét {port}: đã kết nối",
        "en": "Scanner {port}: connected",
    },
    "scanner.status.disconnected": {
        "vi": "Máy quét {port}: mất kết nối, đang kết nối lại…",
        "en": "Scanner {port}: disconnected, reconnecting…",
    },
    "scanner.no_ports": {
        "vi": "Không thấy cổng nối tiếp nào. Máy quét ở chế độ USB-COM/CDC đã cắm chưa?",
        "en": "No serial ports found. Is the scanner plugged in and set to USB-COM / CDC?",
    },
    "scanner.listening": {
        "vi": "Đang đọc máy quét ở {port}. Nhấn Ctrl+C để dừng.",
        "en": "Reading the scanner on {port}. Press Ctrl+C to stop.",
    },
    "scanner.no_port": {
        "vi": "Chưa chọn cổng máy quét: dùng --port hoặc desk-app config set scanner.port CỔNG",
        "en": "No scanner port: use --port or desk-app config set scanner.port PORT",
    },
}
