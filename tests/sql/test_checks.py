"""The data checks in sql/checks: they pass on a coded warehouse and catch broken rows."""

from __future__ import annotations

from datetime import datetime

import polars as pl
import pytest

from flows import warehouse
from flows.batches import coded_batch
from flows.pipeline import _document_rows
from flows.settings import load_settings

from .coded import coded_warehouse

SETTINGS = load_settings()
TEXTS = [
    "Gunmen killed 3 villagers in Mandera on Monday, police said. Al-Shabaab claimed "
    "responsibility for the attack.",
    "Protesters clashed with police in Nairobi on Tuesday; 12 were injured. "
    "The government denied attacking journalists in Kisumu.",
    "Iranian state media said Tehran struck targets in Iraq and Syria on 16 January 2024.",
]


@pytest.fixture
def con(lexicon):
    connection = coded_warehouse(
        lexicon, [("Daily Nation (Kenya)", datetime(2024, 1, 18), text) for text in TEXTS]
    )
    yield connection
    connection.close()


def test_a_coded_batch_passes_every_check(con):
    assert con.execute("SELECT count(*) FROM events").fetchone()[0] >= 3
    assert warehouse.run_checks(con, SETTINGS.checks_dir) == {}


BREAKAGES = {
    "foreign_keys": "UPDATE events SET event_code = 'NO_SUCH_CODE' WHERE event_id = "
    "(SELECT min(event_id) FROM events)",
    "accepted_values": "UPDATE events SET date_precision = 'week' WHERE event_id = "
    "(SELECT min(event_id) FROM events)",
    "evidence_matches_text": "UPDATE events SET char_start = char_start + 1 WHERE event_id = "
    "(SELECT min(event_id) FROM events)",
    "non_negative_casualties": "UPDATE events SET fatalities = -2 WHERE event_id = "
    "(SELECT min(event_id) FROM events)",
    "no_asserted_event_after_publication": "UPDATE events SET event_date = DATE '2024-02-01',"
    " date_precision = 'day', date_source = 'text'"
    " WHERE event_id = (SELECT min(event_id) FROM event_cluster_members)",
    "derived_current": "DELETE FROM event_cluster_members WHERE event_id = "
    "(SELECT min(event_id) FROM event_cluster_members)",
}


def test_derived_actor_columns_must_follow_event_actors(con):
    con.execute(
        "UPDATE event_actors SET actor_id = 'KEN' WHERE role = 'source' AND event_id ="
        " (SELECT min(event_id) FROM events WHERE source_actor_id <> 'KEN')"
    ).fetchall()
    failures = warehouse.run_checks(con, SETTINGS.checks_dir)
    assert set(failures) == {"derived_current"}
    warehouse.refresh_derived(con)
    assert warehouse.run_checks(con, SETTINGS.checks_dir) == {}


@pytest.mark.parametrize("check", sorted(BREAKAGES))
def test_each_check_catches_its_kind_of_broken_row(con, check):
    con.execute(BREAKAGES[check]).fetchall()
    failures = warehouse.run_checks(con, SETTINGS.checks_dir)
    assert set(failures) == {check}
    assert failures[check].height >= 1


def test_duplicate_keys_are_caught_where_no_constraint_stops_them(con):
    # places has a primary key; rebuild it without one, as an older file or a hand edit might
    con.execute("CREATE TABLE places_copy AS SELECT * FROM places").fetchall()
    con.execute("DROP TABLE places").fetchall()
    con.execute("ALTER TABLE places_copy RENAME TO places").fetchall()
    con.execute("INSERT INTO places SELECT * FROM places LIMIT 1").fetchall()
    failures = warehouse.run_checks(con, SETTINGS.checks_dir)
    assert set(failures) == {"unique_keys"}


def test_a_batch_failing_the_checks_is_rolled_back_whole(con, lexicon):
    documents = pl.DataFrame(
        {
            "doc_id": ["bad"],
            "external_id": [None],
            "source_uri": ["file:///in/bad.txt"],
            "url": [None],
            "title": ["t"],
            "publisher": [None],
            "author": [None],
            "published_at": [datetime(2024, 1, 18)],
            "language": ["en"],
            "text": ["Soldiers killed 4 rebels near Goma on Monday."],
            "content_type": ["text"],
        },
        schema_overrides={c: pl.String for c in ("external_id", "url", "author", "publisher")},
    )
    batch = coded_batch(documents, lexicon)
    batch.documents = _document_rows(batch.documents, "r2", lexicon.coder_version)
    assert batch.events.height >= 1
    batch.events = batch.events.with_columns(fatalities=pl.lit(-1, pl.Int32))
    tables = ("documents", "events", "event_actors", "actor_mentions")
    before = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
    with pytest.raises(warehouse.ChecksFailed, match="non_negative_casualties"):
        warehouse.load_batch(con, batch, "r2", SETTINGS.checks_dir)
    after = {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in before}
    assert after == before
