"""`corpus.build`: parse by manifest, validate, write JSON Lines, rebuild only when an input changed."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from corpus import build as build_module
from corpus.build import STAMP_FILE, is_current, load_or_build, parse_all
from corpus.errors import CorpusError, ValidationError
from corpus.manifest import Manifest, manifest_json, read_manifest, sha256_file
from corpus.store import CLAUSES_FILE, DOCUMENTS_FILE, ENTRIES_FILE, SOURCES_FILE, Corpus


@pytest.fixture
def ha_tinh_sources(tmp_path: Path, sources_dir: Path) -> Path:
    """A sources folder holding only the Hà Tĩnh decision (its parser alone is needed)."""
    folder = tmp_path / "sources"
    folder.mkdir()
    shutil.copy(sources_dir / "ha-tinh-2022.txt", folder)
    manifest = read_manifest(sources_dir)
    only = Manifest(documents=[d for d in manifest.documents if d.id == "ha-tinh-2022"])
    (folder / "manifest.json").write_text(manifest_json(only), encoding="utf-8")
    return folder


def edit_source(sources: Path, old: str, new: str, *, update_manifest: bool = True) -> None:
    """Change the Hà Tĩnh text (and, by default, its hash in the manifest, as a maintainer would)."""
    path = sources / "ha-tinh-2022.txt"
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new), encoding="utf-8")
    if update_manifest:
        manifest = read_manifest(sources)
        manifest.documents[0].sha256 = sha256_file(path)
        (sources / "manifest.json").write_text(manifest_json(manifest), encoding="utf-8")


def test_build_writes_the_four_jsonl_files_and_a_stamp(ha_tinh_sources: Path, tmp_path: Path) -> None:
    out = tmp_path / "corpus"
    corpus = load_or_build(ha_tinh_sources, out)
    expected = [DOCUMENTS_FILE, ENTRIES_FILE, CLAUSES_FILE, SOURCES_FILE, STAMP_FILE]
    assert sorted(p.name for p in out.iterdir()) == sorted(expected)
    assert len((out / ENTRIES_FILE).read_text(encoding="utf-8").splitlines()) == 34
    assert len(corpus.entries(document="ha-tinh-2022")) == 34
    stamp = json.loads((out / STAMP_FILE).read_text(encoding="utf-8"))
    assert stamp["sources"] == {"ha-tinh-2022.txt": sha256_file(ha_tinh_sources / "ha-tinh-2022.txt")}


def test_written_corpus_loads_back_equal(ha_tinh_sources: Path, tmp_path: Path) -> None:
    built = load_or_build(ha_tinh_sources, tmp_path / "corpus")
    loaded = Corpus.load(tmp_path / "corpus")
    assert loaded.entries() == built.entries() and loaded.clauses() == built.clauses()
    assert loaded.documents() == built.documents()
    assert loaded.source_lines("ha-tinh-2022") == built.source_lines("ha-tinh-2022")


def test_unchanged_sources_are_reused_without_parsing(
    ha_tinh_sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "corpus"
    load_or_build(ha_tinh_sources, out)
    before = {p.name: p.stat().st_mtime_ns for p in out.iterdir()}

    def must_not_parse(sources_dir: Path) -> Corpus:
        raise AssertionError("rebuilt although nothing changed")

    monkeypatch.setattr(build_module, "build", must_not_parse)
    corpus = load_or_build(ha_tinh_sources, out)
    assert len(corpus.entries()) == 34
    assert {p.name: p.stat().st_mtime_ns for p in out.iterdir()} == before


def test_changed_raw_document_is_rebuilt(ha_tinh_sources: Path, tmp_path: Path) -> None:
    out = tmp_path / "corpus"
    load_or_build(ha_tinh_sources, out)
    edit_source(ha_tinh_sources, "\tThanh tra tỉnh\n", "\tThanh tra tỉnh Hà Tĩnh\n")
    assert not is_current(ha_tinh_sources, out)
    corpus = load_or_build(ha_tinh_sources, out)
    assert corpus.entry("ha-tinh-2022/34").agency == "Thanh tra tỉnh Hà Tĩnh"
    assert Corpus.load(out).entry("ha-tinh-2022/34").agency == "Thanh tra tỉnh Hà Tĩnh"
    assert is_current(ha_tinh_sources, out)


def test_raw_document_changed_behind_the_manifest_is_an_error(ha_tinh_sources: Path, tmp_path: Path) -> None:
    out = tmp_path / "corpus"
    load_or_build(ha_tinh_sources, out)
    stamp = (out / STAMP_FILE).read_bytes()
    edit_source(ha_tinh_sources, "\tThanh tra tỉnh\n", "\tThanh tra\n", update_manifest=False)
    with pytest.raises(CorpusError, match=r"ha-tinh-2022.txt: SHA-256 .* khác với manifest"):
        load_or_build(ha_tinh_sources, out)
    assert (out / STAMP_FILE).read_bytes() == stamp


def test_manifest_change_rebuilds_and_validates_again(ha_tinh_sources: Path, tmp_path: Path) -> None:
    out = tmp_path / "corpus"
    load_or_build(ha_tinh_sources, out)
    manifest = read_manifest(ha_tinh_sources)
    manifest.documents[0].expected_entries = 35
    (ha_tinh_sources / "manifest.json").write_text(manifest_json(manifest), encoding="utf-8")
    with pytest.raises(ValidationError) as info:
        load_or_build(ha_tinh_sources, out)
    assert info.value.problems == ["ha-tinh-2022 ha-tinh-2022 entries: 34 parsed, 35 expected"]
    assert not is_current(ha_tinh_sources, out)


def test_parser_code_change_rebuilds(ha_tinh_sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "corpus"
    load_or_build(ha_tinh_sources, out)
    monkeypatch.setattr(build_module, "code_version", lambda: "a parser was fixed")
    assert not is_current(ha_tinh_sources, out)


def test_missing_stamp_means_an_interrupted_build(ha_tinh_sources: Path, tmp_path: Path) -> None:
    out = tmp_path / "corpus"
    load_or_build(ha_tinh_sources, out)
    (out / STAMP_FILE).unlink()
    assert not is_current(ha_tinh_sources, out)


def test_parser_id_must_match_the_manifest_id(ha_tinh_sources: Path) -> None:
    manifest = read_manifest(ha_tinh_sources)
    manifest.documents[0].id = "ha-tinh-2023"
    (ha_tinh_sources / "manifest.json").write_text(manifest_json(manifest), encoding="utf-8")
    with pytest.raises(CorpusError, match="bộ phân tích cho mã văn bản ha-tinh-2022, manifest ghi ha-tinh-2023"):
        parse_all(ha_tinh_sources)


def test_missing_raw_document_is_a_parse_error(ha_tinh_sources: Path) -> None:
    (ha_tinh_sources / "ha-tinh-2022.txt").unlink()
    with pytest.raises(CorpusError, match=r"ha-tinh-2022.txt: không tìm thấy tệp"):
        parse_all(ha_tinh_sources)


@pytest.mark.needs_layouts("cells", "pdf", "tsv")
def test_parse_all_reads_the_bundled_sources_in_manifest_order(sources_dir: Path) -> None:
    parsed = parse_all(sources_dir)
    counts = [(p.document.id, len(p.entries)) for p in parsed]
    assert counts == [("ha-tinh-2022", 34), ("hai-duong-2022", 30), ("quang-ninh-2026", 44)]


@pytest.mark.needs_layouts("cells", "pdf", "tsv")
def test_bundled_sources_build_into_one_corpus(sources_dir: Path, tmp_path: Path) -> None:
    corpus = load_or_build(sources_dir, tmp_path / "corpus")
    assert [d.id for d in corpus.documents()] == ["ha-tinh-2022", "hai-duong-2022", "quang-ninh-2026"]
    assert len(corpus.entries()) == 34 + 30 + 44
    assert {c.document_id for c in corpus.clauses()} == {"ha-tinh-2022", "hai-duong-2022", "quang-ninh-2026"}
