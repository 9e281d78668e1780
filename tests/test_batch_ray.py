"""`briefing build --engine ray`: Ray Data on a local two-CPU Ray writes the same bytes as the
in-process batch, reports a broken story the same way, and says so in one line when Ray is
missing or an option does not fit."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from briefing.batch_ray import needs_gpu
from briefing.cli import app
from briefing.config import BriefingConfig, ComposeConfig
from briefing.errors import ConfigError
from tiny_models import build_bart

# Two CPUs, as the CI machine has: the actor pool really runs stories side by side.
WORKERS = "2"
OUTLETS = {
    "wire": ("Wire Service", "apnews.com"),
    "paper": ("City Paper", "nytimes.com"),
    "radio": ("Public Radio", "npr.org"),
}
# One story's facts; each story folder fills them in differently, so no two briefs are alike.
REPORTS = (
    "The {town} council approved a budget of {amount} million dollars on {day} evening.",
    "Mayor {mayor} said the {town} budget keeps every library branch open this year.",
    "The {town} budget raises spending on road repairs by {share} percent.",
    "Council members voted {votes} to two in favour of the {town} plan after a long debate.",
    "Opponents in {town} said the plan leaves too little money for public transport.",
)
STORIES = {
    "alpha": {"town": "Riverton", "amount": "40", "day": "Monday", "mayor": "Alvarez",
              "share": "12", "votes": "seven"},
    "bravo": {"town": "Lakeside", "amount": "18", "day": "Tuesday", "mayor": "Okafor",
              "share": "9", "votes": "five"},
    "charlie": {"town": "Hillcrest", "amount": "73", "day": "Thursday", "mayor": "Lindqvist",
                "share": "20", "votes": "six"},
    "delta": {"town": "Brookfield", "amount": "25", "day": "Friday", "mayor": "Nakamura",
              "share": "4", "votes": "eight"},
}  # fmt: skip


def write_stories(parent: Path, names: list[str]) -> Path:
    """Story folders of three articles each; every outlet words the facts in its own order."""
    for name in names:
        folder = parent / name
        folder.mkdir(parents=True)
        rows = ["file,outlet,domain"]
        for turn, (key, (outlet, domain)) in enumerate(OUTLETS.items()):
            facts = [line.format(**STORIES[name]) for line in REPORTS]
            body = facts[turn:] + facts[:turn]
            headline = f"{STORIES[name]['town']} passes its budget ({outlet})"
            (folder / f"{key}.txt").write_text(headline + "\n\n" + " ".join(body) + "\n", "utf-8")
            rows.append(f"{key}.txt,{outlet},{domain}")
        (folder / "sources.csv").write_text("\n".join(rows) + "\n", "utf-8")
    return parent


def build(*args: str) -> Result:
    return CliRunner().invoke(app, ["build", *args])


def files(root: Path) -> dict[str, bytes]:
    return {
        str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()
    }


# What `briefing build` writes per story (brief.md, audit.md, audit.html, brief.json).
BRIEF_FILES = ("brief.md", "audit.md", "audit.html", "brief.json")


def report_lines(output: str, out_dir: Path) -> list[str]:
    """The batch's own report: error lines, one summary line per story, the table's rows
    (Ray's forwarded worker logs and the warnings are left out)."""
    keep = [
        line
        for line in output.splitlines()
        if line.startswith("error: ") or "; wrote " in line or line.startswith("│")
    ]
    return [line.replace(str(out_dir), "OUT") for line in keep]


def test_ray_writes_the_same_bytes_and_reports_a_broken_story(tmp_path: Path) -> None:
    parent = write_stories(tmp_path / "stories", ["alpha", "bravo", "charlie", "delta"])
    (parent / "broken").mkdir()  # no article in it: this story fails, the others are written
    common = [str(parent), "--per-folder", "--embedder", "tfidf", "-o"]
    local = build(*common, str(tmp_path / "local"))
    on_ray = build(*common, str(tmp_path / "ray"), "--engine", "ray", "--workers", WORKERS)
    assert local.exit_code == on_ray.exit_code == 2
    written = files(tmp_path / "ray")
    assert sorted({name.split("/")[0] for name in written}) == [
        "alpha",
        "bravo",
        "charlie",
        "delta",
    ]
    assert len(written) == 4 * len(BRIEF_FILES)
    assert written == files(tmp_path / "local")
    lines = report_lines(on_ray.output, tmp_path / "ray")
    assert lines == report_lines(local.output, tmp_path / "local")
    errors = [line for line in lines if line.startswith("error: ")]
    assert len(errors) == 1
    assert errors[0].startswith(f"error: {parent / 'broken'}: no article to read")
    assert sum("failed" in line for line in lines) == 1


def test_ray_with_the_default_minilm_writes_the_same_bytes(tmp_path: Path) -> None:
    parent = write_stories(tmp_path / "stories", ["alpha", "charlie", "delta"])
    local = build(str(parent), "--per-folder", "-o", str(tmp_path / "local"))
    on_ray = build(
        str(parent), "--per-folder", "-o", str(tmp_path / "ray"), "--engine", "ray",
        "--workers", WORKERS,
    )  # fmt: skip
    assert local.exit_code == on_ray.exit_code == 0, on_ray.output
    assert files(tmp_path / "ray") == files(tmp_path / "local")
    assert len(files(tmp_path / "ray")) == 3 * len(BRIEF_FILES)


def test_ray_in_abstractive_mode_loads_the_generator_in_each_actor(tmp_path: Path) -> None:
    """A tiny random BART on CPU actors (no GPU here, --device auto): the generator loads in
    the actors and writes the same bytes as in this process."""
    parent = write_stories(tmp_path / "stories", ["bravo", "delta"])
    texts = [line.format(**facts) for facts in STORIES.values() for line in REPORTS]
    model = build_bart(tmp_path / "bart", texts)
    common = [str(parent), "--per-folder", "--embedder", "tfidf", "--model", str(model), "-o"]
    local = build(*common, str(tmp_path / "local"))
    on_ray = build(*common, str(tmp_path / "ray"), "--engine", "ray", "--workers", WORKERS)
    assert local.exit_code == on_ray.exit_code == 0, on_ray.output
    written = files(tmp_path / "ray")
    assert written == files(tmp_path / "local")
    # The random model's sentences fail verification: proof that it generated, on both paths.
    assert b"generated sentences were supported by the sources" in written["bravo/brief.json"]


def test_a_single_failing_story_on_ray_is_the_run_s_one_error(tmp_path: Path) -> None:
    (tmp_path / "empty").mkdir()
    result = build(str(tmp_path / "empty"), "-o", str(tmp_path / "out"), "--engine", "ray")
    assert result.exit_code == 2
    assert f"error: {tmp_path / 'empty'}: no article to read" in result.output
    assert not (tmp_path / "out").exists()


def test_missing_ray_is_one_clear_line(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    parent = write_stories(tmp_path / "stories", ["alpha", "bravo"])
    monkeypatch.setitem(sys.modules, "ray", None)  # `import ray` raises ImportError
    monkeypatch.setitem(sys.modules, "ray.data", None)
    result = build(str(parent), "--per-folder", "-o", str(tmp_path / "out"), "--engine", "ray")
    assert result.exit_code == 2
    assert result.output == "error: --engine ray needs Ray Data: pip install 'briefing[ray]'\n"
    assert not (tmp_path / "out").exists()


@pytest.mark.parametrize("flag", [["--workers", "2"], ["--ray-address", "auto"]])
def test_ray_options_without_the_ray_engine_are_refused(tmp_path: Path, flag: list[str]) -> None:
    parent = write_stories(tmp_path / "stories", ["alpha", "bravo"])
    result = build(str(parent), "--per-folder", "-o", str(tmp_path / "out"), *flag)
    assert result.exit_code == 2
    assert result.output == "error: --ray-address and --workers need --engine ray\n"


def config(**compose: str) -> BriefingConfig:
    return BriefingConfig(compose=ComposeConfig.model_validate(compose))


@pytest.mark.parametrize(
    ("compose", "gpus", "wanted"),
    [
        ({}, 4, False),  # extractive: CPU actors wherever GPUs are
        ({"model": "some/model"}, 4, True),  # auto mode with a model is abstractive
        ({"model": "some/model", "device": "cpu"}, 4, False),
        ({"model": "some/model"}, 0, False),  # --device auto without GPUs runs on CPU
        ({"mode": "abstractive"}, 4, False),  # no model: every story reports it, on CPU
    ],
)
def test_gpu_actors_only_for_abstractive_mode(
    compose: dict[str, str], gpus: int, wanted: bool
) -> None:
    assert needs_gpu(config(**compose), gpus) is wanted


def test_an_explicit_cuda_device_on_a_cluster_without_gpus_is_refused() -> None:
    with pytest.raises(ConfigError, match="no GPU"):
        needs_gpu(config(model="some/model", device="cuda"), 0)
