"""Grievances: the event a protest or a reaction is about is not the protesters' deed.

A mixin of ``DocumentCoder`` (``events.py``). "Students protested the killing of a
classmate", "farmers protested against the seizure of their land", "condemned the
bombing", "resigned over the shooting": the event word after a protest or reaction word
is what it is about, so its doer is not the protester or reactor; a grievance about a
killing is no killing of the protest's; whom a protest is against is the first actor its
demand or grievance names.
"""

from __future__ import annotations

import re

from flows.coding.roles import KILL_WORD, REPORTER
from flows.coding.rows import CROWD_SECTORS, Actor, Mention
from flows.coding.text import BEFORE_EVENT, DETERMINER, WORD, skipped

PROTESTED_REACH = 120  # how far after a protest word its grievance may name whom it is against
# From a reaction's or protest's word to the event it is about (each fullmatched on
# lower-cased text): a few words skipped, a word pointing at the event ("over the",
# "against their", "condemning the"), then the words before the event word.
ABOUT = "against|over|about"
# a reaction: "condemned the", "expelled two diplomats over the", "into the"
REACTED_GAP = re.compile(
    r"\s+(?:" + skipped(5) + "(?:" + ABOUT + r"|for|into)\s+)?(?:the|a|an|this)\s+" + BEFORE_EVENT
)
PROTESTED_GAP = re.compile(  # from a protest word to what it is against
    r"\s+" + skipped(4) + "(?:" + ABOUT + r"|demanding|denouncing|condemning)\s+"
    "(?:" + DETERMINER + ")?" + BEFORE_EVENT
)
# a protest verb and its object: "students protested the killing of a classmate"
PROTESTED_OBJECT = re.compile(r"\s+" + DETERMINER + BEFORE_EVENT)
GRIEVANCE_SPAN = re.compile(  # from a protest word to the end of the killing it is about
    r"\s+" + skipped(5) + "(?:(?:" + ABOUT + r"|condemning|denounce|the)\s+"
    r"(?:the\s+|a\s+|an\s+|recent\s+|alleged\s+)*"
    r"(?:killings?|deaths?|lynching|shootings?|murder)"
    r"|(?:after|following)(?:\s+[\w'’-]+){1,7}"
    r")"
)
PROTEST_VERB = re.compile(r"(?:protest|denounc|demonstrat)\w*(?:ed|ing|s)", re.I)
# what reacts to an event without being it: condemning, investigating, sanctioning,
# resigning, demanding, discussing (not "accused X of" or "blamed for": those name its doer)
REACTION_CODES = {"ACCUSE.disapprove", "ACCUSE.investigate", "RETREAT.resign"}
REACTION_TYPES = {"SANCTION", "REQUEST", "CONSULT"}
CLAUSE_STOP = re.compile(r"[,;]|\.(?:\s|$)")


class Grievances:
    """What a protest or a reaction is about."""

    def _without_grievance(self, sentence: str, start: int, triggers: list[Mention]) -> str:
        """The sentence with a protest's grievance blanked out: the victims a protest is
        about are not its own ("protested the killing of a trader", "protest after a
        pedestrian was killed"), and ACLED counts them with the killing, told apart."""
        for trigger in triggers:
            if trigger.ref.startswith("PROTEST"):
                span = self._grievance_span(sentence, start, trigger)
                if span is not None:
                    end, stop = span
                    return sentence[:end] + " " * (stop - end) + sentence[stop:]
        return sentence

    def _grievance_span(
        self, sentence: str, start: int, trigger: Mention
    ) -> tuple[int, int] | None:
        """Where, in the sentence, a protest's grievance about a killing is told: from the
        protest word to the end of the clause that tells the killing."""
        lowered = sentence.lower()
        end = trigger.end - start
        kill = KILL_WORD.search(lowered, end)
        if kill is None or GRIEVANCE_SPAN.fullmatch(lowered[end : kill.end()]) is None:
            return None
        stop = CLAUSE_STOP.search(lowered, kill.end())
        return end, stop.start() if stop else len(sentence)

    def _is_protested(self, trigger: Mention, triggers: list[Mention]) -> bool:
        """True when an event word is what a protest before it is against ("farmers
        protested against the seizure of their land", "students protested the killing"):
        the protesters did not do it."""
        return any(
            t.end <= trigger.start
            and t.ref.startswith("PROTEST")
            and (
                PROTESTED_GAP.fullmatch(gap := self.text[t.end : trigger.start].lower())
                or (
                    PROTEST_VERB.fullmatch(self.text, t.start, t.end)
                    and PROTESTED_OBJECT.fullmatch(gap)
                )
            )
            for t in triggers
        )

    def _is_reacted_to(self, trigger: Mention, triggers: list[Mention]) -> bool:
        """True when an event word is what an earlier non-violent event of its sentence
        reacts to ("condemned the bombing", "expelled two diplomats over the murder",
        "resigned over the shooting"): the reactor did not do it."""
        return any(
            t.end <= trigger.start
            and (t.ref in REACTION_CODES or t.ref.split(".")[0] in REACTION_TYPES)
            and REACTED_GAP.fullmatch(self.text[t.end : trigger.start].lower()) is not None
            for t in triggers
        )

    def _protested(
        self, trigger: Mention, in_clause: list[Actor], source: Actor | None
    ) -> list[Actor]:
        """Whom a protest is against, when it names no target of its own: the first actor
        its demand or grievance names later in its clause ("a hunger strike to demand the
        resignation of the president", "rallies against abuses by the security forces"),
        not a crowd that joins it."""
        for actor in in_clause:
            if actor.start - trigger.end > PROTESTED_REACH:
                break
            if actor.sector in CROWD_SECTORS or (
                source is not None
                and actor.actor_id is not None
                and actor.actor_id == source.actor_id
            ):
                continue
            if REPORTER.match(self.text[actor.end : actor.end + 40]):
                break  # "..., police said": the reporter, not whom it is against
            return [actor]
        return []

    def _is_grievance(self, protest: Mention, position: int) -> bool:
        """True when the text from a protest to ``position`` names what it is against:
        "protested the rape and killing of", "demanding justice for"."""
        gap = self.text[protest.end : position].lower()
        return (
            len(WORD.findall(gap)) <= 10
            and ";" not in gap
            and (
                re.search(r"\b(?:against|over|the|demand\w*|justice|following|after|for)\b", gap)
                is not None
            )
        )
