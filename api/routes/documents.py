"""`GET /api/documents` and `GET /api/documents/{id}`: the decisions and their counts."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import CorpusDep
from api.lookup import summary
from api.schemas import DocumentDetail, DocumentList, ErrorBody

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
