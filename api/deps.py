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


AssistantDep = Annotated[ServedAssistant, Depends(get_assistant)]
CorpusDep = Annotated[Corpus, Depends(get_corpus)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
