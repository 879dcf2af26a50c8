"""Embedders: the hashing fake, local sentence-transformers folders offline, and the spec that picks one."""

from __future__ import annotations

import shutil
import socket
from pathlib import Path

import numpy as np
import pytest

from index.embedder import Embedder, EmbedderError, FakeEmbedder, SentenceTransformerEmbedder, load_embedder

# Source text (Hà Tĩnh, entries 29 and 31) and questions a user would ask about it.
LAND = "CSDL về đất đai. Mục đích: phục vụ quản lý về sử dụng đất trên địa bàn tỉnh."
JUDICIAL = "CSDL về lý lịch tư pháp"


def _norms(vectors: np.ndarray) -> np.ndarray:
    return np.linalg.norm(vectors, axis=1)


# ---------------------------------------------------------------- FakeEmbedder


def test_fake_embedder_is_deterministic_across_instances() -> None:
    texts = ["Sở Tài nguyên và Môi trường", "hộ tịch điện tử"]
    assert np.array_equal(FakeEmbedder(64).encode_documents(texts), FakeEmbedder(64).encode_documents(texts))


def test_fake_embedder_rows_are_unit_float32() -> None:
    vectors = FakeEmbedder(64).encode_queries(["Hà Tĩnh", "", "   ", "Quảng Ninh có bao nhiêu cơ sở dữ liệu?"])
    assert vectors.dtype == np.float32 and vectors.shape == (4, 64)
    assert np.allclose(_norms(vectors), 1.0, atol=1e-6)


def test_fake_embedder_empty_list_gives_no_rows() -> None:
    assert FakeEmbedder(32).encode_documents([]).shape == (0, 32)


def test_fake_embedder_matches_text_without_diacritics() -> None:
    fake = FakeEmbedder(64)
    query = fake.encode_queries(["ha tinh"])[0]
    docs = fake.encode_documents(["Hà Tĩnh", "Quảng Ninh"])
    assert docs[0] @ query > docs[1] @ query


def test_fake_embedder_is_an_embedder() -> None:
    assert isinstance(FakeEmbedder(64), Embedder)


def test_fake_embedder_refuses_dimension_below_two() -> None:
    with pytest.raises(EmbedderError, match="dim"):
        FakeEmbedder(1)


# ---------------------------------------------------------------- load_embedder: specs


def test_none_spec_gives_no_embedder(tmp_path: Path) -> None:
    assert load_embedder("none", tmp_path) is None


def test_unknown_spec_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EmbedderError, match="unknown embedder 'bge-m3'"):
        load_embedder("bge-m3", tmp_path)


def test_missing_folder_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(EmbedderError, match="unknown embedder"):
        load_embedder(str(tmp_path / "absent"), tmp_path)


def test_folder_without_a_model_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    with pytest.raises(EmbedderError, match="not a sentence-transformers model folder"):
        load_embedder(str(tmp_path / "empty"), tmp_path)


# ---------------------------------------------------------------- real models (slow)


@pytest.fixture()
def no_network(monkeypatch: pytest.MonkeyPatch) -> None:
    """Any attempt to open a connection fails the test."""

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)


@pytest.mark.slow
@pytest.mark.usefixtures("no_network")
def test_local_folder_loads_offline(minilm_dir: Path, tmp_path: Path) -> None:
    folder = tmp_path / "all-minilm-l6-v2"
    shutil.copytree(minilm_dir, folder)
    embedder = load_embedder(str(folder), tmp_path / "models")
    assert isinstance(embedder, SentenceTransformerEmbedder)
    assert (embedder.model_id, embedder.dim) == ("all-minilm-l6-v2", 384)
    vectors = embedder.encode_documents(["shared land database", "judicial records"])
    assert vectors.dtype == np.float32 and np.allclose(_norms(vectors), 1.0, atol=1e-5)


@pytest.mark.slow
def test_local_folder_without_prompts_encodes_queries_as_documents(minilm_dir: Path, tmp_path: Path) -> None:
    embedder = load_embedder(str(minilm_dir), tmp_path)
    assert embedder is not None
    text = ["which agency keeps the land database?"]
    assert np.allclose(embedder.encode_queries(text), embedder.encode_documents(text), atol=1e-6)


@pytest.mark.slow
@pytest.mark.usefixtures("no_network")
def test_e5_spec_reuses_the_built_folder(e5_model_dir: Path) -> None:
    embedder = load_embedder("multilingual-e5-small", e5_model_dir.parent, query_runtime="torch")
    assert isinstance(embedder, SentenceTransformerEmbedder)
    assert (embedder.path, embedder.model_id, embedder.dim) == (e5_model_dir, e5_model_dir.name, 384)


@pytest.mark.slow
@pytest.mark.usefixtures("no_network")
def test_e5_spec_embeds_queries_with_the_folders_onnx_export_by_default(e5_model_dir: Path) -> None:
    from index.onnx_embedder import OnnxEmbedder

    embedder = load_embedder("multilingual-e5-small", e5_model_dir.parent)
    assert isinstance(embedder, OnnxEmbedder)
    assert (embedder.model_folder, embedder.model_id, embedder.dim) == (e5_model_dir, e5_model_dir.name, 384)
    assert embedder.model_file == e5_model_dir / "onnx" / "model.onnx"


@pytest.mark.slow
def test_a_cache_size_puts_the_query_cache_in_front(minilm_dir: Path, tmp_path: Path) -> None:
    from index.query_cache import CachedQueryEmbedder

    embedder = load_embedder(str(minilm_dir), tmp_path, query_cache_size=8)
    assert isinstance(embedder, CachedQueryEmbedder) and isinstance(embedder.inner, SentenceTransformerEmbedder)
    assert embedder.model_id == "model" and embedder.size == 8


@pytest.mark.slow
def test_e5_queries_and_documents_get_their_own_prompts(e5_embedder: SentenceTransformerEmbedder) -> None:
    as_query = e5_embedder.encode_queries([LAND])
    as_document = e5_embedder.encode_documents([LAND])
    assert float(as_query[0] @ as_document[0]) < 0.999
    direct = e5_embedder._model.encode(["query: " + LAND, "passage: " + LAND], normalize_embeddings=True)
    assert np.allclose(np.vstack([as_query, as_document]), direct, atol=1e-5)


@pytest.mark.slow
def test_e5_vectors_are_unit_float32(e5_embedder: SentenceTransformerEmbedder) -> None:
    vectors = e5_embedder.encode_documents([LAND, JUDICIAL, ""])
    assert vectors.dtype == np.float32 and vectors.shape == (3, 384)
    assert np.allclose(_norms(vectors), 1.0, atol=1e-5)


@pytest.mark.slow
def test_e5_empty_batch_gives_no_rows(e5_embedder: SentenceTransformerEmbedder) -> None:
    assert e5_embedder.encode_queries([]).shape == (0, 384)


@pytest.mark.slow
def test_e5_ranks_the_land_entry_first_for_a_land_question(e5_embedder: SentenceTransformerEmbedder) -> None:
    query = e5_embedder.encode_queries(["Cơ sở dữ liệu đất đai do cơ quan nào quản lý?"])[0]
    docs = e5_embedder.encode_documents([JUDICIAL, LAND])
    assert int(np.argmax(docs @ query)) == 1


@pytest.mark.slow
def test_e5_ranks_without_diacritics_too(e5_embedder: SentenceTransformerEmbedder) -> None:
    query = e5_embedder.encode_queries(["co so du lieu ly lich tu phap"])[0]
    docs = e5_embedder.encode_documents([LAND, JUDICIAL])
    assert int(np.argmax(docs @ query)) == 1


@pytest.mark.slow
def test_e5_long_passage_is_truncated_not_refused(e5_embedder: SentenceTransformerEmbedder) -> None:
    vectors = e5_embedder.encode_documents([LAND * 200])  # far beyond 512 tokens
    assert vectors.shape == (1, 384) and np.isfinite(vectors).all()


@pytest.mark.slow
def test_e5_single_query_leaves_torch_on_one_thread(e5_embedder: SentenceTransformerEmbedder) -> None:
    import torch

    e5_embedder.batch_threads = 2
    try:
        e5_embedder.encode_documents([LAND, JUDICIAL])  # the batch path takes two threads…
        e5_embedder.encode_queries([LAND])
    finally:
        e5_embedder.batch_threads = 1
    assert torch.get_num_threads() == 1  # …and gives them back
