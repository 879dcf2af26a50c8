"""Canonical records of the corpus: documents, catalogue entries and decision clauses (CONTRACT.md §2)."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict, Field


class SharingMode(StrEnum):
    """Normalised sharing form of a catalogue entry (Decree 47/2020/NĐ-CP, Art. 11)."""

    DEFAULT = "mặc định"
    SPECIFIC = "đặc thù"
    OPEN = "mở"


class _Record(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Document(_Record):
    """One decision of a province's People's Committee with its catalogue."""

    id: str = Field(examples=["ha-tinh-2022"])
    province: str = Field(examples=["Hà Tĩnh"])
    number: str | None = Field(default=None, examples=["1402/QĐ-UBND"])
    date: str | None = Field(default=None, examples=["2022-07-12"])
    title: str
    issuer: str | None = None
    signer: str | None = None
    signer_title: str | None = None
    legal_bases: list[str] = Field(default_factory=list)
    replaces: str | None = None
    proposal: str | None = Field(
        default=None,
        examples=["Theo đề nghị của Sở Khoa học và Công nghệ tại Tờ trình số 2158/TTr-KHCN ngày 18/5/2026"],
    )
    source_file: str
    # Where the source shows each fact of the decision (a blank number or date: the line that leaves it blank).
    fact_lines: dict[str, tuple[int, int]] = Field(
        default_factory=dict,
        description="Tên trường → (dòng đầu, dòng cuối) trong tệp nguồn, đánh số từ 1",
        examples=[{"number": [46, 46], "signer": [34, 40], "legal_bases": [4, 9]}],
    )


class CatalogueEntry(_Record):
    """One row of a catalogue table: a shared database and its managing agency."""

    id: str = Field(examples=["ha-tinh-2022/29", "quang-ninh-2026/A-29"])
    document_id: str
    group: str | None = None
    group_title: str | None = None
    sector: str | None = None
    number: int
    name: str
    agency: str = Field(description="the «Cơ quan quản lý» cell as written")
    # Added by corpus.agencies from corpus/agencies.json (CONTRACT change, docs/CONTRACT-changes.md): the body the
    # cell names (a joint cell: every body, the lead first), its canonical name, and a repaired cell's evidence.
    agency_id: str | None = Field(default=None, examples=["so-tai-nguyen-va-moi-truong"])
    agency_ids: list[str] = Field(default_factory=list)
    agency_name: str | None = Field(default=None, examples=["Sở Tài nguyên và Môi trường"])
    agency_repair: str | None = None
    purpose: str | None = None
    scope: str | None = None
    content: str | None = None
    collection: str | None = None
    sharing: str | None = None
    sharing_modes: list[SharingMode] = Field(default_factory=list)
    notes: str | None = None
    source_lines: tuple[int, int]


class DecisionClause(_Record):
    """An article, clause or point of the decision's body (Điều 1, Điều 2.1.a …)."""

    id: str = Field(examples=["ha-tinh-2022/dieu-2.1.a"])
    document_id: str
    article: int
    clause: int | None = None
    point: str | None = None
    heading: str | None = None
    text: str
    source_lines: tuple[int, int] | None = Field(
        default=None, description="Dòng đầu và dòng cuối của điều khoản trong tệp nguồn (đánh số từ 1)"
    )


class DeclaredCount(_Record):
    """A count the source itself declares, e.g. "I LĨNH VỰC NỘI VỤ: 15 CSDL", for validation."""

    group: str | None = None
    sector: str | None = None
    count: int
    line: int


class ParsedDocument(_Record):
    """What a parser returns: the document, all its records and the counts the source declares."""

    document: Document
    entries: list[CatalogueEntry]
    clauses: list[DecisionClause]
    declared_counts: list[DeclaredCount] = Field(default_factory=list)
    # The raw source lines as they stand (no line ends); line n of the file is lines[n - 1].
    lines: list[str] = Field(default_factory=list)
