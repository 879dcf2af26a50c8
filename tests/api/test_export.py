"""GET /api/entries.csv and /api/entries.xlsx: the look-up's result set as files, read back."""

from __future__ import annotations

import csv
import io

import openpyxl
from fastapi.testclient import TestClient

from api.export import HEADERS, to_csv, to_xlsx
from api.listing import Listed, Listing
from api.schemas import Facets, SortOrder
from corpus.records import CatalogueEntry, Document


def _csv_rows(content: bytes) -> list[dict[str, str]]:
    assert content.startswith(b"\xef\xbb\xbf")  # the BOM Excel needs to read UTF-8
    return list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))


def _listed_ids(client: TestClient, **params: str) -> list[str]:
    return [e["id"] for e in client.get("/api/entries", params=params).json()["entries"]]


def test_csv_has_the_rows_of_the_listing_in_its_order(client: TestClient) -> None:
    params = {"q": "ho tich", "sort": "agency"}
    r = client.get("/api/entries.csv", params=params)
    assert r.status_code == 200
    assert r.headers["content-type"] == "text/csv; charset=utf-8"
    assert r.headers["content-disposition"].startswith('attachment; filename="danh-muc-csdl-')
    assert [row["Mã"] for row in _csv_rows(r.content)] == _listed_ids(client, **params)


def test_csv_keeps_diacritics_and_gives_the_decision_number_and_date(client: TestClient) -> None:
    rows = _csv_rows(client.get("/api/entries.csv", params={"q": "hộ tịch", "document": "ha-tinh-2022"}).content)
    row = rows[0]
    assert row["Tên cơ sở dữ liệu"] == "CSDL hộ tịch điện tử"
    assert row["Cơ quan quản lý"] == "Sở Tư pháp"
    assert (row["Số quyết định"], row["Ngày quyết định"]) == ("1402/QĐ-UBND", "2022-07-12")
    assert (row["Lĩnh vực dùng để lọc"], row["Nguồn lĩnh vực"]) == ("Tư pháp", "suy ra từ cơ quan quản lý")
    assert row["Lĩnh vực (theo danh mục)"] == ""


def test_csv_has_every_field_of_an_entry(client: TestClient) -> None:
    header = next(csv.reader(io.StringIO(client.get("/api/entries.csv").content.decode("utf-8-sig"))))
    assert header == HEADERS
    for label in ("Mã", "Nhóm", "Tên nhóm", "STT", "Mục đích", "Phạm vi", "Nội dung", "Ghi chú", "Loại chia sẻ"):
        assert label in header
    assert len(_csv_rows(client.get("/api/entries.csv").content)) == 108


def test_csv_cell_starting_with_a_list_dash_is_not_read_as_a_formula(client: TestClient) -> None:
    rows = _csv_rows(client.get("/api/entries.csv", params={"q": "hộ tịch", "document": "ha-tinh-2022"}).content)
    collection = rows[0]["Thu thập, cập nhật, nguồn dữ liệu"]
    assert collection.startswith("'- Thông tin hộ tịch của cá nhân")
    assert "\n- " in collection  # line breaks inside the cell survive the quoting


def test_xlsx_has_the_rows_of_the_listing_with_typed_cells(client: TestClient) -> None:
    params = {"sector": "y tế"}
    r = client.get("/api/entries.xlsx", params=params)
    assert r.status_code == 200
    assert r.headers["content-type"] == "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    book = openpyxl.load_workbook(io.BytesIO(r.content))
    sheet = book["Danh mục CSDL"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == HEADERS
    records = [dict(zip(HEADERS, row, strict=True)) for row in rows[1:]]
    assert [rec["Mã"] for rec in records] == _listed_ids(client, **params)
    first = records[0]
    assert (first["Tỉnh"], first["Cơ quan quản lý"], first["STT"]) == ("Hà Tĩnh", "Sở Y tế", 18)
    assert first["Nguồn lĩnh vực"] == "suy ra từ cơ quan quản lý"
    assert sheet.freeze_panes == "A2"


def test_xlsx_says_which_query_and_filters_made_it(client: TestClient) -> None:
    r = client.get("/api/entries.xlsx", params={"q": "TNMT", "document": "ha-tinh-2022"})
    conditions = dict(openpyxl.load_workbook(io.BytesIO(r.content))["Điều kiện"].iter_rows(min_row=2, values_only=True))
    assert conditions["Từ khóa"] == "TNMT"
    assert conditions["Tỉnh / văn bản"] == "Hà Tĩnh (ha-tinh-2022)"
    assert conditions["Số CSDL"] == "2"


def test_export_with_an_unknown_document_is_a_vietnamese_422(client: TestClient) -> None:
    for path in ("/api/entries.csv", "/api/entries.xlsx"):
        r = client.get(path, params={"document": "ha-noi-2099"})
        assert r.status_code == 422
        assert r.json()["detail"].startswith("Không có văn bản 'ha-noi-2099'")


def _hostile_listing() -> tuple[Listing, dict[str, Document]]:
    document = Document(id="x-2026", province="X", title="Danh mục", source_file="x.txt")
    entry = CatalogueEntry(
        id="x-2026/1", document_id="x-2026", number=1, name="=HYPERLINK(\"http://a\")", agency="@Sở\x0b X",
        purpose="+1", source_lines=(1, 1),
    )  # fmt: skip
    empty = Facets(document=[], agency=[], sector=[], sharing_mode=[])
    return Listing([Listed(entry, "X", 0, entry.agency, None)], empty, SortOrder.RELEVANCE), {"x-2026": document}


def test_formula_like_text_is_text_in_both_files() -> None:
    listing, documents = _hostile_listing()
    row = _csv_rows(to_csv(listing, documents))[0]
    assert (row["Tên cơ sở dữ liệu"], row["Mục đích"]) == ("'=HYPERLINK(\"http://a\")", "'+1")
    sheet = openpyxl.load_workbook(io.BytesIO(to_xlsx(listing, documents, []))).active
    assert sheet is not None
    name = sheet.cell(2, HEADERS.index("Tên cơ sở dữ liệu") + 1)
    assert (name.value, name.data_type) == ('=HYPERLINK("http://a")', "s")
    assert sheet.cell(2, HEADERS.index("Cơ quan quản lý") + 1).value == "@Sở X"  # control character dropped


def test_exports_answer_head_like_get(client: TestClient) -> None:
    for path in ("/api/entries.csv", "/api/entries.xlsx"):
        head = client.head(path, params={"q": "TNMT"})
        assert head.status_code == 200 and head.content == b""
        assert head.headers["content-type"] == client.get(path, params={"q": "TNMT"}).headers["content-type"]
