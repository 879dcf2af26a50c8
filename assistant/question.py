"""Understanding a question: which provinces, which fields, what kind of answer, what topic.

Everything is matched on folded text (`lexicon.fold`), so "co quan nao quan ly" and "cơ quan nào
quản lý" read the same. Cue phrases that name a field or a question type are cut out before the
remaining content words become the topic that records are matched against.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from assistant.column_cues import FIELD_CUES, META_CUES
from assistant.context import points_back, split_context, split_trailing
from assistant.cues import (
    _ORDINALS,
    AGENCY_REFERENCE,
    AGENCY_REFERENCE_ACCENTED,
    AGENCY_VERBS,
    ALL_TASKS,
    BOTH_GROUPS,
    COMPARE_CUE,
    COUNT_CUE,
    DECISION_NUMBER,
    DECISION_REFERENCE,
    DECISION_WORDS,
    DECISION_YEAR,
    FOLLOW_CUE,
    GENERIC,
    GROUP_CUES,
    LIST_CUE,
    NOTES_TIME,
    ORDINAL_CUE,
    OTHER_CUE,
    PLACE_REFERENCE,
    PLACE_REFERENCE_ACCENTED,
    POLITE,
    REFERENCE_ACCENTED,
    REFERENCE_CUE,
    SECTOR_CUE,
    SHARING_MODES,
    STATUS_CUE,
    WHICH_CUE,
    WITHIN_CUE,
    Field,
    Meta,
)
from assistant.initials import spell_out_initials
from assistant.lexicon import STOP_SYLLABLES, fold, has_diacritics, is_stop, syllables
from assistant.matching import CatalogueIndex
from assistant.places import foreign_provinces
from assistant.question_parts import (
    COUNTED_NOUN,
    MARKUP,
    NARROWS,
    NOUN_IN_CUE,
    NUMBER_WITHOUT_MAY,
    NUMBERED_ACT,
    SET_WORDS,
    SIDE_OF_CUT,
    counts_databases,
    cut,
    cut_phrase,
    department_named,
    names_database,
    opens_with_con,
    sector_named,
    topic_parts,
)
from corpus.records import SharingMode
from index.provinces import detect_documents, short_forms


@dataclass
class Question:
    """What a question asks, before the conversation's context is applied."""

    text: str
    folded: str
    documents: list[str] = field(default_factory=list)
    foreign_provinces: list[str] = field(default_factory=list)
    fields: list[Field] = field(default_factory=list)
    meta: list[Meta] = field(default_factory=list)
    wants_count: bool = False
    wants_list: bool = False
    wants_compare: bool = False
    follow_up: bool = False
    refers_back: bool = False
    refers_to_place: bool = False  # "bên đó", "tỉnh ấy": the conversation's province(s)
    refers_to_decision: bool = False  # "quyết định đó": the conversation's decision(s)
    refers_to_agency: bool = False
    wants_other: bool = False
    agency: str | None = None
    status: str | None = None  # a status the notes column states ("da co san", "dang van hanh"), folded
    sector: str | None = None
    sector_words: list[str] = field(default_factory=list)  # the sector's words the user wrote ('giáo dục')
    group: str | None = None
    sharing_mode: SharingMode | None = None
    topic: list[str] = field(default_factory=list)
    names_database: bool = False  # the topic follows "CSDL …": a name, so the entry's name must match
    words: list[str] = field(default_factory=list)  # every content word, cue words included (for clauses)
    topic_parts: list[list[str]] = field(default_factory=list)  # the topic split at "và", "hoặc" and cues
    asked_topic: list[str] = field(default_factory=list)  # the topic as read here (what the calibration saw)
    ordinal: int | None = None  # 1-based position in the last list (-1: the last one)
    within: bool = False  # "trong đó": inside the set the conversation just gave
    all_tasks: bool = False  # "những nhiệm vụ gì": every task of a clause, not one of its points
    names_decision: bool = False  # the question names the decision itself ("quyết định", "văn bản", "ký")
    decision_numbers: list[str] = field(default_factory=list)  # "2609" of "2609/QĐ-UBND"
    decision_years: list[int] = field(default_factory=list)  # 2019 of "quyết định … năm 2019"

    @property
    def has_filter(self) -> bool:
        return any((self.agency, self.sector, self.group, self.sharing_mode, self.status))


def understand(text: str, index: CatalogueIndex) -> Question:
    """Read a (validated) question: provinces, fields, question type, filters and topic words.

    A message that opens with sentences asking nothing is read without them when its question names a topic or an
    agency of its own and points back at nothing (`assistant.context`); the provinces its context names still count.
    """
    text = MARKUP.sub(" ", text)  # "Sở <i>Tư pháp</i>" pasted from a web page reads as the words it shows
    context, asked = split_context(text)
    if context and not points_back(asked):
        q = _read(asked, index)
        if q.agency or (q.topic and not index.topic_is_generic(q.topic)):
            return _with_places(q, text, index)
    asked, trailing = split_trailing(text)  # "…? Cảm ơn anh chị.", "…? Để tôi tổng hợp.": what follows asks nothing
    if trailing and not points_back(trailing) and not _adds_to(_read(trailing, index)):
        q = _read(asked, index)
        if q.agency or q.wants_count or q.wants_list or q.meta or (q.topic and not index.topic_is_generic(q.topic)):
            return _with_places(q, text, index)
    return _read(text, index)


def _adds_to(after: Question) -> bool:
    """Whether a sentence after the question narrows or extends it ("Tính riêng nhóm B.", "Kèm hình thức chia sẻ.",
    "Còn Quảng Ninh."): a province, column, fact, set, group, sector, body, follow-up or restriction of its own."""
    said = bool(after.documents or after.foreign_provinces or after.fields or after.meta or after.agency)
    asks = bool(after.wants_list or after.wants_count or after.group or after.sector or after.follow_up)
    return said or asks or after.refers_to_place or bool(NARROWS.search(after.folded))


def _with_places(q: Question, text: str, index: CatalogueIndex) -> Question:
    """The question read alone, with the provinces that only the whole message names ("Tôi ở Hà Tĩnh.")."""
    q.documents = q.documents or detect_documents(text, index.corpus)
    if not q.documents and not q.foreign_provinces:
        q.foreign_provinces = foreign_provinces(text, {fold(d.province) for d in index.corpus.documents()})
    return q


def _read(text: str, index: CatalogueIndex) -> Question:
    """Read one question as a whole (see `understand`)."""
    pairs = spell_out_initials(syllables(text), index.initials)
    accented = [a for a, _ in pairs]
    folded = " ".join(f for _, f in pairs)
    q = Question(text=text, folded=folded)
    q.documents = detect_documents(text, index.corpus)
    covered = {fold(d.province) for d in index.corpus.documents()}
    q.foreign_provinces = foreign_provinces(text, covered)
    q.decision_numbers = [m.group(1) for m in DECISION_NUMBER.finditer(text)]
    q.decision_years = [int(m.group(1)) for m in DECISION_YEAR.finditer(text)]
    rest = folded
    q.names_decision = bool(DECISION_WORDS.search(folded))
    rest = cut(rest, POLITE)[1]
    opens_follow_up = opens_with_con(rest, accented, has_diacritics(text))
    # A decision's number names the decision ("1402/QĐ-UBND", "2913/QĐ-BNNMT"): its letters are no agency.
    rest = cut(rest, NUMBERED_ACT)[1]
    q.within, rest = cut(rest, WITHIN_CUE)
    ordinal = ORDINAL_CUE.search(rest)
    if ordinal:
        word = ordinal.group(1) or ordinal.group(2)
        q.ordinal = int(word) if word.isdigit() else _ORDINALS.get(word)
        rest = cut(rest, ORDINAL_CUE)[1]
    found, rest = cut(rest, NOTES_TIME)
    if found:
        q.fields.append(Field.NOTES)
    for name in covered | {fold(p) for p in q.foreign_provinces}:
        rest = cut_phrase(cut_phrase(rest, name), name.replace(" ", ""))  # "hatinh" typed run together too
    for doc in q.documents:  # initials read as a named province ("qn", "HD") are the place, not the topic
        province = index.corpus.document(doc).province
        rest = cut_phrase(rest, "".join(w[0] for w in fold(province).split()))
        for short in short_forms(province):  # "qninh", "q ninh"
            rest = cut_phrase(rest, short.strip())
    # Names first, cues after: an agency's name holds words that cues use ("Sở Xây dựng", "Sở Thông tin …").
    q.agency = index.find_agency(rest)
    if q.agency and re.search(rf"co so du lieu (?:ve )?{re.escape(q.agency)}(?![a-z])", rest):
        q.agency = None  # "CSDL bảo hiểm xã hội" names a database after its subject, not the agency
    rest = cut_phrase(rest, q.agency or "")
    # "bên" before a place or body just cut ("còn bên hà tĩnh", "bên sở tư pháp") is "that side", no topic word
    # (typed without accents it folds like "bến", a word of the transport records).
    rest = cut(rest, SIDE_OF_CUT)[1]
    # "số máy (điện thoại)" is no "số mấy": with diacritics typed, the number's cue must read "mấy".
    machine = has_diacritics(text) and "số mấy" not in " ".join(accented) and " so may" in f" {rest}"
    for meta, pattern in META_CUES.items():
        if meta is Meta.NUMBER and machine and not NUMBER_WITHOUT_MAY.search(rest):
            continue
        found, rest = cut(rest, pattern)
        if found:
            q.meta.append(meta)
    counted = [
        m for m in COUNT_CUE.finditer(rest) if NOUN_IN_CUE.search(m.group(0)) or counts_databases(rest[m.end() :])
    ]
    q.wants_count = bool(counted)
    counted_noun_end: int | None = None  # where "bao nhiêu CSDL" ends, when the counted noun is written
    for m in counted:
        end = m.end()
        noun = COUNTED_NOUN.match(rest[end:])
        end += noun.end() if noun else 0
        if noun or NOUN_IN_CUE.search(m.group(0)):
            counted_noun_end = end
        rest = rest[: m.start()] + re.sub(r"[^ ]", "#", rest[m.start() : end]) + rest[end:]
    q.refers_to_decision = bool(DECISION_REFERENCE.search(rest))
    if has_diacritics(text):
        q.refers_to_place = bool(PLACE_REFERENCE_ACCENTED.search(" ".join(accented)))
        rest = cut(rest, PLACE_REFERENCE)[1] if q.refers_to_place else rest
    else:
        q.refers_to_place, rest = cut(rest, PLACE_REFERENCE)
    q.refers_to_agency = bool(AGENCY_REFERENCE.search(rest))
    if has_diacritics(text):
        lowered = " ".join(accented)
        q.refers_back = bool(REFERENCE_ACCENTED.search(lowered))
        q.refers_to_agency = bool(AGENCY_REFERENCE_ACCENTED.search(lowered))
        rest = cut(rest, REFERENCE_CUE)[1] if q.refers_back else rest
    else:
        q.refers_back, rest = cut(rest, REFERENCE_CUE)
    q.wants_other, rest = cut(rest, OTHER_CUE)
    q.wants_list, rest = cut(rest, LIST_CUE)
    status = STATUS_CUE.search(rest)
    if status and (q.wants_list or q.wants_count):
        q.status = status.group(0)
        rest = cut(rest, STATUS_CUE)[1]
    # "CSDL nào / hạng mục nào / cái nào là dữ liệu mở": which ones have a sharing form is a set, like a list.
    if not (q.wants_list or q.wants_count or names_database(rest, accented)) and any(
        p.search(rest) for p in SHARING_MODES.values()
    ):
        q.wants_list, rest = cut(rest, WHICH_CUE)
    for mode, pattern in SHARING_MODES.items():
        if (q.wants_list or q.wants_count) and pattern.search(rest):
            q.sharing_mode = mode
            rest = cut(rest, pattern)[1]
            break
    for fld, pattern in FIELD_CUES.items():
        found, rest = cut(rest, pattern)
        if found and fld not in q.fields:
            q.fields.append(fld)
    if Field.AGENCY in q.fields:
        rest = cut(rest, AGENCY_VERBS)[1]
    q.wants_compare, rest = cut(rest, COMPARE_CUE)
    q.follow_up, rest = cut(rest, FOLLOW_CUE)
    q.follow_up = q.follow_up or opens_follow_up
    both, rest = cut(rest, BOTH_GROUPS)
    groups = ["A", "B"] if both else []
    for group, pattern in GROUP_CUES.items():
        found, rest = cut(rest, pattern)
        if found:
            groups.append(group)
    q.group = groups[0] if len(groups) == 1 else None  # "cả hai nhóm A và B": the whole catalogue
    q.all_tasks = bool(ALL_TASKS.search(folded))
    sector = SECTOR_CUE.search(rest)
    if sector and (q.wants_list or q.wants_count):
        q.sector = sector_named(sector.group(1), index)
        if q.sector:
            rest = cut_phrase(rest, sector.group(0).strip())
            asked = set(sector.group(1).split()) - STOP_SYLLABLES
            q.sector_words = [a for a, f in syllables(q.sector) if f in asked]
    q.names_database = names_database(rest, accented)
    rest = cut(rest, GENERIC)[1]
    # "".split(" ") is [""]: a question without any word (":", "…", emoji) must align with no syllables.
    kept = rest.split(" ") if pairs else []
    q.topic = [
        a
        for a, (_, f), r in zip(accented, pairs, kept, strict=True)
        if "#" not in r and not is_stop(a) and not f.isdigit()
    ]
    q.topic_parts = topic_parts(accented, [f for _, f in pairs], kept)
    if counted_noun_end is not None and not q.names_database:
        # "bao nhiêu CSDL <modifiers>": what is counted is said after its noun; words before it frame the question
        # ("Hải Dương đưa vào danh mục bao nhiêu CSDL").
        first = len(rest[:counted_noun_end].split(" "))
        q.topic = [
            a
            for i, (a, (_, f), r) in enumerate(zip(accented, pairs, kept, strict=True))
            if i >= first and "#" not in r and not is_stop(a) and not f.isdigit()
        ]
        q.topic_parts = topic_parts(accented[first:], [f for _, f in pairs][first:], kept[first:])
    said = [w for w in q.topic if fold(w) not in SET_WORDS]
    if (q.wants_list or q.wants_count) and not q.sector and len(said) >= 2:
        # "các CSDL giáo dục nào": a set's topic that is a sector's name, said without "lĩnh vực".
        named = sector_named(" ".join(fold(w) for w in said), index)
        if named is not None and {fold(w) for w in said} <= set(fold(named).split()):
            q.sector, q.sector_words, q.topic, q.topic_parts = named, said, [], []
    if q.agency is None and not q.names_database and q.topic:
        department_named(q, index)
    q.asked_topic = list(q.topic)
    province_words = {w for name in covered for w in name.split()}
    q.words = [a for a, f in pairs if not is_stop(a) and not f.isdigit() and f not in province_words]
    return q
