"""Scale-out gives exactly the warehouse a plain local run gives: two local worker
processes, and a Dask cluster (prefect-dask) of a loopback scheduler with two workers."""

from __future__ import annotations

import pickle
import warnings

import duckdb
import pytest

from flows.lexicon import CoderMismatch, _received_lexicon
from flows.pipeline import DaskUnavailable, dask_threads, execute_run
from flows.settings import load_settings

SEEDS = load_settings().default_articles_dir
TABLES = {
    "documents": "doc_id",
    "events": "event_id, event_code, event_date, place_id, fatalities, source_actor_id",
    "event_actors": "event_id, actor_id, role",
    "actor_mentions": "doc_id, char_start, char_end, actor_id",
    "event_cluster_members": "event_id, cluster_id",
}


def _rows(path, table, columns):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return con.execute(f"SELECT {columns} FROM {table} ORDER BY ALL").fetchall()
    finally:
        con.close()


@pytest.fixture(scope="module")
def local(tmp_path_factory):
    """The reference: one process, batches of two documents."""
    path = tmp_path_factory.mktemp("local") / "local.duckdb"
    assert execute_run([str(SEEDS)], str(path), batch_size=2, workers=1).status == "completed"
    return path


def test_a_run_with_two_worker_processes_equals_a_local_run(local, tmp_path):
    pooled = tmp_path / "pooled.duckdb"
    summary = execute_run([str(SEEDS)], str(pooled), batch_size=2, workers=2)
    assert summary.status == "completed", summary.message
    assert summary.batches >= 3
    for table, columns in TABLES.items():
        assert _rows(pooled, table, columns) == _rows(local, table, columns), table


def test_one_batch_is_split_across_two_workers_and_equals_a_local_run(local, tmp_path, monkeypatch):
    import flows.batches as batches

    split: list[int] = []
    real_parts = batches._parts

    def parts(frame, workers):
        found = real_parts(frame, workers)
        split.append(len(found))
        return found

    monkeypatch.setattr(batches, "PART_MIN_ROWS", 1)
    monkeypatch.setattr(batches, "_parts", parts)
    pooled = tmp_path / "pooled.duckdb"
    summary = execute_run([str(SEEDS)], str(pooled), batch_size=100, workers=2)
    assert summary.status == "completed", summary.message
    assert summary.batches == 1 and split == [2, 2]  # extraction, then coding, in two parts
    for table, columns in TABLES.items():
        assert _rows(pooled, table, columns) == _rows(local, table, columns), table


def test_a_run_on_a_dask_cluster_equals_a_local_run(local, tmp_path):
    distributed = pytest.importorskip("distributed")
    on_dask = tmp_path / "dask.duckdb"
    with (
        warnings.catch_warnings(record=True) as caught,
        distributed.LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as cluster,
    ):
        warnings.simplefilter("always")
        assert dask_threads(cluster.scheduler_address) == 2
        summary = execute_run(
            [str(SEEDS)], str(on_dask), batch_size=2, dask_address=cluster.scheduler_address
        )
    assert summary.status == "completed", summary.message
    assert summary.batches >= 3 and summary.docs_new >= 5
    # the dictionaries travel as their seed files, not as 40 MB of frames per task
    assert not [w for w in caught if "large graph" in str(w.message)]
    for table, columns in TABLES.items():
        assert _rows(on_dask, table, columns) == _rows(local, table, columns), table


def test_an_unreachable_dask_address_fails_clearly():
    with pytest.raises(DaskUnavailable, match=r"no Dask scheduler answers at tcp://127\.0\.0\.1:9"):
        dask_threads("tcp://127.0.0.1:9", timeout=1)


def test_a_worker_running_other_rules_refuses_the_dictionaries_it_is_sent(lexicon):
    """A Dask worker with another newsevents would code differently than the run records."""
    assert len(pickle.dumps(lexicon)) < 2_000_000
    with pytest.raises(CoderMismatch, match="install the same newsevents version"):
        _received_lexicon("0.0.1+0123456789", lexicon.seed_files)
