"""`csdl-qa serve`: the HTTP API and the chat widget, on uvicorn."""

from __future__ import annotations

import argparse
import logging

from api.settings import Settings


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add `serve` to the parser."""
    p = sub.add_parser("serve", help="Chạy dịch vụ hỏi đáp (API, trợ lý, trang tra cứu)")
    p.add_argument("--host", default="127.0.0.1", help="địa chỉ lắng nghe (mặc định 127.0.0.1)")
    p.add_argument("--port", type=int, default=8000, help="cổng (mặc định 8000)")
    p.add_argument("--workers", type=int, default=1, help="số tiến trình; phiên hỏi đáp dùng chung qua SQLite")
    p.set_defaults(handler=serve)


def serve(args: argparse.Namespace, settings: Settings) -> int:
    """Load or build corpus and index once, then serve; returns the exit code."""
    import uvicorn

    from api.app import create_app, open_served_assistant

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    if args.workers < 1:
        logging.getLogger("csdl_qa.api").error("--workers phải ≥ 1")
        return 2
    if args.workers == 1:
        uvicorn.run(create_app(settings), host=args.host, port=args.port, access_log=False, log_config=None)
        return 0
    # Build what is missing once here, so the workers only load it (and do not race to write it).
    open_served_assistant(settings)
    # Workers import the app themselves: settings reach them through the CSDL_QA_* environment.
    uvicorn.run(
        "api.app:create_default_app",
        factory=True,
        host=args.host,
        port=args.port,
        workers=args.workers,
        access_log=False,
        log_config=None,
    )
    return 0
