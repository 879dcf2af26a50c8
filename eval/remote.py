"""Asking a running csdl-qa server (`POST /api/ask`, `GET /api/search`) with the same interface as in-process."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import httpx


class RemoteError(RuntimeError):
    """The server could not be reached or answered with an error; the message says which."""


@dataclass(frozen=True)
class PlainCitation:
    """The part of a citation that scoring reads."""

    id: str
    kind: str = "entry"


@dataclass(frozen=True)
class PlainAnswer:
    """An answer as plain data: from the HTTP API, or built by a test's fake assistant."""

    status: str
    text: str
    citations: list[PlainCitation] = field(default_factory=list)
    session_id: str = ""

    @classmethod
    def from_json(cls, data: dict[str, Any]) -> PlainAnswer:
        """Parse the body of `POST /api/ask` (CONTRACT §3)."""
        try:
            citations = [PlainCitation(id=str(c["id"]), kind=str(c.get("kind", "entry"))) for c in data["citations"]]
            return cls(str(data["status"]), str(data["answer"]), citations, str(data["session_id"]))
        except (KeyError, TypeError) as exc:
            raise RemoteError(f"câu trả lời của máy chủ thiếu trường {exc}") from None


@dataclass(frozen=True)
class PlainHit:
    """One ranked search result."""

    id: str
    score: float


class RemoteAssistant:
    """`ask` and `search` against a server at `base_url`, one HTTP client for the whole run."""

    def __init__(self, base_url: str, *, timeout: float = 30.0, client: httpx.Client | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self._client = client or httpx.Client(base_url=self.base_url, timeout=timeout)

    def ask(self, question: str, *, session_id: str | None = None, document: str | None = None) -> PlainAnswer:
        """`POST /api/ask`; raises RemoteError on a transport error or a non-200 reply."""
        body = {"question": question, "session_id": session_id, "document": document}
        return PlainAnswer.from_json(self._request("POST", "/api/ask", json=body))

    def search(self, query: str, k: int = 10, *, document: str | None = None) -> list[PlainHit]:
        """`GET /api/search`: the server's ranked entries and clauses."""
        params: dict[str, str | int] = {"q": query, "k": k}
        if document:
            params["document"] = document
        data = self._request("GET", "/api/search", params=params)
        return [PlainHit(str(r["id"]), float(r.get("score", 0.0))) for r in data.get("results", [])]

    def close(self) -> None:
        self._client.close()

    def _request(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        try:
            response = self._client.request(method, path, **kwargs)
        except httpx.HTTPError as exc:
            raise RemoteError(f"không kết nối được {self.base_url}{path}: {exc}") from None
        if response.status_code != 200:
            raise RemoteError(f"{method} {path} trả về {response.status_code}: {response.text[:200]}")
        data = response.json()
        if not isinstance(data, dict):
            raise RemoteError(f"{method} {path}: câu trả lời không phải đối tượng JSON")
        return data
