"""Messages of the desk's rules: reasons and warnings decided in ``domain/rules.py``."""

MESSAGES: dict[str, dict[str, str]] = {
    "reason.pass_old_format": {
        "vi": "Thẻ khách mẫu cũ không còn dùng được: hãy in lại thẻ",
        "en": "A visitor pass of the old kind is no longer accepted: print the pass again",
    },
    "warning.clock_behind": {
        "vi": (
            "Giờ quét sớm hơn lượt trước của người này (đồng hồ máy lệch):"
            " ghi theo giờ của lượt trước"
        ),
        "en": (
            "Stamped before this person's previous scan (a desk clock is off):"
            " kept at the previous scan's time"
        ),
    },
}
