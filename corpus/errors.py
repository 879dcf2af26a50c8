"""Errors of the corpus package; messages name the document, file, line and id concerned."""

from __future__ import annotations


class CorpusError(Exception):
    """Base of every corpus error."""


class ParseError(CorpusError):
    """A source file cannot be parsed; `str()` reads `file:line: message`."""

    def __init__(self, message: str, *, source_file: str, line: int | None = None) -> None:
        self.message = message
        self.source_file = source_file
        self.line = line
        where = f"{source_file}:{line}" if line is not None else source_file
        super().__init__(f"{where}: {message}")


class ValidationError(CorpusError):
    """Parsed records break a rule of the corpus (counts, duplicates, empty required fields, debris)."""

    def __init__(self, problems: list[str]) -> None:
        self.problems = problems
        super().__init__("\n".join(problems))


class UnknownIdError(CorpusError, KeyError):
    """No document, entry or clause has this id."""

    def __init__(self, record_id: str, *, kind: str = "record") -> None:
        self.record_id = record_id
        self.kind = kind  # "document" when a document (decision) was asked for, else "record"
        super().__init__(record_id)

    def __str__(self) -> str:
        return f"unknown id: {self.record_id}"
