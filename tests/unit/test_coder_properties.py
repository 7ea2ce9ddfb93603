"""Property-based: the coder takes any text without raising, and its offsets are honest."""

from __future__ import annotations

from datetime import datetime

import polars as pl
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from flows.coding import code_documents, code_part, combine_parts

NEWSY = st.sampled_from(
    [
        "Police killed 3 protesters in Nairobi on Monday.",
        "The U.S. warned Iran.",
        "Gunmen attacked a bus",
        " killing 12 people and injuring dozens.",
        "Hamas",
        "İstanbul",
        "Al-Shabaab claimed responsibility for the attack.",
        "\n",
        " ",
        ".",
        "not",
        "on 18/07",
        "(date not reported)",
        "Kabul airport",
        "ISIS-K",
        "3.5",
        "Gen.",
        "“Is it over?”",
    ]
)
TEXT = st.lists(st.one_of(NEWSY, st.text(max_size=40)), max_size=25).map("".join)


@settings(
    max_examples=40, deadline=None, derandomize=True, suppress_health_check=[HealthCheck.too_slow]
)
@given(
    texts=st.lists(TEXT, min_size=1, max_size=4),
    published=st.one_of(
        st.none(), st.datetimes(min_value=datetime(1990, 1, 1), max_value=datetime(2030, 1, 1))
    ),
)
@example(texts=["Gunmen killed 2200000003 people in İstanbul."], published=None)
@example(texts=["The party claimed responsibility for its success."], published=None)
def test_any_text_codes_without_error_and_offsets_point_into_it(lexicon, texts, published):
    documents = pl.DataFrame(
        {
            "doc_id": [f"d{i}" for i in range(len(texts))],
            "text": texts,
            "published_at": [published] * len(texts),
        },
        schema={"doc_id": pl.String, "text": pl.String, "published_at": pl.Datetime("us")},
    )
    coded = code_documents(documents, lexicon)
    by_id = dict(zip(documents["doc_id"], documents["text"], strict=True))
    for doc_id, start, end, evidence in coded.events.select(
        "doc_id", "char_start", "char_end", "evidence"
    ).iter_rows():
        text = by_id[doc_id]
        assert 0 <= start <= end <= len(text)
        assert text[start:end] == evidence
    for doc_id, start, end, surface in coded.actor_mentions.select(
        "doc_id", "char_start", "char_end", "surface"
    ).iter_rows():
        assert by_id[doc_id][start:end] == surface
    assert coded.events["event_id"].n_unique() == coded.events.height
    assert set(coded.event_actors["event_id"]) <= set(coded.events["event_id"])
    assert set(coded.events["event_code"]) <= set(lexicon.event_codes["event_code"])
    known = set(lexicon.actors["actor_id"]) | set(coded.actors["actor_id"])
    assert set(coded.actor_mentions["actor_id"]) | set(coded.event_actors["actor_id"]) <= known


def test_matches_come_in_a_total_order_so_equal_spans_resolve_the_same_every_run(lexicon):
    """Ambiguous names (a town and a county both called Mandera) are decided by the order
    of their matches: it must be fixed (span, then kind and reference), not thread order."""
    from flows.coding import find_mentions

    text = "Vigilante mob attacks MRC raiders in Mandera and lynches three members in Kisumu."
    documents = pl.DataFrame(
        {
            "doc_id": [f"d{i:03d}" for i in range(200)],
            "text": [text] * 200,
            "published_at": [datetime(2024, 1, 25)] * 200,
        }
    )
    mentions, _ = find_mentions(documents, lexicon)
    keys = ["doc_id", "start", "end", "kind", "ref", "sub"]
    assert mentions.select(keys).rows() == mentions.select(keys).sort(keys, nulls_last=True).rows()
    mandera = mentions.filter((pl.col("doc_id") == "d000") & (pl.col("kind") == "place"))
    assert mandera.height >= 3  # town and county share the name: the case this guards


def test_a_batch_coded_in_parts_equals_the_batch_coded_whole(lexicon):
    # 32 notes about one country, some naming no place: the batch's focus (Kenya) places
    # those, and must do so however the batch is split across worker processes
    texts = [
        f"Police shot dead {n} robbery suspects in Nairobi on Monday." for n in range(1, 23)
    ] + [f"Police arrested {n} suspected gang members." for n in range(1, 5)] * 2
    texts += ["Gunmen from a new group, the Shining Path, attacked a village."] * 2
    documents = pl.DataFrame(
        {
            "doc_id": [f"d{i:02d}" for i in range(len(texts))],
            "text": texts,
            "published_at": [datetime(2024, 3, 6)] * len(texts),
        },
        schema={"doc_id": pl.String, "text": pl.String, "published_at": pl.Datetime("us")},
    )
    whole = code_documents(documents, lexicon)
    assert (whole.events["place_source"] == "corpus").any()  # the focus was used
    for size in (1, 5, 11):
        parts = [code_part(documents.slice(i, size), lexicon) for i in range(0, len(texts), size)]
        combined = combine_parts(parts, lexicon)
        for table in ("events", "event_actors", "actor_mentions", "actors", "places"):
            assert getattr(combined, table).equals(getattr(whole, table)), (table, size)
