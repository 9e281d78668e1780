"""`briefing sources` end to end through the real CLI, on seeds/ and on written folders."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from briefing.cli import app

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
runner = CliRunner()


def test_sources_json_on_seeds() -> None:
    result = runner.invoke(app, ["sources", str(SEEDS), "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    rows = {s["id"]: (s["credibility_label"], s["credibility_origin"]) for s in data["sources"]}
    assert rows == {
        "000_cbb9e17c96fc3635": ("unknown", "default"),
        "001_e717161affdd8244": ("high", "ratings table"),
        "002_76742f467399c0b9": ("unknown", "default"),
        "003_eb11b77ec815ec45": ("unknown", "default"),
        "004_8f497018cf25b217": ("low", "ratings table"),
    }
    dropped = {s["id"]: s["boilerplate_dropped"] for s in data["sources"]}
    assert dropped == {
        "000_cbb9e17c96fc3635": 0,
        "001_e717161affdd8244": 1,
        "002_76742f467399c0b9": 2,
        "003_eb11b77ec815ec45": 20,
        "004_8f497018cf25b217": 5,
    }
    assert data["skipped"] == [
        {"path": "sources.csv", "reason": "the manifest: read as metadata, not as an article"}
    ]
    again = runner.invoke(app, ["sources", str(SEEDS), "--json"])
    assert again.stdout == result.stdout


def test_sources_table_verbose_lists_dropped_lines() -> None:
    result = runner.invoke(app, ["sources", str(SEEDS), "--verbose"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    assert "0.998 high" in result.stdout and "0.293 low" in result.stdout
    assert "ratings table" in result.stdout
    assert "Devoted music ninja" in result.stdout
    assert "link to another story" in result.stdout


def test_unknown_as_and_own_ratings(tmp_path: Path) -> None:
    ratings = tmp_path / "ratings.csv"
    ratings.write_text("domain,score\nchiangraitimes.com,0.8\n", encoding="utf-8")
    result = runner.invoke(app, ["sources", str(SEEDS), "--json", "--ratings", str(ratings)])
    assert result.exit_code == 0, result.output
    labels = {s["id"]: s["credibility_label"] for s in json.loads(result.stdout)["sources"]}
    assert labels["003_eb11b77ec815ec45"] == "high"
    assert labels["001_e717161affdd8244"] == "unknown"


def test_bad_input_exits_2_with_one_line(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("x" * 300, encoding="utf-8")
    (tmp_path / "sources.csv").write_text("file,outlet\nmissing.txt,X\n", encoding="utf-8")
    result = runner.invoke(app, ["sources", str(tmp_path)])
    assert result.exit_code == 2
    assert "row 2: no file named 'missing.txt'" in result.stderr
    assert "Traceback" not in result.output
    empty = tmp_path / "empty"
    empty.mkdir()
    result = runner.invoke(app, ["sources", str(empty)])
    assert result.exit_code == 2
    assert "no article to read" in result.stderr


def test_sources_table_fits_100_columns_without_wrapping_file_names() -> None:
    result = runner.invoke(app, ["sources", str(SEEDS)], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert max(len(line.rstrip()) for line in lines) <= 100
    names = sorted(p.name for p in SEEDS.glob("*.txt"))
    assert all(any(name in line for line in lines) for name in names)  # each on one line
    assert "0.998 high" in result.stdout and "— unknown" in result.stdout


def test_unknown_credibility_is_null_in_both_json_outputs(tmp_path: Path) -> None:
    listed = json.loads(runner.invoke(app, ["sources", str(SEEDS), "--json"]).stdout)
    built = runner.invoke(app, ["build", str(SEEDS), "-o", str(tmp_path), "--embedder", "tfidf"])
    assert built.exit_code == 0, built.output
    brief = json.loads((tmp_path / "brief.json").read_text("utf-8"))
    for sources in (listed["sources"], brief["sources"]):
        unknown = [s["credibility"] for s in sources if s["credibility_label"] == "unknown"]
        assert unknown and all(value is None for value in unknown)
