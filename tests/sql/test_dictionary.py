"""The data dictionary (sql/DICTIONARY.md) describes exactly the live schema."""

from __future__ import annotations

import re

import duckdb

from flows import warehouse
from flows.settings import load_settings

SETTINGS = load_settings()
DICTIONARY = SETTINGS.sql_dir / "DICTIONARY.md"


def _live_schema() -> dict[str, list[str]]:
    con = duckdb.connect()
    warehouse.migrate(con, SETTINGS.schema_dir)
    warehouse.apply_views(con, SETTINGS.views_dir)
    rows = con.execute(
        "SELECT table_name, column_name FROM information_schema.columns"
        " ORDER BY table_name, ordinal_position"
    ).fetchall()
    con.close()
    schema: dict[str, list[str]] = {}
    for table, column in rows:
        schema.setdefault(table, []).append(column)
    return schema


def _documented() -> tuple[dict[str, list[str]], dict[str, str]]:
    text = DICTIONARY.read_text(encoding="utf-8")
    sections = re.findall(r"^### (\w+)\n\n(.+?)\n\n(`.+`)$", text, flags=re.MULTILINE)
    objects = {name: re.findall(r"`(\w+)`", columns) for name, _about, columns in sections}
    glossary = dict(re.findall(r"^\| `(\w+)` \| (.+) \|$", text, flags=re.MULTILINE))
    return objects, glossary


def test_every_table_and_view_is_documented_with_exactly_its_columns():
    live = _live_schema()
    documented, _ = _documented()
    assert set(documented) == set(live), set(documented) ^ set(live)
    for name, columns in live.items():
        assert documented[name] == columns, name


def test_every_column_has_a_meaning():
    live = _live_schema()
    _, glossary = _documented()
    columns = {column for names in live.values() for column in names}
    assert columns == set(glossary), columns ^ set(glossary)
    assert all(len(meaning) > 10 for meaning in glossary.values())
