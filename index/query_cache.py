"""An LRU cache of query embeddings in front of any `Embedder` (widgets resend their sample questions).

The key is the query as the model reads it, normalised only in ways the model cannot tell apart: surrounding
white space stripped (sentence-transformers strips every text) and runs of spaces made one (the e5 tokenizer's
normaliser, `Replace(" {2,}", " ")`, does the same). The question reaching `encode_queries` has already
been through `corpus.text.clean_text` (NFC, look-alike letters, other spaces made plain) and accent
restoration, so a hit returns exactly the vector the model would compute and answers do not depend on what
was asked before.
"""

from __future__ import annotations

import re
import threading
from collections import OrderedDict
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    from collections.abc import Sequence

    from index.embedder import Embedder

_SPACES = re.compile(" {2,}")
DEFAULT_SIZE = 4096


def cache_key(text: str) -> str:
    """The normalised question a vector is cached under."""
    return _SPACES.sub(" ", text.strip())


class CachedQueryEmbedder:
    """`Embedder` whose `encode_queries` remembers the last `size` distinct queries (thread-safe).

    Passages are never cached (index builds embed each once). Vectors are held read-only and returned as copies,
    shape (len(texts), dim), float32. Two threads missing on the same text at once both embed it; the lock is
    never held while the model runs.

    Args:
        inner: The embedder that computes the vectors.
        size: How many query vectors are kept (384 float32 = 1.5 KB each); ≥ 1.

    Raises:
        ValueError: `size` is below 1.
    """

    def __init__(self, inner: Embedder, size: int = DEFAULT_SIZE) -> None:
        if size < 1:
            raise ValueError(f"query cache size must be ≥ 1, got {size}")
        self.inner = inner
        self.model_id = inner.model_id
        self.dim = inner.dim
        self.size = size
        self.hits = 0
        self.misses = 0
        self._vectors: OrderedDict[str, np.ndarray] = OrderedDict()
        self._lock = threading.Lock()

    def _lookup(self, key: str) -> np.ndarray | None:
        with self._lock:
            vector = self._vectors.get(key)
            if vector is None:
                self.misses += 1
                return None
            self._vectors.move_to_end(key)
            self.hits += 1
            return vector

    def _store(self, key: str, vector: np.ndarray) -> None:
        vector = np.array(vector, dtype=np.float32)
        vector.setflags(write=False)
        with self._lock:
            self._vectors[key] = vector
            self._vectors.move_to_end(key)
            while len(self._vectors) > self.size:
                self._vectors.popitem(last=False)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Embed questions, each from the cache when it was seen among the last `size` distinct ones."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        out = np.empty((len(texts), self.dim), dtype=np.float32)
        keys = [cache_key(text) for text in texts]
        missing: list[int] = []
        for i, key in enumerate(keys):
            vector = self._lookup(key)
            if vector is None:
                missing.append(i)
            else:
                out[i] = vector
        if missing:
            computed = self.inner.encode_queries([keys[i] for i in missing])
            for i, vector in zip(missing, computed, strict=True):
                out[i] = vector
                self._store(keys[i], vector)
        return out

    def encode_documents(self, texts: Sequence[str]) -> np.ndarray:
        """Embed passages (not cached)."""
        return self.inner.encode_documents(texts)

    def stats(self) -> dict[str, int]:
        """Hits, misses and vectors held since the start (or the last `clear`)."""
        with self._lock:
            return {"hits": self.hits, "misses": self.misses, "size": len(self._vectors), "max_size": self.size}

    def clear(self) -> None:
        """Forget every vector and reset the counts."""
        with self._lock:
            self._vectors.clear()
            self.hits = self.misses = 0
