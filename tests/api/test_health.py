"""GET /healthz: what the service serves."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_healthz_reports_what_is_served(client: TestClient) -> None:
    r = client.get("/healthz")
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "ok"
    assert (body["documents"], body["entries"]) == (3, 108)
    assert body["clauses"] > 0
    assert body["embedder"] == "none"
    assert body["query_cache"] is None  # no embedder, no query cache


def test_openapi_is_served_with_vietnamese_examples(client: TestClient) -> None:
    r = client.get("/openapi.json")
    assert r.status_code == 200
    assert "Cơ quan nào quản lý CSDL về đất đai của tỉnh Hà Tĩnh?" in str(r.json())
    assert set(r.json()["paths"]) >= {
        "/api/ask",
        "/api/search",
        "/api/entries",
        "/api/entries/{entry_id}",
        "/api/documents",
        "/api/documents/{document_id}",
        "/healthz",
    }


def test_unknown_path_is_404_in_vietnamese(client: TestClient) -> None:
    r = client.get("/api/khong-co")
    assert r.status_code == 404
    assert r.json()["detail"] == "Không có địa chỉ này."
