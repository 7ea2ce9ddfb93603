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

import errno
import glob
import json
import os
import re
import stat
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from flows.sources.dates import BadDate, parse_published_at
from flows.sources.encodings import NotText, decode
from flows.sources.records import RawDocument, Rejection
from flows.sources.warc import iter_warc

TEXT_SUFFIXES = (".txt", ".md")
HTML_SUFFIXES = (".html", ".htm")
JSONL_SUFFIXES = (".jsonl",)
WARC_SUFFIXES = (".warc",)
SUPPORTED_SUFFIXES = TEXT_SUFFIXES + HTML_SUFFIXES + JSONL_SUFFIXES + WARC_SUFFIXES
METADATA_FIELDS = ("id", "url", "title", "publisher", "author", "published_at", "language")
MAX_GZIP_RATIO = 200  # a gzip file expanding more than this is treated as a bomb
KIND_NAMES = {"text": "text file", "html": "HTML page", "jsonl": "JSONL file"}
_LINE_BREAK = re.compile(r"\r\n?|\n")  # JSON strings hold no raw CR or LF: safe to split on
_MARKUP = re.compile(r"<[a-zA-Z!/?]")  # a .html file without any tag is plain text
_SURROGATE = re.compile("[\ud800-\udfff]")  # from "\\ud800" escapes; not storable text


class SourceError(ValueError):
    """A SOURCE argument that names nothing readable (a usage error, not a bad input)."""


@dataclass(frozen=True)
class InputFile:
    """A file to read and what kind it is."""

    path: Path
    kind: str  # text, html, jsonl, warc
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
    if name.endswith(WARC_SUFFIXES):
        kind = "warc"  # compressed or not, warcio reads it
    elif name.endswith(TEXT_SUFFIXES):
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


def _target(path: Path) -> Path | Rejection:
    """The file a path names, links followed; a ``broken_link`` rejection when it leads nowhere."""
    try:
        return path.resolve(strict=True)
    except (OSError, RuntimeError) as error:  # RuntimeError: a link loop (before Python 3.13)
        if isinstance(error, RuntimeError) or getattr(error, "errno", None) == errno.ELOOP:
            detail = "a symbolic link loop"
        elif path.is_symlink():
            detail = f"a symbolic link to {os.readlink(path)!r}, which does not exist"
        else:
            detail = f"{type(error).__name__}: {error.strerror or error}"
        return Rejection(path.absolute().as_uri(), "broken_link", detail)


def discover_inputs(sources: Iterable[str]) -> tuple[list[InputFile], list[Rejection], int]:
    """Expand SOURCE arguments into input files.

    Returns the files to read (de-duplicated by the file they resolve to, in a stable order),
    rejections for files we cannot read (named explicitly, or broken links in scanned
    directories), and how many files in scanned directories were skipped because their type
    is not an input type. Raises ``SourceError`` for a SOURCE that names nothing at all (a
    typo should fail loudly, not load zero documents).
    """
    found: dict[Path, InputFile] = {}
    rejected: list[Rejection] = []
    skipped = 0

    def add(path: Path, item: InputFile) -> None:
        target = _target(path)
        if isinstance(target, Rejection):
            rejected.append(target)
        else:
            found.setdefault(target, InputFile(target, item.kind, item.is_gzip))

    for source in sources:
        path = Path(source).expanduser()
        if path.is_dir():
            for candidate in _walk(path):
                item = classify(candidate)
                if item is None:
                    skipped += 1
                else:
                    add(candidate, item)
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
                        match.absolute().as_uri(),
                        "unsupported_type",
                        f"not one of {', '.join(SUPPORTED_SUFFIXES)} (or .gz)",
                    )
                )
            else:
                add(match, item)
    return list(found.values()), rejected, skipped


def _file_type(mode: int) -> str:
    for test, name in (
        (stat.S_ISDIR, "directory"),
        (stat.S_ISFIFO, "named pipe"),
        (stat.S_ISCHR, "character device"),
        (stat.S_ISBLK, "block device"),
        (stat.S_ISSOCK, "socket"),
    ):
        if test(mode):
            return name
    return "special file"


def read_bytes(item: InputFile, max_bytes: int, limit_name: str = "a file") -> bytes:
    """The file's content, gunzipped, capped at ``max_bytes``; raises ``InputRejected``.

    Only regular files are opened: a named pipe would block the run and a device never ends.
    """
    what = KIND_NAMES[item.kind]
    try:
        info = item.path.stat()
        if not stat.S_ISREG(info.st_mode):
            raise InputRejected("not_a_file", f"a {_file_type(info.st_mode)}, not a regular file")
        if info.st_size > max_bytes:
            raise InputRejected(
                "too_large",
                f"{what} of {info.st_size:,} bytes, over the {max_bytes:,}-byte limit for "
                f"{limit_name}",
            )
        with open(item.path, "rb") as handle:
            data = handle.read(max_bytes + 1)
    except OSError as error:
        raise InputRejected(
            "unreadable", f"{type(error).__name__}: {error.strerror or error}"
        ) from error
    if not item.is_gzip:
        return data
    return _gunzip(
        data, max_bytes, f"{what}: gzip expands past the {max_bytes:,}-byte limit for {limit_name}"
    )


def _gunzip(data: bytes, max_bytes: int, too_large: str) -> bytes:
    """Every member of a gzip stream, stopping at ``max_bytes`` or at ``MAX_GZIP_RATIO``."""
    ratio_cap = max(len(data), 1) * MAX_GZIP_RATIO
    cap = min(max_bytes, ratio_cap)
    parts: list[bytes] = []
    size, rest = 0, data
    try:
        while rest:
            decompressor = zlib.decompressobj(wbits=zlib.MAX_WBITS | 16)
            out = decompressor.decompress(rest, cap - size + 1)
            size += len(out)
            if size > cap:
                if cap == ratio_cap and ratio_cap < max_bytes:
                    raise InputRejected(
                        "gzip_bomb",
                        f"{len(data):,} compressed bytes expand more than {MAX_GZIP_RATIO} times",
                    )
                raise InputRejected("too_large", too_large)
            if not decompressor.eof:
                raise InputRejected("bad_gzip", "truncated gzip stream")
            parts.append(out)
            rest = decompressor.unused_data
            if not rest.strip(b"\0"):  # zero padding after the last member, as gzip allows
                break
    except zlib.error as error:
        raise InputRejected("bad_gzip", f"not a valid gzip file: {error}") from error
    return b"".join(parts)


class InputRejected(Exception):
    """Raised inside a reader; turned into a ``Rejection`` row."""

    def __init__(self, reason: str, detail: str) -> None:
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


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
        raise InputRejected(error.reason, str(error)) from error
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


def _parse_line(line: str, number: int, max_line_bytes: int) -> dict[str, object]:
    """One JSONL line as an object with storable strings; raises ``InputRejected``."""
    size = len(line.encode("utf-8", errors="surrogatepass"))
    if size > max_line_bytes:
        raise InputRejected(
            "too_large",
            f"line {number}: {size:,} bytes, over the {max_line_bytes:,}-byte limit for one "
            "document (NEWSEVENTS_MAX_DOCUMENT_BYTES)",
        )
    try:
        record = json.loads(line)
    except json.JSONDecodeError as error:
        raise InputRejected(
            "bad_json", f"line {number}: {error.msg} at column {error.colno}"
        ) from None
    except (ValueError, RecursionError) as error:  # a 5,000-digit number; [[[[... nested deep
        raise InputRejected("bad_json", f"line {number}: {type(error).__name__}") from None
    if not isinstance(record, dict):
        raise InputRejected(
            "bad_json", f"line {number}: expected an object, got {type(record).__name__}"
        )
    # "\ud800" escapes decode to lone surrogates, which no database can store
    return {
        key: _SURROGATE.sub("\ufffd", value) if isinstance(value, str) else value
        for key, value in record.items()
    }


def _read_jsonl(
    item: InputFile, text: str, max_line_bytes: int
) -> Iterator[RawDocument | Rejection]:
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        if not line.strip():
            continue
        uri = f"{item.uri}#line={number}"
        try:
            record = _parse_line(line, number, max_line_bytes)
        except InputRejected as error:
            yield Rejection(uri, error.reason, error.detail)
            continue
        body_text, body_html = record.get("text"), record.get("html")
        for name, value in (("text", body_text), ("html", body_html)):
            if value is not None and not isinstance(value, str):
                yield Rejection(
                    uri,
                    "bad_field",
                    f"line {number}: {name} must be a string, got {type(value).__name__}",
                )
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


def iter_documents(
    files: Iterable[InputFile], max_bytes: int, max_document_bytes: int | None = None
) -> Iterator[RawDocument | Rejection]:
    """Read files one at a time, yielding documents and rejections (never raising for input).

    ``max_bytes`` caps a file (a JSONL file holds many documents); ``max_document_bytes``
    caps one document: a text file, an HTML page or a JSONL line.
    """
    per_document = min(max_bytes, max_document_bytes or max_bytes)
    for item in files:
        if item.kind == "warc":  # streamed: no file cap, one cap per page
            yield from iter_warc(str(item.path), item.uri, per_document)
            continue
        try:
            if item.kind == "jsonl":
                data = read_bytes(item, max_bytes, "a file (NEWSEVENTS_MAX_FILE_BYTES)")
            else:
                data = read_bytes(
                    item, per_document, "one document (NEWSEVENTS_MAX_DOCUMENT_BYTES)"
                )
            try:
                text = decode(data, is_html=item.kind == "html")
            except NotText as error:
                raise InputRejected("binary", str(error)) from None
            if not text.strip():
                raise InputRejected("empty", "the file is empty or only whitespace")
            if item.kind == "jsonl":
                yield from _read_jsonl(item, text, per_document)
            elif item.kind == "html" and _MARKUP.search(text):
                yield _document(item.uri, "html", {}, html=text)
            elif item.kind == "html":
                yield _document(item.uri, "text", {}, text=text)
            else:
                meta, body = split_front_matter(_LINE_BREAK.sub("\n", text))
                if not body.strip():
                    raise InputRejected("empty", "no text after the front matter")
                yield _document(item.uri, "text", meta, text=body)
        except InputRejected as error:
            yield Rejection(item.uri, error.reason, error.detail)
