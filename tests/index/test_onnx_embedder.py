"""The ONNX export of the e5 folder: same query vectors as sentence-transformers, keyed like the folder, redone
when stale, and loaded without torch."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest

from eval.gold import load_gold
from index.embedder import ModelBuildError, SentenceTransformerEmbedder
from index.onnx_embedder import OnnxEmbedder
from index.onnx_export import DATA_FILE, ONNX_DIR, RECORD_FILE, current_export, ensure_onnx_export, export_key

REPO = Path(__file__).resolve().parents[2]


def _dev_questions() -> list[str]:
    items = load_gold(REPO / "eval" / "gold" / "dev.jsonl")
    return list(dict.fromkeys(turn.q for item in items for turn in item.turns))


def _fake_build(folder: Path, key: str) -> Path:
    folder.mkdir(parents=True)
    (folder / "build.json").write_text(json.dumps({"key": key}), encoding="utf-8")
    return folder


# ---------------------------------------------------------------- the key (no model needed)


def test_export_key_follows_the_model_folders_build_key(tmp_path: Path) -> None:
    a, b = _fake_build(tmp_path / "a", "1" * 64), _fake_build(tmp_path / "b", "2" * 64)
    assert export_key(a) != export_key(b) and export_key(a) == export_key(a)


def test_folder_without_build_record_cannot_be_exported(tmp_path: Path) -> None:
    with pytest.raises(ModelBuildError, match="build.json"):
        export_key(tmp_path)


def test_export_with_another_key_or_without_its_weights_is_not_current(tmp_path: Path) -> None:
    folder = _fake_build(tmp_path / "m", "1" * 64)
    (folder / ONNX_DIR).mkdir()
    (folder / ONNX_DIR / "model.onnx").write_bytes(b"graph")
    (folder / ONNX_DIR / RECORD_FILE).write_text(json.dumps({"key": "stale"}), encoding="utf-8")
    assert current_export(folder) is None
    (folder / ONNX_DIR / RECORD_FILE).write_text(json.dumps({"key": export_key(folder)}), encoding="utf-8")
    assert current_export(folder) is None  # the weights file is missing
    (folder / ONNX_DIR / DATA_FILE).write_bytes(b"weights")
    assert current_export(folder) is not None


# ---------------------------------------------------------------- the real export (slow)


@pytest.fixture(scope="module")
def onnx_embedder(e5_model_dir: Path) -> OnnxEmbedder:
    export = ensure_onnx_export(e5_model_dir)
    return OnnxEmbedder(e5_model_dir, export.model_file, model_id=e5_model_dir.name)


@pytest.mark.slow
def test_onnx_query_vectors_are_sentence_transformers_vectors(
    onnx_embedder: OnnxEmbedder, e5_embedder: SentenceTransformerEmbedder
) -> None:
    questions = _dev_questions()
    cosines = (onnx_embedder.encode_queries(questions) * e5_embedder.encode_queries(questions)).sum(axis=1)
    assert len(questions) > 250
    assert float(cosines.mean()) >= 0.9999 and float(cosines.min()) >= 0.9998


@pytest.mark.slow
def test_onnx_reads_the_same_tokens_as_sentence_transformers(
    onnx_embedder: OnnxEmbedder, e5_embedder: SentenceTransformerEmbedder
) -> None:
    long_question = "Cơ sở dữ liệu nào về đất đai " * 120  # beyond 512 tokens: both truncate alike
    for text in ("query: Cơ sở dữ liệu hộ tịch điện tử của Hà Tĩnh do cơ quan nào quản lý?", "query: " + long_question):
        ours = onnx_embedder._tokenizer.encode(text.strip()).ids
        theirs = e5_embedder._model.tokenizer(text.strip(), truncation=True, max_length=512)["input_ids"]
        assert ours == theirs
    assert len(onnx_embedder._tokenizer.encode("query: " + long_question).ids) == 512


@pytest.mark.slow
def test_passages_still_come_from_sentence_transformers(
    onnx_embedder: OnnxEmbedder, e5_embedder: SentenceTransformerEmbedder
) -> None:
    texts = ["CSDL về đất đai", "Mục đích: phục vụ quản lý về sử dụng đất trên địa bàn tỉnh."]
    assert np.allclose(onnx_embedder.encode_documents(texts), e5_embedder.encode_documents(texts), atol=1e-6)


@pytest.mark.slow
def test_current_export_is_reused_and_a_stale_one_is_redone(e5_model_dir: Path, onnx_embedder: OnnxEmbedder) -> None:
    assert not ensure_onnx_export(e5_model_dir).built
    record = e5_model_dir / ONNX_DIR / RECORD_FILE
    record.write_text(json.dumps({**json.loads(record.read_text(encoding="utf-8")), "key": "0" * 64}), "utf-8")
    redone = ensure_onnx_export(e5_model_dir)
    assert redone.built and redone.key == export_key(e5_model_dir)
    assert json.loads(record.read_text(encoding="utf-8"))["check"]["min_cosine_vs_torch"] >= 0.9999
    assert not any(p.name.startswith(".") for p in e5_model_dir.iterdir())  # no temporary folder left behind


@pytest.mark.slow
def test_query_embedding_through_onnx_does_not_import_torch(e5_model_dir: Path, onnx_embedder: OnnxEmbedder) -> None:
    script = (
        "import sys; from pathlib import Path; from index.embedder import load_embedder; "
        f"e = load_embedder('multilingual-e5-small', Path({str(e5_model_dir.parent)!r})); "
        "e.encode_queries(['Ai quản lý CSDL đất đai ở Hà Tĩnh?']); "
        "from index.analyze import analyze; analyze('hoà bình'); "
        "print(type(e).__name__, 'torch' in sys.modules)"
    )
    out = subprocess.run([sys.executable, "-c", script], cwd=REPO, capture_output=True, text=True, timeout=300)
    assert out.stdout.split() == ["OnnxEmbedder", "False"], out.stderr[-2000:]


@pytest.mark.slow
def test_a_query_alone_and_a_query_among_others_get_the_same_vector(e5_model_dir: Path) -> None:
    export = ensure_onnx_export(e5_model_dir)
    embedder = OnnxEmbedder(e5_model_dir, export.model_file, model_id=e5_model_dir.name, threads=2)
    questions = _dev_questions()[:40]
    alone = embedder.encode_queries(questions)  # nothing else running: the 2-thread session
    embedder._running = 1  # as if another request were being embedded: the 1-thread session
    try:
        among_others = embedder.encode_queries(questions)
    finally:
        embedder._running = 0
    assert embedder._alone is not embedder._shared
    assert np.allclose(alone, among_others, atol=1e-5)
