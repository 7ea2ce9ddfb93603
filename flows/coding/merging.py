"""Which coded events are one event: coordinated targets split into one event each, and
repeats merged (two words for one attack, an arrest at a protest, a follow-up sentence, an
event word that names the doer of another). A mixin of ``DocumentCoder``, on its ``events``.
"""

from __future__ import annotations

from flows.coding.rows import VIOLENT_TYPES, Actor, EventRow

SPECIFIC_MODE = {  # of two words for one attack, the code of the more specific one wins
    "ASSAULT": 0,
    "ASSAULT.kill": 1,
    "ASSAULT.explosives": 3,
    "ASSAULT.ied": 4,
    "ASSAULT.grenade": 4,
    "ASSAULT.car-bomb": 5,
    "ASSAULT.suicide": 6,
}  # any other mode (firearms, edged, abduction...): 2
PROTEST_RANK = {"PROTEST.riot": 3, "PROTEST.violent": 3, "PROTEST.intervention": 2}


def _larger(first: int | None, second: int | None) -> int | None:
    """Two reports of one count: the larger (a later, updated toll), never their sum."""
    if first is None:
        return second
    if second is None:
        return first
    return max(first, second)


def _names_trigger(actor: Actor | None, event: EventRow) -> bool:
    """True when the actor's words are the event's trigger ("a suicide bomber detonated
    explosives": the bomber is the bombing's author and its word)."""
    return actor is not None and actor.start <= event.start and event.end <= actor.end


def _actor_key(actor: Actor | None) -> str | None:
    return actor.actor_id if actor else None


class EventMerging:
    """Event identity for a ``DocumentCoder``; needs its ``events`` and ``lex``."""

    def _add_event(self, event: EventRow, together: bool = False) -> None:
        """Split coordinated targets into one event each ("missile attacks on Iraq and
        Syria"); merge repeats of one event. The victims told after a word of killing
        ("attacked a village, killing 5 soldiers and 2 civilians") are ``together`` the
        targets of one event."""
        if (
            event.source is not None
            and not event.source.is_generic
            and self.lex.actor_info.get(event.source.actor_id or "", ("", "", "country"))[2]
            != "country"  # a state acting at home is no self-harm ("Iraq imposed curfews")
            and any(_actor_key(t) == _actor_key(event.source) for t in event.targets)
        ):
            event.source = None  # "struck a PKK hideout, killing 2 PKK militants": not self-harm
        targets = [event.targets] if together and event.targets else event.targets or [None]
        for index, target in enumerate(targets):
            chosen = target if isinstance(target, list) else [target] if target else []
            row = EventRow(**{**event.__dict__, "targets": chosen})
            if index > 0:
                row.fatalities = None  # the count belongs to the whole attack, stored once
                row.injured = None
            protest = self._protest_for(row)
            if protest is not None:  # arrests and dispersal at a protest are part of it
                if PROTEST_RANK.get(protest.event_code, 0) < PROTEST_RANK["PROTEST.intervention"]:
                    protest.event_code = "PROTEST.intervention"
                continue
            if self._is_its_doer(row):
                continue
            duplicate = self._find_duplicate(row)
            if duplicate is not None:
                if PROTEST_RANK.get(row.event_code, 0) > PROTEST_RANK.get(duplicate.event_code, 0):
                    duplicate.event_code = row.event_code  # the protest turned violent
                duplicate.fatalities = _larger(duplicate.fatalities, row.fatalities)
                duplicate.injured = _larger(duplicate.injured, row.injured)
                if duplicate.event_date is None:
                    duplicate.event_date = row.event_date
                    duplicate.date_precision = row.date_precision
                    duplicate.date_source = row.date_source
                if duplicate.place_id is None:
                    duplicate.place_id, duplicate.place_source = row.place_id, row.place_source
                duplicate.confidence = max(duplicate.confidence, row.confidence)
                if duplicate.source is None:
                    duplicate.source = row.source
                if not duplicate.targets:
                    duplicate.targets = row.targets
                if SPECIFIC_MODE.get(row.event_code, 2) > SPECIFIC_MODE.get(
                    duplicate.event_code, 2
                ):
                    duplicate.event_code = row.event_code  # "explosives" told as "a suicide bomb"
                continue
            self.events.append(row)

    def _is_its_doer(self, row: EventRow) -> bool:
        """An event word that names the doer of another event of its sentence ("Cattle
        rustlers struck a village": the rustlers are who struck, not a second raid): the
        word's own event goes, whichever of the two is coded first."""

        def names_doer(noun: EventRow, verb: EventRow) -> bool:
            return (
                noun.source is None
                and verb.source is not None
                and noun.sentence_index == verb.sentence_index
                and verb.source.start <= noun.start
                and noun.end <= verb.source.end
            )

        def absorb(verb: EventRow, noun: EventRow) -> None:
            verb.fatalities = _larger(verb.fatalities, noun.fatalities)
            verb.injured = _larger(verb.injured, noun.injured)
            if verb.event_code.split(".")[0] == noun.event_code.split(".")[0] and SPECIFIC_MODE.get(
                noun.event_code, 2
            ) > SPECIFIC_MODE.get(verb.event_code, 2):
                verb.event_code = noun.event_code  # "a suicide bomber detonated explosives"

        for verb in self.events:
            if names_doer(row, verb):
                absorb(verb, row)
                return True
        kept = []
        for noun in self.events:
            if names_doer(noun, row):
                absorb(row, noun)
            else:
                kept.append(noun)
        self.events = kept
        return False

    def _protest_for(self, row: EventRow) -> EventRow | None:
        """The protest an arrest of protesters belongs to (within three sentences)."""
        if (
            row.event_code != "COERCE.arrest"
            or row.is_negated
            or not self.lex.has_code("PROTEST.intervention")
        ):
            return None
        return next(
            (
                e
                for e in reversed(self.events)
                if e.event_code.startswith("PROTEST")
                and e.event_code != "PROTEST.mob"
                and 0 <= row.sentence_index - e.sentence_index <= 3
            ),
            None,
        )

    def _find_duplicate(self, row: EventRow) -> EventRow | None:
        kind = row.event_code.split(".")[0]
        row_actors = {_actor_key(row.source)} | {_actor_key(t) for t in row.targets}
        for other in reversed(self.events):
            if other.event_code.split(".")[0] != kind:
                continue
            if (
                other.is_negated != row.is_negated
                or other.modality != row.modality
                or other.is_historical != row.is_historical
            ):
                continue
            if (
                other.event_date is not None
                and row.event_date is not None
                and other.event_date != row.event_date
            ):
                continue
            other_actors = {_actor_key(other.source)} | {_actor_key(t) for t in other.targets}
            same_sentence = other.sentence_index == row.sentence_index
            if (
                other.start != row.start
                and _actor_key(other.source) == _actor_key(row.source)
                and [_actor_key(t) for t in other.targets] == [_actor_key(t) for t in row.targets]
            ):
                return other
            if (
                same_sentence
                and other.start != row.start
                and kind in VIOLENT_TYPES
                and (row_actors - {None} <= other_actors)
            ):
                return other  # "killed seven villagers and wounded four others"
            if (
                same_sentence
                # (two words for one fight with one code: "missiles struck Kyiv")
                and (kind == "ASSAULT" or (kind == "FIGHT" and row.event_code == other.event_code))
                and row.place_id in (other.place_id, None)
                and (
                    other.source is None
                    or row.source is None
                    or _actor_key(other.source) == _actor_key(row.source)
                )
                and (
                    not other.targets
                    or not row.targets
                    or _names_trigger(row.source, other)
                    or _names_trigger(other.source, row)
                )
            ):
                # "detonated an IED targeting a convoy", "a suicide bomber detonated
                # explosives": one attack told by two words
                return other
            if (
                kind in VIOLENT_TYPES
                and row.source is None
                and 0 < row.sentence_index - other.sentence_index <= 2
                and all(t.is_generic for t in row.targets)
            ):
                return other  # a follow-up sentence about the same attack
            if kind == "PROTEST" and 0 <= row.sentence_index - other.sentence_index <= 3:
                return other  # one demonstration told in several sentences
        return None
