"""`GET /api/entries` (filters and facet counts) and `GET /api/entries/{id}` (one full record)."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query, Request

from api.deps import CorpusDep
from api.errors import not_found, unknown_document
from api.lookup import EntryFilters, facets, filter_entries, same_agency, summary
from api.schemas import ClauseRecord, EntryList, EntryRecord, ErrorBody
from corpus.ids import is_clause_id, is_entry_id
from corpus.records import SharingMode

router = APIRouter(prefix="/api/entries", tags=["danh mục"])


@router.get("", response_model=EntryList, responses={422: {"model": ErrorBody}}, summary="Lọc các CSDL")
def list_entries(
    corpus: CorpusDep,
    document: Annotated[str | None, Query(max_length=100, examples=["ha-tinh-2022"])] = None,
    agency: Annotated[str | None, Query(max_length=200, examples=["so tai nguyen"])] = None,
    sector: Annotated[str | None, Query(max_length=200, examples=["y tế"])] = None,
    sharing_mode: Annotated[SharingMode | None, Query()] = None,
    q: Annotated[str | None, Query(max_length=200, examples=["hộ tịch"])] = None,
) -> EntryList:
    """Các CSDL thỏa mọi bộ lọc (cơ quan, lĩnh vực, từ khóa: không phân biệt dấu và hoa thường), kèm số đếm."""
    known = [d.id for d in corpus.documents()]
    if document and document not in known:
        raise HTTPException(422, unknown_document(document, known))
    filters = EntryFilters(
        document=document or None,
        agency=agency,
        sector=sector,
        sharing_mode=sharing_mode.value if sharing_mode else None,
        q=q,
    )
    entries = filter_entries(corpus, filters)
    return EntryList(entries=entries, total=len(entries), facets=facets(corpus, filters))


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
        return EntryRecord(**entry.model_dump(), document=document, same_agency=same_agency(corpus, entry))
    if is_clause_id(entry_id):
        clause = corpus.clause(entry_id)
        return ClauseRecord(**clause.model_dump(), document=summary(corpus, corpus.document(clause.document_id)))
    raise HTTPException(404, not_found(entry_id))
