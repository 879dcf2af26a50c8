"""The decision body that precedes every catalogue: metadata, legal bases, articles, clauses and points.

Used by all three parsers. The input is the lines before the catalogue table, in any of the three shapes the
sources use: one paragraph per line (Hà Tĩnh), paragraphs separated by blank lines (Quảng Ninh) or PDF text
wrapped mid-sentence with blank lines in between and stray URL lines (Hải Dương).

Case choice: a title, issuer or signature line written in capitals ("BAN HÀNH DANH MỤC …") is re-cased word by
word after the decision's own spelling of the same word (in the same word pair where possible), so every
document's `title` reads "Ban hành Danh mục cơ sở dữ liệu dùng chung tỉnh Hà Tĩnh"; the words and their
letters stay the source's. A title that is already in mixed case ("Về việc ban hành …") is kept as written.
`signer_title` joins the signature lines with ", ": "KT. Chủ tịch, Phó Chủ tịch".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus import ids
from corpus.casing import Casing, is_upper
from corpus.clauses import build_clauses
from corpus.errors import ParseError
from corpus.records import DecisionClause, Document
from corpus.text import normalize

_URL = re.compile(r"^(?:https?://|www\.)\S*$")
_STRUCTURAL = re.compile(r"^(?:Điều\s+\d+\s*\.|\d+\.\s|[a-zđ]\)\s|Căn cứ\b|Theo đề nghị\b|[-+–]\s)")
_DECIDES = re.compile(r"^QUYẾT ĐỊNH\s*:$")
_DECISION_HEADING = re.compile(r"^QUYẾT ĐỊNH$")
_NUMBER_LINE = re.compile(r"^Số\s*:")
_ANNEX_REFERENCE = re.compile(r"kèm theo Quyết định số", re.IGNORECASE)
_BODY_END = re.compile(r"^(?:Nơi nhận\b|(?:KT|TM|TL|TUQ)\.\s)")
_SIGNATURE_STOP = re.compile(r"^(?:\(|DANH MỤC|PHỤ LỤC)")
_NAME = re.compile(r"^(?:[A-ZÀ-ỸĐ][a-zà-ỹđ]*\s){1,5}[A-ZÀ-ỸĐ][a-zà-ỹđ]*$")
_REPLACES = re.compile(r"thay thế(?: cho)? (Quyết định [^.]+?(?:\d{4})[^.]*)\.", re.IGNORECASE)
_DOC_NUMBER = re.compile(r"(?:\bsố|\bSố\s*:)\s*(\d*)\s*/\s*(QĐ-[A-ZĐ]+)", re.IGNORECASE)
_PROVINCE = re.compile(r"\b(?:tỉnh|thành phố)\s+([^\W\d_][^\W\d_\s–-]*(?:\s*[\s–-]\s*[^\W\d_]+)*)\)?\s*$", re.I)
_DATE_SLASH = re.compile(r"ngày\s*(\d{0,2})\s*/\s*(\d{0,2})\s*/\s*(\d{4})")
_DATE_WORDS = re.compile(r"ngày\s*(\d{0,2})\s*tháng\s*(\d{0,2})\s*năm\s*(\d{4})")


@dataclass(frozen=True)
class DecisionBody:
    """What the decision part of a source says: document metadata and its clause records."""

    document_id: str
    province: str
    number: str | None
    date: str | None
    title: str
    issuer: str | None
    signer: str | None
    signer_title: str | None
    legal_bases: tuple[str, ...]
    replaces: str | None
    proposal: str | None
    source_file: str
    clauses: tuple[DecisionClause, ...]

    def document(self) -> Document:
        """The `Document` record of this decision."""
        return Document(
            id=self.document_id,
            province=self.province,
            number=self.number,
            date=self.date,
            title=self.title,
            issuer=self.issuer,
            signer=self.signer,
            signer_title=self.signer_title,
            legal_bases=list(self.legal_bases),
            replaces=self.replaces,
            proposal=self.proposal,
            source_file=self.source_file,
        )


def parse_number_and_date(text: str) -> tuple[str | None, str | None]:
    """Decision number and ISO date (or the part of it that is known) in a reference to the decision.

    >>> parse_number_and_date("(Kèm theo Quyết định số 1402/QĐ-UBND ngày 12/7/2022 của Chủ tịch UBND tỉnh)")
    ('1402/QĐ-UBND', '2022-07-12')
    >>> parse_number_and_date("Quyết định số          /QĐ-UBND ngày      /3/2022")
    (None, '2022-03')
    >>> parse_number_and_date("Số: /QĐ-UBND Quảng Ninh, ngày tháng năm 2026")
    (None, '2026')
    """
    number = None
    number_match = _DOC_NUMBER.search(text)
    if number_match and number_match.group(1):
        number = f"{number_match.group(1)}/{number_match.group(2)}"
    date = None
    date_match = _DATE_SLASH.search(text) or _DATE_WORDS.search(text)
    if date_match:
        day, month, year = date_match.groups()
        date = year
        if month:
            date += f"-{int(month):02d}"
            if day:
                date += f"-{int(day):02d}"
    return number, date


def parse_decision(
    lines: list[str], *, source_file: str, document_id: str | None = None, first_line: int = 1
) -> DecisionBody:
    """Parse the decision part of a source (the lines before its catalogue table).

    Args:
        lines: The source lines, without line ends, from the top of the file up to the catalogue table.
        source_file: Name of the source file, for errors and the `Document`.
        document_id: Id of the document; by default built from the province and year the text names.
        first_line: 1-based line number of `lines[0]` in the source file.

    Returns:
        The document metadata and one `DecisionClause` per article (dieu-N), clause (dieu-N.K) and point
        (dieu-N.K.x), in source order.

    Raises:
        ParseError: The text lacks the "Căn cứ …" bases, the "QUYẾT ĐỊNH:" line, a title or "Điều 1.".

    >>> body = parse_decision(["Số: 1402/QĐ-UBND Hà Tĩnh, ngày 12 tháng 7 năm 2022", "QUYẾT ĐỊNH",
    ...     "Ban hành Danh mục cơ sở dữ liệu dùng chung tỉnh Hà Tĩnh",
    ...     "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH", "Căn cứ Luật Công nghệ thông tin ngày 29/6/2006;", "QUYẾT ĐỊNH:",
    ...     "Điều 1. Quyết định này có hiệu lực kể từ ngày ban hành."], source_file="x.txt")
    >>> body.document_id, body.number, body.date, [c.id for c in body.clauses]
    ('ha-tinh-2022', '1402/QĐ-UBND', '2022-07-12', ['ha-tinh-2022/dieu-1'])
    """
    rows = [(first_line + i, _clean(line)) for i, line in enumerate(lines)]
    rows = [(n, t) for n, t in rows if t and not _URL.match(t)]

    def find(pattern: re.Pattern[str], start: int, what: str) -> int:
        for i in range(start, len(rows)):
            if pattern.search(rows[i][1]):
                return i
        raise ParseError(f"phần thân quyết định thiếu {what}", source_file=source_file, line=first_line)

    i_bases = find(re.compile(r"^Căn cứ\b"), 0, '"Căn cứ …" legal basis')
    i_decides = find(_DECIDES, i_bases, '"QUYẾT ĐỊNH:" line')
    i_end = next((i for i in range(i_decides + 1, len(rows)) if _BODY_END.search(rows[i][1])), len(rows))
    preamble = _paragraphs(rows[i_bases:i_decides])
    body = _paragraphs(rows[i_decides + 1 : i_end])
    casing = Casing([t for _, t in rows if not is_upper(t)])

    title, issuer = _header([t for _, t in rows[:i_bases]], casing, source_file, first_line)
    number, date = _number_and_date([t for _, t in rows])
    province = _province(title, [t for _, t in rows])
    if province is None:
        raise ParseError("không xác định được tỉnh ban hành quyết định", source_file=source_file, line=first_line)
    if document_id is None and date is None:
        raise ParseError(
            "không xác định được năm của quyết định; hãy truyền document_id", source_file=source_file, line=first_line
        )
    doc_id = document_id or ids.document_id(province, (date or "")[:4])
    signer_title, signer = _signature([t for _, t in rows[i_end:]], casing)
    clauses = build_clauses(body, doc_id, source_file)
    replaces = next((m.group(1) for c in clauses if c.clause is None for m in [_REPLACES.search(c.text)] if m), None)
    return DecisionBody(
        document_id=doc_id,
        province=province,
        number=number,
        date=date,
        title=title,
        issuer=issuer,
        signer=signer,
        signer_title=signer_title,
        legal_bases=tuple(t for _, t in preamble if t.startswith("Căn cứ")),
        replaces=replaces,
        proposal=_proposal(preamble),
        source_file=source_file,
        clauses=tuple(clauses),
    )


def _proposal(preamble: list[tuple[int, str]]) -> str | None:
    """The "Theo đề nghị của … tại Tờ trình số … ngày …" paragraph, up to the end of its sentence."""
    text = next((t for _, t in preamble if t.startswith("Theo đề nghị")), None)
    return text.rstrip(" .;") if text else None


def _clean(line: str) -> str:
    return normalize(line) or ""


def _paragraphs(rows: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Rejoin lines that a PDF wrapped mid-sentence; a paragraph starts at a marker or after a full stop."""
    out: list[tuple[int, str]] = []
    for number, text in rows:
        if out and not _starts_paragraph(text, out[-1][1]):
            start, previous = out[-1]
            # "Tờ trình số 148/TTr-" + "STTTT": a word broken at its own hyphen joins without a space.
            separator = "" if re.search(r"\S-$", previous) else " "
            out[-1] = (start, previous + separator + text)
        else:
            out.append((number, text))
    return out


def _starts_paragraph(text: str, previous: str) -> bool:
    if _STRUCTURAL.match(text):
        return True
    return bool(re.search(r"[.;:!?]$", previous)) and (text[0].isupper() or text[0].isdigit())


def _header(lines: list[str], casing: Casing, source_file: str, first_line: int) -> tuple[str, str | None]:
    """Title and issuer: the lines after the "QUYẾT ĐỊNH" heading; the issuer is the last of them."""
    start = next((i + 1 for i, t in enumerate(lines) if _DECISION_HEADING.match(t)), 0)
    lines = [t for t in lines[start:] if not _NUMBER_LINE.match(t)]
    if not lines:
        raise ParseError("phần thân quyết định không có trích yếu", source_file=source_file, line=first_line)
    if len(lines) == 1:
        return casing.recase(lines[0]), None
    return casing.recase(" ".join(lines[:-1])), casing.recase(lines[-1])


def _number_and_date(lines: list[str]) -> tuple[str | None, str | None]:
    """Number and date from the "Số:" line and the annex's "(Kèm theo Quyết định số …)"; most precise wins."""
    references = [t for t in lines if _NUMBER_LINE.match(t) or _ANNEX_REFERENCE.search(t)]
    found = [parse_number_and_date(t) for t in references]
    number = next((n for n, _ in found if n), None)
    dates = [d for _, d in found if d]
    return number, max(dates, key=len) if dates else None


def _province(title: str, lines: list[str]) -> str | None:
    """'… dùng chung tỉnh Hà Tĩnh' → 'Hà Tĩnh': the words that end the title after "tỉnh" (or "thành phố")."""
    for text in [title, *lines]:
        match = _PROVINCE.search(text)
        if match and len(match.group(1).split()) <= 5:
            return re.sub(r"\w+", lambda word: word.group()[0].upper() + word.group()[1:].lower(), match.group(1))
    return None


def _signature(lines: list[str], casing: Casing) -> tuple[str | None, str | None]:
    """Signature lines in capitals ("KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH") and the signer's name below them."""
    titles: list[str] = []
    for text in lines:
        if text.startswith(("Nơi nhận", "-", "+")):
            continue
        if _SIGNATURE_STOP.match(text):
            break
        if is_upper(text):
            titles.append(casing.recase(text))
        elif titles and _NAME.match(text):
            return ", ".join(titles), text
    return (", ".join(titles) or None), None
