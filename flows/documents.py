"""Documents: normalized text, a content-hash key, and the ``documents`` frame.

Stored text is lightly normalized (Unicode NFC, ``\\n`` line ends, no trailing spaces, at most
one blank line in a row) so offsets stay meaningful. The key hashes a stronger normalization
(all white space collapsed, case folded) so trivially different copies of one text share a key.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

import polars as pl

# polars (Rust) regexes for the stored text
_TRAILING_SPACE = r"[ \t\f\v\u00a0]+\n"
_BLANK_LINES = r"\n{3,}"
_CONTROL = r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]"
_ANY_SPACE = re.compile(r"\s+")
DOC_ID_CHARS = 32
MAX_FIELD_CHARS = 2048  # title, publisher and author are cut here (a broken input's title)


def normalize_text(text: str) -> str:
    """The text as stored: NFC, ``\\n`` line ends, no control characters, tidy blank lines."""
    return pl.DataFrame({"text": [text]}).select(normalized_text())["text"][0]


def content_key(text: str) -> str:
    """A stable document key: sha256 of the case-folded, white-space-collapsed text."""
    canonical = _ANY_SPACE.sub(" ", unicodedata.normalize("NFKC", text)).strip().casefold()
    return hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:DOC_ID_CHARS]


def normalized_text(column: str = "text") -> pl.Expr:
    """``normalize_text`` as a polars expression, for whole batches."""
    return (
        pl.col(column)
        .str.normalize("NFC")
        .str.replace_all("\r\n?", "\n")
        .str.replace_all(_CONTROL, "")
        .str.replace_all(_TRAILING_SPACE, "\n")
        .str.replace_all(_BLANK_LINES, "\n\n")
        .str.strip_chars()
    )


def prepare_documents(raw: pl.DataFrame) -> pl.DataFrame:
    """Raw rows (with ``text`` filled) -> documents keyed by ``doc_id``, first copy wins;
    titles, publishers and authors cut at ``MAX_FIELD_CHARS``.

    Rows whose text is empty after normalization are dropped here; the caller rejects them
    before (see ``empty_text_uris``).
    """
    documents = raw.with_columns(
        normalized_text(),
        *(pl.col(name).str.slice(0, MAX_FIELD_CHARS) for name in ("title", "publisher", "author")),
    ).filter(pl.col("text").str.len_chars() > 0)
    keys = [content_key(text) for text in documents["text"].to_list()]
    return (
        documents.with_columns(pl.Series("doc_id", keys, dtype=pl.String))
        .unique(subset="doc_id", keep="first", maintain_order=True)
        .drop("html")
    )


def empty_text_uris(raw: pl.DataFrame) -> list[str]:
    """Source URIs of rows that have no text left after normalization."""
    empty = raw.filter(
        pl.col("text").is_null()
        | (pl.col("text").str.replace_all(r"[\s\x00-\x1f\x7f]", "").str.len_chars() == 0)
    )
    return empty["source_uri"].to_list()
