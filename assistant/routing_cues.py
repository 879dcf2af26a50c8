"""Cues that route a question past retrieval: to the decision's text (what it requires of bodies), or to a refusal
that says why (an amount no column states, a body no catalogue names, a database no catalogue lists). On folded text.
"""

from __future__ import annotations

import re

from assistant.cues import phrases
from assistant.question import Question

# Tasks the decision gives a body ("được giao", "nhiệm vụ", "trách nhiệm", "theo Điều 2"): asked of an agency the
# turn points back to, they are that agency's clause, not a column of the database it manages.
TASKED_CUE = phrases(
    r"duoc giao", r"nhiem vu", r"trach nhiem", r"dieu \d+", r"phai lam (?:gi|nhung gi|viec gi)",
)  # fmt: skip
# What a decision requires of a kind of body ("… thì phải thực hiện những gì", "văn bản buộc … làm gì"): its text
# answers.
DUTY_CUE = phrases(
    r"phai (?:lam|thuc hien|trien khai) (?:gi|nhung gi|viec gi|nhung viec gi)",
    r"(?:yeu cau|giao|buoc) (?:[a-z]+ ){0,4}?(?:phai )?(?:lam|thuc hien|trien khai) (?:gi|nhung gi|viec gi)",
)  # fmt: skip
# "<tỉnh> có (quản lý) CSDL (riêng) về … không?": whether a catalogue lists a database — a yes/no question about an
# entry, which the decision's text never answers; a second question may follow ("…, và …", "…, nếu có thì …").
# (A second question about the decision's text — what it rules, who it tasks — makes it no existence question.)
ASKS_EXISTENCE = re.compile(
    r"(?<![a-z])co (?:[a-z]+ ){0,2}co so du lieu (?:[a-z#]+ )+khong(?: a| nhi| vay| ha)?"
    r"(?: (?:neu co|va|con|thi|do|ai)(?![a-z])"
    r"(?!.*(?<![a-z])(?:quyet dinh|quy dinh|giao|nhiem vu|trach nhiem|phai)(?![a-z])).*)?$"
)
# Money no catalogue column states — what building or using a database costs ("mức phí … là bao nhiêu",
# "tốn bao nhiêu tiền", "kinh phí … hết bao nhiêu"): the columns hold names, bodies, purposes, contents,
# sources, sharing forms and notes, never amounts of money. ("dòng" is a row, not "đồng"; durations are in notes.)
_MONEY = r"(?:le phi|chi phi|kinh phi|muc phi|thu phi|mat phi|phi (?:khai thac|su dung|truy cap|ket noi|dich vu))"
UNSTATED_AMOUNT = phrases(
    r"(?:bao nhieu|bn) (?:tien|ty|trieu)",
    rf"{_MONEY}(?: [a-z#]+){{0,3}} (?:la |het |mat )?(?:bao nhieu|bn)",
    rf"{_MONEY}(?: [a-z#]+){{0,20}}? (?:la|het|mat|ton) (?:bao nhieu|bn)",
    r"(?:ton|mat|het|bo ra) (?:bao nhieu|bn) (?:tien|ty|trieu)",
)
# A body that opens the question and manages databases ("<cục/trung tâm …> có quản lý CSDL nào …"), not a question
# about which body ("sở nào quản lý …"): when it names no agency of the catalogues, they list nothing it manages.
# Heads that fold like other words ("bạn", "hỏi", "bỏ", "số") are left out.
BODY_MANAGES = re.compile(
    r"^(?:ben |phia )?(?:tong cuc|chi cuc|cuc|kho bac|trung tam|vien kiem sat|vien|toa an|ngan hang|cong ty|"
    r"uy ban|so)(?! (?:nao|luong|lieu))(?: [a-z]+){1,8}? (?:co |dang |duoc giao )?"
    r"(?:quan ly|phu trach|chu tri|nam giu|giu) (?:nhung |cac )?co so du lieu nao"
)
# A set of databases named ("CSDL nào khác", "hệ thống nào nữa"): "cơ quan đó còn … nào khác" asks the body's
# other databases only when it names them, not its other duties.
DATABASE_SET = phrases(r"(?:co so du lieu|he thong|kho(?: du lieu)?) (?:nao|gi)")
# Carrying a decision out or its force: words of the decision's text, not of a database.
IMPLEMENTS = phrases(r"thi hanh", r"chap hanh", r"hieu luc", r"(?:thuc hien|trien khai) (?:quyet dinh|van ban)")
# Every or which province: a question across catalogues, never confined to the one the conversation is about.
ALL_PROVINCES = phrases(r"tinh nao", r"cac tinh", r"(?:ba|hai|moi|tung) tinh", r"dia phuong nao")


def on_decision_text(q: Question) -> bool:
    """Whether a turn asks about a decision's text — who it tasks or binds, its force, a fact of it — and is no set,
    comparison, database or every-province question (such a turn inside a conversation about one decision is about
    that decision)."""
    if q.wants_list or q.wants_count or q.wants_compare or q.names_database or ALL_PROVINCES.search(q.folded):
        return False
    cued = TASKED_CUE.search(q.folded) or DUTY_CUE.search(q.folded) or IMPLEMENTS.search(q.folded)
    return bool(q.refers_to_agency or q.meta or cued)
