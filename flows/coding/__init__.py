"""Text -> sentences, actor mentions and events (polars + rules; no file or database I/O).

``code_documents`` takes a batch of documents (doc_id, text, published_at) and the loaded
``Lexicon`` and returns the rows of every coding table. Dictionary matching runs over the
whole batch with polars' Aho-Corasick kernels; the per-sentence decisions in ``events.py``
run only over sentences that hold a match.
"""

from __future__ import annotations

import gc
import math
import re
from collections import Counter
from dataclasses import dataclass, field

import polars as pl

from flows.coding.acled import CrowdPatterns
from flows.coding.events import DocumentCoder, LexiconView, report_patterns
from flows.coding.places import is_elsewhere, people_words
from flows.coding.roles import KILL_WORDS
from flows.coding.rows import ARMED_SECTORS, MOBILE_SECTORS, Actor, EventRow, Mention, event_id
from flows.coding.text import (
    find_phrases,
    first_words,
    keep_longest,
    phrases_present,
    split_sentences,
)
from flows.lexicon import Lexicon

MENTION_SCHEMA = {
    "doc_id": pl.String,
    "sentence_index": pl.Int32,
    "char_start": pl.Int32,
    "char_end": pl.Int32,
    "surface": pl.String,
    "actor_id": pl.String,
}
EVENT_SCHEMA = {
    "event_id": pl.String,
    "doc_id": pl.String,
    "sentence_index": pl.Int32,
    "char_start": pl.Int32,
    "char_end": pl.Int32,
    "evidence": pl.String,
    "event_code": pl.String,
    "trigger": pl.String,
    "event_date": pl.Date,
    "date_precision": pl.String,
    "date_source": pl.String,
    "place_source": pl.String,
    "is_historical": pl.Boolean,
    "is_negated": pl.Boolean,
    "modality": pl.String,
    "fatalities": pl.Int32,
    "injured": pl.Int32,
    "place_id": pl.String,
    "confidence": pl.Float64,
    "coder_version": pl.String,
}
EVENT_ACTOR_SCHEMA = {"event_id": pl.String, "actor_id": pl.String, "role": pl.String}
ACTOR_SCHEMA = {
    "actor_id": pl.String,
    "name": pl.String,
    "actor_type": pl.String,
    "country_code": pl.String,
    "sector": pl.String,
    "is_seeded": pl.Boolean,
}
PLACE_SCHEMA = {
    "place_id": pl.String,
    "name": pl.String,
    "place_type": pl.String,
    "country_code": pl.String,
    "admin1": pl.String,
    "latitude": pl.Float64,
    "longitude": pl.Float64,
}


@dataclass
class CodedBatch:
    """The coder's rows for one batch of documents."""

    actor_mentions: pl.DataFrame
    events: pl.DataFrame
    event_actors: pl.DataFrame
    actors: pl.DataFrame  # generic actors the batch created (not seeded)
    places: pl.DataFrame  # places the events refer to
    # each report's main country, counted: the batch focus is chosen from it when the
    # parts of a batch (coded apart, in worker processes) are combined
    doc_country: Counter[str] = field(default_factory=Counter)


@dataclass(frozen=True)
class _Compiled:
    insensitive: pl.DataFrame  # phrase (lower case), kind, ref, sub
    sensitive: pl.DataFrame
    sensitive_first: pl.DataFrame  # phrase, first (its first word), each phrase once
    view: LexiconView
    # whole-report patterns, and each as searched by polars (whether that is exact)
    report_patterns: tuple[re.Pattern[str], ...]
    report_filters: list[tuple[str, bool]]
    names: dict[str, str]  # country_code -> short name
    publisher_words: dict[str, str]  # lower-case name or demonym -> country_code
    sector_names: dict[str, str]
    country_of: dict[str, str]  # actor_id of a country (its names, demonyms) -> country_code


_compiled: dict[str, _Compiled] = {}


def _capitals(lexicon: Lexicon) -> dict[str, str]:
    """Each country's capital town in the gazetteer (country code -> place_id): the largest
    town of the country named as its capital."""
    return dict(
        lexicon.countries.select("country_code", pl.col("capital").alias("name"))
        .drop_nulls()
        .join(lexicon.place_names.select("name", "place_id"), on="name")
        .join(
            lexicon.places.select(
                "place_id", pl.col("country_code").alias("in_country"), "place_type", "population"
            ),
            on="place_id",
        )
        .filter(
            (pl.col("country_code") == pl.col("in_country"))
            & pl.col("place_type").is_in(["city", "site"])
        )
        .sort("population", descending=True, nulls_last=True)
        .unique("country_code", keep="first")
        .select("country_code", "place_id")
        .iter_rows()
    )


_CODED_KINDS = {"actor", "noun", "trigger"}
_UNREAD_CUES = {"domain", "report"}  # cue types no sentence rule reads
MOVERS_FROM = re.compile(r"\s+from\s+(?:the\s+)?$")  # "raiders from Uganda"
FOCUS_SHARE = 0.8  # a batch is about one country when this share of its reports are
FOCUS_MIN_DOCUMENTS = 20  # ... and at least this many reports tell a country at all
# A town abroad this far from a focused batch's country, and this small, is a namesake of
# a place the gazetteer lacks: the batch's country is the better place.
FAR_KM = 2000
FAR_TOWN = 150_000


# polars' regex engine has no look-arounds: a pattern with them is searched without them
# (a superset: where it fails, the pattern fails too), and confirmed in Python where it hits
_LOOKAROUND = re.compile(r"\(\?<?[=!][^()]*\)")


def _report_filters(patterns: tuple[re.Pattern[str], ...]) -> list[tuple[str, bool]]:
    return [(_LOOKAROUND.sub("", p.pattern), not _LOOKAROUND.search(p.pattern)) for p in patterns]


def _compile(lexicon: Lexicon) -> _Compiled:
    cached = _compiled.get(lexicon.coder_version)
    if cached is not None:
        return cached
    columns = ["phrase", "kind", "ref", "sub"]
    aliases = lexicon.aliases.select(
        pl.col("alias").alias("phrase"),
        pl.lit("actor").alias("kind"),
        pl.col("actor_id").alias("ref"),
        pl.col("alias_kind").alias("sub"),
        "is_case_sensitive",
    )
    places = lexicon.place_names.select(
        pl.col("name").alias("phrase"),
        pl.lit("place").alias("kind"),
        pl.col("place_id").alias("ref"),
        pl.lit("").alias("sub"),
        "is_case_sensitive",
    )
    insensitive = pl.concat(
        [
            aliases.filter(~pl.col("is_case_sensitive")).select(columns),
            places.filter(~pl.col("is_case_sensitive")).select(columns),
            lexicon.agent_nouns.select(
                pl.col("noun").alias("phrase"),
                pl.lit("noun").alias("kind"),
                pl.col("sector").alias("ref"),
                pl.col("is_plural").cast(pl.String).alias("sub"),
            ),
            lexicon.triggers.select(
                "phrase",
                pl.lit("trigger").alias("kind"),
                pl.col("event_code").alias("ref"),
                # "verb!" / "noun!": a word with everyday non-violent senses
                pl.concat_str(
                    "part",
                    pl.when(pl.col("is_ambiguous")).then(pl.lit("!")).otherwise(pl.lit("")),
                ).alias("sub"),
            ),
            lexicon.cues.select(
                pl.col("cue").alias("phrase"),
                pl.lit("cue").alias("kind"),
                pl.col("cue_type").alias("ref"),
                pl.lit("").alias("sub"),
            ),
        ]
    ).with_columns(pl.col("phrase").str.to_lowercase().str.strip_chars())
    sensitive = pl.concat(
        [
            aliases.filter(pl.col("is_case_sensitive")).select(columns),
            places.filter(pl.col("is_case_sensitive")).select(columns),
        ]
    )
    actor_info = {
        row[0]: (row[1], row[2], row[3])
        for row in lexicon.actors.select(
            "actor_id", "country_code", "sector", "actor_type"
        ).iter_rows()
    }
    place_info = {
        row[0]: (row[1], row[2], row[3])
        for row in lexicon.places.select(
            "place_id", "country_code", "place_type", "population"
        ).iter_rows()
    }
    place_points = {
        row[0]: (row[1], row[2])
        for row in lexicon.places.select("place_id", "latitude", "longitude")
        .drop_nulls()
        .iter_rows()
    }
    country_ids = set(lexicon.countries["country_code"].to_list())
    country_words = lexicon.aliases.filter(
        pl.col("actor_id").is_in(list(country_ids))
        & pl.col("alias_kind").is_in(["name", "demonym"])
    ).select(pl.col("alias").str.to_lowercase(), "actor_id")
    sensitive = sensitive.filter(pl.col("phrase").str.len_chars() > 1).unique()
    crowd_words = lexicon.crowd_words.select("word", "kind", "is_plural").rows()
    crowd = CrowdPatterns.build(crowd_words)
    patterns = report_patterns(crowd)
    compiled = _Compiled(
        report_patterns=patterns,
        report_filters=_report_filters(patterns),
        # Only a country named in the publisher's name counts ("Daily Nation (Kenya)"):
        # wire services report the whole world.
        publisher_words=dict(country_words.iter_rows()),
        country_of={
            actor_id: info[0]
            for actor_id, info in actor_info.items()
            if info[2] == "country" and info[0]
        },
        insensitive=insensitive.filter(pl.col("phrase").str.len_chars() > 1).unique(),
        sensitive=sensitive,
        sensitive_first=first_words(sensitive["phrase"].unique()),
        view=LexiconView(
            actor_info=actor_info,
            place_info=place_info,
            crowd=crowd,
            people_words=people_words(word for word, kind, _ in crowd_words if kind == "people"),
            place_points=place_points,
            place_names=dict(
                lexicon.places.select(
                    "place_id", pl.col("name").str.to_lowercase().str.replace_all("’", "'")
                ).iter_rows()
            ),
            capitals=_capitals(lexicon),
            region_words=lexicon.region_words,
            demonyms={
                demonym.lower(): code
                for code, demonym in lexicon.countries.select("country_code", "demonym")
                .drop_nulls()
                .iter_rows()
            },
            country_boxes={
                row[0]: row[1:]
                for row in lexicon.places.drop_nulls(["country_code", "latitude", "longitude"])
                .group_by("country_code")
                .agg(
                    pl.col("latitude").min().alias("south"),
                    pl.col("latitude").max().alias("north"),
                    pl.col("longitude").min().alias("west"),
                    pl.col("longitude").max().alias("east"),
                )
                .iter_rows()
            },
            place_ids={
                name: tuple(ids)
                for name, ids in lexicon.place_names.group_by(pl.col("name").str.to_lowercase())
                .agg(pl.col("place_id").unique())
                .iter_rows()
            },
            event_codes=frozenset(lexicon.event_codes["event_code"].to_list()),
            vocabulary=frozenset(
                word
                for phrase in insensitive.filter(pl.col("kind") != "actor")["phrase"].to_list()
                for word in phrase.split()
            ),
        ),
        names=dict(
            lexicon.countries.select(
                "country_code", pl.col("short_name").fill_null(pl.col("name"))
            ).iter_rows()
        ),
        sector_names=dict(lexicon.sectors.select("sector", "description").iter_rows()),
    )
    _compiled[lexicon.coder_version] = compiled
    return compiled


def find_mentions(documents: pl.DataFrame, lexicon: Lexicon) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Every dictionary match (longest first within its group) with its sentence index, and
    the sentences themselves."""
    compiled = _compile(lexicon)
    matches = []
    for table, phrases, sensitive in (
        (compiled.insensitive, compiled.insensitive["phrase"], False),
        # the case-sensitive names are every city on earth: only those whose first word
        # is in the batch go into the matcher (building it for all cost 0.3 s per batch)
        (compiled.sensitive, phrases_present(documents, compiled.sensitive_first), True),
    ):
        found = find_phrases(documents, phrases, case_sensitive=sensitive)
        matches.append(found.join(table, on="phrase", how="inner"))
    found = pl.concat(matches).with_columns(
        group=pl.when(pl.col("kind").is_in(["actor", "noun", "place"]))
        .then(pl.lit("entity"))
        .otherwise(pl.col("kind"))
    )
    found = keep_longest(found, ["group"])
    sentences = split_sentences(documents)
    # a total order: the coder's choices between equal spans must not depend on the run
    return found.sort("doc_id", "start", "end", "kind", "ref", "sub", nulls_last=True).join_asof(
        sentences.sort("doc_id", "start").rename(
            {"start": "sentence_start", "end": "sentence_end"}
        ),
        left_on="start",
        right_on="sentence_start",
        by="doc_id",
        strategy="backward",
        check_sortedness=False,
    ).filter(
        pl.col("sentence_index").is_not_null() & (pl.col("start") < pl.col("sentence_end"))
    ), sentences


def code_documents(documents: pl.DataFrame, lexicon: Lexicon) -> CodedBatch:
    """Code a batch: ``doc_id, text, published_at`` in, the coding tables' rows out."""
    return combine_parts([code_part(documents, lexicon)], lexicon)


def code_part(documents: pl.DataFrame, lexicon: Lexicon) -> CodedBatch:
    """Code a part of a batch, every document on its own; ``combine_parts`` then applies
    what depends on the whole batch (its focus country)."""
    # The rules make about a million small objects per thousand reports and no reference
    # cycles: the cyclic garbage collector's passes over them cost ~3% and free nothing, so
    # it is paused while a part is coded (and resumed as it was).
    enabled = gc.isenabled()
    gc.disable()
    try:
        return _code_part(documents, lexicon)
    finally:
        if enabled:
            gc.enable()


def _code_part(documents: pl.DataFrame, lexicon: Lexicon) -> CodedBatch:
    compiled = _compile(lexicon)
    if documents.is_empty():
        return _empty()
    mentions, sentences = find_mentions(documents, lexicon)
    by_doc = _sentence_mentions(mentions)
    doc_counts, countries_by_doc, movers_by_doc = _document_signals(mentions, compiled)
    kill_by_doc = _kill_sentences(documents, sentences)
    spans_by_doc: dict[str, dict[int, tuple[int, int]]] = {}
    for doc_id, index, start, end in sentences.select(
        "doc_id", "sentence_index", "start", "end"
    ).iter_rows():
        spans_by_doc.setdefault(doc_id, {})[index] = (start, end)
    event_rows: list[dict] = []
    event_actor_rows: list[tuple[str, str, str]] = []
    mention_rows: list[tuple] = []
    generic: dict[str, tuple[str | None, str, str | None]] = {}
    place_ids: set[str] = set()
    doc_country: Counter[str] = Counter()  # each report's main country, for the batch focus
    publishers = (
        documents["publisher"]
        if "publisher" in documents.columns
        else pl.Series([None] * documents.height, dtype=pl.String)
    ).to_list()
    lowered = pl.col("text").str.to_lowercase()
    report_matches = documents.select(
        [lowered.str.contains(p).alias(str(i)) for i, (p, _) in enumerate(compiled.report_filters)]
    ).iter_rows()
    for (doc_id, text, published_at), publisher, found in zip(
        documents.select("doc_id", "text", "published_at").iter_rows(),
        publishers,
        report_matches,
        strict=True,
    ):
        grouped = by_doc.get(doc_id)
        if grouped is None:
            continue
        known = {  # a pattern with look-arounds is known only where its superset fails
            pattern.pattern: flag
            for pattern, (_, exact), flag in zip(
                compiled.report_patterns, compiled.report_filters, found, strict=True
            )
            if exact or not flag
        }
        coder = DocumentCoder(doc_id, text, published_at, compiled.view, known)
        coder.home_country = _publisher_country(publisher, compiled.publisher_words)
        coder.kill_sentences = kill_by_doc.get(doc_id, set())
        spans = spans_by_doc[doc_id]
        domain_words, armed = doc_counts.get(doc_id, (0, 0))
        movers = movers_by_doc.get(doc_id, {})
        for index, start, end, country, sub in countries_by_doc.get(doc_id, []):
            # the document's countries, for place names; the people of a country who move
            # ("Somali refugees", "Ethiopian raiders") do not say the story happens there
            if is_elsewhere(coder.lowered, start, end):
                continue
            coder.doc_countries[country] = coder.doc_countries.get(country, 0) + 1
            spans_moving = movers.get(index, ())
            origin = MOVERS_FROM.search(coder.lowered, max(0, start - 12), start)
            if (sub == "demonym" and any(m_start == end + 1 for m_start, _ in spans_moving)) or (
                origin is not None and any(m_end == origin.start() for _, m_end in spans_moving)
            ):
                coder.mover_countries[country] = coder.mover_countries.get(country, 0) + 1
        coder.is_off_topic = domain_words >= 4 and domain_words > 2 * armed
        if not coder.doc_countries and coder.home_country is None:
            coder.group_countries = {
                info[0]
                for _, sentence_mentions in grouped.values()
                for mention in sentence_mentions
                if mention.kind == "actor"
                and (info := compiled.view.actor_info.get(mention.ref)) is not None
                and info[0]
                and info[2] != "country"
            }
        kills = coder.kill_sentences
        for index in sorted(grouped.keys() | kills) if kills else grouped:
            is_coded, sentence_mentions = grouped.get(index, (False, []))
            if not is_coded:
                # only places and cues: nothing to code, but places give context, and a
                # sentence of nothing but a toll ("Three dead.") adds it to the attack told
                coder.note_places(index, *spans[index], sentence_mentions)
                if index in kills:
                    coder.note_toll(index, *spans[index])
                continue
            coder.code_sentence(index, *spans[index], sentence_mentions)
        coder.finish()
        main_country = (
            max(coder.doc_countries, key=coder.doc_countries.get) if coder.doc_countries else None
        )
        told = Counter(
            compiled.view.place_info[e.place_id][0]
            for e in coder.events
            if e.place_source in ("sentence", "document", "actors")
            and e.place_id in compiled.view.place_info
        )
        country = told.most_common(1)[0][0] if told else main_country or coder.home_country
        if country:
            doc_country[country] += 1
        for sentence_index, actor in coder.mentions:
            actor_id = (
                actor.actor_id
                or coder.resolved.get((actor.start, actor.end))
                or f"{main_country or 'UNK'}.{actor.sector}"
            )
            if actor.is_generic or actor_id.startswith("ORG."):
                _register(generic, actor_id, actor)
            mention_rows.append(
                (
                    doc_id,
                    sentence_index,
                    actor.start,
                    actor.end,
                    text[actor.start : actor.end],
                    actor_id,
                )
            )
        for event in coder.events:
            start, end = spans[event.sentence_index]
            row = _event_row(event, text, start, end, lexicon.coder_version)
            event_rows.append(row)
            if event.place_id:
                place_ids.add(event.place_id)
            for role, actors in (
                ("source", [event.source, *event.co_sources]),
                ("target", event.targets),
                ("claimant", event.claimants),
            ):
                for actor in actors:
                    if actor is None or actor.actor_id is None:
                        continue
                    event_actor_rows.append((row["event_id"], actor.actor_id, role))
                    if actor.is_generic or actor.actor_id.startswith("ORG."):
                        _register(generic, actor.actor_id, actor)
    return CodedBatch(
        actor_mentions=pl.DataFrame(mention_rows, schema=MENTION_SCHEMA, orient="row"),
        events=pl.DataFrame(event_rows, schema=EVENT_SCHEMA),
        event_actors=pl.DataFrame(event_actor_rows, schema=EVENT_ACTOR_SCHEMA, orient="row"),
        actors=_generic_actors(generic, compiled),
        places=lexicon.places.filter(pl.col("place_id").is_in(list(place_ids))).select(
            list(PLACE_SCHEMA)
        ),
        doc_country=doc_country,
    )


def _document_signals(
    mentions: pl.DataFrame, compiled: _Compiled
) -> tuple[
    dict[str, tuple[int, int]],
    dict[str, list[tuple[int, int, int, str, str]]],
    dict[str, dict[int, list[tuple[int, int]]]],
]:
    """Per document, with polars: its domain words and armed nouns (the off-topic guard),
    its mentions of countries (names, demonyms, capitals, country places) and the spans of
    its mobile people ("refugees", "raiders"), by sentence."""
    kind, ref = pl.col("kind"), pl.col("ref")
    counts = mentions.group_by("doc_id").agg(
        ((kind == "cue") & (ref == "domain")).sum().alias("domain"),
        ((kind == "noun") & ref.is_in(list(ARMED_SECTORS - {"CRM"}))).sum().alias("armed"),
    )
    doc_counts = {doc: (domain, armed) for doc, domain, armed in counts.iter_rows()}
    country = (
        pl.when((kind == "place") & ref.str.ends_with(":country"))
        .then(ref.str.split(":").list.first())
        .when(kind == "actor")
        .then(ref.replace_strict(compiled.country_of, default=None, return_dtype=pl.String))
    )
    countries_by_doc: dict[str, list[tuple[int, int, int, str, str]]] = {}
    for doc_id, index, start, end, code, sub in (
        mentions.with_columns(country=country)
        .filter(pl.col("country").is_not_null())
        .select("doc_id", "sentence_index", "start", "end", "country", "sub")
        .iter_rows()
    ):
        countries_by_doc.setdefault(doc_id, []).append((index, start, end, code, sub))
    movers_by_doc: dict[str, dict[int, list[tuple[int, int]]]] = {}
    for doc_id, index, start, end in (
        mentions.filter(ref.is_in(list(MOBILE_SECTORS)))
        .select("doc_id", "sentence_index", "start", "end")
        .unique()
        .iter_rows()
    ):
        movers_by_doc.setdefault(doc_id, {}).setdefault(index, []).append((start, end))
    return doc_counts, countries_by_doc, movers_by_doc


def combine_parts(parts: list[CodedBatch], lexicon: Lexicon) -> CodedBatch:
    """One batch from its parts (in document order): rows deduplicated by their keys, and
    the batch focus given to events whose report tells no place. The result is the same
    however the batch was split."""
    doc_country = sum((part.doc_country for part in parts), Counter())
    events = pl.concat([part.events for part in parts]).unique(
        subset="event_id", maintain_order=True
    )
    places = pl.concat([part.places for part in parts])
    focus = _focus_country(doc_country)
    if focus is not None:
        unplaced = pl.col("place_id").is_null() | _guessed_abroad(events, lexicon, focus)
        events = events.with_columns(
            pl.when(unplaced).then(pl.lit(focus)).otherwise("place_id").alias("place_id"),
            pl.when(unplaced)
            .then(pl.lit("corpus"))
            .otherwise("place_source")
            .alias("place_source"),
        )
        if not events.filter(pl.col("place_id") == focus).is_empty():
            places = pl.concat(
                [
                    places,
                    lexicon.places.filter(pl.col("place_id") == focus).select(list(PLACE_SCHEMA)),
                ]
            )
        places = places.filter(pl.col("place_id").is_in(events["place_id"].drop_nulls()))
    return CodedBatch(
        actor_mentions=pl.concat([part.actor_mentions for part in parts]).unique(
            subset=["doc_id", "char_start", "char_end", "actor_id"], maintain_order=True
        ),
        events=events,
        event_actors=pl.concat([part.event_actors for part in parts]).unique(maintain_order=True),
        # an actor the coder made in two parts is the same actor: the first part's wins,
        # as it would in one pass
        actors=pl.concat([part.actors for part in parts])
        .unique(subset="actor_id", keep="first", maintain_order=True)
        .sort("actor_id"),
        places=places.unique(subset="place_id", keep="first").sort("place_id"),
        doc_country=doc_country,
    )


def _kill_sentences(documents: pl.DataFrame, sentences: pl.DataFrame) -> dict[str, set[int]]:
    """Per document, the sentences that may hold a word of killing (``KILL_WORD``): those
    that hold one of its words in any case, and those with non-ASCII characters (which may
    lower-case to ASCII letters). The rules search only these."""
    piece = pl.col("text").str.slice(pl.col("start"), pl.col("end") - pl.col("start"))
    found: dict[str, set[int]] = {}
    for doc_id, index in (
        sentences.join(documents.select("doc_id", "text"), on="doc_id")
        .filter(
            piece.str.contains_any(list(KILL_WORDS), ascii_case_insensitive=True)
            | (piece.str.len_bytes() != piece.str.len_chars())
        )
        .select("doc_id", "sentence_index")
        .iter_rows()
    ):
        found.setdefault(doc_id, set()).add(index)
    return found


def _sentence_mentions(
    mentions: pl.DataFrame,
) -> dict[str, dict[int, tuple[bool, list[Mention]]]]:
    """Per document and sentence (in order): whether the sentence has anything to code (an
    actor, an agent noun or a trigger), and the mentions its rules read, in text order. A
    place name's meanings are one mention (none when its first meaning is a country); a
    sentence with nothing to code keeps only its places, and no sentence keeps the cues no
    sentence rule reads (a report's domain words are counted per document)."""
    kind = pl.col("kind")
    keys = ["doc_id", "sentence_index"]
    rows = mentions.with_columns(
        coded=kind.is_in(list(_CODED_KINDS)).any().over(keys),
        sub=pl.col("sub").fill_null(""),
    )
    sentence_keys = rows.select(*keys, "coded").unique(maintain_order=True)
    rows = rows.filter(
        (kind == "place")
        | (pl.col("coded") & ~((kind == "cue") & pl.col("ref").is_in(list(_UNREAD_CUES))))
    )
    places = (
        rows.filter(kind == "place")
        .group_by(*keys, "start", "end", maintain_order=True)
        .agg(pl.col("ref").first(), pl.col("ref").alias("refs"))
        # a name read first as a country's is an actor, or a place only through its actor
        # reading ("in Kenya"): the sentence rules skip it as a place
        .filter(~pl.col("ref").str.ends_with(":country"))
        .with_columns(kind=pl.lit("place"), sub=pl.lit(""), is_place=pl.lit(True))
    )
    others = rows.filter(kind != "place").with_columns(
        refs=pl.lit(None, dtype=pl.List(pl.String)), is_place=pl.lit(False)
    )
    columns = [*keys, "start", "end", "is_place", "kind", "ref", "sub", "refs"]
    # in text order; at one span, the other readings before the place (a stable sort)
    ordered = pl.concat([others.select(columns), places.select(columns)]).sort(
        *keys, "start", "end", "is_place", maintain_order=True
    )
    by_doc: dict[str, dict[int, tuple[bool, list[Mention]]]] = {}
    for doc_id, index, coded in sentence_keys.sort(keys, maintain_order=True).iter_rows():
        by_doc.setdefault(doc_id, {})[index] = (coded, [])
    key, found = None, []
    for doc_id, index, start, end, kind_, ref, sub, refs in zip(
        *(ordered[column].to_list() for column in columns if column != "is_place"), strict=True
    ):
        if key != (doc_id, index):
            key, found = (doc_id, index), by_doc[doc_id][index][1]
        found.append(Mention(start, end, kind_, ref, sub, tuple(refs) if refs is not None else ()))
    return by_doc


def _event_row(event: EventRow, text: str, start: int, end: int, coder_version: str) -> dict:
    source = event.source.actor_id if event.source else None
    target = event.targets[0].actor_id if event.targets else None
    return {
        "event_id": event_id(
            event.doc_id, event.start, event.end, event.event_code, source, target
        ),
        "doc_id": event.doc_id,
        "sentence_index": event.sentence_index,
        "char_start": start,
        "char_end": end,
        "evidence": text[start:end],
        "event_code": event.event_code,
        "trigger": event.trigger,
        "event_date": event.event_date,
        "date_precision": event.date_precision,
        "date_source": event.date_source,
        "place_source": event.place_source,
        "is_historical": event.is_historical,
        "is_negated": event.is_negated,
        "modality": event.modality,
        "fatalities": event.fatalities,
        "injured": event.injured,
        "place_id": event.place_id,
        "confidence": event.confidence,
        "coder_version": coder_version,
    }


def _guessed_abroad(events: pl.DataFrame, lexicon: Lexicon, focus: str) -> pl.Series:
    """Which events' places lose to the batch focus: a country guessed from the
    publisher's or the people's nationality ("Gunmen kill Italian missionary" in a feed
    about Kenya), and a small town far from the focus country, a namesake of a place the
    gazetteer lacks ("in Madera county", "Orange supporters" in that feed)."""
    info = lexicon.places.select(
        "place_id", "country_code", "place_type", "latitude", "longitude", "population"
    )
    home = info.filter(pl.col("place_id") == focus)
    if home.is_empty():
        return pl.Series([False] * events.height)
    country, lat, lon = home.row(0)[1], home.row(0)[3], home.row(0)[4]
    joined = events.select("place_id", "place_source").join(
        info, on="place_id", how="left", maintain_order="left"
    )  # a mask of the events, in their order
    if lat is None or lon is None:
        far = pl.lit(False)
    else:
        far = _km_expr(pl.col("latitude"), pl.col("longitude"), lat, lon) > FAR_KM
    lost = (
        pl.col("place_source").is_in(["publisher", "actors"]) & (pl.col("country_code") != country)
    ) | (
        pl.col("place_type").is_in(["city", "site"])
        & (pl.col("country_code") != country)
        & (pl.col("population").fill_null(0) < FAR_TOWN)
        & far
    )
    return joined.select(lost.fill_null(False)).to_series()


def _km_expr(lat: pl.Expr, lon: pl.Expr, lat0: float, lon0: float) -> pl.Expr:
    """Great-circle distance in km from a fixed point, for columns of coordinates."""
    p1, p2 = math.radians(lat0), lat.radians()
    a = ((p2 - p1) / 2).sin() ** 2 + math.cos(p1) * p2.cos() * (
        (lon.radians() - math.radians(lon0)) / 2
    ).sin() ** 2
    return 6371.0 * 2 * a.sqrt().clip(upper_bound=1.0).arcsin()


def _focus_country(doc_country: Counter[str]) -> str | None:
    """The country nearly every report of the batch is about (a national news feed, a
    country's conflict notes), as a place for events whose report tells none."""
    known = sum(doc_country.values())
    if known < FOCUS_MIN_DOCUMENTS or not doc_country:
        return None
    country, count = doc_country.most_common(1)[0]
    return f"{country}:country" if count >= FOCUS_SHARE * known else None


def _publisher_country(publisher: str | None, words: dict[str, str]) -> str | None:
    """The country a publisher's name tells ("Daily Nation (Kenya)", "Kenya Standard")."""
    if not publisher:
        return None
    tokens = re.findall(r"[\w'.-]+", publisher.lower())
    for size in (3, 2, 1):
        for index in range(len(tokens) - size + 1):
            country = words.get(" ".join(tokens[index : index + size]))
            if country:
                return country
    return None


def _register(
    generic: dict[str, tuple[str | None, str, str | None]], actor_id: str, actor: Actor
) -> None:
    """Remember an actor the coder made: "KEN.COP" (generic) or "ORG.shining-path" (a group)."""
    if actor_id.startswith("ORG."):
        name = actor.name or actor_id[4:].replace("-", " ").title()
        generic.setdefault(actor_id, (None, actor.sector or "", name))
        return
    code = actor_id.split(".")[0]
    generic.setdefault(actor_id, (None if code == "UNK" else code, actor.sector or "", None))


def _generic_actors(
    generic: dict[str, tuple[str | None, str, str | None]], compiled: _Compiled
) -> pl.DataFrame:
    rows = []
    for actor_id, (country, sector, name) in sorted(generic.items()):
        if name is not None:
            rows.append((actor_id, name, "organization", country, sector or None, False))
            continue
        label = compiled.sector_names.get(sector, sector).split(",")[0]
        name = f"{compiled.names.get(country, country)} {label}" if country else label
        rows.append((actor_id, name, "generic", country, sector or None, False))
    return pl.DataFrame(rows, schema=ACTOR_SCHEMA, orient="row")


def _empty() -> CodedBatch:
    return CodedBatch(
        actor_mentions=pl.DataFrame(schema=MENTION_SCHEMA),
        events=pl.DataFrame(schema=EVENT_SCHEMA),
        event_actors=pl.DataFrame(schema=EVENT_ACTOR_SCHEMA),
        actors=pl.DataFrame(schema=ACTOR_SCHEMA),
        places=pl.DataFrame(schema=PLACE_SCHEMA),
    )


__all__ = ["Actor", "CodedBatch", "code_documents", "find_mentions"]
