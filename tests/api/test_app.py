"""The app around the routes: pages and static files, CORS, the access log, the catch-all 500."""

from __future__ import annotations

import logging
import os
import re
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest
from fastapi.testclient import TestClient

from api.app import create_app
from api.cli import build_parser
from api.cli_serve import serve
from api.deps import ServedAssistant
from api.routes.pages import STATIC_DIR
from api.settings import Settings
from tests.api.conftest import _free_port


@pytest.fixture
def served(client: TestClient) -> ServedAssistant:
    """The assistant the session's app already loaded, to build variants of the app cheaply."""
    assistant: ServedAssistant = client.app.state.assistant  # type: ignore[attr-defined]
    return assistant


@pytest.mark.parametrize(
    ("path", "marker"),
    [
        ("/", 'src="/static/chat.js"'),
        ("/tra-cuu", 'src="/static/lookup.js"'),
        ("/demo", 'src="/widget.js"'),
        ("/van-ban", 'src="/static/documents.js"'),
        ("/van-ban/ha-tinh-2022", 'src="/static/viewer.js"'),
    ],
)
def test_pages_are_served_as_vietnamese_html(client: TestClient, path: str, marker: str) -> None:
    r = client.get(path)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert '<html lang="vi">' in r.text
    assert marker in r.text


def test_widget_script_is_served_as_javascript(client: TestClient) -> None:
    r = client.get("/widget.js")
    assert r.status_code == 200
    assert "javascript" in r.headers["content-type"]
    assert "attachShadow" in r.text


def test_static_assets_load_nothing_from_outside(client: TestClient) -> None:
    for path in sorted(STATIC_DIR.iterdir()):
        text = path.read_text(encoding="utf-8")
        assert not re.search(r"""<(script|link|img|iframe)\b[^>]*(src|href)\s*=\s*["']?(https?:)?//""", text), path.name
        assert not re.search(r"""\.(src|href)\s*=\s*["'](https?:)?//""", text), path.name
        assert "@import" not in text and "url(http" not in text, path.name
        assert client.get(f"/static/{path.name}").status_code == 200


def test_scripts_never_assign_inner_html(client: TestClient) -> None:
    for name in ("chat.js", "citation.js", "lookup.js", "widget.js", "viewer.js", "documents.js"):
        code = (STATIC_DIR / name).read_text(encoding="utf-8")
        assert not re.search(r"\.(innerHTML|outerHTML)\s*=|insertAdjacentHTML|document\.write", code), name


def test_static_path_traversal_is_404(client: TestClient) -> None:
    assert client.get("/static/..%2F..%2Fpyproject.toml").status_code == 404
    assert client.get("/static/%2E%2E/app.py").status_code == 404


def test_access_log_has_method_path_status_latency_and_no_question(
    client: TestClient, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.INFO, logger="csdl_qa"):
        client.post("/api/ask", json={"question": "CSDL về đất đai bí mật-xyz"})
    lines = [r.getMessage() for r in caplog.records if r.name == "csdl_qa.access"]
    assert len(lines) == 1
    assert re.fullmatch(r"POST /api/ask 200 \d+\.\dms", lines[0])
    assert all("bí mật-xyz" not in r.getMessage() for r in caplog.records)


def test_access_log_leaves_out_search_words(client: TestClient, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.INFO, logger="csdl_qa.access"):
        client.get("/api/search", params={"q": "đất đai-xyz"})
    assert [r.getMessage().split()[:3] for r in caplog.records] == [["GET", "/api/search", "200"]]


def test_questions_are_logged_when_configured(
    served: ServedAssistant, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    app = create_app(settings.model_copy(update={"log_questions": True}), assistant=served)
    with TestClient(app) as c, caplog.at_level(logging.INFO, logger="csdl_qa"):
        c.post("/api/ask", json={"question": "CSDL về đất đai-xyz"})
    assert any("CSDL về đất đai-xyz" in r.getMessage() for r in caplog.records)


def test_cors_allows_the_configured_portal_origin_only(served: ServedAssistant, settings: Settings) -> None:
    portal = "https://congthongtin.example.gov.vn"
    app = create_app(settings.model_copy(update={"cors_origins": [portal]}), assistant=served)
    with TestClient(app) as c:
        ok = c.options("/api/ask", headers={"Origin": portal, "Access-Control-Request-Method": "POST"})
        assert ok.headers["access-control-allow-origin"] == portal
        other = c.get("/healthz", headers={"Origin": "https://evil.example.com"})
        assert "access-control-allow-origin" not in other.headers


def test_no_cors_headers_without_configured_origins(client: TestClient) -> None:
    r = client.get("/healthz", headers={"Origin": "https://congthongtin.example.gov.vn"})
    assert "access-control-allow-origin" not in r.headers


class _BrokenAssistant:
    """An assistant whose `ask` fails unexpectedly, to reach the catch-all handler."""

    def __init__(self, served: ServedAssistant) -> None:
        self.corpus = served.corpus
        self.retriever = served.retriever

    def ask(self, question: str, *, session_id: str | None = None, document: str | None = None) -> object:
        raise RuntimeError("index file vanished")


def test_unexpected_failure_is_a_json_500_and_is_logged(
    served: ServedAssistant, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    app = create_app(settings, assistant=_BrokenAssistant(served))  # type: ignore[arg-type]
    with TestClient(app, raise_server_exceptions=False) as c, caplog.at_level(logging.ERROR, logger="csdl_qa"):
        r = c.post("/api/ask", json={"question": "CSDL về đất đai"})
    assert r.status_code == 500
    assert r.json() == {"detail": "Lỗi máy chủ; vui lòng thử lại sau."}
    assert any("index file vanished" in (r.exc_text or "") for r in caplog.records)


def test_lifespan_builds_corpus_and_index_and_reports_what_it_serves(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    settings = Settings(data_dir=tmp_path, embedder="none", retriever="bm25")
    with caplog.at_level(logging.INFO, logger="csdl_qa.api"), TestClient(create_app(settings)) as c:
        assert c.get("/healthz").json()["entries"] == 108
    assert any("serving 3 documents" in r.getMessage() for r in caplog.records)
    assert (tmp_path / "corpus" / "entries.jsonl").exists()


def test_serve_command_takes_host_port_and_workers() -> None:
    args = build_parser().parse_args(["serve", "--host", "0.0.0.0", "--port", "8123", "--workers", "2"])
    assert (args.host, args.port, args.workers) == ("0.0.0.0", 8123, 2)
    assert args.handler is serve


@pytest.mark.slow
def test_serve_command_serves_healthz_with_two_workers(tmp_path: Path) -> None:
    port = _free_port()
    env = {**os.environ, "CSDL_QA_DATA_DIR": str(tmp_path), "CSDL_QA_EMBEDDER": "none", "CSDL_QA_RETRIEVER": "bm25"}
    cli = Path(sys.executable).with_name("csdl-qa")
    proc = subprocess.Popen([str(cli), "serve", "--port", str(port), "--workers", "2"], env=env)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                body = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=2).json()
                break
            except httpx.TransportError:
                assert proc.poll() is None and time.monotonic() < deadline, "csdl-qa serve did not come up"
                time.sleep(0.5)
        assert body["documents"] == 3
        first = httpx.post(
            f"http://127.0.0.1:{port}/api/ask", json={"question": "Ai quản lý CSDL hộ tịch điện tử ở Hà Tĩnh?"}
        )
        sid = first.json()["session_id"]
        # Whichever worker takes the follow-up, the session is found in the shared SQLite file.
        for _ in range(4):
            follow = httpx.post(
                f"http://127.0.0.1:{port}/api/ask",
                json={"question": "Nó được chia sẻ theo hình thức nào?", "session_id": sid},
            ).json()
            assert follow["citations"][0]["id"] == "ha-tinh-2022/32"
    finally:
        proc.terminate()
        proc.wait(timeout=30)
