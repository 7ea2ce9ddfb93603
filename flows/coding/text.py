"""Sentences and dictionary matches over a batch of documents, with polars.

Offsets are character offsets into ``documents.text`` (end exclusive). polars' Aho-Corasick
kernels report byte offsets; they are converted here, once.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
import polars as pl

# words that open a subordinate clause: "After militants attacked the camp, soldiers ..."
SUBORDINATORS = (
    *("after", "following", "before", "when", "while", "as", "although", "though"),
    *("once", "because", "since", "until"),
)
# a wire story's dateline: the city in capitals, a date, the agency ("KABUL, Aug 13
# (Reuters) - ", "NAIROBI (AP) — ", "GENEVA, March 3 — ")
DATELINE = re.compile(  # ("GAZA CITY/JERUSALEM, Nov 12 (Reuters) - ", "BEIRUT — ")
    r"\s*[A-Z][A-Z'’.-]+(?:(?:\s+|/)[A-Z][A-Z'’.-]+){0,3}"
    r"(?:,\s*[\w .]{2,30}?(?:,\s*[\w .]{2,15}?)?\s*(?:\([\w .&/-]{1,40}\))?|\s*\([\w .&/-]{1,40}\)"
    r"|\s(?=[–—]))\s*[-–—]+\s"
)

# Regex fragments the sentence rules share (``events.py``, ``factuality.py``,
# ``grievance.py``): the words a grievance or allegation skips to reach its event
WORD_SPACE = r"[\w'’-]+\s+"  # one word and the space after it
BEFORE_EVENT = "(?:" + WORD_SPACE + "){0,2}"  # "the [deadly night] attack"


def skipped(most: int) -> str:
    """Up to ``most`` words (each with its space), as few as will do."""
    return f"(?:{WORD_SPACE}){{0,{most}}}?"


DETERMINER = r"(?:the|a|an|their|its|his|her)\s+"


def alternatives(words: Iterable[str]) -> str:
    """Literal words (a seed's word list) as one regex alternation, longest first; one that
    never matches when there are none."""
    escaped = [re.escape(word) for word in sorted(set(words), key=lambda w: (-len(w), w))]
    return "|".join(escaped) if escaped else "(?!)"


# Pieces of text that end a sentence: a run without terminal punctuation, then the
# punctuation (with closing quotes or brackets) and the white space after it, or a line end.
# A run is at most MAX_RUN characters: text with no punctuation at all (a 1 MB dump) is cut
# into pieces of that size, so no "sentence" makes the rules quadratic. A piece cut there is
# no sentence, nor is the rest of its run after the cut (it starts mid-word): neither is kept.
MAX_RUN = 500
_PIECE = (
    rf"[^.!?\n]{{1,{MAX_RUN}}}(?:[.!?]+[\"'’”)\]]*[ \t]*|\n[ \t\n]*)?"
    r"|[.!?]+[\"'’”)\]]*[ \t]*|\n[ \t\n]*"
)
_ABBREVIATION = (
    r"(?i)(?:^|[\s(\"'])(?:[a-z]|mr|mrs|ms|dr|gen|col|lt|sgt|capt|maj|cpl|adm|gov|sen|rep|rev|"
    r"prof|st|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|no|vol|vs|etc|inc|ltd|co|corp|"
    r"jr|sr|pres|ft|mt|gens|lieut|cmdr|brig|hon|dept|govt)\.$"
)


def split_sentences(documents: pl.DataFrame) -> pl.DataFrame:
    """``doc_id, text`` -> one row per sentence: doc_id, sentence_index, start, end."""
    pieces = (
        documents.select("doc_id", pl.col("text").str.extract_all(_PIECE).alias("piece"))
        .explode("piece", empty_as_null=False)
        .filter(pl.col("piece").is_not_null() & (pl.col("piece").str.len_chars() > 0))
        .with_columns(length=pl.col("piece").str.len_chars())
        .with_columns(
            start=(pl.col("length").cum_sum() - pl.col("length")).over("doc_id"),
            stripped=pl.col("piece").str.strip_chars_end(),
            next_piece=pl.col("piece").shift(-1).over("doc_id"),
        )
    )
    ends_line = pl.col("piece").str.contains(r"\n[ \t\n]*$")
    ends_mark = pl.col("stripped").str.contains(r"[.!?][\"'’”)\]]*$")
    no_space_after = ~pl.col("piece").str.contains(r"\s$") & pl.col("next_piece").is_not_null()
    abbreviation = pl.col("stripped").str.contains(_ABBREVIATION)
    # “Is it over?” she asked: a quoted question or exclamation inside a sentence
    quoted = pl.col("stripped").str.contains(r"[!?][\"'’”]$") & pl.col("next_piece").str.contains(
        r"^[a-z]"
    ).fill_null(False)
    forced = ~ends_line & ~ends_mark & (pl.col("length") >= MAX_RUN)
    is_break = ends_line | forced | (ends_mark & ~no_space_after & ~abbreviation & ~quoted)
    sentences = (
        pieces.with_columns(
            sentence_index=is_break.cast(pl.Int32).shift(1, fill_value=0).cum_sum().over("doc_id"),
            is_cut=forced,
        )
        .group_by("doc_id", "sentence_index", maintain_order=True)
        .agg(
            start=pl.col("start").first(),
            end=pl.col("start").last() + pl.col("stripped").last().str.len_chars(),
            is_cut=pl.col("is_cut").any(),
        )
        .filter(
            (pl.col("end") > pl.col("start"))
            & ~pl.col("is_cut")
            & ~pl.col("is_cut").shift(1).over("doc_id").fill_null(False)
        )
        .drop("is_cut")
    )
    return sentences.with_columns(
        pl.col("sentence_index").rank("dense").over("doc_id").cast(pl.Int32) - 1
    )


def first_words(phrases: pl.Series) -> pl.DataFrame:
    """``phrase`` and its ``first`` word (null when it has no word characters)."""
    return pl.DataFrame({"phrase": phrases}).with_columns(
        first=pl.col("phrase").str.extract(r"(\w+)", 1)
    )


def phrases_present(documents: pl.DataFrame, phrases: pl.DataFrame) -> pl.Series:
    """The case-sensitive ``phrases`` (from ``first_words``) that can occur in the documents:
    those whose first word is a word of some document (a whole-word match starts with one).
    Only capitalized words are gathered (2.5x faster than every word): the few phrases whose
    first word is not capitalized ("la Bisbal") always go in."""
    words = (
        documents.select(pl.col("text").str.extract_all(r"\b\p{Lu}\w*").alias("first"))
        .explode("first")
        .unique()
    )
    capitalized = pl.col("first").str.contains(r"^\p{Lu}")
    present = phrases.filter(capitalized).join(words, on="first", how="semi")
    return pl.concat([present, phrases.filter(~capitalized | pl.col("first").is_null())])["phrase"]


def find_phrases(
    documents: pl.DataFrame, phrases: pl.Series, *, case_sensitive: bool
) -> pl.DataFrame:
    """Every whole-word occurrence of ``phrases`` in the documents' text.

    ``phrases`` are lower-case unless ``case_sensitive``. Returns doc_id, phrase, start, end
    (character offsets). Overlapping matches are all returned: callers choose the longest.
    """
    patterns = phrases.unique().sort(descending=True)
    if patterns.is_empty() or documents.is_empty():
        return pl.DataFrame(
            schema={"doc_id": pl.String, "phrase": pl.String, "start": pl.Int64, "end": pl.Int64}
        )
    pattern_list = patterns.to_list()
    # Case-insensitive matching folds ASCII only, on the original text: lower-casing the text
    # first could change its length ("İ") and shift every offset after it.
    found = (
        documents.select(
            "doc_id",
            pl.col("text").alias("hay"),
            pl.col("text")
            .str.extract_many(
                pattern_list, ascii_case_insensitive=not case_sensitive, overlapping=True
            )
            .alias("phrase"),
            pl.col("text")
            .str.find_many(
                pattern_list, ascii_case_insensitive=not case_sensitive, overlapping=True
            )
            .alias("byte_start"),
        )
        .explode("phrase", "byte_start")
        .filter(pl.col("phrase").is_not_null())
        .with_columns(byte_end=pl.col("byte_start") + pl.col("phrase").str.len_bytes())
    )
    if not case_sensitive:
        found = found.with_columns(pl.col("phrase").str.to_lowercase())
    first_is_word = pl.col("phrase").str.contains(r"^\w")
    last_is_word = pl.col("phrase").str.contains(r"\w$")
    binary = pl.col("hay").cast(pl.Binary)
    # 1. bytes next to the match: an ASCII letter or digit means "inside a word" ("Iran" in
    #    "Iranian"); a byte >= 0x80 is part of a non-ASCII character, decided in step 3
    hex_before = binary.bin.slice(pl.col("byte_start") - 1, 1).bin.encode("hex").fill_null("")
    hex_after = binary.bin.slice(pl.col("byte_end"), 1).bin.encode("hex").fill_null("")
    ascii_word = r"^(?:3[0-9]|4[1-9a-f]|5[0-9a]|6[1-9a-f]|7[0-9a])$"
    found = found.with_columns(
        high_before=first_is_word
        & (pl.col("byte_start") > 0)
        & hex_before.str.contains("^[89a-f]"),
        high_after=last_is_word & hex_after.str.contains("^[89a-f]"),
    ).filter(
        ((pl.col("byte_start") == 0) | ~first_is_word | ~hex_before.str.contains(ascii_word))
        & (~last_is_word | ~hex_after.str.contains(ascii_word))
    )
    # 2. character offsets: equal to byte offsets in ASCII text, else looked up per character
    found = _char_offsets(found)
    # 3. the exact test where a neighbour is non-ASCII (letters of any script are word chars)
    return _check_non_ascii_neighbours(found).select(
        "doc_id", "phrase", pl.col("start").cast(pl.Int64), pl.col("end").cast(pl.Int64)
    )


def _char_offsets(found: pl.DataFrame) -> pl.DataFrame:
    """``start`` and ``end`` in characters: the byte offsets in ASCII documents; in the
    others, the number of characters that start before each byte offset (UTF-8 continuation
    bytes do not start one), counted once per document with numpy."""
    is_ascii = pl.col("hay").str.len_bytes() == pl.col("hay").str.len_chars()
    simple = found.filter(is_ascii).with_columns(start=pl.col("byte_start"), end=pl.col("byte_end"))
    other = found.filter(~is_ascii)
    if other.is_empty():
        return simple
    parts = []
    for part in other.partition_by("doc_id", maintain_order=True):
        data = np.frombuffer(part["hay"][0].encode("utf-8"), dtype=np.uint8)
        before = np.concatenate(([0], np.cumsum((data & 0xC0) != 0x80)))
        parts.append(
            part.with_columns(
                start=pl.Series(before[part["byte_start"].to_numpy()], dtype=pl.Int64),
                end=pl.Series(before[part["byte_end"].to_numpy()], dtype=pl.Int64),
            )
        )
    return pl.concat(
        [simple, *(part.select(simple.columns) for part in parts)], how="vertical_relaxed"
    )


def _check_non_ascii_neighbours(found: pl.DataFrame) -> pl.DataFrame:
    needs = pl.col("high_before") | pl.col("high_after")
    clear = found.filter(~needs)
    doubtful = found.filter(needs)
    if doubtful.is_empty():
        return clear
    doubtful = doubtful.with_columns(
        char_before=pl.when(pl.col("start") > 0)
        .then(pl.col("hay").str.slice(pl.col("start") - 1, 1))
        .otherwise(pl.lit("")),
        char_after=pl.col("hay").str.slice(pl.col("end"), 1),
    ).filter(
        (~pl.col("high_before") | ~pl.col("char_before").fill_null("").str.contains(r"^\w$"))
        & (~pl.col("high_after") | ~pl.col("char_after").fill_null("").str.contains(r"^\w$"))
    )
    return pl.concat([clear, doubtful.select(clear.columns)], how="vertical_relaxed")


def keep_longest(matches: pl.DataFrame, group: list[str] | None = None) -> pl.DataFrame:
    """Drop matches overlapping an earlier-starting or longer one (leftmost-longest).

    Matches with exactly the same span are all kept (one name, several meanings).
    """
    keys = ["doc_id", *(group or [])]
    ordered = matches.sort([*keys, "start", "end"], descending=[*[False] * len(keys), False, True])
    # One pass over the sorted rows, no window per group: each group's offsets are lifted
    # above the previous group's (by its rank times 2**32), so one running maximum of the
    # ends serves every group; a span's reach is that maximum before its first row.
    new_group = pl.any_horizontal(pl.col(key).ne_missing(pl.col(key).shift(1)) for key in keys)
    new_span = new_group | pl.any_horizontal(
        pl.col(c).ne_missing(pl.col(c).shift(1)) for c in ("start", "end")
    )
    lift = new_group.cum_sum().cast(pl.Int64) * (1 << 32)
    reach = (
        pl.when(new_span)
        .then((pl.col("end").cast(pl.Int64) + lift).cum_max().shift(1).fill_null(-1))
        .forward_fill()
    )
    return ordered.filter(pl.col("start").cast(pl.Int64) + lift >= reach)


WORD = re.compile(r"[\w'’-]+")


def words_before(text: str, position: int, count: int) -> list[str]:
    """The last ``count`` words (lower-cased) in the 60 characters before ``position``."""
    return [word.lower() for word in WORD.findall(text[max(0, position - 60) : position])[-count:]]
