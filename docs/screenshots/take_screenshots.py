"""Retake the README's screenshots of the source viewer and the decisions page (headless Debian chromium).

    .venv/bin/python docs/screenshots/take_screenshots.py

Serves the app (BM25 only, data under a temporary folder) on a free loopback port, drives it with Playwright and
writes the PNG files next to this script.
"""

from __future__ import annotations

import socket
import tempfile
import threading
import time
from pathlib import Path

import uvicorn
from playwright.sync_api import Page, sync_playwright

from api.app import create_app
from api.settings import REPO_ROOT, Settings

OUT = Path(__file__).resolve().parent
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def _serve(data_dir: Path) -> tuple[uvicorn.Server, str]:
    settings = Settings(
        data_dir=data_dir, sources_dir=REPO_ROOT / "corpus" / "sources", embedder="none", retriever="bm25"
    )
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_config=None))
    threading.Thread(target=server.run, daemon=True).start()
    while not server.started:
        time.sleep(0.1)
    return server, f"http://127.0.0.1:{port}"


def _ask(page: Page, question: str) -> None:
    count = page.locator(".csdlqa-a").count()
    box = page.get_by_label("Câu hỏi của bạn")
    box.fill(question)
    box.press("Enter")
    page.wait_for_function(f"document.querySelectorAll('.csdlqa-a').length > {count}")


def main() -> None:
    with tempfile.TemporaryDirectory() as data:
        server, base = _serve(Path(data))
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
            desk = browser.new_context(viewport={"width": 1200, "height": 800}, locale="vi-VN")
            page = desk.new_page()
            page.goto(base + "/")
            _ask(page, "Quyết định danh mục của Hà Tĩnh số mấy, ngày nào, ai ký?")
            page.locator('.csdlqa-chip[data-citation-id="ha-tinh-2022"]').click()
            page.wait_for_selector(".csdlqa-source-link")
            page.screenshot(path=OUT / "chat-document-citation.png")
            page.get_by_role("link", name="Xem trong văn bản").click()
            page.wait_for_selector(".sl.is-marked")
            page.screenshot(path=OUT / "viewer-signature.png")
            page.goto(base + "/van-ban")
            page.wait_for_selector("article.decision")
            page.screenshot(path=OUT / "decisions.png", full_page=True)
            page.goto(base + "/")
            _ask(page, "Danh mục của Quảng Ninh có bao nhiêu CSDL? Kể tên.")
            page.screenshot(path=OUT / "chat-compact-list.png")
            phone = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, locale="vi-VN")
            page = phone.new_page()
            page.goto(base + "/van-ban/ha-tinh-2022#L311-L318")
            page.wait_for_selector(".sl.is-marked")
            page.screenshot(path=OUT / "viewer-entry-row-phone.png")
            browser.close()
        server.should_exit = True


if __name__ == "__main__":
    main()
