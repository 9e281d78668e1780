"""`briefing digest` and the stories check of `briefing build`, through the real CLI."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app
from briefing.render.markdown import footnote_problems
from markdown_checks import parsed_footnote_refs

MIXED = Path(__file__).resolve().parent / "data" / "mixed"
FIRE = ("fire_ap.txt", "fire_reuters.txt", "fire_bbc.txt")


def run(*args: str) -> tuple[int, str]:
    result = CliRunner().invoke(app, list(args))
    return result.exit_code, result.output


@pytest.fixture(scope="module")
def digest_out(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("digest")
    code, output = run("digest", str(MIXED), "-o", str(out), "--embedder", "tfidf")
    assert code == 0, output
    assert "3 stories in 6 articles, 2 summarised" in output
    return out


def fire_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "fire"
    folder.mkdir()
    for name in FIRE:
        shutil.copy(MIXED / name, folder / name)
    lines = (MIXED / "sources.csv").read_text("utf-8").splitlines()
    (folder / "sources.csv").write_text("\n".join(lines[:4]) + "\n", "utf-8")
    return folder


def test_digest_writes_the_four_forms(digest_out: Path) -> None:
    names = {"digest.md", "digest.json", "digest.html", "feed.json"}
    assert {p.name for p in digest_out.iterdir()} == names


def test_digest_orders_stories_and_never_summarises_a_single_report(digest_out: Path) -> None:
    data = json.loads((digest_out / "digest.json").read_text("utf-8"))
    stories = data["stories"]
    assert [s["independent_reports"] for s in stories] == [3, 2, 1]
    assert sorted(stories[0]["source_ids"]) == sorted(n[:-4] for n in FIRE)
    assert stories[2]["summarised"] is False and stories[2]["brief"] is None
    assert stories[0]["brief"]["disagreements"][0]["kind"] == "figure"
    for story in stories[:2]:
        cited = {c for s in story["brief"]["sentences"] for c in s["citations"]}
        assert cited <= set(story["source_ids"])  # a story cites only its own articles


def test_digest_md_footnotes_are_unique_and_resolve(digest_out: Path) -> None:
    markdown = (digest_out / "digest.md").read_text("utf-8")
    assert footnote_problems(markdown) == []
    assert markdown.count("\n## ") == 3
    assert "Only one independent report; listed, not summarised." in markdown
    assert "RT, credibility low" in markdown
    definitions = [line.split("]:")[0] for line in markdown.splitlines() if line.startswith("[^")]
    assert len(definitions) == len(set(definitions)) == 6
    assert set(parsed_footnote_refs(markdown)) == {d[2:] for d in definitions}


def test_feed_ids_come_from_the_content(digest_out: Path, tmp_path: Path) -> None:
    feed = json.loads((digest_out / "feed.json").read_text("utf-8"))
    assert feed["version"] == "https://jsonfeed.org/version/1.1"
    ids = [item["id"] for item in feed["items"]]
    assert len(set(ids)) == 3 and all(i.startswith("briefing-story-") for i in ids)
    # the next day: the fire story's folder alone, with files renamed, keeps its id
    folder = fire_folder(tmp_path)
    for path in folder.glob("fire_*.txt"):
        path.rename(folder / ("day2_" + path.name))
    csv = (folder / "sources.csv").read_text("utf-8").replace("fire_", "day2_fire_")
    (folder / "sources.csv").write_text(csv, "utf-8")
    code, output = run("digest", str(folder), "-o", str(tmp_path / "out"), "--embedder", "tfidf")
    assert code == 0, output
    again = json.loads((tmp_path / "out" / "feed.json").read_text("utf-8"))
    assert again["items"][0]["id"] == ids[0]
    assert again["items"][0]["external_url"].startswith("https://")


def test_build_on_a_mixed_folder_warns_on_stderr_and_in_the_audit(tmp_path: Path) -> None:
    code, output = run("build", str(MIXED), "-o", str(tmp_path), "--embedder", "tfidf")
    assert code == 0, output
    assert "seems to hold 3 stories, not one" in output
    assert "seems to hold 3 stories" in (tmp_path / "audit.md").read_text("utf-8")
    data = json.loads((tmp_path / "brief.json").read_text("utf-8"))
    assert len(data["warnings"]) == 1 and "briefing digest" in data["warnings"][0]


def test_a_single_story_brief_has_its_disagreements_section(tmp_path: Path) -> None:
    out = tmp_path / "out"
    code, output = run("build", str(fire_folder(tmp_path)), "-o", str(out), "--embedder", "tfidf")
    assert code == 0, output
    assert "seems to hold" not in output
    brief_md = (out / "brief.md").read_text("utf-8")
    assert "## Where sources disagree" in brief_md and footnote_problems(brief_md) == []
    section = brief_md.split("## Where sources disagree")[1]
    assert "Associated Press says" in section and "killing 12 people" in section
    assert "Reuters says" in section and "killing 15 people" in section
    data = json.loads((out / "brief.json").read_text("utf-8"))
    (item,) = data["disagreements"]
    assert item["kind"] == "figure" and len(item["sides"]) == 2
    assert data["warnings"] == []
    assert (out / "audit.html").exists()
    assert "Where sources disagree" in (out / "audit.md").read_text("utf-8")


def test_digest_of_a_missing_folder_is_one_line_and_exit_2(tmp_path: Path) -> None:
    code, output = run("digest", str(tmp_path / "nope"), "-o", str(tmp_path / "out"))
    assert code == 2
    assert output.count("\n") == 1 and "nope" in output
    assert not (tmp_path / "out").exists()
