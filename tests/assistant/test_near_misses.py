"""A database asked of a catalogue that does not list it, while another catalogue lists it by the very words asked:
refused with where it is, never answered with the named catalogue's neighbour; the same database under the named
catalogue's own title still answered (BM25, real documents; every question is written for the test)."""

from __future__ import annotations

from assistant import Assistant
from assistant.answer import Answer, AnswerStatus
from assistant.question import understand


def _ids(answer: Answer) -> list[str]:
    return [c.id for c in answer.citations]


def test_a_database_another_catalogue_names_in_full_is_not_answered_with_a_neighbour(assistant: Assistant) -> None:
    a = assistant.ask("Ở Hải Dương có cơ sở dữ liệu cấp giấy phép xây dựng công trình chứ?")
    assert a.status is AnswerStatus.NOT_FOUND
    assert _ids(a) == ["quang-ninh-2026/A-18"]
    assert "Hải Dương" in a.text and "Quảng Ninh" in a.text


def test_a_neighbour_sharing_only_common_words_is_not_the_database_asked(assistant: Assistant) -> None:
    a = assistant.ask("Hà Tĩnh có cơ sở dữ liệu bảo hiểm xã hội của người lao động chứ?")
    assert a.status is AnswerStatus.NOT_FOUND
    assert _ids(a)[0] == "hai-duong-2022/13"


def test_the_same_database_under_the_named_catalogues_own_title_is_answered(assistant: Assistant) -> None:
    a = assistant.ask("Danh mục Hà Tĩnh có cơ sở dữ liệu hộ tịch chứ, ai giữ?")
    assert a.status is AnswerStatus.ANSWERED
    assert _ids(a)[0] == "ha-tinh-2022/32"


def test_a_name_said_in_full_for_the_named_catalogue_is_answered_there(assistant: Assistant) -> None:
    a = assistant.ask("Quảng Ninh: cơ sở dữ liệu người có công với cách mạng do sở nào giữ?")
    assert a.status is AnswerStatus.ANSWERED
    assert _ids(a)[0] == "quang-ninh-2026/A-15"


def test_ben_before_a_province_typed_without_accents_is_no_topic_word(assistant: Assistant) -> None:
    q = understand("vay ben qn thi the nao", assistant.index)
    assert "ben" not in q.topic
    assert q.documents == ["quang-ninh-2026"]


def test_a_further_question_on_one_decisions_text_stays_in_that_decision(assistant: Assistant) -> None:
    first = assistant.ask("Văn bản của Hải Dương có hiệu lực kể từ hôm nào?")
    second = assistant.ask("Giám đốc các sở có phải thực hiện quyết định không?", session_id=first.session_id)
    assert second.status is AnswerStatus.ANSWERED
    assert all(i.startswith("hai-duong-2022/") for i in _ids(second))
