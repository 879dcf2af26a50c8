"""What real keyboards, PDFs and monitors send: one normalisation at every text door, HEAD, one value per
parameter, offline API docs, a CLI that closes quietly on a closed pipe."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from hypothesis import given, settings
from hypothesis import strategies as st

from assistant import Assistant
from corpus.text import clean_text

LAND_QUESTION = "Cơ quan nào quản lý CSDL về Đất Đai của tỉnh Hà Tĩnh?"


def _ask(client: TestClient, question: str) -> tuple[str, list[str]]:
    body = client.post("/api/ask", json={"question": question}).json()
    return body["status"], [c["id"] for c in body["citations"]]


def test_icelandic_eth_reads_as_d_with_stroke(client: TestClient) -> None:
    assert _ask(client, LAND_QUESTION.replace("Đ", "\u00d0")) == _ask(client, LAND_QUESTION)
    assert _ask(client, LAND_QUESTION)[1][0] == "ha-tinh-2022/29"


def test_soft_hyphen_inside_a_word_is_ignored(client: TestClient) -> None:
    assert _ask(client, "CSDL về đ\u00adất đai ở Hà Tĩnh do ai quản lý?")[1][:1] == ["ha-tinh-2022/29"]


def test_entries_search_folds_look_alike_letters(client: TestClient) -> None:
    plain = client.get("/api/entries", params={"q": "Đất Đai"}).json()["total"]
    assert plain > 0
    assert client.get("/api/entries", params={"q": "\u00d0ất \u00d0ai"}).json()["total"] == plain
    assert client.get("/api/entries", params={"q": "đ\u00adất\u200b đai"}).json()["total"] == plain


@pytest.mark.parametrize("path", ["/healthz", "/", "/tra-cuu", "/api/documents", "/widget.js", "/docs"])
def test_head_answers_like_get_without_a_body(client: TestClient, path: str) -> None:
    head = client.head(path)
    assert head.status_code == 200
    assert head.content == b""
    assert head.headers["content-type"] == client.get(path).headers["content-type"]


def test_repeated_single_value_parameter_is_422_naming_it(client: TestClient) -> None:
    r = client.get("/api/entries?document=ha-tinh-2022&document=hai-duong-2022")
    assert r.status_code == 422
    assert "document" in r.json()["detail"]


@pytest.mark.parametrize("path", ["/docs", "/redoc"])
def test_api_docs_load_their_assets_from_the_app(client: TestClient, path: str) -> None:
    page = client.get(path).text
    assert "cdn.jsdelivr" not in page and "unpkg" not in page
    asset = next(part.split('"')[1] for part in page.split("src=")[1:] if part.startswith('"'))
    assert client.get(asset).status_code == 200


def test_clean_text_folds_every_kind_of_odd_character() -> None:
    assert clean_text("\ufeffĐất\u2009đai\u3000Hà\u00a0Tĩnh\u200d\u2060 \u0189\u0256") == "Đất đai Hà Tĩnh Đđ"


_INVISIBLE = st.sampled_from(["\u00ad", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff"])


@settings(max_examples=40, deadline=None)
@given(position=st.integers(min_value=0, max_value=60), mark=_INVISIBLE, swap=st.booleans())
def test_invisible_characters_and_look_alikes_do_not_change_the_answer(
    client: TestClient, position: int, mark: str, swap: bool
) -> None:
    assistant_for_properties: Assistant = client.app.state.assistant  # type: ignore[attr-defined]
    question = "Ai quản lý CSDL hộ tịch điện tử ở Hà Tĩnh, Đơn vị nào?"
    altered = question[:position] + mark + question[position:]
    if swap:
        altered = altered.replace("Đ", "\u00d0").replace("đ", "\u00f0")
    expected = assistant_for_properties.ask(question)
    got = assistant_for_properties.ask(altered)
    assert (got.status, [c.id for c in got.citations]) == (expected.status, [c.id for c in expected.citations])


def test_cli_closes_quietly_on_a_closed_pipe(tmp_path: Path) -> None:
    script = "import sys; from api.cli import main; sys.exit(main(['corpus', 'show', 'quang-ninh-2026/A-7', '--json']))"
    proc = subprocess.run(
        f"{sys.executable} -c \"{script}\" | head -c 20",
        shell=True, capture_output=True, text=True, cwd=Path(__file__).resolve().parents[2], timeout=300,
    )  # fmt: skip
    assert "Traceback" not in proc.stderr and "BrokenPipe" not in proc.stderr


def test_a_lone_surrogate_in_a_question_is_named_in_the_error(client: TestClient) -> None:
    body = b'{"question": "\\ud800 ho tich"}'
    r = client.post("/api/ask", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 422
    assert "UTF-16" in r.json()["detail"]


def test_json_nested_too_deep_is_a_clear_422(client: TestClient) -> None:
    body = b'{"question": ' + b"[" * 3000 + b"]" * 3000 + b"}"
    r = client.post("/api/ask", content=body, headers={"content-type": "application/json"})
    assert r.status_code == 422
    assert "lồng nhau quá sâu" in r.json()["detail"]
