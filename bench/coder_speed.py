"""Coder throughput on BBC News articles, next to the raw floor measured in the same run.

    .venv/bin/python bench/coder_speed.py [--corpus ../shared/data/bbc_news] [--repeat 3]

Raw floor = read the files + polars sentence split + dictionary (alias) matching.
Coding = the same read + ``code_documents`` (everything the coder does, no loading).
Both run on one core (one process, polars string kernels are single-threaded here).
"""

from __future__ import annotations

import argparse
import os
import time
from datetime import UTC, datetime
from pathlib import Path

import polars as pl
from measures import report

from flows.coding import code_documents
from flows.coding.text import find_phrases, split_sentences
from flows.lexicon import load_lexicon
from flows.settings import load_settings

REPO = Path(__file__).resolve().parent.parent


def read_corpus(corpus: Path) -> pl.DataFrame:
    files = sorted(corpus.glob("*/*.txt"))
    texts = [file.read_bytes().decode("utf-8", errors="replace") for file in files]
    return pl.DataFrame(
        {
            "doc_id": [str(index) for index in range(len(texts))],
            "text": texts,
            "published_at": [None] * len(texts),
        },
        schema={"doc_id": pl.String, "text": pl.String, "published_at": pl.Datetime("us")},
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared/data/bbc_news")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    os.environ.setdefault("POLARS_MAX_THREADS", "1")
    lexicon = load_lexicon(load_settings().seeds_dir)
    aliases = lexicon.aliases["alias"].str.to_lowercase()
    code_documents(read_corpus(args.corpus).head(20), lexicon)  # warm caches

    floor, coding = [], []
    for _ in range(args.repeat):
        start = time.perf_counter()
        documents = read_corpus(args.corpus)
        split_sentences(documents)
        find_phrases(documents, aliases, case_sensitive=False)
        floor.append(documents.height / (time.perf_counter() - start))

        start = time.perf_counter()
        documents = read_corpus(args.corpus)
        coded = code_documents(documents, lexicon)
        coding.append(documents.height / (time.perf_counter() - start))
    result = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "documents": documents.height,
        "events": coded.events.height,
        "raw_floor_docs_per_second": round(max(floor), 1),
        "coding_docs_per_second": round(max(coding), 1),
        "coding_share_of_floor": round(max(coding) / max(floor), 3),
        "coder_version": lexicon.coder_version,
    }
    report("coder_speed", result, {"coding_docs_per_second": ">= 500 per core"})


if __name__ == "__main__":
    main()
