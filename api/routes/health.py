"""`GET /healthz`: what the service serves."""

from __future__ import annotations

from fastapi import APIRouter

from api.deps import AssistantDep, SettingsDep, embedder_id, query_cache_stats
from api.schemas import Health

router = APIRouter(tags=["vận hành"])


@router.get("/healthz", response_model=Health, summary="Tình trạng dịch vụ")
def healthz(assistant: AssistantDep, settings: SettingsDep) -> Health:
    """Số văn bản, CSDL, điều khoản đang phục vụ, mô hình nhúng và bộ nhớ đệm câu hỏi (của tiến trình trả lời)."""
    corpus = assistant.corpus
    return Health(
        documents=len(corpus.documents()),
        entries=len(corpus.entries()),
        clauses=len(corpus.clauses()),
        embedder=embedder_id(assistant, settings),
        query_cache=query_cache_stats(assistant),
    )
