"""`corpus.layout`: each source's layout is told by its table header; raw bytes are strict UTF-8."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.errors import CorpusError, ParseError
from corpus.layout import Layout, decode_source, detect_layout, parser_for


@pytest.mark.parametrize(
    ("file", "layout"),
    [("ha-tinh-2022.txt", Layout.CELLS), ("hai-duong-2022.txt", Layout.PDF), ("quang-ninh-2026.txt", Layout.TSV)],
)
def test_bundled_source_layout_is_detected(sources_dir: Path, file: str, layout: Layout) -> None:
    text = decode_source((sources_dir / file).read_bytes(), source_file=file)
    assert detect_layout(text, source_file=file) == layout


def test_layout_agrees_with_manifest(sources_dir: Path) -> None:
    from corpus.manifest import read_manifest

    for entry in read_manifest(sources_dir).documents:
        text = decode_source((sources_dir / entry.file).read_bytes(), source_file=entry.file)
        assert detect_layout(text, source_file=entry.file) == entry.layout


def test_text_without_table_header_names_the_missing_header() -> None:
    with pytest.raises(ParseError, match=r"^ghi-chu.txt: không tìm thấy tiêu đề bảng danh mục"):
        detect_layout("QUYẾT ĐỊNH\nĐiều 1. Ban hành …\n", source_file="ghi-chu.txt")


def test_headers_of_two_layouts_are_ambiguous(sources_dir: Path) -> None:
    cells = (sources_dir / "ha-tinh-2022.txt").read_text(encoding="utf-8")
    tsv = (sources_dir / "quang-ninh-2026.txt").read_text(encoding="utf-8")
    with pytest.raises(ParseError, match=r"tiêu đề bảng khớp nhiều bố cục: tsv \(dòng \d+\), cells \(dòng \d+\)"):
        detect_layout(cells + tsv, source_file="hai-bang.txt")


def test_pdf_header_needs_its_column_words() -> None:
    with pytest.raises(ParseError):
        detect_layout("STT \n\nHọ và tên\n\nĐịa chỉ\n", source_file="danh-sach.txt")


def test_utf8_bom_and_windows_line_ends_are_accepted() -> None:
    assert decode_source("\ufeffTT\r\nTên\r\n".encode(), source_file="x.txt") == "TT\nTên\n"


def test_unknown_layout_has_no_parser() -> None:
    with pytest.raises(CorpusError, match="bố cục không biết: 'docx'"):
        parser_for("docx")
