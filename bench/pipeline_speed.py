"""The text path end to end: BBC articles replicated to many documents, through
``newsevents run`` into DuckDB, next to the raw floor measured in the same run.

    .venv/bin/python bench/pipeline_speed.py [--documents 100000] [--small 10000]
        [--corpus ../shared/data/bbc_news] [--workdir bench/results/pipeline]

Measures, each in its own ``newsevents run`` process (wall time, peak RSS from
``/usr/bin/time``):

1. first run over ``--small`` documents, then over ``--documents`` documents (fresh
   warehouses): documents per second and peak memory; memory should not grow with size;
2. a second run over the unchanged ``--documents`` input: its time as a share of the first;
3. Prefect: task runs per 1,000 documents (one ``process-batch`` per batch) and the fixed
   cost of a run (a run over one document);
4. the raw floor in this process: read the JSONL + polars sentence split + alias matching
   over the same documents, one core.

The corpus is JSONL (1,000 documents a file): every BBC article copied with a distinct
first line ("Copy 17."), so each copy is a new document, dated over 2004-2005.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import polars as pl
from measures import report

from flows.coding.text import find_phrases, split_sentences
from flows.lexicon import load_lexicon
from flows.settings import load_settings

REPO = Path(__file__).resolve().parent.parent
NEWSEVENTS = REPO / ".venv" / "bin" / "newsevents"
PER_FILE = 1000


def make_corpus(source: Path, out: Path, documents: int) -> None:
    """``documents`` replicated BBC articles as JSONL under ``out`` (kept if already made)."""
    marker = out / f".complete-{documents}"
    if marker.exists():
        return
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    articles = [p.read_bytes().decode("utf-8", "replace") for p in sorted(source.glob("*/*.txt"))]
    start = date(2004, 1, 1)
    for first in range(0, documents, PER_FILE):
        lines = []
        for index in range(first, min(first + PER_FILE, documents)):
            article = articles[index % len(articles)]
            title, _, body = article.partition("\n")
            record = {
                "id": f"bbc-{index}",
                "title": title.strip(),
                "text": f"Copy {index // len(articles)}. {title.strip()}\n{body}",
                "publisher": "BBC News",
                "published_at": (start + timedelta(days=index % 700)).isoformat(),
            }
            lines.append(json.dumps(record) + "\n")
        part = out / f"part-{first // PER_FILE:05d}.jsonl"
        part.write_text("".join(lines), encoding="utf-8")
    marker.touch()


def timed_run(corpus: Path, warehouse: Path) -> dict:
    """One ``newsevents run`` in its own process: seconds, peak RSS (MB), its summary."""
    command = [
        "/usr/bin/time",
        "-f",
        "peak_kb=%M",
        str(NEWSEVENTS),
        "run",
        str(corpus),
        "--warehouse",
        str(warehouse),
    ]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - start
    if done.returncode != 0:
        sys.exit(f"newsevents run failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    peak = int(re.search(r"peak_kb=(\d+)", done.stderr).group(1))
    return {"seconds": round(seconds, 2), "peak_rss_mb": round(peak / 1024)}


def warehouse_counts(warehouse: Path) -> dict:
    import duckdb

    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        docs, events = con.execute(
            "SELECT (SELECT count(*) FROM documents), (SELECT count(*) FROM events)"
        ).fetchone()
        runs = con.execute(
            "SELECT docs_seen, docs_new, events_added, status FROM runs ORDER BY started_at"
        ).fetchall()
    finally:
        con.close()
    return {"documents": docs, "events": events, "runs": runs}


def raw_floor(corpus: Path) -> float:
    """Documents per second for read + sentence split + alias matching (one core)."""
    lexicon = load_lexicon(load_settings().seeds_dir)
    aliases = lexicon.aliases["alias"].str.to_lowercase()
    start = time.perf_counter()
    count = 0
    for part in sorted(corpus.glob("*.jsonl")):
        documents = pl.read_ndjson(part).select("id", "text").rename({"id": "doc_id"})
        split_sentences(documents)
        find_phrases(documents, aliases, case_sensitive=False)
        count += documents.height
    return count / (time.perf_counter() - start)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--documents", type=int, default=100_000)
    parser.add_argument("--small", type=int, default=10_000)
    parser.add_argument("--corpus", type=Path, default=REPO.parent / "shared/data/bbc_news")
    parser.add_argument("--workdir", type=Path, default=REPO / "bench/results/pipeline")
    args = parser.parse_args()
    os.environ["POLARS_MAX_THREADS"] = "1"  # the floor on one core, as the target says
    work = args.workdir
    work.mkdir(parents=True, exist_ok=True)
    big, small, one = work / f"corpus-{args.documents}", work / f"corpus-{args.small}", work / "one"
    make_corpus(args.corpus, big, args.documents)
    make_corpus(args.corpus, small, args.small)
    make_corpus(args.corpus, one, 1)
    for stale in work.glob("*.duckdb*"):
        stale.unlink()

    fixed = timed_run(one, work / "one.duckdb")
    first_small = timed_run(small, work / "small.duckdb")
    first = timed_run(big, work / "big.duckdb")
    again = timed_run(big, work / "big.duckdb")
    counts = warehouse_counts(work / "big.duckdb")
    floor = raw_floor(big)
    batch_size = load_settings().batch_size
    result = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "documents": args.documents,
        "events": counts["events"],
        "first_run_seconds": first["seconds"],
        "docs_per_second": round(args.documents / first["seconds"], 1),
        "raw_floor_docs_per_second": round(floor, 1),
        "share_of_floor": round(args.documents / first["seconds"] / floor, 3),
        f"peak_rss_mb_{args.small}": first_small["peak_rss_mb"],
        f"peak_rss_mb_{args.documents}": first["peak_rss_mb"],
        "rerun_seconds": again["seconds"],
        "rerun_share_of_first": round(again["seconds"] / first["seconds"], 3),
        "task_runs_per_1000_docs": round(1000 / batch_size, 2),
        "fixed_cost_of_a_run_seconds": fixed["seconds"],
        "runs": counts["runs"],
    }
    targets = {
        "docs_per_second": ">= 1000",
        "share_of_floor": ">= 0.25",
        f"peak_rss_mb_{args.documents}": "<= 1536, flat",
        "rerun_share_of_first": "<= 0.05",
        "task_runs_per_1000_docs": "<= 1",
    }
    report("pipeline_speed", result, targets)


if __name__ == "__main__":
    main()
