"""Places and dates of events in wire-service articles (datelines, background
paragraphs): articles written for these tests."""

from __future__ import annotations

from datetime import date, datetime

import pytest


@pytest.fixture
def article(lexicon, batch_at):
    """The (place name, date) of each event coded from an article published on the given
    day, in text order."""
    names = dict(lexicon.places.select("place_id", "name").iter_rows())

    def run(text: str, published: datetime = datetime(2023, 5, 8)) -> list[tuple]:
        events = batch_at(text, published=published).events.sort("char_start")
        assert events.height >= 1, text
        return [
            (names.get(place_id, place_id), event_date)
            for place_id, event_date in events.select("place_id", "event_date").iter_rows()
        ]

    return run


def test_a_datelines_town_places_events_whose_report_names_no_town(article):
    events = article(
        "PESHAWAR, Pakistan (AP) — Gunmen opened fire on a police checkpoint early Monday, "
        "killing three officers, police said."
    )
    assert events[0][0] == "Peshawar"
    events = article(
        "MAIDUGURI, Nigeria, June 4 (Reuters) - Insurgents killed 15 farmers in a village on "
        "Saturday, residents said.",
        datetime(2022, 6, 4),
    )
    assert events[0][0] == "Maiduguri"


def test_a_datelines_town_never_replaces_the_place_the_sentence_tells(article):
    events = article(
        "ADDIS ABABA, Ethiopia (AP) — Federal forces and militia fighters clashed in northern "
        "Ethiopia on Sunday, killing 30 people, witnesses said."
    )
    assert events[0][0] == "Ethiopia"
    events = article(
        "NAIROBI, Kenya (AP) — Gunmen killed four people in an attack on a bus in Mandera on "
        "Sunday, police said."
    )
    assert events[0][0] == "Mandera"


def test_a_country_struck_into_is_the_scene_not_the_place_of_an_earlier_sentence(article):
    events = article(
        "Soldiers raided a refugee camp in Jenin in the West Bank on Sunday, killing two men. "
        "Separately, militants fired rockets into southern Israel late Sunday, the army said."
    )
    assert events[0][0] == "Jenin"
    assert events[-1][0] == "Israel"


def test_a_country_fled_into_is_not_the_scene(article):
    events = article("Gunmen killed a trader in Mandera before fleeing into Somalia.")
    assert events[0][0] == "Mandera"


def test_a_background_toll_over_years_lends_its_place_to_no_event(article):
    events = article(
        "OUAGADOUGOU, Aug 13 (Reuters) - Islamist militants killed at least 20 soldiers in an "
        "attack in northern Burkina Faso on Saturday, the army said. Jihadist groups have "
        "killed thousands of people across the Sahel in the past decade.",
        datetime(2022, 8, 13),
    )
    assert events[0][0] == "Burkina Faso"


def test_a_site_far_abroad_named_by_another_name_is_not_the_place(article):
    events = article(
        "Malian troops clashed with JNIM militants near Boni on Saturday, killing 12 of them, "
        "the army said in Mali on Monday."
    )
    assert events[0][0] not in ("Boni Forest", "Bonn")


def test_a_datelines_town_never_replaces_a_place_the_gazetteer_lacks(article):
    events = article(
        "BAMAKO, Mali (AFP) - Malian troops clashed with JNIM militants near Boni on Saturday, "
        "killing 12 of them, the army said on Monday."
    )
    assert events[0][0] == "Mali"


def test_a_site_at_home_named_by_another_name_stays_the_place(article):
    events = article("Kenyan soldiers clashed with militants near Boni on Saturday.")
    assert events[0][0] == "Boni Forest"


def test_weekdays_are_counted_from_the_datelines_day_not_the_publication(article):
    # filed on Saturday 13 August, published on Monday 15 August
    text = "KABUL, Aug 13 (Reuters) - A suicide bomber killed 12 people at a mosque {}."
    published = datetime(2022, 8, 15)
    assert article(text.format("on Sunday"), published)[0][1] == date(2022, 8, 7)
    assert article(text.format("yesterday"), published)[0][1] == date(2022, 8, 12)
    assert article(text.format("on Saturday"), published)[0][1] == date(2022, 8, 13)


def test_the_datelines_day_dates_no_event_the_text_dates(article):
    events = article(
        "OUAGADOUGOU, Aug 13 (Reuters) - Militants killed 20 soldiers in an attack on "
        "Thursday, the army said.",
        datetime(2022, 8, 13),
    )
    assert events[0][1] == date(2022, 8, 11)


def test_the_day_a_war_began_dates_no_later_sentence(article):
    events = article(
        "The war began on Oct. 7, when militants stormed into southern Israel and killed about "
        "1,200 people. Soldiers arrested 15 suspects in the West Bank, the army said.",
        datetime(2023, 11, 20),
    )
    assert events[-1][0] == "West Bank"
    assert events[-1][1] != date(2023, 10, 7)


def test_the_capital_is_the_capital_of_the_country_told(article):
    events = article(
        "NAIROBI, Kenya (AP) — Police fired tear gas at protesters in the capital on Wednesday. "
        "In the coastal city of Mombasa, protesters burned tyres."
    )
    assert events[0][0] == "Nairobi"
    events = article("A car bomb exploded outside a hotel in the Somali capital on Sunday.")
    assert events[0][0] == "Mogadishu"


def test_datelines_of_two_towns_or_without_an_agency_are_datelines(article):
    events = article(
        "GAZA CITY/JERUSALEM, Nov 12 (Reuters) - Air strikes killed 13 people on Sunday, "
        "health officials said.",
        datetime(2023, 11, 12),
    )
    assert events[0][0] != "Nov"  # a month before its day is no place
    events = article(
        "BEIRUT — A drone strike killed two fighters on Sunday, security sources said.",
        datetime(2023, 11, 12),
    )
    assert events[0][0] == "Beirut"


def test_a_headline_line_before_the_dateline(article):
    events = article(
        "Three police officers killed in northwest Pakistan\n\nPESHAWAR, Pakistan (AP) — "
        "Gunmen opened fire on a police checkpoint on Sunday, killing three officers."
    )
    assert events[-1][0] == "Peshawar"


def test_a_name_followed_by_region_is_the_region(lexicon, batch_at):
    events = batch_at(
        "Jihadists killed 14 civilians in a village in central Mali's Mopti region on "
        "Friday, officials said.",
        published=datetime(2023, 11, 12),
    ).events
    kinds = dict(lexicon.places.select("place_id", "place_type").iter_rows())
    assert kinds[events["place_id"][0]] == "admin1"
