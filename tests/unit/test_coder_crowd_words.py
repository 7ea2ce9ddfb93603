"""The words of crowds, attackers and their weapons (seeds/crowd_words.csv) in the coder's
rules, on sentences written for these tests (not from any data set)."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import polars as pl

from flows.coding import code_documents
from flows.lexicon import load_lexicon


def test_a_weapon_is_a_whole_word_narrowly_holds_no_arrow(code):
    # "narrowly" once matched "arrow": the victims of a witch hunt were told armed
    events = code(
        "Two old women narrowly escaped death after they were attacked over witchcraft "
        "claims in a village near Kisii."
    )
    assert events["event_code"].to_list() == ["PROTEST.mob"]
    events = code(
        "An elderly man narrowly survived after he was beaten by a group on suspicion of "
        "witchcraft."
    )
    assert events["event_code"].to_list() == ["PROTEST.mob"]


def test_the_rules_take_their_words_from_the_lexicon(tmp_path, lexicon):
    # a word added to crowd_words.csv is a weapon of the rules: the patterns are built per
    # lexicon, not fixed when the coder is imported
    seeds = Path(__file__).resolve().parents[2] / "seeds"
    for path in seeds.glob("*.csv"):
        shutil.copy(path, tmp_path / path.name)
    with (tmp_path / "crowd_words.csv").open("a", encoding="utf-8") as handle:
        handle.write("zork,weapon,false\nzorks,weapon,true\n")
    custom = load_lexicon(tmp_path)
    assert custom.coder_version != lexicon.coder_version
    documents = pl.DataFrame(
        {
            "doc_id": ["a"],
            "text": ["Residents carrying zorks set fire to a house in the village on Monday."],
            "published_at": [datetime(2024, 3, 9)],
        }
    )
    assert code_documents(documents, lexicon).events["event_code"].to_list() == ["PROTEST.mob"]
    assert code_documents(documents, custom).events["event_code"].to_list() == ["COERCE.destroy"]
