"""The words of crowds, attackers and their weapons (seeds/crowd_words.csv) in the coder's
rules, on sentences written for these tests (not from any data set)."""

from __future__ import annotations


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
