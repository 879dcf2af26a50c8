"""`csdl-qa index build`: builds, reports what it built, and reuses a current index."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from api.cli import main


@pytest.fixture()
def one_document_sources(sources_dir: Path, tmp_path: Path) -> Path:
    """A sources folder holding only the Hà Tĩnh decision."""
    target = tmp_path / "sources"
    target.mkdir()
    manifest = json.loads((sources_dir / "manifest.json").read_text(encoding="utf-8"))
    manifest["documents"] = [d for d in manifest["documents"] if d["id"] == "ha-tinh-2022"]
    (target / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    shutil.copy(sources_dir / "ha-tinh-2022.txt", target)
    return target


@pytest.fixture()
def cli_env(one_document_sources: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data_dir = tmp_path / "var"
    monkeypatch.setenv("CSDL_QA_SOURCES_DIR", str(one_document_sources))
    monkeypatch.setenv("CSDL_QA_DATA_DIR", str(data_dir))
    monkeypatch.setenv("CSDL_QA_EMBEDDER", "none")
    from api.settings import get_settings

    get_settings.cache_clear()
    return data_dir


def test_index_build_reports_counts_and_writes_the_index(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", "build"]) == 0
    out = capsys.readouterr()
    assert "mục danh mục: 34" in out.out
    assert "BM25" in out.err
    assert (cli_env / "index" / "manifest.json").is_file()


def test_index_build_reuses_a_current_index(cli_env: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["index", "build"]) == 0
    capsys.readouterr()
    assert main(["index", "build"]) == 0
    assert "đã mới, dùng lại" in capsys.readouterr().out


def test_index_build_with_an_unknown_embedder_fails_clearly(
    cli_env: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("CSDL_QA_EMBEDDER", "/no/such/model")
    from api.settings import get_settings

    get_settings.cache_clear()
    assert main(["index", "build"]) == 1
    assert "/no/such/model" in capsys.readouterr().err
