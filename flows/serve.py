"""``newsevents serve``: scheduled runs on one machine, with the fewest commands.

Prefect schedules only through a server. When ``PREFECT_API_URL`` is set, serve uses that
server; otherwise it starts a local one (``prefect server start``, its database under
``PREFECT_HOME``), waits until it answers, and stops it on the way out: on Ctrl-C, on
SIGTERM, and, through the kernel's parent-death signal, even when serve itself is killed.
Each schedule becomes a deployment of the ``newsevents-run`` flow; Prefect's runner starts
its runs, at most one at a time (the warehouse lock stops any other writer too).

A sources file (TOML) names the schedules::

    warehouse = "warehouse/events.duckdb"   # optional

    [[schedule]]
    name = "world-feeds"
    sources = ["https://example.org/world/rss.xml", "https://example.org/sitemap.xml"]
    interval = 900                          # seconds; or cron = "*/15 * * * *"

    [[schedule]]
    name = "archives"
    sources = ["/data/incoming"]
    cron = "0 3 * * *"
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import socket
import subprocess
import sys
import time
import tomllib
import urllib.request
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

SERVER_START_SECONDS = 90.0


class ServeError(ValueError):
    """A schedule or sources file that cannot be served as written."""


@dataclass(frozen=True)
class Schedule:
    name: str
    sources: list[str]
    interval: int | None = None
    cron: str | None = None


def parse_schedule(
    name: str, sources: list[str], interval: int | None, cron: str | None
) -> Schedule:
    if not sources:
        raise ServeError(f"schedule {name!r} names no sources")
    if interval is not None and cron is not None:
        raise ServeError(f"schedule {name!r}: give either interval or cron, not both")
    if interval is None and cron is None:
        interval = 3600
    if interval is not None and (not isinstance(interval, int) or interval < 1):
        raise ServeError(f"schedule {name!r}: interval must be a positive number of seconds")
    if cron is not None:
        from prefect.client.schemas.schedules import CronSchedule

        try:
            CronSchedule(cron=cron)
        except ValueError:
            raise ServeError(f"schedule {name!r}: {cron!r} is not a cron expression") from None
    return Schedule(name=name, sources=[str(s) for s in sources], interval=interval, cron=cron)


def load_config(path: Path) -> tuple[list[Schedule], Path | None]:
    """The schedules of a sources file, and the warehouse it names (if any)."""
    try:
        config = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as error:
        raise ServeError(f"cannot read {path}: {error}") from None
    entries = config.get("schedule")
    if not isinstance(entries, list) or not entries:
        raise ServeError(f"{path} has no [[schedule]] entries")
    schedules = []
    for index, entry in enumerate(entries, start=1):
        name = str(entry.get("name") or f"schedule-{index}")
        sources = entry.get("sources")
        if not isinstance(sources, list):
            raise ServeError(f"schedule {name!r}: sources must be a list")
        schedules.append(parse_schedule(name, sources, entry.get("interval"), entry.get("cron")))
    if len({s.name for s in schedules}) != len(schedules):
        raise ServeError(f"{path}: schedule names must differ")
    warehouse = config.get("warehouse")
    base = path.parent
    return schedules, (base / warehouse).resolve() if warehouse else None


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _die_with_parent() -> None:  # runs in the child between fork and exec (Linux)
    with contextlib.suppress(OSError, AttributeError):
        libc = ctypes.CDLL("libc.so.6", use_errno=True)
        libc.prctl(1, signal.SIGTERM)  # PR_SET_PDEATHSIG


def _healthy(api_url: str) -> bool:
    try:
        with urllib.request.urlopen(f"{api_url}/health", timeout=2) as response:
            return response.status == 200
    except OSError:
        return False


@contextlib.contextmanager
def prefect_server(home: Path, log) -> Iterator[tuple[str, int | None]]:
    """(API URL, server pid): ``PREFECT_API_URL`` when set, else a local server started here
    and stopped (its whole process group) when the block ends."""
    given = os.environ.get("PREFECT_API_URL")
    if given:
        yield given, None
        return
    home.mkdir(parents=True, exist_ok=True)
    port = _free_port()
    api_url = f"http://127.0.0.1:{port}/api"
    env = {**os.environ, "PREFECT_HOME": str(home), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    prefect = Path(sys.executable).with_name("prefect")
    server_log = open(home / "server.log", "ab")  # noqa: SIM115 - closed in finally
    process = subprocess.Popen(
        [str(prefect), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
        env=env,
        stdout=server_log,
        stderr=subprocess.STDOUT,
        start_new_session=True,
        preexec_fn=_die_with_parent,
    )
    try:
        deadline = time.monotonic() + SERVER_START_SECONDS
        while not _healthy(api_url):
            if process.poll() is not None:
                raise ServeError(f"the Prefect server exited at start; see {home}/server.log")
            if time.monotonic() > deadline:
                raise ServeError(f"the Prefect server did not answer in {SERVER_START_SECONDS} s")
            time.sleep(0.5)
        log(f"Prefect server {api_url} (pid {process.pid}); its UI: http://127.0.0.1:{port}")
        yield api_url, process.pid
    finally:
        _stop(process)
        server_log.close()


def _stop(process: subprocess.Popen) -> None:
    """Stop the server and everything it started; SIGKILL what ignores SIGTERM."""
    if process.poll() is not None:
        return
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGTERM)
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=10)


def _interrupt(_signum: int, _frame: object) -> None:
    raise KeyboardInterrupt


def serve(schedules: list[Schedule], warehouse: Path, home: Path, log=print) -> None:
    """Serve the schedules until interrupted (Ctrl-C or SIGTERM)."""
    signal.signal(signal.SIGTERM, _interrupt)
    with prefect_server(home, log) as (api_url, _pid):
        os.environ["PREFECT_API_URL"] = api_url  # the runner's flow-run processes inherit it
        from prefect import serve as prefect_serve

        from flows.pipeline import run_pipeline

        deployments = [
            run_pipeline.to_deployment(
                name=schedule.name,
                interval=schedule.interval,
                cron=schedule.cron,
                parameters={"sources": schedule.sources, "warehouse_path": str(warehouse)},
                description=f"newsevents run of {', '.join(schedule.sources)}",
            )
            for schedule in schedules
        ]
        for schedule in schedules:
            when = f"every {schedule.interval} s" if schedule.interval else f"cron {schedule.cron}"
            log(f"serving {schedule.name!r} {when}: {' '.join(schedule.sources)}")
        with contextlib.suppress(KeyboardInterrupt):
            prefect_serve(*deployments, limit=1, print_starting_message=False)
    log("stopped; no process left behind")
