"""`csdl-qa eval GOLD [--retriever …] [--report DIR] [--api URL] [--compare]` and `csdl-qa eval check GOLD`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from api.settings import Settings
from corpus.errors import CorpusError
from eval.evaluate import RETRIEVERS, report_for, run_in_process, run_remote
from eval.gold import GoldError
from eval.remote import RemoteError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's subcommands to the parser."""
    ev = sub.add_parser(
        "eval",
        help="Chấm bộ câu hỏi chuẩn (gold) hoặc kiểm tra tệp gold",
        description="csdl-qa eval GOLD.jsonl [tùy chọn]  ·  csdl-qa eval check GOLD.jsonl  ·  "
        "csdl-qa eval first-sight BATCH.jsonl  ·  csdl-qa eval generate",
    )
    ev.add_argument(
        "target",
        nargs="+",
        metavar="GOLD",
        help="tệp gold JSONL, hoặc: check GOLD.jsonl | first-sight BATCH.jsonl | generate",
    )
    ev.add_argument("--retriever", choices=RETRIEVERS, help="bộ tìm kiếm (mặc định: theo cấu hình, CSDL_QA_RETRIEVER)")
    ev.add_argument("--report", type=Path, metavar="DIR", help="thư mục ghi report.json, report.md, failures.csv, PNG")
    ev.add_argument("--api", metavar="URL", help="chấm một máy chủ đang chạy (POST /api/ask) thay vì chạy tại chỗ")
    ev.add_argument(
        "--compare",
        action="store_true",
        help=(
            "chạy cả bm25, dense, hybrid và đường cơ sở (kết quả đầu của bộ tìm kiếm, ngưỡng hiệu chỉnh chéo), "
            "kiểm định cặp McNemar"
        ),
    )
    ev.set_defaults(handler=run)


def _progress(message: str) -> None:
    print(f"· {message}", file=sys.stderr, flush=True)


def run(args: argparse.Namespace, settings: Settings) -> int:
    """Dispatch `eval check GOLD` or `eval GOLD`."""
    if args.target[0] == "check":
        if len(args.target) != 2:
            print("cách dùng: csdl-qa eval check GOLD.jsonl", file=sys.stderr)
            return 2
        return run_check(Path(args.target[1]), settings)
    if args.target[0] == "first-sight":
        if len(args.target) != 2:
            print("cách dùng: csdl-qa eval first-sight eval/gold/blind/BATCH.jsonl", file=sys.stderr)
            return 2
        from api.cli_blind import run_first_sight

        return run_first_sight(Path(args.target[1]), settings, progress=_progress)
    if args.target[0] == "generate":
        from api.cli_blind import run_generate

        return run_generate(settings)
    if len(args.target) != 1:
        usage = "cách dùng: csdl-qa eval GOLD.jsonl [--retriever …] [--report DIR] [--api URL] [--compare]"
        print(usage, file=sys.stderr)
        return 2
    return run_eval(Path(args.target[0]), args, settings)


def run_check(gold: Path, settings: Settings) -> int:
    """Print every problem of the gold file as `file:line: item: message`; exit 1 when there is any."""
    from corpus.build import load_or_build
    from eval.check import check_file

    try:
        corpus = load_or_build(settings.sources_dir, settings.corpus_dir)
        problems = check_file(gold, corpus, settings.sources_dir)
    except (GoldError, CorpusError) as err:
        print(err, file=sys.stderr)
        return 1
    for p in problems:
        print(p.render(str(gold)), file=sys.stderr)
    if problems:
        print(f"{len(problems)} lỗi trong {gold}", file=sys.stderr)
        return 1
    print(f"{gold}: hợp lệ")
    return 0


def run_eval(gold: Path, args: argparse.Namespace, settings: Settings) -> int:
    """Run the harness and print the headline figures of each retriever."""
    if args.api and args.compare:
        print("--compare chạy tại chỗ ba bộ tìm kiếm; không dùng cùng --api", file=sys.stderr)
        return 2
    retrievers = list(RETRIEVERS) if args.compare else [args.retriever or settings.retriever]
    if settings.embedder == "none" and any(r != "bm25" for r in retrievers):
        print("CSDL_QA_EMBEDDER=none: chỉ chạy được --retriever bm25", file=sys.stderr)
        return 2
    try:
        if args.api:
            results, mode = run_remote(gold, api=args.api, progress=_progress), f"api {args.api}"
        else:
            results = run_in_process(
                gold, retrievers=retrievers, sources_dir=settings.sources_dir, data_dir=settings.data_dir,
                embedder=settings.embedder, progress=_progress, baseline=args.compare,
            )  # fmt: skip
            mode = "in-process"
        report = report_for(results, gold=gold, mode=mode, report_dir=args.report)
    except (GoldError, CorpusError, RemoteError) as err:
        print(err, file=sys.stderr)
        return 1
    _print_summary(report)
    if args.report:
        print(f"báo cáo: {args.report}/report.json, report.md, failures.csv, accuracy_by_kind.png")
    return 0


def _fmt(value: Any) -> str:
    return "–" if value is None else f"{value:.3f}"


def _print_summary(report: dict[str, Any]) -> None:
    for name, s in report["retrievers"].items():
        r = s["retrieval"]
        print(
            f"{name}: turn_accuracy {_fmt(s['turn_accuracy'])} · item_accuracy {_fmt(s['item_accuracy'])} · "
            f"status {_fmt(s['status_accuracy'])} · not_found P/R {_fmt(s['not_found_precision'])}/"
            f"{_fmt(s['not_found_recall'])} · retrieval hit@1 {_fmt(r.get('hit@1'))} mrr {_fmt(r.get('mrr'))} · "
            f"p50 {s['latency_ms']['p50']:.1f} ms p95 {s['latency_ms']['p95']:.1f} ms"
        )
    for c in report["comparisons"]:
        print(
            f"{c['a']} vs {c['b']}: {c['only_a_correct']}/{c['only_b_correct']} lượt chỉ một bên đúng, "
            f"p={c['p_value']:.4f}"
        )
