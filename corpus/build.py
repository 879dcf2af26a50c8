"""Raw decisions → validated `Corpus`, written as JSON Lines and rebuilt only when an input changed.

The corpus folder holds `documents.jsonl`, `entries.jsonl`, `clauses.jsonl`, `sources.jsonl` (each decision's raw
lines, which citations quote and the source viewer shows) and `build-stamp.json`. The stamp
records the SHA-256 of every raw decision, of the manifest and of the parsing code; `load_or_build` reuses the
folder while the stamp matches and re-parses everything otherwise.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path
from typing import Any

from corpus.agencies import annotate
from corpus.errors import CorpusError, ParseError, ValidationError
from corpus.layout import Layout, decode_source, parser_for
from corpus.manifest import MANIFEST_FILE, ManifestEntry, read_manifest, replace_atomically, sha256_bytes
from corpus.positions import with_positions
from corpus.records import ParsedDocument
from corpus.store import CLAUSES_FILE, DOCUMENTS_FILE, ENTRIES_FILE, SOURCES_FILE, Corpus
from corpus.validate import registry_problems, validate

STAMP_FILE = "build-stamp.json"
# Bump when the JSONL form changes in a way the code hash below would not show.
FORMAT_VERSION = 2
_CORPUS_PACKAGE = Path(__file__).resolve().parent
# Any change to the corpus package's code or data files (parsers, their helpers, normalisation, abbreviations)
# may change the records, so all of them are hashed.
_CODE_GLOBS = ("*.py", "*.json")


def parse_source(path: Path, layout: Layout | str) -> ParsedDocument:
    """Parse one raw decision with the parser of its layout; records carry their lines in the source.

    Raises:
        ParseError: the file cannot be decoded or parsed (the message names file and line).
        CorpusError: the layout has no parser.
    """
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ParseError("không tìm thấy tệp", source_file=path.name) from None
    text = decode_source(data, source_file=path.name)
    try:
        parse = parser_for(layout)
    except CorpusError as err:
        raise CorpusError(f"{path.name}: {err}") from None
    return annotate(with_positions(parse(text, source_file=path.name), text))


def parse_entry(sources_dir: Path, entry: ManifestEntry) -> ParsedDocument:
    """Parse the raw decision of one manifest entry, checking its hash and the id the parser gives it.

    Raises:
        CorpusError: the file's SHA-256 differs from the manifest, or the parsed id differs from the manifest id.
        ParseError: the file cannot be parsed.
    """
    path = sources_dir / entry.file
    if path.is_file() and (actual := sha256_bytes(path.read_bytes())) != entry.sha256:
        raise CorpusError(
            f"{entry.file}: SHA-256 {actual[:12]}… khác với manifest ({entry.sha256[:12]}…); "
            "tệp đã bị sửa — cập nhật manifest hoặc khôi phục tệp"
        )
    parsed = parse_source(path, entry.layout)
    if parsed.document.id != entry.id:
        raise CorpusError(f"{entry.file}: bộ phân tích cho mã văn bản {parsed.document.id}, manifest ghi {entry.id}")
    return parsed


def parse_all(sources_dir: Path) -> list[ParsedDocument]:
    """Parse every raw decision listed in `<sources_dir>/manifest.json`, in manifest order."""
    manifest = read_manifest(sources_dir)
    return [parse_entry(sources_dir, entry) for entry in manifest.documents]


def build(sources_dir: Path) -> Corpus:
    """Parse and validate every raw decision.

    Raises:
        ValidationError: with every problem of every document.
    """
    manifest = read_manifest(sources_dir)
    parsed = [parse_entry(sources_dir, entry) for entry in manifest.documents]
    problems = [
        p
        for e, doc in zip(manifest.documents, parsed, strict=True)
        for p in validate(doc, expected_entries=e.expected_entries)
    ]
    problems += registry_problems(parsed)
    if problems:
        raise ValidationError(problems)
    return Corpus(parsed)


def source_stamp(sources_dir: Path) -> dict[str, Any]:
    """What the built corpus depends on: format version, code hash, manifest hash and each raw file's hash."""
    manifest_path = sources_dir / MANIFEST_FILE
    manifest = read_manifest(sources_dir)
    sources = {}
    for entry in manifest.documents:
        path = sources_dir / entry.file
        sources[entry.file] = sha256_bytes(path.read_bytes()) if path.is_file() else None
    return {
        "format": FORMAT_VERSION,
        "code": code_version(),
        "manifest": sha256_bytes(manifest_path.read_bytes()),
        "sources": sources,
    }


def code_version() -> str:
    """Hash of the parsing code, so that a parser fix rebuilds the corpus."""
    files = [p for pattern in _CODE_GLOBS for p in _CORPUS_PACKAGE.glob(pattern)]
    digest = hashlib.sha256()
    for path in sorted(set(files)):
        if path.is_file():
            digest.update(path.name.encode() + b"\0" + path.read_bytes() + b"\0")
    return digest.hexdigest()


def is_current(sources_dir: Path, corpus_dir: Path) -> bool:
    """True when `corpus_dir` holds a build of exactly these sources with this code."""
    stamp_path = corpus_dir / STAMP_FILE
    if not all(
        (corpus_dir / name).is_file() for name in (DOCUMENTS_FILE, ENTRIES_FILE, CLAUSES_FILE, SOURCES_FILE, STAMP_FILE)
    ):
        return False
    try:
        recorded = json.loads(stamp_path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return False
    return bool(recorded == source_stamp(sources_dir))


def load_or_build(sources_dir: Path, corpus_dir: Path) -> Corpus:
    """The corpus of `sources_dir`: loaded from `corpus_dir` when current, else parsed, validated and written.

    The stamp is written last, so an interrupted build is redone the next time.

    Raises:
        ParseError, ValidationError, CorpusError: the sources cannot be turned into a sound corpus (nothing is
            written then).
    """
    if is_current(sources_dir, corpus_dir):
        return Corpus.load(corpus_dir)
    stamp = source_stamp(sources_dir)
    corpus = build(sources_dir)
    corpus_dir.mkdir(parents=True, exist_ok=True)
    (corpus_dir / STAMP_FILE).unlink(missing_ok=True)
    corpus.write(corpus_dir)
    replace_atomically(corpus_dir / STAMP_FILE, (json.dumps(stamp, indent=2) + "\n").encode("utf-8"))
    return corpus
