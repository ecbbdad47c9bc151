"""Messages about several desks sharing one log: limits, per-desk settings, the journal."""

MESSAGES: dict[str, dict[str, str]] = {
    "settings.too_long": {
        "vi": "Giá trị cho {key} quá dài: tối đa {limit} ký tự (đang có {length})",
        "en": "Value for {key} is too long: at most {limit} characters ({length} given)",
    },
    "settings.scope.desk": {"vi": "bàn", "en": "desk"},
    "settings.scope.unit": {"vi": "đơn vị", "en": "unit"},
}
