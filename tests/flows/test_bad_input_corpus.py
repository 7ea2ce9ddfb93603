"""A corpus of bad inputs, one file (or JSONL line) per kind, run through the real flow at once.

Every kind either loads (a ``documents`` row, with the text decoded correctly where the
encoding can be known) or lands in ``rejected_inputs`` with its own reason; the good articles
among them load and the run completes. The big cases (a 50 MB page, a 20 MB JSONL line, a
gzip bomb, a file over the size cap) are made here in tmp_path, never committed.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import shutil
import zlib
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

import duckdb

from flows.pipeline import execute_run
from flows.settings import load_settings

SEEDS = load_settings().default_articles_dir
MB = 1024 * 1024
IS_ROOT = os.geteuid() == 0  # root reads a chmod 000 file anyway


@dataclass(frozen=True)
class Loaded:
    """The input is stored: its text holds these pieces (and not those), with this metadata."""

    contains: tuple[str, ...] = ()
    lacks: tuple[str, ...] = ()
    language: str | None = "en"  # None: not checked
    title: str | None = None
    published_at: datetime | None = None
    max_title_chars: int | None = None
    coded: bool | None = None  # True: at least one event; False: none; None: not checked


@dataclass(frozen=True)
class Rejected:
    """The input is in rejected_inputs with this reason (and this piece in the detail)."""

    reason: str
    detail: str = ""


@dataclass(frozen=True)
class Kind:
    name: str
    uri: str
    expect: Loaded | Rejected | None  # None: nothing to assert (a chmod 000 file, as root)


@dataclass
class Corpus:
    root: Path
    kinds: list[Kind] = field(default_factory=list)

    def write(self, path: str, data: bytes) -> Path:
        target = self.root / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(data)
        return target

    def file(self, name: str, path: str, data: bytes, expect: Loaded | Rejected | None) -> Path:
        """One kind: one file."""
        target = self.write(path, data)
        self.expect(name, target.as_uri(), expect)
        return target

    def expect(self, name: str, uri: str, expect: Loaded | Rejected | None) -> None:
        self.kinds.append(Kind(name, uri, expect))


def _story(topic: str) -> str:
    """A short English report, different for each kind (identical texts are stored once)."""
    return (
        f"Police arrested 12 protesters in Nairobi on Monday during a march about {topic}, "
        "witnesses said. The interior ministry accused opposition leaders of organising the "
        "protest and urged them to call it off.\n"
    )


def _page(title: str, body: str, head: str = '<meta charset="utf-8">') -> str:
    paragraphs = "".join(f"<p>{line}</p>\n" for line in body.split("\n") if line.strip())
    return (
        f"<!DOCTYPE html>\n<html><head>{head}<title>{title}</title></head>\n<body>"
        f"<nav><a href='/'>Home</a> <a href='/world'>World</a></nav>\n"
        f"<article><h1>{title}</h1>\n{paragraphs}</article>\n"
        f"<footer>Copyright The Example Herald</footer></body></html>\n"
    )


def _jsonl(*records: object) -> bytes:
    return "".join(
        (record if isinstance(record, str) else json.dumps(record)) + "\n" for record in records
    ).encode()


# each holds words the English dictionaries know ("sanctions", "accord", "embargo"): coded
# as English, they would make events
FRENCH = (
    "Washington a annoncé lundi de nouvelles sanctions contre l'Iran, selon le Trésor. "
    "La police kenyane a dispersé des manifestants à Nairobi lundi, selon des témoins. "
    "Les soldats ont attaqué un village près de la frontière et le gouvernement a condamné "
    "les violences. Les partis d'opposition ont appelé à une grève générale jeudi.\n"
)
RUSSIAN = (
    "Полиция задержала двенадцать протестующих в Москве в понедельник, сообщили свидетели. "
    "Министерство внутренних дел обвинило лидеров оппозиции в организации акции. "
    "Правительство призвало граждан сохранять спокойствие.\n"
)
CHINESE = (
    "警方周一在北京逮捕了十二名抗议者。目击者说，抗议者在市中心聚集，要求释放被拘留的记者。"
    "政府表示将调查此事，反对派领导人呼吁举行新的抗议活动。\n"
)
SPANISH = (
    "Estados Unidos impuso sanciones a Venezuela el lunes y Maduro condenó el embargo. "
    "La policía detuvo a doce manifestantes en Caracas el lunes, según testigos. "
    "El gobierno acusó a la oposición de organizar las protestas.\n"
)


def build_corpus(root: Path) -> Corpus:
    corpus = Corpus(root)
    add, expect = corpus.file, corpus.expect
    rng = random.Random(7)

    # --- good inputs, which must load beside all the bad ones
    shutil.copy(SEEDS / "kerman-warning.txt", root / "good-kerman.txt")
    expect(
        "good: seed article (text + front matter)",
        (root / "good-kerman.txt").as_uri(),
        Loaded(
            contains=("Kerman",),
            title="US Warned Iran About Impending Attack by ISIS-K Prior to Kerman Blasts, Says "
            "US Official",
            published_at=datetime(2024, 1, 25),
            coded=True,
        ),
    )
    shutil.copy(SEEDS / "samples.jsonl", root / "good-samples.jsonl")
    for number in (1, 2, 3):
        expect(
            f"good: seed JSONL line {number}",
            f"{(root / 'good-samples.jsonl').as_uri()}#line={number}",
            Loaded(coded=True),
        )
    add(
        "good: HTML page",
        "good-page.html",
        _page("Teachers march in Kisumu", _story("teachers' pay") * 3).encode(),
        Loaded(contains=("teachers' pay",), title="Teachers march in Kisumu", coded=True),
    )

    # --- empty, binary, compressed
    add("empty file", "empty.txt", b"", Rejected("empty"))
    add("whitespace only", "whitespace.md", b" \n\t\r\n   \n\n", Rejected("empty"))
    add("binary data", "binary.txt", rng.randbytes(8192), Rejected("binary"))
    add(
        "PNG image named .html",
        "photo.html",
        b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + rng.randbytes(4096),
        Rejected("binary"),
    )
    add(
        "truncated gzip",
        "truncated.txt.gz",
        gzip.compress(_story("a truncated file").encode() * 20)[:-25],
        Rejected("bad_gzip", "truncated"),
    )
    add("not gzip at all", "fake.txt.gz", _story("a fake gzip").encode(), Rejected("bad_gzip"))
    compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
    zeros = b"\0" * MB
    bomb = b"".join(compressor.compress(zeros) for _ in range(100)) + compressor.flush()
    add("gzip bomb (100 MB of zeros)", "bomb.jsonl.gz", bomb, Rejected("gzip_bomb"))
    add(
        "gzip of two members",
        "members.txt.gz",
        gzip.compress(b"First part: troops withdrew from Mandera on Monday.\n")
        + gzip.compress(_story("a two-member gzip").encode()),
        Loaded(contains=("First part", "two-member gzip")),
    )
    sparse = add(
        "file over the size cap (65 MB)", "sparse.jsonl", b"", Rejected("too_large", "JSONL")
    )
    with open(sparse, "r+b") as handle:
        handle.truncate(65 * MB)  # sparse: no disk used
    filler = b"<div class='comment'><p>" + b"More words that are not an article. " * 30 + b"</p>"
    with open(root / "huge.html", "wb") as handle:  # under the file cap, over one page's
        handle.write(b"<html><body><article><p>" + _story("a huge page").encode() + b"</p>")
        for _ in range(50 * MB // len(filler)):
            handle.write(filler)
        handle.write(b"</article></body></html>")
    expect("50 MB HTML page", (root / "huge.html").as_uri(), Rejected("too_large", "HTML"))

    # --- encodings
    add(
        "invalid UTF-8 bytes in UTF-8 text",
        "invalid-utf8.txt",
        # one stray byte in the middle, and a last character cut in half
        "Strikers in São Paulo and Zürich ".encode()
        + b"\xff"
        + (_story("bad bytes") + "They met in Besan").encode()
        + "ç".encode()[:1],
        Loaded(contains=("Strikers in São Paulo and Zürich \ufffd", "bad bytes", "Besan\ufffd")),
    )
    add(
        "UTF-16 LE with BOM",
        "utf16le.txt",
        ("Grève à Besançon. " + _story("UTF-16 LE")).encode("utf-16"),
        Loaded(contains=("Grève à Besançon", "UTF-16 LE")),
    )
    add(
        "UTF-16 BE with BOM",
        "utf16be.md",
        b"\xfe\xff" + ("Ñandú in Córdoba. " + _story("UTF-16 BE")).encode("utf-16-be"),
        Loaded(contains=("Ñandú in Córdoba", "UTF-16 BE")),
    )
    add(
        "UTF-16 without BOM",
        "utf16-nobom.txt",
        ("Škoda workers in Plzeň. " + _story("UTF-16 without a BOM")).encode("utf-16-le"),
        Loaded(contains=("Škoda workers in Plzeň", "UTF-16 without a BOM")),
    )
    path = corpus.write(
        "bom.jsonl",
        b"\xef\xbb\xbf" + _jsonl({"id": "bom-1", "text": "Café. " + _story("a byte order mark")}),
    )
    expect(
        "UTF-8 with BOM (JSONL)",
        f"{path.as_uri()}#line=1",
        Loaded(contains=("Café.", "byte order mark")),
    )
    add(
        "Latin-1 text",
        "latin1.txt",
        ("Café owners in São Paulo and Zürich protested. " + _story("Latin-1")).encode("latin-1"),
        Loaded(contains=("Café owners in São Paulo and Zürich",)),
    )
    add(
        "cp1252 text (curly quotes, euro, dash)",
        "cp1252.txt",
        (
            "“We will not back down,” the union said — police seized €5,000. " + _story("cp1252")
        ).encode("cp1252"),
        Loaded(contains=("“We will not back down,” the union said — police seized €5,000.",)),
    )
    add(
        "HTML declaring ISO-8859-15 (euro at 0xA4)",
        "declared-8859-15.html",
        _page(
            "Fines in Lyon",
            "The court fined the union €200 on Monday. " + _story("ISO-8859-15"),
            head='<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-15">',
        ).encode("iso-8859-15"),
        Loaded(contains=("fined the union €200",), title="Fines in Lyon"),
    )
    add(
        "HTML declaring windows-1251 (Russian)",
        "russian-1251.html",
        _page("Протест в Москве", RUSSIAN * 2, head='<meta charset="windows-1251">').encode(
            "cp1251"
        ),
        Loaded(contains=("Полиция задержала",), language="ru", coded=False),
    )
    add(
        "HTML declaring an unknown charset",
        "bogus-charset.html",
        _page(
            "Talks in Arusha",
            "Ministers met in Arusha. " + _story("a bogus charset"),
            head='<meta charset="x-klingon-8">',
        ).encode(),
        Loaded(contains=("bogus charset",)),
    )
    add(
        "XHTML with an XML encoding declaration",
        "xhtml.html",
        (
            '<?xml version="1.0" encoding="ISO-8859-1"?>\n'
            '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Señal</title></head>'
            "<body><article><p>Peñalolén residents protested. "
            + _story("XHTML")
            + "</p></article></body></html>"
        ).encode("latin-1"),
        Loaded(contains=("Peñalolén residents protested",)),
    )
    add(
        "NUL bytes inside text",
        "nul-bytes.txt",
        b"Soldiers\x00 withdrew\x00 from Kismayo. " + _story("NUL bytes").encode(),
        Loaded(contains=("Soldiers withdrew from Kismayo",), lacks=("\x00",)),
    )
    bad_name = os.fsdecode(b"bad-name-\xff.txt")
    add(
        "file name that is not UTF-8",
        bad_name,
        _story("a file name in no encoding").encode(),
        Loaded(contains=("a file name in no encoding",)),
    )

    # --- HTML
    add(
        "HTML with no article",
        "nav-only.html",
        b"<html><body><nav><a href='/'>Home</a><a href='/a'>About</a></nav></body></html>",
        Rejected("no_article"),
    )
    add(
        "HTML of scripts and styles only",
        "script-only.htm",
        b"<html><head><style>p{color:red}</style><script>var a = 1;</script></head>"
        b"<body><script>document.write('hi')</script></body></html>",
        Rejected("no_article"),
    )
    depth = 5000
    add(
        f"HTML nested {depth} deep",
        "nested.html",
        (
            "<html><body>"
            + "<div>" * depth
            + "<p>"
            + _story("a deeply nested page") * 2
            + "</p>"
            + "</div>" * depth
            + "</body></html>"
        ).encode(),
        Loaded(contains=("deeply nested page",)),
    )
    add(
        "plain text saved as .html",
        "plain.html",
        (_story("plain text in an HTML file") * 3).encode(),
        Loaded(contains=("plain text in an HTML file",)),
    )

    # --- JSONL, one kind a line
    lines = [
        (
            "JSONL: unknown fields are ignored",
            {"id": "j-1", "text": _story("unknown fields"), "sentiment": 0.3, "tags": ["x"]},
            Loaded(contains=("unknown fields",)),
        ),
        ("JSONL: broken line", '{"text": "unterminated', Rejected("bad_json")),
        ("JSONL: an array, not an object", '["text", "an array"]', Rejected("bad_json", "list")),
        ("JSONL: null", "null", Rejected("bad_json")),
        ("JSONL: no text or html", {"id": "j-5", "title": "No body"}, Rejected("missing_text")),
        ("JSONL: text is a number", {"text": 42}, Rejected("bad_field", "text")),
        (
            "JSONL: title is a list",
            {"text": _story("a list title"), "title": ["a", "b"]},
            Rejected("bad_field", "title"),
        ),
        (
            "JSONL: published_at is a number",
            {"text": _story("a numeric date"), "published_at": 20240101},
            Rejected("bad_published_at"),
        ),
        (
            "JSONL: invalid date",
            {"text": _story("an invalid date"), "published_at": "2024-02-30"},
            Rejected("bad_published_at"),
        ),
        (
            "JSONL: future date",
            {"text": _story("a future date"), "published_at": "2999-01-01"},
            Rejected("future_published_at"),
        ),
        (
            "JSONL: date before 1800",
            {"text": _story("an ancient date"), "published_at": "1066-10-14"},
            Rejected("bad_published_at"),
        ),
        ("JSONL: nested 100,000 deep", "[" * 100_000 + "]" * 100_000, Rejected("bad_json")),
        (
            "JSONL: a 5,000-digit number",
            '{"text": "x", "n": ' + "9" * 5000 + "}",
            Rejected("bad_json"),
        ),
        (
            "JSONL: lone surrogate escape",
            '{"text": "Lone \\ud800 surrogate. ' + _story("a lone surrogate").strip() + '"}',
            Loaded(contains=("Lone \ufffd surrogate",)),
        ),
        (
            "JSONL: html without an article",
            {"html": "<html><body><nav>x</nav></body></html>"},
            Rejected("no_article"),
        ),
        (
            "JSONL: given language en-GB",
            {"text": _story("a British tag"), "language": "en-GB"},
            Loaded(contains=("British tag",), language="en", coded=True),
        ),
        (
            "JSONL: given language fr",
            {"text": FRENCH + "Ceci vient d'un fichier JSONL.", "language": "fr"},
            Loaded(contains=("sanctions contre l'Iran",), language="fr", coded=False),
        ),
        (
            "JSONL: Spanish, language not given",
            {"text": SPANISH},
            Loaded(contains=("impuso sanciones",), language="es", coded=False),
        ),
    ]
    path = corpus.write("lines.jsonl", _jsonl(*(line for _, line, _ in lines)))
    for number, (name, _, outcome) in enumerate(lines, start=1):
        expect(name, f"{path.as_uri()}#line={number}", outcome)
    huge_line = {"id": "huge", "text": "Talks went on. " * (20 * MB // 15)}
    path = corpus.write(
        "huge-line.jsonl",
        _jsonl(huge_line, {"id": "after-huge", "text": _story("the line after a huge one")}),
    )
    expect("JSONL: one 20 MB line", f"{path.as_uri()}#line=1", Rejected("too_large"))
    expect(
        "JSONL: the line after a 20 MB line",
        f"{path.as_uri()}#line=2",
        Loaded(contains=("the line after a huge one",)),
    )

    # --- front matter and dates
    add(
        "invalid date in front matter",
        "bad-date.txt",
        b"---\npublished_at: 2024-13-45\n---\n" + _story("a bad front matter date").encode(),
        Rejected("bad_published_at"),
    )
    add(
        "future date in front matter",
        "future.txt",
        b"---\npublished_at: 2999-06-01\n---\n" + _story("a date in the future").encode(),
        Rejected("future_published_at"),
    )
    add(
        "front matter without closing fence",
        "unclosed.md",
        b"---\ntitle: Never closed\n\n" + _story("an unclosed fence").encode(),
        Loaded(contains=("title: Never closed", "unclosed fence")),
    )
    add(
        "front matter and nothing else",
        "only-front-matter.md",
        b"---\ntitle: Nothing here\npublished_at: 2024-01-02\n---\n\n",
        Rejected("empty"),
    )
    add(
        "CRLF line endings",
        "crlf.txt",
        (
            "---\r\ntitle: Windows lines\r\npublished_at: 2024-03-04\r\n---\r\n"
            + _story("CRLF line ends").replace("\n", "\r\n")
        ).encode(),
        Loaded(
            contains=("CRLF line ends",),
            lacks=("\r",),
            title="Windows lines",
            published_at=datetime(2024, 3, 4),
        ),
    )
    add(
        "CR-only line endings (classic Mac)",
        "cr-only.txt",
        ("---\rtitle: Old Mac lines\r---\r" + _story("CR line ends").replace("\n", "\r")).encode(),
        Loaded(contains=("CR line ends",), lacks=("\r",), title="Old Mac lines"),
    )
    add(
        "overlong title (100,000 characters)",
        "long-title.txt",
        ("---\ntitle: " + "Very long title " * 6250 + "\n---\n" + _story("a long title")).encode(),
        Loaded(contains=("a long title",), max_title_chars=2048),
    )

    # --- language and size of the text
    add(
        "French text",
        "francais.txt",
        FRENCH.encode(),
        Loaded(contains=("sanctions contre l'Iran",), language="fr", coded=False),
    )
    add(
        "Chinese text",
        "chinese.txt",
        CHINESE.encode(),
        Loaded(contains=("警方周一在北京",), language="zh", coded=False),
    )
    words = (
        "the committee discussed the budget for the new school year and the mayor thanked "
        "farmers and traders in the district for their patience "
    )
    add(
        "1 MB of text with no sentence punctuation",
        "no-punctuation.txt",
        (words * (MB // len(words) + 1))[:MB].encode(),
        Loaded(contains=("the committee discussed",), coded=False),
    )
    add(
        "1 MB single word",
        "one-word.txt",
        ("Nairobi" + "a" * (MB - 7)).encode(),
        Loaded(contains=("Nairobiaaa",), language=None),
    )

    # --- files that are not plain files
    # the same article under three names, one gzipped with CRLF: stored once (see the test)
    same = _story("one article under two names").encode()
    corpus.write("dup-a.txt", same)
    corpus.write("copies/dup-b.txt", same)
    corpus.write("copies/dup-c.txt.gz", gzip.compress(same.replace(b"\n", b"\r\n")))
    add(
        "a directory named like a file",
        "folder.txt/inside.txt",
        _story("a file inside a folder called folder.txt").encode(),
        Loaded(contains=("folder called folder.txt",)),
    )
    unreadable = add(
        "unreadable file (chmod 000)",
        "unreadable.txt",
        _story("a file nobody may read").encode(),
        None if IS_ROOT else Rejected("unreadable", "Permission"),
    )
    unreadable.chmod(0)
    (root / "loop.txt").symlink_to(root / "loop.txt")
    expect("symlink loop", (root / "loop.txt").as_uri(), Rejected("broken_link", "loop"))
    (root / "dangling.txt").symlink_to(root / "nowhere.txt")
    expect("dangling symlink", (root / "dangling.txt").as_uri(), Rejected("broken_link"))
    (root / "subdir-loop").symlink_to(root)  # a directory link back up: not followed
    os.mkfifo(root / "pipe.txt")
    expect("named pipe called .txt", (root / "pipe.txt").as_uri(), Rejected("not_a_file"))
    (root / "zero.txt").symlink_to("/dev/zero")
    expect("symlink to /dev/zero", Path("/dev/zero").as_uri(), Rejected("not_a_file"))
    return corpus


def _stored(warehouse: Path) -> tuple[dict, dict, dict]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        documents = {
            row[0]: row
            for row in con.execute(
                "SELECT source_uri, text, language, title, published_at, doc_id FROM documents"
            ).fetchall()
        }
        rejections: dict[str, list[tuple[str, str]]] = {}
        for uri, reason, detail in con.execute(
            "SELECT source_uri, reason, detail FROM rejected_inputs"
        ).fetchall():
            rejections.setdefault(uri, []).append((reason, detail))
        events = dict(con.execute("SELECT doc_id, count(*) FROM events GROUP BY doc_id").fetchall())
    finally:
        con.close()
    return documents, rejections, events


def _check(kind: Kind, documents: dict, rejections: dict, events: dict) -> list[str]:
    """What is wrong with one kind's outcome (empty when it is as expected)."""
    expect, name = kind.expect, kind.name
    rejected, document = rejections.get(kind.uri, []), documents.get(kind.uri)
    if isinstance(expect, Rejected):
        if document is not None:
            return [f"{name}: loaded, expected rejection {expect.reason}"]
        if not any(r == expect.reason and expect.detail in (d or "") for r, d in rejected):
            return [f"{name}: expected {expect.reason} ({expect.detail!r}), got {rejected}"]
        return []
    if document is None:
        return [f"{name}: not loaded; rejections: {rejected}"]
    _, text, language, title, published_at, doc_id = document
    problems = [f"{name}: text lacks {piece!r}" for piece in expect.contains if piece not in text]
    problems += [f"{name}: text holds {piece!r}" for piece in expect.lacks if piece in text]
    if expect.language is not None and language != expect.language:
        problems.append(f"{name}: language {language!r}, expected {expect.language!r}")
    if expect.title is not None and title != expect.title:
        problems.append(f"{name}: title {title!r}, expected {expect.title!r}")
    if expect.published_at is not None and published_at != expect.published_at:
        problems.append(f"{name}: published_at {published_at}, expected {expect.published_at}")
    if expect.max_title_chars is not None and len(title or "") > expect.max_title_chars:
        problems.append(f"{name}: title of {len(title)} characters")
    if expect.coded is not None and bool(events.get(doc_id)) != expect.coded:
        problems.append(f"{name}: {events.get(doc_id, 0)} events, expected coded={expect.coded}")
    return problems


def test_every_kind_of_bad_input_loads_or_is_rejected_with_its_reason(tmp_path):
    root = (tmp_path / "corpus").resolve()
    root.mkdir()
    corpus = build_corpus(root)
    assert len(corpus.kinds) >= 25
    warehouse = tmp_path / "events.duckdb"

    summary = execute_run([str(root)], str(warehouse), batch_size=16)

    assert summary.status == "completed", summary.message
    # generous: the run takes about 12 s here; before the fixes it took 60 s, most of it in a
    # data check quadratic in the length of the 1 MB texts (a 4 MB one would take minutes)
    assert summary.seconds < 60
    documents, rejections, events = _stored(warehouse)
    problems = [
        p
        for kind in corpus.kinds
        if kind.expect
        for p in _check(kind, documents, rejections, events)
    ]
    assert problems == []
    # the same article under three names (one gzipped with CRLF) is stored once
    copies = [uri for uri in documents if "/dup-" in uri]
    assert len(copies) == 1, copies
    assert not any("/dup-" in uri for uri in rejections)
    # nothing else was stored or rejected: every row is accounted for by a kind
    expected_uris = {kind.uri for kind in corpus.kinds} | set(copies)
    assert set(documents) | set(rejections) <= expected_uris
    # every rejection says why, and the run counts them
    assert all(detail for rows in rejections.values() for _, detail in rows)
    assert summary.docs_rejected == sum(len(rows) for rows in rejections.values())
