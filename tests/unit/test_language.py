import polars as pl

from flows.language import detect_language, fill_languages, is_codable, normalize_language


def test_detect_language_marks_other_languages_and_keeps_short_english_news():
    assert detect_language("Police arrested 12 protesters in Nairobi on Monday.") == "en"
    assert detect_language("Pokot militia kill 3 in Turkana.") == "en"
    assert detect_language("La police a dispersé des manifestants à Nairobi lundi.") == "fr"
    assert detect_language("Die Polizei nahm am Montag in Berlin zwölf Demonstranten fest.") == "de"
    assert detect_language("Полиция задержала десятки протестующих в Москве.") == "ru"
    assert detect_language("Talks.") is None  # too few letters to tell


def test_normalize_language_reads_tags_and_names():
    assert [normalize_language(v) for v in ("en-GB", "ENG", "English", "fre", "pt_BR")] == [
        "en",
        "en",
        "en",
        "fr",
        "pt",
    ]
    assert [normalize_language(v) for v in ("zz", "und", "", None)] == [None] * 4


def test_fill_languages_trusts_the_input_and_only_english_or_unknown_is_coded():
    documents = pl.DataFrame(
        {
            "text": ["Police arrested two men.", "Police arrested two men.", "La police."],
            "language": ["FR", None, None],
        }
    )
    filled = fill_languages(documents)
    assert filled["language"].to_list() == ["fr", "en", None]
    assert filled.filter(is_codable())["language"].to_list() == ["en", None]
