"""Score the coder against human-coded data: PLOVER gold records, ACLED exports, MUC-4, BBC.

Each reader turns a gold file into documents (doc_id, text, published_at) plus the gold
answers; ``code_documents`` codes them exactly as a run would (no warehouse involved); each
scorer compares and returns ``Metric`` rows. The metrics are documented in the README.
"""

from __future__ import annotations

import csv
import json
import math
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

import polars as pl

from flows.coding import CodedBatch, code_documents
from flows.documents import content_key
from flows.lexicon import Lexicon

# PLOVER's gold file predates the contract's type list: older types map to current ones.
PLOVER_TYPE_MAP = {
    "DEMAND": "REQUEST",
    "DISAPPROVE": "ACCUSE",
    "INVESTIGATE": "ACCUSE",
    "CRIME": "ASSAULT",
}
# the gold file's few country codes that are no ISO 3166 code, for the country they name
# ("Japan said ..." is coded JAP, "Italy" ITL, "Vietnamese-led forces" VTN)
PLOVER_COUNTRY_MAP = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM"}
VIOLENT = ("ASSAULT", "FIGHT", "COERCE")
FORMATS = ("plover", "acled", "muc4", "bbc")


@dataclass(frozen=True)
class Metric:
    name: str
    value: float | None
    count: int  # how many gold items the value is computed over
    target: str = ""

    @property
    def passed(self) -> bool | None:
        if not self.target or self.value is None:
            return None
        op, threshold = self.target.split(" ")
        return self.value >= float(threshold) if op == ">=" else self.value <= float(threshold)


def _ratio(hits: int, total: int) -> float | None:
    return round(hits / total, 3) if total else None


def _documents(
    texts: list[str],
    published: list[datetime | None],
    publishers: list[str | None] | None = None,
) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "doc_id": [f"{index:06d}-{content_key(text)[:8]}" for index, text in enumerate(texts)],
            "text": texts,
            "published_at": published,
            "publisher": publishers or [None] * len(texts),
        },
        schema={
            "doc_id": pl.String,
            "text": pl.String,
            "published_at": pl.Datetime("us"),
            "publisher": pl.String,
        },
    )


def _event_view(coded: CodedBatch, lexicon: Lexicon) -> pl.DataFrame:
    """Events joined to their codes, actors (country or IGO/NGO sector) and places."""
    actors = pl.concat(
        [
            lexicon.actors.select("actor_id", "country_code", "sector"),
            coded.actors.select("actor_id", "country_code", "sector"),
        ]
    ).unique("actor_id", keep="first")
    roles = coded.event_actors.join(actors, on="actor_id", how="left").with_columns(
        code=pl.coalesce(
            "country_code",
            pl.when(pl.col("sector").is_in(["IGO", "NGO"])).then(pl.col("sector")),
        )
    )

    def role(name: str) -> pl.DataFrame:
        return (
            roles.filter(pl.col("role") == name)
            .group_by("event_id")
            .agg(
                pl.col("code").drop_nulls().alias(f"{name}_codes"),
                pl.col("actor_id").alias(f"{name}_ids"),
            )
        )

    return (
        coded.events.join(lexicon.event_codes, on="event_code", how="left")
        .join(role("source"), on="event_id", how="left")
        .join(role("target"), on="event_id", how="left")
        .join(role("claimant"), on="event_id", how="left")
        .join(
            coded.places.select(
                "place_id",
                pl.col("country_code").alias("place_country"),
                "place_type",
                "latitude",
                "longitude",
            ),
            on="place_id",
            how="left",
        )
        # ties go to the event told first (char_start is the sentence's, shared by its events)
        .sort(
            "doc_id",
            "confidence",
            "char_start",
            descending=[False, True, False],
            maintain_order=True,
        )
    )


def _by_doc(events: pl.DataFrame) -> dict[str, list[dict]]:
    grouped: dict[str, list[dict]] = defaultdict(list)
    for row in events.iter_rows(named=True):
        grouped[row["doc_id"]].append(row)
    return grouped


def _f1(pairs: list[tuple[set[str], set[str]]]) -> float | None:
    tp = sum(len(pred & gold) for pred, gold in pairs)
    fp = sum(len(pred - gold) for pred, gold in pairs)
    fn = sum(len(gold - pred) for pred, gold in pairs)
    if tp + fp + fn == 0:
        return None
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = tp / (tp + fn) if tp + fn else 0.0
    return round(2 * precision * recall / (precision + recall), 3) if precision + recall else 0.0


# ----------------------------------------------------------------------------- PLOVER


def evaluate_plover(path: Path, lexicon: Lexicon) -> list[Metric]:
    records = [
        r
        for r in json.loads(path.read_text(encoding="utf-8"))
        if r.get("text") and r.get("event") not in (None, "DOCUMENT")
    ]
    documents = _documents([r["text"] for r in records], [None] * len(records))
    coded = code_documents(documents, lexicon)
    events = _by_doc(_event_view(coded, lexicon))
    type_hits = recall_hits = 0
    sources: list[tuple[set[str], set[str]]] = []
    targets: list[tuple[set[str], set[str]]] = []
    for doc_id, record in zip(documents["doc_id"], records, strict=True):
        gold_type = PLOVER_TYPE_MAP.get(record["event"], record["event"])
        found = events.get(doc_id, [])
        recall_hits += bool(found)
        main = found[0] if found else None
        type_hits += bool(main and main["plover_type"] == gold_type)
        sources.append((_coordinated(found, "source"), _codes(record, "source")))
        targets.append((_coordinated(found, "target"), _codes(record, "target")))
    total = len(records)
    return [
        Metric("plover: event recall", _ratio(recall_hits, total), total),
        Metric("plover: PLOVER type accuracy", _ratio(type_hits, total), total, ">= 0.75"),
        Metric("plover: source country F1", _f1(sources), total, ">= 0.75"),
        Metric("plover: target country F1", _f1(targets), total, ">= 0.75"),
    ]


def _coordinated(found: list[dict], role: str) -> set[str]:
    """The countries in one role of the main event and of its coordinated twins. The
    coder splits one word's coordinated parties into an event each ("aid for Romania and
    Poland" = two AID events with the same source); PLOVER codes them as one record.
    Twins are the events of the same word and code whose other role is the same."""
    if not found:
        return set()
    main = found[0]
    other = "target" if role == "source" else "source"
    key = (
        main["event_code"],
        main["char_start"],
        main["char_end"],
        sorted(main[f"{other}_ids"] or []),
    )
    return {
        code
        for e in found
        if (e["event_code"], e["char_start"], e["char_end"], sorted(e[f"{other}_ids"] or [])) == key
        for code in e[f"{role}_codes"] or []
    }


def _codes(record: dict, key: str) -> set[str]:
    value = record.get(key)
    if not isinstance(value, list):
        return set()
    codes = {str(actor.get("code"))[:3] for actor in value if actor.get("code")}
    return {PLOVER_COUNTRY_MAP.get(code, code) for code in codes}


# ----------------------------------------------------------------------------- ACLED


def _haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(math.sqrt(a))


def read_acled(path: Path) -> list[dict]:
    """One item per distinct note: its text and every gold row coded from it."""
    notes: dict[str, dict] = {}
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            text = (row.get("notes") or "").strip()
            if not text:
                continue
            item = notes.setdefault(text, {"text": text, "rows": []})
            item["rows"].append(row)
    return list(notes.values())


def _acled_date(value: str) -> datetime:
    for pattern in ("%d-%m-%y", "%Y-%m-%d", "%d %B %Y", "%d-%B-%Y"):
        try:
            return datetime.strptime(value, pattern)
        except ValueError:
            continue
    raise ValueError(f"unknown ACLED date {value!r}")


def evaluate_acled(path: Path, lexicon: Lexicon) -> list[Metric]:
    notes = read_acled(path)
    # Each note is treated as a report published on its (latest) event date, by the
    # publisher ACLED cites for it.
    published = [max(_acled_date(r["event_date"]) for r in n["rows"]) for n in notes]
    documents = _documents(
        [n["text"] for n in notes], published, [n["rows"][0].get("source") or None for n in notes]
    )
    coded = code_documents(documents, lexicon)
    # ACLED codes reported events, alleged ones included.
    view = _event_view(coded, lexicon).filter(
        ~pl.col("is_negated") & pl.col("modality").is_in(["asserted", "claimed"])
    )
    events = _by_doc(view)
    hits = {key: 0 for key in ("recall", "type", "sub", "fatal", "country", "place", "date")}
    counts = {"place": 0}
    for doc_id, note in zip(documents["doc_id"], notes, strict=True):
        rows = note["rows"]
        found = [e for e in events.get(doc_id, []) if e["acled_event_type"]]
        main = found[0] if found else None
        hits["recall"] += main is not None
        hits["type"] += bool(main and main["acled_event_type"] in {r["event_type"] for r in rows})
        hits["sub"] += bool(
            main and main["acled_sub_event_type"] in {r["sub_event_type"] for r in rows}
        )
        gold_fatalities = sum(int(r["fatalities"] or 0) for r in rows)
        ours = sum((e["fatalities"] or 0) for e in found if not e["is_historical"])
        hits["fatal"] += ours == gold_fatalities
        gold = rows[0]
        country = None
        if main is not None:
            country = main["place_country"] or next(
                iter((main["target_codes"] or []) + (main["source_codes"] or [])), None
            )
        hits["country"] += country == gold["iso3"]
        if gold.get("latitude") and gold.get("longitude"):
            counts["place"] += 1
            # a country's coordinates are its capital's: only a named place can be near
            if (
                main is not None
                and main["latitude"] is not None
                and main["place_type"] != "country"
            ):
                distance = _haversine_km(
                    main["latitude"],
                    main["longitude"],
                    float(gold["latitude"]),
                    float(gold["longitude"]),
                )
                hits["place"] += distance <= 25.0
        gold_dates = {_acled_date(r["event_date"]).date() for r in rows}
        hits["date"] += bool(main and main["event_date"] in gold_dates)
    total = len(notes)
    return [
        Metric("acled: event recall", _ratio(hits["recall"], total), total, ">= 0.95"),
        Metric("acled: event type accuracy", _ratio(hits["type"], total), total, ">= 0.85"),
        Metric("acled: sub-event type accuracy", _ratio(hits["sub"], total), total, ">= 0.70"),
        Metric("acled: fatalities exact", _ratio(hits["fatal"], total), total, ">= 0.85"),
        Metric("acled: country", _ratio(hits["country"], total), total, ">= 0.97"),
        Metric(
            "acled: place within 25 km",
            _ratio(hits["place"], counts["place"]),
            counts["place"],
            ">= 0.75",
        ),
        Metric("acled: date exact", _ratio(hits["date"], total), total, ">= 0.95"),
    ]


# ----------------------------------------------------------------------------- MUC-4


def evaluate_muc4(path: Path, lexicon: Lexicon) -> list[Metric]:
    records = [
        json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()
    ]
    documents = _documents([r["doctext"] for r in records], [None] * len(records))
    coded = code_documents(documents, lexicon)
    view = _event_view(coded, lexicon)
    perpetrators: dict[str, set[str]] = defaultdict(set)
    for row in view.filter(pl.col("plover_type").is_in(VIOLENT)).iter_rows(named=True):
        for actor_id in (row["source_ids"] or []) + (row["claimant_ids"] or []):
            perpetrators[row["doc_id"]].add(actor_id)
    surfaces: dict[str, list[str]] = defaultdict(list)
    for doc_id, actor_id, surface in coded.actor_mentions.select(
        "doc_id", "actor_id", "surface"
    ).iter_rows():
        if actor_id in perpetrators.get(doc_id, ()):
            surfaces[doc_id].append(surface.lower())
    hits = total = 0
    for doc_id, record in zip(documents["doc_id"], records, strict=True):
        for entity in record["extracts"].get("PerpOrg", []):
            total += 1
            names = [mention[0].lower() for mention in entity]
            hits += any(
                name in surface or surface in name
                for name in names
                for surface in surfaces.get(doc_id, [])
            )
    return [Metric("muc4: perpetrator organization recall", _ratio(hits, total), total, ">= 0.6")]


# ----------------------------------------------------------------------------- BBC


def evaluate_bbc(path: Path, lexicon: Lexicon) -> list[Metric]:
    metrics = []
    for category in ("sport", "entertainment", "business", "tech"):
        files = sorted((path / category).glob("*.txt"))
        if not files:
            continue
        texts = [file.read_bytes().decode("utf-8", errors="replace") for file in files]
        coded = code_documents(_documents(texts, [None] * len(texts)), lexicon)
        violent = coded.events.filter(
            pl.col("event_code").str.split(".").list.first().is_in(VIOLENT)
            & ~pl.col("is_negated")
            & (pl.col("modality") == "asserted")
            & ~pl.col("is_historical")
        ).height
        metrics.append(
            Metric(
                f"bbc {category}: violent events per article",
                round(violent / len(files), 3),
                len(files),
                "<= 0.05",
            )
        )
    return metrics


EVALUATORS: dict[str, Callable[[Path, Lexicon], list[Metric]]] = {
    "plover": evaluate_plover,
    "acled": evaluate_acled,
    "muc4": evaluate_muc4,
    "bbc": evaluate_bbc,
}


def evaluate(file_format: str, path: Path, lexicon: Lexicon) -> list[Metric]:
    """Score the coder on one gold file (or, for BBC, the corpus directory)."""
    if file_format not in EVALUATORS:
        raise ValueError(f"unknown format {file_format!r}: use one of {', '.join(FORMATS)}")
    if not path.exists():
        raise FileNotFoundError(f"no such gold file: {path}")
    return EVALUATORS[file_format](path, lexicon)
