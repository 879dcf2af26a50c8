"""`GET /api/documents`, `GET /api/documents/{id}` and `GET /api/documents/{id}/text`: the decisions, their counts
and their source text line by line."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, HTTPException, Query

from api.deps import CorpusDep
from api.lookup import summary
from api.schemas import DocumentDetail, DocumentList, DocumentText, ErrorBody, SourceLine

router = APIRouter(prefix="/api/documents", tags=["văn bản"])


@router.get("", response_model=DocumentList, summary="Các quyết định")
def list_documents(corpus: CorpusDep) -> DocumentList:
    """Các quyết định ban hành danh mục, với số CSDL và số điều khoản."""
    return DocumentList(documents=[summary(corpus, d) for d in corpus.documents()])


@router.get(
    "/{document_id}", response_model=DocumentDetail, responses={404: {"model": ErrorBody}}, summary="Một quyết định"
)
def get_document(document_id: str, corpus: CorpusDep) -> DocumentDetail:
    """Một quyết định (`ha-tinh-2022`), các số đếm và các điều khoản của nó."""
    document = summary(corpus, corpus.document(document_id))
    return DocumentDetail(**document.model_dump(), clauses=corpus.clauses(document=document_id))


@router.get(
    "/{document_id}/text",
    response_model=DocumentText,
    responses={404: {"model": ErrorBody}, 422: {"model": ErrorBody}},
    summary="Văn bản gốc theo dòng",
)
def document_text(
    document_id: str,
    corpus: CorpusDep,
    from_line: Annotated[int | None, Query(alias="from", description="Dòng đầu (từ 1)", examples=[34])] = None,
    to_line: Annotated[int | None, Query(alias="to", description="Dòng cuối (đến số dòng của văn bản)")] = None,
) -> DocumentText:
    """Các dòng `from`–`to` (mặc định: cả văn bản) của tệp nguồn, đúng như trong văn bản, kèm số dòng.

    Dòng đánh số từ 1 như trong trích dẫn (`source_lines`) và trong `/van-ban/{id}#L34-L40`.
    """
    document = corpus.document(document_id)
    lines = corpus.source_lines(document_id)
    total = len(lines)
    first = 1 if from_line is None else from_line
    last = total if to_line is None else to_line
    for label, value in (("Dòng đầu (from)", first), ("Dòng cuối (to)", last)):
        if not 1 <= value <= total:
            raise HTTPException(422, f"{label} phải từ 1 đến {total} (số dòng của văn bản {document_id}).")
    if first > last:
        raise HTTPException(422, f"Dòng đầu (from={first}) đứng sau dòng cuối (to={last}).")
    return DocumentText(
        document_id=document_id,
        source_file=document.source_file,
        total_lines=total,
        from_line=first,
        to_line=last,
        lines=[SourceLine(number=n, text=lines[n - 1]) for n in range(first, last + 1)],
    )
