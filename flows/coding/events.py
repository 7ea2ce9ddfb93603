"""Sentence-level decisions: who did what to whom, where, when, how many killed.

Input: one document's sentences and the dictionary matches in them (from ``text.py``).
Output: plain rows (``rows.py``). The rules, in order of a sentence:

* Actors (``roles.py``): an alias of a named actor; a country name, demonym or capital
  (a capital after "in/at/from" is a place, not an actor); a country modifier before an
  agent noun makes a generic actor ("Kenyan police" -> KEN COP); a bare agent noun is a
  generic actor whose country is the event's place country.
* Events: each trigger. The source is the nearest subject-like actor before it (not the
  object of a preposition); targets are the actors after it in its clause, coordinated ones
  each making an event ("attacks on Iraq and Syria"). Passive voice ("was attacked by X")
  swaps them; "clashes between X and Y" pairs them. The code is refined by its context
  (weapons, sectors of both sides, crowds: ``acled.py``). What a protest or a reaction is
  about is not the protesters' or reactors' deed (``grievance.py``). A demand, threat or
  refusal is aimed at the act it governs (``speech.py``).
* Claims: "X claimed responsibility for the attack" adds X as ``claimant`` to the document's
  last violent event instead of making a new one.
* Factuality (``factuality.py``): negation, hypothetical, future and claimed cues before the
  trigger in its clause; background (long past, a toll over years).
* Date, place and casualties: the nearest in the sentence, else carried from earlier
  sentences of the document (dates and places only: ``scene.py``); a toll goes to the
  act it results from, across sentences (``tolls.py``).
* One event, once (``merging.py``): coordinated targets split into one event each, repeats
  of one event merged.
* Once the report is coded (``finish``): places and dates told later, tolls told twice
  counted once, and the events ranked, the news first (``ranking.py``).

``DocumentCoder`` is this module's rules plus the mixins named above (and ``roles.py``'s
``ActorRoles``, ``acled.py``'s ``AcledTypes``); the mixins import nothing from here.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import partial
from typing import NamedTuple

from flows.coding.acled import (
    DEFENCELESS,
    DISPERSAL,
    FORCES_HIT,
    GRIEVANCE,
    INTERVENTION,
    NO_HARM,
    NO_VIOLENCE,
    PROTEST_WORDS,
    RESISTED,
    RIOT,
    RIOTING,
    STONING,
    AcledTypes,
    CrowdPatterns,
)
from flows.coding.casualties import count_casualties
from flows.coding.dates import DateMention
from flows.coding.factuality import Factuality
from flows.coding.grievance import CLAUSE_STOP, Grievances
from flows.coding.merging import (
    EventMerging,
    _actor_key,
)
from flows.coding.ranking import KIND_HEADING, EventRanking
from flows.coding.roles import (
    AGENT_WORDS,
    BY,
    BY_AGENT,
    BY_BEFORE,
    BY_DOER,
    BY_NEXT,
    KILL_WORD,
    OBJECT_VERBS,
    ActorRoles,
    named_subject,
    prefer_named,
)
from flows.coding.rows import (
    ARMED_NONSTATE,
    ARMED_SECTORS,
    CROWD_SECTORS,
    ORGANIZED,
    STATE_ARMED,
    VIOLENT_TYPES,
    Actor,
    EventRow,
    Mention,
    force_sector,
)
from flows.coding.scene import Scene, _in_country, _SentenceDates, _SentencePlace
from flows.coding.speech import (
    ANSWER_TYPES,
    CANCELLATIONS,
    COMPLEMENT_TYPES,
    COOPERATIVE_TYPES,
    DEMANDED,
    SpeechActs,
)
from flows.coding.text import SUBORDINATORS, WORD, words_before
from flows.coding.tolls import FOUND_BODY, OUTCOME_WORDS, Tolls

# the kinds of event that kill or hurt (riots and mob violence too), and the sectors armed or
# protesting: made once, not at each use (each event word reads them several times)
VIOLENT_OR_PROTEST = frozenset(VIOLENT_TYPES | {"PROTEST"})
ARMED_OR_PROTESTERS = frozenset(ARMED_SECTORS | {"PRO"})
# the words grouped behind one \b: the same matches, found 2.7x faster by Python's re
CLAUSE_BREAK = re.compile(r";|\b(?:while|but|whereas|after|before)\b|, wh(?:ich|o)\b")
NOMINAL_BEFORE = re.compile(
    r"(?:\b(?:the|a|an|its|their|his|her|this|that|these|those|of|for|deadly|fatal|suicide|"
    r"missile|rocket|drone|air|bomb|terror|terrorist|armed|fresh|new|recent|latest|further|"
    r"in|after|during|following|such|out|launch|launched|launching|conducted|staged|mounted|"
    r"carried|several|multiple|two|three|four|five|many|coordinated)|['’]s|\d)\s+$"
)
VICTIM_DEAD = re.compile(
    r"\b(?:killed|murdered|body|bodies|found dead|to death|dead body|beheaded|executed)\b"
)
# searched over a batch's lower-cased reports at once (polars, in Rust) rather than one
# report at a time: whole-report regexes of alternations are slow in Python (with the
# lexicon's own: ``report_patterns``)
REPORT_PATTERNS = (
    RIOT,
    INTERVENTION,
    PROTEST_WORDS,
    VICTIM_DEAD,
    RESISTED,
    FORCES_HIT,
    DEFENCELESS,
    RIOTING,
    NO_HARM,
    NO_VIOLENCE,
    GRIEVANCE,
    DISPERSAL,
    STONING,
)


def report_patterns(crowd: CrowdPatterns) -> tuple[re.Pattern[str], ...]:
    """The whole-report patterns of a lexicon: ``REPORT_PATTERNS`` and those built from its
    crowd words (mobs, armed attackers, forces striking back at them)."""
    return (*REPORT_PATTERNS, crowd.mob, crowd.attackers, crowd.struck_back)


TESTED_REACH = 40  # how far after "test-fired" the weapons it fired are named
HEAD_BONUS = 0.15
# a sentence opening with a subordinate clause, to its comma: "After raiders killed four, "
SUBORDINATE_OPENING = re.compile(rf"\s*(?:{'|'.join(SUBORDINATORS)})\b[^,.;]{{3,150}},", re.I)
LIGHT_VERB = re.compile(  # a verb whose noun is the event: "staged mass demonstrations"
    r"\b(?:stag|h[oe]ld|beg[au]n|continu|declar|launch|mount|impos|lodg|issu|start|"
    r"announc|order|resum|end|step)\w*\s+(?:(?:a|an|the|their|its|his|her)\s+)?"
    r"(?:[\w-]+\s+)?$"
)
# an opening adverbial clause, up to the trigger, not yet closed by its comma
LEADING_CLAUSE = re.compile(rf"\s*(?:{'|'.join(SUBORDINATORS)})\b[^,;]*$", re.I)
# a participle after the object of a preposition modifies it ("of a man beheaded by")
REDUCED_RELATIVE = re.compile(
    r"\b(?:of|for|with|against|about)\s+(?:a|an|the|two|three|four|five|\d+)\s+"
    r"(?:(?!(?:is|are|was|were|be|been|being|has|have|had)\b)[\w-]+\s+){0,2}$"
)
# the violence an act is meant to stop ("to quell the violence", "to put an end to raids")
PURPOSE_OBJECT = re.compile(
    r"\b(?:to|of)\s+(?:quell|end|stop|curb|prevent|halt|contain|put an end to|deter|avert|"
    r"forestall)\s+(?:the\s+|any\s+|further\s+|a\s+|an\s+)?(?:[\w-]+\s+){0,3}$"
)
INFINITIVE = re.compile(r"\b(?:to|in|by|of|for|from|after|while|when)\s+(?:\w+ly\s+)?$")
# a headline's reduced passive: "two officers killed in an ambush", "chief shot dead"
SUFFERED_WORDS = {
    "killed",
    "murdered",
    "shot",
    "shot dead",
    "shot and killed",
    "stabbed",
    "stabbed to death",
    "hacked",
    "hacked to death",
    "beheaded",
    "injured",
    "wounded",
    "abducted",
    "kidnapped",
    "lynched",
    "ambushed",
    "targeted",
}
SUFFERED_IN = re.compile(  # the gap in "two (police) officers (were) killed in an ambush"
    r"\s+(?:(?:officers?|men|man|personnel|members|troops|soldiers|guards|agents|staff)\s+)?"
    r"(?:(?:were|was|are|is|have been|had been)\s+)?(?:killed|died|dead|injured|wounded|"
    r"hurt|shot dead|shot|perished)\s+(?:[\w-]+\s+){0,2}(?:in|during|after|following|amid)\s+"
    r"(?:[\w-]+\s+){0,3}"
)
VICTIM_TAIL = re.compile(
    r"\s*(?:dead\b|$|[.,;:(]|-|while\b|in\b|at\b|on\b|during\b|after\b|when\b|as\b|"
    r"near\b|following\b|over\b|outside\b|inside\b|along\b|amid\b|by\b)"
)
VICTIM_BEFORE = re.compile(  # from a subject that died or was hurt to the attack that did it
    r"\s+(?:[\w'’-]+\s+){0,3}?(?:died|dies|perished|succumbed|(?:was|were|been|being|got)\s+"
    r"(?:\w+\s+)?(?:killed|injured|wounded|hurt|shot|tortured|beaten))\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:in|during|after|following|from|of|due\s+to|as\s+a\s+result\s+of)\s+"
    r"(?:(?:the|a|an|an?\s+apparent|suspected|alleged)\s+)?(?:[\w'’-]+\s+){0,2}"
)
CUSTODY_AFTER = re.compile(r"(?:['’]s)?\s+custody\b", re.I)
DYING_WORDS = {"died", "die", "dies", "dead", "perished", "lost their lives", "succumbed"}
THREAT_TYPES = VIOLENT_TYPES | {"SANCTION", "PROTEST"}  # what a stated intention threatens
SPEECH_TYPES = {"AGREE", "THREATEN", "REQUEST", "REJECT", "ACCUSE", "SUPPORT"}
# words that tell an attack only with an armed doer or a weapon ("drones struck a convoy",
# "militants struck a police post"; not "the court struck down the law")
ARMED_ONLY_WORDS = {"struck"}
# "beat Sevilla 3-1", "defeated the visitors 2-0 at home" (or with an en dash): a match's
# score after the object of a verb of violence makes it a game, not an assault
SCORE_AFTER = re.compile(
    r"\s+(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2}\s+\d{1,2}\s*[-–]\s*\d{1,2}"
    r"(?=\s*(?:[.,;)]|$)|\s+(?:on|at|in|after|with|and|to|win|victory|defeat|aggregate)\b)"
)
AUTHOR_GAP = re.compile(  # "rejected (recent calls) by", "accepted (an offer) from the"
    r"\s+(?:[\w'’-]+\s+){1,4}(?:by|from)\s+(?:the\s+)?"
)
OWN = re.compile(r"\b(?:its|their|his|her|our)\s+$", re.I)  # "its troops"
INTRANSITIVE = {"RETREAT.resign", "RETREAT.surrender"}  # verbs that take no object
TO_GAP = re.compile(r"\s+(?:[\w-]+\s+){0,2}to\s+(?:the\s+)?", re.I)  # "surrendered (...) to the"
ADDRESSEE = re.compile(r"\bto\s+(?:the\s+)?$")  # "complained to (the) UN"
ACCUSED_GAP = re.compile(r"\b(?:over|about|against)\s+(?:the\s+)?(?:[\w-]+\s+){0,2}$")
PRONOUN_SUBJECT = re.compile(  # searched in the lower-cased 30 characters before a verb
    r"\b(?:that|which|and)\s+(?:it|they)\s+(?:(?:would|will|had|has|have|could|can|then|"
    r"also|later)\s+)*$"
)
# "an attack by militiamen", "the raid on a village by bandits": the agent of an event noun
NOMINAL_AGENT = re.compile(
    r"^\s*(?:(?:on|against|upon|of)\s+(?:[\w'’-]+\s+){1,3}?)?(?:\w+\s+){0,1}" + BY + "$"
)
PASSIVE_AUX = re.compile(
    r"\b(?:was|were|been|being|is|are|be|got)\s+"
    # adverbs, participles and a time told between ("were on Saturday night attacked",
    # "was on 24/02 lynched", "were last night killed"), and the fire of a compound verb
    # ("was petrol-bombed")
    r"(?:(?:\w+ly|\w+ed|\w+en|reported|and|,|on|last|this|yesterday|today|night|morning|"
    r"afternoon|evening|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"\d{1,2}/\d{1,2})\s*){0,6}(?:(?:petrol|fire)[\s-]?)?$"
)


# words of taking or moving that are a movement of force only when an armed group does them
# ("rebels took over the town", "militants were sighted near the camp")
ARMED_MOVES = {"MOBILIZE", "COERCE.occupy"}
# a headline's reduced passive: a plural noun, then the participle, then where or in what
PLURAL_BEFORE = re.compile(r"^(?:\d+\s+|several\s+|many\s+)?[a-z][a-z]+s\s+$", re.IGNORECASE)
REDUCED_PASSIVE = re.compile(r"\s*(?:[-–]\s|(?:in|during|at|near|overnight)\b)")
# what a crowd does to drive someone off or stop an event ("youths chased the MP away",
# "voters disrupted the meeting"): a riot only when a crowd does it
CROWD_ACTS = re.compile(r"chas|disrupt|disturb|gather|camp|assembl|forced", re.IGNORECASE)
# "troops engaged the militants": a fight only between armed men
ENGAGE = re.compile(r"engage", re.IGNORECASE)
# what is taken over is ground: a place named ("took over Dera") or a place or building word
TAKEN_GROUND = re.compile(
    r"[\s\"'“”]+(?:the\s+|a\s+|an\s+|two\s+|three\s+|several\s+)?(?:[A-Z]|(?:[\w-]+\s+){0,2}"
    r"(?:villages?|towns?|city|area|areas|region|district|county|territory|ground|post|posts|"
    r"stations?|camps?|bases?|barracks|mosques?|church|churches|buildings?|offices?|"
    r"compound|hall|school|airport|port|border|checkpoint|roads?|highway)\b)"
)

# "captured the town of X", "seized the district centre", "recaptured Damboa": ground taken,
# not people arrested nor goods confiscated
GROUND_TAKEN = re.compile(
    r"\s+(?:back\s+)?(?:control\s+of\s+)?(?:the\s+|a\s+|an\s+|two\s+|three\s+|several\s+)?"
    r"(?:[\w-]+\s+){0,2}(?:villages?|towns?|city|area|areas|district|territory|bases?|"
    r"barracks|posts?|outposts?|positions?|checkpoints?|hills?|airport|port|"
    r"border crossing|crossing|(?:district|town|city|administrative) (?:centre|center)|capital)"
    # the place word ends what was taken ("the area chief's phone" is no area)
    r"(?=\s+(?:of|in|near|on|at|from|after|before|and|following|without|as|when)\b|\s*[.,;)]|\s*$)"
)
GROUND_GAP = re.compile(r"[\s\"'“”]+(?:back\s+|the\s+)?")  # "captured (back) (the) Goma"
SUSPECT_AFTER = re.compile(r"\s+(?:suspects?|convicts?|accused|charges?|trial)\b", re.I)
CAPTURE_WORDS = {"captured", "capture", "captures", "capturing", "seized", "seize", "seizes"}
CAPTURE_WORDS |= {"seizing", "recaptured", "recapture", "retook", "retaken", "overran"}
UNOPPOSED = re.compile(  # the other side left the ground taken, or no one fought for it
    r"\b(?:troops|soldiers|forces|army|military|police|government|garrison|defenders)\s+"
    r"(?:had\s+)?(?:withdr[ae]w|withdrawn|pulled out|abandoned|vacated|left)\b"
    r"|\bwithout (?:a fight|resistance|fighting)|\bunopposed\b|\bpeacefully\b"
)


class _Reading(NamedTuple):
    """How one event word reads in its sentence (a tuple: one is made for each event word,
    and a tuple is the cheapest to make)."""

    offset: int  # where the word starts in its sentence
    clause_start: int  # its clause, in the sentence
    clause_end: int
    before: list[Actor]  # the sentence's actors before the word
    in_clause: list[Actor]  # the actors after it in its clause
    after: list[Actor]  # of those, the ones before the next verb
    next_verb: Mention | None  # the sentence's next verb trigger
    word: str  # the event word, lower-cased
    preceding: str  # the 30 characters before the word, lower-cased
    nominal: bool  # a noun ("the attack"), or a word read as one
    passive: re.Match[str] | bool | None  # truthy when passive ("was attacked by")


def _clause_bounds(sentence: str, offset: int, breaks: list[tuple[int, int]]) -> tuple[int, int]:
    """The clause of the sentence around ``offset`` (sentence-relative offsets), given the
    spans of the sentence's clause breaks."""
    start, end = 0, len(sentence)
    for break_start, break_end in breaks:
        if break_end <= offset:
            start = break_end
        elif break_start >= offset:
            end = break_start
            break
    return start, end


class DocumentCoder(
    Scene,
    Factuality,
    Grievances,
    SpeechActs,
    Tolls,
    EventRanking,
    ActorRoles,
    AcledTypes,
    EventMerging,
):
    """Codes one document, sentence by sentence, carrying context (date, place, actors)."""

    def __init__(
        self,
        doc_id: str,
        text: str,
        published_at: datetime | None,
        lexicon_view: LexiconView,
        report_matches: dict[str, bool] | None = None,
    ) -> None:
        self.doc_id = doc_id
        self.text = text
        self.published_at = published_at
        self.lex = lexicon_view
        self.events: list[EventRow] = []
        self.mentions: list[tuple[int, Actor]] = []  # (sentence_index, actor)
        self._dates: list[DateMention] | None = None
        self._latest_year: int | None = None
        self._last_verb: tuple[int, int, Actor | None] | None = None  # sentence, end, source
        # whole-report pattern matches, pattern -> found (see ``REPORT_PATTERNS``)
        self._matches: dict[str, bool] = dict(report_matches or {})
        self._weapons: dict[str, str | None] = {}  # a lower-cased sentence -> its weapon
        # a sentence's actors, and which of them (by start) are objects of a preposition
        self._objects: tuple[list[Actor], dict[int, bool]] = ([], {})
        # roles a killing gives to the attack it happened in: trigger start -> source, targets
        self._outcome_roles: dict[int, tuple[Actor, list[Actor]]] = {}
        self._breaks: tuple[int, list[tuple[int, int]]] = (-1, [])  # sentence start, spans
        self.lowered = text.lower()
        self.is_off_topic = False  # sport, arts, business or technology news
        # lower-cased text (old newswire): names cannot be told by their capitals
        self.is_lowercase = not any(char.isupper() for char in text[:3000])
        self.home_country: str | None = None  # the publisher's country, when known
        self.place_mentions: list[Actor] = []  # countries named as places ("in Iran")
        self.sentence_places: list[Mention] = []  # the current sentence's place names
        self.demonym_starts: set[int] = set()  # where a country is named by its demonym
        # the country of the last state force named with one ("Israeli troops", the IDF):
        # "the army", "soldiers" told later without one are its
        self.force_countries: dict[str, str] = {}
        self.sentence_countries: set[str] = set()
        self.sentences: list[tuple[int, int, int]] = []  # (index, start, end) coded so far
        # each sentence's place, in order: chosen only when something asks for it (most
        # sentences hold no event, and most reports need few of their places)
        self._places: list[_SentencePlace] = []
        self.last_armed_group: Actor | None = None
        self.doc_countries: dict[str, int] = {}
        # the home countries of the named groups and people, for a report that tells no
        # country (set by ``code_part``; a place name's namesakes are weighed by them)
        self.group_countries: set[str] = set()
        self.resolved: dict[tuple[int, int], str] = {}  # a generic actor's span -> its id
        self.mover_countries: dict[str, int] = {}  # of those, people who move: "Somali refugees"
        # the sentences that may hold a word of killing (found for a batch at once), or
        # None: any sentence may
        self.kill_sentences: set[int] | None = None
        self.heading_codes: set[str] = set()  # event codes a report's heading names
        # the town a wire story is filed from ("PESHAWAR, Pakistan (AP) — "): where its
        # events are when it tells no place of theirs in that country
        self._dateline: re.Match[str] | None = None
        self.dateline_place = self._dateline_place()

    # ------------------------------------------------------------------ events
    def note_toll(self, sentence_index: int, start: int, end: int) -> None:
        """A sentence with no actor or trigger that counts victims ("Three dead.") adds
        them to the attack just told (``code_sentence`` does so for the others)."""
        sentence = self.text[start:end]
        if KILL_WORD.search(sentence.lower()) and not _is_headline(sentence, self.text, end):
            self._add_casualties(sentence_index, sentence)

    def code_sentence(
        self, sentence_index: int, start: int, end: int, mentions: list[Mention]
    ) -> None:
        sentence = self.text[start:end]
        self.place_mentions.clear()
        actors, places = self._actors(start, mentions)
        self.sentence_countries = {  # the states whose forces or governments it names
            a.country_code for a in actors if a.country_code and a.sector in STATE_ARMED | {"GOV"}
        }
        for actor in actors:
            if actor.country_code and actor.sector in STATE_ARMED:
                self.force_countries[actor.sector] = actor.country_code
        self.sentence_places = places
        for actor in [*actors, *self.place_mentions]:
            self.mentions.append((sentence_index, actor))
        self.sentences.append((sentence_index, start, end))
        triggers = self._event_words(start, mentions, actors)
        cues = [
            m
            for m in mentions
            if m.kind == "cue"
            and not any(a.start <= m.start and m.end <= a.end for a in actors)
            and not self._is_month(m)  # "On 5 May": the month, not the modal
        ]
        claim = next((c for c in cues if c.ref == "claim_responsibility"), None)
        if actors:
            actors = _without_modifiers(actors, triggers)
        if actors and any(c.ref == "obligation" for c in cues):
            triggers = self._demanded_acts(cues, triggers, actors)
        place = self._place_of(sentence_index, places, start, mentions)
        if _is_headline(sentence, self.text, end):
            triggers, claim = [], None  # headlines and subheads repeat the story's events
        # dates only where an event needs one (the costliest rule, so found when first read)
        dates = _SentenceDates(self, start, end)
        killed, injured = (None, None)
        lowered = sentence.lower()
        kill = (
            KILL_WORD.search(lowered)
            if self.kill_sentences is None or sentence_index in self.kill_sentences
            else None
        )
        if kill and "of" in lowered and (found := FOUND_BODY.search(lowered)):
            triggers = self._code_found_body(start, found, triggers)
        if (triggers or claim) and kill:
            killed, injured = count_casualties(self._without_grievance(sentence, start, triggers))
        if claim is not None:
            self._code_claim(
                sentence_index,
                start,
                sentence,
                actors,
                claim,
                dates,
                place,
                killed,
                injured,
                triggers,
            )
        elif not triggers and kill and not _is_headline(sentence, self.text, end):
            self._add_casualties(sentence_index, sentence)  # "1 GSU officer dies."
        elif triggers:
            receiver = self._casualty_receiver(kill, start, triggers)
            coded_before = len(self.events)
            for trigger in triggers:
                self._code_trigger(
                    sentence_index,
                    start,
                    sentence,
                    trigger,
                    actors,
                    cues,
                    dates,
                    place,
                    (killed, injured) if trigger is receiver else (None, None),
                    triggers,
                )
            if any(word in lowered for word in AGENT_WORDS):
                self._link_perpetrator(sentence_index, lowered, start, actors, triggers)
            self._relate_events(start, coded_before, triggers)
        self._add_place(place)

    def _relate_events(self, start: int, coded_before: int, triggers: list[Mention]) -> None:
        """Rules between the events a sentence coded (those after ``coded_before``): what a
        verb of saying or demanding governs, demands answered, restrictions ended; and the
        main clause's event is the news."""
        coded = {event.start for event in self.events[coded_before:]}
        if len(self.events) - coded_before > 1:  # rules between two events of a sentence
            told = self.events[coded_before:]
            self._complement_targets(told, triggers)
            self._answered_demands(told)
            self._ended_restrictions(told, triggers)
        head = self._head_trigger(start, [t for t in triggers if t.start in coded])
        for event in self.events[coded_before:]:
            if head is not None and event.start == head.start:
                # the main clause's verb is the news; what follows it is its detail
                event.confidence = round(min(event.confidence + HEAD_BONUS, 1.0), 2)

    def _event_words(
        self, start: int, mentions: list[Mention], actors: list[Actor]
    ) -> list[Mention]:
        """The sentence's triggers that may tell an event (and, in a report's first
        sentence, the kinds its heading names)."""
        # "On 8 March": the month, not a march (nor the word that receives the victims);
        # "aid workers", "riot police": a modifier in an actor's name is no event (its head
        # may be: "cattle rustlers", "suicide bombers")
        triggers = [
            m
            for m in mentions
            if m.kind == "trigger"
            and not self._is_month(m)
            and not self._in_title(m, start)
            and not any(a.start <= m.start and m.end < a.end for a in actors)
            # "a robbery suspect", "murder convicts": people, not an event
            and not (m.sub.startswith("noun") and SUSPECT_AFTER.match(self.text, m.end))
        ]
        if any(t.ref == "MOBILIZE.test" for t in triggers):
            triggers = _without_tested(self.text, triggers)
        if start == 0 and triggers and (heading := KIND_HEADING.match(self.text)):
            # the kinds a heading names ("Movement of forces: ..."), told or not as an event
            self.heading_codes = {t.ref for t in triggers if t.end <= heading.end()}
        return triggers

    def _head_trigger(self, sentence_start: int, triggers: list[Mention]) -> Mention | None:
        """The first verb of the sentence's own clause: not a name's word ("Relief
        Coordinator"), not a compound's part ("Israeli-occupied"), not a noun, and not a
        verb of an opening subordinate clause ("After raiders killed four, police shot
        one": the main clause is the news)."""
        opening = SUBORDINATE_OPENING.match(self.text, sentence_start)
        if opening is not None and any(t.start >= opening.end() for t in triggers):
            triggers = [t for t in triggers if t.start >= opening.end()]
        for trigger in triggers:
            word = self.text[trigger.start : trigger.end]
            preceding = self.text[max(sentence_start, trigger.start - 40) : trigger.start]
            if preceding.endswith("-") or (word[:1].isupper() and trigger.start > sentence_start):
                continue
            if not trigger.sub.startswith("verb"):
                if LIGHT_VERB.search(preceding.lower()):
                    return trigger  # "staged rallies", "declared a ceasefire"
                continue
            if NOMINAL_BEFORE.search(preceding.lower()) or INFINITIVE.search(preceding.lower()):
                continue  # "the attack", "to demand", "in demanding": not the clause's verb
            if LEADING_CLAUSE.match(self.text, sentence_start, trigger.start):
                continue  # "After a pastor attacked a man, members protested": the protest
            if word.lower().endswith(("ed", "en")) and REDUCED_RELATIVE.search(preceding.lower()):
                continue  # "colleagues of a man beheaded by ... protested": the protest
            return trigger
        return None

    def _by_agent(self, trigger: Mention, after: list[Actor]) -> Actor | None:
        """The actor named by "by" after a reduced passive ("killed at home by gunmen")."""
        return next(
            (a for a in after if BY_AGENT.fullmatch(self.text[trigger.end : a.start].lower())),
            None,
        )

    def _shared_subject(
        self, sentence_index: int, trigger: Mention, preceding: str
    ) -> Actor | None:
        """The subject of the verb before, for a verb joined to it by "and" with no subject
        of its own ("a mob attacked the raiders and lynched three": the mob lynched)."""
        if self._last_verb is None:
            return None
        if not COORDINATED_VERB.search(preceding) and not (
            # ", killing two": a participle's subject is the clause's; ", killed one and":
            # a verb in a series after a comma (a subject takes no comma before its verb)
            SERIES_COMMA.search(preceding)
            and trigger.sub.startswith("verb")
            and (
                self.text[trigger.start : trigger.end].lower().endswith("ing")
                or not VICTIM_TAIL.match(self.text[trigger.end : trigger.end + 30].lower())
            )
        ):
            return None
        index, end, source = self._last_verb
        if index != sentence_index or trigger.start - end > 80:
            return None
        if RELATIVE_PRONOUN.search(self.text, end, trigger.start):
            return None  # "shot three men who were looting, burning": the men's deeds
        return source

    def _code_trigger(
        self,
        sentence_index: int,
        sentence_start: int,
        sentence: str,
        trigger: Mention,
        actors: list[Actor],
        cues: list[Mention],
        dates: _SentenceDates,
        place: _SentencePlace,
        casualties: tuple[int | None, int | None],
        triggers: list[Mention],
    ) -> bool:
        """Codes one event word of a sentence, in order: how it reads (``_read``); who does
        it to whom (``_choose_roles``, then victims among the subjects, coordinated sources);
        its factuality (``_event_modality``); a mere reference to an event already coded is
        skipped, and "the attack" told after one joins it; roles filled from elsewhere; its
        code (``_refined_code``, ``_code_by_modality``, ``_code_by_outcome``); the gates
        (``_lacks_parties``, ``_lacks_force``); its date, place and confidence; an outcome
        ("three killed") joins the attack it belongs to, told after it or before; else it
        is a new event. True when it coded casualties."""
        code = trigger.ref
        kind = code.split(".")[0]
        if self._other_sense(trigger, kind, cues, triggers):
            return False
        reading = self._read(trigger, kind, sentence_start, sentence, actors, triggers)
        source, targets, after = self._choose_roles(
            trigger, code, kind, sentence_start, reading, actors, triggers
        )
        if not reading.nominal and not reading.passive:
            shared = self._shared_subject(sentence_index, trigger, reading.preceding)
            if shared is not None:  # "a mob attacked the raiders and lynched three"
                source = shared
                targets = [t for t in targets if t is not shared]
            if trigger.sub.startswith("verb"):
                self._last_verb = (sentence_index, trigger.end, source)
        source, targets = self._suffering_subject(trigger, kind, reading, source, targets, after)
        co_sources, targets = self._co_sources(kind, source, targets, reading.before)
        negated, modality, halted = self._event_modality(
            trigger, kind, sentence, sentence_start, reading, cues, triggers
        )
        if self._refers_back(kind, reading, targets, dates, casualties):
            return False
        source, targets = self._suffered_attack(trigger, kind, reading, source, targets, actors)
        if reading.nominal and kind in VIOLENT_TYPES and ANAPHORIC.search(reading.preceding):
            anchor = self._recent_violence(sentence_index, dates)
            if source is not None and KILL_WORD.search(
                self.text[source.end : trigger.start].lower()
            ):
                targets, source = targets or [source], None  # "four officers died in the attack"
            if anchor is not None and (
                source is None
                or anchor.source is None
                or _actor_key(anchor.source) == _actor_key(self._resolve(source, None))
            ):  # "... attacked police. Two officers died in the attack."
                self._merge_casualties(anchor, casualties, targets, source)
                return casualties != (None, None)
        source, targets, victims = self._filled_roles(
            trigger, kind, sentence, sentence_start, actors, source, targets
        )
        code = self._refined_code(
            trigger, code, kind, sentence, sentence_start, source, targets, co_sources
        )
        code, modality, negated, source, targets = self._code_by_modality(
            trigger, code, kind, reading.before, actors, source, targets, halted, modality, negated
        )
        kind = code.split(".")[0]
        killed, injured = casualties
        if kind not in VIOLENT_OR_PROTEST:  # riots and mob violence kill too
            killed, injured = None, None
        counted = killed is not None or injured is not None
        code, kind = self._code_by_outcome(code, kind, killed, reading.passive, source, targets)
        if self._lacks_parties(trigger, code, kind, sentence, reading, source, targets, counted):
            return False  # an event needs someone doing it, someone suffering it, or victims
        if self._lacks_force(trigger, kind, sentence, cues, source, targets, counted):
            return False
        event_date, precision, date_source, historical = self._event_date(
            trigger, kind, sentence, sentence_start, reading, dates, cues
        )
        place_id, event_place, place_source, country = self._event_place(
            place, sentence_start, sentence, source, targets
        )
        if killed and not targets and kind in VIOLENT_TYPES:
            targets = [Actor(trigger.start, trigger.end, None, None, "CVL", "", True)]
        confidence = self._event_confidence(
            trigger,
            kind,
            code,
            reading,
            source,
            targets,
            event_date,
            counted,
            negated,
            modality,
            triggers,
        )
        linked = self._outcome_of(trigger, kind, source, triggers)
        if linked is not None:
            # "three killed in clashes": the clash that follows gets the count; "police
            # killed five militants in a raid": and the killers and their victims
            if source is not None or targets:
                # ("two soldiers were killed by a roadside bomb": the bomb's victims, and
                # not its doers)
                self._outcome_roles[linked.start] = (source, targets)
            return False
        targets = self._implied_targets(
            trigger, code, kind, sentence_start, reading, place_id, source, targets
        )
        if self._is_outcome(trigger) and kind in VIOLENT_TYPES and not historical:
            # (not a toll told as background: "have killed thousands since 2015")
            anchor = self._recent_violence(sentence_index, dates, modality, same_sentence=True)
            if anchor is not None and not (
                # "Cattle rustlers kill villagers": the doers' own word is no attack to join
                source is not None and source.start <= anchor.start and anchor.end <= source.end
            ):  # "... attacked police. Two officers were killed."
                if reading.word.endswith("ing"):
                    source = None  # "a mine hit an army truck, killing 4": the truck killed none
                self._merge_casualties(anchor, (killed, injured), targets, source)
                return counted
        self._add_event(
            EventRow(
                doc_id=self.doc_id,
                sentence_index=sentence_index,
                start=trigger.start,
                end=trigger.end,
                event_code=code,
                trigger=self.text[trigger.start : trigger.end],
                event_date=event_date,
                date_precision=precision,
                is_historical=historical,
                is_negated=negated,
                modality=modality,
                fatalities=killed,
                injured=injured,
                place_id=event_place,
                date_source=date_source,
                place_source=place_source if event_place else None,
                confidence=round(min(confidence, 1.0), 2),
                source=self._resolve(source, country),
                targets=[self._resolve(t, country) for t in targets],
                co_sources=[self._resolve(c, country) for c in co_sources],
            ),
            together=victims,
        )
        return killed is not None or injured is not None

    def _choose_roles(
        self,
        trigger: Mention,
        code: str,
        kind: str,
        sentence_start: int,
        reading: _Reading,
        actors: list[Actor],
        triggers: list[Mention],
    ) -> tuple[Actor | None, list[Actor], list[Actor]]:
        """Who does the event (its source) and to whom (its targets), from the actors around
        its word and its voice; and the actors after it that may be its object."""
        after = reading.after
        source: Actor | None = None
        targets: list[Actor] = []
        between = re.match(
            r"\s+(?:\w+\s+){0,2}between\s", self.text[trigger.end : trigger.end + 40].lower()
        )
        mediation = code.endswith(".mediate")  # "mediate between X and Y": both are targets
        if between and len(after) >= 2 and not mediation:
            source, targets = after[0], [after[1]]
        elif reading.passive:
            source, targets = self._passive_roles(trigger, reading, actors)
        else:
            subjects = [a for a in reading.before if not self._is_object(a, actors)]
            if reading.nominal:
                source, after = self._nominal_source(
                    trigger, kind, sentence_start, reading, subjects, actors, triggers
                )
            elif subjects and PRONOUN_SUBJECT.search(reading.preceding):
                # "the FPMR, which ..., announced after the U.S. invasion that it would
                # attack": the pronoun is the group the sentence is about, not the nearest name
                source = next(
                    (a for a in subjects if self._is_organization(a) and a.sector in ORGANIZED),
                    prefer_named(subjects, trigger.start),
                )
            elif subjects:
                source = prefer_named(
                    subjects, trigger.start, sentence_start + reading.clause_start
                )
            if reading.nominal and not (mediation and between):
                after = [
                    a
                    for a in after
                    if re.search(
                        r"\b(?:on|against|targeting|at|upon|of|with|in|into|to)\s+(?:the\s+|a\s+|an\s+)?"
                        r"(?:[\w-]+\s+){0,2}$",
                        self.text[trigger.end : a.start].lower(),
                    )
                    or re.fullmatch(r"\s*", self.text[trigger.end : a.start])
                ]
            if source is not None and kind not in VIOLENT_OR_PROTEST:
                # "offered its troops to Lebanon": the source's own forces are what it
                # gives or withdraws, not whom it acts on ("attacked their homes" is not)
                after = [
                    a
                    for a in after
                    if not (a.is_generic and OWN.search(self.text, max(0, a.start - 8), a.start))
                ]
            if code in INTRANSITIVE and not reading.nominal:
                # "resigned on Sunday as the opposition...": no object; "surrendered to the army"
                after = [a for a in after if TO_GAP.fullmatch(self.text[trigger.end : a.start])]
            targets = self._targets(after, actors)
            if reading.nominal and not targets:
                # "Finland will give Tanzania a grant": the object of the verb before it
                objects = [
                    a
                    for a in reading.before
                    if a is not source
                    and (source is None or a.start > source.end)
                    and (verb := [w for w in words_before(self.text, a.start, 2) if w != "the"])
                    and verb[-1] in OBJECT_VERBS  # "gave (the) Ivory Coast ... aid"
                ]
                targets = objects[-1:]
        return source, targets, after

    def _passive_roles(
        self, trigger: Mention, reading: _Reading, actors: list[Actor]
    ) -> tuple[Actor | None, list[Actor]]:
        """A passive's agent ("was attacked by X") is its source, its subject its target."""
        agent = next(
            (
                a
                for a in reading.after
                if BY_BEFORE.search(self.text[trigger.end : a.start].lower())
            ),
            None,
        )
        if (
            agent is None
            and reading.next_verb is not None
            and SHARED_PASSIVE.fullmatch(self.text[trigger.end : reading.next_verb.start])
        ):
            # "was beaten to death and set on fire by residents": the two verbs share
            # their agent
            agent = next(
                (
                    a
                    for a in reading.in_clause
                    if a.start >= reading.next_verb.end
                    and BY_NEXT.fullmatch(self.text[reading.next_verb.end : a.start].lower())
                ),
                None,
            )
        subjects = [a for a in reading.before if not self._is_object(a, actors)]
        targets = subjects[-1:] if subjects else []
        if len(subjects) > 1 and BEING_AFTER.search(reading.preceding):
            # "soldiers killed three militants after being ambushed": the clause's
            # subject was ambushed, not the object before the participle
            targets = subjects[:1]
        return agent, targets

    def _nominal_source(
        self,
        trigger: Mention,
        kind: str,
        sentence_start: int,
        reading: _Reading,
        subjects: list[Actor],
        actors: list[Actor],
        triggers: list[Mention],
    ) -> tuple[Actor | None, list[Actor]]:
        """Whose act an event noun is: its "by" agent, its possessor, the name before it, or
        the clause's subject; and the actors after it less its agent."""
        source: Actor | None = None
        after = reading.after
        agent = next(
            (a for a in after if NOMINAL_AGENT.match(self.text[trigger.end : a.start].lower())),
            None,
        )
        possessive = [  # "the ELN's attack", "the armed forces' counteroffensive"
            a
            for a in reading.before
            if re.fullmatch(r"['’]s\s+(?:[\w-]+\s+){0,2}", self.text[a.end : trigger.start].lower())
            or (
                a.surface.endswith("s")
                and re.fullmatch(r"['’]\s+(?:[\w-]+\s+){0,2}", self.text[a.end : trigger.start])
            )
        ]
        adjacent = [
            a
            for a in reading.before
            if re.fullmatch(r"\s+(?:[\w-]+\s+){0,1}", self.text[a.end : trigger.start])
            and not re.match(r"\s+(?:a|an|the)\s", self.text[a.end : trigger.start])
        ]
        if agent is not None:
            source = agent
            after = [a for a in after if a is not agent]
        elif possessive:
            source = possessive[-1]
        elif (
            adjacent
            and not self._is_object(adjacent[-1], actors)
            and not (
                adjacent[-1].is_generic
                and named_subject(subjects, trigger.start, sentence_start + reading.clause_start)
            )
        ):
            source = adjacent[-1]
        elif (
            adjacent
            and self.text[adjacent[-1].end : trigger.start].isspace()
            and self._is_organization(adjacent[-1])
        ):
            source = adjacent[-1]  # "in the midst of an ELN offensive": its author
        elif subjects and not (
            (kind in VIOLENT_TYPES and self._is_reacted_to(trigger, triggers))
            or self._is_protested(trigger, triggers)
        ):
            source = prefer_named(subjects, trigger.start, sentence_start + reading.clause_start)
        return source, after

    def _suffering_subject(
        self,
        trigger: Mention,
        kind: str,
        reading: _Reading,
        source: Actor | None,
        targets: list[Actor],
        after: list[Actor],
    ) -> tuple[Actor | None, list[Actor]]:
        """A subject that died, or was killed in a reduced passive ("two officers killed in
        an ambush"), is the event's victim, not its doer."""
        if source is not None and reading.word in DYING_WORDS:
            targets, source = targets or [source], None  # "four officers died": victims
        elif (
            source is not None
            and (not targets or targets[0] is self._by_agent(trigger, after))
            and not reading.nominal
            and not reading.passive
            and reading.word in SUFFERED_WORDS
            and VICTIM_TAIL.match(self.text[trigger.end : trigger.end + 30].lower())
            and not re.search(r"\b(?:has|have|had)\s+$", reading.preceding)
        ):
            # "two police officers killed in an ambush", "... killed by police in Nairobi",
            # "a land agent killed at his home by unknown armed men"
            targets, source = [source], self._by_agent(trigger, after)
        elif (
            source is not None
            and reading.nominal
            and (kind == "ASSAULT" or (kind in VIOLENT_TYPES and not targets))
            and SUFFERED_IN.fullmatch(self.text[source.end : trigger.start].lower())
        ):
            targets, source = targets or [source], None  # "two officers killed in an ambush"
        return source, targets

    def _co_sources(
        self, kind: str, source: Actor | None, targets: list[Actor], before: list[Actor]
    ) -> tuple[list[Actor], list[Actor]]:
        """The actors coordinated with the source ("Israel and Lebanon"), and the targets
        less the source and them."""
        co_sources = self._coordinated(source, before) if source is not None else []
        if source is not None:
            targets = [t for t in targets if t.actor_id != source.actor_id or t.actor_id is None]
            targets = [t for t in targets if all(t.actor_id != c.actor_id for c in co_sources)]
            if co_sources and kind in ("CONSULT", "AGREE", "COOPERATE", "REJECT"):
                # "Israel and Lebanon renewed talks on an Israeli pullback": what two sides do
                # together is not done to either of them
                sides = {a.country_code for a in (source, *co_sources)} - {None}
                targets = [t for t in targets if t.country_code not in sides]
        return co_sources, targets

    def _event_modality(
        self,
        trigger: Mention,
        kind: str,
        sentence: str,
        sentence_start: int,
        reading: _Reading,
        cues: list[Mention],
        triggers: list[Mention],
    ) -> tuple[bool, str, bool]:
        """Whether the event is negated, its modality, and whether it is halted, from the
        cues in its scope (its clause, after the event word before it) and the verb that
        governs it."""
        previous = [t.end - sentence_start for t in triggers if t.end <= trigger.start]
        scope_start = max([reading.clause_start, *previous])
        negated, modality, halted = self._modality(
            sentence,
            reading.offset,
            scope_start,
            cues,
            sentence_start,
            reading.before,
            kind in VIOLENT_OR_PROTEST,
        )
        cut = self._cut_by(trigger, cues) if kind in COOPERATIVE_TYPES else None
        if cut is not None:
            # "suspended military aid" (the cutting word is a trigger of its own), "cancelled
            # a planned visit" (a cancelled cooperation is a sanction, not a negated one)
            halted = True
            if self.text[cut.start : cut.end].lower() in CANCELLATIONS:
                negated = False
        governing = [
            t
            for t in triggers
            if t.start < trigger.start
            and (t.ref.split(".")[0] in COMPLEMENT_TYPES or t.ref == "COERCE.ban")
            and t.start - sentence_start >= reading.clause_start
        ]
        if modality == "asserted" and any(self._governs(g, trigger.start) for g in governing):
            modality = "hypothetical"  # "urged the union to return to talks"
        return negated, modality, halted

    def _refers_back(
        self,
        kind: str,
        reading: _Reading,
        targets: list[Actor],
        dates: _SentenceDates,
        casualties: tuple[int | None, int | None],
    ) -> bool:
        """True when an event noun with nothing of its own is a reference to an event already
        coded: "the attack", "such warnings"."""
        return bool(
            reading.nominal
            and not targets
            and not dates.get()
            and casualties == (None, None)
            and re.search(
                r"(?:\b(?:the|such|this|that|these|those)\b[^.,;]{0,40}|['’]s\s+(?:[\w-]+\s+)?)$",
                reading.preceding,
            )
            and any(e.event_code.split(".")[0] == kind for e in self.events)
        )

    def _suffered_attack(
        self,
        trigger: Mention,
        kind: str,
        reading: _Reading,
        source: Actor | None,
        targets: list[Actor],
        actors: list[Actor],
    ) -> tuple[Actor | None, list[Actor]]:
        """A subject that died or was hurt in an attack named after it suffered the attack;
        whoever held it in custody did it."""
        if (
            reading.nominal
            and kind == "ASSAULT"  # (not a side of a fight: "died in a shootout with police")
            and source is not None
            and source.end <= trigger.start
            and VICTIM_BEFORE.fullmatch(self.text[source.end : trigger.start].lower())
        ):
            # "a prisoner died as a result of torture", "two men were killed in an ambush":
            # the subject suffered the attack
            targets, source = [source, *targets], None
            keeper = next(
                (
                    a
                    for a in actors
                    if a.start > trigger.end and CUSTODY_AFTER.match(self.text, a.end)
                ),
                None,
            )
            if keeper is not None:  # "... while in Israeli police custody": its doer
                source, targets = keeper, [t for t in targets if t is not keeper]
        return source, targets

    def _filled_roles(
        self,
        trigger: Mention,
        kind: str,
        sentence: str,
        sentence_start: int,
        actors: list[Actor],
        source: Actor | None,
        targets: list[Actor],
    ) -> tuple[Actor | None, list[Actor], bool]:
        """The roles a killing told as the event's outcome gave it; a violent event's victims
        named elsewhere in the sentence (and whether they were), and its doer named by "by"
        after it."""
        roles = self._outcome_roles.pop(trigger.start, None)
        if roles is not None:
            # (the told doer of the attack itself stays: "killed in an ambush by bandits")
            agent = source if source is not None and source.start > trigger.end else None
            told = [t for t in roles[1] if agent is None or t.start != agent.start]
            source, targets = roles[0] or agent, told or targets
        victims = not targets and kind in VIOLENT_TYPES
        if victims:
            targets = self._victims(sentence, sentence_start, actors, source)
        if source is None and kind in VIOLENT_TYPES:
            # "3 killed by police", "5 raiders killed (in the north) by police": the doer
            source = next(
                (
                    a
                    for a in actors
                    if 0 <= a.start - trigger.end <= 45
                    and a not in targets
                    and BY_DOER.fullmatch(self.text[trigger.end : a.start])
                ),
                None,
            )
        return source, targets, victims

    def _refined_code(
        self,
        trigger: Mention,
        code: str,
        kind: str,
        sentence: str,
        sentence_start: int,
        source: Actor | None,
        targets: list[Actor],
        co_sources: list[Actor],
    ) -> str:
        """The event code refined by what is taken (ground) and by its context (weapons,
        the sides' sectors, crowds: ``acled.py``)."""
        if (
            kind in ("COERCE", "FIGHT")
            and self.text[trigger.start : trigger.end].lower() in CAPTURE_WORDS
            and source is not None
            and force_sector(source) in ORGANIZED
            and self._takes_ground(trigger)
        ):
            code = self._code_taken_ground(source, sentence[trigger.end - sentence_start :])
        return self._refine(
            code,
            source,
            targets,
            sentence,
            co_sources,
            self.text[trigger.start : trigger.end],
            trigger.end - sentence_start,
        )

    def _code_by_modality(
        self,
        trigger: Mention,
        code: str,
        kind: str,
        before: list[Actor],
        actors: list[Actor],
        source: Actor | None,
        targets: list[Actor],
        halted: bool,
        modality: str,
        negated: bool,
    ) -> tuple[str, str, bool, Actor | None, list[Actor]]:
        """An event its modality makes another: halted cooperation a sanction, an obligation
        someone states a demand, a stated intention an offer, a threat or a refusal (the
        code, modality, negation, source and targets after them)."""
        if halted and kind in COOPERATIVE_TYPES:
            # "halted economic aid", "suspended air links": cutting cooperation is a sanction
            code = (
                "SANCTION.aid"
                if kind == "AID" and self.lex.has_code("SANCTION.aid")
                else ("SANCTION.halt" if self.lex.has_code("SANCTION.halt") else "SANCTION")
            )
        elif (
            modality == "obligation"
            and source is not None
            and (kind != "REQUEST" or trigger.sub == DEMANDED)
        ):
            # "Iraq must cooperate with inspectors", said by someone: a demand made of Iraq
            speaker = next(
                (
                    a
                    for a in reversed(before)
                    if a is not source
                    and a.end <= source.start
                    and not self._is_object(a, actors)
                    and WORD.search(self.text, a.end, source.start)  # not "President" Kagame
                ),
                None,
            )
            if self.lex.has_code("REQUEST"):
                code, modality, targets, source = "REQUEST", "asserted", [source], speaker
        elif modality == "future" and negated and kind == "AGREE" and self.lex.has_code("REJECT"):
            code, modality, negated = "REJECT", "asserted", False  # "will not accept"
        elif modality == "future" and source is not None and kind not in SPEECH_TYPES - {"SUPPORT"}:
            # PLOVER: a stated intention is itself an event: an offer ("will support"), a
            # threat (of force, sanctions, a boycott or a strike), or (negated, "will not
            # accept") a refusal
            wanted = "REJECT" if negated else "THREATEN" if kind in THREAT_TYPES else "AGREE"
            if self.lex.has_code(wanted):
                code, modality, negated = wanted, "asserted", False
        return code, modality, negated, source, targets

    def _code_by_outcome(
        self,
        code: str,
        kind: str,
        killed: int | None,
        passive: re.Match[str] | bool | None,
        source: Actor | None,
        targets: list[Actor],
    ) -> tuple[str, str]:
        """An act against property or people its outcome or victims make an attack: the
        abducted found dead, a fire that killed, people seized by others than the state
        (the code and its kind after them)."""
        if code == "ASSAULT.abduction" and self._doc_matches(VICTIM_DEAD):
            code = "ASSAULT.kill" if self.lex.has_code("ASSAULT.kill") else "ASSAULT"
            # abducted and later found dead: an attack, not a disappearance (ACLED)
        if kind == "COERCE" and code.split(".")[-1] in ("destroy", "loot") and killed:
            code, kind = "ASSAULT", "ASSAULT"  # "set the house on fire, killing four"
        elif (
            code == "COERCE.seize"
            and passive  # "two aid workers were seized by gunmen" (not "seized their land")
            and targets
            and all(t.sector not in (None, "BUS", "GOV", "STATE") for t in targets)
            and force_sector(source) not in STATE_ARMED | {"STATE", "GOV", "JUD"}
            and self.lex.has_code("ASSAULT.abduction")
        ):
            # "two aid workers were seized by gunmen": people taken by others than the
            # state are abducted (the state's seizing people is an arrest)
            code, kind = "ASSAULT.abduction", "ASSAULT"
        elif (
            code == "COERCE.destroy"
            and passive
            and targets
            and all(t.is_generic and t.sector not in ("GOV", "BUS", "EDU") for t in targets)
            and self.lex.has_code("ASSAULT")
        ):
            code, kind = "ASSAULT", "ASSAULT"  # "four suspects were set on fire": people
        return code, kind

    def _lacks_parties(
        self,
        trigger: Mention,
        code: str,
        kind: str,
        sentence: str,
        reading: _Reading,
        source: Actor | None,
        targets: list[Actor],
        counted: bool,
    ) -> bool:
        """True when no one does the event, no one suffers it and no victims are counted."""
        return bool(
            source is None
            and not targets
            and not counted
            and not (kind in VIOLENT_OR_PROTEST and not trigger.sub.endswith("!"))
            # "a herder was shot in the leg", "one aid worker was beaten": the subject of a
            # passive attack is its victim, even one the dictionaries do not know
            and not (
                (kind == "ASSAULT" or code in ("COERCE.destroy", "COERCE.loot"))
                and not self.is_off_topic
                and (
                    (
                        reading.passive
                        and reading.passive.group().split()[0]
                        in ("was", "were", "is", "are", "been")
                    )
                    # a headline's reduced passive: "4 vehicles burnt in the violence"
                    or (
                        reading.offset > 0
                        and REDUCED_PASSIVE.match(self.text, trigger.end)
                        and PLURAL_BEFORE.search(sentence[: reading.offset])
                        and reading.word.endswith(("ed", "nt"))
                    )
                )
            )
        )

    def _lacks_force(
        self,
        trigger: Mention,
        kind: str,
        sentence: str,
        cues: list[Mention],
        source: Actor | None,
        targets: list[Actor],
        counted: bool,
    ) -> bool:
        """True when a word that tells violence or a show of force only with armed men, a
        weapon, ground taken or a crowd has none of them."""
        armed = any(
            a is not None and a.sector in (ORGANIZED if self.is_off_topic else ARMED_OR_PROTESTERS)
            for a in [source, *targets]
        )
        accident = any(c.ref == "accident" for c in cues)
        if kind in VIOLENT_TYPES and not armed and (self.is_off_topic or accident):
            return True  # "Arsenal beat Chelsea", "killed in a crash": no armed actor
        if self.text[trigger.start : trigger.start + 8].lower() == "neutrali" and not (
            counted or any(t.sector in ARMED_SECTORS | ARMED_NONSTATE for t in targets)
        ):
            return True  # "neutralised five terrorists", not a bomb, a threat or an effect
        if (
            self.text[trigger.start : trigger.end].lower() in ARMED_ONLY_WORDS
            and not (source is not None and source.sector in ARMED_SECTORS)
            and self._weapon(sentence.lower()) is None
        ):
            return True  # "struck a deal", "was struck by a car": no armed doer, no weapon
        if (
            trigger.sub.endswith("!")
            and (trigger.ref in ARMED_MOVES or trigger.ref.split(".")[0] in ARMED_MOVES)
            and not any(a is not None and a.sector in ARMED_SECTORS for a in [source, *targets])
        ):
            return True  # "the bank took over its rival", "the singer was spotted": no force
        if (
            trigger.ref == "COERCE.occupy"
            and trigger.sub.endswith("!")
            and not TAKEN_GROUND.match(self.text, trigger.end)
        ):
            return True  # "took over regulation of the sector": no ground is taken
        if (
            kind == "PROTEST"
            and trigger.sub.endswith("!")
            and CROWD_ACTS.match(self.text, trigger.start, trigger.end)
            and (source is None or source.sector not in CROWD_SECTORS - {"BUS"} | {"OPP"})
        ):
            return True  # "police chased the suspects", "the strike disrupted flights"
        # "engaged in talks", "engaged the crowd": armed men on both sides only
        return bool(
            trigger.ref.startswith("FIGHT")
            and trigger.sub.endswith("!")
            and ENGAGE.match(self.text, trigger.start, trigger.end)
            and not (
                source is not None
                and source.sector in ARMED_SECTORS
                and any(t.sector in ARMED_SECTORS for t in targets)
            )
        )

    def _event_date(
        self,
        trigger: Mention,
        kind: str,
        sentence: str,
        sentence_start: int,
        reading: _Reading,
        dates: _SentenceDates,
        cues: list[Mention],
    ) -> tuple[date | None, str | None, str | None, bool]:
        """The event's date, its precision and where it came from (the text or the report's
        own date), and whether the event is background history."""
        grievance = (
            self._grievance_span(sentence, sentence_start, trigger) if kind == "PROTEST" else None
        )
        found = dates.get()
        # (only a date of the sentence can be an earlier event's)
        earlier = _earlier_event_span(sentence, trigger.end - sentence_start) if found else None
        date_mention = self._date_for(found, reading.offset, grievance, earlier)
        event_date = date_mention.value if date_mention else None
        precision = date_mention.precision if date_mention and date_mention.value else None
        date_source = "text" if event_date is not None else None
        if (
            event_date is None
            and self.published_at is not None
            and not self._doc_has_dates(sentence_start, (grievance, earlier))
        ):
            # The report tells no time for it (at most the time of what it followed): the
            # event is dated to the report, and says so.
            filed = self._filed_at() or self.published_at
            event_date, precision, date_source = filed.date(), "day", "publication"
        historical = self._is_historical(
            event_date,
            cues,
            sentence_start,
            reading.clause_start,
            reading.offset,
            own_date=date_mention is not None and date_mention in found,
        )
        return event_date, precision, date_source, historical

    def _event_confidence(
        self,
        trigger: Mention,
        kind: str,
        code: str,
        reading: _Reading,
        source: Actor | None,
        targets: list[Actor],
        event_date: date | None,
        counted: bool,
        negated: bool,
        modality: str,
        triggers: list[Mention],
    ) -> float:
        """How sure the event is, and how much it is the sentence's news: what it tells
        (doer, target, date, toll, a sure word, what it governs) less what makes it another
        event's detail or not a fact."""
        confidence = (
            0.4
            + 0.15 * (source is not None)
            + 0.15 * bool(targets)
            + 0.1 * (event_date is not None)
            + 0.1 * counted
            + 0.1 * (not trigger.sub.endswith("!"))
            + 0.15
            * (
                kind in COMPLEMENT_TYPES
                and any(self._governs(trigger, t.start) for t in triggers if t.start > trigger.end)
            )
            + 0.15
            * (
                kind == "PROTEST"
                and any(
                    self._is_grievance(trigger, t.start) for t in triggers if t.start > trigger.end
                )
            )
        )
        if (
            kind == "COERCE"
            and code.split(".")[-1] in ("destroy", "loot")
            and any(
                t.ref.split(".")[0] in ("ASSAULT", "FIGHT") and t is not trigger for t in triggers
            )
        ):
            confidence *= 0.8  # "attacked the village and stole cattle": the attack is the news
        if kind in VIOLENT_TYPES and any(
            self._is_grievance(t, trigger.start)
            for t in triggers
            if t.end <= trigger.start and t.ref.startswith("PROTEST")
        ):
            confidence *= 0.8  # "protested the killing of...": the protest is the news
        elif kind in VIOLENT_TYPES and reading.nominal and self._is_reacted_to(trigger, triggers):
            confidence *= 0.8  # "condemned the bombing", "expelled diplomats over the murder"
        elif reading.nominal and kind != "PROTEST" and self._is_protested(trigger, triggers):
            confidence *= 0.8  # "protested against the seizure of their land"
        if kind in ("ASSAULT", "FIGHT") and PURPOSE_OBJECT.search(
            self.text[max(0, trigger.start - 60) : trigger.start].lower()
        ):
            confidence *= 0.6  # "deployed troops to quell the violence": the deployment
        if negated or modality != "asserted":
            confidence *= 0.7
        return confidence

    def _outcome_of(
        self,
        trigger: Mention,
        kind: str,
        source: Actor | None,
        triggers: list[Mention],
    ) -> Mention | None:
        """The attack or clash after an outcome word that the outcome belongs to ("three
        killed in clashes"): when no one is named doing the killing, or the attack is one
        that took place."""
        linked = (
            next(
                (
                    t
                    for t in triggers
                    if t.start > trigger.end
                    and not self._is_outcome(t)
                    and t.ref.split(".")[0] in VIOLENT_OR_PROTEST
                    and OUTCOME_LINK.fullmatch(self.text[trigger.end : t.start].lower())
                ),
                None,
            )
            if self._is_outcome(trigger) and kind in VIOLENT_TYPES
            else None
        )
        if linked is not None and (
            source is None
            or (
                linked.ref.split(".")[0] in ("ASSAULT", "FIGHT")
                and not re.search(
                    r"\b(?:attempted|foiled|planned)\s+$",
                    self.text[max(0, linked.start - 12) : linked.start].lower(),
                )
            )
        ):
            return linked
        return None

    def _implied_targets(
        self,
        trigger: Mention,
        code: str,
        kind: str,
        sentence_start: int,
        reading: _Reading,
        place_id: str | None,
        source: Actor | None,
        targets: list[Actor],
    ) -> list[Actor]:
        """Targets the event's words imply when none follow it: the state it happens in,
        what a protest is against, whose call an answer takes up; and for a complaint to
        someone, the accused, not the addressee."""
        if (
            not targets
            and source is not None
            and place_id is not None
            and kind != "PROTEST"
            and code not in INTRANSITIVE
        ):
            targets = self._host(trigger, sentence_start + reading.clause_end, place_id)
        elif not targets and kind == "PROTEST":
            targets = self._protested(trigger, reading.in_clause, source)
        elif (
            kind == "ACCUSE"
            and targets
            and ADDRESSEE.search(self.text[trigger.start : targets[0].start].lower())
        ):  # "complained to the UN over Israeli raids": the accused, not the addressee
            accused = next(
                (
                    a
                    for a in reading.in_clause
                    if a.start > targets[0].end
                    and ACCUSED_GAP.search(self.text[targets[0].end : a.start].lower())
                ),
                None,
            )
            if accused is not None:
                targets = [accused]
        if not targets and kind in ANSWER_TYPES and trigger.sub.startswith("verb"):
            targets = self._author(trigger, reading.in_clause, source)
        return targets

    def _read(
        self,
        trigger: Mention,
        kind: str,
        sentence_start: int,
        sentence: str,
        actors: list[Actor],
        triggers: list[Mention],
    ) -> _Reading:
        """How the event word reads in its sentence: its clause, the actors around it and
        its voice."""
        offset = trigger.start - sentence_start
        if self._breaks[0] != sentence_start:  # a sentence's breaks, found once
            self._breaks = (
                sentence_start,
                [match.span() for match in CLAUSE_BREAK.finditer(sentence)],
            )
        clause_start, clause_end = _clause_bounds(sentence, offset, self._breaks[1])
        before = [a for a in actors if a.end <= trigger.start]
        after = [
            a for a in actors if a.start >= trigger.end and a.start - sentence_start < clause_end
        ]
        next_verb = next(
            (t for t in triggers if t.start > trigger.start and t.sub.startswith("verb")), None
        )
        in_clause = after
        if next_verb is not None:
            after = [a for a in after if a.start < next_verb.start]
        word = self.text[trigger.start : trigger.end].lower()
        preceding = self.text[max(0, trigger.start - 30) : trigger.start].lower()
        passive_aux = PASSIVE_AUX.search(
            self.text[max(0, trigger.start - 40) : trigger.start].lower()
        )
        nominal = (
            trigger.sub.startswith("noun")
            or (bool(NOMINAL_BEFORE.search(preceding)) and not passive_aux)  # "were on 04/02 burnt"
            # a title's first word: "Attack on a village by raiders", "Raid against herders"
            or (
                offset == 0
                and self.text[trigger.start].isupper()
                and bool(
                    re.match(r"\s+(?:on|against|by)\b", self.text[trigger.end : trigger.end + 9])
                )
            )
        )
        passive = (
            (
                not nominal
                # "is suing", "is refusing": a progressive, not a passive (the violent and
                # protest rules keep their older reading, which the ACLED scores were tuned on)
                and not (kind not in VIOLENT_OR_PROTEST and word.endswith("ing"))
                # "is opposed to", "is committed to": a stance, not a passive (which takes "by")
                and not (
                    kind in ("REJECT", "AGREE")
                    and re.match(r"\s+to\b", self.text[trigger.end : trigger.end + 4])
                )
                and passive_aux
            )
            or (
                # "a man accused of witchcraft": accused, by no one named (an active "accused"
                # takes its object before "of")
                kind == "ACCUSE"
                and not nominal
                and re.match(r"\s+of\b", self.text[trigger.end : trigger.end + 4]) is not None
                and word == "accused"
            )
        )
        return _Reading(
            offset,
            clause_start,
            clause_end,
            before,
            in_clause,
            after,
            next_verb,
            word,
            preceding,
            nominal,
            passive,
        )

    def _other_sense(
        self, trigger: Mention, kind: str, cues: list[Mention], triggers: list[Mention]
    ) -> bool:
        """True when the event word is used in another sense than its event's."""
        if kind == "COERCE" and self._cuts_cooperation(trigger, triggers, cues):
            return True  # "suspended military aid": the aid cut is the event (a SANCTION)
        if self._is_month(trigger):
            return True  # "On March 19th": the month, not a march
        if self.text[trigger.start : trigger.end].lower() in ("wounded", "injured") and (
            words_before(self.text, trigger.start, 1) in (["the"], ["their"], ["its"])
        ):
            return True  # "evacuated the wounded", "the injured were taken": people
        if kind in VIOLENT_TYPES and self._is_figurative(trigger, cues):
            return True  # "shot wide", "slashed 2,000 jobs": no violence
        # "Madrid beat Sevilla 3-1": a game
        return kind in VIOLENT_TYPES and SCORE_AFTER.match(self.text, trigger.end) is not None

    def _takes_ground(self, trigger: Mention) -> bool:
        """True when what the verb takes is ground: a place word or a named place."""
        if GROUND_TAKEN.match(self.text, trigger.end):
            return True
        after = GROUND_GAP.match(self.text, trigger.end)
        return after is not None and any(p.start == after.end() for p in self.sentence_places)

    def _code_taken_ground(self, source: Actor, after: str) -> str:
        """ACLED: ground taken by fighting is a battle won by the state ("Government regains
        territory") or by others ("Non-state actor overtakes territory"); ground left to
        the taker ("after the troops withdrew") changes hands without one."""
        if UNOPPOSED.search(after.lower()):
            wanted = "COERCE.occupy"
        elif force_sector(source) in STATE_ARMED | {"STATE"}:
            wanted = "FIGHT.regain"
        else:
            wanted = "FIGHT.overtake"
        return wanted if self.lex.has_code(wanted) else "FIGHT"

    def _author(
        self, trigger: Mention, in_clause: list[Actor], source: Actor | None
    ) -> list[Actor]:
        """Whose call, offer or demand a verb of answering or demanding takes up, when it has
        no direct object actor: "rejected calls by Belarus", "accepted demands from the
        rebels", "dismissed an appeal from the president"."""
        for actor in in_clause:
            if AUTHOR_GAP.fullmatch(self.text[trigger.end : actor.start].lower()) is None:
                continue
            if source is not None and actor.actor_id == source.actor_id is not None:
                return []
            return [actor]
        return []

    def _recent_violence(
        self,
        sentence_index: int,
        dates: _SentenceDates,
        modality: str = "asserted",
        same_sentence: bool = False,
    ) -> EventRow | None:
        """The violent event of the last two sentences a follow-up refers to."""
        if not same_sentence and any(d.value for d in dates.get()):
            return None  # a dated sentence tells an event of its own
        nearest = 0 if same_sentence else 1
        return next(
            (
                e
                for e in reversed(self.events)
                if e.event_code.split(".")[0] in VIOLENT_OR_PROTEST
                and nearest <= sentence_index - e.sentence_index <= 2
                and e.trigger.lower() not in OUTCOME_WORDS
                and not e.is_negated
                and e.modality == modality
            ),
            None,
        )

    def _in_title(self, trigger: Mention, sentence_start: int) -> bool:
        """A trigger inside a run of title-case words in running text is part of a name or a
        title, not an event: "How To Dismantle An Atomic Bomb", "Assault On Precinct 13",
        "World War II". (Title-case lines are headlines, skipped as a whole.)"""
        word = self.text[trigger.start : trigger.end]
        if trigger.start <= sentence_start or not word.split()[0].istitle():
            return False
        before = words_before(self.text, trigger.start, 1)
        after = re.match(r"[\s-]+([\w'’]+)", self.text[trigger.end : trigger.end + 40])
        previous = self.text[max(sentence_start, trigger.start - 40) : trigger.start].split()
        return bool(
            (before and previous and previous[-1].istitle() and previous[-1][-1].isalnum())
            or (after and after.group(1).istitle())
        )

    def finish(self) -> None:
        """Events told before the report names its place take the place named after them
        ("A police officer was shot. The attack took place in Kenyenya (Kisii)."); a date
        after the report's own, for an event told as done, is not a date to trust."""
        published = self.published_at.date() if self.published_at else None
        for event in self.events:
            if (
                published is not None
                and event.event_date is not None
                and event.event_date > published
                and event.modality == "asserted"
                and not event.is_negated
            ):
                event.event_date = event.date_precision = event.date_source = None
            # a country is a place to refine: "... into Kenya. Mandera is on the border."
            is_country = (event.place_id or "").endswith(":country")
            if self._refine_region(event):
                continue
            if event.place_source not in (None, "publisher") and not is_country:
                continue
            country = self.lex.place_info.get(event.place_id or "", (None,))[0]
            if is_country and self._place_where(event.place_id.__eq__) is None:
                # a country no sentence names as a place is a guess from the actors' ("Police
                # held two Tanzanians. The arrests were made in Kisumu."): any place beats it
                country = None
            fits = partial(_in_country, self.lex.place_info, country, is_country)
            later = self._place_where(fits, after=event.sentence_index, told=True)
            if later is None and is_country:
                later = self._place_where(fits, before=event.sentence_index, told=True)
            if later is None and self._is_dateline_country(event):
                later = self.dateline_place  # the town the story is filed from
            if later is not None:
                event.place_id, event.place_source = later, "document"
                country = self.lex.place_info[later][0]
                for actor in [event.source, *event.targets, *event.co_sources]:
                    if actor is not None and actor.is_generic and actor.country_code is None:
                        actor.country_code = country  # "unknown gunmen" of that country
                        actor.actor_id = f"{country}.{actor.sector}"
        self._date_from_later_text()
        self._drop_restated_counts()
        self._rank_aftermath()
        self._rank_property()
        self._rank_clash_outcomes()
        self._rank_heading()

    def _code_claim(
        self,
        sentence_index: int,
        sentence_start: int,
        sentence: str,
        actors: list[Actor],
        claim: Mention,
        dates: _SentenceDates,
        place: _SentencePlace,
        killed: int | None,
        injured: int | None,
        triggers: list[Mention],
    ) -> None:
        place_id = place.chosen(self)
        claimants = [a for a in actors if a.end <= claim.start]
        claimant = claimants[-1] if claimants else None
        date_mention = found[0] if (found := dates.get()) else None
        attack = self._claimed_attack(
            place_id, date_mention.value if date_mention is not None else None
        )
        if attack is None:
            # the claimed attack is told in this sentence ("claimed the kidnapping of..."),
            # or not at all: code it here, with the claimant as its author
            violent = [t for t in triggers if t.start > claim.start] or triggers
            before = len(self.events)
            if violent:  # a claim with no event word at all codes nothing of its own
                self._code_trigger(
                    sentence_index,
                    sentence_start,
                    sentence,
                    violent[0],
                    actors,
                    [],
                    dates,
                    place,
                    (killed, injured),
                    [],
                )
            if len(self.events) > before:
                attack = self.events[-1]
            else:  # told before and skipped as a reference: the last violent event it is
                attack = next(
                    (
                        e
                        for e in reversed(self.events)
                        if e.event_code.split(".")[0] in VIOLENT_TYPES
                    ),
                    None,
                )
            if attack is None:
                return
            if claimant is not None and attack.source is None:
                attack.source = claimant
        if claimant is not None and all(c.actor_id != claimant.actor_id for c in attack.claimants):
            attack.claimants.append(claimant)
        if attack.source is None and claimant is not None:
            attack.source = claimant
        if (
            date_mention is not None
            and date_mention.value is not None
            and attack.event_date is None
        ):
            attack.event_date = date_mention.value
            attack.date_precision = date_mention.precision
            attack.date_source = "text"
        if place_id is not None and attack.place_id is None:
            attack.place_id, attack.place_source = place_id, "sentence"
        # counts told in a claim ("saying its fighters killed four") are the claimant's,
        # not a report: they do not change the attack's figures

    def _claimed_attack(self, place_id: str | None, claim_date: date | None) -> EventRow | None:
        """The attack or clash told as done, already coded, that a claim of responsibility
        is about: the last at the claim's place, else on its date, else one of them with
        no date."""
        attack = None
        candidates = [
            e
            for e in reversed(self.events)
            if e.event_code.split(".")[0] in ("ASSAULT", "FIGHT")
            and e.modality == "asserted"
            and not e.is_negated
        ]
        for test in (
            lambda e: place_id is not None and e.place_id == place_id,
            lambda e: claim_date is not None and e.event_date == claim_date,
            lambda e: claim_date is None or e.event_date is None,
        ):
            attack = next((e for e in candidates if test(e)), None)
            if attack is not None:
                break
        return attack


# "... in revenge for two herders killed on 20/12", "after a boy was run over on Monday":
# an earlier event the sentence's event followed, told with its own date
EARLIER_EVENT = re.compile(
    r"\b(?:following|after|(?:in\s+)?(?:revenge|retaliation)(?:\s+attacks?)?\s+(?:for|over)|"
    r"in\s+(?:response|reaction)\s+to|in\s+connection\s+with|"
    r"(?:the|a|an)\s+(?:murder|killing|death|shooting|lynching|abduction|kidnapping)\s+of|"
    # past perfect: "youths who had heckled the governor on 8/9"
    r"(?:who|which|that)\s+had\s+(?:been\s+)?[a-z]+ed)\s"
)
# "... over the investigation into a murder, which occurred on 7/2": a clause about the
# event named just before it, when that is another event than the one being coded
EARLIER_RELATIVE = re.compile(
    r"\b(?:which|that)\s+(?:occurred|happened|took\s+place|began|started)\s"
)
EARLIER_EVENT_WORD = re.compile(
    r"\b(?:kill\w*|murder\w*|deaths?|died|attack\w*|shot|shooting|lynch\w*|knocked|"
    r"heckl\w*|arrest\w*|abduct\w*|kidnap\w*|raid\w*|bomb\w*|blast|explosion|clash\w*|"
    r"fighting|hostilities|assault\w*|stabb\w*|torched|burn\w*|elections?|polls?|ruling|"
    r"verdict)\b"
)


REVENGE_REACH = 20  # how far "revenge attack for" may begin before the event word ends
REVENGE = ("revenge", "retaliation", "in revenge", "in retaliation")


def _earlier_event_span(sentence: str, after: int) -> tuple[int, int] | None:
    """Where, after the event word ending at ``after``, the sentence tells an earlier event
    that this one followed: from "following", "after", "in revenge for" to the end of
    that clause, when the clause tells an act (a killing, an attack, an arrest)."""
    lowered = sentence.lower()
    # from just before the event word's end: "a revenge attack for ..." is the attack's
    match = EARLIER_EVENT.search(lowered, max(0, after - REVENGE_REACH))
    if match is not None and match.start() < after and not match.group().startswith(REVENGE):
        match = EARLIER_EVENT.search(lowered, after)
    relative = EARLIER_RELATIVE.search(lowered, after)
    if relative is not None and (match is None or relative.start() < match.start()):
        if EARLIER_EVENT_WORD.search(lowered, after, relative.start()) is None:
            return None  # "an attack, which occurred on 7/2": the event's own date
        stop = CLAUSE_STOP.search(lowered, relative.end())
        return relative.start(), stop.start() if stop else len(sentence)
    if match is None:
        return None
    stop = CLAUSE_STOP.search(lowered, match.end())
    end = stop.start() if stop else len(sentence)
    if EARLIER_EVENT_WORD.search(lowered, match.start(), end) is None:
        return None
    return match.start(), end


OUTCOME_LINK = re.compile(  # "killed in clashes", "died during the attack on ..."
    r"\s+(?:(?:at\s+least|more\s+than|as\s+many\s+as|about|around|some|nearly)\s+)?"
    r"(?:[\w-]+\s+){0,2}(?:in|during|after|following|amid|when|by|from|of|due\s+to|"
    r"as\s+a\s+result\s+of)\s+(?:[\w-]+\s+){0,3}"
)
ANAPHORIC = re.compile(  # searched in the lower-cased 30 characters before a nominal trigger
    r"\b(?:the|this|that|these|those|such|ensuing|subsequent)\s+(?:[\w-]+\s+){0,2}$"
)


SHARED_PASSIVE = re.compile(r"\s*,?\s+and\s+(?:then\s+|later\s+)?")  # "beaten and (then) burnt"
RELATIVE_PRONOUN = re.compile(r"\b(?:who|whom|which|that|whose)\b", re.I)
BEING_AFTER = re.compile(r"\b(?:after|before|while|upon|on|without|despite)\s+being\s+$")
SERIES_COMMA = re.compile(r"\w\s*,\s*(?:then\s+|later\s+|\w+ly\s+)?$")
COORDINATED_VERB = re.compile(r"\band\s+(?:then\s+|later\s+|\w+ly\s+)?$")
TRAILING_SPACE = re.compile(r"\s*$")


def _is_headline(sentence: str, text: str, end: int) -> bool:
    """A title or subhead: a line of its own with no closing punctuation, with the story it
    heads after it (a report that is one such line is told by it, not headed)."""
    stripped = sentence.strip()
    if re.search(r"[.!?:;][\"'’”)\]]*$", stripped) or TRAILING_SPACE.match(text, end):
        return False
    following = text[end : end + 1]
    words = re.findall(r"[A-Za-z][\w'’-]*", stripped)
    if len(words) > 30:
        return False
    if following == "\n":
        return True
    long_words = [w for w in words if len(w) > 3]
    return bool(long_words) and sum(w[0].isupper() for w in long_words) / len(long_words) >= 0.6


def _without_modifiers(actors: list[Actor], triggers: list[Mention]) -> list[Actor]:
    """Actors less the agent nouns inside a cooperative trigger: "joint military exercises",
    "military aid" (the noun is the trigger's modifier, not an actor)."""
    compounds = [
        t for t in triggers if t.end - t.start > 8 and t.ref.split(".")[0] in COOPERATIVE_TYPES
    ]
    if not compounds:
        return actors
    return [
        a
        for a in actors
        if not (a.is_generic and any(t.start <= a.start and a.end <= t.end for t in compounds))
    ]


def _without_tested(text: str, triggers: list[Mention]) -> list[Mention]:
    """Triggers less the weapons a test fires ("test-fired two ballistic missiles"): the
    test is a show of force, its missiles no attack."""
    tests = [t for t in triggers if t.ref == "MOBILIZE.test"]
    return [
        t
        for t in triggers
        if not (
            t.ref.split(".")[0] in VIOLENT_TYPES
            and any(
                0 <= t.start - test.end <= TESTED_REACH
                and not CLAUSE_BREAK.search(text[test.end : t.start])
                for test in tests
            )
        )
    ]


@dataclass(frozen=True)
class LexiconView:
    """The lookups the sentence rules need, as plain dicts built once per batch."""

    actor_info: dict[str, tuple[str | None, str | None, str]]  # id -> country, sector, type
    place_info: dict[str, tuple[str | None, str, int | None]]  # id -> country, type, population
    crowd: CrowdPatterns  # the patterns of seeds/crowd_words.csv's crowds, attackers, weapons
    people_words: re.Pattern[str]  # ... and of its people words ("herders", "clans")
    event_codes: frozenset[str] = frozenset()
    place_points: dict[str, tuple[float, float]] = field(default_factory=dict)  # id -> lat, lon
    vocabulary: frozenset[str] = frozenset()  # the coder's own words (triggers, nouns, cues)
    place_ids: dict[str, tuple[str, ...]] = field(default_factory=dict)  # lower name -> ids
    place_names: dict[str, str] = field(default_factory=dict)  # id -> its own name, folded
    capitals: dict[str, str] = field(default_factory=dict)  # country code -> place_id
    demonyms: dict[str, str] = field(default_factory=dict)  # lower-case demonym -> country
    # country code -> the south, north, west and east bounds of its places
    country_boxes: dict[str, tuple[float, float, float, float]] = field(default_factory=dict)
    region_words: dict[str, frozenset[str]] = field(default_factory=dict)  # see Lexicon

    def has_code(self, code: str) -> bool:
        return code in self.event_codes
