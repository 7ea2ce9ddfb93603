"""Where an event happened: place rules on sentences written for these tests."""

from __future__ import annotations

from datetime import datetime

import polars as pl
import pytest

from flows.coding import code_documents


@pytest.fixture
def place_of(lexicon):
    """The place names of the first event coded from a one-sentence report."""
    names = dict(lexicon.places.select("place_id", "name").iter_rows())

    def run(text: str) -> str | None:
        documents = pl.DataFrame(
            {"doc_id": ["d"], "text": [text], "published_at": [datetime(2024, 3, 9)]}
        )
        events = code_documents(documents, lexicon).events.sort("char_start")
        assert events.height >= 1, text
        place_id = events["place_id"][0]
        return names.get(place_id, place_id) if place_id else None

    return run


def test_a_first_name_joined_to_a_surname_is_a_person_not_a_place(place_of):
    assert place_of("French police arrested Nancy Dupont after a riot.") != "Nancy"
    assert place_of("Police questioned Boni Khalwale after a riot.") != "Boni Forest"


def test_a_name_after_a_title_is_a_person_not_a_place(place_of):
    assert place_of("Supporters of Senator Boni, who was arrested, rioted on Monday.") != (
        "Boni Forest"
    )


def test_a_demonym_is_a_people_not_a_region(place_of):
    assert place_of("Somali militants attacked a Kenyan police post.") != "Somali Region"


def test_in_a_chain_of_places_the_first_and_most_specific_wins(place_of):
    assert place_of("Gunmen attacked a bus in Mtwapa, Kilifi, on Friday.") == "Mtwapa"
    assert place_of("Gunmen attacked a bus in Witu, Lamu County, on Friday.") == "Witu"


def test_the_place_the_event_is_in_beats_a_place_naming_its_actors(place_of):
    assert place_of("Isiolo bandits attacked herders in Garba Tula on Friday.") == "Garba Tula"


def test_names_of_communities_are_peoples_not_towns(place_of):
    place = place_of("Two people were killed when Kikuyu and Maasai communities clashed.")
    assert place != "Kikuyu"


def test_a_road_named_after_towns_gives_way_to_the_place_on_it(place_of):
    assert place_of("Drivers blocked the Kisii-Bomet highway at Sotik on Monday.") == "Sotik"
    assert place_of("Traders blocked Juja Road in Nairobi on Monday.") == "Nairobi"


def test_a_town_abroad_is_only_the_place_when_the_text_puts_the_event_there(place_of):
    assert place_of("Young Kenyan activists protested outside parliament.") != "Young"
    assert place_of("Kenyan students protested in Nairobi.") == "Nairobi"


def test_names_match_without_their_apostrophes_and_as_possessives(place_of):
    assert place_of("Residents protested in Muranga town over water shortages.") in (
        "Murang’a",
        "Murang'a",
    )
    assert place_of("Police shot a suspect in Nairobis Eastlands on Monday.") == "Nairobi"


def test_gazetteer_names_demonyms_and_folded_spellings(lexicon):
    names = lexicon.place_names.filter(pl.col("place_id") != "ETH:country")
    assert names.filter(pl.col("name") == "Somali").is_empty()
    assert not names.filter(pl.col("name") == "Muranga").is_empty()


def test_a_people_named_anywhere_in_the_report_is_not_its_place(place_of):
    text = "Police shot a Kikuyu tribesman while separating Maasai and Kikuyu fighters."
    assert place_of(text) != "Kikuyu"
    assert place_of("Two Kilifi elders were attacked in Kilifi on Monday.") == "Kilifi"


def test_a_village_after_in_or_before_area_is_a_place_even_when_no_country_is_named(place_of):
    assert place_of("A riot broke out after a rally in Burnt Forest on Monday.") == "Burnt Forest"
    assert place_of("Bandits raided Sololo area and stole cattle.") == "Sololo"


def test_a_town_beats_the_country_it_is_in(place_of):
    assert place_of("Mombasa traders protested against new taxes in Kenya.") == "Mombasa"


def test_hyphenated_names_match_with_a_space_and_months_are_no_towns(lexicon, place_of):
    assert place_of("Squatters invaded a ranch in Taita Taveta on Monday.") == "Taita-Taveta"
    names = set(lexicon.place_names["name"].to_list())
    assert "August" not in names and "Taita Taveta" in names


def test_a_name_far_from_the_town_said_to_hold_it_is_another_place_of_that_name(place_of):
    # Kasarani of the gazetteer is in Nairobi, 250 km from Eldoret
    assert place_of("Youths rioted in Kasarani area, Eldoret, on Monday.") == "Eldoret"
    assert place_of("Youths rioted in Kasarani area, Nairobi, on Monday.") == "Kasarani"


def test_a_country_level_place_is_refined_by_a_town_of_it_named_in_another_sentence(place_of):
    text = "Gunmen attacked a police post in Kenya on Monday. Mandera lies nearby."
    assert place_of(text) == "Mandera"


def test_a_text_that_names_no_country_is_about_the_country_of_most_of_its_places(place_of):
    text = "Raiders killed two herders in Bururi village in Tana River District, near Hola."
    assert place_of(text) in ("Hola", "Tana River")  # not Bururi in Burundi


def test_the_town_of_a_region_is_the_place_not_the_region(place_of):
    text = "Israeli troops raided the West Bank town of Jenin on Monday."
    assert place_of(text) == "Jenin"


def test_where_actors_are_based_is_not_where_they_act(place_of):
    text = "Nairobi-based activists said Eldoret police beat protesters on Monday."
    assert place_of(text) == "Eldoret"


def test_a_capitalized_first_word_is_a_weak_place(place_of):
    # "Over" is a town in England; the sentence is about Nakuru
    text = "Over half of the market by the Nakuru bus station was burnt during riots."
    assert place_of(text) == "Nakuru"


def test_a_county_named_like_a_village_elsewhere_is_the_county(coded):
    events = coded("Two police officers were injured in clashes with herders in Baringo.").events
    assert events["place_id"].to_list()[0] == "KEN:baringo"  # not the village Baringo


def test_a_town_the_event_is_in_beats_a_neighbouring_country_named_beside_it(place_of):
    text = "An IED detonated in Tarbaj near the border with Somalia, killing eight officers."
    assert place_of(text) == "Tarbaj"


def test_a_country_name_is_the_country_not_a_town_named_after_it(lexicon, place_of):
    assert place_of("Police in Sudan shot dead two protesters on Monday.") == "Sudan"
    sudan = lexicon.place_names.filter(pl.col("name") == "Sudan")
    assert sudan["place_id"].to_list() == ["SDN:country"] * sudan.height


def test_two_names_joined_into_an_adjective_are_no_place(place_of):
    text = "A French minister threatened sanctions as Franco-German relations soured."
    assert place_of(text) != "Franco"


def test_off_the_coast_of_a_town_is_at_that_town(place_of):
    text = "Somali pirates abducted six fishermen off the coast of Malindi on Monday."
    assert place_of(text) == "Malindi"


def test_a_county_is_refined_by_a_town_in_it_named_in_another_sentence(place_of):
    text = "Herders clashed with police in Laikipia on Monday. Many fled to Nanyuki town."
    assert place_of(text) == "Nanyuki"


def test_a_place_after_a_country_s_is_in_that_country(place_of):
    # Soum is a province of Burkina Faso; the gazetteer knows only a village in Senegal
    text = "Gunmen killed 15 villagers in Burkina Faso's northern Soum province."
    assert place_of(text) == "Burkina Faso"


def test_a_region_named_like_its_city_abroad_resolves_to_the_city(coded, place_of):
    place_id = coded("Israeli air strikes hit Khan Younis in southern Gaza.").events["place_id"][0]
    assert place_id.startswith("PSE:")  # not Mozambique's Gaza province
    assert place_of("Russian missiles struck Kharkiv overnight.") in ("Kharkiv", "Kharkiv Oblast")
    assert place_of("Gunmen shot dead Paris Hilton's bodyguard in Los Angeles.") == "Los Angeles"


def test_of_two_namesakes_abroad_the_one_where_the_texts_regions_lie(place_of):
    # Eastleigh is a Nairobi estate and an English town; the text names Ethiopians only
    place = place_of("Officers detained two Ethiopian traders in Eastleigh after a raid.")
    assert place == "Eastleigh"
    assert place_of("Officers detained Ethiopian traders in Eastleigh, Nairobi.") == "Eastleigh"


def test_a_name_with_county_after_it_is_the_county_so_a_town_beside_it_wins(place_of):
    assert place_of("Youths from Kilifi County rioted in Malindi town on Sunday.") == "Malindi"
    assert place_of("In Nakuru County, traders rioted in Molo on Sunday.") == "Molo"


def test_people_named_by_a_demonym_do_not_make_their_state_the_place(place_of):
    text = "Police detained nine Tanzanian nationals on Monday. The arrests were made in Kisumu."
    assert place_of(text) == "Kisumu"


def test_a_town_in_a_chain_is_as_attached_as_the_county_holding_it(place_of):
    assert place_of("Youths of Maralal in Samburu County rioted over water shortages.") == (
        "Maralal"
    )
    # in a list the first town still wins, not the one next to the county
    assert place_of("Traders rioted in Kitale, Endebess and Kiminini, Trans Nzoia County.") == (
        "Kitale"
    )


def test_where_people_came_from_is_not_where_they_acted(place_of):
    assert place_of("Nurses from Kitui region staged a protest at the ministry in Nairobi.") == (
        "Nairobi"
    )
    assert place_of("A group of men from Nyeri attacked Othaya on Sunday night.") == "Othaya"
    # a road between towns and a distance from a town still tell the place
    assert place_of("Gunmen ambushed a bus travelling from Garsen to Lamu.") == "Garsen"
    assert place_of("Raiders attacked a village 20 km from Lodwar on Monday.") == "Lodwar"


def test_a_group_named_after_a_region_acts_there_when_no_other_place_is_named(code, place_of):
    events = code("Two groups of Wajir herders clashed over pasture, killing one.")
    assert events["place_id"][0] == "KEN:wajir"  # the county, not just Kenya
    assert place_of("Turkana raiders stole 300 goats in Baringo on Monday.") == "Baringo"
    # a town named like a people is no home region
    assert place_of("Two people were killed when Kikuyu and Maasai groups clashed.") != "Kikuyu"


def test_an_institution_named_after_its_town_puts_the_event_in_the_town(place_of):
    assert place_of("Rival supporters clashed at Embu Technical Training Institute.") == "Embu"
    assert place_of("Students burnt Kisii Universitys library on Monday night.") == "Kisii"
    # a first name joined to a surname is still a person
    assert place_of("French police arrested Nancy Dupont after a riot.") != "Nancy"
