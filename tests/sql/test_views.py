"""Analytical views on a small warehouse coded from reports written for this test."""

from __future__ import annotations

from datetime import datetime

import polars as pl
import pytest

from flows import warehouse
from flows.settings import load_settings

from .coded import coded_warehouse

SETTINGS = load_settings()
WIRE = "Gunmen bombed a market in Mandera on Monday, killing 9 people, police said."
REPORTS = [  # (publisher, published_at, text)
    ("Wire A", datetime(2024, 1, 16, 8), WIRE),
    ("Daily Nation (Kenya)", datetime(2024, 1, 16, 9), f"By our reporter.\n\n{WIRE}"),
    (
        "The Star (Kenya)",
        datetime(2024, 1, 17, 7),
        "Nine people died when a bomb ripped through a market in Mandera on Monday, "
        "the police said. Gunmen bombed the market at noon.",
    ),
    ("Wire A", datetime(2024, 1, 16, 10), "Protesters marched in Kampala on Tuesday."),
    ("Wire A", datetime(2024, 1, 16, 11), "The US warned Iran on Monday."),
    ("Wire A", datetime(2024, 1, 16, 12), "Iran denied attacking the US base on Monday."),
]


@pytest.fixture(scope="module")
def con(lexicon):
    connection = coded_warehouse(lexicon, REPORTS)
    yield connection
    connection.close()


def _rows(con, sql):
    return con.sql(sql).pl()


def test_three_reports_of_one_bombing_are_one_happening(con):
    clusters = _rows(
        con, "SELECT * FROM event_clusters WHERE plover_type = 'ASSAULT' AND country_code = 'KEN'"
    )
    assert clusters.height == 1, clusters
    bombing = clusters.row(0, named=True)
    assert bombing["n_reports"] == 3
    assert bombing["n_documents"] == 2  # the syndicated copy of the wire counts once
    assert bombing["n_publishers"] == 3
    assert bombing["fatalities"] == 9  # the largest figure, not 27
    assert bombing["first_reported_at"] == datetime(2024, 1, 16, 8)
    assert str(bombing["first_event_date"]) == "2024-01-15"


def test_clusters_kept_per_batch_equal_clusters_computed_at_once(con, lexicon):
    # a refresh recomputes only the partitions its documents touch: reports loaded and
    # derived one at a time must end with the clusters of one batch, and of a full rebuild
    one_by_one = coded_warehouse(lexicon, REPORTS, batch_size=1)
    query = (
        "SELECT m.event_id, m.cluster_id, f.n_events, f.n_documents, f.n_publishers,"
        " f.representative_event_id FROM event_cluster_members m"
        " JOIN cluster_facts f USING (cluster_id) ORDER BY m.event_id"
    )
    try:
        assert _rows(one_by_one, query).equals(_rows(con, query))
        warehouse.refresh_derived(one_by_one)
        assert _rows(one_by_one, query).equals(_rows(con, query))
    finally:
        one_by_one.close()


def test_unrelated_events_are_not_merged(con):
    members = _rows(con, "SELECT * FROM event_cluster_members")
    by_doc = members.group_by("doc_id").agg(pl.col("cluster_id").unique())
    kampala = by_doc.filter(pl.col("doc_id") == "doc3")["cluster_id"].to_list()[0]
    bombing = by_doc.filter(pl.col("doc_id") == "doc0")["cluster_id"].to_list()[0]
    assert set(kampala).isdisjoint(bombing)


def test_counting_views_leave_out_negated_events(con):
    negated = _rows(con, "SELECT count(*) AS n FROM events WHERE is_negated")["n"][0]
    assert negated >= 1  # "Iran denied attacking"
    for view in ("daily_event_counts", "dyads", "actor_network", "conflict_cooperation_monthly"):
        total = _rows(con, f"SELECT * FROM {view}")
        assert total.height >= 1, view
    pairs = _rows(con, "SELECT * FROM conflict_cooperation_monthly")
    assert ("IRN", "USA") not in set(
        zip(pairs["source_country"], pairs["target_country"], strict=True)
    )
    warning = pairs.filter(
        (pl.col("source_country") == "USA") & (pl.col("target_country") == "IRN")
    )
    assert warning["conflict_events"].to_list() == [1]
    assert warning["goldstein_sum"][0] < 0


def test_actor_network_is_undirected_with_one_row_per_pair(con):
    edges = _rows(con, "SELECT * FROM actor_network")
    assert (edges["actor_a"] < edges["actor_b"]).all()
    assert edges.select("actor_a", "actor_b").is_unique().all()
