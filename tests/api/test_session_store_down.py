"""When the shared session store stops answering, `/api/ask` says so in Vietnamese with a 503, never a 500."""

from __future__ import annotations

import pytest
from fastapi.testclient import TestClient

from assistant.errors import SessionStoreError
from assistant.session import Session


class DownStore:
    """A session store whose server has gone away."""

    ttl_seconds = 3600
    max_sessions = 10

    def get(self, session_id: str | None) -> Session:
        raise SessionStoreError("Kho phiên Redis redis://127.0.0.1:6390/0 không trả lời: ConnectionError")

    def save(self, session: Session) -> None:
        raise SessionStoreError("Kho phiên Redis redis://127.0.0.1:6390/0 không trả lời: ConnectionError")

    def __len__(self) -> int:
        return 0

    def close(self) -> None:
        return None


def test_ask_while_the_session_store_is_down_is_503_in_vietnamese(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(client.app.state.assistant, "sessions", DownStore())  # type: ignore[attr-defined]
    r = client.post("/api/ask", json={"question": "Ai quản lý CSDL đất đai ở Hà Tĩnh?"})
    assert r.status_code == 503
    assert r.headers["retry-after"] == "5"
    assert r.json() == {"detail": "Kho lưu cuộc trò chuyện tạm thời không truy cập được; vui lòng thử lại sau ít phút."}


def test_other_routes_keep_answering_while_the_session_store_is_down(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(client.app.state.assistant, "sessions", DownStore())  # type: ignore[attr-defined]
    assert client.get("/api/search", params={"q": "đất đai"}).status_code == 200
    assert client.get("/healthz").status_code == 200
