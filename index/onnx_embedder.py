"""Query embeddings through ONNX Runtime: the e5 folder's ONNX export, no torch, no lock.

`OnnxEmbedder` does what sentence-transformers does for one text — prompt, strip, tokenize with the folder's
`tokenizer.json` (truncated to `max_seq_length`), the transformer, mean pooling, L2 normalisation — with the
`tokenizers` library and an `onnxruntime.InferenceSession`. `InferenceSession.run` is thread-safe and releases
the GIL, and the tokenizer's settings are fixed at load time (only `encode` is called after), so concurrent
requests embed in parallel. A query that is embedded alone runs on `threads` intra-op threads (lowest latency for
one desk); while another query is being embedded it runs on one thread (on 2 cores, several multi-threaded runs
at once only add scheduling work). The two sessions map the same weights file, so the second costs only its
own small working memory. Batches of passages (index builds) go to sentence-transformers on torch, loaded on
first use: the index is built with torch as before, and a server whose index is current never imports torch.
"""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from index.embedder import EmbedderError, SentenceTransformerEmbedder

if TYPE_CHECKING:
    from collections.abc import Sequence


class OnnxEmbedder:
    """multilingual-e5-small on ONNX Runtime for queries; torch (lazily) for passages.

    Args:
        model_folder: The sentence-transformers folder (`tokenizer.json`, `sentence_bert_config.json`, weights).
        model_file: Its ONNX export (`index.onnx_export`), inputs `input_ids`/`attention_mask`, output
            `last_hidden_state`.
        model_id: The name recorded in index manifests; the folder's name, as for the torch embedder, since
            both give the same vectors (cosine ≥ 0.9999, checked at export).
        query_prompt: Text put before each query.
        document_prompt: Text put before each passage.
        threads: ONNX Runtime intra-op threads for a query embedded alone (1 = the calling thread only); a query
            embedded while others are being embedded runs on one.

    Raises:
        EmbedderError: a file is missing or ONNX Runtime cannot load the export.
    """

    def __init__(
        self,
        model_folder: Path,
        model_file: Path,
        *,
        model_id: str,
        query_prompt: str | None = "query: ",
        document_prompt: str | None = "passage: ",
        threads: int = 1,
    ) -> None:
        if threads < 1:
            raise EmbedderError(f"ONNX threads must be ≥ 1, got {threads}")
        import onnxruntime as ort
        from tokenizers import Tokenizer

        try:
            config = json.loads((model_folder / "config.json").read_text(encoding="utf-8"))
            st_config = json.loads((model_folder / "sentence_bert_config.json").read_text(encoding="utf-8"))
            tokenizer = Tokenizer.from_file(str(model_folder / "tokenizer.json"))
        except (OSError, ValueError, KeyError) as exc:
            raise EmbedderError(f"{model_folder}: cannot read the tokenizer or configuration: {exc}") from exc
        self.max_length = int(st_config.get("max_seq_length") or config["max_position_embeddings"])
        self.lower_case = bool(st_config.get("do_lower_case", False))
        tokenizer.enable_truncation(max_length=self.max_length)
        tokenizer.no_padding()
        self._tokenizer = tokenizer
        self._shared = _session(ort, model_file, 1)
        self._alone = _session(ort, model_file, threads) if threads > 1 else self._shared
        self._running = 0
        self._running_lock = threading.Lock()
        self.model_folder = model_folder
        self.model_file = model_file
        self.model_id = model_id
        self.dim = int(config["hidden_size"])
        self.threads = threads
        self.query_prompt = query_prompt
        self.document_prompt = document_prompt
        self._documents: SentenceTransformerEmbedder | None = None
        self._documents_lock = threading.Lock()

    def _one(self, text: str) -> np.ndarray:
        # sentence-transformers strips each text after adding the prompt (models/Transformer.tokenize).
        text = text.strip()
        encoding = self._tokenizer.encode(text.lower() if self.lower_case else text)
        ids = np.asarray([encoding.ids], dtype=np.int64)
        feed: dict[str, Any] = {"input_ids": ids, "attention_mask": np.ones_like(ids)}
        with self._running_lock:
            session = self._alone if self._running == 0 else self._shared
            self._running += 1
        try:
            hidden: np.ndarray = session.run(["last_hidden_state"], feed)[0][0]  # (tokens, dim), all real
        finally:
            with self._running_lock:
                self._running -= 1
        mean = hidden.mean(axis=0)
        vector: np.ndarray = (mean / max(float(np.linalg.norm(mean)), 1e-12)).astype(np.float32)
        return vector

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        """Embed questions (with the query prompt), one at a time: shape (len(texts), dim), float32, unit norm."""
        if not texts:
            return np.zeros((0, self.dim), dtype=np.float32)
        prompt = self.query_prompt or ""
        return np.stack([self._one(prompt + text) for text in texts])

    def encode_documents(self, texts: Sequence[str]) -> np.ndarray:
        """Embed passages with sentence-transformers on torch (loaded on the first call)."""
        with self._documents_lock:
            if self._documents is None:
                self._documents = SentenceTransformerEmbedder(
                    self.model_folder,
                    model_id=self.model_id,
                    query_prompt=self.query_prompt,
                    document_prompt=self.document_prompt,
                )
        return self._documents.encode_documents(texts)


def _session(ort: Any, model_file: Path, threads: int) -> Any:
    """An ONNX Runtime CPU session with `threads` intra-op threads that block rather than spin when idle."""
    options = ort.SessionOptions()
    options.intra_op_num_threads = threads
    options.inter_op_num_threads = 1
    # Spinning pool threads burn the other core while requests wait for it: on 2 shared cores, block instead.
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    try:
        return ort.InferenceSession(str(model_file), options, providers=["CPUExecutionProvider"])
    except Exception as exc:  # onnxruntime raises its own untyped errors for unreadable graphs
        raise EmbedderError(f"{model_file}: ONNX Runtime cannot load the model: {exc}") from exc
