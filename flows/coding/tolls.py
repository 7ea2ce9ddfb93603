"""Tolls across sentences: which event the killed and injured of a sentence belong to.

A mixin of ``DocumentCoder`` (``events.py``); the counting itself is ``casualties.py``'s.
A count in a sentence goes to the violent act nearest its word of killing, not to a word
that only tells the result ("killed", "injured"); a sentence that only counts victims, or
a follow-up about the attack just told, adds them to that attack (the larger figure, never
the sum); a body found in a sentence that tells no violence is a killing; once the report
is coded, a toll told again in a later sentence is counted once.
"""

from __future__ import annotations

import re

from flows.coding.casualties import count_casualties
from flows.coding.merging import _larger
from flows.coding.rows import VIOLENT_TYPES, Actor, EventRow, Mention

OUTCOME_WORDS = {
    "killed",
    "kill",
    "kills",
    "killing",
    "died",
    "die",
    "dies",
    "dead",
    "death",
    "deaths",
    "injured",
    "injuring",
    "injures",
    "wounded",
    "wounding",
    "wounds",
    "hurt",
    "perished",
    "lost their lives",
    "injuries",
}
# "the body of a journalist was found dumped near ...": a killing told by its discovery, with
# words between the body and the verb (the seeds hold "body was found" and "found dead")
FOUND_BODY = re.compile(
    r"\b(?:body|bodies|corpses?|remains)\s+of\b[^.;:]{1,80}?\b(?:was|were|(?:has|have|had) been)"
    r"\s+(?:later\s+|also\s+)?(found|discovered|recovered|retrieved|dumped)\b"
)
OTHER_VICTIMS = re.compile(r"\b(?:others?|another|more|also|additional|further|separate)\b")


class Tolls:
    """The killed and injured of a report, given to the events they belong to."""

    def _code_found_body(
        self, sentence_start: int, found: re.Match, triggers: list[Mention]
    ) -> list[Mention]:
        """The verb of a found body ("the bodies of two men were found") is a killing when
        the sentence tells no violence of its own ("were shot and their bodies found")."""
        if any(t.ref.split(".")[0] in VIOLENT_TYPES for t in triggers) or not self.lex.has_code(
            "ASSAULT.kill"
        ):
            return triggers
        verb = Mention(
            sentence_start + found.start(1),
            sentence_start + found.end(1),
            "trigger",
            "ASSAULT.kill",
            "verb",
        )
        return sorted([*triggers, verb], key=lambda m: m.start)

    def _add_casualties(self, sentence_index: int, sentence: str) -> None:
        """A sentence that only counts victims adds them to the attack just told."""
        anchor = next(
            (
                e
                for e in reversed(self.events)
                if e.event_code.split(".")[0] in VIOLENT_TYPES | {"PROTEST"}
                and 0 < sentence_index - e.sentence_index <= 2
                and not e.is_negated
            ),
            None,
        )
        if anchor is None:
            return
        killed, injured = count_casualties(sentence)
        anchor.fatalities = _larger(anchor.fatalities, killed)
        anchor.injured = _larger(anchor.injured, injured)

    def _casualty_receiver(
        self, match: re.Match[str] | None, sentence_start: int, triggers: list[Mention]
    ) -> Mention | None:
        """The violent trigger nearest to the first word of killing or injuring (``match``,
        in the sentence)."""
        violent = [t for t in triggers if t.ref.split(".")[0] in VIOLENT_TYPES | {"PROTEST"}]
        if not violent:
            return None
        if match is None:
            return violent[0]
        position = sentence_start + match.start()
        actions = [t for t in violent if not self._is_outcome(t)] or violent
        return min(actions, key=lambda t: (abs(t.start - position), t.start))

    def _is_outcome(self, trigger: Mention) -> bool:
        """A word that tells a result ("killed", "injured"), not the act that caused it."""
        return self.text[trigger.start : trigger.end].lower() in OUTCOME_WORDS

    def _merge_casualties(
        self,
        anchor: EventRow,
        casualties: tuple[int | None, int | None],
        targets: list[Actor],
        source: Actor | None,
    ) -> None:
        """Add a follow-up's victims and counts to the event it refers to."""
        killed, injured = casualties
        if (killed is not None or injured is not None) and (
            anchor.fatalities is None and anchor.injured is None
        ):
            anchor.confidence = round(min(1.0, anchor.confidence + 0.1), 2)
        anchor.fatalities = _larger(anchor.fatalities, killed)
        anchor.injured = _larger(anchor.injured, injured)
        # unnamed victims are people of the attack's place ("2 civilians were injured")
        country = self.lex.place_info.get(anchor.place_id or "", (None,))[0]
        if not anchor.targets:
            anchor.targets = [self._resolve(t, country) for t in targets if t is not source]
        if anchor.source is None and source is not None:
            anchor.source = self._resolve(source, country)  # "the attack by the FPMR"

    def _drop_restated_counts(self) -> None:
        """A toll told again in a later sentence is the same victims, counted once ("Five
        officers were killed ... The battle left five officers dead"), unless that sentence
        says they are others ("two more", "another three")."""
        sentences = {index: (start, end) for index, start, end in self.sentences}
        told: list[EventRow] = []
        for event in sorted(self.events, key=lambda e: e.start):
            if not event.fatalities:
                continue
            start, end = sentences.get(event.sentence_index, (event.start, event.end))
            if any(
                earlier.fatalities == event.fatalities
                and earlier.sentence_index != event.sentence_index
                and earlier.is_historical == event.is_historical
                for earlier in told
            ) and not OTHER_VICTIMS.search(self.lowered, start, end):
                event.fatalities = None
                continue
            told.append(event)
