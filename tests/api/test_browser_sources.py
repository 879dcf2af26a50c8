"""The source one click away, in headless Chromium: a citation opens the decision's text with the cited lines
marked (signature lines for a signer, the table row for an entry), the decisions page, compact list answers —
keyboard only, at 390 px, and with no request leaving the server."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse

import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = [pytest.mark.slow, pytest.mark.browser]

SIGNER = "Quyết định danh mục của Hà Tĩnh do ai ký?"
LAND = "Cơ quan nào quản lý CSDL về đất đai của tỉnh Hà Tĩnh?"


def _ask(page: Page, question: str) -> None:
    answers = page.locator(".csdlqa-a:not(.is-error)")
    before = answers.count()
    box = page.get_by_label("Câu hỏi của bạn")
    box.fill(question)
    box.press("Enter")
    expect(answers).to_have_count(before + 1, timeout=30_000)


def _marked(page: Page) -> list[str]:
    expect(page.locator(".sl.is-marked").first).to_be_visible()
    ids: list[str] = page.eval_on_selector_all(".sl.is-marked", "rows => rows.map(r => r.id)")
    return ids


def _in_viewport(page: Page, selector: str) -> bool:
    box = page.locator(selector).first.bounding_box()
    height = page.viewport_size["height"]  # type: ignore[index]
    return box is not None and 0 <= box["y"] and box["y"] + min(box["height"], 20) <= height


def test_signer_citation_opens_the_source_with_the_signature_lines_marked(page: Page, live_url: str) -> None:
    page.goto(live_url + "/")
    _ask(page, SIGNER)
    page.locator('.csdlqa-a .csdlqa-chip[data-citation-id="ha-tinh-2022"]').click()
    dialog = page.get_by_role("dialog")
    expect(dialog.locator("blockquote")).to_have_text("KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Ngọc Châu")
    dialog.get_by_role("link", name="Xem trong văn bản").click()
    expect(page).to_have_url(live_url + "/van-ban/ha-tinh-2022#L34-L40")
    assert _marked(page) == [f"L{n}" for n in range(34, 41)]
    expect(page.locator("#L40 .sl-t")).to_have_text("Lê Ngọc Châu")
    expect(page.locator("#L34")).to_be_focused()
    assert _in_viewport(page, "#L34")
    expect(page.get_by_role("status")).to_contain_text("dòng 34–40")


def test_entry_citation_opens_its_table_row_marked(page: Page, live_url: str) -> None:
    row = page.request.get(live_url + "/api/entries/ha-tinh-2022/29").json()["source_lines"]
    page.goto(live_url + "/")
    _ask(page, LAND)
    page.locator('.csdlqa-chip[data-citation-id="ha-tinh-2022/29"]').first.click()
    dialog = page.get_by_role("dialog")
    expect(dialog.locator("blockquote dt").first).to_have_text("Cơ quan quản lý")
    expect(dialog.locator("blockquote dd").first).to_have_text("Sở Tài nguyên và Môi trường")
    dialog.get_by_role("link", name="Xem trong văn bản").click()
    assert _marked(page) == [f"L{n}" for n in range(row[0], row[1] + 1)]
    marked_text = " ".join(page.locator(".sl.is-marked .sl-t").all_inner_texts())
    assert "CSDL về đất đai" in marked_text and "Sở Tài nguyên và Môi trường" in marked_text


def test_keyboard_only_user_reaches_the_marked_lines_from_a_citation(page: Page, live_url: str) -> None:
    page.goto(live_url + "/")
    page.keyboard.type(SIGNER)
    page.keyboard.press("Enter")
    expect(page.locator(".csdlqa-chip").first).to_be_visible(timeout=30_000)
    for _ in range(12):  # back from the textbox to the answer's source, keyboard only
        page.keyboard.press("Shift+Tab")
        if page.evaluate("document.activeElement.classList.contains('csdlqa-chip')"):
            break
    assert page.evaluate("document.activeElement.dataset.citationId") == "ha-tinh-2022"
    page.keyboard.press("Enter")
    expect(page.get_by_role("dialog")).to_be_visible()
    for _ in range(6):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.textContent") == "Xem trong văn bản":
            break
    page.keyboard.press("Enter")
    expect(page).to_have_url(live_url + "/van-ban/ha-tinh-2022#L34-L40")
    expect(page.locator("#L34")).to_be_focused()
    page.get_by_label("Tới dòng").focus()
    page.keyboard.type("46")
    page.keyboard.press("Enter")
    assert _marked(page) == ["L46"]
    expect(page.locator("#L46")).to_be_focused()


def test_lookup_entry_links_to_its_row_in_the_source(page: Page, live_url: str) -> None:
    page.goto(live_url + "/tra-cuu#quang-ninh-2026/A-7")
    detail = page.locator("#detail")
    expect(detail.locator("h3")).to_be_visible()
    detail.get_by_role("link", name="Xem trong văn bản").click()
    row = page.request.get(live_url + "/api/entries/quang-ninh-2026/A-7").json()["source_lines"]
    assert _marked(page)[0] == f"L{row[0]}" and _marked(page)[-1] == f"L{row[1]}"


def test_decisions_page_lists_numbers_dates_signers_counts_and_replacements(page: Page, live_url: str) -> None:
    page.goto(live_url + "/van-ban")
    cards = page.locator("article.decision")
    expect(cards).to_have_count(3)
    ha_tinh, hai_duong, quang_ninh = (cards.nth(i) for i in range(3))
    expect(ha_tinh).to_contain_text("1402/QĐ-UBND")
    expect(ha_tinh).to_contain_text("12/7/2022")
    expect(ha_tinh).to_contain_text("Lê Ngọc Châu")
    expect(ha_tinh).to_contain_text("34")
    expect(hai_duong).to_contain_text("để trống trong văn bản")
    expect(hai_duong).to_contain_text("tháng 3/2022 (ngày để trống trong văn bản)")
    expect(quang_ninh).to_contain_text("Quyết định 2609/QĐ-UBND ngày 17/9/2024")
    expect(quang_ninh).to_contain_text("Nguyễn Văn Công")
    ha_tinh.get_by_role("link", name="dòng 34–40").click()
    assert _marked(page) == [f"L{n}" for n in range(34, 41)]


def test_html_in_the_source_is_shown_as_text(page: Page, live_url: str) -> None:
    page.goto(live_url + "/van-ban/quang-ninh-2026")
    expect(page.locator(".sl").first).to_be_attached()
    assert page.locator(".source ul, .source li, .source script").count() == 0
    expect(page.locator(".source")).to_contain_text('<ul style="list-style-type: none">')


def test_a_line_link_that_is_not_one_says_so_and_marks_nothing(page: Page, live_url: str) -> None:
    page.goto(live_url + "/van-ban/ha-tinh-2022#L40-L34")
    expect(page.get_by_role("status")).to_contain_text("Liên kết dòng không hợp lệ")
    assert page.locator(".sl.is-marked").count() == 0


def test_long_list_answer_is_a_compact_list_opened_at_its_first_line(page: Page, live_url: str) -> None:
    page.goto(live_url + "/")
    _ask(page, "Danh mục của Quảng Ninh có bao nhiêu CSDL? Kể tên.")
    answer = page.locator(".csdlqa-a").last
    items = answer.locator(".csdlqa-list li")
    expect(items).to_have_count(44)
    assert all(items.nth(i).locator(".csdlqa-chip").count() == 1 for i in (0, 21, 43))
    assert answer.locator(".csdlqa-sources").count() == 0
    assert answer.locator(".csdlqa-chip").count() == 44
    top = page.evaluate(
        "() => { const q = [...document.querySelectorAll('.csdlqa-q')].pop(); const log = document.querySelector("
        "'.csdlqa-log'); return q.getBoundingClientRect().top - log.getBoundingClientRect().top; }"
    )
    assert 0 <= top <= 40


@pytest.mark.parametrize("path", ["/van-ban", "/van-ban/hai-duong-2022#L146-L159"])
def test_decision_pages_fit_a_phone_and_load_nothing_from_outside(
    browser: Browser, live_url: str, screenshots: Path, path: str
) -> None:
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    hosts: set[str] = set()
    page.on("request", lambda r: hosts.add(urlparse(r.url).netloc) if r.url.startswith("http") else None)
    page.goto(live_url + path)
    if "#L" in path:
        assert _marked(page)[0] == "L146"
        assert _in_viewport(page, ".sl.is-marked")
    else:
        expect(page.locator("article.decision")).to_have_count(3)
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert hosts == {urlparse(live_url).netloc}
    page.screenshot(path=screenshots / f"phone{path.split('#')[0].replace('/', '-')}.png")
    context.close()
