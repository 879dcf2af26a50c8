"""Which rows match a query: the query's terms, read by the analyser, and a minimum number of them per row.

Ranking stays with the retriever; this only decides membership of a result *set* (the lookup page lists and
counts matching entries rather than the top k). A term is one word of the query, or one abbreviation, long form
or everyday phrase of `corpus/abbreviations.json` taken as a whole ("TNMT", "tài nguyên và môi trường", "án tích").
A row holds a term when the BM25 index has the term's token for that row — the tokens the analyser indexed, so
abbreviations and synonyms match here as they do in `/api/search`. A word typed with diacritics must match them
("tĩnh" is not "tỉnh"); a word typed without any matches every accented spelling ("tinh": tỉnh, tĩnh, tính).

How many terms a row must hold follows CKAN's dataset search (Solr dismax `mm = "2<-1 5<80%"`,
ckan/lib/search/query.py): every term of a one- or two-term query, all but one of three to five, and 80 %
(rounded down) of longer queries, so a word the record does not use ("của", "về") does not empty the list.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

import numpy as np

from corpus.text import fold_accents
from index.analyze import FOLD_PREFIX, abbreviation_spans, abbreviation_table, normalize_text

_SYLLABLE = re.compile(r"\w+")


@dataclass(frozen=True)
class QueryTerm:
    """One term of a query: present in a row when every token of one of its alternatives is.

    Attributes:
        text: the term as the normalised query writes it ("tnmt", "hộ").
        alternatives: index tokens ("~tnmt", "hộ", "~ho tich"); tuples of tokens that must all be present, any
            tuple will do.
    """

    text: str
    alternatives: tuple[tuple[str, ...], ...]


def _token(syllables: list[str]) -> str:
    """The index token of one syllable or an adjacent pair: as written when it carries diacritics, else the
    folded copy (which every spelling of the word shares)."""
    token = " ".join(syllables)
    return token if fold_accents(token) != token else FOLD_PREFIX + token


def _phrase(text: str, *, fold: bool) -> tuple[str, ...]:
    """Tokens that together hold a phrase: its one syllable, or its adjacent-syllable bigrams (as indexed)."""
    syllables = _SYLLABLE.findall(fold_accents(text) if fold else text)
    if len(syllables) < 2:
        return tuple(_token([s]) for s in syllables)
    return tuple(dict.fromkeys(_token([a, b]) for a, b in zip(syllables, syllables[1:], strict=False)))


@cache
def _surfaces() -> dict[str, tuple[str, str]]:
    """Every surface the analyser expands → (canonical token or "" for a synonym, long form)."""
    table: dict[str, tuple[str, str]] = {}
    for surface, canonical, long in abbreviation_table():
        table.setdefault(surface, (canonical, long))
        if canonical:  # the long form of an abbreviation is expanded too (it gets the abbreviation's token)
            table.setdefault(long, (canonical, long))
            table.setdefault(fold_accents(long), (canonical, long))
    return table


def _span_term(surface: str) -> QueryTerm:
    canonical, long = _surfaces().get(surface, ("", surface))
    # The records' own long form, as a phrase: an abbreviation in a record is expanded to it, and the table
    # may give one long form two tokens ("cơ sở dữ liệu" is also the long form of the spelling "CDSL").
    official = _phrase(long, fold=True)
    first = (FOLD_PREFIX + canonical,) if canonical else _phrase(surface, fold=False)
    return QueryTerm(surface, tuple(dict.fromkeys(a for a in (first, official) if a)))


def query_terms(query: str) -> list[QueryTerm]:
    """The distinct terms of a query, in order.

    Args:
        query: the text as typed (any case, with or without diacritics).

    Returns:
        One term per abbreviation / long form / synonym phrase and per other word; empty when the query has
        no word at all ("???").

    >>> [t.text for t in query_terms("Hộ tịch TN&MT")]
    ['hộ', 'tịch', 'tn&mt']
    """
    text, spans = abbreviation_spans(normalize_text(query))
    terms: list[QueryTerm] = []
    position = 0
    for start, end in [*spans, (len(text), len(text))]:
        terms += [QueryTerm(w, ((_token([w]),),)) for w in _SYLLABLE.findall(text[position:start])]
        if end > start:
            terms.append(_span_term(text[start:end]))
        position = end
    distinct: dict[tuple[tuple[str, ...], ...], QueryTerm] = {}
    for term in terms:
        distinct.setdefault(term.alternatives, term)
    return list(distinct.values())


def minimum_match(n_terms: int) -> int:
    """How many of `n_terms` a row must hold: Solr's mm "2<-1 5<80%" as CKAN sets it.

    >>> [minimum_match(n) for n in range(1, 9)]
    [1, 2, 2, 3, 4, 4, 5, 6]
    """
    if n_terms <= 2:
        return n_terms
    if n_terms <= 5:
        return n_terms - 1
    return (n_terms * 4) // 5


def term_counts(terms: list[QueryTerm], n_rows: int, rows_with: Callable[[str], np.ndarray]) -> np.ndarray:
    """How many of the terms each row holds.

    Args:
        terms: from `query_terms`.
        n_rows: the number of indexed rows.
        rows_with: `Bm25Retriever.rows_with`, token → positions of the rows holding it.

    Returns:
        Integer array of shape (n_rows,).
    """
    counts = np.zeros(n_rows, dtype=np.int32)
    for term in terms:
        present = np.zeros(n_rows, dtype=bool)
        for alternative in term.alternatives:
            holds = np.ones(n_rows, dtype=bool)
            for token in alternative:
                mask = np.zeros(n_rows, dtype=bool)
                mask[rows_with(token)] = True
                holds &= mask
            present |= holds
        counts += present
    return counts
