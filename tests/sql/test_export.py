"""newsevents export: every table as Parquet or CSV, partitioned by the document's month."""

from __future__ import annotations

import json
from datetime import date, datetime

import duckdb
import polars as pl
import pytest

from flows.export import ExportError, export_warehouse

from .coded import coded_warehouse

REPORTS = [  # (publisher, published_at, text)
    ("Wire A", datetime(2024, 1, 16), "Gunmen killed 3 villagers in Mandera on Monday."),
    ("Wire B", datetime(2024, 1, 30), "Protesters marched in Kisumu on Tuesday."),
    ("Wire A", datetime(2024, 3, 2), "Police arrested 12 protesters in Nairobi on Friday."),
]


@pytest.fixture(scope="module")
def warehouse_file(lexicon, tmp_path_factory):
    path = tmp_path_factory.mktemp("export") / "events.duckdb"
    coded_warehouse(lexicon, REPORTS, path=path).close()
    return path


def _table(root, name):
    return pl.read_parquet(root / name / "**/*.parquet", hive_partitioning=True)


def test_parquet_export_holds_every_row_in_its_month(warehouse_file, tmp_path):
    out = tmp_path / "export"
    result = export_warehouse(warehouse_file, out, "parquet")
    events = _table(out, "events")
    documents = _table(out, "documents")
    assert sorted(documents["month"].unique().to_list()) == ["2024-01", "2024-03"]
    assert result.months == 2
    assert result.rows["documents"] == documents.height == 3
    assert result.rows["events"] == events.height >= 3
    # every event sits in the month folder of its document
    months = documents.select("doc_id", pl.col("month").alias("doc_month"))
    joined = events.join(months, on="doc_id")
    assert joined.height == events.height
    assert (joined["month"] == joined["doc_month"]).all()
    con = duckdb.connect(str(warehouse_file), read_only=True)
    try:
        stored = con.execute("SELECT count(*) FROM event_actors").fetchone()[0]
    finally:
        con.close()
    assert _table(out, "event_actors").height == result.rows["event_actors"] == stored > 0
    assert pl.read_parquet(out / "event_codes.parquet").height > 100
    manifest = json.loads((out / "manifest.json").read_text())
    assert manifest["rows"] == result.rows and manifest["format"] == "parquet"


def test_csv_export_since_a_date_and_a_second_export_replaces_the_first(warehouse_file, tmp_path):
    out = tmp_path / "export"
    export_warehouse(warehouse_file, out, "parquet")
    result = export_warehouse(warehouse_file, out, "csv", since=date(2024, 2, 1))
    assert result.rows["documents"] == 1
    assert not list(out.rglob("*.parquet"))  # the old export is gone whole
    csv = pl.read_csv(next((out / "documents").glob("month=*/*.csv")))
    assert csv["text"].to_list() == [REPORTS[2][2]]
    assert [p.name for p in (out / "documents").iterdir()] == ["month=2024-03"]


def test_export_refuses_bad_formats_and_foreign_directories(warehouse_file, tmp_path):
    with pytest.raises(ExportError, match="unknown format"):
        export_warehouse(warehouse_file, tmp_path / "x", "xlsx")
    foreign = tmp_path / "mine"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("keep me")
    with pytest.raises(ExportError, match="not a newsevents export"):
        export_warehouse(warehouse_file, foreign, "parquet")
    assert (foreign / "notes.txt").read_text() == "keep me"


def test_cli_export_writes_and_reports_bad_arguments(warehouse_file, tmp_path):
    from typer.testing import CliRunner

    from flows.cli import app

    runner = CliRunner()
    out = tmp_path / "shared"
    ok = runner.invoke(app, ["export", "-w", str(warehouse_file), "-o", str(out), "-f", "csv"])
    assert ok.exit_code == 0, ok.output
    assert (out / "manifest.json").exists() and (out / "events.csv").exists() is False
    assert list((out / "events").glob("month=2024-01/*.csv"))
    bad = runner.invoke(app, ["export", "-w", str(warehouse_file), "-o", str(out), "-f", "xls"])
    assert bad.exit_code == 1 and "unknown format" in bad.output
