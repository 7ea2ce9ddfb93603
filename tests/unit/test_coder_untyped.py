"""Reports that must yield an ACLED-typed event (and ordinary news that must not), on
sentences written for these tests (not from any data set)."""

from __future__ import annotations

import polars as pl


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


def test_an_unknown_group_that_attacks_is_the_attacker(code):
    events = _told(code("An unknown group attacked a hamlet near Tarvel on Friday."))
    assert events["event_code"].str.starts_with("ASSAULT").any()


def test_a_group_of_fans_is_no_armed_group(code):
    events = code("A group of fans sang outside the stadium on Friday.")
    assert events["event_code"].str.contains("^(ASSAULT|FIGHT|COERCE)").sum() == 0


def test_militants_taking_over_a_village_take_territory(code):
    events = _told(code("Armed militants took over the village of Orrin on Tuesday night."))
    assert events["event_code"].to_list() == ["COERCE.occupy"]


def test_a_company_taking_over_a_rival_takes_no_territory(code):
    events = code("The brewer took over its smaller rival in a deal worth $2bn on Tuesday.")
    assert "COERCE.occupy" not in events["event_code"].to_list()


def test_armed_men_taking_over_regulation_take_no_ground(code):
    events = code("The militia took over regulation of the fishing sector last year.")
    assert "COERCE.occupy" not in events["event_code"].to_list()


def test_militants_sighted_near_a_camp_are_a_movement_of_forces(code):
    events = _told(code("Dozens of rebels were sighted near the Orrin camp on Monday."))
    assert events["event_code"].to_list() == ["MOBILIZE.troops"]


def test_a_singer_spotted_at_a_club_is_no_movement_of_forces(code):
    events = code("The singer was spotted at a nightclub in the capital on Monday.")
    assert events.filter(pl.col("event_code").str.starts_with("MOBILIZE")).height == 0


def test_villagers_who_chase_an_official_away_are_a_mob(code):
    events = _told(code("A district officer was chased away by angry villagers on Sunday."))
    assert events["event_code"].str.starts_with("PROTEST").any()


def test_police_chasing_suspects_is_no_riot(code):
    events = code("Police chased the two suspects into a maize field on Sunday.")
    assert not events["event_code"].str.starts_with("PROTEST").any()


def test_youths_who_disrupt_a_meeting_riot(code):
    events = _told(code("Angry youths disrupted a meeting of poll clerks in Tarvel on Monday."))
    assert events["event_code"].str.starts_with("PROTEST").any()


def test_a_strike_disrupting_flights_is_no_riot(code):
    events = code("The strike disrupted flights across the region for a second day.")
    assert not events["event_code"].str.starts_with("PROTEST").any()


def test_protesters_who_block_a_road_or_wave_placards_protest(code):
    assert (
        _told(code("Traders block the main road into Tarvel over new market fees."))["event_code"]
        .str.starts_with("PROTEST")
        .any()
    )
    assert (
        _told(code("Protesters waved placards outside the ministry on Monday."))["event_code"]
        .str.starts_with("PROTEST")
        .any()
    )


def test_a_land_plot_is_no_plot_to_attack(code):
    events = _told(code("Farmers from Plot 7 village protested over the state of the road."))
    assert events["event_code"].str.starts_with("PROTEST").any()


def test_feared_dead_leaves_the_attack_told(code):
    events = _told(code("Two herders are feared dead after an attack by bandits on a ranch."))
    assert events["event_code"].str.starts_with("ASSAULT").any()


def test_feared_attack_stays_a_fear(code):
    events = code("Traders feared an attack on the market before the vote.")
    assert (
        events.filter(pl.col("modality") == "asserted")["event_code"]
        .str.starts_with("ASSAULT")
        .sum()
        == 0
    )


def test_police_firing_rubber_bullets_at_protesters_intervene(code):
    events = _told(code("Police fire rubber bullets at marchers in the capital on Monday."))
    assert events["event_code"].str.starts_with("PROTEST").any()


def test_villagers_driving_people_from_their_homes_are_a_mob(code):
    events = _told(code("Angry villagers evicted six suspected thieves from their homes."))
    assert events["event_code"].to_list() == ["PROTEST.mob"]


def test_a_government_eviction_is_a_strategic_development(code, lexicon):
    events = _told(code("The county government evicted forty families from the forest."))
    typed = events.join(lexicon.event_codes, on="event_code")
    assert typed["acled_event_type"].to_list() == ["Strategic developments"]


def test_a_cattle_raid_or_a_revenge_attack_told_without_actors_is_an_attack(code):
    for text in (
        "Cattle raid against herders near Tarvel, 30 km from the border.",
        "Revenge attack on a hamlet near Orrin after the killings.",
    ):
        assert _told(code(text))["event_code"].str.starts_with("ASSAULT").any(), text


def test_the_subject_of_a_passive_attack_is_its_victim(code):
    for text in (
        "One nurse was beaten with a metal rod near the clinic on Friday.",
        "A ten-year-old was shot in the arm while playing in Tarvel on Sunday.",
    ):
        assert _told(code(text))["event_code"].str.starts_with("ASSAULT").any(), text


def test_instructions_that_can_be_executed_are_no_execution(code):
    events = code("The new chips raise the number of instructions that can be executed at once.")
    assert not events["event_code"].str.starts_with("ASSAULT").any()


def test_a_capitalised_word_of_a_name_is_no_modality(code):
    events = _told(code("The head of Housing and Planning is shot dead outside his office."))
    assert events["event_code"].str.starts_with("ASSAULT").any()


def test_a_planning_office_written_small_still_plans(code):
    events = code("Rebels are planning an attack on the town, officials said.")
    assert (
        (events.filter(pl.col("modality") == "asserted")["event_code"])
        .str.starts_with("ASSAULT")
        .sum()
        == 0
    )


def test_hostages_held_and_acid_poured_are_attacks(code):
    for text in (
        "Gunmen held hostages in a hotel in Tarvel for a second day.",
        "Attackers poured acid on two clerks at the Orrin office.",
    ):
        assert _told(code(text))["event_code"].str.starts_with("ASSAULT").any(), text


def test_communities_arming_themselves_or_militants_entering_villages_mobilise(code):
    for text in (
        "Villagers from two clans armed themselves against each other on Monday.",
        "Militants entered two villages near Orrin on Monday.",
    ):
        assert _told(code(text))["event_code"].str.starts_with("MOBILIZE").any(), text


def test_a_firm_entering_a_market_is_no_movement_of_forces(code):
    events = code("The firm entered the Chinese market last year.")
    assert not events["event_code"].str.starts_with("MOBILIZE").any()


def test_a_title_cased_headline_keeps_its_future(code):
    events = code("Rebels Will Attack Tarvel Town Next Week")
    assert (
        (events.filter(pl.col("modality") == "asserted")["event_code"])
        .str.starts_with("ASSAULT")
        .sum()
        == 0
    )


def test_protesters_gathered_outside_an_office_protest(code):
    events = _told(code("Protesters gathered outside the land registry in Tarvel on Monday."))
    assert events["event_code"].str.starts_with("PROTEST").any()


def test_rival_supporters_coming_to_blows_are_a_mob(code):
    events = _told(code("Rival party supporters came to blows outside a tallying centre."))
    assert events["event_code"].to_list() == ["PROTEST.mob"]


def test_party_youths_forcing_their_way_in_riot_but_robbers_do_not(code):
    assert (
        _told(code("Party youths forced their way into the tallying hall on Monday."))["event_code"]
        .str.starts_with("PROTEST")
        .any()
    )
    assert (
        not code("Robbers forced their way into a house in the estate.")["event_code"]
        .str.starts_with("PROTEST")
        .any()
    )


def test_a_denial_does_not_deny_the_protests_it_sparked(code):
    events = _told(
        code("The cleric was refused entry at the airport, which sparked violent protests.")
    )
    assert events["event_code"].str.starts_with("PROTEST").any()


def test_heightened_security_is_an_acled_change_to_group_activity(code, lexicon):
    events = _told(code("Police heightened security in the port city after a terror alert."))
    typed = events.join(lexicon.event_codes, on="event_code")
    assert "Change to group/activity" in typed["acled_sub_event_type"].to_list()


def test_a_planted_or_buried_explosive_is_remote_violence(code):
    for text in (
        "A planted explosive tore through an army truck near Orrin on Monday.",
        "Two guards escaped death when their car drove over a buried explosive.",
    ):
        assert _told(code(text))["event_code"].str.starts_with("ASSAULT.ied").any(), text


def test_houses_that_have_been_burnt_down_are_destroyed(code):
    events = _told(code("At least nine houses have been burnt down in Tarvel estate overnight."))
    assert events["event_code"].str.contains("^(COERCE|PROTEST|ASSAULT)").any()


def test_a_crowd_demanding_while_it_protests_protests(code):
    events = _told(code("Pupils protestd outside the school gate, demanding new desks."))
    assert events["event_code"].str.starts_with("PROTEST").any()


def test_a_minister_demanding_of_protesters_makes_a_demand(code):
    events = code("The minister demanded an apology from the protesters.")
    assert "REQUEST" in events["event_code"].to_list()


def test_a_request_does_not_govern_a_clash_after_a_dash(code):
    events = _told(
        code(
            "Families were seeking shelter in a church - led to a clash between militia and police."
        )
    )
    assert events["event_code"].str.starts_with("FIGHT").any()


def test_gunmen_spraying_a_car_with_bullets_shoot(code):
    events = _told(code("Masked gunmen sprayed a lorry belonging to a trader with bullets."))
    assert events["event_code"].str.starts_with("ASSAULT.firearms").any()


def test_troops_engaging_militants_fight(code):
    events = _told(code("Soldiers engaged rebel fighters near Orrin on Sunday."))
    assert events["event_code"].str.starts_with("FIGHT").any()


def test_engaging_a_lawyer_or_in_a_shouting_match_is_no_fight(code):
    for text in (
        "The couple engaged a lawyer last week.",
        "Supporters engaged in a shouting match.",
    ):
        assert not code(text)["event_code"].str.contains("^(FIGHT|PROTEST)").any(), text


def test_a_headline_reduced_passive_tells_the_destruction(code):
    events = _told(code("6 lorries burnt in Tarvel overnight"))
    assert events["event_code"].str.contains("^(COERCE|PROTEST|ASSAULT)").any()


def test_a_team_beaten_in_a_final_is_no_attack(code):
    assert not code("Rovers beaten in cup final")["event_code"].str.starts_with("ASSAULT").any()
