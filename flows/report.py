"""The HTML report: one self-contained page of charts built from the warehouse's views.

Every chart reads one counting view (``daily_event_counts``, ``actor_activity``, ``dyads``,
``fatalities_by_country_month``, ``events_wide``), never a base table. Charts are
Vega-Lite specs (altair) rendered to SVG in-process by vl-convert, which bundles Vega and
is told to fetch nothing; the world outline is a file shipped in ``flows/report_assets/``.
The page has no script, no font and no image to load: it works offline.
"""

from __future__ import annotations

import html
import json
import math
import re
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import altair as alt
import duckdb
import polars as pl
import pycountry
import vl_convert

from flows.warehouse import connect_read_only

ASSETS = Path(__file__).resolve().parent / "report_assets"
WORLD_FILE = ASSETS / "world-110m.json"

QUAD_CLASSES = {
    1: "verbal cooperation",
    2: "material cooperation",
    3: "verbal conflict",
    4: "material conflict",
}
QUAD_COLORS = ["#74c476", "#238b45", "#fd8d3c", "#d7301f"]
QUAD_SCALE = alt.Scale(domain=list(QUAD_CLASSES.values()), range=QUAD_COLORS)
QUAD_LEGEND = alt.Legend(title="quad class", orient="bottom", columns=4)

TOP_ACTORS = 15
TOP_DYADS = 25
LABELLED_PLACES = 12
WIDTH = 760

# the counting views' default: what happened, as told (not denied, not hypothetical, not past)
ASSERTED = "NOT is_negated AND modality = 'asserted' AND NOT is_historical"


class ReportError(ValueError):
    """A bad report argument (date, country): the CLI prints it and exits non-zero."""


@dataclass(frozen=True)
class ReportFilters:
    """What the analyst narrowed the report to; ``None`` means no filter."""

    since: date | None = None
    country: str | None = None

    def describe(self) -> str:
        parts = []
        if self.since is not None:
            parts.append(f"since {self.since.isoformat()}")
        if self.country is not None:
            parts.append(f"country {self.country} ({country_name(self.country)})")
        return ", ".join(parts) if parts else "none"


def parse_since(text: str | None) -> date | None:
    """``--since``: an ISO date (YYYY-MM-DD)."""
    if text is None:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ReportError(f"--since {text!r} is not a date: use YYYY-MM-DD") from None


def parse_country(text: str | None) -> str | None:
    """``--country``: an ISO 3166-1 alpha-3 code that pycountry knows, upper-cased."""
    if text is None:
        return None
    code = text.strip().upper()
    if not re.fullmatch(r"[A-Z]{3}", code):
        raise ReportError(f"--country {text!r} is not a three-letter ISO 3166-1 alpha-3 code")
    if pycountry.countries.get(alpha_3=code) is None:
        raise ReportError(f"--country {code} is not an ISO 3166-1 alpha-3 country code")
    return code


def country_name(code: str) -> str:
    country = pycountry.countries.get(alpha_3=code)
    if country is None:
        return code
    return getattr(country, "common_name", None) or country.name


# --------------------------------------------------------------------------- reading the views


def _frame(con: duckdb.DuckDBPyConnection, sql: str, params: list[object]) -> pl.DataFrame:
    return con.sql(sql, params=params).pl()


def _where(conditions: list[str]) -> str:
    return f"WHERE {' AND '.join(conditions)}" if conditions else ""


def read_daily_counts(con: duckdb.DuckDBPyConnection, filters: ReportFilters) -> pl.DataFrame:
    """Event rows per day and quad class: ``daily_event_counts``.

    That view has no country column, so with ``--country`` the same rows are counted from
    ``events_wide`` with the view's own conditions, the country being the event's place,
    else its target's, else its source's (as in ``fatalities_by_country_month``).
    """
    conditions: list[str] = []
    params: list[object] = []
    if filters.since is not None:
        conditions.append("event_date >= ?")
        params.append(filters.since)
    if filters.country is None:
        sql = (
            "SELECT event_date, quad_class, sum(events) AS events FROM daily_event_counts "
            f"{_where(conditions)} GROUP BY ALL"
        )
    else:
        conditions += [
            ASSERTED,
            "event_date IS NOT NULL",
            "coalesce(place_country, target_country, source_country) = ?",
        ]
        params.append(filters.country)
        sql = (
            "SELECT event_date, quad_class, count(*) AS events FROM events_wide "
            f"{_where(conditions)} GROUP BY ALL"
        )
    return _frame(con, sql, params)


def weekly_counts(daily: pl.DataFrame) -> pl.DataFrame:
    """Daily counts -> events per ISO week (starting Monday) and quad class, with labels."""
    return (
        daily.filter(pl.col("event_date").is_not_null())
        .group_by(
            pl.col("event_date").dt.truncate("1w").alias("week"),
            pl.col("quad_class").cast(pl.Int8),
        )
        .agg(pl.col("events").sum().cast(pl.Int64))
        .with_columns(
            pl.col("quad_class")
            .replace_strict(QUAD_CLASSES, default="unknown", return_dtype=pl.String)
            .alias("quad_label")
        )
        .sort("week", "quad_class")
    )


def read_top_actors(
    con: duckdb.DuckDBPyConnection, filters: ReportFilters, limit: int = TOP_ACTORS
) -> pl.DataFrame:
    """The most active actors in ``actor_activity`` (source + target + claimant rows)."""
    conditions: list[str] = []
    params: list[object] = []
    if filters.since is not None:
        conditions.append("last_event_date >= ?")
        params.append(filters.since)
    if filters.country is not None:
        conditions.append("country_code = ?")
        params.append(filters.country)
    sql = f"""
        SELECT actor_id, name, actor_type, country_code, sector,
               events_as_source, events_as_target, events_claimed,
               events_as_source + events_as_target + events_claimed AS events
        FROM actor_activity {_where(conditions)}
        ORDER BY events DESC, name, actor_id
        LIMIT {int(limit)}
    """
    return _frame(con, sql, params)


def read_top_dyads(
    con: duckdb.DuckDBPyConnection, filters: ReportFilters, limit: int = TOP_DYADS
) -> pl.DataFrame:
    """The largest source -> target pairs in ``dyads``; countries come from ``actor_activity``."""
    conditions: list[str] = []
    params: list[object] = []
    if filters.since is not None:
        conditions.append("d.last_event_date >= ?")
        params.append(filters.since)
    if filters.country is not None:
        conditions.append("(s.country_code = ? OR t.country_code = ?)")
        params += [filters.country, filters.country]
    sql = f"""
        SELECT d.source_actor_id, d.source_name, s.country_code AS source_country,
               d.target_actor_id, d.target_name, t.country_code AS target_country,
               d.events, d.verbal_cooperation, d.material_cooperation,
               d.verbal_conflict, d.material_conflict, d.fatalities
        FROM dyads d
        LEFT JOIN actor_activity s ON s.actor_id = d.source_actor_id
        LEFT JOIN actor_activity t ON t.actor_id = d.target_actor_id
        {_where(conditions)}
        ORDER BY d.events DESC, d.source_actor_id, d.target_actor_id
        LIMIT {int(limit)}
    """
    return _frame(con, sql, params)


def read_fatalities(con: duckdb.DuckDBPyConnection, filters: ReportFilters) -> pl.DataFrame:
    """``fatalities_by_country_month``; ``--since`` keeps the month it falls in and later."""
    conditions: list[str] = []
    params: list[object] = []
    if filters.since is not None:
        conditions.append("month >= date_trunc('month', ?::DATE)")
        params.append(filters.since)
    if filters.country is not None:
        conditions.append("country_code = ?")
        params.append(filters.country)
    sql = f"""
        SELECT coalesce(country_code, 'unknown') AS country_code, month,
               sum(events) AS events, sum(fatalities) AS fatalities, sum(injured) AS injured
        FROM fatalities_by_country_month {_where(conditions)}
        GROUP BY ALL ORDER BY month, country_code
    """
    return _frame(con, sql, params)


def read_places(con: duckdb.DuckDBPyConnection, filters: ReportFilters) -> pl.DataFrame:
    """Asserted, not negated, not historical events per place with coordinates
    (``events_wide``), with the quad class most of them have."""
    conditions = [ASSERTED, "latitude IS NOT NULL", "longitude IS NOT NULL"]
    params: list[object] = []
    if filters.since is not None:
        conditions.append("event_date >= ?")
        params.append(filters.since)
    if filters.country is not None:
        conditions.append("place_country = ?")
        params.append(filters.country)
    sql = f"""
        SELECT place_name, place_type, place_country, latitude, longitude,
               count(*) AS events,
               mode(quad_class ORDER BY quad_class DESC) AS quad_class
        FROM events_wide {_where(conditions)}
        GROUP BY place_name, place_type, place_country, latitude, longitude
        ORDER BY events DESC, place_name
    """
    frame = _frame(con, sql, params)
    return frame.with_columns(
        pl.col("quad_class")
        .replace_strict(QUAD_CLASSES, default="unknown", return_dtype=pl.String)
        .alias("quad_label")
    )


# --------------------------------------------------------------------------- network layout


def dyad_network(dyads: pl.DataFrame) -> tuple[pl.DataFrame, pl.DataFrame]:
    """Nodes on a circle (heaviest first, clockwise from the top) and source -> target edges.

    Pairs whose source is their target are left out of the drawing (no edge to draw).
    Edges carry their end points, the quad class most of their events have, and an arrow
    position and angle (degrees clockwise from up) near the target.
    """
    edges = dyads.filter(pl.col("source_actor_id") != pl.col("target_actor_id"))
    if edges.is_empty():
        return pl.DataFrame(), pl.DataFrame()
    ends = pl.concat(
        [
            edges.select(
                pl.col("source_actor_id").alias("actor_id"),
                pl.col("source_name").alias("name"),
                "events",
            ),
            edges.select(
                pl.col("target_actor_id").alias("actor_id"),
                pl.col("target_name").alias("name"),
                "events",
            ),
        ]
    )
    nodes = (
        ends.group_by("actor_id")
        .agg(pl.col("name").first(), pl.col("events").sum())
        .sort(["events", "actor_id"], descending=[True, False])
    )
    count = nodes.height
    angles = [math.pi / 2 - 2 * math.pi * index / count for index in range(count)]
    nodes = nodes.with_columns(
        pl.Series("x", [math.cos(a) for a in angles]),
        pl.Series("y", [math.sin(a) for a in angles]),
    ).with_columns(
        (pl.col("x") * 1.12).alias("label_x"),
        (pl.col("y") * 1.12).alias("label_y"),
        pl.when(pl.col("x") > 0.05)
        .then(pl.lit("left"))
        .when(pl.col("x") < -0.05)
        .then(pl.lit("right"))
        .otherwise(pl.lit("center"))
        .alias("align"),
    )
    position = nodes.select("actor_id", "x", "y")
    # the quad class most of a pair's events have; a tie goes to the more conflictual one
    by_conflict = [
        "material_conflict",
        "verbal_conflict",
        "material_cooperation",
        "verbal_cooperation",
    ]
    edges = (
        edges.join(
            position.rename({"actor_id": "source_actor_id", "x": "x1", "y": "y1"}),
            on="source_actor_id",
        )
        .join(
            position.rename({"actor_id": "target_actor_id", "x": "x2", "y": "y2"}),
            on="target_actor_id",
        )
        .with_columns(
            (4 - pl.concat_list(by_conflict).list.arg_max())
            .replace_strict(QUAD_CLASSES, return_dtype=pl.String)
            .alias("quad_label"),
            (pl.col("x1") + 0.82 * (pl.col("x2") - pl.col("x1"))).alias("arrow_x"),
            (pl.col("y1") + 0.82 * (pl.col("y2") - pl.col("y1"))).alias("arrow_y"),
            pl.arctan2(pl.col("x2") - pl.col("x1"), pl.col("y2") - pl.col("y1"))
            .degrees()
            .alias("arrow_angle"),
        )
        .sort("events")
    )
    return nodes, edges


# --------------------------------------------------------------------------- charts


def _values(frame: pl.DataFrame) -> alt.Data:
    """Inline rows for Vega-Lite; dates as ISO strings (read as UTC)."""
    return alt.Data(values=json.loads(frame.write_json()))


def _epoch_ms(day: date) -> int:
    return int(datetime(day.year, day.month, day.day, tzinfo=UTC).timestamp() * 1000)


def weekly_chart(weekly: pl.DataFrame) -> alt.Chart:
    data = weekly.with_columns(
        pl.col("week").dt.offset_by("1w").alias("week_end"),
    ).with_columns(pl.col("week", "week_end").dt.to_string("%Y-%m-%d"))
    # a week's margin each side; few weeks get one tick a week, not hourly ticks
    first, last = weekly["week"].min(), weekly["week"].max()
    domain = [(first - timedelta(days=7)).isoformat(), (last + timedelta(days=14)).isoformat()]
    utc = alt.Scale(type="utc", domain=domain)
    mondays = [first + timedelta(days=7 * index) for index in range((last - first).days // 7 + 1)]
    ticks = [_epoch_ms(monday) for monday in mondays] if len(mondays) <= 10 else alt.Undefined
    return (
        alt.Chart(_values(data))
        .mark_bar(stroke="white", strokeWidth=0.5)
        .encode(
            x=alt.X(
                "week:T",
                title="week (starting Monday)",
                scale=utc,
                axis=alt.Axis(format="%d %b %Y", values=ticks, labelOverlap=True),
            ),
            x2="week_end:T",
            y=alt.Y(
                "sum(events):Q",
                title="events",
                stack="zero",
                axis=alt.Axis(tickMinStep=1, format="d"),
            ),
            color=alt.Color("quad_label:N", scale=QUAD_SCALE, legend=QUAD_LEGEND),
            order=alt.Order("quad_class:Q"),
        )
        .properties(width=WIDTH, height=260, name="weekly")
    )


def actors_chart(actors: pl.DataFrame) -> alt.Chart:
    labelled = actors.with_columns(
        pl.format(
            "{} ({})",
            pl.col("name"),
            pl.col("country_code").fill_null(pl.col("actor_type")),
        ).alias("label")
    )
    order = labelled["label"].to_list()
    long = labelled.unpivot(
        index=["label", "events"],
        on=["events_as_source", "events_as_target", "events_claimed"],
        variable_name="role",
        value_name="count",
    ).with_columns(pl.col("role").str.replace("events_as_", "").str.replace("events_", ""))
    roles = alt.Scale(
        domain=["source", "target", "claimed"], range=["#3b6ea8", "#9ecae1", "#8c6bb1"]
    )
    return (
        alt.Chart(_values(long.filter(pl.col("count") > 0)))
        .mark_bar()
        .encode(
            y=alt.Y("label:N", sort=order, title=None, axis=alt.Axis(labelLimit=320)),
            x=alt.X(
                "sum(count):Q",
                title="events (as source, target or claimant)",
                axis=alt.Axis(tickMinStep=1, format="d"),
            ),
            color=alt.Color(
                "role:N", scale=roles, legend=alt.Legend(title="role", orient="bottom")
            ),
            order=alt.Order("role:N", sort="descending"),
        )
        .properties(width=WIDTH - 330, height=alt.Step(20), name="actors")
    )


def network_chart(nodes: pl.DataFrame, edges: pl.DataFrame) -> alt.LayerChart:
    height = 560
    half_y = 1.3
    half_x = half_y * WIDTH / height
    x_scale = alt.Scale(domain=[-half_x, half_x])
    y_scale = alt.Scale(domain=[-half_y, half_y])
    no_axis = None
    widths = alt.Scale(domain=[1, max(int(edges["events"].max()), 2)], range=[1.2, 7])
    color = alt.Color("quad_label:N", scale=QUAD_SCALE, legend=QUAD_LEGEND)
    edge_data = _values(edges)
    lines = (
        alt.Chart(edge_data)
        .mark_rule(opacity=0.75, strokeCap="round")
        .encode(
            x=alt.X("x1:Q", scale=x_scale, axis=no_axis),
            y=alt.Y("y1:Q", scale=y_scale, axis=no_axis),
            x2="x2:Q",
            y2="y2:Q",
            strokeWidth=alt.StrokeWidth("events:Q", scale=widths, legend=None),
            color=color,
        )
        .properties(name="edges")
    )
    arrows = (
        alt.Chart(edge_data)
        .mark_point(shape="triangle-up", filled=True, size=110, opacity=0.95)
        .encode(
            x=alt.X("arrow_x:Q", scale=x_scale, axis=no_axis),
            y=alt.Y("arrow_y:Q", scale=y_scale, axis=no_axis),
            angle=alt.Angle("arrow_angle:Q", scale=None),
            color=color,
        )
        .properties(name="arrows")
    )
    node_data = _values(nodes)
    circles = (
        alt.Chart(node_data)
        .mark_circle(color="#39424e", opacity=1, stroke="white", strokeWidth=1.5)
        .encode(
            x=alt.X("x:Q", scale=x_scale, axis=no_axis),
            y=alt.Y("y:Q", scale=y_scale, axis=no_axis),
            size=alt.Size("events:Q", scale=alt.Scale(range=[60, 500]), legend=None),
        )
        .properties(name="nodes")
    )
    labels = [
        alt.Chart(node_data)
        .transform_filter(alt.datum.align == align)
        .mark_text(align=align, baseline="middle", fontSize=11, limit=170)
        .encode(
            x=alt.X("label_x:Q", scale=x_scale, axis=no_axis),
            y=alt.Y("label_y:Q", scale=y_scale, axis=no_axis),
            text="name:N",
        )
        for align in ("left", "right", "center")
    ]
    return alt.layer(lines, arrows, circles, *labels).properties(
        width=WIDTH, height=height, name="network"
    )


def fatalities_chart(fatalities: pl.DataFrame) -> alt.LayerChart:
    data = fatalities.with_columns(pl.col("month").dt.to_string("%Y-%m"))
    base = alt.Chart(_values(data)).encode(
        x=alt.X("month:O", title="month", axis=alt.Axis(labelAngle=-45)),
        y=alt.Y("country_code:N", title="country"),
    )
    top = max(int(fatalities["fatalities"].max() or 0), 1)
    cells = base.mark_rect(stroke="white", strokeWidth=1).encode(
        color=alt.Color(
            "fatalities:Q",
            scale=alt.Scale(domain=[0, top], range=["#f3efee", "#b2182b"]),
            legend=alt.Legend(title="reported deaths", orient="right", values=[0, top], format="d"),
        )
    )
    numbers = base.mark_text(fontSize=11).encode(
        text="fatalities:Q",
        color=alt.condition(
            alt.datum.fatalities > top * 0.55, alt.value("white"), alt.value("#222")
        ),
    )
    cells, numbers = cells.properties(name="cells"), numbers.properties(name="numbers")
    return alt.layer(cells, numbers).properties(
        width=alt.Step(46), height=alt.Step(24), name="fatalities"
    )


def map_chart(places: pl.DataFrame) -> alt.LayerChart:
    world = json.loads(WORLD_FILE.read_text(encoding="utf-8"))
    outline = (
        alt.Chart(alt.Data(values=world, format=alt.DataFormat(type="topojson", feature="land")))
        .mark_geoshape(fill="#e6e6e6", stroke="#b5b5b5", strokeWidth=0.5)
        .properties(name="outline")
    )
    data = _values(places.drop("quad_class"))
    points = (
        alt.Chart(data)
        .mark_circle(opacity=0.8, stroke="white", strokeWidth=0.8)
        .encode(
            longitude="longitude:Q",
            latitude="latitude:Q",
            size=alt.Size(
                "events:Q",
                scale=alt.Scale(range=[40, 700], zero=False),
                legend=alt.Legend(title="events", orient="right"),
            ),
            color=alt.Color("quad_label:N", scale=QUAD_SCALE, legend=QUAD_LEGEND),
        )
        .properties(name="points")
    )
    labels = (
        alt.Chart(_values(places.drop("quad_class").head(LABELLED_PLACES)))
        .mark_text(align="left", dx=8, dy=-6, fontSize=11, color="#222")
        .encode(longitude="longitude:Q", latitude="latitude:Q", text="place_name:N")
        .properties(name="place_labels")
    )
    return (
        alt.layer(outline, points, labels)
        .project("equalEarth")
        .properties(width=WIDTH, height=400, name="map")
    )


def render_svg(chart: alt.TopLevelMixin, prefix: str) -> str:
    """Vega-Lite -> SVG in-process; any external fetch is refused. Ids get a prefix so
    several SVGs can share one page."""
    styled = (
        chart.configure_view(stroke=None)
        .configure_axis(labelFontSize=11, titleFontSize=12)
        .configure_legend(labelFontSize=11, titleFontSize=12, symbolSize=120)
    )
    svg = vl_convert.vegalite_to_svg(styled.to_dict(), allowed_base_urls=[])
    svg = re.sub(r'\bid="([^"]+)"', rf'id="{prefix}-\1"', svg)
    return re.sub(r"url\(#([^)]+)\)", rf"url(#{prefix}-\1)", svg)


# --------------------------------------------------------------------------- the page


@dataclass(frozen=True)
class Section:
    """One chart of the page: what it counts, which filters applied, its SVG or why none."""

    key: str
    title: str
    counts: str
    filters: list[str]
    svg: str | None
    empty: str | None


@dataclass(frozen=True)
class Report:
    html: str
    sections: list[Section]


def _empty(noun: str, filters: ReportFilters) -> str:
    if filters.since is None and filters.country is None:
        return f"Nothing to draw: the warehouse has no {noun}."
    return f"Nothing to draw: no {noun} match the filters ({filters.describe()})."


def _since(filters: ReportFilters, text: str) -> list[str]:
    return [] if filters.since is None else [text.format(since=filters.since.isoformat())]


def _country(filters: ReportFilters, text: str) -> list[str]:
    return [] if filters.country is None else [text.format(country=filters.country)]


def build_sections(con: duckdb.DuckDBPyConnection, filters: ReportFilters) -> list[Section]:
    """Read each view, shape it and draw it (or say why there is nothing to draw)."""
    sections: list[Section] = []
    asserted = "asserted, not negated, not historical events"

    weekly = weekly_counts(read_daily_counts(con, filters))
    sections.append(
        Section(
            key="weekly",
            title="Events per week by quad class",
            counts=f"Event rows per week (weeks start on Monday) from daily_event_counts: "
            f"{asserted} with a resolved date, stacked by CAMEO quad class.",
            filters=_since(filters, "event date on or after {since}")
            + _country(
                filters,
                "events whose place (else target, else source) is in {country}, counted "
                "from events_wide with daily_event_counts' conditions (that view has no "
                "country column)",
            ),
            svg=None if weekly.is_empty() else render_svg(weekly_chart(weekly), "weekly"),
            empty=_empty("dated events", filters) if weekly.is_empty() else None,
        )
    )

    actors = read_top_actors(con, filters)
    sections.append(
        Section(
            key="actors",
            title=f"Top {TOP_ACTORS} actors",
            counts=f"Actors with most event rows in actor_activity, as source, target or "
            f"claimant of {asserted} (dated or not); bars split by role.",
            filters=_since(
                filters, "actors with an event on or after {since} (bars count all their events)"
            )
            + _country(filters, "actors whose country is {country}"),
            svg=None if actors.is_empty() else render_svg(actors_chart(actors), "actors"),
            empty=_empty("actors with events", filters) if actors.is_empty() else None,
        )
    )

    dyads = read_top_dyads(con, filters)
    nodes, edges = dyad_network(dyads)
    if dyads.is_empty():
        network_empty = _empty("source → target pairs", filters)
    elif edges.is_empty():
        network_empty = "Nothing to draw: every pair found has the same actor as source and target."
    else:
        network_empty = None
    sections.append(
        Section(
            key="network",
            title=f"Top {TOP_DYADS} dyads",
            counts=f"The largest source → target pairs in dyads, by event rows of {asserted}: "
            "line width = events, colour = the quad class most of the pair's events have, "
            "arrow toward the target, node size = the actor's events in these pairs. Pairs "
            "whose source is also their target are not drawn.",
            filters=_since(
                filters, "pairs with an event on or after {since} (counts cover all their events)"
            )
            + _country(
                filters, "pairs whose source or target actor is of {country} (actor_activity)"
            ),
            svg=None if network_empty else render_svg(network_chart(nodes, edges), "network"),
            empty=network_empty,
        )
    )

    fatalities = read_fatalities(con, filters)
    sections.append(
        Section(
            key="fatalities",
            title="Reported deaths by country and month",
            counts="Deaths from fatalities_by_country_month (the lowest reported figure, "
            "ACLED's conventions) per month and country of the event's place, else its "
            f"target, else its source; {asserted} with a resolved date. Every country-month "
            "with such an event has a cell, 0 when no death was reported.",
            filters=_since(filters, "months from the month of {since} on")
            + _country(filters, "country {country}"),
            svg=None
            if fatalities.is_empty()
            else render_svg(fatalities_chart(fatalities), "fatalities"),
            empty=_empty("dated events", filters) if fatalities.is_empty() else None,
        )
    )

    places = read_places(con, filters)
    sections.append(
        Section(
            key="map",
            title="Where events happened",
            counts=f"Places of {asserted} in events_wide that have coordinates: circle "
            "area = events, colour = the quad class most of the place's events have. A "
            "place that is a whole country is drawn at its capital. World outline: Natural "
            "Earth 1:110m.",
            filters=_since(filters, "event date on or after {since} (undated events left out)")
            + _country(filters, "places in {country}"),
            svg=None if places.is_empty() else render_svg(map_chart(places), "map"),
            empty=_empty("events with a mapped place", filters) if places.is_empty() else None,
        )
    )
    return sections


STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial,
       sans-serif; color: #222; margin: 0 auto; max-width: 880px; padding: 24px 28px 48px;
       line-height: 1.45; background: #fff; }
h1 { font-size: 1.6rem; margin: 0 0 .4rem; }
h2 { font-size: 1.2rem; margin: 2.2rem 0 .3rem; border-bottom: 1px solid #ddd;
     padding-bottom: .2rem; }
dl.meta { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem;
          font-size: .92rem; margin: .6rem 0 0; }
dl.meta dt { color: #666; } dl.meta dd { margin: 0; word-break: break-all; }
p.counts { font-size: .92rem; margin: .2rem 0; }
p.filters { font-size: .85rem; color: #555; margin: .2rem 0 .6rem; }
p.empty { padding: 1.2rem; background: #f6f6f6; border: 1px dashed #bbb; color: #444; }
.figure svg { max-width: 100%; height: auto; }
footer { margin-top: 2.5rem; font-size: .8rem; color: #777; }
"""


def render_page(
    sections: list[Section], warehouse: Path, filters: ReportFilters, generated_at: datetime
) -> str:
    esc = html.escape
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        # nothing on this page may load anything: no script, no font, no image
        '<meta http-equiv="Content-Security-Policy" content="default-src \'none\'; '
        "style-src 'unsafe-inline'; img-src data:\">",
        "<title>newsevents report</title>",
        f"<style>{STYLE}</style></head><body>",
        '<header><h1>newsevents report</h1><dl class="meta">',
        f"<dt>warehouse</dt><dd>{esc(str(warehouse))}</dd>",
        f"<dt>generated</dt><dd>{esc(generated_at.strftime('%Y-%m-%d %H:%M:%S UTC'))}</dd>",
        f"<dt>filters</dt><dd>{esc(filters.describe())}</dd>",
        "<dt>counts</dt><dd>asserted events only: not negated, not hypothetical or future, "
        "not historical background (as the warehouse's counting views)</dd>",
        "</dl></header>",
    ]
    for section in sections:
        applied = "; ".join(section.filters) if section.filters else "none"
        parts += [
            f'<section id="{section.key}" class="chart" data-chart="{section.key}">',
            f"<h2>{esc(section.title)}</h2>",
            f'<p class="counts"><strong>What this counts:</strong> {esc(section.counts)}</p>',
            f'<p class="filters">Filters applied: {esc(applied)}</p>',
        ]
        if section.svg is not None:
            parts.append(f'<div class="figure">{section.svg}</div>')
        else:
            parts.append(f'<p class="empty">{esc(section.empty or "Nothing to draw.")}</p>')
        parts.append("</section>")
    parts += [
        "<footer>Charts drawn with Vega-Lite (altair, vl-convert) as inline SVG; map "
        "outline from Natural Earth via world-atlas. This page loads nothing from the "
        "network.</footer>",
        "</body></html>",
    ]
    return "\n".join(parts) + "\n"


def build_report(
    warehouse: Path, filters: ReportFilters, generated_at: datetime | None = None
) -> Report:
    """Read the published warehouse read-only and return the page."""
    con = connect_read_only(warehouse)
    try:
        sections = build_sections(con, filters)
    finally:
        con.close()
    when = generated_at or datetime.now(UTC)
    return Report(html=render_page(sections, warehouse, filters, when), sections=sections)


def write_report(
    warehouse: Path, out: Path, filters: ReportFilters, generated_at: datetime | None = None
) -> Report:
    """Build the page and write it to ``out`` (parent folders created)."""
    report = build_report(warehouse, filters, generated_at)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(report.html, encoding="utf-8")
    return report
