"""What a raw decision is before it is parsed: its text (strict UTF-8) and its table layout.

Three layouts are known, each recognised by the header of its catalogue table:

- ``cells`` (Hà Tĩnh): one table cell per line, each cell line starting with a tab; the header is the cells
  "TT", "Tên cơ sở dữ liệu", "Tên đơn vị quản lý" … on lines of their own.
- ``pdf`` (Hải Dương): text extracted from a PDF; the header "STT / CƠ QUAN QUẢN / LÝ, VẬN HÀNH / TÊN CƠ SỞ /
  … / HẠNG MỤC / DỮ LIỆU" repeats on every page.
- ``tsv`` (Quảng Ninh): one row per line, columns separated by tabs; the header is
  "TT<tab>Tên cơ sở dữ liệu<tab>Đơn vị chủ trì<tab>…".
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable
from enum import StrEnum

from corpus.errors import CorpusError, ParseError
from corpus.records import ParsedDocument
from corpus.text import fold_accents

Parser = Callable[..., ParsedDocument]


class Layout(StrEnum):
    """The table layouts the parsers understand (the `layout` field of manifest.json)."""

    CELLS = "cells"
    PDF = "pdf"
    TSV = "tsv"


# Layout → the module whose `parse(text, *, source_file)` reads it.
PARSER_MODULES: dict[Layout, str] = {
    Layout.CELLS: "corpus.parse_ha_tinh",
    Layout.PDF: "corpus.parse_pdf_table",
    Layout.TSV: "corpus.parse_tsv",
}

# How far (in non-blank lines) the parts of a multi-line header may lie from its first line.
_HEADER_SPAN = 12
_WORD = re.compile(r"[a-z0-9]+")


def _key(line: str) -> str:
    """Comparable form of a line: no accents (PDF look-alikes included), lower case, words only."""
    return " ".join(_WORD.findall(fold_accents(line).lower()))


def decode_source(data: bytes, *, source_file: str) -> str:
    """Strict UTF-8 text of a raw decision, or a ParseError that says what is wrong with the bytes.

    A UTF-8 byte-order mark is dropped; Windows line ends become plain ``\\n``.

    Raises:
        ParseError: empty file, UTF-16/UTF-32 (by its byte-order mark), binary content (NUL bytes),
            or bytes that are not UTF-8 (the message gives the byte, its offset and its line).
    """
    if not data.strip():
        raise ParseError("tệp rỗng (không có nội dung)", source_file=source_file)
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ParseError("tệp mã hoá UTF-16, cần UTF-8", source_file=source_file)
    nul = data.find(b"\x00")
    if nul >= 0:
        raise ParseError(
            f"tệp nhị phân, không phải văn bản (byte NUL ở vị trí {nul})",
            source_file=source_file,
            line=data.count(b"\n", 0, nul) + 1,
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        bad = data[err.start]
        raise ParseError(
            f"tệp không phải UTF-8 (byte 0x{bad:02x} ở vị trí {err.start}; có thể là Windows-1258 hoặc TCVN3)",
            source_file=source_file,
            line=data.count(b"\n", 0, err.start) + 1,
        ) from None
    return text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _tsv_header(lines: list[str]) -> int | None:
    for i, line in enumerate(lines):
        cells = [_key(c) for c in line.split("\t")]
        if len(cells) >= 5 and cells[0] in {"tt", "stt"} and cells[1].startswith("ten co so du lieu"):
            return i
    return None


def _cells_header(lines: list[str]) -> int | None:
    for i, line in enumerate(lines):
        if not (line.startswith("\t") and _key(line) in {"tt", "stt"} and "\t" not in line.strip("\t")):
            continue
        following = [_key(x) for x in lines[i + 1 : i + 1 + _HEADER_SPAN] if x.strip()][:3]
        if following and following[0].startswith("ten co so du lieu") and lines[i + 1].startswith("\t"):
            return i
    return None


def _pdf_header(lines: list[str]) -> int | None:
    for i, line in enumerate(lines):
        if _key(line) != "stt" or "\t" in line:
            continue
        following = {_key(x) for x in lines[i + 1 : i + 1 + 2 * _HEADER_SPAN] if x.strip()}
        if "co quan quan" in following and "hang muc" in following:
            return i
    return None


_DETECTORS: dict[Layout, Callable[[list[str]], int | None]] = {
    Layout.TSV: _tsv_header,
    Layout.CELLS: _cells_header,
    Layout.PDF: _pdf_header,
}


def detect_layout(text: str, *, source_file: str) -> Layout:
    """The layout whose table header the text contains.

    >>> detect_layout("TT\\tTên cơ sở dữ liệu\\tĐơn vị chủ trì\\tMục đích\\tPhạm vi\\n", source_file="x.txt")
    <Layout.TSV: 'tsv'>

    Raises:
        ParseError: no known table header is found, or headers of two layouts are (the text is ambiguous).
    """
    lines = text.splitlines()
    found = {layout: line for layout, detect in _DETECTORS.items() if (line := detect(lines)) is not None}
    if not found:
        raise ParseError(
            "không tìm thấy tiêu đề bảng danh mục (cần một trong: các ô 'TT' / 'Tên cơ sở dữ liệu' mỗi ô một dòng, "
            "tiêu đề PDF 'STT / CƠ QUAN QUẢN … / HẠNG MỤC', hoặc hàng 'TT<tab>Tên cơ sở dữ liệu<tab>…')",
            source_file=source_file,
        )
    if len(found) > 1:
        where = ", ".join(f"{layout} (dòng {line + 1})" for layout, line in found.items())
        raise ParseError(f"tiêu đề bảng khớp nhiều bố cục: {where}", source_file=source_file)
    return next(iter(found))


def parser_for(layout: Layout | str) -> Parser:
    """The `parse(text, *, source_file)` function of a layout.

    Raises:
        CorpusError: the layout is unknown or its parser module is not installed.
    """
    try:
        module_name = PARSER_MODULES[Layout(layout)]
    except ValueError:
        known = ", ".join(x.value for x in Layout)
        raise CorpusError(f"bố cục không biết: {layout!r} (biết: {known})") from None
    try:
        module = importlib.import_module(module_name)
    except ModuleNotFoundError as err:
        if err.name != module_name:
            raise
        raise CorpusError(f"chưa có bộ phân tích cho bố cục {layout} ({module_name})") from None
    parse: Parser = module.parse
    return parse
