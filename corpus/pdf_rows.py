"""Rows of the Hải Dương catalogue table as extracted from its PDF: page headers and page numbers removed.

The PDF text lists a table row cell by cell ("1  Công an tỉnh", "Cơ sở dữ liệu", "về dân cư", "Mục đích: …").
A row that crosses a page break is cut in two: the repeated table header follows, then the rest of each
unfinished cell. This module finds the rows (by their STT line) and cuts each into those page parts; which
column each line belongs to is `corpus.pdf_columns`' job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.errors import ParseError
from corpus.text import fold_accents

# The header repeated on every page, one cell line per source line (blank lines between them ignored).
HEADER = (
    "STT",
    "CƠ QUAN QUẢN",
    "LÝ, VẬN HÀNH",
    "TÊN CƠ SỞ",
    "DỮ LIỆU",
    "MÔ TẢ DỮ LIỆU",
    "CƠ CHẾ THU",
    "THẬP, CẬP NHẬT",
    "NGUỒN DỮ LIỆU",
    "HẠNG MỤC",
    "DỮ LIỆU",
)
_HEADER_KEYS = tuple(fold_accents(h).lower() for h in HEADER)
_STT = re.compile(r"^\s*(\d{1,3})(?:\s+(\S.*?))?\s*$")
_PAGE_NUMBER = re.compile(r"^\s*\d{1,3}\s*$")


@dataclass(frozen=True)
class SourceLine:
    """One non-blank line of the source: its 1-based number and its text as extracted (spacing kept)."""

    number: int
    text: str


@dataclass(frozen=True)
class Row:
    """One table row: its STT and its lines, cut into page parts (the STT itself removed from its line)."""

    number: int
    first_line: int
    parts: tuple[tuple[SourceLine, ...], ...]

    @property
    def last_line(self) -> int:
        """Line number of the row's last non-blank line, continuation parts included."""
        return max([self.first_line, *(line.number for part in self.parts for line in part)])


def _key(text: str) -> str:
    return " ".join(fold_accents(text).lower().split())


def header_at(lines: list[SourceLine], i: int) -> int:
    """Number of lines the repeated table header spans from `lines[i]`, or 0 where none starts there."""
    if i + len(HEADER) > len(lines):
        return 0
    window = lines[i : i + len(HEADER)]
    return len(HEADER) if tuple(_key(x.text) for x in window) == _HEADER_KEYS else 0


def non_blank(text: str) -> list[SourceLine]:
    """The source's non-blank lines with their 1-based numbers."""
    return [SourceLine(n, line) for n, line in enumerate(text.splitlines(), start=1) if line.strip()]


def first_header(lines: list[SourceLine]) -> int | None:
    """Index in `lines` of the first table header, or None when the text has none."""
    return next((i for i in range(len(lines)) if header_at(lines, i)), None)


def split_rows(lines: list[SourceLine], *, source_file: str) -> list[Row]:
    """Cut the table (starting with its first header) into rows numbered 1, 2, 3 … and their page parts.

    Args:
        lines: Non-blank source lines from the first table header to the end of the file.
        source_file: Name of the source file, for errors.

    Returns:
        The rows in order; each has at least one part, the first starting at its STT line.

    Raises:
        ParseError: No row follows the header, text sits between the header and row 1, or a bare STT is not
            the next number.
    """
    rows: list[list[list[SourceLine]]] = []
    firsts: list[int] = []
    i = 0
    while i < len(lines):
        span = header_at(lines, i)
        if span:
            if rows:
                rows[-1].append([])
            i += span
            continue
        line = lines[i]
        # A page number is a bare number right before the repeated header.
        if _PAGE_NUMBER.match(line.text) and header_at(lines, i + 1):
            i += 1
            continue
        stt = _STT.match(line.text)
        if stt and int(stt.group(1)) == len(rows) + 1:
            rows.append([[SourceLine(line.number, stt.group(2) or "")]])
            firsts.append(line.number)
        elif stt and not stt.group(2):
            # A bare number that is neither the next STT nor a page number: a row is missing or out of order.
            raise ParseError(
                f"cần hàng {len(rows) + 1}, gặp hàng {stt.group(1)} (bảng bị cắt hoặc sai thứ tự)",
                source_file=source_file,
                line=line.number,
            )
        elif not rows:
            raise ParseError(
                f"cần hàng 1 ngay sau tiêu đề bảng, gặp {line.text.strip()[:60]!r}",
                source_file=source_file,
                line=line.number,
            )
        else:
            rows[-1][-1].append(line)
        i += 1
    if not rows:
        last = lines[-1].number if lines else None
        raise ParseError("bảng không có hàng nào", source_file=source_file, line=last)
    result = []
    for number, (first, parts) in enumerate(zip(firsts, rows, strict=True), start=1):
        kept = [[x for x in part if x.text.strip()] for part in parts]
        result.append(Row(number, first, tuple(tuple(part) for part in kept if part)))
    return result
