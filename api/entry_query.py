"""The query parameters of `GET /api/entries` and its exports (`/api/entries.csv`, `/api/entries.xlsx`), read once."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from fastapi import Depends, HTTPException, Query

from api.deps import AssistantDep
from api.errors import unknown_document
from api.listing import EntryFilters, Listing, build_listing
from api.schemas import SortOrder
from corpus.records import SharingMode
from corpus.text import clean_text

MAX_LOOKUP_QUERY_CHARS = 200


@dataclass(frozen=True)
class EntryQuery:
    """What the client asked for: filters, the cleaned query (None when blank) and the order."""

    filters: EntryFilters
    q: str | None
    sort: SortOrder


def entry_query(
    assistant: AssistantDep,
    document: Annotated[str | None, Query(max_length=100, examples=["ha-tinh-2022"])] = None,
    agency: Annotated[str | None, Query(max_length=200, examples=["so tai nguyen"])] = None,
    sector: Annotated[str | None, Query(max_length=200, examples=["y tế"])] = None,
    sharing_mode: Annotated[SharingMode | None, Query()] = None,
    q: Annotated[
        str | None,
        Query(max_length=MAX_LOOKUP_QUERY_CHARS, examples=["ho tich"], description="Từ khóa; xếp theo mức phù hợp"),
    ] = None,
    sort: Annotated[
        SortOrder,
        Query(description="relevance: phù hợp nhất (không có q: theo STT) · stt: theo STT · agency: theo cơ quan"),
    ] = SortOrder.RELEVANCE,
) -> EntryQuery:
    """The parameters, checked: an unknown document is a 422 naming the documents that exist."""
    known = [d.id for d in assistant.corpus.documents()]
    if document and document not in known:
        raise HTTPException(422, unknown_document(document, known))
    text = clean_text(q).strip() if q else ""
    filters = EntryFilters(
        document=document or None,
        agency=clean_text(agency) if agency else None,
        sector=clean_text(sector) if sector else None,
        sharing_mode=sharing_mode.value if sharing_mode else None,
    )
    return EntryQuery(filters, text or None, sort)


EntryQueryDep = Annotated[EntryQuery, Depends(entry_query)]


def run_listing(assistant: AssistantDep, query: EntryQueryDep) -> Listing:
    """The listing the query asks for; 503 when `q` needs an index that is not there."""
    try:
        return build_listing(assistant.corpus, assistant.retriever, query.filters, q=query.q, sort=query.sort)
    except ValueError as exc:
        raise HTTPException(
            503, "Chức năng tìm kiếm chưa sẵn sàng (chưa có chỉ mục); vui lòng thử lại sau."
        ) from exc


ListingDep = Annotated[Listing, Depends(run_listing)]
