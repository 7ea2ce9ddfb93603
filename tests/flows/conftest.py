"""One Prefect test harness (a temporary API server, ~11 s to start) for every flow test."""

from __future__ import annotations

import pytest
from prefect.testing.utilities import prefect_test_harness


@pytest.fixture(scope="session", autouse=True)
def prefect_api():
    with prefect_test_harness():
        yield
