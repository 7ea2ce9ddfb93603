"""Other processes during a run: an analyst holding the warehouse open, a second run.

The runs here are real ``newsevents run`` processes that pause at a point inside the warehouse
code (after a batch's commit) until the test releases them, through the hooks of
``bench/kill_trials.py``; the analysts are Python processes with their own DuckDB.
``tests/sql/test_schema.py`` covers the same publishing in one process.
"""

from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows import warehouse
from flows.cli import app

# one JSON line per query: documents, events, events without their document, documents
# pending derivation, clustered events
ANALYST = """
import json, sys, time
from pathlib import Path
import duckdb

path, out, stop, mode = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3]), sys.argv[4]
QUERY = '''SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events),
  (SELECT count(*) FROM events e WHERE NOT EXISTS
     (SELECT 1 FROM documents d WHERE d.doc_id = e.doc_id)),
  (SELECT count(*) FROM pending_derivation), (SELECT count(*) FROM event_cluster_members)'''
held = duckdb.connect(path, read_only=True) if mode == "hold" else None
with out.open("a") as handle:
    while not stop.exists():
        if held is not None:
            row = held.execute(QUERY).fetchone()
        else:  # a new connection each time (closed: DuckDB caches open files per process)
            con = duckdb.connect(path, read_only=True)
            row = con.execute(QUERY).fetchone()
            con.close()
        handle.write(json.dumps(row) + "\\n")
        handle.flush()
        time.sleep(0.02)
"""
COUNTS = (
    "SELECT (SELECT count(*) FROM documents) AS a, (SELECT count(*) FROM events) AS b,"
    " (SELECT count(*) FROM events e WHERE NOT EXISTS"
    " (SELECT 1 FROM documents d WHERE d.doc_id = e.doc_id)) AS c,"
    " (SELECT count(*) FROM pending_derivation) AS d,"
    " (SELECT count(*) FROM event_cluster_members) AS e"
)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory, kill_trials) -> tuple[Path, Path]:
    root = tmp_path_factory.mktemp("corpus")
    kill_trials.make_corpus(root / "a", 8, seed=11)
    kill_trials.make_corpus(root / "b", 24, seed=12)
    return root / "a", root / "b"


def _run(args: list[str]) -> None:
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output


def _counts(path: Path) -> tuple[int, ...]:
    return tuple(warehouse.query(path, COUNTS).row(0))


def _lines(path: Path) -> list[tuple[int, ...]]:
    text = path.read_text() if path.exists() else ""
    return [tuple(json.loads(line)) for line in text.splitlines()]


def _wait(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.05)


def _paused_run(kill_trials, prefect_api, args, point, hold: Path, log: Path):
    """``newsevents ARGS`` in its own process, pausing at ``point`` until ``hold/release``."""
    hold.mkdir()
    env = kill_trials.child_env(api_url=prefect_api)
    process = kill_trials.start(kill_trials.newsevents_argv(args, at=point, hold=hold), env, log)
    _wait(
        lambda: (hold / "holding").exists() or process.poll() is not None, 120, "the run to pause"
    )
    assert process.poll() is None, log.read_text()
    return process


def test_an_analyst_holding_the_warehouse_sees_one_snapshot_and_never_blocks_a_run(
    tmp_path, corpus, kill_trials, prefect_api
):
    part_a, part_b = corpus
    published = tmp_path / "events.duckdb"
    _run(["run", str(part_a), "--warehouse", str(published)])
    before = _counts(published)
    stop = tmp_path / "stop"
    out = {mode: tmp_path / f"analyst-{mode}.jsonl" for mode in ("hold", "reconnect")}
    analysts = [
        subprocess.Popen(
            [sys.executable, "-c", ANALYST, str(published), str(path), str(stop), mode]
        )
        for mode, path in out.items()
    ]
    try:
        _wait(lambda: all(_lines(path) for path in out.values()), 60, "the analysts")
        args = ["run", str(part_b), "--warehouse", str(published), "--batch-size", "8"]
        log = tmp_path / "run.log"
        run = _paused_run(kill_trials, prefect_api, args, "batch-2-committed", tmp_path / "p", log)
        # two batches are committed to the working file: the analysts still see the start
        seen = {mode: len(_lines(path)) for mode, path in out.items()}
        _wait(
            lambda: all(len(_lines(path)) > seen[mode] + 5 for mode, path in out.items()),
            60,
            "more queries",
        )
        assert set(_lines(out["reconnect"])) == {before}
        (tmp_path / "p" / "release").touch()
        assert run.wait(timeout=300) == 0, log.read_text()
        after = _counts(published)  # a new connection sees the new data
        _wait(lambda: after in _lines(out["reconnect"]), 60, "the analyst to see the run")
        stop.touch()
        for process in analysts:
            assert process.wait(timeout=60) == 0  # no query failed
    finally:
        stop.touch()
        for process in analysts:
            if process.poll() is None:
                process.kill()
    assert after[0] == 32 and after[1] > before[1] and after[2:4] == (0, 0)
    # the analyst who kept the file open saw the start all along; the one who reconnects saw
    # the start, then the end, and nothing in between (no half-published batch)
    assert set(_lines(out["hold"])) == {before}
    reconnecting = _lines(out["reconnect"])
    assert set(reconnecting) == {before, after}
    switch = reconnecting.index(after)
    assert reconnecting[switch:] == [after] * (len(reconnecting) - switch)


def test_a_second_run_is_refused_clearly_and_the_first_completes(
    tmp_path, corpus, kill_trials, prefect_api
):
    part_a, part_b = corpus
    published = tmp_path / "events.duckdb"
    args = ["run", str(part_a), str(part_b), "--warehouse", str(published), "--batch-size", "8"]
    log = tmp_path / "run.log"
    first = _paused_run(kill_trials, prefect_api, args, "batch-1-committed", tmp_path / "p", log)
    files = sorted(path.name for path in tmp_path.iterdir())
    second = subprocess.run(
        kill_trials.newsevents_argv(args),
        env=kill_trials.child_env(api_url=prefect_api),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert second.returncode == 3
    message = " ".join(second.stderr.split())
    assert f"another newsevents run (pid {first.pid}) is writing {published}" in message
    assert "wait for it to finish and run again" in message
    assert "Traceback" not in second.stdout + second.stderr
    assert sorted(path.name for path in tmp_path.iterdir()) == files  # it touched nothing
    assert not published.exists()

    (tmp_path / "p" / "release").touch()
    assert first.wait(timeout=300) == 0, log.read_text()
    assert _counts(published)[0] == 32
    # the refused run left no trace; running it again now adds nothing
    runs = warehouse.query(published, "SELECT status FROM runs")["status"].to_list()
    assert runs == ["completed"]
    _run(args)
    assert _counts(published)[0] == 32
    result = CliRunner().invoke(app, ["check", "--warehouse", str(published)])
    assert result.exit_code == 0, result.output
