"""Which column of a record, or which fact of the decision, a question asks: cue phrases on folded text.

Each pattern is a contiguous phrase, cut out of the topic when found (`assistant.question`). Cues are a prior, not
the decision: the column is chosen with the learned prior and the record's own evidence (`assistant.fields`).
"""

from __future__ import annotations

import re

from assistant.cues import Field, Meta
from assistant.cues import phrases as _cues

# Field cues, on folded text. Each pattern is a contiguous phrase, cut out of the topic when found.
FIELD_CUES: dict[Field, re.Pattern[str]] = {
    Field.AGENCY: _cues(
        r"(?:ten )?(?:co quan|don vi|so|ben|noi|to chuc|ai) (?:nao|gi)?\s*(?:dang |duoc giao )?"
        r"(?:quan ly|chu tri|phu trach|van hanh|chu quan|quan ly van hanh|nam giu|so huu|xay dung)",
        r"(?:co quan|don vi|so|ben|to chuc) nao",
        r"do ai",
        r"ai (?:co|chiu) trach nhiem(?= (?:nhap|cap nhat|thu thap|tao))",  # who enters the data, not what duties
        r"la ai",
        r"ai",
        r"cua ai",
        r"thuoc ve ai",
        r"(?:duoc|do) (?:ai|co quan nao|don vi nao) (?:quan ly|chu tri|phu trach|van hanh)",
        r"(?:quan ly|chu tri|phu trach|van hanh) boi",
        r"thuoc (?:so|co quan|don vi) nao",
        r"(?:duoc )?giao (?:cho )?(?:so|co quan|don vi|ai)(?: nao)?(?: quan ly| phu trach| chu tri)?",
    ),
    Field.SHARING: _cues(
        r"(?:hinh thuc|co che|cach|kieu|muc do|che do) (?:ket noi )?chia se(?: du lieu)?",
        r"(?:duoc )?(?:ket noi )?chia se (?:du lieu )?"
        r"(?:nhu the nao|the nao|ra sao|theo hinh thuc nao|kieu gi|cach nao)",
        r"(?:co phai|la|thuoc) (?:hang muc )?du lieu mo",
        r"du lieu mo (?:khong|ko|k)",
        r"hang muc du lieu",
        r"(?:theo )?hinh thuc (?:nao|gi)",
        r"voi (?:nhung )?(?:dau|ai)",
        r"(?:voi|cho|toi) (?:nhung |cac )?(?:he thong|co quan|don vi|noi|ben) (?:nao|gi)",
        r"ket noi chia se(?: du lieu)?",
        r"chia se(?: du lieu)?",
        r"cong khai",
        r"mo cho (?:nguoi dan|cong chung)",
    ),
    Field.COLLECTION: _cues(
        r"(?:co che|cach|phuong thuc|phuong phap|hinh thuc) (?:thu thap|cap nhat)(?: cap nhat)?",
        r"thu thap(?: cap nhat)?",
        # Who creates and enters the data ("ai lập và cập nhật", "nhập số liệu", "đầu vào"): collection.
        r"(?:khoi )?tao(?: lap)?(?: va| hay)? cap nhat",
        r"nhap (?:du lieu|lieu|so lieu|thong tin)(?: vao)?",
        r"(?<!bat )(?:du lieu |so lieu )?dau vao",  # not "bắt đầu vào (vận hành)"
        r"tan suat(?: cap nhat| dong bo)?",  # how often data is updated: some collection columns say it
        r"cap nhat(?: du lieu)?",
        r"nguon (?:du lieu|goc du lieu|thong tin)",
        r"lay (?:du lieu )?tu (?:nhung )?dau",
        r"(?:lay|nhap|cap nhat|thu thap)(?: [a-z]+){0,3} o dau",  # a verb of taking in data, a few words, "ở đâu"
        r"(?:lay )?(?:du lieu |so lieu |thong tin )?tu (?:he thong|nguon|co so du lieu|phan mem) nao",
        r"lay (?:du lieu|so lieu|thong tin) tu",
        r"tu (?:nhung )?dau",
        r"nguon",
    ),
    Field.PURPOSE: _cues(
        r"muc dich(?: su dung)?",
        r"muc tieu",
        r"(?:de|dung de|nham|phuc vu) (?:lam gi|gi|viec gi|muc dich gi)",
        r"dung (?:vao|cho) (?:viec )?gi",
        r"de lam gi",
        r"tac dung",
        r"y nghia",
    ),
    Field.SCOPE: _cues(r"pham vi(?: du lieu| khai thac| ap dung)?"),
    Field.CONTENT: _cues(
        r"noi dung(?: chinh)?",
        r"mo ta",
        r"(?:gom|bao gom|chua|luu|luu tru|co) (?:nhung |cac )?"
        r"(?:thong tin|du lieu|truong thong tin|truong du lieu|noi dung)? ?(?:gi|nao)",
        r"(?:nhung|cac) (?:thong tin|du lieu|truong) (?:gi|nao)",
        r"thong tin gi",
        r"bao gom nhung gi",
    ),
    Field.NOTES: _cues(
        r"ghi chu",
        r"thoi gian (?:thuc hien|trien khai|hoan thanh)",
        r"(?:da )?co san",
        r"trang thai",
        # the state of a system, not of what it records ("tình trạng hôn nhân" is a content word)
        r"tinh trang (?:hien (?:nay|tai|gio) )?(?:ra sao|the nao|nhu the nao|nhu nao)(?: (?:roi|vay|a|nhi))?$",
        r"dang van hanh",
        r"tien do",
        r"lo trinh",
        r"khi nao (?:thuc hien|trien khai|hoan thanh|xay dung)",
        # When a database will be ready is the time its notes column plans ("Năm 2026 - 2027").
        r"(?:bao gio|khi nao|luc nao|nam nao) (?:thi |moi |se )?(?:xong|hoan thanh|hoan thien)",
        r"(?:xong|hoan thanh|hoan thien) (?:vao )?(?:bao gio|khi nao|luc nao|nam nao)",
        r"(?:da )?xong chua",
        r"(?:da|duoc) (?:co|xay dung|trien khai|van hanh|chay|hoat dong|dua vao (?:van hanh|su dung))(?: \w+)? chua",
        r"co chua",
        r"the nao roi",
        r"can cu(?: phap ly)?(?: nao)?",
        r"van ban nao",
    ),
    Field.SECTOR: _cues(r"thuoc (?:linh vuc|nhom|nganh) nao", r"(?:linh vuc|nhom) nao"),
}

META_CUES: dict[Meta, re.Pattern[str]] = {
    Meta.REPLACES: _cues(r"thay (?:the|cho)(?: cho)?(?: quyet dinh| van ban)?(?: nao)?", r"bai bo"),
    Meta.EFFECTIVE: _cues(r"(?:co )?hieu luc(?: thi hanh)?(?: tu| ke tu)?(?: khi nao| ngay nao| luc nao)?"),
    Meta.NUMBER: _cues(
        r"so (?:bao nhieu|may)(?! (?:co so du lieu|he thong|cai|muc|loai))",
        r"so hieu(?: van ban| quyet dinh)?",
        r"(?:quyet dinh|van ban) (?:co )?so (?:may|bao nhieu|gi)",
        r"so (?:cua )?quyet dinh",
        r"so may",
        r"ma so quyet dinh",
    ),
    Meta.DATE: _cues(
        r"(?:ban hanh|ky|ky ban hanh) (?:vao |tu )?(?:ngay nao|khi nao|luc nao|nam nao|thang nao|bao gio)",
        r"ngay (?:ban hanh|ky)",
        r"thoi gian ban hanh",
        r"ngay thang",
        r"ngay nao",
        r"nam nao",
    ),
    Meta.SIGNER: _cues(r"ai (?:la nguoi )?ky", r"nguoi ky", r"(?:duoc )?ky boi", r"ky (?:quyet dinh|ban hanh)"),
    Meta.LEGAL_BASES: _cues(
        r"can cu(?: phap ly)?(?: nao| gi)?", r"co so phap ly", r"dua tren (?:nhung )?(?:van ban|luat)"
    ),
    Meta.ISSUER: _cues(r"(?:co quan|ai|cap nao|don vi nao) ban hanh", r"ban hanh boi", r"tham quyen ban hanh"),
    Meta.TITLE: _cues(r"trich yeu", r"ten (?:day du )?(?:cua )?quyet dinh", r"tieu de"),
    Meta.PROPOSER: _cues(
        r"(?:theo )?de nghi (?:cua|tai)",
        r"theo de nghi",
        r"(?:can cu |theo )?(?:vao )?(?:to trinh|van ban de nghi)",
        r"(?:co quan|so|don vi|ben|ai) (?:nao )?(?:da )?(?:de nghi|trinh)",
        r"de nghi ban hanh",
    ),
}
# "căn cứ tờ trình nào" asks for the proposal, not the legal bases: its cue is cut first. "do ai ký, ngày nào" asks
# two facts: the signer's cue is cut before the date's, which would otherwise take "ký ngày nào" whole.
META_CUES = {Meta.PROPOSER: META_CUES.pop(Meta.PROPOSER), Meta.SIGNER: META_CUES.pop(Meta.SIGNER), **META_CUES}
