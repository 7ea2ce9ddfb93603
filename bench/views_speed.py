"""Every view against a synthetic warehouse of one million events, next to a floor.

    .venv/bin/python bench/views_speed.py [--events 1000000] [--repeat 3] [--keep PATH]

The warehouse is made with SQL inside DuckDB (deterministic, ``setseed``): the real
schema, views and seeds (event codes, seeded actors, 5,000 gazetteer places), 250,000
documents from 30 publishers over five years, four events per document with one source
and one target each (2% also a claimant), about 30% of the events being other reports of
an earlier event (same code, place, source and date: what ``event_clusters`` has to find),
8% negated,
hypothetical or historical. The derived tables the loader keeps (``sql/derive/``) are
then rebuilt in full, and once more for a batch of 1,000 documents, both timed.

Each view is answered in full (``CREATE TEMP TABLE AS SELECT * FROM view``: every row and
column computed), best of ``--repeat``; the floor is one full scan of the events table
(``SELECT * FROM events`` into a temp table) in the same run.
"""

from __future__ import annotations

import argparse
import json
import time
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from flows import warehouse
from flows.lexicon import load_lexicon
from flows.settings import load_settings

REPO = Path(__file__).resolve().parent.parent
PUBLISHERS = [f"Publisher {n:02d}" for n in range(30)]


def build(con: duckdb.DuckDBPyConnection, events: int) -> None:
    settings = load_settings()
    lexicon = load_lexicon(settings.seeds_dir)
    warehouse.migrate(con, settings.schema_dir)
    warehouse.apply_views(con, settings.views_dir)
    warehouse.replace_reference(con, lexicon.reference_tables())
    places = lexicon.places.filter(lexicon.places["latitude"].is_not_null()).head(5000)
    con.register("_places", places.select(list(warehouse_columns(con, "places"))))
    con.execute("INSERT OR IGNORE INTO places SELECT * FROM _places").fetchall()
    con.unregister("_places")
    documents = events // 4
    statements = [
        "SELECT setseed(0.42)",
        # generic actors: country x sector, as the coder makes them
        """INSERT OR IGNORE INTO actors
           SELECT c.country_code || '.' || s.sector, c.name || ' ' || s.sector, 'generic',
                  c.country_code, s.sector, false
           FROM (SELECT DISTINCT country_code, any_value(name) AS name FROM places
                 WHERE place_type = 'country' GROUP BY 1) c, sectors s""",
        "CREATE TEMP TABLE _actor_ids AS SELECT row_number() OVER (ORDER BY actor_id) AS n,"
        " actor_id FROM actors",
        "CREATE TEMP TABLE _place_ids AS SELECT row_number() OVER (ORDER BY place_id) AS n,"
        " place_id FROM places",
        "CREATE TEMP TABLE _codes AS SELECT row_number() OVER (ORDER BY event_code) AS n,"
        " event_code FROM event_codes",
        f"""INSERT INTO documents
            SELECT md5('doc' || i), NULL, 'synthetic://' || i, NULL, 'Report ' || i,
                   'Publisher ' || lpad(CAST(i % 30 AS VARCHAR), 2, '0'), NULL,
                   TIMESTAMP '2020-01-01' + INTERVAL (i % 1800) DAY + INTERVAL (i % 24) HOUR,
                   'en',
                   'Report ' || i || ': gunmen attacked a convoy near the town on Monday, '
                   || 'killing several people, officials said. Protesters marched later.',
                   'text', 'synthetic', now(), 'synthetic'
            FROM range({documents}) t(i)""",
        f"""CREATE TEMP TABLE _events AS
            SELECT i, i // 4 AS d, random() AS r_copy, random() AS r_code, random() AS r_place,
                   random() AS r_src, random() AS r_tgt, random() AS r_flag,
                   random() AS r_dead, random() AS r_conf
            FROM range({events}) t(i)""",
        """CREATE TEMP TABLE _originals AS
            SELECT e.i, e.d,
                   (SELECT event_code FROM _codes c
                    WHERE c.n = 1 + CAST(e.r_code * (SELECT count(*) FROM _codes) AS BIGINT)
                    % (SELECT count(*) FROM _codes)) AS event_code,
                   1 + CAST(e.r_place * 5000 AS BIGINT) % (SELECT count(*) FROM _place_ids)
                       AS place_n,
                   1 + CAST(e.r_src * 2000 AS BIGINT) % (SELECT count(*) FROM _actor_ids)
                       AS src_n,
                   1 + CAST(e.r_tgt * 2000 AS BIGINT) % (SELECT count(*) FROM _actor_ids)
                       AS tgt_n,
                   e.r_flag, e.r_dead, e.r_conf, e.r_copy
            FROM _events e""",
        # about 30% of events are reports of an event told by a document some days before
        """CREATE TEMP TABLE _shaped AS
            SELECT o.i, o.d,
                   CASE WHEN o.r_copy < 0.3 AND o.i >= 4000 THEN p.event_code
                        ELSE o.event_code END AS event_code,
                   CASE WHEN o.r_copy < 0.3 AND o.i >= 4000 THEN p.place_n
                        ELSE o.place_n END AS place_n,
                   CASE WHEN o.r_copy < 0.3 AND o.i >= 4000 THEN p.src_n
                        ELSE o.src_n END AS src_n,
                   o.tgt_n, o.r_flag, o.r_dead, o.r_conf,
                   CASE WHEN o.r_copy < 0.3 AND o.i >= 4000 THEN o.i - 120 ELSE o.i END AS date_of
            FROM _originals o LEFT JOIN _originals p ON p.i = o.i - 120""",
        """INSERT INTO events
            SELECT md5('ev' || s.i), md5('doc' || s.d), 0, 0, 50,
                   substring(d.text, 1, 50), s.event_code, 'attacked',
                   CAST(TIMESTAMP '2020-01-01' + INTERVAL ((s.date_of // 4) % 1800) DAY AS DATE)
                       - 1,
                   'day', s.r_flag BETWEEN 0.05 AND 0.08, s.r_flag < 0.03,
                   CASE WHEN s.r_flag BETWEEN 0.03 AND 0.05 THEN 'hypothetical'
                        ELSE 'asserted' END,
                   CASE WHEN s.r_dead < 0.2 THEN CAST(s.r_dead * 50 AS INTEGER) END,
                   NULL, pl.place_id, round(0.4 + s.r_conf * 0.6, 2), 'synthetic', 'text',
                   'sentence', NULL, NULL, NULL
            FROM _shaped s
            JOIN documents d ON d.doc_id = md5('doc' || s.d)
            JOIN _place_ids pl ON pl.n = s.place_n""",
        """INSERT INTO event_actors
            SELECT md5('ev' || s.i), a.actor_id, 'source' FROM _shaped s
            JOIN _actor_ids a ON a.n = s.src_n
            UNION
            SELECT md5('ev' || s.i), a.actor_id, 'target' FROM _shaped s
            JOIN _actor_ids a ON a.n = s.tgt_n
            UNION  -- 2% of the events are claimed (by their source)
            SELECT md5('ev' || s.i), a.actor_id, 'claimant' FROM _shaped s
            JOIN _actor_ids a ON a.n = s.src_n WHERE s.r_flag BETWEEN 0.5 AND 0.52""",
        "CHECKPOINT",
    ]
    for statement in statements:
        con.execute(statement).fetchall()
    for name in ("_events", "_originals", "_shaped"):
        con.execute(f"DROP TABLE {name}").fetchall()


def warehouse_columns(con: duckdb.DuckDBPyConnection, table: str) -> list[str]:
    return [row[0] for row in con.execute(f"DESCRIBE {table}").fetchall()]


def timed(con: duckdb.DuckDBPyConnection, sql: str, repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        con.execute(f"CREATE OR REPLACE TEMP TABLE _answer AS {sql}").fetchall()
        best = min(best, time.perf_counter() - start)
    return best


def _derive_seconds(con: duckdb.DuckDBPyConnection, doc_ids: list[str] | None) -> float:
    """What the loader adds per batch (``doc_ids``) or a full rebuild (None) costs."""
    start = time.perf_counter()
    with warehouse.transaction(con):
        warehouse.refresh_derived(con, doc_ids)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", type=Path, help="keep the warehouse file here")
    args = parser.parse_args()
    path = args.keep or REPO / "bench/results/views_speed.duckdb"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    con = duckdb.connect(str(path))
    start = time.perf_counter()
    build(con, args.events)
    built = time.perf_counter() - start
    derive_full = _derive_seconds(con, None)
    sample = [
        row[0]
        for row in con.execute(
            "SELECT doc_id FROM documents USING SAMPLE 1000 ROWS (reservoir, 7)"
        ).fetchall()
    ]
    derive_batch = _derive_seconds(con, sample)
    counts = {
        table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
        for table in ("documents", "events", "event_actors", "actors", "places")
    }
    floor = timed(con, "SELECT * FROM events", args.repeat)
    views = sorted(p.stem for p in load_settings().views_dir.glob("*.sql"))
    rows = []
    for view in views:
        seconds = timed(con, f"SELECT * FROM {view}", args.repeat)
        answered = con.execute("SELECT count(*) FROM _answer").fetchone()[0]
        rows.append(
            {
                "view": view,
                "rows": answered,
                "seconds": round(seconds, 3),
                "vs_floor": round(seconds / floor, 2),
            }
        )
    con.close()
    print(f"warehouse: {counts} (built in {built:.0f} s, {path})")
    print(f"floor (full scan of events): {floor:.3f} s")
    print(
        f"derived tables: full rebuild {derive_full:.2f} s, "
        f"one batch of 1,000 documents {derive_batch:.2f} s"
    )
    print(f"{'view':34} {'rows':>10} {'seconds':>8} {'x floor':>8}  target <= 1 s")
    for row in rows:
        verdict = "ok" if row["seconds"] <= 1.0 else "SLOW"
        print(
            f"{row['view']:34} {row['rows']:>10,} {row['seconds']:>8.3f} "
            f"{row['vs_floor']:>8.2f}  {verdict}"
        )
    result = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "counts": counts,
        "floor_seconds": round(floor, 3),
        "derive_full_seconds": round(derive_full, 2),
        "derive_batch_1000_seconds": round(derive_batch, 2),
        "views": rows,
    }
    out = REPO / "bench/results/views_speed.json"
    out.write_text(json.dumps(result, indent=1))
    print(f"written {out}")


if __name__ == "__main__":
    main()
