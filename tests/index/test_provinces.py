"""index.provinces: documents named in a question by their province, with or without diacritics."""

from __future__ import annotations

import pytest

from corpus.records import Document, ParsedDocument
from corpus.store import Corpus
from index.provinces import detect_documents


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("Ai quản lý CSDL hộ tịch điện tử ở Hà Tĩnh?", ["ha-tinh-2022"]),
        ("co so du lieu ho tich ha tinh", ["ha-tinh-2022"]),
        ("CSDL đất đai Hải Dương", ["hai-duong-2022"]),
        ("co quan nao quan ly co so du lieu ve dan cu o Hai Duong", ["hai-duong-2022"]),
        ("Danh mục của QUẢNG NINH có bao nhiêu CSDL?", ["quang-ninh-2026"]),
        ("quang ninh", ["quang-ninh-2026"]),
    ],
)
def test_province_named_with_or_without_diacritics(manifest_corpus: Corpus, question: str, expected: list[str]) -> None:
    assert detect_documents(question, manifest_corpus) == expected


def test_two_provinces_come_in_corpus_order(manifest_corpus: Corpus) -> None:
    question = "So sánh Quảng Ninh và Hà Tĩnh"
    assert detect_documents(question, manifest_corpus) == ["ha-tinh-2022", "quang-ninh-2026"]


def test_no_province_gives_nothing(manifest_corpus: Corpus) -> None:
    assert detect_documents("Ai quản lý CSDL về đất đai?", manifest_corpus) == []


def test_province_outside_the_corpus_gives_nothing(manifest_corpus: Corpus) -> None:
    assert detect_documents("Danh mục CSDL dùng chung của tỉnh Nghệ An", manifest_corpus) == []


def test_name_inside_other_words_is_not_a_province(manifest_corpus: Corpus) -> None:
    assert detect_documents("khai dương", manifest_corpus) == []
    assert detect_documents("quảng ninhh", manifest_corpus) == []


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("CSDL đất đai tỉnh HT", ["ha-tinh-2022"]),
        ("Danh mục CSDL dùng chung của QN", ["quang-ninh-2026"]),
        ("CSDL dân cư ở HD?", ["hai-duong-2022"]),
    ],
)
def test_initials_after_a_place_word_or_at_the_end(manifest_corpus: Corpus, question: str, expected: list[str]) -> None:
    assert detect_documents(question, manifest_corpus) == expected


@pytest.mark.parametrize(
    "question",
    ["Theo HD số 5 thì ai quản lý CSDL?", "HĐ lao động lưu ở đâu", "tỉnh hđ", "CSDL ht điện tử của tỉnh"],
)
def test_initials_elsewhere_or_with_d_stroke_are_not_provinces(manifest_corpus: Corpus, question: str) -> None:
    assert detect_documents(question, manifest_corpus) == []


def test_a_province_added_to_the_corpus_is_detected_without_code_change() -> None:
    doc = Document(id="nghe-an-2024", province="Nghệ An", title="Danh mục", source_file="nghe-an-2024.txt")
    corpus = Corpus([ParsedDocument(document=doc, entries=[], clauses=[])])
    assert detect_documents("CSDL đất đai nghe an", corpus) == ["nghe-an-2024"]


def test_initials_shared_by_two_provinces_are_ambiguous() -> None:
    docs = [
        Document(id="ha-tinh-2022", province="Hà Tĩnh", title="Danh mục", source_file="a.txt"),
        Document(id="ha-tay-2005", province="Hà Tây", title="Danh mục", source_file="b.txt"),
    ]
    corpus = Corpus(ParsedDocument(document=d, entries=[], clauses=[]) for d in docs)
    assert detect_documents("CSDL đất đai tỉnh HT", corpus) == []


def test_a_two_word_province_shortened_to_its_initial_and_last_word_is_named(manifest_corpus: Corpus) -> None:
    assert detect_documents("csdl dat dai QNinh ai quan ly", manifest_corpus) == ["quang-ninh-2026"]
    assert detect_documents("CSDL giáo dục ở Q.Ninh", manifest_corpus) == ["quang-ninh-2026"]
