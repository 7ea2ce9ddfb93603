"""WARC and WARC.gz archives (Common Crawl's news archive is one): streamed record by record
with warcio, so memory stays flat however large the archive.

Every ``response`` record of an HTML page with HTTP status 200 becomes a document (its
target URI as ``url``); other records (requests, metadata, images, redirects, errors) are
skipped without a trace, as a crawler's archive is full of them. A page over the document
cap is rejected, and a broken archive is rejected from the record where it breaks (the
records before it load).
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator

from warcio.archiveiterator import ArchiveIterator

from flows.sources.encodings import NotText, decode
from flows.sources.records import HTML_TYPES, RawDocument, Rejection


def iter_warc(path: str, uri: str, max_document_bytes: int) -> Iterator[RawDocument | Rejection]:
    """The HTML pages of one WARC file (plain or gzip-compressed, told by warcio)."""
    try:
        with open(path, "rb") as raw:
            compressed = raw.read(2) == b"\x1f\x8b"
        # gzip.open reads one gzip member per record (the usual WARC.gz) and whole-file
        # gzip alike, as a stream
        with gzip.open(path, "rb") if compressed else open(path, "rb") as stream:
            for record in ArchiveIterator(stream):
                if record.rec_type != "response" or record.http_headers is None:
                    continue
                target = record.rec_headers.get_header("WARC-Target-URI") or ""
                status = record.http_headers.get_statuscode()
                content_type = (record.http_headers.get_header("Content-Type") or "").lower()
                if status != "200" or not content_type.startswith(HTML_TYPES):
                    continue
                record_uri = f"{uri}#{target}"
                body = record.content_stream().read(max_document_bytes + 1)
                if len(body) > max_document_bytes:
                    yield Rejection(
                        record_uri, "too_large", f"page over {max_document_bytes} bytes"
                    )
                    continue
                try:
                    html = decode(body, is_html=True)
                except NotText as error:
                    yield Rejection(record_uri, "binary", str(error))
                    continue
                yield RawDocument(
                    source_uri=record_uri, content_type="html", html=html, url=target or None
                )
            if compressed:
                stream.read()  # a truncated gzip stream raises here, where warcio stopped
    except Exception as error:
        yield Rejection(uri, "bad_warc", f"{type(error).__name__}: {error}".strip())
