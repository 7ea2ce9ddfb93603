"""Which of the places a sentence names is where its events happened.

A gazetteer match is a candidate; the rules below drop the matches that are not places
here and rank the rest:

* A name is not a place when it is a person's ("Ms Asha Ali", "Nancy Kirui", "MP Boni
  Khalwale": a title before it, or a capitalized word joined to it that is no part of a
  place name), or a people's: the document calls it one somewhere ("Kikuyu and Maasai
  communities clashed", "Pokot raiders").
* A foreign town the text does not put the event in ("in X") is a name, not the place, in
  a story about another country ("Young Kenya Patriots", "Orange Democratic Movement").
* The place the event is attached to by "in/at/near X" beats a name used otherwise
  ("Isiolo bandits attacked Bururi village in Tana River"), a town or site beats the
  county around it, and in a chain "X, Y, Z County" the first, most specific, name wins.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass

from flows.coding.dates import MONTHS, WEEKDAYS
from flows.coding.text import alternatives

DAY_AFTER = re.compile(r"\.?\s+\d{1,2}\b")

# A country named as a border or as where someone came from is not where things happened:
# "near the Somali border", "the Kenya-Uganda border", "the border with Ethiopia",
# "raiders from Uganda", "crossed into Somalia" (searched in lower-cased text)
BORDER_AFTER = re.compile(  # "near the Somali border"; not "Somali border guards" (people)
    r"(?:['’]s)?(?:\s*-\s*[\w'’]+)?\s+border\b(?!\s+(?:posts?|outposts?|guards?|police|"
    r"patrols?|forces|troops|officials|officers|camps?|crossings?)\b)"
)
ELSEWHERE_BEFORE = re.compile(r"\bborders?\s+with\s+(?:the\s+)?$")
# "into" names the scene of a strike or a raid ("fired rockets into southern Israel",
# "stormed into the town"), not of the flight or the transfer that followed one ("fled
# into Somalia", "took them into Uganda")
INTO_SCENE = re.compile(
    r"\b(?:fired|launched|rockets?|missiles?|shells?|mortars?|drones?|stormed|infiltrated|"
    r"incursions?|crashed|rammed|ploughed|plowed|burst|broke)\s+into\s+"
    r"(?:(?:northern|southern|eastern|western|central|the)\s+)?$",
    re.I,
)


def into_scene(text: str, position: int) -> bool:
    """Whether the name at ``position`` is what a strike or a raid went into."""
    low = max(0, position - 40)
    return "into" in text[low:position] and bool(INTO_SCENE.search(text, low, position))


def is_elsewhere(lowered: str, start: int, end: int) -> bool:
    """True when the country named at ``start:end`` is a border or an origin, not a scene."""
    return bool(
        BORDER_AFTER.match(lowered, end, end + 30)
        or ELSEWHERE_BEFORE.search(lowered, max(0, start - 20), start)
    )


# Nouns that make the name before them a place: "Sololo area", "Tarbaj town".
AREA_WORDS = {
    "county",
    "sub-county",
    "subcounty",
    "district",
    "division",
    "location",
    "sub-location",
    "ward",
    "constituency",
    "town",
    "township",
    "village",
    "villages",
    "area",
    "estate",
    "slum",
    "slums",
    "settlement",
    "region",
    "province",
    "municipality",
}
# Words that open or close a place's own name: "Nakuru Town", "Kapedo Catholic church".
PLACE_WORDS = AREA_WORDS | {
    "city",
    "state",
    "market",
    "road",
    "street",
    "avenue",
    "highway",
    "bridge",
    "junction",
    "roundabout",
    "stage",
    "hospital",
    "school",
    "primary",
    "secondary",
    "high",
    "boys",
    "girls",
    "academy",
    "university",
    "college",
    "polytechnic",
    "stadium",
    "park",
    "prison",
    "police",
    "station",
    "post",
    "airport",
    "airstrip",
    "port",
    "camp",
    "centre",
    "center",
    "mall",
    "hotel",
    "river",
    "lake",
    "forest",
    "hill",
    "hills",
    "mountain",
    "mountains",
    "valley",
    "island",
    "islands",
    "beach",
    "mosque",
    "church",
    "catholic",
    "cathedral",
    "court",
    "courts",
    "law",
    "farm",
    "ranch",
    "reserve",
    "sub",
    "central",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "upper",
    "lower",
    "old",
    "new",
    "border",
    "council",
    "assembly",
    "office",
    "offices",
    "headquarters",
    "bus",
    "terminus",
    "gate",
    "quarter",
    "district's",
    "county's",
    "plateau",
    "escarpment",
    "conservancy",
    "sanctuary",
    "nature",
    "national",
    "game",
    "plains",
    "ridge",
    "gorge",
    "dam",
    "mine",
    "quarry",
    "company",
    "factory",
    "plantation",
    "sugar",
    "tea",
    "lodge",
    "club",
    "barracks",
    "base",
    "depot",
    "plant",
    "mills",
    "institute",
    "seminary",
    "grounds",
    "ground",
    "gardens",
    "square",
    "hall",
    "house",
    "plaza",
    "total",
}
# Words that begin a longer place name: "Lake Naivasha", "Mount Kenya", "South Kinangop".
NAME_PREFIXES = {
    "lake",
    "mount",
    "mt",
    "north",
    "south",
    "east",
    "west",
    "central",
    "northern",
    "southern",
    "eastern",
    "western",
    "upper",
    "lower",
    "new",
    "old",
    "port",
    "fort",
    "saint",
    "st",
    "san",
    "santa",
    "greater",
    "great",
    "little",
    "el",
    "al",
    "la",
    "le",
    "los",
    "las",
    "ras",
    "tel",
    "wadi",
    "jebel",
    "kafr",
    "deir",
    "beit",
    "sidi",
    "ciudad",
    "puerto",
    "ban",
    "bir",
    "ain",
    "camp",
    "downtown",
    "metropolitan",
    "rural",
    "urban",
    "coastal",
}
TITLES = {
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "hon",
    "sen",
    "senator",
    "governor",
    "gov",
    "mp",
    "mca",
    "president",
    "prof",
    "professor",
    "rev",
    "reverend",
    "bishop",
    "archbishop",
    "sheikh",
    "imam",
    "pastor",
    "father",
    "chief",
    "commissioner",
    "commander",
    "general",
    "gen",
    "col",
    "colonel",
    "captain",
    "capt",
    "lt",
    "sgt",
    "sergeant",
    "inspector",
    "corporal",
    "cpl",
    "justice",
    "judge",
    "minister",
    "cs",
    "mzee",
    "lady",
    "sir",
    "madam",
    "mayor",
    "councillor",
    "leader",
    "aspirant",
    "candidate",
    "activist",
    "journalist",
    "lawyer",
    "businessman",
    "businesswoman",
    "spokesman",
    "spokesperson",
    "named",
    "identified",
    "alias",
    "king",
    "queen",
    "prince",
    "princess",
    "emperor",
    "sultan",
    "emir",
    "ayatollah",
    "pope",
    "saint",
}
MONTHS_AND_DAYS = frozenset(MONTHS) | frozenset(WEEKDAYS)
# Nouns that make the name before them a people: "Kikuyu and Maasai communities"; {people}
# is filled per lexicon with the people words of seeds/crowd_words.csv (``people_words``).
PEOPLE_WORDS = r"^(?:\s*(?:and|,|-|/)\s*[A-Z][\w'’-]+)*\s*[-\s](?:ethnic\s+)?(?:{people})\b"


def people_words(words: Iterable[str]) -> re.Pattern[str]:
    """``PEOPLE_WORDS`` with these nouns (matched as written: lower case)."""
    return re.compile(PEOPLE_WORDS.replace("{people}", alternatives(words)))


# "Franco-German relations", "Kenya-Somalia talks": two names make an adjective
ADJECTIVE_PAIR = re.compile(
    r"[-–][A-Z][\w'’]+\s+(?:relations|ties|talks|war|summit|agreement|treaty|cooperation|"
    r"trade|friendship|alliance|dialogue|rapprochement|rivalry|dispute)\b"
)
# A name that only labels something else: a road between towns ("the Kisii-Bomet
# highway", "Juja Road"), a politician's seat ("Gilgil MP"). The event may be anywhere.
LABEL_AFTER = re.compile(
    r"^(?:\s*[-–]\s*[A-Z][\w'’]+)*\s+(?:[Rr]oad|[Hh]ighway|Rd|[Ss]treet|[Aa]venue|Ave|"
    r"[Dd]rive|[Ll]ane|MPs?|MCAs?|[Gg]overnor|[Ss]enator|[Ll]egislator|[Ll]awmaker|"
    r"[Pp]olitician|[Aa]spirant|[Ww]omen [Rr]ep)\b"
    # "Nairobi-based journalists", "a Lamu-bound bus": where they come from or go
    r"|^[-\s](?:based|bound)\b"
)
# "Burkina Faso's northern Soum": what stands between a country and a place in it
POSSESSOR_GAP = re.compile(r"^['’]s?\s+(?:[a-z][\w-]*\s+){0,2}$")
# "the West Bank town of Jenin", "Mandera's border town of El Wak"
CONTAINER_OF = re.compile(
    r"^(?:['’]s)?\s+(?:border\s+)?(?:town|city|village|district|region|province|county|area|"
    r"suburb|neighbou?rhood|camp|port)\s+of\s+[A-Z]"
)
CONTAINED = re.compile(
    r"\b(?:town|city|village|district|suburb|neighbou?rhood|camp|port)\s+of\s+(?:the\s+)?$"
)
# the noun that makes a name a first-level region: "Garissa County", "Rift Valley Province"
REGION_AFTER = re.compile(
    r"\s+([Cc]ounty|[Pp]rovince|[Ss]tate|[Dd]epartment|[Gg]overnorate|[Pp]refecture|[Rr]egion)\b"
)
# people "from X" came from there: "teachers from Wajir region protested in Nairobi" (not
# "travelling from X to Y", the road, nor "5 km from X", nor "Iestyn Harris from Leeds")
INSTITUTION_WORDS = {
    "institute",
    "centre",
    "center",
    "college",
    "university",
    "polytechnic",
    "school",
    "academy",
    "hospital",
    "seminary",
}
# "Meru Technical Training Institute": a place's institution, up to two words between
INSTITUTION_AFTER = re.compile(
    r"(?: +[A-Z][\w'’-]*){0,2} +(?:" + "|".join(w.title() for w in INSTITUTION_WORDS) + r")\b"
)
FROM_BEFORE = re.compile(
    r"\b(?!(?:kilomet(?:er|re)s|km|kms|miles|met(?:er|re)s|minutes|hours)\b)"
    r"(?:[a-z]+s|[a-z]*men|people|[a-z]+ia)\s+from\s+(?:the\s+)?$"
    # ... or the sentence's first word: "Teachers from Wajir protested"
    r"|^\s*[A-Z][a-z]*(?:s|men|ia)\s+from\s+(?:the\s+)?$"
)
LABEL_BEFORE = re.compile(r"[A-Z][\w'’]+\s*[-–]\s*$")
PLACE_PREPOSITIONS = {
    "in",
    "at",
    "near",
    "outside",
    "around",
    "inside",
    "within",
    "across",
    "throughout",
    "through",
    "into",
    "towards",
    "toward",
    "along",
    "nearby",
    "off",
}
# Words that may stand between the preposition and the name: "in the Tarbaj area",
# "at Ororesa Village, Bururi".
CHAIN_WORDS = {
    "the",
    "and",
    "of",
    "a",
    "an",
    "its",
    "their",
    "his",
    "her",
    "both",
    "remote",
    # "off the coast of Malindi", "on the outskirts of Nakuru"
    "coast",
    "shores",
    "outskirts",
    "suburbs",
    "edge",
    "heart",
    "part",
    "parts",
    "side",
}
_TOKEN = re.compile(r"[\w'’.-]+|,")
# What joins a place to the larger one it lies in: "X, Y", "X (Y)", "X area in Y County".
CHAIN_GAP = re.compile(
    r"^(?:\s+(?:area|village|town|estate|location|division|ward|sub-?county|district|"
    r"county|constituency|region))?\s*(?:,|\(|\bin\b|,\s*in\b)\s*(?:the\s+)?$",
    re.I,
)
LIST_BEFORE = re.compile(r"[A-Z][\w'’-]*\s*(?:,|\band|\bor|&)\s*$")
LIST_NEXT = re.compile(r"^\s*(?:,|\band\b|\bor\b|&)\s*[A-Z]")
SEAT_KM = 15  # a town this near a region's point is its seat
CHAIN_KM = 60  # a place this far from the town said to hold it is another namesake
TYPE_RANK = {"site": 2, "city": 2, "admin1": 1, "country": 0}
SMALL_TOWN = 15000  # a smaller namesake abroad is a word, not the place


@dataclass(frozen=True)
class PlaceCandidate:
    start: int
    end: int
    refs: tuple[str, ...]


def choose_place(
    text: str,
    sentence_start: int,
    candidates: list[PlaceCandidate],
    mention_starts: set[int],
    place_info: Mapping[str, tuple[str | None, str, int | None]],
    is_known_word: Callable[[str], bool],
    doc_countries: Mapping[str, int],
    home_country: str | None,
    place_points: Mapping[str, tuple[float, float]] | None = None,
    group_countries: Collection[str] = (),
    own_names: tuple[Mapping[str, str], Mapping[str, tuple[float, ...]]] | None = None,
    region_words: Mapping[str, frozenset[str]] | None = None,
    *,
    people: re.Pattern[str],
) -> str | None:
    """The place_id the sentence's events happened in, or None.

    ``mention_starts`` are where the sentence's actor names begin (a word that is a known
    actor is not a surname); ``is_known_word`` tells the coder's own
    vocabulary ("police", "residents"); ``group_countries`` are the home countries of the
    named groups and people of a report that tells no country (ADF: the DR Congo);
    ``own_names`` are the places' own names (lower-cased) and the bounds of each country's places.
    """
    best: tuple | None = None
    story_countries = {c for c, n in doc_countries.items() if n} | (
        {home_country} if home_country else set()
    )
    kept = [
        candidate
        for candidate in sorted(candidates, key=lambda c: (c.start, c.end))
        if not _is_person(text, sentence_start, candidate, mention_starts, is_known_word)
        # "Nov 12 (Reuters)": a month before its day is a date, not a place named like it
        and not (
            candidate.end - candidate.start <= 9
            and text[candidate.start : candidate.end].lower() in MONTHS
            and DAY_AFTER.match(text, candidate.end)
        )
        and not people.match(text[candidate.end : candidate.end + 80])
        # "Franco-German relations", "Sino-Kenyan ties": an adjective, not a place
        and not ADJECTIVE_PAIR.match(text[candidate.end : candidate.end + 60])
        and not (
            _names_a_people(text, text[candidate.start : candidate.end], people)
            and not _is_named_as_place(text, sentence_start, candidate)
        )
    ]
    kept = [c for c in kept if not _country_elsewhere(text, c, place_info)]
    kept = _in_the_possessor(text, kept, place_info)
    kept = [_the_region_named(text, c, place_info, region_words or {}) for c in kept]
    if place_points:
        kept = _within_their_chains(text, kept, place_points, place_info)
        kept = [_county_or_its_town(c, place_points, place_info) for c in kept]
    # the country the text's regions and sites lie in: of two namesakes neither in the
    # story's country, the one there ("Police in Eastleigh arrested Somali nationals")
    named_countries = _country_of_most_names(kept, place_info)
    if not story_countries:
        # a report that names no country: where its named groups are at home, if one of its
        # names lies there ("ADF rebels attacked a village near Beni": the DR Congo's Beni,
        # not Bolivia's El Beni), else where most of its regions lie
        story_countries = {
            country
            for candidate in kept
            for ref in candidate.refs
            if (country := place_info.get(ref, (None,))[0]) in group_countries
        } or named_countries
    roles = [_role(text, sentence_start, candidate) for candidate in kept]
    # "Residents of Kinangop in Nyandarua County": a town in a chain is as attached as the
    # region that holds it (the first, most specific, name then wins); not the last of a
    # list ("in Kotulo, Banisa and Takaba, Mandera County")
    for index in range(len(kept) - 2, -1, -1):
        if (
            roles[index] >= 1
            and CHAIN_GAP.match(text[kept[index].end : kept[index + 1].start])
            and _has_type(kept[index], place_info, ("city", "site"))
            and _has_type(kept[index + 1], place_info, ("admin1",))
            and not LIST_BEFORE.search(
                text[max(sentence_start, kept[index].start - 40) : kept[index].start]
            )
        ):
            roles[index] = max(roles[index], roles[index + 1])
    for candidate, role in zip(kept, roles, strict=True):
        said = None  # the name as the text says it, once a namesake abroad needs it
        for place_id in candidate.refs:
            info = place_info.get(place_id)
            if info is None:
                continue
            country, place_type, population = info
            at_home = country in story_countries
            if (
                not at_home
                and own_names is not None
                and place_points
                and story_countries
                and _far_from(place_points.get(place_id), story_countries, own_names[1])
                # named by another name than its own ("Boni" for Boni Forest, or for Bonn)
                and own_names[0].get(place_id, said := said or _folded(text, candidate)) != said
            ):
                # "Malian troops clashed near Boni": no forest in Kenya (nor Bonn) that a
                # name it is not called by tells, far from the story's countries
                continue
            small, loose = (population or 0) < SMALL_TOWN, role < 2
            if place_type == "city" and not at_home and loose and (small or story_countries):
                # a town abroad needs "in X" ("Young Kenya Patriots", "Independence"),
                # unless the story tells no country and the town is not a village
                continue
            score = (
                place_type != "country",  # a named town or region beats any country
                at_home,
                country in named_countries,
                # "Mombasa women protested ... in Kenya": a country is the place only when
                # no town or region of the story is named beside it
                0 if place_type == "country" else role,
                TYPE_RANK.get(place_type, 0),
                -candidate.start,
                population or 0,
            )
            if best is None or score > best[0]:
                best = (score, place_id)
    if best is None or place_info.get(best[1], (None, ""))[1] == "country":
        region = _region_of_a_people(
            text,
            sentence_start,
            candidates,
            mention_starts,
            place_info,
            is_known_word,
            story_countries,
            people,
        )
        if region is not None:
            return region
    return best[1] if best else None


def _region_of_a_people(
    text: str,
    sentence_start: int,
    candidates: list[PlaceCandidate],
    mention_starts: set[int],
    place_info: Mapping[str, tuple[str | None, str, int | None]],
    is_known_word: Callable[[str], bool],
    story_countries: Collection[str],
    people: re.Pattern[str],
) -> str | None:
    """ "Turkana raiders killed two herders", "Wajir herders clashed": a group named after a
    region acts in it when the sentence names no other place; a town named like a people
    ("Kikuyu") is no such home."""
    for candidate in sorted(candidates, key=lambda c: c.start):
        region = next(
            (
                ref
                for ref in candidate.refs
                if (info := place_info.get(ref))
                and info[1] == "admin1"
                and (not story_countries or info[0] in story_countries)
            ),
            None,
        )
        if (
            region is not None
            and (
                people.match(text[candidate.end : candidate.end + 80])
                or _names_a_people(text, text[candidate.start : candidate.end], people)
            )
            and not _is_person(text, sentence_start, candidate, mention_starts, is_known_word)
        ):
            return region
    return None


# "militia from Somalia", "a Somalia-based group": where people came from, not the scene
ORIGIN_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.I)
# ... the country ending its phrase: not "a demand from the US President"
ORIGIN_END = re.compile(
    r"\s*(?:[,.;:)]|$)|\s+(?:in|into|to|and|on|at|who|which|that|after|before|during|with|"
    r"for|were|was|had|have|crossed|attacked|raided|stole|killed)\b"
)
BASED_AFTER = re.compile(r"[-\s]based\b", re.I)


def _country_elsewhere(
    text: str,
    candidate: PlaceCandidate,
    place_info: Mapping[str, tuple[str | None, str, int | None]],
) -> bool:
    """A country named as a border, an origin or a base ("near the border with Somalia",
    "raiders from Uganda", "a Somalia-based group") is not where the event happened."""
    if not all(place_info.get(ref, (None, ""))[1] == "country" for ref in candidate.refs):
        return False  # (no refs: a country the caller knows it to be)
    low = max(0, candidate.start - 20)
    window = text[low : candidate.end + 30].lower()
    return (
        is_elsewhere(window, candidate.start - low, candidate.end - low)
        or (
            bool(ORIGIN_BEFORE.search(text, low, candidate.start))
            and bool(ORIGIN_END.match(text, candidate.end))
        )
        or bool(BASED_AFTER.match(text, candidate.end))
    )


def _has_type(
    candidate: PlaceCandidate,
    place_info: Mapping[str, tuple[str | None, str, int | None]],
    kinds: tuple[str, ...],
) -> bool:
    return any((info := place_info.get(ref)) and info[1] in kinds for ref in candidate.refs)


def _role(text: str, sentence_start: int, candidate: PlaceCandidate) -> float:
    """How firmly the sentence puts its events at the candidate: 0 a label ("Juja Road",
    "Gilgil MP"), 0.5 a capitalized first word, 1 named, 2 attached ("in X", "X town")."""
    following = text[candidate.end : candidate.end + 80]
    if LABEL_AFTER.match(following) or (
        LABEL_BEFORE.search(text[max(sentence_start, candidate.start - 40) : candidate.start])
        and re.match(r"\s+(?:[Rr]oad|[Hh]ighway)\b", following)
    ):
        role = 0
    elif (
        not text[sentence_start : candidate.start].strip()
        and " " not in text[candidate.start : candidate.end]
        and re.match(r"\s+[a-z]", following)
    ):
        role = 0.5  # "Over half...", "Post-election...": a first word is capitalized anyway
    elif CONTAINER_OF.match(following):
        role = 1  # "the West Bank town of Jenin": the region around the place
    elif FROM_BEFORE.search(text[max(sentence_start, candidate.start - 40) : candidate.start]):
        role = 0.75  # "teachers from Wajir region protested in Nairobi": where they came from
    else:
        after = re.match(r"\s+([\w-]+)", following)
        role = 1 + (
            _is_attached(text, sentence_start, candidate.start)
            or bool(after and after.group(1).lower() in AREA_WORDS)
            or bool(
                CONTAINED.search(text[max(sentence_start, candidate.start - 30) : candidate.start])
            )
        )
    return role


def _country_of_most_names(
    candidates: list[PlaceCandidate],
    place_info: Mapping[str, tuple[str | None, str, int | None]],
) -> set[str]:
    """The country of a text that tells none: where most of its regions and sites lie ("in
    Witu, Lamu County": Kenya); a tie is broken by its other names ("Bururi Village in Tana
    River District, capital Hola": Kenya, not Burundi). Towns alone tell nothing: too
    many are named like words ("Post", "Four")."""

    def votes(kinds: tuple[str, ...]) -> dict[str, int]:
        counted: dict[str, int] = {}
        for candidate in candidates:
            for country in {
                info[0]
                for ref in candidate.refs
                if (info := place_info.get(ref)) and info[0] and info[1] in kinds
            }:
                counted[country] = counted.get(country, 0) + 1
        return counted

    regions = votes(("admin1", "site"))
    if not regions:
        return set()
    tied = {country for country, count in regions.items() if count == max(regions.values())}
    if len(tied) > 1:
        names = votes(("admin1", "site", "city"))
        best = max(names.get(country, 0) for country in tied)
        tied = {country for country in tied if names.get(country, 0) == best}
    return tied


def _in_the_possessor(
    text: str,
    candidates: list[PlaceCandidate],
    place_info: Mapping[str, tuple[str | None, str, int | None]],
) -> list[PlaceCandidate]:
    """ "Burkina Faso's northern Soum province", "Syria's Idlib": the place lies in the
    country before the 's; a namesake elsewhere is not it (the gazetteer lacks it, and
    the country is the place then)."""
    kept = []
    for index, candidate in enumerate(candidates):
        owner = next(
            (
                earlier
                for earlier in reversed(candidates[:index])
                if POSSESSOR_GAP.match(text[earlier.end : candidate.start])
            ),
            None,
        )
        countries = {
            info[0]
            for ref in (owner.refs if owner else ())
            if (info := place_info.get(ref)) and info[1] == "country"
        }
        if not countries:
            kept.append(candidate)
            continue
        refs = tuple(ref for ref in candidate.refs if place_info.get(ref, (None,))[0] in countries)
        if refs:
            kept.append(PlaceCandidate(candidate.start, candidate.end, refs))
    return kept


def _the_region_named(
    text: str,
    candidate: PlaceCandidate,
    place_info: Mapping[str, tuple[str | None, str, int | None]],
    region_words: Mapping[str, frozenset[str]],
) -> PlaceCandidate:
    """ "Kilifi County", "Nyanza Province": the region, not its namesake town, so a town
    the sentence names beside it is the more specific place ("residents of Kilifi County
    held a demo in Malindi town"). ``region_words``: what each country calls its regions."""
    named = REGION_AFTER.match(text, candidate.end)
    if named is None:
        return candidate
    regions = tuple(
        ref for ref in candidate.refs if (info := place_info.get(ref)) and info[1] == "admin1"
    )
    # "Plateau State": Nigeria's, whose regions are states, not Benin's Plateau department
    word = named.group(1).lower()
    called = tuple(ref for ref in regions if word in region_words.get(place_info[ref][0] or "", ()))
    regions = called or regions
    return PlaceCandidate(candidate.start, candidate.end, regions) if regions else candidate


def _county_or_its_town(
    candidate: PlaceCandidate,
    points: Mapping[str, tuple[float, float]],
    place_info: Mapping[str, tuple[str | None, str, int | None]],
) -> PlaceCandidate:
    """A name that is a region and a town of the same country ("Samburu", "Baringo") means
    the region, unless the town is the region's seat (Nakuru): a namesake village
    elsewhere is not what a report names by a county's name."""
    regions = [
        ref for ref in candidate.refs if (info := place_info.get(ref)) and info[1] == "admin1"
    ]
    if not regions:
        return candidate
    refs = tuple(
        ref
        for ref in candidate.refs
        if (info := place_info.get(ref)) is None
        or info[1] != "city"
        or ref not in points
        or not (
            same := [
                points[region]
                for region in regions
                if place_info[region][0] == info[0] and region in points
            ]
        )
        or any(_km(points[ref], point) <= SEAT_KM for point in same)
    )
    return PlaceCandidate(candidate.start, candidate.end, refs)


def _within_their_chains(
    text: str,
    candidates: list[PlaceCandidate],
    points: Mapping[str, tuple[float, float]],
    place_info: Mapping[str, tuple[str | None, str, int | None]],
) -> list[PlaceCandidate]:
    """In "X, Y" or "X (Y)" or "X in Y" with Y a town, X lies in or by Y: of X's namesakes
    keep those near one of Y's; when none is ("Kasarani area, Eldoret" with Kasarani in
    Nairobi), X is another place of that name the gazetteer lacks, and Y tells where. (A
    county's point is its capital town, not its middle, so it tells no distance.)"""
    kept = []
    for candidate, following in zip(candidates, [*candidates[1:], None], strict=False):
        if (
            following is None
            or not CHAIN_GAP.match(text[candidate.end : following.start])
            # "Nakuru, Kikuyu, Nyeri and Eldoret": a list, not a place and its town
            or LIST_NEXT.match(text[following.end : following.end + 40])
            # "Baragoi, Samburu": the name of a county too; "Mandera town in Kenya"
            or any(
                place_info.get(ref, (None, ""))[1] in ("admin1", "country")
                for ref in following.refs
            )
        ):
            kept.append(candidate)
            continue
        outer = [points[ref] for ref in following.refs if ref in points]
        refs = tuple(
            ref
            for ref in candidate.refs
            if ref not in points
            or not outer
            or any(_km(points[ref], point) <= CHAIN_KM for point in outer)
        )
        if refs:
            kept.append(PlaceCandidate(candidate.start, candidate.end, refs))
    return kept


def _km(first: tuple[float, float], second: tuple[float, float]) -> float:
    lat1, lon1, lat2, lon2 = map(math.radians, (*first, *second))
    a = (
        math.sin((lat2 - lat1) / 2) ** 2
        + math.cos(lat1) * math.cos(lat2) * math.sin((lon2 - lon1) / 2) ** 2
    )
    return 6371.0 * 2 * math.asin(math.sqrt(min(1.0, a)))


def _names_a_people(text: str, name: str, people: re.Pattern[str]) -> bool:
    """True when the document uses the name for a people anywhere ("Kikuyu tribesmen ...
    clashes between Maasai and Kikuyu"): an ethnic group named like a town."""
    position = text.find(name)
    while position >= 0:
        end = position + len(name)
        if people.match(text[end : end + 80]) and not (position and text[position - 1].isalnum()):
            return True
        position = text.find(name, end)
    return False


def _is_named_as_place(text: str, sentence_start: int, candidate: PlaceCandidate) -> bool:
    """ "in Kilifi", "Turkana County": this mention is a place, whatever else the name is."""
    before = _tokens_before(text, sentence_start, candidate.start)
    after = re.match(r"\s+([\w-]+)", text[candidate.end : candidate.end + 30])
    return bool(
        (before and before[-1].lower() in PLACE_PREPOSITIONS)
        or (after and after.group(1).lower() in PLACE_WORDS)
    )


def _tokens_before(text: str, sentence_start: int, position: int) -> list[str]:
    return _TOKEN.findall(text[max(sentence_start, position - 80) : position])


def _is_attached(text: str, sentence_start: int, position: int) -> bool:
    """True when the name follows "in/at/near...", directly or through a chain of names
    and place nouns ("in Ororesa Village, Bururi", "at the Liboi border area of X")."""
    for token in reversed(_tokens_before(text, sentence_start, position)):
        lowered = token.lower()
        if lowered in PLACE_PREPOSITIONS:
            return True
        if token == "," or lowered in CHAIN_WORDS or lowered in PLACE_WORDS or token[0].isupper():
            continue
        return False
    return False


def _is_person(
    text: str,
    sentence_start: int,
    candidate: PlaceCandidate,
    mention_starts: set[int],
    is_known_word: Callable[[str], bool],
) -> bool:
    """A person's name: after a title ("Ms Asha"), or joined to a capitalized word that is
    neither a place word nor a known name ("Nancy Kirui", "Moses Kuria")."""
    before = _tokens_before(text, sentence_start, candidate.start)
    gap_before = text[max(sentence_start, candidate.start - 2) : candidate.start]
    if before and before[-1].lower().rstrip(".") in TITLES and gap_before.endswith(" "):
        return True
    after = re.match(r" ([A-Z][a-z][\w'’-]*)", text[candidate.end : candidate.end + 40])
    # "in Nairobis Eastlands": a possessive after "in", not "Paris Hilton"
    possessive = text[candidate.end - 1] == "s" and _is_attached(
        text, sentence_start, candidate.start
    )
    if after is not None and not possessive:
        word = after.group(1).lower().removesuffix("'s").removesuffix("’s")
        following = re.match(r" +([\w'’-]+)", text[candidate.end + after.end() :])
        # "Meru Technical Training Institute", "Maseno Universitys": a place's institution
        named = INSTITUTION_AFTER.match(text, candidate.end + after.end())
        if (
            word not in PLACE_WORDS
            and word.removesuffix("s") not in INSTITUTION_WORDS  # "Maseno Universitys"
            and word not in MONTHS_AND_DAYS
            and candidate.end + 1 not in mention_starts
            and not is_known_word(word)
            and not (following and following.group(1).lower() in PLACE_WORDS)
            and not named
        ):
            return True
    next_word = re.match(r"\s+([\w-]+)", text[candidate.end : candidate.end + 30])
    # one space between: "Moses Kuria", not "Moses, Kuria" nor "Moses. Kuria"
    if before and re.fullmatch(r"[A-Z][a-z][\w'’-]*", before[-1]) and gap_before[-1:] == " ":
        word = before[-1].lower()
        start = candidate.start - 1 - len(before[-1])
        if (
            text[start : candidate.start - 1] == before[-1]
            and word not in NAME_PREFIXES
            and word not in PLACE_WORDS
            and word not in MONTHS_AND_DAYS
            and word not in TITLES
            and start not in mention_starts
            and text[sentence_start:start].strip()  # a first word is capitalized anyway
            and not word.endswith("s")  # "Kisii Universitys Eldama Ravine campus"
            and not is_known_word(word)
            and not (next_word and next_word.group(1).lower() in PLACE_WORDS)
        ):
            return True
    return False


# a wire story's dateline: "PESHAWAR, Pakistan (AP) — ", "OUAGADOUGOU, Aug 13 (Reuters) - "
# (the whole pattern is ``text.DATELINE``): its city in capitals, then what follows a comma
DATELINE_PARTS = re.compile(
    r"\s*([A-Z][A-Z'’.-]+(?:(?:\s+|/)[A-Z][A-Z'’.-]+){0,3})(?:,\s*([^,(–—-]+))?"
)


def dateline_place(
    dateline: str,
    place_ids: Mapping[str, tuple[str, ...]],
    place_info: Mapping[str, tuple[str | None, str, int | None]],
) -> str | None:
    """The town a dateline names ("PESHAWAR, Pakistan (AP) — "), in the country it names
    when it names one: of its namesakes, the largest town ("JERUSALEM": Israel's city, not
    the district nor a village in New Zealand)."""
    parts = DATELINE_PARTS.match(dateline)
    if parts is None:
        return None
    # "GAZA CITY/JERUSALEM": the first of the towns it names
    refs = next(
        (
            refs
            for name in parts.group(1).split("/")
            if (
                refs := [
                    ref
                    for ref in place_ids.get(name.lower(), ())
                    if place_info.get(ref, (None, ""))[1] in ("city", "site")
                ]
            )
        ),
        [],
    )
    told = {
        ref.split(":")[0]
        for ref in place_ids.get((parts.group(2) or "").strip().lower(), ())
        if ref.endswith(":country")
    }
    if told:
        refs = [ref for ref in refs if place_info[ref][0] in told]
    if not refs:
        return None
    return max(refs, key=lambda ref: place_info[ref][2] or 0)


BOX_MARGIN = 1.0  # degrees around a country's places that may still be near it


def _folded(text: str, candidate: PlaceCandidate) -> str:
    return text[candidate.start : candidate.end].lower().replace("’", "'")


def _far_from(
    point: tuple[float, float] | None,
    countries: Collection[str],
    boxes: Mapping[str, tuple[float, ...]],
) -> bool:
    """Whether a point lies outside the bounds of every one of the countries' places."""
    if point is None:
        return False
    latitude, longitude = point
    for country in countries:
        box = boxes.get(country)
        if box is None:
            return False
        south, north, west, east = box
        if (
            south - BOX_MARGIN <= latitude <= north + BOX_MARGIN
            and west - BOX_MARGIN <= longitude <= east + BOX_MARGIN
        ):
            return False
    return True
