"""index.analyze: syllables, bigrams, folded copies and abbreviations, as both questions and records see them."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from index.analyze import FOLD_PREFIX, Analyzer, analyze, expand_abbreviations, tokenize_vi

REPO = Path(__file__).resolve().parents[2]


def _norm(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).replace("ƣ", "ư").lower().split())


def test_every_token_has_an_accent_folded_copy() -> None:
    tokens = analyze("Hộ tịch")
    assert tokens == ["hộ", "~ho", "tịch", "~tich", "hộ tịch", "~ho tich"]


def test_question_without_diacritics_shares_the_folded_tokens() -> None:
    accented = {t for t in analyze("cơ sở dữ liệu hộ tịch") if t.startswith(FOLD_PREFIX)}
    plain = {t for t in analyze("co so du lieu ho tich") if t.startswith(FOLD_PREFIX)}
    assert accented == plain


def test_bigrams_join_adjacent_syllables_only_within_a_phrase() -> None:
    tokens = analyze("Sở Tư pháp; đất đai")
    assert "tư pháp" in tokens and "đất đai" in tokens
    assert "pháp đất" not in tokens


def test_one_letter_syllable_is_kept() -> None:
    assert "ở" in analyze("ở Hà Tĩnh")


def test_tone_placement_is_normalised() -> None:
    assert analyze("Hoà Bình thuỷ lợi") == analyze("Hòa Bình thủy lợi")


def test_pdf_lookalike_letter_reads_as_u_horn() -> None:
    assert analyze("HẢI DƢƠNG") == analyze("Hải Dương")


def test_abbreviation_expands_to_the_words_the_documents_use() -> None:
    tokens = analyze("CSDL đất đai")
    assert ["csdl", "~csdl", "cơ", "~co", "sở", "~so", "dữ", "~du", "liệu", "~lieu"] == tokens[:10]
    assert "cơ sở" in tokens and "dữ liệu" in tokens


def test_abbreviation_spellings_with_ampersand_or_space_expand_alike() -> None:
    assert expand_abbreviations("sở nn& ptnt") == expand_abbreviations("sở nn&ptnt")
    assert "tài nguyên và môi trường" in expand_abbreviations("tn&mt")
    assert "tài nguyên và môi trường" in expand_abbreviations("tnmt")


def test_abbreviation_typed_without_diacritics_expands() -> None:
    assert "hội đồng nhân dân" in expand_abbreviations("hdnd")
    assert "lao động thương binh và xã hội" in expand_abbreviations("ldtbxh")


def test_abbreviation_inside_a_longer_word_is_left_alone() -> None:
    assert expand_abbreviations("csdlx") == "csdlx"


def test_every_quotation_in_the_abbreviation_table_occurs_in_its_document() -> None:
    table = json.loads((REPO / "corpus" / "abbreviations.json").read_text(encoding="utf-8"))
    sources = {p.stem: _norm(p.read_text(encoding="utf-8")) for p in (REPO / "corpus" / "sources").glob("*.txt")}
    missing = [
        (doc, quote)
        for item in table["abbreviations"]
        for doc, quote in item["seen"]
        if _norm(quote) not in sources[doc]
    ]
    assert missing == []


def test_every_abbreviation_is_seen_in_the_documents() -> None:
    table = json.loads((REPO / "corpus" / "abbreviations.json").read_text(encoding="utf-8"))
    assert all(item["seen"] for item in table["abbreviations"])


def test_empty_or_punctuation_only_text_has_no_tokens() -> None:
    assert analyze("") == []
    assert analyze(" ?!… ") == []


def test_html_like_text_is_tokenised_as_words() -> None:
    assert "script" in analyze("<script>alert(1)</script> đất đai")


def test_version_changes_with_the_options() -> None:
    assert Analyzer().version != Analyzer(bigrams=False).version
    assert Analyzer().version == Analyzer().version


def test_segmenting_adds_multi_syllable_words() -> None:
    tokens = Analyzer(segment=True).analyze("quản lý đất đai")
    assert "đất_đai" in tokens and "~dat_dai" in tokens


def test_tokenize_vi_gives_one_list_per_text() -> None:
    assert tokenize_vi(["đất đai", "hộ tịch"]) == [analyze("đất đai"), analyze("hộ tịch")]


def test_version_is_the_same_in_every_process() -> None:
    import os
    import subprocess
    import sys

    code = "from index.analyze import Analyzer; print(Analyzer().version)"
    versions = {
        subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "PYTHONHASHSEED": seed},
        ).stdout.strip()
        for seed in ("1", "2", "3")
    }
    assert versions == {Analyzer().version}


def test_chat_shorthand_never_occurs_as_a_word_in_the_sources() -> None:
    table = json.loads((REPO / "corpus" / "abbreviations.json").read_text(encoding="utf-8"))
    sources = " ".join(p.read_text(encoding="utf-8").lower() for p in (REPO / "corpus" / "sources").glob("*.txt"))
    words = set(re.findall(r"[^\W_]+", sources))
    assert [s for item in table["shorthand"] for s in item["short"] if s in words] == []


def test_chat_shorthand_expands_in_questions() -> None:
    tokens = analyze("csdl ho tich ko chia se ntn")
    assert "không" in tokens and "như" in tokens and "thế" in tokens
