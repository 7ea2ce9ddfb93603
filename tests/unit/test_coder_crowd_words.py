"""The words of crowds, attackers and their weapons (seeds/crowd_words.csv) in the coder's
rules, on sentences written for these tests (not from any data set)."""

from __future__ import annotations

import shutil
from datetime import datetime
from pathlib import Path

import polars as pl
import pytest

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


@pytest.mark.parametrize(
    "weapons,town",
    [
        ("cutlasses", "Enugu"),
        ("spears", "Gambella"),
        ("swords", "Mopti"),
        ("pistols", "Peshawar"),
        ("shotguns", "Kaduna"),
        ("kalashnikovs", "Gao"),
        ("daggers", "Quetta"),
    ],
)
def test_men_carrying_weapons_of_other_regions_attacking_the_police_fight_them(code, weapons, town):
    events = code(
        f"A group of men carrying {weapons} attacked a police post near {town} on Monday."
    )
    assert events["event_code"].to_list() == ["FIGHT.firearms"]


@pytest.mark.parametrize(
    "arms,town",
    [
        ("iron rods", "Patna"),
        ("lathis", "Patna"),
        ("bricks", "Lahore"),
        ("rocks", "Hebron"),
        ("bottles", "Belfast"),
        ("slingshots", "Srinagar"),
        ("catapults", "Srinagar"),
        ("batons", "Dhaka"),
        ("knobkerries", "Durban"),
        ("sjamboks", "Durban"),
        ("whips", "Lahore"),
    ],
)
def test_a_crowd_armed_with_what_crowds_carry_is_still_a_mob(code, arms, town):
    events = code(f"Villagers armed with {arms} set fire to a house near {town} on Monday.")
    assert events["event_code"].to_list() == ["PROTEST.mob"]


@pytest.mark.parametrize(
    "text",
    [
        "Villagers fought back and killed two dacoits who raided their village near Patna.",
        "Marauders attacked a village near Zinder on Sunday. Residents fought back and killed "
        "two marauders.",
        "Villagers fought back and killed two jihadists who raided their village near Mopti.",
    ],
)
def test_villagers_killing_raiders_of_other_regions_fought_them(code, text):
    # armed raiders (dacoits, marauders, jihadists) met by villagers who fought back: a
    # battle (ACLED), not a mob
    events = code(text)
    assert events.filter(pl.col("trigger") == "fought")["event_code"].to_list() == [
        "FIGHT.firearms"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Kidnappers attacked a farm near Kaduna on Sunday; two of the kidnappers were killed.",
        "Insurgents attacked a market in a village near Gao, and two of the insurgents were "
        "killed.",
        "Terrorists stormed a village near Diffa; two terrorists were shot dead.",
    ],
)
def test_attackers_of_other_regions_among_the_dead_were_fought(code, text):
    # someone fought back when the attackers died: an armed clash (ACLED Battles)
    assert code(text)["event_code"].to_list()[0] == "FIGHT.firearms"


def test_angry_townspeople_are_a_mob(code):
    events = code("Angry townspeople set fire to a police station near Niamey on Monday.")
    assert events["event_code"].to_list() == ["PROTEST.mob"]


@pytest.mark.parametrize(
    "text",
    [
        "Four people were killed when Bodo militiamen attacked a village on Sunday.",
        "Four people were killed when Naga clansmen attacked a village on Sunday.",
        "Four people were killed when Bodo nomads attacked a village on Sunday.",
        "Four people were killed when Bodo kinsmen attacked a village on Sunday.",
        "A Naga herder was killed on Sunday.",
        "A Naga herdsman was killed on Sunday.",
    ],
)
def test_a_people_named_like_a_town_abroad_is_no_place(code, text):
    # "Bodo" and "Naga" are towns in Norway and the Philippines too: told as a people,
    # neither is where the violence happened
    assert code(text)["place_id"].to_list() == [None]


@pytest.mark.parametrize(
    "text",
    [
        "Insurgents attacked a village near Gao on Sunday. Soldiers pursued the insurgents into "
        "the bush.",
        "Kidnappers attacked a farm near Kaduna on Sunday. Soldiers responded and pursued the "
        "kidnappers.",
        "Terrorists attacked a market near Diffa on Sunday. Troops responded and pursued the "
        "terrorists.",
    ],
)
def test_forces_pursuing_the_attackers_of_other_regions_fought_them(code, text):
    # the attack and the forces' pursuit of its attackers: a battle (ACLED), the attacker
    # words of seeds/crowd_words.csv telling whom the forces pursued
    assert code(text)["event_code"].to_list() == ["FIGHT.firearms"]


@pytest.mark.parametrize(
    "text",
    [
        "Armed robbers attacked a bus near Kano on Sunday; two of the robbers were shot dead.",
        "Armed robbers attacked a bus near Kano on Sunday. Police responded and pursued the "
        "robbers.",
        "Poachers attacked a village near Garamba on Sunday. Soldiers pursued the poachers into "
        "the park.",
    ],
)
def test_robbers_and_poachers_shot_dead_or_pursued_were_fought(code, text):
    # armed thieves (seeds/crowd_words.csv "thief"): dead, or pursued by the forces, they
    # met armed resistance (ACLED Battles)
    assert code(text)["event_code"].to_list() == ["FIGHT.firearms"]


def test_dacoits_raiding_a_village_are_its_attackers(coded, roles):
    # dacoits (armed robber gangs of South Asia) are an agent noun: their raid is an attack
    # with a doer, not only the looting told after it
    batch = coded("Dacoits raided a village near Patna on Sunday and looted shops.")
    assert batch.events["event_code"].to_list() == ["ASSAULT"]
    assert roles(batch, "ASSAULT", "source") == ["IND.CRM"]


def test_marauders_attacking_a_village_are_an_attack(code):
    # "attacked" needs an armed doer: marauders are one (an agent noun)
    events = code("Marauders attacked a village near Zinder on Sunday.")
    assert events["event_code"].to_list() == ["ASSAULT"]
    events = code(
        "Marauders attacked a village near Zinder on Sunday. Soldiers pursued the marauders "
        "towards the border."
    )
    assert events["event_code"].to_list() == ["FIGHT.firearms"]


@pytest.mark.parametrize(
    "text",
    [
        "Rebels attacked a village near Bunia on Sunday; two of the rebels were killed.",
        "Rebels attacked a market near Bunia on Sunday. Soldiers pursued the rebels into the "
        "forest.",
        "Guerrillas attacked a village near Ayacucho on Sunday. Troops responded and pursued "
        "the guerrillas.",
    ],
)
def test_rebels_and_guerrillas_killed_or_pursued_were_fought(code, text):
    assert code(text)["event_code"].to_list() == ["FIGHT.firearms"]


def test_villagers_killing_raiding_rebels_fought_them(code):
    events = code(
        "Villagers fought back and killed two rebels who raided their village near Bunia."
    )
    assert events.filter(pl.col("trigger") == "fought")["event_code"].to_list() == [
        "FIGHT.firearms"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Gunmen attacked a checkpoint near Raqqa on Sunday; four of the fighters were killed.",
        "Separatists attacked a village near Bamenda on Sunday; two of the separatists were "
        "killed.",
        "Gangsters attacked a bus near San Salvador on Sunday; two of the gangsters were shot "
        "dead.",
    ],
)
def test_fighters_separatists_and_gangsters_among_the_dead_were_fought(code, text):
    assert code(text)["event_code"].to_list() == ["FIGHT.firearms"]


def test_villagers_killing_raiding_separatists_fought_them(code):
    events = code(
        "Villagers fought back and killed two separatists who raided their village near Bamenda."
    )
    assert events.filter(pl.col("trigger") == "fought")["event_code"].to_list() == [
        "FIGHT.firearms"
    ]
