"""Reading WARC archives streams: peak memory does not grow with the archive.

    .venv/bin/python bench/warc_memory.py [--records 2000 20000]

Writes a WARC.gz of N HTML responses (each ~6 KB, with request records between them) for
each N, then reads every archive through ``iter_documents`` in a fresh process and reports
its peak RSS next to the archive's size. The target: the same peak for every size.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from datetime import UTC, datetime
from io import BytesIO
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
PARAGRAPH = "<p>Officials said talks between the two sides would resume next week. </p>" * 80


def write_archive(path: Path, records: int) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as out:
        writer = WARCWriter(out, gzip=True)
        for n in range(records):
            body = f"<html><body><article><h1>Report {n}</h1>{PARAGRAPH}</article></body></html>"
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html")], "HTTP/1.1")
            writer.write_record(
                writer.create_warc_record(
                    f"https://news.example/{n}",
                    "response",
                    payload=BytesIO(body.encode()),
                    http_headers=headers,
                )
            )


READER = """
import resource, sys
from flows.sources import discover_inputs, iter_documents
files = discover_inputs([sys.argv[1]])[0]
count = sum(1 for row in iter_documents(files, 1 << 30, 4 << 20))
print(count, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024)
"""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, nargs="+", default=[2000, 20000])
    args = parser.parse_args()
    work = REPO / "bench" / "results" / "warc"
    work.mkdir(parents=True, exist_ok=True)
    rows = []
    for records in args.records:
        path = work / f"archive-{records}.warc.gz"
        if not path.exists():
            write_archive(path, records)
        done = subprocess.run(
            [sys.executable, "-c", READER, str(path)], capture_output=True, text=True, check=True
        )
        read, peak = (int(value) for value in done.stdout.split())
        rows.append(
            {
                "records": records,
                "archive_mb": round(path.stat().st_size / 1e6, 1),
                "uncompressed_mb": round(records * 6.1 / 1000, 1),
                "documents_read": read,
                "peak_rss_mb": peak,
            }
        )
    print(f"{'records':>8} {'archive MB':>11} {'documents':>10} {'peak RSS MB':>12}")
    for row in rows:
        print(
            f"{row['records']:>8} {row['archive_mb']:>11} {row['documents_read']:>10} "
            f"{row['peak_rss_mb']:>12}"
        )
    result = {"measured_at": datetime.now(UTC).isoformat(timespec="seconds"), "runs": rows}
    (REPO / "bench" / "results" / "warc_memory.json").write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    main()
