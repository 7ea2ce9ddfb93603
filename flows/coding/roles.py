"""Actor roles: which actors a sentence names, and who acts on whom.

A mixin of ``DocumentCoder`` (``events.py``): the actors of a sentence (named, country,
generic "Kenyan police", unknown groups "the Shining Path guerrillas"), whether an actor is
the object of a preposition or a verb, coordinated sources ("the United States and
Jordan"), the targets after a trigger, the victims after a word of killing, and the
country of a generic actor.
"""

from __future__ import annotations

import re

from flows.coding.rows import GROUP_SECTORS, ORGANIZED, Actor, Mention
from flows.coding.text import WORD, words_before

PREPOSITIONS = {
    "on",
    "against",
    "to",
    "at",
    "with",
    "of",
    "in",
    "from",
    "for",
    "by",
    "into",
    "near",
    "towards",
    "toward",
    "upon",
    "between",
    "among",
    "within",
    "inside",
    "across",
    "over",
    "targeting",
    "throughout",
    "about",
    "after",
    "before",
    "than",
    "like",
    "including",
}
PLACE_PREPOSITIONS = {
    "in",
    "at",
    "near",
    "within",
    "inside",
    "across",
    "throughout",
    "outside",
    "from",
    "through",
    "around",
}
QUANTITY_OF = re.compile(
    r"\b(?:thousands|hundreds|dozens|scores|millions|tens|number|group|some|many|most|all|"
    r"several|\d[\d,]*|one|two|three|four|five|six|seven|eight|nine|ten)\s+of\s+(?:the\s+)?$",
    re.I,
)
OBJECT_VERBS = {
    "give",
    "gives",
    "gave",
    "giving",
    "offer",
    "offers",
    "offered",
    "send",
    "sends",
    "sent",
    "grant",
    "granted",
    "lend",
    "lent",
    "sell",
    "sold",
    "told",
    "tell",
    "urged",
    "urge",
    "asked",
    "ask",
    "warned",
    "warn",
    "promised",
    "owe",
    "owes",
}
REPORTER = re.compile(
    r"\s*(?:[\w-]+\s+){0,2}(?:said|says|announced|reported|told|confirmed|stated|added|noted|"
    r"quoted|reports|announces)\b",
    re.I,
)
KILL_WORD = re.compile(  # searched in lower-cased text
    r"\b(?:killed|killing|kills|kill|dead|died|dies|die|deaths?|lives|life|fatalities|fatally|"
    r"slain|murdered|murdering|bodies|body|injured|injuring|injures|injure|injury|wounded|"
    r"wounding|injuries|hurt|maimed|lynched|beheaded|massacred|executed|perished|"
    r"assassinated|hacked|lifeless|shot)\b"
)
ANAPHORS = {
    "group",
    "militants",
    "militia",
    "insurgents",
    "rebels",
    "jihadists",
    "extremists",
    "terrorists",
    "organization",
    "organisation",
    "movement",
    "fighters",
}
UNKNOWN_GROUP_LOWER = re.compile(r"\bthe\s+((?:[a-z][\w'’-]*\s+){1,3})$")
UNKNOWN_GROUP = re.compile(r"(?:\b[Tt]he\s+)?((?:[A-Z][\w'’.-]*\s+){1,4})$")
NOT_NAMES = {
    "the",
    "a",
    "an",
    "armed",
    "suspected",
    "unidentified",
    "unknown",
    "local",
    "rival",
    "islamist",
    "islamic",
    "government",
    "opposition",
    "some",
    "many",
}
MODIFIER_WORDS = {
    "state",
    "security",
    "riot",
    "special",
    "armed",
    "local",
    "federal",
    "national",
    "elite",
    "regional",
    "provincial",
    "county",
    "anti-riot",
    "paramilitary",
    "border",
    "naval",
    "air",
    "government",
    "opposition",
    "rebel",
    "military",
    "police",
    "army",
}


def _after_place_word(before: list[str]) -> bool:
    """True after "in", "near"... (directly or with one word between: "in central")."""
    if before and before[-1] in PLACE_PREPOSITIONS:
        return True
    return (
        len(before) == 2
        and before[0] in PLACE_PREPOSITIONS
        and before[1]
        in (
            "central",
            "northern",
            "southern",
            "eastern",
            "western",
            "the",
            "downtown",
            "rural",
            "north",
            "south",
            "east",
            "west",
        )
    )


def _modifies(gap: str) -> bool:
    """True when a country word and the agent noun after it form one phrase ("US troops")."""
    if re.fullmatch(r"(?:['’]s)?\s*", gap):
        return True
    words = WORD.findall(gap)
    return (
        len(words) <= 2
        and re.fullmatch(r"(?:['’]s)?\s+[\w\s-]+\s+", gap) is not None
        and all(word.lower() in MODIFIER_WORDS for word in words)
    )


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", name.lower()).strip("-")


def named_subject(subjects: list[Actor], position: int) -> Actor | None:
    """The nearest named (dictionary) actor among subjects within 80 characters."""
    return next(
        (a for a in reversed(subjects) if not a.is_generic and position - a.end <= 160), None
    )


def prefer_named(subjects: list[Actor], position: int) -> Actor:
    """The nearest subject, unless it is generic and a named actor stands just before it."""
    nearest = subjects[-1]
    if nearest.is_generic:
        return named_subject(subjects, position) or nearest
    return nearest


class ActorRoles:
    """Actor decisions of a ``DocumentCoder``; needs its ``text``, ``lex`` and state."""

    # ------------------------------------------------------------------ actors
    def _actors(
        self, sentence_start: int, mentions: list[Mention]
    ) -> tuple[list[Actor], list[Mention]]:
        """Actor spans of a sentence, and the place mentions (capitals after "in" included)."""
        actors: list[Actor] = []
        # A country's name is a place only after "in", "near"... (handled below); elsewhere
        # it names the state as an actor.
        places: list[Mention] = [
            m for m in mentions if m.kind == "place" and not m.ref.endswith(":country")
        ]
        place_spans = {(m.start, m.end) for m in places}
        entity: list[Mention] = []
        seen: set[tuple[int, int, str]] = set()
        for mention in sorted(mentions, key=lambda m: (m.start, m.end)):
            if (
                mention.kind in ("actor", "noun")
                and (key := (mention.start, mention.end, mention.ref)) not in seen
            ):
                seen.add(key)
                entity.append(mention)
        used: set[int] = set()
        for index, mention in enumerate(entity):
            if index in used:
                continue
            surface = self.text[mention.start : mention.end]
            before = words_before(self.text, mention.start, 2)
            if mention.kind == "noun":
                actor = self._noun_actor(mention, surface, before)
                if actor is not None:
                    actors.append(actor)
                continue
            info = self.lex.actor_info.get(mention.ref)
            if info is None:
                continue
            country, sector, actor_type = info
            if (
                actor_type == "country"
                and mention.sub in ("name", "capital")
                and _after_place_word(before)
            ):
                self.place_mentions.append(
                    Actor(mention.start, mention.end, mention.ref, country, None, surface)
                )
                if (mention.start, mention.end) not in place_spans:
                    place_id = f"{mention.ref}:country"
                    places.append(
                        Mention(mention.start, mention.end, "place", place_id, refs=(place_id,))
                    )
                    place_spans.add((mention.start, mention.end))
                continue
            if any(a.start == mention.start and a.end == mention.end for a in actors):
                continue  # one span, two readings of one actor
            following = next((m for m in entity[index + 1 :] if m.start >= mention.end), None)
            if (
                following is not None
                and following.kind == "noun"
                and actor_type == "country"
                and mention.sub in ("name", "demonym", "alias")
                and _modifies(self.text[mention.end : following.start])
            ):
                used.add(entity.index(following))
                actors.append(
                    Actor(
                        mention.start,
                        following.end,
                        f"{country}.{following.ref}",
                        country,
                        following.ref,
                        self.text[mention.start : following.end],
                        True,
                    )
                )
                continue
            if mention.sub == "people":
                actors.append(
                    Actor(
                        mention.start, mention.end, f"{country}.CVL", country, "CVL", surface, True
                    )
                )
                continue
            actors.append(Actor(mention.start, mention.end, mention.ref, country, sector, surface))
            if mention.sub == "demonym":
                self.demonym_starts.add(mention.start)  # "29 Ugandan suspects": not the state
            if sector in ("REB", "UAF", "COM", "PAR") and actor_type == "organization":
                self.last_armed_group = actors[-1]
        return sorted(actors, key=lambda a: a.start), places

    def _noun_actor(self, mention: Mention, surface: str, before: list[str]) -> Actor | None:
        """A generic actor from an agent noun, an anaphor, or an unknown named group."""
        lowered = surface.lower()
        if lowered == "group" and (not before or before[-1] != "the"):
            return None  # "a group of protesters": a quantity, not an armed group
        if before and before[-1] == "the" and lowered in ANAPHORS:
            group = self.last_armed_group
            if group is None:
                return None
            return Actor(
                mention.start,
                mention.end,
                group.actor_id,
                group.country_code,
                group.sector,
                surface,
            )
        if mention.ref in GROUP_SECTORS or (self.is_lowercase and mention.ref in ORGANIZED):
            pattern = UNKNOWN_GROUP_LOWER if self.is_lowercase else UNKNOWN_GROUP
            window_start = max(0, mention.start - 60)
            named = pattern.search(self.text[window_start : mention.start])
            if named is not None:
                name = named.group(1).strip()
                words = name.lower().split()
                if (
                    words
                    and not any(word in NOT_NAMES for word in words)
                    and not (
                        self.is_lowercase and any(word in self.lex.vocabulary for word in words)
                    )
                ):
                    start = window_start + named.start(1)
                    actor = Actor(
                        start,
                        mention.end,
                        f"ORG.{_slug(name)}",
                        None,
                        mention.ref,
                        self.text[start : mention.end],
                        True,
                    )
                    actor.name = name.title() if self.is_lowercase else name
                    self.last_armed_group = actor
                    return actor
        return Actor(mention.start, mention.end, None, None, mention.ref, surface, True)

    def _is_object(self, actor: Actor, actors: list[Actor]) -> bool:
        """True when the actor is the object of a preposition (directly or by coordination)."""
        before = words_before(self.text, actor.start, 2)
        if QUANTITY_OF.search(self.text[max(0, actor.start - 30) : actor.start]):
            return False  # "thousands of teachers" is a subject, not an object of "of"
        if before and (before[-1] in PREPOSITIONS or before[-1] in OBJECT_VERBS):
            return True
        if (
            len(before) == 2
            and before[-1] in ("the", "a", "an")
            and (before[-2] in PREPOSITIONS or before[-2] in OBJECT_VERBS)
        ):
            return True
        gap = self.text[max(0, actor.start - 8) : actor.start].lower()
        if re.search(r"(?:\band|,|\bor)\s*(?:the\s+)?$", gap):
            earlier = [a for a in actors if a.end <= actor.start and actor.start - a.end <= 12]
            if earlier:
                return self._is_object(earlier[-1], actors)
        return False

    def _coordinated(self, source: Actor, before: list[Actor]) -> list[Actor]:
        """Actors joined to the source by "and" or commas: "the United States and Jordan"."""
        chain: list[Actor] = []
        current = source
        for actor in reversed([a for a in before if a.end <= source.start]):
            gap = self.text[actor.end : current.start].lower()
            if not re.fullmatch(r"\s*(?:,|and|&|,\s*and)\s*(?:the\s+)?", gap):
                break
            if actor.actor_id is None or actor.actor_id != source.actor_id:
                chain.append(actor)
            current = actor
        return chain

    def _victims(
        self, sentence: str, sentence_start: int, actors: list[Actor], source: Actor | None
    ) -> list[Actor]:
        """Actors named right after a word of killing ("the deaths of 13 US troops")."""
        victims: list[Actor] = []
        for match in KILL_WORD.finditer(sentence):
            position = sentence_start + match.end()
            for actor in actors:
                if (
                    0 <= actor.start - position <= 45
                    and actor is not source
                    and actor not in victims
                ):
                    victims.append(actor)
        return victims

    def _targets(self, after: list[Actor], actors: list[Actor]) -> list[Actor]:
        if not after:
            return []
        first = after[0]
        if first.start - 0 > 0 and re.search(
            r"\bby\s+(?:the\s+)?$", self.text[max(0, first.start - 10) : first.start].lower()
        ):
            return []
        if REPORTER.match(self.text[first.end : first.end + 40]):
            return []  # "..., the White House announced": the reporter, not a target
        chosen = [first]
        for actor in after[1:]:
            gap = self.text[chosen[-1].end : actor.start]
            if re.fullmatch(r"\s*(?:,|and|or|,\s*and)\s*(?:the\s+)?(?:[\w-]+\s+){0,2}", gap):
                chosen.append(actor)
            else:
                break
        return chosen

    def _resolve(self, actor: Actor | None, country: str | None) -> Actor | None:
        if actor is None or actor.actor_id is not None:
            return actor
        code = actor.country_code or country or self.main_country()
        return Actor(
            actor.start,
            actor.end,
            f"{code or 'UNK'}.{actor.sector}",
            code,
            actor.sector,
            actor.surface,
            True,
        )
