"""The schema, views and loading against real DuckDB files."""

from __future__ import annotations

import os
from datetime import datetime

import duckdb
import polars as pl
import pytest

from flows import warehouse
from flows.settings import load_settings
from flows.sources import Rejection

SETTINGS = load_settings()
CONTRACT_TABLES = {
    "documents",
    "actors",
    "actor_aliases",
    "sectors",
    "actor_mentions",
    "event_codes",
    "places",
    "events",
    "event_actors",
    "runs",
    "rejected_inputs",
}
CONTRACT_VIEWS = {
    "events_wide",
    "daily_event_counts",
    "actor_activity",
    "dyads",
    "fatalities_by_country_month",
    "claims",
}


@pytest.fixture
def con():
    connection = duckdb.connect()
    warehouse.migrate(connection, SETTINGS.schema_dir)
    yield connection
    connection.close()


def _tables(connection, kind="BASE TABLE"):
    return {
        row[0]
        for row in connection.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_type = ?", [kind]
        ).fetchall()
    }


def test_schema_creates_every_contract_table_and_records_its_version():
    connection = duckdb.connect()
    applied = warehouse.migrate(connection, SETTINGS.schema_dir)
    assert applied and applied[0].startswith("001_")
    assert _tables(connection) >= CONTRACT_TABLES
    versions = connection.execute("SELECT version FROM schema_version").fetchall()
    assert len(versions) == len(applied)


def test_reapplying_the_schema_is_a_no_op_and_keeps_data(con):
    con.execute("INSERT INTO sectors VALUES ('GOV', 'government')")
    assert warehouse.migrate(con, SETTINGS.schema_dir) == []
    assert con.execute("SELECT count(*) FROM sectors").fetchone()[0] == 1


def test_views_apply_on_an_empty_warehouse(con):
    created = warehouse.apply_views(con, SETTINGS.views_dir)
    assert set(created) >= CONTRACT_VIEWS
    for view in CONTRACT_VIEWS:
        assert con.execute(f"SELECT count(*) FROM {view}").fetchone()[0] == 0


def test_a_broken_view_names_itself(tmp_path, con):
    (tmp_path / "bad_view.sql").write_text("SELECT * FROM no_such_table")
    with pytest.raises(warehouse.WarehouseError, match="bad_view"):
        warehouse.apply_views(con, tmp_path)


def _document(doc_id: str) -> pl.DataFrame:
    return pl.DataFrame(
        {
            "doc_id": [doc_id],
            "external_id": [None],
            "source_uri": [f"file:///{doc_id}.txt"],
            "url": [None],
            "title": ["t"],
            "publisher": [None],
            "author": [None],
            "published_at": [datetime(2024, 1, 25)],
            "language": [None],
            "text": ["Some text."],
            "content_type": ["text"],
            "coder_version": ["test"],
            "ingested_at": [datetime(2024, 1, 26)],
            "run_id": ["r1"],
        },
        schema_overrides={
            "external_id": pl.String,
            "url": pl.String,
            "publisher": pl.String,
            "author": pl.String,
            "language": pl.String,
        },
    )


def _batch(doc_id: str, rejections=()) -> warehouse.Batch:
    empty = pl.DataFrame()
    return warehouse.Batch(_document(doc_id), empty, empty, empty, empty, empty, list(rejections))


def test_load_batch_is_idempotent_and_records_rejections(con):
    rejection = Rejection("file:///bad.txt", "empty", "nothing")
    first = warehouse.load_batch(con, _batch("a", [rejection]), "r1")
    second = warehouse.load_batch(con, _batch("a"), "r2")
    assert (first.documents, first.rejected) == (1, 1)
    assert second.documents == 0
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 1
    assert con.execute("SELECT reason FROM rejected_inputs").fetchall() == [("empty",)]


def _coded_batch(doc_id: str, event_id: str) -> warehouse.Batch:
    """A document with one event and its actor, as the coder would give them."""
    batch = _batch(doc_id)
    batch.events = pl.DataFrame(
        {
            "event_id": [event_id],
            "doc_id": [doc_id],
            "sentence_index": [0],
            "char_start": [0],
            "char_end": [4],
            "evidence": ["Some"],
            "event_code": ["PROTEST.demonstrate"],
            "confidence": [0.5],
            "coder_version": ["test"],
        }
    )
    batch.event_actors = pl.DataFrame(
        {"event_id": [event_id], "actor_id": ["KEN.PRO"], "role": ["source"]}
    )
    batch.actor_mentions = pl.DataFrame(
        {
            "doc_id": [doc_id],
            "sentence_index": [0],
            "char_start": [0],
            "char_end": [4],
            "surface": ["Some"],
            "actor_id": [f"KEN.PRO.{event_id}"],
        }
    )
    return batch


def test_a_document_already_stored_is_skipped_whole_with_its_coding(con):
    """A batch coded while the batch holding the same document was still loading (batches
    are coded ahead of loading) may code it differently: the stored coding stays."""
    warehouse.load_batch(con, _coded_batch("a", "e1"), "r1")
    again = _coded_batch("a", "e2")  # the same document, coded in another batch's context
    again.documents = pl.concat([again.documents, _document("b")])
    counts = warehouse.load_batch(con, again, "r2")
    assert (counts.documents, counts.events) == (1, 0)
    assert con.execute("SELECT event_id FROM events").fetchall() == [("e1",)]
    assert con.execute("SELECT event_id FROM event_actors").fetchall() == [("e1",)]
    assert con.execute("SELECT actor_id FROM actor_mentions").fetchall() == [("KEN.PRO.e1",)]
    assert con.execute("SELECT doc_id FROM pending_derivation ORDER BY 1").fetchall() == [
        ("a",),
        ("b",),
    ]


def test_a_failing_batch_leaves_nothing_behind(con):
    bad = _batch("b")
    bad.events = pl.DataFrame({"event_id": ["e1"], "doc_id": ["b"]})  # violates NOT NULL
    with pytest.raises(duckdb.Error):
        warehouse.load_batch(con, bad, "r1")
    assert con.execute("SELECT count(*) FROM documents").fetchone()[0] == 0


def test_writer_publishes_atomically_while_a_reader_holds_the_file(tmp_path):
    published = tmp_path / "events.duckdb"
    with warehouse.WarehouseWriter(published) as writer:
        warehouse.migrate(writer.con, SETTINGS.schema_dir)
        warehouse.load_batch(writer.con, _batch("a"), "r1")
        writer.publish()
    reader = duckdb.connect(str(published), read_only=True)
    with warehouse.WarehouseWriter(published) as writer:
        warehouse.load_batch(writer.con, _batch("b"), "r2")
        writer.publish()
    assert reader.execute("SELECT count(*) FROM documents").fetchone()[0] == 1  # old snapshot
    reader.close()
    assert warehouse.query(published, "SELECT count(*) AS n FROM documents")["n"][0] == 2


def test_a_second_writer_is_refused_clearly(tmp_path):
    published = tmp_path / "events.duckdb"
    with (
        warehouse.WarehouseWriter(published),
        pytest.raises(warehouse.WarehouseBusy, match="another newsevents run"),
        warehouse.WarehouseWriter(published),
    ):
        pass


def test_a_busy_warehouse_is_found_before_a_run_starts(tmp_path):
    published = tmp_path / "events.duckdb"
    warehouse.ensure_not_busy(published)  # no lock file yet
    with (
        warehouse.WarehouseWriter(published),
        pytest.raises(warehouse.WarehouseBusy, match=f"pid {os.getpid()}"),
    ):
        warehouse.ensure_not_busy(published)
    warehouse.ensure_not_busy(published)  # released with the writer


def test_runs_a_killed_run_left_running_are_marked_interrupted(con):
    """A run killed before it finished leaves its row 'running'; the next run (holding the
    lock, so no other run can be running) marks it, counting what it committed."""
    warehouse.start_run(con, "r1", None, ["in/"], "v1")
    warehouse.load_batch(con, _batch("a"), "r1")  # a document of run r1
    warehouse.start_run(con, "next", None, ["in/"], "v1")  # a run that finished stays as it is
    warehouse.finish_run(
        con, "next", "completed", docs_seen=0, docs_new=0, docs_rejected=0, events_added=0
    )
    assert warehouse.close_interrupted_runs(con) == 1
    rows = con.execute(
        "SELECT run_id, status, docs_new, message FROM runs ORDER BY started_at"
    ).fetchall()
    assert rows[0][:3] == ("r1", "interrupted", 1) and "killed or crashed" in rows[0][3]
    assert rows[1] == ("next", "completed", 0, None)
    assert warehouse.close_interrupted_runs(con) == 0


def test_read_only_query_cannot_write(tmp_path):
    published = tmp_path / "events.duckdb"
    with warehouse.WarehouseWriter(published) as writer:
        warehouse.migrate(writer.con, SETTINGS.schema_dir)
        writer.publish()
    with pytest.raises(duckdb.Error, match="read-only"):
        warehouse.query(published, "DELETE FROM documents")
    with pytest.raises(warehouse.WarehouseError, match="no warehouse"):
        warehouse.query(tmp_path / "missing.duckdb", "SELECT 1")


# an event and a second report of it, stored with the columns of the first schema file only
OLD_ROWS = {
    "runs": "('r1', NULL, TIMESTAMP '2024-03-06 10:00', TIMESTAMP '2024-03-06 10:01', 'completed',"
    " 2, 2, 0, 2, 'old', 'in/', NULL)",
    "sectors": "('GOV', 'government'), ('PRO', 'protesters')",
    "actors": "('KEN.GOV', 'Kenya government', 'generic', 'KEN', 'GOV', false),"
    " ('KEN.PRO', 'Kenya protesters', 'generic', 'KEN', 'PRO', false)",
    "actor_aliases": "('KEN.GOV', 'Kenyan government', false)",
    "places": "('KEN:nairobi', 'Nairobi', 'city', 'KEN', 'Nairobi', -1.28, 36.82)",
    "event_codes": "('PROTEST.demonstrate', 'PROTEST', 'demonstrate', '141', 3, -6.5,"
    " 'Protests', 'Peaceful protest', 'demonstrate')",
    "documents": "('d1', NULL, 'file:///in/1.txt', NULL, 't1', 'Wire A', NULL,"
    " TIMESTAMP '2024-03-05', 'en', 'Protesters marched in Nairobi.', 'text', 'old',"
    " TIMESTAMP '2024-03-06', 'r1'), ('d2', NULL, 'file:///in/2.txt', NULL, 't2', 'Wire B',"
    " NULL, TIMESTAMP '2024-03-05', 'en', 'Protesters marched in Nairobi on Monday.', 'text',"
    " 'old', TIMESTAMP '2024-03-06', 'r1')",
    "actor_mentions": "('d1', 0, 0, 10, 'Protesters', 'KEN.PRO'),"
    " ('d2', 0, 0, 10, 'Protesters', 'KEN.PRO')",
    "events": "('e1', 'd1', 0, 0, 29, 'Protesters marched in Nairobi', 'PROTEST.demonstrate',"
    " 'marched', DATE '2024-03-04', 'day', false, false, 'asserted', NULL, NULL, 'KEN:nairobi',"
    " 0.8, 'old'), ('e2', 'd2', 0, 0, 29, 'Protesters marched in Nairobi',"
    " 'PROTEST.demonstrate', 'marched', DATE '2024-03-04', 'day', false, false, 'asserted',"
    " NULL, NULL, 'KEN:nairobi', 0.8, 'old')",
    "event_actors": "('e1', 'KEN.PRO', 'source'), ('e2', 'KEN.PRO', 'source')",
    "rejected_inputs": "('file:///in/3.txt', 'empty', 'nothing', 'r1', TIMESTAMP '2024-03-06')",
}


def _older_warehouse(path, files):
    """A warehouse made by an older release: only ``files`` applied, and rows stored with the
    first file's columns; derived as that release did (from 004 on, the loader derived)."""
    con = duckdb.connect(str(path))
    con.execute(
        "CREATE TABLE schema_version ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
    )
    for number, schema_file in enumerate(files, start=1):
        con.execute(schema_file.read_text(encoding="utf-8"))
        con.execute(
            "INSERT INTO schema_version VALUES (?, ?, ?)",
            [number, schema_file.name, datetime(2024, 1, number)],
        ).fetchall()
    for table, values in OLD_ROWS.items():
        width = len(con.execute(f"SELECT * FROM (VALUES {values})").description)
        columns = [row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()][:width]
        con.execute(f"INSERT INTO {table} ({', '.join(columns)}) VALUES {values}").fetchall()
    if any(schema_file.name.startswith("004_") for schema_file in files):
        warehouse.refresh_derived(con)
    con.close()


@pytest.mark.parametrize("applied", range(1, len(list(SETTINGS.schema_dir.glob("*.sql")))))
def test_migrating_an_older_warehouse_keeps_every_row(tmp_path, applied):
    files = sorted(SETTINGS.schema_dir.glob("*.sql"))
    path = tmp_path / "old.duckdb"
    _older_warehouse(path, files[:applied])
    con = duckdb.connect(str(path))
    before = {
        table: con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall() for table in OLD_ROWS
    }

    assert warehouse.migrate(con, SETTINGS.schema_dir) == [f.name for f in files[applied:]]
    versions = con.execute("SELECT version FROM schema_version ORDER BY 1").fetchall()
    assert [v[0] for v in versions] == list(range(1, len(files) + 1))
    for table, rows in before.items():
        width = len(rows[0])  # the columns the older release had come first, unchanged
        after = con.execute(f"SELECT * FROM {table} ORDER BY ALL").fetchall()
        assert [row[:width] for row in after] == rows, table
    # what the new schema derives is derived for the old rows too: both reports of the
    # protest are one happening, and each event carries its source
    assert con.execute("SELECT DISTINCT source_actor_id FROM events").fetchall() == [("KEN.PRO",)]
    assert con.execute(
        "SELECT count(DISTINCT cluster_id), count(*) FROM event_cluster_members"
    ).fetchone() == (1, 2)
    assert con.execute("SELECT n_reports, n_publishers FROM cluster_facts").fetchall() == [(2, 2)]
    assert warehouse.migrate(con, SETTINGS.schema_dir) == []
    con.close()
