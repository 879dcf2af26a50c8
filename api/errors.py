"""Every error the API answers, mapped once: a status code and a Vietnamese `detail`, never a 500 for client input."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException

from api.schemas import MAX_QUESTION_CHARS, MAX_SEARCH_K
from assistant.errors import QuestionError, SessionStoreError
from corpus.errors import UnknownIdError

log = logging.getLogger("csdl_qa.api")

# Starlette's English reasons, as a user of the widget should read them.
_STATUS_DETAIL = {
    400: "Yêu cầu không đọc được: nội dung phải là JSON mã hóa UTF-8.",
    404: "Không có địa chỉ này.",
    405: "Địa chỉ này không nhận phương thức {method}.",
    413: "Nội dung yêu cầu quá lớn.",
    415: "Nội dung phải là JSON (Content-Type: application/json).",
}

_FIELD_LABEL = {
    "question": "Câu hỏi",
    "session_id": "Mã cuộc trò chuyện (session_id)",
    "document": "Mã văn bản (document)",
    "q": "Từ khóa tìm kiếm (q)",
    "k": "Số kết quả (k)",
    "sharing_mode": "Hình thức chia sẻ (sharing_mode)",
    "agency": "Cơ quan (agency)",
    "sector": "Lĩnh vực (sector)",
    "from": "Dòng đầu (from)",
    "to": "Dòng cuối (to)",
    "sort": "Cách sắp xếp (sort)",
}


def not_found(record_id: str, kind: str = "record") -> str:
    """The 404 sentence for an id no record (or, with kind "document", no decision) has."""
    what = "văn bản" if kind == "document" else "bản ghi"
    return f"Không tìm thấy {what} có mã '{record_id}'."


def unknown_document(document_id: str, known: Sequence[str]) -> str:
    """The 422 sentence for a document filter that names no document."""
    return f"Không có văn bản '{document_id}'. Các văn bản hiện có: {', '.join(known)}."


def _is_json(request: Request) -> bool:
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    return content_type == "application/json" or content_type.endswith("+json")


def validation_detail(errors: Sequence[Any], request: Request) -> str:
    """One Vietnamese sentence for the first problem of a request that does not validate."""
    if not errors:
        return "Yêu cầu không hợp lệ."
    error = errors[0]
    kind = str(error.get("type", ""))
    loc = [str(part) for part in error.get("loc", ())]
    field = loc[-1] if len(loc) > 1 else ""
    label = _FIELD_LABEL.get(field, f"Trường '{field}'")
    if kind == "json_invalid":
        return "Nội dung yêu cầu không phải JSON hợp lệ."
    if loc[:1] == ["body"] and len(loc) == 1:
        if request.method == "POST" and not _is_json(request):
            return _STATUS_DETAIL[415]
        if kind == "missing":
            return 'Thiếu nội dung yêu cầu, ví dụ {"question": "…"}.'
        return 'Nội dung phải là một đối tượng JSON, ví dụ {"question": "…"}.'
    if kind == "missing":
        return f"Thiếu {label[0].lower()}{label[1:]}."
    if kind == "string_unicode":  # a lone UTF-16 surrogate ("\ud800"), which no text can hold
        return f"{label} chứa ký tự không hợp lệ (một nửa cặp mã UTF-16); hãy gõ hoặc dán lại."
    if field == "question":
        if kind in {"string_too_short", "value_error"}:
            return "Câu hỏi không được để trống."
        if kind == "string_too_long":
            return f"Câu hỏi dài quá {MAX_QUESTION_CHARS} ký tự; hãy hỏi ngắn gọn hơn."
    if field == "k":
        return f"Số kết quả (k) phải là số nguyên từ 1 đến {MAX_SEARCH_K}."
    if field == "sort":
        return "Cách sắp xếp (sort) phải là một trong: relevance (phù hợp nhất), stt (theo STT), agency (theo cơ quan)."
    if field == "sharing_mode":
        return "Hình thức chia sẻ (sharing_mode) phải là một trong: mặc định, đặc thù, mở."
    if kind in {"int_parsing", "int_type", "int_from_float"}:
        return f"{label} phải là một số nguyên."
    if kind in {"string_too_short", "value_error"}:
        return f"{label} không được để trống."
    if kind == "string_too_long":
        return f"{label} quá dài."
    if kind == "string_type":
        return f"{label} phải là một chuỗi văn bản."
    return f"{label} không hợp lệ."


async def _validation_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    return JSONResponse({"detail": validation_detail(exc.errors(), request)}, status_code=422)


async def _http_error(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    detail = exc.detail if isinstance(exc.detail, str) else ""
    # Our own HTTPExceptions already speak Vietnamese; Starlette's carry the English reason phrase.
    status = exc.status_code
    if status in _STATUS_DETAIL and (not detail or detail.isascii()):
        detail = _STATUS_DETAIL[status].format(method=request.method)
        # FastAPI answers 400 to a body it cannot decode (invalid UTF-8): a malformed question, so 422.
        status = 422 if status == 400 else status
    return JSONResponse({"detail": detail or "Yêu cầu không hợp lệ."}, status_code=status, headers=exc.headers)


async def _unknown_id(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, UnknownIdError)
    return JSONResponse({"detail": not_found(exc.record_id, exc.kind)}, status_code=404)


async def _bad_question(request: Request, exc: Exception) -> JSONResponse:
    return JSONResponse({"detail": str(exc) or "Câu hỏi không hợp lệ."}, status_code=422)


async def _store_down(request: Request, exc: Exception) -> JSONResponse:
    log.error("session store unavailable on %s %s: %s", request.method, request.url.path, exc)
    detail = "Kho lưu cuộc trò chuyện tạm thời không truy cập được; vui lòng thử lại sau ít phút."
    return JSONResponse({"detail": detail}, status_code=503, headers={"Retry-After": "5"})


async def _unexpected(request: Request, exc: Exception) -> JSONResponse:
    log.exception("unhandled error on %s %s", request.method, request.url.path)
    return JSONResponse({"detail": "Lỗi máy chủ; vui lòng thử lại sau."}, status_code=500)


def install_error_handlers(app: FastAPI) -> None:
    """Register the handlers: validation → 422, unknown id → 404, bad question → 422, session store down → 503,
    anything else → JSON 500."""
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(UnknownIdError, _unknown_id)
    app.add_exception_handler(QuestionError, _bad_question)
    app.add_exception_handler(SessionStoreError, _store_down)
    app.add_exception_handler(Exception, _unexpected)
