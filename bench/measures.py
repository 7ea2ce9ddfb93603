"""What every benchmark does with its figures: print them as a table, next to their
targets, and write them to ``bench/results/<name>.json`` to compare with the next run."""

from __future__ import annotations

import json
from pathlib import Path

RESULTS = Path(__file__).resolve().parent / "results"


def report(name: str, result: dict, targets: dict[str, str] | None = None) -> Path:
    """Print ``result`` (scalar values; lists and dicts go to the JSON file only) and write it."""
    targets = targets or {}
    rows = {key: value for key, value in result.items() if not isinstance(value, list | dict)}
    width = max(len(key) for key in rows) + 2
    print(f"{'measure':{width}} {'value':>14}  target")
    for key, value in rows.items():
        print(f"{key:{width}} {value!s:>14}  {targets.get(key, '')}")
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"{name}.json"
    out.write_text(json.dumps(result, indent=1))
    print(f"written {out}")
    return out
