"""SIGKILL at fixed points of a run: the short version of ``bench/kill_trials.py``.

Each trial starts ``newsevents run`` in its own process group (a child process that SIGKILLs
its group at a named point inside the warehouse code), then checks the published warehouse
(opens read-only, ``newsevents check`` passes, all or nothing of the run, no document with
part of its events), re-runs to the end and compares every row with an uninterrupted run.
The benchmark does the same at random times; see bench/README.md.
"""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from flows.cli import app

# (starting state, kill point, what the published file must hold after the kill)
# (the benchmark's exact trials cover the other points: derivation, prepare copy, ...)
TRIALS = [
    ("fresh", "batch-2-uncommitted", "none"),
    ("update", "publish-copying", "before"),
    ("update", "publish-replaced", "after"),
]


@pytest.fixture(scope="module")
def in_process(lexicon):
    """Run and check with the CLI in this process (on the session's Prefect harness, with the
    session's lexicon): faster than the subprocesses the benchmark uses. The killed runs are
    real processes all the same."""
    import flows.pipeline

    def run(args: list[str], _log) -> int:
        with pytest.MonkeyPatch.context() as patch:
            patch.setattr(flows.pipeline, "load_lexicon", lambda _seeds: lexicon)
            return CliRunner().invoke(app, args).exit_code

    def check(warehouse) -> tuple[bool, str]:
        result = CliRunner().invoke(app, ["check", "--warehouse", str(warehouse)])
        return result.exit_code == 0, result.output

    return run, check


@pytest.fixture(scope="module")
def setup(tmp_path_factory, kill_trials, in_process):
    root = tmp_path_factory.mktemp("kill-trials")
    run, _check = in_process
    # 40 articles: 8 in the starting warehouse, 32 more in 4 batches of 8
    return kill_trials.prepare(root, 40, 8, seed=3, env={}, run=run)


@pytest.mark.parametrize(("mode", "point", "published"), TRIALS)
def test_a_run_killed_at_a_fixed_point_loses_and_doubles_nothing(
    setup, kill_trials, in_process, prefect_api, mode, point, published
):
    env = kill_trials.child_env(api_url=prefect_api)
    number = TRIALS.index((mode, point, published)) + 1
    run, check = in_process
    result = kill_trials.trial(setup, number, mode, env, at=point, rerun=run, check=check)
    assert result.problems == []
    assert result.published == published
    assert (result.partial_documents, result.documents_lost, result.duplicate_keys) == (0, 0, 0)
    assert result.rows_differing == 0


def test_the_trials_have_something_to_lose(setup):
    """The references hold every article, many events, and clusters across reports."""
    for mode in ("fresh", "update"):
        reference = setup.references[mode]
        assert len(reference.doc_ids) == 40
        assert sum(reference.keys["events"].values()) > 40
        assert sum(reference.keys["cluster_facts"].values()) > 0
    assert len(setup.base_snapshot.doc_ids) == 8
