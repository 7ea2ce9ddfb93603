"""DuckDB: migrate from ``sql/schema``, apply ``sql/views``, load seeds and batches, publish.

Writers never open the published file. A run takes an exclusive lock file, works on
``<warehouse>.work`` beside it (a copy of the published file, or the working file a previous
run left when it is newer), commits one transaction per batch, and at the end CHECKPOINTs,
closes, copies the working file to a temporary file and ``os.replace``-s it over the published
file. Readers that hold the published file open keep their snapshot; new readers see the new
one; a writer never fails because an analyst has the warehouse open.
"""

from __future__ import annotations

import contextlib
import fcntl
import os
import re
import shutil
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

import duckdb
import polars as pl

from flows.settings import REPO_ROOT
from flows.sources.records import Rejection

SCHEMA_FILE = re.compile(r"^(\d{3})_[a-z0-9_]+\.sql$")
DERIVE_DIR = REPO_ROOT / "sql" / "derive"
# DuckDB keeps pages it has read in memory up to its limit (80% of RAM by default), so a
# writer's memory would grow with the warehouse; past this it spills to temporary files
WRITER_MEMORY = os.environ.get("NEWSEVENTS_DUCKDB_MEMORY") or "512MB"


class WarehouseError(RuntimeError):
    """A warehouse problem a user can act on (missing file, busy, failed check)."""


class WarehouseBusy(WarehouseError):
    """Another run holds the warehouse."""


class ChecksFailed(WarehouseError):
    """Data checks found rows that break the warehouse's rules; nothing of them was kept."""

    def __init__(self, failures: dict[str, pl.DataFrame]) -> None:
        self.failures = failures
        parts = []
        for name, rows in failures.items():
            sample = ", ".join(str(value) for value in rows.row(0))
            parts.append(f"{name} ({rows.height} rows, e.g. {sample})")
        super().__init__("data checks failed: " + "; ".join(parts))


def utc_now() -> datetime:
    """Now in UTC as a naive timestamp (the warehouse stores UTC without zone)."""
    return datetime.now(UTC).replace(tzinfo=None)


# --------------------------------------------------------------------------- schema and views


def migrate(con: duckdb.DuckDBPyConnection, schema_dir: Path) -> list[str]:
    """Apply the schema files not yet recorded in ``schema_version``, in order. Returns them."""
    con.execute(
        "CREATE TABLE IF NOT EXISTS schema_version ("
        " version INTEGER PRIMARY KEY, name VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL)"
    )
    applied = {row[0] for row in con.execute("SELECT version FROM schema_version").fetchall()}
    done: list[str] = []
    for path in sorted(schema_dir.glob("*.sql")):
        match = SCHEMA_FILE.match(path.name)
        if match is None:
            raise WarehouseError(f"schema file {path.name} is not named NNN_name.sql")
        version = int(match.group(1))
        if version in applied:
            continue
        with transaction(con):
            con.execute(path.read_text(encoding="utf-8"))
            con.execute(
                "INSERT INTO schema_version VALUES (?, ?, ?)", [version, path.name, utc_now()]
            ).fetchall()
        done.append(path.name)
    if done:  # a schema change may change what is derived: rebuild it all, once
        with transaction(con):
            refresh_derived(con)
    return done


def apply_views(con: duckdb.DuckDBPyConnection, views_dir: Path) -> list[str]:
    """(Re)create one view per file, the file name being the view name.

    Views may read other views: files that fail because a view they read is missing are
    retried after the others, until no progress is made.
    """
    pending = {path.stem: path.read_text(encoding="utf-8") for path in views_dir.glob("*.sql")}
    created: list[str] = []
    while pending:
        errors: dict[str, str] = {}
        for name, body in sorted(pending.items()):
            select = body.strip().rstrip(";")
            try:
                con.execute(f'CREATE OR REPLACE VIEW "{name}" AS\n{select}')
            except duckdb.CatalogException as error:
                errors[name] = str(error)
                continue
            created.append(name)
        if len(errors) == len(pending):
            detail = "; ".join(f"{name}: {message}" for name, message in errors.items())
            raise WarehouseError(f"views could not be created: {detail}")
        pending = {name: pending[name] for name in errors}
    return created


@contextlib.contextmanager
def transaction(con: duckdb.DuckDBPyConnection) -> Iterator[None]:
    """One explicit transaction: rolled back on any error (DuckDB's commit would not say)."""
    con.execute("BEGIN TRANSACTION")
    try:
        yield
    except BaseException:
        con.execute("ROLLBACK")
        raise
    con.execute("COMMIT")


# --------------------------------------------------------------------------- checks


@contextlib.contextmanager
def _scope(con: duckdb.DuckDBPyConnection, name: str, doc_ids: list[str] | None) -> Iterator[None]:
    """A temporary ``name(doc_id)`` relation: these documents, or all of them when None."""
    if doc_ids is None:
        con.execute(
            f"CREATE OR REPLACE TEMP VIEW {name} AS SELECT doc_id FROM documents"
        ).fetchall()
    else:
        scope = pl.DataFrame({"doc_id": doc_ids}, schema={"doc_id": pl.String})
        con.register("_scope", scope)
        try:
            con.execute(
                f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT doc_id FROM _scope"
            ).fetchall()
        finally:
            con.unregister("_scope")
    try:
        yield
    finally:
        kind = "VIEW" if doc_ids is None else "TABLE"
        con.execute(f"DROP {kind} IF EXISTS temp.{name}").fetchall()


def run_checks(
    con: duckdb.DuckDBPyConnection, checks_dir: Path, doc_ids: list[str] | None = None
) -> dict[str, pl.DataFrame]:
    """Run every ``sql/checks/*.sql`` (a SELECT of offending rows: none means pass) over the
    given documents' rows (all documents when None). Returns the failing checks' rows."""
    failures: dict[str, pl.DataFrame] = {}
    with _scope(con, "check_scope", doc_ids):
        for path in sorted(checks_dir.glob("*.sql")):
            rows = con.sql(path.read_text(encoding="utf-8")).pl()
            if rows.height:
                failures[path.stem] = rows
    return failures


def refresh_derived(con: duckdb.DuckDBPyConnection, doc_ids: list[str] | None = None) -> None:
    """Bring the derived data (``sql/derive/*.sql``, in order) up to date for these documents'
    events, or rebuild it for the whole warehouse when None. Runs inside the caller's
    transaction."""
    if doc_ids == []:
        return
    with _scope(con, "derive_scope", doc_ids):
        for path in sorted(DERIVE_DIR.glob("*.sql")):
            con.execute(path.read_text(encoding="utf-8")).fetchall()
    if doc_ids is None:
        con.execute("DELETE FROM pending_derivation").fetchall()


def _mark_pending(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> None:
    """List documents whose derived data is stale (inside the batch's transaction)."""
    frame = pl.DataFrame({"doc_id": doc_ids}, schema={"doc_id": pl.String})
    con.register("_pending", frame)
    try:
        con.execute("INSERT INTO pending_derivation SELECT doc_id FROM _pending").fetchall()
    finally:
        con.unregister("_pending")


def refresh_pending(con: duckdb.DuckDBPyConnection, checks_dir: Path | None = None) -> int:
    """Derive what the batches since the last refresh left pending, in one transaction
    (and check it, with ``checks_dir``). Runs once at the end of a run, before publishing:
    clustering costs about as much for one batch as for many. Returns the documents done."""
    with transaction(con):
        doc_ids = [
            row[0]
            for row in con.execute("SELECT DISTINCT doc_id FROM pending_derivation").fetchall()
        ]
        refresh_derived(con, doc_ids)
        con.execute("DELETE FROM pending_derivation").fetchall()
        if checks_dir is not None and doc_ids:
            failures = run_checks(con, checks_dir, doc_ids)
            if failures:
                raise ChecksFailed(failures)
    return len(doc_ids)


# --------------------------------------------------------------------------- loading


@dataclass
class Batch:
    """Everything one batch adds: documents, what the coder found, and rejected inputs."""

    documents: pl.DataFrame
    actors: pl.DataFrame
    actor_mentions: pl.DataFrame
    places: pl.DataFrame
    events: pl.DataFrame
    event_actors: pl.DataFrame
    rejections: list[Rejection] = field(default_factory=list)
    duplicates: int = 0  # documents read but already present (in the warehouse or the batch)


@dataclass(frozen=True)
class LoadCounts:
    documents: int
    events: int
    rejected: int


def _insert(
    con: duckdb.DuckDBPyConnection, table: str, frame: pl.DataFrame, keys: list[str]
) -> int:
    """Insert the rows of ``frame`` whose keys are new; de-duplicated here, not by DuckDB."""
    if frame.is_empty():
        return 0
    frame = frame.unique(subset=keys, keep="first", maintain_order=True)
    columns = ", ".join(frame.columns)
    condition = " AND ".join(f"t.{key} = f.{key}" for key in keys)
    con.register("_incoming", frame)
    try:
        inserted = con.execute(
            f"INSERT INTO {table} ({columns}) SELECT {columns} FROM _incoming f"
            f" WHERE NOT EXISTS (SELECT 1 FROM {table} t WHERE {condition})"
        ).fetchone()[0]
    finally:
        con.unregister("_incoming")
    return int(inserted)


def existing_doc_ids(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> set[str]:
    """Which of these document keys the warehouse already holds."""
    if not doc_ids:
        return set()
    frame = pl.DataFrame({"doc_id": doc_ids}, schema={"doc_id": pl.String})
    con.register("_keys", frame)
    try:
        rows = con.execute(
            "SELECT k.doc_id FROM _keys k JOIN documents d ON d.doc_id = k.doc_id"
        ).fetchall()
    finally:
        con.unregister("_keys")
    return {row[0] for row in rows}


def rejection_frame(rejections: list[Rejection], run_id: str) -> pl.DataFrame:
    now = utc_now()
    return pl.DataFrame(
        {
            "source_uri": [item.source_uri for item in rejections],
            "reason": [item.reason for item in rejections],
            "detail": [item.detail for item in rejections],
            "run_id": [run_id] * len(rejections),
            "rejected_at": [now] * len(rejections),
        },
        schema={
            "source_uri": pl.String,
            "reason": pl.String,
            "detail": pl.String,
            "run_id": pl.String,
            "rejected_at": pl.Datetime("us"),
        },
    )


def _insert_coding(con: duckdb.DuckDBPyConnection, batch: Batch) -> int:
    """Insert what the coder found for a batch (inside the caller's transaction)."""
    _insert(con, "actors", batch.actors, ["actor_id"])
    _insert(con, "places", batch.places, ["place_id"])
    _insert(
        con,
        "actor_mentions",
        batch.actor_mentions,
        ["doc_id", "char_start", "char_end", "actor_id"],
    )
    events = _insert(con, "events", batch.events, ["event_id"])
    _insert(con, "event_actors", batch.event_actors, ["event_id", "actor_id", "role"])
    return events


def _without_documents(batch: Batch, doc_ids: set[str]) -> Batch:
    """The batch without the coding (mentions, events, event actors) of these documents."""
    if not doc_ids:
        return batch

    def drop(frame: pl.DataFrame, column: str, values: list[str]) -> pl.DataFrame:
        if frame.is_empty() or column not in frame.columns:
            return frame
        return frame.filter(~pl.col(column).is_in(values))

    stored = list(doc_ids)
    events = batch.events
    dropped = (
        events.filter(pl.col("doc_id").is_in(stored))["event_id"].to_list()
        if "doc_id" in events.columns
        else []
    )
    return Batch(
        documents=drop(batch.documents, "doc_id", stored),
        actors=batch.actors,
        actor_mentions=drop(batch.actor_mentions, "doc_id", stored),
        places=batch.places,
        events=drop(events, "doc_id", stored),
        event_actors=drop(batch.event_actors, "event_id", dropped),
        rejections=batch.rejections,
        duplicates=batch.duplicates,
    )


def load_batch(
    con: duckdb.DuckDBPyConnection,
    batch: Batch,
    run_id: str,
    checks_dir: Path | None = None,
) -> LoadCounts:
    """Load one batch in one transaction; documents already present are skipped whole.

    With ``checks_dir``, the data checks run over the batch's rows before the commit, and a
    failure rolls the whole batch back (``ChecksFailed``)."""
    with transaction(con):
        doc_ids = [] if batch.documents.is_empty() else batch.documents["doc_id"].to_list()
        # a document can arrive again in a batch coded before its first copy was loaded
        # (batches are coded ahead of loading), coded in another batch's context: keep the
        # stored coding, so that a document's events never mix two codings
        stored = existing_doc_ids(con, doc_ids)
        documents = _insert(con, "documents", batch.documents, ["doc_id"])
        events = _insert_coding(con, _without_documents(batch, stored))
        rejected = insert_rejections(con, batch.rejections, run_id)
        if doc_ids:
            _mark_pending(con, [doc_id for doc_id in doc_ids if doc_id not in stored])
        if checks_dir is not None:
            failures = run_checks(con, checks_dir, batch.documents["doc_id"].to_list())
            if failures:
                raise ChecksFailed(failures)
    return LoadCounts(documents=documents, events=events, rejected=rejected)


def insert_rejections(
    con: duckdb.DuckDBPyConnection, rejections: list[Rejection], run_id: str
) -> int:
    """Record rejected inputs (inside the caller's transaction, if any)."""
    if not rejections:
        return 0
    frame = rejection_frame(rejections, run_id)
    con.register("_rejections", frame)
    try:
        con.execute("INSERT INTO rejected_inputs SELECT * FROM _rejections").fetchall()
    finally:
        con.unregister("_rejections")
    return frame.height


def file_stamps(paths: list[Path]) -> pl.DataFrame:
    """file_uri, size_bytes, mtime_ns of the files (that exist), taken before they are read:
    a file that changes while it is read then differs from its record, and is read again.
    (A URI, not the path: it is text even when the file name is not valid UTF-8.)"""
    rows = []
    for path in paths:
        with contextlib.suppress(OSError):
            stat = os.stat(path)
            rows.append((path.as_uri(), stat.st_size, stat.st_mtime_ns))
    return pl.DataFrame(
        rows,
        schema={"file_uri": pl.String, "size_bytes": pl.Int64, "mtime_ns": pl.Int64},
        orient="row",
    )


def unchanged_files(con: duckdb.DuckDBPyConnection, stamps: pl.DataFrame) -> set[str]:
    """The URIs of these files (``file_stamps``) a completed run read whole, unchanged since."""
    if stamps.is_empty():
        return set()
    con.register("_stamps", stamps)
    try:
        rows = con.execute(
            "SELECT s.file_uri FROM _stamps s JOIN input_files f USING (file_uri)"
            " WHERE f.size_bytes = s.size_bytes AND f.mtime_ns = s.mtime_ns"
        ).fetchall()
    finally:
        con.unregister("_stamps")
    return {row[0] for row in rows}


def record_read_files(con: duckdb.DuckDBPyConnection, stamps: pl.DataFrame, run_id: str) -> int:
    """Remember these files (``file_stamps`` taken before the run read them) as read whole."""
    stamps = stamps.with_columns(pl.lit(run_id).alias("run_id"), pl.lit(utc_now()).alias("read_at"))
    if stamps.is_empty():
        return 0
    con.register("_stamps", stamps)
    try:
        with transaction(con):
            con.execute(
                "INSERT OR REPLACE INTO input_files"
                " SELECT file_uri, size_bytes, mtime_ns, run_id, read_at FROM _stamps"
            ).fetchall()
    finally:
        con.unregister("_stamps")
    return stamps.height


def documents_to_recode(
    con: duckdb.DuckDBPyConnection, coder_version: str, limit: int
) -> pl.DataFrame:
    """Up to ``limit`` stored documents coded by another coder version."""
    return con.sql(
        "SELECT doc_id, text, published_at, publisher, language FROM documents"
        " WHERE coder_version IS DISTINCT FROM ? ORDER BY doc_id LIMIT ?",
        params=[coder_version, limit],
    ).pl()


def replace_coding(
    con: duckdb.DuckDBPyConnection,
    batch: Batch,
    doc_ids: list[str],
    coder_version: str,
    checks_dir: Path | None = None,
) -> int:
    """Swap the coding of these documents for a new one, in one transaction."""
    keys = pl.DataFrame({"doc_id": doc_ids}, schema={"doc_id": pl.String})
    with transaction(con):
        con.register("_recode", keys)
        try:
            con.execute(
                "DELETE FROM event_actors WHERE event_id IN (SELECT event_id FROM events"
                " WHERE doc_id IN (SELECT doc_id FROM _recode))"
            ).fetchall()
            con.execute(
                "DELETE FROM events WHERE doc_id IN (SELECT doc_id FROM _recode)"
            ).fetchall()
            con.execute(
                "DELETE FROM actor_mentions WHERE doc_id IN (SELECT doc_id FROM _recode)"
            ).fetchall()
            con.execute(
                "UPDATE documents SET coder_version = ?"
                " WHERE doc_id IN (SELECT doc_id FROM _recode)",
                [coder_version],
            ).fetchall()
        finally:
            con.unregister("_recode")
        events = _insert_coding(con, batch)
        _mark_pending(con, doc_ids)
        if checks_dir is not None:
            failures = run_checks(con, checks_dir, doc_ids)
            if failures:
                raise ChecksFailed(failures)
    return events


def replace_reference(con: duckdb.DuckDBPyConnection, tables: dict[str, pl.DataFrame]) -> None:
    """Load reference seeds (sectors, event codes, seeded actors...) in one transaction.

    Seeded rows are replaced by the current seeds; rows the coder created are kept.
    """
    with transaction(con):
        for table, frame in tables.items():
            con.register("_seed", frame)
            try:
                columns = ", ".join(frame.columns)
                con.execute(
                    f"INSERT OR REPLACE INTO {table} ({columns}) SELECT {columns} FROM _seed"
                ).fetchall()
            finally:
                con.unregister("_seed")


def close_interrupted_runs(con: duckdb.DuckDBPyConnection) -> int:
    """Mark runs still ``running`` as ``interrupted``, with what they committed. Call it
    holding the writer's lock: no other run can be running, so such a row belongs to a run
    that was killed or crashed (its committed batches are kept). Returns the runs marked."""
    return int(
        con.execute(
            "UPDATE runs SET status = 'interrupted',"
            " docs_new = (SELECT count(*) FROM documents d WHERE d.run_id = runs.run_id),"
            " events_added = (SELECT count(*) FROM events e JOIN documents d USING (doc_id)"
            "                 WHERE d.run_id = runs.run_id),"
            " message = 'stopped before it finished (killed or crashed); the batches it"
            " committed were kept and published by the next run'"
            " WHERE status = 'running'"
        ).fetchone()[0]
    )


def start_run(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    flow_run_id: str | None,
    sources: list[str],
    coder_version: str,
) -> None:
    con.execute(
        "INSERT INTO runs (run_id, flow_run_id, started_at, status, coder_version, sources)"
        " VALUES (?, ?, ?, 'running', ?, ?)",
        [run_id, flow_run_id, utc_now(), coder_version, " ".join(sources)],
    ).fetchall()


def finish_run(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    status: str,
    *,
    docs_seen: int,
    docs_new: int,
    docs_rejected: int,
    events_added: int,
    message: str | None = None,
) -> None:
    con.execute(
        "UPDATE runs SET finished_at = ?, status = ?, docs_seen = ?, docs_new = ?,"
        " docs_rejected = ?, events_added = ?, message = ? WHERE run_id = ?",
        [utc_now(), status, docs_seen, docs_new, docs_rejected, events_added, message, run_id],
    ).fetchall()


# --------------------------------------------------------------------------- publish pattern


def working_path(published: Path) -> Path:
    return published.with_name(published.name + ".work")


def lock_path(published: Path) -> Path:
    return published.with_name(published.name + ".lock")


def _take_lock(lock: Path, published: Path) -> TextIO:
    """Open ``lock`` and lock it exclusively without waiting (``WarehouseBusy`` when another
    process holds it). The lock goes when the handle is closed or the process dies."""
    handle = open(lock, "a+")  # noqa: SIM115  (the open handle is the lock: the caller keeps it)
    try:
        fcntl.flock(handle.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        handle.seek(0)
        holder = handle.read().strip() or "another process"
        handle.close()
        raise WarehouseBusy(
            f"another newsevents run ({holder}) is writing {published}; "
            "wait for it to finish and run again"
        ) from None
    return handle


def ensure_not_busy(published: Path) -> None:
    """Raise ``WarehouseBusy`` now if another run is writing the warehouse, so that a run can
    refuse before starting Prefect (a failed flow run logs a traceback). Only an early check:
    the run's ``WarehouseWriter`` takes the lock for real."""
    lock = lock_path(published)
    if lock.exists():
        _take_lock(lock, published).close()


class WarehouseWriter:
    """Exclusive write access to a warehouse through its working file; ``publish`` at the end.

    Use as a context manager. The lock is released on exit; the working file stays beside
    the published file so the next run can start from it without a copy.
    """

    def __init__(self, published: Path) -> None:
        self.published = published
        self.work = working_path(published)
        self.lock_path = lock_path(published)
        self._lock_handle: TextIO | None = None
        self.con: duckdb.DuckDBPyConnection | None = None

    def __enter__(self) -> WarehouseWriter:
        self.published.parent.mkdir(parents=True, exist_ok=True)
        handle = _take_lock(self.lock_path, self.published)
        handle.seek(0)
        handle.truncate()
        handle.write(f"pid {os.getpid()}")
        handle.flush()
        self._lock_handle = handle
        try:
            self._prepare_work_file()
            self.con = duckdb.connect(str(self.work), config={"memory_limit": WRITER_MEMORY})
        except BaseException:
            self._release()
            raise
        return self

    def _prepare_work_file(self) -> None:
        for stale in self.published.parent.glob(self.published.name + ".publish-*"):
            stale.unlink(missing_ok=True)
        if not self.published.exists():
            return  # first run: the working file (if any) is all there is
        if self.work.exists() and self.work.stat().st_mtime >= self.published.stat().st_mtime:
            return  # the working file already holds everything published (and maybe more)
        wal = self.work.with_name(self.work.name + ".wal")
        wal.unlink(missing_ok=True)
        temporary = self.work.with_name(self.work.name + ".copy")
        shutil.copyfile(self.published, temporary)
        os.replace(temporary, self.work)

    def publish(self) -> None:
        """CHECKPOINT and close the working file, then atomically replace the published file."""
        if self.con is None:
            raise WarehouseError("publish called on a closed writer")
        self.con.execute("CHECKPOINT")
        self.con.close()
        self.con = None
        temporary = self.published.with_name(f"{self.published.name}.publish-{os.getpid()}")
        shutil.copy2(self.work, temporary)
        os.replace(temporary, self.published)
        os.utime(self.work, (self.published.stat().st_atime, self.published.stat().st_mtime))

    def _release(self) -> None:
        if self.con is not None:
            self.con.close()
            self.con = None
        if self._lock_handle is not None:
            handle = self._lock_handle
            self._lock_handle = None
            handle.truncate(0)
            handle.close()

    def __exit__(self, *exc_info: object) -> None:
        self._release()


# --------------------------------------------------------------------------- reading


def connect_read_only(path: Path, *, external_access: bool = True) -> duckdb.DuckDBPyConnection:
    """Open the published warehouse read-only, with a clear error when there is none.

    With ``external_access=False`` DuckDB touches no file but the warehouse: no ``COPY ... TO``,
    ``EXPORT``, ``ATTACH``, ``INSTALL``, ``read_csv``/``read_text`` of other files, and the
    setting cannot be turned back on from SQL."""
    if not path.exists():
        raise WarehouseError(
            f"no warehouse at {path}: run `newsevents run` first or pass --warehouse"
        )
    config = {} if external_access else {"enable_external_access": False}
    return duckdb.connect(str(path), read_only=True, config=config)


def query(path: Path, sql: str) -> pl.DataFrame:
    """Run SQL against the published warehouse for ``newsevents sql``: read-only (DuckDB
    refuses writes) and without external access (no other file is read or written)."""
    con = connect_read_only(path, external_access=False)
    try:
        relation = con.sql(sql)
        return relation.pl() if relation is not None else pl.DataFrame()
    finally:
        con.close()


def is_refused_write(error: duckdb.Error) -> bool:
    """Whether DuckDB refused a statement because the connection is read-only or may not
    touch files (``query``'s sandbox), as opposed to an ordinary SQL error."""
    message = str(error)
    return (
        "read-only mode" in message
        or "file system operations are disabled" in message
        or "disabled by configuration" in message
        or "Cannot enable external access" in message
    )
