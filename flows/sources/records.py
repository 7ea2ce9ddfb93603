"""The rows every source produces: raw documents and rejections."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import datetime

import polars as pl

HTML_TYPES = ("text/html", "application/xhtml+xml")  # media types read as HTML pages

RAW_SCHEMA: dict[str, pl.DataType] = {
    "source_uri": pl.String(),
    "external_id": pl.String(),
    "url": pl.String(),
    "title": pl.String(),
    "publisher": pl.String(),
    "author": pl.String(),
    "published_at": pl.Datetime("us"),
    "language": pl.String(),
    "text": pl.String(),
    "html": pl.String(),
    "content_type": pl.String(),
}


@dataclass(frozen=True)
class RawDocument:
    """One article as read: ``text`` or ``html`` is set (HTML is extracted later)."""

    source_uri: str
    content_type: str  # text, html, jsonl
    text: str | None = None
    html: str | None = None
    external_id: str | None = None
    url: str | None = None
    title: str | None = None
    publisher: str | None = None
    author: str | None = None
    published_at: datetime | None = None  # naive UTC
    language: str | None = None


@dataclass(frozen=True)
class Rejection:
    """An input that could not be loaded, and why."""

    source_uri: str
    reason: str  # short code: not_found, unreadable, too_large, bad_gzip, empty, bad_json, ...
    detail: str


def raw_frame(documents: list[RawDocument]) -> pl.DataFrame:
    """A batch of raw documents as a polars frame with the fixed ``RAW_SCHEMA``."""
    rows = [asdict(document) for document in documents]
    return (
        pl.DataFrame(rows, schema=RAW_SCHEMA, orient="row")
        if rows
        else pl.DataFrame(schema=RAW_SCHEMA)
    )
