"""The report's data shaping, filters, empty pages and argument errors (no browser, no Prefect).

A small warehouse is migrated and filled with hand-written rows in a real DuckDB file.
"""

from __future__ import annotations

import re
from datetime import date, datetime

import duckdb
import polars as pl
import pytest
from polars.testing import assert_frame_equal
from typer.testing import CliRunner

from flows import warehouse
from flows.cli import app
from flows.report import (
    ReportError,
    ReportFilters,
    build_report,
    dyad_network,
    parse_country,
    parse_since,
    read_daily_counts,
    read_fatalities,
    read_places,
    read_top_actors,
    read_top_dyads,
    weekly_counts,
)
from flows.settings import load_settings

SETTINGS = load_settings()
GENERATED = datetime(2024, 2, 1, 12, 0, 0)

# event_id, date, code, place, fatalities, source, target, is_negated, modality, is_historical
EVENTS = [
    ("e1", "2024-01-01", "ATK", "krm", 10, "ISIS_K", "IRN", False, "asserted", False),
    ("e2", "2024-01-07", "ATK", "krm", 5, "ISIS_K", "IRN", False, "asserted", False),
    ("e3", "2024-01-08", "TALK", "nbo", None, "KEN.GOV", "IRN", False, "asserted", False),
    ("e4", "2024-01-09", "TALK", "nbo", None, "KEN.GOV", "IRN", True, "asserted", False),
    ("e5", "2024-01-09", "ATK", "nbo", 3, "KEN.GOV", "IRN", False, "hypothetical", False),
    ("e6", "2023-12-20", "ATK", "krm", 7, "ISIS_K", "IRN", False, "asserted", True),
]


def _empty_warehouse(path):
    con = duckdb.connect(str(path))
    warehouse.migrate(con, SETTINGS.schema_dir)
    warehouse.apply_views(con, SETTINGS.views_dir)
    return con


@pytest.fixture
def small_warehouse(tmp_path):
    path = tmp_path / "small.duckdb"
    con = _empty_warehouse(path)
    con.execute(
        "INSERT INTO documents (doc_id, source_uri, text, content_type, ingested_at, run_id)"
        " VALUES ('d1', 'a.txt', 'text', 'text', TIMESTAMP '2024-01-10', 'r1')"
    ).fetchall()
    con.execute(
        "INSERT INTO event_codes (event_code, plover_type, quad_class, goldstein) VALUES"
        " ('ATK', 'ASSAULT', 4, -10), ('TALK', 'CONSULT', 1, 1)"
    ).fetchall()
    con.execute(
        "INSERT INTO places (place_id, name, place_type, country_code, latitude, longitude)"
        " VALUES ('krm', 'Kerman', 'city', 'IRN', 30.28, 57.08),"
        " ('nbo', 'Nairobi', 'city', 'KEN', -1.28, 36.82)"
    ).fetchall()
    con.execute(
        "INSERT INTO actors (actor_id, name, actor_type, country_code, sector) VALUES"
        " ('ISIS_K', 'Islamic State Khorasan Province', 'organization', 'AFG', 'REB'),"
        " ('IRN', 'Iran', 'country', 'IRN', NULL),"
        " ('KEN.GOV', 'Kenya government', 'generic', 'KEN', 'GOV')"
    ).fetchall()
    for index, row in enumerate(EVENTS):
        event_id, day, code, place, dead, source, target, negated, modality, historical = row
        con.execute(
            "INSERT INTO events (event_id, doc_id, sentence_index, char_start, char_end,"
            " evidence, event_code, event_date, is_historical, is_negated, modality,"
            " fatalities, place_id, confidence, coder_version)"
            " VALUES (?, 'd1', ?, 0, 4, 'text', ?, ?, ?, ?, ?, ?, ?, 0.9, 'test')",
            [
                *(event_id, index, code, date.fromisoformat(day)),
                *(historical, negated, modality, dead, place),
            ],
        ).fetchall()
        con.execute(
            "INSERT INTO event_actors VALUES (?, ?, 'source'), (?, ?, 'target')",
            [event_id, source, event_id, target],
        ).fetchall()
    warehouse.refresh_derived(con)  # rows written by hand, not through the loader
    con.close()
    return path


def _read(path, reader, filters):
    con = duckdb.connect(str(path), read_only=True)
    try:
        return reader(con, filters)
    finally:
        con.close()


def test_weekly_counts_sum_days_into_monday_weeks():
    daily = pl.DataFrame(
        {
            "event_date": [date(2024, 1, 1), date(2024, 1, 7), date(2024, 1, 8), None],
            "quad_class": [4, 4, 1, 3],
            "events": [2, 1, 5, 9],
        }
    )
    expected = pl.DataFrame(
        {
            "week": [date(2024, 1, 1), date(2024, 1, 8)],
            "quad_class": pl.Series([4, 1], dtype=pl.Int8),
            "events": [3, 5],
            "quad_label": ["material conflict", "verbal cooperation"],
        }
    )
    assert_frame_equal(weekly_counts(daily), expected)


def test_weekly_chart_counts_only_asserted_events_and_follows_filters(small_warehouse):
    def weekly(filters):
        frame = weekly_counts(_read(small_warehouse, read_daily_counts, filters))
        return [
            (row["week"].isoformat(), row["quad_class"], row["events"])
            for row in frame.iter_rows(named=True)
        ]

    assert weekly(ReportFilters()) == [("2024-01-01", 4, 2), ("2024-01-08", 1, 1)]
    assert weekly(ReportFilters(since=date(2024, 1, 8))) == [("2024-01-08", 1, 1)]
    # --country counts from events_wide with the view's own conditions
    assert weekly(ReportFilters(country="KEN")) == [("2024-01-08", 1, 1)]
    assert weekly(ReportFilters(country="IRN")) == [("2024-01-01", 4, 2)]
    assert weekly(ReportFilters(country="FRA")) == []


def test_actors_dyads_deaths_and_places_follow_the_filters(small_warehouse):
    actors = _read(small_warehouse, read_top_actors, ReportFilters())
    assert actors.select("actor_id", "events").rows() == [
        ("IRN", 3),
        ("ISIS_K", 2),
        ("KEN.GOV", 1),
    ]
    kenyan = _read(small_warehouse, read_top_actors, ReportFilters(country="KEN"))
    assert kenyan["actor_id"].to_list() == ["KEN.GOV"]

    dyads = _read(small_warehouse, read_top_dyads, ReportFilters(country="IRN"))
    assert dyads.select("source_actor_id", "target_actor_id", "events").rows() == [
        ("ISIS_K", "IRN", 2),
        ("KEN.GOV", "IRN", 1),
    ]
    recent = _read(small_warehouse, read_top_dyads, ReportFilters(since=date(2024, 1, 8)))
    assert recent["source_actor_id"].to_list() == ["KEN.GOV"]

    deaths = _read(small_warehouse, read_fatalities, ReportFilters(since=date(2024, 1, 8)))
    # the month --since falls in is kept whole
    assert deaths.select("country_code", "month", "fatalities").rows() == [
        ("IRN", date(2024, 1, 1), 15),
        ("KEN", date(2024, 1, 1), 0),
    ]

    places = _read(small_warehouse, read_places, ReportFilters())
    assert places.select("place_name", "events", "quad_label").rows() == [
        ("Kerman", 2, "material conflict"),
        ("Nairobi", 1, "verbal cooperation"),
    ]
    assert _read(small_warehouse, read_places, ReportFilters(country="FRA")).is_empty()


def test_network_puts_actors_on_a_circle_and_points_arrows_at_targets(small_warehouse):
    nodes, edges = dyad_network(_read(small_warehouse, read_top_dyads, ReportFilters()))
    assert nodes["actor_id"].to_list() == ["IRN", "ISIS_K", "KEN.GOV"]
    radius = (nodes["x"] ** 2 + nodes["y"] ** 2).sqrt()
    assert ((radius - 1).abs() < 1e-9).all()
    heavy = edges.filter(pl.col("source_actor_id") == "ISIS_K").row(0, named=True)
    assert heavy["quad_label"] == "material conflict"
    # the arrow sits on the segment, closer to the target than to the source
    to_target = (heavy["arrow_x"] - heavy["x2"]) ** 2 + (heavy["arrow_y"] - heavy["y2"]) ** 2
    to_source = (heavy["arrow_x"] - heavy["x1"]) ** 2 + (heavy["arrow_y"] - heavy["y1"]) ** 2
    assert to_target < to_source


def test_the_page_draws_every_chart_and_loads_nothing(small_warehouse):
    report = build_report(small_warehouse, ReportFilters(), GENERATED)
    assert [section.empty for section in report.sections] == [None] * 5
    page = report.html
    assert page.count("<svg") == 5
    assert "<script" not in page and "@import" not in page and "@font-face" not in page
    # the only URLs are XML namespaces
    assert set(re.findall(r"https?://[^\s\"'<>)]+", page)) <= {
        "http://www.w3.org/2000/svg",
        "http://www.w3.org/1999/xlink",
    }
    for text in ("2024-02-01 12:00:00 UTC", str(small_warehouse), "What this counts"):
        assert text in page
    assert page.count('class="counts"') == 5


def test_an_empty_warehouse_or_a_filter_matching_nothing_says_so_per_chart(tmp_path):
    path = tmp_path / "empty.duckdb"
    _empty_warehouse(path).close()
    report = build_report(path, ReportFilters(), GENERATED)
    assert "<svg" not in report.html
    assert report.html.count('class="empty"') == 5
    assert all("the warehouse has no" in section.empty for section in report.sections)

    report = build_report(path, ReportFilters(since=date(2030, 1, 1), country="KEN"), GENERATED)
    assert report.html.count("match the filters (since 2030-01-01, country KEN (Kenya))") == 5


@pytest.mark.parametrize(
    ("since", "country", "message"),
    [
        ("2024-13-01", None, "not a date"),
        ("last week", None, "not a date"),
        (None, "KE", "three-letter"),
        (None, "XYZ", "not an ISO 3166-1 alpha-3"),
    ],
)
def test_bad_arguments_are_refused(since, country, message):
    with pytest.raises(ReportError, match=message):
        ReportFilters(since=parse_since(since), country=parse_country(country))


def test_cli_report_writes_the_page_and_refuses_bad_arguments(small_warehouse, tmp_path):
    runner = CliRunner()
    out = tmp_path / "out" / "report.html"
    args = ["report", "--warehouse", str(small_warehouse), "--out", str(out)]
    result = runner.invoke(app, [*args, "--country", "ken", "--since", "2024-01-01"])
    assert result.exit_code == 0, result.output
    assert "country KEN (Kenya)" in out.read_text(encoding="utf-8")

    for bad in (["--since", "2024-02-30"], ["--country", "Kenya"], ["--country", "QQQ"]):
        result = runner.invoke(app, [*args, *bad])
        assert result.exit_code == 2, (bad, result.output)
        assert "error:" in result.output
    missing = tmp_path / "nowhere.duckdb"
    result = runner.invoke(app, ["report", "--warehouse", str(missing), "--out", str(out)])
    assert result.exit_code == 3
    assert "no warehouse at" in result.output
