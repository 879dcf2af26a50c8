"""Cue phrases (on folded text) that give a question's priors: the asked column, facts of the decision, a count,
a list, a comparison, a follow-up, a reference, a position in a list, a decision named by number or year.

Cues are priors, not decisions: which record answers is decided on retrieval evidence (`assistant.planner`), and
a cue's words are cut from the topic so that they do not pull records that merely share them.
"""

from __future__ import annotations

import re
from enum import StrEnum

from corpus.records import SharingMode


class Field(StrEnum):
    """A column of a catalogue entry that a question can ask for."""

    AGENCY = "agency"
    SHARING = "sharing"
    COLLECTION = "collection"
    PURPOSE = "purpose"
    SCOPE = "scope"
    CONTENT = "content"
    NOTES = "notes"
    SECTOR = "sector"


class Meta(StrEnum):
    """A fact about the decision itself."""

    NUMBER = "number"
    DATE = "date"
    SIGNER = "signer"
    LEGAL_BASES = "legal_bases"
    ISSUER = "issuer"
    TITLE = "title"
    REPLACES = "replaces"
    EFFECTIVE = "effective"
    PROPOSER = "proposer"


def phrases(*patterns: str) -> re.Pattern[str]:
    """Whole-word alternatives on folded text: no letter or digit may touch a match on either side."""
    return re.compile(r"(?<![a-z0-9])(?:" + "|".join(patterns) + r")(?![a-z0-9])")


_cues = phrases



NOTES_TIME = _cues(
    r"(?:thuc hien|trien khai|hoan thanh|hoan thien|xay dung|xong) (?:vao )?(?:khi nao|bao gio|nam nao|luc nao)",
    r"(?:bao gio|khi nao|luc nao|nam nao) (?:thi |moi |se )?(?:xong|hoan thanh|hoan thien)",
    r"thoi gian (?:thuc hien|trien khai|hoan thanh)(?: la)?(?: khi nao| bao gio)?",
)
COUNT_CUE = _cues(
    r"(?:tong cong|tat ca|tong) (?:co )?bao nhieu",
    r"tong cong",
    r"bao nhieu",
    r"tong so",
    r"so luong",
    r"may (?:co so du lieu|he thong|cai|kho du lieu|kho)",
    r"dem",
)
# What users call a database: "CSDL", "hệ thống", or a "kho (dữ liệu)" ("những kho dữ liệu nào", "bao nhiêu kho").
_DB = r"(?:co so du lieu|he thong|kho du lieu|kho)"
LIST_CUE = _cues(
    rf"(?:nhung|cac|mot so) {_DB} (?:nao|gi)",
    rf"(?<!chua )(?:co|gom|quan ly|chu tri|phu trach) (?:nhung |cac )?{_DB} (?:nao|gi)",  # "chưa có CSDL nào": none
    r"liet ke",
    r"danh sach (?:cac |nhung |toan bo |day du )?(?:co so du lieu|he thong|kho)",
    r"(?:cho|xem|gui|ke) (?:toi |minh |em )?danh sach",
    r"danh sach(?= ?$)",
    r"ke ten",
    rf"(?:gom|bao gom|co) (?:nhung|cac) {_DB}",
    rf"nhung {_DB}",
    r"(?:nhung|cac) (?:cai|muc) (?:nao|gi)",
    r"(?<!chua co )(?:co so du lieu|he thong) nao(?= (?:duoc|la|thuoc|da|dang|con|chua)\b)",
    r"cac co so du lieu",
    r"(?:quan ly|chu tri) (?:nhung|cac)? ?(?:co so du lieu )?(?:nao|gi)",
)
# How one database stands to another ("nó có kết nối với CSDL … không", "nhận dữ liệu từ …", "đồng bộ với …").
RELATION_CUE = _cues(
    r"lien ket", r"ket noi", r"lay (?:du lieu |thong tin |so lieu )?tu", r"dong bo", r"tich hop", r"tham chieu",
    r"chia se (?:du lieu )?(?:voi|cho|sang|len)",
)
# "Which ones" of a set asked by a value of its columns ("những hạng mục nào … dữ liệu mở", "cái nào mặc định").
WHICH_CUE = _cues(r"(?:co so du lieu|he thong|hang muc|cai|muc|dong|kho du lieu|kho|du lieu) nao")
COMPARE_CUE = _cues(
    r"so sanh",
    r"vs",
    r"(?:nhieu|it) (?:[a-z#]+ ){0,10}?(?:hon|nhat)",
    r"khac (?:nhau|gi|biet|voi|so voi)(?![a-z0-9])",
    r"giong (?:nhau)?",
    r"co cung (?:do|la|mot|thuoc)",  # "… có cùng thuộc một sở …" ("cũng" folds alike: "có" is required)
    r"moi (?:ben|tinh|noi|dia phuong)",
    r"tinh nao",
    r"(?:ca |cua |o )?(?:ba|hai|3|2) tinh",
    r"cac tinh",
    r"noi nao",
    r"o dau",
    r"dia phuong nao",
)
FOLLOW_CUE = _cues(
    r"con (?:o |tai |cua |ve |voi )?", r"thi sao", r"the con", r"vay con",
    r"(?:cai|co so du lieu|du lieu|he thong)? ?(?:tuong tu|tuong ung|giong vay|nhu vay)",
)  # fmt: skip
# A turn that opens with "Còn …" ("còn nơi khác thì …", "còn về nội dung thì …") sets its subject against the
# last turn's: a follow-up. Only at the opening: inside a sentence "còn" is "still" ("còn hiệu lực", "còn những
# CSDL nào").
FOLLOW_OPENING = re.compile(
    r"^[# ]*(?:(?:the|vay|va) )?con(?= [a-z])(?! (?:hieu luc|duoc|dang|ton tai|khong)(?![a-z]))"
)
_NOT_AGENT = r"(?! (?:ai|co quan|don vi|so|uy ban|cong an|van phong|ban|tinh|bo|cac|thanh tra|bao hiem)(?![a-z]))"
# "do" before a body or a place already cut ("csdl do ### ### #####" once "sở tài chính" is cut) is "by", not "đó".
_DO = r"do(?! #)"
REFERENCE_CUE = _cues(
    r"no",
    rf"(?:co so du lieu|he thong|du lieu|cai|kho(?: du lieu)?) (?:{_DO}|nay|tren|ay|vua roi|vua noi)" + _NOT_AGENT,
    rf"(?:co quan|don vi|so) (?:{_DO}|nay|tren|ay)" + _NOT_AGENT,
)
# With diacritics the demonstratives are unambiguous ("đó" is not "do", "nó" is not "nợ").
REFERENCE_ACCENTED = re.compile(
    r"(?<!\w)(?:nó|(?:cơ sở dữ liệu|hệ thống|dữ liệu|kho dữ liệu|kho|cái|cơ quan|đơn vị|sở) "
    r"(?:đó|này|trên|ấy|vừa rồi|vừa nói))(?!\w)"
)
# "bên đó", "tỉnh ấy", "ở đó": the place the conversation is about (its documents), not one of its databases.
PLACE_REFERENCE = _cues(r"(?:ben|noi|cho|tinh) (?:do|nay|ay)" + _NOT_AGENT, r"o (?:do|day)(?= |$)")
PLACE_REFERENCE_ACCENTED = re.compile(r"(?<!\w)(?:(?:bên|nơi|chỗ|tỉnh) (?:đó|này|ấy)|ở (?:đó|đấy))(?!\w)")
# "quyết định đó", "văn bản này": the decision the conversation is about.
DECISION_REFERENCE = _cues(r"(?:quyet dinh|van ban|danh muc) (?:do|nay|ay|tren)")
AGENCY_REFERENCE_ACCENTED = re.compile(r"(?<!\w)(?:cơ quan|đơn vị|sở) (?:đó|này|trên|ấy)(?!\w)")
# How a question is framed politely ("cho tôi hỏi với", "nhờ các anh chị chỉ giúp", "làm ơn"): no topic.
POLITE = _cues(
    r"cho (?:toi|minh|em|chau|con|tui) (?:hoi|biet)(?: voi| chut| them)?",
    r"nho (?:cac |may )?(?:anh chi|anh|chi|ban|chu|co|bac|em)?(?: oi)? ?(?:chi giup|chi dum|giup|cho biet|tra giup)",
    r"(?:xin|cho) (?:hoi|cho biet|phep hoi)",
    r"lam on",
    r"(?:anh|chi|ban|em|chu|co|bac) oi",
    r"giup (?:toi|minh|em|chau|tui)(?: voi)?",
    r"(?:duoc )?khong a",
)
GENERIC = _cues(
    r"lien he", r"quyet dinh", r"co so du lieu", r"du lieu", r"danh muc", r"dung chung", r"quy dinh", r"hien nay",
    r"(?:co )?lien quan (?:den|toi)",  # "… liên quan tới <chủ đề>" frames the topic that follows
    r"(?:duoc )?dua vao danh muc",  # "đưa vào danh mục": being in the catalogue, as every entry is
    r"(?:duoc )?chia (?:thanh|ra|lam)",  # "chia ra / chia làm": how the catalogue is laid out
)  # fmt: skip
# "khác" is "other", except in "khác nhau / khác biệt / khác gì / khác (so) với", which compare.
OTHER_CUE = _cues(
    r"khac(?! (?:nhau|biet|gi|voi|so voi)(?![a-z0-9]))",
    r"con (?:quan ly )?(?:nhung|cac)? ?(?:co so du lieu|gi) nao nua",
    r"nao nua",
)
AGENCY_REFERENCE = _cues(r"(?:co quan|don vi|so) (?:do|nay|tren|ay)")
SHARING_MODES: dict[SharingMode, re.Pattern[str]] = {
    SharingMode.OPEN: _cues(r"du lieu mo", r"(?:chia se|hinh thuc|dang|che do|hang muc|cong khai) mo", r"mo cong khai"),
    SharingMode.DEFAULT: _cues(r"mac dinh"),
    SharingMode.SPECIFIC: _cues(r"dac thu", r"theo yeu cau"),
}
# "cả hai nhóm A và B", "nhóm A, B": the whole catalogue, no group.
BOTH_GROUPS = _cues(r"(?:ca )?(?:hai )?nhom a (?:va|hoac|,|voi|lan) ?(?:nhom )?b", r"ca hai nhom")
GROUP_CUES: dict[str, re.Pattern[str]] = {
    "A": _cues(
        r"nhom a", r"(?:bo|bo nganh|trung uong) trien khai", r"do (?:cac )?bo nganh", r"trung uong",
        r"nhom (?:thu nhat|dau tien|thu 1|1)",  # the catalogues list group A first
    ),
    "B": _cues(
        r"nhom b", r"(?:do |cua )?tinh (?:#+ )*(?:tu )?trien khai", r"dia phuong (?:tu )?trien khai",
        r"(?:#+ )+tu trien khai",  # "<tên tỉnh> tự triển khai" (the province's name is cut before)
        r"nhom (?:thu hai|thu 2|2|cuoi(?: cung)?|sau cung)",
    ),
}
# Tasks asked in the plural ("những nhiệm vụ gì", "các việc gì"): a clause with all its points.
ALL_TASKS = _cues(
    r"(?:nhung|cac) (?:nhiem vu|viec|trach nhiem|cong viec|phan viec)(?: cu the)? (?:gi|nao)",
    # "được giao (việc) gì" — unless a topic follows ("… gì về <một việc>"), which singles out a task
    r"duoc giao (?:(?:nhung|cac) )?(?:(?:nhiem vu|viec|cong viec|trach nhiem) )?(?:gi|nao)"
    r"(?! (?:ve|lien quan|doi voi|voi|trong (?!quyet dinh|van ban)))",
    r"(?:con )?co (?:nhung )?(?:nhiem vu|trach nhiem) (?:gi|nao)(?! (?:ve|lien quan|doi voi|voi|trong viec))",
)
AGENCY_VERBS = _cues(r"quan ly", r"chu tri", r"phu trach", r"van hanh", r"chu quan")
SECTOR_CUE = _cues(r"(?:linh vuc|nganh|mang) ([a-z ]+?)(?= (?:o|tai|cua|co|thuoc|trong|do|#)|$)")
# A status the notes column states, asked as a filter of a list or count ("những CSDL nào đang vận hành").
STATUS_CUE = _cues(
    r"da co san", r"dang van hanh", r"tiep tuc duy tri", r"da dua vao (?:van hanh|su dung)", r"chua co",
    r"dang xay dung", r"xay dung moi", r"nang cap",
)  # fmt: skip
# "trong đó", "trong số đó": inside the set the conversation just gave.
WITHIN_CUE = _cues(r"trong (?:so )?(?:do|nay|ay)", r"o tren")
# Words that name the decision itself: a time or basis asked with them is the decision's, not a database's.
DECISION_WORDS = _cues(r"quyet dinh", r"van ban", r"ban hanh", r"ky", r"danh muc")
# "cái thứ hai", "mục cuối cùng", "CSDL đầu tiên": a position in the list the conversation just gave.
ORDINAL_CUE = _cues(
    r"(?:cai|muc|co so du lieu|he thong|dong) (?:thu (nhat|hai|ba|bon|tu|nam|sau|bay|tam|chin|muoi|\d+)"
    r"|(dau tien|cuoi cung|cuoi|sau cung))"
)
_ORDINALS = {"nhat": 1, "hai": 2, "ba": 3, "bon": 4, "tu": 4, "nam": 5, "sau": 6, "bay": 7, "tam": 8, "chin": 9}
_ORDINALS |= {"muoi": 10, "dau tien": 1, "cuoi cung": -1, "cuoi": -1, "sau cung": -1}
# A decision named by its number ("2609/QĐ-UBND") or by a year ("quyết định năm 2019"), on the raw text.
# Only a provincial People's Committee decision ("…/QĐ-UBND") can be a catalogue decision; numbers of other acts
# ("413/QĐ-BNV", "749/QĐ-TTg") are cited inside the catalogues and asked about as such.
DECISION_NUMBER = re.compile(r"(?<![\w/])(\d{1,5})\s*/\s*(?:QĐ|QD|Qđ|qđ|qd)\s*-\s*UBND\b", re.IGNORECASE)
DECISION_YEAR = re.compile(
    r"(?:quyết định|quyet dinh|QĐ|QD|danh mục|danh muc|văn bản|van ban)\b"
    r"(?:[^?.!]{0,40}?\b|[^?.!]{0,80}?\b(?:ban hành|ban hanh)\s+(?:vào\s+|vao\s+|trong\s+)?)"
    r"(?:năm|nam)\s+((?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# Words that join the parts of a topic ("liệt sĩ và người có công"): a list is the union of its parts.
_PART_BREAKS = frozenset({"va", "hoac", "cung", "voi"})
