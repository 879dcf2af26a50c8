"""assistant: understands questions about the catalogues and answers them from the records, with citations."""

from assistant.answer import Answer, AnswerStatus, Citation
from assistant.assistant import Assistant
from assistant.errors import QuestionError
from assistant.runtime import open_assistant
from assistant.session import Session, SessionStore

__all__ = [
    "Answer",
    "AnswerStatus",
    "Assistant",
    "Citation",
    "QuestionError",
    "Session",
    "SessionStore",
    "open_assistant",
]
