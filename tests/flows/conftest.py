"""One Prefect test harness (a temporary API server, ~11 s to start) for every flow test, and
the kill-trials helpers from bench/ (the SIGKILL benchmark and its short version here share
them)."""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

KILL_TRIALS = Path(__file__).resolve().parent.parent.parent / "bench" / "kill_trials.py"


@pytest.fixture(scope="session", autouse=True)
def prefect_api() -> Iterator[str]:
    """The harness's API URL, so that subprocesses (``PREFECT_API_URL``) use it too."""
    from prefect.settings import PREFECT_API_URL
    from prefect.testing.utilities import prefect_test_harness

    import flows.pipeline  # noqa: F401  (sets Prefect's quiet, offline defaults on import)

    with prefect_test_harness():
        yield PREFECT_API_URL.value()


@pytest.fixture(scope="session")
def kill_trials():
    """``bench/kill_trials.py`` as a module (bench/ is not a package)."""
    spec = importlib.util.spec_from_file_location("kill_trials", KILL_TRIALS)
    module = importlib.util.module_from_spec(spec)
    sys.modules["kill_trials"] = module  # dataclasses look their module up while the file runs
    spec.loader.exec_module(module)
    return module
