"""Actor roles: which actors a sentence names, and who acts on whom.

A mixin of ``DocumentCoder`` (``events.py``): the actors of a sentence (named, country,
generic "Kenyan police", unknown groups "the Shining Path guerrillas", members named by
their organization "guerrillas of the ELN"), whether an actor is the object of a
preposition or a verb, coordinated sources ("the United States and Jordan"), the targets
after a trigger, the victims after a word of killing, the author of a deed told by another
verb ("carried out by", "blamed on", "held responsible for", "planted by"), and the country
of a generic actor.
"""

from __future__ import annotations

import re

from flows.coding.places import AREA_WORDS, BORDER_AFTER, into_scene
from flows.coding.rows import GROUP_SECTORS, ORGANIZED, VIOLENT_TYPES, Actor, EventRow, Mention
from flows.coding.text import DATELINE, SUBORDINATORS, WORD, words_before

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
# "after" and "before" also open a clause: "after militants ambushed the convoy"
# of the words that open a clause, those never a preposition of place or time before a
# subject ("after militants attacked", not "as militants" or "since 2015")
CLAUSE_CONJUNCTIONS = set(SUBORDINATORS) - {"as", "since", "following", "although", "though"}
CLAUSE_VERB = re.compile(  # a past-tense verb right after an actor: it is the clause's subject
    r"[\"'”’]?\s+(?:\w+ly\s+)?(?:had\s+|have\s+|has\s+)?(?:(?!armed\b)[a-z]+ed\b(?!\s+by\b)|"
    r"(?:withdrew|fled|struck|took|fought|shot|threw|stole|broke|ran|left|came|went|began|"
    r"overran|hit|beat|burnt|sent|gave|held|won|lost|opened|stormed)\b)"
)
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
KILL_WORDS = (
    *("killed", "killing", "kills", "kill", "dead", "died", "dies", "die", "deaths", "death"),
    *("lives", "life", "fatalities", "fatally", "slain", "murdered", "murdering", "bodies"),
    *("body", "injured", "injuring", "injures", "injure", "injury", "wounded", "wounding"),
    *("injuries", "hurt", "maimed", "lynched", "beheaded", "massacred", "executed", "perished"),
    *("lynch", "lynches", "lynching", "gunned"),
    *("assassinated", "hacked", "lifeless", "shot", "neutralised", "neutralized"),
)
KILL_WORD = re.compile(r"\b(?:" + "|".join(KILL_WORDS) + r")\b")  # in lower-cased text
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
_COMMA_AREAS = sorted(AREA_WORDS | {"state", "city", "governorate", "prefecture"}, key=len)
PLACE_COMMA = re.compile(  # "Lilongwe, ", "Mbale district, " before a country's name
    rf"(?:\s+(?:{'|'.join(reversed(_COMMA_AREAS))}))?,\s*$", re.I
)
UNKNOWN_PLACE = re.compile(r"\b(?:in|near|at|outside|around)\s+(?:[A-Z][\w'’-]+\s?){1,3}$")
STANCE_BEFORE = re.compile(r"(?<![\w-])(?:anti|pro)-$", re.I)
VERB_THEN_PREPOSITION = re.compile(
    r"(?<![\w-])(?!and\b|or\b)[\w-]+\s+(?:to|for|with|from|on|at|into|against|by)\s+$", re.I
)
STATE_OF_NAME = re.compile(r"(?<![\w'’-])(?!The\b|A\b|An\b|This\b)[A-Z][\w'’-]+\s+$")
MEMBER_OF = re.compile(  # searched in the lower-cased 60 characters before an organization
    r"\b(?:members?|militants?|guerrillas?|fighters?|rebels?|insurgents?|terrorists?|gunmen|"
    r"militiamen|commandos?|combatants?|elements|cells?|units?|columns?|squads?|factions?|"
    r"wings?|branch|detachments?|battalions?|brigades?|troops|soldiers|officers?|agents?|"
    r"chiefs?|heads?|leaders?|commanders?|fronts?|commands?)\s+(?:of|from)\s+(?:the\s+)?(?:[\w-]+\s+)?$"
)
# who did a violent deed, told apart from the verb that tells the deed (lower-cased text)
AGENT_AFTER = re.compile(  # "the attack was carried out by X", "blamed on X", "attributed to X"
    r"\b(?:carried out|perpetrated|committed|masterminded|staged)(?:\s+[^.;,]{0,60}?)?\s+by\b"
    r"|\b(?:blamed|attributed)\s+(?:[^.;]{0,40}?\s)?(?:on|to)\b"
    # the weapon's user: "a mine planted by X", "rockets fired by X", "an offensive launched
    # by X"
    r"|\b(?:planted|placed|laid|abandoned|hurled|thrown|fired|launched|detonated|set off)"
    r"\s+by\b"
)
AGENT_BEFORE = re.compile(  # "X is responsible for the attack", "X, implicated in the murder"
    r"(?<!not )(?<!not directly )\bresponsible\s+for\b|\bto\s+blame\s+for\b"
    r"|\bimplicated\s+in\b|\baccused\s+of\b"
)
# the verbs that lay a deed on someone (also events.ACCUSED_OF: "accused X of bombing")
BLAME_VERB = r"blam(?:e|es|ed|ing)"
ACCUSE_VERB = r"accus(?:e|es|ed|ing)"
AGENT_BETWEEN = re.compile(  # "blames X for the killing", "accused X of bombing", "implicated X in"
    r"\b(?:" + BLAME_VERB + r"\s+[^.;]{1,80}?\s+for|" + ACCUSE_VERB + r"\s+[^.;]{1,80}?\s+of"
    r"|implicat(?:e|es|ed|ing)\s+[^.;]{1,80}?\s+in)\b"
)
# The gap from a suffered deed to its doer ("killed (at home) by the armed gunmen"), one
# fragment for every variant: "by", an article, then up to two words before the doer.
BY = r"by\s+(?:the\s+|a\s+|an\s+)?"
BY_DOER_WORDS = BY + r"(?:[\w-]+\s+){0,2}"
BY_BEFORE = re.compile(r"\b" + BY_DOER_WORDS + "$", re.I)  # ends just before the doer
BY_DOER = re.compile(r"[^.;,]{0,30}?\b" + BY_DOER_WORDS, re.I)  # "killed (...) by the"
BY_AGENT = re.compile(r"\s+(?:[\w-]+\s+){0,4}" + BY_DOER_WORDS)  # "killed at home by" (lower)
BY_NEXT = re.compile(r"\s+" + BY_DOER_WORDS)  # the doer right after: "set on fire by" (lower)
BY_THE_BEFORE = re.compile(r"\bby\s+(?:the\s+)?$")  # a first target that is the doer (lower)
AGENT_WORDS = ("by ", "responsib", "blam", "attribut", "accus", "implicat")  # a cheap prefilter
CO_AGENT_GAP = re.compile(
    r"[\s\"'“”)]*(?:(?:group|movement|organi[sz]ation)[\s\"'“”]*)?(?:,|and|or)\s+(?:the\s+)?"
    r"(?:[\w-]+[\s\"'“”]+){0,2}"
)
AGENT_GAP = re.compile(r"[\s\"'“”(]*(?:(?:the|a|an)\s+)?(?:[\w-]+[\s\"'“”]+){0,2}")
SENTENCE_END = re.compile(r"[a-z0-9][.!?]\s+|\n")
# "the group", "an unknown group": a group that acts, not "a group of protesters"
GROUP_DETERMINERS = {"the", "unknown", "unidentified", "unnamed", "unspecified"}
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
    # numbers, quantities and clause openers: "Five militants", "After militants attacked"
    *("after", "before", "when", "while", "as", "since", "following", "during", "then"),
    *("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"),
    *("eleven", "twelve", "twenty", "thirty", "dozens", "hundreds", "thousands", "scores"),
    *("several", "other", "more", "alleged", "heavily", "renewed", "fresh", "about"),
    *("at", "over", "nearly", "around", "almost", "only", "all", "both", "most", "these"),
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


def named_subject(subjects: list[Actor], position: int, earliest: int = 0) -> Actor | None:
    """The nearest named (dictionary) actor among subjects within 160 characters, and not
    before ``earliest`` (the start of the trigger's clause)."""
    return next(
        (
            a
            for a in reversed(subjects)
            if not a.is_generic and position - a.end <= 160 and a.start >= earliest
        ),
        None,
    )


def prefer_named(subjects: list[Actor], position: int, earliest: int = 0) -> Actor:
    """The nearest subject, unless it is generic and a named actor stands before it in its
    clause ("Al-Shabaab took the town after government forces withdrew": the forces)."""
    nearest = subjects[-1]
    if nearest.is_generic:
        return (
            named_subject(subjects, position, earliest if nearest.start >= earliest else 0)
            or nearest
        )
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
        dateline = DATELINE.match(self.text, sentence_start)
        dateline_end = dateline.end() if dateline else -1
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
            if mention.kind == "noun":
                before = words_before(self.text, mention.start, 2)
                actor = self._noun_actor(mention, surface, before)
                if actor is not None:
                    actors.append(actor)
                continue
            info = self.lex.actor_info.get(mention.ref)
            if info is None:
                continue
            country, sector, actor_type = info
            if mention.start < dateline_end:
                continue  # "KABUL, Aug 13 (Reuters) - ": where and by whom, no party
            origin = actors[-1] if actors else None
            if actor_type == "country" and mention.sub in ("name", "demonym"):
                if BORDER_AFTER.match(self.lowered, mention.end, mention.end + 30):
                    continue  # "near the Somali border": neither a scene nor an actor
                if (
                    origin is not None
                    and origin.is_generic
                    and re.fullmatch(r"\s+from\s+", self.text[origin.end : mention.start])
                ):
                    # "raiders from Uganda": Ugandan raiders, wherever they struck
                    origin.country_code = origin.country_code or country
                    continue
            if (
                actor_type == "country"
                and mention.sub in ("name", "capital")
                and (
                    _after_place_word(words_before(self.text, mention.start, 2))
                    or into_scene(self.text, mention.start)
                    or self._after_place_name(mention, place_spans)  # "in Lilongwe, Malawi"
                )
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
            if actor_type == "country" and STANCE_BEFORE.search(
                self.text, max(0, mention.start - 5), mention.start
            ):
                continue  # "an anti-Syria journalist", "pro-Russian separatists": a stance
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
            if (
                following is not None
                and following.kind == "noun"
                and actor_type == "organization"
                and following.ref in ORGANIZED
                and re.fullmatch(r"[\s-]+", self.text[mention.end : following.start])
            ):
                # "M23 rebels", "FARDC soldiers": the group's own members, not a new group
                used.add(entity.index(following))
                span = self.text[mention.start : following.end]
                actors.append(
                    Actor(mention.start, following.end, mention.ref, country, sector, span)
                )
                if sector in ("REB", "UAF", "COM", "PAR"):
                    self.last_armed_group = actors[-1]
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
        return self._members_of(sorted(actors, key=lambda a: a.start)), places

    def _members_of(self, actors: list[Actor]) -> list[Actor]:
        """ "guerrillas of the ELN", "a cell of the FPMR", "the chief of the treasury police":
        members named by their organization are that organization (not its object)."""
        merged = actors
        for actor in actors:
            if actor.is_generic:
                if actor.sector not in ORGANIZED:
                    continue
            elif self.lex.actor_info.get(actor.actor_id or "", (None, None, ""))[2] != (
                "organization"
            ):
                continue
            start = actor.start
            # "members of the 22nd front of the FARC": each "of" climbs one level up
            while member := MEMBER_OF.search(self.lowered, max(0, start - 60), start):
                start = member.start()
            if start == actor.start:
                continue
            merged = [a for a in merged if a is actor or not (start <= a.start < actor.start)]
            actor.start, actor.surface = start, self.text[start : actor.end]
        return merged

    def _after_place_name(self, mention: Mention, place_spans: set[tuple[int, int]]) -> bool:
        """True when a place's name and a comma stand right before the mention: a known
        place, or capitalised words after "in", "near"... ("near Gossi, Mali")."""
        gap = PLACE_COMMA.search(self.text[max(0, mention.start - 20) : mention.start])
        if gap is None:
            return False
        end = mention.start - (len(gap.group()))
        return any(place_end == end for _start, place_end in place_spans) or (
            UNKNOWN_PLACE.search(self.text[max(0, end - 50) : end]) is not None
        )

    def _noun_actor(self, mention: Mention, surface: str, before: list[str]) -> Actor | None:
        """A generic actor from an agent noun, an anaphor, or an unknown named group."""
        lowered = surface.lower()
        if lowered == "group" and (not before or before[-1] not in GROUP_DETERMINERS):
            # "a group of protesters": a quantity, not an armed group ("the group", "an
            # unknown group" who attacked are one)
            return None
        window = max(0, mention.start - 30)
        if (
            lowered == "state"
            and (named := STATE_OF_NAME.search(self.text[window : mention.start]))
            and window + named.start() not in self.demonym_starts
        ):
            # "Borno State", "Zamfara state": a name of a place, not the government (a
            # demonym before it, "the Nigerian state", is the government)
            return None
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
            # a name does not run across the end of the sentence before ("... on Tuesday.
            # Gunmen set fire ..." names no group "Tuesday")
            sentence_end = SENTENCE_END.search(self.text, window_start, mention.start)
            while sentence_end is not None:
                window_start = sentence_end.end()
                sentence_end = SENTENCE_END.search(self.text, window_start, mention.start)
            named = pattern.search(self.text[window_start : mention.start])
            if named is not None:
                name = named.group(1).strip()
                words = name.lower().split()
                if (
                    words
                    and not any(word in NOT_NAMES for word in words)
                    # a stance, not a name: "pro-Russian separatists"
                    and not words[0].startswith(("pro-", "anti-"))
                    # a sentence's first word is capitalized anyway: a word of the coder's
                    # own there ("Attack militants ...") names no group
                    and not (
                        len(words) == 1
                        and not self.text[window_start : window_start + named.start(1)].strip()
                        and words[0] in self.lex.vocabulary
                    )
                    and not STANCE_BEFORE.search(
                        self.text,
                        max(0, window_start + named.start(1) - 5),
                        window_start + named.start(1),
                    )
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

    def _link_perpetrator(
        self,
        sentence_index: int,
        lowered: str,
        sentence_start: int,
        actors: list[Actor],
        triggers: list[Mention],
    ) -> None:
        """The author of a violent deed told by another verb: "the kidnapping was carried out
        by X", "a bomb planted by X", "the attack has been blamed on X", "X is responsible for
        the murders", "we hold X responsible for this attack". X becomes the source of that
        deed (of the event just told when the deed word only refers back to it), unless a
        named author is known."""
        violent = [t for t in triggers if t.ref.split(".")[0] in VIOLENT_TYPES]
        if not violent:
            return
        for pattern in (AGENT_AFTER, AGENT_BEFORE, AGENT_BETWEEN):
            match = pattern.search(lowered)
            if match is None:
                continue
            agent_after = pattern is AGENT_AFTER
            start, end = sentence_start + match.start(), sentence_start + match.end()
            if agent_after:
                agent = next(
                    (
                        a
                        for a in actors
                        if a.start >= end and AGENT_GAP.fullmatch(self.text[end : a.start].lower())
                    ),
                    None,
                )
                deeds = [t for t in violent if t.start < end]
            else:
                if pattern is AGENT_BETWEEN:
                    agent = next((a for a in actors if start < a.start and a.end <= end), None)
                else:
                    agent = next(
                        (a for a in reversed(actors) if a.end <= start and start - a.end <= 40),
                        None,
                    )
                deeds = [t for t in violent if t.start >= end]
            if agent is None or not deeds:
                continue
            deed = deeds[-1] if agent_after else deeds[0]
            event = self._deed_event(sentence_index, deed)
            if event is None or any(
                t is not None and agent.actor_id and t.actor_id == agent.actor_id
                for t in event.targets
            ):
                continue
            known = event.source
            if (
                event.start != deed.start
                and known is not None
                and not known.is_generic
                and self._is_organization(known)
            ):
                continue  # a named author already (of an earlier sentence's event)
            event.source = self._resolve(agent, None)
            if agent_after:  # "by the X or the Y group": either may have done it
                chain, current = [], agent
                for actor in actors:
                    if actor.start < current.end:
                        continue
                    if not CO_AGENT_GAP.fullmatch(self.text[current.end : actor.start].lower()):
                        break
                    chain.append(self._resolve(actor, None))
                    current = actor
                event.co_sources = chain

    def _is_organization(self, actor: Actor) -> bool:
        """A named organization or person (not a country, not a generic actor)."""
        info = self.lex.actor_info.get(actor.actor_id or "")
        return info is not None and info[2] != "country"

    def _deed_event(self, sentence_index: int, deed: Mention) -> EventRow | None:
        """The event a deed word makes, or (a reference: "the attacks") the one it refers to."""
        kind = deed.ref.split(".")[0]
        own = next((e for e in reversed(self.events) if e.start == deed.start), None)
        if own is not None:
            return own
        return next(
            (
                e
                for e in reversed(self.events)
                if e.event_code.split(".")[0] == kind
                and 0 <= sentence_index - e.sentence_index <= 5
                and not e.is_negated
            ),
            None,
        )

    def _is_object(self, actor: Actor, actors: list[Actor]) -> bool:
        """True when the actor is the object of a preposition (directly or by coordination).
        Decided once per actor of a sentence (``actors``), not once per event word."""
        if self._objects[0] is not actors:
            self._objects = (actors, {})
        known = self._objects[1]
        if actor.start not in known:
            known[actor.start] = self._object_of_preposition(actor, actors)
        return known[actor.start]

    def _object_of_preposition(self, actor: Actor, actors: list[Actor]) -> bool:
        before = words_before(self.text, actor.start, 2)
        if QUANTITY_OF.search(self.text[max(0, actor.start - 30) : actor.start]):
            return False  # "thousands of teachers" is a subject, not an object of "of"
        if (
            (before and before[-1] in CLAUSE_CONJUNCTIONS)
            or (
                len(before) == 2
                and before[-1] in ("the", "a", "an")
                and before[0] in CLAUSE_CONJUNCTIONS
            )
        ) and CLAUSE_VERB.match(self.text, actor.end):
            return False  # "after militants ambushed the convoy": the subject of a clause
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
                    # "killed by gunmen": the doer, not a victim
                    and not BY_BEFORE.search(sentence, 0, actor.start - sentence_start)
                ):
                    victims.append(actor)
        return victims

    def _targets(self, after: list[Actor], actors: list[Actor]) -> list[Actor]:
        if not after:
            return []
        first = after[0]
        if first.start - 0 > 0 and BY_THE_BEFORE.search(
            self.text[max(0, first.start - 10) : first.start].lower()
        ):
            return []
        if REPORTER.match(self.text[first.end : first.end + 40]):
            return []  # "..., the White House announced": the reporter, not a target
        chosen = [first]
        for actor in after[1:]:
            gap = self.text[chosen[-1].end : actor.start]
            # "... and Syrian troops", "... and to Y"; not "... and turned to Y" (a verb's)
            if re.fullmatch(
                r"\s*(?:,|and|or|,\s*and)\s*(?:the\s+)?(?:[\w-]+\s+){0,2}", gap
            ) and not VERB_THEN_PREPOSITION.search(gap):
                chosen.append(actor)
            else:
                break
        return chosen

    def _resolve(self, actor: Actor | None, country: str | None) -> Actor | None:
        if actor is None or actor.actor_id is not None:
            return actor
        forced = self.force_countries.get(actor.sector or "")
        if forced is not None and self.sentence_countries - {forced}:
            forced = None  # the sentence names another country: "the Lebanese government
            # said soldiers arrested two gunmen" (not the Israeli troops told before)
        code = actor.country_code or forced or country or self.main_country()
        # the mention is this actor too (its first event's reading, when it has several)
        self.resolved.setdefault((actor.start, actor.end), f"{code or 'UNK'}.{actor.sector}")
        return Actor(
            actor.start,
            actor.end,
            f"{code or 'UNK'}.{actor.sector}",
            code,
            actor.sector,
            actor.surface,
            True,
        )
