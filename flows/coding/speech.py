"""Speech acts and what they govern: demands, threats, refusals, answers, cancellations.

A mixin of ``DocumentCoder`` (``events.py``). A demand, threat, refusal or promise with no
target of its own is aimed at the act it governs ("threatened to shell Iraqi towns"); what
it governs is told by the words between ("refused to commit to", "banned all
demonstrations", "demanded that X ease"). "Must" makes the verb after it a demand of its
subject ("Libya must hand over the suspects"); a demand answered ("accepted demands from
the rebels") and a restriction lifted ("lifted the curfew") rank below the answer or the
lifting; a word of cutting or cancelling before a cooperative act ("suspended military
aid", "cancelled a planned visit") cuts it.
"""

from __future__ import annotations

import re

from flows.coding.rows import Actor, EventRow, Mention
from flows.coding.text import WORD

COMPLEMENT_TYPES = {"REQUEST", "THREATEN", "REJECT", "AGREE"}
COOPERATIVE_TYPES = {"AID", "COOPERATE", "CONSULT", "SUPPORT", "AGREE"}
DEMANDED = "verb.demanded"  # the part of speech of a verb made a REQUEST by "must"
DEMANDED_REACH = 20  # how far after "must" the demanded act's word is looked for
DEMANDED_SUBJECT_GAP = re.compile(r"(?:['’]s)?\s+(?:[\w-]+\s+){0,4}")  # "the US (and others) must"
ANSWER_TYPES = COMPLEMENT_TYPES | {"CONCEDE"}  # verbs whose object is someone's call or offer
ANSWERED = re.compile(  # from an answer to the demand it answers: "accepted (the) demands"
    r"\s+(?:to\s+)?(?:(?:the|a|an|its|their|his|her|these|those|all|recent|[\w-]+['’]s?)\s+)?"
    r"(?:[\w-]+\s+)?"
)
ENDING_CODES = {"RETREAT.lift", "RETREAT.ease", "CONCEDE.ease"}  # lifting, easing a restriction
CANCELLATIONS = {"cancelled", "canceled", "called off", "postponed"}  # negation cues that cut
CUT_GAP = re.compile(r"\s+(?:[\w'’-]+\s+){0,4}")  # "suspended (part of a) military aid"
# a dash or a consequence ends what a request or threat governs
UNGOVERNED = re.compile(r"\s[-–—]\s|\b(?:led|leading|leads) to\b")


class SpeechActs:
    """Demands, threats, refusals and answers, and the acts they govern."""

    def _complement_targets(self, events: list[EventRow], triggers: list[Mention]) -> None:
        """A demand, threat, refusal or promise with no target of its own is aimed at the
        target of the act it governs: "threatened to shell Iraqi towns" (Iraq), "refused to
        deploy peacekeepers in Iraq"; a demand "that X ease restrictions" at X, the one
        who is to act."""
        by_start = {t.start: t for t in triggers}
        for event in events:
            governor = by_start.get(event.start)
            if (
                event.targets
                or governor is None
                or event.event_code.split(".")[0] not in COMPLEMENT_TYPES
            ):
                continue
            for act in events:
                if act.start <= event.end or not self._governs(governor, act.start):
                    continue
                that = re.search(r"\bthat\b", self.text[event.end : act.start].lower())
                chosen = ([act.source] if act.source else []) if that else act.targets
                if chosen:
                    event.targets = list(chosen)
                    event.confidence = round(min(event.confidence + 0.15, 1.0), 2)
                    break

    def _cut_by(self, trigger: Mention, cues: list[Mention]) -> Mention | None:
        """The word of cutting or cancelling just before a cooperative trigger: "suspended
        (part of a) military aid", "cancelled a planned visit"."""
        for cue in cues:
            if (
                cue.end <= trigger.start
                and (
                    cue.ref == "cessation"
                    or (
                        cue.ref == "negation"
                        and self.text[cue.start : cue.end].lower() in CANCELLATIONS
                    )
                )
                and CUT_GAP.fullmatch(self.text[cue.end : trigger.start])
            ):
                return cue
        return None

    def _cuts_cooperation(
        self, trigger: Mention, triggers: list[Mention], cues: list[Mention]
    ) -> bool:
        """True when a coercive verb that is also a word of cutting ("suspended",
        "prohibit") has a cooperative act as its object."""
        if not any(c.start == trigger.start and c.ref == "cessation" for c in cues):
            return False
        following = next((t for t in triggers if t.start >= trigger.end), None)
        return (
            following is not None
            and following.ref.split(".")[0] in COOPERATIVE_TYPES
            and CUT_GAP.fullmatch(self.text[trigger.end : following.start]) is not None
        )

    def _ended_restrictions(self, events: list[EventRow], triggers: list[Mention]) -> None:
        """A restriction named as the object of lifting or easing it is what ends, not a new
        one: "lifted the curfew", "(is prepared to) lift the ban on the party"."""
        enders = [t for t in triggers if t.ref in ENDING_CODES]
        for ender in enders:
            for event in events:
                if (
                    event.start > ender.end
                    and event.event_code.split(".")[0] in ("COERCE", "SANCTION")
                    and ANSWERED.fullmatch(self.text[ender.end : event.start].lower())
                ):
                    event.confidence = round(event.confidence * 0.8, 2)
                    break

    def _answered_demands(self, events: list[EventRow]) -> None:
        """A demand named as the object of an answer is not the news, the answer is:
        "accepted demands from the rebels" (accepting demands is a CONCEDE), "rejected
        calls by the union", "conceded to demands"."""
        for answer in events:
            kind = answer.event_code.split(".")[0]
            if kind not in ("AGREE", "REJECT", "CONCEDE"):
                continue
            for demand in events:
                if (
                    demand.start > answer.end
                    and demand.event_code.split(".")[0] == "REQUEST"
                    and ANSWERED.fullmatch(self.text[answer.end : demand.start].lower())
                ):
                    demand.confidence = round(demand.confidence * 0.8, 2)
                    if kind == "AGREE" and self.lex.has_code("CONCEDE"):
                        answer.event_code = "CONCEDE"
                    break

    def _demanded_acts(
        self, cues: list[Mention], triggers: list[Mention], actors: list[Actor]
    ) -> list[Mention]:
        """The verb after "must" is a demand made of its subject even when it is no event
        word of its own ("China must drop its barriers", "Libya must hand over the
        suspects"): it becomes a REQUEST trigger, resolved like any obligation, when an
        actor before the subject says so or it is reported ("Britain said Libya must...",
        "concluded that the US must...", not "we must")."""
        added = []
        for cue in cues:
            if cue.ref != "obligation" or any(
                0 <= t.start - cue.end <= DEMANDED_REACH for t in triggers
            ):
                continue
            subject = next(
                (
                    i
                    for i in range(len(actors) - 1, -1, -1)
                    if actors[i].end <= cue.start
                    and DEMANDED_SUBJECT_GAP.fullmatch(self.text[actors[i].end : cue.start])
                ),
                None,
            )
            if (
                subject is None
                or (
                    subject == 0  # no actor before the subject to speak: "... that X must"
                    and not re.search(
                        r"\bthat\s+(?:the\s+)?$",
                        self.text[max(0, actors[0].start - 12) : actors[0].start].lower(),
                    )
                )
            ):
                continue
            verb = WORD.search(self.text, cue.end, cue.end + DEMANDED_REACH)
            if verb is not None and self.lex.has_code("REQUEST"):
                added.append(Mention(verb.start(), verb.end(), "trigger", "REQUEST", DEMANDED))
        return sorted([*triggers, *added], key=lambda m: m.start) if added else triggers

    def _governs(self, governor: Mention, position: int) -> bool:
        """True when the text from a request, threat, refusal or promise to ``position`` is
        its complement: "refused to commit to any direct assistance"."""
        gap = self.text[governor.end : position].lower()
        if "," in gap or ";" in gap or UNGOVERNED.search(gap):
            return False  # "were seeking refuge in a school - led to a clash": a new clause
        words = WORD.findall(gap)
        if (
            governor.ref.split(".")[0] in ("REQUEST", "REJECT")
            and len(words) <= 3
            and (
                not words
                or words[0]
                in (
                    "the",
                    "a",
                    "an",
                    "for",
                    "an",
                    "immediate",
                    "their",
                    "his",
                    "her",
                    "its",
                    "further",
                    "new",
                    "more",
                )
            )
        ):
            return True  # "demanded the resignation", "called for the release", "rejected talks"
        preposition = r"(?:of|against)\s+" if governor.ref.split(".")[0] == "THREATEN" else ""
        if (
            governor.ref == "COERCE.ban" or governor.ref.split(".")[0] == "THREATEN"
        ) and re.fullmatch(
            rf"\s*{preposition}(?:(?:the|a|an|all|any|further|future|more|new|public|street|"
            r"planned|possible|renewed|its|their)\s+)*",
            gap,
        ):
            return True  # "banned all demonstrations", "warned of violence": not (yet) done
        if governor.ref.split(".")[0] == "REQUEST" and re.search(r"\bthat\b", gap):
            return len(words) <= 8  # "demanded that Israel ease restrictions"
        return len(words) <= 8 and re.search(r"\bto\b", gap) is not None
