"""Corpus: raw decisions → canonical records (Document, CatalogueEntry, DecisionClause)."""

from corpus.errors import CorpusError, ParseError, UnknownIdError, ValidationError
from corpus.records import CatalogueEntry, DecisionClause, DeclaredCount, Document, ParsedDocument, SharingMode

__all__ = [
    "CatalogueEntry",
    "CorpusError",
    "DecisionClause",
    "DeclaredCount",
    "Document",
    "ParseError",
    "ParsedDocument",
    "SharingMode",
    "UnknownIdError",
    "ValidationError",
]
