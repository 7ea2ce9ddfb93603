"""The HTML path: ``newsevents run`` over real news pages, next to trafilatura alone on the
same pages, in the same run.

    .venv/bin/python bench/html_speed.py [--copies 10] [--pages ../shared/data/html_benchmark/html]

The 181 pages of the HTML benchmark are written ``--copies`` times (as plain ``.html``
files) so a run lasts long enough to measure. Then:

1. trafilatura alone: ``trafilatura.bare_extraction`` with the pipeline's options on every
   page, in this process (one core);
2. ``newsevents run --workers 1`` and ``--workers 2`` over the pages, each in its own
   process, into fresh warehouses. A run's fixed cost (Prefect, dictionaries, publishing;
   measured by a run over one page) is subtracted, so the figures compare work per page.

Targets: one worker >= 0.85 of trafilatura alone; two workers >= 1.6 x trafilatura alone.
"""

from __future__ import annotations

import argparse
import gzip
import shutil
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

import trafilatura
from measures import report

from flows.extract import EXTRACT_OPTIONS

REPO = Path(__file__).resolve().parent.parent
NEWSEVENTS = REPO / ".venv" / "bin" / "newsevents"


def write_pages(source: Path, out: Path, copies: int) -> list[str]:
    shutil.rmtree(out, ignore_errors=True)
    out.mkdir(parents=True)
    pages = [
        gzip.decompress(p.read_bytes()).decode("utf-8", "replace")
        for p in sorted(source.glob("*.html.gz"))
    ]
    for copy in range(copies):
        for index, page in enumerate(pages):
            (out / f"{copy:03d}-{index:04d}.html").write_text(page, encoding="utf-8")
    return pages


def trafilatura_alone(pages: list[str], copies: int) -> float:
    """Pages per second for trafilatura alone, one core."""
    start = time.perf_counter()
    for _ in range(copies):
        for page in pages:
            trafilatura.bare_extraction(page, **EXTRACT_OPTIONS)
    return len(pages) * copies / (time.perf_counter() - start)


def run_seconds(inputs: Path, warehouse: Path, workers: int) -> float:
    for stale in warehouse.parent.glob(warehouse.name + "*"):
        stale.unlink()
    command = [
        str(NEWSEVENTS),
        "run",
        str(inputs),
        "--warehouse",
        str(warehouse),
        "--workers",
        str(workers),
    ]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        sys.exit(f"newsevents run failed:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}")
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--copies", type=int, default=10)
    parser.add_argument(
        "--pages", type=Path, default=REPO.parent / "shared/data/html_benchmark/html"
    )
    parser.add_argument("--workdir", type=Path, default=REPO / "bench/results/html")
    args = parser.parse_args()
    work = args.workdir
    pages = write_pages(args.pages, work / "pages", args.copies)
    one = work / "one"
    shutil.rmtree(one, ignore_errors=True)
    one.mkdir()
    shutil.copy(next((work / "pages").glob("*.html")), one / "page.html")
    total = len(pages) * args.copies

    alone = trafilatura_alone(pages, args.copies)
    fixed = min(run_seconds(one, work / "one.duckdb", 1) for _ in range(2))
    runs = {n: run_seconds(work / "pages", work / f"w{n}.duckdb", n) for n in (1, 2)}
    rate = {n: total / max(seconds - fixed, 1e-9) for n, seconds in runs.items()}
    result = {
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "pages": total,
        "trafilatura_alone_pages_per_second": round(alone, 1),
        "fixed_cost_of_a_run_seconds": round(fixed, 2),
        "one_worker_seconds": round(runs[1], 2),
        "one_worker_pages_per_second": round(rate[1], 1),
        "one_worker_vs_trafilatura": round(rate[1] / alone, 3),
        "two_workers_seconds": round(runs[2], 2),
        "two_workers_pages_per_second": round(rate[2], 1),
        "two_workers_vs_trafilatura": round(rate[2] / alone, 3),
    }
    targets = {"one_worker_vs_trafilatura": ">= 0.85", "two_workers_vs_trafilatura": ">= 1.6"}
    report("html_speed", result, targets)


if __name__ == "__main__":
    main()
