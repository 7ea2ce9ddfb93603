"""End to end: the flow under Prefect's test harness, on the seed articles and bad inputs."""

from __future__ import annotations

import gzip
import json
import shutil

import duckdb
import polars as pl
from typer.testing import CliRunner

from flows.cli import app
from flows.pipeline import execute_recode, execute_run
from flows.settings import load_settings

SEEDS = load_settings().default_articles_dir


def _count(path, sql):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def test_seed_articles_load_once_and_a_rerun_adds_nothing(tmp_path):
    warehouse = tmp_path / "events.duckdb"
    first = execute_run([str(SEEDS)], str(warehouse))
    assert first.status == "completed"
    assert first.docs_new >= 2 and first.events_added > 0
    documents = _count(warehouse, "SELECT count(*) FROM documents")
    events = _count(warehouse, "SELECT count(*) FROM events")
    assert documents == first.docs_new and events == first.events_added
    # what the views read is derived before the warehouse is published
    assert _count(warehouse, "SELECT count(*) FROM pending_derivation") == 0
    assert _count(warehouse, "SELECT count(*) FROM event_clusters") > 0
    assert _count(warehouse, "SELECT count(*) FROM events WHERE source_actor_id IS NULL") < events
    assert (
        _count(
            warehouse, "SELECT count(*) FROM documents WHERE published_at = TIMESTAMP '2024-01-25'"
        )
        >= 1
    )

    # unchanged files are not read again; read again (--rescan), their documents are known
    second = execute_run([str(SEEDS)], str(warehouse))
    assert (second.status, second.docs_new, second.events_added) == ("completed", 0, 0)
    assert (second.files_unchanged, second.docs_seen) == (first.files, 0)
    third = execute_run([str(SEEDS)], str(warehouse), rescan=True)
    assert (third.status, third.docs_new, third.events_added) == ("completed", 0, 0)
    assert third.files_unchanged == 0 and third.docs_known == first.docs_seen
    assert _count(warehouse, "SELECT count(*) FROM documents") == documents
    assert _count(warehouse, "SELECT count(*) FROM events") == events
    assert _count(warehouse, "SELECT count(*) FROM runs WHERE status = 'completed'") == 3
    # every event row comes from its document's text
    assert (
        _count(
            warehouse,
            "SELECT count(*) FROM events e JOIN documents d USING (doc_id) "
            "WHERE substr(d.text, e.char_start + 1, e.char_end - e.char_start)"
            " <> e.evidence",
        )
        == 0
    )


def test_a_changed_file_is_read_again_and_a_file_with_rejections_is_never_skipped(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    notes = inputs / "notes.jsonl"
    line = {"text": "Police arrested 12 protesters in Nairobi on Monday.", "date": "2024-03-04"}
    notes.write_text(json.dumps(line) + "\n")
    partly_bad = inputs / "partly-bad.jsonl"
    partly_bad.write_text(
        json.dumps({"text": "Gunmen killed 3 herders in Marsabit.", "date": "2024-03-05"})
        + "\n{not json\n"
    )
    warehouse = tmp_path / "events.duckdb"
    first = execute_run([str(inputs)], str(warehouse))
    assert (first.status, first.docs_new, first.docs_rejected) == ("completed", 2, 1)
    # the rejected line is tried (and rejected) again: its file is read on every run
    again = execute_run([str(inputs)], str(warehouse))
    assert (again.files_unchanged, again.docs_seen, again.docs_known) == (1, 1, 1)
    # a line appended to a file read before: the file is read again, one document added
    more = {"text": "Troops clashed with militants in Lamu on Tuesday.", "date": "2024-03-05"}
    with notes.open("a") as handle:
        handle.write(json.dumps(more) + "\n")
    appended = execute_run([str(inputs)], str(warehouse))
    assert appended.status == "completed"
    assert (appended.files_unchanged, appended.docs_new, appended.docs_known) == (0, 1, 2)
    assert _count(warehouse, "SELECT count(*) FROM documents") == 3
    assert _count(warehouse, "SELECT count(*) FROM input_files") == 1  # notes.jsonl only


def test_bad_inputs_are_rejected_and_the_rest_loads(tmp_path):
    inputs = tmp_path / "in"
    inputs.mkdir()
    shutil.copy(SEEDS / "kerman-warning.txt", inputs / "good.txt")
    (inputs / "empty.txt").write_text("  \n")
    (inputs / "broken.txt.gz").write_bytes(gzip.compress(b"Troops withdrew. " * 50)[:-10])
    (inputs / "lines.jsonl").write_text(
        json.dumps(
            {
                "id": "x1",
                "text": "Police arrested 12 protesters in Nairobi on Monday.",
                "published_at": "2024-03-05",
            }
        )
        + "\n{broken\n"
    )
    warehouse = tmp_path / "events.duckdb"
    summary = execute_run([str(inputs)], str(warehouse), batch_size=1)
    assert summary.status == "completed"
    assert summary.docs_new == 2
    reasons = (
        duckdb.connect(str(warehouse), read_only=True)
        .execute("SELECT reason, count(*) FROM rejected_inputs GROUP BY ALL ORDER BY 1")
        .fetchall()
    )
    assert reasons == [("bad_gzip", 1), ("bad_json", 1), ("empty", 1)]
    assert _count(warehouse, "SELECT docs_rejected FROM runs") == 3


def test_cli_run_and_sql(tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSEVENTS_WAREHOUSE", str(tmp_path / "w.duckdb"))
    runner = CliRunner()
    result = runner.invoke(app, ["run", str(SEEDS / "kerman-warning.txt")])
    assert result.exit_code == 0, result.output
    assert "documents new" in result.output
    result = runner.invoke(app, ["sql", "select count(*) as n from documents", "-f", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output) == [{"n": 1}]
    result = runner.invoke(app, ["sql", "select count(*) as n from documents", "-f", "csv"])
    assert result.output.splitlines() == ["n", "1"]
    result = runner.invoke(app, ["sql", "delete from documents"])
    assert result.exit_code == 1
    result = runner.invoke(app, ["run", str(tmp_path / "nothing-here")])
    assert result.exit_code == 2


def test_recode_replaces_the_coding_of_older_versions(tmp_path):
    warehouse = tmp_path / "events.duckdb"
    execute_run([str(SEEDS / "kerman-warning.txt")], str(warehouse))
    before = _count(warehouse, "SELECT count(*) FROM events")
    # pretend the stored coding came from an older coder, with a stale extra event
    con = duckdb.connect(str(warehouse))
    con.execute("UPDATE documents SET coder_version = 'old'")
    con.execute("UPDATE events SET coder_version = 'old'")
    con.close()
    summary = execute_recode(str(warehouse))
    assert summary.status == "completed" and summary.docs_seen == 1
    assert _count(warehouse, "SELECT count(*) FROM events") == before
    assert _count(warehouse, "SELECT count(*) FROM events WHERE coder_version = 'old'") == 0
    assert _count(warehouse, "SELECT count(*) FROM documents WHERE coder_version = 'old'") == 0
    assert _count(warehouse, "SELECT count(*) FROM pending_derivation") == 0
    again = execute_recode(str(warehouse))
    assert again.docs_seen == 0


def test_a_batch_failing_the_data_checks_is_not_loaded_and_the_run_says_why(tmp_path, monkeypatch):
    import flows.batches as batches

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a-good.txt").write_text("Police arrested 4 traders in Nairobi on Monday.\n")
    (inputs / "b-broken.txt").write_text("Gunmen killed 3 villagers in Mandera on Monday.\n")
    real = batches.code_part

    def faulty_coder(documents, lexicon):  # a coder bug that only shows on one document
        coded = real(documents, lexicon)
        broken = documents.filter(pl.col("text").str.contains("Gunmen"))["doc_id"]
        coded.events = coded.events.with_columns(
            fatalities=pl.when(pl.col("doc_id").is_in(broken.implode()))
            .then(pl.lit(-3))
            .otherwise(pl.col("fatalities"))
        )
        return coded

    monkeypatch.setattr(batches, "code_part", faulty_coder)
    warehouse = tmp_path / "events.duckdb"
    summary = execute_run([str(inputs)], str(warehouse), batch_size=1)
    assert summary.status == "failed"
    assert "non_negative_casualties" in summary.message
    assert _count(warehouse, "SELECT count(*) FROM documents") == 1  # the good batch
    assert _count(warehouse, "SELECT count(*) FROM events WHERE fatalities < 0") == 0
    assert (
        _count(
            warehouse,
            "SELECT count(*) FROM rejected_inputs WHERE reason = 'failed_checks'"
            " AND source_uri LIKE '%b-broken.txt'",
        )
        == 1
    )
    # fixed coder: the next run loads the document the failed batch held back
    monkeypatch.setattr(batches, "code_part", real)
    again = execute_run([str(inputs)], str(warehouse), batch_size=1)
    assert again.status == "completed" and again.docs_new == 1
    runner = CliRunner()
    result = runner.invoke(app, ["check", "--warehouse", str(warehouse)])
    assert result.exit_code == 0, result.output
    assert "FAIL" not in result.output
