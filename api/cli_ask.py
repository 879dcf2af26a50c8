"""`csdl-qa ask "câu hỏi" [--json] [--session ID] [--document ID]`: one question from the command line."""

from __future__ import annotations

import argparse
import json
import sys

from api.settings import Settings


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the `ask` subcommand to the parser."""
    p = sub.add_parser("ask", help="Hỏi một câu về danh mục CSDL dùng chung")
    p.add_argument("question", help="Câu hỏi (tiếng Việt, có hoặc không dấu)")
    p.add_argument("--json", action="store_true", help="In đúng đối tượng JSON của POST /api/ask")
    p.add_argument("--session", default=None, help="Mã phiên để hỏi tiếp (câu hỏi nối tiếp)")
    p.add_argument("--document", default=None, help="Chỉ trả lời trong một văn bản, vd. ha-tinh-2022")
    p.set_defaults(handler=run_ask)


def run_ask(args: argparse.Namespace, settings: Settings) -> int:
    """Answer the question; exit 0 when answered, 1 otherwise, 2 for a question that is refused."""
    from api.app import open_served_assistant
    from assistant import AnswerStatus, QuestionError

    assistant = open_served_assistant(settings)
    try:
        answer = assistant.ask(args.question, session_id=args.session, document=args.document)
    except QuestionError as exc:
        print(f"Lỗi: {exc}", file=sys.stderr)
        return 2
    if args.json:
        payload = {
            "status": answer.status.value,
            "answer": answer.text,
            "citations": [c.model_dump(mode="json") for c in answer.citations],
            "session_id": answer.session_id,
            "session_restarted": answer.session_restarted,
        }
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        print(answer.text)
        if answer.citations:
            print("\nNguồn:")
            for n, c in enumerate(answer.citations, start=1):
                quote = " ".join(c.quote.split())
                quote = quote if len(quote) <= 200 else quote[:199] + "…"
                print(f"[{n}] {c.title} — {c.province} ({c.id})\n    “{quote}”")
        if answer.session_restarted:
            print(f"\n(phiên {args.session} không còn — đã mở phiên mới)", file=sys.stderr)
        print(f"\n(phiên: {answer.session_id})")
    return 0 if answer.status is AnswerStatus.ANSWERED else 1
