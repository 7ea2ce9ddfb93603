"""Quality gates on the shared human-coded data: the coder may not silently get worse.

The floors are pinned a little below the scores measured when they were set (see the
issue notes); raise them when the coder improves. The tests skip on a machine without
`../shared/data` (the data may not be copied into the repository).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from flows.evaluation import evaluate

SHARED = Path(__file__).resolve().parents[2].parent / "shared" / "data"
pytestmark = pytest.mark.quality

GATES = {
    ("acled", "acled_kenya/acled_kenya_2004_2019.csv"): {
        "acled: event recall": 0.985,
        "acled: event type accuracy": 0.85,
        "acled: sub-event type accuracy": 0.79,
        "acled: fatalities exact": 0.865,
        "acled: country": 0.978,
        "acled: place within 25 km": 0.452,  # named places only; 0.455 with the place rules
        "acled: date exact": 0.958,
    },
    ("plover", "plover/PLOVER_GSR_CAMEO.txt"): {
        "plover: PLOVER type accuracy": 0.765,
        "plover: source country F1": 0.823,
        "plover: target country F1": 0.775,
    },
    ("muc4", "muc4/dev.json"): {"muc4: perpetrator organization recall": 0.725},
}
CEILINGS = {  # violent events per article in news that is not about politics
    "bbc sport: violent events per article": 0.05,
    "bbc entertainment: violent events per article": 0.05,
    "bbc business: violent events per article": 0.05,
    "bbc tech: violent events per article": 0.05,
}


@pytest.mark.parametrize(("file_format", "relative"), list(GATES))
def test_scores_stay_above_their_floors(lexicon, file_format, relative):
    path = SHARED / relative
    if not path.exists():
        pytest.skip(f"{path} is not on this machine")
    scores = {metric.name: metric.value for metric in evaluate(file_format, path, lexicon)}
    for name, floor in GATES[(file_format, relative)].items():
        assert scores[name] is not None and scores[name] >= floor, (name, scores[name], floor)


def test_non_political_news_stays_quiet(lexicon):
    path = SHARED / "bbc_news"
    if not path.exists():
        pytest.skip(f"{path} is not on this machine")
    scores = {metric.name: metric.value for metric in evaluate("bbc", path, lexicon)}
    for name, ceiling in CEILINGS.items():
        assert scores[name] <= ceiling, (name, scores[name], ceiling)
