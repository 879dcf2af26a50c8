"""Fixtures of the corpus pipeline tests: writable copies of the sources and decisions derived from real ones."""

from __future__ import annotations

import importlib.util
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from corpus.layout import PARSER_MODULES, Layout
from corpus.manifest import MANIFEST_FILE

SOURCES = Path(__file__).resolve().parents[2] / "corpus" / "sources"


def _snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _derive_ha_tinh(text: str, *, keep_rows: int = 29) -> str:
    """A made-up but well-formed decision: the Hà Tĩnh text for "tỉnh Lam Sơn", No. 1500/QĐ-UBND of 15/8/2023.

    Rows after `keep_rows` are cut; everything else (layout, traps, decision body) stays as in the real text.
    """
    cut = text.index(f"\n\t{keep_rows + 1}\n")
    derived = text[:cut] + "\n\n"
    for old, new in (
        ("Hà Tĩnh", "Lam Sơn"),
        ("HÀ TĨNH", "LAM SƠN"),
        ("Quyết định số 1402/QĐ-UBND ngày 12/7/2022", "Quyết định số 1500/QĐ-UBND ngày 15/8/2023"),
    ):
        assert old in derived
        derived = derived.replace(old, new)
    return derived


@pytest.fixture(scope="session")
def snapshot() -> Callable[[Path], dict[str, bytes]]:
    """Every file of a folder (recursively) with its bytes, to prove a failed operation changed nothing."""
    return _snapshot


@pytest.fixture(scope="session")
def derive_ha_tinh() -> Callable[..., str]:
    """Build a made-up decision from the Hà Tĩnh text (see `_derive_ha_tinh`)."""
    return _derive_ha_tinh


@pytest.fixture(scope="session")
def ha_tinh_text() -> str:
    return (SOURCES / "ha-tinh-2022.txt").read_text(encoding="utf-8")


@pytest.fixture
def sources_copy(tmp_path: Path) -> Path:
    """A writable copy of the bundled sources and manifest."""
    return Path(shutil.copytree(SOURCES, tmp_path / "sources"))


@pytest.fixture
def empty_sources(tmp_path: Path) -> Path:
    """A sources folder whose manifest lists no document."""
    folder = tmp_path / "empty-sources"
    folder.mkdir()
    (folder / MANIFEST_FILE).write_text('{\n  "documents": []\n}\n', encoding="utf-8")
    return folder


@pytest.fixture
def derived_file(tmp_path: Path, ha_tinh_text: str) -> Path:
    """The derived Lam Sơn decision (29 rows) as a UTF-8 file outside the sources."""
    path = tmp_path / "incoming" / "quyet-dinh-lam-son.txt"
    path.parent.mkdir()
    path.write_text(_derive_ha_tinh(ha_tinh_text), encoding="utf-8")
    return path


def pytest_configure(config: pytest.Config) -> None:
    config.addinivalue_line(
        "markers", "needs_layouts(*layouts): the test parses sources of these layouts (cells, pdf, tsv)"
    )


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """A test needing a layout whose parser module is not installed yet is a strict xfail naming the owner.

    Strict: the moment the parser lands the mark stops applying, and the test runs (and must pass) for real.
    """
    owners = {"cells": "A", "tsv": "A", "pdf": "B"}
    for item in items:
        for marker in item.iter_markers("needs_layouts"):
            for layout in marker.args:
                module = PARSER_MODULES[Layout(layout)]
                if importlib.util.find_spec(module) is None:
                    reason = f"{owners[layout]}: {module} (layout {layout}) has not landed"
                    item.add_marker(pytest.mark.xfail(strict=True, reason=reason))
