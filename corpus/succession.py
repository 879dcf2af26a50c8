"""Who took over a body's or a province's duties after 2025 (`corpus/succession.json` + the vietnamadminunits data).

Department rows come from the data file, each with its legal basis (Nghị định 45/2025/NĐ-CP). Province mergers
are not typed by hand: they are read from the maintained `vietnamadminunits` package (its public
`database.get_data` over the 63 former provinces and `convert_address` to the 34 provinces of 2025); the data
file gives their legal basis (Nghị quyết 202/2025/QH15) and the day the merged provinces began to operate.

Example:
    >>> province_units()["hai duong"].name
    'Thành phố Hải Phòng'
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from corpus.agencies import Registry
from corpus.errors import CorpusError
from corpus.text import fold_key

SUCCESSION_FILE = Path(__file__).resolve().parent / "succession.json"


class _Row(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid", populate_by_name=True)


class LegalBasis(_Row):
    """An act: `name` as answers cite it ("Nghị định 45/2025/NĐ-CP"), its title and dates (ISO)."""

    id: str
    name: str
    title: str
    issued: str
    effective: str


class Successor(_Row):
    """A body that received a former body's duties (all of them when `duties` is None)."""

    body: str
    duties: str | None = None


class DepartmentSuccession(_Row):
    """A body that ceased to exist and the bodies its duties went to."""

    from_: str = Field(alias="from")
    to: list[Successor]
    basis: str
    effective: str
    evidence: str

    @property
    def split(self) -> bool:
        """True when the duties were divided among several bodies (answers then name every candidate)."""
        return len(self.to) > 1


class ProvinceRule(_Row):
    """Where province mergers come from, and their legal basis and day of effect."""

    source: str
    basis: str
    effective: str
    evidence: str


class _SuccessionFile(_Row):
    legal_bases: list[LegalBasis]
    departments: list[DepartmentSuccession]
    provinces: ProvinceRule


class Succession:
    """Department successions by former body, and the province rule, with their legal bases."""

    def __init__(self, data: _SuccessionFile) -> None:
        self.bases = {b.id: b for b in data.legal_bases}
        self.departments = {d.from_: d for d in data.departments}
        self.provinces = data.provinces

    def of(self, body_id: str) -> DepartmentSuccession | None:
        """The succession of a former body, or None for a body that still exists."""
        return self.departments.get(body_id)

    def predecessors(self, body_id: str) -> list[DepartmentSuccession]:
        """The successions whose duties (all or some) went to this body, in file order."""
        return [d for d in self.departments.values() if any(s.body == body_id for s in d.to)]

    def basis(self, basis_id: str) -> LegalBasis:
        return self.bases[basis_id]

    def problems(self, registry: Registry) -> list[str]:
        """Rows naming a body the registry does not know or a legal basis the file does not define."""
        out = []
        for d in self.departments.values():
            for body in [d.from_, *(s.body for s in d.to)]:
                if body not in registry.bodies:
                    out.append(f"succession.json {d.from_} body: {body} is not in corpus/agencies.json")
            if d.basis not in self.bases:
                out.append(f"succession.json {d.from_} basis: {d.basis} is not in legal_bases")
        if self.provinces.basis not in self.bases:
            out.append(f"succession.json provinces basis: {self.provinces.basis} is not in legal_bases")
        return out


@lru_cache(maxsize=4)
def load_succession(path: Path = SUCCESSION_FILE) -> Succession:
    """Read the succession file.

    Raises:
        CorpusError: the file is missing, not JSON or not in the file's form.
    """
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
        raw.pop("_about", None)
        return Succession(_SuccessionFile.model_validate(raw))
    except (OSError, ValueError, ValidationError) as err:
        raise CorpusError(f"{path.name}: không đọc được dữ liệu kế thừa: {err}") from None


@dataclass(frozen=True)
class ProvinceUnit:
    """A province of 2025 and the former provinces it was formed from (short names, e.g. "Hải Dương")."""

    name: str  # "Thành phố Hải Phòng"
    short: str  # "Hải Phòng"
    members: tuple[str, ...]  # ("Hải Dương", "Hải Phòng")
    member_names: tuple[str, ...]  # ("Tỉnh Hải Dương", "Thành phố Hải Phòng")

    @property
    def merged(self) -> bool:
        return len(self.members) > 1


@lru_cache(maxsize=1)
def province_units() -> dict[str, ProvinceUnit]:
    """The 2025 province of every former province and of every 2025 province, keyed by its folded short name
    ("hai duong", "hai phong").

    Raises:
        CorpusError: the vietnamadminunits package is missing or its data cannot be read.
    """
    try:  # Imported here: the package loads its whole dataset on import (≈0.3 s), which only this needs.
        from vietnamadminunits import convert_address
        from vietnamadminunits.database import get_data
    except ImportError as err:
        raise CorpusError(f"thiếu gói vietnamadminunits (dữ liệu đơn vị hành chính 2025): {err}") from None
    members: dict[tuple[str, str], list[tuple[str, str]]] = {}
    for row in get_data(fields=["province", "provinceShort"], table="admin_units_legacy"):
        unit = convert_address(row["province"])
        members.setdefault((unit.province, unit.short_province), []).append((row["provinceShort"], row["province"]))
    units: dict[str, ProvinceUnit] = {}
    for (name, short), rows in members.items():
        former = tuple(short_name for short_name, _ in rows)
        unit = ProvinceUnit(name=name, short=short, members=former, member_names=tuple(full for _, full in rows))
        units[fold_key(short)] = unit
        for member in former:
            units.setdefault(fold_key(member), unit)
    return units
