"""index.fusion, index.dense and index.hybrid: fusion arithmetic, FAISS search, filters, hybrid pins."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from corpus.store import Corpus
from index.bm25 import Bm25Retriever
from index.dense import DenseRetriever
from index.embedder import FakeEmbedder
from index.fusion import min_max, reciprocal_rank_fusion, weighted_fusion
from index.hybrid import Fusion, HybridRetriever
from index.retriever import Hit
from index.rows import Representation


def _hits(*pairs: tuple[str, float]) -> list[Hit]:
    return [Hit(i, "entry", s) for i, s in pairs]


def test_rrf_ranks_a_record_found_by_both_lists_first() -> None:
    fused = reciprocal_rank_fusion([_hits(("a", 9), ("b", 5)), _hits(("b", 0.9), ("c", 0.8))])
    assert [h.id for h in fused] == ["b", "a", "c"]
    assert fused[0].score == pytest.approx(1 / 62 + 1 / 61)


def test_weighted_fusion_adds_min_max_normalised_scores() -> None:
    fused = weighted_fusion([_hits(("a", 10), ("b", 5), ("c", 0)), _hits(("c", 0.9), ("a", 0.1))], [0.6, 0.4])
    assert [(h.id, round(h.score, 3)) for h in fused] == [("a", 0.6), ("c", 0.4), ("b", 0.3)]


def test_min_max_of_equal_scores_is_one() -> None:
    assert min_max(_hits(("a", 3), ("b", 3))) == {"a": 1.0, "b": 1.0}
    assert min_max([]) == {}


def test_fusion_keeps_k_and_the_kind_of_each_record() -> None:
    fused = weighted_fusion([[Hit("x/dieu-1", "clause", 2.0), Hit("x/1", "entry", 1.0)]], [1.0], k=1)
    assert fused == [Hit("x/dieu-1", "clause", 1.0)]


@pytest.fixture(scope="module")
def fake_dense(real_corpus: Corpus) -> DenseRetriever:
    return DenseRetriever.build(real_corpus, FakeEmbedder(64))


@pytest.fixture(scope="module")
def fake_hybrid(real_bm25: Bm25Retriever, fake_dense: DenseRetriever) -> HybridRetriever:
    return HybridRetriever(real_bm25, fake_dense)


def test_multi_vector_entries_appear_once(real_corpus: Corpus) -> None:
    multi = DenseRetriever.build(real_corpus, FakeEmbedder(64), representation=Representation.MULTI)
    hits = multi.search("cơ sở dữ liệu đất đai", 30)
    assert len(hits) == len({h.id for h in hits}) == 30
    assert multi.vector_count == len(real_corpus.entries()) * 2 + len(real_corpus.clauses())


def test_dense_k_beyond_the_filtered_rows_returns_only_real_rows(
    real_corpus: Corpus, fake_dense: DenseRetriever
) -> None:
    clauses = {c.id for c in real_corpus.clauses(document="ha-tinh-2022")}
    entries = {e.id for e in real_corpus.entries(document="ha-tinh-2022")}
    hits = fake_dense.search("điều khoản", 10_000, document="ha-tinh-2022")
    assert {h.id for h in hits} == clauses | entries


def test_dense_unknown_document_gives_nothing(fake_dense: DenseRetriever) -> None:
    assert fake_dense.search("đất đai", 5, document="nghe-an-2030") == []


def test_hnsw_and_flat_agree_on_a_small_corpus(real_corpus: Corpus) -> None:
    flat = DenseRetriever.build(real_corpus, FakeEmbedder(64), representation=Representation.FIELDS, hnsw=False)
    hnsw = DenseRetriever.build(real_corpus, FakeEmbedder(64), representation=Representation.FIELDS, hnsw=True)
    query = "CSDL hộ tịch điện tử Hà Tĩnh"
    assert [h.id for h in hnsw.search(query, 3)] == [h.id for h in flat.search(query, 3)]
    assert [h.id for h in hnsw.search(query, 3, document="ha-tinh-2022")] == [
        h.id for h in flat.search(query, 3, document="ha-tinh-2022")
    ]


@pytest.mark.parametrize(
    ("query", "document", "top1"),
    [
        ("co so du lieu ho tich Ha Tinh", "ha-tinh-2022", "ha-tinh-2022/32"),
        ("GPLX ha tinh", "ha-tinh-2022", "ha-tinh-2022/10"),
        ("CSDL đất đai Hải Dương", "hai-duong-2022", "hai-duong-2022/14"),
        ("Quyết định của Quảng Ninh thay thế quyết định nào?", "quang-ninh-2026", "quang-ninh-2026/dieu-3"),
    ],
)
def test_hybrid_top1_on_real_documents(
    require: Callable[[str], None], fake_hybrid: HybridRetriever, query: str, document: str, top1: str
) -> None:
    require(document)
    assert fake_hybrid.fusion is Fusion.WEIGHTED
    assert fake_hybrid.search(query, 5)[0].id == top1


def test_hybrid_filters_by_agency_sector_and_sharing_mode(real_corpus: Corpus, fake_hybrid: HybridRetriever) -> None:
    hits = fake_hybrid.search("cơ sở dữ liệu", 100, agency="Sở Tư pháp", sharing_mode="đặc thù")
    expected = {e.id for e in real_corpus.entries(agency="Sở Tư pháp", sharing_mode="đặc thù")}
    assert expected and {h.id for h in hits} == expected


def test_hybrid_sector_filter_keeps_entries_of_that_sector(real_corpus: Corpus, fake_hybrid: HybridRetriever) -> None:
    sectors = [e.sector for e in real_corpus.entries() if e.sector]
    if not sectors:
        pytest.skip("no parsed document has sectors yet")
    hits = fake_hybrid.search("dữ liệu", 100, sector=sectors[0])
    assert hits and all(real_corpus.entry(h.id).sector == sectors[0] for h in hits)


def test_hybrid_document_filter(fake_hybrid: HybridRetriever) -> None:
    hits = fake_hybrid.search("đất đai", 20, document="quang-ninh-2026")
    assert all(h.id.startswith("quang-ninh-2026/") for h in hits)


def test_hybrid_refuses_retrievers_over_different_records(real_bm25: Bm25Retriever, real_corpus: Corpus) -> None:
    other = DenseRetriever.build(Corpus([]), FakeEmbedder(8))
    with pytest.raises(ValueError):
        HybridRetriever(real_bm25, other)
