"""Near misses: a database asked of a catalogue that does not list it, while another catalogue lists it by the very
words asked — refused with where it is (`Planner._by_retrieval`), never answered with the named catalogue's
neighbour; the same database under the named catalogue's own title is not a near miss (`_shares_name`)."""

from __future__ import annotations

from assistant.candidates import folded
from assistant.matching import Scored, query_terms
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
        if any(self._said_in_full(e, asked) for e in found):
            return []
        out: list[Scored] = []
        for entry_id, entry in self.index.entries.items():
            if entry.entry.document_id in docs or not self._said_in_full(entry_id, asked):
                continue
            words = [f"~{folded(w)}" for w in self._distinctive(entry_id)]
            if all(any(w not in self.index.entries[e].body_terms for w in words) for e in found):
                out.append(Scored(entry_id, 1.0, 1.0, 0, 0))
        if out and any(self._shares_name(e, out) for e in found):
            return []
        return out

    def _distinctive(self, entry_id: str) -> tuple[str, ...]:
        """The entry name's words that are neither a covered province's nor common to many entries (computed once
        for every entry, at the first question that needs them)."""
        table: dict[str, tuple[str, ...]] | None = self.__dict__.get("_distinctive_words")
        if table is None:
            places = self.index.places
            table = {
                i: tuple(w for w in p.name_content if folded(w) not in places and not self.index.is_generic(w))
                for i, p in self.index.entries.items()
            }
            self.__dict__["_distinctive_words"] = table
        return table[entry_id]

    def _said_in_full(self, entry_id: str, asked: tuple[set[str], set[str]]) -> bool:
        """Whether the question's keys (unigrams, bigrams) hold every distinctive word of the entry's name and one
        of the name's word pairs around them: a lone syllable, typed without accents, matches too many words ("dau"
        is "đầu", "dấu", "dầu" …) to say a name."""
        unigrams, bigrams = asked
        words = self._distinctive(entry_id)
        if not words or not all(w in unigrams or f"~{folded(w)}" in unigrams for w in words):
            return False
        return len(self.index.entries[entry_id].name_content) > 1 and self.index.says_a_name_pair(
            entry_id, bigrams, around=words
        )

    def _shares_name(self, entry_id: str, others: list[Scored]) -> bool:
        """Whether the entry's name holds every distinctive word of one of the others' names ("CSDL hộ tịch điện
        tử" holds «Hộ tịch»): the same database under its own province's title, not a near miss."""
        terms = self.index.entries[entry_id].name_terms
        places = self.index.places
        for other in others:
            said = [w for w in self.index.entries[other.id].name_content if folded(w) not in places]
            unigrams, bigrams = query_terms(said)
            # Its words and the phrases they make: "hộ kinh doanh" is not held by "… hoạt động kinh doanh …".
            keys = [k for k in [*unigrams, *bigrams] if not k.startswith("~") and not self.index.is_generic(k)]
            if keys and all(k in terms for k in keys):
                return True
        return False

