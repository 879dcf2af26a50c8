"""GET /api/documents, /api/documents/{id}, its text by line, and the decision pages /van-ban and /van-ban/{id}."""

from __future__ import annotations

import pytest
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
    assert r.json()["detail"] == "Không tìm thấy văn bản có mã 'ha-noi-2099'."


def test_document_carries_the_source_lines_of_each_fact(client: TestClient) -> None:
    doc = client.get("/api/documents/ha-tinh-2022").json()
    assert doc["fact_lines"]["signer"] == [34, 40]
    assert doc["fact_lines"]["number"] == [46, 46]


def test_document_text_gives_numbered_lines_as_they_stand(client: TestClient) -> None:
    r = client.get("/api/documents/ha-tinh-2022/text", params={"from": 34, "to": 40})
    assert r.status_code == 200
    body = r.json()
    assert (body["from"], body["to"], body["total_lines"], body["source_file"]) == (34, 40, 371, "ha-tinh-2022.txt")
    assert body["lines"][0] == {"number": 34, "text": "\tKT. CHỦ TỊCH "}
    assert [line["text"] for line in body["lines"][1:]] == ["PHÓ CHỦ TỊCH", "", "", "", "", "Lê Ngọc Châu"]


def test_document_text_without_range_is_the_whole_file(client: TestClient) -> None:
    body = client.get("/api/documents/hai-duong-2022/text").json()
    assert body["from"] == 1 and body["to"] == body["total_lines"] == len(body["lines"]) == 2104


def test_document_text_keeps_html_of_the_source_as_text(client: TestClient) -> None:
    lines = client.get("/api/documents/quang-ninh-2026/text").json()["lines"]
    assert any('<ul style="list-style-type: none">' in line["text"] for line in lines)


def test_document_text_of_an_unknown_document_is_404(client: TestClient) -> None:
    r = client.get("/api/documents/ha-noi-2099/text")
    assert r.status_code == 404
    assert r.json()["detail"] == "Không tìm thấy văn bản có mã 'ha-noi-2099'."


@pytest.mark.parametrize(
    ("params", "detail"),
    [
        ({"from": 0}, "Dòng đầu (from) phải từ 1 đến 371 (số dòng của văn bản ha-tinh-2022)."),
        ({"to": 372}, "Dòng cuối (to) phải từ 1 đến 371 (số dòng của văn bản ha-tinh-2022)."),
        ({"from": 40, "to": 34}, "Dòng đầu (from=40) đứng sau dòng cuối (to=34)."),
        ({"from": "ba mươi"}, "Dòng đầu (from) phải là một số nguyên."),
        ({"to": "4.5"}, "Dòng cuối (to) phải là một số nguyên."),
    ],
)
def test_document_text_bad_range_is_422_in_vietnamese(
    client: TestClient, params: dict[str, object], detail: str
) -> None:
    r = client.get("/api/documents/ha-tinh-2022/text", params=params)
    assert r.status_code == 422
    assert r.json()["detail"] == detail


@pytest.mark.parametrize("path", ["/van-ban", "/van-ban/ha-tinh-2022", "/van-ban/quang-ninh-2026"])
def test_decision_pages_are_html(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html") and '<html lang="vi">' in r.text


@pytest.mark.parametrize("document_id", ["ha-noi-2099", "ha-tinh-2022%2F29", "%2E%2E", "<script>"])
def test_source_page_of_an_unknown_document_is_404(client: TestClient, document_id: str) -> None:
    r = client.get(f"/van-ban/{document_id}")
    assert r.status_code == 404
    assert document_id not in r.text


def test_signer_answer_cites_the_document_at_its_signature_lines(client: TestClient) -> None:
    body = client.post("/api/ask", json={"question": "Quyết định danh mục của Hà Tĩnh do ai ký?"}).json()
    first = body["citations"][0]
    assert (first["kind"], first["id"], first["source_lines"]) == ("document", "ha-tinh-2022", [[34, 40]])
    assert first["quote"] == "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Ngọc Châu"
