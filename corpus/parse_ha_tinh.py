"""Parser for the "cells" layout (Hà Tĩnh 2022): one table cell per line, each cell starting with a TAB.

A line without a leading TAB continues the cell above it; rows are separated by blank lines and start with a
"\\t<number>" cell. The six columns are TT, name, managing agency, description ("- Mục đích: … - Phạm vi: …
- Nội dung: …"), collection and sharing. A blank agency cell is a merged cell: the agency of the row above.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from corpus import ids
from corpus.decision import parse_decision
from corpus.errors import ParseError
from corpus.records import CatalogueEntry, ParsedDocument
from corpus.sharing import sharing_modes
from corpus.text import join_wrapped, normalize

_COLUMNS = 6
_HEADER_FIRST_CELL = "TT"
_LABELS = {"Mục đích": "purpose", "Phạm vi": "scope", "Nội dung": "content"}
_LABEL = re.compile(r"^[-–]\s*(Mục đích|Phạm vi|Nội dung)\s*:\s*", re.MULTILINE)


@dataclass
class _Row:
    first_line: int
    last_line: int
    cells: list[list[str]] = field(default_factory=list)


def parse(text: str, *, source_file: str) -> ParsedDocument:
    """Parse a decision in the "cells" layout into its document, entries and clauses.

    Args:
        text: The whole source file.
        source_file: Its file name, for errors and records.

    Returns:
        The parsed document; entry ids are `<document>/<TT>`, without group or sector.

    Raises:
        ParseError: No table header, a row that does not start with a numeric TT, a row without six cells,
            or a first row with a blank agency.

    >>> from pathlib import Path
    >>> source = Path(__file__).parent / "sources" / "ha-tinh-2022.txt"
    >>> doc = parse(source.read_text(encoding="utf-8"), source_file=source.name)
    >>> doc.entries[31].id, doc.entries[31].agency
    ('ha-tinh-2022/32', 'Sở Tư pháp')
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    header = _header_index(lines, source_file)
    body = parse_decision(lines[:header], source_file=source_file)
    rows = _rows(lines, _first_row_index(lines, header), source_file)
    entries: list[CatalogueEntry] = []
    agency: str | None = None
    for row in rows:
        entry = _entry(row, body.document_id, agency, source_file)
        if entries and entry.number != entries[-1].number + 1:
            raise ParseError(
                f"TT {entry.number} đứng sau TT {entries[-1].number} (sai thứ tự)",
                source_file=source_file,
                line=row.first_line,
            )
        agency = entry.agency
        entries.append(entry)
    if not entries:
        raise ParseError("bảng không có hàng nào", source_file=source_file, line=header + 1)
    return ParsedDocument(document=body.document(), entries=entries, clauses=list(body.clauses))


def _header_index(lines: list[str], source_file: str) -> int:
    """0-based index of the header's first cell ("\\tTT")."""
    for index, line in enumerate(lines):
        if line.startswith("\t") and line.strip() == _HEADER_FIRST_CELL:
            return index
    raise ParseError('không tìm thấy tiêu đề bảng (ô "\\tTT")', source_file=source_file)


def _first_row_index(lines: list[str], header: int) -> int:
    """The header's cells run to the first blank line; rows start after it."""
    index = header
    while index < len(lines) and not _is_blank(lines[index]):
        index += 1
    return index


def _is_blank(line: str) -> bool:
    return not line.startswith("\t") and not line.strip()


def _rows(lines: list[str], start: int, source_file: str) -> list[_Row]:
    """Group cell lines into rows; a "\\t<number>" line after a blank line starts a row."""
    rows: list[_Row] = []
    after_blank = True
    for index in range(start, len(lines)):
        line, number = lines[index], index + 1
        if _is_blank(line):
            after_blank = True
            continue
        if line.startswith("\t") and after_blank:
            if not line.strip().isdigit():
                raise ParseError(
                    f"hàng không bắt đầu bằng số TT: {line.strip()[:60]!r}", source_file=source_file, line=number
                )
            rows.append(_Row(first_line=number, last_line=number, cells=[[line[1:]]]))
        elif not rows:
            raise ParseError(f"có chữ trước hàng đầu tiên: {line.strip()[:60]!r}", source_file=source_file, line=number)
        elif line.startswith("\t"):
            rows[-1].cells.append([line[1:]])
        else:
            # A wrapped line, or a line after a blank line inside a cell (entry 25's description).
            rows[-1].cells[-1].append(line)
        rows[-1].last_line = number
        after_blank = False
    return rows


def _entry(row: _Row, document_id: str, agency_above: str | None, source_file: str) -> CatalogueEntry:
    """One catalogue entry from a row's six cells."""
    if len(row.cells) != _COLUMNS:
        raise ParseError(f"hàng có {len(row.cells)} ô, cần {_COLUMNS}", source_file=source_file, line=row.first_line)
    number_cell, name, agency, description, collection, sharing = (normalize(join_wrapped(c)) for c in row.cells)
    assert number_cell is not None  # _rows only starts a row at a numeric cell
    number = int(number_cell)
    if name is None:
        raise ParseError(f"TT {number} không có tên cơ sở dữ liệu", source_file=source_file, line=row.first_line)
    agency = agency or agency_above
    if agency is None:
        raise ParseError(
            f"TT {number} không có cơ quan quản lý và không có hàng phía trên để kế thừa",
            source_file=source_file,
            line=row.first_line,
        )
    parts = _description_parts(description)
    return CatalogueEntry(
        id=ids.entry_id(document_id, number),
        document_id=document_id,
        number=number,
        name=name,
        agency=agency,
        purpose=parts["purpose"],
        scope=parts["scope"],
        content=parts["content"],
        collection=collection,
        sharing=sharing,
        sharing_modes=sharing_modes(sharing),
        source_lines=(row.first_line, row.last_line),
    )


def _description_parts(description: str | None) -> dict[str, str | None]:
    """Split "- Mục đích: … - Phạm vi: … - Nội dung: …" into purpose, scope and content, labels removed.

    A description that does not start with these labels is kept whole as `content`.
    """
    parts: dict[str, str | None] = {"purpose": None, "scope": None, "content": None}
    if description is None:
        return parts
    matches = list(_LABEL.finditer(description))
    if not matches or description[: matches[0].start()].strip():
        parts["content"] = description  # unlabelled text: kept whole rather than guessed apart
        return parts
    for match, following in zip(matches, [*matches[1:], None], strict=True):
        end = following.start() if following else len(description)
        key, text = _LABELS[match.group(1)], normalize(description[match.end() : end])
        parts[key] = "\n".join(t for t in (parts[key], text) if t) or None
    return parts
