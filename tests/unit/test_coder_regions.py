"""Reports in ACLED's current style ("On 5 March 2021, ...") from regions other than Kenya,
written for these tests (not from any data set): the rules must not lean on one country."""

from __future__ import annotations

from datetime import datetime
from functools import partial

import polars as pl
import pytest


@pytest.fixture
def batch(batch_at):
    """Texts in (one report each, published on 20 April 2021), the coded batch out."""
    return partial(batch_at, published=datetime(2021, 4, 20))


@pytest.fixture
def code(batch):
    def run(text: str) -> pl.DataFrame:
        return batch(text).events.sort("char_start")

    return run


def test_the_month_of_march_is_no_protest_march(code):
    events = code(
        "On 5 March 2021, army soldiers clashed with Al-Shabaab militants near Baidoa, "
        "killing four militants."
    )
    assert events["event_code"].str.starts_with("FIGHT").all()
    assert events.height >= 1


def test_troops_killing_rebels_during_a_protest_month_is_a_clash_not_repression(code):
    events = code(
        "On 9 March 2021, security forces killed two rebels in a gunfight in Kunduz province."
    )
    assert not events["event_code"].is_in(["ASSAULT.protesters", "PROTEST.riot"]).any()


def test_a_suspected_perpetrator_leaves_the_attack_asserted(code):
    events = code(
        "On 3 March 2021, suspected jihadist militants attacked a village in Borno State, "
        "killing 5 soldiers and 2 civilians."
    )
    assert events["modality"].to_list() == ["asserted"]  # one attack, counted in the views
    assert events["fatalities"].to_list() == [7]


def test_an_alleged_act_stays_claimed(code):
    events = code("On 4 March 2021, police allegedly shot a student in Nairobi.")
    assert events["modality"].to_list() == ["claimed"]


def test_the_state_in_a_place_name_is_no_government_actor(batch):
    mentions = batch("On 6 March 2021, gunmen attacked a village in Zamfara State.").actor_mentions
    assert mentions["surface"].to_list() == ["gunmen"]


def test_a_state_in_lower_case_after_its_name_is_a_place_but_after_a_demonym_the_government(
    batch,
):
    coded = batch(
        "On 4 May 2021, militiamen attacked a village in Plateau state, killing 12 civilians.",
        "On 4 May 2021, protesters attacked the Nigerian state's offices in Kano.",
    )
    targets = coded.event_actors.filter(pl.col("role") == "target").sort("event_id")
    by_doc = dict(
        zip(
            coded.events["event_id"].to_list(),
            coded.events["doc_id"].to_list(),
            strict=True,
        )
    )
    found = {(by_doc[e], a) for e, a in targets.select("event_id", "actor_id").iter_rows()}
    assert found == {("a", "NGA.CVL"), ("b", "NGA.GOV")}  # one attack on civilians in "a"


def test_launching_a_missile_is_an_attack_and_its_victims_are_people_of_its_place(batch):
    coded = batch("On 6 March 2021, rebels launched a missile at Marib; 2 people were injured.")
    event = coded.events.row(0, named=True)
    assert event["trigger"] == "launched a missile"
    assert event["place_id"].startswith("YEM:")
    targets = coded.event_actors.filter(pl.col("role") == "target")["actor_id"].to_list()
    assert [target[:3] for target in targets] == ["YEM"]  # the state hit, or its people


def test_a_french_province_name_in_english_places_its_town(code):
    events = code("On 7 March 2021, rebels killed 12 civilians in a village near Beni, North Kivu.")
    assert events["place_id"].str.starts_with("COD:").to_list() == [True]


def test_the_month_of_may_is_no_modal_verb(code):
    events = code(
        "On 1 May 2021, militia fighters clashed with army troops near Gondar, killing 20."
    )
    assert events["modality"].to_list() == ["asserted"]
    assert events["fatalities"].to_list() == [20]  # the killing is the clash's, not a second event


def test_the_modal_verb_may_still_makes_a_hypothetical(code):
    events = code("Officials said on 2 May 2021 that the rebels may attack the town.")
    assert not events.filter(pl.col("trigger") == "attack")["modality"].is_in(["asserted"]).any()


def test_a_named_group_in_an_earlier_clause_is_not_the_subject_of_a_later_one(batch):
    coded = batch(
        "On 21 April 2021, Al-Shabaab militants seized a town in Somalia after "
        "government forces withdrew."
    )
    withdrawal = coded.events.filter(pl.col("trigger") == "withdrew")["event_id"]
    sources = coded.event_actors.filter(
        pl.col("event_id").is_in(withdrawal.implode()) & (pl.col("role") == "source")
    )["actor_id"].to_list()
    assert sources == ["SOM.MIL"]


def test_the_vehicle_a_mine_hit_is_not_the_attacker(batch):
    coded = batch(
        "On 28 April 2021, a landmine exploded under a military vehicle near Mopti, "
        "killing 4 soldiers."
    )
    assert coded.events["fatalities"].to_list() == [4]
    roles = coded.event_actors.select("role", "actor_id").rows()
    assert roles == [("target", "MLI.MIL")]


def test_an_attack_told_by_two_words_is_one_event_with_the_more_specific_code(code):
    events = code(
        "On 5 March 2021, militants detonated an IED targeting an army convoy near Afgoye."
    )
    assert events["event_code"].to_list() == ["ASSAULT.ied"]


def test_a_known_group_before_a_word_for_its_fighters_is_that_group(batch):
    coded = batch("On 8 March 2021, M23 rebels and FARDC soldiers fought near Rutshuru.")
    mentions = coded.actor_mentions
    assert mentions.select("surface", "actor_id").rows() == [
        ("M23 rebels", "M23"),
        ("FARDC soldiers", "FARDC"),
    ]


def test_a_country_after_a_town_and_a_comma_is_where_not_who(batch):
    coded = batch(
        "On 7 March 2021, supporters of two rival parties clashed in Lilongwe, Malawi.",
        "On 15 March 2021, an airstrike killed 10 militants near Tessit, Mali.",
        "On 5 March 2021, a mob attacked and killed a man in Mbale district, Uganda.",
    )
    assert "MWI" not in coded.event_actors["actor_id"].to_list()
    assert "MLI" not in coded.event_actors["actor_id"].to_list()
    assert "UGA" not in coded.event_actors["actor_id"].to_list()
    places = coded.events.sort("doc_id")["place_id"].str.slice(0, 3).to_list()
    assert places == ["MWI", "MLI", "UGA"]


def test_a_group_is_not_the_attacker_of_its_own_fighters(batch):
    roles = (
        batch(
            "On 18 April 2021, Turkish warplanes struck a PKK hideout in Sinjar district, "
            "killing 2 PKK militants."
        )
        .event_actors.select("role", "actor_id")
        .rows()
    )
    assert ("target", "PKK") in roles
    assert ("source", "PKK") not in roles


def test_a_suicide_bomber_detonating_explosives_is_one_suicide_bombing(code):
    events = code(
        "On 15 March 2021, a suicide bomber detonated explosives at a mosque in Peshawar, "
        "killing 57 worshippers."
    )
    assert events.select("event_code", "fatalities").rows() == [("ASSAULT.suicide", 57)]


def test_a_gold_mine_is_a_workplace_not_a_landmine(code):
    shooting = code(
        "On 3 April 2021, gunmen killed four miners in Ituri province. "
        "The four were shot dead as they left the gold mine."
    )
    assert shooting["event_code"].str.starts_with("ASSAULT").any()
    assert not shooting["event_code"].is_in(["ASSAULT.ied"]).any()
    blast = code("On 3 April 2021, a military truck hit a mine near Kidal, killing two soldiers.")
    assert blast["event_code"].to_list() == ["ASSAULT.ied"]


def test_a_report_naming_no_country_is_placed_where_its_named_group_is_at_home(batch):
    # Beni is a town of the DR Congo and, as El Beni, a region of Bolivia; the report names
    # only the ADF, a Congolese armed group
    coded = batch("On 12 April 2021, ADF rebels attacked a village near Beni, killing 11 people.")
    assert coded.events["place_id"].to_list() == ["COD:219057"]
    assert coded.places.filter(pl.col("place_id") == "COD:219057")["name"].to_list() == ["Beni"]


def test_an_event_ahead_of_a_rally_does_not_make_the_rally_happen(code):
    events = code(
        "On 16 April 2021, police arrested 30 opposition activists in Kampala ahead of a rally."
    )
    asserted = events.filter(pl.col("modality") == "asserted")
    assert asserted["event_code"].to_list() == ["COERCE.arrest"]


def test_drones_or_militants_that_struck_attacked_but_a_court_or_a_car_did_not(batch):
    coded = batch(
        "On 3 April 2021, Turkish drones struck a convoy in northern Iraq, killing three fighters.",
        "On 3 April 2021, militants struck a police post in Borno State, killing four officers.",
        "On 3 April 2021, the court struck down the curfew law.",
        "On 3 April 2021, a man was struck by a car in Nairobi and died.",
        "On 3 April 2021, the two firms struck a deal worth 2 billion dollars.",
    )
    violent = coded.events.filter(pl.col("event_code").str.contains(r"^(?:ASSAULT|FIGHT)"))
    assert violent.sort("doc_id").select("doc_id", "fatalities").rows() == [("a", 3), ("b", 4)]
    drone = coded.events.filter(pl.col("doc_id") == "a")["event_code"].to_list()
    assert drone == ["FIGHT.aerial"]


def test_a_drone_launched_at_a_target_is_a_drone_strike_but_a_delivery_drone_is_not(batch):
    coded = batch(
        "On 15 April 2021, rebel forces launched a drone at an airport in Jizan; "
        "no casualties were reported.",
        "On 15 April 2021, a retailer launched drones for parcel delivery in Cambridge.",
    )
    codes = coded.events.select("doc_id", "event_code").rows()
    struck = [code for doc, code in codes if doc == "a"]
    assert len(struck) == 1 and struck[0].endswith(".aerial")  # ACLED: Air/drone strike
    assert [code for doc, code in codes if doc == "b"] == []


def test_an_attack_reported_to_have_killed_no_one_is_typed_like_one_that_hurt_no_one(batch):
    coded = batch(
        "On 3 April 2021, gunmen attacked a village in Zamfara State; no one was hurt.",
        "On 3 April 2021, gunmen attacked a village in Zamfara State; no one was reported killed.",
    )
    codes = coded.events.sort("doc_id")["event_code"].to_list()
    assert codes == ["COERCE.destroy", "COERCE.destroy"]  # ACLED: a strategic development


def test_a_body_found_with_words_before_the_verb_is_a_killing(code):
    events = code(
        "On 12 April 2021, the body of a local journalist was found dumped near a river "
        "in Niamey, Niger."
    )
    assert events["event_code"].to_list() == ["ASSAULT.kill"]
    assert events["fatalities"].to_list() == [1]


def test_a_body_found_after_a_told_shooting_is_not_a_second_killing(code):
    events = code(
        "On 12 April 2021, gunmen shot dead two men and the bodies of three others were later "
        "found in a forest near Bunia, DR Congo."
    )
    assert len(events) == 1
    assert events["fatalities"].to_list() == [5]


def test_a_body_carried_to_a_funeral_is_no_killing(code):
    assert code("The body of the late president was taken to his home village.").is_empty()


def test_a_team_that_beat_another_by_a_score_made_no_assault(code):
    assert code("Real Madrid beat Sevilla 3-1 on Saturday.").is_empty()
    assert code("Arsenal crushed the visitors 4–0 at home.").is_empty()
    attack = code("Militants attacked the base on 12-13 April, killing five soldiers.")
    assert attack["fatalities"].to_list() == [5]  # a range of days is no score


def test_ground_captured_by_fighting_is_a_battle_and_ground_left_is_handed_over(code):
    fought = code("On 14 April 2021, Taliban militants captured the district centre of Ghormach.")
    assert fought["event_code"].to_list() == ["FIGHT.overtake"]
    rebels = code("On 14 April 2021, rebels captured Goma after heavy fighting.")
    assert rebels["event_code"].to_list() == ["FIGHT.overtake"]
    left = code(
        "On 14 April 2021, al-Shabaab militants seized the town of Bulo Burte after the "
        "troops withdrew."
    )
    assert left["event_code"].to_list()[0] == "COERCE.occupy"  # ACLED: no battle fought


def test_people_or_goods_captured_are_arrests_and_seizures_not_ground(code):
    assert code("Police captured two robbers in Kisumu.")["event_code"].to_list() == [
        "COERCE.arrest"
    ]
    seized = code("Soldiers seized weapons and ammunition from the militants.")
    assert seized["event_code"].to_list() == ["COERCE.seize"]


def test_maoist_rebels_are_an_armed_group_that_kills_civilians(batch):
    coded = batch("On 5 April 2021, Maoists killed a villager in Bijapur, Chhattisgarh.")
    sources = coded.event_actors.filter(pl.col("role") == "source")["actor_id"].to_list()
    assert sources == ["IND.REB"]
    assert coded.events["event_code"].to_list() == ["ASSAULT.kill"]


def test_a_wire_dateline_names_neither_a_party_nor_a_second_attack(batch):
    coded = batch(
        "OUAGADOUGOU, April 18 (Reuters) - Suspected jihadist militants killed at least 12 "
        "civilians in an attack on a village in northern Burkina Faso on Saturday."
    )
    assert len(coded.events) == 1  # "killed ... in an attack": one attack
    event = coded.events.row(0, named=True)
    assert event["fatalities"] == 12
    sources = coded.event_actors.filter(pl.col("role") == "source")["actor_id"].to_list()
    assert sources == ["BFA.REB"]  # not Reuters, nor the capital of the dateline


def test_a_toll_over_years_is_background_and_not_added_to_the_attack(code):
    events = code(
        "On 17 April 2021, gunmen stormed a village in Burkina Faso. Several houses were set on "
        "fire. Militants have killed thousands of people across the Sahel since 2015."
    )
    toll = events.filter(pl.col("fatalities") == 1000)
    assert toll["is_historical"].to_list() == [True]
    assert events.filter(~pl.col("is_historical"))["fatalities"].drop_nulls().is_empty()


def test_a_habit_in_the_present_perfect_is_background(code):
    events = code(
        "On 9 April 2021, gunmen shot dead seven police officers guarding polio vaccinators in "
        "Pakistan. Militants have repeatedly targeted polio teams in Pakistan."
    )
    habit = events.filter(pl.col("char_start") > 90)
    assert habit["is_historical"].to_list() == [True]
    assert events.filter(pl.col("char_start") < 90)["is_historical"].to_list() == [False]


def test_enemies_neutralised_are_killed_but_a_neutralised_effect_is_nothing(code):
    events = code("On 18 April 2021, the army said soldiers had neutralised 20 of the attackers.")
    assert events["fatalities"].to_list() == [20]  # a report's pluperfect is no earlier act
    assert code("The central bank neutralised the effect of the rate rise.").is_empty()
