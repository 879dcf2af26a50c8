"""Parser for the "pdf" layout: the Hải Dương decision, whose catalogue is text extracted from a PDF table.

The decision body (before the first table header) goes to `corpus.decision`; the table is cut into rows and
page parts by `corpus.pdf_rows` and each row read into its five columns by `corpus.pdf_columns`. This module
turns those cells into `CatalogueEntry` records: the description cell is split at its labels "Mục đích:",
"Phạm vi …:" and "Nội dung:" into purpose, scope and content.
"""

from __future__ import annotations

from corpus import ids
from corpus.decision import parse_decision
from corpus.errors import ParseError
from corpus.pdf_columns import LABEL, Column, assign_columns, word_pairs
from corpus.pdf_rows import Row, first_header, non_blank, split_rows
from corpus.records import CatalogueEntry, ParsedDocument
from corpus.sharing import sharing_modes
from corpus.text import join_wrapped, normalize

_LABEL_KIND = (("Mục đích", "purpose"), ("Phạm vi", "scope"), ("Nội dung", "content"))


def parse(text: str, *, source_file: str) -> ParsedDocument:
    """Parse the Hải Dương decision: its body, its clauses and the 30 rows of its catalogue table.

    Args:
        text: The whole source text.
        source_file: Name of the source file, for errors and the `Document`.

    Returns:
        The document, one `CatalogueEntry` per table row (ids `<document>/<STT>`, no group or sector) and the
        decision's clauses.

    Raises:
        ParseError: The text has no table header, a row cannot be read into its columns, or the decision body
            is malformed; the message names the line.

    >>> from pathlib import Path
    >>> doc = parse(Path("corpus/sources/hai-duong-2022.txt").read_text(encoding="utf-8"),
    ...             source_file="hai-duong-2022.txt")
    >>> entry = doc.entries[0]
    >>> entry.id, entry.agency, entry.name, entry.sharing
    ('hai-duong-2022/1', 'Công an tỉnh', 'Cơ sở dữ liệu về dân cư', 'Chia sẻ dữ liệu mặc định')
    """
    lines = non_blank(text)
    start = first_header(lines)
    if start is None:
        raise ParseError(
            "không tìm thấy tiêu đề bảng danh mục (STT / CƠ QUAN QUẢN / … / HẠNG MỤC DỮ LIỆU)",
            source_file=source_file,
            line=None,
        )
    rows = split_rows(lines[start:], source_file=source_file)
    pairs = word_pairs(text)
    cells = [assign_columns(row, source_file=source_file, pairs=pairs) for row in rows]
    body = parse_decision(text.splitlines()[: lines[start].number - 1], source_file=source_file)
    entries = [_entry(row, cell, body.document_id, source_file) for row, cell in zip(rows, cells, strict=True)]
    return ParsedDocument(document=body.document(), entries=entries, clauses=list(body.clauses))


def _cell(fragments: tuple[str, ...]) -> str | None:
    """A cell's text: wrapped lines joined with one space, list items on lines of their own."""
    return normalize(join_wrapped(list(fragments)))


def split_description(fragments: tuple[str, ...]) -> dict[str, str | None]:
    """Purpose, scope and content of a description cell, labels removed.

    A second "Phạm vi …:" paragraph (e.g. "Phạm vi khai thác, sử dụng dữ liệu: …" after "Phạm vi dữ liệu:
    Toàn tỉnh") is added to the scope with its label kept, since that label says which scope it is.

    >>> split_description(("Mục đích: quản lý thông tin.", "Phạm vi: toàn tỉnh", "Nội dung:", "- Quản lý", "hồ sơ."))
    {'purpose': 'quản lý thông tin.', 'scope': 'toàn tỉnh', 'content': '- Quản lý hồ sơ.'}
    """
    sections: list[tuple[str, str, list[str]]] = []
    for fragment in fragments:
        match = LABEL.match(fragment)
        if match:
            label = match.group(0)[:-1].strip()
            kind = next(k for prefix, k in _LABEL_KIND if label.startswith(prefix))
            rest = fragment[match.end() :].strip()
            sections.append((kind, label, [rest] if rest else []))
        elif sections:
            sections[-1][2].append(fragment)
    found: dict[str, str | None] = {"purpose": None, "scope": None, "content": None}
    for kind, label, section in sections:
        section_text = _cell(tuple(section))
        if section_text is None:
            continue
        previous = found[kind]
        found[kind] = section_text if previous is None else f"{previous}\n{label}: {section_text}"
    return found


def _entry(row: Row, cells: dict[Column, tuple[str, ...]], document_id: str, source_file: str) -> CatalogueEntry:
    agency, name = _cell(cells[Column.AGENCY]), _cell(cells[Column.NAME])
    if agency is None or name is None:
        raise ParseError(
            f"hàng {row.number} thiếu cơ quan quản lý hoặc tên cơ sở dữ liệu",
            source_file=source_file,
            line=row.first_line,
        )
    sharing = _cell(cells[Column.SHARING])
    return CatalogueEntry(
        id=ids.entry_id(document_id, row.number),
        document_id=document_id,
        number=row.number,
        name=name,
        agency=agency,
        **split_description(cells[Column.DESCRIPTION]),
        collection=_cell(cells[Column.COLLECTION]),
        sharing=sharing,
        sharing_modes=sharing_modes(sharing),
        source_lines=(row.first_line, row.last_line),
    )
