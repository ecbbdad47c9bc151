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
        # mojibake that lost a byte before it could be read back: the no-break space of 'à'
        # folded into a space, the control character of 'Đ' dropped
        ("HoÃ ng Thá»‹ HÃ", True),
        ("Ä áº·ng VÄƒn Kiá» u", True),
        ("HoĂ ng Thá»‹ HĂ", True),  # read in the Vietnamese code page
        ("LÃ VĂN AN", False),
        ("nGUYỄN vĂN aN", True),  # typed with Caps Lock on
        ("McDonald Nguyễn", False),
        ("van der Berg", False),
        ("Lưu Đức Thắng", False),
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
    assert clean_name("nGUYỄN vĂN áNH") == GOOD  # Caps Lock on
    assert clean_name("McDonald Nguyễn") == "McDonald Nguyễn"
    assert repair_mojibake("Ä\x90áº·ng VÄƒn Kiá»\x81u") == "Đặng Văn Kiều"  # undefined bytes
    assert repair_mojibake("HoÃ\xa0ng") == "Hoàng"  # the no-break space of 'à'
    assert repair_mojibake("HoĂ\xa0ng ThĂ¡i") == "Hoàng Thái"  # the Vietnamese code page


@pytest.mark.parametrize(
    ("stored", "scanned", "kept"),
    [
        (GOOD, "Nguy?n V?n ?nh", GOOD),  # a mangled scan never overwrites a good name
        (GOOD, "Nguyá»…n VÄƒn Ãnh", GOOD),
        ("Nguy?n V?n ?nh", GOOD, GOOD),  # a good scan repairs a mangled stored name
        ("Nguyá»…n VÄƒn", "Nguyễn Văn", "Nguyễn Văn"),
        ("Nguy?n V?n", "Nguyá»…n VÄƒn", "Nguyễn Văn"),  # repairable mojibake beats '?'
        ("HoÃ ng Thá»‹ HÃ", "Hoàng Thị Hà", "Hoàng Thị Hà"),  # damaged mojibake is mangled
        ("Hoàng Thị Hà", "HoÃ ng Thá»‹ HÃ", "Hoàng Thị Hà"),
        # a keyboard-type scanner with Caps Lock on inverts the case of every letter
        ("nGUYỄN vĂN aN", GOOD, GOOD),
        (GOOD, "nGUYỄN vĂN áNH", GOOD),
        ("", "nGUYỄN vĂN áNH", GOOD),
        ("", "nguyen van anh", "nguyen van anh"),  # small letters may have been typed so
        ("NGUYEN VAN ANH", GOOD, GOOD),  # the health app's capitals, then the ID card
        (GOOD, "NGUYEN VAN ANH", GOOD),
        ("", "Nguy?n", "Nguy?n"),  # something is better than nothing
        ("Trần Thị Bình", "Trần Thị Bính", "Trần Thị Bình"),  # equal spellings: first stays
        ("Nguy?n", "", "Nguy?n"),
    ],
)
def test_better_name(stored: str, scanned: str, kept: str) -> None:
    assert better_name(stored, scanned) == kept
