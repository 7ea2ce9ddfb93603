"""A batch's work, in this process or in worker processes: extract and key the documents,
then code them. Split across the workers in parts (trafilatura and the coder take one
document at a time) and combined exactly as if the batch had been done whole.

No Prefect here: worker processes import this module, not the flow (importing Prefect
would add seconds to each worker's start).
"""

from __future__ import annotations

import concurrent.futures
import contextlib
import multiprocessing
from collections.abc import Callable, Iterator
from pathlib import Path

import polars as pl

from flows import warehouse
from flows.coding import CodedBatch, code_part, combine_parts
from flows.documents import empty_text_uris, prepare_documents
from flows.extract import extract_batch
from flows.language import fill_languages, is_codable
from flows.lexicon import Lexicon, load_lexicon
from flows.sources import Rejection


def process(
    raw: pl.DataFrame,
    known_ids: frozenset[str],
    lexicon: Lexicon,
    pool: concurrent.futures.Executor | None = None,
    workers: int = 1,
) -> warehouse.Batch:
    """Extract HTML, normalize and key the documents, drop known ones, code the rest.

    With a ``pool`` of ``workers`` processes each stage is split across them, so even a
    single batch uses every worker."""
    prepared = _each_part(pool, _prepare_part, _parts(raw, workers), lexicon)
    rejections = [rejection for _, part_rejections, _ in prepared for rejection in part_rejections]
    with_text = sum(count for _, _, count in prepared)
    documents = pl.concat([part for part, _, _ in prepared]).unique(
        subset="doc_id", keep="first", maintain_order=True
    )
    documents = documents.filter(~pl.col("doc_id").is_in(list(known_ids)))
    coded = _each_part(pool, _code_part, _parts(documents, workers), lexicon)
    combined = combine_parts([part for _, part in coded], lexicon)
    return warehouse.Batch(
        documents=pl.concat([part for part, _ in coded]),
        actors=combined.actors,
        actor_mentions=combined.actor_mentions,
        places=combined.places,
        events=combined.events,
        event_actors=combined.event_actors,
        rejections=rejections,
        duplicates=with_text - documents.height,
    )


_worker_lexicon: Lexicon | None = None
PART_MIN_ROWS = 50  # a batch is split across the workers in parts of at least this many


def _parts(frame: pl.DataFrame, workers: int) -> list[pl.DataFrame]:
    count = max(1, min(workers, frame.height // PART_MIN_ROWS))
    if count == 1:
        return [frame]
    size = -(-frame.height // count)
    return [frame.slice(offset, size) for offset in range(0, frame.height, size)]


def _each_part(
    pool: concurrent.futures.Executor | None,
    work: Callable,
    parts: list[pl.DataFrame],
    lexicon: Lexicon,
) -> list:
    """``work`` on every part, in the pool's workers (which hold their own dictionaries)
    when there is a pool, in order."""
    if pool is None:
        return [work(part, lexicon) for part in parts]
    futures = [pool.submit(work, part, None) for part in parts]
    return [future.result() for future in futures]


def _prepare_part(
    raw: pl.DataFrame, _lexicon: Lexicon | None
) -> tuple[pl.DataFrame, list[Rejection], int]:
    """Extract and key a part: its documents, its rejections, how many rows had text."""
    extracted, rejections = extract_batch(raw)
    empty = empty_text_uris(extracted)
    rejections += [Rejection(uri, "empty", "no text after extraction") for uri in empty]
    return prepare_documents(extracted), rejections, extracted.height - len(empty)


def _code_part(documents: pl.DataFrame, lexicon: Lexicon | None) -> tuple[pl.DataFrame, CodedBatch]:
    """Detect languages and code the English (or unknown) documents of a part."""
    lexicon = lexicon or _worker_lexicon
    assert lexicon is not None, "worker started without its dictionaries"
    documents = fill_languages(documents)
    codable = documents.filter(is_codable())
    columns = ["doc_id", "text", "published_at", "publisher"]
    return documents, code_part(codable.select(columns), lexicon)


def _start_worker(seeds_dir: Path) -> None:
    """In each worker process, once: load the dictionaries (they never travel per batch)."""
    global _worker_lexicon
    _worker_lexicon = load_lexicon(seeds_dir)


@contextlib.contextmanager
def worker_pool(seeds_dir: Path, workers: int) -> Iterator[concurrent.futures.Executor | None]:
    """Worker processes for the CPU-heavy stages (trafilatura, coding), started once per run
    (not per document); none when one worker is asked for."""
    if workers <= 1:
        yield None
        return
    context = multiprocessing.get_context("spawn")  # no fork of a threaded process
    with concurrent.futures.ProcessPoolExecutor(
        workers, mp_context=context, initializer=_start_worker, initargs=(seeds_dir,)
    ) as pool:
        yield pool


def coded_batch(documents: pl.DataFrame, lexicon: Lexicon) -> warehouse.Batch:
    """Code the batch's documents in English (or of unknown language); store them all."""
    documents, coded = _code_part(documents, lexicon)
    coded = combine_parts([coded], lexicon)
    return warehouse.Batch(
        documents=documents,
        actors=coded.actors,
        actor_mentions=coded.actor_mentions,
        places=coded.places,
        events=coded.events,
        event_actors=coded.event_actors,
    )
