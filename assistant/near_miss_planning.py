"""Near misses: a database asked of a catalogue that does not list it, while another catalogue lists it by the very
words asked — refused with where it is (`Planner._by_retrieval`), never answered with the named catalogue's
neighbour; the same database under the named catalogue's own title is not a near miss (`_shares_name`)."""

from __future__ import annotations

from assistant.candidates import folded
from assistant.matching import Scored, content_words, query_terms
from assistant.planning import PlannerBase
from assistant.question import Question


class NearMissPlanning(PlannerBase):
    """Which other catalogues' entries a question names while the named catalogue has only a neighbour."""

    def _named_elsewhere(self, q: Question, docs: list[str], found: list[str]) -> list[Scored]:
        """Entries of other catalogues whose every distinctive name word the question says (with its accents when
        typed with them), while no accepted entry of the named catalogues has its own name said in full and each
        lacks one of those words everywhere in its columns: the question names a database those catalogues do not
        list, and their nearest record shares only some of its words. Empty when an accepted entry is that
        database under its own title (`_shares_name`)."""
        unigrams, bigrams = query_terms(q.asked_topic)
        asked = (set(unigrams), set(bigrams))
        if any(self._said_in_full(self.index.entries[e].entry.name, asked) for e in found):
            return []
        out: list[Scored] = []
        for entry in self.index.entries.values():
            if entry.entry.document_id in docs or not self._said_in_full(entry.entry.name, asked):
                continue
            words = [f"~{folded(w)}" for w in self._distinctive(entry.entry.name)]
            if all(any(w not in self.index.entries[e].body_terms for w in words) for e in found):
                out.append(Scored(entry.entry.id, 1.0, 1.0, 0, 0))
        if out and any(self._shares_name(e, out) for e in found):
            return []
        return out

    def _distinctive(self, name: str) -> list[str]:
        """A name's words that are neither a covered province's nor common to many entries."""
        places = self.index.places
        return [w for w in content_words(name) if folded(w) not in places and not self.index.is_generic(w)]

    def _said_in_full(self, name: str, asked: tuple[set[str], set[str]]) -> bool:
        """Whether the question's keys (unigrams, bigrams) hold every distinctive word of the name and one of the
        name's word pairs around them: a lone syllable, typed without accents, matches too many words ("dau" is
        "đầu", "dấu", "dầu" …) to say a name."""
        unigrams, bigrams = asked
        words = self._distinctive(name)
        if not words or not all(w in unigrams or f"~{folded(w)}" in unigrams for w in words):
            return False
        said = content_words(name)
        pairs = [(a, b) for a, b in zip(said, said[1:], strict=False) if a in words or b in words]
        return any(f"{a} {b}" in bigrams or f"~{folded(a)} {folded(b)}" in bigrams for a, b in pairs)

    def _shares_name(self, entry_id: str, others: list[Scored]) -> bool:
        """Whether the entry's name holds every distinctive word of one of the others' names ("CSDL hộ tịch điện
        tử" holds «Hộ tịch»): the same database under its own province's title, not a near miss."""
        terms = self.index.entries[entry_id].name_terms
        places = self.index.places
        for other in others:
            said = [w for w in content_words(self.index.entries[other.id].entry.name) if folded(w) not in places]
            unigrams, bigrams = query_terms(said)
            # Its words and the phrases they make: "hộ kinh doanh" is not held by "… hoạt động kinh doanh …".
            keys = [k for k in [*unigrams, *bigrams] if not k.startswith("~") and not self.index.is_generic(k)]
            if keys and all(k in terms for k in keys):
                return True
        return False

