"""A warehouse coded from reports written for the tests: real schema, seeds, coder and load."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import duckdb
import polars as pl

from flows import warehouse
from flows.batches import coded_batch
from flows.pipeline import _document_rows
from flows.settings import load_settings

SETTINGS = load_settings()


def coded_warehouse(
    lexicon,
    reports: list[tuple[str | None, datetime, str]],
    batch_size: int | None = None,
    path: Path | None = None,
):
    """(publisher, published_at, text) reports coded and loaded (checks on) in memory (or in
    the file ``path``), in runs of one batch of ``batch_size`` reports (one by default)."""
    connection = duckdb.connect(str(path) if path else ":memory:")
    warehouse.migrate(connection, SETTINGS.schema_dir)
    warehouse.apply_views(connection, SETTINGS.views_dir)
    warehouse.replace_reference(connection, lexicon.reference_tables())
    n = len(reports)
    documents = pl.DataFrame(
        {
            "doc_id": [f"doc{i}" for i in range(n)],
            "external_id": [None] * n,
            "source_uri": [f"file:///in/{i}.txt" for i in range(n)],
            "url": [None] * n,
            "title": ["t"] * n,
            "publisher": [r[0] for r in reports],
            "author": [None] * n,
            "published_at": [r[1] for r in reports],
            "language": ["en"] * n,
            "text": [r[2] for r in reports],
            "content_type": ["text"] * n,
        },
        schema_overrides={c: pl.String for c in ("external_id", "url", "author", "publisher")},
    )
    for part in documents.iter_slices(batch_size or max(n, 1)):
        batch = coded_batch(part, lexicon)
        batch.documents = _document_rows(batch.documents, "r1", lexicon.coder_version)
        warehouse.load_batch(connection, batch, "r1", SETTINGS.checks_dir)
        warehouse.refresh_pending(connection, SETTINGS.checks_dir)  # as the end of a run does
    return connection
