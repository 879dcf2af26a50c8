"""The baseline to beat: the retriever's top hit, refused below a cross-validated threshold, with the asked field.

No conversation, no lists or counts, no field evidence: the province named in the question filters the search
(unfiltered otherwise), the top hit is answered with the columns the question's cue words ask for (the default
columns otherwise), and the hit is refused when its raw BM25 score is below the threshold fitted out of fold by
`eval/calibrate.py` (`eval/baseline.json`). It shares the assistant's corpus, retriever and answer wording, so
the comparison isolates the decision path.
"""

from __future__ import annotations

import json
import math
import secrets

from assistant.abstain import Calibration, CalibrationError
from assistant.answer import Answer
from assistant.assistant import Assistant
from assistant.errors import check_question
from assistant.matching import Scored
from assistant.plan import Plan
from assistant.question import understand
from eval.calibrate import BASELINE_FILE


class TopHitBaseline:
    """`ask` like the assistant, from the retriever's top hit alone."""

    def __init__(self, assistant: Assistant, calibration: Calibration) -> None:
        self.assistant = assistant
        self.calibration = calibration

    @classmethod
    def fitted(cls, assistant: Assistant) -> TopHitBaseline | None:
        """The baseline with its fitted threshold, or None before `eval/calibrate.py` has run."""
        if assistant.retriever is None:
            return None
        try:
            data = json.loads(BASELINE_FILE.read_text(encoding="utf-8"))
            return cls(assistant, Calibration.from_json(data, ["bm25_log"]))
        except (OSError, ValueError, CalibrationError):
            return None

    def ask(self, question: str, *, session_id: str | None = None, document: str | None = None) -> Answer:
        """Answer from the top hit (a session id is echoed, never used)."""
        text = check_question(question)
        a = self.assistant
        session = session_id or secrets.token_urlsafe(16)
        q = understand(text, a.index)
        docs = [document] if document else q.documents
        if q.foreign_provinces and not docs:
            plan = Plan("not_found", reason="province", topic=q.foreign_provinces)
        else:
            assert a.retriever is not None
            hits = a.retriever.search(text, 1, document=docs[0] if len(docs) == 1 else None)
            plan = Plan("not_found", documents=docs, reason="no-match")
            if hits:
                top = hits[0]
                row = a.retriever.rows.index(next(r for r in a.retriever.rows if r.id == top.id))  # type: ignore[attr-defined]
                bm25 = getattr(a.retriever, "bm25", a.retriever)
                raw = float(bm25.scores(text)[row]) if hasattr(bm25, "scores") else 0.0
                if self.calibration.accepts([math.log1p(max(raw, 0.0))]):
                    scored = [Scored(top.id, top.score, 1.0, 1.0, 1.0)]
                    if top.kind == "clause":
                        plan = Plan("clause", documents=docs, clauses=scored)
                    else:
                        plan = Plan("entry", documents=docs, entries=scored, fields=list(q.fields))
        reply = a._responder.respond(plan)
        return Answer(status=reply.status, text=reply.text, citations=reply.cites.items, session_id=session)
