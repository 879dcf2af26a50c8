"""Fixtures of the API tests: one app per test session, served through TestClient so the lifespan runs."""

from __future__ import annotations

import uuid
from collections.abc import Iterator

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.lookup import folded
from api.settings import REPO_ROOT, Settings
from assistant.answer import Answer, AnswerStatus, Citation
from assistant.errors import check_question
from corpus.store import Corpus
from index.retriever import Hit

SOURCES = REPO_ROOT / "corpus" / "sources"


# TEST DOUBLE (temporary, until assistant.runtime and the Hải Dương parser land): the two parsed documents.
def _stand_in_corpus() -> Corpus:
    from corpus import parse_ha_tinh, parse_tsv

    return Corpus(
        [
            parse_ha_tinh.parse((SOURCES / "ha-tinh-2022.txt").read_text("utf-8"), source_file="ha-tinh-2022.txt"),
            parse_tsv.parse((SOURCES / "quang-ninh-2026.txt").read_text("utf-8"), source_file="quang-ninh-2026.txt"),
        ]
    )


class _StandInRetriever:
    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus

    def search(self, query: str, k: int = 10, *, document: str | None = None) -> list[Hit]:
        words = set(folded(query).split())
        hits = []
        for e in self.corpus.entries(document=document):
            score = len(words & set(folded(f"{e.name} {e.agency} {e.purpose}").split()))
            if score:
                hits.append(Hit(e.id, "entry", float(score)))
        return sorted(hits, key=lambda h: -h.score)[:k]


class StandInAssistant:
    """TEST DOUBLE with the interface of assistant.runtime.Assistant."""

    def __init__(self) -> None:
        self.corpus = _stand_in_corpus()
        self.retriever = _StandInRetriever(self.corpus)

    def ask(self, question: str, *, session_id: str | None = None, document: str | None = None) -> Answer:
        question = check_question(question)
        sid = session_id or uuid.uuid4().hex
        hits = self.retriever.search(question, 3, document=document)
        if not hits:
            return Answer(status=AnswerStatus.NOT_FOUND, text="Không tìm thấy trong danh mục.", session_id=sid)
        e = self.corpus.entry(hits[0].id)
        cite = Citation(
            id=e.id,
            kind="entry",
            title=e.name,
            document_id=e.document_id,
            document_title="Danh mục CSDL dùng chung tỉnh Hà Tĩnh",
            province="Hà Tĩnh",
            quote=e.agency,
            score=hits[0].score,
        )
        return Answer(
            status=AnswerStatus.ANSWERED, text=f"{e.name} do {e.agency} quản lý [1].", citations=[cite], session_id=sid
        )


@pytest.fixture(scope="session")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    data_dir = tmp_path_factory.mktemp("data")
    return Settings(data_dir=data_dir, embedder="none", retriever="bm25")


@pytest.fixture(scope="session")
def client(settings: Settings) -> Iterator[TestClient]:
    with TestClient(create_app(settings, assistant=StandInAssistant())) as c:
        yield c
