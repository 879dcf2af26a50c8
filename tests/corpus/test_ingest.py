"""`corpus.ingest`: bad inputs are refused with a clear error and leave the sources byte-for-byte unchanged."""

from __future__ import annotations

import json
import unicodedata
from collections.abc import Callable
from pathlib import Path

import pytest

from corpus.build import parse_all
from corpus.errors import CorpusError, ParseError, ValidationError
from corpus.ingest import MAX_SOURCE_BYTES, ingest
from corpus.manifest import read_manifest, sha256_file

_TONE_MARKS = {"\u0300", "\u0301", "\u0303", "\u0309", "\u0323"}


def to_windows_1258(text: str) -> bytes:
    """Encode as Windows-1258, which writes tones as combining marks after a precomposed base letter."""
    out = bytearray()
    for char in unicodedata.normalize("NFC", text):
        try:
            out += char.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", char)
            base = unicodedata.normalize("NFC", "".join(c for c in parts if c not in _TONE_MARKS))
            out += (base + "".join(c for c in parts if c in _TONE_MARKS)).encode("cp1258")
    return bytes(out)


@pytest.fixture
def refused(snapshot: Callable[[Path], dict[str, bytes]]) -> Callable[..., str]:
    """`refused(file, sources, error, *needles)`: ingest raises `error` naming every needle; sources unchanged."""

    def check(file: Path, sources: Path, error: type[Exception], *needles: str) -> str:
        before = snapshot(sources)
        with pytest.raises(error) as info:
            ingest(file, sources)
        message = str(info.value)
        assert all(n in message for n in needles), message
        assert snapshot(sources) == before
        return message

    return check


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_empty_file_is_refused(tmp_path: Path, sources_copy: Path, refused: Callable[..., str]) -> None:
    refused(write(tmp_path, "rong.txt", b""), sources_copy, ParseError, "rong.txt", "rỗng")


def test_whitespace_only_file_is_refused(tmp_path: Path, sources_copy: Path, refused: Callable[..., str]) -> None:
    refused(write(tmp_path, "trang.txt", b" \n\t\n"), sources_copy, ParseError, "trang.txt", "rỗng")


def test_binary_file_is_refused(tmp_path: Path, sources_copy: Path, refused: Callable[..., str]) -> None:
    data = b"%PDF-1.7\n\x00\x01\x02\xff binary"
    refused(write(tmp_path, "quyet-dinh.pdf", data), sources_copy, ParseError, "quyet-dinh.pdf", "nhị phân", "NUL")


def test_utf16_file_is_refused(
    tmp_path: Path,
    sources_copy: Path,
    ha_tinh_text: str,
    refused: Callable[..., str],
    derive_ha_tinh: Callable[..., str],
) -> None:
    data = derive_ha_tinh(ha_tinh_text).encode("utf-16")
    refused(write(tmp_path, "utf16.txt", data), sources_copy, ParseError, "utf16.txt", "UTF-16")


def test_windows_1258_file_is_refused_naming_byte_and_line(
    tmp_path: Path,
    sources_copy: Path,
    ha_tinh_text: str,
    refused: Callable[..., str],
    derive_ha_tinh: Callable[..., str],
) -> None:
    data = to_windows_1258(derive_ha_tinh(ha_tinh_text))
    message = refused(write(tmp_path, "cp1258.txt", data), sources_copy, ParseError, "không phải UTF-8", "byte 0x")
    # Line 1 reads " QUYẾT ĐỊNH": "Ế" is "Ê" (0xCA) + combining acute (0xEC); 0xCA opens a UTF-8 sequence
    # that 0xEC cannot continue, so 0xCA at offset 4 is the first byte UTF-8 cannot read.
    assert message.startswith("cp1258.txt:1: ")
    assert "0xca ở vị trí 4" in message


def test_too_large_file_is_refused(tmp_path: Path, sources_copy: Path, refused: Callable[..., str]) -> None:
    data = b"a" * (MAX_SOURCE_BYTES + 1)
    refused(write(tmp_path, "lon.txt", data), sources_copy, ParseError, "lon.txt", "quá lớn")


def test_missing_file_is_refused(tmp_path: Path, sources_copy: Path, refused: Callable[..., str]) -> None:
    refused(tmp_path / "khong-co.txt", sources_copy, ParseError, "khong-co.txt", "không tìm thấy")


def test_text_without_table_header_is_refused(
    tmp_path: Path, sources_copy: Path, ha_tinh_text: str, refused: Callable[..., str]
) -> None:
    body = ha_tinh_text[: ha_tinh_text.index("DANH MỤC\nCƠ SỞ DỮ LIỆU")]
    refused(
        write(tmp_path, "chi-co-quyet-dinh.txt", body.encode()),
        sources_copy,
        ParseError,
        "chi-co-quyet-dinh.txt",
        "không tìm thấy tiêu đề bảng danh mục",
    )


def test_html_page_is_refused(tmp_path: Path, sources_copy: Path, refused: Callable[..., str]) -> None:
    page = "<html><body><h1>Quyết định</h1><p>Danh mục cơ sở dữ liệu</p></body></html>\n"
    refused(write(tmp_path, "trang.html", page.encode()), sources_copy, ParseError, "tiêu đề bảng")


def test_same_document_again_is_refused(
    tmp_path: Path, sources_copy: Path, refused: Callable[..., str], sources_dir: Path
) -> None:
    copy = write(tmp_path, "ban-sao.txt", (sources_dir / "ha-tinh-2022.txt").read_bytes())
    refused(copy, sources_copy, CorpusError, "ban-sao.txt", "ha-tinh-2022")


def test_same_document_id_with_other_bytes_is_refused(
    tmp_path: Path, sources_copy: Path, ha_tinh_text: str, refused: Callable[..., str]
) -> None:
    # Rows cut, same decision (Hà Tĩnh, 2022): the id ha-tinh-2022 is taken.
    text = ha_tinh_text[: ha_tinh_text.index("\n\t30\n")] + "\n"
    refused(write(tmp_path, "ha-tinh-rut-gon.txt", text.encode()), sources_copy, CorpusError, "ha-tinh-2022", "đã có")


def test_declared_count_mismatch_is_refused(
    tmp_path: Path, empty_sources: Path, refused: Callable[..., str], sources_dir: Path
) -> None:
    text = (sources_dir / "quang-ninh-2026.txt").read_text(encoding="utf-8")
    assert "I LĨNH VỰC NỘI VỤ: 15 CSDL" in text
    wrong = text.replace("I LĨNH VỰC NỘI VỤ: 15 CSDL", "I LĨNH VỰC NỘI VỤ: 16 CSDL")
    message = refused(
        write(tmp_path, "qn-sai-so.txt", wrong.encode()), empty_sources, ValidationError, "qn-sai-so.txt", "16"
    )
    assert "LĨNH VỰC NỘI VỤ declares 16 (line 94), 15 parsed" in message


def test_good_document_is_added_with_its_ids_and_counts(derived_file: Path, sources_copy: Path) -> None:
    before = read_manifest(sources_copy)
    doc = ingest(derived_file, sources_copy)

    assert (doc.id, doc.province, doc.number, doc.date) == ("lam-son-2023", "Lam Sơn", "1500/QĐ-UBND", "2023-08-15")
    added = sources_copy / "lam-son-2023.txt"
    assert added.read_bytes() == derived_file.read_bytes()
    after = read_manifest(sources_copy)
    assert after.documents[:-1] == before.documents
    new = after.documents[-1]
    assert (new.id, new.province, new.layout, new.file, new.expected_entries) == (
        "lam-son-2023",
        "Lam Sơn",
        "cells",
        "lam-son-2023.txt",
        29,
    )
    assert new.sha256 == sha256_file(added)


@pytest.mark.needs_layouts("cells", "pdf", "tsv")
def test_added_document_parses_with_the_others(derived_file: Path, sources_copy: Path) -> None:
    ingest(derived_file, sources_copy)
    parsed = {p.document.id: p for p in parse_all(sources_copy)}
    lam_son = parsed["lam-son-2023"]
    assert [e.id for e in lam_son.entries] == [f"lam-son-2023/{n}" for n in range(1, 30)]
    assert lam_son.entries[19].agency == "Văn phòng UBND tỉnh"  # row 20's blank agency cell, as in Hà Tĩnh
    assert "lam-son-2023/dieu-1" in {c.id for c in lam_son.clauses}


def test_manifest_keeps_unknown_keys_when_a_document_is_added(derived_file: Path, sources_copy: Path) -> None:
    ingest(derived_file, sources_copy)
    raw = json.loads((sources_copy / "manifest.json").read_text(encoding="utf-8"))
    assert raw["documents"][0]["seed_file"] == "000_09c3ed45f7cb79fe.txt"


def test_second_ingest_of_the_added_document_is_refused(
    derived_file: Path, sources_copy: Path, refused: Callable[..., str]
) -> None:
    ingest(derived_file, sources_copy)
    refused(derived_file, sources_copy, CorpusError, "lam-son-2023")


def test_failed_manifest_write_leaves_sources_unchanged(
    derived_file: Path,
    sources_copy: Path,
    snapshot: Callable[[Path], dict[str, bytes]],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from corpus.manifest import replace_atomically as real_replace

    def fail_on_manifest(path: Path, data: bytes) -> None:
        if path.name == "manifest.json":
            raise OSError("disk full")
        real_replace(path, data)

    monkeypatch.setattr("corpus.ingest.replace_atomically", fail_on_manifest)
    before = snapshot(sources_copy)
    with pytest.raises(OSError, match="disk full"):
        ingest(derived_file, sources_copy)
    assert snapshot(sources_copy) == before
