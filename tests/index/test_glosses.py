"""Glosses: a question that describes a database by what the law says its subject covers is searched with the
subject's official name too."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from index.analyze import gloss_expansions

TABLE = Path(__file__).resolve().parents[2] / "corpus" / "abbreviations.json"


@pytest.mark.parametrize(
    ("question", "term"),
    [
        ("Đăng ký khai tử và giám hộ được lưu ở đâu?", "hộ tịch"),
        ("Tỉnh có theo dõi lũ quét, hạn hán không?", "thiên tai"),
        ("Thông tin về sáng chế và nhãn hiệu của doanh nghiệp nằm ở đâu?", "sở hữu công nghiệp"),
        ("ai quan ly du lieu so do, thua dat", "đất đai"),
    ],
)
def test_two_defining_phrases_add_the_official_term(question: str, term: str) -> None:
    assert term in gloss_expansions(question)


def test_one_defining_phrase_adds_nothing() -> None:
    assert "hộ tịch" not in gloss_expansions("Thủ tục kết hôn cần gì?")


def test_single_folded_syllables_do_not_match_text_without_diacritics() -> None:
    # "bao" (bảo, báo, bão …) and "lu" stand for too many words once the accents are gone.
    assert "thiên tai" not in gloss_expansions("bao cao bao hiem lu")


def test_every_gloss_names_its_legal_source() -> None:
    glosses = json.loads(TABLE.read_text(encoding="utf-8"))["glosses"]
    assert glosses
    for item in glosses:
        assert item["long"] and len(item["gloss"]) >= 2
        assert any(word in item["source"] for word in ("Luật", "Nghị định", "Pháp lệnh", "Quyết định", "Bộ luật"))


def test_schools_and_pupils_are_searched_as_education() -> None:
    assert gloss_expansions("dữ liệu về trường học và học sinh") == ["giáo dục"]
