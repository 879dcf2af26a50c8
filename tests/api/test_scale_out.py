"""Scale-out: two API processes on different ports share one conversation through a real redis-server, and
`serve --workers 2` logs from every worker while the parent holds no assistant."""

from __future__ import annotations

import re
from pathlib import Path

import httpx
import pytest
import redis
from fastapi.testclient import TestClient

from api.settings import Settings
from assistant.session_redis import PREFIX
from tests.api.serving import children, rss_mb, serve_env, serving
from tests.conftest import free_port

pytestmark = pytest.mark.slow
FIRST = "Cơ sở dữ liệu hộ tịch điện tử của Hà Tĩnh do cơ quan nào quản lý?"
FOLLOW_UP = "Còn hình thức chia sẻ của nó?"


def test_one_conversation_continues_across_two_replicas(
    client: TestClient, settings: Settings, redis_url: str, tmp_path: Path
) -> None:
    env = serve_env(settings, CSDL_QA_SESSIONS_URL=redis_url)  # `client` built corpus and index in that data dir
    port_a, port_b = free_port(), free_port()
    with serving(port_a, env, tmp_path / "a.log"), serving(port_b, env, tmp_path / "b.log"):
        first = httpx.post(f"http://127.0.0.1:{port_a}/api/ask", json={"question": FIRST}, timeout=30).json()
        assert first["status"] == "answered" and first["citations"][0]["id"] == "ha-tinh-2022/32"
        assert redis.Redis.from_url(redis_url).exists(PREFIX + "s:" + first["session_id"])
        follow = httpx.post(
            f"http://127.0.0.1:{port_b}/api/ask",
            json={"question": FOLLOW_UP, "session_id": first["session_id"]},
            timeout=30,
        ).json()
        alone = httpx.post(f"http://127.0.0.1:{port_b}/api/ask", json={"question": FOLLOW_UP}, timeout=30).json()
    assert (follow["status"], follow["session_id"]) == ("answered", first["session_id"])
    assert follow["citations"][0]["id"] == "ha-tinh-2022/32"
    assert "Hình thức chia sẻ" in follow["answer"]
    assert alone["status"] == "clarify"  # without the shared session, replica B cannot know what "nó" is
    assert "sessions in redis://127.0.0.1" in (tmp_path / "b.log").read_text()


def test_unreachable_redis_stops_the_start_with_its_address(
    client: TestClient, settings: Settings, tmp_path: Path
) -> None:
    port = free_port()
    env = serve_env(settings, CSDL_QA_SESSIONS_URL=f"redis://127.0.0.1:{free_port()}/0")
    with pytest.raises(AssertionError, match="Không kết nối được kho phiên Redis redis://127.0.0.1"):
        with serving(port, env, tmp_path / "down.log"):
            pass


def test_two_workers_both_write_access_lines_and_the_parent_holds_no_assistant(
    client: TestClient, settings: Settings, tmp_path: Path
) -> None:
    log = tmp_path / "workers.log"
    port = free_port()
    with serving(port, serve_env(settings), log, workers=2) as parent:
        pids: set[int] = set()
        for _ in range(200):  # a new connection each time, so the kernel hands them to either worker
            assert httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=10).status_code == 200
            pids = {int(p) for p in re.findall(r"\[(\d+)\] csdl_qa\.access: GET /healthz 200", log.read_text())}
            if len(pids) >= 2:
                break
        workers = children(parent.pid)  # the two workers, and multiprocessing's resource tracker
        worker_rss = [rss_mb(pid) for pid in pids]
        parent_rss = rss_mb(parent.pid)
    assert len(pids) == 2 and pids <= set(workers)
    assert parent_rss < 0.5 * min(worker_rss), (parent_rss, worker_rss)
