"""Reports that must yield an ACLED-typed event (and ordinary news that must not), on
sentences written for these tests (not from any data set)."""

from __future__ import annotations

from datetime import datetime

import polars as pl
import pytest

from flows.coding import code_documents


@pytest.fixture
def code(lexicon):
    def run(text: str) -> pl.DataFrame:
        documents = pl.DataFrame(
            {"doc_id": ["d"], "text": [text], "published_at": [datetime(2024, 3, 9)]}
        )
        return code_documents(documents, lexicon).events.sort("char_start")

    return run


def _told(events: pl.DataFrame) -> pl.DataFrame:
    return events.filter(~pl.col("is_negated") & pl.col("modality").is_in(["asserted", "claimed"]))


def test_an_attempted_attack_is_told_as_an_attack(code):
    events = _told(code("Bandits tried to attack a bus near Moyale on Sunday but fled."))
    assert events["event_code"].str.starts_with("ASSAULT").any()


def test_an_attempted_raid_on_an_office_is_told(code):
    events = _told(code("Rebels attempted to raid a police station in the hills on Monday."))
    assert events["event_code"].str.contains("^(ASSAULT|FIGHT)").any()


def test_an_attempted_negotiation_stays_hypothetical(code):
    events = code("The mayor tried to negotiate with the striking nurses on Monday.")
    talks = events.filter(pl.col("event_code").str.starts_with("CONSULT"))
    assert (talks["modality"] == "asserted").sum() == 0
