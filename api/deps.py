"""Dependencies of the routes: the assistant, its corpus and the settings, taken from `app.state`."""

from __future__ import annotations

from typing import Annotated, Protocol

from fastapi import Depends, Request

from api.settings import Settings
from assistant.answer import Answer
from corpus.store import Corpus
from index.retriever import Retriever


class ServedAssistant(Protocol):
    """What the API needs of `assistant.runtime.Assistant`."""

    corpus: Corpus
    retriever: Retriever | None

    def ask(self, question: str, *, session_id: str | None = None, document: str | None = None) -> Answer: ...


def get_assistant(request: Request) -> ServedAssistant:
    """The assistant loaded by the app's lifespan."""
    assistant: ServedAssistant = request.app.state.assistant
    return assistant


def get_corpus(request: Request) -> Corpus:
    """The corpus the assistant answers from."""
    return get_assistant(request).corpus


def get_app_settings(request: Request) -> Settings:
    """The settings the app was created with."""
    settings: Settings = request.app.state.settings
    return settings


def embedder_id(assistant: ServedAssistant, settings: Settings) -> str:
    """The model id of the embedder in use, or 'none' when retrieval is lexical only."""
    for owner in (assistant, assistant.retriever):
        embedder = getattr(owner, "embedder", None)
        model_id = getattr(embedder, "model_id", None)
        if isinstance(model_id, str):
            return model_id
    if settings.retriever == "bm25" or settings.embedder == "none":
        return "none"
    return settings.embedder


def _embedder(assistant: ServedAssistant) -> object | None:
    for owner in (assistant, assistant.retriever, getattr(assistant.retriever, "dense", None)):
        embedder: object | None = getattr(owner, "embedder", None)
        if embedder is not None:
            return embedder
    return None


def query_path(assistant: ServedAssistant) -> str:
    """How queries are embedded, for the start-up log: 'onnx, 1 thread, cache 4096', 'torch', or 'none'."""
    embedder = _embedder(assistant)
    if embedder is None:
        return "none"
    cache = getattr(embedder, "size", None) if hasattr(embedder, "stats") else None
    inner = getattr(embedder, "inner", embedder)
    threads = getattr(inner, "threads", None)
    runtime = f"onnx, {threads} thread(s)" if threads is not None else "torch"
    return runtime + (f", cache {cache}" if cache else ", no cache")


def query_cache_stats(assistant: ServedAssistant) -> dict[str, int] | None:
    """Hits, misses and size of the query-embedding cache, or None without one."""
    stats = getattr(_embedder(assistant), "stats", None)
    return stats() if callable(stats) else None


AssistantDep = Annotated[ServedAssistant, Depends(get_assistant)]
CorpusDep = Annotated[Corpus, Depends(get_corpus)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
