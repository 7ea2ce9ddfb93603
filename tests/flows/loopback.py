"""A tiny news site on a loopback HTTP server, for the web-source and serve tests."""

from __future__ import annotations

import contextlib
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

ARTICLE = (
    "<html><head><title>{title}</title></head><body><nav>Home | World</nav><article>"
    "<h1>{title}</h1><p>{body}</p><p>The ministry said more talks would follow next week, "
    "and officials in the capital confirmed the figures to reporters on Tuesday.</p>"
    "</article></body></html>"
)
PAGES = {
    "/a1.html": (
        "Police clash with protesters",
        "Police fired tear gas at protesters in "
        "Nairobi on Monday, injuring 12 people, witnesses said.",
    ),
    "/a2.html": (
        "Troops withdraw",
        "Ugandan troops withdrew from the border town of Kasese "
        "on Sunday after talks with local leaders.",
    ),
    "/a3.html": (
        "Rebels attack convoy",
        "Rebels attacked an army convoy near Goma on "
        "Saturday, killing four soldiers, the army said.",
    ),
    "/private/secret.html": ("Secret", "Gunmen attacked a bank in Mombasa on Friday."),
}


def _rss(paths: list[str], base: str) -> str:
    items = "".join(f"<item><title>{p}</title><link>{base}{p}</link></item>" for p in paths)
    return (
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>t</title>{items}</channel></rss>'
    )


class Site:
    """A tiny news site whose feed can change between runs; counts requests per path."""

    def __init__(self) -> None:
        self.feed = ["/a1.html", "/a2.html", "/private/secret.html"]
        self.hits: Counter[str] = Counter()
        self.flaky_failures = 1
        site = self

        class Handler(BaseHTTPRequestHandler):
            def log_message(self, *args: object) -> None:
                pass

            def do_GET(self) -> None:
                site.hits[self.path] += 1
                status, ctype, body, headers = site.answer(self.path)
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                with contextlib.suppress(BrokenPipeError, ConnectionResetError):
                    self.wfile.write(body)  # a client that timed out has gone

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.base = f"http://127.0.0.1:{self.server.server_address[1]}"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def answer(self, path: str) -> tuple[int, str, bytes, dict[str, str]]:
        if path == "/robots.txt":
            return 200, "text/plain", b"User-agent: *\nDisallow: /private/\n", {}
        if path == "/feed.xml":
            return 200, "application/rss+xml", _rss(self.feed, self.base).encode(), {}
        if path == "/sitemap.xml":
            urls = f"<url><loc>{self.base}/a3.html</loc></url>"
            xml = f'<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>'
            return 200, "application/xml", xml.encode(), {}
        if path == "/index.xml":
            inner = f"<sitemap><loc>{self.base}/sitemap.xml</loc></sitemap>"
            xml = (
                '<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                f"{inner}</sitemapindex>"
            )
            return 200, "application/xml", xml.encode(), {}
        if path == "/moved":
            return 302, "text/html", b"", {"Location": "/a1.html"}
        if path == "/to-metadata":
            return 302, "text/html", b"", {"Location": "http://169.254.169.254/latest/"}
        if path == "/loop":
            return 302, "text/html", b"", {"Location": "/loop"}
        if path == "/flaky.html":
            if self.flaky_failures:
                self.flaky_failures -= 1
                return 503, "text/plain", b"busy", {}
            return 200, "text/html", ARTICLE.format(title="Back", body="Back again.").encode(), {}
        if path == "/slow.html":
            time.sleep(2)
            return 200, "text/html", ARTICLE.format(title="Slow", body="Slow news.").encode(), {}
        if path == "/fail":
            return 500, "text/plain", b"broken", {}
        if path == "/big.html":
            return 200, "text/html", b"<html>" + b"x" * 300_000 + b"</html>", {}
        if path == "/logo.png":
            return 200, "image/png", b"\x89PNG\r\n\x1a\n" + bytes(100), {}
        if path in PAGES:
            title, body = PAGES[path]
            return (
                200,
                "text/html; charset=utf-8",
                ARTICLE.format(title=title, body=body).encode(),
                {},
            )
        return 404, "text/plain", b"not found", {}

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()
