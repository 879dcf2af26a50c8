"""/api/entries counts bodies, not spellings: canonical agency names in the facet, the cell as written on the record."""

from __future__ import annotations

from fastapi.testclient import TestClient


def _agency_facet(client: TestClient, **params: str) -> dict[str, int]:
    facets = client.get("/api/entries", params=params).json()["facets"]
    return {f["value"]: f["count"] for f in facets["agency"]}


def _ids(client: TestClient, **params: str) -> set[str]:
    return {e["id"] for e in client.get("/api/entries", params=params).json()["entries"]}


def test_agency_facet_shows_at_most_24_bodies_by_their_canonical_names(client: TestClient) -> None:
    agencies = _agency_facet(client)
    assert len(agencies) <= 24
    assert agencies["Sở Giao thông vận tải"] == 3 + 2  # "Vận tải" in Hà Tĩnh, "vận tải" in Hải Dương
    assert agencies["Sở Lao động - Thương binh và Xã hội"] == 3 + 1
    assert agencies["Sở Nông nghiệp và Phát triển nông thôn"] == 1 + 1  # "Sở NN&PTNT", "Sở Nông nghiệpvà …"
    assert agencies["Sở Nông nghiệp và Môi trường"] == 11  # B-11's page-broken cell included
    assert not {"Sở Giao thông Vận tải", "Sở NN&PTNT", "Sở Nông ngành và Môi trường"} & set(agencies)


def test_a_cell_naming_three_bodies_counts_for_each_of_them(client: TestClient) -> None:
    agencies = _agency_facet(client, document="quang-ninh-2026")
    assert agencies["Ban Quản lý Khu kinh tế Quảng Ninh"] == 2  # with Sở Xây dựng
    assert agencies["Ủy ban nhân dân các xã, phường, đặc khu"] == 1


def test_agency_filter_by_a_facet_value_keeps_every_spelling_of_the_body(client: TestClient) -> None:
    ids = _ids(client, agency="Sở Giao thông vận tải")
    assert ids == {"ha-tinh-2022/8", "ha-tinh-2022/9", "ha-tinh-2022/10", "hai-duong-2022/25", "hai-duong-2022/26"}
    assert "quang-ninh-2026/B-11" in _ids(client, agency="Sở Nông nghiệp và Môi trường")


def test_agency_filter_takes_a_registry_short_form(client: TestClient) -> None:
    assert _ids(client, agency="STNMT") == {"ha-tinh-2022/29", "ha-tinh-2022/30", "hai-duong-2022/14"}


def test_record_carries_the_cell_as_written_its_body_and_the_repair_evidence(client: TestClient) -> None:
    e = client.get("/api/entries/quang-ninh-2026/B-11").json()
    assert e["agency"] == "Sở Nông ngành và Môi trường"
    assert e["agency_id"] == "so-nong-nghiep-va-moi-truong"
    assert e["agency_name"] == "Sở Nông nghiệp và Môi trường"
    assert "dòng 180" in e["agency_repair"]
    assert "quang-ninh-2026/B-12" in {o["id"] for o in e["same_agency"]}


def test_record_of_an_unrepaired_cell_has_no_repair(client: TestClient) -> None:
    e = client.get("/api/entries/hai-duong-2022/29").json()
    assert e["agency"] == "Sở Nông nghiệpvà Phát triển nông thôn"
    assert e["agency_name"] == "Sở Nông nghiệp và Phát triển nông thôn"
    assert e["agency_repair"] is None
