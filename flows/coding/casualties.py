"""Killed and injured counts in a sentence, following ACLED's conventions.

The lowest reported figure counts ("at least 10", "between 5 and 8" -> 5); "several" and
"a few" = 3, "dozens" = 12, "hundreds" = 100; coordinated groups are summed ("13 US troops
and around 170 Afghans" = 183); "casualties" alone gives no count.
"""

from __future__ import annotations

import re

from flows.coding.dates import MONTHS

# a date written with slashes ("11/04") is one token, and no count
_TOKEN = re.compile(
    r"\d{1,2}/\d{1,2}(?:/\d{2,4})?\b|\d+(?:,\d{3})*(?:\.\d+)?|\w+(?:['’-]\w+)*|[^\w\s]"
)
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
    "lynch",
    "lynches",
    "beheaded",
    "executed",
    "perished",
    "assassinated",
    "gunned",  # "gunned down": shot dead
    "fatally",
    "hacked",
    "lifeless",
    "neutralised",  # armies' word for enemies killed: "neutralised around 20 of them"
    "neutralized",
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
    "down",  # "gunned down three men"
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
    "family",  # "killing a family of four"
    "his",
    "her",
    "their",
}
_STOP_CHAIN = {"including", "among", "of", "whom", "which", "while", "but", ";", "."}
_RANGE = {"between", "either"}  # "between 5 and 8", "either one or four": the lowest counts
_MONTH_NAMES = frozenset(MONTHS)
# counted animals are livestock lost, not people: "100 camels were killed"
_ANIMALS = {
    "camels",
    "cattle",
    "cows",
    "goats",
    "sheep",
    "livestock",
    "animals",
    "donkeys",
    "heads",
    "head",
    "herd",
    "herds",
    "bulls",
    "chickens",
    "dogs",
    "elephants",
}
# a killing only tried, or one the victim is accused of: not a toll of this event
# ("nearly lynched", "tried to kill", "accused of killing", "arrested for the murder of")
_NOT_DONE = {
    "nearly",
    "almost",
    "narrowly",
    "attempted",
    "attempting",
    "attempt",
    "tried",
    "trying",
    "threatened",
    "threatening",
    "plotting",
    "plotted",
    "planning",
    "planned",
    "accused",
    "suspected",
    "charged",
    "convicted",
    "blamed",
    "responsible",
    "wanted",
    "charges",
    "behind",
    "had",
    "escaped",  # "escaped death"
    "escape",
    "survived",
}
_UNITS = {
    "days", "weeks", "months", "hours", "minutes", "day", "week", "month", "hour", "km",
    "kilometres", "kilometers", "metres", "meters", "miles", "acres", "percent", "%", "sh",
    "ksh", "shillings", "dollars", "rounds", "bullets", "times",
}  # fmt: skip
_SKIPPABLE = {"to", "of", "the", "for", "allegedly", "reportedly", "having", "have"}
# "stormed the hospital to kill a patient": an aim, not a toll
_CLAIMS = {"claim", "claims", "claimed", "said", "says", "say"}
_INFINITIVES = {"kill", "murder", "lynch", "injure", "hurt", "die", "behead", "execute"}
_NEGATION = {
    "no",
    "not",
    "any",
    "nobody",
    "none",
    "without",
    "neither",
    "nor",
    "if",
    "whether",
    "anyone",
    "anybody",
}
_INTRANSITIVE = {"died", "dies", "perished"}  # the victim is the subject: "a man dies"
_PLURAL_NOUNS = {"fatalities", "deaths", "bodies", "lives", "killings"}
_CLAUSE_END = {";", ":", "but", "while", "whereas"}
# "the first died", "a fifth victim died": one of the victims already counted
_ORDINALS = {"first", "second", "third", "fourth", "fifth", "latter"}
_ANY_CASUALTY = re.compile(
    r"\b(?:" + "|".join(sorted(KILLED | INJURED, key=len, reverse=True)) + r")\b", re.IGNORECASE
)
MAX_COUNT = 1_000_000  # no single report counts more victims than this
_CONNECTORS = {"and", ",", "&"}
# words that count no single victim of their own ("neutralised the bomb")
_VAGUE = {"death", "life", "die", "injury", "injure", "fatally", "neutralised", "neutralized"}
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


# the active forms of the casualty verbs: their victims come after them, so a number
# before them counts the doers ("100 raiders attacked, killing 2")
_ACTIVE = {
    word
    for word in KILLED | INJURED
    if word.endswith("ing") or word in ("kill", "kills")  # ("wounds" is a noun too)
}


def _number(tokens: list[str], index: int) -> tuple[int, int] | None:
    """The quantity starting at ``tokens[index]``: (value, tokens used), or None."""
    token = tokens[index].lower()
    following = tokens[index + 1].lower() if index + 1 < len(tokens) else ""
    after_dash = tokens[index + 2].lower() if index + 2 < len(tokens) else ""
    if following.startswith("year") or (following == "-" and after_dash.startswith("year")):
        return None  # an age: "a 48-year-old man"
    previous = tokens[index - 1].lower() if index > 0 else ""
    if following in _MONTH_NAMES or previous in _MONTH_NAMES:
        return None  # a day of a date: "13 June: gunmen killed", "on June 13"
    if (following in _ANIMALS and not after_dash.endswith(("ers", "men"))) or (
        following in ("of", "more") and after_dash in _ANIMALS
    ):
        return None  # "300 cattle", "100 head of cattle" (but "9 cattle rustlers")
    if token == "one" and previous == "no":
        return None  # "no one was killed"
    if following in _UNITS:
        return None  # a measure: "two months ago", "5 km away", "10 acres"
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


_REPORTING = {"said", "says", "told", "reported", "announced", "added", "stated", "confirmed"}


def _not_done(lower: list[str], position: int) -> bool:
    """A killing word that tells no toll of this event: only tried ("nearly lynched", "tried
    to kill"), or one a person is accused of ("accused of killing", "who had killed")."""
    if (
        position > 0
        and lower[position - 1] == "to"
        and lower[position] in _INFINITIVES
        and (position < 2 or lower[position - 2] not in _CLAIMS)
    ):
        return True  # "stormed the hospital to kill a patient" (but "claim to kill three")
    at = position - 1
    while at >= 0 and position - at <= 4 and lower[at] in _SKIPPABLE:
        at -= 1
    if at < 0 or lower[at] not in _NOT_DONE:
        return False
    if lower[at] != "had":
        return True
    # "had" only as the pluperfect of an earlier act ("who had killed", "as five patients
    # had died the month before"), not "had been killed" nor a report's tense ("the army
    # said soldiers had killed 20 of the attackers")
    return (at == position - 1 or lower[at + 1] != "been") and not any(
        word in _REPORTING for word in lower[max(0, at - 6) : at]
    )


def count_casualties(sentence: str) -> tuple[int | None, int | None]:
    """(killed, injured) reported in one sentence; None where no count is given."""
    if _ANY_CASUALTY.search(sentence) is None:
        return None, None
    tokens = _TOKEN.findall(sentence)
    lower = [token.lower() for token in tokens]
    blocked = {
        position
        for position, token in enumerate(lower)
        if (token in KILLED or token in INJURED) and _not_done(lower, position)
    }
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
        reach, skip = width + 6, -1
        if position + width + 1 < len(lower) and lower[position + width] == "of":
            # "three of the ten passengers were killed", "two of 15 suspects": the part
            whole = position + width + 1
            whole += lower[whole] in _PARTITIVE
            if whole in numbers:
                used.add(whole)
                skip = whole + numbers[whole][1]
                reach += skip - position - width
        offset, widened = width - 1, False
        while (offset := offset + 1) < reach:
            at = position + offset
            if at < skip:
                continue
            partitive = offset == width and at + 1 < len(lower) and lower[at] == "of"
            if (
                partitive
                and lower[at + 1] in _PARTITIVE
                and at + 2 < len(lower)
                and at + 2 not in numbers
                and lower[at + 2] not in _ANIMALS
                and lower[at + 2] not in KILLED
            ):
                continue  # "two of the robbers were killed" ("5 of these" were counted)
            if (
                at < len(lower)
                and not widened
                and (
                    # "three members of the same family are killed", "two men were in the
                    # evening hours shot dead": a short phrase inside the subject or after
                    # its auxiliary
                    (lower[at] == "of" and offset > width) or lower[at] in _PASSIVE_AUXILIARIES
                )
            ):
                widened, reach = True, reach + 4
                if lower[at] == "of":
                    continue
            if (
                at < len(lower)
                and lower[at] == "and"
                and at + 1 < len(lower)
                and (lower[at + 1] in KILLED or lower[at + 1] in INJURED)
            ):
                continue  # "were shot and killed": two verbs of one toll
            if (
                at >= len(lower)
                or lower[at] in _STOP_CHAIN
                or lower[at] in _CONNECTORS
                or (at in numbers)
            ):
                break
            kind = "killed" if lower[at] in KILLED else "injured" if lower[at] in INJURED else None
            if kind and lower[at] in _ACTIVE:
                break  # "100 raiders attacked the village, killing 2": the doers, not the dead
            if kind:
                if at not in blocked:
                    # "a police officer and two civilians were killed" = 3
                    add(kind, _list_before(tokens, lower, numbers, at) or value)
                used.add(position)
                break
    for position, token in enumerate(lower):
        kind = "killed" if token in KILLED else "injured" if token in INJURED else None
        if kind is None or position in blocked:
            continue
        # a number after its verb, and the groups coordinated with it: "killing 13 soldiers
        # and 170 civilians", "the lives of 95 people", "between 5 and 8" (the lowest)
        listed = _victim_list(tokens, lower, numbers, position + 1)
        if listed is not None:
            # "killed a chief and his two sons" = 3, "a trader and a rider" = 2
            total, end = listed
            used.update(at for at in numbers if position < at < end)
            add(kind, total)
            continue
        at = position + 1
        while (
            at < len(lower) and (lower[at] in _LINK or lower[at] in _RANGE) and (at not in numbers)
        ):
            at += 1
        if at - position > 5 or at not in numbers or at in used:
            continue
        is_range = any(word in _RANGE for word in lower[position:at])
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
            if at < len(lower) and (lower[at] in _CONNECTORS or (is_range and lower[at] == "or")):
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
            if token not in words or position in blocked or token in _PLURAL_NOUNS:
                continue
            to_death = token == "death" and position > 0 and lower[position - 1] == "to"
            if token in _VAGUE and not to_death:
                continue
            before = lower[max(0, position - 7) : position]
            if any(word in _NEGATION for word in _clause_tail(before)):
                continue  # "no one was killed", "nobody was hurt", "if anyone was hurt"
            # the victim: before a passive verb ("a man was killed") or an intransitive one
            # ("a man died"), else after it ("killed a man"); "to death" looks both ways
            # ("beat a man to death"); the victim's clause only ("..., but one was hurt")
            auxiliaries = [w for w in before[-3:] if w in ("was", "were", "been", "is", "are")]
            if to_death:
                window = lower[max(0, position - 7) : position + 2]
            elif auxiliaries:
                window = _clause_tail(before)
            elif token in _INTRANSITIVE:  # "a man died", else "died of his wounds"
                window = _clause_tail(before)
                if not any(word in _SINGULAR for word in window):
                    after = _clause_head(lower[position + 1 : position + 5])
                    window += after[: after.index("and")] if "and" in after else after
            else:
                window = _clause_head(lower[position + 1 : position + 5])
            if auxiliaries or to_death or token in _INTRANSITIVE:
                listed = _list_before(tokens, lower, numbers, position)
                if listed is not None:
                    totals[kind] = listed
                    break
            if any(word in _PLURAL or word in _ORDINALS or word == "number" for word in window):
                continue  # (nor "an unknown number of militants": no count told)
            if (
                any(word in _SINGULAR for word in window)
                # "James Orengo was killed": the verb itself tells one victim
                or (auxiliaries and _singular_verb(before, auxiliaries[-1]))
                # "gunmen kill police reservist": a common noun in the singular
                or (not auxiliaries and not to_death and _singular_object(tokens, position))
            ):
                totals[kind] = 1
                break
    return totals["killed"], totals["injured"]


def _clause_tail(words: list[str]) -> list[str]:
    """The words after the last clause boundary."""
    for index in range(len(words) - 1, -1, -1):
        if words[index] in _CLAUSE_END:
            return words[index + 1 :]
    return words


def _clause_head(words: list[str]) -> list[str]:
    """The words before the first clause boundary."""
    for index, word in enumerate(words):
        if word in _CLAUSE_END:
            return words[:index]
    return words


def _singular_verb(before: list[str], auxiliary: str) -> bool:
    """A passive verb in the singular: "was killed", "is lynched", "has been shot dead"."""
    if auxiliary == "been":
        return len(before) >= 2 and "has" in before[-3:]
    return auxiliary in ("was", "is")


_ACTIVE_KILL = {"kill", "kills", "killed", "murder", "murders", "murdered", "lynch", "lynches"}
_NOT_OBJECT = {
    "in",
    "on",
    "at",
    "by",
    "during",
    "after",
    "before",
    "near",
    "and",
    "or",
    "with",
    "while",
    "when",
    "as",
    "for",
    "from",
    "to",
    "into",
    "over",
    "outside",
    "inside",
    "instantly",
    "today",
    "yesterday",
    "tonight",
    "overnight",
    "later",
    "earlier",
    "there",
    "again",
    "off",
    "it",
    "them",
}
_GROUP_NOUNS = {"police", "people", "cattle", "livestock", "militia", "personnel", "staff"}
_PLURAL_ENDINGS = ("s", "men", "ly", "ing", "ed", "ren")


def _singular_object(tokens: list[str], position: int) -> bool:
    """An active killing verb whose object is a noun phrase with a lower-case singular head:
    "gunmen kill police reservist", "villagers lynch suspected thief", "raiders kill Pokot
    peace activist" (a people's or country's name may modify the head, not be it)."""
    if tokens[position].lower() not in _ACTIVE_KILL:
        return False
    phrase: list[str] = []
    for token in tokens[position + 1 : position + 5]:
        if not token.isalpha() or token.lower() in _NOT_OBJECT:
            break
        if not token.islower() and phrase and phrase[-1].islower():
            break  # a name after the head: "kill activist John Doe"
        phrase.append(token)
    if not phrase or len(phrase) == len(tokens[position + 1 : position + 5]) == 4:
        return False
    head = phrase[-1]
    return head.islower() and not head.endswith(_PLURAL_ENDINGS) and head not in _GROUP_NOUNS


# the words that open one victim's phrase ("a chief", "his commander") or a counted one's
# ("his two sons", "the three brothers")
_ONE_VICTIM = {"a", "an", "one", "his", "her", "the", "its"}
_GROUP_OPENERS = {"his", "her", "their", "the", "its"}
_PARTITIVE = {"the", "his", "her", "their"}
_AUXILIARIES = {"was", "were", "is", "are", "been", "have", "has", "had"}
_PASSIVE_AUXILIARIES = _AUXILIARIES - {"have", "has", "had"}  # "were (in the night) killed"
_CLAUSE_OPENERS = {",", ";", ":", "and", "but", "when", "after", "as", "while", "where", "that"}
_BEFORE_VERB = _AUXILIARIES | {"reportedly", "allegedly", "later", "also", "all", "both", "shot"}
# what may follow a list of victims: the end of the clause, a preposition ("in Kano"), or
# the verb of a passive ("were killed")
_AFTER_VICTIMS = (_NOT_OBJECT - {"and", "it", "them"}) | _AUXILIARIES | KILLED | INJURED


def _victim_phrase(
    tokens: list[str], lower: list[str], numbers: dict[int, tuple[int, int]], start: int
) -> tuple[int, int, bool] | None:
    """One victim phrase from ``start``: (count, end, counted), where a counted phrase
    gives a number ("his two sons") and an uncounted one a single person ("a chief")."""
    at = start
    if at < len(lower) and lower[at] in _GROUP_OPENERS and at + 1 in numbers:
        at += 1
    if at in numbers:
        count, width = numbers[at]
        at += width
        if at + 1 < len(lower) and lower[at] == "of" and lower[at + 1] in _GROUP_OPENERS:
            at += 2  # "three of his bodyguards"
        counted = True
    elif at < len(lower) and lower[at] in _ONE_VICTIM:
        count, counted = 1, False
        at += 1
    else:
        return None
    words = 0
    while (
        at < len(lower)
        and words < 5
        and (tokens[at][0].isalnum() or tokens[at] == "-")
        and at not in numbers
        and lower[at] not in _NOT_OBJECT
        and lower[at] not in _CONNECTORS
        and lower[at] not in KILLED
        and lower[at] not in INJURED
        and lower[at] not in _STOP_CHAIN
        and lower[at] not in _CLAIMS
        and lower[at] not in _AUXILIARIES
    ):
        at += 1
        words += 1
    if words == 0:
        return None
    head = lower[at - 1]
    if not counted and (head.endswith(_PLURAL_ENDINGS) or head in _GROUP_NOUNS):
        return None  # "the villagers", "the police": no single person
    return count, at, counted


def _victim_list(
    tokens: list[str], lower: list[str], numbers: dict[int, tuple[int, int]], start: int
) -> tuple[int, int] | None:
    """The victims listed after a killing verb when one of them is a single person without a
    number: "a chief and his two sons" = 3, "his wife and two children" = 3, "a trader and a
    rider" = 2. (total, end); None when the words are no such list (a list of numbers only is
    the counting chain's)."""
    phrases: list[tuple[int, bool]] = []
    at = start
    last_joint = ""
    while True:
        phrase = _victim_phrase(tokens, lower, numbers, at)
        if phrase is None:
            return None
        count, at, counted = phrase
        phrases.append((count, counted))
        if at + 1 < len(lower) and lower[at] == "," and lower[at + 1] == "and":
            at, last_joint = at + 2, "and"
        elif at < len(lower) and lower[at] in (",", "and"):
            at, last_joint = at + 1, lower[at]
        else:
            break
    closed = at >= len(lower) or lower[at] in _AFTER_VICTIMS or not tokens[at].isalnum()
    if (
        len(phrases) < 2
        or all(counted for _, counted in phrases)
        or last_joint != "and"  # a list ends "... and Z"; "In an attack, a man" is none
        or not closed
    ):
        return None  # "killed a man and the driver fled": the driver is no victim
    return sum(count for count, _ in phrases), at


def _list_before(
    tokens: list[str], lower: list[str], numbers: dict[int, tuple[int, int]], verb: int
) -> int | None:
    """The victims listed as the subject of a passive or intransitive killing verb when one
    of them is a single person: "a police officer and two civilians were killed" = 3, "two
    soldiers and a civilian died" = 3, "a man and his wife were hacked to death" = 2."""
    for start in range(max(0, verb - 16), verb):
        opens = lower[start] in _ONE_VICTIM or start in numbers
        if not opens or (start > 0 and lower[start - 1] not in _CLAUSE_OPENERS):
            continue  # the subject opens its clause: not "in a school, 1 woman and 1 child"
        listed = _victim_list(tokens, lower, numbers, start)
        if listed is not None and all(word in _BEFORE_VERB for word in lower[listed[1] : verb]):
            return listed[0]
    return None
