"""Errors of the index package: an index on disk that must not be used as it is."""

from __future__ import annotations

from pathlib import Path


class IndexStoreError(Exception):
    """Base of every error about a persisted index."""


class StaleIndexError(IndexStoreError):
    """The index on disk was built from another corpus, embedder, analyser or format; rebuild it."""

    def __init__(self, index_dir: Path, reason: str) -> None:
        self.index_dir = index_dir
        self.reason = reason
        super().__init__(f"{index_dir}: stale index: {reason}")


class CorruptIndexError(StaleIndexError):
    """A file of the index is missing, truncated or altered (its SHA-256 differs from the manifest)."""

    def __init__(self, index_dir: Path, reason: str) -> None:
        super().__init__(index_dir, reason)
        self.args = (f"{index_dir}: corrupt index: {reason}",)

    def __str__(self) -> str:
        return f"{self.index_dir}: corrupt index: {self.reason}"
