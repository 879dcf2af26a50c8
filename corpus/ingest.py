"""Add a new raw decision to the sources: check it completely, then copy it in and update the manifest.

Nothing in the sources folder changes unless every check passes; the file and the manifest are each written
through a temporary file and `os.replace`, and the file is removed again if the manifest cannot be written.
"""

from __future__ import annotations

from pathlib import Path

from corpus.agencies import annotate
from corpus.errors import CorpusError, ParseError, ValidationError
from corpus.layout import decode_source, detect_layout, parser_for
from corpus.manifest import (
    MANIFEST_FILE,
    ManifestEntry,
    manifest_json,
    read_manifest,
    replace_atomically,
    sha256_bytes,
)
from corpus.positions import with_positions
from corpus.records import Document, ParsedDocument
from corpus.validate import validate

# The three bundled decisions are 30–60 kB; anything this large is not a catalogue decision.
MAX_SOURCE_BYTES = 5_000_000


def ingest(file: Path, sources_dir: Path) -> Document:
    """Check a raw decision and add it to `sources_dir` as `<document-id>.txt`; returns its Document.

    Raises:
        ParseError: the file is missing, empty, too large, binary, not UTF-8, has no known table header, or its
            parser fails (the message names the file and, where known, the line).
        ValidationError: the parsed records have problems (declared counts, ids, required fields, debris).
        CorpusError: the document is already in the corpus (same id or same bytes).
    """
    return ingest_parsed(file, sources_dir).document


def ingest_parsed(file: Path, sources_dir: Path) -> ParsedDocument:
    """Same as `ingest`, returning all parsed records (for callers that report counts)."""
    data = _read(file)
    text = decode_source(data, source_file=file.name)
    layout = detect_layout(text, source_file=file.name)
    parsed = annotate(with_positions(parser_for(layout)(text, source_file=file.name), text))
    doc = parsed.document

    # The manifest's expected count is taken from this parse; the counts the text declares must still match.
    problems = validate(parsed, expected_entries=len(parsed.entries))
    if problems:
        raise ValidationError([f"{file.name}: {p}" for p in problems])

    manifest = read_manifest(sources_dir)
    digest = sha256_bytes(data)
    if manifest.find(doc.id) is not None:
        raise CorpusError(f"{file.name}: văn bản {doc.id} đã có trong kho nguồn ({sources_dir / MANIFEST_FILE})")
    if same := next((d for d in manifest.documents if d.sha256 == digest), None):
        raise CorpusError(f"{file.name}: nội dung trùng hệt với {same.file} ({same.id}), không thêm lại")
    target = sources_dir / f"{doc.id}.txt"
    if target.exists():
        raise CorpusError(f"{file.name}: {target} đã tồn tại nhưng không có trong manifest; không ghi đè")

    manifest.documents.append(
        ManifestEntry(
            id=doc.id,
            province=doc.province,
            layout=layout,
            file=target.name,
            sha256=digest,
            expected_entries=len(parsed.entries),
        )
    )
    _add_file(target, data, sources_dir / MANIFEST_FILE, manifest_json(manifest).encode("utf-8"))
    return parsed


def _read(file: Path) -> bytes:
    if not file.is_file():
        raise ParseError("không tìm thấy tệp (hoặc không phải tệp thường)", source_file=str(file))
    size = file.stat().st_size
    if size > MAX_SOURCE_BYTES:
        raise ParseError(f"tệp quá lớn ({size} byte, tối đa {MAX_SOURCE_BYTES})", source_file=file.name)
    return file.read_bytes()


def _add_file(target: Path, data: bytes, manifest_path: Path, manifest_data: bytes) -> None:
    """Write the new source, then the manifest; undo the source if the manifest cannot be replaced."""
    replace_atomically(target, data)
    try:
        replace_atomically(manifest_path, manifest_data)
    except BaseException:
        target.unlink(missing_ok=True)
        raise
