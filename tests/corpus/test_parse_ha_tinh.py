"""The "cells" layout parser on the real Hà Tĩnh 2022 decision."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.errors import ParseError
from corpus.parse_ha_tinh import parse
from corpus.records import CatalogueEntry, ParsedDocument, SharingMode

SOURCE = "ha-tinh-2022.txt"


@pytest.fixture(scope="module")
def text(sources_dir: Path) -> str:
    return (sources_dir / SOURCE).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def parsed(text: str) -> ParsedDocument:
    return parse(text, source_file=SOURCE)


def entry(parsed: ParsedDocument, number: int) -> CatalogueEntry:
    return next(e for e in parsed.entries if e.id == f"ha-tinh-2022/{number}")


def test_parses_34_entries_numbered_1_to_34(parsed: ParsedDocument) -> None:
    assert [e.id for e in parsed.entries] == [f"ha-tinh-2022/{n}" for n in range(1, 35)]


def test_document_id_province_and_year_come_from_the_text(parsed: ParsedDocument) -> None:
    document = parsed.document
    assert (document.id, document.province, document.number, document.date) == (
        "ha-tinh-2022",
        "Hà Tĩnh",
        "1402/QĐ-UBND",
        "2022-07-12",
    )
    assert document.source_file == SOURCE


def test_entry_columns_map_to_fields(parsed: ParsedDocument) -> None:
    first = entry(parsed, 1)
    assert first.name == "CSDL về quản lý thông tin kinh tế xã hội"
    assert first.agency == "Sở Kế hoạch và Đầu tư"
    assert first.collection is not None and first.collection.startswith(
        "Nguồn dữ liệu được thu thập, cập nhật từ các thủ tục hành chính, văn bản đến"
    )


def test_description_is_split_into_purpose_scope_content_without_labels(parsed: ParsedDocument) -> None:
    first = entry(parsed, 1)
    assert first.purpose == (
        "phục vụ quản lý thông tin kinh tế xã hội tổng hợp, theo dõi quá trình thực hiện các "
        "chỉ tiêu kinh tế - xã hội của tỉnh."
    )
    assert first.scope == "các sở, ban, ngành và UBND các huyện, thành phố, thị xã."
    assert first.content == (
        "thông tin kinh tế xã hội tổng hợp, theo dõi quá trình thực hiện các chỉ tiêu kinh tế - xã hội của tỉnh."
    )


def test_blank_agency_cell_continues_the_agency_of_the_row_above(parsed: ParsedDocument) -> None:
    assert entry(parsed, 32).agency == "Sở Tư pháp"
    assert entry(parsed, 20).agency == "Văn phòng UBND tỉnh"
    assert entry(parsed, 3).agency == "Sở Kế hoạch và Đầu tư"


def test_line_without_tab_continues_the_previous_cell(parsed: ParsedDocument) -> None:
    assert entry(parsed, 28).sharing == (
        "Dữ liệu được chia sẻ theo hình thức chia sẻ dữ liệu theo yêu cầu đặc thù "
        "của từng cơ sở dữ liệu tương ứng với từng đối tượng khai thác, sử dụng."
    )


def test_blank_line_inside_a_description_stays_in_its_row(parsed: ParsedDocument) -> None:
    education = entry(parsed, 25)
    assert education.scope == "ngành Giáo dục và Đào tạo của tỉnh"
    assert education.content == "thông tin về lĩnh vực Giáo dục và Đào tạo trên địa bàn tỉnh"
    assert education.source_lines == (273, 281)


def test_content_keeps_plus_sub_items_as_lines(parsed: ParsedDocument) -> None:
    content = entry(parsed, 12).content
    assert content is not None
    lines = content.split("\n")
    assert len(lines) == 3 and all(line.startswith("+ ") for line in lines)
    assert lines[0].startswith("+ Cung cấp thông tin về hoạt động quản lý nhà nước về chất lượng vật tư nông nghiệp")


def test_collection_list_keeps_each_dash_item_on_its_own_line(parsed: ParsedDocument) -> None:
    collection = entry(parsed, 32).collection
    assert collection is not None
    assert collection.split("\n")[1] == "- Thông tin hộ tịch được số hóa, chuẩn hóa từ số hộ tịch;"
    assert len(collection.split("\n")) == 4


def test_open_data_rows_name_open_and_default_modes(parsed: ParsedDocument) -> None:
    for number in (19, 20):
        assert entry(parsed, number).sharing == "Dữ liệu mở, được chia sẻ theo hình thức mặc định."
        assert entry(parsed, number).sharing_modes == [SharingMode.OPEN, SharingMode.DEFAULT]


def test_sharing_modes_default_and_specific(parsed: ParsedDocument) -> None:
    assert entry(parsed, 2).sharing_modes == [SharingMode.DEFAULT]
    assert entry(parsed, 1).sharing_modes == [SharingMode.SPECIFIC]


def test_entries_have_no_group_sector_or_notes(parsed: ParsedDocument) -> None:
    assert all(e.group is None and e.sector is None and e.notes is None for e in parsed.entries)


def test_source_lines_span_the_row_including_continuation_lines(parsed: ParsedDocument) -> None:
    assert entry(parsed, 1).source_lines == (54, 61)
    assert entry(parsed, 28).source_lines == (301, 309)
    assert entry(parsed, 34).source_lines == (359, 366)


def test_windows_line_endings_parse_the_same(text: str, parsed: ParsedDocument) -> None:
    assert parse(text.replace("\n", "\r\n"), source_file=SOURCE) == parsed


def test_missing_table_header_is_a_parse_error(text: str) -> None:
    with pytest.raises(ParseError, match="không tìm thấy tiêu đề bảng"):
        parse(text.replace("\tTT\n", "\tSTT\n"), source_file=SOURCE)


def test_non_numeric_tt_is_a_parse_error_naming_its_line(text: str) -> None:
    with pytest.raises(ParseError, match="số TT") as error:
        parse(text.replace("\n\t7\n", "\n\tbảy\n"), source_file=SOURCE)
    assert error.value.line == 108


def test_row_with_a_missing_cell_is_a_parse_error(text: str) -> None:
    broken = text.replace("\tDữ liệu được chia sẻ theo hình thức chia sẻ dữ liệu mặc định.\n\n\t3\n", "\n\t3\n")
    with pytest.raises(ParseError, match="có 5 ô, cần 6") as error:
        parse(broken, source_file=SOURCE)
    assert error.value.line == 63


def test_empty_text_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="không tìm thấy tiêu đề bảng"):
        parse("", source_file=SOURCE)
