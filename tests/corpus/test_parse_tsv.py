"""The "tsv" layout parser on the real Quảng Ninh 2026 decision."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from corpus.errors import ParseError
from corpus.parse_tsv import parse
from corpus.records import CatalogueEntry, DeclaredCount, ParsedDocument

SOURCE = "quang-ninh-2026.txt"
FIELDS = ("name", "agency", "purpose", "scope", "content", "collection", "sharing", "notes")


@pytest.fixture(scope="module")
def text(sources_dir: Path) -> str:
    return (sources_dir / SOURCE).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def parsed(text: str) -> ParsedDocument:
    return parse(text, source_file=SOURCE)


def entry(parsed: ParsedDocument, key: str) -> CatalogueEntry:
    return next(e for e in parsed.entries if e.id == f"quang-ninh-2026/{key}")


def test_parses_31_entries_in_group_a_and_13_in_group_b(parsed: ParsedDocument) -> None:
    expected = [f"quang-ninh-2026/A-{n}" for n in range(1, 32)] + [f"quang-ninh-2026/B-{n}" for n in range(1, 14)]
    assert [e.id for e in parsed.entries] == expected


def test_document_province_and_year_come_from_the_text(parsed: ParsedDocument) -> None:
    document = parsed.document
    assert (document.id, document.province, document.number, document.date) == (
        "quang-ninh-2026",
        "Quảng Ninh",
        None,
        "2026",
    )


def test_group_headings_give_group_and_title(parsed: ParsedDocument) -> None:
    assert entry(parsed, "A-1").group_title == "NHÓM CSDL DO BỘ, NGÀNH TRUNG ƯƠNG TRIỂN KHAI"
    assert entry(parsed, "B-13").group_title == "NHÓM CSDL DO TỈNH TRIỂN KHAI"
    assert {e.group for e in parsed.entries} == {"A", "B"}


def test_sector_heading_gives_sector_without_numeral_or_count(parsed: ParsedDocument) -> None:
    assert entry(parsed, "A-15").sector == "LĨNH VỰC NỘI VỤ"
    assert entry(parsed, "A-16").sector == "LĨNH VỰC XÂY DỰNG"
    assert entry(parsed, "B-13").sector == "LĨNH VỰC KHÁC"


def test_sector_headings_declare_counts_with_their_line(parsed: ParsedDocument) -> None:
    assert parsed.declared_counts[0] == DeclaredCount(group="A", sector="LĨNH VỰC NỘI VỤ", count=15, line=94)
    assert len(parsed.declared_counts) == 12


def test_declared_sector_counts_match_the_rows(parsed: ParsedDocument) -> None:
    rows = Counter((e.group, e.sector) for e in parsed.entries)
    assert {(c.group, c.sector): c.count for c in parsed.declared_counts} == dict(rows)
    assert sum(c.count for c in parsed.declared_counts if c.group == "A") == 31
    assert sum(c.count for c in parsed.declared_counts if c.group == "B") == 13


def test_columns_map_to_fields_with_scope_null(parsed: ParsedDocument) -> None:
    first = entry(parsed, "A-1")
    assert (first.name, first.agency) == ("CSDL tổ chức, bộ máy", "Sở Nội vụ")
    assert first.purpose == ("Quản lý dữ liệu về tổ chức, bộ máy phục vụ công tác quản lý nhà nước về tổ chức, bộ máy")
    assert first.scope is None
    assert first.content is not None and first.content.startswith(
        "- Thông tin về tổ chức, bộ máy cơ quan hành chính nhà nước, đơn vị sự nghiệp công lập;"
    )
    assert first.notes == "Quyết định số 413/QĐ-BNV ngày 26/4/2025 của Bộ Nội vụ"


def test_empty_notes_cell_is_null(parsed: ParsedDocument) -> None:
    assert entry(parsed, "A-16").notes is None


# Every row a page break splits: (entry, field, its full text after joining, first and last source line).
PAGE_BREAK_ROWS = [
    ("A-2", "content", "- Thông tin quản lý khác.", (96, 98)),
    ("A-7", "name", "CSDL quản lý tổ chức, cá nhân hoạt động kinh doanh dịch vụ lưu trữ.", (104, 106)),
    ("A-10", "name", "CSDL tổ chức dịch vụ việc làm", (109, 111)),
    ("A-12", "name", "CSDL người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng", (113, 115)),
    (
        "A-15",
        "purpose",
        "Quản lý toàn bộ thông tin về hồ sơ người có công phục vụ thực hiện, giám sát chính sách "
        "ưu đãi đối với đối tượng người có công.",
        (118, 120),
    ),
    (
        "A-19",
        "content",
        "(2) Quản lý, vận hành, công bố và khai thác hệ thống thông tin theo mô hình quản trị dữ liệu "
        "tập trung, thống nhất.",
        (126, 128),
    ),
    ("A-21", "agency", "Ban Quản lý Khu kinh tế Quảng Ninh", (130, 132)),
    (
        "A-23",
        "purpose",
        "Thông tin và sử dụng dịch vụ Sở hữu công nghiệp phục vụ nhu cầu đa dạng của người dùng khác "
        "nhau như: Nghiên cứu tạo dựng tài sản trí tuệ, bảo hộ bảo vệ quyền sở hữu trí tuệ, thương mại hóa tài sản trí "
        "tuệ ... từ đó mang lại các lợi ích thiết thực cho tổ chức, cá nhân, doanh nghiệp.",
        (135, 137),
    ),
    ("A-28", "name", "CSDL môi trường", (144, 146)),
    (
        "A-30",
        "purpose",
        "Truy xuất nguồn gốc, quản lý an toàn thực phẩm; phục vụ công tác kiểm tra, xử lý vi phạm và "
        "bảo vệ người tiêu dùng",
        (148, 150),
    ),
    ("B-1", "purpose", "- Quản lý thông tin, dữ liệu học sinh, giáo viên trên địa bàn tỉnh.", (155, 157)),
    ("B-3", "collection", "- Nguồn dữ liệu liên kết: CSDL BHYT; CSDL phần mềm quản lý thông tin bệnh viện", (160, 162)),
    (
        "B-5",
        "purpose",
        "- Tăng cường tính tương tác; dễ dàng kiểm tra tiến trình, trích xuất dữ liệu để báo cáo theo "
        "nhiều trường dữ liệu.",
        (165, 167),
    ),
    (
        "B-6",
        "content",
        "-Truyền thông và quảng bá: Thông cáo báo chí; Ảnh, video, ấn phẩm số (poster, banner, "
        "clip...); mạng xã hội của sự kiện,...",
        (169, 171),
    ),
    ("B-7", "content", "CSDL về nhiệm vụ/dự án Công nghệ thông tin, Chuyển đổi số.", (173, 175)),
    ("B-11", "collection", "Thu thập, số hóa hồ sơ về Quan trắc môi trường", (180, 182)),
]


@pytest.mark.parametrize(
    ("key", "field", "line", "source_lines"), PAGE_BREAK_ROWS, ids=[row[0] for row in PAGE_BREAK_ROWS]
)
def test_page_break_fragment_continues_its_row_column_by_column(
    parsed: ParsedDocument, key: str, field: str, line: str, source_lines: tuple[int, int]
) -> None:
    record = entry(parsed, key)
    assert line in str(getattr(record, field)).split("\n")
    assert record.source_lines == source_lines


def test_page_break_fragment_fills_several_columns_of_one_row(parsed: ParsedDocument) -> None:
    environment = entry(parsed, "A-28")
    assert environment.agency == "Sở Nông nghiệp và Môi trường"
    assert environment.purpose == "Quản lý thông tin dữ liệu môi trường trên địa bàn tỉnh"


def test_word_repeated_across_a_page_break_is_kept_once(parsed: ParsedDocument) -> None:
    assert entry(parsed, "A-7").agency == "Sở Nội vụ"
    assert entry(parsed, "A-10").purpose is not None
    assert entry(parsed, "A-10").purpose.startswith("Quản lý dữ liệu về tổ chức dịch vụ việc làm, kết quả hoạt động")


def test_source_typo_across_a_page_break_is_kept_verbatim(parsed: ParsedDocument) -> None:
    assert entry(parsed, "B-11").agency == "Sở Nông ngành và Môi trường"


def test_html_is_removed_from_every_field(parsed: ParsedDocument) -> None:
    for record in parsed.entries:
        for field in FIELDS:
            value = getattr(record, field)
            assert value is None or ("<" not in value and "style=" not in value), (record.id, field)


def test_html_list_items_become_lines(parsed: ParsedDocument) -> None:
    assert entry(parsed, "B-13").content == (
        "Các trường thông tin bao gồm:\n- Số công báo\n- Ngày ban hành\n- Cơ quan ban hành\n- Loại văn bản\n- Trích yếu"
    )


def test_dash_in_running_text_is_not_a_list_item(parsed: ParsedDocument) -> None:
    content = entry(parsed, "B-10").content
    assert content is not None and "CSDL Địa hình - Thổ nhưỡng; CSDL Tài nguyên rừng" in content


def test_sharing_cells_name_no_mode(parsed: ParsedDocument) -> None:
    assert entry(parsed, "A-1").sharing == (
        "Kết nối, chia sẻ dữ liệu với các hệ thống thông tin quốc gia, bộ, ngành và các hệ thống thông tin của tỉnh"
    )
    assert all(e.sharing_modes == [] for e in parsed.entries)


def test_missing_table_header_is_a_parse_error(text: str) -> None:
    with pytest.raises(ParseError, match="không tìm thấy tiêu đề bảng"):
        parse(text.replace("TT\tTên cơ sở dữ liệu", "Số TT\tTên cơ sở dữ liệu"), source_file=SOURCE)


def test_row_with_non_numeric_tt_is_a_parse_error_naming_its_line(text: str) -> None:
    with pytest.raises(ParseError, match="số TT") as error:
        parse(text.replace("\n8\tCSDL lao động", "\nTám\tCSDL lao động"), source_file=SOURCE)
    assert error.value.line == 107


def test_line_with_more_than_eight_cells_is_a_parse_error(text: str) -> None:
    with pytest.raises(ParseError, match="có 9 ô") as error:
        parse(text.replace("của Bộ Nội vụ\n4\t", "của Bộ Nội vụ\tthừa\n4\t"), source_file=SOURCE)
    assert error.value.line == 99


def test_continuation_line_under_a_heading_is_a_parse_error(text: str) -> None:
    heading = "I LĨNH VỰC NỘI VỤ: 15 CSDL\t\t\t\t\t\t\t\n"
    broken = text.replace(heading, heading + "\tx\n")
    with pytest.raises(ParseError, match="không có hàng nào phía trên") as error:
        parse(broken, source_file=SOURCE)
    assert error.value.line == 95


def test_empty_text_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="không tìm thấy tiêu đề bảng"):
        parse("", source_file=SOURCE)
