"""The chat widget, the embed script and the lookup page in headless Chromium, against the live app."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = [pytest.mark.slow, pytest.mark.browser]

QUESTION = "Ai quản lý CSDL hộ tịch điện tử ở Hà Tĩnh?"
FOLLOW_UP = "Nó được chia sẻ theo hình thức nào?"


def _ask(page: Page, question: str) -> None:
    answers = page.locator(".csdlqa-a:not(.is-error)")
    before = answers.count()
    box = page.get_by_label("Câu hỏi của bạn")
    box.fill(question)
    box.press("Enter")
    expect(answers).to_have_count(before + 1, timeout=30_000)


def _no_horizontal_scroll(page: Page) -> None:
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]  # type: ignore[index]


def test_chat_answers_opens_citation_closes_with_esc_and_follows_up(
    page: Page, live_url: str, screenshots: Path
) -> None:
    page.goto(live_url + "/")
    _ask(page, QUESTION)
    answer = page.locator(".csdlqa-a").last
    expect(answer).to_contain_text("Sở Tư pháp")
    chip = answer.locator('.csdlqa-chip[data-citation-id="ha-tinh-2022/32"]')
    expect(chip).to_be_visible()
    page.screenshot(path=screenshots / "chat-answer.png")

    chip.click()
    dialog = page.get_by_role("dialog")
    expect(dialog).to_be_visible()
    expect(dialog).to_contain_text("CSDL hộ tịch điện tử")
    expect(dialog).to_contain_text("1402/QĐ-UBND")
    expect(dialog).to_contain_text("Hà Tĩnh")
    expect(dialog.locator("blockquote")).not_to_be_empty()
    page.screenshot(path=screenshots / "chat-citation.png")

    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    assert page.evaluate("document.activeElement.dataset.citationId") == "ha-tinh-2022/32"

    _ask(page, FOLLOW_UP)
    follow = page.locator(".csdlqa-a").last
    expect(follow.locator('[data-citation-id="ha-tinh-2022/32"]').first).to_be_attached()
    expect(follow).to_contain_text("yêu cầu đặc thù")


def test_chat_sends_with_the_gui_button(page: Page, live_url: str) -> None:
    page.goto(live_url + "/")
    page.get_by_label("Câu hỏi của bạn").fill("Cơ quan nào quản lý CSDL về đất đai của tỉnh Hà Tĩnh?")
    page.get_by_role("button", name="Gửi", exact=True).click()
    expect(page.locator('.csdlqa-chip[data-citation-id="ha-tinh-2022/29"]')).to_be_visible(timeout=30_000)


def test_chat_example_question_is_asked_on_click(page: Page, live_url: str) -> None:
    page.goto(live_url + "/")
    page.locator(".csdlqa-example").first.click()
    expect(page.locator(".csdlqa-q")).to_have_count(1)
    expect(page.locator(".csdlqa-a")).to_have_count(1, timeout=30_000)


def test_chat_log_is_a_polite_log_and_the_box_is_labelled(page: Page, live_url: str) -> None:
    page.goto(live_url + "/")
    log = page.get_by_role("log")
    expect(log).to_have_attribute("aria-live", "polite")
    expect(page.get_by_role("textbox", name="Câu hỏi của bạn")).to_be_focused()


@pytest.mark.parametrize(
    "hostile",
    ['<img src=x onerror="window.__pwned = 1">', "<script>window.__pwned = 2</script>", '"><svg onload=alert(1)>'],
)
def test_hostile_question_is_shown_as_text(page: Page, live_url: str, hostile: str) -> None:
    page.goto(live_url + "/")
    _ask(page, hostile + " CSDL đất đai")
    expect(page.locator(".csdlqa-q").last).to_have_text(hostile + " CSDL đất đai")
    assert page.locator(".csdlqa-log img, .csdlqa-log script, .csdlqa-log svg").count() == 0
    assert page.evaluate("window.__pwned") is None


def test_keyboard_only_user_opens_a_citation_and_gets_focus_back(page: Page, live_url: str) -> None:
    page.goto(live_url + "/")
    page.keyboard.type("Cơ quan nào quản lý CSDL về đất đai của tỉnh Hà Tĩnh?")
    page.keyboard.press("Enter")
    expect(page.locator(".csdlqa-chip").first).to_be_visible(timeout=30_000)
    for _ in range(12):  # walk back from the textbox to the answer's first source, keyboard only
        page.keyboard.press("Shift+Tab")
        if page.evaluate("document.activeElement.classList.contains('csdlqa-chip')"):
            break
    focused = page.evaluate("document.activeElement.dataset.citationId")
    assert focused
    page.keyboard.press("Enter")
    expect(page.get_by_role("dialog")).to_be_visible()
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_be_hidden()
    assert page.evaluate("document.activeElement.dataset.citationId") == focused


def test_conversation_survives_a_reload_and_new_conversation_clears_it(page: Page, live_url: str) -> None:
    page.goto(live_url + "/")
    _ask(page, QUESTION)
    session = page.evaluate("sessionStorage.getItem('csdlqa.session')")
    assert session
    page.reload()
    expect(page.locator(".csdlqa-q")).to_have_text([QUESTION])
    page.get_by_role("button", name="Cuộc trò chuyện mới").click()
    expect(page.locator(".csdlqa-q")).to_have_count(0)
    assert page.evaluate("sessionStorage.getItem('csdlqa.session')") is None


def test_unreachable_server_says_so_and_keeps_the_question(page: Page, live_url: str, screenshots: Path) -> None:
    page.goto(live_url + "/")
    page.route("**/api/ask", lambda route: route.abort("connectionrefused"))
    box = page.get_by_label("Câu hỏi của bạn")
    box.fill(QUESTION)
    box.press("Enter")
    error = page.get_by_role("alert")
    expect(error).to_contain_text("Không kết nối được với máy chủ trợ lý")
    expect(box).to_have_value(QUESTION)
    page.screenshot(path=screenshots / "chat-unreachable.png")


def test_server_refusal_shows_its_vietnamese_detail(page: Page, live_url: str) -> None:
    page.goto(live_url + "/")
    page.get_by_label("Câu hỏi của bạn").evaluate("box => box.removeAttribute('maxlength')")
    _ask_error = page.get_by_label("Câu hỏi của bạn")
    _ask_error.fill("đất đai " * 200)
    _ask_error.press("Enter")
    expect(page.get_by_role("alert")).to_contain_text("1000 ký tự")


def test_lookup_filters_by_search_agency_and_opens_an_entry(page: Page, live_url: str, screenshots: Path) -> None:
    page.goto(live_url + "/tra-cuu")
    results = page.locator("#results [data-entry-id]")
    expect(results).to_have_count(108)
    page.get_by_label("Tỉnh / văn bản").select_option("ha-tinh-2022")
    expect(results).to_have_count(34)
    expect(page.get_by_label("Tỉnh / văn bản").locator("option", has_text="Hải Dương (30)")).to_have_count(1)
    page.get_by_label("Cơ quan quản lý").select_option("Sở Tư pháp")
    page.get_by_role("searchbox").fill("ho tich")
    expect(results).to_have_count(1)
    results.first.click()
    detail = page.locator("#detail")
    expect(detail.locator("h3")).to_have_text("CSDL hộ tịch điện tử")
    expect(detail).to_contain_text("Quyết định số 1402/QĐ-UBND ngày 12/07/2022")
    expect(detail.get_by_role("link", name="CSDL về lý lịch tư pháp")).to_be_visible()
    page.screenshot(path=screenshots / "lookup.png", full_page=True)
    page.get_by_role("button", name="Xóa bộ lọc").click()
    expect(results).to_have_count(108)


def test_lookup_sharing_mode_facet_shows_counts(page: Page, live_url: str) -> None:
    page.goto(live_url + "/tra-cuu")
    select = page.get_by_label("Hình thức chia sẻ")
    expect(select.locator("option")).not_to_have_count(1)
    label = select.locator("option[value='mở']").inner_text()
    count = int(label.rsplit("(", 1)[1].rstrip(")"))
    select.select_option("mở")
    expect(page.locator("#results [data-entry-id]")).to_have_count(count)


def test_embed_script_adds_a_working_panel_to_the_demo_page(page: Page, live_url: str, screenshots: Path) -> None:
    page.goto(live_url + "/demo")
    launcher = page.get_by_role("button", name="Hỏi đáp CSDL")
    launcher.click()
    expect(launcher).to_have_attribute("aria-expanded", "true")
    _ask(page, "Cơ quan nào quản lý CSDL về đất đai của tỉnh Hà Tĩnh?")
    page.locator('.csdlqa-chip[data-citation-id="ha-tinh-2022/29"]').click()
    expect(page.get_by_role("dialog")).to_contain_text("Sở Tài nguyên và Môi trường")
    page.screenshot(path=screenshots / "demo-widget.png")
    page.keyboard.press("Escape")
    expect(page.get_by_role("dialog")).to_be_hidden()
    expect(page.get_by_role("region", name="Khung trợ lý CSDL")).to_be_visible()
    page.keyboard.press("Escape")
    expect(launcher).to_have_attribute("aria-expanded", "false")


@pytest.mark.parametrize("path", ["/", "/tra-cuu", "/demo"])
def test_phone_width_has_no_horizontal_scroll(browser: Browser, live_url: str, screenshots: Path, path: str) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(live_url + path)
    if path == "/demo":
        page.get_by_role("button", name="Hỏi đáp CSDL").click()
    if path == "/tra-cuu":
        page.locator("#results [data-entry-id]").first.click()
        expect(page.locator("#detail h3")).to_be_visible()
    else:
        _ask(page, "Cơ quan nào quản lý CSDL về đất đai của tỉnh Hà Tĩnh?")
    _no_horizontal_scroll(page)
    page.screenshot(path=screenshots / f"phone{path.replace('/', '-') or '-root'}.png")
    context.close()


_HOSTILE_HOST_CSS = (
    "html { font-size: 62.5% } * { box-sizing: content-box } body { line-height: 3 } "
    "button { font-size: 40px !important; padding: 30px !important }"
)
_SIZES = """() => {
  const root = document.getElementById('csdlqa-widget').shadowRoot;
  const pick = (sel) => { const e = root.querySelector(sel); const s = getComputedStyle(e);
    return [s.fontSize, s.lineHeight, s.boxSizing]; };
  return [pick('.csdlqa'), pick('.csdlqa-bar h2'), pick('.csdlqa-hint'), pick('.csdlqa form label, .csdlqa label')];
}"""


def test_widget_sizes_do_not_follow_the_host_pages_css(page: Page, live_url: str) -> None:
    page.goto(live_url + "/demo")
    page.get_by_role("button", name="Hỏi đáp CSDL").click()
    for selector in (".csdlqa", ".csdlqa-bar h2", ".csdlqa-hint", ".csdlqa label"):
        expect(page.locator(selector).first).to_be_attached()  # the panel is built once its stylesheet is in
    plain = page.evaluate(_SIZES)
    page.add_style_tag(content=_HOSTILE_HOST_CSS)
    assert page.evaluate(_SIZES) == plain
    assert plain[2][0] == "12px"  # the hint: 0.75 of the widget's own 16 px, whatever the host's root size


def test_lookup_with_a_truncated_link_shows_the_list_and_says_not_found(page: Page, live_url: str) -> None:
    page.goto(live_url + "/tra-cuu#ha-tinh-2022/29%")
    expect(page.locator("#results li [data-entry-id]").first).to_be_visible()
    expect(page.locator("#detail")).to_contain_text("Không tìm thấy bản ghi")


def test_lookup_refuses_a_path_in_the_hash_before_any_request(page: Page, live_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(live_url + "/tra-cuu#../../healthz")
    expect(page.locator("#detail")).to_contain_text("Không tìm thấy bản ghi")
    assert not [u for u in requested if "healthz" in u]


def test_enter_that_commits_an_input_method_word_does_not_send(page: Page, live_url: str) -> None:
    page.goto(live_url + "/")
    box = page.get_by_label("Câu hỏi của bạn")
    box.fill("Ai quản lý CSDL hộ")
    sent: list[str] = []
    page.on("request", lambda r: sent.append(r.url) if r.url.endswith("/api/ask") else None)
    box.evaluate(
        """(el) => {
          const e = new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true });
          Object.defineProperty(e, 'keyCode', { get: () => 229 });
          el.dispatchEvent(e);
          el.dispatchEvent(new CompositionEvent('compositionend', { data: 'hộ' }));
          el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true, cancelable: true }));
        }"""
    )
    page.wait_for_timeout(300)
    assert sent == []
    expect(box).to_have_value("Ai quản lý CSDL hộ")
    box.press("Enter")  # a real Enter, later, sends
    expect(page.locator(".csdlqa-a")).to_have_count(1, timeout=30_000)


def test_lookup_shows_the_canonical_agency_and_what_the_source_wrote(page: Page, live_url: str) -> None:
    page.goto(live_url + "/tra-cuu#quang-ninh-2026/B-11")
    detail = page.locator("#detail")
    expect(detail.locator("h3")).to_have_text("CSDL quan trắc môi trường định kỳ tỉnh Quảng Ninh")
    expect(detail).to_contain_text("Sở Nông nghiệp và Môi trường (văn bản nguồn ghi: «Sở Nông ngành và Môi trường»)")
    expect(detail).to_contain_text("dòng 180")
    select = page.get_by_label("Cơ quan quản lý")
    expect(select.locator("option", has_text="Sở Nông nghiệp và Môi trường (11)")).to_have_count(1)
    expect(select.locator("option", has_text="Sở Nông ngành")).to_have_count(0)


def test_an_expired_conversation_is_said_above_the_answer(page: Page, live_url: str) -> None:
    page.goto(live_url + "/")
    page.evaluate("sessionStorage.setItem('csdlqa.session', JSON.stringify('c'.repeat(32)))")  # an id the server lost
    _ask(page, FOLLOW_UP)
    notice = page.locator(".csdlqa-notice")
    expect(notice).to_have_count(1)
    expect(notice).to_contain_text("hết hạn")
    assert page.evaluate("JSON.parse(sessionStorage.getItem('csdlqa.session'))") != "c" * 32
