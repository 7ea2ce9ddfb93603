import gzip
import json
import os
import random
from datetime import datetime

import pytest

from flows.sources import RawDocument, Rejection, SourceError, discover_inputs, iter_documents

MAX = 1_000_000


def _read(paths):
    files, rejections, _ = discover_inputs([str(p) for p in paths])
    return rejections + list(iter_documents(files, MAX))


def test_front_matter_gives_title_and_date(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("---\ntitle: Talks resume\npublished_at: 2024-02-01\n---\nDiplomats met.\n")
    [document] = _read([path])
    assert isinstance(document, RawDocument)
    assert document.title == "Talks resume"
    assert document.published_at == datetime(2024, 2, 1)
    assert document.text.strip() == "Diplomats met."


def test_directories_are_walked_recursively_and_other_files_skipped(tmp_path):
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "one.txt").write_text("One.")
    (tmp_path / "a" / "b" / "two.md.gz").write_bytes(gzip.compress(b"Two."))
    (tmp_path / "a" / "notes.pdf").write_bytes(b"%PDF")
    files, rejections, skipped = discover_inputs([str(tmp_path)])
    assert sorted(f.path.name for f in files) == ["one.txt", "two.md.gz"]
    assert rejections == [] and skipped == 1
    texts = sorted(d.text for d in iter_documents(files, MAX))
    assert texts == ["One.", "Two."]


def test_globs_and_missing_sources(tmp_path):
    (tmp_path / "x.html").write_text("<p>x</p>")
    files, _, _ = discover_inputs([str(tmp_path / "*.html")])
    assert [f.kind for f in files] == ["html"]
    with pytest.raises(SourceError, match="no files match"):
        discover_inputs([str(tmp_path / "*.jsonl")])
    with pytest.raises(SourceError, match="no such file"):
        discover_inputs([str(tmp_path / "missing.txt")])


def test_jsonl_bad_lines_are_rejected_with_their_line_number(tmp_path):
    lines = [
        json.dumps(
            {"id": "a1", "text": "Good line.", "published_at": "2024-01-02T10:00:00Z", "unknown": 1}
        ),
        "{not json",
        json.dumps({"title": "no body"}),
        json.dumps({"text": 42}),
        json.dumps({"text": "Bad date.", "published_at": "yesterday-ish"}),
        json.dumps({"html": "<p>An html line.</p>", "url": "https://x.example/1"}),
    ]
    path = tmp_path / "items.jsonl"
    path.write_text("\n".join(lines) + "\n")
    items = _read([path])
    documents = [i for i in items if isinstance(i, RawDocument)]
    rejections = {
        i.source_uri.rsplit("#", 1)[1]: i.reason for i in items if isinstance(i, Rejection)
    }
    assert [d.external_id for d in documents] == ["a1", None]
    assert documents[0].published_at == datetime(2024, 1, 2, 10)
    assert documents[1].html == "<p>An html line.</p>"
    assert rejections == {
        "line=2": "bad_json",
        "line=3": "missing_text",
        "line=4": "bad_field",
        "line=5": "bad_published_at",
    }


def test_unreadable_inputs_become_rejections(tmp_path):
    (tmp_path / "empty.txt").write_text("   \n")
    (tmp_path / "binary.txt").write_bytes(bytes(range(256)) * 20)
    (tmp_path / "broken.txt.gz").write_bytes(gzip.compress(b"Some text. " * 100)[:-12])
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * 5_000_000))
    (tmp_path / "latin.txt").write_bytes(
        "Caf\xe9 owners protested in S\xe3o Paulo.".encode("latin-1")
    )
    (tmp_path / "utf16.txt").write_bytes("Soldiers withdrew.".encode("utf-16"))
    items = {i.source_uri.rsplit("/", 1)[1]: i for i in _read([tmp_path])}
    assert items["empty.txt"].reason == "empty"
    assert items["binary.txt"].reason == "binary"
    assert items["broken.txt.gz"].reason == "bad_gzip"
    assert items["bomb.txt.gz"].reason == "gzip_bomb"
    assert items["latin.txt"].text == "Café owners protested in São Paulo."
    assert items["utf16.txt"].text == "Soldiers withdrew."


def test_gzip_members_are_all_read_and_caps_tell_a_bomb_from_a_big_file(tmp_path):
    (tmp_path / "two.txt.gz").write_bytes(gzip.compress(b"One. ") + gzip.compress(b"Two."))
    hex_text = random.Random(0).randbytes(600_000).hex().encode()  # 1.2 MB, compresses 2:1
    (tmp_path / "big.txt.gz").write_bytes(gzip.compress(hex_text))
    (tmp_path / "trailing.txt.gz").write_bytes(gzip.compress(b"Three.") + b"junk")
    items = {i.source_uri.rsplit("/", 1)[1]: i for i in _read([tmp_path])}
    assert items["two.txt.gz"].text == "One. Two."
    assert items["big.txt.gz"].reason == "too_large"  # over MAX, though no bomb
    assert items["trailing.txt.gz"].reason == "bad_gzip"


def test_one_document_is_capped_apart_from_the_file(tmp_path):
    (tmp_path / "page.html").write_text("<p>" + "word " * 300 + "</p>")
    big_line = json.dumps({"text": "word " * 300})
    (tmp_path / "lines.jsonl").write_text(big_line + "\n" + json.dumps({"text": "Short."}) + "\n")
    files, _, _ = discover_inputs([str(tmp_path)])
    items = {i.source_uri.rsplit("/", 1)[1]: i for i in iter_documents(files, MAX, 1000)}
    assert items["page.html"].reason == "too_large" and "HTML page" in items["page.html"].detail
    assert items["lines.jsonl#line=1"].reason == "too_large"
    assert items["lines.jsonl#line=2"].text == "Short."


def test_links_that_lead_nowhere_and_files_that_are_not_files_are_rejected(tmp_path):
    (tmp_path / "loop.txt").symlink_to(tmp_path / "loop.txt")
    (tmp_path / "dangling.md").symlink_to(tmp_path / "gone.md")
    os.mkfifo(tmp_path / "pipe.txt")  # reading it would block the run forever
    files, rejections, _ = discover_inputs([str(tmp_path)])
    assert {(r.source_uri.rsplit("/", 1)[1], r.reason) for r in rejections} == {
        ("loop.txt", "broken_link"),
        ("dangling.md", "broken_link"),
    }
    [pipe] = iter_documents(files, MAX)
    assert (pipe.reason, pipe.detail) == ("not_a_file", "a named pipe, not a regular file")


def test_a_future_date_has_its_own_reason(tmp_path):
    (tmp_path / "a.txt").write_text("---\npublished_at: 2999-01-01\n---\nTalks.\n")
    [item] = _read([tmp_path / "a.txt"])
    assert item.reason == "future_published_at"
