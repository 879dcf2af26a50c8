"""GET /api/documents and GET /api/documents/{id}."""

from __future__ import annotations

from fastapi.testclient import TestClient


def test_documents_lists_the_three_decisions_with_counts(client: TestClient) -> None:
    docs = {d["id"]: d for d in client.get("/api/documents").json()["documents"]}
    assert {k: v["entry_count"] for k, v in docs.items()} == {
        "ha-tinh-2022": 34,
        "hai-duong-2022": 30,
        "quang-ninh-2026": 44,
    }
    assert docs["ha-tinh-2022"]["clause_count"] == 9
    assert docs["ha-tinh-2022"]["number"] == "1402/QĐ-UBND"


def test_document_returns_its_clauses(client: TestClient) -> None:
    r = client.get("/api/documents/quang-ninh-2026")
    assert r.status_code == 200
    doc = r.json()
    assert doc["province"] == "Quảng Ninh"
    assert "2609/QĐ-UBND" in doc["replaces"]
    assert "quang-ninh-2026/dieu-3" in {c["id"] for c in doc["clauses"]}


def test_document_unknown_id_is_404(client: TestClient) -> None:
    r = client.get("/api/documents/ha-noi-2099")
    assert r.status_code == 404
    assert r.json()["detail"] == "Không tìm thấy bản ghi có mã 'ha-noi-2099'."
