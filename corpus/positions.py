"""Where a record stands in its source file: the lines of each clause and of each fact of the decision.

A citation promises that the opened source says what the answer says, so every clause and every fact of the
`Document` (number, date, title, issuer, signer, legal bases, proposal, what it replaces) is located in the raw
lines. Records are normalised (NFC, look-alike letters, HTML removed, wrapped lines joined), so text is found on a
*key*: the corpus normalisation, accents and case folded, every white space removed — "Tờ trình số 148/TTr-" +
"STTTT" on two PDF lines reads as the record's "148/TTr-STTTT"; "CHỦ TỊCH ỦY BAN" reads as "Chủ tịch Uỷ ban".

>>> text = SourceText(["QUYẾT ĐỊNH", "BAN HÀNH DANH MỤC", "Căn cứ Luật A;", "", "Căn cứ", "Luật B;"])
>>> text.find("Ban hành Danh mục"), text.find("Căn cứ Luật B;"), text.find("Luật C")
((2, 2), (5, 6), None)
"""

from __future__ import annotations

import re
from bisect import bisect_right

from corpus.decision import parse_number_and_date
from corpus.records import DecisionClause, Document, ParsedDocument
from corpus.text import fold_accents, normalize

# A reference to the decision whose number is left blank: "Số: /QĐ-UBND", "Quyết định số      /QĐ-UBND".
_BLANK_NUMBER = re.compile(r"(?:\bsố|Số\s*:)\s*/\s*QĐ-", re.IGNORECASE)
# Signature lines sit right above the signer's name: this many non-blank lines are looked at.
_SIGNATURE_REACH = 6


def line_key(text: str) -> str:
    """The matching key of a text: normalised, without accents, case or any white space.

    >>> line_key("Căn cứ  Luật\\nDữ liệu")
    'canculuatdulieu'
    """
    return "".join(fold_accents(normalize(text) or "").lower().split())


class SourceText:
    """The raw lines of one source file, searchable on keys (line numbers are 1-based)."""

    def __init__(self, lines: list[str]) -> None:
        self.lines = lines
        keys = [line_key(line) for line in lines]
        self._stream = "".join(keys)
        # starts[i]: offset in the stream where line i + 1 begins.
        self._starts: list[int] = []
        offset = 0
        for key in keys:
            self._starts.append(offset)
            offset += len(key)

    def _line_at(self, offset: int) -> int:
        return bisect_right(self._starts, offset)

    def _offset(self, line: int) -> int:
        return self._starts[line - 1] if 1 <= line <= len(self._starts) else len(self._stream)

    def find(self, text: str, start: int = 1) -> tuple[int, int] | None:
        """(first, last) line of the first place at or after line `start` whose text is `text`, or None."""
        key = line_key(text)
        if not key:
            return None
        at = self._stream.find(key, self._offset(start))
        if at < 0:
            return None
        return self._line_at(at), self._line_at(at + len(key) - 1)

    def find_block(self, text: str, start: int = 1) -> tuple[int, int] | None:
        """Like `find`; when the whole text is not there (a parser dropped layout debris inside it), the span from
        its first line to its last line, both found in order."""
        whole = self.find(text, start)
        if whole is not None:
            return whole
        parts = [p for p in text.split("\n") if line_key(p)]
        if len(parts) < 2:
            return None
        head = self.find(parts[0], start)
        tail = self.find(parts[-1], head[1]) if head else None
        return (head[0], tail[1]) if head and tail else None

    def first_line(self, predicate: re.Pattern[str], start: int = 1) -> int | None:
        """The number of the first line at or after `start` whose normalised text matches the pattern."""
        for number in range(max(start, 1), len(self.lines) + 1):
            if predicate.search(normalize(self.lines[number - 1]) or ""):
                return number
        return None


def with_positions(parsed: ParsedDocument, text: str) -> ParsedDocument:
    """The parsed document with its raw lines, each clause's `source_lines` and the document's `fact_lines`.

    Args:
        parsed: what a parser returned for `text`.
        text: the decoded source (line ends already ``\\n``), as the parser read it.

    Returns:
        A copy of `parsed`; what cannot be found stays unlocated (`validate` reports it).
    """
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the newline that ends the last line opens no line of its own
    source = SourceText(lines)
    clauses = _locate_clauses(source, parsed.clauses)
    body_end = max((c.source_lines[1] for c in clauses if c.source_lines), default=1)
    document = parsed.document.model_copy(update={"fact_lines": _locate_facts(source, parsed.document, body_end)})
    return parsed.model_copy(update={"document": document, "clauses": clauses, "lines": lines})


def _locate_clauses(source: SourceText, clauses: list[DecisionClause]) -> list[DecisionClause]:
    """Each clause searched from where its parent starts (records are in source order: dieu-2, dieu-2.1 …)."""
    starts: dict[str, int] = {}
    article_from = 1
    out = []
    for clause in clauses:
        parent = clause.id.rsplit(".", 1)[0] if "." in clause.id.rsplit("/", 1)[1] else None
        start = starts.get(parent, article_from) if parent else article_from
        # A point's text repeats its clause's first line ("1. Giao Sở …:\na) …"): the point's own lines are the rest.
        own = clause.text.split("\n", 1)[-1] if clause.point else clause.text
        span = source.find_block(own, start)
        if span is not None:
            starts[clause.id] = span[0]
            if parent is None:
                article_from = span[0]
        out.append(clause.model_copy(update={"source_lines": span}))
    return out


def _locate_facts(source: SourceText, doc: Document, body_end: int) -> dict[str, tuple[int, int]]:
    facts: dict[str, tuple[int, int] | None] = {
        "title": source.find(doc.title),
        "issuer": source.find(doc.issuer) if doc.issuer else None,
        "number": _number_line(source, doc),
        "date": _date_line(source, doc),
        "legal_bases": _bases(source, doc.legal_bases),
        "proposal": source.find(doc.proposal) if doc.proposal else None,
        "replaces": source.find(doc.replaces) if doc.replaces else None,
        "signer": _signature(source, doc, body_end),
    }
    return {name: span for name, span in facts.items() if span is not None}


def _number_line(source: SourceText, doc: Document) -> tuple[int, int] | None:
    if doc.number:
        return source.find(doc.number)
    line = source.first_line(_BLANK_NUMBER)
    return (line, line) if line else None


def _date_line(source: SourceText, doc: Document) -> tuple[int, int] | None:
    """The line the date was read from: the first whose reference to the decision gives exactly that date."""
    if not doc.date:
        return None
    for number, line in enumerate(source.lines, start=1):
        text = normalize(line) or ""
        if ("Số" in text or "Quyết định" in text) and parse_number_and_date(text)[1] == doc.date:
            return number, number
    return None


def _bases(source: SourceText, bases: list[str]) -> tuple[int, int] | None:
    spans: list[tuple[int, int]] = []
    for basis in bases:
        span = source.find(basis, spans[-1][1] if spans else 1)
        if span is None:
            return None
        spans.append(span)
    return (spans[0][0], spans[-1][1]) if spans else None


def _signature(source: SourceText, doc: Document, body_end: int) -> tuple[int, int] | None:
    """From the first signature line ("KT. CHỦ TỊCH") to the signer's name, found after the decision's body."""
    if not doc.signer:
        return None
    name = source.find(doc.signer, body_end)
    if name is None:
        return None
    above = [n for n in range(name[0] - 1, 0, -1) if line_key(source.lines[n - 1])][:_SIGNATURE_REACH]
    first = name[0]
    for part in (doc.signer_title or "").split(", "):
        key = line_key(part)
        first = min([first] + [n for n in above if key and line_key(source.lines[n - 1]) == key][:1])
    return first, name[1]
