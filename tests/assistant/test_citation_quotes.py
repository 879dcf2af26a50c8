"""A citation is a promise that the opened record says what the answer says: every quote holds only text of the
record it cites — an entry's field values, a clause's text, a decision's own source lines — never a label or a
sentence the product wrote. Checked over every answer that every gold conversation produces (the gold files are
only inputs here: no rule or expectation comes from their questions), and for each fact of each decision."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant import Assistant
from assistant.answer import Citation
from assistant.cues import Meta
from assistant.lexicon import fold
from assistant.plan import Plan
from assistant.responder import Responder
from corpus.positions import line_key
from corpus.store import Corpus
from eval.gold import load_gold

GOLD_DIR = Path(__file__).resolve().parents[2] / "eval" / "gold"
GOLD_FILES = [GOLD_DIR / "dev.jsonl", GOLD_DIR / "test.jsonl", *sorted((GOLD_DIR / "blind").glob("*.jsonl"))]
ENTRY_FIELDS = (
    "name",
    "agency",
    "group_title",
    "sector",
    "purpose",
    "scope",
    "content",
    "collection",
    "sharing",
    "notes",
)


def quote_problems(corpus: Corpus, citation: Citation) -> list[str]:
    """What in a citation is not text of the record it cites (an empty list when the quote is sound)."""
    lines = [line for line in citation.quote.split("\n") if line.strip()]
    if not lines:
        return [f"{citation.id}: empty quote"]
    if citation.kind == "document":
        source = corpus.source_lines(citation.id)
        held = {source[n - 1].strip() for a, b in citation.source_lines for n in range(a, b + 1)}
        return [
            f"{citation.id}: «{line}» is not one of lines {citation.source_lines}" for line in lines if line not in held
        ]
    if citation.kind == "entry":
        entry = corpus.entry(citation.id)
        values = [v for v in (getattr(entry, f) for f in ENTRY_FIELDS) if v]
        where = [entry.source_lines]
    else:
        clause = corpus.clause(citation.id)
        values, where = [clause.text], [clause.source_lines]
    problems = [
        f"{citation.id}: «{line}» is in no field of the record" for line in lines if not any(line in v for v in values)
    ]
    if [tuple(s) for s in citation.source_lines] != where:
        problems.append(f"{citation.id}: source_lines {citation.source_lines}, the record stands on {where}")
    return problems


def conversation_problems(assistant: Assistant, path: Path) -> list[str]:
    """Run every conversation of a gold file and collect the quote problems of every citation of every answer."""
    problems = []
    for item in load_gold(path):
        session = None
        for turn in item.turns:
            answer = assistant.ask(turn.q, session_id=session)
            session = answer.session_id
            problems += [
                f"{item.id} «{turn.q}»: {p}" for c in answer.citations for p in quote_problems(assistant.corpus, c)
            ]
    return problems


@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_every_quote_of_every_gold_answer_is_text_of_the_cited_record(assistant: Assistant, path: Path) -> None:
    assert conversation_problems(assistant, path) == []


@pytest.fixture(scope="module")
def hybrid(sources_dir: Path, tmp_path_factory: pytest.TempPathFactory) -> Assistant:
    from assistant.runtime import open_assistant

    return open_assistant(
        sources_dir=sources_dir, data_dir=tmp_path_factory.mktemp("data"), embedder="multilingual-e5-small",
        retriever="hybrid", sessions_db=None,
    )  # fmt: skip


@pytest.mark.slow
@pytest.mark.parametrize("path", GOLD_FILES, ids=[p.stem for p in GOLD_FILES])
def test_every_quote_is_record_text_in_the_served_configuration(hybrid: Assistant, path: Path) -> None:
    assert conversation_problems(hybrid, path) == []


def _fact_keys(corpus: Corpus, doc_id: str, meta: Meta) -> list[str]:
    """The strings a quote must hold for one fact: what the Document record says, as the source may wrap it."""
    doc = corpus.document(doc_id)
    date = doc.date or ""
    return {
        Meta.NUMBER: [doc.number or "/QĐ-UBND"],
        Meta.DATE: ["/".join(str(int(p)) if p.isdigit() else p for p in reversed(date.split("-")))],
        Meta.SIGNER: [doc.signer or "", *(doc.signer_title or "").split(", ")],
        Meta.LEGAL_BASES: list(doc.legal_bases),
        Meta.PROPOSER: [doc.proposal or ""],
        Meta.ISSUER: [doc.issuer or ""],
        Meta.TITLE: [doc.title],
    }[meta]


DOCUMENT_FACTS = [Meta.NUMBER, Meta.DATE, Meta.SIGNER, Meta.LEGAL_BASES, Meta.PROPOSER, Meta.ISSUER, Meta.TITLE]
DOCUMENTS = ["ha-tinh-2022", "hai-duong-2022", "quang-ninh-2026"]


@pytest.mark.parametrize("meta", DOCUMENT_FACTS, ids=[m.value for m in DOCUMENT_FACTS])
@pytest.mark.parametrize("doc_id", DOCUMENTS)
def test_decision_fact_cites_the_document_with_source_lines_that_hold_it(
    assistant: Assistant, doc_id: str, meta: Meta
) -> None:
    reply = Responder(assistant.index).respond(Plan("meta", documents=[doc_id], meta=[meta]))
    (citation,) = reply.cites.items
    assert (citation.kind, citation.id) == ("document", doc_id)
    assert quote_problems(assistant.corpus, citation) == []
    quote = line_key(citation.quote)
    missing = [k for k in _fact_keys(assistant.corpus, doc_id, meta) if line_key(k) not in quote]
    assert missing == [], citation.quote
    assert "[1]" in reply.text


def test_a_date_year_only_is_held_by_its_line(assistant: Assistant) -> None:
    reply = Responder(assistant.index).respond(Plan("meta", documents=["quang-ninh-2026"], meta=[Meta.DATE]))
    assert reply.cites.items[0].quote == "Số: /QĐ-UBND Quảng Ninh, ngày tháng năm 2026"
    assert "năm 2026 (ngày, tháng để trống trong văn bản)" in reply.text


def test_several_facts_of_one_decision_share_one_citation_holding_each_of_their_lines(assistant: Assistant) -> None:
    plan = Plan("meta", documents=["ha-tinh-2022"], meta=[Meta.NUMBER, Meta.DATE, Meta.SIGNER])
    reply = Responder(assistant.index).respond(plan)
    (citation,) = reply.cites.items
    assert citation.source_lines == [(34, 40), (46, 46)]
    assert citation.quote == (
        "KT. CHỦ TỊCH\nPHÓ CHỦ TỊCH\nLê Ngọc Châu\n"
        "(Kèm theo Quyết định số 1402/QĐ-UBND ngày 12/7/2022 của Chủ tịch UBND tỉnh)"
    )
    assert reply.text.count("[1]") == 3


def test_signer_question_is_answered_with_the_signature_lines(assistant: Assistant) -> None:
    answer = assistant.ask("Quyết định của tỉnh Quảng Ninh do ai ký?")
    first = answer.citations[0]
    assert (first.kind, first.id) == ("document", "quang-ninh-2026")
    assert "Nguyễn Văn Công" in answer.text
    assert first.quote.splitlines()[-1] == "Nguyễn Văn Công"


def test_list_line_quotes_name_and_agency_as_two_values(assistant: Assistant) -> None:
    reply = Responder(assistant.index).respond(
        Plan("list", documents=["ha-tinh-2022"], agency=fold("Sở Kế hoạch và Đầu tư"))
    )
    assert len(reply.cites.items) == 5
    for citation in reply.cites.items:
        entry = assistant.corpus.entry(citation.id)
        assert citation.quote == f"{entry.name}\n{entry.agency}"


def test_long_count_lists_one_line_per_entry_each_with_its_marker(assistant: Assistant) -> None:
    reply = Responder(assistant.index).respond(Plan("count", documents=["quang-ninh-2026"]))
    lines = reply.text.split("\n")
    assert lines[0] == "Danh mục của Quảng Ninh có 44 CSDL:"
    assert len(lines) == 45 and all(
        line.startswith("- ") and line.endswith(f"[{n}]") for n, line in enumerate(lines[1:], 1)
    )
