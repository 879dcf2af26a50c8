"""A long message's context sentences apart from its question ("Tôi đang chuẩn bị báo cáo về …. Xin hỏi …?").

Civil servants often open with who they are and why they ask ("Phòng Bảo trợ xã hội chúng tôi cần đối chiếu danh
sách hộ nghèo."), then ask. Read whole, the opening's words become part of the topic and its phrases cues ("so
sánh", "các cơ sở dữ liệu"): the asker's own department is taken for the database, a plan to compare for a
comparison. The leading sentences that ask nothing are the *context*; the rest is the *question*. A question that
names its own topic (or agency) and points back at nothing ("này", "đó", "ấy", "như vậy") is read alone; one that
points back ("hệ thống ấy", "loại dữ liệu kể trên") or names nothing is read with its context, as before. A
sentence with a colon announces the topic ("Chủ đề: …", "Về đất đai: …") and is never set apart.
"""

from __future__ import annotations

import re

from assistant.lexicon import fold, has_diacritics

# A sentence ends at ". ! ?" followed by a space (";" joins clauses of one sentence; ":" announces what follows).
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=\S)")
# What makes a sentence ask something: a question word, a request to tell, list or name — with diacritics when the
# text has them ("đầu tư" and "xã hội" hold no "đâu", "hỏi"), else folded.
_ASKS_ACCENTED = re.compile(
    r"(?<!\w)(?:nào|gì|bao nhiêu|mấy|đâu|ai|không|chưa|sao|cho (?:tôi |mình |em )?biết|cho hỏi|xin hỏi|hỏi"
    r"|liệt kê|kể tên|thế nào|ra sao|có phải|khi nào|bao giờ|làm gì)(?!\w)"
)
_ASKS = re.compile(
    r"(?<![a-z])(?:nao|gi|bao nhieu|may|dau|ai|khong|chua|sao|cho (?:toi |minh |em )?biet|cho hoi|xin hoi|hoi"
    r"|liet ke|ke ten|the nao|ra sao|co phai|khi nao|bao gio|lam gi)(?![a-z])"
)
# Words that point back at something said before: with diacritics unambiguous; without, "do" (by) is not "đó".
# ("trên" alone is "trên địa bàn"; "hiện nay" points nowhere.)
_POINTS_BACK = re.compile(r"(?<!\w)(?:này|đó|ấy|đấy|như vậy|như thế|nói trên|kể trên|trên đây)(?!\w)")
_POINTS_BACK_FOLDED = re.compile(r"(?<![a-z])(?:ay|nhu vay|nhu the|noi tren|ke tren|tren day)(?![a-z])")


def split_context(text: str) -> tuple[str, str]:
    """(context, question): the leading sentences that ask nothing, and the rest ("" and the text when none).

    >>> split_context("Phòng chúng tôi cần số liệu. Xin hỏi CSDL hộ tịch do ai quản lý?")
    ('Phòng chúng tôi cần số liệu.', 'Xin hỏi CSDL hộ tịch do ai quản lý?')
    """
    sentences = _SENTENCE_END.split(text.strip())
    context: list[str] = []
    for sentence in sentences[:-1]:
        if sentence.rstrip().endswith("?") or ":" in sentence or _asks(sentence):
            break
        context.append(sentence)
    if not context:
        return "", text
    return " ".join(context), " ".join(sentences[len(context) :])


def split_trailing(text: str) -> tuple[str, str]:
    """(question, trailing): the sentences after the last one that asks, when none of them asks (why the user
    asks, thanks), apart from the question; (text, "") when there are none.

    >>> split_trailing("Đơn vị nào giữ dữ liệu khai sinh? Cảm ơn anh chị.")
    ('Đơn vị nào giữ dữ liệu khai sinh?', 'Cảm ơn anh chị.')
    """
    sentences = _SENTENCE_END.split(text.strip())
    last = max(
        (i for i, s in enumerate(sentences) if s.rstrip().endswith("?") or ":" in s or _asks(s)), default=None
    )  # a sentence with a colon announces what follows, as in `split_context`
    if last is None or last == len(sentences) - 1:
        return text, ""
    return " ".join(sentences[: last + 1]), " ".join(sentences[last + 1 :])


def _asks(sentence: str) -> bool:
    if has_diacritics(sentence):
        return bool(_ASKS_ACCENTED.search(sentence.lower()))
    return bool(_ASKS.search(fold(sentence)))


def points_back(question: str) -> bool:
    """Whether the question refers to something said before it ("cơ sở dữ liệu này", "loại đó")."""
    if has_diacritics(question):
        return bool(_POINTS_BACK.search(question.lower()))
    return bool(_POINTS_BACK_FOLDED.search(fold(question)))
