"""The seed article, coded as `../shared/examples/seed_article.expected.md` describes."""

from __future__ import annotations

from datetime import date

import polars as pl
import pytest

from flows.coding import code_documents
from flows.documents import prepare_documents
from flows.settings import load_settings
from flows.sources import discover_inputs, iter_documents, raw_frame

SEED = load_settings().default_articles_dir / "kerman-warning.txt"


@pytest.fixture(scope="module")
def coded(lexicon):
    files, _, _ = discover_inputs([str(SEED)])
    documents = prepare_documents(raw_frame(list(iter_documents(files, 10**7))))
    batch = code_documents(documents.select("doc_id", "text", "published_at"), lexicon)
    roles = batch.event_actors.group_by("event_id", "role").agg(pl.col("actor_id").sort())
    wide = batch.events
    for role in ("source", "target", "claimant"):
        wide = wide.join(
            roles.filter(pl.col("role") == role).select("event_id", pl.col("actor_id").alias(role)),
            on="event_id",
            how="left",
        )
    return batch, wide.with_columns(pl.col("event_code").str.split(".").list.first().alias("type"))


def _events(wide, **conditions):
    frame = wide
    for column, value in conditions.items():
        frame = frame.filter(pl.col(column) == value)
    return frame


def _asserted(wide):
    return wide.filter(~pl.col("is_negated") & (pl.col("modality") == "asserted"))


def test_kerman_bombing_has_its_perpetrator_victims_date_place_deaths_and_claimant(coded):
    batch, wide = coded
    kerman = _asserted(wide).filter((pl.col("type") == "ASSAULT") & (pl.col("fatalities") == 95))
    assert kerman.height == 1
    row = kerman.row(0, named=True)
    assert row["source"] == ["ISIS_K"]
    assert row["target"] == ["IRN.CVL"]
    assert row["event_date"] == date(2024, 1, 3) and row["date_precision"] == "day"
    assert not row["is_historical"]
    place = batch.places.filter(pl.col("place_id") == row["place_id"]).row(0, named=True)
    assert (place["name"], place["country_code"]) == ("Kerman", "IRN")
    assert row["claimant"] == ["ISLAMIC_STATE"]


def test_the_claim_is_not_a_second_attack(coded):
    _, wide = coded
    asserted = _asserted(wide).filter(~pl.col("is_historical"))
    violent = asserted.filter(
        pl.col("type").is_in(["ASSAULT", "FIGHT"])
        & pl.col("evidence").str.contains("claimed responsibility")
    )
    assert violent.height == 0
    assert asserted["fatalities"].fill_null(0).sum() == 95


def test_missile_attacks_on_two_countries_are_two_events_and_pakistan_a_third(coded):
    _, wide = coded
    # State-on-state strikes: PLOVER calls conventional force FIGHT, the guide ASSAULT/aerial.
    strikes = _asserted(wide).filter(
        pl.col("type").is_in(["ASSAULT", "FIGHT"]) & (pl.col("source").list.first() == "IRN")
    )
    targets = sorted(t[0] for t in strikes["target"].to_list() if t)
    assert targets == ["IRQ", "PAK", "SYR"]


def test_blame_is_two_accusations(coded):
    _, wide = coded
    accuse = _asserted(wide).filter(pl.col("type") == "ACCUSE")
    pairs = sorted(
        (r["source"][0], r["target"][0])
        for r in accuse.iter_rows(named=True)
        if r["source"] and r["target"]
    )
    assert ("IRN", "ISR") in pairs and ("IRN", "USA") in pairs


def test_kabul_airport_bombing_is_historical_with_183_deaths(coded):
    batch, wide = coded
    kabul = wide.filter(
        pl.col("evidence").str.contains("Kabul airport") & (pl.col("type") == "ASSAULT")
    )
    assert kabul.height >= 1
    assert kabul["is_historical"].all()
    assert kabul["fatalities"].fill_null(0).sum() == 183
    assert {"USA.MIL", "AFG.CVL"} <= {t for ts in kabul["target"].to_list() for t in ts or []}
    assert set(kabul["source"].list.first().to_list()) == {"ISIS_K"}
    assert kabul["event_date"].to_list()[0] == date(2021, 8, 1)
    assert kabul["date_precision"].to_list()[0] == "month"
    place = batch.places.filter(pl.col("place_id") == kabul["place_id"][0]).row(0, named=True)
    assert place["country_code"] == "AFG" and place["place_type"] == "site"


def test_israel_hamas_conflict_is_a_fight_in_gaza(coded):
    batch, wide = coded
    fight = wide.filter((pl.col("type") == "FIGHT") & pl.col("evidence").str.contains("Hamas"))
    assert fight.height == 1
    row = fight.row(0, named=True)
    assert {row["source"][0], row["target"][0]} == {"ISR", "HAMAS"}
    gaza = batch.places.filter(pl.col("place_id") == row["place_id"]).row(0, named=True)
    assert gaza["name"] == "Gaza Strip"


def test_unacknowledged_warning_and_media_report_are_not_asserted_events(coded):
    _, wide = coded
    asserted = _asserted(wide)
    assert asserted.filter(pl.col("evidence").str.contains("has not acknowledged")).height == 0
    assert (
        asserted.filter(
            pl.col("evidence").str.contains("first reported")
            & (pl.col("source").list.first() == "WSJ")
        ).height
        == 0
    )


def test_actors_are_recognised_with_offsets(coded):
    batch, _ = coded
    mentions = batch.actor_mentions
    found = set(mentions["actor_id"].to_list())
    assert {
        "USA",
        "IRN",
        "ISIS_K",
        "ISLAMIC_STATE",
        "ISR",
        "HAMAS",
        "IRQ",
        "SYR",
        "PAK",
        "TALIBAN",
        "AFG",
        "WSJ",
        "QASSEM_SOLEIMANI",
        "IRN.MED",
    } <= found
    text = SEED.read_text()
    for surface in mentions["surface"].to_list():
        assert surface in text


def test_evidence_equals_the_text_at_its_offsets(coded, lexicon):
    batch, _ = coded
    files, _, _ = discover_inputs([str(SEED)])
    text = prepare_documents(raw_frame(list(iter_documents(files, 10**7))))["text"][0]
    for start, end, evidence in batch.events.select(
        "char_start", "char_end", "evidence"
    ).iter_rows():
        assert text[start:end] == evidence
