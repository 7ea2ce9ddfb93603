"""HTML -> article text and metadata. Every trafilatura option lives here.

Plain-text rows pass through untouched; HTML rows are extracted one page at a time (the
library works per page) and their metadata fills the fields the input did not give.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import datetime

import polars as pl
import trafilatura

from flows.sources import RAW_SCHEMA, Rejection
from flows.sources.dates import BadDate, parse_published_at

# Precision-oriented article extraction: no comments, no tables (they rarely hold events and
# often hold navigation), and trafilatura's own date search for pages that state no date.
EXTRACT_OPTIONS = {
    "include_comments": False,
    "include_tables": False,
    "include_images": False,
    "include_links": False,
    "with_metadata": True,
    "deduplicate": False,
}
MIN_ARTICLE_CHARS = 40
# lxml (libxml2) drops whatever is nested deeper than this: a page of 5,000 nested divs or
# unclosed <font> tags loses its article. Such a page is flattened and extracted again.
MAX_PARSER_DEPTH = 255
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(/?)>")
_VOID_WORDS = "area base br col embed hr img input link meta param source track wbr"
_VOID_TAGS = frozenset(_VOID_WORDS.split())  # elements that never close
_INLINE_TAG = re.compile(
    r"</?(?:font|span|b|i|u|em|strong|small|big|tt|s|strike|sub|sup|abbr|cite|mark|q)\b[^>]*>",
    re.IGNORECASE,
)
_BLOCK_TAG = re.compile(
    r"<(/?)(?:div|section|article|main|aside|center|blockquote|table|tbody|thead|tfoot|tr|td|"
    r"th|ul|ol|li|dl|dt|dd|form|fieldset|header|footer|nav|figure|figcaption)\b[^>]*>",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class ExtractedPage:
    """What trafilatura found in one HTML page."""

    text: str
    title: str | None
    author: str | None
    publisher: str | None
    published_at: datetime | None
    url: str | None
    language: str | None


def _clean(value: object) -> str | None:
    if value is None:
        return None
    text = str(value).strip()
    return text or None


def nesting_depth(html: str) -> int:
    """How deep the page's tags nest, counting unclosed tags as open (an upper bound)."""
    depth = deepest = 0
    for closing, name, self_closing in _TAG.findall(html):
        if self_closing or name.lower() in _VOID_TAGS:
            continue
        if closing:
            depth = max(depth - 1, 0)
        else:
            depth += 1
            deepest = max(deepest, depth)
    return deepest


def flatten(html: str) -> str:
    """The page without inline tags, its block wrappers turned into (unnestable) paragraphs."""
    return _BLOCK_TAG.sub(
        lambda match: "</p>" if match.group(1) else "<p>", _INLINE_TAG.sub("", html)
    )


def extract_page(html: str, url: str | None = None) -> ExtractedPage | None:
    """Article text and metadata of one page, or None when the page holds no article."""
    page = _extract(html, url)
    if page is None and nesting_depth(html) > MAX_PARSER_DEPTH:
        page = _extract(flatten(html), url)
    return page


def _extract(html: str, url: str | None) -> ExtractedPage | None:
    try:
        document = trafilatura.bare_extraction(html, url=url, **EXTRACT_OPTIONS)
    except Exception:  # trafilatura raises assorted lxml/parser errors on hostile markup
        return None
    if document is None:
        return None
    fields = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    text = _clean(fields.get("text"))
    if text is None or len(text) < MIN_ARTICLE_CHARS:
        return None
    try:
        published_at = parse_published_at(_clean(fields.get("date")))
    except BadDate:
        published_at = None
    return ExtractedPage(
        text=text,
        title=_clean(fields.get("title")),
        author=_clean(fields.get("author")),
        publisher=_clean(fields.get("sitename")) or _clean(fields.get("hostname")),
        published_at=published_at,
        url=_clean(fields.get("url")),
        language=_clean(fields.get("language")),
    )


def extract_batch(raw: pl.DataFrame) -> tuple[pl.DataFrame, list[Rejection]]:
    """Fill ``text`` (and missing metadata) for HTML rows; drop and reject pages with no article.

    Metadata given by the input (JSONL fields) wins over what trafilatura finds in the page.
    """
    if raw.is_empty() or raw["html"].null_count() == raw.height:
        return raw, []
    rows = raw.to_dicts()
    kept: list[dict[str, object]] = []
    rejected: list[Rejection] = []
    for row in rows:
        html = row["html"]
        if html is None:
            kept.append(row)
            continue
        page = extract_page(html, row["url"])
        if page is None:
            rejected.append(
                Rejection(row["source_uri"], "no_article", "no article text found in the HTML")
            )
            continue
        row["text"] = page.text
        for name in ("title", "author", "publisher", "published_at", "url", "language"):
            if row[name] is None:
                row[name] = getattr(page, name)
        kept.append(row)
    frame = pl.DataFrame(kept, schema=RAW_SCHEMA, orient="row") if kept else raw.clear()
    return frame.drop("html").with_columns(pl.lit(None, pl.String).alias("html")).select(
        raw.columns
    ), rejected
