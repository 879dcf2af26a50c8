"""Request and response bodies of the HTTP API (CONTRACT.md §3), with Vietnamese OpenAPI examples."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from assistant.answer import AnswerStatus, Citation
from corpus.records import CatalogueEntry, DecisionClause, Document

MAX_QUESTION_CHARS = 1000
MAX_SEARCH_K = 50
# Session ids are minted by the assistant; a client only echoes them back.
SESSION_ID_PATTERN = r"^[A-Za-z0-9._:-]{1,128}$"


class AskRequest(BaseModel):
    """A question, optionally continuing a conversation or restricted to one document."""

    model_config = ConfigDict(
        extra="ignore",
        json_schema_extra={
            "examples": [
                {"question": "Cơ quan nào quản lý CSDL về đất đai của tỉnh Hà Tĩnh?", "session_id": None},
                {"question": "Nó được chia sẻ theo hình thức nào?", "session_id": "a1b2c3d4"},
                {"question": "Hải Dương có những CSDL dùng chung nào về y tế?", "document": "hai-duong-2022"},
            ]
        },
    )

    question: str = Field(min_length=1, max_length=MAX_QUESTION_CHARS, description="Câu hỏi tiếng Việt")
    session_id: str | None = Field(default=None, pattern=SESSION_ID_PATTERN, description="Mã cuộc trò chuyện")
    document: str | None = Field(default=None, max_length=100, description="Chỉ hỏi trong một văn bản")

    @field_validator("question")
    @classmethod
    def _not_blank(cls, value: str) -> str:
        if not value.strip():
            raise ValueError("blank question")
        return value


class AskResponse(BaseModel):
    """The assistant's answer: `[n]` in `answer` points at the n-th citation."""

    model_config = ConfigDict(
        json_schema_extra={
            "examples": [
                {
                    "status": "answered",
                    "answer": "CSDL về đất đai của tỉnh Hà Tĩnh do Sở Tài nguyên và Môi trường quản lý [1].",
                    "citations": [
                        {
                            "id": "ha-tinh-2022/29",
                            "kind": "entry",
                            "title": "CSDL về đất đai",
                            "document_id": "ha-tinh-2022",
                            "document_title": "Danh mục cơ sở dữ liệu dùng chung tỉnh Hà Tĩnh",
                            "province": "Hà Tĩnh",
                            "quote": "Sở Tài nguyên và Môi trường",
                            "score": 0.91,
                        }
                    ],
                    "session_id": "a1b2c3d4",
                }
            ]
        }
    )

    status: AnswerStatus
    answer: str
    citations: list[Citation]
    session_id: str


class SearchResult(BaseModel):
    """One ranked entry or clause."""

    id: str = Field(examples=["ha-tinh-2022/29"])
    kind: Literal["entry", "clause"]
    title: str = Field(examples=["CSDL về đất đai"])
    document_id: str = Field(examples=["ha-tinh-2022"])
    score: float
    snippet: str = Field(examples=["Sở Tài nguyên và Môi trường — phục vụ quản lý về sử dụng đất trên địa bàn tỉnh."])


class SearchResponse(BaseModel):
    results: list[SearchResult]


class FacetValue(BaseModel):
    """One value of a facet and how many entries carry it (with the other filters applied)."""

    value: str = Field(examples=["ha-tinh-2022"])
    label: str = Field(examples=["Hà Tĩnh"])
    count: int


class Facets(BaseModel):
    """Counts per document, agency, sector and sharing mode, for the lookup page."""

    document: list[FacetValue]
    agency: list[FacetValue]
    sector: list[FacetValue]
    sharing_mode: list[FacetValue]


class EntryList(BaseModel):
    """Entries matching every given filter, in source order."""

    entries: list[CatalogueEntry]
    total: int
    facets: Facets


class DocumentSummary(Document):
    """A document with the number of its catalogue entries and decision clauses."""

    entry_count: int
    clause_count: int


class DocumentList(BaseModel):
    documents: list[DocumentSummary]


class DocumentDetail(DocumentSummary):
    """A document, its counts and the clauses of its decision."""

    clauses: list[DecisionClause]


class EntryBrief(BaseModel):
    """Enough of an entry to list it and link to it."""

    id: str = Field(examples=["ha-tinh-2022/31"])
    name: str = Field(examples=["CSDL về lý lịch tư pháp"])


class EntryRecord(CatalogueEntry):
    """A catalogue entry with its decision and the other databases of its agency."""

    kind: Literal["entry"] = "entry"
    document: DocumentSummary
    same_agency: list[EntryBrief]


class ClauseRecord(DecisionClause):
    """A decision clause with its decision."""

    kind: Literal["clause"] = "clause"
    document: DocumentSummary


class Health(BaseModel):
    """What the service serves."""

    status: Literal["ok"] = "ok"
    documents: int
    entries: int
    clauses: int
    embedder: str = Field(examples=["multilingual-e5-small"])
    query_cache: dict[str, int] | None = Field(
        None,
        description="Query-embedding cache of the process that answered: hits, misses, size, max_size (null: none)",
        examples=[{"hits": 12, "misses": 40, "size": 40, "max_size": 4096}],
    )


class ErrorBody(BaseModel):
    """Every error answer: a Vietnamese sentence."""

    detail: str = Field(examples=["Câu hỏi không được để trống."])
