"""`csdl-qa serve`: the HTTP API and the chat widget, on uvicorn (one process, or several workers).

uvicorn runs on uvloop and httptools (`uvicorn[standard]`). uvloop sets TCP_NODELAY on every accepted connection;
asyncio's own loop does not on the socket uvicorn binds for workers (created with protocol 0, which asyncio's
`_set_nodelay` skips), so small answers waited for Nagle's algorithm there.

With `--workers N`, what is missing (corpus, model folder and ONNX export, index) is built first in a child
process that then exits and gives its memory back, so the supervising parent never holds an assistant; each
worker configures logging itself from the same `dictConfig` (uvicorn applies `log_config` in every worker), so
every worker's lines — access log included — reach stderr, tagged with the worker's pid.
"""

from __future__ import annotations

import argparse
import importlib.util
import logging
import logging.config
import multiprocessing
from typing import Any

from api.settings import Settings

log = logging.getLogger("csdl_qa.api")
LOG_FORMAT = "%(asctime)s %(levelname)s [%(process)d] %(name)s: %(message)s"


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `serve` to the parser."""
    p = sub.add_parser("serve", help="Chạy dịch vụ hỏi đáp (API, trợ lý, trang tra cứu)")
    p.add_argument("--host", default="127.0.0.1", help="địa chỉ lắng nghe (mặc định 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="cổng (mặc định 8000)")
    p.add_argument(
        "--workers", type=int, default=1, help="số tiến trình; phiên hỏi đáp dùng chung qua SQLite (hoặc Redis)"
    )
    p.set_defaults(handler=serve)


def log_config() -> dict[str, Any]:
    """One stderr handler at INFO for everything (our loggers and uvicorn's), lines tagged with the pid."""
    return {
        "version": 1,
        "disable_existing_loggers": False,
        "formatters": {"plain": {"format": LOG_FORMAT}},
        "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain", "stream": "ext://sys.stderr"}},
        "root": {"level": "INFO", "handlers": ["stderr"]},
        # uvicorn's own loggers carry handlers of their own by default; here they only propagate to the root.
        "loggers": {name: {"handlers": [], "propagate": True} for name in ("uvicorn", "uvicorn.error")},
    }


def _event_loop_choice() -> tuple[str, str]:
    """uvloop and httptools when installed (they are dependencies on Linux), else asyncio and h11."""
    loop = "uvloop" if importlib.util.find_spec("uvloop") else "asyncio"
    http = "httptools" if importlib.util.find_spec("httptools") else "h11"
    return loop, http


def _prepare(settings: Settings) -> None:
    """Child process: build or check corpus, model, export and index, then exit (its memory goes with it)."""
    from api.app import open_served_assistant

    logging.config.dictConfig(log_config())
    assistant = open_served_assistant(settings)
    assistant.sessions.close()  # type: ignore[attr-defined]


def prepare_in_child(settings: Settings) -> int:
    """Run `_prepare` in a spawned process; its exit code (0 when everything is ready)."""
    child = multiprocessing.get_context("spawn").Process(target=_prepare, args=(settings,), name="csdl-qa-prepare")
    child.start()
    child.join()
    return child.exitcode if child.exitcode is not None else 1


def serve(args: argparse.Namespace, settings: Settings) -> int:
    """Load or build corpus and index once, then serve; returns the exit code."""
    import uvicorn

    logging.config.dictConfig(log_config())
    if args.workers < 1:
        log.error("--workers phải ≥ 1")
        return 2
    loop, http = _event_loop_choice()
    if loop != "uvloop":
        log.warning("uvloop is not installed: with --workers, answers may wait for Nagle's algorithm")
    common: dict[str, Any] = {
        "host": args.host,
        "port": args.port,
        "loop": loop,
        "http": http,
        "access_log": False,  # our AccessLogMiddleware writes one line per request
        "log_config": log_config(),
    }
    if args.workers == 1:
        from api.app import create_app

        uvicorn.run(create_app(settings), **common)
        return 0
    if prepare_in_child(settings) != 0:
        log.error("không chuẩn bị được dữ liệu phục vụ (xem lỗi phía trên)")
        return 1
    # Workers import the app themselves: settings reach them through the CSDL_QA_* environment.
    uvicorn.run("api.app:create_default_app", factory=True, workers=args.workers, **common)
    return 0
