"""Main-event ranking: which of a report's events is the news.

A mixin of ``DocumentCoder`` (``events.py``), run once the report is coded (``finish``).
A report's main event is its most confident one (as the evaluation reads it); these rules
lower the events that are details of another: property burnt or looted in a report of
violence or a protest, arrests and deployments after it (aftermath), harm with no doer or
people taken in a clash, a mob's violence beside a communal clash; and put first the event
a report's heading names ("Arrests: police detained ...").
"""

from __future__ import annotations

import re

from flows.coding.acled import REMOTE_MODES
from flows.coding.rows import STATE_ARMED

AFTERMATH_CODES = {"COERCE.arrest", "MOBILIZE.troops"}  # told with violence: ranked below it
AFTERMATH_WEIGHT = 0.6
# a short label and a colon opening the report ("Property destruction: ..."), as written
KIND_HEADING = re.compile(r"\s*[A-Z][a-z]+(?:[ -][A-Za-z]+){0,3}:\s")
PROPERTY_CODES = {  # told with violence or a protest: ranked below it
    "COERCE.destroy",
    "COERCE.loot",
    "COERCE.deport",
    "COERCE.occupy",
    "COERCE.seize",
    "COERCE.restrict",
}
# a clash told as such (not "ethnic violence", "hostilities"), and not as the background of
# the harm ("linked to clashes between ...", "a spillover of the fighting")
CLASH_WORD = re.compile(r"clash|fight|fought|battl|gunfire|exchange|shoot|skirmish")
CLASH_BACKGROUND = re.compile(
    r"\b(?:linked|related|relation|attributed|connected|carry over|spill ?over|part of)\b"
    r"[^.]{0,60}$"
)
# harm with no weapon of its own (not a bomb's): the toll of a clash told beside it
DOERLESS_HARM = {
    "ASSAULT",
    "ASSAULT.kill",
    "ASSAULT.firearms",
    "ASSAULT.edged",
    "ASSAULT.beat",
    "COERCE.destroy",
    "COERCE.loot",
}
VAGUE_VIOLENCE = re.compile(r"violence$", re.I)  # "ethnic violence": no sides told
TAKING = re.compile(r"abduct|kidnap|hostage")  # people taken, later found dead or not
# what the attackers of a battle also did, whoever did it ("set fire to the post", "stole
# the cattle", "took control of the town"): details of the battle, not the news
BATTLE_DETAILS = {"COERCE.destroy", "COERCE.loot", "COERCE.occupy"}


class EventRanking:
    """Ranks a coded report's events: the news first, its details below it."""

    def _rank_heading(self) -> None:
        """A report headed by the name of its kind of event ("Arrests: police detained
        ...", "Looting: raiders stole ..."): the heading says what the report is about, so
        the event its words tell ranks first."""
        heading = KIND_HEADING.match(self.text)
        if heading is None:
            return
        first = next((e for e in self.events if e.end <= heading.end()), None) or next(
            # a heading that is no event of its own ("Movement of forces:" before a report
            # naming no actor in it) ranks the first event of its kind the report tells
            (e for e in self.events if e.event_code in self.heading_codes and not e.is_negated),
            None,
        )
        if first is None:
            return
        for event in self.events:
            # the heading's event first, whatever else the report tells as surely
            event.confidence = 1.0 if event is first else min(event.confidence, 0.99)

    def _rank_property(self) -> None:
        """Property burnt, looted or seized, people evicted or a place shut in a report that
        also tells people attacked, a clash, a riot or a protest: ACLED codes the violence
        or the demonstration, the property is its detail ("residents stoned a man to death
        and razed his home", "protesters blocked the road and burnt a lorry"), so the
        property event ranks below the first such event."""
        told = [
            e.confidence
            for e in self.events
            if e.event_code.startswith(("ASSAULT", "FIGHT", "PROTEST"))
            and e.event_code.partition(".")[2] not in REMOTE_MODES
            and not e.is_negated
            and e.modality == "asserted"
        ]
        if not told:
            return
        below = round(max(told) - 0.01, 2)
        for event in self.events:
            if event.event_code in PROPERTY_CODES and event.confidence > below:
                event.confidence = below

    def _rank_aftermath(self) -> None:
        """An arrest or a deployment of forces in a report of an attack, a clash or a
        protest is its aftermath ("... killed two herders. Police later arrested three
        suspects", "troops were deployed to restore calm"): that event is the news, so the
        arrest or deployment ranks below it."""
        if not any(
            (
                e.event_code.startswith(("ASSAULT", "FIGHT", "PROTEST"))
                or e.event_code in ("COERCE.destroy", "COERCE.loot")
            )
            and not e.is_negated
            and e.modality == "asserted"
            for e in self.events
        ):
            return
        for event in self.events:
            if event.event_code in AFTERMATH_CODES:
                event.confidence = round(event.confidence * AFTERMATH_WEIGHT, 2)

    def _rank_clash_outcomes(self) -> None:
        """Harm told with no doer in a report of a clash ("two clans clashed. Four people
        were injured", "one dead and houses destroyed in a clash") is the clash's toll:
        the clash is the news, so the doerless harm ranks below it."""
        starts = {index: start for index, start, _ in self.sentences}
        fights = [
            e
            for e in self.events
            if e.event_code.startswith("FIGHT")
            and not e.is_negated
            and not e.is_historical
            and e.modality in ("asserted", "claimed")
            and not CLASH_BACKGROUND.search(
                self.text[starts.get(e.sentence_index, e.start) : e.start].lower()
            )
        ]
        clashes = [e for e in fights if CLASH_WORD.search(e.trigger.lower())]
        for fight in self.events:
            # "cattle herders killed ten in communal violence": "violence" tells no clash,
            # the killing its doers did is the news
            if not (fight.event_code.startswith("FIGHT") and VAGUE_VIOLENCE.search(fight.trigger)):
                continue
            done = [
                e.confidence
                for e in self.events
                if e.sentence_index == fight.sentence_index
                and e.source is not None
                and e.event_code.startswith("ASSAULT")
                and not e.is_negated
            ]
            if done and fight.confidence >= max(done):
                fight.confidence = round(max(done) - 0.01, 2)
        for event in self.events:
            # "battled the police, killed one and abducted five": people taken in the
            # course of a battle are its detail, the battle is the news
            if event.event_code.startswith("ASSAULT") and TAKING.search(event.trigger.lower()):
                rivals = [
                    f
                    for f in fights
                    if f.sentence_index == event.sentence_index and f.start < event.start
                ]
                top = max((f.confidence for f in rivals), default=0.0)
                if rivals and event.confidence >= top:
                    event.confidence = round(top - 0.01, 2)
        for told, ranked in ((clashes, DOERLESS_HARM), (fights, BATTLE_DETAILS)):
            if not told:
                continue
            top = max(e.confidence for e in told)
            for event in self.events:
                if (
                    (event.source is None or ranked is BATTLE_DETAILS)
                    and event.event_code in ranked
                    and event.confidence >= top
                ):
                    event.confidence = round(top - 0.01, 2)
        communal = [
            e
            for e in fights
            if e.event_code == "FIGHT.communal" and not VAGUE_VIOLENCE.search(e.trigger)
        ]
        if communal and not self._has_mob():
            # "two clans clashed; youths burnt twenty homes": no mob is told, the burning
            # and killing are the communal militias' clash
            top = max(e.confidence for e in communal)
            for event in self.events:
                if (
                    event.event_code == "PROTEST.mob"
                    and (event.source is None or event.source.sector not in STATE_ARMED)
                    and event.confidence >= top
                ):
                    event.confidence = round(top - 0.01, 2)
