"""`Assistant.ask`: the one door through which the API, the CLI and the evaluation ask questions."""

from __future__ import annotations

import logging

from assistant.abstain import Calibration, CalibrationError, load_calibration
from assistant.answer import Answer, AnswerStatus
from assistant.candidates import FEATURES, CandidateGenerator
from assistant.errors import QuestionError, check_question
from assistant.field_prior import FieldPrior, load_field_prior
from assistant.matching import CatalogueIndex
from assistant.plan import Plan
from assistant.planner import Planner
from assistant.question import understand
from assistant.responder import Responder
from assistant.scope import ScopeModel, load_scope_model
from assistant.session import Focus, Sessions
from assistant.succession import Succession
from corpus.store import Corpus
from index.retriever import Retriever

log = logging.getLogger(__name__)
# Said before the question back when a follow-up arrives with a session id that is unknown or has expired.
EXPIRED = "Cuộc trò chuyện trước đã hết hạn (hoặc không còn lưu), nên không rõ câu này nói tiếp về CSDL nào."


def retriever_kind(retriever: Retriever | None) -> str | None:
    """'hybrid', 'bm25' or 'dense' — the calibration is fitted per kind of evidence."""
    if retriever is None:
        return None
    name = type(retriever).__name__.lower()
    return next((k for k in ("hybrid", "bm25", "dense") if k in name), None)


class Assistant:
    """Answers questions about the catalogues from their records, holding each conversation's focus.

    Args:
        corpus: the parsed documents, entries and clauses.
        retriever: generates the candidates and their evidence; without one, questions that need retrieval are
            answered `not_found` (lists, counts and facts of the decision still work).
        sessions: where conversations are kept (SQLite, or Redis for several machines).
        calibration: the abstention model; by default the one fitted for this kind of retriever.
        field_prior: the learned prior over the column a question asks; by default `assistant/field_model.json`.
        scope: the model of questions outside the catalogues; by default `assistant/scope_model.json`.

    Raises:
        CalibrationError: no calibration is fitted for this kind of retriever.
        TextModelError: a model file (field prior, scope) is missing or malformed.
    """

    def __init__(
        self,
        corpus: Corpus,
        retriever: Retriever | None,
        sessions: Sessions,
        calibration: Calibration | None = None,
        field_prior: FieldPrior | None = None,
        scope: ScopeModel | None = None,
    ) -> None:
        self.corpus = corpus
        self.retriever = retriever
        self.sessions = sessions
        self.index = CatalogueIndex(corpus)
        kind = retriever_kind(retriever)
        if calibration is None and retriever is not None:
            if kind is None:
                raise CalibrationError(f"no calibration for a {type(retriever).__name__}: fit one with eval/calibrate")
            calibration = load_calibration(kind, FEATURES)
        self.generator = CandidateGenerator(retriever, self.index)
        prior = field_prior or load_field_prior()
        self._planner = Planner(self.index, self.generator, calibration, prior, scope or load_scope_model())
        self._responder = Responder(self.index)
        self._succession = Succession(self.index)  # issue 14: today's bodies and provinces (assistant/succession.py)
        self._documents = {d.id for d in corpus.documents()}

    def ask(self, question: str, *, session_id: str | None = None, document: str | None = None) -> Answer:
        """Answer one question of a conversation.

        Args:
            question: the user's question (Vietnamese, with or without diacritics).
            session_id: continues that conversation when it is known and live; otherwise a new one starts.
            document: restricts the answer to one document id (e.g. "ha-tinh-2022").

        Returns:
            The answer with its status, text, numbered citations and the session id to reuse.

        Raises:
            QuestionError: the question is empty, longer than 1,000 characters or has control characters.
        """
        text = check_question(question)
        if document is not None and document not in self._documents:
            raise QuestionError(f"Không có văn bản mã “{document[:80]}”.")
        session = self.sessions.get(session_id)
        restarted = session_id is not None and session.id != session_id  # unknown or expired: a new conversation
        q = understand(text, self.index)
        moved = self._succession.move_places(q)  # "Hải Phòng" → the Hải Dương catalogue (2025 merger)
        plan = self._succession.plan(q, document=document) or self._planner.plan(q, session.focus, document=document)
        reply = self._succession.respond(plan) or self._responder.respond(plan)
        if restarted and plan.reason == "no-context":
            reply.text = f"{EXPIRED} {reply.text}"
        reply = self._succession.explain(plan, reply, moved)
        if reply.status is AnswerStatus.ANSWERED and not reply.cites.items:
            reply = self._responder.respond(Plan("not_found", documents=plan.documents, reason="no-match"))
        if reply.status is AnswerStatus.ANSWERED:
            session.focus = _focus_after(plan, reply.cites.ids, session.focus)
        session.record(text, reply.status.value, reply.cites.ids)
        self.sessions.save(session)
        return Answer(
            status=reply.status, text=reply.text, citations=reply.cites.items, session_id=session.id,
            session_restarted=restarted,
        )  # fmt: skip


def _focus_after(plan: Plan, cited: list[str], previous: Focus) -> Focus:
    """What the conversation is about once this plan is answered."""
    entries = [s.id for s in plan.entries] or [c for c in cited if "/dieu-" not in c]
    docs = plan.documents or sorted({c.split("/", 1)[0] for c in cited})
    if plan.kind in ("entry", "compare"):
        return Focus(
            kind=plan.kind,
            documents=sorted({e.split("/", 1)[0] for e in entries}) or docs,
            entries=entries,
            fields=[f.value for f in plan.fields],
            topic=list(plan.topic),
            listed=list(previous.listed),
        )
    if plan.kind in ("list", "count", "totals"):
        filters = {
            k: str(v)
            for k, v in (
                ("agency", plan.agency),
                ("sector", plan.sector),
                ("group", plan.group),
                ("sharing_mode", plan.sharing_mode.value if plan.sharing_mode else None),
            )
            if v
        }
        return Focus(
            kind=plan.kind,
            documents=docs,
            entries=entries[:1] if plan.agency else [],
            filters=filters,
            topic=list(plan.topic) if plan.entries else [],
            listed=[c for c in cited if "/dieu-" not in c],
        )
    if plan.kind == "clause":
        return Focus(kind="clause", documents=docs, clauses=[s.id for s in plan.clauses], topic=list(plan.topic))
    if plan.kind in ("meta", "overview"):
        return Focus(kind="meta", documents=docs, meta=[m.value for m in plan.meta])
    return previous
