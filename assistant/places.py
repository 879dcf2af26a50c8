"""Vietnamese provinces, so that a question about one the catalogues do not cover is recognised.

Both the 63 provinces before the 2025 merger and the names kept after it are listed: users name
either. Which of them the corpus covers is read from the corpus, never from this list.
"""

from __future__ import annotations

import re
import unicodedata

from assistant.lexicon import fold, has_diacritics
from corpus.text import fold_accents

PROVINCES: tuple[str, ...] = (
    "Hà Nội",
    "Hồ Chí Minh",
    "Sài Gòn",
    "Hải Phòng",
    "Đà Nẵng",
    "Cần Thơ",
    "Huế",
    "Thừa Thiên Huế",
    "An Giang",
    "Bà Rịa - Vũng Tàu",
    "Vũng Tàu",
    "Bắc Giang",
    "Bắc Kạn",
    "Bạc Liêu",
    "Bắc Ninh",
    "Bến Tre",
    "Bình Định",
    "Bình Dương",
    "Bình Phước",
    "Bình Thuận",
    "Cà Mau",
    "Cao Bằng",
    "Đắk Lắk",
    "Đắk Nông",
    "Điện Biên",
    "Đồng Nai",
    "Đồng Tháp",
    "Gia Lai",
    "Hà Giang",
    "Hà Nam",
    "Hà Tĩnh",
    "Hải Dương",
    "Hậu Giang",
    "Hòa Bình",
    "Hưng Yên",
    "Khánh Hòa",
    "Kiên Giang",
    "Kon Tum",
    "Lai Châu",
    "Lâm Đồng",
    "Lạng Sơn",
    "Lào Cai",
    "Long An",
    "Nam Định",
    "Nghệ An",
    "Ninh Bình",
    "Ninh Thuận",
    "Phú Thọ",
    "Phú Yên",
    "Quảng Bình",
    "Quảng Nam",
    "Quảng Ngãi",
    "Quảng Ninh",
    "Quảng Trị",
    "Sóc Trăng",
    "Sơn La",
    "Tây Ninh",
    "Thái Bình",
    "Thái Nguyên",
    "Thanh Hóa",
    "Tiền Giang",
    "Trà Vinh",
    "Tuyên Quang",
    "Vĩnh Long",
    "Vĩnh Phúc",
    "Yên Bái",
)


def foreign_provinces(text: str, covered: set[str]) -> list[str]:
    """Provinces the text names (with its accents when typed with them) whose folded name is not in `covered`."""
    accented = has_diacritics(text)
    haystack = f" {_plain(text, accented)} "
    found = []
    for name in PROVINCES:
        needle = _plain(name, accented)
        if f" {needle} " in haystack and fold(name) not in covered:
            found.append(name)
    return found


def _plain(text: str, accented: bool) -> str:
    text = unicodedata.normalize("NFC", text).lower()
    if not accented:
        text = fold_accents(text)
    return " ".join(re.findall(r"\w+", text))
