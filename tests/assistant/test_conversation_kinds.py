"""Kinds of turns the retrieval-first assistant handles as classes (one behaviour each, real documents, BM25)."""

from __future__ import annotations

from assistant import Assistant
from assistant.answer import AnswerStatus
from assistant.question import understand


def test_decision_number_we_do_not_hold_is_not_found(assistant: Assistant) -> None:
    a = assistant.ask("Quyết định 2609/QĐ-UBND của Quảng Ninh gồm bao nhiêu CSDL?")
    assert a.status is AnswerStatus.NOT_FOUND
    assert "1402/QĐ-UBND" in a.text  # says which decisions are held


def test_decision_year_we_do_not_hold_is_not_found(assistant: Assistant) -> None:
    a = assistant.ask("Quyết định ban hành danh mục CSDL dùng chung của Hà Tĩnh năm 2019 do ai ký?")
    assert a.status is AnswerStatus.NOT_FOUND


def test_follow_up_without_conversation_asks_back(assistant: Assistant) -> None:
    assert assistant.ask("Còn ở Hải Dương thì sao?").status is AnswerStatus.CLARIFY


def test_count_names_what_it_counted(assistant: Assistant) -> None:
    a = assistant.ask("Sở Tư pháp Hà Tĩnh quản lý bao nhiêu CSDL?")
    assert a.status is AnswerStatus.ANSWERED
    assert "2 CSDL" in a.text and "lý lịch tư pháp" in a.text and "hộ tịch điện tử" in a.text


def test_ordinal_picks_from_the_list_just_given(assistant: Assistant) -> None:
    first = assistant.ask("Sở Tư pháp Hà Tĩnh quản lý những CSDL nào?")
    listed = [c.id for c in first.citations]
    second = assistant.ask("Cái thứ hai chia sẻ theo hình thức nào?", session_id=first.session_id)
    assert second.citations[0].id == listed[1]


def test_within_keeps_the_province_of_the_conversation(assistant: Assistant) -> None:
    first = assistant.ask("Hải Dương có bao nhiêu CSDL?")
    second = assistant.ask("Trong đó Sở Tư pháp quản lý những cái nào?", session_id=first.session_id)
    assert {c.document_id for c in second.citations} == {"hai-duong-2022"}


def test_who_enters_the_data_is_answered_from_the_collection_column(assistant: Assistant) -> None:
    a = assistant.ask("Đơn vị nào nhập dữ liệu vào CSDL tài liệu lưu trữ điện tử tại Lưu trữ lịch sử tỉnh Hà Tĩnh?")
    assert a.citations[0].id == "ha-tinh-2022/15"
    assert "Cơ chế thu thập" in a.text and "Trung tâm Lưu trữ lịch sử tỉnh có trách nhiệm nhập dữ liệu" in a.text


def test_count_of_something_that_is_not_a_database_is_not_a_count(assistant: Assistant) -> None:
    a = assistant.ask("Số lượng thuê bao điện thoại ở Quảng Ninh nằm trong CSDL nào, ai quản lý?")
    assert a.citations and a.citations[0].id == "quang-ninh-2026/A-24"


def test_list_that_comes_to_one_database_answers_its_asked_column(assistant: Assistant) -> None:
    a = assistant.ask("Sở Thông tin và Truyền thông Hà Tĩnh phụ trách CSDL nào, nội dung chính là gì?")
    assert a.citations[0].id == "ha-tinh-2022/22"
    assert "Nội dung" in a.text


def test_everyday_word_reaches_the_official_term(assistant: Assistant) -> None:
    a = assistant.ask("Ở Hà Tĩnh, dữ liệu về án tích của công dân do cơ quan nào nắm giữ?")
    assert a.status is AnswerStatus.ANSWERED
    assert a.citations[0].id == "ha-tinh-2022/31"


def test_topical_yes_no_question_with_a_status_no_catalogue_states_answers_the_entry(assistant: Assistant) -> None:
    # Quảng Ninh's notes say "đang vận hành", never "đã đưa vào sử dụng": no filter, the notes column is asked.
    a = assistant.ask("Ở Quảng Ninh có hệ thống nào cảnh báo lũ quét, ngập lụt không, đã đưa vào sử dụng chưa?")
    assert [c.id for c in a.citations] == ["quang-ninh-2026/B-10"]
    assert "đang vận hành" in a.text


def test_khac_nhau_and_khac_voi_compare_and_are_not_other(assistant: Assistant) -> None:
    for text in ("CSDL đất đai của Hà Tĩnh và Quảng Ninh khác nhau thế nào?", "Hà Tĩnh khác với Quảng Ninh ra sao?"):
        q = understand(text, assistant.index)
        assert (q.wants_compare, q.wants_other) == (True, False), text


def test_khac_before_another_word_is_still_other(assistant: Assistant) -> None:
    q = understand("Cơ quan đó còn quản lý CSDL nào khác giúp mình?", assistant.index)
    assert (q.wants_compare, q.wants_other) == (False, True)


def test_when_will_it_be_done_asks_the_notes_column(assistant: Assistant) -> None:
    a = assistant.ask("CSDL quan trắc môi trường định kỳ của Quảng Ninh bao giờ thì hoàn thành?")
    assert a.citations[0].id == "quang-ninh-2026/B-11"
    assert "đã có sẵn, đang vận hành" in a.text


def test_what_responsibilities_quotes_the_whole_clause_with_its_points(assistant: Assistant) -> None:
    a = assistant.ask("Theo quyết định của Hà Tĩnh, các đơn vị quản lý CSDL trong danh mục có những trách nhiệm gì?")
    assert a.citations[0].id == "ha-tinh-2022/dieu-2.2"
    assert "a)" in a.text and "b)" in a.text


def test_a_pronoun_in_a_conversation_about_one_decisions_clause_stays_in_that_decision(assistant: Assistant) -> None:
    first = assistant.ask("Quyết định của Hải Dương giao Sở Thông tin và Truyền thông những nhiệm vụ gì?")
    second = assistant.ask("Cơ quan đó có phải đề xuất điều chỉnh danh mục không?", session_id=first.session_id)
    assert second.status is AnswerStatus.ANSWERED
    assert second.citations[0].id.startswith("hai-duong-2022/dieu-2.")
    assert all(c.id.startswith("hai-duong-2022/") for c in second.citations)


def test_a_pronoun_with_a_province_we_do_not_hold_is_not_answered_from_the_conversations_decision(
    assistant: Assistant,
) -> None:
    first = assistant.ask("Quyết định của Hải Dương giao Sở Thông tin và Truyền thông những nhiệm vụ gì?")
    second = assistant.ask("Ở Nghệ An, cơ quan đó có nhiệm vụ gì?", session_id=first.session_id)
    assert second.status is AnswerStatus.NOT_FOUND
    assert not any(c.id.startswith("hai-duong-2022/dieu") for c in second.citations)


def test_a_column_asked_of_something_no_record_holds_is_not_the_previous_database(assistant: Assistant) -> None:
    first = assistant.ask("Ai quản lý CSDL đất đai ở Hà Tĩnh?")
    second = assistant.ask("Còn dữ liệu về sân bay thì ai quản lý?", session_id=first.session_id)
    assert "ha-tinh-2022/29" not in [c.id for c in second.citations]


def test_a_follow_up_the_decision_does_not_answer_is_not_found_there_not_a_question_back(assistant: Assistant) -> None:
    first = assistant.ask("Quyết định của Hải Dương giao Sở Thông tin và Truyền thông những nhiệm vụ gì?")
    second = assistant.ask("Cơ quan đó phải báo cáo kết quả cho ai?", session_id=first.session_id)
    assert second.status is AnswerStatus.NOT_FOUND
    assert "Hải Dương" in second.text
