"""Where and when: a sentence's place and date, carried through the report.

A mixin of ``DocumentCoder`` (``events.py``). A sentence's place candidates are chosen only
when an event asks for them (``_SentencePlace``); its dates are found when a rule first
reads them (``_SentenceDates``). An event takes the place and date its sentence tells,
else the nearest told before it (dates only when not long past), else, once the report is
coded, the one told after it; a county is refined by a town in it named elsewhere, a
country by the dateline's town. The host state of an event, the capital a demonym tells
("the Somali capital"), and the report's reference date (publication, else its latest
year) are here too.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from datetime import date, datetime, timedelta

from flows.coding.dates import DateMention, find_dates
from flows.coding.places import (
    PlaceCandidate,
    _country_elsewhere,
    _is_attached,
    _km,
    choose_place,
    dateline_place,
)
from flows.coding.rows import MOBILE_SECTORS, Actor, EventRow, Mention
from flows.coding.text import DATELINE, words_before

MONTH_LEAD = {
    "in",
    "on",
    "of",
    "since",
    "by",
    "until",
    "last",
    "this",
    "early",
    "late",
    "mid",
    "next",
    "from",
    "between",
    "and",
    "to",
    "during",
    "before",
    "after",
}
YEAR = re.compile(r"\b((?:19|20)\d{2})\b")
HISTORICAL_DAYS = 60  # an event dated this long before publication is background
REGION_KM = 100  # a town this near a county's seat may lie in the county
# "in the capital", "in the Somali capital" (not "in the capital, Nairobi", a name told)
CAPITAL_TOLD = re.compile(
    r"\b(?:in|at|near|outside|around|across|into)\s+the\s+(?:([A-Z][a-z]+)\s+)?capital\b"
    r"(?![-'’]|\s*,?\s*[A-Z])"
)
# a date a war, a crisis or a strike began on dates no later sentence ("The war began on
# Oct. 7, when ... Troops arrested 15 suspects")
BEGAN_BEFORE = re.compile(
    r"\b(?:began|begun|started|erupted|broke\s+out|broken\s+out)\s+(?:on\s+|in\s+)?$"
)
EARLIER_DATE_CHARS = 400  # how far back a sentence without a date looks for one
LATER_DATE_CHARS = 300  # how far on an undated event looks for the date told after it
HOST_REACH = 60  # how far after its trigger a place can name an event's host state
HOST_BEFORE = re.compile(  # the words just before a host state: "in", "into central"
    r"\b(?:in|into|to|at|from|inside)\s+(?:the\s+)?(?:[\w-]+\s+)?$"
)
BACKGROUND_REACH = 40  # "the January 3 attack": a date modifying the event word just after it
_UNCHOSEN = object()


class _SentencePlace:
    """A sentence's place candidates, and the place chosen from them once asked for."""

    __slots__ = ("candidates", "place_id", "sentence_index", "sentence_start", "starts")

    def __init__(
        self,
        sentence_index: int,
        sentence_start: int,
        candidates: list[PlaceCandidate] | None,
        starts: set[int] | None,
    ) -> None:
        self.sentence_index = sentence_index
        self.sentence_start = sentence_start
        self.candidates = candidates
        self.starts = starts
        self.place_id: object = _UNCHOSEN if candidates else None

    def could_be(self, fits: Callable[[str], bool]) -> bool:
        """Whether the place chosen can fit (it is one of the candidates' meanings)."""
        if self.place_id is not _UNCHOSEN:
            return self.place_id is not None and fits(self.place_id)
        return any(fits(ref) for candidate in self.candidates for ref in candidate.refs)

    def chosen(self, coder: Scene) -> str | None:
        if self.place_id is _UNCHOSEN:
            self.place_id = coder._choose_place(self.sentence_start, self.candidates, self.starts)
        return self.place_id  # type: ignore[return-value]


class _SentenceDates:
    """A sentence's dates, found when a rule first reads them: most sentences that hold an
    event word code no event that needs one."""

    __slots__ = ("_coder", "_dates", "_end", "_start")

    def __init__(self, coder: Scene, start: int, end: int) -> None:
        self._coder, self._start, self._end = coder, start, end
        self._dates: list[DateMention] | None = None

    def get(self) -> list[DateMention]:
        if self._dates is None:
            self._dates = self._coder._dates_between(self._start, self._end)
        return self._dates


def _in_country(
    place_info: dict[str, tuple[str | None, str, int | None]],
    country: str | None,
    no_country: bool,
    place_id: str,
) -> bool:
    """Whether a place lies in ``country`` (any, when None), and is no country itself when
    ``no_country``."""
    return (country is None or place_info.get(place_id, (None,))[0] == country) and not (
        no_country and place_id.endswith(":country")
    )


# a sentence told in the present: it takes no old date told before it
PRESENT_TENSE = re.compile(
    r"\b(?:has|have|is|are)\s+(?:been\s+|not\s+)?[a-z]+(?:ed|en|ing)\b|\b(?:will|says)\b"
)


class Scene:
    """The places and dates of a report's sentences, and the event's own."""

    def _dateline_place(self) -> str | None:
        """The town of the report's dateline, at its start or after its headline's line."""
        start = 0
        while 0 <= start < 300:
            # (a dateline opens with a word in capitals: most lines are tried no further)
            dateline = (
                DATELINE.match(self.text, start) if self.text[start : start + 2].isupper() else None
            )
            start = self.text.find("\n", start) + 1 or -1
            if dateline is not None:
                self._dateline = dateline
                return dateline_place(dateline.group(0), self.lex.place_ids, self.lex.place_info)
        return None

    def note_places(
        self, sentence_index: int, start: int, end: int, mentions: list[Mention]
    ) -> None:
        """A sentence with no actor or trigger: remember its place for the next ones."""
        self.sentences.append((sentence_index, start, end))
        places = [m for m in mentions if m.kind == "place" and not m.ref.endswith(":country")]
        self._add_place(self._place_of(sentence_index, places, start, mentions))

    def _place_of(
        self,
        sentence_index: int,
        places: list[Mention],
        sentence_start: int,
        mentions: list[Mention],
    ) -> _SentencePlace:
        """The sentence's place, to be chosen when asked for: the rules are in
        ``flows.coding.places``."""
        if not places:
            return _SentencePlace(sentence_index, sentence_start, None, None)
        # a name that is also an organization's or a person's ("Hamas") names the actor
        named = {
            (m.start, m.end)
            for m in mentions
            if m.kind == "actor"
            and self.lex.actor_info.get(m.ref, ("", "", "country"))[2] != "country"
        }
        candidates = [
            PlaceCandidate(p.start, p.end, p.refs or (p.ref,))
            for p in places
            if (p.start, p.end) not in named
        ]
        if not candidates:
            return _SentencePlace(sentence_index, sentence_start, None, None)
        starts = {m.start for m in mentions if m.kind == "actor"}
        return _SentencePlace(sentence_index, sentence_start, candidates, starts)

    def _choose_place(
        self, sentence_start: int, candidates: list[PlaceCandidate], starts: set[int]
    ) -> str | None:
        return choose_place(
            self.text,
            sentence_start,
            candidates,
            starts,
            self.lex.place_info,
            self.lex.vocabulary.__contains__,
            self.doc_countries,
            self.home_country,
            self.lex.place_points,
            self.group_countries,
            (self.lex.place_names, self.lex.country_boxes),
            self.lex.region_words,
            people=self.lex.people_words,
        )

    def _add_place(self, place: _SentencePlace) -> None:
        if place.candidates is not None:
            self._places.append(place)

    @property
    def last_place(self) -> str | None:
        """The place of the last sentence coded so far that tells one."""
        for place in reversed(self._places):
            place_id = place.chosen(self)
            if place_id is not None:
                return place_id
        return None

    def _place_where(
        self,
        fits: Callable[[str], bool],
        after: int = -1,
        before: int | None = None,
        told: bool = False,
    ) -> str | None:
        """The place of the first sentence after ``after`` (or of the last one before
        ``before``) whose place ``fits``: only sentences that name a place that fits are
        asked to choose theirs. With ``told``, not a sentence of background over years
        ("militants have killed thousands across the Sahel in the past decade"): its place
        is no other event's."""
        places = self._places if before is None else reversed(self._places)
        for place in places:
            if place.sentence_index <= after or (
                before is not None and place.sentence_index >= before
            ):
                continue
            if not place.could_be(fits):
                continue
            if told and self._is_background_sentence(place):
                continue
            place_id = place.chosen(self)
            if place_id is not None and fits(place_id):
                return place_id
        return None

    def _date_for(
        self,
        dates: list[DateMention],
        offset: int,
        grievance: tuple[int, int] | None = None,
        earlier: tuple[int, int] | None = None,
    ) -> DateMention | None:
        """The date nearest the event word, of those that can date it: not a date that is a
        noun's attribute or a state's start ("the October 26 poll", "since 2002"), unless the
        noun is the event word itself ("the January 3 attack"); not a date inside a protest's
        grievance ("protested the murder of a teacher on 13 October"), nor one of an earlier
        event the event followed ("a revenge attack for a herder killed on 20/12")."""
        dates = [
            d
            for d in dates
            if (not d.is_background or 0 <= offset - d.end <= BACKGROUND_REACH)
            and not any(span and span[0] <= d.start < span[1] for span in (grievance, earlier))
        ]
        if dates:
            return min(dates, key=lambda d: abs(d.start - offset))
        return self._earlier_date()

    def _earlier_date(self) -> DateMention | None:
        """The last date told in the text just before the current sentence ("23 June.
        Police detained..."), at most about three sentences back."""
        if not self.sentences:
            return None
        start = self.sentences[-1][1]
        window = max(0, start - EARLIER_DATE_CHARS)
        dates = [
            d
            for d in self._dates_between(window, start)
            # "The war began on Oct. 7, when ...": the start of a state, told as background
            if not d.is_background
            and not BEGAN_BEFORE.search(self.text, max(0, window + d.start - 30), window + d.start)
        ]
        if not dates:
            return None
        # a date of the past is no guess for a sentence told in the present ("The war began
        # on Oct. 7 ... Egypt and Qatar have been mediating talks"): it would make it
        # background; a story of the past goes on in the past tense ("They killed 20")
        reference = self._reference_date()
        value = dates[-1].value
        if (
            value is not None
            and reference is not None
            and value < reference - timedelta(days=HISTORICAL_DAYS)
            and PRESENT_TENSE.search(self.text, start, self.sentences[-1][2])
        ):
            return None
        return dates[-1]

    def _host(self, trigger: Mention, clause_end: int, place_id: str) -> list[Actor]:
        """The country of the place an event is done in or to, as its target when the text
        names no other: "arrived in Amman", "sought refuge in Germany", "will withdraw its
        force from Chad" (PLOVER codes the host state as the target). Not for a protest:
        where it marches is not whom it is against."""
        for place in self.sentence_places:
            if place.start < trigger.end or place.start >= clause_end:
                continue
            if place_id not in (place.refs or (place.ref,)):
                continue
            gap = self.text[trigger.end : place.start]
            lead = self.text[trigger.start : place.start].lower()  # "arrived in" + " "
            if len(gap) > HOST_REACH or ", " in gap or not HOST_BEFORE.search(lead):
                return []
            country = self.lex.place_info.get(place_id, (None,))[0]
            if country is None:
                return []
            surface = self.text[place.start : place.end]
            return [Actor(place.start, place.end, country, country, None, surface)]
        return []

    def _is_month(self, trigger: Mention) -> bool:
        """The trigger "march" or the cue "may" used as the month ("in March", "March 19th",
        "May 2019", "On 8 May", "30 May: ...", "on 1 may 1989" in lower-cased newswire)."""
        word = self.text[trigger.start : trigger.end].lower()
        if word not in ("march", "may"):
            return False
        in_date = any(d.start <= trigger.start < d.end for d in self._doc_dates())
        if word == "may" and not self.text[trigger.start].isupper():
            return in_date  # the modal verb, unless a date was read there
            return False
        after = self.text[trigger.end : trigger.end + 6]
        before = words_before(self.text, trigger.start, 1)
        return (
            bool(re.match(r"\s*,?\s*\d", after))
            or (bool(before) and before[0] in MONTH_LEAD and self.text[trigger.start].isupper())
            or (
                self.text[trigger.start].isupper()
                and any(d.start <= trigger.start < d.end for d in self._doc_dates())
            )
        )

    def _doc_dates(self) -> list[DateMention]:
        if self._dates is None:
            self._dates = find_dates(self.text, self._filed_at())
            if self._dateline is not None:
                # the dateline's day is when the story was filed, not when its events were
                self._dates = [d for d in self._dates if d.start >= self._dateline.end()]
        return self._dates

    def _filed_at(self) -> datetime | None:
        """When the report speaks from: the day of its dateline ("KABUL, Aug 13 (Reuters) -
        ... on Sunday": the Sunday before the 13th), when that is in the week before its
        publication, else its publication."""
        published = self.published_at
        if self._dateline is None or published is None:
            return published
        filed = next(
            (
                d.value
                for d in find_dates(self._dateline.group(0), published)
                if d.precision == "day" and d.value is not None
            ),
            None,
        )
        if filed is None or not timedelta(0) < published.date() - filed <= timedelta(days=7):
            return published
        return datetime.combine(filed, published.time())

    def _dates_between(self, start: int, end: int) -> list[DateMention]:
        """The report's dates inside [start, end), with offsets from ``start``: the report
        is searched once, not sentence by sentence."""
        return [
            replace(d, start=d.start - start, end=d.end - start)
            for d in self._doc_dates()
            if start <= d.start and d.end <= end
        ]

    def _doc_has_dates(
        self,
        sentence_start: int = 0,
        others: tuple[tuple[int, int] | None, ...] = (),
    ) -> bool:
        """Whether the report tells a time its events could have: background dates aside,
        and the dates the sentence starting at ``sentence_start`` gives to ``others``,
        the events it says this one followed (spans in the sentence)."""
        return any(
            not d.is_background
            and not any(span and span[0] <= d.start - sentence_start < span[1] for span in others)
            for d in self._doc_dates()
        )

    def _reference_date(self) -> date | None:
        """When the report speaks from: its publication, else the latest year it names."""
        if self.published_at is not None:
            return self.published_at.date()
        if self._latest_year is None:
            years = [int(year) for year in YEAR.findall(self.text)]
            self._latest_year = max(years) if years else 0
        return date(self._latest_year, 1, 1) if self._latest_year else None

    def _event_place(
        self,
        place: _SentencePlace,
        sentence_start: int,
        sentence: str,
        source: Actor | None,
        targets: list[Actor],
    ) -> tuple[str | None, str | None, str | None, str | None]:
        """An event's place: its sentence's (the place named, a target state, a capital
        told), else the report's so far, else the actors'; with the sentence's own place,
        where the event's came from, and its country."""
        place_id = place.chosen(self)  # chosen only for a sentence that codes an event
        event_place, place_source = place_id or self._state_place(targets), "sentence"
        if event_place is None:
            event_place = self._capital_told(sentence_start, sentence)
        if event_place is None:
            event_place, place_source = self.last_place, "document"
        if event_place is None:
            event_place, place_source = self._actor_place(targets, source)
        country = self.lex.place_info.get(event_place, (None,))[0] if event_place else None
        return place_id, event_place, place_source, country

    def _state_place(self, targets: list[Actor]) -> str | None:
        """The country of a state that is the target ("missile attacks on Iraq"); not of
        people named by a demonym ("police arrested 29 Ugandan suspects")."""
        for actor in targets:
            if (
                actor.country_code
                and actor.start not in self.demonym_starts
                and not _country_elsewhere(
                    self.text, PlaceCandidate(actor.start, actor.end, ()), {}
                )
                and self.lex.actor_info.get(actor.actor_id or "", (None, None, ""))[2] == "country"
            ):
                return f"{actor.country_code}:country"
        return None

    def _actor_place(
        self, targets: list[Actor], source: Actor | None
    ) -> tuple[str | None, str | None]:
        """A country-level place when the text names none: the publisher's country, else
        the country of the victims ("Ethiopian raiders attack Kenyan villagers": raiders
        cross borders, villagers are at home), else the country the document talks most
        about."""
        del source
        if self.home_country:
            return f"{self.home_country}:country", "publisher"
        victims = {
            t.country_code for t in targets if t.country_code and t.sector not in MOBILE_SECTORS
        }
        if len(victims) == 1:
            return f"{victims.pop()}:country", "actors"
        # the country the document talks most about, not counting raiders or refugees who
        # came from it
        scene = {
            country: count - self.mover_countries.get(country, 0)
            for country, count in self.doc_countries.items()
        }
        scene = {country: count for country, count in scene.items() if count > 0}
        if scene:
            return f"{max(scene, key=scene.get)}:country", "actors"
        return None, None

    def _capital_told(self, sentence_start: int, sentence: str) -> str | None:
        """ "Police fired tear gas at protesters in the capital", "a car bomb in the Somali
        capital": the capital of the country its demonym tells, else of the dateline's
        country, else of the country the report talks most about."""
        if "capital" not in sentence:
            return None
        told = CAPITAL_TOLD.search(sentence)
        if told is None:
            return None
        if told.group(1):
            country = self.lex.demonyms.get(told.group(1).lower())
        elif self.dateline_place is not None:
            country = self.lex.place_info[self.dateline_place][0]
        else:
            country = self.main_country()
        return self.lex.capitals.get(country or "")

    def _is_dateline_country(self, event: EventRow) -> bool:
        """Whether the dateline's town can stand for the event's place: the text tells none
        (its country is a guess from the actors), or a country the town lies in; never a
        place the sentence puts the event in ("clashed in northern Ethiopia")."""
        if self.dateline_place is None or event.place_source == "sentence":
            return False
        if any(
            place.sentence_index == event.sentence_index
            and any(
                _is_attached(self.text, place.sentence_start, c.start) for c in place.candidates
            )
            for place in self._places
        ):
            return False  # "clashed near Boni": a place the gazetteer lacks is still told
        info = self.lex.place_info
        place_id = event.place_id
        return place_id is None or (
            place_id.endswith(":country")
            and info.get(place_id, (None,))[0] == info[self.dateline_place][0]
        )

    def _date_from_later_text(self) -> None:
        """An event the report has dated nowhere before it takes the date told just after it
        ("A trader was shot dead in Garissa. The attack occurred on 20/02."), unless that
        date is long past (background)."""
        published = self.published_at.date() if self.published_at else None
        reference = self._reference_date()
        ends = {index: end for index, _, end in self.sentences}
        for event in self.events:
            if event.event_date is not None or event.date_source is not None:
                continue
            after = ends.get(event.sentence_index, event.end)
            later = next(
                (
                    d
                    for d in self._doc_dates()
                    if after <= d.start < after + LATER_DATE_CHARS
                    and not d.is_background
                    and d.value is not None
                ),
                None,
            )
            if later is None or (published is not None and later.value > published):
                continue
            if reference is not None and later.value < reference - timedelta(days=HISTORICAL_DAYS):
                continue  # background told after the event ("... behind the 2014 attack")
            event.event_date, event.date_precision = later.value, later.precision
            event.date_source = "text"

    def _refine_region(self, event: EventRow) -> bool:
        """A county is refined by a town or site in it that the report names in another
        sentence ("Clashes in Laikipia ... Rumuruti residents fled"): the nearest one."""
        info = self.lex.place_info.get(event.place_id or "")
        point = self.lex.place_points.get(event.place_id or "")
        if info is None or info[1] != "admin1" or point is None:
            return False

        def fits(place_id: str) -> bool:
            town = self.lex.place_info.get(place_id)
            return (
                town is not None
                and town[0] == info[0]
                and town[1] in ("city", "site")
                and place_id in self.lex.place_points
                and _km(self.lex.place_points[place_id], point) <= REGION_KM
            )

        inside = [
            (abs(place.sentence_index - event.sentence_index), place_id)
            for place in self._places
            if place.sentence_index != event.sentence_index
            and place.could_be(fits)
            and (place_id := place.chosen(self)) is not None
            and fits(place_id)
        ]
        if not inside:
            return False
        event.place_id = min(inside)[1]
        event.place_source = "document"
        return True

    def main_country(self) -> str | None:
        if self.doc_countries:
            return max(self.doc_countries, key=self.doc_countries.get)
        return self.home_country
