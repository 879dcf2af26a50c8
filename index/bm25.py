"""Lexical retrieval: BM25 (bm25s) over the analysed per-field text of every entry and clause."""

from __future__ import annotations

import logging
import threading
from pathlib import Path

import numpy as np

from corpus.records import SharingMode
from corpus.store import Corpus
from index.accents import AccentRestorer, has_diacritics
from index.analyze import DEFAULT_ANALYZER, Analyzer, gloss_expansions, tokenize_vi
from index.errors import CorruptIndexError
from index.retriever import Hit
from index.rows import Row, RowFilter, lexical_text, rows_of
from index.vietnamese import general_vietnamese

BM25_DIR = "bm25"


def top_k(scores: np.ndarray, k: int) -> np.ndarray:
    """Positions of the k highest finite, positive scores, best first."""
    eligible = np.flatnonzero(np.isfinite(scores) & (scores > 0))
    if eligible.size == 0 or k <= 0:
        return eligible[:0]
    k = min(k, eligible.size)
    part = eligible[np.argpartition(-scores[eligible], k - 1)[:k]]
    # Stable order on ties: by score, then by corpus position.
    return part[np.lexsort((part, -scores[part]))]


class Bm25Retriever:
    """BM25 over entries and clauses; `search` returns `Hit`s with BM25 scores."""

    def __init__(
        self, rows: list[Row], model: object, analyzer: Analyzer = DEFAULT_ANALYZER, *, restore: bool = True
    ) -> None:
        self.rows = rows
        self.analyzer = analyzer
        self.restore = restore
        self._model = model
        self._restorer: AccentRestorer | None = None
        self._restorer_lock = threading.Lock()

    def restore_accents(self, query: str) -> str:
        """The query with diacritics restored from this index's vocabulary when typed without any."""
        if not self.restore or has_diacritics(query):
            return query
        return self.restorer().restore(query)

    def restorer(self) -> AccentRestorer:
        """The accent restorer of this index, built once (~0.5 s: general Vietnamese statistics are read), under a
        lock so that concurrent first requests build it once; the server builds it at start."""
        with self._restorer_lock:
            if self._restorer is None:
                indptr = np.asarray(self._model.scores["indptr"])  # type: ignore[attr-defined]
                self._restorer = AccentRestorer.from_bm25(
                    self._model.vocab_dict, np.diff(indptr), general_vietnamese()  # type: ignore[attr-defined]
                )
            return self._restorer

    @classmethod
    def build(cls, corpus: Corpus, analyzer: Analyzer = DEFAULT_ANALYZER) -> Bm25Retriever:
        """Index every entry and clause of the corpus."""
        import bm25s

        rows = rows_of(corpus)
        texts = [lexical_text(corpus.get(r.id), corpus.document(r.document_id)) for r in rows]  # type: ignore[arg-type]
        model = bm25s.BM25()
        model.index(tokenize_vi(texts, analyzer), show_progress=False)
        return cls(rows, model, analyzer)

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of every row for the query (0 where no token matches)."""
        restored = self.restore_accents(query)
        # Typed without diacritics: the folded copies match as typed, the restored words add exact matches.
        text = query if restored == query else f"{query}\n{restored}"
        # A database described by what its subject covers is searched with the subject's official name too.
        terms = gloss_expansions(restored)
        tokens = self.analyzer.analyze(f"{text}\n{', '.join(terms)}" if terms else text)
        vocab: dict[str, int] = self._model.vocab_dict  # type: ignore[attr-defined]
        known = [t for t in tokens if t in vocab]
        if not known or not self.rows:
            return np.zeros(len(self.rows), dtype=np.float32)
        return np.asarray(self._model.get_scores(known), dtype=np.float32)  # type: ignore[attr-defined]

    def rows_with(self, token: str) -> np.ndarray:
        """Positions of the rows whose analysed text holds `token` (empty when no row does).

        Read from the index's token-major score matrix (bm25s keeps, per token, the rows it occurs in).
        """
        token_id = self._model.vocab_dict.get(token)  # type: ignore[attr-defined]
        if token_id is None:
            return np.empty(0, dtype=np.int64)
        scores = self._model.scores  # type: ignore[attr-defined]
        start, end = int(scores["indptr"][token_id]), int(scores["indptr"][token_id + 1])
        return np.asarray(scores["indices"][start:end], dtype=np.int64)

    def search(
        self,
        query: str,
        k: int = 10,
        *,
        document: str | None = None,
        agency: str | None = None,
        sector: str | None = None,
        sharing_mode: SharingMode | str | None = None,
    ) -> list[Hit]:
        """The k best rows with a positive score, inside the filters; k is clamped to what exists."""
        scores = self.scores(query)
        mask = RowFilter(document, agency, sector, sharing_mode).mask(self.rows)
        if mask is not None:
            scores = np.where(mask, scores, -np.inf)
        return [Hit(self.rows[i].id, self.rows[i].kind, float(scores[i])) for i in top_k(scores, k)]

    def save(self, index_dir: Path) -> None:
        """Write the BM25 matrices and vocabulary into `index_dir/bm25/`."""
        self._model.save(str(index_dir / BM25_DIR), show_progress=False)  # type: ignore[attr-defined]

    @classmethod
    def load(cls, index_dir: Path, rows: list[Row], analyzer: Analyzer = DEFAULT_ANALYZER) -> Bm25Retriever:
        """Read `index_dir/bm25/`; raises CorruptIndexError when it cannot be read or does not fit the rows."""
        import bm25s

        logging.getLogger("bm25s").setLevel(logging.WARNING)
        try:
            model = bm25s.BM25.load(str(index_dir / BM25_DIR), show_progress=False, verbosity=0)
        except Exception as exc:  # bm25s raises whatever numpy/json raise on a damaged file
            raise CorruptIndexError(index_dir, f"bm25: {exc}") from exc
        n_docs = int(model.scores["num_docs"])
        if n_docs != len(rows):
            raise CorruptIndexError(index_dir, f"bm25 holds {n_docs} rows, ids.json {len(rows)}")
        return cls(rows, model, analyzer)
