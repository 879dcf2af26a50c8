"""Dense retrieval: embedder vectors of entries and clauses in FAISS (exact inner product, or HNSW when large)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np

from corpus.records import SharingMode
from corpus.store import Corpus
from index.errors import CorruptIndexError
from index.retriever import Hit
from index.rows import Representation, Row, RowFilter, dense_texts, rows_of

if TYPE_CHECKING:
    from index.embedder import Embedder

FAISS_FILE = "faiss.index"
VECTOR_ROWS_FILE = "faiss-rows.json"
# Exact search is fast enough below this many vectors (a 20,000 x 384 flat scan takes about 2 ms).
HNSW_MIN_VECTORS = 200_000
HNSW_M = 32
HNSW_EF_SEARCH = 128


def _faiss() -> Any:
    import faiss

    # One query at a time on 2 shared cores: OpenMP threads only add contention.
    faiss.omp_set_num_threads(1)
    return faiss


def new_faiss_index(vectors: np.ndarray, *, hnsw: bool | None = None) -> Any:
    """An inner-product index over L2-normalised vectors: flat (exact) or HNSW for large corpora."""
    faiss = _faiss()
    dim = vectors.shape[1]
    use_hnsw = len(vectors) >= HNSW_MIN_VECTORS if hnsw is None else hnsw
    if use_hnsw:
        index = faiss.IndexHNSWFlat(dim, HNSW_M, faiss.METRIC_INNER_PRODUCT)
        index.hnsw.efSearch = HNSW_EF_SEARCH
    else:
        index = faiss.IndexFlatIP(dim)
    index.add(np.ascontiguousarray(vectors, dtype=np.float32))
    return index


class DenseRetriever:
    """Nearest records of the query embedding; an entry with several vectors scores its best one (max-pool)."""

    def __init__(self, rows: list[Row], index: Any, vector_rows: np.ndarray, embedder: Embedder) -> None:
        self.rows = rows
        self.embedder = embedder
        self._index = index
        self._vector_rows = vector_rows
        self._vectors_of_row: list[list[int]] = [[] for _ in rows]
        for v, r in enumerate(vector_rows.tolist()):
            self._vectors_of_row[r].append(v)

    @property
    def vector_count(self) -> int:
        return int(self._index.ntotal)

    @classmethod
    def build(
        cls,
        corpus: Corpus,
        embedder: Embedder,
        *,
        representation: Representation = Representation.RECORD,
        hnsw: bool | None = None,
    ) -> DenseRetriever:
        """Embed every entry and clause of the corpus as `representation` says."""
        rows = rows_of(corpus)
        texts: list[str] = []
        owners: list[int] = []
        for i, row in enumerate(rows):
            record = corpus.get(row.id)
            for text in dense_texts(record, corpus.document(row.document_id), representation):  # type: ignore[arg-type]
                texts.append(text)
                owners.append(i)
        vectors = embedder.encode_documents(texts)
        index = new_faiss_index(vectors.reshape(len(texts), embedder.dim), hnsw=hnsw)
        return cls(rows, index, np.asarray(owners, dtype=np.int64), embedder)

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
        """The k rows nearest to the query inside the filters (cosine similarity as score)."""
        query_vector = self.embedder.encode_queries([query])
        return self.search_vector(query_vector, k, RowFilter(document, agency, sector, sharing_mode))

    def search_vector(self, query_vector: np.ndarray, k: int, row_filter: RowFilter) -> list[Hit]:
        """Search with an already embedded query (shape (1, dim))."""
        mask = row_filter.mask(self.rows)
        allowed = len(self.rows) if mask is None else int(mask.sum())
        k = min(k, allowed)
        if k <= 0:
            return []
        params = None
        n_candidates = len(self._vector_rows) if mask is None else int(mask[self._vector_rows].sum())
        if mask is not None:
            selector = _faiss().IDSelectorBatch(np.flatnonzero(mask[self._vector_rows]).astype(np.int64))
            params = self._search_params(selector)
        # Several vectors per row: fetch enough to still have k distinct rows after max-pooling.
        per_row = max(len(v) for v in self._vectors_of_row) if self.rows else 1
        fetch = min(n_candidates, k * per_row)
        query = np.ascontiguousarray(query_vector, dtype=np.float32).reshape(1, -1)
        scores, ids = self._index.search(query, fetch, params=params)
        best: dict[int, float] = {}
        for score, vid in zip(scores[0].tolist(), ids[0].tolist(), strict=True):
            if vid < 0:  # FAISS pads with -1 when it finds fewer than asked
                continue
            row = int(self._vector_rows[vid])
            if row not in best or score > best[row]:
                best[row] = score
        ranked = sorted(best.items(), key=lambda item: (-item[1], item[0]))[:k]
        return [Hit(self.rows[r].id, self.rows[r].kind, float(s)) for r, s in ranked]

    def _search_params(self, selector: Any) -> Any:
        faiss = _faiss()
        if isinstance(self._index, faiss.IndexHNSWFlat):
            return faiss.SearchParametersHNSW(sel=selector, efSearch=HNSW_EF_SEARCH)
        return faiss.SearchParameters(sel=selector)

    def save(self, index_dir: Path) -> None:
        """Write `faiss.index` and the vector → row map."""
        _faiss().write_index(self._index, str(index_dir / FAISS_FILE))
        (index_dir / VECTOR_ROWS_FILE).write_text(json.dumps(self._vector_rows.tolist()), encoding="utf-8")

    @classmethod
    def load(cls, index_dir: Path, rows: list[Row], embedder: Embedder) -> DenseRetriever:
        """Read `faiss.index`; raises CorruptIndexError when it is damaged or does not fit the rows."""
        faiss = _faiss()
        try:
            index = faiss.read_index(str(index_dir / FAISS_FILE))
            vector_rows = np.asarray(
                json.loads((index_dir / VECTOR_ROWS_FILE).read_text(encoding="utf-8")), dtype=np.int64
            )
        except (RuntimeError, OSError, ValueError) as exc:
            raise CorruptIndexError(index_dir, f"faiss: {exc}") from exc
        if index.ntotal != len(vector_rows) or (len(vector_rows) and int(vector_rows.max()) >= len(rows)):
            raise CorruptIndexError(index_dir, f"faiss holds {index.ntotal} vectors that do not fit the rows")
        if index.d != embedder.dim:
            raise CorruptIndexError(index_dir, f"faiss dimension {index.d}, embedder {embedder.dim}")
        return cls(rows, index, vector_rows, embedder)
