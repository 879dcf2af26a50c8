"""Hybrid retrieval with the real multilingual-e5-small model (slow: builds the model folder and embeds)."""

from __future__ import annotations

import pytest

from corpus.store import Corpus
from index.bm25 import Bm25Retriever
from index.dense import DenseRetriever
from index.embedder import load_embedder
from index.hybrid import HybridRetriever
from index.provinces import detect_documents

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def e5_hybrid(
    real_corpus: Corpus, real_bm25: Bm25Retriever, tmp_path_factory: pytest.TempPathFactory
) -> HybridRetriever:
    embedder = load_embedder("multilingual-e5-small", tmp_path_factory.mktemp("models"))
    assert embedder is not None
    return HybridRetriever(real_bm25, DenseRetriever.build(real_corpus, embedder))


@pytest.mark.parametrize(
    ("query", "top1"),
    [
        ("co so du lieu ho tich Ha Tinh", "ha-tinh-2022/32"),
        ("CSDL đất đai Hải Dương", "hai-duong-2022/14"),
        ("GPLX ha tinh", "ha-tinh-2022/10"),
        ("Ai giữ dữ liệu về người có công ở Quảng Ninh?", "quang-ninh-2026/A-15"),
        ("co quan nao quan ly co so du lieu ve dan cu o Hai Duong", "hai-duong-2022/1"),
    ],
)
def test_e5_hybrid_top1_as_the_assistant_asks(
    real_corpus: Corpus, e5_hybrid: HybridRetriever, query: str, top1: str
) -> None:
    documents = detect_documents(query, real_corpus)
    assert documents == [top1.split("/")[0]]
    assert e5_hybrid.search(query, 5, document=documents[0])[0].id == top1


def test_e5_hybrid_without_a_filter_keeps_the_named_province_and_name_first(e5_hybrid: HybridRetriever) -> None:
    # B-2 came first while the entry name weighed ×3 and the province ×2 in the BM25 text.
    assert e5_hybrid.search("khám chữa bệnh Quảng Ninh chủ trì", 5)[0].id == "quang-ninh-2026/B-3"


def test_e5_dense_reads_a_restored_unaccented_question(e5_hybrid: HybridRetriever) -> None:
    restored = e5_hybrid.bm25.restore_accents("co so du lieu ho tich")
    hits = e5_hybrid.dense.search(restored, 5, document="ha-tinh-2022")
    assert "ha-tinh-2022/32" in [h.id for h in hits]
