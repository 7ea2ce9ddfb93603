"""Export the warehouse as Parquet or CSV files, partitioned by month, for sharing and for
engines beyond DuckDB (Spark, Trino, pandas, R).

Layout under the output directory::

    documents/month=2024-01/data_0.parquet     one folder per month of publication
    events/month=2024-01/data_0.parquet        (the month of the event's document)
    event_actors/...  actor_mentions/...  event_cluster_members/...
    actors.parquet  places.parquet  event_codes.parquet  sectors.parquet  cluster_facts.parquet
    runs.parquet  rejected_inputs.parquet
    manifest.json                              what was written, row counts, the filter

A document's month is that of ``published_at`` (``ingested_at`` when the date is unknown),
so every row of one document lands in the same month folder of every table. ``since``
filters the document tables; reference tables, runs and cluster facts are written whole.
The export is written beside the target and swapped in when complete: a reader never sees
half of one.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import duckdb

from flows.warehouse import connect_read_only, utc_now

FORMATS = ("parquet", "csv")
# tables partitioned by their document's month, and the column that names the document
DOCUMENT_TABLES = {
    "documents": "t.doc_id",
    "events": "t.doc_id",
    "event_actors": "(SELECT e.doc_id FROM events e WHERE e.event_id = t.event_id)",
    "actor_mentions": "t.doc_id",
    "event_cluster_members": "t.doc_id",
}
WHOLE_TABLES = (
    "actors",
    "places",
    "event_codes",
    "sectors",
    "cluster_facts",
    "runs",
    "rejected_inputs",
)


class ExportError(ValueError):
    """An export that cannot be made as asked (bad format, output in the way)."""


@dataclass(frozen=True)
class ExportResult:
    out_dir: Path
    rows: dict[str, int]
    months: int


def export_warehouse(
    warehouse_path: Path, out_dir: Path, fmt: str = "parquet", since: date | None = None
) -> ExportResult:
    """Write every table of the published warehouse under ``out_dir`` (replacing it)."""
    if fmt not in FORMATS:
        raise ExportError(f"unknown format {fmt!r}: use one of {', '.join(FORMATS)}")
    if out_dir.exists() and not (out_dir / "manifest.json").exists() and any(out_dir.iterdir()):
        raise ExportError(
            f"{out_dir} exists and is not a newsevents export: choose an empty or new directory"
        )
    staging = out_dir.with_name(f".{out_dir.name}.partial")
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    con = connect_read_only(warehouse_path)
    try:
        rows = _write_tables(con, staging, fmt, since)
        months = con.execute(
            f"SELECT count(DISTINCT month) FROM ({_months_sql(since)})"
        ).fetchone()[0]
    finally:
        con.close()
    manifest = {
        "warehouse": str(warehouse_path),
        "exported_at": utc_now().isoformat(timespec="seconds"),
        "format": fmt,
        "since": since.isoformat() if since else None,
        "partitioned_by": "month of the document's published_at (else ingested_at)",
        "rows": rows,
    }
    (staging / "manifest.json").write_text(json.dumps(manifest, indent=1), encoding="utf-8")
    if out_dir.exists():
        retired = out_dir.with_name(f".{out_dir.name}.old")
        shutil.rmtree(retired, ignore_errors=True)
        out_dir.rename(retired)
        staging.rename(out_dir)
        shutil.rmtree(retired, ignore_errors=True)
    else:
        staging.rename(out_dir)
    return ExportResult(out_dir=out_dir, rows=rows, months=months)


def _months_sql(since: date | None) -> str:
    """doc_id -> month (YYYY-MM) of every exported document."""
    where = ""
    if since is not None:
        where = f" WHERE coalesce(published_at, ingested_at) >= DATE '{since.isoformat()}'"
    return (
        "SELECT doc_id, strftime(coalesce(published_at, ingested_at), '%Y-%m') AS month"
        f" FROM documents{where}"
    )


def _write_tables(
    con: duckdb.DuckDBPyConnection, staging: Path, fmt: str, since: date | None
) -> dict[str, int]:
    options = "FORMAT parquet, COMPRESSION zstd" if fmt == "parquet" else "FORMAT csv, HEADER"
    con.execute(f"CREATE TEMP TABLE export_months AS {_months_sql(since)}").fetchall()
    rows: dict[str, int] = {}
    for table, doc_id in DOCUMENT_TABLES.items():
        query = f"SELECT t.*, m.month FROM {table} t JOIN export_months m ON m.doc_id = {doc_id}"
        rows[table] = _copy(con, query, staging / table, f"{options}, PARTITION_BY (month)")
    for table in WHOLE_TABLES:
        rows[table] = _copy(con, f"SELECT * FROM {table}", staging / f"{table}.{fmt}", options)
    return rows


def _copy(con: duckdb.DuckDBPyConnection, query: str, target: Path, options: str) -> int:
    """COPY a query's rows to a file or (partitioned) folder; the row count."""
    quoted = str(target).replace("'", "''")
    written = con.execute(f"COPY ({query}) TO '{quoted}' ({options})").fetchone()[0]
    if "PARTITION_BY" in options:
        target.mkdir(exist_ok=True)  # an empty table is an empty folder, not a missing one
    return int(written)
