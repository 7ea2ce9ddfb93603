"""newsevents serve, for real: it starts its own Prefect server, runs a schedule every few
seconds against a loopback feed that grows between runs, and leaves no process behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from flows.serve import ServeError, load_config

from .loopback import Site

NEWSEVENTS = Path(sys.executable).with_name("newsevents")


def _completed_runs(warehouse: Path) -> list[tuple[int, int]]:
    if not warehouse.exists():
        return []
    try:
        con = duckdb.connect(str(warehouse), read_only=True)
    except duckdb.Error:
        return []
    try:
        return con.execute(
            "SELECT docs_new, docs_rejected FROM runs WHERE status = 'completed'"
            " ORDER BY started_at"
        ).fetchall()
    finally:
        con.close()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    status = Path(f"/proc/{pid}/stat")
    return not (status.exists() and status.read_text().split()[2] == "Z")


def test_serve_picks_up_new_feed_items_and_stops_cleanly(tmp_path):
    site = Site()
    warehouse = tmp_path / "events.duckdb"
    env = {key: value for key, value in os.environ.items() if not key.startswith("PREFECT_API")}
    env |= {
        "PREFECT_HOME": str(tmp_path / "prefect"),
        "NEWSEVENTS_ALLOW_PRIVATE_URLS": "1",
        "NEWSEVENTS_FETCH_DELAY": "0",
    }
    command = [str(NEWSEVENTS), "serve", f"{site.base}/feed.xml", f"{site.base}/fail",
               "--interval", "5", "--warehouse", str(warehouse)]  # fmt: skip
    serving = subprocess.Popen(
        command, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        start_new_session=True,
    )  # fmt: skip
    try:
        deadline = time.monotonic() + 150
        while not _completed_runs(warehouse) and time.monotonic() < deadline:
            assert serving.poll() is None, serving.stdout.read()
            time.sleep(1)
        assert _completed_runs(warehouse), "no run completed"
        site.feed.append("/a3.html")  # new between runs
        while len(_completed_runs(warehouse)) < 3 and time.monotonic() < deadline:
            time.sleep(1)
        runs = _completed_runs(warehouse)
    finally:
        os.killpg(serving.pid, signal.SIGTERM)
        output, _ = serving.communicate(timeout=60)
        site.close()
    assert len(runs) >= 3, output
    assert sum(new for new, _rejected in runs) == 3  # a1, a2, then a3: each stored once
    assert runs[0][0] == 2 and all(rejected >= 1 for _new, rejected in runs)  # /fail, robots
    assert serving.returncode == 0, output
    assert "no process left behind" in output
    server_pid = int(output.split("(pid ")[1].split(")")[0])
    assert not _alive(server_pid)
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        assert con.execute("SELECT count(*), count(DISTINCT url) FROM documents").fetchone() == (
            3,
            3,
        )
    finally:
        con.close()


def test_sources_files_are_checked_before_anything_starts(tmp_path):
    good = tmp_path / "sources.toml"
    good.write_text(
        'warehouse = "w/events.duckdb"\n'
        '[[schedule]]\nname = "feeds"\nsources = ["https://example.org/rss"]\ninterval = 600\n'
        '[[schedule]]\nname = "nightly"\nsources = ["/data/in"]\ncron = "0 3 * * *"\n'
    )
    schedules, warehouse = load_config(good)
    assert [(s.name, s.interval, s.cron) for s in schedules] == [
        ("feeds", 600, None),
        ("nightly", None, "0 3 * * *"),
    ]
    assert warehouse == (tmp_path / "w" / "events.duckdb").resolve()
    bad = tmp_path / "bad.toml"
    for text, message in [
        ('[[schedule]]\nsources = ["x"]\ncron = "every day"\n', "not a cron expression"),
        ('[[schedule]]\nsources = ["x"]\ninterval = 5\ncron = "* * * * *"\n', "not both"),
        ('[[schedule]]\nname = "a"\n', "sources must be a list"),
        ("warehouse = 1\n", "no \\[\\[schedule\\]\\]"),
        ("[[schedule\n", "cannot read"),
    ]:
        bad.write_text(text)
        with pytest.raises(ServeError, match=message):
            load_config(bad)
