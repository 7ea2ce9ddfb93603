"""Rules of the event coder on sentences written for these tests (not from any data set)."""

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


def test_a_follow_up_about_the_attack_adds_its_dead_to_that_attack(code):
    events = code(
        "Gunmen attacked a police post in Garissa on Friday. "
        "Four officers died in the attack."
    )
    violent = events.filter(pl.col("event_code").str.contains("^(ASSAULT|FIGHT)"))
    assert violent.height == 1
    assert violent["fatalities"][0] == 4


def test_killed_in_clashes_is_one_clash_not_a_separate_killing(code):
    events = code("Three people were killed in clashes between herders and farmers in Wajir.")
    assert events["event_code"].str.starts_with("ASSAULT").sum() == 0
    assert events.filter(pl.col("trigger") == "clashes")["fatalities"].to_list() == [3]


def test_rival_supporters_clashing_is_mob_violence_not_a_battle(code):
    events = code("Supporters of two rival candidates clashed in Eldoret town on Saturday.")
    assert events["event_code"].to_list() == ["PROTEST.mob"]


def test_a_clash_between_an_armed_group_and_police_stays_a_battle(code):
    events = code("Al-Shabaab militants and Kenyan police clashed near Mandera on Friday.")
    assert events["event_code"].str.starts_with("FIGHT").all()
    assert events.height >= 1
