"""The "pdf" layout parser on the real Hải Dương 2022 decision (a table extracted from a PDF)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from corpus.errors import ParseError
from corpus.parse_pdf_table import parse, split_description
from corpus.records import CatalogueEntry, ParsedDocument, SharingMode

SOURCE = "hai-duong-2022.txt"
FIELDS = ("agency", "name", "purpose", "scope", "content", "collection", "sharing")
HEADER_WORDS = (
    "STT",
    "CƠ QUAN QUẢN",
    "LÝ, VẬN HÀNH",
    "TÊN CƠ SỞ",
    "MÔ TẢ DỮ LIỆU",
    "CƠ CHẾ THU",
    "THẬP, CẬP NHẬT",
    "NGUỒN DỮ LIỆU",
    "HẠNG MỤC",
)


@pytest.fixture(scope="module")
def text(sources_dir: Path) -> str:
    return (sources_dir / SOURCE).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def parsed(text: str) -> ParsedDocument:
    return parse(text, source_file=SOURCE)


def entry(parsed: ParsedDocument, number: int) -> CatalogueEntry:
    return next(e for e in parsed.entries if e.id == f"hai-duong-2022/{number}")


def lines_of(text: str) -> list[str]:
    return text.split("\n")


def test_parses_30_entries_numbered_1_to_30(parsed: ParsedDocument) -> None:
    assert [e.id for e in parsed.entries] == [f"hai-duong-2022/{n}" for n in range(1, 31)]
    assert [e.number for e in parsed.entries] == list(range(1, 31))


def test_entries_have_no_group_sector_or_notes(parsed: ParsedDocument) -> None:
    assert {(e.group, e.group_title, e.sector, e.notes) for e in parsed.entries} == {(None, None, None, None)}


def test_document_number_is_blank_and_date_is_march_2022(parsed: ParsedDocument) -> None:
    document = parsed.document
    assert (document.id, document.province, document.number, document.date) == (
        "hai-duong-2022",
        "Hải Dương",
        None,
        "2022-03",
    )
    assert document.source_file == SOURCE


def test_clauses_come_from_the_decision_body(parsed: ParsedDocument) -> None:
    ids = [c.id for c in parsed.clauses]
    assert ids[0] == "hai-duong-2022/dieu-1"
    assert "hai-duong-2022/dieu-2.1.a" in ids
    assert "hai-duong-2022/dieu-3" in ids


def test_agency_on_the_stt_line_is_read(parsed: ParsedDocument) -> None:
    first = entry(parsed, 1)
    assert (first.agency, first.name) == ("Công an tỉnh", "Cơ sở dữ liệu về dân cư")
    assert first.collection == "Nguồn dữ liệu chia sẻ, kết nối, thu thập từ CSDL quốc gia về dân cư của Bộ Công an."
    assert first.sharing == "Chia sẻ dữ liệu mặc định"


def test_description_is_split_into_purpose_scope_and_content(parsed: ParsedDocument) -> None:
    first = entry(parsed, 1)
    assert first.purpose is not None and first.purpose.startswith("Giúp tiết kiệm thời gian và chi phí khi thực hiện")
    assert first.purpose.endswith("không phải nhập dữ liệu thủ công trên các phần mềm khác nhau.")
    assert first.scope == "Toàn tỉnh"
    assert first.content is not None and first.content.startswith("Trước mắt sử dụng dịch vụ xác thực thông tin")
    assert first.content.endswith("và các dữ liệu khác theo quy định của chủ quản dữ liệu.")


def test_name_and_description_continue_after_a_page_break(parsed: ParsedDocument) -> None:
    second = entry(parsed, 2)
    assert second.name == "Cổng Thông tin điện tử tỉnh Hải Dương"
    assert second.purpose == (
        "tích hợp, cung cấp thông tin về các lĩnh vực quản lý nhà nước trên địa bàn tỉnh; "
        "tích hợp thông tin dịch vụ công trực tuyến của các cơ quan chuyên môn thuộc tỉnh."
    )
    assert second.collection == (
        "Do các cơ quan quản lý thu thập, cập nhật và tự đăng lại từ một số nguồn tin cho phép"
    )
    assert (second.sharing, second.sharing_modes) == ("Dữ liệu mở", [SharingMode.OPEN])


def test_all_five_columns_on_one_line_are_split(parsed: ParsedDocument) -> None:
    fifth = entry(parsed, 5)
    assert (fifth.agency, fifth.name) == ("Văn phòng UBND tỉnh", "Hệ thống thông tin báo cáo tỉnh Hải Dương")
    assert fifth.purpose is not None
    assert fifth.purpose.startswith("triển khai kịp thời, thống nhất, khoa học và hiệu quả nội dung")
    assert fifth.collection == (
        "Các cơ quan, đơn vị sử dụng hệ thống có trách nhiệm nhập dữ liệu của cơ quan, đơn vị "
        "mình vào hệ thống phần mềm"
    )
    assert fifth.sharing == "- Chia sẻ dữ liệu mặc định;\n- Chia sẻ dữ liệu đặc thù"
    assert fifth.sharing_modes == [SharingMode.DEFAULT, SharingMode.SPECIFIC]


def test_description_alone_continues_after_a_page_break(parsed: ParsedDocument) -> None:
    sixth = entry(parsed, 6)
    assert sixth.name == "Hệ thống Quản lý văn bản và điều hành"
    assert sixth.content is not None
    assert sixth.content.endswith("để xử lý văn bản điện tử trên môi trường mạng")
    assert sixth.content.startswith("- Quản lý toàn bộ văn bản đến, văn bản đi, văn bản nội bộ")


def test_list_items_keep_lines_of_their_own(parsed: ParsedDocument) -> None:
    assert entry(parsed, 7).content == (
        "- Quản lý danh mục, hồ sơ, biểu mẫu thủ tục hành chính.\n- Quản lý hồ sơ, tài liệu.\n"
        "- Tiếp nhận và xử lý hồ sơ thủ tục hành chính.\n- Theo dõi quá trình xử lý hồ sơ thủ tục hành chính.\n"
        "- Điều hành, tác nghiệp.\n- Liên thông, tích hợp với Cổng Dịch vụ công Quốc gia."
    )


def test_name_and_collection_of_entry_15_continue_after_a_page_break(parsed: ParsedDocument) -> None:
    fifteenth = entry(parsed, 15)
    assert fifteenth.name == "CSDL nền tảng tiêm chủng, xét nghiệm COVID-19"
    assert fifteenth.scope == "Toàn tỉnh"
    assert fifteenth.collection == (
        "- Nguồn dữ liệu chia sẻ, kết nối, thu thập từ CSDL quốc gia về tiêm chủng, xét "
        "nghiệm;\n- Cán bộ y tế tỉnh Hải Dương nhập dữ liệu"
    )
    assert fifteenth.sharing == "- Chia sẻ dữ liệu mặc định\n- Chia sẻ dữ liệu đặc thù"


def test_a_second_scope_paragraph_keeps_its_label(parsed: ParsedDocument) -> None:
    assert entry(parsed, 17).scope == (
        "Toàn tỉnh\nPhạm vi khai thác, sử dụng dữ liệu: Sở Tư pháp; các đơn vị sử dụng hệ thống Cổng dịch vụ công/ "
        "Hệ thống một cửa điện tử tỉnh Hải Dương tiếp nhận và xử lý hồ sơ cấp phiếu lý lịch tư pháp."
    )
    assert entry(parsed, 17).content == (
        "Liên thông hồ sơ từ Cổng dịch vụ công/ Hệ thống một cửa điện tử tỉnh Hải Dương với Hệ thống cấp phiếu lý "
        "lịch tư pháp; Khai thác thông tin trạng thái xử lý, trả kết quả thủ tục hành chính về cấp phiếu lý lịch "
        "tư pháp trực tuyến và các dữ liệu khác theo quy định của chủ quản dữ liệu."
    )


def test_merged_first_line_then_page_break_of_entry_19(parsed: ParsedDocument) -> None:
    nineteenth = entry(parsed, 19)
    assert (nineteenth.agency, nineteenth.name) == ("Sở Tài chính", "Cơ sở dữ liệu về quản lý Giá")
    assert nineteenth.purpose is not None
    assert nineteenth.purpose.startswith("Cải tiến quy trình nghiệp vụ giúp tăng cường tính hiệu lực")
    assert nineteenth.collection is not None
    assert nineteenth.collection.startswith("- Các cơ quan, đơn vị, doanh nghiệp trên địa bàn tỉnh có trách nhiệm")


def test_collection_continuation_is_not_taken_by_the_description(parsed: ParsedDocument) -> None:
    twenty_first = entry(parsed, 21)
    assert twenty_first.content == (
        "Dữ liệu về các loại tài sản công (đất, nhà, ô tô, các loại tài sản khác), công "
        "cụ dụng cụ từ các đơn vị có sử dụng NSNN"
    )
    assert twenty_first.collection == (
        "- Các đơn vị trực tiếp quản lý, sử dụng tài sản nhập dữ liệu tài sản của đơn vị mình quản lý lên hệ thống "
        "và dữ liệu chia sẻ, kết nối với CSDL quản lý tài sản công của Bộ Tài chính"
    )


def test_description_and_collection_sharing_a_line_are_split(parsed: ParsedDocument) -> None:
    twenty_fourth = entry(parsed, 24)
    assert twenty_fourth.content is not None
    assert twenty_fourth.content.endswith(
        "về văn bằng, chức chỉ và các dữ liệu khác theo quy định của chủ quản dữ liệu."
    )
    assert twenty_fourth.collection is not None
    assert twenty_fourth.collection.endswith(
        "Thu thập và cập nhật theo các kỳ thi hằng năm; Cập nhật theo danh sách công nhận tốt nghiệp"
    )


def test_collection_of_entry_27_continues_after_a_page_break(parsed: ParsedDocument) -> None:
    twenty_seventh = entry(parsed, 27)
    assert twenty_seventh.agency == "Sở Lao động, Thương Binh và Xã hội"
    assert twenty_seventh.purpose is not None
    assert twenty_seventh.purpose.endswith("làm cơ sở để xác định hướng đào tạo và bố trí hợp lý nguồn nhân lực.")
    assert twenty_seventh.content == "Khai thác thông tin về thị trường lao động trên phạm vi toàn tỉnh Hải Dương."
    assert twenty_seventh.collection is not None
    assert "Sở Lao động Thương binh và Xã hội nhập và quản lý thông tin" in twenty_seventh.collection


def test_long_name_of_entry_29_crosses_a_page_break(parsed: ParsedDocument) -> None:
    twenty_ninth = entry(parsed, 29)
    assert twenty_ninth.name == (
        "Cơ sở dữ liệu về bản đồ thổ nhưỡng, nông hóa phục vụ thâm canh, chuyển đổi cơ cấu cây trồng và quản lý "
        "sử dụng bền vững tài nguyên đất nông nghiệp tỉnh Hải Dương"
    )
    assert twenty_ninth.agency == "Sở Nông nghiệpvà Phát triển nông thôn"
    assert twenty_ninth.purpose is not None
    assert twenty_ninth.purpose.endswith(
        "Cung cấp bản đồ số tài nguyên đất sản xuất nông nghiệp tỉnh Hải Dương trực tuyến."
    )


def test_entry_30_is_run_by_every_agency_as_open_data(parsed: ParsedDocument) -> None:
    thirtieth = entry(parsed, 30)
    assert thirtieth.agency == "Các Sở, Ban, Ngành, UBND cấp huyện, cấp xã"
    assert thirtieth.name == "Cơ sở dữ liệu các Cổng/ Trang thông tin điện tử"
    assert thirtieth.sharing_modes == [SharingMode.OPEN]


def test_only_entries_2_and_30_are_open_data(parsed: ParsedDocument) -> None:
    assert [e.number for e in parsed.entries if SharingMode.OPEN in e.sharing_modes] == [2, 30]
    assert all(e.sharing_modes for e in parsed.entries)


def test_every_entry_has_every_field(parsed: ParsedDocument) -> None:
    missing = [(e.id, f) for e in parsed.entries for f in FIELDS if not getattr(e, f)]
    assert missing == []


def test_no_cell_holds_header_words_or_a_page_number(parsed: ParsedDocument) -> None:
    for e in parsed.entries:
        for field in FIELDS:
            value = getattr(e, field)
            assert not any(word in value for word in HEADER_WORDS), (e.id, field, value)
            assert not any(re.fullmatch(r"\d+", line.strip()) for line in value.split("\n")), (e.id, field)


def test_source_lines_span_the_continuation_parts(parsed: ParsedDocument) -> None:
    assert entry(parsed, 1).source_lines == (198, 261)
    assert entry(parsed, 2).source_lines == (263, 318)
    assert entry(parsed, 29).source_lines == (1952, 2059)
    assert entry(parsed, 30).source_lines == (2061, 2103)


def test_pdf_lookalike_letters_in_the_table_are_normalised(text: str, parsed: ParsedDocument) -> None:
    table = text.index("\nSTT")
    mangled = text[:table] + text[table:].replace("Dương", "Dƣơng")
    again = parse(mangled, source_file=SOURCE)
    assert [e.model_dump() for e in again.entries] == [e.model_dump() for e in parsed.entries]


def reflowed(text: str, first_page: list[int], next_page: list[int]) -> str:
    """The source with row 1 (lines 198-261) laid out again: `first_page` lines, a page break, `next_page` lines."""
    lines = lines_of(text)
    header = lines[176:197]  # the table header as the first page prints it (blank lines included)
    page = ["", "7", "", *header]  # a page number, then the repeated header
    row = [lines[n - 1] for n in first_page] + page + [lines[n - 1] for n in next_page]
    return "\n".join(lines[:197] + row + lines[261:])


def test_a_page_break_after_some_lines_of_every_cell_changes_nothing(text: str, parsed: ParsedDocument) -> None:
    # As a PDF cuts a row: agency, name, collection and sharing end on the first page, the description goes on.
    first_page = [198, 199, 201, *range(203, 218, 2), *range(249, 258, 2), 259, 261]
    again = parse(reflowed(text, first_page, list(range(219, 248, 2))), source_file=SOURCE)
    assert again.entries[0].model_dump(exclude={"source_lines"}) == entry(parsed, 1).model_dump(
        exclude={"source_lines"}
    )


def test_a_page_break_after_the_first_line_of_every_cell_changes_nothing(text: str, parsed: ParsedDocument) -> None:
    # Every cell is cut after its first line, as row 5 is: each goes on after the header, in column order.
    first_page, next_page = [198, 199, 203, 249, 259], [201, *range(205, 248, 2), *range(251, 258, 2), 261]
    again = parse(reflowed(text, first_page, next_page), source_file=SOURCE)
    assert again.entries[0].model_dump(exclude={"source_lines"}) == entry(parsed, 1).model_dump(
        exclude={"source_lines"}
    )


def test_a_row_without_description_raises_parse_error_naming_its_line(text: str) -> None:
    lines = lines_of(text)
    mangled = lines[:197] + ["1  Công an tỉnh", "Cơ sở dữ liệu", "về dân cư", "Chia sẻ dữ liệu", "mặc định"]
    with pytest.raises(ParseError) as caught:
        parse("\n".join(mangled), source_file=SOURCE)
    assert caught.value.line == 198
    assert str(caught.value).startswith(f"{SOURCE}:198:")


def test_an_overlong_line_in_a_row_raises_parse_error_naming_its_line(text: str) -> None:
    lines = lines_of(text)
    mangled = [*lines[:224], "Phạm vi dữ liệu: " + "toàn tỉnh, " * 300, *lines[225:]]
    with pytest.raises(ParseError) as caught:
        parse("\n".join(mangled), source_file=SOURCE)
    assert caught.value.line == 225


def test_a_missing_row_raises_parse_error_naming_the_next_one(text: str) -> None:
    lines = lines_of(text)
    assert lines[319].strip() == "3"
    mangled = [*lines[:319], *lines[320:]]  # the STT line of row 3 (line 320) removed
    with pytest.raises(ParseError, match="cần hàng 3, gặp hàng 4") as caught:
        parse("\n".join(mangled), source_file=SOURCE)
    assert caught.value.line == 368  # line 369 of the source, one line up


def test_text_before_row_1_raises_parse_error_naming_its_line(text: str) -> None:
    lines = lines_of(text)
    mangled = [*lines[:197], "Công an tỉnh", *lines[198:]]
    with pytest.raises(ParseError) as caught:
        parse("\n".join(mangled), source_file=SOURCE)
    assert caught.value.line == 198


def test_text_without_the_table_header_raises_parse_error(text: str) -> None:
    with pytest.raises(ParseError, match="tiêu đề bảng"):
        parse(text[: text.index("\nSTT")], source_file=SOURCE)


def test_empty_text_raises_parse_error() -> None:
    with pytest.raises(ParseError):
        parse("", source_file=SOURCE)


def test_split_description_removes_labels() -> None:
    assert split_description(("Mục đích: quản lý.", "Phạm vi : Toàn tỉnh", "Nội dung:", "- Quản lý", "hồ sơ.")) == {
        "purpose": "quản lý.",
        "scope": "Toàn tỉnh",
        "content": "- Quản lý hồ sơ.",
    }
