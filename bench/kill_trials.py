"""SIGKILL trials: kill ``newsevents run`` anywhere; nothing may be lost, doubled or half-published.

    .venv/bin/python bench/kill_trials.py [--trials 20] [--documents 300] [--batch-size 20]
        [--seed 7] [--no-exact] [--keep DIR]

Setup. A corpus of small text articles made from the seed articles (``make_corpus``: their
sentences with other places, numbers, weekdays, publishers and publication dates; several
publishers report each happening, so the clusters have something to group), split in part A
(a fifth) and part B. Three starting states, each with a reference built by uninterrupted
runs:

* ``fresh``: no warehouse; the run loads A and B. Reference: one run of A and B.
* ``update``: the warehouse (published file and working file) one run of A left; the run
  loads B. Reference: that warehouse plus one run of B.
* ``update-copy``: the same published file without its working file (a warehouse copied
  from elsewhere), so the run first copies it to a new working file. Same reference.

Random trials. Each trial starts ``python -m flows.cli run ... --batch-size N`` (the
``newsevents`` command) in its own process group on a copy of its starting state and sends
the group SIGKILL at a point drawn from a seeded RNG: a time after the run took the
warehouse lock, uniform over 0-110% of the reference run's writing time (the batches, the
derivation, publishing and Prefect's wrap-up); one trial in five instead polls for the publish
temporary file and kills as soon as it appears; one in ten kills during Prefect's start,
before the lock.

Exact trials (``--no-exact`` skips them). The run kills itself (the same SIGKILL to its
group) at a named point inside the warehouse code (``KILL_POINTS``): inside a batch's
transaction, after a commit, inside the derivation, half-way through the publish copy,
between copy and rename, after the rename... Hooks are wrapped around ``flows.warehouse``
functions in a ``child`` process (``python bench/kill_trials.py child --at POINT -- run ...``);
the product code is not changed for it. The test suite runs a few of these
(``tests/flows/test_crash_safety.py`` imports this file).

After each kill: the published warehouse (if any) opens read-only; ``newsevents check``
passes on it; nothing is pending derivation in it; its documents are exactly those of the
starting state or exactly those of the reference (a run publishes all or nothing); every
document in it has exactly the reference's events and actor mentions (no partial batch); no
key is stored twice. Then a clean re-run (the same command) must finish, and the warehouse
must hold exactly the reference's rows (documents, events, event_actors, actor_mentions,
actors, places, event_cluster_members, cluster_facts; every column but ingested_at and
run_id), no run may be left ``running``, and no stray file may stay beside the warehouse.

Prints a table per trial and a summary, and writes ``bench/results/kill_trials-*.json``.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
RESULTS = REPO / "bench" / "results"
WAREHOUSE_NAME = "events.duckdb"
MODES = ("fresh", "update", "update-copy")

# table -> (key columns, columns left out of the row comparison: they name the run)
TABLES: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "documents": (("doc_id",), ("ingested_at", "run_id")),
    "events": (("event_id",), ()),
    "event_actors": (("event_id", "actor_id", "role"), ()),
    "actor_mentions": (("doc_id", "char_start", "char_end", "actor_id"), ()),
    "actors": (("actor_id",), ()),
    "places": (("place_id",), ()),
    "event_cluster_members": (("event_id",), ()),
    "cluster_facts": (("cluster_id",), ()),
}

KILL_POINTS = {
    "batch-N-uncommitted": "inside batch N's transaction: rows inserted, checks run, no COMMIT",
    "batch-N-committed": "right after batch N's COMMIT",
    "deriving": "inside the end-of-run derivation transaction, before its COMMIT",
    "finished": "run recorded as finished, before publishing",
    "publish-copying": "half of the working file copied to the publish temporary file",
    "publish-copied": "publish temporary file complete, before os.replace",
    "publish-replaced": "right after os.replace, before the working file's time is set",
    "published": "after publishing, while Prefect records the artifact",
    "prepare-copying": "half of the published file copied to a new working file",
    "prepare-copied": "new working file copied, before os.replace",
}
# (mode, point) of the exact trials; prepare-* needs a run that copies the published file
EXACT_TRIALS = (
    ("fresh", "batch-1-uncommitted"),
    ("fresh", "batch-3-committed"),
    ("update", "batch-2-uncommitted"),
    ("update", "deriving"),
    ("update", "finished"),
    ("update", "publish-copying"),
    ("update", "publish-copied"),
    ("update", "publish-replaced"),
    ("update", "published"),
    ("update-copy", "prepare-copying"),
    ("update-copy", "prepare-copied"),
)


# --------------------------------------------------------------------------- corpus

# (country, demonym, city): places the gazetteer knows
PLACES = (
    ("Kenya", "Kenyan", "Nairobi"),
    ("Kenya", "Kenyan", "Mombasa"),
    ("Nigeria", "Nigerian", "Maiduguri"),
    ("Turkey", "Turkish", "Ankara"),
    ("Ethiopia", "Ethiopian", "Addis Ababa"),
    ("Sudan", "Sudanese", "Khartoum"),
    ("Afghanistan", "Afghan", "Kabul"),
    ("Mali", "Malian", "Gao"),
    ("Pakistan", "Pakistani", "Quetta"),
    ("Colombia", "Colombian", "Bogota"),
)
NUMBER_WORDS = ("two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
SOURCES_SAID = ("local officials said", "witnesses said", "police said", "residents said")
PUBLISHERS = tuple(f"Wire {letter}" for letter in "ABCDEF")
SEED_ARTICLE = REPO / "seeds" / "articles" / "kerman-warning.txt"


def _story(rng: random.Random, kind: str) -> dict[str, str]:
    country, demonym, city = rng.choice(PLACES)
    other = rng.choice([place for place in PLACES if place[0] != country])
    published = date(2023, 2, 1) + timedelta(days=rng.randrange(500))
    return {
        "kind": kind,
        "country": country,
        "demonym": demonym,
        "city": city,
        "other_country": other[0],
        "other_demonym": other[1],
        "killed": rng.choice(NUMBER_WORDS),
        "wounded": rng.choice(NUMBER_WORDS),
        "crowd": rng.choice(("Hundreds", "Thousands", "Dozens")),
        "group": rng.choice(("teachers", "nurses", "traders", "students", "farmers")),
        "weekday": WEEKDAYS[(published.weekday() - rng.randrange(1, 4)) % 7],
        "published": published.isoformat(),
        "dead": str(rng.randrange(5, 120)),
    }


def _report(rng: random.Random, story: dict[str, str], seed_body: str) -> tuple[str, str]:
    """One report of a story: (title, body). Wording varies between reports."""
    said = rng.choice(SOURCES_SAID)
    s = story
    if s["kind"] == "attack":
        title = f"Gunmen kill {s['killed']} villagers near {s['city']}"
        sentences = [
            f"Gunmen killed {s['killed']} villagers and wounded {s['wounded']} others in an"
            f" attack on a farming village near {s['city']} in {s['country']} on"
            f" {s['weekday']}, {said}.",
            "No group has claimed responsibility for the attack.",
            f"{s['demonym']} troops were deployed to the area the next day.",
        ]
    elif s["kind"] == "protest":
        title = f"Police fire tear gas at {s['group']}' march in {s['city']}"
        sentences = [
            f"{s['crowd']} of {s['group']} marched through central {s['city']} on"
            f" {s['weekday']} to demand unpaid wages.",
            f"{s['demonym']} police fired tear gas to disperse protesters who tried to break"
            " through a barrier outside parliament.",
            f"{s['wounded'].capitalize()} {s['group']} were injured, {said}.",
            "The ministry urged the union to return to talks, but union leaders rejected"
            " the offer.",
        ]
    elif s["kind"] == "talks":
        title = f"{s['demonym']} and {s['other_demonym']} ministers meet in {s['city']}"
        sentences = [
            f"The foreign ministers of {s['country']} and {s['other_country']} met in"
            f" {s['city']} on {s['weekday']} to prepare a visit by the {s['other_demonym']}"
            " prime minister.",
            f"Both sides agreed to resume talks on trade and migration, {said}.",
            f"{s['other_country']} has not withdrawn its objections to {s['demonym']} military"
            " exercises.",
        ]
    else:  # the seed article, with another toll
        title = "US warned Iran about an attack by ISIS-K before the Kerman blasts"
        body = seed_body.replace("95 people", f"{s['dead']} people")
        return title, body
    rng.shuffle(sentences[1:])  # keep the lead sentence first
    keep = sentences[:1] + sentences[1 : 1 + rng.randrange(1, len(sentences))]
    return title, " ".join(keep)


def make_corpus(directory: Path, documents: int, seed: int) -> list[Path]:
    """Write ``documents`` small text articles (front matter + text) into ``directory``.

    Deterministic for a seed; every text is distinct (documents are keyed by their text)."""
    rng = random.Random(seed)
    seed_body = SEED_ARTICLE.read_text(encoding="utf-8").split("---", 2)[2].strip()
    seed_body = seed_body.split("\n", 1)[1].strip()  # without its headline
    directory.mkdir(parents=True, exist_ok=True)
    kinds = ("attack", "attack", "protest", "talks", "seed")
    stories = [_story(rng, rng.choice(kinds)) for _ in range(max(1, documents // 3))]
    paths: list[Path] = []
    seen: set[str] = set()
    while len(paths) < documents:
        story = rng.choice(stories)
        title, body = _report(rng, story, seed_body)
        if body in seen:
            continue
        seen.add(body)
        published = date.fromisoformat(story["published"]) + timedelta(days=rng.randrange(2))
        path = directory / f"article-{seed}-{len(paths):04d}.txt"
        path.write_text(
            f"---\ntitle: {title}\npublished_at: {published.isoformat()}\n"
            f"publisher: {rng.choice(PUBLISHERS)}\n---\n{title}\n\n{body}\n",
            encoding="utf-8",
        )
        paths.append(path)
    return paths


# --------------------------------------------------------------------------- processes


def child_env(api_url: str | None = None, prefect_home: Path | None = None) -> dict[str, str]:
    """The environment for a run: this checkout's ``flows`` first, quiet offline Prefect."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(REPO), env.get("PYTHONPATH")]))
    env.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
    env.setdefault("PREFECT_SERVER_ANALYTICS_ENABLED", "false")
    env.pop("NEWSEVENTS_WAREHOUSE", None)
    env.pop("NEWSEVENTS_BATCH_SIZE", None)
    if api_url is not None:
        env["PREFECT_API_URL"] = api_url
    if prefect_home is not None:
        env["PREFECT_HOME"] = str(prefect_home)
    return env


def newsevents_argv(args: list[str], at: str | None = None, hold: Path | None = None) -> list[str]:
    """``newsevents ARGS`` as a command line; with ``at``, through the ``child`` hooks."""
    if at is None:
        return [sys.executable, "-m", "flows.cli", *args]
    extra = ["--hold", str(hold)] if hold is not None else []
    return [sys.executable, str(Path(__file__).resolve()), "child", "--at", at, *extra, "--", *args]


def start(argv: list[str], env: dict[str, str], log: Path) -> subprocess.Popen[bytes]:
    """Start a process in its own process group (a session), output to ``log``."""
    with open(log, "ab") as handle:
        return subprocess.Popen(
            argv, env=env, stdout=handle, stderr=subprocess.STDOUT, start_new_session=True
        )


def group_members(pgid: int) -> list[int]:
    """Live (not zombie) processes in a process group, from /proc."""
    members = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        fields = stat[stat.rindex(")") + 2 :].split()
        if int(fields[2]) == pgid and fields[0] != "Z":
            members.append(int(entry.name))
    return members


def kill_group(process: subprocess.Popen[bytes]) -> list[int]:
    """SIGKILL the process's group, reap it, and return any member still alive after 5 s."""
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)
    process.wait()
    deadline = time.monotonic() + 5
    while (alive := group_members(process.pid)) and time.monotonic() < deadline:
        time.sleep(0.05)
    return alive


def lock_taken(lock: Path, pid: int) -> bool:
    try:
        return lock.read_text().strip() == f"pid {pid}"
    except OSError:
        return False


def wait_for(
    predicate: Callable[[], bool],
    process: subprocess.Popen[bytes],
    timeout: float,
    step: float = 0.005,
) -> bool:
    """Poll until ``predicate`` holds (True) or the process exits or time runs out (False)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return True
        if process.poll() is not None:
            return predicate()
        time.sleep(step)
    return False


def run_to_end(args: list[str], env: dict[str, str], log: Path, timeout: float = 900) -> Timing:
    """Run ``newsevents ARGS`` to the end; returns its exit code and when it took the lock."""
    warehouse = Path(args[args.index("--warehouse") + 1])
    lock = warehouse.with_name(warehouse.name + ".lock")
    started = time.monotonic()
    process = start(newsevents_argv(args), env, log)
    locked = None
    if wait_for(lambda: lock_taken(lock, process.pid), process, timeout, step=0.01):
        locked = time.monotonic() - started
    code = process.wait(timeout=timeout)
    return Timing(code, locked, time.monotonic() - started)


@dataclass(frozen=True)
class Timing:
    exit_code: int
    locked: float | None  # seconds from start to taking the warehouse lock
    total: float


def run_check(warehouse: Path, env: dict[str, str]) -> tuple[bool, str]:
    """``newsevents check --warehouse W``: passed, and its output."""
    result = subprocess.run(
        newsevents_argv(["check", "--warehouse", str(warehouse)]),
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    return result.returncode == 0, result.stdout + result.stderr


# --------------------------------------------------------------------------- the child hooks


def _hit(hold: Path | None) -> None:
    """At a kill point: SIGKILL our own process group, or wait there until released."""
    if hold is None:
        os.killpg(os.getpgrp(), signal.SIGKILL)
        time.sleep(60)  # never reached
    (hold / "holding").write_text(str(os.getpid()))
    while not (hold / "release").exists():
        time.sleep(0.02)


def _half_copy(source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
    data = Path(source).read_bytes()
    Path(target).write_bytes(data[: len(data) // 2])


def install_kill_point(point: str, hold: Path | None = None) -> None:
    """Wrap ``flows.warehouse`` functions so the process dies (or holds) at ``point``."""
    import flows.warehouse as warehouse

    def hit() -> None:
        _hit(hold)

    batch = re.fullmatch(r"batch-(\d+)-(committed|uncommitted)", point)
    if batch is not None:
        target, calls = int(batch.group(1)), 0
        name = "load_batch" if batch.group(2) == "committed" else "run_checks"
        original = getattr(warehouse, name)

        def counted(*args: object, **kwargs: object) -> object:
            nonlocal calls
            result = original(*args, **kwargs)
            # run_checks runs inside each batch's transaction (and once at the end)
            calls += 1
            if calls == target:
                hit()
            return result

        setattr(warehouse, name, counted)
        return
    if point == "deriving":
        refresh = warehouse.refresh_derived

        def refresh_derived(con: object, doc_ids: list[str] | None = None) -> None:
            refresh(con, doc_ids)
            if doc_ids is not None:
                hit()

        warehouse.refresh_derived = refresh_derived
    elif point == "finished":
        finish = warehouse.finish_run

        def finish_run(*args: object, **kwargs: object) -> None:
            finish(*args, **kwargs)
            hit()

        warehouse.finish_run = finish_run
    elif point == "published":
        publish = warehouse.WarehouseWriter.publish

        def published(self: object) -> None:
            publish(self)
            hit()

        warehouse.WarehouseWriter.publish = published
    elif point in ("publish-copying", "prepare-copying"):
        marker = ".publish-" if point == "publish-copying" else ".work.copy"
        name = "copy2" if point == "publish-copying" else "copyfile"
        original_copy = getattr(shutil, name)

        def copy(source: str, target: str, *args: object, **kwargs: object) -> object:
            if marker in str(target):
                _half_copy(source, target)
                hit()
            return original_copy(source, target, *args, **kwargs)

        setattr(shutil, name, copy)
    elif point in ("publish-copied", "publish-replaced", "prepare-copied"):
        marker = ".work.copy" if point == "prepare-copied" else ".publish-"
        replace = os.replace

        def os_replace(source: str, target: str, *args: object, **kwargs: object) -> None:
            ours = marker in str(source)
            if ours and point != "publish-replaced":
                hit()
            replace(source, target, *args, **kwargs)
            if ours and point == "publish-replaced":
                hit()

        os.replace = os_replace
    else:
        raise SystemExit(f"unknown kill point {point!r}: one of {', '.join(KILL_POINTS)}")


def child_main(argv: list[str]) -> None:
    """``child --at POINT [--hold DIR] -- NEWSEVENTS ARGS``: the CLI with a kill point."""
    split = argv.index("--")
    parser = argparse.ArgumentParser(prog="kill_trials.py child")
    parser.add_argument("--at", required=True)
    parser.add_argument("--hold", type=Path)
    options = parser.parse_args(argv[:split])
    if os.getpgrp() != os.getpid():  # started by hand: a group of our own, so that the kill
        os.setpgid(0, 0)  # takes the run and its Prefect server, not the shell that started it
    install_kill_point(options.at, options.hold)
    from flows.cli import app

    app(args=argv[split + 1 :], prog_name="newsevents")


# --------------------------------------------------------------------------- what a warehouse holds


@dataclass
class Snapshot:
    """What a warehouse holds, for comparing: rows and keys (as multisets) per table."""

    rows: dict[str, Counter[tuple]]
    keys: dict[str, Counter[tuple]]
    doc_events: dict[str, frozenset[str]]
    doc_mentions: dict[str, frozenset[tuple]]
    pending: int
    running_runs: int

    @property
    def doc_ids(self) -> frozenset[str]:
        return frozenset(key[0] for key in self.keys["documents"])

    def duplicate_keys(self) -> int:
        return sum(count - 1 for keys in self.keys.values() for count in keys.values())


def snapshot(path: Path) -> Snapshot:
    """Read a warehouse read-only (a working file with its WAL too: DuckDB replays it)."""
    import duckdb

    con = duckdb.connect(str(path), read_only=True)
    try:
        rows, keys = {}, {}
        for table, (key, volatile) in TABLES.items():
            exclude = f" EXCLUDE ({', '.join(volatile)})" if volatile else ""
            rows[table] = Counter(con.execute(f"SELECT *{exclude} FROM {table}").fetchall())
            keys[table] = Counter(con.execute(f"SELECT {', '.join(key)} FROM {table}").fetchall())
        doc_events: dict[str, set[str]] = {}
        for doc_id, event_id in con.execute("SELECT doc_id, event_id FROM events").fetchall():
            doc_events.setdefault(doc_id, set()).add(event_id)
        doc_mentions: dict[str, set[tuple]] = {}
        for doc_id, *mention in con.execute(
            "SELECT doc_id, char_start, char_end, actor_id FROM actor_mentions"
        ).fetchall():
            doc_mentions.setdefault(doc_id, set()).add(tuple(mention))
        pending = con.execute("SELECT count(*) FROM pending_derivation").fetchone()[0]
        running = con.execute("SELECT count(*) FROM runs WHERE status = 'running'").fetchone()[0]
    finally:
        con.close()
    return Snapshot(
        rows=rows,
        keys=keys,
        doc_events={doc: frozenset(events) for doc, events in doc_events.items()},
        doc_mentions={doc: frozenset(mentions) for doc, mentions in doc_mentions.items()},
        pending=pending,
        running_runs=running,
    )


def work_snapshot(warehouse: Path, scratch: Path) -> Snapshot | None:
    """What the working file (and its WAL) held at the kill, read from a copy."""
    work = warehouse.with_name(warehouse.name + ".work")
    if not work.exists():
        return None
    shutil.rmtree(scratch, ignore_errors=True)
    scratch.mkdir(parents=True)
    shutil.copyfile(work, scratch / "work.duckdb")
    wal = work.with_name(work.name + ".wal")
    if wal.exists():
        shutil.copyfile(wal, scratch / "work.duckdb.wal")
    try:
        return snapshot(scratch / "work.duckdb")
    except Exception:  # a working file the kill left unreadable is for the re-run to handle
        return None
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


def partial_documents(published: Snapshot, reference: Snapshot) -> list[str]:
    """Documents whose events or actor mentions differ from the reference's."""
    return sorted(
        doc_id
        for doc_id in published.doc_ids
        if published.doc_events.get(doc_id, frozenset())
        != reference.doc_events.get(doc_id, frozenset())
        or published.doc_mentions.get(doc_id, frozenset())
        != reference.doc_mentions.get(doc_id, frozenset())
    )


def row_differences(final: Snapshot, reference: Snapshot) -> dict[str, int]:
    """Per table, rows missing from ``final`` plus rows it has that the reference has not."""
    differences = {}
    for table in TABLES:
        missing = reference.rows[table] - final.rows[table]
        extra = final.rows[table] - reference.rows[table]
        count = sum(missing.values()) + sum(extra.values())
        if count:
            differences[table] = count
    return differences


def inspect_published(
    warehouse: Path,
    before: Snapshot | None,
    reference: Snapshot,
    check: Check,
) -> tuple[str, list[str], int]:
    """After a kill: (state of the published file, problems, partial documents).

    The state is ``none`` (nothing published), ``before`` (the starting state) or ``after``
    (the reference's documents)."""
    if not warehouse.exists():
        if before is not None:
            return "none", ["the published warehouse is gone"], 0
        return "none", [], 0
    problems: list[str] = []
    try:
        published = snapshot(warehouse)
    except Exception as error:
        return "unreadable", [f"does not open read-only: {error}"], 0
    passed, output = check(warehouse)
    if not passed:
        problems.append("newsevents check failed: " + output[-300:])
    if published.pending:
        problems.append(f"{published.pending} documents pending derivation")
    if before is not None and published.doc_ids == before.doc_ids:
        state = "before"
    elif published.doc_ids == reference.doc_ids:
        state = "after"
    else:
        state = "mixed"
        problems.append(f"{len(published.doc_ids)} documents: neither the start nor the end")
    partial = partial_documents(published, reference)
    if partial:
        problems.append(f"{len(partial)} documents with events or mentions not all there")
    if published.duplicate_keys():
        problems.append(f"{published.duplicate_keys()} duplicate keys")
    return state, problems, len(partial)


# --------------------------------------------------------------------------- setup and trials


@dataclass
class Setup:
    """The corpus, the starting states and their references."""

    root: Path
    corpus_a: Path
    corpus_b: Path
    batch_size: int
    base: Path  # directory holding the warehouse one run of part A left
    base_snapshot: Snapshot
    references: dict[str, Snapshot]  # by mode
    timings: dict[str, Timing] = field(default_factory=dict)

    def args(self, mode: str, warehouse: Path) -> list[str]:
        """The run of a mode: part A and B into no warehouse, or part B into A's."""
        sources = [self.corpus_a, self.corpus_b] if mode == "fresh" else [self.corpus_b]
        return run_args(sources, warehouse, self.batch_size)

    def starting_state(self, mode: str, directory: Path) -> Path:
        """A copy of the mode's starting state in ``directory``; returns the warehouse path."""
        warehouse = directory / "warehouse" / WAREHOUSE_NAME
        warehouse.parent.mkdir(parents=True, exist_ok=True)
        base = self.base / "warehouse"
        if mode != "fresh":
            shutil.copy2(base / WAREHOUSE_NAME, warehouse)  # copy2: keep the times
        if mode == "update":
            work = WAREHOUSE_NAME + ".work"
            shutil.copy2(base / work, warehouse.with_name(work))
        return warehouse

    def before(self, mode: str) -> Snapshot | None:
        return None if mode == "fresh" else self.base_snapshot


def run_args(sources: list[Path], warehouse: Path, batch_size: int) -> list[str]:
    """``newsevents run`` arguments."""
    return [
        "run",
        *map(str, sources),
        "--warehouse",
        str(warehouse),
        "--batch-size",
        str(batch_size),
    ]


RunToEnd = Callable[[list[str], Path], int]  # (newsevents args, log) -> exit code
Check = Callable[[Path], tuple[bool, str]]  # warehouse -> (newsevents check passed, output)


def prepare(
    root: Path,
    documents: int,
    batch_size: int,
    seed: int,
    env: dict[str, str],
    run: RunToEnd | None = None,
) -> Setup:
    """Make the corpus, the base warehouse (part A) and the references of every mode.

    ``run`` runs ``newsevents ARGS`` to the end (default: a subprocess, timed)."""
    corpus = root / "corpus"
    part_a = max(1, documents // 5)
    make_corpus(corpus / "a", part_a, seed)
    make_corpus(corpus / "b", documents - part_a, seed + 1)
    setup = Setup(
        root=root,
        corpus_a=corpus / "a",
        corpus_b=corpus / "b",
        batch_size=batch_size,
        base=root / "base",
        base_snapshot=None,  # type: ignore[arg-type]  # set below
        references={},
    )

    def run_once(name: str, args: list[str]) -> None:
        log = root / f"{name}.log"
        if run is None:
            timing = run_to_end(args, env, log)
            setup.timings[name] = timing
            code = timing.exit_code
        else:
            code = run(args, log)
        if code != 0:
            raise RuntimeError(f"the {name} run failed ({code}): see {log}")

    base = setup.starting_state("fresh", setup.base)
    run_once("base", run_args([setup.corpus_a], base, batch_size))
    setup.base_snapshot = snapshot(base)
    for mode in ("fresh", "update"):
        warehouse = setup.starting_state(mode, root / f"reference-{mode}")
        run_once(f"reference-{mode}", setup.args(mode, warehouse))
        setup.references[mode] = snapshot(warehouse)
    setup.references["update-copy"] = setup.references["update"]
    return setup


@dataclass
class TrialResult:
    trial: int
    mode: str
    plan: str  # how the kill was aimed
    phase: str  # where it landed
    published: str  # none, before, after, mixed, unreadable
    partial_documents: int
    rerun_exit: int | None
    documents_lost: int
    duplicate_keys: int
    rows_differing: int
    problems: list[str]
    seconds: float

    @property
    def survived(self) -> bool:
        return not self.problems


def _phase(
    process_ended: bool,
    locked: bool,
    warehouse: Path,
    published_before: tuple[int, int] | None,
    work: Snapshot | None,
    reference: Snapshot,
    before: frozenset[str],
) -> str:
    """Where a kill landed, from what the files show."""
    if process_ended:
        return "after exit"
    if not locked:
        return "startup"
    if _identity(warehouse) != published_before:
        return "after publish"
    if any(warehouse.parent.glob(warehouse.name + ".publish-*")):
        return "publishing"
    if work is None:
        return "preparing"
    committed, total = len(work.doc_ids - before), len(reference.doc_ids - before)
    if committed < total:
        return f"loading ({committed}/{total} docs in)"
    return "deriving" if work.pending else "finishing"


def _identity(path: Path) -> tuple[int, int] | None:
    try:
        stat = path.stat()
    except FileNotFoundError:
        return None
    return stat.st_ino, stat.st_mtime_ns


def stray_files(warehouse: Path) -> list[str]:
    """Files beside the warehouse other than it, its working file and its lock."""
    expected = {warehouse.name + suffix for suffix in ("", ".work", ".lock")}
    return sorted(p.name for p in warehouse.parent.iterdir() if p.name not in expected)


def trial(
    setup: Setup,
    number: int,
    mode: str,
    env: dict[str, str],
    *,
    at: str | None = None,
    delay: float | None = None,
    startup_delay: float | None = None,
    rerun: RunToEnd | None = None,
    check: Check | None = None,
    timeout: float = 600,
) -> TrialResult:
    """One trial: start the run, kill it (at a point, after a delay, or at publish), inspect
    the published warehouse, re-run to the end, and compare with the reference.

    ``at``: a kill point (the run kills itself there); ``delay``: seconds after the lock;
    ``startup_delay``: seconds after the start (before the lock); none of them: as soon as
    the publish temporary file appears. ``rerun`` and ``check`` default to subprocesses."""
    started = time.monotonic()
    if check is None:

        def check(path: Path) -> tuple[bool, str]:
            return run_check(path, env)

    directory = setup.root / f"trial-{number:03d}"
    shutil.rmtree(directory, ignore_errors=True)
    warehouse = setup.starting_state(mode, directory)
    lock = warehouse.with_name(warehouse.name + ".lock")
    reference, before = setup.references[mode], setup.before(mode)
    published_before = _identity(warehouse)
    args = setup.args(mode, warehouse)
    log = directory / "run.log"
    process = start(newsevents_argv(args, at=at), env, log)
    problems: list[str] = []
    if at is not None:
        plan = at
        process.wait(timeout=timeout)
        ended, locked = False, True
        if process.returncode != -signal.SIGKILL:
            problems.append(f"the run was to die at {at} but exited {process.returncode}")
            ended = True
        alive = kill_group(process)  # the run killed its group; check that nothing is left
        if alive:
            problems.append(f"processes still alive after SIGKILL: {alive}")
    else:
        if startup_delay is not None:
            plan = f"start+{startup_delay:.2f}s"
            wait_for(lambda: False, process, startup_delay)
            locked = lock_taken(lock, process.pid)
        else:
            locked = wait_for(lambda: lock_taken(lock, process.pid), process, timeout)
            if delay is not None:
                plan = f"lock+{delay:.2f}s"
                wait_for(lambda: False, process, delay)
            else:
                plan = "at publish"
                wait_for(
                    lambda: (
                        _identity(warehouse) != published_before
                        or any(directory.glob(warehouse.name + ".publish-*"))
                    ),
                    process,
                    timeout,
                    step=0.0005,
                )
        ended = process.poll() is not None
        alive = kill_group(process)
        if alive:
            problems.append(f"processes still alive after SIGKILL: {alive}")
    work = work_snapshot(warehouse, directory / "scratch")
    known = before.doc_ids if before is not None else frozenset()
    phase = _phase(ended, locked, warehouse, published_before, work, reference, known)
    state, found, partial = inspect_published(warehouse, before, reference, check)
    problems += found
    rerun_log = directory / "rerun.log"
    if rerun is None:
        code = run_to_end(args, env, rerun_log, timeout).exit_code
    else:
        code = rerun(args, rerun_log)
    lost = duplicates = differing = 0
    if code != 0:
        problems.append(f"the re-run exited {code}: see {rerun_log}")
    else:
        final = snapshot(warehouse)
        lost = len(reference.doc_ids - final.doc_ids)
        duplicates = final.duplicate_keys()
        differences = row_differences(final, reference)
        differing = sum(differences.values())
        if lost:
            problems.append(f"{lost} documents lost")
        if duplicates:
            problems.append(f"{duplicates} duplicate keys")
        if differences:
            problems.append(f"rows differ from the reference: {differences}")
        if final.pending:
            problems.append(f"{final.pending} documents left pending derivation")
        if final.running_runs:
            problems.append(f"{final.running_runs} runs left 'running'")
        passed, output = check(warehouse)
        if not passed:
            problems.append("newsevents check failed after the re-run: " + output[-300:])
        strays = stray_files(warehouse)
        if strays:
            problems.append(f"stray files left: {', '.join(strays)}")
    return TrialResult(
        trial=number,
        mode=mode,
        plan=plan,
        phase=phase,
        published=state,
        partial_documents=partial,
        rerun_exit=code,
        documents_lost=lost,
        duplicate_keys=duplicates,
        rows_differing=differing,
        problems=problems,
        seconds=time.monotonic() - started,
    )


def random_plans(count: int, seed: int, setup: Setup) -> Iterator[tuple[str, dict[str, float]]]:
    """(mode, kill arguments) for the random trials, from a seeded RNG."""
    rng = random.Random(seed)
    for index in range(count):
        mode = MODES[index % len(MODES)]
        timing = setup.timings[f"reference-{'fresh' if mode == 'fresh' else 'update'}"]
        locked = timing.locked or 0.0
        writing = timing.total - locked
        if index % 10 == 9:
            yield mode, {"startup_delay": rng.uniform(0.2, 0.9) * locked}
        elif index % 5 == 4:
            yield mode, {}
        else:
            yield mode, {"delay": rng.uniform(0.0, 1.1) * writing}


# --------------------------------------------------------------------------- report


HEADER = (
    f"{'#':>3}  {'mode':<11} {'kill':<19} {'landed':<30} {'published':<9} "
    f"{'partial':>7} {'rerun':>5} {'lost':>4} {'dups':>4} {'diff':>4}  result"
)


def format_row(r: TrialResult) -> str:
    verdict = "ok" if r.survived else "FAIL: " + "; ".join(r.problems)
    return (
        f"{r.trial:>3}  {r.mode:<11} {r.plan:<19} {r.phase:<30} {r.published:<9} "
        f"{r.partial_documents:>7} {r.rerun_exit!s:>5} {r.documents_lost:>4} "
        f"{r.duplicate_keys:>4} {r.rows_differing:>4}  {verdict}"
    )


def print_table(results: list[TrialResult]) -> None:
    print(HEADER)
    print("-" * len(HEADER))
    for result in results:
        print(format_row(result))


def summarize(results: list[TrialResult]) -> dict[str, int]:
    return {
        "trials": len(results),
        "survived": sum(r.survived for r in results),
        "documents_lost": sum(r.documents_lost for r in results),
        "duplicate_keys": sum(r.duplicate_keys for r in results),
        "partial_documents_published": sum(r.partial_documents for r in results),
        "rows_differing": sum(r.rows_differing for r in results),
    }


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "child":
        child_main(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--trials", type=int, default=20, help="random trials (default 20)")
    parser.add_argument("--documents", type=int, default=300, help="corpus size (default 300)")
    parser.add_argument("--batch-size", type=int, default=20, help="documents per batch")
    parser.add_argument("--seed", type=int, default=7, help="RNG seed (corpus and kill times)")
    parser.add_argument("--no-exact", action="store_true", help="skip the exact kill points")
    parser.add_argument("--keep", type=Path, help="work in this directory and keep it")
    options = parser.parse_args()

    root = options.keep or Path(tempfile.mkdtemp(prefix="kill-trials-"))
    root.mkdir(parents=True, exist_ok=True)
    env = child_env(prefect_home=root / "prefect-home")
    began = time.monotonic()
    print(f"setup in {root}: corpus of {options.documents} articles, references...", flush=True)
    setup = prepare(root, options.documents, options.batch_size, options.seed, env)
    for name, timing in setup.timings.items():
        print(f"  {name}: lock at {timing.locked:.1f} s, exit at {timing.total:.1f} s", flush=True)
    same = setup.references["fresh"].rows == setup.references["update"].rows
    print(f"  fresh and update references hold the same rows: {same}", flush=True)

    results: list[TrialResult] = []
    print(HEADER, flush=True)
    number = 0
    for mode, kill in random_plans(options.trials, options.seed, setup):
        number += 1
        results.append(trial(setup, number, mode, env, **kill))
        print(format_row(results[-1]), flush=True)
    exact: list[TrialResult] = []
    if not options.no_exact:
        for mode, point in EXACT_TRIALS:
            number += 1
            exact.append(trial(setup, number, mode, env, at=point))
            print(format_row(exact[-1]), flush=True)

    print("\nrandom trials:")
    print_table(results)
    if exact:
        print("\nexact kill points:")
        print_table(exact)
    summary = {"random": summarize(results), "exact": summarize(exact)}
    print()
    for name, figures in summary.items():
        if figures["trials"]:
            print(name + ": " + ", ".join(f"{key} {value}" for key, value in figures.items()))
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
    out = RESULTS / f"kill_trials-{stamp}.json"
    out.write_text(
        json.dumps(
            {
                "command": " ".join(["bench/kill_trials.py", *sys.argv[1:]]),
                "documents": options.documents,
                "batch_size": options.batch_size,
                "seed": options.seed,
                "seconds": round(time.monotonic() - began, 1),
                "timings": {name: asdict(t) for name, t in setup.timings.items()},
                "summary": summary,
                "random": [asdict(r) | {"survived": r.survived} for r in results],
                "exact": [asdict(r) | {"survived": r.survived} for r in exact],
            },
            indent=1,
        )
    )
    print(f"results: {out}")
    if options.keep is None:
        shutil.rmtree(root, ignore_errors=True)
    if any(not r.survived for r in results + exact):
        raise SystemExit(1)


if __name__ == "__main__":
    main()
