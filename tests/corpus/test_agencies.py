"""The agency registry on the real documents: every cell resolves, spellings meet, the garbled cell is repaired."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from api.cli import main
from api.settings import get_settings
from corpus.agencies import REGISTRY_FILE, Registry, _RegistryFile, load_registry
from corpus.build import parse_all
from corpus.records import CatalogueEntry
from corpus.validate import registry_problems

pytestmark = pytest.mark.needs_layouts("cells", "pdf", "tsv")


@pytest.fixture(scope="module")
def entries(sources_dir: Path) -> dict[str, CatalogueEntry]:
    return {e.id: e for p in parse_all(sources_dir) for e in p.entries}


def test_every_agency_cell_of_the_corpus_maps_to_a_registry_body(entries: dict[str, CatalogueEntry]) -> None:
    unresolved = [(e.id, e.agency) for e in entries.values() if e.agency_id is None]
    assert unresolved == []
    registry = load_registry()
    assert all(e.agency_name == registry.body(e.agency_id).name for e in entries.values() if len(e.agency_ids) == 1)


def test_twenty_eight_spellings_are_at_most_twenty_four_bodies(entries: dict[str, CatalogueEntry]) -> None:
    assert len({e.agency for e in entries.values()}) == 28
    bodies = {b for e in entries.values() for b in e.agency_ids}
    assert len(bodies) <= 24


@pytest.mark.parametrize(
    ("first", "second", "body"),
    [
        ("ha-tinh-2022/8", "hai-duong-2022/25", "so-giao-thong-van-tai"),  # "Vận tải" / "vận tải"
        ("ha-tinh-2022/26", "hai-duong-2022/27", "so-lao-dong-thuong-binh-va-xa-hoi"),  # "-Thương" / ", Thương Binh"
        ("ha-tinh-2022/12", "hai-duong-2022/29", "so-nong-nghiep-va-phat-trien-nong-thon"),  # "NN&PTNT" / "nghiệpvà"
    ],
)
def test_spellings_of_one_body_get_one_agency_id(
    entries: dict[str, CatalogueEntry], first: str, second: str, body: str
) -> None:
    assert entries[first].agency != entries[second].agency
    assert entries[first].agency_id == entries[second].agency_id == body


def test_the_page_broken_cell_of_b11_is_repaired_with_its_evidence(entries: dict[str, CatalogueEntry]) -> None:
    b11 = entries["quang-ninh-2026/B-11"]
    assert b11.agency == "Sở Nông ngành và Môi trường"  # kept as written
    assert b11.agency_name == "Sở Nông nghiệp và Môi trường"
    assert b11.agency_id == entries["quang-ninh-2026/B-12"].agency_id
    assert b11.agency_repair is not None and "B-VI" in b11.agency_repair
    assert entries["quang-ninh-2026/B-12"].agency_repair is None


def test_a_cell_naming_three_bodies_keeps_all_three_with_the_lead_first(entries: dict[str, CatalogueEntry]) -> None:
    a18 = entries["quang-ninh-2026/A-18"]
    assert a18.agency_ids == ["so-xay-dung", "ubnd-cap-xa", "ban-quan-ly-khu-kinh-te-quang-ninh"]
    assert a18.agency_id == "so-xay-dung"
    assert a18.agency_name == "Sở Xây dựng, Ủy ban nhân dân các xã, phường, đặc khu, Ban Quản lý Khu kinh tế Quảng Ninh"


def test_a_known_spelling_followed_by_the_documents_province_is_that_body() -> None:
    registry = load_registry()
    assert registry.resolve("Sở Y tế tỉnh Hà Tĩnh", province="Hà Tĩnh").ids == ("so-y-te",)
    assert registry.resolve("Thanh tra tỉnh Hà Tĩnh", province="Hà Tĩnh").ids == ("thanh-tra-tinh",)
    assert registry.resolve("Sở Y tế tỉnh Hà Tĩnh", province="Quảng Ninh") is None


def test_the_repair_applies_to_its_own_entry_only() -> None:
    registry = load_registry()
    assert registry.resolve("Sở Nông ngành và Môi trường", entry_id="quang-ninh-2026/B-11") is not None
    assert registry.resolve("Sở Nông ngành và Môi trường", entry_id="quang-ninh-2026/B-12") is None


def test_registry_and_succession_data_agree_with_the_sources(sources_dir: Path) -> None:
    assert registry_problems(parse_all(sources_dir)) == []


def test_a_spelling_quoting_a_record_that_reads_otherwise_is_reported(entries: dict[str, CatalogueEntry]) -> None:
    raw = json.loads(REGISTRY_FILE.read_text(encoding="utf-8"))
    raw.pop("_about")
    raw["bodies"][0]["spellings"].append({"text": "Sở Nội Vụ tỉnh", "where": "ha-tinh-2022/29"})
    registry = Registry(_RegistryFile.model_validate(raw))
    provinces = {"ha-tinh-2022": "Hà Tĩnh", "hai-duong-2022": "Hải Dương", "quang-ninh-2026": "Quảng Ninh"}
    assert registry.evidence_problems(entries, provinces) == [
        "agencies.json ha-tinh-2022/29 agency: the cell reads «Sở Tài nguyên và Môi trường», not «Sở Nội Vụ tỉnh»"
    ]


def test_validate_names_an_agency_cell_the_registry_does_not_know(
    tmp_path: Path, sources_dir: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from corpus.manifest import manifest_json, read_manifest, sha256_file

    folder = tmp_path / "sources"
    folder.mkdir()
    text = (sources_dir / "ha-tinh-2022.txt").read_text(encoding="utf-8")
    assert "\tThanh tra tỉnh\n" in text
    (folder / "ha-tinh-2022.txt").write_text(text.replace("\tThanh tra tỉnh\n", "\tBan Thanh tra Nhân dân\n"))
    manifest = read_manifest(sources_dir)
    manifest.documents = [d for d in manifest.documents if d.id == "ha-tinh-2022"]
    manifest.documents[0].sha256 = sha256_file(folder / "ha-tinh-2022.txt")
    (folder / "manifest.json").write_text(manifest_json(manifest), encoding="utf-8")
    monkeypatch.setenv("CSDL_QA_SOURCES_DIR", str(folder))
    monkeypatch.setenv("CSDL_QA_DATA_DIR", str(tmp_path / "var"))
    get_settings.cache_clear()
    assert main(["corpus", "validate"]) == 1
    err = capsys.readouterr().err
    expected = "ha-tinh-2022/34 agency: not in the agency registry (agencies.json): 'Ban Thanh tra Nhân dân'"
    assert expected in err
