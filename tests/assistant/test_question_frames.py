"""Kinds of turns whose wording is not the catalogues' own: the frame of a question, a context before it, a
set asked by a value of its columns, two databases compared, a relation to another database, a department named
as a branch, a catalogue's groups, amounts no column states, a body no catalogue names (BM25, real
documents; every question here is written for the test, phrased as a class of questions, not copied from gold)."""

from __future__ import annotations

from assistant import Assistant
from assistant.answer import Answer, AnswerStatus
from assistant.context import points_back, split_context
from assistant.cues import Field
from assistant.question import understand
from assistant.routing_cues import ASKS_EXISTENCE


def _ids(answer: Answer) -> list[str]:
    return [c.id for c in answer.citations]


def test_a_verb_that_frames_the_question_is_no_topic_of_a_follow_up(assistant: Assistant) -> None:
    first = assistant.ask("CSDL về trẻ em của Hà Tĩnh do đơn vị nào quản lý?")
    second = assistant.ask("Còn phần chia sẻ thì ghi như thế nào?", session_id=first.session_id)
    assert second.status is AnswerStatus.ANSWERED
    assert _ids(second)[0] == _ids(first)[0] == "ha-tinh-2022/26"
    assert "Hình thức chia sẻ" in second.text


def test_a_sentence_final_particle_is_no_topic(assistant: Assistant) -> None:
    first = assistant.ask("CSDL về hộ nghèo và cận nghèo ở Hà Tĩnh ai quản lý?")
    second = assistant.ask("Vậy bên Hà Tĩnh nó được cập nhật kiểu gì nhỉ?", session_id=first.session_id)
    assert second.status is AnswerStatus.ANSWERED
    assert _ids(second)[0] == "ha-tinh-2022/28"


def test_what_stands_between_con_and_thi_sao_is_the_topic(assistant: Assistant) -> None:
    q = understand("Còn cơ sở dữ liệu về đất đai thì sao?", assistant.index)
    assert q.follow_up and {"đất", "đai"} <= set(q.topic)


def test_a_comparison_finds_the_counterpart_in_each_named_province(assistant: Assistant) -> None:
    a = assistant.ask("Hồ sơ cán bộ, công chức, viên chức ở Hải Dương và Quảng Ninh: hai nơi giao cho ai?")
    assert {"hai-duong-2022/10", "quang-ninh-2026/A-5"} <= set(_ids(a))


def test_two_databases_of_one_province_are_compared_part_by_part(assistant: Assistant) -> None:
    a = assistant.ask("So sánh giúp tôi CSDL về đất đai và CSDL về môi trường của Hà Tĩnh")
    assert {"ha-tinh-2022/29", "ha-tinh-2022/30"} <= set(_ids(a))


def test_which_items_have_a_sharing_form_is_a_set(assistant: Assistant) -> None:
    a = assistant.ask("Bên Hà Tĩnh, cái nào thuộc diện dữ liệu mở vậy?")
    assert a.status is AnswerStatus.ANSWERED
    assert set(_ids(a)) == {"ha-tinh-2022/19", "ha-tinh-2022/20"}


def test_a_filter_inside_the_set_just_given_narrows_it(assistant: Assistant) -> None:
    first = assistant.ask("Những CSDL nào do Văn phòng UBND tỉnh Hà Tĩnh phụ trách?")
    second = assistant.ask("Trong số đó, những CSDL nào thuộc hạng mục mở?", session_id=first.session_id)
    assert _ids(second) and set(_ids(second)) < set(_ids(first))  # non-empty, and strictly inside the first set
    assert "trong số vừa nêu" in second.text


def test_an_agency_and_a_topic_select_the_agencys_databases_on_the_topic(assistant: Assistant) -> None:
    a = assistant.ask("Sở Nội vụ Quảng Ninh có CSDL nào về dịch vụ lưu trữ không?")
    assert _ids(a)[0] == "quang-ninh-2026/A-7"


def test_a_relation_to_another_database_is_asked_of_the_focus(assistant: Assistant) -> None:
    first = assistant.ask("CSDL ngành giáo dục của Quảng Ninh do ai quản lý?")
    second = assistant.ask("Nó có liên kết với cơ sở dữ liệu dân cư không?", session_id=first.session_id)
    assert _ids(second)[0] == "quang-ninh-2026/B-1"
    assert "Nguồn dữ liệu liên kết" in second.text


def test_a_province_typed_run_together_is_detected(assistant: Assistant) -> None:
    a = assistant.ask("csdl ho tich hatinh ai quan ly")
    assert _ids(a)[0] == "ha-tinh-2022/32"


def test_a_department_named_without_so_lists_its_databases(assistant: Assistant) -> None:
    a = assistant.ask("y te quang ninh")
    assert set(_ids(a)) == {"quang-ninh-2026/B-2", "quang-ninh-2026/B-3", "quang-ninh-2026/B-4"}


def test_an_agency_abbreviated_bql_is_found(assistant: Assistant) -> None:
    a = assistant.ask("Liệt kê CSDL của BQL khu kinh tế Quảng Ninh")
    assert set(_ids(a)) == {"quang-ninh-2026/A-18", "quang-ninh-2026/A-21"}
    assert "Ban Quản lý Khu kinh tế Quảng Ninh" in a.text  # the cell as written, not a folded key


def test_counted_nouns_joined_by_a_comma_are_one_count(assistant: Assistant) -> None:
    a = assistant.ask("Quảng Ninh đưa vào danh mục bao nhiêu CSDL, hệ thống?")
    assert "có 44 CSDL" in a.text


def test_having_no_database_is_not_a_list(assistant: Assistant) -> None:
    q = understand("Sở nào chưa có CSDL nào thuộc danh mục thì sẽ thế nào?", assistant.index)
    assert not q.wants_list


def test_the_askers_context_does_not_choose_the_database(assistant: Assistant) -> None:
    a = assistant.ask(
        "Phòng chúng tôi đang rà soát hồ sơ người có công. Xin hỏi ở Hải Dương, CSDL đất đai do cơ quan nào quản lý?"
    )
    assert _ids(a)[0] == "hai-duong-2022/14"


def test_a_question_that_points_back_keeps_its_context(assistant: Assistant) -> None:
    text = "Tôi đang rà soát dữ liệu về đất đai. Cơ sở dữ liệu này ở Hà Tĩnh do ai quản lý?"
    context, asked = split_context(text)
    assert context and points_back(asked)
    assert {"đất", "đai"} <= set(understand(text, assistant.index).topic)


def test_a_sentence_that_announces_the_topic_is_no_context() -> None:
    assert split_context("Chủ đề: đất đai. Hà Tĩnh và Quảng Ninh ai quản lý?")[0] == ""


def test_html_tags_pasted_into_a_question_are_markup_not_words(assistant: Assistant) -> None:
    a = assistant.ask("Sở <i>Tư pháp</i> Hà Tĩnh quản lý những <b>CSDL</b> nào?")
    assert set(_ids(a)) == {"ha-tinh-2022/31", "ha-tinh-2022/32"}


def test_two_provinces_named_are_both_answered_without_a_comparison_word(assistant: Assistant) -> None:
    a = assistant.ask("CSDL về công báo của Hà Tĩnh và Quảng Ninh do đơn vị nào quản lý?")
    assert {"ha-tinh-2022/20", "quang-ninh-2026/B-13"} <= set(_ids(a))


def test_another_agency_after_a_clause_stays_in_that_decision(assistant: Assistant) -> None:
    first = assistant.ask("Quảng Ninh phân công Công an tỉnh những nhiệm vụ nào theo quyết định?")
    second = assistant.ask("Vậy Sở Khoa học và Công nghệ thì sao?", session_id=first.session_id)
    assert _ids(second)[0] == "quang-ninh-2026/dieu-2.1"


def test_a_list_selected_by_its_notes_shows_them(assistant: Assistant) -> None:
    a = assistant.ask("Những CSDL đang vận hành ở Quảng Ninh gồm những cái nào?")
    assert a.status is AnswerStatus.ANSWERED
    assert "ghi chú: Hệ thống đã có sẵn, đang vận hành" in a.text


def test_signer_and_date_asked_together_are_both_answered(assistant: Assistant) -> None:
    a = assistant.ask("Quyết định danh mục của Hải Dương do ai ký, ký ngày nào?")
    assert "Người ký" in a.text and "Ngày ban hành" in a.text


def test_a_status_asked_of_a_topic_lists_the_topic_with_its_notes(assistant: Assistant) -> None:
    a = assistant.ask("Quảng Ninh có những CSDL nào về quan trắc môi trường, đã đưa vào vận hành chưa?")
    assert {"quang-ninh-2026/B-11", "quang-ninh-2026/B-12"} <= set(_ids(a))
    assert len(_ids(a)) <= 4 and "ghi chú:" in a.text


def test_an_agency_named_in_the_question_beats_one_in_its_context(assistant: Assistant) -> None:
    a = assistant.ask(
        "Tôi từng công tác ở Sở Tư pháp Hải Dương. Nay xin hỏi Sở Y tế Hải Dương quản lý những CSDL nào trong danh mục?"
    )
    assert _ids(a)[0] == "hai-duong-2022/15"
    assert "do Sở Y tế quản lý" in a.text.split("\n")[0]  # not the Sở Tư pháp of the context


def test_a_database_looked_up_by_its_name_alone_is_not_a_service_question(assistant: Assistant) -> None:
    a = assistant.ask("giấy phép lái xe hải dương")
    assert _ids(a)[0] == "hai-duong-2022/25"


def test_a_province_is_not_said_to_lack_a_database_it_lists_under_its_own_title(assistant: Assistant) -> None:
    a = assistant.ask("Sổ khai tử, giám hộ, nuôi con nuôi của Hà Tĩnh được lưu ở CSDL nào?")
    assert a.status is AnswerStatus.ANSWERED and _ids(a)[0] == "ha-tinh-2022/32"


def test_rows_asked_by_a_sharing_form_are_a_set(assistant: Assistant) -> None:
    a = assistant.ask("Bên Hà Tĩnh, dòng nào là hạng mục mở?")
    assert set(_ids(a)) == {"ha-tinh-2022/19", "ha-tinh-2022/20"}


def test_who_creates_and_enters_the_data_is_the_collection_column_of_the_focus(assistant: Assistant) -> None:
    first = assistant.ask("Mục đích của CSDL giấy phép lái xe Hà Tĩnh là gì?")
    for turn in ("Ai khởi tạo và cập nhật số liệu của nó?", "Ai chịu trách nhiệm nhập thông tin vào hệ thống ấy?"):
        a = assistant.ask(turn, session_id=first.session_id)
        assert _ids(a)[0] == _ids(first)[0] == "ha-tinh-2022/10"
        assert "Cơ chế thu thập" in a.text


def test_who_is_responsible_for_carrying_out_the_decision_is_still_its_clause(assistant: Assistant) -> None:
    a = assistant.ask("Ở Quảng Ninh, ai chịu trách nhiệm thực thi văn bản danh mục này?")
    assert _ids(a)[0] == "quang-ninh-2026/dieu-4"


def test_a_turn_that_opens_with_con_is_a_follow_up(assistant: Assistant) -> None:
    assert understand("Còn các sở khác thì thế nào?", assistant.index).follow_up
    assert understand("Cho tôi hỏi thêm, còn CSDL đất đai ai quản lý?", assistant.index).follow_up


def test_con_typed_with_accents_must_read_con(assistant: Assistant) -> None:
    assert not understand("Con nuôi ở Hà Tĩnh đăng ký trong CSDL nào?", assistant.index).follow_up


def test_a_department_named_without_so_is_the_agency_even_with_xa_hoi(assistant: Assistant) -> None:
    a = assistant.ask("ds csdl lao dong thuong binh xa hoi ha tinh")
    assert set(_ids(a)) == {"ha-tinh-2022/26", "ha-tinh-2022/27", "ha-tinh-2022/28"}


def test_an_aspect_particle_is_no_topic(assistant: Assistant) -> None:
    assert "đang" not in understand("Sở Y tế Quảng Ninh đang quản lý những CSDL nào?", assistant.index).topic


def test_lien_quan_den_frames_a_lists_topic(assistant: Assistant) -> None:
    q = understand("Liệt kê những CSDL có liên quan tới trẻ em và hộ nghèo tại Hà Tĩnh", assistant.index)
    assert q.topic_parts == [["trẻ", "em"], ["hộ", "nghèo"]]


def test_a_follow_up_naming_another_database_stays_in_the_conversations_province(assistant: Assistant) -> None:
    first = assistant.ask("Ở Hải Dương, CSDL hộ tịch dùng để làm gì?")
    second = assistant.ask("Còn cái về đất đai thì ai quản lý?", session_id=first.session_id)
    assert _ids(second) == ["hai-duong-2022/14"]


def test_what_a_database_costs_is_not_in_any_catalogue(assistant: Assistant) -> None:
    for question in ("Xây dựng CSDL đất đai của Hà Tĩnh tốn bao nhiêu tiền?",
                     "Muốn tra cứu CSDL hộ tịch Hải Dương thì mức phí là bao nhiêu?",
                     "Kinh phí đầu tư hệ thống quản lý văn bản của Quảng Ninh là bao nhiêu?"):  # fmt: skip
        a = assistant.ask(question)
        assert a.status is AnswerStatus.NOT_FOUND, question
        assert "không ghi kinh phí" in a.text


def test_money_named_without_asking_an_amount_is_still_asked(assistant: Assistant) -> None:
    for question in ("CSDL nào của Hải Dương giúp tiết kiệm thời gian và chi phí?",
                     "Danh mục Hà Tĩnh dài bao nhiêu dòng?"):  # fmt: skip
        assert assistant.ask(question).status is AnswerStatus.ANSWERED, question


def test_a_department_named_as_a_branch_lists_its_databases(assistant: Assistant) -> None:
    a = assistant.ask("Hà Tĩnh: ngành Lao động, Thương binh và Xã hội phụ trách CSDL nào?")
    assert set(_ids(a)) == {"ha-tinh-2022/26", "ha-tinh-2022/27", "ha-tinh-2022/28"}


def test_a_department_named_as_a_branch_leaves_the_rest_of_the_topic(assistant: Assistant) -> None:
    q = understand("Bên Tài chính Hà Tĩnh có những CSDL nào về tài sản công?", assistant.index)
    assert q.agency == "so tai chinh" and {"sản", "công"} <= set(q.topic)


def test_a_sector_that_a_named_province_implements_itself_is_group_b(assistant: Assistant) -> None:
    q = understand("Quảng Ninh tự triển khai bao nhiêu CSDL về y tế?", assistant.index)
    assert q.group == "B"


def test_ds_is_shorthand_for_a_list(assistant: Assistant) -> None:
    assert understand("ds csdl so y te hai duong", assistant.index).wants_list


def test_the_groups_of_a_catalogue_are_listed_with_their_titles_and_counts(assistant: Assistant) -> None:
    a = assistant.ask("Danh mục của Quảng Ninh chia ra những nhóm nào?")
    assert a.status is AnswerStatus.ANSWERED
    assert "NHÓM CSDL DO BỘ, NGÀNH TRUNG ƯƠNG TRIỂN KHAI" in a.text and "NHÓM CSDL DO TỈNH TRIỂN KHAI" in a.text
    assert "31 CSDL" in a.text and "13 CSDL" in a.text


def test_the_first_group_is_group_a(assistant: Assistant) -> None:
    assert understand("Nhóm đầu tiên của Quảng Ninh có bao nhiêu CSDL?", assistant.index).group == "A"
    assert understand("Nhóm thứ hai của Quảng Ninh có bao nhiêu CSDL?", assistant.index).group == "B"
    assert understand("Danh mục Quảng Ninh gồm các nhóm sau, nhóm nào nhiều hơn?", assistant.index).group is None


def test_a_follow_up_that_says_another_databases_name_word_asks_that_database(assistant: Assistant) -> None:
    first = assistant.ask("Tài sản công ở Hải Dương nằm trong CSDL nào?")
    second = assistant.ask("Còn bảo hiểm thì ai cập nhật?", session_id=first.session_id)
    assert _ids(second)[0] == "hai-duong-2022/13"


def test_a_body_asked_whether_it_manages_a_listed_database_it_does_not_is_not_found(assistant: Assistant) -> None:
    a = assistant.ask("Cục Hải quan tỉnh có đang quản lý CSDL nào của Hải Dương?")
    assert a.status is AnswerStatus.NOT_FOUND


def test_which_body_manages_which_databases_is_a_list_not_a_refusal(assistant: Assistant) -> None:
    assert assistant.ask("Sở nào quản lý những CSDL nào ở Hà Tĩnh?").status is AnswerStatus.ANSWERED


def test_tu_nhung_dau_asks_the_sources(assistant: Assistant) -> None:
    first = assistant.ask("Sở nào giữ CSDL sức khỏe của người dân Hà Tĩnh?")
    second = assistant.ask("Nó thu số liệu từ những đâu?", session_id=first.session_id)
    assert _ids(second)[0] == "ha-tinh-2022/18"
    assert "Cơ chế thu thập" in second.text


def test_a_sentence_after_the_question_that_asks_nothing_is_no_topic(assistant: Assistant) -> None:
    a = assistant.ask("Tổng số cơ sở dữ liệu trong danh mục của Quảng Ninh là bao nhiêu? Cảm ơn anh chị nhiều.")
    assert a.status is AnswerStatus.ANSWERED
    assert "44 CSDL" in a.text


def test_a_sentence_after_the_question_that_narrows_it_is_part_of_it(assistant: Assistant) -> None:
    a = assistant.ask("Quảng Ninh có bao nhiêu CSDL? Tính riêng nhóm B.")
    assert "13 CSDL" in a.text


def test_a_department_typed_as_its_initials_is_that_department(assistant: Assistant) -> None:
    q = understand("SGDĐT Quảng Ninh phụ trách CSDL nào?", assistant.index)
    assert q.agency == "so giao duc va dao tao"
    assert "sgdđt" not in [w.lower() for w in q.topic]


def test_nhg_typed_for_nhung_asks_a_list(assistant: Assistant) -> None:
    q = understand("Sở Nội vụ Quảng Ninh có nhg CSDL nào", assistant.index)
    assert q.wants_list


def test_a_pronoun_after_a_list_that_came_to_one_database_asks_that_database(assistant: Assistant) -> None:
    first = assistant.ask("Sở Y tế Hải Dương phụ trách những cơ sở dữ liệu nào?")
    second = assistant.ask("Nó được chia sẻ kiểu gì?", session_id=first.session_id)
    assert _ids(second) == ["hai-duong-2022/15"]
    assert "Hình thức chia sẻ" in second.text


def test_other_databases_of_the_body_just_named_are_a_list_without_a_list_cue(assistant: Assistant) -> None:
    first = assistant.ask("Ở Hà Tĩnh, CSDL hộ tịch điện tử do ai giữ?")
    second = assistant.ask("Đơn vị này còn đứng tên trong CSDL nào khác?", session_id=first.session_id)
    assert _ids(second) == ["ha-tinh-2022/31"]


def test_syllables_of_a_name_scattered_over_a_question_do_not_name_that_database(assistant: Assistant) -> None:
    a = assistant.ask(
        "Người dân xin phiếu về tiền án ở Hà Tĩnh thì dữ liệu nằm ở hệ thống nào, công chức nào cập nhật?"
    )
    assert _ids(a)[0] == "ha-tinh-2022/31"


def test_a_catalogue_issued_in_a_year_not_ours_is_not_found(assistant: Assistant) -> None:
    a = assistant.ask("Cho xem các CSDL trong danh mục mà UBND tỉnh Hà Tĩnh đã ban hành vào năm 2017.")
    assert a.status is AnswerStatus.NOT_FOUND
    assert a.citations == []


def test_a_year_of_something_else_issued_is_no_decision_year(assistant: Assistant) -> None:
    q = understand("Công báo Hà Tĩnh có lưu các nghị quyết HĐND ban hành năm 2021 không?", assistant.index)
    assert q.decision_years == []


def test_nay_before_a_place_typed_without_accents_still_points_back(assistant: Assistant) -> None:
    q = understand("he thong nay ha tinh co khong", assistant.index)
    assert q.refers_back


def test_do_before_a_body_typed_without_accents_is_by_not_that(assistant: Assistant) -> None:
    q = understand("cac csdl do so y te quang ninh quan ly", assistant.index)
    assert not q.refers_back
    assert q.wants_list and q.agency == "so y te"


def test_the_state_of_a_system_asks_its_notes(assistant: Assistant) -> None:
    a = assistant.ask("he thong quan trac moi truong tu dong qn tinh trang the nao")
    assert _ids(a)[0] == "quang-ninh-2026/B-12"
    assert "Ghi chú" in a.text


def test_an_existence_question_with_a_second_question_after_it_asks_existence(assistant: Assistant) -> None:
    q = understand("Hải Dương có cơ sở dữ liệu về đê điều không, và do đơn vị nào giữ?", assistant.index)
    assert ASKS_EXISTENCE.search(q.folded)


def test_a_second_question_about_the_decisions_text_makes_no_existence_question(assistant: Assistant) -> None:
    q = understand(
        "Hà Tĩnh có cơ sở dữ liệu về thủy lợi không, và quyết định giao ai cập nhật danh mục?", assistant.index
    )
    assert not ASKS_EXISTENCE.search(q.folded)


def test_the_state_of_what_a_database_records_is_no_notes_question(assistant: Assistant) -> None:
    q = understand("CSDL về trẻ em Hà Tĩnh theo dõi tình trạng gì của trẻ?", assistant.index)
    assert Field.NOTES not in q.fields


def test_a_question_across_provinces_after_one_decisions_text_is_across_provinces(assistant: Assistant) -> None:
    first = assistant.ask("Văn bản của Hải Dương có hiệu lực kể từ hôm nào?")
    second = assistant.ask("Ba tỉnh có tổng cộng bao nhiêu CSDL?", session_id=first.session_id)
    assert "34 CSDL" in second.text and "30 CSDL" in second.text and "44 CSDL" in second.text
