"""Request and response bodies of the HTTP API (CONTRACT.md §3), with Vietnamese OpenAPI examples."""

from __future__ import annotations

from enum import StrEnum
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from assistant.answer import AnswerStatus, Citation
from corpus.records import CatalogueEntry, DecisionClause, Document
from corpus.sectors import SectorSource

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
                            "source_lines": [[311, 318]],
                        }
                    ],
                    "session_id": "a1b2c3d4",
                },
                {
                    "status": "answered",
                    "answer": "Quyết định ban hành danh mục của Hà Tĩnh:\n"
                    "- Người ký: KT. Chủ tịch, Phó Chủ tịch Lê Ngọc Châu [1]",
                    "citations": [
                        {
                            "id": "ha-tinh-2022",
                            "kind": "document",
                            "title": "Quyết định số 1402/QĐ-UBND",
                            "document_id": "ha-tinh-2022",
                            "document_title": "Ban hành Danh mục cơ sở dữ liệu dùng chung tỉnh Hà Tĩnh",
                            "province": "Hà Tĩnh",
                            "quote": "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Ngọc Châu",
                            "score": 1.0,
                            "source_lines": [[34, 40]],
                        }
                    ],
                    "session_id": "a1b2c3d4",
                },
            ]
        }
    )

    status: AnswerStatus
    answer: str
    citations: list[Citation]
    session_id: str
    session_restarted: bool = Field(
        default=False,
        description="true khi session_id gửi lên không còn (hết hạn hoặc không có): câu trả lời mở cuộc trò chuyện mới",
    )


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


class SortOrder(StrEnum):
    """Order of `GET /api/entries`: relevance to `q` (source order without `q`), by STT, or by agency."""

    RELEVANCE = "relevance"
    STT = "stt"
    AGENCY = "agency"


class ListedEntry(CatalogueEntry):
    """A catalogue entry (every CONTRACT §2 field) with what the look-up adds: province, sector label, score."""

    province: str = Field(examples=["Hà Tĩnh"])
    sector_label: str | None = Field(
        default=None,
        description="Lĩnh vực dùng để lọc: theo danh mục, hoặc suy ra từ cơ quan quản lý",
        examples=["Y tế"],
    )
    sector_source: SectorSource | None = Field(
        default=None, description="'source': danh mục ghi lĩnh vực; 'derived': suy ra từ tên cơ quan quản lý"
    )
    score: float | None = Field(
        default=None, description="Điểm phù hợp với q (cao hơn là phù hợp hơn); null khi không có q"
    )


class FacetValue(BaseModel):
    """One value of a facet and how many entries carry it (with the other filters applied)."""

    value: str = Field(examples=["ha-tinh-2022"])
    label: str = Field(examples=["Hà Tĩnh"])
    count: int
    derived: int = Field(default=0, description="Bao nhiêu trong số đó có lĩnh vực suy ra từ cơ quan quản lý")


class Facets(BaseModel):
    """Counts per document, agency, sector and sharing mode over the result set, for the lookup page."""

    document: list[FacetValue]
    agency: list[FacetValue]
    sector: list[FacetValue]
    sharing_mode: list[FacetValue]
    sector_missing: int = Field(default=0, description="Số CSDL (dưới các bộ lọc khác) không xác định được lĩnh vực")


class EntryList(BaseModel):
    """Entries matching `q` and every given filter, in the order `sort` names."""

    entries: list[ListedEntry]
    total: int
    facets: Facets
    sort: SortOrder = SortOrder.RELEVANCE


class DocumentSummary(Document):
    """A document with the number of its catalogue entries and decision clauses."""

    entry_count: int
    clause_count: int
    sector_column: bool = Field(
        default=False, description="Danh mục có ghi lĩnh vực cho từng CSDL (nếu không, lĩnh vực được suy ra)"
    )


class DocumentList(BaseModel):
    documents: list[DocumentSummary]


class DocumentDetail(DocumentSummary):
    """A document, its counts and the clauses of its decision."""

    clauses: list[DecisionClause]


class SourceLine(BaseModel):
    """One line of a decision's source file, as it stands (tabs and spacing kept, no line end)."""

    number: int = Field(examples=[40], description="Số dòng, đánh số từ 1")
    text: str = Field(examples=["Lê Ngọc Châu"])


class DocumentText(BaseModel):
    """Lines `from`–`to` of a decision's source file (`corpus/sources/<id>.txt`)."""

    document_id: str = Field(examples=["ha-tinh-2022"])
    source_file: str = Field(examples=["ha-tinh-2022.txt"])
    total_lines: int = Field(examples=[371], description="Số dòng của cả văn bản")
    # Sent as "from" and "to", the names of the query parameters ("from" is a Python keyword).
    from_line: int = Field(serialization_alias="from", examples=[34])
    to_line: int = Field(serialization_alias="to", examples=[40])
    lines: list[SourceLine]


class EntryBrief(BaseModel):
    """Enough of an entry to list it and link to it."""

    id: str = Field(examples=["ha-tinh-2022/31"])
    name: str = Field(examples=["CSDL về lý lịch tư pháp"])


class EntryRecord(CatalogueEntry):
    """A catalogue entry with its decision and the other databases of its agency."""

    kind: Literal["entry"] = "entry"
    document: DocumentSummary
    same_agency: list[EntryBrief]
    sector_label: str | None = None
    sector_source: SectorSource | None = None


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
