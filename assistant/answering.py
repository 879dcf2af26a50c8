"""Short Vietnamese answers built from the records' own fields, with `[n]` citation markers.

Nothing here invents text about a database: every fact is a field copied verbatim from the record
(agency, sharing form, purpose …), framed by a fixed Vietnamese sentence. A field the source leaves
empty is reported as empty.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from assistant.citing import Citations
from assistant.lexicon import words
from assistant.question import Field
from corpus.records import CatalogueEntry
from corpus.store import Corpus
from corpus.text import fold_accents

MAX_FIELD_CHARS = 600
# An answer about one database quotes its fields at more length than an answer about several.
SINGLE_ENTRY_FIELD_CHARS = 1500
DEFAULT_FIELDS = (Field.AGENCY, Field.PURPOSE, Field.SHARING)

FIELD_LABELS: dict[Field, str] = {
    Field.AGENCY: "Đơn vị quản lý",
    Field.SHARING: "Hình thức chia sẻ",
    Field.COLLECTION: "Cơ chế thu thập, cập nhật, nguồn dữ liệu",
    Field.PURPOSE: "Mục đích",
    Field.SCOPE: "Phạm vi",
    Field.CONTENT: "Nội dung",
    Field.NOTES: "Ghi chú",
    Field.SECTOR: "Lĩnh vực",
}
EMPTY_FIELD: dict[Field, str] = {
    Field.AGENCY: "không ghi đơn vị quản lý",
    Field.SHARING: "không ghi hình thức chia sẻ",
    Field.COLLECTION: "không ghi cơ chế thu thập, cập nhật",
    Field.PURPOSE: "không ghi mục đích",
    Field.SCOPE: "không ghi phạm vi",
    Field.CONTENT: "không ghi nội dung",
    Field.NOTES: "để trống cột ghi chú",
    Field.SECTOR: "không chia theo lĩnh vực",
}


def shorten(text: str, limit: int = MAX_FIELD_CHARS) -> str:
    """The text, cut at a line or word boundary with '…' when longer than the limit."""
    text = text.strip()
    if len(text) <= limit:
        return text
    cut = text[:limit]
    boundary = max(cut.rfind("\n"), cut.rfind("; "), cut.rfind(". "))
    if boundary < limit // 2:
        boundary = cut.rfind(" ")
    return cut[: max(boundary, 1)].rstrip(" ;,.") + " …"


def scope_is_merged(corpus: Corpus, entry: CatalogueEntry) -> bool:
    """True when the document has no separate scope column (Quảng Ninh: 'Phạm vi, nội dung chính')."""
    return entry.scope is None and not any(e.scope for e in corpus.entries(document=entry.document_id))


def field_value(entry: CatalogueEntry, fld: Field) -> str | None:
    """The verbatim text of one field of an entry (None where the source cell is empty)."""
    if fld is Field.SECTOR:
        parts = [p for p in (entry.sector, entry.group_title) if p]
        return "; ".join(parts) or None
    value: str | None = getattr(entry, fld.value)
    return value


def excerpt(text: str, focus: Sequence[str], limit: int = MAX_FIELD_CHARS) -> str:
    """A long field cut down to its first line and the lines that mention the focus words (verbatim lines)."""
    if len(text) <= limit or not focus:
        return shorten(text, limit)
    wanted = {fold_accents(w).lower() for w in focus}
    lines = [line for line in re.split(r"\n|(?<=;) |(?<=\.) (?=[A-ZĐ-])", text) if line.strip()]
    picked = [lines[0]] + [line for line in lines[1:] if wanted & set(words(line))]
    if len(picked) == 1:
        return shorten(text, limit)
    out = "\n".join(picked)
    return shorten(out, limit) if len(out) > limit else out + " …"


def field_sentence(
    corpus: Corpus, entry: CatalogueEntry, fld: Field, focus: Sequence[str] = (), limit: int = MAX_FIELD_CHARS
) -> tuple[str, str]:
    """(sentence, quote) for one field; the sentence quotes the field verbatim or says it is empty."""
    merged = fld in (Field.SCOPE, Field.CONTENT) and scope_is_merged(corpus, entry)
    if merged and entry.content:
        label = "Phạm vi, nội dung chính (danh mục ghi chung một cột)"
        return f"{label}: {excerpt(entry.content, focus, limit)}", entry.content
    value = field_value(entry, fld)
    if not value and not any(field_value(e, fld) for e in corpus.entries(document=entry.document_id)):
        # No row of the catalogue fills it: the table has no such column, which is not a blank cell of this row.
        province = corpus.document(entry.document_id).province
        return f"Danh mục của {province} không có cột {FIELD_LABELS[fld].lower()}.", ""
    if not value:
        return f"Danh mục {EMPTY_FIELD[fld]} cho CSDL này.", ""
    if fld is Field.SECTOR:
        # The sentence joins sector and group with "; "; the quote keeps them as the two values they are.
        quote = "\n".join(p for p in (entry.sector, entry.group_title) if p)
        return f"{FIELD_LABELS[fld]}: {_closed(value)}", quote
    if fld is Field.AGENCY:
        return f"Đơn vị quản lý: {value}.", value
    text = excerpt(value, focus, limit)
    if "\n" in text:
        return f"{FIELD_LABELS[fld]}:\n{text}", value
    return f"{FIELD_LABELS[fld]}: {_closed(text)}", value


def _closed(text: str) -> str:
    """The text ended with one full stop — unless the source ends it with an ellipsis ("…", "..."), which says
    the list goes on and is kept as written."""
    if text.endswith(("...", "…")):
        return text
    return f"{text.rstrip('.')}."


def entry_block(
    corpus: Corpus,
    cites: Citations,
    entry: CatalogueEntry,
    fields: Sequence[Field],
    *,
    score: float,
    label_province: bool,
    focus: Sequence[str] = (),
    limit: int = MAX_FIELD_CHARS,
) -> str:
    """The answer about one entry: its name, then one sentence per asked field, each with its marker."""
    doc = corpus.document(entry.document_id)
    sentences = [field_sentence(corpus, entry, f, focus, limit) for f in fields]
    quote = "\n".join(q for _, q in sentences if q) or entry.name
    marker = cites.cite(entry, quote, score)
    head = f"{doc.province}: " if label_province else f"Theo danh mục của {doc.province}, "
    lines = [f"{head}«{entry.name}» (STT {_stt(entry)}) {marker}."]
    for sentence, _ in sentences:
        lines.append(f"{sentence} {marker}" if not sentence.endswith("\n") else sentence)
    return "\n".join(lines)


def _stt(entry: CatalogueEntry) -> str:
    return f"{entry.group}-{entry.number}" if entry.group else str(entry.number)


def entry_line(
    cites: Citations, entry: CatalogueEntry, *, score: float = 1.0, with_agency: bool = True, with_notes: bool = False
) -> str:
    """One line of a list: '- Name (Agency) [n]', with ' — ghi chú: …' when the list is selected by what the notes
    column says (the quote: the name, the agency and the notes, one per line)."""
    notes = " ".join((entry.notes or "").split()) if with_notes else ""
    marker = cites.cite(entry, "\n".join(x for x in (entry.name, entry.agency, notes) if x), score)
    agency = f" ({entry.agency})" if with_agency else ""
    said = f" — ghi chú: {notes}" if notes else ""
    return f"- {entry.name}{agency}{said} {marker}"


def describe_filters(*, agency: str | None, sector: str | None, group_title: str | None, mode: str | None) -> str:
    """' do Sở Y tế quản lý, thuộc hạng mục dữ liệu mở' — the filters of a list in words."""
    parts = []
    if agency:
        parts.append(f"do {agency} quản lý")
    if sector:
        parts.append(f"thuộc {sector}")
    if group_title:
        parts.append(f"thuộc {group_title}")
    if mode == "mở":
        parts.append("thuộc hạng mục dữ liệu mở")
    elif mode:
        parts.append(f"chia sẻ theo hình thức {mode}")
    return (" " + ", ".join(parts)) if parts else ""


def format_date(iso: str | None) -> str | None:
    """'2022-07-12' → '12/7/2022'; '2022-03' → 'tháng 3/2022 (ngày để trống)'; '2026' → 'năm 2026 (…)'."""
    if not iso:
        return None
    parts = iso.split("-")
    if len(parts) == 3:
        return f"{int(parts[2])}/{int(parts[1])}/{parts[0]}"
    if len(parts) == 2:
        return f"tháng {int(parts[1])}/{parts[0]} (ngày để trống trong văn bản)"
    return f"năm {parts[0]} (ngày, tháng để trống trong văn bản)"
