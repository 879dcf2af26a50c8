"""ASGI middleware: one access-log line per request, a bound on the request body, HEAD answered as GET, and
one value per query parameter."""

from __future__ import annotations

import json
import logging
import time
from urllib.parse import parse_qsl

from starlette.types import ASGIApp, Message, Receive, Scope, Send

access_log = logging.getLogger("csdl_qa.access")

# A question is at most 1,000 characters (≤ 4 KB of UTF-8); anything far beyond that is not a question.
MAX_BODY_BYTES = 16 * 1024
_BODYLESS = {"GET", "HEAD", "OPTIONS", "DELETE"}


class AccessLogMiddleware:
    """Logs `METHOD path status latency ms`; the query string (search words) is left out."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500

        async def send_with_status(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = int(message["status"])
            await send(message)

        try:
            await self.app(scope, receive, send_with_status)
        finally:
            elapsed_ms = (time.perf_counter() - started) * 1000
            access_log.info("%s %s %d %.1fms", scope["method"], scope["path"], status, elapsed_ms)


class BodyLimitMiddleware:
    """Answers 413 (Vietnamese detail) to a body larger than `max_bytes`, declared or streamed."""

    def __init__(self, app: ASGIApp, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] in _BODYLESS:
            await self.app(scope, receive, send)
            return
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.max_bytes):
            await _too_large(send, self.max_bytes)
            return
        # Buffer the (small) body so a chunked upload cannot exceed the bound either.
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            if size > self.max_bytes:
                await _too_large(send, self.max_bytes)
                return
            chunks.append(body)
            if not message.get("more_body", False):
                break
        if _nested_too_deep(b"".join(chunks)):
            await _json_error(send, 422, "Nội dung JSON lồng nhau quá sâu; hãy gửi {\"question\": \"…\"}.")
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


def _nested_too_deep(body: bytes) -> bool:
    """Whether the body is JSON nested deeper than the parser can follow (it would raise RecursionError)."""
    if body.count(b"[") + body.count(b"{") < 500:  # far below the parser's recursion limit: nothing to check
        return False
    try:
        json.loads(body)
    except RecursionError:
        return True
    except ValueError:  # not JSON, or not UTF-8: the app's own errors say so
        return False
    return False


async def _too_large(send: Send, max_bytes: int) -> None:
    body = json.dumps(
        {"detail": f"Nội dung yêu cầu quá lớn (tối đa {max_bytes // 1024} KB); câu hỏi tối đa 1000 ký tự."},
        ensure_ascii=False,
    ).encode("utf-8")
    await send(
        {
            "type": "http.response.start",
            "status": 413,
            "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())],
        }
    )
    await send({"type": "http.response.body", "body": body})


async def _json_error(send: Send, status: int, detail: str) -> None:
    body = json.dumps({"detail": detail}, ensure_ascii=False).encode("utf-8")
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})


class HeadAsGetMiddleware:
    """HEAD is answered like GET with the body left out (RFC 9110 §9.3.2): uptime monitors and link checkers."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] != "HEAD":
            await self.app(scope, receive, send)
            return

        async def without_body(message: Message) -> None:
            if message["type"] == "http.response.body":
                message = {**message, "body": b""}
            await send(message)

        await self.app({**scope, "method": "GET"}, receive, without_body)


class SingleValueQueryMiddleware:
    """Every query parameter of this API takes one value: a repeated one is a 422 naming it, never a silent pick."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http" and scope.get("query_string"):
            query = scope["query_string"].decode("latin-1")
            seen: dict[str, int] = {}
            for name, _ in parse_qsl(query, keep_blank_values=True):
                seen[name] = seen.get(name, 0) + 1
            repeated = [name for name, n in seen.items() if n > 1]
            if repeated:
                await _json_error(
                    send, 422, f"Tham số “{repeated[0][:40]}” chỉ nhận một giá trị (được gửi {seen[repeated[0]]} lần)."
                )
                return
        await self.app(scope, receive, send)
