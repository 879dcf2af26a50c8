"""index.terms and index.matching: a query's terms read by the analyser, and which rows match them."""

from __future__ import annotations

import pytest

from corpus.store import Corpus
from index.bm25 import Bm25Retriever
from index.dense import DenseRetriever
from index.embedder import FakeEmbedder
from index.hybrid import HybridRetriever
from index.matching import matching_mask, ranked_matches
from index.terms import minimum_match, query_terms


def _entry_ids(bm25: Bm25Retriever, query: str) -> list[str]:
    return [h.id for h in ranked_matches(bm25, query) if h.kind == "entry"]


def test_abbreviation_long_form_and_synonym_phrase_are_one_term_each() -> None:
    terms = [t.text for t in query_terms("Hộ tịch TN & MT, cơ sở dữ liệu về án tích")]
    assert terms == ["hộ", "tịch", "tn&mt", "cơ sở dữ liệu", "về", "án tích"]


def test_abbreviation_and_its_long_form_are_the_same_term() -> None:
    assert query_terms("TNMT")[0].alternatives == query_terms("tài nguyên và môi trường")[0].alternatives


def test_word_with_diacritics_keeps_them_and_word_without_is_folded() -> None:
    assert [t.alternatives for t in query_terms("tĩnh tinh")] == [(("tĩnh",),), (("~tinh",),)]


def test_repeated_word_counts_once() -> None:
    assert [t.text for t in query_terms("đất đai đất")] == ["đất", "đai"]


@pytest.mark.parametrize(("n", "needed"), [(0, 0), (1, 1), (2, 2), (3, 2), (5, 4), (6, 4), (10, 8)])
def test_minimum_match_follows_ckan(n: int, needed: int) -> None:
    assert minimum_match(n) == needed


def test_rows_with_reads_the_index_postings(real_corpus: Corpus, real_bm25: Bm25Retriever) -> None:
    rows = {real_bm25.rows[i].id for i in real_bm25.rows_with("~gplx")}
    assert {"ha-tinh-2022/10", "hai-duong-2022/25"} <= rows
    assert real_bm25.rows_with("~khong-co-tu-nay").size == 0


def test_abbreviation_matches_records_that_spell_it_out(real_bm25: Bm25Retriever) -> None:
    assert _entry_ids(real_bm25, "GPLX") == ["ha-tinh-2022/10", "hai-duong-2022/25"]


def test_synonym_matches_the_official_term(real_bm25: Bm25Retriever) -> None:
    assert set(_entry_ids(real_bm25, "án tích")) == {"ha-tinh-2022/31", "hai-duong-2022/17"}


def test_province_words_typed_with_accents_narrow_to_that_province(real_bm25: Bm25Retriever) -> None:
    assert _entry_ids(real_bm25, "đất đai Hà Tĩnh") == ["ha-tinh-2022/29"]


def test_matches_are_in_the_retrievers_order(real_bm25: Bm25Retriever) -> None:
    matched = [h.id for h in ranked_matches(real_bm25, "hộ tịch")]
    searched = [h.id for h in real_bm25.search("hộ tịch", len(real_bm25.rows))]
    assert matched == [i for i in searched if i in set(matched)]


def test_a_query_without_words_matches_no_row(real_bm25: Bm25Retriever) -> None:
    mask = matching_mask(real_bm25, "?!")
    assert mask is not None and not mask.any()
    assert ranked_matches(real_bm25, "?!") == []


def test_matches_beyond_the_candidate_depth_are_all_listed(real_bm25: Bm25Retriever) -> None:
    mask = matching_mask(real_bm25, "cơ sở dữ liệu")
    assert mask is not None and mask.sum() > 50  # more than one search of 50 candidates reaches
    hits = ranked_matches(real_bm25, "cơ sở dữ liệu")
    assert len(hits) == mask.sum() == len({h.id for h in hits})


def test_hybrid_matches_keep_search_order_then_follow_by_bm25_with_score_zero(
    real_corpus: Corpus, real_bm25: Bm25Retriever
) -> None:
    hybrid = HybridRetriever(real_bm25, DenseRetriever.build(real_corpus, FakeEmbedder(64)))
    query = "cơ sở dữ liệu"
    hits = ranked_matches(hybrid, query)
    mask = matching_mask(hybrid, query)
    assert mask is not None and len(hits) == mask.sum()
    matched = {h.id for h in hits}
    firsts = [h for h in hybrid.search(query, 50) if h.id in matched]
    assert hits[: len(firsts)] == firsts
    tail = hits[len(firsts) :]
    assert tail and all(h.score == 0.0 for h in tail)
    lexical = real_bm25.scores(query)
    position = {r.id: i for i, r in enumerate(real_bm25.rows)}
    tail_scores = [lexical[position[h.id]] for h in tail]
    assert tail_scores == sorted(tail_scores, reverse=True)
