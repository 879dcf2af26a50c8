"""GET /api/entries?q= ranks like /api/search (abbreviations, unaccented input, bigrams); facets over the result set;
order by relevance, STT or agency; sectors of catalogues without a sector column."""

from __future__ import annotations

from typing import Any

import pytest
from fastapi.testclient import TestClient

CONTRACT_FIELDS = {
    "id", "document_id", "group", "group_title", "sector", "number", "name", "agency", "purpose", "scope", "content",
    "collection", "sharing", "sharing_modes", "notes", "source_lines",
}  # fmt: skip
HEALTH_RECORDS = {
    "ha-tinh-2022/18", "hai-duong-2022/15", "quang-ninh-2026/B-2", "quang-ninh-2026/B-3", "quang-ninh-2026/B-4"
}  # fmt: skip


def _list(client: TestClient, **params: str) -> dict[str, Any]:
    r = client.get("/api/entries", params=params)
    assert r.status_code == 200, r.text
    body: dict[str, Any] = r.json()
    return body


def _ids(client: TestClient, **params: str) -> list[str]:
    return [e["id"] for e in _list(client, **params)["entries"]]


@pytest.mark.parametrize(
    ("q", "first"),
    [
        ("ho tich", {"ha-tinh-2022/32", "hai-duong-2022/16"}),
        ("TNMT", {"ha-tinh-2022/29", "ha-tinh-2022/30", "hai-duong-2022/14"}),
        ("GPLX", {"ha-tinh-2022/10", "hai-duong-2022/25"}),
        ("y tế", HEALTH_RECORDS),
    ],
)
def test_desk_searches_put_the_right_records_first(client: TestClient, q: str, first: set[str]) -> None:
    assert set(_ids(client, q=q)[: len(first)]) == first


def test_y_te_puts_no_kinh_te_record_above_the_health_records(client: TestClient) -> None:
    entries = _list(client, q="y tế")["entries"]
    last_health = max(i for i, e in enumerate(entries) if e["id"] in HEALTH_RECORDS)
    above = [e for e in entries[:last_health] if e["id"] not in HEALTH_RECORDS]
    assert above == []
    assert "ha-tinh-2022/1" not in [e["id"] for e in entries[:5]]  # "CSDL về quản lý thông tin kinh tế xã hội"


def test_abbreviation_finds_the_long_form_and_nothing_else(client: TestClient) -> None:
    ids = _ids(client, q="GPLX")
    assert ids == ["ha-tinh-2022/10", "hai-duong-2022/25"]


def test_query_typed_with_diacritics_matches_them_and_without_matches_every_spelling(client: TestClient) -> None:
    accented = _ids(client, q="hộ tịch")
    plain = _ids(client, q="ho tich")
    assert accented[:2] == plain[:2]
    assert set(accented) < set(plain)  # "ho tich" also reaches "hồ sơ … tích hợp"


def test_results_order_is_the_order_of_api_search(client: TestClient) -> None:
    listed = _ids(client, q="đất đai")
    searched = [r["id"] for r in client.get("/api/search", params={"q": "đất đai", "k": 50}).json()["results"]]
    searched_entries = [i for i in searched if i in set(listed)]
    assert listed[: len(searched_entries)] == searched_entries


def test_scores_are_given_with_q_and_fall_down_the_list(client: TestClient) -> None:
    scores = [e["score"] for e in _list(client, q="ho tich")["entries"]]
    assert scores == sorted(scores, reverse=True)
    assert all(e["score"] is None for e in _list(client)["entries"])


def test_a_word_the_record_does_not_use_does_not_empty_a_long_query(client: TestClient) -> None:
    assert "quang-ninh-2026/B-8" in _ids(client, q="cơ sở dữ liệu về đất đai")  # its name is "CSDL Đất đai"


def test_query_without_any_word_lists_nothing(client: TestClient) -> None:
    assert _list(client, q="???")["total"] == 0


def test_blank_query_lists_every_entry_in_source_order(client: TestClient) -> None:
    assert _ids(client, q="   ") == _ids(client)
    assert _ids(client)[:2] == ["ha-tinh-2022/1", "ha-tinh-2022/2"]


def test_facets_count_the_ranked_result_set(client: TestClient) -> None:
    body = _list(client, q="y tế")
    assert sum(f["count"] for f in body["facets"]["document"]) == body["total"]
    agencies = {f["value"]: f["count"] for f in body["facets"]["agency"]}
    assert agencies["Sở Y tế"] == 5
    assert "Sở Kế hoạch và Đầu tư" not in agencies


def test_facets_keep_counting_other_values_of_the_chosen_facet(client: TestClient) -> None:
    body = _list(client, q="TNMT", document="ha-tinh-2022")
    assert body["total"] == 2
    assert {f["value"]: f["count"] for f in body["facets"]["document"]} == {"ha-tinh-2022": 2, "hai-duong-2022": 1,
                                                                            "quang-ninh-2026": 2}  # fmt: skip


def test_sort_by_stt_keeps_the_set_in_source_order(client: TestClient) -> None:
    ranked = _ids(client, q="y tế")
    by_stt = _ids(client, q="y tế", sort="stt")
    assert set(by_stt) == set(ranked) and by_stt != ranked
    every = _ids(client)
    assert by_stt == [i for i in every if i in set(by_stt)]


def test_sort_by_agency_groups_each_agency(client: TestClient) -> None:
    body = _list(client, q="y tế", sort="agency")
    assert body["sort"] == "agency"
    agencies = [e["agency"] for e in body["entries"]]
    assert agencies.index("Sở Y tế") == len(agencies) - 5
    assert agencies[0] == "Bảo hiểm xã hội tỉnh"


def test_unknown_sort_is_422_naming_the_choices(client: TestClient) -> None:
    r = client.get("/api/entries", params={"sort": "random"})
    assert r.status_code == 422
    assert "relevance" in r.json()["detail"] and "stt" in r.json()["detail"]


def test_entries_keep_every_contract_field_and_add_province_sector_and_score(client: TestClient) -> None:
    entry = _list(client, q="ho tich")["entries"][0]
    assert CONTRACT_FIELDS <= set(entry)
    assert entry["province"] == "Hà Tĩnh"
    assert {"sector_label", "sector_source", "score"} <= set(entry)


def test_sector_filter_finds_health_databases_of_catalogues_without_a_sector_column(client: TestClient) -> None:
    entries = _list(client, sector="Y TẾ")["entries"]
    assert {e["id"] for e in entries} == HEALTH_RECORDS
    sources = {e["id"]: e["sector_source"] for e in entries}
    assert sources["ha-tinh-2022/18"] == sources["hai-duong-2022/15"] == "derived"
    assert sources["quang-ninh-2026/B-2"] == "source"
    assert all(e["sector"] is None for e in entries if e["sector_source"] == "derived")  # the source field stays null


def test_sector_filter_with_the_heading_word_reads_the_same(client: TestClient) -> None:
    assert set(_ids(client, sector="lĩnh vực y tế")) == HEALTH_RECORDS


def test_sector_facet_says_how_many_are_derived_and_how_many_have_none(client: TestClient) -> None:
    facets = _list(client)["facets"]
    health = next(f for f in facets["sector"] if f["value"] == "Y tế")
    assert (health["count"], health["derived"]) == (5, 2)
    assert facets["sector_missing"] == 11  # Văn phòng UBND, Công an, BHXH, "Các Sở, Ban, Ngành …"


def test_documents_say_which_catalogues_have_a_sector_column(client: TestClient) -> None:
    docs = {d["id"]: d["sector_column"] for d in client.get("/api/documents").json()["documents"]}
    assert docs == {"ha-tinh-2022": False, "hai-duong-2022": False, "quang-ninh-2026": True}


def test_one_entry_carries_its_derived_sector(client: TestClient) -> None:
    e = client.get("/api/entries/ha-tinh-2022/18").json()
    assert (e["sector"], e["sector_label"], e["sector_source"]) == (None, "Y tế", "derived")
