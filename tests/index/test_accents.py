"""index.accents: questions typed without diacritics get them back from the corpus's own words."""

from __future__ import annotations

import pytest

from index.accents import AccentRestorer, has_diacritics
from index.bm25 import Bm25Retriever


def test_restores_a_phrase_of_the_documents(real_bm25: Bm25Retriever) -> None:
    assert real_bm25.restore_accents("co so du lieu ve dat dai") == "cơ sở dữ liệu về đất đai"


def test_keeps_capitals_and_punctuation(real_bm25: Bm25Retriever) -> None:
    assert real_bm25.restore_accents("Ho tich, Ha Tinh?") == "Hộ tịch, Hà Tĩnh?"


def test_question_with_diacritics_is_left_as_typed(real_bm25: Bm25Retriever) -> None:
    assert real_bm25.restore_accents("co quan nào quan ly") == "co quan nào quan ly"


def test_unknown_words_are_left_as_typed(real_bm25: Bm25Retriever) -> None:
    assert real_bm25.restore_accents("xyzzy GPLX 2022") == "xyzzy GPLX 2022"


def test_bigram_context_chooses_between_spellings() -> None:
    restorer = AccentRestorer({"hộ": 5, "hồ": 9, "tịch": 5, "sơ": 3}, {("hộ", "tịch"): 5, ("hồ", "sơ"): 3})
    assert restorer.restore("ho tich") == "hộ tịch"
    assert restorer.restore("ho so") == "hồ sơ"


def test_empty_text_is_returned_unchanged() -> None:
    assert AccentRestorer({}, {}).restore(" ? ") == " ? "


@pytest.mark.parametrize(("text", "expected"), [("Hà Tĩnh", True), ("đ", True), ("ha tinh", False), ("GPLX", False)])
def test_has_diacritics(text: str, expected: bool) -> None:
    assert has_diacritics(text) is expected
