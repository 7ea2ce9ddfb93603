"""One settings object: every path and knob, from the environment with defaults.

Paths resolve from the repository (the package's parent), never from the working directory.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
USER_AGENT = "newsevents/0.1 (batch news-event coder; +https://pypi.org/project/newsevents)"


def _env_path(name: str, default: Path) -> Path:
    value = os.environ.get(name)
    return Path(value).expanduser().resolve() if value else default


def _env_int(name: str, default: int) -> int:
    value = os.environ.get(name)
    if not value:
        return default
    try:
        number = int(value)
    except ValueError as error:
        raise ValueError(f"{name} must be an integer, got {value!r}") from error
    if number <= 0:
        raise ValueError(f"{name} must be positive, got {number}")
    return number


@dataclass(frozen=True)
class Settings:
    """Where things live and how big a batch is."""

    repo_root: Path = REPO_ROOT
    warehouse_path: Path = field(
        default_factory=lambda: _env_path(
            "NEWSEVENTS_WAREHOUSE", REPO_ROOT / "warehouse" / "events.duckdb"
        )
    )
    seeds_dir: Path = field(
        default_factory=lambda: _env_path("NEWSEVENTS_SEEDS", REPO_ROOT / "seeds")
    )
    sql_dir: Path = REPO_ROOT / "sql"
    batch_size: int = field(default_factory=lambda: _env_int("NEWSEVENTS_BATCH_SIZE", 2000))
    # processes for extraction and coding; one per core by default (1 = all in this process)
    workers: int = field(
        default_factory=lambda: _env_int("NEWSEVENTS_WORKERS", min(os.cpu_count() or 1, 4))
    )
    max_file_bytes: int = field(
        default_factory=lambda: _env_int("NEWSEVENTS_MAX_FILE_BYTES", 64 * 1024 * 1024)
    )
    # one document (a text file, an HTML page, a JSONL line): past this, parsing and coding
    # one input would take tens of seconds, and it is no news article anyway
    max_document_bytes: int = field(
        default_factory=lambda: _env_int("NEWSEVENTS_MAX_DOCUMENT_BYTES", 4 * 1024 * 1024)
    )
    # fetching from the web (flows/sources/web.py)
    user_agent: str = field(
        default_factory=lambda: os.environ.get("NEWSEVENTS_USER_AGENT") or USER_AGENT
    )
    fetch_delay: float = field(
        default_factory=lambda: float(os.environ.get("NEWSEVENTS_FETCH_DELAY") or 1.0)
    )
    # private, loopback and link-local addresses are refused unless this is set (tests,
    # intranets)
    allow_private_urls: bool = field(
        default_factory=lambda: os.environ.get("NEWSEVENTS_ALLOW_PRIVATE_URLS", "") == "1"
    )

    @property
    def default_articles_dir(self) -> Path:
        return self.seeds_dir / "articles"

    @property
    def schema_dir(self) -> Path:
        return self.sql_dir / "schema"

    @property
    def views_dir(self) -> Path:
        return self.sql_dir / "views"

    @property
    def checks_dir(self) -> Path:
        return self.sql_dir / "checks"


def load_settings(**overrides: object) -> Settings:
    """Settings from the environment, with explicit overrides (e.g. from the CLI) on top."""
    base = Settings()
    clean = {key: value for key, value in overrides.items() if value is not None}
    if "warehouse_path" in clean:
        clean["warehouse_path"] = Path(str(clean["warehouse_path"])).expanduser().resolve()
    return Settings(**{**base.__dict__, **clean})
