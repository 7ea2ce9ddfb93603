"""End to end: the seed articles through the flow, `newsevents report`, then the page in
headless Debian Chromium (driven by Playwright, no browser download) with the network cut."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.settings import load_settings

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
# section -> mark groups (Vega names them <mark name>_marks) that must hold drawn elements
EXPECTED_MARKS = {
    "weekly": ["weekly_marks"],
    "actors": ["actors_marks"],
    "network": ["edges_marks", "arrows_marks", "nodes_marks"],
    "fatalities": ["cells_marks", "numbers_marks"],
    "map": ["outline_marks", "points_marks"],
}


@pytest.fixture(scope="module")
def seed_warehouse(tmp_path_factory):
    """The seed articles loaded by the real flow (Prefect's test harness, as in tests/flows)."""
    from prefect.testing.utilities import prefect_test_harness

    from flows.pipeline import execute_run

    path = tmp_path_factory.mktemp("report") / "events.duckdb"
    with prefect_test_harness():
        summary = execute_run([str(load_settings().default_articles_dir)], str(path))
    assert summary.status == "completed" and summary.events_added > 0
    return path


@pytest.fixture
def chromium(tmp_path):
    if not CHROMIUM.exists() and shutil.which("chromium") is None:
        pytest.skip("no /usr/bin/chromium: apt-get install chromium (.ci/run does)")
    sync_api = pytest.importorskip("playwright.sync_api")
    with sync_api.sync_playwright() as playwright:
        context = playwright.chromium.launch_persistent_context(
            str(tmp_path / "chromium-profile"),
            executable_path=str(CHROMIUM if CHROMIUM.exists() else shutil.which("chromium")),
            headless=True,
            args=CHROMIUM_ARGS,
            viewport={"width": 960, "height": 900},
        )
        try:
            yield context
        finally:
            context.close()


def test_report_page_draws_every_chart_offline_in_chromium(seed_warehouse, chromium, tmp_path):
    out = tmp_path / "report.html"
    result = CliRunner().invoke(
        app, ["report", "--warehouse", str(seed_warehouse), "--out", str(out)]
    )
    assert result.exit_code == 0, result.output

    attempted: list[str] = []

    def only_files(route):
        if route.request.url.startswith("file://"):
            route.continue_()
        else:
            attempted.append(route.request.url)
            route.abort()

    chromium.route("**/*", only_files)
    page = chromium.new_page()
    problems: list[str] = []
    page.on("console", lambda message: message.type == "error" and problems.append(message.text))
    page.on("pageerror", lambda error: problems.append(str(error)))
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    page.goto(out.as_uri(), wait_until="load")

    assert page.title() == "newsevents report"
    assert str(seed_warehouse) in page.inner_text("header")
    for section, groups in EXPECTED_MARKS.items():
        selector = f'section[data-chart="{section}"]'
        assert page.locator(f"{selector} p.empty").count() == 0, section
        assert page.locator(f"{selector} p.counts").count() == 1, section
        assert page.locator(f"{selector} svg").count() == 1, section
        for group in groups:
            drawn = page.locator(f"{selector} svg g.{group} > *").count()
            assert drawn > 0, f"{section}: no marks in {group}"
    # the map: an outline path plus at least one point, both with a real size on screen
    outline = page.locator('section[data-chart="map"] g.outline_marks path').first
    assert outline.bounding_box()["width"] > 400
    assert page.locator('section[data-chart="map"] g.points_marks path').count() >= 1
    # legends name the quad classes
    assert "material conflict" in page.inner_text('section[data-chart="weekly"]')

    screenshot = tmp_path / "report.png"
    page.screenshot(path=str(screenshot), full_page=True)
    assert screenshot.stat().st_size > 10_000

    assert problems == []
    assert attempted == []
    assert all(url.startswith("file://") for url in requests), requests


def test_report_for_a_filter_matching_nothing_says_so_in_chromium(
    seed_warehouse, chromium, tmp_path
):
    out = tmp_path / "nothing.html"
    args = ["report", "-w", str(seed_warehouse), "--out", str(out), "--since", "2099-01-01"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    page = chromium.new_page()
    page.goto(out.as_uri())
    assert page.locator("svg").count() == 0
    assert page.locator("section p.empty").count() == len(EXPECTED_MARKS)
    assert "no dated events match the filters (since 2099-01-01)" in page.inner_text("body")
