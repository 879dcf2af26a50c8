"""The decision-body parser on the three real decisions."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus.decision import DecisionBody, parse_decision, parse_number_and_date
from corpus.errors import ParseError
from corpus.records import DecisionClause

# The decision part of each source: the lines before its catalogue table header.
DECISION_LINES = {"ha-tinh-2022.txt": 46, "hai-duong-2022.txt": 176, "quang-ninh-2026.txt": 90}


def lines_of(sources_dir: Path, name: str) -> list[str]:
    return (sources_dir / name).read_text(encoding="utf-8").split("\n")[: DECISION_LINES[name]]


@pytest.fixture(scope="module")
def ha_tinh(sources_dir: Path) -> DecisionBody:
    return parse_decision(lines_of(sources_dir, "ha-tinh-2022.txt"), source_file="ha-tinh-2022.txt")


@pytest.fixture(scope="module")
def hai_duong(sources_dir: Path) -> DecisionBody:
    return parse_decision(lines_of(sources_dir, "hai-duong-2022.txt"), source_file="hai-duong-2022.txt")


@pytest.fixture(scope="module")
def quang_ninh(sources_dir: Path) -> DecisionBody:
    return parse_decision(lines_of(sources_dir, "quang-ninh-2026.txt"), source_file="quang-ninh-2026.txt")


def clause(body: DecisionBody, suffix: str) -> DecisionClause:
    return next(c for c in body.clauses if c.id == f"{body.document_id}/{suffix}")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("(Kèm theo Quyết định số 1402/QĐ-UBND ngày 12/7/2022 của Chủ tịch UBND tỉnh)", ("1402/QĐ-UBND", "2022-07-12")),
        (
            "(Kèm theo Quyết định số          /QĐ-UBND ngày      /3/2022 của Ủy ban nhân dân tỉnh Hải Dương)",
            (None, "2022-03"),
        ),
        ("Số: /QĐ-UBND Quảng Ninh, ngày tháng năm 2026", (None, "2026")),
        ("Số: 1402/QĐ-UBND Hà Tĩnh, ngày 12 tháng 7 năm 2022", ("1402/QĐ-UBND", "2022-07-12")),
    ],
)
def test_number_and_date_keep_only_what_the_text_fills_in(text: str, expected: tuple[str | None, str | None]) -> None:
    assert parse_number_and_date(text) == expected


def test_ha_tinh_metadata(ha_tinh: DecisionBody) -> None:
    assert (ha_tinh.document_id, ha_tinh.province, ha_tinh.number, ha_tinh.date) == (
        "ha-tinh-2022",
        "Hà Tĩnh",
        "1402/QĐ-UBND",
        "2022-07-12",
    )
    assert ha_tinh.issuer == "Chủ tịch Ủy ban nhân dân tỉnh"
    assert (ha_tinh.signer, ha_tinh.signer_title) == ("Lê Ngọc Châu", "KT. Chủ tịch, Phó Chủ tịch")
    assert ha_tinh.replaces is None


def test_title_in_capitals_is_recased_after_the_decisions_own_spelling(ha_tinh: DecisionBody) -> None:
    assert ha_tinh.title == "Ban hành Danh mục cơ sở dữ liệu dùng chung tỉnh Hà Tĩnh"


def test_legal_bases_are_the_can_cu_lines_only(ha_tinh: DecisionBody) -> None:
    assert len(ha_tinh.legal_bases) == 6
    assert ha_tinh.legal_bases[1] == "Căn cứ Luật Công nghệ thông tin ngày 29/6/2006;"
    assert not any(b.startswith("Theo đề nghị") for b in ha_tinh.legal_bases)


def test_ha_tinh_clause_ids_are_complete(ha_tinh: DecisionBody) -> None:
    assert [c.id.split("/")[1] for c in ha_tinh.clauses] == [
        "dieu-1",
        "dieu-2",
        "dieu-2.1",
        "dieu-2.1.a",
        "dieu-2.1.b",
        "dieu-2.2",
        "dieu-2.2.a",
        "dieu-2.2.b",
        "dieu-3",
    ]


def test_article_heading_is_its_title(ha_tinh: DecisionBody) -> None:
    assert clause(ha_tinh, "dieu-2").heading == "Tổ chức thực hiện"
    assert clause(ha_tinh, "dieu-2.1.a").heading == "Tổ chức thực hiện"
    assert clause(ha_tinh, "dieu-1").heading is None


def test_point_text_carries_its_clause_lead_in(ha_tinh: DecisionBody) -> None:
    point = clause(ha_tinh, "dieu-2.1.b")
    assert point.text.split("\n") == [
        "1. Sở Thông tin và Truyền thông:",
        "b) Tham mưu cho Ủy ban nhân dân tỉnh kịp thời điều chỉnh, bổ sung Danh mục cơ sở dữ liệu dùng chung của tỉnh "
        "khi có thay đổi trong quá trình sử dụng thực tế.",
    ]
    assert (point.article, point.clause, point.point) == (2, 1, "b")


def test_clause_text_holds_its_lead_in_and_points(ha_tinh: DecisionBody) -> None:
    text = clause(ha_tinh, "dieu-2.2").text
    assert text.startswith(
        "2. Các đơn vị quản lý cơ sở dữ liệu thuộc Danh mục cơ sở dữ liệu dùng chung tỉnh Hà Tĩnh "
        "có trách nhiệm:\na) Xây dựng, cập nhật"
    )
    assert "\nb) Chủ trì rà soát các cơ sở dữ liệu" in text


def test_paragraph_after_the_last_article_belongs_to_it(ha_tinh: DecisionBody) -> None:
    text = clause(ha_tinh, "dieu-3").text
    assert text.startswith(
        "Điều 3. Quyết định này có hiệu lực kể từ ngày ban hành.\nChánh Văn phòng Ủy ban nhân dân "
        "tỉnh, Giám đốc Sở Thông tin và Truyền thông"
    )
    assert "Nơi nhận" not in text


def test_quang_ninh_clause_ids_are_complete(quang_ninh: DecisionBody) -> None:
    assert [c.id.split("/")[1] for c in quang_ninh.clauses] == [
        "dieu-1",
        "dieu-2",
        "dieu-2.1",
        "dieu-2.1.a",
        "dieu-2.1.b",
        "dieu-2.1.c",
        "dieu-2.1.d",
        "dieu-2.2",
        "dieu-2.2.a",
        "dieu-2.2.b",
        "dieu-2.2.c",
        "dieu-2.3",
        "dieu-2.3.a",
        "dieu-2.3.b",
        "dieu-2.3.c",
        "dieu-2.4",
        "dieu-2.5",
        "dieu-2.6",
        "dieu-3",
        "dieu-4",
    ]


def test_quang_ninh_point_names_the_agency_of_its_clause(quang_ninh: DecisionBody) -> None:
    assert "Sở Khoa học và Công nghệ" in clause(quang_ninh, "dieu-2.1.c").text


def test_quang_ninh_replaces_decision_2609(quang_ninh: DecisionBody) -> None:
    assert "2609/QĐ-UBND" in clause(quang_ninh, "dieu-3").text
    assert quang_ninh.replaces == (
        "Quyết định 2609/QĐ-UBND ngày 17/9/2024 của Ủy ban nhân dân tỉnh về ban hành "
        "Danh mục cơ sở dữ liệu dùng chung tỉnh Quảng Ninh"
    )


def test_quang_ninh_last_article_stops_before_recipients(quang_ninh: DecisionBody) -> None:
    text = clause(quang_ninh, "dieu-4").text
    assert text.startswith("Điều 4. Chánh Văn phòng Ủy ban nhân dân tỉnh; Giám đốc Sở Khoa học và Công nghệ;")
    assert text.endswith("chịu trách nhiệm thi hành Quyết định này./.")


def test_quang_ninh_metadata(quang_ninh: DecisionBody) -> None:
    assert (quang_ninh.document_id, quang_ninh.number, quang_ninh.date) == ("quang-ninh-2026", None, "2026")
    assert quang_ninh.title == "Ban hành Danh mục cơ sở dữ liệu dùng chung tỉnh Quảng Ninh"
    assert quang_ninh.issuer == "Ủy ban nhân dân tỉnh Quảng Ninh"
    assert (quang_ninh.signer, quang_ninh.signer_title) == (
        "Nguyễn Văn Công",
        "TM. Ủy ban nhân dân, KT. Chủ tịch, Phó Chủ tịch",
    )
    assert len(quang_ninh.legal_bases) == 8


def test_hai_duong_title_keeps_ve_viec_and_fixes_pdf_lookalike_letters(hai_duong: DecisionBody) -> None:
    assert hai_duong.title == "Về việc ban hành Danh mục cơ sở dữ liệu dùng chung tỉnh Hải Dương"
    assert (hai_duong.document_id, hai_duong.province) == ("hai-duong-2022", "Hải Dương")


def test_hai_duong_blank_number_and_day_are_null(hai_duong: DecisionBody) -> None:
    assert (hai_duong.number, hai_duong.date) == (None, "2022-03")


def test_pdf_wrapped_lines_are_rejoined(hai_duong: DecisionBody) -> None:
    assert hai_duong.legal_bases[0] == (
        "Căn cứ Luật Tổ chức chính quyền địa phương ngày 19/6/2015; Luật sửa đổi, bổ sung một số điều của Luật Tổ "
        "chức Chính phủ và Luật Tổ chức chính quyền địa phương ngày 22/11/2019;"
    )
    assert clause(hai_duong, "dieu-1").text == (
        "Điều 1. Ban hành kèm theo Quyết định này Danh mục cơ sở dữ liệu dùng "
        "chung tỉnh Hải Dương (có Danh mục kèm theo)."
    )


def test_url_lines_inside_a_clause_are_dropped(hai_duong: DecisionBody) -> None:
    assert not any("thuvienphapluat" in c.text or "https" in c.text for c in hai_duong.clauses)
    assert clause(hai_duong, "dieu-2.2.a").text == (
        "2. Các đơn vị có cơ sở dữ liệu thuộc Danh mục cơ sở dữ liệu dùng chung của tỉnh:\n"
        "a) Theo thẩm quyền quản lý các cơ sở dữ liệu rà soát quy định nội dung dữ liệu được phép chia sẻ, đối tượng "
        "được chia sẻ phù hợp với các quy định pháp luật chuyên ngành và các hình thức chia sẻ dữ liệu theo Quyết "
        "định này."
    )


def test_hai_duong_clause_ids_are_complete(hai_duong: DecisionBody) -> None:
    assert [c.id.split("/")[1] for c in hai_duong.clauses] == [
        "dieu-1",
        "dieu-2",
        "dieu-2.1",
        "dieu-2.1.a",
        "dieu-2.1.b",
        "dieu-2.1.c",
        "dieu-2.2",
        "dieu-2.2.a",
        "dieu-2.2.b",
        "dieu-2.2.c",
        "dieu-2.2.d",
        "dieu-2.3",
        "dieu-3",
    ]


def test_hai_duong_signature(hai_duong: DecisionBody) -> None:
    assert (hai_duong.signer, hai_duong.signer_title) == ("Nguyễn Minh Hùng", "KT. Chủ tịch, Phó Chủ tịch")


def test_given_document_id_is_used_without_a_date(sources_dir: Path) -> None:
    body = parse_decision(
        lines_of(sources_dir, "hai-duong-2022.txt")[:165],
        source_file="hai-duong-2022.txt",
        document_id="hai-duong-2022",
    )
    assert body.date is None
    assert body.clauses[0].id == "hai-duong-2022/dieu-1"


def test_document_record_carries_the_metadata(ha_tinh: DecisionBody) -> None:
    document = ha_tinh.document()
    assert (document.id, document.title, document.signer) == (
        "ha-tinh-2022",
        "Ban hành Danh mục cơ sở dữ liệu dùng chung tỉnh Hà Tĩnh",
        "Lê Ngọc Châu",
    )
    assert document.legal_bases == list(ha_tinh.legal_bases)


def test_missing_quyet_dinh_line_is_a_parse_error(sources_dir: Path) -> None:
    lines = [line for line in lines_of(sources_dir, "ha-tinh-2022.txt") if line != "QUYẾT ĐỊNH:"]
    with pytest.raises(ParseError, match="QUYẾT ĐỊNH:"):
        parse_decision(lines, source_file="ha-tinh-2022.txt")


def test_missing_legal_basis_is_a_parse_error() -> None:
    with pytest.raises(ParseError, match="Căn cứ"):
        parse_decision(["QUYẾT ĐỊNH", "Ban hành Danh mục", "QUYẾT ĐỊNH:", "Điều 1. X."], source_file="x.txt")


def test_articles_out_of_order_are_a_parse_error_naming_the_line(sources_dir: Path) -> None:
    lines = [line.replace("Điều 3.", "Điều 4.") for line in lines_of(sources_dir, "ha-tinh-2022.txt")]
    with pytest.raises(ParseError, match="cần Điều 3, gặp Điều 4") as error:
        parse_decision(lines, source_file="ha-tinh-2022.txt")
    assert error.value.line == 20


def test_point_outside_a_clause_is_a_parse_error() -> None:
    lines = [
        "Số: 1/QĐ-UBND Hà Tĩnh, ngày 1 tháng 1 năm 2022",
        "QUYẾT ĐỊNH",
        "Ban hành Danh mục tỉnh Hà Tĩnh",
        "Căn cứ Luật Dữ liệu;",
        "QUYẾT ĐỊNH:",
        "Điều 1. Tổ chức thực hiện",
        "a) Giao Sở Nội vụ.",
    ]
    with pytest.raises(ParseError, match="nằm ngoài khoản") as error:
        parse_decision(lines, source_file="x.txt")
    assert error.value.line == 7


def test_province_with_a_hyphenated_name_is_read_from_the_title() -> None:
    lines = [
        "QUYẾT ĐỊNH",
        "Ban hành Danh mục cơ sở dữ liệu dùng chung tỉnh Bà Rịa - Vũng Tàu",
        "CHỦ TỊCH",
        "Căn cứ Luật Dữ liệu;",
        "QUYẾT ĐỊNH:",
        "Điều 1. Ban hành.",
    ]
    body = parse_decision(lines, source_file="x.txt", document_id="ba-ria-vung-tau-2024")
    assert body.province == "Bà Rịa - Vũng Tàu"


def test_title_naming_no_province_is_a_parse_error() -> None:
    lines = [
        "QUYẾT ĐỊNH",
        "Ban hành Danh mục cơ sở dữ liệu dùng chung",
        "CHỦ TỊCH",
        "Căn cứ Luật Dữ liệu;",
        "QUYẾT ĐỊNH:",
        "Điều 1. Ban hành.",
    ]
    with pytest.raises(ParseError, match="tỉnh ban hành"):
        parse_decision(lines, source_file="x.txt", document_id="x-2024")


def test_ha_tinh_proposal_is_the_theo_de_nghi_line(ha_tinh: DecisionBody) -> None:
    assert ha_tinh.proposal == (
        "Theo đề nghị của Sở Thông tin và Truyền thông tại Văn bản số 22/TTr-STTTT ngày 30/5/2022 "
        "(sau khi thống nhất với các cơ quan có liên quan)"
    )


def test_hai_duong_proposal_rejoins_the_wrapped_to_trinh_number(hai_duong: DecisionBody) -> None:
    assert hai_duong.proposal == (
        "Theo đề nghị của Sở Thông tin và Truyền thông tại Tờ trình số 148/TTr-STTTT ngày 10/02/2022"
    )


def test_quang_ninh_proposal_is_carried_by_the_document_record(quang_ninh: DecisionBody) -> None:
    assert quang_ninh.document().proposal == (
        "Theo đề nghị của Sở Khoa học và Công nghệ tại Tờ trình số 2158/TTr-KHCN ngày 18/5/2026 "
        "và ý kiến thống nhất của thành viên Ủy ban nhân dân tỉnh"
    )
