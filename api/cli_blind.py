"""`csdl-qa eval first-sight BATCH` (score a blind batch once, into the ledger) and `csdl-qa eval generate`."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from api.settings import REPO_ROOT, Settings
from corpus.errors import CorpusError
from eval.gold import GoldError

LEDGER = REPO_ROOT / "eval" / "gold" / "blind" / "LEDGER.md"
GENERATED = REPO_ROOT / "eval" / "gold" / "generated"


def run_first_sight(batch: Path, settings: Settings, *, progress: Callable[[str], None]) -> int:
    """Check the batch, score it (assistant and baseline), write its report and its one ledger row."""
    from corpus.build import load_or_build
    from eval.check import check_file
    from eval.evaluate import report_for, run_in_process
    from eval.ledger import LedgerError, append_row, current_commit, file_sha256, ledger_row, recorded_batches
    from eval.summary import summarize

    name = batch.stem
    if name in recorded_batches(LEDGER):
        print(f"Lô {name} đã có điểm lần đầu trong {LEDGER}; không chấm lại.", file=sys.stderr)
        return 1
    try:
        corpus = load_or_build(settings.sources_dir, settings.corpus_dir)
        problems = check_file(batch, corpus, settings.sources_dir)
        if problems:
            for p in problems:
                print(p.render(str(batch)), file=sys.stderr)
            print(f"{len(problems)} lỗi: sửa lô trước khi chấm", file=sys.stderr)
            return 1
        commit = current_commit(REPO_ROOT)
        results = run_in_process(
            batch, retrievers=[settings.retriever], sources_dir=settings.sources_dir, data_dir=settings.data_dir,
            embedder=settings.embedder, progress=progress, baseline=True,
        )  # fmt: skip
        report_dir = REPO_ROOT / "eval" / "reports" / "blind" / name
        report_for(results, gold=batch, mode=f"first sight at {commit}", report_dir=report_dir)
        main = summarize(results[0])
        baseline = summarize(results[1])["turn_accuracy"] if len(results) > 1 else None
        row = ledger_row(name, main, commit=commit, sha256=file_sha256(batch), baseline=baseline)
        append_row(LEDGER, name, row)
    except (GoldError, CorpusError, LedgerError) as err:
        print(err, file=sys.stderr)
        return 1
    print(row.strip())
    print(f"báo cáo: {report_dir}")
    return 0


def run_generate(settings: Settings) -> int:
    """Write the generated negatives and the surface variants of dev and blind gold under eval/gold/generated/."""
    from corpus.build import load_or_build
    from eval.generate import absent_database_negatives, outside_negatives, surface_variants, write_jsonl
    from eval.gold import load_gold

    try:
        corpus = load_or_build(settings.sources_dir, settings.corpus_dir)
        negatives = absent_database_negatives(corpus) + outside_negatives(corpus)
        write_jsonl(GENERATED / "negatives.jsonl", negatives)
        gold = REPO_ROOT / "eval" / "gold"
        from eval.ledger import recorded_batches

        recorded = recorded_batches(LEDGER)  # an unscored batch stays unread: no variants of it before its first sight
        sources = [gold / "dev.jsonl", *(p for p in sorted((gold / "blind").glob("*.jsonl")) if p.stem in recorded)]
        variants = [v for path in sources for v in surface_variants(load_gold(path))]
        write_jsonl(GENERATED / "variants.jsonl", variants)
    except (GoldError, CorpusError) as err:
        print(err, file=sys.stderr)
        return 1
    print(f"{GENERATED}/negatives.jsonl: {len(negatives)} câu · variants.jsonl: {len(variants)} câu")
    return 0
