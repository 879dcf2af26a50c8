"""The one place where identifiers are built and parsed (CONTRACT.md §1)."""

from __future__ import annotations

import re

from corpus.text import fold_accents

_DOCUMENT_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*-\d{4}$")
_ENTRY_ID = re.compile(r"^(?P<doc>[a-z0-9-]+-\d{4})/(?:(?P<group>[A-Z])-)?(?P<number>\d+)$")
_CLAUSE_ID = re.compile(
    r"^(?P<doc>[a-z0-9-]+-\d{4})/dieu-(?P<article>\d+)(?:\.(?P<clause>\d+)(?:\.(?P<point>[a-zđ]))?)?$"
)


def province_slug(province: str) -> str:
    """Hà Tĩnh → ha-tinh: the name without diacritics, lower case, words joined by hyphens."""
    words = re.findall(r"[a-z0-9]+", fold_accents(province).lower())
    return "-".join(words)


def document_id(province: str, year: int | str) -> str:
    """('Quảng Ninh', 2026) → quang-ninh-2026."""
    return f"{province_slug(province)}-{int(year)}"


def entry_id(document: str, number: int, group: str | None = None) -> str:
    """('quang-ninh-2026', 29, 'A') → quang-ninh-2026/A-29; without a group → <document>/<number>."""
    return f"{document}/{group}-{number}" if group else f"{document}/{number}"


def clause_id(document: str, article: int, clause: int | None = None, point: str | None = None) -> str:
    """('ha-tinh-2022', 2, 1, 'a') → ha-tinh-2022/dieu-2.1.a."""
    if point is not None and clause is None:
        raise ValueError("một điểm phải thuộc một khoản")
    parts = [str(article)]
    if clause is not None:
        parts.append(str(clause))
    if point is not None:
        parts.append(point)
    return f"{document}/dieu-{'.'.join(parts)}"


def is_document_id(value: str) -> bool:
    """True for ids of the form ha-tinh-2022."""
    return bool(_DOCUMENT_ID.match(value))


def is_entry_id(value: str) -> bool:
    """True for ids of the form ha-tinh-2022/29 or quang-ninh-2026/A-29."""
    return bool(_ENTRY_ID.match(value))


def is_clause_id(value: str) -> bool:
    """True for ids of the form ha-tinh-2022/dieu-2.1.a."""
    return bool(_CLAUSE_ID.match(value))


def document_of(record_id: str) -> str:
    """ha-tinh-2022/29 → ha-tinh-2022 (a document id is returned unchanged)."""
    return record_id.split("/", 1)[0]
