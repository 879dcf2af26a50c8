"""`GET /api/entries` (ranked matches, filters and facet counts) and `GET /api/entries/{id}` (one full record)."""

from __future__ import annotations

from fastapi import APIRouter, HTTPException, Request

from api.deps import CorpusDep
from api.entry_query import ListingDep
from api.errors import not_found
from api.listing import agency_name
from api.lookup import same_agency, summary
from api.schemas import ClauseRecord, EntryList, EntryRecord, ErrorBody
from corpus.ids import is_clause_id, is_entry_id
from corpus.sectors import sector_of

router = APIRouter(prefix="/api/entries", tags=["danh mục"])


@router.get("", response_model=EntryList, responses={422: {"model": ErrorBody}}, summary="Tra cứu các CSDL")
def list_entries(listing: ListingDep) -> EntryList:
    """Các CSDL khớp từ khóa `q` (xếp theo mức phù hợp, như `/api/search`) và mọi bộ lọc (cơ quan, lĩnh vực: không
    phân biệt dấu và hoa thường), kèm số đếm theo tỉnh, cơ quan, lĩnh vực, hình thức chia sẻ trên tập kết quả."""
    entries = [item.model() for item in listing.entries]
    return EntryList(entries=entries, total=len(entries), facets=listing.facets, sort=listing.sort)


@router.get(
    "/{entry_id:path}",
    response_model=EntryRecord | ClauseRecord,
    responses={404: {"model": ErrorBody}},
    summary="Một CSDL hoặc điều khoản",
)
def get_entry(entry_id: str, corpus: CorpusDep, request: Request) -> EntryRecord | ClauseRecord:
    """Toàn bộ trường của một CSDL (`ha-tinh-2022/29`) hoặc điều khoản (`ha-tinh-2022/dieu-2.1.a`) và văn bản gốc."""
    # An encoded slash or "..": not how ids are written; refuse before any look-up.
    raw_path = request.scope.get("raw_path", b"").lower()
    if b"%2f" in raw_path or b"%5c" in raw_path or ".." in entry_id:
        raise HTTPException(404, not_found(entry_id))
    if is_entry_id(entry_id):
        entry = corpus.entry(entry_id)
        document = summary(corpus, corpus.document(entry.document_id))
        sector = sector_of(entry, agency_name(entry))
        return EntryRecord(
            **entry.model_dump(),
            document=document,
            same_agency=same_agency(corpus, entry),
            sector_label=sector.label if sector else None,
            sector_source=sector.source if sector else None,
        )
    if is_clause_id(entry_id):
        clause = corpus.clause(entry_id)
        return ClauseRecord(**clause.model_dump(), document=summary(corpus, corpus.document(clause.document_id)))
    raise HTTPException(404, not_found(entry_id))
