"""Which documents a question names, by their province, written with or without diacritics.

The province names come from the corpus (`Document.province`), so an ingested document is detected with no
code change.

>>> # detect_documents("co so du lieu ho tich Ha Tinh", corpus) == ["ha-tinh-2022"]
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from corpus.store import Corpus
from corpus.text import fold_accents
from index.analyze import abbreviation_table

# Initials ("HT", "QN") are common abbreviations of other things too ("HD" = "hướng dẫn", "HT" = "hệ thống"), so
# they only count where a place stands: after a word that introduces a place ("ở HD", "còn qn", "bên HT"), as the
# last word of the question, or as its first word when the question names no province in full ("qn csdl …");
# in capitals they also count anywhere but first ("Sở Y tế HT quản lý …"; at the start, "HT quản lý …" is "hệ thống").
_PLACE_WORDS = (
    "tỉnh", "tinh", "ở", "o", "tại", "tai", "của", "cua", "thuộc", "thuoc", "còn", "con", "bên", "ben",
)  # fmt: skip


def _folded_words(text: str) -> str:
    """'Hà  Tĩnh,' → ' ha tinh ' (padded, so that a search for ' ha tinh ' respects word boundaries)."""
    text = unicodedata.normalize("NFC", text).replace("ƣ", "ư").replace("Ƣ", "Ư")
    words = re.findall(r"\w+", fold_accents(text).lower())
    return f" {' '.join(words)} "


def short_forms(province: str) -> list[str]:
    """'Quảng Ninh' → [' qninh ', ' q ninh ']: the initials of all but the last word, then the last word, as desk
    staff shorten a two-word name ("QNinh", "Q.Ninh"); padded like `_folded_words`. None for a one-word name."""
    words = _folded_words(province).split()
    if len(words) < 2:
        return []
    head = "".join(w[0] for w in words[:-1])
    return [f" {head}{words[-1]} ", f" {' '.join(head)} {words[-1]} "]


def _initials(province: str) -> str:
    """'Hà Tĩnh' → 'HT'; 'Bà Rịa - Vũng Tàu' → 'BRVT' (Đ keeps its own letter)."""
    words = re.findall(r"\w+", unicodedata.normalize("NFC", province))
    return "".join(w[0] for w in words).upper()


@dataclass(frozen=True)
class ProvinceMatcher:
    """Folded names and unambiguous initials of the corpus's provinces, mapped to their document ids."""

    by_name: dict[str, list[str]]
    by_initials: dict[str, list[str]]
    by_short: dict[str, list[str]] = field(default_factory=dict)  # " qninh ", " q ninh " (see `short_forms`)

    @classmethod
    def from_corpus(cls, corpus: Corpus) -> ProvinceMatcher:
        """Build the matcher from every document's province."""
        by_name: dict[str, list[str]] = {}
        initials_of: dict[str, set[str]] = {}
        docs_of_initials: dict[str, list[str]] = {}
        for doc in corpus.documents():
            by_name.setdefault(_folded_words(doc.province), []).append(doc.id)
            initials = _initials(doc.province)
            initials_of.setdefault(initials, set()).add(_folded_words(doc.province))
            docs_of_initials.setdefault(initials, []).append(doc.id)
        taken = {canonical.upper() for _, canonical, _ in abbreviation_table()}
        by_initials = {
            initials: ids
            for initials, ids in docs_of_initials.items()
            # Two provinces with the same initials, a one-letter name or a known abbreviation: ambiguous.
            if len(initials_of[initials]) == 1 and len(initials) >= 2 and initials not in taken
        }
        by_short: dict[str, list[str]] = {}
        for doc in corpus.documents():
            for short in short_forms(doc.province):
                by_short.setdefault(short, []).append(doc.id)
        by_short = {k: v for k, v in by_short.items() if len(set(v)) == 1}  # one province each, or none
        return cls(by_name=by_name, by_initials=by_initials, by_short=by_short)

    def detect(self, text: str) -> list[str]:
        """Document ids whose province the text names, in corpus order, without duplicates."""
        folded = _folded_words(text)
        found: list[str] = []
        for name, ids in self.by_name.items():
            # Typed run together when typing fast ("hatinh", "quangninh") still names the province.
            if name in folded or (name.count(" ") > 2 and f" {name.replace(' ', '')} " in folded):
                found.extend(ids)
        for short, ids in self.by_short.items():
            if short in folded:
                found.extend(ids)
        named = bool(found)
        for initials, ids in self.by_initials.items():
            if _names_initials(text, initials, first_word=not named):
                found.extend(ids)
        order = {doc_id: i for i, ids in enumerate(self.by_name.values()) for doc_id in ids}
        return sorted(set(found), key=lambda d: order.get(d, len(order)))


def _names_initials(text: str, initials: str, *, first_word: bool) -> bool:
    """True when `initials` (any case) stand alone after a place word, end the question, or — with `first_word`
    — open it; written in capitals they count anywhere but first ("Sở Y tế HT …")."""
    for m in re.finditer(rf"(?<![\w&/-]){re.escape(initials)}(?![\w&/-])", text, re.IGNORECASE):
        before = re.findall(r"\w+", text[: m.start()].lower())
        after = text[m.end() :].strip(" ?.!,;:")
        capitals = m.group(0) == initials
        if (before and before[-1] in _PLACE_WORDS) or not after or (first_word and not before):
            return True
        following = re.findall(r"\w+", after.lower())[:1]
        if "vs" in (before[-1:] + following):
            return True  # "hồ sơ sức khỏe ht vs qn": what "vs" joins are the places compared
        if before and following and following[0] in _ASKING_WORDS:
            return True  # "csdl hộ tịch hd chia sẻ ntn": the place closes the database's name, a question follows
        if before and initials.lower() not in _WORD_SHORTHAND:
            return True  # "csdl hộ tịch qn do ai nhập": these initials stand for nothing else
        if capitals and before and not re.match(r"(?:số|so)\b|\d", after, re.IGNORECASE):
            return True  # "HD số 5", "HD 01/2022" name a document (hướng dẫn), not a place
    return False


# Words that open what is asked about a database; initials between its name and one of them stand for the place.
# ("nào" is not one: "kết nối với HT nào" asks which system.)
_ASKING_WORDS = frozenset(
    "ai co có gom gồm do la là chia lay lấy ket kết cap cập thu nhap nhập bao may mấy nhung những dung dùng".split()
)

# Initials that are also the usual shorthand of common words when typing fast: they need a place to stand
# ("ht" hệ thống, "hd" hướng dẫn / hợp đồng / hoạt động, "th" thực hiện, "tt" thông tin, "dt" đầu tư / đào tạo,
# "kt" kinh tế / kiểm tra, "tn" tài nguyên, "cb" cán bộ, "gd" giáo dục, "bn" bao nhiêu, "ql" quản lý).
_WORD_SHORTHAND = frozenset("ht hd th tt dt kt tn cb gd bn ql".split())

_MATCHERS: dict[int, tuple[Corpus, ProvinceMatcher]] = {}


def detect_documents(text: str, corpus: Corpus) -> list[str]:
    """Document ids whose province is named in `text` ("Hà Tĩnh", "ha tinh", "tỉnh HT"), in corpus order."""
    cached = _MATCHERS.get(id(corpus))
    if cached is None or cached[0] is not corpus:
        if len(_MATCHERS) >= 8:  # a process holds one corpus, tests a few: keep the cache small
            _MATCHERS.clear()
        cached = (corpus, ProvinceMatcher.from_corpus(corpus))
        _MATCHERS[id(corpus)] = cached
    return cached[1].detect(text)
