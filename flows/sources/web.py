"""Pulling from the web, politely and safely: article URLs, RSS/Atom feeds and XML sitemaps.

A SOURCE that starts with ``http://`` or ``https://`` is fetched; what comes back decides
what it is: an RSS or Atom feed (its items' links are fetched as articles), a sitemap or
sitemap index (its URLs are fetched, nested sitemaps followed), or an HTML page (an article).

Every request goes through ``Fetcher``:
- only http and https; the host's addresses are resolved and refused when private,
  loopback, link-local, multicast or reserved (unless ``allow_private``, for tests and
  intranets), on the first request and on every redirect, which is followed by hand (at
  most ``max_redirects``);
- robots.txt honoured for the configured User-Agent; one request at a time per host, at
  least ``delay`` seconds apart;
- a timeout per request and a cap on the body (read as a stream, never past the cap);
- the content type checked before anything is parsed;
- retries with backoff on transient failures only (connection errors, 429, 5xx).
A URL that fails becomes a ``Rejection`` with a reason (``fetch_refused``, ``fetch_failed``,
``http_error``, ``robots_disallowed``, ``too_large``, ``unsupported_type``) and the run goes on.
URLs the warehouse already holds (as ``documents.url``) are not fetched again.

Known limit: the address check resolves the host, and the HTTP client resolves it again
to connect; a hostile DNS server could answer differently the second time (DNS
rebinding). Run fetching where the network itself keeps private ranges out of reach when
sources are untrusted.
"""

from __future__ import annotations

import ipaddress
import socket
import time
import urllib.robotparser
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import httpx
from lxml import etree

from flows.settings import USER_AGENT
from flows.sources.encodings import NotText, decode
from flows.sources.files import SourceError
from flows.sources.records import HTML_TYPES, RawDocument, Rejection

XML_TYPES = ("application/rss+xml", "application/atom+xml", "application/xml", "text/xml")
TRANSIENT = {429, 500, 502, 503, 504}
SITEMAP_NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


class FetchRejected(Exception):
    """A URL that cannot be fetched, with the reason code it is rejected under."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


def is_web_source(source: str) -> bool:
    return source.lower().startswith(("http://", "https://"))


def expand_url_lists(sources: Iterable[str]) -> tuple[list[str], list[str]]:
    """(web URLs, other sources): a ``.urls`` file is a list of URLs, one a line (blank
    lines and ``#`` comments skipped); URLs given as arguments are taken as they are."""
    urls: list[str] = []
    others: list[str] = []
    for source in sources:
        if is_web_source(source):
            urls.append(source)
        elif source.endswith(".urls"):
            try:
                lines = Path(source).expanduser().read_text(encoding="utf-8").splitlines()
            except (OSError, UnicodeDecodeError) as error:
                raise SourceError(f"cannot read the URL list {source!r}: {error}") from None
            urls += [line.strip() for line in lines if line.strip() and not line.startswith("#")]
        else:
            others.append(source)
    return urls, others


@dataclass(frozen=True)
class Fetched:
    url: str  # after redirects
    content_type: str
    body: bytes


def _public_address(host: str, port: int) -> None:
    """Raise unless every address the host resolves to is a public one."""
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except socket.gaierror as error:
        raise FetchRejected("fetch_failed", f"cannot resolve {host}: {error}") from None
    for info in infos:
        address = ipaddress.ip_address(info[4][0].split("%")[0])
        if not address.is_global or address.is_multicast:
            raise FetchRejected(
                "fetch_refused", f"{host} resolves to {address}, a non-public address"
            )


@dataclass
class Fetcher:
    """One polite, capped HTTP client for a run."""

    user_agent: str = USER_AGENT
    timeout: float = 20.0
    max_bytes: int = 4 * 1024 * 1024
    max_redirects: int = 5
    delay: float = 1.0  # seconds between two requests to one host
    retries: int = 2
    allow_private: bool = False
    _client: httpx.Client = field(init=False, repr=False)
    _robots: dict[str, urllib.robotparser.RobotFileParser | None] = field(
        init=False, default_factory=dict, repr=False
    )
    _last: dict[str, float] = field(init=False, default_factory=dict, repr=False)
    sleep: Callable[[float], None] = time.sleep

    def __post_init__(self) -> None:
        self._client = httpx.Client(
            headers={"User-Agent": self.user_agent},
            timeout=self.timeout,
            follow_redirects=False,
        )

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # ------------------------------------------------------------------ checks
    def _check_url(self, url: str) -> tuple[str, int]:
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            raise FetchRejected("fetch_refused", f"only http and https are fetched, not {url}")
        if not parts.hostname:
            raise FetchRejected("fetch_refused", f"no host in {url}")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        if not self.allow_private:
            _public_address(parts.hostname, port)
        return parts.hostname, port

    def allowed(self, url: str) -> bool:
        """robots.txt of the URL's site lets our User-Agent fetch it (a missing or
        unreadable robots.txt allows everything, as the convention says)."""
        parts = urlsplit(url)
        site = f"{parts.scheme}://{parts.netloc}"
        if site not in self._robots:
            parser: urllib.robotparser.RobotFileParser | None = None
            try:
                fetched = self._get(f"{site}/robots.txt", robots=False)
                parser = urllib.robotparser.RobotFileParser()
                parser.parse(fetched.body.decode("utf-8", "replace").splitlines())
            except FetchRejected:
                parser = None
            self._robots[site] = parser
        parser = self._robots[site]
        return parser is None or parser.can_fetch(self.user_agent, url)

    # ------------------------------------------------------------------ fetching
    def get(self, url: str) -> Fetched:
        """Fetch one URL (robots.txt, address checks, caps, retries)."""
        if not self.allowed(url):
            raise FetchRejected("robots_disallowed", f"robots.txt disallows {url}")
        return self._get(url)

    def _get(self, url: str, robots: bool = True) -> Fetched:
        for _ in range(self.max_redirects + 1):
            host, _port = self._check_url(url)
            response_url, status, content_type, body, location = self._request(url, host)
            if status in (301, 302, 303, 307, 308) and location:
                url = urljoin(response_url, location)
                if robots and not self.allowed(url):
                    raise FetchRejected("robots_disallowed", f"robots.txt disallows {url}")
                continue
            if status >= 400:
                raise FetchRejected("http_error", f"HTTP {status} for {url}")
            return Fetched(url=url, content_type=content_type, body=body)
        raise FetchRejected("fetch_failed", f"more than {self.max_redirects} redirects from {url}")

    def _request(self, url: str, host: str) -> tuple[str, int, str, bytes, str | None]:
        attempt = 0
        while True:
            wait = self._last.get(host, 0.0) + self.delay - time.monotonic()
            if wait > 0:
                self.sleep(wait)
            self._last[host] = time.monotonic()
            try:
                with self._client.stream("GET", url) as response:
                    status = response.status_code
                    if status in TRANSIENT and attempt < self.retries:
                        attempt += 1
                        self.sleep(min(30.0, 2.0**attempt))
                        continue
                    content_type = response.headers.get("content-type", "").split(";")[0]
                    length = response.headers.get("content-length")
                    if length and length.isdigit() and int(length) > self.max_bytes:
                        raise FetchRejected(
                            "too_large", f"{url} is {length} bytes, limit {self.max_bytes}"
                        )
                    body = bytearray()
                    if status < 300 or status >= 400:
                        for chunk in response.iter_bytes():
                            body += chunk
                            if len(body) > self.max_bytes:
                                raise FetchRejected(
                                    "too_large", f"{url} is over {self.max_bytes} bytes"
                                )
                    return (
                        str(response.url),
                        status,
                        content_type.strip().lower(),
                        bytes(body),
                        response.headers.get("location"),
                    )
            except httpx.TransportError as error:
                if attempt < self.retries:
                    attempt += 1
                    self.sleep(min(30.0, 2.0**attempt))
                    continue
                raise FetchRejected(
                    "fetch_failed", f"{url}: {type(error).__name__}: {error}"
                ) from None


# --------------------------------------------------------------------------- reading


def _kind(fetched: Fetched) -> str:
    """feed, sitemap, html, or other: from the content type, then the document's root."""
    head = fetched.body[:2048].lstrip().lower()
    if fetched.content_type in HTML_TYPES and not head.startswith(b"<?xml"):
        return "html"
    if fetched.content_type in XML_TYPES or head.startswith(b"<?xml") or head.startswith(b"<"):
        if b"<urlset" in fetched.body[:4096] or b"<sitemapindex" in fetched.body[:4096]:
            return "sitemap"
        if b"<rss" in fetched.body[:4096] or b"<feed" in fetched.body[:4096]:
            return "feed"
        if b"<html" in head or b"<!doctype html" in head:
            return "html"
    return "other"


def feed_links(body: bytes) -> list[str]:
    """The item links of an RSS or Atom feed, in feed order."""
    parsed = feedparser.parse(body)
    return [entry.link for entry in parsed.entries if entry.get("link")]


def sitemap_links(body: bytes) -> tuple[list[str], list[str]]:
    """(page URLs, nested sitemap URLs) of a sitemap or sitemap index."""
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(body, parser=parser)
    except etree.XMLSyntaxError:
        return [], []
    locs = [
        (element.getparent().tag, (element.text or "").strip())
        for element in root.iter(f"{SITEMAP_NS}loc", "loc")
    ]
    pages = [loc for parent, loc in locs if parent.endswith("url") and loc]
    nested = [loc for parent, loc in locs if parent.endswith("sitemap") and loc]
    return pages, nested


def iter_web(
    sources: Iterable[str],
    fetcher: Fetcher,
    known_urls: set[str],
    max_pages: int = 10_000,
) -> Iterator[RawDocument | Rejection]:
    """Fetch each web SOURCE and what it leads to; documents and rejections, never raising.
    Pages whose URL the warehouse already holds (``known_urls``) are not fetched again."""
    seen: set[str] = set()
    queue = [(source, True) for source in sources]
    pages = 0
    while queue:
        url, may_index = queue.pop(0)
        if url in seen or url in known_urls:
            continue
        seen.add(url)
        try:
            fetched = fetcher.get(url)
        except FetchRejected as error:
            yield Rejection(url, error.reason, error.detail)
            continue
        kind = _kind(fetched)
        if kind in ("feed", "sitemap") and may_index:
            if kind == "feed":
                links = [(urljoin(fetched.url, link), False) for link in feed_links(fetched.body)]
            else:
                found, nested = sitemap_links(fetched.body)
                links = [(urljoin(fetched.url, u), False) for u in found]
                links += [(urljoin(fetched.url, u), True) for u in nested]
            queue.extend(link for link in links if link[0] not in known_urls)
            continue
        if kind != "html":
            yield Rejection(url, "unsupported_type", f"{fetched.content_type or 'no type'}")
            continue
        pages += 1
        if pages > max_pages:
            yield Rejection(url, "too_many_pages", f"more than {max_pages} pages in one run")
            continue
        try:
            html = decode(fetched.body, is_html=True)
        except NotText as error:
            yield Rejection(url, "binary", str(error))
            continue
        yield RawDocument(source_uri=url, content_type="html", html=html, url=fetched.url)
