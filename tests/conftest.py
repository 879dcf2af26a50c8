"""Suite-wide set-up: nothing may reach a model hub, and no test reads the developer's environment settings."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

# Set before any test module imports sentence-transformers / transformers.
os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")
os.environ.setdefault("HF_HUB_DISABLE_TELEMETRY", "1")

REPO_ROOT = Path(__file__).resolve().parents[1]
SOURCES_DIR = REPO_ROOT / "corpus" / "sources"


@pytest.fixture(autouse=True)
def _isolated_settings(monkeypatch: pytest.MonkeyPatch) -> None:
    """CSDL_QA_* variables of the shell running the tests must not leak into them."""
    for name in list(os.environ):
        if name.startswith("CSDL_QA_"):
            monkeypatch.delenv(name)
    from api.settings import get_settings

    get_settings.cache_clear()


@pytest.fixture(scope="session")
def sources_dir() -> Path:
    """The bundled raw decisions (read-only: copy before changing)."""
    return SOURCES_DIR
