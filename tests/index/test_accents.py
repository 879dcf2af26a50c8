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


def test_question_words_come_back_with_general_vietnamese(real_bm25: Bm25Retriever) -> None:
    # "có", "nào", "không" are rare in the decisions: the catalogue alone would leave "nao" or make "cơ".
    assert real_bm25.restore_accents("ha tinh co csdl nao ve ho ngheo khong") == "hà tĩnh có csdl nào về hộ nghèo không"


def test_a_dictionary_pair_outweighs_a_lone_frequent_syllable() -> None:
    from index.vietnamese import LanguageStatistics

    pairs = frozenset({("buôn", "bán")})
    language = LanguageStatistics(syllables=frozenset({"buôn", "bán", "bản"}), dictionary_pairs=pairs)
    restorer = AccentRestorer({"bản": 3}, {}, language)
    assert restorer.restore("buon ban") == "buôn bán"


def test_underthesea_resources_give_dictionary_pairs_and_running_text() -> None:
    from index.vietnamese import general_vietnamese

    language = general_vietnamese()
    assert ("hy", "sinh") in language.dictionary_pairs
    assert language.unigrams["của"] > language.unigrams["cửa"]


def test_token_lines_count_syllables_and_pairs_within_sentences(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from index.vietnamese import read_token_lines

    path = tmp_path / "tagged.txt"
    path.write_text("Thông tin\tN\ncủa\tE\n\nngười dân\tN\n", encoding="utf-8")
    unigrams, bigrams = read_token_lines(path)
    assert unigrams["thông"] == 1 and bigrams[("thông", "tin")] == 1 and bigrams[("tin", "của")] == 1
    assert ("của", "người") not in bigrams  # a blank line ends the sentence
