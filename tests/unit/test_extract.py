from datetime import datetime

from flows.extract import extract_batch, extract_page
from flows.sources import RawDocument, raw_frame


def test_extract_page_keeps_the_article_and_its_metadata(fixtures_dir):
    page = extract_page((fixtures_dir / "protest_page.html").read_text())
    assert page is not None
    assert "Thousands of teachers marched" in page.text
    assert "return to talks" in page.text
    for boilerplate in ("cheap flights", "Ten recipes", "Copyright 2023", "Weather"):
        assert boilerplate not in page.text
    assert page.title == "Teachers march on parliament over unpaid wages"
    assert page.publisher == "Lakeside Herald"
    assert page.author == "Amina Otieno"
    assert page.published_at == datetime(2023, 5, 16)
    assert page.url == "https://herald.example/news/teachers-march"


def test_extract_page_returns_none_without_an_article(fixtures_dir):
    assert extract_page((fixtures_dir / "no_article.html").read_text()) is None


def test_extract_batch_rejects_pages_without_article_and_keeps_input_metadata(fixtures_dir):
    raw = raw_frame(
        [
            RawDocument(
                "file:///page.html#line=1",
                "jsonl",
                html=(fixtures_dir / "protest_page.html").read_text(),
                title="Given title",
                published_at=datetime(2023, 5, 17),
            ),
            RawDocument(
                "file:///empty.html", "html", html=(fixtures_dir / "no_article.html").read_text()
            ),
            RawDocument("file:///plain.txt", "text", text="Plain text stays as it is."),
        ]
    )
    frame, rejections = extract_batch(raw)
    assert frame["source_uri"].to_list() == ["file:///page.html#line=1", "file:///plain.txt"]
    assert frame["title"][0] == "Given title"
    assert frame["published_at"][0] == datetime(2023, 5, 17)
    assert frame["publisher"][0] == "Lakeside Herald"
    assert frame["text"][1] == "Plain text stays as it is."
    assert [(r.source_uri, r.reason) for r in rejections] == [("file:///empty.html", "no_article")]
