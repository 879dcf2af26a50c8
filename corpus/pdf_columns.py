"""Which column each line of a Hải Dương table row belongs to: agency, name, description, collection, sharing.

Within a page part of a row the PDF text gives the cells in column order, each wrapped at its column's width;
the last line of one cell and the first of the next sometimes share a line ("UBND tỉnh thông tin báo"). So a
row's reading is a monotone labelling of its words with the five columns, restarting at every page part.
`assign_columns` finds the cheapest such labelling with a Viterbi search over lines:

- hard rules: a line fragment fits its column's width; the description starts with "Mục đích"; a fragment
  that starts with a description label is description; sharing fragments are made of the sharing phrases
  ("- Chia sẻ dữ liệu", "mặc định", "đặc thù", "Dữ liệu mở") and only they;
- costs: splitting a line (cheap at a double space or before a cue such as "Mục đích", "- " or a capital
  after a comma), a line that would have fitted on its column's previous line (PDF wrapping is greedy, so a
  short line ends a paragraph), a sentence continued in lower case after a full stop, continuing on the next
  page a cell that looked finished, and ending the row with a cell that is not (an agency "Văn phòng", a name
  "… tỉnh Hải", a sharing cell "- Chia sẻ dữ liệu" without its mode).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from enum import IntEnum
from functools import lru_cache
from itertools import combinations

from corpus.errors import ParseError
from corpus.pdf_rows import Row


class Column(IntEnum):
    """The table's columns after STT, in reading order."""

    AGENCY = 0
    NAME = 1
    DESCRIPTION = 2
    COLLECTION = 3
    SHARING = 4


A, N, D, C, S = Column
# Widest line (characters) each column holds in the source, plus a little: a longer fragment cannot be there.
_MAX_WIDTH = {A: 21, N: 15, D: 53, C: 25, S: 18}
# Characters a line can hold for certain; a line plus the next line's first word under this would have fitted.
_FITS_WIDTH = {A: 13, N: 10, D: 40, C: 18, S: 14}
_SHORT = {D: 30, C: 12}  # a description or collection line this short always ends its paragraph
LABEL = re.compile(r"^(?:Mục đích|Phạm vi[^:.;]{0,45}?|Nội dung)\s*:")
_PARAGRAPH = re.compile(r"^(?:[-+–•]\s|Mục đích|Phạm vi|Nội dung)")
_SHARING = re.compile(
    r"^(?:[-–]\s*)?(?:Chia sẻ dữ liệu(?:\s+(?:mặc định|đặc thù))?|mặc định|đặc thù|Dữ liệu mở)\s*[;.,]?$"
)
_SHARING_OPEN = re.compile(r"(?:Chia sẻ dữ liệu|;)$")
_NAME_CUES = ("Cơ sở dữ liệu", "CSDL", "Hệ thống", "Cổng", "Công báo", "Nền tảng")
_NAME_DANGLING = re.compile(r"(?:\b(?:và|của|về|các|cho|với|trên|từ|tại)|,|\btỉnh \w+)$")
_AGENCY = re.compile(r"^(?:Công an tỉnh|Văn phòng UBND tỉnh|Bảo hiểm xã hội tỉnh|Sở .+|Các Sở, .+|UBND .+)$")
_AGENCY_DANGLING = re.compile(r"(?:\bvà|,)$")
_CUE_SPLIT = re.compile(r"^(?:[-–] |Mục đích|Phạm vi|Nội dung|Chia sẻ dữ liệu|Dữ liệu mở|" + "|".join(_NAME_CUES) + ")")
_INFEASIBLE = float("inf")
_HOPELESS = 15.0  # a reading this much dearer than the best one so far is dropped
_PDF_LOOKALIKES = str.maketrans({"ƣ": "ư", "Ƣ": "Ư"})


def _words(text: str) -> list[tuple[str, int]]:
    """Words of a line with the number of spaces before each (a double space often separates two columns)."""
    text = unicodedata.normalize("NFC", text).translate(_PDF_LOOKALIKES)
    words, end = [], 0
    for match in re.finditer(r"\S+", text):
        words.append((match.group(), match.start() - end))
        end = match.end()
    return words


def _split_cost(words: list[tuple[str, int]], j: int) -> float:
    """Cost of starting a new column at word j of a line: low at a double space or before a cue."""
    word, gap = words[j]
    before = words[j - 1][0]
    rest = " ".join(w for w, _ in words[j:])
    if gap >= 2 or (before.endswith(".") and word[:1].islower()):
        return 0.1
    if _CUE_SPLIT.match(rest) or (before.endswith((",", ".", ";")) and word[:1].isupper()):
        return 0.3
    return 1.0


@lru_cache(maxsize=4096)
def _line_options(text: str) -> tuple[tuple[tuple[str, ...], float], ...]:
    """Ways to cut a line into column fragments: any set of cue splits, plus at most one plain split."""
    words = _words(text)
    if sum(len(w) + 1 for w, _ in words) > sum(_MAX_WIDTH.values()):
        return ()  # longer than all five columns side by side: not a line of this table
    costs = {j: _split_cost(words, j) for j in range(1, len(words))}
    cues = [j for j, c in costs.items() if c < 1.0]
    plain = [None, *(j for j, c in costs.items() if c >= 1.0)]
    options = []
    for k in range(0, min(4, len(cues)) + 1):
        for chosen in combinations(cues, k):
            for extra in plain if k < 4 else [None]:
                cuts = sorted([*chosen, *([extra] if extra is not None else [])])
                bounds = [0, *cuts, len(words)]
                frags = tuple(" ".join(w for w, _ in words[a:b]) for a, b in zip(bounds, bounds[1:], strict=False))
                # A dash is the start of a list item, never the end of a cell.
                wide = sum(len(f) > _MAX_WIDTH[C] for f in frags)  # only the description holds a wide fragment
                if wide <= 1 and all(len(f) <= _MAX_WIDTH[D] and not re.search(r"(?:^|\s)[-–]$", f) for f in frags):
                    options.append((frags, sum(costs[j] for j in cuts)))
    return tuple(options)


Cells = tuple[tuple[str, ...], ...]


def _text(fragments: tuple[str, ...]) -> str:
    """A cell's fragments as one string (for the tests of whether it looks finished)."""
    return " ".join(fragments)


def _agency_open(text: str) -> bool:
    """True for an agency that is not yet a whole agency name ("Văn phòng", "Sở Thông tin và")."""
    return not _AGENCY.match(text) or bool(_AGENCY_DANGLING.search(text))


def _name_open(text: str) -> bool:
    """True for a name that cannot end here ("Hệ thống", "Cổng Thông tin điện tử tỉnh Hải")."""
    return text in _NAME_CUES or bool(_NAME_DANGLING.search(text))


def _continue_cost(col: Column, fragments: tuple[str, ...]) -> float:
    """Cost of a cell going on in the next page part, by how finished it looked at the page break."""
    text = _text(fragments)
    if col == A:
        return 0.0 if _agency_open(text) else 4.0
    if col == N:
        return 0.0 if _name_open(text) else 1.0
    if col == S:
        return 0.0 if _SHARING_OPEN.search(text) else 5.0
    return 1.0 if text.endswith(".") else 0.0


def word_pairs(text: str) -> frozenset[tuple[str, str]]:
    """Pairs of adjacent words on one line of `text` (lower case), to tell which line joins read naturally."""
    pairs: set[tuple[str, str]] = set()
    for line in text.translate(_PDF_LOOKALIKES).lower().splitlines():
        words = line.split()
        pairs.update(zip(words, words[1:], strict=False))
    return frozenset(pairs)


def _wrap_cost(col: Column, previous: str, fragment: str, pairs: frozenset[tuple[str, str]]) -> float:
    """Cost of `fragment` continuing the paragraph whose last line is `previous` in the same cell."""
    if col in (D, C, S) and _PARAGRAPH.match(fragment):
        return 0.0
    first = fragment.split()[0]
    # A join that makes a word pair the document writes elsewhere on one line ("tài" + "sản") reads right.
    cost = -0.5 if (previous.split()[-1].lower(), first.lower()) in pairs else 0.0
    if len(previous) + 1 + len(first) <= _FITS_WIDTH[col]:
        cost += 2.0
    if col in _SHORT and len(previous) < _SHORT[col]:
        cost += 10.0
    if previous.endswith("."):
        # A sentence that ends at a line end is followed by a new labelled paragraph, and never by lower case.
        cost += 3.0 if first[:1].islower() else 1.5
    return cost


def _append_cost(
    cells: Cells, in_part: frozenset[Column], col: Column, fragment: str, part: int, pairs: frozenset[tuple[str, str]]
) -> float:
    """Cost of putting `fragment` at the end of column `col`; infinite where a hard rule forbids it."""
    if len(fragment) > _MAX_WIDTH[col] or (col == S) != bool(_SHARING.match(fragment)):
        return _INFEASIBLE
    if col != D and LABEL.match(fragment):
        return _INFEASIBLE
    if col == D and not cells[D] and not fragment.startswith("Mục đích"):
        return _INFEASIBLE
    cost = 0.0
    if col == N and not cells[N] and not fragment.startswith(_NAME_CUES):
        cost += 3.0
    # Every cell of the table starts with a capital letter or a list dash.
    if not cells[col] and not (fragment[:1].isupper() or fragment[:1] in "-–"):
        cost += 3.0
    if cells[col]:
        if col not in in_part:
            cost += _continue_cost(col, cells[col])
        cost += _wrap_cost(col, cells[col][-1], fragment, pairs)
    elif part > 0:
        cost += 5.0
    return cost


def _end_cost(cells: Cells) -> float:
    """Cost of the row ending with these cells: a missing or visibly unfinished cell."""
    if not cells[A] or not cells[N] or not cells[D]:
        return _INFEASIBLE
    cost = 5.0 if _agency_open(_text(cells[A])) else 0.0
    cost += 3.0 if _name_open(_text(cells[N])) else 0.0
    cost += 6.0 if not cells[C] else 0.0
    cost += 6.0 if not cells[S] else (5.0 if _SHARING_OPEN.search(_text(cells[S])) else 0.0)
    return cost


@dataclass(frozen=True)
class _State:
    """A partial reading of a row: the cells so far and where the current page part has got to."""

    col: int  # column of the last fragment in this page part; -1 at the start of a part
    cells: Cells
    in_part: frozenset[Column]

    def key(self) -> tuple[object, ...]:
        """What the future costs depend on: states with equal keys can be merged."""
        c = self.cells
        return (self.col, c[A], c[N], c[D][-1:], c[C][-1:], c[S], self.in_part)


def _extend(
    state: _State, fragments: tuple[str, ...], part: int, pairs: frozenset[tuple[str, str]]
) -> list[tuple[_State, float]]:
    """Every way to lay the fragments of one line into columns after `state`, with its cost."""
    results: list[tuple[_State, float]] = []

    def place(i: int, current: _State, cost: float) -> None:
        """Put fragment i and the ones after it, each in a later column than the one before."""
        if i == len(fragments):
            results.append((current, cost))
            return
        if part == 0 and not any(current.cells):
            first_choices = [A]
        else:
            lowest = max(current.col, 0) if i == 0 else current.col + 1
            first_choices = [Column(k) for k in range(lowest, len(Column))]
        for col in first_choices:
            step = _append_cost(current.cells, current.in_part, col, fragments[i], part, pairs)
            if step == _INFEASIBLE:
                continue
            cells = tuple((*cell, fragments[i]) if k == col else cell for k, cell in enumerate(current.cells))
            place(i + 1, _State(col, cells, current.in_part | {col}), cost + step)

    place(0, state, 0.0)
    return results


def readings(
    row: Row, *, source_file: str, pairs: frozenset[tuple[str, str]] = frozenset(), beam: int = 60
) -> list[tuple[dict[Column, tuple[str, ...]], float]]:
    """Readings of a row as five cells, cheapest first, each with its cost.

    Args:
        row: The row, cut into page parts by `corpus.pdf_rows.split_rows`.
        source_file: Name of the source file, for errors.
        pairs: Word pairs of the whole document (`word_pairs`), which make natural line joins a little cheaper.
        beam: States kept after each line (the cheapest ones).

    Returns:
        The fragments of each column in reading order, and the cost of that reading (about 0 for a row whose
        every line is where the layout says it must be); only readings that satisfy the hard rules.

    Raises:
        ParseError: No reading satisfies the hard rules (naming the line where the last one failed).
    """
    start = _State(-1, ((),) * len(Column), frozenset())
    states: dict[tuple[object, ...], tuple[_State, float]] = {start.key(): (start, 0.0)}
    for part_index, part in enumerate(row.parts):
        states = {k: (_State(-1, s.cells, frozenset()), c) for k, (s, c) in states.items()}
        for line in part:
            following: dict[tuple[object, ...], tuple[_State, float]] = {}
            for state, cost in states.values():
                for fragments, split in _line_options(line.text):
                    for new, step in _extend(state, fragments, part_index, pairs):
                        total = cost + split + step
                        key = new.key()
                        if key not in following or following[key][1] > total:
                            following[key] = (new, total)
            if not following:
                raise ParseError(
                    f"hàng {row.number}: dòng {line.number} không khớp cột nào của bảng ({line.text.strip()[:50]!r})",
                    source_file=source_file,
                    line=line.number,
                )
            kept = sorted(following.items(), key=lambda item: item[1][1])[:beam]
            best = kept[0][1][1]
            states = {k: v for k, v in kept if v[1] <= best + _HOPELESS}
    finals = sorted(((s, c + _end_cost(s.cells)) for s, c in states.values()), key=lambda item: item[1])
    return [({col: s.cells[col] for col in Column}, c) for s, c in finals if c != _INFEASIBLE]


def assign_columns(
    row: Row, *, source_file: str, pairs: frozenset[tuple[str, str]] = frozenset()
) -> dict[Column, tuple[str, ...]]:
    """The cheapest reading of a row as five cells (see `readings`).

    Raises:
        ParseError: No reading gives the row an agency, a name and a description starting with "Mục đích".
    """
    found = readings(row, source_file=source_file, pairs=pairs)
    if not found:
        raise ParseError(
            f"hàng {row.number} thiếu cơ quan quản lý, tên hoặc phần mô tả bắt đầu bằng 'Mục đích'",
            source_file=source_file,
            line=row.first_line,
        )
    return found[0][0]
