"""`csdl-qa corpus build | validate | show` and `csdl-qa ingest`: exit codes and what they print."""

from __future__ import annotations

import json
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from api.cli import main
from api.settings import get_settings
from corpus.manifest import Manifest, manifest_json, read_manifest, sha256_file


@pytest.fixture
def ha_tinh_sources(tmp_path: Path, sources_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Settings pointing at a sources folder with the Hà Tĩnh decision only and a data folder in tmp_path."""
    folder = tmp_path / "sources"
    folder.mkdir()
    shutil.copy(sources_dir / "ha-tinh-2022.txt", folder)
    only = Manifest(documents=[d for d in read_manifest(sources_dir).documents if d.id == "ha-tinh-2022"])
    (folder / "manifest.json").write_text(manifest_json(only), encoding="utf-8")
    monkeypatch.setenv("CSDL_QA_SOURCES_DIR", str(folder))
    monkeypatch.setenv("CSDL_QA_DATA_DIR", str(tmp_path / "var"))
    get_settings.cache_clear()
    return folder


@pytest.fixture
def bundled_sources(tmp_path: Path, sources_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("CSDL_QA_SOURCES_DIR", str(sources_dir))
    monkeypatch.setenv("CSDL_QA_DATA_DIR", str(tmp_path / "var"))
    get_settings.cache_clear()
    return sources_dir


def set_expected_entries(sources: Path, count: int) -> None:
    manifest = read_manifest(sources)
    manifest.documents[0].expected_entries = count
    (sources / "manifest.json").write_text(manifest_json(manifest), encoding="utf-8")


def test_validate_prints_counts_and_exits_0(ha_tinh_sources: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["corpus", "validate"]) == 0
    out, err = capsys.readouterr()
    assert out == "ha-tinh-2022: 34 entries (expected 34), 9 clauses\n"
    assert err == ""


@pytest.mark.needs_layouts("cells", "pdf", "tsv")
def test_validate_bundled_sources_is_clean(bundled_sources: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["corpus", "validate"])
    out, err = capsys.readouterr()
    assert (code, err) == (0, "")
    assert out.splitlines()[0] == "ha-tinh-2022: 34 entries (expected 34), 9 clauses"
    assert [line.split(":")[0] for line in out.splitlines()] == ["ha-tinh-2022", "hai-duong-2022", "quang-ninh-2026"]


def test_validate_reports_count_problem_and_exits_1(ha_tinh_sources: Path, capsys: pytest.CaptureFixture[str]) -> None:
    set_expected_entries(ha_tinh_sources, 35)
    assert main(["corpus", "validate"]) == 1
    out, err = capsys.readouterr()
    assert out == "ha-tinh-2022: 34 entries (expected 35), 9 clauses\n"
    assert err == "ha-tinh-2022 ha-tinh-2022 entries: 34 parsed, 35 expected\n"


def test_validate_reports_parse_error_as_file_line(ha_tinh_sources: Path, capsys: pytest.CaptureFixture[str]) -> None:
    path = ha_tinh_sources / "ha-tinh-2022.txt"
    path.write_text("QUYẾT ĐỊNH\nkhông có bảng\n", encoding="utf-8")
    manifest = read_manifest(ha_tinh_sources)
    manifest.documents[0].sha256 = sha256_file(path)
    (ha_tinh_sources / "manifest.json").write_text(manifest_json(manifest), encoding="utf-8")
    assert main(["corpus", "validate"]) == 1
    err = capsys.readouterr().err
    assert err.startswith("ha-tinh-2022.txt:"), err


def test_validate_reports_edited_source_behind_the_manifest(
    ha_tinh_sources: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = ha_tinh_sources / "ha-tinh-2022.txt"
    path.write_bytes(path.read_bytes() + b"\n")
    assert main(["corpus", "validate"]) == 1
    assert "ha-tinh-2022.txt: SHA-256" in capsys.readouterr().err


def test_build_prints_counts_then_reuses(
    ha_tinh_sources: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["corpus", "build"]) == 0
    first = capsys.readouterr().out.splitlines()
    assert first == [
        "ha-tinh-2022: 34 entries, 9 clauses",
        f"đã ghi: {tmp_path / 'var' / 'corpus'} (documents.jsonl, entries.jsonl, clauses.jsonl)",
    ]
    assert main(["corpus", "build"]) == 0
    assert capsys.readouterr().out.splitlines()[-1].startswith("đã mới, dùng lại: ")


def test_build_with_problems_exits_1_writing_nothing(
    ha_tinh_sources: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    set_expected_entries(ha_tinh_sources, 35)
    assert main(["corpus", "build"]) == 1
    assert capsys.readouterr().err == "ha-tinh-2022 ha-tinh-2022 entries: 34 parsed, 35 expected\n"
    assert not (tmp_path / "var" / "corpus" / "entries.jsonl").exists()


def test_show_entry_as_readable_text(ha_tinh_sources: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["corpus", "show", "ha-tinh-2022/20"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0].startswith("[ha-tinh-2022/20] Mục 20")
    assert "Tên cơ sở dữ liệu: CSDL về công báo" in lines
    assert "Đơn vị quản lý: Văn phòng UBND tỉnh" in lines
    assert "Thu thập, cập nhật: Văn phòng UBND tỉnh cập nhật dữ liệu" in lines
    assert "Chế độ chia sẻ: mở, mặc định" in lines


def test_show_entry_as_json(ha_tinh_sources: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["corpus", "show", "ha-tinh-2022/20", "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert (record["id"], record["agency"], record["sharing_modes"]) == (
        "ha-tinh-2022/20",
        "Văn phòng UBND tỉnh",
        ["mở", "mặc định"],
    )


def test_show_clause(ha_tinh_sources: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["corpus", "show", "ha-tinh-2022/dieu-2.1.a"]) == 0
    out = capsys.readouterr().out
    assert out.startswith("[ha-tinh-2022/dieu-2.1.a] Điều 2, khoản 1, điểm a")
    assert "Tiêu đề điều: Tổ chức thực hiện" in out
    assert "Tham mưu xây dựng Cổng dữ liệu dùng chung, dữ liệu mở của tỉnh theo quy định." in out


def test_show_document(ha_tinh_sources: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["corpus", "show", "ha-tinh-2022"]) == 0
    out = capsys.readouterr().out
    assert "Số: 1402/QĐ-UBND" in out and "Ngày: 2022-07-12" in out
    assert "34 mục danh mục, 9 điều khoản" in out


@pytest.mark.parametrize("unknown", ["ha-tinh-2022/99", "ha-tinh-2022/dieu-9", "da-nang-2024", "'; DROP TABLE --"])
def test_show_unknown_id_exits_1(ha_tinh_sources: Path, capsys: pytest.CaptureFixture[str], unknown: str) -> None:
    assert main(["corpus", "show", unknown]) == 1
    out, err = capsys.readouterr()
    assert out == ""
    assert err.startswith(f"Không tìm thấy mã {unknown!r}")


def test_ingest_adds_a_document(ha_tinh_sources: Path, derived_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", str(derived_file)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Đã thêm lam-son-2023 (Lam Sơn, 1500/QĐ-UBND): 29 mục danh mục, 9 điều khoản\n")
    assert (ha_tinh_sources / "lam-son-2023.txt").is_file()
    assert main(["corpus", "validate"]) == 0
    assert "lam-son-2023: 29 entries (expected 29), 9 clauses" in capsys.readouterr().out


def test_ingest_failure_exits_1_with_the_error(
    ha_tinh_sources: Path,
    tmp_path: Path,
    snapshot: Callable[[Path], dict[str, bytes]],
    capsys: pytest.CaptureFixture[str],
) -> None:
    empty = tmp_path / "rong.txt"
    empty.write_bytes(b"")
    before = snapshot(ha_tinh_sources)
    assert main(["ingest", str(empty)]) == 1
    out, err = capsys.readouterr()
    assert (out, err) == ("", "rong.txt: tệp rỗng (không có nội dung)\n")
    assert snapshot(ha_tinh_sources) == before


def test_ingest_duplicate_exits_1(ha_tinh_sources: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["ingest", str(ha_tinh_sources / "ha-tinh-2022.txt")]) == 1
    assert "ha-tinh-2022 đã có trong kho nguồn" in capsys.readouterr().err
