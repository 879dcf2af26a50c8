"""The lookup page in headless Chromium: views in the URL (reload, copied link, back/forward), downloads read back,
the print view, sort and the derived-sector note."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import openpyxl
import pytest
from playwright.sync_api import Browser, Page, expect

pytestmark = [pytest.mark.slow, pytest.mark.browser]

RESULTS = "#results [data-entry-id]"


def _ids(page: Page) -> list[str]:
    ids: list[str] = page.locator(RESULTS).evaluate_all("els => els.map(e => e.dataset.entryId)")
    return ids


def _filtered_view(page: Page, live_url: str) -> list[str]:
    """Search "ho tich", keep Hà Tĩnh, sort by STT, open the civil-status database; the ids listed."""
    page.goto(live_url + "/tra-cuu")
    expect(page.locator(RESULTS)).to_have_count(108)
    page.get_by_role("searchbox").fill("ho tich")
    expect(page.locator("#count")).to_contain_text("«ho tich»")
    page.get_by_label("Tỉnh / văn bản").select_option("ha-tinh-2022")
    page.get_by_label("Sắp xếp").select_option("stt")
    expect(page).to_have_url(re.compile(r"[?&]sort=stt"))
    expect(page.locator("#count")).not_to_contain_text("phù hợp")  # the list in STT order is the one shown
    page.locator(f'{RESULTS}[data-entry-id="ha-tinh-2022/32"]').click()
    expect(page.locator("#detail h3")).to_have_text("CSDL hộ tịch điện tử")
    return _ids(page)


def _same_view(page: Page, ids: list[str]) -> None:
    expect(page.get_by_role("searchbox")).to_have_value("ho tich")
    expect(page.get_by_label("Tỉnh / văn bản")).to_have_value("ha-tinh-2022")
    expect(page.get_by_label("Sắp xếp")).to_have_value("stt")
    expect(page.locator("#detail h3")).to_have_text("CSDL hộ tịch điện tử")
    expect(page.locator(RESULTS)).to_have_count(len(ids))
    assert _ids(page) == ids


def test_filtered_view_lives_in_the_query_string_and_survives_reload(page: Page, live_url: str) -> None:
    ids = _filtered_view(page, live_url)
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"q": ["ho tich"], "document": ["ha-tinh-2022"], "sort": ["stt"], "id": ["ha-tinh-2022/32"]}
    page.reload()
    _same_view(page, ids)


def test_copied_link_opens_the_same_view_for_a_colleague(browser: Browser, page: Page, live_url: str) -> None:
    page.context.grant_permissions(["clipboard-read", "clipboard-write"], origin=live_url)
    ids = _filtered_view(page, live_url)
    page.get_by_role("button", name="Sao chép liên kết").click()
    expect(page.locator("#copied")).to_have_text("Đã sao chép liên kết.")
    link = page.evaluate("navigator.clipboard.readText()")
    assert link == page.url
    colleague = browser.new_context(viewport={"width": 1200, "height": 850}, locale="vi-VN")
    other = colleague.new_page()
    other.goto(link)
    _same_view(other, ids)
    colleague.close()


def test_back_and_forward_step_through_the_views(page: Page, live_url: str) -> None:
    _filtered_view(page, live_url)
    page.go_back()
    expect(page.locator("#detail")).to_contain_text("Chọn một cơ sở dữ liệu")
    page.go_back()
    expect(page.get_by_label("Sắp xếp")).to_have_value("relevance")
    page.go_back()
    expect(page.get_by_label("Tỉnh / văn bản")).to_have_value("")
    expect(page.get_by_role("searchbox")).to_have_value("ho tich")
    page.go_forward()
    expect(page.get_by_label("Tỉnh / văn bản")).to_have_value("ha-tinh-2022")


def test_old_link_with_the_record_in_the_hash_opens_it_and_becomes_a_query_link(page: Page, live_url: str) -> None:
    page.goto(live_url + "/tra-cuu#ha-tinh-2022/29")
    expect(page.locator("#detail h3")).to_have_text("CSDL về đất đai")
    assert page.url == live_url + "/tra-cuu?id=ha-tinh-2022/29"


def test_ranked_search_puts_the_civil_status_databases_first(page: Page, live_url: str) -> None:
    page.goto(live_url + "/tra-cuu?q=ho+tich")
    expect(page.locator(RESULTS).first).to_be_visible()
    assert set(_ids(page)[:2]) == {"ha-tinh-2022/32", "hai-duong-2022/16"}


def _download(page: Page, name: str) -> bytes:
    with page.expect_download() as info:
        page.get_by_role("link", name=name).click()
    return Path(info.value.path()).read_bytes()


def test_csv_download_has_the_rows_of_the_view_with_diacritics(page: Page, live_url: str) -> None:
    page.goto(live_url + "/tra-cuu?q=y+t%E1%BA%BF&sector=Y+t%E1%BA%BF")
    expect(page.locator(RESULTS)).to_have_count(5)
    content = _download(page, "Tải CSV")
    assert content.startswith(b"\xef\xbb\xbf")
    rows = list(csv.DictReader(io.StringIO(content.decode("utf-8-sig"), newline="")))
    assert [r["Mã"] for r in rows] == _ids(page)
    assert {r["Cơ quan quản lý"] for r in rows} == {"Sở Y tế"}
    assert {r["Tỉnh"] for r in rows} == {"Hà Tĩnh", "Hải Dương", "Quảng Ninh"}


def test_xlsx_download_has_the_rows_of_the_view_with_diacritics(page: Page, live_url: str) -> None:
    page.goto(live_url + "/tra-cuu?q=TNMT&sort=agency")
    expect(page.locator(RESULTS).first).to_be_visible()
    book = openpyxl.load_workbook(io.BytesIO(_download(page, "Tải Excel (XLSX)")))
    rows = list(book["Danh mục CSDL"].iter_rows(values_only=True))
    header = list(rows[0])
    assert [r[header.index("Mã")] for r in rows[1:]] == _ids(page)
    assert "Sở Tài nguyên và Môi trường" in {r[header.index("Cơ quan quản lý")] for r in rows[1:]}
    assert "Sở Nông nghiệp và Môi trường" in {r[header.index("Cơ quan quản lý")] for r in rows[1:]}


def test_print_view_of_a_record_has_no_navigation_or_controls(page: Page, live_url: str, screenshots: Path) -> None:
    page.goto(live_url + "/tra-cuu?q=GPLX&id=hai-duong-2022/25")
    expect(page.locator("#detail h3")).to_have_text("Cơ sở dữ liệu về cấp giấy phép lái xe")
    page.emulate_media(media="print")
    for chrome in (".site-head", "nav", "#filters", ".summary", "#results", "#detail .actions"):
        expect(page.locator(chrome)).to_be_hidden()
    expect(page.locator("#detail dl")).to_be_visible()
    expect(page.locator("#detail")).to_contain_text("Sở Giao thông vận tải")
    page.screenshot(path=screenshots / "lookup-print.png", full_page=True)
    page.emulate_media(media="screen")
    expect(page.locator(".site-head")).to_be_visible()


def test_sector_filter_lists_derived_sectors_and_says_so(page: Page, live_url: str) -> None:
    page.goto(live_url + "/tra-cuu")
    expect(page.locator(RESULTS)).to_have_count(108)
    sector = page.get_by_label("Lĩnh vực")
    expect(sector.locator("option", has_text="Y tế (5 · 2 suy ra)")).to_have_count(1)
    sector.select_option("Y tế")
    expect(page.locator(RESULTS)).to_have_count(5)
    expect(page.locator('[data-entry-id="ha-tinh-2022/18"]')).to_contain_text("Y tế (suy ra)")
    note = page.locator("#sector-note")
    expect(note).to_contain_text("Hà Tĩnh, Hải Dương không có cột lĩnh vực")
    expect(note).to_contain_text("11 CSDL không xác định được lĩnh vực")
    page.locator('[data-entry-id="hai-duong-2022/15"]').click()
    expect(page.locator("#detail")).to_contain_text("Y tế — suy ra từ cơ quan quản lý")


def test_unknown_filter_in_a_link_says_why_nothing_is_listed(page: Page, live_url: str) -> None:
    page.goto(live_url + "/tra-cuu?document=ha-noi-2099")
    expect(page.locator("#count")).to_contain_text("Không có văn bản 'ha-noi-2099'")


def test_citation_dialog_links_to_the_record_in_the_lookup(page: Page, live_url: str) -> None:
    page.goto(live_url + "/")
    box = page.get_by_label("Câu hỏi của bạn")
    box.fill("Cơ quan nào quản lý CSDL về đất đai của tỉnh Hà Tĩnh?")
    box.press("Enter")
    page.locator('.csdlqa-chip[data-citation-id="ha-tinh-2022/29"]').first.click()
    page.get_by_role("dialog").get_by_role("link", name="Mở trong trang tra cứu").click()
    expect(page.locator("#detail h3")).to_have_text("CSDL về đất đai")
    assert page.url == live_url + "/tra-cuu?id=ha-tinh-2022/29"
