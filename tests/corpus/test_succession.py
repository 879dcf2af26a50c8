"""Succession data: department rows with their legal basis, province mergers read from vietnamadminunits."""

from __future__ import annotations

from corpus.agencies import load_registry
from corpus.succession import load_succession, province_units


def test_every_succession_row_names_known_bodies_and_a_defined_legal_basis() -> None:
    assert load_succession().problems(load_registry()) == []


def test_the_departments_merged_in_2025_go_to_one_successor_under_decree_45() -> None:
    succession = load_succession()
    for former, successor in (
        ("so-tai-nguyen-va-moi-truong", "so-nong-nghiep-va-moi-truong"),
        ("so-nong-nghiep-va-phat-trien-nong-thon", "so-nong-nghiep-va-moi-truong"),
        ("so-ke-hoach-va-dau-tu", "so-tai-chinh"),
        ("so-giao-thong-van-tai", "so-xay-dung"),
    ):
        row = succession.of(former)
        assert row is not None and not row.split
        assert [s.body for s in row.to] == [successor]
        assert succession.basis(row.basis).name == "Nghị định 45/2025/NĐ-CP"


def test_the_labour_department_was_split_and_each_candidate_has_its_duties() -> None:
    row = load_succession().of("so-lao-dong-thuong-binh-va-xa-hoi")
    assert row is not None and row.split
    assert {s.body for s in row.to} >= {"so-noi-vu", "so-y-te", "so-giao-duc-va-dao-tao"}
    assert all(s.duties for s in row.to)


def test_bodies_that_still_exist_have_no_succession() -> None:
    succession = load_succession()
    assert succession.of("so-tai-chinh") is None
    assert [d.from_ for d in succession.predecessors("so-tai-chinh")] == ["so-ke-hoach-va-dau-tu"]


def test_hai_duong_is_part_of_hai_phong_since_2025_by_the_package_data() -> None:
    units = province_units()
    assert units["hai duong"].name == "Thành phố Hải Phòng"
    assert units["hai duong"].members == ("Hải Dương", "Hải Phòng")
    assert units["hai phong"] is units["hai duong"]
    assert load_succession().basis(load_succession().provinces.basis).name == "Nghị quyết 202/2025/QH15"


def test_ha_tinh_and_quang_ninh_were_not_merged() -> None:
    units = province_units()
    assert not units["ha tinh"].merged
    assert not units["quang ninh"].merged
    assert len({u.name for u in units.values()}) == 34
