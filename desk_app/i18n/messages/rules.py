"""Messages of the desk's rules: reasons and warnings decided in ``domain/rules.py``."""

MESSAGES: dict[str, dict[str, str]] = {
    "reason.pass_old_format": {
        "vi": "Thẻ khách mẫu cũ không còn dùng được: hãy in lại thẻ",
        "en": "A visitor pass of the old kind is no longer accepted: print the pass again",
    },
    "warning.clock_behind": {
        "vi": "Giờ ra sớm hơn giờ vào (đồng hồ máy lệch): giờ ra được ghi bằng giờ vào",
        "en": "Exit stamped before the entry (a desk clock is off): exit kept at the entry time",
    },
}
