"""Local inputs: files, directories (recursive) and globs of text, Markdown, HTML and JSONL,
each optionally gzip-compressed.

Plain text and Markdown files may start with front matter carrying metadata::

    ---
    title: US warned Iran before Kerman blasts
    published_at: 2024-01-25
    publisher: Example Wire
    url: https://example.org/story
    ---
    The article text...
"""

from __future__ import annotations

import glob
import json
import os
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from flows.sources.dates import BadDate, parse_published_at
from flows.sources.records import RawDocument, Rejection

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES
METADATA_FIELDS = ("id", "url", "title", "publisher", "author", "published_at", "language")
MAX_GZIP_RATIO = 200  # a gzip member expanding more than this is treated as a bomb


class SourceError(ValueError):
    """A SOURCE argument that names nothing readable (a usage error, not a bad input)."""


@dataclass(frozen=True)
class InputFile:
    """A file to read and what kind it is."""

    path: Path
    kind: str  # text, html, jsonl
    is_gzip: bool

    @property
    def uri(self) -> str:
        return self.path.as_uri()


def classify(path: Path) -> InputFile | None:
    """The kind of a file from its name, or None when it is not an input we read."""
    name = path.name.lower()
    is_gzip = name.endswith(".gz")
    if is_gzip:
        name = name[:-3]
    if name.endswith(TEXT_SUFFIXES):
        kind = "text"
    elif name.endswith(HTML_SUFFIXES):
        kind = "html"
    elif name.endswith(JSONL_SUFFIXES):
        kind = "jsonl"
    else:
        return None
    return InputFile(path=path, kind=kind, is_gzip=is_gzip)


def _walk(directory: Path) -> Iterator[Path]:
    """Files below a directory, sorted, skipping hidden entries; symlinked dirs not followed."""
    for root, dirs, files in os.walk(directory, followlinks=False):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if not name.startswith("."):
                yield Path(root) / name


def discover_inputs(sources: Iterable[str]) -> tuple[list[InputFile], list[Rejection], int]:
    """Expand SOURCE arguments into input files.

    Returns the files to read (de-duplicated, in a stable order), rejections for files named
    explicitly that we cannot read, and how many files in scanned directories were skipped
    because their type is not an input type. Raises ``SourceError`` for a SOURCE that names
    nothing at all (a typo should fail loudly, not load zero documents).
    """
    found: dict[Path, InputFile] = {}
    rejected: list[Rejection] = []
    skipped = 0
    for source in sources:
        path = Path(source).expanduser()
        if path.is_dir():
            candidates = list(_walk(path))
            for candidate in candidates:
                item = classify(candidate)
                if item is None:
                    skipped += 1
                else:
                    found.setdefault(candidate.resolve(), item)
            continue
        if path.exists() or path.is_symlink():
            matches = [path]
        elif glob.has_magic(source):
            matches = sorted(
                Path(match) for match in glob.glob(os.path.expanduser(source), recursive=True)
            )
            matches = [match for match in matches if match.is_file()]
            if not matches:
                raise SourceError(f"no files match {source!r}")
        else:
            raise SourceError(f"no such file or directory: {source!r}")
        for match in matches:
            item = classify(match)
            if item is None:
                rejected.append(
                    Rejection(
                        match.resolve().as_uri(),
                        "unsupported_type",
                        f"not one of {', '.join(SUPPORTED_SUFFIXES)} (or .gz)",
                    )
                )
            else:
                found.setdefault(
                    match.resolve(), InputFile(match.resolve(), item.kind, item.is_gzip)
                )
    files = [InputFile(path.resolve(), item.kind, item.is_gzip) for path, item in found.items()]
    return files, rejected, skipped


def read_bytes(item: InputFile, max_bytes: int) -> bytes:
    """The file's content, gunzipped, capped at ``max_bytes``; raises ``InputRejected``."""
    try:
        size = item.path.stat().st_size
        if size > max_bytes:
            raise InputRejected("too_large", f"{size} bytes, limit {max_bytes}")
        with open(item.path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise InputRejected(
            "unreadable", f"{type(error).__name__}: {error.strerror or error}"
        ) from error
    if not item.is_gzip:
        return data
    cap = min(max_bytes, max(len(data), 1) * MAX_GZIP_RATIO)
    decompressor = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
    try:
        out = decompressor.decompress(data, cap + 1)
        if len(out) > cap or decompressor.unconsumed_tail:
            raise InputRejected("too_large", f"gzip expands past {cap} bytes (bomb or too big)")
        if not decompressor.eof:
            raise InputRejected("bad_gzip", "truncated gzip stream")
    except zlib.error as error:
        raise InputRejected("bad_gzip", f"not a valid gzip file: {error}") from error
    return out


class InputRejected(Exception):
    """Raised inside a reader; turned into a ``Rejection`` row."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


def decode(data: bytes) -> str:
    """Text from bytes: UTF-8 (with or without BOM), UTF-16 with BOM, else cp1252/Latin-1.

    Raises ``InputRejected`` for binary data (NUL bytes in what claims to be 8-bit text).
    """
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError:
        sample = data[:4096]
        if sample.count(b"\x00") > len(sample) // 100 + 1:
            raise InputRejected("binary", "the file holds binary data, not text") from None
        text = data.decode("cp1252", errors="replace")
    sample = text[:8192]
    controls = sum(1 for char in sample if char < " " and char not in "\t\n\r\f")
    if controls > len(sample) // 20 + 1:
        raise InputRejected("binary", "the file holds binary data, not text")
    return text.replace("\x00", "")


def split_front_matter(text: str) -> tuple[dict[str, str], str]:
    """``key: value`` lines between ``---`` fences at the very top, and the remaining body."""
    if not text.startswith("---"):
        return {}, text
    lines = text.split("\n")
    if lines[0].strip() != "---":
        return {}, text
    for index in range(1, min(len(lines), 60)):
        if lines[index].strip() == "---":
            meta: dict[str, str] = {}
            for line in lines[1:index]:
                key, sep, value = line.partition(":")
                if sep and key.strip():
                    meta[key.strip().lower()] = value.strip().strip('"').strip("'")
            return meta, "\n".join(lines[index + 1 :])
    return {}, text


def _document(
    uri: str,
    content_type: str,
    meta: dict[str, object],
    *,
    text: str | None = None,
    html: str | None = None,
) -> RawDocument:
    def field(name: str) -> str | None:
        value = meta.get(name)
        if value is None:
            return None
        if not isinstance(value, str | int | float):
            raise InputRejected("bad_field", f"{name} must be a string, got {type(value).__name__}")
        value = str(value).strip()
        return value or None

    try:
        published_at = parse_published_at(meta.get("published_at"))
    except BadDate as error:
        raise InputRejected("bad_published_at", str(error)) from error
    return RawDocument(
        source_uri=uri,
        content_type=content_type,
        text=text,
        html=html,
        external_id=field("id"),
        url=field("url"),
        title=field("title"),
        publisher=field("publisher"),
        author=field("author"),
        published_at=published_at,
        language=field("language"),
    )


def _read_jsonl(item: InputFile, text: str) -> Iterator[RawDocument | Rejection]:
    for number, line in enumerate(text.split("\n"), start=1):
        if not line.strip():
            continue
        uri = f"{item.uri}#line={number}"
        try:
            record = json.loads(line)
        except json.JSONDecodeError as error:
            yield Rejection(uri, "bad_json", f"line {number}: {error.msg} at column {error.colno}")
            continue
        if not isinstance(record, dict):
            yield Rejection(
                uri, "bad_json", f"line {number}: expected an object, got {type(record).__name__}"
            )
            continue
        body_text, body_html = record.get("text"), record.get("html")
        for name, value in (("text", body_text), ("html", body_html)):
            if value is not None and not isinstance(value, str):
                yield Rejection(uri, "bad_field", f"line {number}: {name} must be a string")
                break
        else:
            if not (body_text or "").strip() and not (body_html or "").strip():
                yield Rejection(uri, "missing_text", f"line {number}: needs 'text' or 'html'")
                continue
            try:
                yield _document(
                    uri,
                    "jsonl",
                    record,
                    text=body_text if (body_text or "").strip() else None,
                    html=None if (body_text or "").strip() else body_html,
                )
            except InputRejected as error:
                yield Rejection(uri, error.reason, f"line {number}: {error.detail}")


def iter_documents(files: Iterable[InputFile], max_bytes: int) -> Iterator[RawDocument | Rejection]:
    """Read files one at a time, yielding documents and rejections (never raising for input)."""
    for item in files:
        try:
            text = decode(read_bytes(item, max_bytes))
            if not text.strip():
                raise InputRejected("empty", "the file is empty or only whitespace")
            if item.kind == "jsonl":
                yield from _read_jsonl(item, text)
            elif item.kind == "html":
                yield _document(item.uri, "html", {}, html=text)
            else:
                meta, body = split_front_matter(text)
                if not body.strip():
                    raise InputRejected("empty", "no text after the front matter")
                yield _document(item.uri, "text", meta, text=body)
        except InputRejected as error:
            yield Rejection(item.uri, error.reason, error.detail)
