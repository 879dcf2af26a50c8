"""GET /api/entries (filters, facets) and GET /api/entries/{id} (one full record)."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient


def _ids(client: TestClient, **params: str) -> list[str]:
    r = client.get("/api/entries", params=params)
    assert r.status_code == 200
    body = r.json()
    assert body["total"] == len(body["entries"])
    return [e["id"] for e in body["entries"]]


def test_entries_without_filters_lists_every_entry_of_every_document(client: TestClient) -> None:
    ids = _ids(client)
    assert len(ids) == 34 + 30 + 44
    assert {"ha-tinh-2022/29", "hai-duong-2022/14", "quang-ninh-2026/A-29", "quang-ninh-2026/B-8"} <= set(ids)


def test_entries_document_filter_keeps_that_document(client: TestClient) -> None:
    ids = _ids(client, document="quang-ninh-2026")
    assert len(ids) == 44
    assert all(i.startswith("quang-ninh-2026/") for i in ids)


def test_entries_agency_matches_without_accents_or_case(client: TestClient) -> None:
    assert _ids(client, agency="SO TU PHAP", document="ha-tinh-2022") == _ids(
        client, agency="Sở Tư pháp", document="ha-tinh-2022"
    )
    assert "ha-tinh-2022/32" in _ids(client, agency="so tu phap")


def test_entries_sector_filter_matches_the_heading(client: TestClient) -> None:
    ids = _ids(client, sector="lĩnh vực y tế", document="quang-ninh-2026")
    assert len(ids) == 3


def test_entries_sharing_mode_filter_keeps_entries_with_that_mode(client: TestClient) -> None:
    r = client.get("/api/entries", params={"sharing_mode": "mở"})
    assert r.json()["total"] >= 1
    assert all("mở" in e["sharing_modes"] for e in r.json()["entries"])


def test_entries_q_searches_names_without_accents(client: TestClient) -> None:
    assert "ha-tinh-2022/32" in _ids(client, q="ho tich dien tu")


def test_entries_filters_combine(client: TestClient) -> None:
    ids = _ids(client, document="quang-ninh-2026", agency="nong nghiep va moi truong", q="đất đai")
    assert "quang-ninh-2026/B-8" in ids
    assert all(i.startswith("quang-ninh-2026/") for i in ids)
    assert "ha-tinh-2022/29" not in ids


def test_entries_filter_matching_nothing_is_an_empty_list(client: TestClient) -> None:
    assert _ids(client, q="tàu vũ trụ sao hỏa") == []


def test_entries_facets_count_documents_under_the_other_filters(client: TestClient) -> None:
    facets = client.get("/api/entries", params={"document": "ha-tinh-2022"}).json()["facets"]
    counts = {f["value"]: f["count"] for f in facets["document"]}
    assert counts == {"ha-tinh-2022": 34, "hai-duong-2022": 30, "quang-ninh-2026": 44}
    assert {f["label"] for f in facets["document"]} == {"Hà Tĩnh", "Hải Dương", "Quảng Ninh"}
    agencies = {f["value"]: f["count"] for f in facets["agency"]}
    assert agencies["Sở Kế hoạch và Đầu tư"] == 5


def test_entries_unknown_sharing_mode_is_422(client: TestClient) -> None:
    r = client.get("/api/entries", params={"sharing_mode": "bí mật"})
    assert r.status_code == 422
    assert r.json()["detail"] == "Hình thức chia sẻ (sharing_mode) phải là một trong: mặc định, đặc thù, mở."


def test_entries_unknown_document_filter_is_422(client: TestClient) -> None:
    r = client.get("/api/entries", params={"document": "ha-noi-2099"})
    assert r.status_code == 422
    assert "ha-noi-2099" in r.json()["detail"]


def test_entry_returns_every_field_of_the_record(client: TestClient) -> None:
    r = client.get("/api/entries/ha-tinh-2022/29")
    assert r.status_code == 200
    e = r.json()
    assert e["kind"] == "entry"
    assert e["name"] == "CSDL về đất đai"
    assert e["agency"] == "Sở Tài nguyên và Môi trường"
    assert e["purpose"] == "phục vụ quản lý về sử dụng đất trên địa bàn tỉnh."
    assert "yêu cầu đặc thù" in e["sharing"]
    assert e["sharing_modes"] == ["đặc thù"]
    assert e["document"]["number"] == "1402/QĐ-UBND"
    assert e["document"]["province"] == "Hà Tĩnh"


def test_entry_with_group_id_is_found(client: TestClient) -> None:
    e = client.get("/api/entries/quang-ninh-2026/A-29").json()
    assert e["name"] == "CSDL khoáng sản"
    assert e["group"] == "A"


def test_entry_lists_the_other_databases_of_its_agency(client: TestClient) -> None:
    e = client.get("/api/entries/ha-tinh-2022/31").json()
    others = {o["id"]: o["name"] for o in e["same_agency"]}
    assert others.get("ha-tinh-2022/32") == "CSDL hộ tịch điện tử"
    assert "ha-tinh-2022/31" not in others


def test_entry_endpoint_also_returns_a_clause(client: TestClient) -> None:
    r = client.get("/api/entries/ha-tinh-2022/dieu-3")
    assert r.status_code == 200
    c = r.json()
    assert c["kind"] == "clause"
    assert "Quyết định này có hiệu lực kể từ ngày ban hành." in c["text"]
    assert c["document"]["id"] == "ha-tinh-2022"


@pytest.mark.parametrize(
    "path",
    [
        "/api/entries/ha-tinh-2022/999",
        "/api/entries/ha-tinh-2022/dieu-99",
        "/api/entries/ha-noi-2099/1",
        "/api/entries/ha-tinh-2022",
        "/api/entries/ha-tinh-2022/%2E%2E/29",
        "/api/entries/ha-tinh-2022%2F29",
        "/api/entries/ha-tinh-2022%2f29",
        "/api/entries/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/api/entries/ha-tinh-2022/29%00",
        "/api/entries/<script>",
    ],
)
def test_entry_unknown_or_malformed_id_is_404(client: TestClient, path: str) -> None:
    r = client.get(path)
    assert r.status_code == 404
    assert r.json()["detail"].startswith("Không tìm thấy")
