"""What the decisions require of bodies, asked in a conversation: a turn that opens with "Còn …", the tasks of the
body the last answer named (a database's agency, a clause's addressee, the proposer), duties of a kind of body in
words the model does not accept alone, and set questions framed by "liên quan đến" or naming a department without
"Sở" (BM25, real documents; every question is written for the test, as a class of questions)."""

from __future__ import annotations

from assistant import Assistant
from assistant.answer import AnswerStatus
from assistant.question import understand


def _ids(answer) -> list[str]:  # type: ignore[no-untyped-def]
    return [c.id for c in answer.citations]


def test_a_turn_that_opens_with_con_is_a_follow_up(assistant: Assistant) -> None:
    assert understand("Còn những nơi chưa có CSDL trong danh mục phải thực hiện gì?", assistant.index).follow_up
    assert understand("Cho tôi hỏi thêm, còn CSDL đất đai ai quản lý?", assistant.index).follow_up


def test_a_duty_follow_up_stays_in_the_decision_the_conversation_is_about(assistant: Assistant) -> None:
    first = assistant.ask("Theo quyết định của Quảng Ninh, cơ quan có CSDL trong danh mục phải làm gì?")
    second = assistant.ask("Còn đơn vị chưa có CSDL trong danh mục thì phải thực hiện gì?", session_id=first.session_id)
    assert second.status is AnswerStatus.ANSWERED
    assert _ids(second)[0] == "quang-ninh-2026/dieu-2.4"
    assert all(i.startswith("quang-ninh-2026/") for i in _ids(second))


def test_the_agency_of_the_database_just_named_is_asked_its_tasks(assistant: Assistant) -> None:
    first = assistant.ask("Nền tảng LGSP của Hải Dương do ai quản lý?")
    second = assistant.ask("Theo quyết định, cơ quan đó được giao những nhiệm vụ gì?", session_id=first.session_id)
    assert _ids(second)[0] == "hai-duong-2022/dieu-2.1"


def test_a_task_named_picks_the_point_of_the_agencys_clause(assistant: Assistant) -> None:
    first = assistant.ask("Nền tảng LGSP của Hải Dương do ai quản lý?")
    second = assistant.ask("Cơ quan ấy được giao xây dựng kho dữ liệu nào?", session_id=first.session_id)
    assert _ids(second)[0] == "hai-duong-2022/dieu-2.1.a"


def test_a_body_no_clause_names_is_tasked_as_manager_of_a_listed_database(assistant: Assistant) -> None:
    first = assistant.ask("CSDL đất đai của Quảng Ninh do cơ quan nào quản lý?")
    second = assistant.ask("Cơ quan đó có trách nhiệm gì theo quyết định?", session_id=first.session_id)
    assert _ids(second)[0] == "quang-ninh-2026/dieu-2.3"


def test_the_body_a_clause_addresses_is_asked_its_other_tasks(assistant: Assistant) -> None:
    first = assistant.ask("Ở Quảng Ninh, cơ quan nào chủ trì triển khai Chiến lược dữ liệu của tỉnh?")
    assert _ids(first)[0].startswith("quang-ninh-2026/dieu-2.2")
    second = assistant.ask("Cơ quan này còn được giao những nhiệm vụ gì?", session_id=first.session_id)
    assert _ids(second)[0] == "quang-ninh-2026/dieu-2.2"


def test_the_body_that_proposed_the_decision_is_asked_its_tasks(assistant: Assistant) -> None:
    first = assistant.ask("Quyết định của Quảng Ninh được ban hành theo đề nghị của cơ quan nào?")
    second = assistant.ask("Cơ quan đó được giao những nhiệm vụ gì?", session_id=first.session_id)
    assert _ids(second)[0] == "quang-ninh-2026/dieu-2.1"


def test_duties_of_a_kind_of_body_are_the_clause_retrieval_ranks_first(assistant: Assistant) -> None:
    a = assistant.ask("Ở Hải Dương, nơi chưa có cơ sở dữ liệu trong danh mục thì văn bản yêu cầu họ làm gì?")
    assert a.status is AnswerStatus.ANSWERED
    assert _ids(a)[0] == "hai-duong-2022/dieu-2.3"


def test_the_words_of_quyet_dinh_do_not_pick_a_point(assistant: Assistant) -> None:
    a = assistant.ask("Đơn vị chưa có CSDL nào trong danh mục Quảng Ninh thì theo quyết định phải làm gì?")
    assert _ids(a)[0] == "quang-ninh-2026/dieu-2.4"


def test_a_department_named_without_so_is_the_agency_even_with_xa_hoi(assistant: Assistant) -> None:
    a = assistant.ask("lao dong thuong binh xa hoi ha tinh co nhung csdl nao")
    assert set(_ids(a)) == {"ha-tinh-2022/26", "ha-tinh-2022/27", "ha-tinh-2022/28"}


def test_an_aspect_particle_is_no_topic(assistant: Assistant) -> None:
    assert "đang" not in understand("Sở Y tế Quảng Ninh đang quản lý những CSDL nào?", assistant.index).topic


def test_lien_quan_den_frames_a_lists_topic(assistant: Assistant) -> None:
    q = understand("Liệt kê các CSDL liên quan đến trẻ em và hộ nghèo ở Hà Tĩnh", assistant.index)
    assert q.topic_parts == [["trẻ", "em"], ["hộ", "nghèo"]]


def test_another_province_after_a_bodys_clause_is_that_bodys_clause_there(assistant: Assistant) -> None:
    first = assistant.ask("Quyết định của Hải Dương giao Sở Thông tin và Truyền thông những việc gì?")
    second = assistant.ask("Thế còn ở Hà Tĩnh, sở này được giao gì?", session_id=first.session_id)
    assert _ids(second)[0] == "ha-tinh-2022/dieu-2.1"


def test_a_province_without_that_body_answers_the_counterpart_bodys_clause(assistant: Assistant) -> None:
    first = assistant.ask("Quyết định của Hải Dương giao Sở Thông tin và Truyền thông những việc gì?")
    second = assistant.ask("Bên Quảng Ninh thì cơ quan nào giữ vai trò tương tự?", session_id=first.session_id)
    assert _ids(second)[0] == "quang-ninh-2026/dieu-2.1"


def test_a_follow_up_naming_another_database_stays_in_the_conversations_province(assistant: Assistant) -> None:
    first = assistant.ask("Ở Hải Dương, CSDL hộ tịch dùng để làm gì?")
    second = assistant.ask("Còn cái về lý lịch tư pháp thì ai quản lý?", session_id=first.session_id)
    assert _ids(second) == ["hai-duong-2022/17"]


def test_what_a_database_costs_is_not_in_any_catalogue(assistant: Assistant) -> None:
    for question in ("Xây dựng CSDL đất đai của Hà Tĩnh tốn bao nhiêu tiền?",
                     "Mức phí khai thác CSDL hộ tịch Hải Dương là bao nhiêu?",
                     "LGSP Quảng Ninh đồng bộ dữ liệu với tần suất thế nào?"):  # fmt: skip
        a = assistant.ask(question)
        assert a.status is AnswerStatus.NOT_FOUND, question
        assert "không ghi kinh phí" in a.text


def test_a_word_about_money_in_a_databases_content_is_still_asked(assistant: Assistant) -> None:
    a = assistant.ask("Tổ chức phi chính phủ ở Quảng Ninh có CSDL không, bao nhiêu hội?")
    assert a.status is AnswerStatus.ANSWERED


def test_a_department_named_as_a_branch_lists_its_databases(assistant: Assistant) -> None:
    a = assistant.ask("Liệt kê giúp các CSDL do ngành Lao động - Thương binh và Xã hội Hà Tĩnh phụ trách")
    assert set(_ids(a)) == {"ha-tinh-2022/26", "ha-tinh-2022/27", "ha-tinh-2022/28"}


def test_a_sector_that_a_named_province_implements_itself_is_group_b(assistant: Assistant) -> None:
    q = understand("Những CSDL y tế mà Quảng Ninh tự triển khai là gì?", assistant.index)
    assert q.group == "B"


def test_ds_is_shorthand_for_a_list(assistant: Assistant) -> None:
    assert understand("ds csdl so tu phap ha tinh", assistant.index).wants_list


def test_the_groups_of_a_catalogue_are_listed_with_their_titles_and_counts(assistant: Assistant) -> None:
    a = assistant.ask("Danh mục dùng chung của Quảng Ninh gồm những nhóm nào?")
    assert a.status is AnswerStatus.ANSWERED
    assert "NHÓM CSDL DO BỘ, NGÀNH TRUNG ƯƠNG TRIỂN KHAI" in a.text and "NHÓM CSDL DO TỈNH TRIỂN KHAI" in a.text
    assert "31 CSDL" in a.text and "13 CSDL" in a.text


def test_the_first_group_is_group_a(assistant: Assistant) -> None:
    first = assistant.ask("Danh mục dùng chung của Quảng Ninh được chia thành những nhóm nào?")
    second = assistant.ask("Nhóm đầu tiên có bao nhiêu CSDL?", session_id=first.session_id)
    assert "31" in second.text


def test_a_follow_up_that_says_another_databases_name_word_asks_that_database(assistant: Assistant) -> None:
    first = assistant.ask("Hải Dương có CSDL quản lý tài sản công không?")
    second = assistant.ask("Còn cái về giá thì ai cập nhật?", session_id=first.session_id)
    assert _ids(second)[0] == "hai-duong-2022/19"


def test_a_body_asked_whether_it_manages_a_listed_database_it_does_not_is_not_found(assistant: Assistant) -> None:
    a = assistant.ask("Cục Thống kê tỉnh có quản lý CSDL nào trong danh mục dùng chung của Hải Dương không?")
    assert a.status is AnswerStatus.NOT_FOUND


def test_tu_nhung_dau_asks_the_sources(assistant: Assistant) -> None:
    first = assistant.ask("Hồ sơ sức khỏe người dân Hà Tĩnh do cơ quan nào quản lý?")
    second = assistant.ask("Dữ liệu trong đó lấy từ những đâu?", session_id=first.session_id)
    assert _ids(second)[0] == "ha-tinh-2022/18"
    assert "Cơ chế thu thập" in second.text
