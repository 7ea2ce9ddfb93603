"""The ``newsevents`` command (typer + rich).

Prefect is imported only by the commands that run a flow, so ``newsevents sql`` answers fast.
"""

from __future__ import annotations

import json
import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from flows import __version__
from flows.settings import load_settings

if TYPE_CHECKING:  # the pipeline imports Prefect: only the commands that run a flow load it
    from flows.pipeline import RunSummary

app = typer.Typer(
    name="newsevents",
    help="News articles in, a political-event warehouse (DuckDB) out.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console()
errors = Console(stderr=True)

WarehouseOption = Annotated[
    Path | None,
    typer.Option(
        "--warehouse",
        "-w",
        help="DuckDB file (default: $NEWSEVENTS_WAREHOUSE or warehouse/events.duckdb)",
        dir_okay=False,
    ),
]


BatchSizeOption = Annotated[
    int | None, typer.Option("--batch-size", min=1, help="Documents per batch (default 2000)")
]


def _fail(message: str, code: int = 1) -> None:
    errors.print(f"[bold red]error:[/] {message}", highlight=False)
    raise typer.Exit(code)


@app.callback()
def main(
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.")] = False,
) -> None:
    if version:
        console.print(f"newsevents {__version__}")
        raise typer.Exit(0)


@app.command()
def run(
    sources: Annotated[
        list[str] | None,
        typer.Argument(
            help="Files, directories (recursive), globs or .jsonl files. Default: seeds/articles/",
            show_default=False,
        ),
    ] = None,
    warehouse: WarehouseOption = None,
    batch_size: BatchSizeOption = None,
    dask_address: Annotated[
        str | None,
        typer.Option(
            "--dask-address",
            help="Extract and code the batches on this running Dask cluster (tcp://HOST:PORT)",
        ),
    ] = None,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=1,
            help="Processes for extraction and coding (default: one per core, up to 4, for "
            "inputs over 8 MB; 1 = all in this process)",
        ),
    ] = None,
    rescan: Annotated[
        bool,
        typer.Option(
            "--rescan",
            help="Read every input file again, also those an earlier run read whole and "
            "that have not changed since (their known documents are still not stored twice)",
        ),
    ] = False,
) -> None:
    """One flow run: pull, extract, code and load SOURCES into the warehouse."""
    from flows.sources import SourceError
    from flows.warehouse import WarehouseError

    settings = load_settings(warehouse_path=warehouse, batch_size=batch_size)
    chosen = list(sources) if sources else [str(settings.default_articles_dir)]
    with console.status("starting Prefect (a local temporary API)...", spinner="dots") as status:
        from flows.pipeline import DaskUnavailable, execute_run

        def progress(seen: int, new: int, events: int) -> None:
            status.update(f"{seen:,} documents read, {new:,} new, {events:,} events added")

        status.update("reading inputs...")
        try:
            summary = execute_run(
                chosen,
                str(settings.warehouse_path),
                settings.batch_size,
                progress,
                dask_address,
                workers,
                rescan,
            )
        except (SourceError, DaskUnavailable) as error:
            _fail(str(error), 2)
        except WarehouseError as error:
            _fail(str(error), 3)
    _print_summary(summary)
    if summary.status != "completed":
        _fail(f"run failed: {summary.message}")


@app.command()
def serve(
    sources: Annotated[
        list[str] | None,
        typer.Argument(help="What to pull on each run (as for `run`); or use --config"),
    ] = None,
    config: Annotated[
        Path | None,
        typer.Option("--config", "-c", help="A sources file (TOML) of named schedules"),
    ] = None,
    cron: Annotated[
        str | None, typer.Option("--cron", help="Run on this cron schedule (e.g. '*/15 * * * *')")
    ] = None,
    interval: Annotated[
        int | None,
        typer.Option("--interval", min=1, help="Run every this many seconds (default 3600)"),
    ] = None,
    warehouse: WarehouseOption = None,
) -> None:
    """Keep scheduled runs going (Ctrl-C stops them, and the Prefect server serve started)."""
    from flows.serve import ServeError, load_config, parse_schedule
    from flows.serve import serve as serve_schedules

    try:
        if config is not None:
            if sources or cron or interval:
                raise ServeError("give either --config or SOURCES with --cron/--interval")
            schedules, configured = load_config(config)
            warehouse = warehouse or configured
        else:
            if not sources:
                raise ServeError("name the SOURCES to pull, or a --config file")
            schedules = [parse_schedule("newsevents", list(sources), interval, cron)]
    except ServeError as error:
        _fail(str(error), 2)
        return
    settings = load_settings(warehouse_path=warehouse)
    home = Path(os.environ.get("PREFECT_HOME") or Path.home() / ".prefect")
    try:
        serve_schedules(schedules, settings.warehouse_path, home, log=console.print)
    except ServeError as error:
        _fail(str(error))


@app.command()
def recode(
    warehouse: WarehouseOption = None,
    batch_size: BatchSizeOption = None,
) -> None:
    """Re-code stored documents whose coder version is older (no re-fetching)."""
    from flows.warehouse import WarehouseError

    settings = load_settings(warehouse_path=warehouse, batch_size=batch_size)
    if not settings.warehouse_path.exists():
        _fail(f"no warehouse at {settings.warehouse_path}: run `newsevents run` first", 3)
    with console.status("starting Prefect (a local temporary API)...", spinner="dots") as status:
        from flows.pipeline import execute_recode

        def progress(seen: int, _new: int, events: int) -> None:
            status.update(f"{seen:,} documents re-coded, {events:,} events")

        try:
            summary = execute_recode(str(settings.warehouse_path), settings.batch_size, progress)
        except WarehouseError as error:
            _fail(str(error), 3)
    console.print(
        f"re-coded {summary.docs_seen:,} documents into {summary.events_added:,} "
        f"events with coder {summary.coder_version} ({summary.seconds:.1f} s)",
        highlight=False,
    )
    if summary.status != "completed":
        _fail(f"recode failed: {summary.message}")


def _print_summary(summary: RunSummary) -> None:
    table = Table(
        title=f"newsevents run {summary.run_id[:12]}: {summary.status}",
        show_header=False,
        title_justify="left",
    )
    table.add_column("measure")
    table.add_column("value", justify="right")
    for label, value in summary.measures():
        table.add_row(label, value)
    console.print(table)
    if summary.events_by_type:
        types = ", ".join(f"{name} {count}" for name, count in summary.events_by_type.most_common())
        console.print(f"events by type: {types}", highlight=False)
    if summary.rejections_by_reason:
        reasons = ", ".join(
            f"{name} {count}" for name, count in summary.rejections_by_reason.most_common()
        )
        console.print(
            f"[yellow]rejected inputs[/] ({reasons}): see table rejected_inputs", highlight=False
        )
    console.print(f"warehouse: {summary.warehouse_path}", highlight=False)


@app.command()
def sql(
    query: Annotated[str, typer.Argument(help="SQL to run (read-only)")],
    warehouse: WarehouseOption = None,
    output_format: Annotated[
        str, typer.Option("--format", "-f", help="table, csv or json")
    ] = "table",
) -> None:
    """Query the warehouse read-only and print the result."""
    import duckdb

    from flows.warehouse import WarehouseError, is_refused_write
    from flows.warehouse import query as run_query

    if output_format not in ("table", "csv", "json"):
        _fail(f"unknown --format {output_format!r}: use table, csv or json", 2)
    settings = load_settings(warehouse_path=warehouse)
    try:
        frame = run_query(settings.warehouse_path, query)
    except WarehouseError as error:
        _fail(str(error), 3)
    except duckdb.Error as error:
        message = str(error)
        if is_refused_write(error):
            message = (
                "newsevents sql is read-only: it cannot change the warehouse, and reads or "
                "writes no other file (no COPY ... TO, EXPORT, ATTACH, INSTALL or read_csv of "
                f"files). Use DuckDB itself for that. DuckDB said: {message}"
            )
        _fail(message, 1)
    if output_format == "csv":
        sys.stdout.write(frame.write_csv())
    elif output_format == "json":
        sys.stdout.write(json.dumps(frame.to_dicts(), default=str, ensure_ascii=False, indent=1))
        sys.stdout.write("\n")
    else:
        table = Table(show_lines=False)
        for name in frame.columns:
            table.add_column(name, overflow="fold")
        for row in frame.iter_rows():
            table.add_row(*["" if value is None else str(value) for value in row])
        console.print(table)
        console.print(f"{frame.height:,} rows", style="dim")


@app.command()
def check(warehouse: WarehouseOption = None) -> None:
    """Run the data checks (sql/checks) over the whole published warehouse, read-only."""
    from flows.warehouse import WarehouseError, connect_read_only, run_checks

    settings = load_settings(warehouse_path=warehouse)
    try:
        con = connect_read_only(settings.warehouse_path)
    except WarehouseError as error:
        _fail(str(error), 3)
    try:
        failures = run_checks(con, settings.checks_dir)
    finally:
        con.close()
    table = Table(title=f"data checks of {settings.warehouse_path}")
    table.add_column("check")
    table.add_column("result")
    table.add_column("rows", justify="right")
    table.add_column("first row", overflow="fold")
    for path in sorted(settings.checks_dir.glob("*.sql")):
        rows = failures.get(path.stem)
        if rows is None:
            table.add_row(path.stem, "[green]pass[/]", "0", "")
        else:
            first = ", ".join(f"{k}={v}" for k, v in rows.row(0, named=True).items())
            table.add_row(path.stem, "[red]FAIL[/]", f"{rows.height:,}", first)
    console.print(table)
    if failures:
        raise typer.Exit(1)


@app.command()
def export(
    fmt: Annotated[
        str, typer.Option("--format", "-f", help="parquet (default) or csv")
    ] = "parquet",
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="Directory to write (default: export/ beside the warehouse); replaced whole",
            file_okay=False,
        ),
    ] = None,
    since: Annotated[
        datetime | None,
        typer.Option(
            "--since", formats=["%Y-%m-%d"], help="Only documents published on or after this date"
        ),
    ] = None,
    warehouse: WarehouseOption = None,
) -> None:
    """Write every table as Parquet or CSV, partitioned by month, with a manifest."""
    from flows.export import ExportError, export_warehouse
    from flows.warehouse import WarehouseError

    settings = load_settings(warehouse_path=warehouse)
    target = (out or settings.warehouse_path.parent / "export").expanduser().resolve()
    try:
        with console.status(f"exporting to {target}..."):
            result = export_warehouse(
                settings.warehouse_path, target, fmt.lower(), since.date() if since else None
            )
    except (ExportError, WarehouseError) as error:
        _fail(str(error))
        return
    table = Table("table", "rows", title=f"{fmt.lower()} export, {result.months} month(s)")
    for name, rows in result.rows.items():
        table.add_row(name, f"{rows:,}")
    console.print(table)
    console.print(f"export: {target}", highlight=False)


@app.command()
def report(
    out: Annotated[
        Path | None,
        typer.Option(
            "--out",
            "-o",
            help="HTML file to write (default: report.html beside the warehouse)",
            dir_okay=False,
        ),
    ] = None,
    since: Annotated[
        str | None, typer.Option("--since", help="Only events on or after this date (YYYY-MM-DD)")
    ] = None,
    country: Annotated[
        str | None,
        typer.Option("--country", help="Only this country (ISO 3166-1 alpha-3, e.g. KEN)"),
    ] = None,
    warehouse: WarehouseOption = None,
) -> None:
    """Write one self-contained HTML report (charts as inline SVG; works offline)."""
    from flows.report import ReportError, ReportFilters, parse_country, parse_since, write_report
    from flows.warehouse import WarehouseError

    try:
        filters = ReportFilters(since=parse_since(since), country=parse_country(country))
    except ReportError as error:
        _fail(str(error), 2)
    settings = load_settings(warehouse_path=warehouse)
    target = (out or settings.warehouse_path.parent / "report.html").expanduser().resolve()
    try:
        with console.status("drawing the report..."):
            result = write_report(settings.warehouse_path, target, filters)
    except WarehouseError as error:
        _fail(str(error), 3)
    except OSError as error:
        _fail(f"cannot write {target}: {error}", 1)
    for section in result.sections:
        state = "drawn" if section.svg is not None else f"[yellow]empty[/]: {section.empty}"
        console.print(f"{section.title}: {state}", highlight=False)
    console.print(f"report: {target}", highlight=False)


@app.command(name="eval")
def evaluate(
    path: Annotated[
        Path,
        typer.Argument(
            help="Gold file (PLOVER JSON, ACLED CSV, MUC-4 JSON "
            "lines) or, for bbc, the corpus directory"
        ),
    ],
    file_format: Annotated[
        str, typer.Option("--format", "-f", help="plover, acled, muc4 or bbc")
    ] = "plover",
    output_format: Annotated[str, typer.Option("--output", "-o", help="table or json")] = "table",
) -> None:
    """Score the coder against human-coded data and print one table of metrics."""
    from flows.evaluation import FORMATS
    from flows.evaluation import evaluate as run_evaluation
    from flows.lexicon import load_lexicon

    if file_format not in FORMATS:
        _fail(f"unknown --format {file_format!r}: use one of {', '.join(FORMATS)}", 2)
    if not path.exists():
        _fail(f"no such file or directory: {path}", 2)
    lexicon = load_lexicon(load_settings().seeds_dir)
    with console.status(f"coding {path.name}..."):
        metrics = run_evaluation(file_format, path, lexicon)
    if output_format == "json":
        rows = [
            {
                "metric": m.name,
                "value": m.value,
                "n": m.count,
                "target": m.target,
                "passed": m.passed,
            }
            for m in metrics
        ]
        sys.stdout.write(json.dumps(rows, indent=1) + "\n")
        return
    table = Table(
        title=f"{file_format} evaluation of {path.name} (coder {lexicon.coder_version})",
        title_justify="left",
    )
    for name in ("metric", "value", "n", "target", ""):
        table.add_column(name, justify="left" if name == "metric" else "right")
    for metric in metrics:
        mark = {True: "[green]ok[/]", False: "[red]below[/]", None: ""}[metric.passed]
        value = "-" if metric.value is None else f"{metric.value:.3f}"
        table.add_row(metric.name, value, f"{metric.count:,}", metric.target, mark)
    console.print(table)


if __name__ == "__main__":  # pragma: no cover
    app()
