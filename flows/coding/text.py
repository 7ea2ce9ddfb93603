"""Sentences and dictionary matches over a batch of documents, with polars.

Offsets are character offsets into ``documents.text`` (end exclusive). polars' Aho-Corasick
kernels report byte offsets; they are converted here, once.
"""

from __future__ import annotations

import polars as pl

# Pieces of text that end a sentence: a run without terminal punctuation, then the
# punctuation (with closing quotes or brackets) and the white space after it, or a line end.
_PIECE = r"[^.!?\n]*(?:[.!?]+[\"'’”)\]]*[ \t]*|\n[ \t\n]*|$)"
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
    is_break = ends_line | (ends_mark & ~no_space_after & ~abbreviation & ~quoted)
    sentences = (
        pieces.with_columns(
            sentence_index=is_break.cast(pl.Int32).shift(1, fill_value=0).cum_sum().over("doc_id")
        )
        .group_by("doc_id", "sentence_index", maintain_order=True)
        .agg(
            start=pl.col("start").first(),
            end=pl.col("start").last() + pl.col("stripped").last().str.len_chars(),
        )
        .filter(pl.col("end") > pl.col("start"))
    )
    return sentences.with_columns(
        pl.col("sentence_index").rank("dense").over("doc_id").cast(pl.Int32) - 1
    )


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
    haystack = pl.col("text") if case_sensitive else pl.col("text").str.to_lowercase()
    found = (
        documents.select(
            "doc_id",
            haystack.alias("hay"),
            haystack.str.extract_many(pattern_list, overlapping=True).alias("phrase"),
            haystack.str.find_many(pattern_list, overlapping=True).alias("byte_start"),
        )
        .explode("phrase", "byte_start")
        .filter(pl.col("phrase").is_not_null())
        .with_columns(byte_end=pl.col("byte_start") + pl.col("phrase").str.len_bytes())
    )
    binary = pl.col("hay").cast(pl.Binary)
    before = binary.bin.slice(pl.col("byte_start") - 1, 1)
    after = binary.bin.slice(pl.col("byte_end"), 1)
    word_byte = rb"^[A-Za-z0-9\x80-\xff]$"
    first_is_word = pl.col("phrase").str.contains(r"^\w")
    last_is_word = pl.col("phrase").str.contains(r"\w$")
    bounded = (
        (pl.col("byte_start") == 0)
        | ~first_is_word
        | ~before.cast(pl.String, strict=False).fill_null("x").str.contains(word_byte.decode())
    ) & (
        ~last_is_word
        | ~after.cast(pl.String, strict=False).fill_null("").str.contains(word_byte.decode())
    )
    found = found.filter(bounded)
    return found.select(
        "doc_id",
        "phrase",
        start=binary.bin.slice(0, pl.col("byte_start")).cast(pl.String).str.len_chars(),
        end=binary.bin.slice(0, pl.col("byte_end")).cast(pl.String).str.len_chars(),
    ).with_columns(pl.col("start").cast(pl.Int64), pl.col("end").cast(pl.Int64))


def keep_longest(matches: pl.DataFrame, group: list[str] | None = None) -> pl.DataFrame:
    """Drop matches overlapping an earlier-starting or longer one (leftmost-longest).

    Matches with exactly the same span are all kept (one name, several meanings).
    """
    keys = ["doc_id", *(group or [])]
    ordered = matches.sort([*keys, "start", "end"], descending=[*[False] * len(keys), False, True])
    spans = ordered.select([*keys, "start", "end"]).unique(maintain_order=True)
    spans = spans.with_columns(
        reach=pl.col("end").cum_max().shift(1).over(keys).fill_null(-1)
    ).filter(pl.col("start") >= pl.col("reach"))
    return ordered.join(spans.select([*keys, "start", "end"]), on=[*keys, "start", "end"])
