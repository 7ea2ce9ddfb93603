from flows.documents import content_key, empty_text_uris, normalize_text, prepare_documents
from flows.sources import RawDocument, raw_frame


def test_normalize_text_unifies_line_ends_controls_and_blank_lines():
    text = "  Title\r\n\r\n\r\n\r\nFirst line.  \r\nSecond\x07 line.\u00a0\n"
    assert normalize_text(text) == "Title\n\nFirst line.\nSecond line."


def test_normalize_text_composes_unicode():
    assert normalize_text("Cafe\u0301 in Mu\u0308nchen") == "Café in München"


def test_content_key_ignores_case_and_whitespace_but_not_words():
    base = content_key("Gunmen attacked a bus in Mandera.")
    assert content_key("gunmen  attacked a bus\nin MANDERA.") == base
    assert content_key("Gunmen attacked a truck in Mandera.") != base
    assert len(base) == 32


def test_prepare_documents_keys_and_drops_duplicate_copies():
    raw = raw_frame(
        [
            RawDocument("file:///a.txt", "text", text="Police arrested two men.\r\n"),
            RawDocument("file:///b.txt", "text", text="police arrested  two men."),
            RawDocument("file:///c.txt", "text", text="Troops withdrew."),
        ]
    )
    documents = prepare_documents(raw)
    assert documents["source_uri"].to_list() == ["file:///a.txt", "file:///c.txt"]
    assert documents["text"].to_list() == ["Police arrested two men.", "Troops withdrew."]
    assert documents["doc_id"].n_unique() == 2


def test_empty_text_uris_finds_blank_documents():
    raw = raw_frame(
        [
            RawDocument("file:///a.txt", "text", text=" \n\t "),
            RawDocument("file:///b.txt", "text", text="Text."),
        ]
    )
    assert empty_text_uris(raw) == ["file:///a.txt"]
