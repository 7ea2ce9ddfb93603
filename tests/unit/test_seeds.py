"""Integrity checks for the reference data under seeds/ (no network, no /work/shared)."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import polars as pl
import pycountry
import pytest

SEEDS = Path(__file__).resolve().parents[2] / "seeds"

HEADERS = {
    "sectors.csv": ["sector", "description"],
    "event_codes.csv": [
        "event_code",
        "plover_type",
        "plover_mode",
        "cameo_code",
        "quad_class",
        "goldstein",
        "acled_event_type",
        "acled_sub_event_type",
        "description",
    ],
    "triggers.csv": ["phrase", "event_code", "part", "lemma", "is_ambiguous"],
    "cues.csv": ["cue", "cue_type"],
    "crowd_words.csv": ["word", "kind", "is_plural"],
    "countries.csv": [
        "country_code",
        "alpha2",
        "name",
        "short_name",
        "capital",
        "demonym",
        "demonym_plural",
        "latitude",
        "longitude",
    ],
    "demonyms.csv": ["country_code", "demonym", "demonym_plural"],
    "country_short_names.csv": ["country_code", "short_name"],
    "country_aliases.csv": ["country_code", "alias", "is_case_sensitive"],
    "actors.csv": ["actor_id", "name", "actor_type", "country_code", "sector"],
    "actor_aliases.csv": ["actor_id", "alias", "is_case_sensitive"],
    "agent_nouns.csv": ["noun", "sector", "is_plural"],
    "places.csv": [
        "place_id",
        "name",
        "place_type",
        "country_code",
        "admin1",
        "latitude",
        "longitude",
    ],
    "place_aliases.csv": ["place_id", "alias"],
    "admin1_curated.csv": ["country_code", "subdivision", "name_en", "capital"],
    "places_extra.csv": [
        "place_id",
        "name",
        "place_type",
        "country_code",
        "admin1",
        "latitude",
        "longitude",
        "anchor_city",
    ],
    "place_aliases_curated.csv": ["place_id", "alias"],
}

KEYS = {
    "sectors.csv": ["sector"],
    "event_codes.csv": ["event_code"],
    "triggers.csv": ["phrase"],
    "cues.csv": ["cue"],
    "crowd_words.csv": ["word", "kind"],
    "countries.csv": ["country_code"],
    "demonyms.csv": ["country_code"],
    "country_short_names.csv": ["country_code"],
    "country_aliases.csv": ["country_code", "alias"],
    "actors.csv": ["actor_id"],
    "actor_aliases.csv": ["actor_id", "alias"],
    "agent_nouns.csv": ["noun"],
    "places.csv": ["place_id"],
    "place_aliases.csv": ["place_id", "alias"],
    "places_extra.csv": ["place_id"],
}

PLOVER_TYPES = {
    "AGREE",
    "CONSULT",
    "SUPPORT",
    "CONCEDE",
    "COOPERATE",
    "AID",
    "RETREAT",
    "REQUEST",
    "ACCUSE",
    "REJECT",
    "THREATEN",
    "SANCTION",
    "PROTEST",
    "MOBILIZE",
    "COERCE",
    "ASSAULT",
    "FIGHT",
}

ACLED = {
    "Battles": {
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    },
    "Explosions/Remote violence": {
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    },
    "Violence against civilians": {"Sexual violence", "Attack", "Abduction/forced disappearance"},
    "Protests": {
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    },
    "Riots": {"Violent demonstration", "Mob violence"},
    "Strategic developments": {
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    },
}

CUE_TYPES = {
    "accident",
    "obligation",
    "cessation",
    "domain",
    "negation",
    "claimed",
    "hypothetical",
    "attempt",
    "future",
    "claim_responsibility",
    "historical",
    "report",
    "figurative",
}
ISO3 = {country.alpha_3 for country in pycountry.countries}


def read(name: str) -> pl.DataFrame:
    return pl.read_csv(SEEDS / name, infer_schema_length=0, encoding="utf8")


@pytest.fixture(scope="module")
def seeds() -> dict[str, pl.DataFrame]:
    return {name: read(name) for name in HEADERS}


@pytest.mark.parametrize("name", sorted(HEADERS))
def test_header_is_exact(name: str) -> None:
    assert read(name).columns == HEADERS[name]


@pytest.mark.parametrize("name", sorted(KEYS))
def test_keys_are_unique_and_present(name: str) -> None:
    frame = read(name)
    keys = KEYS[name]
    assert frame.select(keys).null_count().sum_horizontal().item() == 0
    assert frame.select(keys).is_duplicated().sum() == 0


def test_readme_documents_every_file() -> None:
    readme = (SEEDS / "README.md").read_text(encoding="utf-8")
    for path in SEEDS.glob("*.csv"):
        assert path.name in readme, path.name


def test_event_codes(seeds) -> None:
    codes = seeds["event_codes.csv"]
    assert set(codes["plover_type"]) <= PLOVER_TYPES
    assert set(codes["plover_type"]) == PLOVER_TYPES
    for code, plover_type in codes.select("event_code", "plover_type").iter_rows():
        assert code.split(".")[0] == plover_type
    assert set(codes["quad_class"].cast(pl.Int64)) <= {1, 2, 3, 4}
    goldstein = codes["goldstein"].cast(pl.Float64)
    assert goldstein.min() >= -10 and goldstein.max() <= 10
    assert codes["cameo_code"].str.contains(r"^\d{3,4}$").all()


def test_acled_pairs_are_valid_and_all_covered(seeds) -> None:
    codes = seeds["event_codes.csv"]
    pairs = codes.select("acled_event_type", "acled_sub_event_type").unique()
    for event_type, sub_type in pairs.iter_rows():
        if event_type is None:
            assert sub_type is None
            continue
        assert sub_type in ACLED[event_type], (event_type, sub_type)
    present = set(pairs.drop_nulls().iter_rows())
    expected = {(t, s) for t, subs in ACLED.items() for s in subs}
    assert expected == present, expected - present


def test_triggers(seeds) -> None:
    triggers = seeds["triggers.csv"]
    codes = set(seeds["event_codes.csv"]["event_code"])
    assert set(triggers["event_code"]) <= codes
    assert set(triggers["part"]) <= {"verb", "noun"}
    assert (triggers["phrase"] == triggers["phrase"].str.to_lowercase()).all()
    assert triggers["lemma"].null_count() == 0
    phrases = dict(triggers.select("phrase", "event_code").iter_rows())
    for phrase in [
        "attack",
        "attacks",
        "attacked",
        "attacking",
        "killed",
        "kidnapped",
        "clashes",
        "protests",
        "arrested",
        "warned",
        "bombings",
        "teargas",
    ]:
        assert phrase in phrases, phrase
    assert "claimed the lives" not in phrases
    assert phrases["killed"].startswith("ASSAULT")
    assert phrases["warned"] == "THREATEN"


def test_cues(seeds) -> None:
    cues = seeds["cues.csv"]
    assert set(cues["cue_type"]) == CUE_TYPES
    assert (cues["cue"] == cues["cue"].str.to_lowercase()).all()
    found = dict(cues.iter_rows())
    assert found["claimed responsibility"] == "claim_responsibility"
    assert found["has not"] == "negation"
    assert found["according to"] == "report"


def test_crowd_words(seeds) -> None:
    words = seeds["crowd_words.csv"]
    assert set(words["kind"]) == {
        "crowd_weapon",
        "weapon",
        "attacker",
        "thief",
        "crowd",
        "group",
        "people",
    }
    assert set(words["is_plural"]) <= {"true", "false"}
    assert (words["word"] == words["word"].str.to_lowercase()).all()
    assert (words["word"] == words["word"].str.strip_chars()).all()
    kinds = {(word, kind) for word, kind, _ in words.iter_rows()}
    assert {("sticks", "crowd_weapon"), ("machetes", "weapon"), ("gunmen", "attacker")} <= kinds
    assert {("rustlers", "thief"), ("residents", "crowd"), ("herders", "people")} <= kinds
    plural = dict(
        words.filter(pl.col("kind") == "attacker").select("word", "is_plural").iter_rows()
    )
    assert plural["raiders"] == "true" and plural["raider"] == "false"


def test_countries(seeds) -> None:
    countries = seeds["countries.csv"]
    assert set(countries["country_code"]) == ISO3
    capitals = dict(countries.select("country_code", "capital").iter_rows())
    assert capitals["IRN"] == "Tehran"
    assert capitals["USA"] == "Washington"
    assert capitals["AFG"] == "Kabul"
    assert capitals["KEN"] == "Nairobi"
    short = dict(countries.select("country_code", "short_name").iter_rows())
    assert short["IRN"] == "Iran" and short["PSE"] == "Palestine" and short["RUS"] == "Russia"
    assert countries["demonym"].drop_nulls().len() >= 150
    demonyms = dict(countries.select("country_code", "demonym").iter_rows())
    assert demonyms["IRN"] == "Iranian" and demonyms["AFG"] == "Afghan"


@pytest.mark.parametrize(
    "name,column",
    [
        ("countries.csv", "country_code"),
        ("demonyms.csv", "country_code"),
        ("country_short_names.csv", "country_code"),
        ("country_aliases.csv", "country_code"),
        ("actors.csv", "country_code"),
        ("places.csv", "country_code"),
        ("admin1_curated.csv", "country_code"),
    ],
)
def test_country_codes_are_iso3(name: str, column: str) -> None:
    values = set(read(name)[column].drop_nulls())
    assert values <= ISO3, values - ISO3


@pytest.mark.parametrize("name", ["countries.csv", "places.csv"])
def test_coordinates_in_range(name: str) -> None:
    frame = read(name).select(
        pl.col("latitude").cast(pl.Float64), pl.col("longitude").cast(pl.Float64)
    )
    lat = frame["latitude"].drop_nulls()
    lon = frame["longitude"].drop_nulls()
    assert lat.len() > 0
    assert lat.min() >= -90 and lat.max() <= 90
    assert lon.min() >= -180 and lon.max() <= 180
    assert frame["latitude"].is_null().to_list() == frame["longitude"].is_null().to_list()


def test_actors(seeds) -> None:
    actors = seeds["actors.csv"]
    aliases = seeds["actor_aliases.csv"]
    sectors = set(seeds["sectors.csv"]["sector"])
    assert set(actors["actor_type"]) <= {"country", "organization", "person", "generic"}
    assert set(actors["sector"]) <= sectors
    assert set(aliases["actor_id"]) <= set(actors["actor_id"])
    assert set(aliases["is_case_sensitive"]) <= {"true", "false"}
    assert actors["actor_id"].str.contains(r"^[A-Z0-9_]+$").all()
    assert actors.height >= 250 and aliases.height >= 700


def test_agent_nouns(seeds) -> None:
    nouns = seeds["agent_nouns.csv"]
    assert set(nouns["sector"]) <= set(seeds["sectors.csv"]["sector"])
    assert set(nouns["is_plural"]) <= {"true", "false"}
    found = dict(nouns.select("noun", "sector").iter_rows())
    assert found["troops"] == "MIL" and found["state media"] == "MED"
    assert found["gunmen"] == "UAF" and found["protesters"] == "PRO"


def test_aliases_needed_by_the_seed_article(seeds) -> None:
    alias_to_actor = {
        alias: actor
        for actor, alias in seeds["actor_aliases.csv"].select("actor_id", "alias").iter_rows()
    }
    assert alias_to_actor["ISIS-K"] == "ISIS_K"
    assert alias_to_actor["ISIS-Khorasan"] == "ISIS_K"
    assert alias_to_actor["Islamic State"] == "ISLAMIC_STATE"
    assert alias_to_actor["Islamic State group"] == "ISLAMIC_STATE"
    assert alias_to_actor["Hamas"] == "HAMAS"
    assert alias_to_actor["Taliban"] == "TALIBAN"
    assert alias_to_actor["The Wall Street Journal"] == "WSJ"
    assert alias_to_actor["Qassem Soleimani"] == "QASSEM_SOLEIMANI"
    assert alias_to_actor["United Nations"] == "UN"
    actors = {row[0]: row for row in seeds["actors.csv"].iter_rows()}
    assert actors["QASSEM_SOLEIMANI"][2:] == ("person", "IRN", "MIL")
    assert actors["WSJ"][4] == "MED"
    country_aliases = dict(
        seeds["country_aliases.csv"].select("alias", "is_case_sensitive").iter_rows()
    )
    assert country_aliases["US"] == "true" and country_aliases["U.S."] == "false"
    case_sensitive = dict(
        seeds["actor_aliases.csv"].select("alias", "is_case_sensitive").iter_rows()
    )
    assert case_sensitive["IS"] == "true" and case_sensitive["UN"] == "true"


def test_places(seeds) -> None:
    places = seeds["places.csv"]
    assert set(places["place_type"]) <= {"country", "admin1", "city", "site"}
    assert places["place_id"].str.contains(r"^[A-Z]{3}:[a-z0-9-]+$").all()
    kenya_counties = places.filter(
        (pl.col("country_code") == "KEN") & (pl.col("place_type") == "admin1")
    )
    assert kenya_counties.height == 47 + 8
    assert kenya_counties["latitude"].null_count() == 0
    ids = set(places["place_id"])
    assert {"AFG:kabul-airport", "PSE:gaza-strip", "PSE:west-bank", "KEN:mandera"} <= ids
    assert set(seeds["place_aliases.csv"]["place_id"]) <= ids
    aliases = set(seeds["place_aliases.csv"]["alias"])
    assert {"Kabul International Airport", "Hamid Karzai International Airport"} <= aliases
    # places below Kenya's counties: sub-counties and neighbourhoods, each with coordinates
    kenya_sites = places.filter(
        (pl.col("country_code") == "KEN") & (pl.col("place_type") == "site")
    )
    assert {"KEN:kisauni", "KEN:tigania-east", "KEN:eastleigh"} <= set(kenya_sites["place_id"])
    assert kenya_sites["latitude"].null_count() == 0
    assert kenya_sites["latitude"].cast(pl.Float64).is_between(-4.8, 5.1).all()
    assert kenya_sites["longitude"].cast(pl.Float64).is_between(33.9, 42.0).all()


def test_the_seeds_readme_states_each_files_row_count():
    stated = re.findall(r"^\| `([\w]+\.csv)` \| (\d+) \|", (SEEDS / "README.md").read_text(), re.M)
    assert stated, "seeds/README.md lists no files"
    for name, count in stated:
        with (SEEDS / name).open(encoding="utf-8", newline="") as handle:
            rows = sum(1 for _ in csv.DictReader(handle))
        assert rows == int(count), (name, count, rows)
