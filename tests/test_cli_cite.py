"""`briefing cite` end to end on the seed story."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from briefing.cli import app
from briefing.render.markdown import footnote_problems

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
AP = "001_e717161affdd8244"

DRAFT = """# Xi and Putin

The Kremlin has denied having any plans to attack its neighbor. Xi said he understood
Russia's concerns and fully backed its initiative on security guarantees, Ushakov said.

- Putin said he would attend the 2024 Winter Olympics in Beijing.
- The two leaders also agreed to build a new gas pipeline to India.

An editor's aside with its own note.[^ed]

[^ed]: Written by the desk.
"""


def test_cite_marks_what_the_sources_do_and_do_not_support(tmp_path: Path) -> None:
    draft = tmp_path / "draft.md"
    draft.write_text(DRAFT, "utf-8")
    before = draft.read_bytes()
    result = CliRunner().invoke(app, ["cite", str(draft), str(SEEDS), "-o", str(tmp_path / "out")])
    assert result.exit_code == 0, result.output
    data = json.loads((tmp_path / "out" / "cited.json").read_text("utf-8"))
    flags = [(s["text"][:30], s["supported"]) for s in data["sentences"]]
    assert [supported for _, supported in flags] == [True, True, False, False, False], flags
    for sentence in data["sentences"][:2]:
        assert AP in sentence["citations"] and len(sentence["citations"]) >= 2
    for sentence in data["sentences"][2:]:
        assert sentence["citations"] == []
    cited = (tmp_path / "out" / "cited.md").read_text("utf-8")
    assert cited.count("\\[unsupported\\]") == 3
    assert "[^ed]: Written by the desk." in cited and footnote_problems(cited) == []
    assert draft.read_bytes() == before
