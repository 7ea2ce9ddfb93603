"""Fixtures of the coder's unit tests."""

from __future__ import annotations

from datetime import datetime

import polars as pl
import pytest

from flows.coding import code_documents


@pytest.fixture
def coded(lexicon):
    """One text in (a report published on 9 March 2024), its coded batch out."""

    def run(text: str):
        documents = pl.DataFrame(
            {"doc_id": ["d"], "text": [text], "published_at": [datetime(2024, 3, 9)]}
        )
        return code_documents(documents, lexicon)

    return run


@pytest.fixture
def code(coded):
    """One text in, its events out, in text order."""

    def run(text: str) -> pl.DataFrame:
        return coded(text).events.sort("char_start")

    return run
