"""Normalised sharing modes read from a sharing cell."""

from __future__ import annotations

from corpus.records import SharingMode
from corpus.sharing import sharing_modes


def test_open_and_default_modes_in_the_order_written() -> None:
    assert sharing_modes("Dữ liệu mở, được chia sẻ theo hình thức mặc định.") == [SharingMode.OPEN, SharingMode.DEFAULT]


def test_specific_mode() -> None:
    assert sharing_modes(
        "Dữ liệu được chia sẻ theo hình thức chia sẻ dữ liệu theo yêu cầu đặc thù với từng đối tượng khai thác, sử dụng"
    ) == [SharingMode.SPECIFIC]


def test_cell_naming_no_mode_gives_none() -> None:
    assert sharing_modes("Kết nối, chia sẻ dữ liệu với các hệ thống thông tin quốc gia, bộ, ngành") == []
    assert sharing_modes(None) == []


def test_mo_alone_is_not_open_data() -> None:
    assert sharing_modes("Chia sẻ khi mở rộng hệ thống") == []
