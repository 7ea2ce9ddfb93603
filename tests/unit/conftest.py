"""Fixtures of the coder's unit tests."""

from __future__ import annotations

from datetime import datetime

import polars as pl
import pytest

from flows.coding import code_documents


@pytest.fixture
def batch_at(lexicon):
    """Texts in (one report each, published on the given day), the coded batch out."""

    def run(*texts: str, published: datetime = datetime(2024, 3, 9)):
        documents = pl.DataFrame(
            {
                "doc_id": [chr(ord("a") + index) for index in range(len(texts))],
                "text": list(texts),
                "published_at": [published] * len(texts),
            }
        )
        return code_documents(documents, lexicon)

    return run


@pytest.fixture
def coded(batch_at):
    """One text in (a report published on 9 March 2024), its coded batch out."""

    def run(text: str):
        return batch_at(text)

    return run


@pytest.fixture
def code(coded):
    """One text in, its events out, in text order."""

    def run(text: str) -> pl.DataFrame:
        return coded(text).events.sort("char_start")

    return run


@pytest.fixture
def roles():
    """The actor ids in one role (source, target, claimant) of a batch's first event, in
    text order, whose code starts with a prefix."""

    def run(batch, code: str, role: str) -> list[str]:
        event = batch.events.filter(pl.col("event_code").str.starts_with(code)).sort("char_start")
        return batch.event_actors.filter(
            (pl.col("event_id") == event["event_id"][0]) & (pl.col("role") == role)
        )["actor_id"].to_list()

    return run
