"""Factuality: whether an event word tells a deed done, and when.

A mixin of ``DocumentCoder`` (``events.py``). Negation, hypothetical, future, obligation and
claimed cues before the trigger in its clause (``cues.csv``), reported speech ("police
said"), allegations ("accused X of killing": claimed), feared deaths, figurative uses
("a war of words"); background: an event dated long before the report, a toll over years
("have killed thousands since 2015"), or one told with a word of the past.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from flows.coding.roles import ACCUSE_VERB, BLAME_VERB
from flows.coding.rows import Actor, Mention
from flows.coding.scene import HISTORICAL_DAYS, _SentencePlace
from flows.coding.text import DETERMINER, WORD_SPACE

REPORTED = re.compile(  # the speech verb of a reported "will", searched before "would"
    r"\b(?:said|says|announced|announces|confirmed|confirms|declared|declares|stated|told|"
    r"indicated|indicates|added)\b[^,;]{0,40}$"
)
FIGURATIVE_GAP = re.compile(r"\s+(?:(?:its|their|his|her|our|the|a|an|[\d,.]+)\s+)?")
# "Iran accused Israel of sabotaging", "blamed the rebels for the attack": what one side
# accuses another of is an allegation (the words before an event word, to its start)
ACCUSED_WORDS = ("ccus", "lam", "uspect", "onvict", "harged", "anted")  # a cheap prefilter
ACCUSED_OF = re.compile(
    r"(?:\b(?:" + ACCUSE_VERB + "|" + BLAME_VERB + r")\s+(?:" + WORD_SPACE + "){1,5}?(?:of|for)"
    # "two men accused of kidnapping children", "a man suspected of killing": a deed alleged
    r"|\b(?:accused|suspected|convicted)\s+of|\bcharged\s+with|\bwanted\s+for)\s+"
    r"(?:[a-z]+ing\s+)?(?:" + DETERMINER + ")?$",  # "of using excessive force"
    re.I,
)
ATTRIBUTION_GAP = re.compile(r"[\s-]+(?:to\s+be\s+|of\s+being\s+)?(?:an?\s+|the\s+)?")
# "feared dead", "feared to have died": a toll told as uncertain, not the attack
FEARED_DEAD = re.compile(
    r"fear(?:ed|s)?\s+(?:to\s+be\s+|to\s+have\s+)?(?:in\s+)?(?:dead|died|killed)\b",
    re.IGNORECASE,
)
# a relative clause of what came of a denial is not denied ("refused bail, which sparked riots")
RELATIVE_AFTER = re.compile(
    r",?\s+which\s+(?:\w+\s+){0,1}(?:sparked|triggered|caused|led|prompted)\b"
)
# a toll or a state of affairs over years, in the present perfect: "have killed thousands
# across the Sahel since 2015", "has displaced millions over the past decade"
CUMULATIVE_WORDS = re.compile(r"\bha(?:ve|s)\b")  # a cheap prefilter for CUMULATIVE
CUMULATIVE = re.compile(
    r"\b(?:have|has)\s+(?:been\s+)?[a-z]+(?:ed|en|n)\b[^.;]{0,120}?\b(?:since\s+(?:(?:early|late|"
    r"mid-?)\s*)?(?:\d{4}|[A-Z][a-z]+\s+\d{4}|the\s+(?:start|beginning|outbreak)\b)|(?:over|in|during)"
    r"\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:years|decades?)|in\s+recent\s+years)"
    # a habit, not a deed: "militants have repeatedly targeted polio teams"
    r"|\b(?:have|has)\s+(?:repeatedly|frequently|often|regularly|routinely|long)\s+[a-z]+ed\b"
)


def _title_cased(sentence: str) -> bool:
    """A headline in capitals or title case ("Rebels Will Attack Town"), whose capitals tell
    no names."""
    words = [w for w in sentence.split() if w[:1].isalpha()]
    return sum(w[0].isupper() for w in words) > 0.6 * len(words)


class Factuality:
    """Negation, modality and background of an event word."""

    def _is_background_sentence(self, place: _SentencePlace) -> bool:
        end = next((e for i, _, e in self.sentences if i == place.sentence_index), None)
        return end is not None and bool(CUMULATIVE.search(self.text, place.sentence_start, end))

    def _modality(
        self,
        sentence: str,
        offset: int,
        clause_start: int,
        cues: list[Mention],
        sentence_start: int,
        actors: list[Actor],
        violent: bool = False,
    ) -> tuple[bool, str, bool]:
        """Negation, modality, and whether a cooperative relation is being cut. An attempt
        at violence ("tried to kill", "attempted to storm") is told as done: ACLED codes the
        attack, only its success is uncertain; any other attempt is only hypothetical."""
        window_start = max(clause_start, offset - 45)
        negated, modality, halted = False, "asserted", False
        for cue in cues:
            relative = cue.start - sentence_start
            if window_start <= relative < offset and not re.search(
                r"[()\[\]]", sentence[relative:offset]
            ):  # a cue inside a parenthesis ("(date not reported)") governs nothing outside
                if cue.ref == "claimed" and self._qualifies_actor(cue, actors):
                    continue  # "suspected Boko Haram militants attacked": who is uncertain
                if (
                    cue.ref in ("future", "hypothetical")
                    and relative > 1
                    and sentence[relative].isupper()
                    and sentence[relative - 2] not in ".:;!?\"'“”"
                    and not _title_cased(sentence)
                ):
                    continue  # "the Ministry of Planning": a word of a name, no modality
                if cue.ref == "hypothetical" and FEARED_DEAD.match(sentence, relative, offset):
                    continue  # "four feared dead after an attack": only the toll is uncertain
                if cue.ref == "negation":
                    if RELATIVE_AFTER.search(sentence, relative, offset):
                        continue  # "was denied entry, which sparked protests": they happened
                    negated = True
                elif cue.ref == "attempt":
                    if not violent and modality == "asserted":
                        modality = "hypothetical"
                elif cue.ref in ("hypothetical", "future", "claimed") and modality == "asserted":
                    modality = cue.ref
                    if (
                        cue.ref == "hypothetical"
                        and sentence[relative : relative + 5].lower() == "would"
                        and REPORTED.search(sentence[:relative].lower())
                    ):
                        modality = "future"  # "said they would boycott": a reported "will"
                elif cue.ref == "obligation" and modality == "asserted":
                    modality = "obligation"  # resolved by the caller into a REQUEST
                elif cue.ref == "cessation":
                    halted = True
        if (
            modality == "asserted"
            and any(word in sentence for word in ACCUSED_WORDS)
            and ACCUSED_OF.search(sentence, window_start - 35, offset)
        ):
            modality = "claimed"
        return negated, modality, halted

    def _is_figurative(self, trigger: Mention, cues: list[Mention]) -> bool:
        """A verb of violence whose object or complement is a figure of speech: a cue of
        type "figurative" right after it, past at most a determiner or a number."""
        return any(
            cue.ref == "figurative"
            and 0 <= cue.start - trigger.end <= 20
            and FIGURATIVE_GAP.fullmatch(self.text[trigger.end : cue.start].lower())
            for cue in cues
        )

    def _qualifies_actor(self, cue: Mention, actors: list[Actor]) -> bool:
        """True when a "suspected"/"alleged" qualifies the actor right after it ("suspected
        al-Shabaab militants", "gunmen suspected to be bandits"): the attribution is uncertain,
        not the event."""
        return any(
            0 <= actor.start - cue.end <= 16
            and ATTRIBUTION_GAP.fullmatch(self.text[cue.end : actor.start].lower())
            for actor in actors
        )

    def _is_historical(
        self,
        event_date: date | None,
        cues: list[Mention],
        sentence_start: int,
        clause_start: int,
        offset: int,
        own_date: bool = True,
    ) -> bool:
        """Background: dated long before the report, or, when the sentence tells no date of
        its own, a toll over years ("have killed thousands since 2015"); undated, told with
        a word of the past."""
        reference = self._reference_date() if event_date is not None else None
        if (
            not own_date
            and CUMULATIVE_WORDS.search(self.text, sentence_start, sentence_start + offset + 80)
            and CUMULATIVE.search(
                self.text, sentence_start + clause_start, sentence_start + offset + 80
            )
        ):
            return True  # a toll over years: "have killed thousands since 2015"
        if event_date is not None and reference is not None:
            return event_date < reference - timedelta(days=HISTORICAL_DAYS)
        return any(
            c.ref == "historical" and clause_start <= c.start - sentence_start < offset + 60
            for c in cues
        )
