"""Who did a violent deed: perpetrators named by their organization or told by another verb.

Sentences written for these tests (not from any data set); lower-cased ones stand for old
newswire that comes without capitals.
"""

from __future__ import annotations

from datetime import datetime

import polars as pl
import pytest

from flows.coding import code_documents

VIOLENT = ("ASSAULT", "FIGHT", "COERCE")


@pytest.fixture
def sources(lexicon):
    """The sources (with their surfaces) of the violent events coded from a text."""

    def run(text: str) -> dict[str, set[str]]:
        documents = pl.DataFrame(
            {"doc_id": ["d"], "text": [text], "published_at": [datetime(1990, 3, 9)]}
        )
        coded = code_documents(documents, lexicon)
        violent = coded.events.filter(
            pl.col("event_code").str.split(".").list.first().is_in(VIOLENT)
        )
        ids = set(
            coded.event_actors.filter(
                pl.col("event_id").is_in(violent["event_id"].implode())
                & (pl.col("role") == "source")
            )["actor_id"].to_list()
        )
        found: dict[str, set[str]] = {actor_id: set() for actor_id in ids}
        for actor_id, surface in coded.actor_mentions.select("actor_id", "surface").iter_rows():
            if actor_id in found:
                found[actor_id].add(surface)
        return found

    return run


@pytest.mark.parametrize(
    ("text", "actor_id"),
    [
        ("two engineers were kidnapped on monday by guerrillas of the eln.", "ELN"),
        ("Fighters of al-Shabaab attacked a police camp near Mandera on Monday.", "AL_SHABAAB"),
        ("a unit of the shining path ambushed a patrol near ayacucho yesterday.", "SHINING_PATH"),
        ("a farmer was shot dead by a group of rebels from the fmln on sunday.", "FMLN"),
    ],
)
def test_members_named_by_their_organization_are_that_organization(sources, text, actor_id):
    assert actor_id in sources(text)


def test_a_deed_carried_out_by_a_named_group_is_that_groups(sources):
    found = sources(
        "the kidnapping of four students last week was planned and carried out by the mrta."
    )
    assert "MRTA" in found


def test_whoever_planted_the_bomb_is_the_author_of_the_blast(sources):
    found = sources(
        "a bomb exploded under a bus near the market on monday, killing two passengers. the "
        "police said the bomb had been planted by the farc."
    )
    assert set(found) == {"FARC"}


def test_a_deed_referred_back_to_takes_the_author_told_later(sources):
    found = sources(
        "a bomb exploded outside a bank in lima on friday. no one has claimed it so far. "
        'police said the attack may have been carried out by the "shining path" group or '
        "the mrta."
    )
    assert {"SHINING_PATH", "MRTA"} <= set(found)


def test_those_held_responsible_for_an_attack_told_before_are_its_authors(sources):
    found = sources(
        "a bomb exploded at a university in san salvador on monday, damaging two buildings. "
        "in a communique, the fmln holds the treasury police responsible for this attack."
    )
    assert set(found) == {"TREASURY_POLICE_SLV"}


def test_a_later_vaguer_author_does_not_replace_a_named_one(sources):
    found = sources(
        "the fmln bombed a bus in usulutan on monday. the army said "
        "the attack was carried out by unidentified gunmen."
    )
    assert set(found) == {"FMLN"}


@pytest.mark.parametrize(
    ("text", "actor_id"),
    [
        (
            "the ambush of a patrol, perpetrated near the border on friday by the eln, left "
            "three soldiers dead.",
            "ELN",
        ),
        (
            "a car bomb exploded outside a bank in bogota on wednesday, wounding six people. "
            "the police accused the medellin cartel of the attack.",
            "MEDELLIN_CARTEL",
        ),
        (
            "a car bomb exploded outside a bank in lima on wednesday, wounding six people. "
            "a judge said the shining path is to blame for the attack.",
            "SHINING_PATH",
        ),
        (
            "two officers of the treasury police, implicated in the murder of a union leader, "
            "were arrested on friday.",
            "TREASURY_POLICE_SLV",
        ),
    ],
)
def test_authors_told_by_accusation_and_responsibility_verbs(sources, text, actor_id):
    assert actor_id in sources(text)


def test_members_of_a_unit_of_a_group_climb_to_the_group(sources):
    found = sources("a farmer was killed by alleged members of the 9th front of the farc.")
    assert "FARC" in found


def test_a_named_group_right_before_a_deed_noun_is_its_author(sources):
    found = sources("the talks were held in the midst of an eln offensive in the north.")
    assert "ELN" in found


def test_a_group_announcing_that_it_would_attack_is_the_author_not_a_name_between(lexicon):
    text = (
        "the mrta, which the government calls a terrorist group, announced following the u.s. "
        "invasion of panama that it would attack u.s. interests in peru."
    )
    documents = pl.DataFrame({"doc_id": ["d"], "text": [text], "published_at": [None]})
    coded = code_documents(documents, lexicon)
    attack = coded.events.filter(pl.col("trigger") == "attack")["event_id"].to_list()
    authors = coded.event_actors.filter(
        pl.col("event_id").is_in(attack) & (pl.col("role") == "source")
    )["actor_id"].to_list()
    assert authors == ["MRTA"]


def test_a_generic_actors_mention_has_the_id_of_that_actor_in_its_event(lexicon):
    text = (
        "Kenya protested to Kenya's neighbours on Tuesday. Police shot dead two traders in "
        "Kampala on Monday."
    )
    documents = pl.DataFrame({"doc_id": ["d"], "text": [text], "published_at": [None]})
    coded = code_documents(documents, lexicon)
    police = coded.actor_mentions.filter(pl.col("surface") == "Police")["actor_id"].to_list()
    sources = coded.event_actors.filter(pl.col("role") == "source")["actor_id"].to_list()
    assert police == ["UGA.COP"]
    assert "UGA.COP" in sources


def test_a_plural_possessive_names_the_author_of_the_deed(sources):
    found = sources("the fmln said the armed forces' bombings killed ten civilians in morazan.")
    assert set(found) == {"UNK.MIL"}
