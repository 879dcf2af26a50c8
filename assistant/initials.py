"""Departments typed as their initials ("STP", "SYT", "SGDĐT"): desk staff's shorthand for "Sở …" names.

The initials are generated from the canonical names of the agency registry (`corpus/agencies.json`): the first
letter of every syllable of a "Sở …" name, "và" skipped ('Sở Kế hoạch và Đầu tư' → 'skhdt'). Initials shorter than
three letters, shared by two bodies, or spelling a word the catalogues use are left out: they would misread a word.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from assistant.lexicon import fold


def department_initials(names: Iterable[str], known: Callable[[str], bool]) -> dict[str, str]:
    """{initials: folded name} of the "Sở …" bodies among `names` (canonical agency names, any case or accents).

    Args:
        names: agency names, e.g. the registry's canonical ones.
        known: whether a folded token is a word some record holds (such initials are left out).
    """
    found: dict[str, set[str]] = {}
    for name in names:
        words = fold(name).split()
        if len(words) >= 2 and words[0] == "so":
            found.setdefault("".join(w[0] for w in words if w != "va"), set()).add(" ".join(words))
    return {k: next(iter(v)) for k, v in found.items() if len(k) >= 3 and len(v) == 1 and not known(k)}


def spell_out_initials(pairs: list[tuple[str, str]], initials: dict[str, str]) -> list[tuple[str, str]]:
    """Syllable pairs (`lexicon.syllables`: accented, folded) with a token typed as a department's initials replaced
    by the folded syllables of its name. A token counts as typed as initials when its only diacritic, if any, is "đ"
    ("SGDĐT"): an accented token is a word."""
    out: list[tuple[str, str]] = []
    for accented, folded in pairs:
        name = initials.get(folded) if accented.replace("đ", "d") == folded else None
        if name is None:
            out.append((accented, folded))
        else:
            out.extend((w, w) for w in name.split())
    return out
