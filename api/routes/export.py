"""`GET /api/entries.csv` and `GET /api/entries.xlsx`: the look-up's current result set as a file."""

from __future__ import annotations

from datetime import date

from fastapi import APIRouter
from fastapi.responses import Response

from api.deps import CorpusDep
from api.entry_query import EntryQueryDep, ListingDep
from api.export import to_csv, to_xlsx
from api.schemas import ErrorBody

router = APIRouter(prefix="/api", tags=["danh mục"])

CSV_TYPE = "text/csv; charset=utf-8"
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _attachment(content: bytes, media_type: str, extension: str) -> Response:
    name = f"danh-muc-csdl-{date.today():%Y%m%d}.{extension}"
    return Response(content, media_type=media_type, headers={"Content-Disposition": f'attachment; filename="{name}"'})


def _conditions(query: EntryQueryDep, corpus: CorpusDep) -> list[tuple[str, str]]:
    provinces = {d.id: f"{d.province} ({d.id})" for d in corpus.documents()}
    f = query.filters
    return [
        ("Từ khóa", query.q or "(không)"),
        ("Tỉnh / văn bản", provinces.get(f.document, f.document) if f.document else "tất cả"),
        ("Cơ quan quản lý", f.agency or "tất cả"),
        ("Lĩnh vực", f.sector or "tất cả"),
        ("Hình thức chia sẻ", f.sharing_mode or "tất cả"),
    ]


@router.get(
    "/entries.csv",
    response_class=Response,
    responses={200: {"content": {CSV_TYPE: {}}}, 422: {"model": ErrorBody}},
    summary="Tải kết quả tra cứu (CSV)",
)
def export_csv(listing: ListingDep, corpus: CorpusDep) -> Response:
    """Các CSDL mà `GET /api/entries` trả về với cùng tham số, theo cùng thứ tự, dạng CSV (UTF-8 có BOM)."""
    documents = {d.id: d for d in corpus.documents()}
    return _attachment(to_csv(listing, documents), CSV_TYPE, "csv")


@router.get(
    "/entries.xlsx",
    response_class=Response,
    responses={200: {"content": {XLSX_TYPE: {}}}, 422: {"model": ErrorBody}},
    summary="Tải kết quả tra cứu (Excel)",
)
def export_xlsx(listing: ListingDep, query: EntryQueryDep, corpus: CorpusDep) -> Response:
    """Các CSDL mà `GET /api/entries` trả về với cùng tham số, theo cùng thứ tự, dạng Excel (XLSX)."""
    documents = {d.id: d for d in corpus.documents()}
    return _attachment(to_xlsx(listing, documents, _conditions(query, corpus)), XLSX_TYPE, "xlsx")
