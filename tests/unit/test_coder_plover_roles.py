"""PLOVER types and targets of diplomatic and political events, on sentences written for
these tests (not from any data set)."""

from __future__ import annotations

from datetime import datetime

import polars as pl
import pytest

from flows.coding import code_documents


@pytest.fixture
def main_event(lexicon):
    """The most confident event of a one-sentence report, with its targets' actor ids."""

    def run(text: str) -> dict:
        documents = pl.DataFrame(
            {"doc_id": ["d"], "text": [text], "published_at": [datetime(2024, 3, 9)]}
        )
        coded = code_documents(documents, lexicon)
        event = coded.events.sort(["confidence", "char_start"], descending=[True, False]).row(
            0, named=True
        )
        roles = coded.event_actors.filter(pl.col("event_id") == event["event_id"])
        event["targets"] = roles.filter(pl.col("role") == "target")["actor_id"].to_list()
        return event

    return run


def test_the_state_a_visitor_arrives_in_is_the_target(main_event):
    event = main_event("The Chilean foreign minister arrived in Lisbon on Tuesday.")
    assert event["event_code"].startswith("CONSULT")
    assert event["targets"] == ["PRT"]


def test_the_country_of_refuge_is_the_target(main_event):
    event = main_event("Thousands of Malian villagers sought refuge in Niger last week.")
    assert event["targets"] == ["NER"]


def test_a_place_told_after_another_clause_is_not_the_target(main_event):
    event = main_event(
        "The Peruvian minister resigned on Friday, two days before the summit opened in Lima."
    )
    assert event["event_code"].startswith("RETREAT")
    assert event["targets"] == []


def test_a_stated_intention_to_boycott_is_a_threat(main_event):
    event = main_event("The Chilean opposition will boycott the local elections in March.")
    assert event["event_code"] == "THREATEN"


def test_said_it_would_impose_sanctions_is_a_threat_against_the_target(main_event):
    event = main_event("Venezuela said on Monday it would impose sanctions on Guyana.")
    assert event["event_code"] == "THREATEN"
    assert event["targets"] == ["GUY"]


def test_will_support_is_a_promise(main_event):
    event = main_event("Brazil will support Paraguay's bid to join the regional bloc.")
    assert event["event_code"] == "AGREE"
    assert event["targets"] == ["PRY"]


def test_what_a_speaker_says_another_must_do_is_a_demand_made_of_it(main_event):
    event = main_event("Brazil said that Bolivia must hand over the suspects.")
    assert event["event_code"] == "REQUEST"
    assert event["targets"] == ["BOL"]


def test_must_agree_is_a_demand_not_an_agreement(main_event):
    event = main_event("Chile said that Argentina must agree to a joint border commission.")
    assert event["event_code"] == "REQUEST"
    assert event["targets"] == ["ARG"]


def test_a_protest_is_against_whom_its_demand_names(main_event):
    event = main_event(
        "Hundreds of Chilean miners began a hunger strike on Monday to demand the resignation "
        "of the Chilean government."
    )
    assert event["event_code"].startswith("PROTEST")
    assert event["targets"] == ["CHL.GOV"]


def test_the_police_who_report_a_march_are_not_its_target(main_event):
    event = main_event("Teachers marched through Lima on Friday, police said.")
    assert event["event_code"].startswith("PROTEST")
    assert event["targets"] == []


def test_a_rejected_call_is_aimed_at_whoever_made_it(main_event):
    event = main_event("Peru rejected repeated calls by Bolivia for a new border treaty.")
    assert event["event_code"] == "REJECT"
    assert event["targets"] == ["BOL"]


def test_is_suing_is_a_progressive_not_a_passive(main_event):
    event = main_event("An Ecuadorian businessman is suing the United States over his ship.")
    assert event["event_code"].startswith("ACCUSE")
    assert event["targets"] == ["USA"]


def test_the_sources_own_troops_are_not_the_target(main_event):
    event = main_event("Brazil has offered its troops to the new Haitian government.")
    assert event["targets"] == ["HTI.GOV"]


def test_a_threat_is_aimed_at_the_target_of_the_act_it_threatens(main_event):
    event = main_event("Venezuela threatened on Monday to bomb Guyanese border posts.")
    assert event["event_code"].startswith("THREATEN")
    assert [t[:3] for t in event["targets"]] == ["GUY"]


def test_accepting_demands_is_a_concession_not_a_demand(main_event):
    event = main_event(
        "The Bolivian government on Friday accepted demands from striking miners for higher pay."
    )
    assert event["event_code"] == "CONCEDE"


def test_an_official_protest_is_a_diplomatic_complaint_not_a_demonstration(main_event):
    event = main_event("Bolivia lodged an official protest with Chile on Monday over the incident.")
    assert event["event_code"] == "ACCUSE.complain"
    assert event["targets"] == ["CHL"]


def test_hacking_into_computers_is_coercion(main_event):
    event = main_event("Russian hackers have hacked into the computers of the Estonian ministry.")
    assert event["event_code"] == "COERCE"


def test_will_not_accept_is_a_refusal(main_event):
    event = main_event("Chile says it will not accept any more refugees from Peru.")
    assert event["event_code"] == "REJECT"


def test_is_opposed_to_is_a_refusal_by_the_subject(main_event):
    event = main_event("Uruguay is opposed to Brazilian mediation in the dispute.")
    assert event["event_code"] == "REJECT"
    assert event["targets"] == ["BRA"]


def test_failing_to_reach_agreement_is_a_rejection(main_event):
    event = main_event("Peruvian and Chilean negotiators failed to reach agreement on Friday.")
    assert event["event_code"] == "REJECT"


def test_lifting_a_ban_is_not_a_ban(main_event):
    event = main_event(
        "The Bolivian president said he is ready to lift the ban on the opposition party."
    )
    assert event["event_code"] == "AGREE"


def test_a_demand_that_someone_act_is_made_of_that_someone(main_event):
    event = main_event("The ILO demanded on Monday that Peru ease restrictions on migrant workers.")
    assert event["event_code"] == "REQUEST"
    assert event["targets"] == ["PER"]


def test_seeking_asylum_is_a_request_not_a_grant(main_event):
    event = main_event("Hundreds of Venezuelans sought asylum in Spain last month.")
    assert event["event_code"].startswith("REQUEST")
    assert event["targets"] == ["ESP"]


def test_suspending_aid_is_a_sanction_not_a_restriction(main_event):
    event = main_event("Japan suspended part of its military aid to Burma on Friday.")
    assert event["event_code"] == "SANCTION.aid"


def test_a_cancelled_visit_is_a_sanction_not_a_negated_visit(main_event):
    event = main_event("The Chilean foreign minister cancelled a planned visit to Peru.")
    assert event["event_code"] == "SANCTION.halt"
    assert not event["is_negated"]
    assert event["targets"] == ["PER"]


def test_we_must_is_no_demand(coded):
    events = coded("We must improve our defence, the coach of the Chilean team said.").events
    assert "REQUEST" not in events["event_code"].to_list()


def test_resigning_has_no_target(main_event):
    event = main_event("The Peruvian president resigned on Sunday as the opposition gathered.")
    assert event["event_code"] == "RETREAT.resign"
    assert event["targets"] == []


def test_surrendering_to_someone_makes_them_the_target(main_event):
    event = main_event("Two hundred Colombian rebels surrendered to the Colombian army on Friday.")
    assert event["event_code"] == "RETREAT.surrender"
    assert event["targets"] == ["COLOMBIAN_MILITARY"]


def test_an_abbreviated_rank_is_a_military_actor(main_event):
    event = main_event("Gen. Ramirez resigned on Sunday.")
    assert event["event_code"] == "RETREAT.resign"


def test_the_parties_a_mediator_goes_between_are_not_its_source(main_event):
    event = main_event(
        "Egypt said that the US must be ready to mediate between Israelis and Palestinians."
    )
    assert event["event_code"] == "REQUEST"
    assert event["targets"] == ["USA"]


def test_the_military_in_joint_military_exercises_is_no_target(main_event):
    event = main_event("Chile and Peru have agreed to hold joint military exercises next month.")
    assert event["event_code"] == "AGREE"
    assert event["targets"] == []


def test_a_complaint_to_a_body_is_aimed_at_whom_it_is_about(main_event):
    event = main_event("Bolivia complained to the United Nations on Monday about Chile.")
    assert event["event_code"].startswith("ACCUSE")
    assert event["targets"] == ["CHL"]


def test_the_subject_of_a_clause_opened_by_after_is_the_attacker(coded):
    batch = coded("Two soldiers died after rebels ambushed their truck near Bunia on Monday.")
    event = batch.events.filter(pl.col("trigger") == "ambushed").row(0, named=True)
    roles = batch.event_actors.filter(pl.col("event_id") == event["event_id"])
    sources = roles.filter(pl.col("role") == "source")["actor_id"].to_list()
    assert sources and sources[0].endswith(".REB")


def _sources_of(lexicon, text: str, trigger: str) -> list[str]:
    documents = pl.DataFrame(
        {"doc_id": ["d"], "text": [text], "published_at": [datetime(2024, 3, 9)]}
    )
    batch = code_documents(documents, lexicon)
    event = batch.events.filter(pl.col("trigger") == trigger).row(0, named=True)
    roles = batch.event_actors.filter(pl.col("event_id") == event["event_id"])
    return roles.filter(pl.col("role") == "source")["actor_id"].to_list()


@pytest.mark.parametrize(
    ("text", "trigger"),
    [
        (
            "Rebels attacked a police post near Bunia, killing a sergeant and abducting two "
            "others.",
            "abducting",
        ),
        (
            "Rebels crossed the river, fought soldiers, killed one and abducted four others.",
            "abducted",
        ),
    ],
)
def test_verbs_in_a_series_after_a_comma_share_the_first_verbs_subject(lexicon, text, trigger):
    sources = _sources_of(lexicon, text, trigger)
    assert sources and sources[0].endswith(".REB")


def test_a_relative_clause_keeps_its_own_subject(lexicon):
    sources = _sources_of(
        lexicon,
        "Police shot dead two men who were stoning cars, looting shops and burning tyres.",
        "stoning",
    )
    assert not any(s.endswith(".COP") for s in sources)


def test_a_quoted_subject_after_after_is_still_the_subject(lexicon):
    sources = _sources_of(
        lexicon, 'Hundreds of people fled after "bandits" burned forty huts near Tot.', "burned"
    )
    assert sources and not sources[0].endswith(".CVL")
