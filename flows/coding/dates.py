"""Dates in a sentence, resolved against the publication date, with their precision.

Explicit dates ("3 January 2024", "January 3", "Jan. 3, 2024", "2024-01-03", "August 2021",
"in 2021") and relative ones ("on Tuesday", "yesterday", "last month"). A date that needs a
reference and has none stays unresolved: never the publication date by default.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta

MONTHS = {
    "january": 1,
    "jan": 1,
    "february": 2,
    "feb": 2,
    "march": 3,
    "mar": 3,
    "april": 4,
    "apr": 4,
    "may": 5,
    "june": 6,
    "jun": 6,
    "july": 7,
    "jul": 7,
    "august": 8,
    "aug": 8,
    "september": 9,
    "sept": 9,
    "sep": 9,
    "october": 10,
    "oct": 10,
    "november": 11,
    "nov": 11,
    "december": 12,
    "dec": 12,
}
WEEKDAYS = {
    "monday": 0,
    "tuesday": 1,
    "wednesday": 2,
    "thursday": 3,
    "friday": 4,
    "saturday": 5,
    "sunday": 6,
}
_MONTH = (
    r"(january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\.?"
)
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"((?:1[89]|20)\d{2})"
_FROM = r"(?:(?:between|from)\s+)?"
_UNTIL = r"(?:\s*(?:-|–|to\b|and\b)\s*(?:the\s+)?\d{1,2}(?:st|nd|rd|th)?)?"
_KINDS: list[tuple[str, str]] = [
    ("iso", r"\b((?:1[89]|20)\d{2})-(\d{2})-(\d{2})\b"),
    # 18/07 or 25/12/2019, only after a word that introduces a date ("3/4 of" is a fraction)
    (
        "numeric",
        r"\b(?:on|of|since|by|before|after|until|dated|from)\s+(\d{1,2})/(\d{1,2})"
        r"(?:/((?:19|20)?\d{2}))?\b(?!/)",
    ),
    # a span of days dates its event to the first: "17-18 April", "between 3 and 5 June 2019",
    # "from 11 to 13 Aug", "June 3-5"
    ("dmy", rf"\b{_FROM}{_DAY}{_UNTIL}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b"),
    ("mdy", rf"\b{_MONTH}\s+{_DAY}{_UNTIL},?\s+{_YEAR}\b"),
    ("my", rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b"),
    ("md", rf"\b{_MONTH}\s+{_DAY}{_UNTIL}\b(?!\s*,?\s*\d)"),
    ("dm", rf"\b{_FROM}{_DAY}{_UNTIL}\s+(?:of\s+)?{_MONTH}\b(?!,?\s+\d)"),
    ("y", rf"\b(?:in|since|during|of|by|until|early|late|mid-)\s*{_YEAR}\b(?!-)"),
    (
        "weekday",
        r"\b(?:on\s+|last\s+|this\s+|late\s+|early\s+)?"
        r"(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b",
    ),
    (
        "relative",
        r"\b(yesterday|today|tonight|this morning|last night|earlier today|last month|"
        r"last year|this year|this month)\b",
    ),
]


def _combine(kinds: list[tuple[str, str]]) -> tuple[re.Pattern[str], dict[str, tuple[int, int]]]:
    """One regex for one pass over a sentence (alternatives tried in order at each position),
    and where each kind's groups sit in it."""
    groups: dict[str, tuple[int, int]] = {}
    position = 1
    for kind, pattern in kinds:
        count = re.compile(pattern).groups
        groups[kind] = (position + 1, position + 1 + count)
        position += 1 + count
    return re.compile("|".join(f"(?P<{kind}>{pattern})" for kind, pattern in kinds)), groups


_COMBINED, _GROUPS = _combine(_KINDS)
# most sentences have no digit: then only the word forms can match, with a cheaper regex
_WORDS, _WORD_GROUPS = _combine([k for k in _KINDS if k[0] in ("weekday", "relative")])
_DIGIT = re.compile(r"\d")


@dataclass(frozen=True)
class DateMention:
    start: int
    end: int
    value: date | None
    precision: str | None  # day, month, year; None when unresolved
    # a date that dates no event told beside it: a noun's attribute ("the October 26 poll",
    # "Saturday's rally") or the start of a state ("a row that has lasted since 2002")
    is_background: bool = False


def _safe_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _infer_year(month: int, day: int, published: date | None) -> date | None:
    if published is None:
        return None
    candidate = _safe_date(published.year, month, day)
    if candidate is None:
        return None
    if candidate > published + timedelta(days=2):
        candidate = _safe_date(published.year - 1, month, day)
    return candidate


# Where a date can be: a number, a month or weekday name, or a relative word. The combined
# regex is tried only at the word starts shortly before each such anchor, not at every
# position of the text (that was a quarter of the coder's time).
_ANCHOR = re.compile(
    r"(?=[0-9jfmasondytw])(?:\d+|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"yesterday|today|tonight|morning|night|month|year))"
)
_REACH = 16  # how far before its anchor a date expression can start ("before 25/12", "early")


def _starts(lowered: str, floor: int, position: int) -> list[int]:
    """Where a date holding the anchor at ``position`` can start, at or after ``floor``: the
    start of the previous word ("on 18/07", "last night", "mid-2019") and of the anchor's own
    word. No kind has more than one word before its anchor."""
    own = position
    while own > floor and lowered[own - 1].isalnum():
        own -= 1
    starts = (
        [own] if lowered[own].isalnum() and (own == 0 or not lowered[own - 1].isalnum()) else []
    )
    gap = own
    while gap > floor and not lowered[gap - 1].isalnum():
        gap -= 1
    previous = gap
    while previous > floor and lowered[previous - 1].isalnum():
        previous -= 1
    if previous < gap and (previous == 0 or not lowered[previous - 1].isalnum()):
        starts.insert(0, previous)
    return starts


def find_dates(sentence: str, published_at: datetime | None) -> list[DateMention]:
    """Every date expression in the sentence, resolved where it can be, in text order."""
    lowered = sentence.lower()
    published = published_at.date() if published_at is not None else None
    found: list[DateMention] = []
    regex, positions = (_COMBINED, _GROUPS) if _DIGIT.search(sentence) else (_WORDS, _WORD_GROUPS)
    last_end = 0
    for anchor in _ANCHOR.finditer(lowered):
        position = anchor.start()
        if position < last_end:
            continue
        match = None
        for start in _starts(lowered, max(last_end, position - _REACH), position):
            match = regex.match(lowered, start)
            if match is not None:
                break
        if match is None or match.lastgroup is None:
            continue
        last_end = match.end()
        first, last = positions[match.lastgroup]
        groups = tuple(match.group(index) for index in range(first, last))
        mention = _resolve(
            match.lastgroup, groups, sentence[match.start() : match.end()], published
        )
        if mention is not None:
            background = _is_background(lowered, match.start(), match.end())
            value = mention[0]
            if value is not None and mention[1] == "day":
                value = _in_the_week(lowered, match.start(), value, published)
            found.append(DateMention(match.start(), match.end(), value, mention[1], background))
    return found


# "the week of 16 July", "during the week beginning November 26th": an event told only by
# its week is dated to the week's middle, as ACLED codes it (two days after its first)
_WEEK_FROM = re.compile(r"\bweek\s+(?:of|beginning|starting|commencing)\s+(?:the\s+)?$")
WEEK_MIDDLE = 2


def _in_the_week(lowered: str, start: int, value: date, published: date | None) -> date:
    """The day a date after "the week of" stands for: the week's middle, not after the
    report (a report told mid-week covers the days before it)."""
    if not _WEEK_FROM.search(lowered, max(0, start - 30), start):
        return value
    middle = value + timedelta(days=WEEK_MIDDLE)
    return min(middle, published) if published is not None and published >= value else middle


_DETERMINER_BEFORE = re.compile(r"(?:^|[^\w\s]\s*|\b(?!on\b)\w+\s+)(?:the|his|her|their|its)\s+$")
_SINCE_BEFORE = re.compile(r"\bsince\s+(?:(?:late|early|mid-?)\s*)?$")
_NOUN_AFTER = re.compile(r"(?:['’]s\b|\s+(?!and\b|or\b|to\b|at\b|in\b|on\b|when\b|as\b)[a-z])")


def _is_background(lowered: str, start: int, end: int) -> bool:
    """Whether a date found at [start, end) dates no event beside it (see ``DateMention``)."""
    before = lowered[max(0, start - 24) : start]
    if _SINCE_BEFORE.search(before) or lowered.startswith("since", start):
        return True
    after = lowered[end : end + 4]
    if after.startswith(("'s", "’s")):
        return True  # "Saturday's rally", "this month's election"
    return bool(_DETERMINER_BEFORE.search(before)) and bool(_NOUN_AFTER.match(after))


def _resolve(
    kind: str, groups: tuple[str, ...], surface: str, published: date | None
) -> tuple[date | None, str | None] | None:
    if kind == "iso":
        value = _safe_date(int(groups[0]), int(groups[1]), int(groups[2]))
        return (value, "day") if value else None
    if kind == "numeric":  # day/month[/year], as most of the world writes it
        day, month = int(groups[0]), int(groups[1])
        if month > 12 >= day:
            day, month = month, day
        if groups[2]:
            year = int(groups[2])
            value = _safe_date(year + 2000 if year < 100 else year, month, day)
        else:
            value = _infer_year(month, day, published) if day <= 31 and month <= 12 else None
        return (value, "day") if value else None
    if kind == "dmy":
        value = _safe_date(int(groups[2]), MONTHS[groups[1].lower()], int(groups[0]))
        return (value, "day") if value else None
    if kind == "mdy":
        value = _safe_date(int(groups[2]), MONTHS[groups[0].lower()], int(groups[1]))
        return (value, "day") if value else None
    if kind == "md":
        if groups[0].lower() == "may" and not surface[0].isupper():
            return None  # "may 3" in lower-case text is too often the verb
        day = int(groups[1])
        if day > 31:
            return None
        value = _infer_year(MONTHS[groups[0].lower()], day, published)
        return (value, "day" if value else None)
    if kind == "dm":
        day = int(groups[0])
        if day > 31:
            return None
        value = _infer_year(MONTHS[groups[1].lower()], day, published)
        return (value, "day" if value else None)
    if kind == "my":
        if groups[0].lower() == "may" and not surface[0].isupper():
            return None
        return (date(int(groups[1]), MONTHS[groups[0].lower()], 1), "month")
    if kind == "y":
        return (date(int(groups[0]), 1, 1), "year")
    if kind == "weekday":
        if published is None:
            return (None, None)
        weekday = WEEKDAYS[groups[0].lower()]
        back = (published.weekday() - weekday) % 7
        return (published - timedelta(days=back), "day")
    word = groups[0].lower()
    if published is None:
        return (None, None)
    if word in ("today", "tonight", "this morning", "earlier today"):
        return (published, "day")
    if word in ("yesterday", "last night"):
        return (published - timedelta(days=1), "day")
    if word == "last month":
        first = published.replace(day=1) - timedelta(days=1)
        return (first.replace(day=1), "month")
    if word == "this month":
        return (published.replace(day=1), "month")
    if word == "last year":
        return (date(published.year - 1, 1, 1), "year")
    return (date(published.year, 1, 1), "year")
