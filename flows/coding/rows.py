"""The plain rows the sentence rules produce, and the sector groups they reason with.

``Mention`` is a dictionary match in a document, ``Actor`` an actor the rules found in a
sentence, ``EventRow`` one coded event; ``event_id`` is its stable key.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from datetime import date

VIOLENT_TYPES = {"ASSAULT", "FIGHT", "COERCE"}
ARMED_SECTORS = {"MIL", "COP", "REB", "UAF", "SPY", "COM", "CRM"}
STATE_ARMED = {"MIL", "COP", "SPY"}
ARMED_NONSTATE = {"REB", "UAF", "COM", "PAR", "CRM", "AGR"}
MOBILE_SECTORS = {"REB", "UAF", "COM", "PAR", "CRM", "REF"}  # people who cross borders
POLITICAL_SECTORS = {"OPP", "GOV", "LEG", "ELI", "ELC"}
UNARMED_SECTORS = {"PRO"}
CROWD_SECTORS = {
    "PRO",
    "CVL",
    "EDU",
    "LAB",
    "REF",
    "BUS",
    "REL",
}  # rioters and protesters; crowds are found by MOB


@dataclass
class Mention:
    start: int  # offsets in the document
    end: int
    kind: str  # actor, noun, place, trigger, cue
    ref: str  # actor_id / sector / place_id / event_code / cue_type
    sub: str = ""  # alias kind / is_plural / part of speech
    refs: tuple[str, ...] = ()  # every place_id sharing this name


@dataclass
class Actor:
    start: int
    end: int
    actor_id: str | None  # None for generic actors until their country is known
    country_code: str | None
    sector: str | None
    surface: str
    is_generic: bool = False
    name: str | None = None  # for groups the dictionaries do not know


@dataclass
class EventRow:
    doc_id: str
    sentence_index: int
    start: int
    end: int
    event_code: str
    trigger: str
    event_date: date | None
    date_precision: str | None
    is_historical: bool
    is_negated: bool
    modality: str
    fatalities: int | None
    injured: int | None
    place_id: str | None
    confidence: float
    source: Actor | None
    targets: list[Actor]
    claimants: list[Actor] = field(default_factory=list)
    date_source: str | None = None  # text, or publication when the report tells no time
    place_source: str | None = None  # sentence, document, actors (a guess from
    # their nationality), publisher or corpus
    co_sources: list[Actor] = field(default_factory=list)  # "X and Y agreed"


def event_id(
    doc_id: str, start: int, end: int, code: str, source: str | None, target: str | None
) -> str:
    key = f"{doc_id}|{start}|{end}|{code}|{source or ''}|{target or ''}"
    return hashlib.sha256(key.encode()).hexdigest()[:32]


GROUP_SECTORS = {"REB", "UAF", "COM", "PAR", "CRM", "OPP"}
ORGANIZED = {"MIL", "COP", "REB", "UAF", "SPY", "COM", "PAR", "AGR", "STATE"}


def force_sector(actor: Actor | None) -> str | None:
    """An actor's sector, with states themselves counted as organized armed actors."""
    if actor is None:
        return None
    if actor.sector is None and actor.country_code and not actor.is_generic:
        return "STATE"
    return actor.sector
