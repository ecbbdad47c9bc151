"""The official header of documents: the national motto and the place-and-date line."""

MESSAGES: dict[str, dict[str, str]] = {
    "official.motto.nation": {
        "vi": "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "en": "SOCIALIST REPUBLIC OF VIET NAM",
    },
    "official.motto.words": {
        "vi": "Độc lập - Tự do - Hạnh phúc",
        "en": "Independence - Freedom - Happiness",
    },
    "official.date": {
        "vi": "ngày {day} tháng {month} năm {year}",
        "en": "{day}/{month}/{year}",
    },
    "official.place_date": {"vi": "{place}, {date}", "en": "{place}, {date}"},
}
