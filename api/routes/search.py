"""`GET /api/search`: ranked entries and clauses for a query."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from api.deps import AssistantDep
from api.errors import unknown_document
from api.lookup import record_title, snippet
from api.schemas import MAX_QUESTION_CHARS, MAX_SEARCH_K, ErrorBody, SearchResponse, SearchResult
from corpus.text import clean_text

router = APIRouter(prefix="/api", tags=["tìm kiếm"])


@router.get("/search", response_model=SearchResponse, responses={422: {"model": ErrorBody}}, summary="Tìm kiếm")
def search(
    assistant: AssistantDep,
    q: Annotated[str, Query(min_length=1, max_length=MAX_QUESTION_CHARS, examples=["đất đai Hà Tĩnh"])],
    k: Annotated[int, Query(ge=1, le=MAX_SEARCH_K, description=f"Số kết quả, 1–{MAX_SEARCH_K}")] = 10,
    document: Annotated[str | None, Query(max_length=100, examples=["ha-tinh-2022"])] = None,
) -> SearchResponse:
    """Các CSDL và điều khoản phù hợp nhất với từ khóa, xếp theo điểm."""
    q = clean_text(q)
    if not q.strip():
        raise HTTPException(422, "Từ khóa tìm kiếm (q) không được để trống.")
    known = [d.id for d in assistant.corpus.documents()]
    if document is not None and document not in known:
        raise HTTPException(422, unknown_document(document, known))
    if assistant.retriever is None:
        raise HTTPException(503, "Chức năng tìm kiếm chưa sẵn sàng (chưa có chỉ mục); vui lòng thử lại sau.")
    corpus = assistant.corpus
    results = []
    for hit in assistant.retriever.search(q, k, document=document):
        record = corpus.entry(hit.id) if hit.kind == "entry" else corpus.clause(hit.id)
        results.append(
            SearchResult(
                id=hit.id,
                kind=hit.kind,
                title=record_title(record),
                document_id=record.document_id,
                score=hit.score,
                snippet=snippet(record),
            )
        )
    return SearchResponse(results=results)
