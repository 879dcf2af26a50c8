"""A `Plan`: what the answer will be made of, decided by the planner and written out by the responder."""

from __future__ import annotations

from dataclasses import dataclass, field

from assistant.matching import Scored
from assistant.question import Field, Meta
from corpus.records import SharingMode


@dataclass
class Plan:
    """What the answer will be made of."""

    kind: str  # entry, list, count, totals, compare, clause, meta, overview, not_found, clarify
    documents: list[str] = field(default_factory=list)
    entries: list[Scored] = field(default_factory=list)
    fields: list[Field] = field(default_factory=list)
    clauses: list[Scored] = field(default_factory=list)
    meta: list[Meta] = field(default_factory=list)
    agency: str | None = None
    sector: str | None = None
    group: str | None = None
    sharing_mode: SharingMode | None = None
    status: str | None = None  # a phrase of the notes column ("đang vận hành", folded) that entries must hold
    topic: list[str] = field(default_factory=list)
    exclude: list[str] = field(default_factory=list)
    by_notes: bool = False  # each listed entry shows its notes (the set is selected by them, or a status is asked)
    within: bool = False  # the set is the one the conversation just gave ("trong đó …"); exclude holds the rest
    elsewhere: list[Scored] = field(default_factory=list)  # the database in other documents (not_found)
    missing: list[str] = field(default_factory=list)  # documents that lack it (compare)
    reason: str = ""
    focus_words: list[str] = field(default_factory=list)  # words whose lines a long field's excerpt keeps
