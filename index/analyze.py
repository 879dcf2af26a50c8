"""Vietnamese text analysis for retrieval: normalised syllables, bigrams, abbreviations and folded copies.

Vietnamese retrieval gains most from plain syllable unigrams plus adjacent-syllable bigrams (a bigram such as
"đất đai" is most of a word), and from matching questions typed without diacritics. Every token is emitted twice:
as written (accented) and as a folded copy prefixed with "~"; a question with diacritics then matches a record on
both copies and outranks records that only share the folded spelling.

>>> analyze("CSDL hộ tịch")[:6]
['csdl', '~csdl', 'cơ', '~co', 'sở', '~so']
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import corpus.text
from corpus.text import clean_text, fold_accents

FOLD_PREFIX = "~"
ABBREVIATIONS_FILE = "abbreviations.json"
# Bumped whenever the tokens produced for a text change, so that persisted indexes are rebuilt.
_ANALYZER_FORMAT = 5
# Punctuation ends a phrase: bigrams never join syllables across it.
_PHRASE_BREAK = re.compile(r"[.,;:!?()\[\]{}\"“”'‘’/\\|<>=+*\n\t–—…]|\s-\s|^-|\s-$")
_SYLLABLE = re.compile(r"\w+")
_AMPERSAND = re.compile(r"\s*&\s*")
# Question words and function words; used only when `Analyzer.stopwords` is on (measured, see README).
_STOPWORDS = frozenset(
    "ai gì nào đâu bao nhiêu là của và về ở có không được những các cho với theo thì sao nó đó này hãy "
    "cho biết tôi muốn hỏi".split()
)


@cache
def abbreviation_table() -> tuple[tuple[str, str, str], ...]:
    """(surface form in lower case, canonical token, expansion), longest surface first: the abbreviations, the
    chat shorthand ('ko', 'ntn') and the synonyms (everyday words → the official term, canonical "") of
    `corpus/abbreviations.json`."""
    # Located next to corpus/text.py: under pytest `corpus` itself may resolve to the tests/corpus namespace.
    raw = (Path(corpus.text.__file__).parent / ABBREVIATIONS_FILE).read_text(encoding="utf-8")
    rows: list[tuple[str, str, str]] = []
    table = json.loads(raw)
    synonyms = table.get("synonyms", [])
    for item in [*table["abbreviations"], *table.get("shorthand", []), *synonyms]:
        long = unicodedata.normalize("NFC", item["long"]).lower()
        # A synonym has no token of its own (canonical ""): it adds the official term beside the user's words.
        canonical = "" if item in synonyms else re.sub(r"\W", "", fold_accents(item["short"][0]).lower())
        for short in item["short"]:
            lower = unicodedata.normalize("NFC", short).lower()
            for surface in sorted({lower, fold_accents(lower)}):
                rows.append((surface, canonical, long))
    # A total order: the table feeds `Analyzer.version`, which must not vary between processes.
    rows.sort(key=lambda r: (-len(r[0]), r))
    return tuple(rows)


@cache
def _abbreviation_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    table = abbreviation_table()
    replacement = {
        surface: f" {canonical} {long} " if canonical else f" {surface} {long} " for surface, canonical, long in table
    }
    # The long form gets the abbreviation's token too, so "CSDL TTHC" and "thủ tục hành chính" meet both ways.
    for _, canonical, long in table:
        for form in (long, fold_accents(long)) if canonical else ():
            replacement.setdefault(form, f" {form} {canonical} ")
    alternatives = "|".join(re.escape(surface) for surface in sorted(replacement, key=lambda s: (-len(s), s)))
    return re.compile(rf"(?<![\w&])(?:{alternatives})(?![\w&])"), replacement


def abbreviation_spans(text: str) -> tuple[str, list[tuple[int, int]]]:
    """Where the lower-case text holds a surface the table expands (an abbreviation, its long form, or a
    synonym's everyday words), as `expand_abbreviations` finds them.

    Returns:
        The text with spaces around '&' removed (as the expansion reads it), and the (start, end) character
        spans of the matched surfaces in that text, in order.

    >>> abbreviation_spans("ho tich tn & mt")
    ('ho tich tn&mt', [(8, 13)])
    """
    pattern, _ = _abbreviation_pattern()
    text = _AMPERSAND.sub("&", text)
    return text, [m.span() for m in pattern.finditer(text)]


def synonym_expansions(text: str) -> list[str]:
    """Official terms whose everyday words occur in the lower-case text: 'về án tích' → ['lý lịch tư pháp']."""
    table = [(surface, long) for surface, canonical, long in abbreviation_table() if not canonical]
    words = re.findall(r"[^\W_]+", text)
    padded = " " + " ".join(words) + " "
    return list(dict.fromkeys(long for surface, long in table if f" {surface} " in padded))


@cache
def _glosses() -> tuple[tuple[str, tuple[str, ...]], ...]:
    """(official term, phrases of its legal definition), from the table's 'glosses' (lower case, NFC)."""
    raw = (Path(corpus.text.__file__).parent / ABBREVIATIONS_FILE).read_text(encoding="utf-8")
    rows = []
    for item in json.loads(raw).get("glosses", []):
        phrases = tuple(unicodedata.normalize("NFC", g).lower() for g in item["gloss"])
        rows.append((unicodedata.normalize("NFC", item["long"]).lower(), phrases))
    return tuple(rows)


def gloss_expansions(text: str, minimum: int = 2) -> list[str]:
    """Official terms at least `minimum` of whose defining phrases occur in the text: a question that describes
    a database by two things the law says its subject covers is searched with the subject's official name too
    ('khai sinh, kết hôn …' → ['hộ tịch']). Phrases match with their accents; in a text typed without any, only
    phrases of two syllables or more match (one folded syllable such as 'bao' stands for too many words).

    Args:
        text: a question (any case).
        minimum: how many distinct phrases of one term must occur.

    Returns:
        The official terms, in table order.
    """
    lower = unicodedata.normalize("NFC", text).lower()
    accented = fold_accents(lower) != lower
    padded = " " + " ".join(re.findall(r"[^\W_]+", lower if accented else fold_accents(lower))) + " "
    out = []
    for term, phrases in _glosses():
        usable = phrases if accented else tuple(fold_accents(p) for p in phrases if " " in p)
        if sum(f" {p} " in padded for p in dict.fromkeys(usable)) >= minimum:
            out.append(term)
    return out


def expand_abbreviations(text: str) -> str:
    """'csdl tn&mt' → ' csdl cơ sở dữ liệu   tnmt tài nguyên và môi trường ' and the long forms get the
    abbreviation's token: 'thủ tục hành chính' → ' thủ tục hành chính tthc ' (text already lower case)."""
    pattern, replacement = _abbreviation_pattern()
    return pattern.sub(lambda m: replacement[m.group(0)], _AMPERSAND.sub("&", text))


def _import_underthesea() -> Any:
    """underthesea, without the optional pipelines that would import transformers and torch.

    Its `__init__` tries to import its translation pipeline, which loads transformers and torch (~220 MB
    resident) though text_normalize and word_tokenize never use them; a server embedding queries with ONNX
    Runtime would then hold torch for nothing. While underthesea loads, `transformers` is made unimportable (its
    optional import catches the ImportError) unless it is already loaded.
    """
    if "underthesea" in sys.modules or "transformers" in sys.modules:
        import underthesea

        return underthesea
    sys.modules["transformers"] = None  # type: ignore[assignment]  # import → ImportError
    try:
        import underthesea
    finally:
        if sys.modules.get("transformers", 0) is None:
            del sys.modules["transformers"]
    return underthesea


@cache
def _text_normalize() -> object:
    # Heavy import deferred until the first text is analysed.
    return _import_underthesea().text_normalize


@cache
def _word_tokenize() -> object:
    return _import_underthesea().word_tokenize


def normalize_text(text: str) -> str:
    """NFC, underthesea's canonical tone placement ("hoà" → "hòa"), lower case."""
    text = clean_text(text)
    normalize = _text_normalize()
    text = normalize(text)  # type: ignore[operator]
    return unicodedata.normalize("NFC", text).lower()


@dataclass(frozen=True)
class Analyzer:
    """Turns text into index tokens; each option was measured (eval/benchmarks/bench_retrieval.py)."""

    bigrams: bool = True
    fold: bool = True
    abbreviations: bool = True
    segment: bool = False
    stopwords: bool = False

    @property
    def version(self) -> str:
        """Changes whenever the tokens for some text would change (options, table, format)."""
        table = json.dumps(abbreviation_table(), ensure_ascii=False) if self.abbreviations else ""
        digest = hashlib.sha256(table.encode()).hexdigest()[:12]
        flags = "".join(
            name[0] if on else "-"
            for name, on in (
                ("bigrams", self.bigrams),
                ("fold", self.fold),
                ("abbreviations", self.abbreviations),
                ("segment", self.segment),
                ("stopwords", self.stopwords),
            )
        )
        return f"{_ANALYZER_FORMAT}-{flags}-{digest}"

    def analyze(self, text: str) -> list[str]:
        """Index tokens of one text: syllables, bigrams, segmented words, each with its folded copy."""
        text = normalize_text(text)
        if self.abbreviations:
            text = expand_abbreviations(text)
        tokens: list[str] = []
        for phrase in _PHRASE_BREAK.split(text):
            syllables = _SYLLABLE.findall(phrase)
            if self.stopwords:
                syllables = [s for s in syllables if s not in _STOPWORDS]
            tokens.extend(syllables)
            if self.bigrams:
                tokens.extend(f"{a} {b}" for a, b in zip(syllables, syllables[1:], strict=False))
            if self.segment and len(syllables) > 1:
                tokens.extend(self._words(" ".join(syllables)))
        if not self.fold:
            return tokens
        out: list[str] = []
        for token in tokens:
            out.append(token)
            out.append(FOLD_PREFIX + fold_accents(token))
        return out

    def _words(self, phrase: str) -> list[str]:
        """Multi-syllable words found by underthesea's segmenter ("đất_đai")."""
        word_tokenize = _word_tokenize()
        words: list[str] = word_tokenize(phrase)  # type: ignore[operator]
        return [w.replace(" ", "_") for w in words if " " in w]


DEFAULT_ANALYZER = Analyzer()


def analyze(text: str) -> list[str]:
    """Tokens of `text` with the default analyser."""
    return DEFAULT_ANALYZER.analyze(text)


def tokenize_vi(texts: Iterable[str], analyzer: Analyzer = DEFAULT_ANALYZER) -> list[list[str]]:
    """Token lists for bm25s (its own `\\w\\w+` tokenizer would drop one-letter syllables such as "ở")."""
    return [analyzer.analyze(text) for text in texts]
