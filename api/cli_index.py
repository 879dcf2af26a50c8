"""`csdl-qa index build [--force]`: build the retrieval index of the corpus (skips it when current)."""

from __future__ import annotations

import argparse
import sys
import time

from api.settings import Settings
from corpus.build import load_or_build
from corpus.errors import CorpusError
from index.build import build_index, load_retriever
from index.embedder import EmbedderError, load_embedder
from index.errors import StaleIndexError
from index.manifest import Manifest


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's subcommands to the parser."""
    index = sub.add_parser("index", help="Chỉ mục tìm kiếm (BM25 + vectơ)")
    index_sub = index.add_subparsers(dest="index_command", required=True)
    build = index_sub.add_parser("build", help="Dựng chỉ mục từ kho bản ghi (bỏ qua nếu đã mới)")
    build.add_argument("--force", action="store_true", help="dựng lại kể cả khi chỉ mục đã mới")
    build.set_defaults(handler=run_build)


def _progress(message: str) -> None:
    print(f"· {message}", file=sys.stderr, flush=True)


def run_build(args: argparse.Namespace, settings: Settings) -> int:
    """Load (or build) corpus and embedder, then build the index unless the one on disk is current."""
    started = time.perf_counter()
    try:
        _progress(f"Kho bản ghi: {settings.corpus_dir}")
        corpus = load_or_build(settings.sources_dir, settings.corpus_dir)
        _progress(f"Mô hình nhúng: {settings.embedder}")
        embedder = load_embedder(settings.embedder, settings.models_dir)
    except (CorpusError, EmbedderError) as err:
        print(err, file=sys.stderr)
        return 1
    kind = "hybrid" if embedder is not None else "bm25"
    if not args.force:
        try:
            load_retriever(corpus, settings.index_dir, embedder=embedder, kind=kind)
            manifest = Manifest.read(settings.index_dir)
            print(
                f"đã mới, dùng lại: {settings.index_dir} ({manifest.counts.get('entries')} mục, "
                f"{manifest.counts.get('clauses')} điều khoản, {manifest.counts.get('vectors')} vectơ, "
                f"mô hình {manifest.model_id or 'không'})"
            )
            return 0
        except StaleIndexError as exc:
            _progress(f"Cần dựng chỉ mục: {exc.reason}")
    report = build_index(corpus, settings.index_dir, embedder=embedder, progress=_progress)
    total = time.perf_counter() - started
    print(
        f"đã ghi: {report.index_dir}\n"
        f"  mục danh mục: {report.entries}; điều khoản: {report.clauses}; vectơ: {report.vectors}\n"
        f"  mô hình: {report.model_id or 'không (chỉ BM25)'}; số chiều: {report.dim or '-'}\n"
        f"  thời gian dựng chỉ mục: {report.seconds:.1f} s (tổng cả nạp mô hình: {total:.1f} s)"
    )
    return 0
