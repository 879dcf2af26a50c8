"""Re-casing of lines written in capitals after a document's own spelling of each word."""

from __future__ import annotations

import re
from collections import Counter

from corpus.text import fold_accents

_WORD = re.compile(r"\w+")
_MARKER = re.compile(r"^(?:Điều\s+\d+\.|\d+\.|[a-zđ]\))\s*")


def is_upper(text: str) -> bool:
    """True for text written in capitals ("CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH")."""
    return text == text.upper() and any(c.isalpha() for c in text)


class Casing:
    """How a document spells each word in running text, to re-case its lines written in capitals.

    >>> Casing(["Danh mục cơ sở dữ liệu dùng chung tỉnh Hà Tĩnh"]).recase("DANH MỤC CƠ SỞ DỮ LIỆU TỈNH HÀ TĨNH")
    'Danh mục cơ sở dữ liệu tỉnh Hà Tĩnh'
    """

    def __init__(self, texts: list[str]) -> None:
        self.pairs: Counter[tuple[str, str]] = Counter()
        self.next_pairs: Counter[tuple[str, str]] = Counter()
        self.words: Counter[str] = Counter()
        for text in texts:
            # The first word of a paragraph is capitalised by position, so it says nothing of the word.
            words = _WORD.findall(_MARKER.sub("", text))
            for previous, word in zip(words, words[1:], strict=False):
                self.pairs[(previous.lower(), word)] += 1
                self.next_pairs[(previous, word.lower())] += 1
                self.words[word] += 1

    def recase(self, text: str) -> str:
        """'BAN HÀNH DANH MỤC … TỈNH HÀ TĨNH' → 'Ban hành Danh mục … tỉnh Hà Tĩnh'; mixed case is kept."""
        if not is_upper(text):
            return text
        out: list[str] = []
        matches = list(_WORD.finditer(text))
        previous, position = "", 0
        for index, match in enumerate(matches):
            out.append(text[position : match.start()])
            word, following = match.group(), text[match.end() : match.end() + 1]
            after = matches[index + 1].group().lower() if index + 1 < len(matches) else ""
            out.append(self._case(word, (previous, after), not previous, abbreviation=following == "."))
            previous, position = word.lower(), match.end()
        out.append(text[position:])
        return "".join(out)

    def _case(self, word: str, context: tuple[str, str], first: bool, *, abbreviation: bool) -> str:
        if abbreviation and len(word) <= 3:
            return word  # KT., TM.
        key, (previous, after) = word.lower(), context
        forms = Counter({w: n for (p, w), n in self.pairs.items() if p == previous and w.lower() == key})
        forms.update({w: n for (w, a), n in self.next_pairs.items() if a == after and w.lower() == key})
        forms = forms or Counter({w: n for w, n in self.words.items() if w.lower() == key})
        forms = forms or Counter({w: n for w, n in self.words.items() if fold_accents(w).lower() == fold_accents(key)})
        if first or not forms:
            capital = first or False
        else:
            form = forms.most_common(1)[0][0]
            if form.isupper() and len(form) > 1:
                return word
            capital = form[0].isupper()
        return word[0].upper() + word[1:].lower() if capital else word.lower()
