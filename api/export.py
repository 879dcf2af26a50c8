"""A look-up result set as a spreadsheet: CSV (UTF-8 with BOM) and XLSX (openpyxl), one row per entry.

Columns: every field of a catalogue entry (CONTRACT §2), its province, the decision's number and date, and the
look-up's sector label with where it comes from. Rows keep the order of the listing.

CSV: UTF-8 with a byte-order mark (Excel reads Vietnamese right only with it), RFC 4180 quoting and CRLF. A cell
that starts with = + - @, a tab or a carriage return gets a leading apostrophe, as the OWASP "CSV Injection" page
advises: spreadsheets otherwise read it as a formula — and many cells of these catalogues start with a list
dash ("- Quản lý …"), which Excel would show as #NAME?. XLSX cells are typed strings, kept exactly as written.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable
from datetime import datetime

from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter

from api.listing import Listed, Listing
from api.schemas import SortOrder
from corpus.records import Document
from corpus.sectors import SectorSource

Cell = str | int | None
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
SECTOR_SOURCE_LABEL = {SectorSource.SOURCE: "theo danh mục", SectorSource.DERIVED: "suy ra từ cơ quan quản lý"}
SORT_LABEL = {SortOrder.RELEVANCE: "phù hợp nhất", SortOrder.STT: "theo STT", SortOrder.AGENCY: "theo cơ quan"}


def _sector_source(item: Listed) -> Cell:
    return SECTOR_SOURCE_LABEL[item.sector.source] if item.sector else None


# (header, width in characters, value) — the header row is in Vietnamese for the desk's reports.
COLUMNS: list[tuple[str, int, Callable[[Listed, Document], Cell]]] = [
    ("Mã", 22, lambda i, d: i.entry.id),
    ("Tỉnh", 12, lambda i, d: i.province),
    ("Mã văn bản", 16, lambda i, d: i.entry.document_id),
    ("Số quyết định", 16, lambda i, d: d.number),
    ("Ngày quyết định", 14, lambda i, d: d.date),
    ("Nhóm", 6, lambda i, d: i.entry.group),
    ("Tên nhóm", 24, lambda i, d: i.entry.group_title),
    ("STT", 6, lambda i, d: i.entry.number),
    ("Tên cơ sở dữ liệu", 40, lambda i, d: i.entry.name),
    ("Cơ quan quản lý", 30, lambda i, d: i.entry.agency),
    ("Lĩnh vực (theo danh mục)", 24, lambda i, d: i.entry.sector),
    ("Lĩnh vực dùng để lọc", 22, lambda i, d: i.sector.label if i.sector else None),
    ("Nguồn lĩnh vực", 20, lambda i, d: _sector_source(i)),
    ("Mục đích", 50, lambda i, d: i.entry.purpose),
    ("Phạm vi", 40, lambda i, d: i.entry.scope),
    ("Nội dung", 60, lambda i, d: i.entry.content),
    ("Thu thập, cập nhật, nguồn dữ liệu", 50, lambda i, d: i.entry.collection),
    ("Hình thức chia sẻ", 40, lambda i, d: i.entry.sharing),
    ("Loại chia sẻ", 16, lambda i, d: "; ".join(m.value for m in i.entry.sharing_modes) or None),
    ("Ghi chú", 30, lambda i, d: i.entry.notes),
    ("Dòng đầu trong văn bản nguồn", 10, lambda i, d: i.entry.source_lines[0]),
    ("Dòng cuối trong văn bản nguồn", 10, lambda i, d: i.entry.source_lines[1]),
]
HEADERS = [name for name, _, _ in COLUMNS]


def rows(listing: Listing, documents: dict[str, Document]) -> list[list[Cell]]:
    """The value rows (no header), in the listing's order."""
    return [[value(item, documents[item.entry.document_id]) for _, _, value in COLUMNS] for item in listing.entries]


def _csv_cell(value: Cell) -> str:
    if value is None:
        return ""
    text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text


def to_csv(listing: Listing, documents: dict[str, Document]) -> bytes:
    """The listing as CSV bytes: UTF-8 with BOM, a header row, CRLF line ends."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(HEADERS)
    writer.writerows([_csv_cell(v) for v in row] for row in rows(listing, documents))
    return out.getvalue().encode("utf-8-sig")


def to_xlsx(listing: Listing, documents: dict[str, Document], conditions: list[tuple[str, str]]) -> bytes:
    """The listing as an XLSX workbook: sheet "Danh mục CSDL" (header, frozen, filterable) and sheet "Điều kiện"
    (the query and filters that produced it, the count, the time of export)."""
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Danh mục CSDL"
    sheet.append(HEADERS)
    for row in rows(listing, documents):
        sheet.append([ILLEGAL_CHARACTERS_RE.sub("", v) if isinstance(v, str) else v for v in row])
    wrap = Alignment(wrap_text=True, vertical="top")
    for column, (_, width, _) in enumerate(COLUMNS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
    for cells in sheet.iter_rows(min_row=1):
        for cell in cells:
            if isinstance(cell.value, str):
                cell.data_type = "s"  # text that starts with "=" stays text, never a formula
            cell.alignment = wrap
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "A2"
    sheet.auto_filter.ref = sheet.dimensions
    about = book.create_sheet("Điều kiện")
    about.append(["Điều kiện", "Giá trị"])
    for label, value in [
        *conditions,
        ("Số CSDL", str(len(listing.entries))),
        ("Sắp xếp", SORT_LABEL[listing.sort]),
        ("Xuất lúc", datetime.now().astimezone().isoformat(timespec="seconds")),
    ]:
        about.append([label, ILLEGAL_CHARACTERS_RE.sub("", value)])
        about.cell(about.max_row, 2).data_type = "s"
    about.column_dimensions["A"].width, about.column_dimensions["B"].width = 22, 80
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
