"""`corpus/sources/manifest.json`: which raw decisions make up the corpus, their layout, hash and expected size."""

from __future__ import annotations

import hashlib
import os
import tempfile
from pathlib import Path

from pydantic import BaseModel, ConfigDict
from pydantic import ValidationError as PydanticValidationError

from corpus.errors import CorpusError
from corpus.layout import Layout

MANIFEST_FILE = "manifest.json"


class ManifestEntry(BaseModel):
    """One raw decision of the corpus (unknown keys such as `seed_file` are kept as they are)."""

    model_config = ConfigDict(extra="allow")

    id: str
    province: str
    layout: Layout
    file: str
    sha256: str
    expected_entries: int | None = None


class Manifest(BaseModel):
    """The list of raw decisions, in corpus order."""

    model_config = ConfigDict(extra="allow")

    documents: list[ManifestEntry]

    def find(self, document_id: str) -> ManifestEntry | None:
        """The entry of this document id, or None."""
        return next((d for d in self.documents if d.id == document_id), None)


def sha256_bytes(data: bytes) -> str:
    """Hex SHA-256 of bytes."""
    return hashlib.sha256(data).hexdigest()


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file's bytes."""
    return sha256_bytes(path.read_bytes())


def read_manifest(sources_dir: Path) -> Manifest:
    """Read and check `<sources_dir>/manifest.json`.

    Raises:
        CorpusError: the manifest is missing, not JSON, or lacks a required field.
    """
    path = sources_dir / MANIFEST_FILE
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise CorpusError(f"{path}: không có manifest") from None
    try:
        return Manifest.model_validate_json(raw)
    except PydanticValidationError as err:
        first = err.errors()[0]
        where = ".".join(str(x) for x in first["loc"])
        raise CorpusError(f"{path}: manifest không hợp lệ ({where}: {first['msg']})") from None


def manifest_json(manifest: Manifest) -> str:
    """The manifest as the readable JSON it is stored as."""
    return manifest.model_dump_json(indent=2) + "\n"


def replace_atomically(path: Path, data: bytes) -> None:
    """Write `data` to `path` through a temporary file in the same folder, so a reader never sees half a file."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
