"""corpus.sectors: an entry's sector from its catalogue's heading, or derived from its agency by sectors.json."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from corpus.build import load_or_build
from corpus.records import CatalogueEntry
from corpus.sectors import SECTORS_FILE, SectorSource, heading_label, match_key, sector_of, sector_table
from corpus.store import Corpus


@pytest.fixture(scope="module")
def corpus(sources_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    return load_or_build(sources_dir, tmp_path_factory.mktemp("corpus"))


def _entry(agency: str, sector: str | None = None) -> CatalogueEntry:
    return CatalogueEntry(
        id="x-2022/1", document_id="x-2022", number=1, name="CSDL", agency=agency, sector=sector, source_lines=(1, 1)
    )


def test_heading_gives_the_sector_as_source(corpus: Corpus) -> None:
    sector = sector_of(corpus.entry("quang-ninh-2026/B-2"))
    assert sector is not None
    assert (sector.label, sector.source) == ("Y tế", SectorSource.SOURCE)


def test_health_department_gives_the_health_sector_as_derived(corpus: Corpus) -> None:
    for entry_id in ("ha-tinh-2022/18", "hai-duong-2022/15"):
        sector = sector_of(corpus.entry(entry_id))
        assert sector is not None
        assert (sector.label, sector.source) == ("Y tế", SectorSource.DERIVED)


def test_agency_spellings_of_the_sources_meet_one_label() -> None:
    spellings = ("Sở Lao động -Thương binh và Xã hội", "Sở Lao động, Thương Binh và Xã hội")
    labels = {sector_of(_entry(a)) for a in spellings}
    assert len(labels) == 1
    nn = sector_of(_entry("Sở Nông nghiệpvà Phát triển nông thôn"))
    assert nn is not None and nn == sector_of(_entry("Sở NN&PTNT"))


def test_sector_is_the_agencys_at_the_date_of_the_decision(corpus: Corpus) -> None:
    sector = sector_of(corpus.entry("ha-tinh-2022/29"))
    assert sector is not None and sector.label == "Tài nguyên và Môi trường"


def test_agency_that_manages_no_one_sector_gives_none(corpus: Corpus) -> None:
    assert sector_of(corpus.entry("ha-tinh-2022/19")) is None  # Văn phòng UBND tỉnh
    assert sector_of(corpus.entry("hai-duong-2022/1")) is None  # Công an tỉnh


def test_every_bundled_entry_has_a_sector_or_its_agency_is_listed_as_unassigned(corpus: Corpus) -> None:
    undecided = [
        (e.id, e.agency)
        for e in corpus.entries()
        if sector_of(e) is None and match_key(e.agency) not in sector_table().unassigned
    ]
    assert undecided == []


def test_every_heading_of_the_bundled_catalogues_is_in_the_table(corpus: Corpus) -> None:
    headings = {e.sector for e in corpus.entries() if e.sector}
    assert headings and all(match_key(h) in sector_table().by_heading for h in headings)


def test_unknown_heading_reads_in_sentence_case_without_the_heading_word() -> None:
    assert heading_label("LĨNH VỰC TƯ PHÁP") == "Tư pháp"


def test_table_gives_each_agency_one_sector() -> None:
    data = json.loads(SECTORS_FILE.read_text(encoding="utf-8"))
    keys = [match_key(a) for s in data["sectors"] for a in s["agencies"]]
    assert len(keys) == len(set(keys))
    assert not set(keys) & sector_table().unassigned
