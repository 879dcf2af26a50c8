"""The service with the real multilingual model (hybrid retrieval), built into a tmp data dir."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.settings import Settings

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def hybrid_client(tmp_path_factory: pytest.TempPathFactory) -> Iterator[TestClient]:
    data_dir: Path = tmp_path_factory.mktemp("hybrid")
    settings = Settings(data_dir=data_dir, embedder="multilingual-e5-small", retriever="hybrid")
    with TestClient(create_app(settings)) as c:
        yield c


def test_healthz_names_the_multilingual_model(hybrid_client: TestClient) -> None:
    body = hybrid_client.get("/healthz").json()
    assert "multilingual-e5-small" in body["embedder"]
    assert body["entries"] == 108


def test_question_without_diacritics_is_answered_from_hai_duong(hybrid_client: TestClient) -> None:
    r = hybrid_client.post("/api/ask", json={"question": "co quan nao quan ly co so du lieu ve dan cu o Hai Duong"})
    body = r.json()
    assert body["status"] == "answered"
    assert body["citations"][0]["id"] == "hai-duong-2022/1"
    assert "Công an tỉnh" in body["answer"]


def test_search_with_the_model_ranks_the_land_database_first(hybrid_client: TestClient) -> None:
    results = hybrid_client.get("/api/search", params={"q": "CSDL về đất đai Hà Tĩnh", "k": 5}).json()["results"]
    assert results[0]["id"] == "ha-tinh-2022/29"


@pytest.mark.parametrize(
    ("q", "first"),
    [
        ("ho tich", {"ha-tinh-2022/32", "hai-duong-2022/16"}),
        ("TNMT", {"ha-tinh-2022/29", "ha-tinh-2022/30", "hai-duong-2022/14"}),
        ("GPLX", {"ha-tinh-2022/10", "hai-duong-2022/25"}),
        ("y tế", {"ha-tinh-2022/18", "hai-duong-2022/15"} | {f"quang-ninh-2026/B-{n}" for n in (2, 3, 4)}),
    ],
)
def test_lookup_with_the_model_puts_the_right_records_first(hybrid_client: TestClient, q: str, first: set[str]) -> None:
    ids = [e["id"] for e in hybrid_client.get("/api/entries", params={"q": q}).json()["entries"]]
    assert set(ids[: len(first)]) == first


@pytest.mark.parametrize("q", ["TNMT", "ho tich", "đất đai", "cơ sở dữ liệu quản lý"])
def test_lookup_with_the_model_ranks_in_the_order_of_search(hybrid_client: TestClient, q: str) -> None:
    listed = [e["id"] for e in hybrid_client.get("/api/entries", params={"q": q}).json()["entries"]]
    searched = [r["id"] for r in hybrid_client.get("/api/search", params={"q": q, "k": 50}).json()["results"]]
    firsts = [i for i in searched if i in set(listed)]
    assert firsts and listed[: len(firsts)] == firsts
    assert len(listed) == len(set(listed))


def test_healthz_reports_the_query_cache_of_the_process(hybrid_client: TestClient) -> None:
    hybrid_client.post("/api/ask", json={"question": "Ai quản lý CSDL về đất đai ở Hà Tĩnh?"})
    cache = hybrid_client.get("/healthz").json()["query_cache"]
    assert cache["max_size"] == 4096 and cache["misses"] >= 1 and cache["size"] >= 1
