"""The Prefect flow: discover -> extract -> code -> load, one coarse task per batch.

This module and ``cli.py`` are the only ones that import Prefect. The flow runs with no
server (Prefect starts a temporary local API) or against ``PREFECT_API_URL`` when set.
"""

from __future__ import annotations

import collections
import concurrent.futures
import contextlib
import itertools
import os
import time
import uuid
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import polars as pl

# Quiet, offline defaults; a user's own environment wins.
os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
os.environ.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact
from prefect.cache_policies import NO_CACHE
from prefect.futures import PrefectFuture
from prefect.runtime import flow_run

from flows import batches, warehouse
from flows.lexicon import Lexicon, load_lexicon
from flows.settings import Settings, load_settings
from flows.sources import (
    InputFile,
    RawDocument,
    Rejection,
    discover_inputs,
    iter_documents,
    raw_frame,
)
from flows.sources.web import Fetcher, expand_url_lists, iter_web

ProgressHook = Callable[[int, int, int], None]  # (docs seen, docs new, events added)


@dataclass
class RunSummary:
    """What a run did, for the console, the Prefect artifact and the tests."""

    run_id: str
    warehouse_path: Path
    status: str = "running"
    docs_seen: int = 0
    docs_new: int = 0
    docs_known: int = 0
    docs_rejected: int = 0
    events_added: int = 0
    batches: int = 0
    files: int = 0
    files_skipped: int = 0
    files_unchanged: int = 0  # read whole by an earlier run and unchanged since: not read
    seconds: float = 0.0
    coder_version: str = ""
    message: str | None = None
    rejections_by_reason: Counter[str] = field(default_factory=Counter)
    check_failures: list[str] = field(default_factory=list)
    events_by_type: Counter[str] = field(default_factory=Counter)
    rejected_uris: set[str] = field(default_factory=set)

    def measures(self) -> list[tuple[str, str]]:
        """The summary's figures, as (label, value): one list for the console and Prefect."""
        return [
            ("input files", f"{self.files:,}"),
            ("files skipped (not an input type)", f"{self.files_skipped:,}"),
            ("files unchanged since read (not read again)", f"{self.files_unchanged:,}"),
            ("documents read", f"{self.docs_seen:,}"),
            ("documents new", f"{self.docs_new:,}"),
            ("already in the warehouse", f"{self.docs_known:,}"),
            ("inputs rejected", f"{self.docs_rejected:,}"),
            ("events added", f"{self.events_added:,}"),
            ("seconds", f"{self.seconds:.1f}"),
        ]

    def as_markdown(self) -> str:
        lines = [
            f"# newsevents run `{self.run_id}`: {self.status}",
            "",
            "| measure | value |",
            "|---|---:|",
            *(f"| {label} | {value} |" for label, value in self.measures()),
            "",
            f"Warehouse: `{self.warehouse_path}`; coder `{self.coder_version}`.",
        ]
        if self.events_by_type:
            lines += ["", "| event type | added |", "|---|---:|"]
            lines += [f"| {name} | {count} |" for name, count in self.events_by_type.most_common()]
        if self.rejections_by_reason:
            lines += ["", "| rejected because | inputs |", "|---|---:|"]
            lines += [
                f"| {name} | {count} |" for name, count in self.rejections_by_reason.most_common()
            ]
        if self.message:
            lines += ["", f"**Failure:** {self.message}"]
        return "\n".join(lines)


_progress_hook: ProgressHook | None = None


def set_progress_hook(hook: ProgressHook | None) -> None:
    """Let the CLI draw progress while the flow runs (in-process only)."""
    global _progress_hook
    _progress_hook = hook


def _chunks(items: Iterable[RawDocument | Rejection], size: int) -> Iterator[list]:
    iterator = iter(items)
    while chunk := list(itertools.islice(iterator, size)):
        yield chunk


@task(name="process-batch", cache_policy=NO_CACHE)
def process_batch(
    raw: pl.DataFrame,
    known_ids: frozenset[str],
    lexicon: Lexicon,
    pool: concurrent.futures.Executor | None = None,
    workers: int = 1,
) -> warehouse.Batch:
    """Extract HTML, normalize and key the documents, drop known ones, code the rest (see
    ``batches.process``: split across the ``pool``'s worker processes when there is one)."""
    return batches.process(raw, known_ids, lexicon, pool, workers)


WORKERS_MIN_BYTES = 8 * 1024 * 1024  # smaller inputs are coded in this process


def _input_bytes(files: list[InputFile]) -> int:
    total = 0
    for item in files:
        with contextlib.suppress(OSError):
            total += item.path.stat().st_size * (8 if item.is_gzip else 1)
    return total


def _document_rows(documents: pl.DataFrame, run_id: str, coder_version: str) -> pl.DataFrame:
    return documents.select(
        "doc_id",
        "external_id",
        "source_uri",
        "url",
        "title",
        "publisher",
        "author",
        "published_at",
        "language",
        "text",
        "content_type",
        pl.lit(coder_version).alias("coder_version"),
        pl.lit(warehouse.utc_now()).alias("ingested_at"),
        pl.lit(run_id).alias("run_id"),
    )


@contextlib.contextmanager
def _writer_session(
    settings: Settings, lexicon: Lexicon, summary: RunSummary, sources: list[str], kind: str
) -> Iterator[duckdb.DuckDBPyConnection]:
    """Open the warehouse for writing, record the run, and on the way out record how it
    ended, publish, and leave the summary as a Prefect artifact. Errors inside the block
    fail the run (the batches already committed are kept and published)."""
    started = time.perf_counter()
    with warehouse.WarehouseWriter(settings.warehouse_path) as writer:
        con = writer.con
        warehouse.migrate(con, settings.schema_dir)
        warehouse.apply_views(con, settings.views_dir)
        warehouse.replace_reference(con, lexicon.reference_tables())
        warehouse.close_interrupted_runs(con)
        warehouse.start_run(
            con, summary.run_id, str(flow_run.get_id() or ""), sources, lexicon.coder_version
        )
        try:
            yield con
            summary.status = "completed"
        except Exception as error:
            _failed(summary, kind, error)
        try:  # what the loaded batches left to derive (clusters...), before publishing
            warehouse.refresh_pending(con, settings.checks_dir)
        except Exception as error:
            _failed(summary, kind, error)
        summary.seconds = time.perf_counter() - started
        warehouse.finish_run(
            con,
            summary.run_id,
            summary.status,
            docs_seen=summary.docs_seen,
            docs_new=summary.docs_new,
            docs_rejected=summary.docs_rejected,
            events_added=summary.events_added,
            message=summary.message,
        )
        writer.publish()
    create_markdown_artifact(
        key=f"newsevents-{kind}-summary",
        markdown=summary.as_markdown(),
        description=f"What this newsevents {kind} did",
    )


def _failed(summary: RunSummary, kind: str, error: Exception) -> None:
    message = f"{type(error).__name__}: {error}"
    summary.status = "failed"
    summary.message = f"{summary.message}; {message}" if summary.message else message
    get_run_logger().error("%s failed: %s", kind, message)


def _new_summary(settings: Settings, lexicon: Lexicon) -> RunSummary:
    return RunSummary(
        run_id=uuid.uuid4().hex,
        warehouse_path=settings.warehouse_path,
        coder_version=lexicon.coder_version,
    )


def _count_events(summary: RunSummary, events: pl.DataFrame) -> None:
    summary.events_by_type.update(events["event_code"].str.split(".").list.first().to_list())


@flow(name="newsevents-run", log_prints=False, persist_result=False)
def run_pipeline(
    sources: list[str],
    warehouse_path: str | None = None,
    batch_size: int | None = None,
    workers: int | None = None,
    on_dask: bool = False,
    rescan: bool = False,
) -> RunSummary:
    """One run: pull the SOURCES, extract, code and load them, then publish the warehouse.

    Input files an earlier completed run read whole, unchanged since, are not read again
    (unless ``rescan``). Batches are submitted to the flow's task runner up to ``workers``
    ahead of the one being loaded, so extraction and coding (in worker processes, or on a
    Dask cluster) overlap loading."""
    settings: Settings = load_settings(
        warehouse_path=warehouse_path, batch_size=batch_size, workers=workers
    )
    lexicon = load_lexicon(settings.seeds_dir)
    summary = _new_summary(settings, lexicon)
    urls, local = expand_url_lists(sources)
    files, rejections, skipped = discover_inputs(local) if local else ([], [], 0)
    summary.files, summary.files_skipped = len(files), skipped
    stamps = warehouse.file_stamps([item.path for item in files])
    with _writer_session(settings, lexicon, summary, sources, "run") as con:
        if not rescan:  # files a completed run read whole, unchanged since: not read again
            unchanged = warehouse.unchanged_files(con, stamps)
            files = [item for item in files if item.uri not in unchanged]
            summary.files_unchanged = len(unchanged)
        # a small input is not worth the workers' start-up (a few seconds each)
        small = workers is None and not urls and _input_bytes(files) < WORKERS_MIN_BYTES
        workers = 1 if small else settings.workers
        with batches.worker_pool(settings.seeds_dir, 1 if on_dask else workers) as pool:
            _load_all(
                con, files, urls, rejections, pool, max(1, workers), settings, lexicon, summary
            )
        # every file of the run was read and loaded: remember those with nothing rejected
        rejected = {uri.split("#", 1)[0] for uri in summary.rejected_uris}
        whole = [item.uri for item in files if item.uri not in rejected]
        warehouse.record_read_files(
            con, stamps.filter(pl.col("file_uri").is_in(whole)), summary.run_id
        )
    return summary


def _load_all(
    con: duckdb.DuckDBPyConnection,
    files: list[InputFile],
    urls: list[str],
    rejections: list[Rejection],
    pool: concurrent.futures.Executor | None,
    workers: int,
    settings: Settings,
    lexicon: Lexicon,
    summary: RunSummary,
) -> None:
    """Read, process and load every batch; raise when a batch failed the data checks.

    Batches are submitted up to ``workers`` ahead of the one being loaded."""
    known = {row[0] for row in con.execute("SELECT doc_id FROM documents").fetchall()}
    pending = rejections
    in_flight: collections.deque[tuple[list[RawDocument], list[Rejection], PrefectFuture]]
    in_flight = collections.deque()
    items = itertools.chain(
        iter_documents(files, settings.max_file_bytes, settings.max_document_bytes),
        _iter_urls(con, urls, settings),
    )
    for chunk in _chunks(items, settings.batch_size):
        raws = [item for item in chunk if isinstance(item, RawDocument)]
        pending = pending + [item for item in chunk if isinstance(item, Rejection)]
        future = process_batch.submit(
            raw_frame(raws), frozenset(known), lexicon, pool, workers if pool else 1
        )
        in_flight.append((raws, pending, future))
        pending = []
        while len(in_flight) > workers:
            _load_processed(con, *in_flight.popleft(), known, settings, lexicon, summary)
    while in_flight:
        _load_processed(con, *in_flight.popleft(), known, settings, lexicon, summary)
    if pending:  # rejections found after the last document
        counts = warehouse.load_batch(con, _empty_batch(pending), summary.run_id)
        summary.docs_rejected += counts.rejected
        summary.rejections_by_reason.update(item.reason for item in pending)
        summary.rejected_uris.update(item.source_uri for item in pending)
    if summary.check_failures:
        raise warehouse.WarehouseError(
            f"{len(summary.check_failures)} batch(es) failed the data checks and were not "
            "loaded (their documents are in rejected_inputs as failed_checks): "
            + " | ".join(summary.check_failures)
        )


def _iter_urls(
    con: duckdb.DuckDBPyConnection, urls: list[str], settings: Settings
) -> Iterator[RawDocument | Rejection]:
    """Pages from web sources (articles, feeds, sitemaps), skipping URLs already stored."""
    if not urls:
        return
    known = {
        row[0]
        for row in con.execute(
            "SELECT url FROM documents WHERE url IS NOT NULL UNION SELECT source_uri FROM documents"
        ).fetchall()
    }
    with Fetcher(
        user_agent=settings.user_agent,
        delay=settings.fetch_delay,
        max_bytes=settings.max_document_bytes,
        allow_private=settings.allow_private_urls,
    ) as fetcher:
        yield from iter_web(urls, fetcher, known)


def _load_processed(
    con: duckdb.DuckDBPyConnection,
    raws: list[RawDocument],
    rejections: list[Rejection],
    future: PrefectFuture,
    known: set[str],
    settings: Settings,
    lexicon: Lexicon,
    summary: RunSummary,
) -> None:
    """Load one processed batch (its own transaction) and count it in the summary."""
    batch: warehouse.Batch = future.result()
    batch.rejections = rejections + batch.rejections
    batch.documents = _document_rows(batch.documents, summary.run_id, lexicon.coder_version)
    # documents stored since this batch was coded are skipped whole by the load: so are
    # their events in the summary
    fresh_events = batch.events.filter(~pl.col("doc_id").is_in(list(known)))
    try:
        counts = warehouse.load_batch(con, batch, summary.run_id, settings.checks_dir)
    except warehouse.ChecksFailed as failure:
        # nothing of the batch is kept; its documents are listed as rejected (and tried
        # again by the next run), and the other batches go on
        summary.check_failures.append(str(failure))
        _reject_failed_batch(con, batch, raws, failure, summary)
        return
    known.update(batch.documents["doc_id"].to_list())
    summary.batches += 1
    summary.docs_seen += len(raws)
    summary.docs_new += counts.documents
    summary.docs_known += batch.duplicates
    summary.docs_rejected += counts.rejected
    summary.events_added += counts.events
    summary.rejections_by_reason.update(item.reason for item in batch.rejections)
    summary.rejected_uris.update(item.source_uri for item in batch.rejections)
    _count_events(summary, fresh_events)
    if _progress_hook is not None:
        _progress_hook(summary.docs_seen, summary.docs_new, summary.events_added)


def _reject_failed_batch(
    con: duckdb.DuckDBPyConnection,
    batch: warehouse.Batch,
    raws: list[RawDocument],
    failure: warehouse.ChecksFailed,
    summary: RunSummary,
) -> None:
    detail = ", ".join(failure.failures)
    rejections = batch.rejections + [
        Rejection(uri, "failed_checks", f"data checks failed: {detail}")
        for uri in batch.documents["source_uri"].to_list()
    ]
    with warehouse.transaction(con):
        summary.docs_rejected += warehouse.insert_rejections(con, rejections, summary.run_id)
    summary.docs_seen += len(raws)
    summary.batches += 1
    summary.rejections_by_reason.update(item.reason for item in rejections)


@task(name="recode-batch", cache_policy=NO_CACHE)
def recode_batch(documents: pl.DataFrame, lexicon: Lexicon) -> warehouse.Batch:
    """Code stored documents again with the current dictionaries and rules (the language
    of documents stored before it was detected is detected now, to decide what is coded)."""
    return batches.coded_batch(documents, lexicon)


@flow(name="newsevents-recode", log_prints=False, persist_result=False)
def recode_pipeline(warehouse_path: str | None = None, batch_size: int | None = None) -> RunSummary:
    """Re-code every stored document whose coder version is not the current one."""
    settings = load_settings(warehouse_path=warehouse_path, batch_size=batch_size)
    if not settings.warehouse_path.exists():
        raise warehouse.WarehouseError(f"no warehouse at {settings.warehouse_path}")
    lexicon = load_lexicon(settings.seeds_dir)
    summary = _new_summary(settings, lexicon)
    with _writer_session(settings, lexicon, summary, ["recode"], "recode") as con:
        while True:
            documents = warehouse.documents_to_recode(
                con, lexicon.coder_version, settings.batch_size
            )
            if documents.is_empty():
                break
            batch = recode_batch(documents, lexicon)
            summary.events_added += warehouse.replace_coding(
                con,
                batch,
                documents["doc_id"].to_list(),
                lexicon.coder_version,
                settings.checks_dir,
            )
            summary.docs_seen += documents.height
            summary.batches += 1
            _count_events(summary, batch.events)
            if _progress_hook is not None:
                _progress_hook(summary.docs_seen, 0, summary.events_added)
    return summary


def _empty_batch(rejections: list[Rejection]) -> warehouse.Batch:
    empty = pl.DataFrame()
    return warehouse.Batch(empty, empty, empty, empty, empty, empty, rejections)


def execute_run(
    sources: list[str],
    warehouse_path: str | None = None,
    batch_size: int | None = None,
    progress: ProgressHook | None = None,
    dask_address: str | None = None,
    workers: int | None = None,
    rescan: bool = False,
) -> RunSummary:
    """Run the flow in this process without the one-second heartbeat wait: extraction and
    coding in ``workers`` local processes, or on the Dask cluster at ``dask_address``. Refuses
    with ``WarehouseBusy`` before Prefect starts when another run is writing the warehouse."""
    warehouse.ensure_not_busy(load_settings(warehouse_path=warehouse_path).warehouse_path)
    if dask_address is None:
        return _execute(
            run_pipeline, progress, sources, warehouse_path, batch_size, workers, False, rescan
        )
    from prefect_dask import DaskTaskRunner

    threads = dask_threads(dask_address)
    on_dask = run_pipeline.with_options(task_runner=DaskTaskRunner(address=dask_address))
    return _execute(on_dask, progress, sources, warehouse_path, batch_size, threads, True, rescan)


class DaskUnavailable(RuntimeError):
    """The Dask scheduler named by --dask-address cannot be reached."""


def dask_threads(address: str, timeout: float = 10.0) -> int:
    """How many task threads the cluster at ``address`` has (fails clearly when it is not
    there), so the run keeps that many batches in flight."""
    from distributed import Client

    try:
        with Client(address, timeout=timeout) as client:
            return max(1, sum(client.nthreads().values()))
    except (OSError, TimeoutError) as error:
        raise DaskUnavailable(f"no Dask scheduler answers at {address}: {error}") from None


def execute_recode(
    warehouse_path: str | None = None,
    batch_size: int | None = None,
    progress: ProgressHook | None = None,
) -> RunSummary:
    """Re-code stored documents of older coder versions, in this process."""
    warehouse.ensure_not_busy(load_settings(warehouse_path=warehouse_path).warehouse_path)
    return _execute(recode_pipeline, progress, warehouse_path, batch_size)


def _execute(
    flow_function: Callable[..., RunSummary], progress: ProgressHook | None, *args: object
) -> RunSummary:
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    set_progress_hook(progress)
    try:
        with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
            return flow_function(*args)
    finally:
        set_progress_hook(None)
