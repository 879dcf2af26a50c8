"""The FastAPI application: `create_app(settings)`; its lifespan loads the assistant into `app.state`."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.middleware.cors import CORSMiddleware
from fastapi_offline import FastAPIOffline

from api.deps import ServedAssistant, embedder_id, query_path
from api.errors import install_error_handlers
from api.middleware import AccessLogMiddleware, BodyLimitMiddleware, HeadAsGetMiddleware, SingleValueQueryMiddleware
from api.routes import ask, documents, entries, export, health, pages, search
from api.settings import Settings, get_settings

log = logging.getLogger("csdl_qa.api")

DESCRIPTION = (
    "Hỏi đáp về danh mục cơ sở dữ liệu dùng chung của các tỉnh (Hà Tĩnh, Hải Dương, Quảng Ninh). "
    'Mọi lỗi trả về JSON `{"detail": "…"}` bằng tiếng Việt.'
)


def open_served_assistant(settings: Settings) -> ServedAssistant:
    """Load or build corpus and index, and open the assistant the settings describe."""
    from assistant.runtime import open_assistant

    assistant: ServedAssistant = open_assistant(
        sources_dir=settings.sources_dir,
        data_dir=settings.data_dir,
        embedder=settings.embedder,
        retriever=settings.retriever,
        sessions_db=settings.sessions_db,
        session_ttl_seconds=settings.session_ttl_seconds,
        max_sessions=settings.max_sessions,
        sessions_url=settings.sessions_url,
        query_runtime=settings.query_runtime.value,
        onnx_threads=settings.onnx_threads,
        query_cache_size=settings.query_cache_size,
    )
    # The accent restorer reads general Vietnamese statistics (~0.5 s): at start, not in a user's first request.
    lexical = getattr(assistant.retriever, "bm25", assistant.retriever)
    if hasattr(lexical, "restorer"):
        lexical.restorer()
    return assistant


def create_app(settings: Settings | None = None, *, assistant: ServedAssistant | None = None) -> FastAPI:
    """The service; `assistant` replaces the one the lifespan would open (for a caller that already holds one)."""
    settings = settings or get_settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        served = assistant if assistant is not None else open_served_assistant(settings)
        app.state.assistant = served
        corpus = served.corpus
        sessions = getattr(served, "sessions", None)
        log.info(
            "serving %d documents (%s), %d entries, %d clauses; retriever %s, embedder %s (%s); sessions in %s",
            len(corpus.documents()),
            ", ".join(d.id for d in corpus.documents()),
            len(corpus.entries()),
            len(corpus.clauses()),
            settings.retriever,
            embedder_id(served, settings),
            query_path(served),
            getattr(sessions, "url", None) or "SQLite",
        )
        yield
        if assistant is None and sessions is not None:
            sessions.close()  # ours to close: the lifespan opened it

    # Swagger UI and ReDoc from the fastapi-offline package: intranets have no CDN.
    app = FastAPIOffline(
        title="csdl-qa",
        description=DESCRIPTION,
        version="0.1.0",
        lifespan=lifespan,
    )
    app.state.settings = settings
    install_error_handlers(app)
    for router in (
        ask.router,
        search.router,
        export.router,
        entries.router,
        documents.router,
        health.router,
        pages.router,
    ):
        app.include_router(router)
    pages.mount_static(app)
    app.add_middleware(BodyLimitMiddleware)
    app.add_middleware(SingleValueQueryMiddleware)
    app.add_middleware(HeadAsGetMiddleware)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["Content-Type"],
        )
    # Added last, so it is outermost and also logs the 413s and CORS preflights.
    app.add_middleware(AccessLogMiddleware)
    return app


def create_default_app() -> FastAPI:
    """App factory for `uvicorn --factory` (several workers): settings from the environment."""
    return create_app(get_settings())
