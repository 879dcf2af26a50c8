"""Fixtures of the eval tests: a corpus parsed from the real Hà Tĩnh and Quảng Ninh decisions, and gold writers."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from corpus.build import parse_entry
from corpus.manifest import read_manifest
from corpus.store import Corpus

# The checker tests need parsed records; the Hà Tĩnh and Quảng Ninh parsers are enough for them.
DOCS = ("ha-tinh-2022", "quang-ninh-2026")


@pytest.fixture(scope="session")
def two_doc_sources(sources_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the sources holding only the Hà Tĩnh and Quảng Ninh decisions and their manifest entries."""
    out = tmp_path_factory.mktemp("sources")
    manifest = json.loads((sources_dir / "manifest.json").read_text(encoding="utf-8"))
    manifest["documents"] = [d for d in manifest["documents"] if d["id"] in DOCS]
    for d in manifest["documents"]:
        shutil.copy(sources_dir / d["file"], out / d["file"])
    (out / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    return out


@pytest.fixture(scope="session")
def two_doc_corpus(two_doc_sources: Path) -> Corpus:
    return Corpus(parse_entry(two_doc_sources, e) for e in read_manifest(two_doc_sources).documents)


@pytest.fixture
def write_gold(tmp_path: Path) -> Callable[[list[dict[str, Any]]], Path]:
    """Write items as a gold JSONL file and return its path."""

    def write(items: list[dict[str, Any]]) -> Path:
        path = tmp_path / "gold.jsonl"
        path.write_text("".join(json.dumps(i, ensure_ascii=False) + "\n" for i in items), encoding="utf-8")
        return path

    return write


def item(kind: str, q: str, gold: list[str], must: list[str], status: str = "answered", **extra: Any) -> dict[str, Any]:
    """One single-turn gold item as a dict."""
    turn = {"q": q, "gold_ids": gold, "must_contain": must, "expect_status": status}
    return {"id": extra.pop("id", f"{kind}-x"), "kind": kind, "turns": [turn], "note": "test", **extra}
