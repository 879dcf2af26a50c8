"""GET /api/search: ranked entries and clauses; k and q validated."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


def test_search_ranks_the_land_database_of_ha_tinh_first(client: TestClient) -> None:
    r = client.get("/api/search", params={"q": "CSDL về đất đai Hà Tĩnh", "k": 5})
    assert r.status_code == 200
    first = r.json()["results"][0]
    assert first["id"] == "ha-tinh-2022/29"
    assert first["title"] == "CSDL về đất đai"
    assert first["kind"] == "entry"
    assert "Sở Tài nguyên và Môi trường" in first["snippet"]


def test_search_returns_at_most_k_results(client: TestClient) -> None:
    r = client.get("/api/search", params={"q": "cơ sở dữ liệu", "k": 3})
    assert 1 <= len(r.json()["results"]) <= 3


def test_search_document_filter_keeps_one_document(client: TestClient) -> None:
    r = client.get("/api/search", params={"q": "cơ sở dữ liệu y tế", "document": "hai-duong-2022"})
    ids = [x["document_id"] for x in r.json()["results"]]
    assert ids and set(ids) == {"hai-duong-2022"}


@pytest.mark.parametrize("k", ["-1", "0", "51", "1000000000000000000000", "abc", "2.5"])
def test_search_out_of_range_or_non_integer_k_is_422(client: TestClient, k: str) -> None:
    r = client.get("/api/search", params={"q": "đất đai", "k": k})
    assert r.status_code == 422
    assert r.json()["detail"] == "Số kết quả (k) phải là số nguyên từ 1 đến 50."


@pytest.mark.parametrize("q", ["", "   "])
def test_search_empty_query_is_422(client: TestClient, q: str) -> None:
    r = client.get("/api/search", params={"q": q})
    assert r.status_code == 422
    assert "không được để trống" in r.json()["detail"]


def test_search_missing_query_is_422(client: TestClient) -> None:
    r = client.get("/api/search")
    assert r.status_code == 422
    assert r.json()["detail"] == "Thiếu từ khóa tìm kiếm (q)."


def test_search_unknown_document_is_422(client: TestClient) -> None:
    r = client.get("/api/search", params={"q": "đất đai", "document": "../etc"})
    assert r.status_code == 422
