"""Which spelling of a name is kept when a keyboard-type scanner mangled one of them."""

from __future__ import annotations

import pytest

from desk_app.domain.names import better_name, clean_name, is_mangled, repair_mojibake

GOOD = "Nguyễn Văn Ánh"


@pytest.mark.parametrize(
    ("name", "mangled"),
    [
        ("Nguyễn Văn Ánh", False),
        ("Trần Thị Bình", False),
        ("NGUYEN VAN ANH", False),
        ("Nguyen Van Anh", False),
        ("Nguy?n V?n ?nh", True),
        ("Nguyá»…n", True),
        ("Tráº§n Thá»‹ BÃ¬nh", True),
        ("Nguy\ufffdn", True),
        ("Lê Thị Hà", False),
        ("Đỗ Thị Hà", False),
        ("José Ñúñez", False),  # Latin-1 letters that are not UTF-8 read wrongly
        ("", False),
    ],
)
def test_is_mangled(name: str, mangled: bool) -> None:
    assert is_mangled(name) is mangled


def test_mojibake_is_repaired() -> None:
    assert repair_mojibake("Nguyá»…n") == "Nguyễn"
    assert repair_mojibake("Tráº§n Thá»‹ BÃ¬nh") == "Trần Thị Bình"
    assert repair_mojibake("Trần Thị Bình") is None
    assert clean_name("  Tráº§n  Thá»‹ BÃ¬nh ") == "Trần Thị Bình"


@pytest.mark.parametrize(
    ("stored", "scanned", "kept"),
    [
        (GOOD, "Nguy?n V?n ?nh", GOOD),  # a mangled scan never overwrites a good name
        (GOOD, "Nguyá»…n VÄƒn Ãnh", GOOD),
        ("Nguy?n V?n ?nh", GOOD, GOOD),  # a good scan repairs a mangled stored name
        ("Nguyá»…n VÄƒn", "Nguyễn Văn", "Nguyễn Văn"),
        ("Nguy?n V?n", "Nguyá»…n VÄƒn", "Nguyễn Văn"),  # repairable mojibake beats '?'
        ("NGUYEN VAN ANH", GOOD, GOOD),  # the health app's capitals, then the ID card
        (GOOD, "NGUYEN VAN ANH", GOOD),
        ("", "Nguy?n", "Nguy?n"),  # something is better than nothing
        ("Trần Thị Bình", "Trần Thị Bính", "Trần Thị Bình"),  # equal spellings: first stays
        ("Nguy?n", "", "Nguy?n"),
    ],
)
def test_better_name(stored: str, scanned: str, kept: str) -> None:
    assert better_name(stored, scanned) == kept
