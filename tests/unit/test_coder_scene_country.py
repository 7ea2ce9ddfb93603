"""The country an event happened in when the text names no place in it: the victims' home,
not the raiders' or refugees' origin, nor the country across a border.

Sentences written for these tests (not from any data set).
"""

from __future__ import annotations

from datetime import datetime

import polars as pl
import pytest

from flows.coding import code_documents


@pytest.fixture
def places(lexicon):
    def run(text: str) -> list[str | None]:
        documents = pl.DataFrame(
            {"doc_id": ["d"], "text": [text], "published_at": [datetime(2012, 5, 2)]}
        )
        return code_documents(documents, lexicon).events.sort("char_start")["place_id"].to_list()

    return run


def test_raiders_from_abroad_strike_where_their_victims_live(places):
    assert places("Ethiopian raiders attacked Kenyan villagers on Monday.") == ["KEN:country"]
    assert set(places("Ugandan gunmen shot two Kenyan herders on Friday.")) == {"KEN:country"}


@pytest.mark.parametrize(
    "text",
    [
        "Armed raiders from Uganda attacked a village on Sunday, police said.",
        "Gunmen killed three police officers near the Somali border on Monday.",
        "Bandits shot dead two traders near the border with Ethiopia on Friday.",
        "Somali refugees were shot dead by unknown gunmen on Monday.",
    ],
)
def test_an_origin_or_a_border_is_not_the_scene(places, text):
    assert not any(place and place.endswith(":country") for place in places(text))
