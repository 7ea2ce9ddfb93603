"""WARC archives: HTML responses become documents, everything else is skipped, and a
broken archive keeps the records before the break."""

from __future__ import annotations

import gzip
from io import BytesIO

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from flows.sources import RawDocument, Rejection, discover_inputs, iter_documents

PAGE = (
    "<html><body><article><p>Report {n}: police said talks would resume.</p>"
    "</article></body></html>"
)


def write_warc(path, pages: int, gzipped: bool = True) -> None:
    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=gzipped)

        def response(url: str, status: str, ctype: str, body: bytes) -> None:
            headers = StatusAndHeaders(status, [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=BytesIO(body), http_headers=headers
            )
            writer.write_record(record)

        for n in range(pages):
            url = f"https://news.example/{n}.html"
            request = writer.create_warc_record(
                url,
                "request",
                payload=BytesIO(b""),
                http_headers=StatusAndHeaders(
                    f"GET /{n}.html", [], protocol="HTTP/1.1", is_http_request=True
                ),
            )
            writer.write_record(request)
            response(url, "200 OK", "text/html; charset=utf-8", PAGE.format(n=n).encode())
        response("https://news.example/gone", "404 Not Found", "text/html", b"<html>gone</html>")
        response("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG" + bytes(50))
        response("https://news.example/huge", "200 OK", "text/html", b"<html>" + b"x" * 5000)


def test_html_responses_of_a_warc_become_documents(tmp_path):
    path = tmp_path / "crawl.warc.gz"
    write_warc(path, 1500)
    files, rejected, _ = discover_inputs([str(tmp_path)])
    assert [f.kind for f in files] == ["warc"] and not rejected
    rows = list(iter_documents(files, max_bytes=1024, max_document_bytes=1024))
    documents = [r for r in rows if isinstance(r, RawDocument)]
    assert len(documents) == 1500  # the file cap does not apply to an archive; pages do
    assert documents[7].url == "https://news.example/7.html"
    assert "Report 7:" in documents[7].html
    assert documents[7].source_uri == f"{path.as_uri()}#https://news.example/7.html"
    assert [
        (r.reason, r.source_uri.rsplit("#", 1)[1]) for r in rows if isinstance(r, Rejection)
    ] == [("too_large", "https://news.example/huge")]


def test_a_truncated_archive_keeps_the_records_before_the_break(tmp_path):
    whole = tmp_path / "whole.warc"
    write_warc(whole, 50, gzipped=False)
    data = whole.read_bytes()
    broken = tmp_path / "broken.warc.gz"
    broken.write_bytes(gzip.compress(data)[: len(gzip.compress(data)) // 2])
    rows = list(iter_documents(discover_inputs([str(broken)])[0], 10**7, 10**6))
    documents = [r for r in rows if isinstance(r, RawDocument)]
    assert 0 < len(documents) < 50
    assert [r.reason for r in rows if isinstance(r, Rejection)] == ["bad_warc"]
