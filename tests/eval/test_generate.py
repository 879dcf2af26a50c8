"""Generated gold: negatives from the corpus and surface variants of written gold."""

from __future__ import annotations

import unicodedata
from pathlib import Path

import pytest

from corpus.store import Corpus
from corpus.text import fold_accents
from eval.generate import VARIANTS, absent_database_negatives, outside_negatives, surface_variants
from eval.gold import load_gold

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def corpus(sources_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Corpus:
    from corpus.build import load_or_build

    return load_or_build(sources_dir, tmp_path_factory.mktemp("corpus"))


def test_at_least_300_negatives_all_expect_not_found(corpus: Corpus) -> None:
    negatives = absent_database_negatives(corpus) + outside_negatives(corpus)
    assert len(negatives) >= 300
    assert all(t["expect_status"] == "not_found" and not t["gold_ids"] for n in negatives for t in n["turns"])


def test_no_absent_negative_asks_a_province_for_a_database_it_lists_by_name(corpus: Corpus) -> None:
    # Hà Tĩnh lists "CSDL về người có công": asking it for Quảng Ninh's "CSDL người có công với cách mạng" is not
    # a question the catalogues cannot answer.
    asked = {(n["note"].split()[1], n["note"].split()[-1]) for n in absent_database_negatives(corpus)}
    assert ("quang-ninh-2026/A-15", "ha-tinh-2022") not in asked
    assert ("ha-tinh-2022/31", "quang-ninh-2026") in asked  # lý lịch tư pháp: Quảng Ninh lists none


def test_absent_negative_names_one_province_only(corpus: Corpus) -> None:
    from index.provinces import detect_documents

    for n in absent_database_negatives(corpus):
        assert len(detect_documents(n["turns"][0]["q"], corpus)) == 1, n["turns"][0]["q"]


def test_every_answerable_dev_item_gets_at_least_five_variants() -> None:
    items = [i for i in load_gold(REPO / "eval" / "gold" / "dev.jsonl") if i.turns[0].expect_status == "answered"]
    variants = surface_variants(items)
    per_item: dict[str, int] = {}
    for v in variants:
        per_item[v["id"].split("~")[0]] = per_item.get(v["id"].split("~")[0], 0) + 1
    assert min(per_item[i.id] for i in items) >= 5


def test_variants_keep_the_gold_and_change_only_the_surface() -> None:
    q = "Cơ quan nào quản lý cơ sở dữ liệu về đất đai của tỉnh Hà Tĩnh, hoá đơn?"
    assert VARIANTS["nodiac"](q) == fold_accents(q)
    assert unicodedata.normalize("NFC", VARIANTS["nfd"](q)) == q and VARIANTS["nfd"](q) != q
    assert "hóa" in VARIANTS["tones"](q)
    assert VARIANTS["abbrev"](q).startswith("Cơ quan nào quản lý CSDL về đất đai")
