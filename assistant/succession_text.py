"""Sentences about the 2025 reorganisation, worded from `corpus/succession.json` and the registry (no free text).

Every sentence names its legal basis as the data file names it ("Nghị định 45/2025/NĐ-CP",
"Nghị quyết 202/2025/QH15"); dates are the rows' dates of effect.
"""

from __future__ import annotations

from assistant.answering import format_date
from corpus.agencies import Registry
from corpus.records import Document
from corpus.succession import DepartmentSuccession, ProvinceUnit, Succession


def lower_first(name: str) -> str:
    """'Thành phố Hải Phòng' → 'thành phố Hải Phòng', 'Tỉnh Hải Dương' → 'tỉnh Hải Dương' (inside a sentence)."""
    return name[:1].lower() + name[1:]


def catalogue_of(document: Document) -> str:
    """'danh mục năm 2022 của Hà Tĩnh'."""
    year = f" năm {document.date[:4]}" if document.date else ""
    return f"danh mục{year} của {document.province}"


def department_sentence(row: DepartmentSuccession, data: Succession, registry: Registry) -> str:
    """'từ 1/3/2025, chức năng của Sở Giao thông vận tải thuộc Sở Xây dựng (Nghị định 45/2025/NĐ-CP)', or, for a
    split, every successor with the duties it received (the candidates, none chosen)."""
    basis = data.basis(row.basis).name
    former = registry.body(row.from_).name
    when = format_date(row.effective)
    if not row.split:
        return f"từ {when}, chức năng của {former} thuộc {registry.body(row.to[0].body).name} ({basis})"
    shares = "; ".join(f"{registry.body(s.body).name} ({s.duties})" for s in row.to)
    return f"từ {when}, {former} không còn, chức năng được chia cho: {shares} ({basis})"


def province_sentence(province: str, unit: ProvinceUnit, data: Succession) -> str:
    """'từ 1/7/2025, tỉnh Hải Dương là một phần của thành phố Hải Phòng (Nghị quyết 202/2025/QH15)'."""
    rule = data.provinces
    former = next((n for s, n in zip(unit.members, unit.member_names, strict=True) if s == province), province)
    return (
        f"từ {format_date(rule.effective)}, {lower_first(former)} là một phần của {lower_first(unit.name)} "
        f"({data.basis(rule.basis).name})"
    )


def moved_sentence(unit: ProvinceUnit, held: list[Document], data: Succession) -> str:
    """Why a question about a merged province is answered from another province's catalogue."""
    rule = data.provinces
    members = " và ".join(lower_first(n) for n in unit.member_names)
    catalogues = "; ".join(catalogue_of(d) for d in held)
    missing = [lower_first(n) for s, n in zip(unit.members, unit.member_names, strict=True)
               if s not in {d.province for d in held}]  # fmt: skip
    text = (
        f"Từ {format_date(rule.effective)}, {lower_first(unit.name)} gồm {members} trước đây "
        f"({data.basis(rule.basis).name}). Danh mục đang có cho địa bàn này là {catalogues}"
    )
    if missing:
        text += f"; chưa có danh mục của {', '.join(missing)} trước đây"
    return text + "."


def capitalised(sentence: str) -> str:
    return sentence[:1].upper() + sentence[1:]
