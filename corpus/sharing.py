"""Normalised sharing modes of a catalogue entry, read from its "sharing" cell as written."""

from __future__ import annotations

import re

from corpus.records import SharingMode

# Decree 47/2020/NĐ-CP names three forms: mặc định, theo yêu cầu đặc thù, dữ liệu mở.
# "mở" alone is too common a word ("mở rộng"), so only "dữ liệu mở" counts.
_MODE_PATTERNS: tuple[tuple[SharingMode, re.Pattern[str]], ...] = (
    (SharingMode.DEFAULT, re.compile(r"\bmặc\s+định\b", re.IGNORECASE)),
    (SharingMode.SPECIFIC, re.compile(r"\bđặc\s+thù\b", re.IGNORECASE)),
    (SharingMode.OPEN, re.compile(r"\bdữ\s+liệu\s+mở\b", re.IGNORECASE)),
)


def sharing_modes(text: str | None) -> list[SharingMode]:
    """The sharing modes a cell names, in the order it names them; [] where it names none.

    >>> sharing_modes("Dữ liệu mở, được chia sẻ theo hình thức mặc định.")
    [<SharingMode.OPEN: 'mở'>, <SharingMode.DEFAULT: 'mặc định'>]
    """
    if not text:
        return []
    found: list[tuple[int, SharingMode]] = []
    for mode, pattern in _MODE_PATTERNS:
        match = pattern.search(text)
        if match:
            found.append((match.start(), mode))
    return [mode for _, mode in sorted(found)]
