"""Messages of the first-run set-up."""

MESSAGES: dict[str, dict[str, str]] = {
    "setup.pin_format": {
        "vi": "Mã PIN phải gồm {min} đến {max} chữ số",
        "en": "The PIN must have {min} to {max} digits",
    },
    "setup.pin_wrong": {
        "vi": "Mã PIN không đúng. Số lần thử còn lại trước khi phải chờ: {tries}.",
        "en": "Wrong PIN. Tries left before a wait: {tries}.",
    },
    "setup.pin_locked": {
        "vi": "Nhập sai quá nhiều lần. Hãy chờ {seconds} giây rồi thử lại.",
        "en": "Too many wrong PINs. Wait {seconds} seconds and try again.",
    },
    "setup.pin_not_set": {
        "vi": "Chưa đặt mã PIN quản lý",
        "en": "No manager PIN has been set",
    },
    "setup.pin_set": {"vi": "Đã đặt mã PIN quản lý", "en": "The manager PIN was set"},
    "setup.pin_mismatch": {
        "vi": "Hai lần nhập mã PIN không giống nhau",
        "en": "The two PINs are not the same",
    },
    "setup.cli_pin_prompt": {
        "vi": "Mã PIN quản lý mới (6 đến 8 chữ số): ",
        "en": "New manager PIN (6 to 8 digits): ",
    },
    "setup.cli_pin_again": {"vi": "Nhập lại mã PIN: ", "en": "Repeat the PIN: "},
}
