"""Questions asked with the names of 2025 (bodies merged or split, provinces merged), on the real catalogues."""

from __future__ import annotations

from assistant import Assistant

DECREE = "Nghị định 45/2025/NĐ-CP"
RESOLUTION = "Nghị quyết 202/2025/QH15"


def _cited(answer) -> list[str]:  # type: ignore[no-untyped-def]
    return [c.id for c in answer.citations]


def test_successor_body_finds_the_rows_of_both_predecessors_with_the_decree(assistant: Assistant) -> None:
    a = assistant.ask("Sở Nông nghiệp và Môi trường Hà Tĩnh quản lý những CSDL nào?")
    assert a.status.value == "answered"
    assert {"ha-tinh-2022/29", "ha-tinh-2022/30", "ha-tinh-2022/12"} <= set(_cited(a))
    assert "không có CSDL nào ghi Sở Nông nghiệp và Môi trường" in a.text
    assert "Sở Tài nguyên và Môi trường quản lý 2 CSDL" in a.text
    assert "Sở Nông nghiệp và Phát triển nông thôn quản lý 1 CSDL" in a.text
    assert f"thuộc Sở Nông nghiệp và Môi trường ({DECREE})" in a.text


def test_own_rows_and_the_merged_departments_rows_are_told_apart(assistant: Assistant) -> None:
    a = assistant.ask("Sở Tài chính Hà Tĩnh quản lý CSDL nào?")
    assert _cited(a) == ["ha-tinh-2022/33", "ha-tinh-2022/1", "ha-tinh-2022/2", "ha-tinh-2022/3", "ha-tinh-2022/4",
                         "ha-tinh-2022/5"]  # fmt: skip
    own, merged = a.text.split("Sở Kế hoạch và Đầu tư quản lý 5 CSDL", 1)
    assert "Danh mục của Hà Tĩnh có 1 CSDL do Sở Tài chính quản lý" in own and "CSDL về tài chính [1]" in own
    assert f"thuộc Sở Tài chính ({DECREE})" in merged and "CSDL về đăng ký doanh nghiệp [4]" in merged
    assert "6 CSDL" in merged


def test_merged_province_is_answered_from_the_catalogue_held_for_its_area(assistant: Assistant) -> None:
    a = assistant.ask("CSDL đất đai của Hải Phòng?")
    assert a.status.value == "answered"
    assert _cited(a)[0] == "hai-duong-2022/14"
    assert f"thành phố Hải Phòng gồm tỉnh Hải Dương và thành phố Hải Phòng trước đây ({RESOLUTION})" in a.text
    assert "danh mục năm 2022 của Hải Dương" in a.text
    assert "Sở Tài nguyên và Môi trường" in a.text
    assert f"thuộc Sở Nông nghiệp và Môi trường ({DECREE})" in a.text


def test_count_of_a_former_department_names_its_successor_and_the_province_now(assistant: Assistant) -> None:
    a = assistant.ask("Sở Giao thông vận tải Hải Dương quản lý bao nhiêu CSDL?")
    assert _cited(a) == ["hai-duong-2022/25", "hai-duong-2022/26"]
    assert "Danh mục của Hải Dương có 2 CSDL do Sở Giao thông vận tải quản lý" in a.text
    assert f"chức năng của Sở Giao thông vận tải thuộc Sở Xây dựng ({DECREE})" in a.text
    assert f"tỉnh Hải Dương là một phần của thành phố Hải Phòng ({RESOLUTION})" in a.text


def test_split_duties_name_every_candidate_and_choose_none(assistant: Assistant) -> None:
    a = assistant.ask("Sở LĐTBXH Quảng Ninh quản lý CSDL nào?")
    assert a.status.value == "not_found" and _cited(a) == []
    for candidate in ("Sở Nội vụ (", "Sở Y tế (", "Sở Giáo dục và Đào tạo ("):
        assert candidate in a.text
    b = assistant.ask("Sở Y tế Hà Tĩnh quản lý bao nhiêu CSDL?")
    assert _cited(b)[0] == "ha-tinh-2022/18"
    assert {"ha-tinh-2022/26", "ha-tinh-2022/27", "ha-tinh-2022/28"} <= set(_cited(b))
    assert "danh mục không ghi CSDL nào thuộc sở nào" in b.text


def test_a_former_department_asked_of_a_later_catalogue_gets_its_successors_rows(assistant: Assistant) -> None:
    a = assistant.ask("Sở GTVT Quảng Ninh quản lý những CSDL nào?")
    assert "Danh mục năm 2026 của Quảng Ninh không ghi Sở Giao thông vận tải" in a.text
    assert "quang-ninh-2026/A-16" in _cited(a) and "Sở Xây dựng quản lý 5 CSDL trong danh mục này" in a.text


def test_a_short_form_only_the_registry_knows_names_the_body(assistant: Assistant) -> None:
    a = assistant.ask("STNMT Hà Tĩnh quản lý những CSDL nào?")
    assert _cited(a) == ["ha-tinh-2022/29", "ha-tinh-2022/30"]


def test_the_repaired_cell_is_counted_with_its_body_and_shows_what_the_source_wrote(assistant: Assistant) -> None:
    a = assistant.ask("Sở Nông nghiệp và Môi trường Quảng Ninh quản lý bao nhiêu CSDL?")
    assert len(_cited(a)) == 11 and "quang-ninh-2026/B-11" in _cited(a)
    assert "có 11 CSDL" in a.text
    assert "(văn bản nguồn ghi: «Sở Nông ngành và Môi trường»)" in a.text


def test_spellings_of_one_body_are_counted_together(assistant: Assistant) -> None:
    a = assistant.ask("Sở NN&PTNT quản lý những CSDL nào?")
    assert {"ha-tinh-2022/12", "hai-duong-2022/29"} <= set(_cited(a))


def test_a_follow_up_moves_the_successor_question_to_another_province(assistant: Assistant) -> None:
    first = assistant.ask("Sở Nông nghiệp và Môi trường Hà Tĩnh quản lý những CSDL nào?")
    a = assistant.ask("Còn ở Hải Dương thì sao?", session_id=first.session_id)
    assert {"hai-duong-2022/14", "hai-duong-2022/29"} <= set(_cited(a))
    assert all(c.startswith("hai-duong-2022/") for c in _cited(a))


def test_who_manages_in_a_2022_catalogue_says_who_has_the_duty_now(assistant: Assistant) -> None:
    a = assistant.ask("Cơ quan nào quản lý CSDL đất đai ở Hà Tĩnh?")
    assert _cited(a) == ["ha-tinh-2022/29"]
    assert "Sở Tài nguyên và Môi trường. [1]" in a.text
    assert f"thuộc Sở Nông nghiệp và Môi trường ({DECREE})" in a.text


def test_an_answer_from_the_2026_catalogue_needs_no_succession_note(assistant: Assistant) -> None:
    a = assistant.ask("Cơ quan nào quản lý CSDL khoáng sản ở Quảng Ninh?")
    assert _cited(a)[0] == "quang-ninh-2026/A-29"
    assert DECREE not in a.text and RESOLUTION not in a.text


def test_a_province_whose_area_no_catalogue_covers_is_still_refused(assistant: Assistant) -> None:
    a = assistant.ask("Hà Nội có CSDL đất đai không?")
    assert a.status.value == "not_found"
    assert "chưa có danh mục của Hà Nội" in a.text
