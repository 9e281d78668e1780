"""What a new user meets first: --version, help text, a mistyped --embedder, quiet manifest."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
runner = CliRunner()


def test_version_is_the_installed_package_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.stdout.strip() == f"briefing {metadata.version('briefing')}"


@pytest.mark.parametrize("command", [[], ["build"], ["cite"], ["sources"]])
def test_help_shows_no_type_tags(command: list[str]) -> None:
    result = runner.invoke(app, [*command, "--help"], env={"COLUMNS": "100"})
    assert result.exit_code == 0, result.output
    assert "<bool>" not in result.stdout and "<list" not in result.stdout
    assert "{" not in result.stdout
    if command:
        usage = next(line for line in result.stdout.splitlines() if "Usage:" in line)
        assert "INPUT_DIR" in usage


def test_a_mistyped_embedder_is_one_line_naming_the_accepted_values(tmp_path: Path) -> None:
    result = runner.invoke(app, ["build", str(SEEDS), "-o", str(tmp_path), "--embedder", "foo"])
    assert result.exit_code == 2
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1
    assert "'foo'" in lines[0] and "'minilm'" in lines[0] and "'tfidf'" in lines[0]
    assert not (tmp_path / "brief.md").exists()


def test_the_manifest_is_reported_only_with_verbose() -> None:
    quiet = runner.invoke(app, ["sources", str(SEEDS), "--json"])
    assert quiet.exit_code == 0 and "sources.csv" not in quiet.stderr
    verbose = runner.invoke(app, ["sources", str(SEEDS), "--json", "-v"])
    assert "sources.csv: skipped (the manifest" in verbose.stderr
