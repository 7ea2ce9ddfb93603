"""`newsevents eval` on small gold files written for these tests (never the shared data)."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from flows.cli import app
from flows.evaluation import Metric, _codes, _f1, _haversine_km, evaluate


def _values(metrics: list[Metric]) -> dict[str, float | None]:
    return {metric.name: metric.value for metric in metrics}


def test_acled_notes_are_scored_on_every_metric(lexicon, fixtures_dir):
    values = _values(evaluate("acled", fixtures_dir / "eval" / "acled_sample.csv", lexicon))
    assert values == {
        "acled: event recall": 1.0,
        "acled: event type accuracy": 1.0,
        "acled: sub-event type accuracy": 1.0,
        "acled: fatalities exact": 1.0,
        "acled: country": 1.0,
        "acled: place within 25 km": 1.0,
        "acled: date exact": 1.0,
    }


def test_plover_records_map_old_types_and_score_countries(lexicon, fixtures_dir):
    values = _values(evaluate("plover", fixtures_dir / "eval" / "plover_sample.json", lexicon))
    assert values["plover: event recall"] == 1.0
    assert values["plover: PLOVER type accuracy"] == 1.0  # DISAPPROVE scored as ACCUSE
    assert values["plover: source country F1"] >= 0.8
    assert values["plover: target country F1"] >= 0.8


def test_muc4_perpetrators_include_unknown_lower_case_groups(lexicon, fixtures_dir):
    values = _values(evaluate("muc4", fixtures_dir / "eval" / "muc4_sample.json", lexicon))
    assert values["muc4: perpetrator organization recall"] == 1.0


def test_sport_and_business_news_have_no_violent_events(lexicon, fixtures_dir):
    values = _values(evaluate("bbc", fixtures_dir / "eval" / "bbc_sample", lexicon))
    assert values == {
        "bbc sport: violent events per article": 0.0,
        "bbc business: violent events per article": 0.0,
    }


def test_metric_helpers():
    assert _f1([({"USA"}, {"USA"}), ({"IRN"}, {"IRQ"})]) == 0.5
    assert _f1([(set(), set())]) is None
    assert _haversine_km(-1.2833, 36.8167, -1.2833, 36.8167) == 0
    assert 430 < _haversine_km(-1.2833, 36.8167, -4.0435, 39.6682) < 450  # Nairobi-Mombasa
    assert Metric("x", 0.8, 10, ">= 0.75").passed is True
    assert Metric("x", 0.1, 10, "<= 0.05").passed is False


def test_eval_command_prints_json_and_rejects_unknown_formats(fixtures_dir):
    runner = CliRunner()
    result = runner.invoke(
        app,
        [
            "eval",
            str(fixtures_dir / "eval" / "acled_sample.csv"),
            "--format",
            "acled",
            "--output",
            "json",
        ],
    )
    assert result.exit_code == 0, result.output
    rows = json.loads(result.output[result.output.index("[") :])
    assert {row["metric"] for row in rows} >= {"acled: event recall", "acled: date exact"}
    result = runner.invoke(app, ["eval", str(fixtures_dir), "--format", "gdelt"])
    assert result.exit_code == 2


@pytest.mark.parametrize("file_format", ["plover", "acled"])
def test_a_missing_gold_file_is_a_clear_error(lexicon, tmp_path, file_format):
    with pytest.raises(FileNotFoundError, match="no such gold file"):
        evaluate(file_format, tmp_path / "missing", lexicon)


def test_of_events_equally_sure_the_first_told_is_the_main_one_in_any_batch(lexicon):
    from datetime import datetime

    import polars as pl

    from flows.coding import code_documents
    from flows.evaluation import _documents, _event_view

    text = "Pupils protested on Monday and police arrested two teachers."
    filler = [f"Traders in Kisumu protested on day {n}." for n in range(40)]
    firsts = set()
    for texts in ([text], [*filler, text], [text, *filler]):
        documents = _documents(texts, [datetime(2024, 3, 9)] * len(texts))
        view = _event_view(code_documents(documents, lexicon), lexicon)
        doc_id = documents["doc_id"][texts.index(text)]
        events = view.filter(pl.col("doc_id") == doc_id)
        assert events["confidence"].n_unique() == 1, "the test needs a tie"
        firsts.add(events["trigger"][0])
    assert firsts == {"protested"}


def test_plover_gold_codes_that_are_no_iso_code_score_as_their_country():
    record = {"source": [{"code": "JAPGOV"}, {"code": "IGO"}], "target": [{"code": "ITL"}]}
    assert _codes(record, "source") == {"JPN", "IGO"}
    assert _codes(record, "target") == {"ITA"}


def test_plover_targets_of_one_word_split_into_events_are_scored_together(lexicon, tmp_path):
    # the coder makes one AID event per country aided; PLOVER codes one record for both
    record = {
        "id": "T-1",
        "event": "AID",
        "text": "Norway sent food aid to Sudan and Chad on Monday.",
        "source": [{"actorText": "Norway", "code": "NOR"}],
        "target": [{"actorText": "Sudan", "code": "SDN"}, {"actorText": "Chad", "code": "TCD"}],
    }
    path = tmp_path / "plover.json"
    path.write_text(json.dumps([record]), encoding="utf-8")
    values = _values(evaluate("plover", path, lexicon))
    assert values["plover: source country F1"] == 1.0
    assert values["plover: target country F1"] == 1.0
