"""Text normalisation shared by every parser: NFC, HTML removed, list dashes kept as line breaks."""

from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

# Look-alike letters: PDF fonts of the Hải Dương decision map "ư"/"Ư" to "ƣ"/"Ƣ" (Latin OI); keyboards and pasted
# text write Đ/đ as the Icelandic eth (U+00D0/U+00F0) or the African D (U+0189/U+0256).
_PDF_LOOKALIKES = str.maketrans({"ƣ": "ư", "Ƣ": "Ư", "Ð": "Đ", "ð": "đ", "Ɖ": "Đ", "ɖ": "đ"})
_BLOCK_TAGS = re.compile(r"</?(?:p|li|ul|ol|br|div|tr|td|table)\b[^>]*>", re.IGNORECASE)
_ANY_TAG = re.compile(r"</?[a-zA-Z][^>]*>")
_SPACES = re.compile(r"[ \t\u00a0\u200b]+")
# A list item: a dash or plus that starts an item, after a sentence end, a colon or a semicolon.
_INLINE_ITEM = re.compile(r"(?<=[.;:…])\s+(?=[-+–]\s)")


def clean_text(text: str) -> str:
    """The one normalisation at every text door (questions, searches, filters, ingested documents): NFC,
    look-alike letters folded (Ð ð Ɖ ɖ → Đ đ, ƣ → ư), invisible format characters removed (Unicode category Cf:
    soft hyphen, zero-width space and joiners, word joiner, BOM …), every other space (NBSP, thin, ideographic)
    made a plain space.

    >>> clean_text("Ðất\u00adđai\u200b Hà\u00a0Tĩnh")
    'Đấtđai Hà Tĩnh'
    """
    text = unicodedata.normalize("NFC", text).translate(_PDF_LOOKALIKES)
    kept = (" " if unicodedata.category(c) == "Zs" else c for c in text if unicodedata.category(c) != "Cf")
    return unicodedata.normalize("NFC", "".join(kept))


def fold_accents(text: str) -> str:
    """Bỏ dấu: 'Hà Tĩnh đất đai' → 'Ha Tinh dat dai'."""
    return _fold_word(text) if len(text) <= 40 else _fold(text)


@lru_cache(maxsize=65536)
def _fold_word(text: str) -> str:
    """`_fold` of a short text (a syllable, a word, a short name): cached, since the same ones are folded again and
    again; long texts (records, questions) are not kept."""
    return _fold(text)


def _fold(text: str) -> str:
    text = text.translate(_PDF_LOOKALIKES).replace("đ", "d").replace("Đ", "D")
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(c for c in decomposed if unicodedata.category(c) != "Mn"))


@lru_cache(maxsize=16384)
def fold_key(text: str | None) -> str:
    """Matching key without accents, case or extra spaces: 'Sở Tài  nguyên' → 'so tai nguyen'.

    Cached: record texts are folded again and again by filters and facet counts.
    """
    return " ".join(fold_accents(clean_text(text or "")).lower().split())


def strip_html(text: str) -> str:
    """Remove HTML tags, turning block tags into line breaks, and unescape entities."""
    text = _BLOCK_TAGS.sub("\n", text)
    text = _ANY_TAG.sub("", text)
    return html.unescape(text)


def normalize(text: str | None) -> str | None:
    """Canonical cell text: NFC, no HTML, one list item per line, runs of spaces collapsed.

    Returns None for text that is empty once cleaned, so that an empty source cell stays null.

    >>> normalize('<ul><li> - Thông tin  A; - Thông tin B</li></ul>')
    '- Thông tin A;\\n- Thông tin B'
    """
    if text is None:
        return None
    text = clean_text(text)
    text = strip_html(text)
    text = _INLINE_ITEM.sub("\n", text)
    lines = [_SPACES.sub(" ", line).strip() for line in text.splitlines()]
    cleaned = "\n".join(line for line in lines if line)
    return cleaned or None


def join_wrapped(lines: list[str]) -> str:
    """Join lines that a layout wrapped inside one cell, keeping list items on lines of their own."""
    out: list[str] = []
    for raw in lines:
        line = _SPACES.sub(" ", raw).strip()
        if not line:
            continue
        if out and not re.match(r"^[-+–•]\s", line):
            out[-1] = f"{out[-1]} {line}"
        else:
            out.append(line)
    return "\n".join(out)
