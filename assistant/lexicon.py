"""Matching text the way users type it: without diacritics, with abbreviations, in any case.

Everything the assistant compares is first put through `fold()`: abbreviations expanded, accents
removed, lower case, punctuation turned into spaces. Users write "co quan nao quan ly", "CSDL TNMT",
"Sở TN&MT"; the records write "Sở Tài nguyên và Môi trường" — both fold to the same words.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from corpus.text import fold_accents


def _load_abbreviations() -> dict[str, str]:
    """Abbreviation (case-folded) → expansion, from the one table the index uses too (corpus/abbreviations.json)."""
    from index.analyze import abbreviation_table

    # Abbreviations only: a synonym inserted inside an agency's or a database's name would break matching the
    # name; synonyms act in retrieval (the analyser) and in the coverage features (`assistant.candidates`).
    return {surface.casefold(): long for surface, canonical, long in abbreviation_table() if canonical}


@lru_cache(maxsize=1)
def _abbreviation_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    table = _load_abbreviations()
    keys = sorted(table, key=len, reverse=True)
    alternatives = "|".join(re.escape(k) for k in keys)
    pattern = re.compile(rf"(?<![\w&])(?:{alternatives})(?![\w&])", re.IGNORECASE)
    return pattern, table


def expand_abbreviations(text: str) -> str:
    """'Sở TN&MT quản lý CSDL nào' → 'Sở tài nguyên và môi trường quản lý cơ sở dữ liệu nào'."""
    pattern, table = _abbreviation_pattern()
    return pattern.sub(lambda m: table[m.group(0).casefold()], text)


_NON_WORD = re.compile(r"[^a-z0-9]+")


def fold(text: str) -> str:
    """Abbreviations expanded, accents removed, lower case, punctuation as single spaces."""
    folded = fold_accents(expand_abbreviations(text)).lower()
    return _NON_WORD.sub(" ", folded).strip()


def words(text: str) -> list[str]:
    """The folded syllables of a text."""
    return fold(text).split()


# Old-style tone placement ("hoá", "thuỷ", "khoẻ") written the modern way, so both spellings match.
_TONE_MOVES = {
    f"{a}{b}": f"{c}{d}"
    for (a, d), tones in {("o", "a"): "áàảãạ", ("o", "e"): "éèẻẽẹ", ("u", "y"): "ýỳỷỹỵ"}.items()
    for b, c in zip(tones, {"o": "óòỏõọ", "u": "úùủũụ"}[a], strict=True)
}
_TONE_PATTERN = re.compile("(?:" + "|".join(_TONE_MOVES) + r")(?=\b)")
_SYLLABLE = re.compile(r"[^\W_]+")


def syllables(text: str) -> list[tuple[str, str]]:
    """(accented, folded) lower-case syllables, abbreviations expanded: 'Sở TNMT' → [('sở', 'so'), ('tài', 'tai') …]."""
    text = unicodedata.normalize("NFC", expand_abbreviations(text)).lower().replace("ƣ", "ư")
    text = _TONE_PATTERN.sub(lambda m: _TONE_MOVES[m.group(0)], text)
    out: list[tuple[str, str]] = []
    for syllable in _SYLLABLE.findall(text):
        folded = fold_accents(syllable)
        out.extend((syllable, part) for part in _NON_WORD.sub(" ", folded).split()[:1])
    return out


def has_diacritics(text: str) -> bool:
    """True when the text carries any Vietnamese accent or đ (then it can be matched with accents)."""
    return fold_accents(text) != text


def contains_phrase(folded_text: str, folded_phrase: str) -> bool:
    """Whole-word containment of one folded phrase in a folded text."""
    return f" {folded_phrase} " in f" {folded_text} "


# Syllables that carry no topic: question words, function words and words every catalogue entry shares.
# Sentence-final particles ("vậy", "nhỉ", "chứ"), forms of address ("chị", "bác") and the verbs that frame a
# question about a document ("… ghi ra sao", "… nêu những gì", "bên nào nắm"), and the aspect particles "đang",
# "sẽ" ("đang giữ", "sẽ xây dựng") are listed only where no record's name holds them, so dropping them from a
# topic loses no evidence.
STOP_SYLLABLES = frozenset(
    """
    ai gi nao sao nhu nhieu may la khong chua da duoc bi no ay kia nay nhung cac moi mot
    cua ve o voi va hay hoac thi den theo tren duoi ra vao len lai con nua trong muon thi ba
    xin hoi cho biet muon tim giup toi minh vui long a nhe oi thuoc gom xem nam co tinh viec khi
    vay nhi ghi giu
    """.split()
)
# The same words as written with diacritics: an accented syllable is a stop word only if it is one of these,
# so "tử" (điện tử), "thẻ", "số" stay topic words although they fold like "từ", "thế", "sở".
STOP_ACCENTED = frozenset(
    """
    ai gì nào sao thế như bao nhiêu mấy là có không chưa đã được bị đó nó ấy kia này những các mọi một
    của về ở tại trong cho với và hay hoặc thì mà để từ đến theo trên dưới ra vào lên lại còn nữa
    xin hỏi biết muốn cần tìm hiểu giúp tôi việc đối phải nên cả tất mình bạn vui lòng ạ nhé ơi thuộc năm gồm xem nằm
    cơ sở dữ liệu dùng chung danh mục tỉnh thành phố hiện nay tại quy định cái loại bên khi
    vậy nhỉ hả chứ đấy kìa ư à nhá đâu chị bác chú ông bà
    ghi nêu viết giữ nắm
    đang sẽ
    """.split()
)


def is_stop(syllable: str) -> bool:
    """Whether a lower-case syllable carries no topic (judged with its accents when it has them)."""
    folded = fold_accents(syllable)
    if folded != syllable:
        return syllable in STOP_ACCENTED
    return folded in STOP_SYLLABLES
