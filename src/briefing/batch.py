"""One or many stories in one process (models are cached per process, so they load once), and
the batch loop every engine shares: write each brief as it comes, report failures, the table."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import partial
from pathlib import Path

from rich.console import Console
from rich.progress import Progress, TaskID
from rich.table import Table

from briefing.config import BriefingConfig
from briefing.errors import BriefingError, InputError
from briefing.models import Brief
from briefing.pipeline import OnStage, build_brief
from briefing.render import outputs

log = logging.getLogger(__name__)

DEFAULT_OUTPUT_ROOT = Path("outputs")


@dataclass(frozen=True)
class Story:
    input_dir: Path
    output_dir: Path


def _story_dirs(input_dirs: list[Path], per_folder: bool) -> list[Path]:
    if not per_folder:
        return input_dirs
    found: list[Path] = []
    for parent in input_dirs:
        if not parent.is_dir():
            raise InputError("not a folder", str(parent))
        found += sorted(p for p in parent.iterdir() if p.is_dir() and not p.name.startswith("."))
    if not found:
        raise InputError("no story folders inside", ", ".join(map(str, input_dirs)))
    return found


def plan_stories(input_dirs: list[Path], output: Path | None, per_folder: bool) -> list[Story]:
    """A single story writes into OUTPUT (default outputs/NAME); several write OUTPUT/NAME."""
    dirs = _story_dirs(input_dirs, per_folder)
    if len(dirs) == 1 and not per_folder:
        name = dirs[0].resolve().name
        return [Story(dirs[0], output or DEFAULT_OUTPUT_ROOT / name)]
    root = output or DEFAULT_OUTPUT_ROOT
    names = [d.resolve().name for d in dirs]
    duplicates = {n for n in names if names.count(n) > 1}
    if duplicates:
        raise InputError("two story folders share a name", ", ".join(sorted(duplicates)))
    return [Story(d, root / name) for d, name in zip(dirs, names, strict=True)]


# Builds one story's brief, telling `on_stage` what it is doing: here in this process, or by
# fetching what a worker built (batch_ray). Either way `_build_one` writes it.
MakeBrief = Callable[[OnStage], Brief]


def _in_process(story: Story, config: BriefingConfig) -> MakeBrief:
    def make(on_stage: OnStage) -> Brief:
        return build_brief(story.input_dir, config, on_stage=on_stage)

    return make


def _build_one(story: Story, make: MakeBrief, console: Console, on_stage: OnStage) -> Brief:
    with outputs.output_dir(story.output_dir, inputs=[story.input_dir]):
        brief = make(on_stage)
        outputs.write_brief(brief, story.output_dir)
    console.print(outputs.brief_summary(brief, story.output_dir), markup=False)
    return brief


def build_stories(stories: list[Story], config: BriefingConfig, console: Console) -> int:
    """Build every story in this process; see `write_stories`. Returns the failure count."""
    return write_stories(((s, _in_process(s, config)) for s in stories), len(stories), console)


def write_stories(made: Iterable[tuple[Story, MakeBrief]], total: int, console: Console) -> int:
    """Write each story's brief as it is made, whatever engine makes it; a failing story is
    reported and skipped. Returns the failure count.

    A single story's error propagates, so the CLI reports it as the run's one error line.
    """
    if total == 1:
        ((story, make),) = made
        with console.status(f"building {story.input_dir}") as status:
            _build_one(story, make, console, status.update)
        return 0
    results: list[tuple[Story, Brief | str]] = []
    with Progress(console=console, transient=True) as progress:
        task = progress.add_task("stories", total=total)
        for story, make in made:
            try:
                on_stage = partial(_describe, progress, task, story.input_dir.name)
                results.append((story, _build_one(story, make, console, on_stage)))
            except BriefingError as exc:
                console.print(f"error: {exc}", markup=False)
                results.append((story, str(exc)))
            progress.advance(task)
    console.print(_summary_table(results))
    return sum(isinstance(result, str) for _, result in results)


def _describe(progress: Progress, task: TaskID, story: str, stage: str) -> None:
    progress.update(task, description=f"{story}: {stage}")


def _summary_table(results: list[tuple[Story, Brief | str]]) -> Table:
    table = Table(title="stories")
    # A story's folder is shown whole, folded over lines in a narrow terminal, never cut.
    table.add_column("story", overflow="fold")
    for column in ("sentences", "sources cited", "suppressed", "status"):
        table.add_column(column)
    for story, result in results:
        if isinstance(result, str):
            table.add_row(str(story.input_dir), "-", "-", "-", "failed")
            continue
        cited = {c for s in result.sentences for c in s.citations}
        table.add_row(
            str(story.input_dir),
            str(len(result.sentences)),
            str(len(cited)),
            str(len(result.suppressed)),
            "ok" if result.fallback_reason is None else "fallback",
        )
    return table
