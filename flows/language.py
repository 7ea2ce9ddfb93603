"""The language of each document: as the input gives it, else detected from the text.

Detection looks at the first 1,000 characters. Text with many of "the", "and" and "of" is
English without further ado (most news in English, in tens of microseconds); the rest goes
to py3langid (langid.py's naive Bayes model, shipped inside the package: offline, no
download; about 1 ms a document). The coder reads English only, so a document is marked with
another language only when the model all but rules English out: on short news sentences it
often prefers Nigerian Pidgin to English, but then still gives English a real share of its
probability, while texts in other languages give English almost none (see ENGLISH_FLOOR).
Too few letters to judge: NULL (unknown), and the document is coded.
"""

from __future__ import annotations

import functools
import re

import polars as pl
import pycountry
from py3langid.langid import MODEL_FILE, LanguageIdentifier

ENGLISH = "en"
SAMPLE_CHARS = 1000  # the start of a text says its language; the rest costs time
MIN_LETTERS = 20
ENGLISH_WORDS = 8  # this many "the", "and", "of" in the sample: English, no model needed
# Below this probability of English, a text is not English. Measured with a 1,000-character
# sample: English texts scored at least 0.007 (5,725 ACLED notes, 322 PLOVER sentences, 2,225
# BBC articles); 16 short news sentences in 13 other languages at most 0.0011.
ENGLISH_FLOOR = 0.002
NOT_LANGUAGES = {"zxx", "und", "mul", "mis"}  # no linguistic content, undetermined, ...
_LETTER = re.compile(r"[^\W\d_]")
_ENGLISH_WORD = re.compile(r"\b(?:the|and|of)\b", re.IGNORECASE)


@functools.cache
def _identifier() -> LanguageIdentifier:
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)  # ~0.6 s, once


def detect_language(text: str) -> str | None:
    """An ISO 639-1 code (ISO 639-3 where there is none), or None when it cannot be told."""
    sample = text[:SAMPLE_CHARS]
    if len(_ENGLISH_WORD.findall(sample)) >= ENGLISH_WORDS:
        return ENGLISH
    if len(_LETTER.findall(sample)) < MIN_LETTERS:
        return None
    ranked = _identifier().rank(sample)
    best = ranked[0][0]
    if best == ENGLISH or dict(ranked).get(ENGLISH, 0.0) >= ENGLISH_FLOOR:
        return ENGLISH
    return None if best in NOT_LANGUAGES else best


@functools.lru_cache(maxsize=1024)
def normalize_language(value: str | None) -> str | None:
    """A language tag or name as given ("en-GB", "ENG", "English") -> "en"; None if unknown."""
    if value is None:
        return None
    primary = re.split(r"[-_]", value.strip(), maxsplit=1)[0].lower()
    if not primary:
        return None
    if len(primary) == 2:
        language = pycountry.languages.get(alpha_2=primary)
    elif len(primary) == 3:
        language = pycountry.languages.get(alpha_3=primary) or pycountry.languages.get(
            bibliographic=primary
        )
    else:
        try:
            language = pycountry.languages.lookup(primary)
        except LookupError:
            language = None
    if language is None:
        return None
    code = getattr(language, "alpha_2", None) or language.alpha_3
    return None if code in NOT_LANGUAGES else code


def fill_languages(documents: pl.DataFrame) -> pl.DataFrame:
    """``language`` normalized where the input gave one, detected where it did not."""
    given = [normalize_language(value) for value in documents["language"].to_list()]
    languages = [
        language if language is not None else detect_language(text)
        for language, text in zip(given, documents["text"].to_list(), strict=True)
    ]
    return documents.with_columns(pl.Series("language", languages, dtype=pl.String))


def is_codable() -> pl.Expr:
    """Documents the (English) coder reads: English, or of unknown language."""
    return pl.col("language").is_null() | (pl.col("language") == ENGLISH)
