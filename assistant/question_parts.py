"""The patterns and small readers `assistant.question` uses to read a question: markup, counted nouns, numbered
acts, decision numbers, the parts of a topic, a database named after "cơ sở dữ liệu", a sector named by its words.
"""

from __future__ import annotations

import re
from collections import Counter
from typing import TYPE_CHECKING

from assistant.cues import _PART_BREAKS, FOLLOW_OPENING
from assistant.lexicon import STOP_SYLLABLES, fold, is_stop
from assistant.matching import CatalogueIndex

if TYPE_CHECKING:  # `assistant.question` reads with these helpers
    from assistant.question import Question

# An HTML tag (pasted from a web page or a document): markup, not words of the question.
MARKUP = re.compile(
    r"</?(?:a|b|i|u|s|em|strong|span|div|p|br|li|ul|ol|font|sup|sub|small|mark|table|tr|td|th|h[1-6])"
    r"(?:\s[^<>]{0,200})?/?>",
    re.IGNORECASE,
)
# What a count of the catalogue counts: databases (or nothing named: "Hà Tĩnh có bao nhiêu?").
COUNTED = re.compile(
    r"^ ?(?:$|#|co so du lieu|he thong|kho|cai|muc|loai|danh muc|trong|thuoc|do|cua|o|tai|ve|nam|la|a|vay|nhi|giup"
    r"|tat ca)"
)


# The noun a count counts, written right after "bao nhiêu" / "mấy" (or inside the cue: "mấy CSDL"); a classifier
# ("cái", "mục") belongs to the count.
COUNTED_NOUN = re.compile(
    r"^ (?:co so du lieu|he thong|kho du lieu|kho|cai|muc|loai)"
    r"(?: (?:(?:va|hoac) )?(?:co so du lieu|he thong|kho du lieu|dung chung))*"  # "CSDL, hệ thống": one count
)
NOUN_IN_CUE = re.compile(r"(?:co so du lieu|he thong|kho|cai)$")


# "1402 quyết định ủy ban nhân dân" is how "1402/QĐ-UBND" reads once folded and expanded.
NUMBERED_ACT = re.compile(
    r"(?<![a-z0-9#])\d+ (?:quyet dinh|nghi dinh|nghi quyet|thong tu|to trinh) (?:uy ban nhan dan|[a-z]+)"
)


# Cues of a decision's number that do not go through "số mấy".
NUMBER_WITHOUT_MAY = re.compile(
    r"so (?:bao nhieu|hieu)|so (?:cua )?quyet dinh|ma so quyet dinh|(?:quyet dinh|van ban) (?:co )?so"
)
# Words that name a part of a catalogue, not what its databases hold.
SET_WORDS = frozenset({"nhom", "linh", "vuc", "nganh", "mang"})


# A sentence after a question that restricts or extends it ("Chỉ tính …", "Tính riêng …", "Kèm …", "Ngoài ra …",
# "Trừ …", "Thêm …", "Nhóm …", "Lĩnh vực …"): part of the question, never context.
NARROWS = re.compile(r"(?<![a-z])(?:chi|rieng|kem|them|ngoai ra|tru|nhom|linh vuc|nganh)(?![a-z])")

def content_syllables(folded: str) -> list[str]:
    """The words of a folded phrase that are not stop words ("so tai nguyen va moi truong" → without "va")."""
    return [w for w in folded.split() if w not in STOP_SYLLABLES]


def counts_databases(after: str) -> bool:
    """True when what follows "bao nhiêu"/"số lượng" is no other noun (a count of things that are not databases)."""
    return bool(COUNTED.match(after))


def topic_parts(accented: list[str], folded: list[str], kept: list[str]) -> list[list[str]]:
    """Topic words grouped into the phrases the user joined with "và", "hoặc" or separated by cue words."""
    parts: list[list[str]] = [[]]
    for a, f, r in zip(accented, folded, kept, strict=True):
        if "#" in r or f in _PART_BREAKS:
            if parts[-1]:
                parts.append([])
            continue
        if not is_stop(a) and not f.isdigit():
            parts[-1].append(a)
    return [p for p in parts if p]


def names_database(rest: str, accented: list[str]) -> bool:
    """True when 'cơ sở dữ liệu' (or 'CSDL') is directly followed by a topic word: the user gives a name."""
    kept = rest.split(" ") if accented else []
    for i in range(len(kept) - 4):
        if kept[i : i + 4] == ["co", "so", "du", "lieu"]:
            j = i + 4 + (kept[i + 4] == "ve")
            if j < len(kept) and "#" not in kept[j] and not is_stop(accented[j]):
                return True
    return False


def sector_named(phrase: str, index: CatalogueIndex) -> str | None:
    """The corpus sector whose folded name contains every word of the phrase ('y te' → 'LĨNH VỰC Y TẾ')."""
    wanted = [w for w in phrase.split() if w not in STOP_SYLLABLES]
    if not wanted:
        return None
    for sector in index.sectors:
        name = fold(sector)
        if all(f" {w} " in f" {name} " for w in wanted):
            return sector
    return None


def opens_with_con(rest: str, accented: list[str], typed_with_accents: bool) -> bool:
    """Whether the turn opens (after its polite frame, masked in `rest`) with "Còn …" — a follow-up. Typed with
    diacritics it must read "còn": "con" (child), "cơn", "con số" are not."""
    if not FOLLOW_OPENING.match(rest):
        return False
    if not typed_with_accents:
        return True
    first = next((i for i, w in enumerate(rest.split(" ")) if w.strip("#")), None)
    if first is None:
        return False
    said = accented[first : first + 2]
    return bool(said) and ("còn" in said[:1] or (said[0] in ("thế", "vậy", "và") and said[1:2] == ["còn"]))


def department_named(q: Question, index: CatalogueIndex) -> None:
    """A department named without its head ("y te quang ninh", "tài nguyên môi trường QN có những CSDL nào") — a
    topic that is exactly the rest of a "Sở …" agency — or named as a body ("ngành Y tế quản lý", "bên
    Tài chính"): sets `q.agency` and takes the department's words out of the topic."""
    # Compared without the words that fold to stop words on either side ("hội" of "xã hội" folds like "hỏi").
    said = [f for f in (fold(w) for w in q.topic) if f not in STOP_SYLLABLES]
    bodies = [a for a in index.agencies if a.startswith("so ")]
    department = next((a for a in bodies if content_syllables(a)[1:] == said), None)
    if department is not None:
        q.agency, q.topic, q.topic_parts = department, [], []
        return
    found = next((m for a in bodies if (m := re.search(rf"(?:nganh|ben) ({re.escape(a[3:])})\b", q.folded))), None)
    if found is None:
        return
    q.agency = f"so {found.group(1)}"
    # Only the span that names it leaves the topic ("bên Tài chính … CSDL nào về tài sản công" keeps
    # "tài sản công"): each of its words once, in order.
    left = Counter(found.group(1).split())

    def kept(word: str) -> bool:
        if left[fold(word)] > 0:
            left[fold(word)] -= 1
            return False
        return True

    q.topic = [w for w in q.topic if kept(w)]
    named = set(found.group(1).split())
    q.topic_parts = [p for p in ([w for w in part if fold(w) not in named] for part in q.topic_parts) if p]


SIDE_OF_CUT = re.compile(r"(?<![a-z0-9#])ben(?= #)")


def cut(rest: str, pattern: re.Pattern[str]) -> tuple[bool, str]:
    """Mask (with '#') the words of every match, keeping positions, so later cues cannot span a cut."""
    chars = list(rest)
    found = False
    for m in pattern.finditer(rest):
        found = True
        for i in range(*m.span()):
            if chars[i] != " ":
                chars[i] = "#"
    return found, "".join(chars)


def cut_phrase(rest: str, phrase: str) -> str:
    """`cut` of one phrase as whole words (nothing for an empty phrase)."""
    return cut(rest, re.compile(rf"(?<![a-z0-9#]){re.escape(phrase)}(?![a-z0-9#])"))[1] if phrase else rest
