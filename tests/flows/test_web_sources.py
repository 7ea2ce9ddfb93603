"""Web sources against a loopback HTTP server: articles, feeds that change between runs,
sitemaps, robots.txt, redirects, failing and oversized endpoints. Nothing leaves the machine."""

from __future__ import annotations

import time

import duckdb
import pytest

from flows.pipeline import execute_run
from flows.sources import web
from flows.sources.web import Fetcher, FetchRejected, iter_web

from .loopback import Site


@pytest.fixture
def site():
    server = Site()
    yield server
    server.close()


@pytest.fixture
def fetcher():
    with Fetcher(delay=0, allow_private=True, max_bytes=200_000, sleep=lambda _s: None) as f:
        yield f


def test_loopback_and_other_private_addresses_are_refused_by_default(site):
    with Fetcher(delay=0) as strict:
        with pytest.raises(FetchRejected, match="non-public address") as refused:
            strict.get(f"{site.base}/a1.html")
        assert refused.value.reason == "fetch_refused"
        for url in ("file:///etc/passwd", "ftp://example.org/x", "gopher://h/"):
            with pytest.raises(FetchRejected, match="only http and https"):
                strict.get(url)
    assert site.hits["/a1.html"] == 0


def test_every_redirect_is_checked_and_followed_within_limits(site, fetcher, monkeypatch):
    assert fetcher.get(f"{site.base}/moved").url == f"{site.base}/a1.html"
    # a redirect to the cloud metadata address is refused even when the first host was fine
    real = web._public_address

    def only_metadata_is_private(host: str, port: int) -> None:
        if host == "169.254.169.254":
            real(host, port)

    monkeypatch.setattr(web, "_public_address", only_metadata_is_private)
    fetcher.allow_private = False
    with pytest.raises(FetchRejected, match=r"169\.254\.169\.254"):
        fetcher.get(f"{site.base}/to-metadata")
    fetcher.allow_private = True
    with pytest.raises(FetchRejected, match="redirects"):
        fetcher.get(f"{site.base}/loop")


def test_robots_retries_caps_and_content_types(site, fetcher):
    with pytest.raises(FetchRejected) as disallowed:
        fetcher.get(f"{site.base}/private/secret.html")
    assert disallowed.value.reason == "robots_disallowed"
    assert site.hits["/private/secret.html"] == 0
    assert b"Back again" in fetcher.get(f"{site.base}/flaky.html").body  # 503, then 200
    with pytest.raises(FetchRejected) as failed:
        fetcher.get(f"{site.base}/fail")
    assert failed.value.reason == "http_error" and site.hits["/fail"] == 3  # 1 + 2 retries
    with pytest.raises(FetchRejected) as big:
        fetcher.get(f"{site.base}/big.html")
    assert big.value.reason == "too_large"
    rows = list(iter_web([f"{site.base}/logo.png"], fetcher, set()))
    assert [(r.reason) for r in rows] == ["unsupported_type"]


def test_requests_to_one_host_are_spaced_and_slow_endpoints_time_out(site):
    waits: list[float] = []
    with Fetcher(delay=5.0, allow_private=True, sleep=waits.append) as polite:
        polite.get(f"{site.base}/a1.html")  # robots.txt first, then the page
        polite.get(f"{site.base}/a2.html")
    assert len(waits) == 2 and all(4.5 < wait <= 5.0 for wait in waits)
    with Fetcher(delay=0, allow_private=True, timeout=0.5, retries=0) as impatient:
        started = time.monotonic()
        with pytest.raises(FetchRejected) as slow:
            impatient.get(f"{site.base}/slow.html")
    assert slow.value.reason == "fetch_failed" and time.monotonic() - started < 1.9


def test_feeds_and_sitemap_indexes_lead_to_their_articles(site, fetcher):
    rows = list(iter_web([f"{site.base}/feed.xml", f"{site.base}/index.xml"], fetcher, set()))
    documents = sorted(r.url for r in rows if isinstance(r, web.RawDocument))
    assert documents == [f"{site.base}/a{n}.html" for n in (1, 2, 3)]
    rejected = [(r.source_uri, r.reason) for r in rows if isinstance(r, web.Rejection)]
    assert rejected == [(f"{site.base}/private/secret.html", "robots_disallowed")]


def test_scheduled_runs_pick_up_new_feed_items_once(site, tmp_path, monkeypatch):
    monkeypatch.setenv("NEWSEVENTS_ALLOW_PRIVATE_URLS", "1")
    monkeypatch.setenv("NEWSEVENTS_FETCH_DELAY", "0")
    warehouse = tmp_path / "events.duckdb"
    feed = f"{site.base}/feed.xml"
    first = execute_run([feed], str(warehouse))
    assert first.status == "completed", first.message
    assert (first.docs_new, first.docs_rejected) == (2, 1)
    site.feed.append("/a3.html")  # the feed gains an item between runs
    second = execute_run([feed, f"{site.base}/fail"], str(warehouse))
    assert second.status == "completed", second.message  # a failing endpoint fails alone
    assert second.docs_new == 1
    assert site.hits["/a1.html"] == site.hits["/a2.html"] == site.hits["/a3.html"] == 1
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        urls = [row[0] for row in con.execute("SELECT url FROM documents ORDER BY url").fetchall()]
        events = con.execute("SELECT count(*) FROM events").fetchone()[0]
        reasons = con.execute(
            "SELECT reason, count(*) FROM rejected_inputs GROUP BY ALL ORDER BY ALL"
        ).fetchall()
    finally:
        con.close()
    assert urls == [f"{site.base}/a{n}.html" for n in (1, 2, 3)]
    assert events >= 3
    assert reasons == [("http_error", 1), ("robots_disallowed", 2)]
