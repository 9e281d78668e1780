"""What a new user meets first: --version, help text, a mistyped --embedder, quiet manifest."""

from __future__ import annotations

from importlib import metadata
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.config import BriefingConfig, load_config

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


def test_readme_config_example_names_every_section_and_key_with_its_default(
    tmp_path: Path,
) -> None:
    readme = (SEEDS.parent / "README.md").read_text("utf-8")
    example = readme.split("```toml\n", 1)[1].split("```", 1)[0]
    path = tmp_path / "briefing.toml"
    path.write_text(example, encoding="utf-8")
    assert load_config(path) == BriefingConfig()
    written = {line.lstrip("# ").split(" =")[0] for line in example.splitlines() if " = " in line}
    for name, section in BriefingConfig.model_fields.items():
        assert f"[{name}]" in example
        assert section.annotation is not None
        assert set(section.annotation.model_fields) <= written  # type: ignore[union-attr]
