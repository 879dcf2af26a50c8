"""What the decisions require of bodies (`assistant.duty_planning`): the tasks of the body the last answer named (a
database's agency, a clause's addressee, the proposer), the same or the counterpart body in another province, and
duties of a kind of body in words the model does not accept alone (BM25, real documents; every question is written
for the test, as a class of questions)."""

from __future__ import annotations

from assistant import Assistant
from assistant.answer import Answer, AnswerStatus


def _ids(answer: Answer) -> list[str]:
    return [c.id for c in answer.citations]


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


def test_another_province_after_a_bodys_clause_is_that_bodys_clause_there(assistant: Assistant) -> None:
    first = assistant.ask("Quyết định của Hải Dương giao Sở Thông tin và Truyền thông những việc gì?")
    second = assistant.ask("Thế còn ở Hà Tĩnh, sở này được giao gì?", session_id=first.session_id)
    assert _ids(second)[0] == "ha-tinh-2022/dieu-2.1"


def test_a_province_without_that_body_answers_the_counterpart_bodys_clause(assistant: Assistant) -> None:
    first = assistant.ask("Quyết định của Hải Dương giao Sở Thông tin và Truyền thông những việc gì?")
    second = assistant.ask("Bên Quảng Ninh thì cơ quan nào giữ vai trò tương tự?", session_id=first.session_id)
    assert _ids(second)[0] == "quang-ninh-2026/dieu-2.1"


def test_what_a_body_is_tasked_with_in_the_decision_quotes_every_task(assistant: Assistant) -> None:
    a = assistant.ask("Sở Thông tin và Truyền thông Hải Dương được giao việc gì trong quyết định?")
    assert _ids(a)[0] == "hai-duong-2022/dieu-2.1"
