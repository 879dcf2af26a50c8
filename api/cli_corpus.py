"""`csdl-qa corpus build | validate | show ID [--json]` and `csdl-qa ingest FILE`."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from api.settings import Settings
from corpus.build import is_current, load_or_build, parse_entry
from corpus.errors import CorpusError, ParseError, UnknownIdError, ValidationError
from corpus.ingest import ingest_parsed
from corpus.manifest import read_manifest
from corpus.records import CatalogueEntry, DecisionClause, Document
from corpus.store import Corpus, dump_json
from corpus.validate import registry_problems, validate


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's subcommands to the parser."""
    corpus = sub.add_parser("corpus", help="Kho văn bản: dựng, kiểm tra, xem bản ghi")
    corpus_sub = corpus.add_subparsers(dest="corpus_command", required=True)
    corpus_sub.add_parser(
        "build", help="Phân tích các văn bản nguồn và ghi bản ghi JSONL (bỏ qua nếu đã mới)"
    ).set_defaults(handler=run_build)
    corpus_sub.add_parser("validate", help="Phân tích lại mọi văn bản nguồn và báo mọi lỗi").set_defaults(
        handler=run_validate
    )
    show = corpus_sub.add_parser("show", help="Xem một văn bản, mục danh mục hoặc điều khoản theo mã")
    show.add_argument("id", help="ví dụ ha-tinh-2022/29, quang-ninh-2026/A-7, ha-tinh-2022/dieu-2.1.a")
    show.add_argument("--json", action="store_true", help="in bản ghi dạng JSON")
    show.set_defaults(handler=run_show)
    add = sub.add_parser("ingest", help="Thêm một quyết định mới (tệp văn bản UTF-8) vào kho nguồn")
    add.add_argument("file", type=Path)
    add.set_defaults(handler=run_ingest)


def _error(message: str) -> int:
    print(message, file=sys.stderr)
    return 1


def _report_corpus_error(err: CorpusError) -> int:
    if isinstance(err, ValidationError):
        for problem in err.problems:
            print(problem, file=sys.stderr)
        return 1
    return _error(str(err))


def run_build(args: argparse.Namespace, settings: Settings) -> int:
    """Build (or reuse) the corpus and print each document's counts."""
    try:
        current = is_current(settings.sources_dir, settings.corpus_dir)
        corpus = load_or_build(settings.sources_dir, settings.corpus_dir)
    except CorpusError as err:
        return _report_corpus_error(err)
    _print_counts(corpus)
    verb = "đã mới, dùng lại" if current else "đã ghi"
    print(f"{verb}: {settings.corpus_dir} (documents.jsonl, entries.jsonl, clauses.jsonl)")
    return 0


def _print_counts(corpus: Corpus) -> None:
    for doc in corpus.documents():
        n_entries = len(corpus.entries(document=doc.id))
        n_clauses = len(corpus.clauses(document=doc.id))
        print(f"{doc.id}: {n_entries} entries, {n_clauses} clauses")


def run_validate(args: argparse.Namespace, settings: Settings) -> int:
    """Parse every source afresh; print counts and every problem; exit 1 if there is any."""
    try:
        manifest = read_manifest(settings.sources_dir)
    except CorpusError as err:
        return _error(str(err))
    failed = False
    parsed_all = []
    for entry in manifest.documents:
        try:
            parsed = parse_entry(settings.sources_dir, entry)
        except (ParseError, CorpusError) as err:
            # ParseError reads `file:line: message`; other corpus errors name the file themselves.
            _error(str(err))
            failed = True
            continue
        problems = validate(parsed, expected_entries=entry.expected_entries)
        parsed_all.append(parsed)
        expected = "?" if entry.expected_entries is None else entry.expected_entries
        print(f"{entry.id}: {len(parsed.entries)} entries (expected {expected}), {len(parsed.clauses)} clauses")
        for problem in problems:
            print(problem, file=sys.stderr)
        failed = failed or bool(problems)
    if not failed:  # a document that did not parse would make every spelling it holds look unquoted
        try:
            problems = registry_problems(parsed_all)
        except CorpusError as err:
            return _error(str(err))
        for problem in problems:
            print(problem, file=sys.stderr)
        failed = bool(problems)
    return 1 if failed else 0


def run_show(args: argparse.Namespace, settings: Settings) -> int:
    """Print one document, entry or clause; exit 1 for an unknown id."""
    try:
        corpus = load_or_build(settings.sources_dir, settings.corpus_dir)
        record = corpus.get(args.id)
    except UnknownIdError:
        return _error(f"Không tìm thấy mã {args.id!r} (ví dụ: ha-tinh-2022, ha-tinh-2022/29, ha-tinh-2022/dieu-1)")
    except CorpusError as err:
        return _report_corpus_error(err)
    print(dump_json(record) if args.json else render(record, corpus))
    return 0


def run_ingest(args: argparse.Namespace, settings: Settings) -> int:
    """Add a decision to the sources; print what was added."""
    try:
        parsed = ingest_parsed(args.file, settings.sources_dir)
    except CorpusError as err:
        return _report_corpus_error(err)
    doc = parsed.document
    print(
        f"Đã thêm {doc.id} ({doc.province}, {doc.number or 'chưa có số'}): "
        f"{len(parsed.entries)} mục danh mục, {len(parsed.clauses)} điều khoản"
    )
    print(f"→ {settings.sources_dir / (doc.id + '.txt')}; chạy `csdl-qa corpus build` và `csdl-qa index build`")
    return 0


_ENTRY_LABELS = (
    ("name", "Tên cơ sở dữ liệu"),
    ("agency", "Đơn vị quản lý"),
    ("group_title", "Nhóm"),
    ("sector", "Lĩnh vực"),
    ("purpose", "Mục đích"),
    ("scope", "Phạm vi"),
    ("content", "Nội dung"),
    ("collection", "Thu thập, cập nhật"),
    ("sharing", "Hình thức chia sẻ"),
    ("notes", "Ghi chú"),
)


def render(record: Document | CatalogueEntry | DecisionClause, corpus: Corpus) -> str:
    """A readable Vietnamese text view of one record."""
    if isinstance(record, CatalogueEntry):
        return _render_entry(record, corpus)
    if isinstance(record, DecisionClause):
        return _render_clause(record, corpus)
    return _render_document(record, corpus)


def _field(label: str, value: str | None) -> list[str]:
    if not value:
        return []
    lines = value.splitlines()
    if len(lines) == 1:
        return [f"{label}: {lines[0]}"]
    return [f"{label}:", *(f"  {line}" for line in lines)]


def _render_entry(entry: CatalogueEntry, corpus: Corpus) -> str:
    doc = corpus.document(entry.document_id)
    out = [f"[{entry.id}] Mục {entry.number} — {doc.title} ({doc.province})"]
    for field, label in _ENTRY_LABELS:
        out += _field(label, getattr(entry, field))
    if entry.sharing_modes:
        out.append("Chế độ chia sẻ: " + ", ".join(m.value for m in entry.sharing_modes))
    out.append(f"Nguồn: {doc.source_file}, dòng {entry.source_lines[0]}–{entry.source_lines[1]}")
    return "\n".join(out)


def _render_clause(clause: DecisionClause, corpus: Corpus) -> str:
    doc = corpus.document(clause.document_id)
    where = f"Điều {clause.article}"
    if clause.clause is not None:
        where += f", khoản {clause.clause}"
    if clause.point is not None:
        where += f", điểm {clause.point}"
    out = [f"[{clause.id}] {where} — {doc.title} ({doc.province})"]
    out += _field("Tiêu đề điều", clause.heading)
    out += clause.text.splitlines()
    return "\n".join(out)


def _render_document(doc: Document, corpus: Corpus) -> str:
    out = [f"[{doc.id}] {doc.title}"]
    out += _field("Tỉnh", doc.province)
    out += _field("Số", doc.number or "(để trống)")
    out += _field("Ngày", doc.date)
    out += _field("Cơ quan ban hành", doc.issuer)
    out += _field("Người ký", " ".join(x for x in (doc.signer_title, doc.signer) if x))
    out += _field("Thay thế", doc.replaces)
    out += _field("Căn cứ", "\n".join(doc.legal_bases))
    out.append(
        f"{len(corpus.entries(document=doc.id))} mục danh mục, {len(corpus.clauses(document=doc.id))} điều khoản"
    )
    out.append(f"Nguồn: {doc.source_file}")
    return "\n".join(out)
