"""`POST /api/ask`: one question of a conversation, answered with numbered citations."""

from __future__ import annotations

import logging

from fastapi import APIRouter, HTTPException

from api.deps import AssistantDep, SettingsDep
from api.errors import unknown_document
from api.schemas import AskRequest, AskResponse, ErrorBody

router = APIRouter(prefix="/api", tags=["hỏi đáp"])
log = logging.getLogger("csdl_qa.api")


@router.post(
    "/ask",
    response_model=AskResponse,
    responses={413: {"model": ErrorBody}, 422: {"model": ErrorBody}, 503: {"model": ErrorBody}},
    summary="Hỏi trợ lý",
)
def ask(body: AskRequest, assistant: AssistantDep, settings: SettingsDep) -> AskResponse:
    """Trả lời một câu hỏi; dùng lại `session_id` để hỏi tiếp ("nó", "cơ quan đó", "còn ở Hải Dương thì sao?")."""
    known = [d.id for d in assistant.corpus.documents()]
    if body.document is not None and body.document not in known:
        raise HTTPException(422, unknown_document(body.document, known))
    if settings.log_questions:
        log.info("question session=%s: %s", body.session_id, body.question)
    answer = assistant.ask(body.question, session_id=body.session_id, document=body.document)
    return AskResponse(
        status=answer.status, answer=answer.text, citations=answer.citations, session_id=answer.session_id,
        session_restarted=answer.session_restarted,
    )
