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
    first = assistant.ask("Quảng Ninh: nơi có cơ sở dữ liệu thuộc danh mục phải làm những việc gì?")
    second = assistant.ask("Còn nơi chưa có cơ sở dữ liệu nào thuộc danh mục thì sao?", session_id=first.session_id)
    assert second.status is AnswerStatus.ANSWERED
    assert _ids(second)[0] == "quang-ninh-2026/dieu-2.4"
    assert all(i.startswith("quang-ninh-2026/") for i in _ids(second))


def test_the_agency_of_the_database_just_named_is_asked_its_tasks(assistant: Assistant) -> None:
    first = assistant.ask("Ai phụ trách nền tảng tích hợp, chia sẻ dữ liệu LGSP ở Hải Dương?")
    second = assistant.ask("Cơ quan ấy có những nhiệm vụ gì theo văn bản?", session_id=first.session_id)
    assert _ids(second)[0] == "hai-duong-2022/dieu-2.1"


def test_a_task_named_picks_the_point_of_the_agencys_clause(assistant: Assistant) -> None:
    first = assistant.ask("Ai phụ trách nền tảng tích hợp, chia sẻ dữ liệu LGSP ở Hải Dương?")
    second = assistant.ask("Nhiệm vụ của cơ quan ấy về kho dữ liệu dùng chung là gì?", session_id=first.session_id)
    assert _ids(second)[0] == "hai-duong-2022/dieu-2.1.a"


def test_a_body_no_clause_names_is_tasked_as_manager_of_a_listed_database(assistant: Assistant) -> None:
    first = assistant.ask("Ở Quảng Ninh, dữ liệu đất đai thuộc quản lý của sở nào?")
    second = assistant.ask("Sở ấy có trách nhiệm gì?", session_id=first.session_id)
    assert _ids(second)[0] == "quang-ninh-2026/dieu-2.3"


def test_the_body_a_clause_addresses_is_asked_its_other_tasks(assistant: Assistant) -> None:
    first = assistant.ask("Theo văn bản Quảng Ninh, ai chủ trì thực hiện Chiến lược dữ liệu?")
    assert _ids(first)[0].startswith("quang-ninh-2026/dieu-2.2")
    second = assistant.ask("Ngoài ra cơ quan ấy còn có nhiệm vụ gì?", session_id=first.session_id)
    assert _ids(second)[0] == "quang-ninh-2026/dieu-2.2"


def test_the_body_that_proposed_the_decision_is_asked_its_tasks(assistant: Assistant) -> None:
    first = assistant.ask("Quảng Ninh ban hành danh mục theo tờ trình của cơ quan nào?")
    second = assistant.ask("Cơ quan ấy có nhiệm vụ gì?", session_id=first.session_id)
    assert _ids(second)[0] == "quang-ninh-2026/dieu-2.1"


def test_duties_of_a_kind_of_body_are_the_clause_retrieval_ranks_first(assistant: Assistant) -> None:
    a = assistant.ask("Hải Dương: đơn vị chưa sở hữu cơ sở dữ liệu thuộc danh mục bị buộc thực hiện gì?")
    assert a.status is AnswerStatus.ANSWERED
    assert _ids(a)[0] == "hai-duong-2022/dieu-2.3"


def test_the_words_of_quyet_dinh_do_not_pick_a_point(assistant: Assistant) -> None:
    a = assistant.ask("Theo quyết định Quảng Ninh, nơi chưa có cơ sở dữ liệu thuộc danh mục phải thực hiện gì?")
    assert _ids(a)[0] == "quang-ninh-2026/dieu-2.4"


def test_another_province_after_a_bodys_clause_is_that_bodys_clause_there(assistant: Assistant) -> None:
    first = assistant.ask("Văn bản Hải Dương phân công Sở Thông tin và Truyền thông làm những việc nào?")
    second = assistant.ask("Ở Hà Tĩnh thì sở này có nhiệm vụ gì?", session_id=first.session_id)
    assert _ids(second)[0] == "ha-tinh-2022/dieu-2.1"


def test_a_province_without_that_body_answers_the_counterpart_bodys_clause(assistant: Assistant) -> None:
    first = assistant.ask("Văn bản Hải Dương phân công Sở Thông tin và Truyền thông làm những việc nào?")
    second = assistant.ask("Bên Quảng Ninh, việc ấy giao cho cơ quan tương ứng nào?", session_id=first.session_id)
    assert _ids(second)[0] == "quang-ninh-2026/dieu-2.1"


def test_what_a_body_is_tasked_with_in_the_decision_quotes_every_task(assistant: Assistant) -> None:
    a = assistant.ask("Trong văn bản, Sở Thông tin và Truyền thông Hải Dương được giao việc gì?")
    assert _ids(a)[0] == "hai-duong-2022/dieu-2.1"
