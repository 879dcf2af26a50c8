"""The sector (lĩnh vực) of a catalogue entry: the catalogue's own heading, or derived from its managing agency.

Only Quảng Ninh's table has sector headings; Hà Tĩnh's and Hải Dương's entries have `sector` null (CONTRACT §2:
never invented). For look-up, `sector_of` gives every entry a sector *label* where one can be stated, and says
where it comes from: `source` (the heading) or `derived` (the agency's name, by the table `corpus/sectors.json`,
whose `_about` gives the rule and its legal source). Entries of agencies the table leaves unassigned get None.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from enum import StrEnum
from functools import cache
from pathlib import Path

from corpus.records import CatalogueEntry
from corpus.text import fold_key

SECTORS_FILE = Path(__file__).with_name("sectors.json")
_HEADING_PREFIX = re.compile(r"^\s*lĩnh\s+vực\s*:?\s*", re.IGNORECASE)
_NOT_ALNUM = re.compile(r"[^0-9a-z]+")


class SectorSource(StrEnum):
    """Where an entry's sector label comes from."""

    SOURCE = "source"  # the catalogue's own sector heading
    DERIVED = "derived"  # the managing agency's name, by corpus/sectors.json


@dataclass(frozen=True)
class Sector:
    """An entry's sector for look-up: a label shared across catalogues ("Y tế") and where it comes from."""

    label: str
    source: SectorSource


def match_key(text: str) -> str:
    """Agency or heading key ignoring case, accents, spaces and punctuation: 'Sở Lao động -Thương binh và Xã hội'
    and 'Sở Lao động, Thương Binh và Xã hội' → 'solaodongthuongbinhvaxahoi'."""
    return _NOT_ALNUM.sub("", fold_key(text))


@dataclass(frozen=True)
class SectorTable:
    """corpus/sectors.json read into look-ups by key."""

    by_heading: dict[str, str]
    by_agency: dict[str, str]
    unassigned: frozenset[str]


@cache
def sector_table() -> SectorTable:
    """The table, read once."""
    data = json.loads(SECTORS_FILE.read_text(encoding="utf-8"))
    by_heading: dict[str, str] = {}
    by_agency: dict[str, str] = {}
    for sector in data["sectors"]:
        for heading in sector["headings"]:
            by_heading[match_key(heading)] = sector["label"]
        for agency in sector["agencies"]:
            by_agency[match_key(agency)] = sector["label"]
    unassigned = frozenset(match_key(item["agency"]) for item in data["unassigned"])
    return SectorTable(by_heading, by_agency, unassigned)


def heading_label(heading: str) -> str:
    """The label of a catalogue's heading: the table's, else the heading without 'LĨNH VỰC', in sentence case.

    >>> heading_label("LĨNH VỰC Y TẾ"), heading_label("LĨNH VỰC TƯ PHÁP")
    ('Y tế', 'Tư pháp')
    """
    known = sector_table().by_heading.get(match_key(heading))
    if known:
        return known
    rest = _HEADING_PREFIX.sub("", heading).strip()
    return rest[:1].upper() + rest[1:].lower() if rest.isupper() else rest


def sector_of(entry: CatalogueEntry, agency: str | None = None) -> Sector | None:
    """The entry's sector: its heading when the catalogue has one, else its agency's sector, else None.

    Args:
        entry: a catalogue entry.
        agency: the agency name to read (default `entry.agency`; a canonical name once agencies are registered).

    >>> from corpus.records import CatalogueEntry
    >>> e = CatalogueEntry(id="ha-tinh-2022/18", document_id="ha-tinh-2022", number=18, name="CSDL hồ sơ sức khỏe",
    ...                    agency="Sở Y tế", source_lines=(1, 2))
    >>> sector_of(e)
    Sector(label='Y tế', source=<SectorSource.DERIVED: 'derived'>)
    """
    if entry.sector:
        return Sector(heading_label(entry.sector), SectorSource.SOURCE)
    label = sector_table().by_agency.get(match_key(agency if agency is not None else entry.agency))
    return Sector(label, SectorSource.DERIVED) if label else None
