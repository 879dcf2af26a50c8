"""Gold that needs no writer: negatives built from the corpus, and surface variants of written gold.

- `absent_database_negatives`: each database asked of a province whose catalogue has nothing like it
  (no entry there shares half of the name's distinctive words) — the answer must be `not_found`.
- `outside_negatives`: public-service questions (fees, opening hours, procedures, people) that no catalogue of
  shared databases answers, asked of each province.
- `surface_variants`: each written item re-typed the ways users type it (no diacritics, decomposed Unicode, old
  tone placement, abbreviations, upper/lower case, stray punctuation, a polite frame, odd spacing); the same
  answer is expected.

Deterministic: the same corpus and gold give the same files (`csdl-qa eval generate`).
"""

from __future__ import annotations

import json
import re
import unicodedata
from collections.abc import Callable, Iterable
from functools import cache
from pathlib import Path
from typing import Any

from corpus.store import Corpus
from corpus.text import fold_accents
from eval.gold import GoldItem
from index.analyze import abbreviation_table, expand_abbreviations, normalize_text

# Words that every catalogue name shares: they say nothing about which database is meant.
_GENERIC = frozenset(
    "co so du lieu csdl he thong thong tin quan ly du lieu tinh chuyen nganh ve cua va cac phan mem "
    "nen tang dung chung tren dia ban".split()
)

_ABSENT_TEMPLATES = (
    "{name} của {province} do cơ quan nào quản lý?",
    "{province} có {name} không, chia sẻ theo hình thức nào?",
    "{name} Còn ở {province} thì sao?",  # how a follow-up that moves to another province is searched
)

# Public services and facts outside any catalogue of shared databases (what users also ask a portal's widget).
_OUTSIDE_TOPICS = (
    "lệ phí cấp hộ chiếu phổ thông",
    "thủ tục cấp lại căn cước bị mất",
    "giờ làm việc của bộ phận một cửa",
    "mức lương cơ sở năm nay",
    "lịch tiếp công dân của chủ tịch",
    "số điện thoại đường dây nóng",
    "điểm chuẩn vào lớp 10",
    "giá vé xe buýt nội tỉnh",
    "lịch cắt điện tuần này",
    "dự báo thời tiết ngày mai",
    "mức phạt vượt đèn đỏ",
    "cách nộp thuế thu nhập cá nhân online",
    "thời hạn đổi bằng lái xe quốc tế",
    "hồ sơ xin visa du lịch",
    "lãi suất vay mua nhà ở xã hội",
    "danh sách trúng tuyển công chức năm nay",
    "giá đất bồi thường dự án cao tốc",
    "số ca mắc sốt xuất huyết tuần qua",
    "lịch nghỉ Tết của học sinh",
    "địa chỉ trụ sở công an phường",
    "phí trông giữ xe máy tại bệnh viện",
    "tiền điện bậc thang",
    "kết quả xổ số kiến thiết",
    "tên bí thư tỉnh ủy hiện nay",
    "dân số trung bình năm 2025",
    "lịch thi bằng lái xe máy",
    "mức trợ cấp thất nghiệp tối đa",
    "chương trình khuyến mãi du lịch hè",
    "thủ tục nhập khẩu ô tô cũ",
    "cách đăng ký tài khoản định danh điện tử mức 2",
    "quy trình khiếu nại quyết định thu hồi đất",
    "tỷ lệ hộ dùng nước sạch năm ngoái",
    "giá xăng dầu hôm nay",
    "mẫu đơn xin nghỉ phép của viên chức",
    "học phí đại học công lập",
    "lịch tiêm vắc xin cho trẻ",
    "thủ tục ly hôn thuận tình",
    "giấy tờ cần để mua sim điện thoại",
    "luật sư tư vấn miễn phí",
    "tuyến xe khách đi Hà Nội",
)
_OUTSIDE_TEMPLATES = ("{topic} ở {province} là bao nhiêu, xem ở đâu?", "Cho tôi hỏi {topic} tại {province}?")


def _syllables(text: str) -> list[str]:
    """The text's syllables with their accents (canonical tones, lower case), abbreviations also in long form:
    "hộ tịch" is not "hồ sơ … tích hợp", and "chỉ số CCHC" holds "cải cách hành chính"."""
    tokens = re.findall(r"\w+", expand_abbreviations(normalize_text(text)))
    return [t for t in tokens if t not in _abbreviation_tokens()]  # "cơ sở dữ liệu" also gets "csdl": not a word


@cache
def _abbreviation_tokens() -> frozenset[str]:
    """The canonical tokens the abbreviation table gives a long form."""
    return frozenset(canonical for _, canonical, _ in abbreviation_table() if canonical)


def _distinctive(name: str) -> tuple[list[str], list[tuple[str, str]]]:
    """Content syllables of a name without the words all catalogue names share, and the name's adjacent
    syllable pairs that hold at least one of them."""
    tokens = _syllables(name)
    words = [w for w in tokens if fold_accents(w) not in _GENERIC and not w.isdigit()]
    pairs = [(a, b) for a, b in zip(tokens, tokens[1:], strict=False) if a in words or b in words]
    return words, pairs


def _holds(words: list[str], pairs: list[tuple[str, str]], text: str) -> float:
    """Mean of the shares of the words and of the pairs that occur in the text."""
    tokens = _syllables(text)
    have, adjacent = set(tokens), set(zip(tokens, tokens[1:], strict=False))
    if not words:
        return 0.0
    unigrams = sum(w in have for w in words) / len(words)
    return (unigrams + sum(p in adjacent for p in pairs) / len(pairs)) / 2 if pairs else unigrams


def absent_database_negatives(corpus: Corpus) -> list[dict[str, Any]]:
    """A database of one catalogue asked of each other province whose catalogue has nothing like it.

    "Nothing like it": no entry of that catalogue holds half of the name's distinctive words and word pairs
    (the mean of both shares, syllables compared with their accents) in what it is about (name, purpose, scope,
    content), and no entry's name holds or is held by the asked name's distinctive words — so that a generated
    negative is not a database the province has.
    """
    out: list[dict[str, Any]] = []
    documents = corpus.documents()
    for entry in corpus.entries():
        name = _without_place(entry.name, corpus.document(entry.document_id).province)
        words, pairs = _distinctive(name)
        if len(words) < 2:
            continue
        for doc in documents:
            if doc.id == entry.document_id:
                continue
            others = corpus.entries(document=doc.id)
            # What a record is about: its name, purpose, scope and content. Its collection column names the other
            # databases it draws from ("Nguồn dữ liệu liên kết: CSDL công dân, CSDL hộ tịch"), and its notes its
            # status and legal basis: a database named there is a source, not one the province lists.
            texts = [" ".join(x or "" for x in (e.name, e.purpose, e.scope, e.content)) for e in others]
            if max((_holds(words, pairs, t) for t in texts), default=0.0) >= 0.5:
                continue
            # A name that holds, or is held by, one of the province's own names is the same kind of database.
            names = [set(_distinctive(_without_place(e.name, doc.province))[0]) for e in others]
            if any(n and (n <= set(words) or set(words) <= n) for n in names):
                continue
            for template in _ABSENT_TEMPLATES:
                q = template.format(name=name, province=doc.province)
                out.append(_item(f"gen-absent-{len(out) + 1:03d}", q, f"{entry.id} asked of {doc.id}"))
    return out


def _without_place(name: str, province: str) -> str:
    """The name without its own province ("… trên địa bàn tỉnh Quảng Ninh"), which would name two provinces."""
    cut = re.sub(rf"\s*(?:trên địa bàn\s+)?(?:tỉnh\s+)?{re.escape(province)}\b", "", name, flags=re.IGNORECASE)
    return cut.strip(" .;,")


def outside_negatives(corpus: Corpus) -> list[dict[str, Any]]:
    """Each public-service topic asked of each province and of "tỉnh mình" (no province named), both ways."""
    out: list[dict[str, Any]] = []
    places = [*(f"tỉnh {d.province}" for d in corpus.documents()), "tỉnh mình"]
    for topic in _OUTSIDE_TOPICS:
        for place in places:
            for template in _OUTSIDE_TEMPLATES:
                q = template.format(topic=topic, province=place)
                note = f"outside the catalogues: {topic}"
                out.append(_item(f"gen-outside-{len(out) + 1:03d}", q[0].upper() + q[1:], note))
    return out


def _item(item_id: str, question: str, note: str) -> dict[str, Any]:
    turn = {"q": question, "gold_ids": [], "must_contain": [], "expect_status": "not_found"}
    return {"id": item_id, "kind": "oos", "turns": [turn], "note": f"generated: {note}"}


# ---- surface variants -------------------------------------------------------------------------------------------

_OLD_TONES = {  # modern → old tone placement ("hóa" ↔ "hoá", "thủy" ↔ "thuỷ")
    **{f"o{b}": f"{a}a" for a, b in zip("óòỏõọ", "áàảãạ", strict=True)},
    **{f"o{b}": f"{a}e" for a, b in zip("óòỏõọ", "éèẻẽẹ", strict=True)},
    **{f"u{b}": f"{a}y" for a, b in zip("úùủũụ", "ýỳỷỹỵ", strict=True)},
}
_NEW_TO_OLD = {new: old for old, new in ((v, k) for k, v in _OLD_TONES.items())}
_SWAP_TONES = re.compile("|".join(sorted({*_OLD_TONES, *_NEW_TO_OLD}, key=len, reverse=True)) + r"(?!\w)")

# Long forms users shorten, each with the abbreviation the decisions themselves use (corpus/abbreviations.json).
_SHORTEN = (
    ("cơ sở dữ liệu", "CSDL"),
    ("ủy ban nhân dân", "UBND"),
    ("tài nguyên và môi trường", "TN&MT"),
    ("giấy phép lái xe", "GPLX"),
    ("bảo hiểm xã hội", "BHXH"),
    ("ngân sách nhà nước", "NSNN"),
    ("thủ tục hành chính", "TTHC"),
    ("khoa học và công nghệ", "KH&CN"),
    ("kế hoạch và đầu tư", "KH&ĐT"),
    ("thông tin và truyền thông", "TT&TT"),
    ("giao thông vận tải", "GTVT"),
    ("cải cách hành chính", "CCHC"),
    ("công nghệ thông tin", "CNTT"),
    ("khu công nghiệp", "KCN"),
    ("hợp tác xã", "HTX"),
)


def _no_diacritics(q: str) -> str:
    return fold_accents(q)


def _decomposed(q: str) -> str:
    return unicodedata.normalize("NFD", q)


def _tone_placement(q: str) -> str:
    return _SWAP_TONES.sub(lambda m: _OLD_TONES.get(m.group(0)) or _NEW_TO_OLD[m.group(0)], q)


def _abbreviated(q: str) -> str:
    for long, short in _SHORTEN:
        q = re.sub(rf"(?<!\w){long}(?!\w)", short, q, flags=re.IGNORECASE)
    return q


def _upper(q: str) -> str:
    return q.upper()


def _lower_no_punct(q: str) -> str:
    return re.sub(r"[?.!]+\s*$", "", q.lower())


def _stray_punctuation(q: str) -> str:
    return "  " + q.replace(", ", " ,  ").rstrip("?") + " ??"


def _sentence_case(q: str) -> str:
    q = q.strip()
    return q[:1].upper() + q[1:].rstrip("?. ") + "?"


def _polite(q: str) -> str:
    return f"Cho em hỏi: {q.strip()} ạ"


def _spacing(q: str) -> str:
    return "\t" + q.replace(" ", "  ") + " \n"


VARIANTS: dict[str, Callable[[str], str]] = {
    "nodiac": _no_diacritics,
    "nfd": _decomposed,
    "tones": _tone_placement,
    "abbrev": _abbreviated,
    "upper": _upper,
    "lower": _lower_no_punct,
    "punct": _stray_punctuation,
    "polite": _polite,
    "sentence": _sentence_case,
    "spacing": _spacing,
}


def surface_variants(items: Iterable[GoldItem]) -> list[dict[str, Any]]:
    """Every transform of `VARIANTS` applied to every turn of each answerable item (items it leaves unchanged
    are skipped); status, gold ids and strings stay those of the original."""
    out: list[dict[str, Any]] = []
    for item in items:
        if all(t.expect_status != "answered" for t in item.turns):
            continue
        for name, transform in VARIANTS.items():
            turns = [{**t.model_dump(), "q": transform(t.q)} for t in item.turns]
            if all(new["q"] == old.q for new, old in zip(turns, item.turns, strict=True)):
                continue
            out.append({"id": f"{item.id}~{name}", "kind": str(item.kind), "turns": turns, "note": f"variant {name}"})
    return out


def write_jsonl(path: Path, items: list[dict[str, Any]]) -> None:
    """One item per line, UTF-8, keys in the contract's order."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
