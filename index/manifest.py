"""`manifest.json` of an index directory: what the index was built from, and the checksum of every file."""

from __future__ import annotations

import hashlib
import json
import platform
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path
from typing import Any

from index.errors import CorruptIndexError, StaleIndexError

MANIFEST_FILE = "manifest.json"
# Bumped when the layout of the directory or the meaning of a file changes.
INDEX_FORMAT = 1
_LIBRARIES = ("bm25s", "faiss-cpu", "numpy", "underthesea", "sentence-transformers", "torch")


def library_versions() -> dict[str, str]:
    """Versions of the libraries that write or read the index files."""
    versions = {"python": platform.python_version()}
    for name in _LIBRARIES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            continue
    return versions


def sha256_file(path: Path) -> str:
    """SHA-256 of a file's bytes."""
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass(frozen=True)
class Manifest:
    """What an index directory holds and what it was built from."""

    corpus_sha256: str
    analyzer_version: str
    model_id: str | None
    dim: int | None
    representation: str | None
    counts: dict[str, int]
    files: dict[str, str] = field(default_factory=dict)
    versions: dict[str, str] = field(default_factory=library_versions)
    created: str = field(default_factory=lambda: datetime.now(UTC).isoformat(timespec="seconds"))
    format: int = INDEX_FORMAT

    @property
    def has_dense(self) -> bool:
        return self.model_id is not None

    def write(self, index_dir: Path) -> Manifest:
        """Checksum every file of the directory into the manifest, write it, and return it."""
        files = {
            str(p.relative_to(index_dir)): sha256_file(p)
            for p in sorted(index_dir.rglob("*"))
            if p.is_file() and p.name != MANIFEST_FILE
        }
        done = Manifest(**{**asdict(self), "files": files})
        text = json.dumps(asdict(done), ensure_ascii=False, indent=2)
        (index_dir / MANIFEST_FILE).write_text(text + "\n", encoding="utf-8")
        return done

    @classmethod
    def read(cls, index_dir: Path) -> Manifest:
        """The manifest of `index_dir`.

        Raises:
            StaleIndexError: there is no index (no manifest).
            CorruptIndexError: the manifest cannot be read.
        """
        path = index_dir / MANIFEST_FILE
        if not path.is_file():
            raise StaleIndexError(index_dir, "no manifest.json (index not built)")
        try:
            data: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
            return cls(**data)
        except (ValueError, TypeError, UnicodeDecodeError) as exc:
            raise CorruptIndexError(index_dir, f"unreadable manifest.json: {exc}") from exc

    def verify_files(self, index_dir: Path) -> None:
        """Raise CorruptIndexError when a listed file is missing or its SHA-256 changed."""
        if not self.files:
            raise CorruptIndexError(index_dir, "manifest lists no files")
        for name, expected in self.files.items():
            path = index_dir / name
            if not path.is_file():
                raise CorruptIndexError(index_dir, f"{name} is missing")
            if sha256_file(path) != expected:
                raise CorruptIndexError(index_dir, f"{name}: SHA-256 differs from the manifest")

    def check(
        self, index_dir: Path, *, corpus_sha256: str, analyzer_version: str, model_id: str | None, dim: int | None
    ) -> None:
        """Raise StaleIndexError when the index was built from another corpus, analyser or embedder.

        `model_id=None` asks for the lexical part only, which any index holds.
        """
        if self.format != INDEX_FORMAT:
            raise StaleIndexError(index_dir, f"index format {self.format}, expected {INDEX_FORMAT}")
        if self.corpus_sha256 != corpus_sha256:
            raise StaleIndexError(index_dir, "built from another corpus (SHA-256 differs)")
        if self.analyzer_version != analyzer_version:
            raise StaleIndexError(index_dir, f"analyser {self.analyzer_version}, current {analyzer_version}")
        if model_id is not None and (self.model_id, self.dim) != (model_id, dim):
            built = f"{self.model_id} ({self.dim})" if self.model_id else "no embedder"
            raise StaleIndexError(index_dir, f"built with {built}, current {model_id} ({dim})")
