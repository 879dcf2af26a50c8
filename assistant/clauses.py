"""Which part of a decision answers: the article retrieval found, narrowed to the point that holds the question.

Retrieval finds the clause family (entries and clauses compete in one ranking); inside that family the words
and word pairs of the question pick the most specific unit that holds them. A question about what an agency is
tasked with gets the clause that names it as addressee ("Công an tỉnh: …", "Giao Sở …"), quoted whole.
"""

from __future__ import annotations

import math
import re
from collections import Counter

from assistant.lexicon import fold, syllables
from assistant.matching import CatalogueIndex, Scored, folded_pairs, query_terms
from assistant.question import Question

# "Theo quyết định của …" frames the question; "theo Quyết định này" closes many points: neither tells them apart.
_NUMBERING = re.compile(r"^\s*(?:\d+|[a-zđ])\s*[.)]\s*")
_FRAMING_PAIRS = frozenset({("theo", "quyet"), ("quyet", "dinh"), ("dinh", "cua"), ("dinh", "nay")})
# For the same reason the words of "quyết định" themselves, when the question says it, weigh on no point.
_FRAMING_WORDS = ("quyet", "dinh")


def _without_decision(words: list[str], text: str) -> list[str]:
    """The words without the syllables of each "quyết định" the text says ("giải quyết", "định danh" keep theirs)."""
    said = [f for _, f in syllables(text)]
    left = Counter()
    for a, b in zip(said, said[1:], strict=False):
        if (a, b) == _FRAMING_WORDS:
            left.update(_FRAMING_WORDS)
    out: list[str] = []
    for w in words:
        if left[fold(w)] > 0:
            left[fold(w)] -= 1
            continue
        out.append(w)
    return out


def family(clause_id: str) -> str:
    """The clause (or article) a retrieved unit belongs to: 'x/dieu-2.1.a' → 'x/dieu-2.1'; 'x/dieu-3' stays."""
    head, _, path = clause_id.partition("/dieu-")
    parts = path.split(".")
    return f"{head}/dieu-{'.'.join(parts[:2])}"


def addressed_clause(index: CatalogueIndex, agency: str, document: str) -> str | None:
    """The clause (not a point) of the document whose first line names the agency as addressee, if any."""
    key = agency.replace(" ", "")
    for cid, (clause, _) in index.clauses.items():
        if clause.document_id != document or clause.clause is None or clause.point is not None:
            continue
        first = fold(_NUMBERING.sub("", clause.text.split("\n", 1)[0])).replace(" ", "")
        if first.startswith(key) or f"giao{key}" in first:
            return cid
    return None


def pick_clause(index: CatalogueIndex, q: Question, retrieved: str) -> list[Scored]:
    """The unit of the retrieved clause's family — or of the clause tasking the agency the question names — that
    holds the question's words best (the clause itself when its points hold them equally)."""
    document = retrieved.split("/", 1)[0]
    named = addressed_clause(index, q.agency, document) if q.agency else None
    root = named or family(retrieved)
    places = index.places
    words = [w for w in q.words if fold(w) not in places]
    scored = [s for s in index.score_clauses(words, [document]) if s.id == root or s.id.startswith(f"{root}.")]
    if not scored:
        return [Scored(named or retrieved, 1.0, 1.0, 1.0, 0.0)]
    if named is not None and (q.all_tasks or not _distinguishes(index, named, words, q.agency or "")):
        return [Scored(named, 1.0, 1.0, 1.0, 0.0)]  # all the agency's tasks: the whole clause with its points
    if q.all_tasks and root in index.clauses and "." in root.split("/dieu-", 1)[1]:
        # All the tasks of a clause (not of a whole article, which tasks many bodies): every point of it.
        return [Scored(root, 1.0, 1.0, 1.0, 0.0)]
    return _narrowest(index, scored, q)


def _distinguishes(index: CatalogueIndex, clause_id: str, words: list[str], agency: str) -> bool:
    """True when some word of the question (outside the agency's name) is held by some but not all points of the
    clause: the question singles out one of its tasks."""
    points = [t for cid, (_, t) in index.clauses.items() if cid.startswith(f"{clause_id}.")]
    named = set(agency.split())
    keys = [k for k in query_terms([w for w in words if fold(w) not in named])[0]]
    return any(0 < sum(k in t for t in points) < len(points) for k in keys)


def _narrowest(index: CatalogueIndex, clauses: list[Scored], q: Question) -> list[Scored]:
    """The point whose words and word pairs hold the question best; their clause when several stay level."""
    places = index.places
    asked = frozenset(p for p in folded_pairs(q.text) if not set(p) & places and p not in _FRAMING_PAIRS)
    words = _without_decision([w for w in q.words if fold(w) not in places], q.text)
    cover = {c.id: index.leaf_cover(words, c.id) for c in clauses}
    top = max(cover.values())
    leaves = [c for c in clauses if c.id in index.leaf_clauses and cover[c.id] >= top - 0.3]
    if not leaves:
        return clauses[:1]
    rated = sorted(
        ((0.5 * cover[c.id] + 0.5 * index.phrase_cover(asked, c.id), c) for c in leaves),
        key=lambda x: (-x[0], x[1].id),
    )
    level = [c for r, c in rated if math.isclose(r, rated[0][0], abs_tol=0.02)]
    parents = {c.id.rsplit(".", 1)[0] for c in level}
    if len(level) > 1 and len(parents) == 1 and "." in level[0].id.split("dieu-", 1)[1]:
        parent = parents.pop()
        return [next((c for c in clauses if c.id == parent), level[0])]
    return level[:1]
