"""The LRU cache of query embeddings: a repeated question is embedded once, the cache forgets the least recently
asked beyond its size, and what it returns is exactly what the model returns."""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np
import pytest

from index.embedder import FakeEmbedder
from index.query_cache import CachedQueryEmbedder, cache_key


class Counting(FakeEmbedder):
    """The hashing fake, counting the texts it is asked to embed."""

    def __init__(self) -> None:
        super().__init__(64)
        self.queries: list[str] = []
        self.documents: list[str] = []

    def encode_queries(self, texts: Sequence[str]) -> np.ndarray:
        self.queries.extend(texts)
        return super().encode_queries(texts)

    def encode_documents(self, texts: Sequence[str]) -> np.ndarray:
        self.documents.extend(texts)
        return super().encode_documents(texts)


LAND = "cơ quan nào quản lý cơ sở dữ liệu đất đai ở hà tĩnh"


def test_a_repeated_question_is_embedded_once() -> None:
    inner = Counting()
    cached = CachedQueryEmbedder(inner, size=8)
    first, second = cached.encode_queries([LAND]), cached.encode_queries([LAND])
    assert inner.queries == [LAND]
    assert np.array_equal(first, second) and np.array_equal(first, inner.encode_queries([LAND]))
    assert cached.stats() == {"hits": 1, "misses": 1, "size": 1, "max_size": 8}


def test_spacing_the_model_cannot_see_shares_one_vector() -> None:
    inner = Counting()
    cached = CachedQueryEmbedder(inner, size=8)
    cached.encode_queries(["  hộ tịch   điện tử "])
    cached.encode_queries(["hộ tịch điện tử"])
    assert inner.queries == ["hộ tịch điện tử"]
    assert cache_key("hộ  tịch\tđiện tử") == "hộ tịch\tđiện tử"  # a tab is not the tokenizer's space rule


def test_the_least_recently_asked_question_goes_first_beyond_the_size() -> None:
    inner = Counting()
    cached = CachedQueryEmbedder(inner, size=2)
    for text in ("đất đai", "hộ tịch", "đất đai", "dân cư", "đất đai", "hộ tịch"):
        cached.encode_queries([text])
    # "hộ tịch" was the least recently asked when "dân cư" came, so it is embedded again; "đất đai" never is.
    assert inner.queries == ["đất đai", "hộ tịch", "dân cư", "hộ tịch"]


def test_a_batch_mixes_cached_and_new_questions_in_order() -> None:
    inner = Counting()
    cached = CachedQueryEmbedder(inner, size=8)
    cached.encode_queries(["đất đai"])
    batch = cached.encode_queries(["hộ tịch", "đất đai", "dân cư"])
    assert inner.queries == ["đất đai", "hộ tịch", "dân cư"]
    assert np.array_equal(batch, FakeEmbedder(64).encode_queries(["hộ tịch", "đất đai", "dân cư"]))


def test_passages_are_never_cached() -> None:
    inner = Counting()
    cached = CachedQueryEmbedder(inner, size=8)
    cached.encode_documents(["CSDL về đất đai"])
    cached.encode_documents(["CSDL về đất đai"])
    assert inner.documents == ["CSDL về đất đai", "CSDL về đất đai"] and cached.stats()["size"] == 0


def test_changing_a_returned_vector_does_not_change_the_cache() -> None:
    cached = CachedQueryEmbedder(FakeEmbedder(64), size=8)
    got = cached.encode_queries([LAND])
    got[:] = 0.0
    assert np.allclose(np.linalg.norm(cached.encode_queries([LAND]), axis=1), 1.0)


def test_no_questions_give_an_empty_matrix() -> None:
    assert CachedQueryEmbedder(FakeEmbedder(64)).encode_queries([]).shape == (0, 64)


def test_size_below_one_is_refused() -> None:
    with pytest.raises(ValueError, match="≥ 1"):
        CachedQueryEmbedder(FakeEmbedder(64), size=0)
