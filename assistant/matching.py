"""Which records a question is about: entries by name and body, clauses by text, agencies and sectors.

The corpus is small (about a hundred entries), so every record is scored directly against the
question's topic words, weighted by how rare each word is across the catalogues. The scores are
coverages in [0, 1] — how much of the question a record explains — which makes them comparable
across questions, unlike raw retriever scores.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from assistant.initials import department_initials
from assistant.lexicon import fold, is_stop, syllables
from corpus.agencies import load_registry
from corpus.records import CatalogueEntry, DecisionClause
from corpus.store import Corpus
from corpus.text import fold_accents

# Words that start the name of an agency; a comma followed by one of them starts another agency.
_AGENCY_HEADS = ("so ", "ban ", "van phong", "cong an", "thanh tra", "bao hiem", "uy ban", "cac ", "trung tam", "bo ")


# Heads that many bodies' names begin with: as a prefix alone they name no one body.
_GENERIC_AGENCY_HEADS = frozenset(
    {"uy ban nhan dan", "uy ban nhan dan cac", "uy ban nhan dan cap", "van phong uy ban", "van phong uy ban nhan"}
)


def content_words(text: str) -> list[str]:
    """Accented lower-case syllables that carry meaning (stop syllables and bare numbers dropped)."""
    return [a for a, f in syllables(text) if not is_stop(a) and not f.isdigit()]


def _key(syllable: str) -> str:
    """A syllable typed with diacritics matches only itself; one typed without matches any accenting."""
    folded = fold_accents(syllable)
    return syllable if folded != syllable else f"~{folded}"


def record_terms(words: Sequence[str]) -> set[str]:
    """Every key a record's words can be matched by: accented and folded unigrams and bigrams."""
    folded = [fold_accents(w) for w in words]
    out = set(words) | {f"~{f}" for f in folded}
    out.update(f"{a} {b}" for a, b in zip(words, words[1:], strict=False))
    out.update(f"~{a} {b}" for a, b in zip(folded, folded[1:], strict=False))
    return out


def query_terms(words: Sequence[str]) -> tuple[list[str], list[str]]:
    """(unigram keys, bigram keys) of a question's topic words, accented where the user typed accents."""
    unigrams = list(dict.fromkeys(_key(w) for w in words))
    bigrams = []
    for a, b in zip(words, words[1:], strict=False):
        fa, fb = fold_accents(a), fold_accents(b)
        bigrams.append(f"{a} {b}" if fa != a and fb != b else f"~{fa} {fb}")
    return unigrams, list(dict.fromkeys(bigrams))


@dataclass(frozen=True)
class EntryProfile:
    """An entry with its folded name and body terms."""

    entry: CatalogueEntry
    name_terms: frozenset[str]
    name_words: tuple[str, ...]
    name_content: tuple[str, ...]  # the name's content words, accented, in order (`content_words`)
    body_terms: frozenset[str]
    agency_key: str


@dataclass(frozen=True)
class Scored:
    """A record with its match evidence against a question's topic."""

    id: str
    score: float
    name_cover: float  # share of the topic's weight found in the entry's name (clauses: in their text)
    body_cover: float  # share of the topic's weight found anywhere in the record
    name_precision: float  # share of the name's weight that the topic mentions


def agency_parts(agency: str) -> list[str]:
    """'Sở Xây dựng, UBND các xã, phường' → ['so xay dung', 'uy ban nhan dan cac xa phuong'] (folded)."""
    parts: list[str] = []
    for piece in agency.replace(";", ",").split(","):
        folded = fold(piece)
        if not folded:
            continue
        if parts and not folded.startswith(_AGENCY_HEADS):
            parts[-1] = f"{parts[-1]} {folded}"
        else:
            parts.append(folded)
    return parts


def folded_pairs(text: str) -> frozenset[tuple[str, str]]:
    """Adjacent folded syllable pairs of a text, stop words included ('chua co', 'voi so')."""
    folded = [f for _, f in syllables(text)]
    return frozenset(zip(folded, folded[1:], strict=False))


def spaceless(text: str) -> str:
    """Folded text without spaces, so 'nông nghiệpvà' (glued in a PDF) still matches."""
    return text.replace(" ", "")


class CatalogueIndex:
    """Folded views of the corpus for matching questions to entries, clauses, agencies and sectors."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus
        self.entries: dict[str, EntryProfile] = {}
        # Province words in a name ("… tỉnh Quảng Ninh") are cut from questions, so they do not count against it.
        places = {w for d in corpus.documents() for w in fold(d.province).split()}
        self.places = frozenset(places)  # folded words of the covered provinces' names
        self.documents = tuple(d.id for d in corpus.documents())
        for e in corpus.entries():
            name = content_words(e.name)
            body_text = " ".join(
                x or "" for x in (e.name, e.agency, e.purpose, e.scope, e.content, e.collection, e.sector, e.notes)
            )
            self.entries[e.id] = EntryProfile(
                entry=e,
                name_terms=frozenset(record_terms(name)),
                name_words=tuple(dict.fromkeys(f"~{fold_accents(w)}" for w in name if fold_accents(w) not in places)),
                name_content=tuple(name),
                body_terms=frozenset(record_terms(content_words(body_text)) | record_terms(name)),
                agency_key=spaceless(fold(e.agency)),
            )
        self.clauses: dict[str, tuple[DecisionClause, frozenset[str]]] = {
            c.id: (c, frozenset(record_terms(content_words(f"{c.heading or ''} {c.text}")))) for c in corpus.clauses()
        }
        # Leaf clauses (points, and clauses without points) and their folded word pairs, stop words kept:
        # "chưa có", "phối hợp với Sở" tell apart points whose content words are the same.
        self.leaf_clauses = frozenset(c for c in self.clauses if not any(o.startswith(f"{c}.") for o in self.clauses))
        self._clause_pairs = {cid: folded_pairs(c.text) for cid, (c, _) in self.clauses.items()}
        self._pair_df = Counter(p for cid in self.leaf_clauses for p in self._clause_pairs[cid])
        self._leaf_df = Counter(t for cid in self.leaf_clauses for t in self.clauses[cid][1])
        df: Counter[str] = Counter()
        for p in self.entries.values():
            df.update(p.body_terms)
        self._entry_df = Counter(df)
        for _, t in self.clauses.values():
            df.update(t)
        self._n = len(self.entries) + len(self.clauses)
        self._df = df
        self._weights: dict[str, float] = {}
        self._unknown_weight = math.log(1.0 + self._n)
        # Word pairs of the entries' columns and how many entries hold each (field evidence weighs pairs by it).
        self.column_pair_df: Counter[tuple[str, str]] = Counter()
        for e in corpus.entries():
            columns = (e.purpose, e.scope, e.content, e.collection, e.sharing, e.notes, e.agency)
            self.column_pair_df.update(folded_pairs(" ".join(x or "" for x in columns)))
        # A cell naming a collective ("Các Sở, Ban, Ngành, UBND cấp huyện, cấp xã") is one agency: its parts are
        # words of many questions ("… các sở, ngành, UBND cấp huyện phải …"), not a body a question filters by.
        self.agencies = sorted(
            {
                part
                for e in corpus.entries()
                for part in ([fold(e.agency)] if fold(e.agency).startswith("cac ") else agency_parts(e.agency))
            },
            key=len,
            reverse=True,
        )
        self.sectors = sorted({e.sector for e in corpus.entries() if e.sector})
        registry = load_registry()
        self.initials = department_initials(
            (b.name for b in registry.bodies.values()), known=lambda w: self._df.get(f"~{w}", 0) > 0
        )  # "stp" → "so tu phap" (assistant.initials)

    def weight(self, term: str) -> float:
        """Inverse document frequency; a word no record contains weighs most (memoised: the corpus is fixed)."""
        known = self._weights.get(term)
        if known is None:
            df = self._df.get(term, 0)
            if df == 0:
                return self._unknown_weight  # not memoised: users' words are unbounded
            known = self._weights[term] = math.log(1.0 + self._n / (1.0 + df))
        return known

    def document_frequency(self, term: str) -> int:
        """How many entries and clauses hold a query key (`query_terms` form: 'đất' or '~dat')."""
        return self._df.get(term, 0)

    def is_generic(self, word: str) -> bool:
        """True for a word that a quarter of all entries contain ('quản lý', 'thông tin'): no topic alone."""
        return self._entry_df.get(f"~{fold_accents(word)}", 0) > 0.25 * max(len(self.entries), 1)

    def topic_is_generic(self, topic: Sequence[str]) -> bool:
        """True when every word and every adjacent pair of the topic is common to many entries."""
        unigrams, bigrams = query_terms(topic)
        limit = 0.25 * max(len(self.entries), 1)
        # Keys as typed: "giá" (accented) is judged as "giá", not as every syllable that folds to "gia".
        return all(self._entry_df.get(k, 0) > limit for k in unigrams) and all(
            self._entry_df.get(b, 0) > limit for b in bigrams
        )

    def cover(self, topic: Iterable[str], target: frozenset[str]) -> float:
        topic = list(topic)
        total = sum(self.weight(t) for t in topic)
        if total == 0:
            return 0.0
        return sum(self.weight(t) for t in topic if t in target) / total

    def phrase_cover(self, pairs: frozenset[tuple[str, str]], clause_id: str) -> float:
        """Share (weighted by rarity among leaf clauses) of the question's word pairs that the clause's text holds."""
        n = len(self.leaf_clauses)

        def weight(p: tuple[str, str]) -> float:
            return math.log(1.0 + n / (1.0 + self._pair_df.get(p, 0)))

        total = sum(weight(p) for p in pairs)
        held = self._clause_pairs.get(clause_id, frozenset())
        return sum(weight(p) for p in pairs if p in held) / total if total else 0.0

    def leaf_cover(self, topic: Sequence[str], clause_id: str) -> float:
        """Share of the question's words the clause's text holds, each weighted by its rarity among leaf clauses:
        words every point of a decision repeats ("danh mục", "cơ quan") tell none of them apart."""
        n = len(self.leaf_clauses)
        unigrams, _ = query_terms(list(topic))
        weights = {k: math.log(1.0 + n / (1.0 + self._leaf_df.get(k, 0))) for k in unigrams}
        total = sum(weights.values())
        held = self.clauses[clause_id][1] if clause_id in self.clauses else frozenset()
        return sum(w for k, w in weights.items() if k in held) / total if total else 0.0

    def says_a_name_pair(self, entry_id: str, bigrams: Iterable[str], around: Iterable[str] | None = None) -> bool:
        """Whether the question's bigram keys (`query_terms`) hold a pair of adjacent content words of the entry's
        name (one of them in `around` when given), or the name has fewer than two: syllables of a name scattered
        over a question ("người" … "công") do not say it."""
        words = self.entries[entry_id].name_content
        if len(words) < 2:
            return True
        said, near = set(bigrams), None if around is None else set(around)
        return any(
            (f"{a} {b}" in said or f"~{fold_accents(a)} {fold_accents(b)}" in said)
            and (near is None or a in near or b in near)
            for a, b in zip(words, words[1:], strict=False)
        )

    def score_entries(self, topic: Sequence[str], documents: Sequence[str] | None = None) -> list[Scored]:
        """Entries ranked by how well they explain the topic words, best first (zero scores dropped)."""
        if not topic:
            return []
        unigrams, bigrams = query_terms(topic)
        asked = frozenset(f"~{fold_accents(w)}" for w in topic)
        out: list[Scored] = []
        for p in self.entries.values():
            if documents and p.entry.document_id not in documents:
                continue
            name_cover = self.cover(unigrams, p.name_terms)
            body_cover = self.cover(unigrams, p.body_terms)
            if body_cover == 0:
                continue
            if bigrams:  # scattered words are weaker evidence than the phrase the user wrote
                body_cover = 0.5 * body_cover + 0.5 * self.cover(bigrams, p.body_terms)
            precision = self.cover(p.name_words, asked) if p.name_words else 0.0
            pairs = self.cover(bigrams, p.name_terms) if bigrams else name_cover
            score = 0.45 * name_cover + 0.2 * precision + 0.2 * body_cover + 0.15 * pairs
            out.append(Scored(p.entry.id, score, name_cover, body_cover, precision))
        out.sort(key=lambda s: (-s.score, -s.body_cover))
        return out

    def score_clauses(self, topic: Sequence[str], documents: Sequence[str] | None = None) -> list[Scored]:
        """Decision clauses ranked by how much of the question's words their text holds."""
        if not topic:
            return []
        unigrams, bigrams = query_terms(topic)
        out: list[Scored] = []
        for cid, (clause, clause_terms) in self.clauses.items():
            if documents and clause.document_id not in documents:
                continue
            cover = self.cover(unigrams, clause_terms)
            if cover == 0:
                continue
            pairs = self.cover(bigrams, clause_terms) if bigrams else cover
            out.append(Scored(cid, 0.7 * cover + 0.3 * pairs, cover, cover, 0.0))
        out.sort(key=lambda s: (-s.score, s.id))
        return out

    def find_agency(self, folded_question: str) -> str | None:
        """The longest agency (or agency prefix of at least three words) named in the question, folded; a prefix
        that is only the head every such body shares ("ủy ban nhân dân", "văn phòng ủy ban") names none."""
        q = f" {folded_question} "
        best: str | None = None
        for agency in self.agencies:
            parts = agency.split()
            floor = min(len(parts), 3)
            for n in range(len(parts), floor - 1, -1):
                phrase = " ".join(parts[:n])
                if n < len(parts) and phrase in _GENERIC_AGENCY_HEADS:
                    break
                if f" {phrase} " in q and (best is None or len(phrase) > len(best)):
                    best = phrase
                    break
        return best

    def entries_of_agency(self, agency: str, document: str | None = None) -> list[CatalogueEntry]:
        """Entries whose agency contains the folded agency phrase (spaces ignored), in source order."""
        key = spaceless(agency)
        return [
            p.entry for p in self.entries.values() if key in p.agency_key and document in (None, p.entry.document_id)
        ]
