"""Answer lines about a decision itself (number, date, signer, legal bases …), each citing where the decision says it.

Facts the `Document` record holds are cited to the document (`Citations.cite_document`): the quote is the source
line(s) that state the fact, found by `corpus.positions` — "Lê Ngọc Châu" cites the signature lines, not Điều 1.
What a clause says (what the decision replaces, when it takes effect) is cited to that clause with its sentence.
"""

from __future__ import annotations

import re

from assistant.answering import format_date
from assistant.citing import Citations
from assistant.cues import Meta
from corpus.records import DecisionClause
from corpus.store import Corpus

# What the records hold of a decision is its number, date, title, issuer, signer, legal bases and articles.
MISSING_META = "Phần đã trích từ quyết định không có nội dung này."


class DecisionFacts:
    """Writes one line per asked fact of a decision, with its citation marker."""

    def __init__(self, corpus: Corpus) -> None:
        self.corpus = corpus

    def clause_with(self, doc: str, phrase: str) -> DecisionClause | None:
        """The most specific clause of the document whose text contains the phrase (case-insensitive)."""
        hits = [c for c in self.corpus.clauses(document=doc) if phrase.lower() in c.text.lower()]
        hits.sort(key=lambda c: -c.id.count("."))
        return hits[0] if hits else None

    def first_clause(self, doc: str) -> DecisionClause | None:
        clauses = self.corpus.clauses(document=doc)
        return clauses[0] if clauses else None

    def line(self, doc_id: str, meta: Meta, cites: Citations) -> str:
        """The answer line for one fact of one decision (MISSING_META when the decision does not state it)."""
        doc = self.corpus.document(doc_id)
        anchor = self.first_clause(doc_id)
        if meta is Meta.REPLACES:
            clause = self.clause_with(doc_id, "thay thế")
            if clause is None or not doc.replaces:
                marker = cites.cite(anchor, anchor.text) if anchor else ""
                return f"Quyết định không ghi việc thay thế quyết định nào {marker}".rstrip()
            sentence = sentence_with(clause.text, "thay thế")
            return f"Thay thế {doc.replaces}: «{sentence}» {cites.cite(clause, sentence)}"
        if meta is Meta.EFFECTIVE:
            clause = self.clause_with(doc_id, "hiệu lực")
            if clause is None:
                return "Quyết định không ghi thời điểm có hiệu lực."
            # The article that gives the date of effect also says who implements the decision ("Chánh Văn phòng …
            # chịu trách nhiệm thi hành"): both are asked together, so the article is quoted whole.
            article = re.sub(r"^Điều \d+\.\s*", "", clause.text.strip())
            return f"Hiệu lực: «{article}» {cites.cite(clause, article)}"
        if anchor is None:
            return "Không có thông tin."
        if meta is Meta.NUMBER:
            text = (
                f"Số quyết định: {doc.number}"
                if doc.number
                else "Số quyết định để trống trong văn bản nguồn (chỉ ghi “/QĐ-UBND”)"
            )
            return f"{text} {cites.cite_document(doc, 'number')}".rstrip()
        if meta is Meta.DATE:
            date = format_date(doc.date)
            text = f"Ngày ban hành: {date}" if date else "Ngày ban hành để trống trong văn bản nguồn"
            return f"{text} {cites.cite_document(doc, 'date') or cites.cite_document(doc, 'number')}".rstrip()
        if meta is Meta.SIGNER:
            if not doc.signer:
                return f"Văn bản nguồn không ghi người ký {cites.cite(anchor, anchor.text)}"
            text = f"{doc.signer_title or ''} {doc.signer}".strip()
            return f"Người ký: {text} {cites.cite_document(doc, 'signer')}".rstrip()
        if meta is Meta.ISSUER:
            if not doc.issuer:
                return f"Cơ quan ban hành: không ghi {cites.cite(anchor, anchor.text)}"
            return f"Cơ quan ban hành: {doc.issuer} {cites.cite_document(doc, 'issuer')}".rstrip()
        if meta is Meta.TITLE:
            return f"Trích yếu: {doc.title} {cites.cite_document(doc, 'title')}".rstrip()
        if meta is Meta.PROPOSER:
            if not doc.proposal:
                return MISSING_META
            return f"{doc.proposal}. {cites.cite_document(doc, 'proposal')}".rstrip()
        bases = list(doc.legal_bases)
        if not bases:
            return MISSING_META
        marker = cites.cite_document(doc, "legal_bases")
        return "Căn cứ ban hành:\n" + "\n".join(f"  + {b}" for b in bases) + f" {marker}".rstrip()


def sentence_with(text: str, phrase: str) -> str:
    """The sentence of a clause that contains the phrase ('Quyết định này có hiệu lực …')."""
    for sentence in re.split(r"(?<=[.;])\s+|\n", text):
        if phrase.lower() in sentence.lower():
            return re.sub(r"^Điều \d+\.\s*", "", sentence.strip())
    return text.strip()
