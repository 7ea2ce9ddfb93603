"""`newsevents sql` is read-only: it changes nothing in the warehouse and touches no other file."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows import warehouse
from flows.cli import app

from .coded import coded_warehouse

REPO = Path(__file__).resolve().parent.parent.parent
REPORTS = [
    ("Wire A", datetime(2024, 3, 5), "Police arrested 12 protesters in Nairobi on Monday."),
    ("Wire B", datetime(2024, 3, 6), "Gunmen killed 3 villagers in Mandera on Tuesday."),
]
REFUSED = "newsevents sql is read-only"


@pytest.fixture(scope="module")
def published(tmp_path_factory, lexicon) -> Path:
    path = tmp_path_factory.mktemp("sql") / "events.duckdb"
    coded_warehouse(lexicon, REPORTS, path=path).close()
    return path


def _state(directory: Path) -> dict[str, str]:
    """Every file under ``directory`` with a hash of its bytes."""
    return {
        str(path.relative_to(directory)): hashlib.sha256(path.read_bytes()).hexdigest()
        for path in sorted(directory.rglob("*"))
        if path.is_file()
    }


def _sql(published: Path, statement: str):
    return CliRunner().invoke(app, ["sql", statement, "--warehouse", str(published)])


@pytest.mark.parametrize(
    "statement",
    [
        "DELETE FROM events",
        "UPDATE documents SET title = 'changed'",
        "INSERT INTO sectors VALUES ('XXX', 'made up')",
        "DROP TABLE events",
        "CREATE TABLE stolen AS SELECT * FROM events",
        "CREATE OR REPLACE VIEW dyads AS SELECT 1 AS x",
        "SELECT 1; DELETE FROM events",
        "ATTACH '{dir}/other.duckdb' AS other",
        "COPY events TO '{dir}/events.csv'",
        "COPY (SELECT * FROM documents) TO '{dir}/documents.parquet' (FORMAT parquet)",
        "EXPORT DATABASE '{dir}/export'",
        "INSTALL fts",
        "SELECT * FROM read_csv('/etc/passwd')",
        "SELECT * FROM read_text('/etc/hostname')",
        "SELECT * FROM glob('/etc/*')",
        "SET enable_external_access = true",
    ],
)
def test_a_write_or_a_file_access_is_refused_clearly_and_changes_nothing(published, statement):
    directory = published.parent
    before = _state(directory)
    result = _sql(published, statement.format(dir=directory))
    assert result.exit_code == 1, result.output
    assert REFUSED in " ".join(result.output.split()), result.output
    assert _state(directory) == before
    assert warehouse.query(published, "SELECT count(*) AS n FROM events")["n"][0] > 0


def test_reading_still_works(published):
    result = _sql(published, "SELECT count(*) AS n FROM documents")
    assert result.exit_code == 0, result.output
    assert "2" in result.output
    result = _sql(published, "SELECT * FROM no_such_table")  # an ordinary error stays as it is
    assert result.exit_code == 1
    assert "no_such_table" in result.output and REFUSED not in result.output


def test_the_command_refuses_in_a_real_process(published):
    before = _state(published.parent)
    env = dict(os.environ, PYTHONPATH=str(REPO))
    result = subprocess.run(
        [sys.executable, "-m", "flows.cli", "sql", "DELETE FROM events", "-w", str(published)],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    assert result.returncode == 1
    assert REFUSED in " ".join(result.stderr.split())
    assert _state(published.parent) == before
