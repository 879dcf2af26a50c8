"""POST /api/ask: answers with citations, sessions, and a Vietnamese 4xx for every bad input."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


def _detail(response: object) -> str:
    detail = response.json()["detail"]  # type: ignore[attr-defined]
    assert isinstance(detail, str)
    return detail


def test_ask_answers_with_the_cited_entry(client: TestClient) -> None:
    r = client.post("/api/ask", json={"question": "Cơ quan nào quản lý CSDL về đất đai của tỉnh Hà Tĩnh?"})
    assert r.status_code == 200
    body = r.json()
    assert body["status"] == "answered"
    assert body["citations"][0]["id"] == "ha-tinh-2022/29"
    assert "Sở Tài nguyên và Môi trường" in body["answer"]
    assert "[1]" in body["answer"]


def test_ask_response_has_exactly_the_contract_fields(client: TestClient) -> None:
    r = client.post("/api/ask", json={"question": "Ai quản lý CSDL hộ tịch điện tử ở Hà Tĩnh?"})
    # `session_restarted` is an addition to the contract (docs/CONTRACT-changes.md): the session id sent was lost.
    assert set(r.json()) == {"status", "answer", "citations", "session_id", "session_restarted"}
    citation_fields = {"id", "kind", "title", "document_id", "document_title", "province", "quote", "score"}
    # `source_lines` is an addition to the contract (docs/CONTRACT-changes.md): where the viewer opens the quote.
    assert all(set(c) == citation_fields | {"source_lines"} for c in r.json()["citations"])


def test_ask_returns_a_session_id_that_continues_the_conversation(client: TestClient) -> None:
    first = client.post("/api/ask", json={"question": "Ai quản lý CSDL hộ tịch điện tử ở Hà Tĩnh?"}).json()
    follow = client.post(
        "/api/ask", json={"question": "Nó được chia sẻ theo hình thức nào?", "session_id": first["session_id"]}
    ).json()
    assert follow["session_id"] == first["session_id"]
    assert follow["citations"][0]["id"] == "ha-tinh-2022/32"


def test_ask_out_of_scope_question_is_not_found(client: TestClient) -> None:
    r = client.post("/api/ask", json={"question": "Giá vé máy bay từ Hà Nội đi Đà Nẵng tháng sau là bao nhiêu?"})
    assert r.status_code == 200
    assert r.json()["status"] == "not_found"


@pytest.mark.parametrize(
    ("payload", "expected"),
    [
        ({"question": ""}, "Câu hỏi không được để trống."),
        ({"question": "   \n\t "}, "Câu hỏi không được để trống."),
        ({}, "Thiếu câu hỏi."),
        ({"question": None}, "Câu hỏi phải là một chuỗi văn bản."),
        ({"question": 42}, "Câu hỏi phải là một chuỗi văn bản."),
        ({"question": ["CSDL đất đai"]}, "Câu hỏi phải là một chuỗi văn bản."),
    ],
    ids=["empty", "whitespace", "missing", "null", "number", "list"],
)
def test_ask_bad_question_is_422_in_vietnamese(client: TestClient, payload: dict[str, object], expected: str) -> None:
    r = client.post("/api/ask", json=payload)
    assert r.status_code == 422
    assert _detail(r) == expected


def test_ask_question_over_1000_characters_is_422(client: TestClient) -> None:
    r = client.post("/api/ask", json={"question": "đất đai " * 130})
    assert r.status_code == 422
    assert "1000 ký tự" in _detail(r)


def test_ask_question_of_exactly_1000_characters_is_accepted(client: TestClient) -> None:
    r = client.post("/api/ask", json={"question": ("CSDL về đất đai Hà Tĩnh " * 50)[:1000]})
    assert r.status_code == 200


def test_ask_huge_body_is_413(client: TestClient) -> None:
    r = client.post("/api/ask", json={"question": "a" * 100_000})
    assert r.status_code == 413
    assert "quá lớn" in _detail(r)


def test_ask_huge_chunked_body_without_length_is_413(client: TestClient) -> None:
    chunks = (b'{"question": "' + b"a" * 8192 for _ in range(4))
    r = client.post("/api/ask", content=chunks, headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_ask_malformed_json_is_422(client: TestClient) -> None:
    r = client.post("/api/ask", content='{"question": "đất đai"'.encode(), headers={"content-type": "application/json"})
    assert r.status_code == 422
    assert _detail(r) == "Nội dung yêu cầu không phải JSON hợp lệ."


def test_ask_json_that_is_not_an_object_is_422(client: TestClient) -> None:
    r = client.post("/api/ask", json=["đất đai"])
    assert r.status_code == 422
    assert "đối tượng JSON" in _detail(r)


def test_ask_wrong_content_type_is_422(client: TestClient) -> None:
    r = client.post("/api/ask", content="Ai quản lý CSDL đất đai?".encode(), headers={"content-type": "text/plain"})
    assert r.status_code == 422
    assert "Content-Type: application/json" in _detail(r)


def test_ask_invalid_utf8_is_422(client: TestClient) -> None:
    r = client.post("/api/ask", content=b'{"question": "\xff\xfe\xc3"}', headers={"content-type": "application/json"})
    assert r.status_code == 422
    assert "UTF-8" in _detail(r)


def test_ask_control_characters_are_422(client: TestClient) -> None:
    r = client.post("/api/ask", json={"question": "đất\x00 đai"})
    assert r.status_code == 422
    assert "ký tự điều khiển" in _detail(r)


def test_ask_unknown_document_is_422_naming_the_known_ones(client: TestClient) -> None:
    r = client.post("/api/ask", json={"question": "CSDL đất đai", "document": "ha-noi-2099"})
    assert r.status_code == 422
    assert "ha-noi-2099" in _detail(r)
    assert "ha-tinh-2022" in _detail(r)


def test_ask_malformed_session_id_is_422(client: TestClient) -> None:
    r = client.post("/api/ask", json={"question": "CSDL đất đai", "session_id": "../../etc/passwd"})
    assert r.status_code == 422
    assert "session_id" in _detail(r)


def test_ask_html_in_question_is_taken_as_text(client: TestClient) -> None:
    r = client.post("/api/ask", json={"question": "<script>alert(1)</script> CSDL về đất đai Hà Tĩnh"})
    assert r.status_code == 200
    assert "<script>" not in r.json()["answer"]


def test_ask_with_get_is_405_in_vietnamese(client: TestClient) -> None:
    r = client.get("/api/ask")
    assert r.status_code == 405
    assert _detail(r) == "Địa chỉ này không nhận phương thức GET."


@pytest.mark.parametrize("question", [":", "?", "…"])
def test_ask_punctuation_only_question_is_not_a_server_error(client: TestClient, question: str) -> None:
    r = client.post("/api/ask", json={"question": question})
    assert r.status_code in {200, 422}


def test_an_unknown_session_id_is_reported_as_restarted(client) -> None:  # type: ignore[no-untyped-def]
    r = client.post("/api/ask", json={"question": "Thế còn Quảng Ninh thì sao?", "session_id": "b" * 32})
    assert r.status_code == 200
    body = r.json()
    assert body["session_restarted"] is True and body["session_id"] != "b" * 32 and body["status"] == "clarify"
