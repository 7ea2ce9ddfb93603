"""Killed and injured counts in a sentence, following ACLED's conventions.

The lowest reported figure counts ("at least 10", "between 5 and 8" -> 5); "several" and
"a few" = 3, "dozens" = 12, "hundreds" = 100; coordinated groups are summed ("13 US troops
and around 170 Afghans" = 183); "casualties" alone gives no count.
"""

from __future__ import annotations

import re

_TOKEN = re.compile(r"\d+(?:,\d{3})*(?:\.\d+)?|\w+(?:['’-]\w+)*|[^\w\s]")
WORD_NUMBERS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
    "dozens": 12,
    "hundreds": 100,
    "several": 3,
    "few": 3,
    "scores": 20,
    "thousands": 1000,
    "couple": 2,
}
KILLED = {
    "killed",
    "killing",
    "kill",
    "kills",
    "dead",
    "died",
    "die",
    "dies",
    "death",
    "deaths",
    "lives",
    "life",
    "fatalities",
    "slain",
    "massacred",
    "murdered",
    "murdering",
    "bodies",
    "body",
    "lynched",
    "beheaded",
    "executed",
    "perished",
    "assassinated",
    "fatally",
    "hacked",
    "lifeless",
}
INJURED = {
    "injured",
    "injuring",
    "injuries",
    "wounded",
    "wounding",
    "hurt",
    "injures",
    "injure",
    "maimed",
    "injury",
}
_LINK = {
    "of",
    "the",
    "at",
    "least",
    "around",
    "about",
    "nearly",
    "some",
    "almost",
    "roughly",
    "approximately",
    "over",
    "more",
    "than",
    "up",
    "to",
    "an",
    "estimated",
    "another",
    "additional",
    "further",
    "a",
    "total",
}
_STOP_CHAIN = {"including", "among", "of", "whom", "which", "while", "but", ";", "."}
_ANY_CASUALTY = re.compile(
    r"\b(?:" + "|".join(sorted(KILLED | INJURED, key=len, reverse=True)) + r")\b", re.IGNORECASE
)
MAX_COUNT = 1_000_000  # no single report counts more victims than this
_CONNECTORS = {"and", ",", "&"}
_VAGUE = {"death", "life", "die", "injury", "injure", "fatally"}
_PLURAL = {
    "people",
    "civilians",
    "persons",
    "others",
    "men",
    "women",
    "children",
    "villagers",
    "residents",
    "several",
    "many",
    "two",
    "three",
    "four",
    "five",
    "dozens",
}
_SINGULAR = {
    "a",
    "an",
    "one",
    "him",
    "her",
    "he",
    "she",
    "man",
    "woman",
    "boy",
    "girl",
    "person",
    "himself",
    "herself",
    "the",
    "his",
    "suspect",
    "member",
    "officer",
    "policeman",
    "soldier",
    "villager",
    "chief",
    "driver",
    "trader",
    "student",
    "teacher",
    "farmer",
    "herder",
    "attorney",
    "lawyer",
    "thief",
    "robber",
    "leader",
    "elder",
    "child",
    "journalist",
    "resident",
    "rider",
    "pastor",
    "priest",
    "imam",
    "mca",
    "mp",
    "official",
    "guard",
    "bodyguard",
    "husband",
    "wife",
    "father",
    "mother",
    "son",
    "daughter",
    "businessman",
    "victim",
    "civilian",
    "worker",
    "youth",
    "insurgent",
    "militant",
    "gunman",
    "bandit",
    "attacker",
    "rustler",
    "herdsman",
    "fisherman",
    "pupil",
    "motorist",
    "passenger",
    "headman",
}


def _number(tokens: list[str], index: int) -> tuple[int, int] | None:
    """The quantity starting at ``tokens[index]``: (value, tokens used), or None."""
    token = tokens[index].lower()
    following = tokens[index + 1].lower() if index + 1 < len(tokens) else ""
    after_dash = tokens[index + 2].lower() if index + 2 < len(tokens) else ""
    if following.startswith("year") or (following == "-" and after_dash.startswith("year")):
        return None  # an age: "a 48-year-old man"
    if token[0].isdigit():
        if len(token) == 4 and token.startswith(("19", "20")) and "," not in token:
            return None  # a year
        try:
            value = int(float(token.replace(",", "")))
        except ValueError:
            return None
        if value > MAX_COUNT:
            return None  # a phone number, an amount: not a count of people
        if index + 1 < len(tokens) and tokens[index + 1].lower() in ("million", "thousand"):
            return None  # money and populations, not casualties
        return value, 1
    if token in WORD_NUMBERS:
        value = WORD_NUMBERS[token]
        used = 1
        if token in ("few", "couple") and (index == 0 or tokens[index - 1].lower() != "a"):
            return None
        if (
            index + 1 < len(tokens)
            and tokens[index + 1].lower() in ("dozen", "hundred")
            and value < 12
        ):
            value *= WORD_NUMBERS[tokens[index + 1].lower()]
            used = 2
        elif (
            index + 2 < len(tokens)
            and tokens[index + 1] == "-"
            and tokens[index + 2].lower() in WORD_NUMBERS
        ):
            value += WORD_NUMBERS[tokens[index + 2].lower()]
            used = 3
        return value, used
    return None


def count_casualties(sentence: str) -> tuple[int | None, int | None]:
    """(killed, injured) reported in one sentence; None where no count is given."""
    if _ANY_CASUALTY.search(sentence) is None:
        return None, None
    tokens = _TOKEN.findall(sentence)
    lower = [token.lower() for token in tokens]
    numbers: dict[int, tuple[int, int]] = {}
    index = 0
    while index < len(tokens):
        found = _number(tokens, index)
        if found is not None:
            numbers[index] = found
            index += found[1]
        else:
            index += 1
    totals: dict[str, int | None] = {"killed": None, "injured": None}
    used: set[int] = set()

    def add(kind: str, value: int) -> None:
        totals[kind] = (totals[kind] or 0) + value

    for position, (value, width) in sorted(numbers.items()):
        if position in used:
            continue
        # a number before its verb: "5 people were killed", "95 dead", "two injured"
        for offset in range(width, width + 6):
            at = position + offset
            if (
                at >= len(lower)
                or lower[at] in _STOP_CHAIN
                or lower[at] in _CONNECTORS
                or (at in numbers)
            ):
                break
            kind = "killed" if lower[at] in KILLED else "injured" if lower[at] in INJURED else None
            if kind:
                add(kind, value)
                used.add(position)
                break
    for position, token in enumerate(lower):
        kind = "killed" if token in KILLED else "injured" if token in INJURED else None
        if kind is None:
            continue
        # a number after its verb, and the groups coordinated with it: "killing 13 soldiers
        # and 170 civilians", "the lives of 95 people", "between 5 and 8" (the lowest)
        at = position + 1
        while (
            at < len(lower)
            and (lower[at] in _LINK or lower[at] == "between")
            and (at not in numbers)
        ):
            at += 1
        if at - position > 5 or at not in numbers or at in used:
            continue
        is_range = "between" in lower[position:at]
        chain_value = 0
        while True:
            value, width = numbers[at]
            used.add(at)
            chain_value += value
            at += width
            gap = 0
            while (
                at < len(lower)
                and gap < 4
                and at not in numbers
                and lower[at] not in _CONNECTORS
                and lower[at] not in _STOP_CHAIN
            ):
                at += 1
                gap += 1
            if at < len(lower) and lower[at] in _CONNECTORS:
                look = at + 1
                while look < len(lower) and lower[look] in _LINK and look not in numbers:
                    look += 1
                if look in numbers and look not in used:
                    if is_range:
                        used.add(look)  # "between 5 and 8": the lowest figure counts
                        break
                    at = look
                    continue
            break
        add(kind, chain_value)
    for kind, words in (("killed", KILLED), ("injured", INJURED)):
        if totals[kind] is not None:
            continue
        # one victim named in the singular: "a man was hacked to death", "killed him"
        for position, token in enumerate(lower):
            to_death = token == "death" and position > 0 and lower[position - 1] == "to"
            if token in words and (to_death or token not in _VAGUE):
                # the victim: before a passive verb ("a man was killed"), else after it
                # ("killed a man"); "to death" looks both ways ("beat a man to death")
                before = lower[max(0, position - 7) : position]
                passive = any(word in ("was", "were", "been", "is", "are") for word in before[-3:])
                window = before if passive else lower[position + 1 : position + 5]
                if to_death:
                    window = lower[max(0, position - 7) : position + 2]
                if any(word in _SINGULAR for word in window) and not any(
                    word in _PLURAL for word in window
                ):
                    totals[kind] = 1
                    break
    return totals["killed"], totals["injured"]
