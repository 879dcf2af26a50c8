"""The agency registry (`corpus/agencies.json`): one canonical body behind every way a catalogue writes it.

A catalogue's "Cơ quan quản lý" cell is kept verbatim in `CatalogueEntry.agency`; `annotate` adds the body it
names (`agency_id`, every body of a joint cell in `agency_ids`, the canonical `agency_name`) and, for a garbled
cell read as a body, the evidence of that reading (`agency_repair`). Cells are matched exactly (Unicode NFC,
runs of white space collapsed): a spelling the registry does not list is reported by `corpus validate`, never
guessed.

Example:
    >>> registry = load_registry()
    >>> registry.resolve("Sở Giao thông Vận tải").ids
    ('so-giao-thong-van-tai',)
"""

from __future__ import annotations

import json
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, ValidationError

from corpus.errors import CorpusError
from corpus.records import CatalogueEntry, ParsedDocument

REGISTRY_FILE = Path(__file__).resolve().parent / "agencies.json"
COMMON_USE = "thông dụng"  # `where` of a spelling found in common use rather than in the sources


class _Row(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Spelling(_Row):
    """One way a body is written: in a source (`where` = a record id) or in common use (`where` = "thông dụng")."""

    text: str
    where: str
    evidence: str | None = None


class Body(_Row):
    """A kind of provincial body (Sở Nội vụ of any province) with its canonical name and spellings."""

    id: str
    name: str
    spellings: list[Spelling]
    evidence: str


class JointCell(_Row):
    """A cell that names several bodies at once; the first one leads."""

    text: str
    bodies: list[str]
    where: str
    evidence: str


class Repair(_Row):
    """A garbled cell of one entry read as a body, with the evidence for that reading."""

    entry: str
    written: str
    body: str
    evidence: str


class _RegistryFile(_Row):
    bodies: list[Body]
    joint: list[JointCell] = []
    repairs: list[Repair] = []


@dataclass(frozen=True)
class Resolution:
    """What an agency cell names: its bodies (lead first), their canonical name, and a repair's evidence."""

    ids: tuple[str, ...]
    name: str
    repair: str | None = None


def cell_key(text: str) -> str:
    """The form cells are compared in: NFC with runs of white space made one space."""
    return " ".join(unicodedata.normalize("NFC", text).split())


def without_province(text: str, province: str | None) -> str:
    """The cell without a trailing name of the document's own province: 'Sở Y tế tỉnh Hà Tĩnh' → 'Sở Y tế',
    'Thanh tra tỉnh Hà Tĩnh' → 'Thanh tra tỉnh' (a body is a kind of provincial body; the province is the
    document's). Returns the cell unchanged when it does not end with the province."""
    key = cell_key(text)
    if not province:
        return key
    name = cell_key(province)
    if key.casefold().endswith(" " + name.casefold()):
        key = key[: -len(name) - 1].rstrip(" ,-")
    return key


class Registry:
    """The bodies, joint cells and repairs of `agencies.json`, checked for consistency when built.

    Raises:
        CorpusError: an id repeats, a spelling names two bodies, or a joint cell or repair names an unknown body.
    """

    def __init__(self, data: _RegistryFile) -> None:
        self.bodies: dict[str, Body] = {}
        self._cells: dict[str, Resolution] = {}
        for body in data.bodies:
            if body.id in self.bodies:
                raise CorpusError(f"agencies.json: mã cơ quan {body.id} lặp lại")
            self.bodies[body.id] = body
            for spelling in body.spellings:
                self._add(spelling.text, Resolution((body.id,), body.name))
        for cell in data.joint:
            self._check_ids(cell.bodies, cell.text)
            name = ", ".join(self.bodies[b].name for b in cell.bodies)
            self._add(cell.text, Resolution(tuple(cell.bodies), name))
        self._repairs: dict[tuple[str, str], Resolution] = {}
        for repair in data.repairs:
            self._check_ids([repair.body], repair.written)
            body = self.bodies[repair.body]
            self._repairs[(repair.entry, cell_key(repair.written))] = Resolution((body.id,), body.name, repair.evidence)
        self.joint = list(data.joint)
        self.repairs = list(data.repairs)

    def _add(self, text: str, resolution: Resolution) -> None:
        key = cell_key(text)
        if key in self._cells and self._cells[key] != resolution:
            raise CorpusError(f"agencies.json: cách viết «{text}» thuộc hai cơ quan")
        self._cells[key] = resolution

    def _check_ids(self, ids: list[str], where: str) -> None:
        unknown = [i for i in ids if i not in self.bodies]
        if unknown or not ids:
            raise CorpusError(f"agencies.json: «{where}» ghi mã cơ quan không có: {', '.join(unknown) or '(trống)'}")

    def resolve(self, agency: str, *, entry_id: str | None = None, province: str | None = None) -> Resolution | None:
        """The bodies an agency cell names, or None when the registry does not know the cell.

        Args:
            agency: the cell as written.
            entry_id: the entry the cell belongs to (a repair applies to its own entry only).
            province: the document's province; a known spelling followed by it names the same body.
        """
        key = cell_key(agency)
        if entry_id is not None and (entry_id, key) in self._repairs:
            return self._repairs[(entry_id, key)]
        if key in self._cells:
            return self._cells[key]
        short = without_province(key, province)
        if short.endswith(" tỉnh") and short not in self._cells:
            short = short[: -len(" tỉnh")]
        return self._cells.get(short)

    def body(self, body_id: str) -> Body:
        """The body with this id; raises KeyError for an unknown id."""
        return self.bodies[body_id]

    def spellings(self) -> list[tuple[str, str]]:
        """Every (spelling, body id) pair: canonical names, source spellings and common short forms."""
        pairs = [(b.name, b.id) for b in self.bodies.values()]
        pairs += [(s.text, b.id) for b in self.bodies.values() for s in b.spellings]
        return list(dict.fromkeys(pairs))

    def evidence_problems(self, entries: dict[str, CatalogueEntry], provinces: dict[str, str]) -> list[str]:
        """Spellings, joint cells and repairs whose `where` / `entry` record does not carry the text they quote
        (records of documents that are not among `entries` are not checked: a corpus may hold fewer documents).

        Args:
            entries: the corpus entries by id.
            provinces: document id → province (a cell may add its province to the quoted spelling).
        """
        problems = []
        documents = {e.document_id for e in entries.values()}
        quoted = [(s.where, s.text) for b in self.bodies.values() for s in b.spellings if s.where != COMMON_USE]
        quoted += [(c.where, c.text) for c in self.joint] + [(r.entry, r.written) for r in self.repairs]
        for record_id, text in quoted:
            if record_id.split("/", 1)[0] not in documents:
                continue
            entry = entries.get(record_id)
            if entry is None:
                problems.append(f"agencies.json {record_id} agency: no such entry (quoted for «{text}»)")
            elif cell_key(text) not in (
                cell_key(entry.agency),
                without_province(entry.agency, provinces.get(entry.document_id)),
            ):
                problems.append(f"agencies.json {record_id} agency: the cell reads «{entry.agency}», not «{text}»")
        return problems


@lru_cache(maxsize=4)
def load_registry(path: Path = REGISTRY_FILE) -> Registry:
    """Read and check the registry file.

    Raises:
        CorpusError: the file is missing, not JSON, not in the registry's form, or inconsistent.
    """
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        raw.pop("_about", None)
        data = _RegistryFile.model_validate(raw)
    except (OSError, ValueError, ValidationError) as err:
        raise CorpusError(f"{path.name}: không đọc được sổ cơ quan: {err}") from None
    return Registry(data)


def annotate(parsed: ParsedDocument, registry: Registry | None = None) -> ParsedDocument:
    """The parsed document with each entry's agency resolved (entries the registry does not know stay unresolved,
    for `corpus.validate` to report)."""
    registry = registry or load_registry()
    entries = []
    for entry in parsed.entries:
        found = registry.resolve(entry.agency, entry_id=entry.id, province=parsed.document.province)
        if found is None:
            entries.append(entry)
            continue
        entries.append(
            entry.model_copy(
                update={
                    "agency_id": found.ids[0],
                    "agency_ids": list(found.ids),
                    "agency_name": found.name,
                    "agency_repair": found.repair,
                }
            )
        )
    return parsed.model_copy(update={"entries": entries})
