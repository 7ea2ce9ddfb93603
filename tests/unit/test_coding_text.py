from datetime import date, datetime

import polars as pl
import pytest

from flows.coding.casualties import count_casualties
from flows.coding.dates import find_dates
from flows.coding.text import (
    MAX_RUN,
    find_phrases,
    first_words,
    keep_longest,
    phrases_present,
    split_sentences,
)


def _sentences(text):
    frame = split_sentences(pl.DataFrame({"doc_id": ["d"], "text": [text]}))
    return [text[start:end] for start, end in frame.select("start", "end").iter_rows()]


def test_sentences_respect_abbreviations_decimals_and_lines():
    text = (
        "The U.S. Army said 3.5 million people fled. Gen. Qassem Soleimani was killed in "
        "Jan. 2020!\nBackground\n“Is it over?” she asked. Yes."
    )
    assert _sentences(text) == [
        "The U.S. Army said 3.5 million people fled.",
        "Gen. Qassem Soleimani was killed in Jan. 2020!",
        "Background",
        "“Is it over?” she asked.",
        "Yes.",
    ]


def test_sentence_offsets_point_into_the_text_with_non_ascii():
    text = "Ça va. Kenyan police in Mombasa said … nothing. Done"
    frame = split_sentences(pl.DataFrame({"doc_id": ["d"], "text": [text]}))
    assert frame["sentence_index"].to_list() == [0, 1, 2]
    assert _sentences(text) == ["Ça va.", "Kenyan police in Mombasa said … nothing.", "Done"]


def test_runs_cut_at_max_run_characters_are_not_sentences():
    # a 1 MB dump with no punctuation is cut into bounded pieces, none of which is a sentence
    assert split_sentences(pl.DataFrame({"doc_id": ["d"], "text": ["word " * 200_000]})).is_empty()
    run = "word " * (MAX_RUN // 2)  # longer than MAX_RUN, and its end starts mid-run
    text = f"Troops withdrew. {run}end. Police arrested 4 men."
    assert _sentences(text) == ["Troops withdrew.", "Police arrested 4 men."]


def test_find_phrases_respects_word_boundaries_and_longest_match():
    docs = pl.DataFrame(
        {
            "doc_id": ["d"],
            "text": [
                "Iranian forces and ISIS-Khorasan fought near Paris; "
                "the Parisian mayor wept. Über Iran."
            ],
        }
    )
    found = find_phrases(
        docs, pl.Series(["iran", "iranian", "isis", "isis-khorasan", "paris"]), case_sensitive=False
    )
    found = keep_longest(found)
    text = docs["text"][0]
    assert [text[s:e] for s, e in found.select("start", "end").iter_rows()] == [
        "Iranian",
        "ISIS-Khorasan",
        "Paris",
        "Iran",
    ]


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        ("the deadly bombings that claimed the lives of 95 people", (95, None)),
        ("the deaths of 13 US troops and around 170 Afghans", (183, None)),
        ("Five people were killed and 12 injured in the attack.", (5, 12)),
        ("Police shot dead a suspected robber.", (1, None)),
        ("At least 12 people were killed, including 3 children.", (12, None)),
        ("Gunmen killed between 5 and 8 villagers.", (5, None)),
        ("Dozens were injured.", (None, 12)),
        ("killing two police officers and injuring four others", (2, 4)),
        ("No casualties were reported.", (None, None)),
        ("Rustlers stole 300 cattle and killed a herder.", (1, None)),
        ("The budget rose by 12 million and nobody was hurt by it.", (None, None)),
        ("Call 2200000003 if anyone was killed or hurt near people.", (None, None)),
        # a day of a date, animals and "no one" are not counts of people
        ("14 May: gunmen killed a trader and injured 5 others.", (1, 5)),
        ("Over 100 camels were killed in the raid.", (None, None)),
        ("Nine cattle rustlers were shot dead by police.", (9, None)),
        ("No one was killed in the blast.", (None, None)),
        # a killing only tried, intended, or one a person is accused of
        ("A crowd nearly lynched a bus driver.", (None, None)),
        ("Villagers beat a man who had allegedly killed his neighbour.", (None, None)),
        ("Residents stoned two men accused of murdering five farmers.", (None, None)),
        ("Gunmen stormed the clinic to kill a witness.", (None, None)),
        ("Soldiers claim to kill four fighters.", (4, None)),
        # "either X or Y": the lowest figure
        ("Troops killed either two or five rebels.", (2, None)),
        # one victim told by the verb or the clause, not by a listed noun
        ("Councillor Jane Doe was killed by unknown assailants.", (1, None)),
        ("A herdsman dies and three others are hurt.", (1, 3)),
        ("Gunmen kill village elder", (1, None)),
        ("Rioters lynch suspected pickpocket", (1, None)),
        ("Gunmen kill civilians", (None, None)),
        ("The report gives no deaths but one man was wounded.", (None, 1)),
        ("The first died in hospital.", (None, None)),  # one of those counted before
        # measures and slashed dates are not counts; a possessive links verb and number
        ("Two months ago, militiamen killed a herder.", (1, None)),
        ("Police on 11/04 shot dead two suspects.", (2, None)),
        ("Arsonists burned a house, killing their 3 children.", (3, None)),
        ("A mob lynched a man thought to be behind the killing of two girls.", (1, None)),
        # a single victim listed with others counts too (invented sentences)
        ("Gunmen killed a headman and his two sons in the village.", (3, None)),
        ("A guard shot dead his supervisor and two colleagues at the depot.", (3, None)),
        ("Bandits shot dead a shopkeeper and a taxi driver near the market.", (2, None)),
        ("A drone strike killed a commander and three of his bodyguards.", (4, None)),
        ("A ranger and two porters were killed when the convoy was ambushed.", (3, None)),
        ("Four soldiers and a civilian died in the blast.", (5, None)),
        ("A 60-year-old farmer and his wife were hacked to death.", (2, None)),
        ("A nurse, a cook, and a driver were killed by a stray shell.", (3, None)),
        # ... but not a list that is none: what follows, or what came before the subject
        ("Gunmen killed a trader and the driver escaped.", (1, None)),
        ("In a revenge raid, a herder was killed and five others were injured.", (1, 5)),
        ("During the chase, two of the robbers were killed.", (2, None)),
        # a part of a counted whole: the part ("three of the ten hostages")
        ("Three of the ten hostages were later killed by their captors.", (3, None)),
        ("Police said two of 15 suspects were shot dead.", (2, None)),
        ("One of the two guards was killed.", (1, None)),
        # a family counted by its members
        ("A mine exploded under a car, killing a family of four.", (4, None)),
        # no count told
        ("Airstrikes hit the camp, killing an unknown number of militants.", (None, None)),
        # two verbs of one toll, and a short phrase in the subject or after its auxiliary
        ("Five traders were shot and killed near the market.", (5, None)),
        ("Two brothers of a local chief were killed in the raid.", (2, None)),
        ("Three herders were on Sunday night hacked to death.", (3, None)),
        # a people's name modifying a singular victim; "gunned down" is shot dead
        ("Raiders shoot and kill Samburu herdsman near the river.", (1, None)),
        ("Gunmen kill Al Shabaab defectors.", (None, None)),
        ("Two traders were gunned down in Garissa.", (2, None)),
        ("A cleric is gunned down outside his home.", (1, None)),
        # a killing suspected of someone, or a death escaped
        ("Police freed three men suspected to have killed a trader.", (None, None)),
        ("Two officials narrowly escaped death when a bomb missed their car.", (None, None)),
        # a number before an active verb counts the doers
        ("200 gunmen stormed a village killing 12.", (12, None)),
    ],
)
def test_casualty_counts_follow_acled_conventions(sentence, expected):
    assert count_casualties(sentence) == expected


PUBLISHED = datetime(2024, 1, 25, 9, 30)


@pytest.mark.parametrize(
    ("sentence", "value", "precision"),
    [
        ("claimed the January 3 attack", date(2024, 1, 3), "day"),
        ("in August 2021, which resulted", date(2021, 8, 1), "month"),
        ("On 12 June 2018, police", date(2018, 6, 12), "day"),
        ("on Tuesday gunmen", date(2024, 1, 23), "day"),
        ("On 3 March the army", date(2023, 3, 3), "day"),
        ("unrest in 2019 spread", date(2019, 1, 1), "year"),
        ("yesterday protesters", date(2024, 1, 24), "day"),
        ("on 2024-01-03 the", date(2024, 1, 3), "day"),
        ("on the night of 18/01, gunmen", date(2024, 1, 18), "day"),
        ("dated 25/12/2019 the", date(2019, 12, 25), "day"),
        ("was shot dead early this morning near", date(2024, 1, 25), "day"),
        ("a raid late on Friday left", date(2024, 1, 19), "day"),
        ("arrested before  18/01 by", date(2024, 1, 18), "day"),
        ("the 25th of December, 2019 attack", date(2019, 12, 25), "day"),
        # a span of days: its first day
        ("riots on 17-18 January left", date(2024, 1, 17), "day"),
        ("clashes between 3 and 5 June 2019 in", date(2019, 6, 3), "day"),
        ("from 11 to 13 Jan, protesters", date(2024, 1, 11), "day"),
        ("On January 9-10, 2021, raiders", date(2021, 1, 9), "day"),
        # a week: its middle (ACLED), and never after the report
        ("During the week beginning January 8th, raiders", date(2024, 1, 10), "day"),
        ("Week of 1 May 2023. Students", date(2023, 5, 3), "day"),
        ("in the week of 24 January, bandits", date(2024, 1, 25), "day"),
    ],
)
def test_dates_resolve_against_publication(sentence, value, precision):
    [mention] = find_dates(sentence, PUBLISHED)
    assert (mention.value, mention.precision) == (value, precision)


def test_fractions_and_times_are_not_dates():
    assert find_dates("won 3/4 of the vote at 10/20 stations", PUBLISHED) == []


def test_relative_dates_without_publication_stay_unresolved():
    [mention] = find_dates("on Tuesday gunmen attacked", None)
    assert mention.value is None and mention.precision is None


def test_offsets_survive_characters_that_change_length_when_lower_cased():
    text = "İstanbul talks: “Iran” and IRAN’s envoy met ISIS-K’s rivals. Iranians left."
    docs = pl.DataFrame({"doc_id": ["d"], "text": [text]})
    found = keep_longest(find_phrases(docs, pl.Series(["iran", "isis-k"]), case_sensitive=False))
    assert [text[s:e] for s, e in found.select("start", "end").iter_rows()] == [
        "Iran",
        "IRAN",
        "ISIS-K",
    ]


def test_only_phrases_whose_first_word_is_in_the_batch_go_into_the_matcher():
    docs = pl.DataFrame({"doc_id": ["d"], "text": ["Talks in Dar es Salaam and (Arusha) ended."]})
    phrases = first_words(pl.Series(["Dar es Salaam", "Arusha", "Mombasa", "Dar", "Salaam X"]))
    present = set(phrases_present(docs, phrases).to_list())
    assert present == {"Dar es Salaam", "Arusha", "Dar", "Salaam X"}  # not "Mombasa"
    found = find_phrases(docs, phrases_present(docs, phrases), case_sensitive=True)
    assert set(found["phrase"].to_list()) == {"Dar es Salaam", "Arusha", "Dar"}


@pytest.mark.parametrize(
    ("sentence", "background"),
    [
        ("to celebrate his October 26 election victory", True),  # a noun's attribute
        ("ahead of the 8 August poll", True),
        ("after Saturday's rally", True),
        ("a dispute that has lasted since 2002", True),  # the start of a state
        ("On 12 June 2018, police", False),
        ("on the 10th of June police", False),
        ("gunmen attacked on Tuesday", False),
    ],
)
def test_dates_that_date_no_event_beside_them_are_background(sentence, background):
    [mention] = find_dates(sentence, PUBLISHED)
    assert mention.is_background is background
