"""`csdl-qa ask`: the --json output is exactly the API object; plain output lists numbered sources."""

from __future__ import annotations

import argparse
import json

import pytest

import assistant as assistant_package
from api.cli_ask import run_ask
from api.settings import Settings
from assistant import Assistant


def _args(question: str, *, as_json: bool) -> argparse.Namespace:
    return argparse.Namespace(question=question, json=as_json, session=None, document=None)


def test_json_output_is_the_api_object(
    assistant: Assistant, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(assistant_package, "open_assistant", lambda **_: assistant)
    code = run_ask(_args("Ai quản lý CSDL hộ tịch điện tử ở Hà Tĩnh?", as_json=True), Settings())
    payload = json.loads(capsys.readouterr().out)
    assert code == 0
    assert set(payload) == {"status", "answer", "citations", "session_id", "session_restarted"}
    assert payload["citations"][0]["id"] == "ha-tinh-2022/32"
    assert "Sở Tư pháp" in payload["answer"]


def test_plain_output_numbers_sources(
    assistant: Assistant, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(assistant_package, "open_assistant", lambda **_: assistant)
    run_ask(_args("Ai quản lý CSDL hộ tịch điện tử ở Hà Tĩnh?", as_json=False), Settings())
    out = capsys.readouterr().out
    assert "[1] CSDL hộ tịch điện tử — Hà Tĩnh (ha-tinh-2022/32)" in out


def test_empty_question_exits_2(
    assistant: Assistant, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(assistant_package, "open_assistant", lambda **_: assistant)
    assert run_ask(_args("   ", as_json=False), Settings()) == 2
    assert "không được để trống" in capsys.readouterr().err
