"""Parser for the "tsv" layout (Quảng Ninh 2026): one table row per line, eight tab-separated columns.

Columns: TT, name, "Đơn vị chủ trì", "Mục đích", "Phạm vi, nội dung chính", "Cơ chế thu thập", "Kết nối, chia sẻ
dữ liệu", "Ghi chú". Group headings ("A NHÓM CSDL DO …") restart the numbering; sector headings
("I LĨNH VỰC NỘI VỤ: 15 CSDL") declare how many entries follow. A page break splits a row: after a blank line,
a line whose first cell is empty continues the previous row column by column. Cells may hold HTML lists.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus import ids
from corpus.decision import parse_decision
from corpus.errors import ParseError
from corpus.records import CatalogueEntry, DeclaredCount, ParsedDocument
from corpus.sharing import sharing_modes
from corpus.text import normalize

_COLUMNS = 8
_GROUP = re.compile(r"^([A-Z])\s+(NHÓM\b.*?)\s*$")
_SECTOR = re.compile(r"^([IVXLC]+)\s+(LĨNH VỰC\b.*?)(?:\s*:\s*(\d+)\s*CSDL)?\s*$")
_LEADING_TAGS = re.compile(r"^(?:\s*<(?:p|ul|li)\b[^>]*>)+\s*", re.IGNORECASE)
_TRAILING_CLOSE = re.compile(r"(?:\s*</(?:p|li)>)+\s*$", re.IGNORECASE)
_LIST_ITEM = re.compile(r"^[-+–•]\s*\D")
_INLINE_DASH = re.compile(r"(?<=\S)\s+-\s+(?=\w)")


@dataclass
class _Row:
    group: str | None
    group_title: str | None
    sector: str | None
    cells: list[str]
    first_line: int
    last_line: int


def parse(text: str, *, source_file: str) -> ParsedDocument:
    """Parse a decision in the "tsv" layout into its document, entries, clauses and declared counts.

    Args:
        text: The whole source file.
        source_file: Its file name, for errors and records.

    Returns:
        The parsed document; entry ids are `<document>/<group>-<TT>` ("quang-ninh-2026/A-7").

    Raises:
        ParseError: No table header, a line with more than eight cells, an unknown heading, a row with a
            non-numeric TT, a continuation line with no row above, a repeated TT or a row without name or agency.

    >>> from pathlib import Path
    >>> source = Path(__file__).parent / "sources" / "quang-ninh-2026.txt"
    >>> doc = parse(source.read_text(encoding="utf-8"), source_file=source.name)
    >>> doc.entries[6].id, doc.entries[6].name
    ('quang-ninh-2026/A-7', 'CSDL quản lý tổ chức, cá nhân hoạt động kinh doanh dịch vụ lưu trữ.')
    """
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    header = _header_index(lines, source_file)
    body = parse_decision(lines[:header], source_file=source_file)
    rows, counts = _rows(lines, header + 1, source_file)
    entries = [_entry(row, body.document_id, source_file) for row in rows]
    seen: set[str] = set()
    for entry, row in zip(entries, rows, strict=True):
        if entry.id in seen:
            raise ParseError(f"{entry.id} xuất hiện hai lần", source_file=source_file, line=row.first_line)
        seen.add(entry.id)
    if not entries:
        raise ParseError("bảng không có hàng nào", source_file=source_file, line=header + 1)
    return ParsedDocument(document=body.document(), entries=entries, clauses=list(body.clauses), declared_counts=counts)


def _header_index(lines: list[str], source_file: str) -> int:
    """0-based index of the header row ("TT\\tTên cơ sở dữ liệu\\t…")."""
    for index, line in enumerate(lines):
        cells = [c.strip() for c in line.split("\t")]
        if len(cells) >= 2 and cells[0] == "TT" and cells[1].lower().startswith("tên"):
            return index
    raise ParseError('không tìm thấy tiêu đề bảng (hàng "TT<TAB>Tên cơ sở dữ liệu…")', source_file=source_file)


def _rows(lines: list[str], start: int, source_file: str) -> tuple[list[_Row], list[DeclaredCount]]:
    """Table rows with their group and sector, and the counts the sector headings declare."""
    rows: list[_Row] = []
    counts: list[DeclaredCount] = []
    group: str | None = None
    group_title: str | None = None
    sector: str | None = None
    continues: _Row | None = None  # the row a page-break fragment may continue
    for index in range(start, len(lines)):
        line, number = lines[index], index + 1
        if not line.strip():
            continue
        cells = line.split("\t")
        if len(cells) > _COLUMNS:
            raise ParseError(f"dòng có {len(cells)} ô, tối đa {_COLUMNS}", source_file=source_file, line=number)
        cells += [""] * (_COLUMNS - len(cells))
        first, rest_empty = cells[0].strip(), not any(c.strip() for c in cells[1:])
        if not first:
            if continues is None:
                raise ParseError("dòng nối tiếp mà không có hàng nào phía trên", source_file=source_file, line=number)
            _continue(continues, cells, number)
        elif index == start and all(c.strip() == str(i + 1) for i, c in enumerate(cells)):
            continue  # the column-number row "1 2 3 … 8" under the header
        elif first.isdigit():
            continues = _Row(group, group_title, sector, cells, number, number)
            rows.append(continues)
        elif rest_empty and (match := _GROUP.match(first)):
            group, group_title, sector, continues = match.group(1), match.group(2), None, None
        elif rest_empty and (match := _SECTOR.match(first)):
            sector, continues = match.group(2), None
            if match.group(3):
                counts.append(DeclaredCount(group=group, sector=sector, count=int(match.group(3)), line=number))
        else:
            raise ParseError(f"hàng không bắt đầu bằng số TT: {first[:60]!r}", source_file=source_file, line=number)
    return rows, counts


def _continue(row: _Row, cells: list[str], line: int) -> None:
    """Append a page-break fragment to the row, column by column."""
    for column, fragment in enumerate(cells):
        if fragment.strip():
            row.cells[column] = _join(row.cells[column], fragment)
    row.last_line = line


def _join(before: str, fragment: str) -> str:
    """Join a cell's text across a page break.

    A fragment that starts a list item or a new sentence goes on a new line; otherwise the sentence was cut by
    the break, so the paragraph tags the converter put around each half are dropped and the halves are joined
    with a space.
    """
    if not before.strip():
        return fragment
    if _LIST_ITEM.match(_LEADING_TAGS.sub("", fragment)):
        return f"{before.rstrip()}\n{fragment.strip()}"
    text = _LEADING_TAGS.sub("", fragment).strip()
    if re.search(r"[.!?…]$", _TRAILING_CLOSE.sub("", before).rstrip()) and text[:1].isupper():
        return f"{before.rstrip()}\n{fragment.strip()}"  # the break fell between two sentences
    before, fragment = _TRAILING_CLOSE.sub("", before).rstrip(), text
    # The conversion repeats the word cut by the break ("Sở Nội vụ" + "vụ", "dịch vụ" + "vụ việc làm").
    last, first = before.rsplit(maxsplit=1)[-1:], fragment.split(maxsplit=1)
    if first and first[:1] == last:
        fragment = first[1] if len(first) > 1 else ""
    return f"{before} {fragment}".rstrip()


def _split_list_items(text: str | None) -> str | None:
    """Put each item of a dash list on its own line: "- Thông tin A - Thông tin B" → two lines.

    Only lines that are list items themselves are split, and only before a capital letter, so that
    "CSDL Địa hình - Thổ nhưỡng" in running text and "kinh tế - xã hội" stay as written.
    """
    if text is None:
        return None
    lines = []
    for line in text.split("\n"):
        if _LIST_ITEM.match(line):
            line = _INLINE_DASH.sub(_item_break, line)
        lines.append(line)
    return "\n".join(lines)


def _entry(row: _Row, document_id: str, source_file: str) -> CatalogueEntry:
    """One catalogue entry from a row's eight cells."""
    cells = [_split_list_items(normalize(c)) for c in row.cells]
    number_cell, name, agency, purpose, content, collection, sharing, notes = cells
    assert number_cell is not None  # _rows only starts a row at a numeric cell
    number = int(number_cell)
    for value, what in ((name, "name"), (agency, "agency")):
        if value is None:
            raise ParseError(f"TT {number} thiếu {what}", source_file=source_file, line=row.first_line)
    assert name is not None and agency is not None
    return CatalogueEntry(
        id=ids.entry_id(document_id, number, row.group),
        document_id=document_id,
        group=row.group,
        group_title=row.group_title,
        sector=row.sector,
        number=number,
        name=name,
        agency=agency,
        purpose=purpose,
        content=content,
        collection=collection,
        sharing=sharing,
        sharing_modes=sharing_modes(sharing),
        notes=notes,
        source_lines=(row.first_line, row.last_line),
    )


def _item_break(match: re.Match[str]) -> str:
    return "\n- " if match.string[match.end()].isupper() else match.group()
