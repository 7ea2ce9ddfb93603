import pytest

from flows.sources.encodings import NotText, declared_charset, decode

TEXT = "Grève à Besançon: “no,” said the union — €5."


@pytest.mark.parametrize(
    "data",
    [
        TEXT.encode(),
        b"\xef\xbb\xbf" + TEXT.encode(),
        TEXT.encode("utf-16"),  # with its byte order mark
        b"\xfe\xff" + TEXT.encode("utf-16-be"),
        TEXT.encode("utf-16-le"),  # no mark: told by the NUL bytes
        TEXT.encode("cp1252"),
    ],
    ids=["utf-8", "utf-8 bom", "utf-16", "utf-16 be", "utf-16 no bom", "cp1252"],
)
def test_decode_reads_each_encoding_it_can_know(data):
    assert decode(data) == TEXT


def test_decode_keeps_utf8_with_a_few_broken_bytes_and_drops_nul_bytes():
    assert decode("São Paulo ".encode() + b"\xff" + "Zürich".encode()) == "São Paulo \ufffdZürich"
    assert decode(b"Troops\x00 withdrew.") == "Troops withdrew."
    assert decode("Café".encode("latin-1")) == "Café"  # no valid UTF-8 at all: cp1252


def test_html_pages_are_read_in_the_charset_they_declare():
    page = '<meta charset="windows-1251"><p>Полиция</p>'.encode("cp1251")
    assert "Полиция" in decode(page, is_html=True)
    assert "Полиция" not in decode(page)  # a text file declares nothing
    euro = '<meta http-equiv="Content-Type" content="text/html; charset=ISO-8859-15">€'
    assert decode(euro.encode("iso-8859-15"), is_html=True).endswith("€")
    assert declared_charset(b'<?xml version="1.0" encoding="ISO-8859-1"?>') == "cp1252"
    assert declared_charset(b'<meta charset="x-klingon">') is None


def test_binary_data_is_not_text():
    with pytest.raises(NotText):
        decode(bytes(range(256)) * 20)
    with pytest.raises(NotText):
        decode(b"\x00" * 5000)
