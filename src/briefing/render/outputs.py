"""The output folder: checked and locked before any work, written as one set, summarised
in one line. How a set is switched in lives in `outset`."""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Iterator, Sequence
from pathlib import Path

from briefing.errors import OutputError
from briefing.models import Brief, Digest, Draft
from briefing.render import outset
from briefing.render.audit import counted, render_audit_md, verdict_counts
from briefing.render.brief_md import render_brief_md
from briefing.render.cited import render_cited_md
from briefing.render.digest import render_digest_json, render_digest_md, render_feed
from briefing.render.html import render_audit_html, render_digest_html
from briefing.render.json_out import render_json

log = logging.getLogger(__name__)

# Every file either command writes; none of them may replace an input.
OUTPUT_NAMES = outset.OUTPUT_NAMES
# What `briefing digest` writes, in the order its summary names them.
DIGEST_FILES = ("digest.md", "digest.json", "digest.html", "feed.json")


def check_output_dir(path: Path) -> None:
    """Create the folders above `path` and prove a set can be written there; OutputError if
    not. `path` itself appears when its first set is switched in."""
    if path.exists() and not path.is_dir():
        raise OutputError("exists and is not a folder", str(path))
    outset.check_writable(path)


def check_not_inputs(path: Path, inputs: Sequence[Path]) -> None:
    """OutputError when `path` is an input folder, or would receive an output file named as
    an input file there (a draft called cited.md): inputs are never written over, and
    outputs written among the articles would be read as articles next time."""
    out = path.resolve()
    for given in inputs:
        target = given.resolve()
        if target == out or (target.parent == out and target.name in OUTPUT_NAMES):
            raise OutputError(
                f"would write over the input {given}; choose another output folder (-o)",
                str(path),
            )


@contextlib.contextmanager
def output_dir(path: Path, inputs: Sequence[Path] = ()) -> Iterator[None]:
    """Check `path` and hold its lock for the work; if the work fails, remove the folders
    this created while they are still empty, so a failed run leaves nothing behind."""
    check_not_inputs(path, inputs)
    created = [folder for folder in (path, *path.parents) if not folder.exists()]
    check_output_dir(path)
    try:
        with outset.claimed(path):
            outset.check_replaceable(path)
            yield
    except BaseException:
        for folder in created:
            with contextlib.suppress(OSError):
                folder.rmdir()
        raise


def write_files(out_dir: Path, files: dict[str, str]) -> None:
    """Replace the set of files in `out_dir` with `files`, UTF-8, as one step (see `outset`):
    a failure leaves the previous set as it was and nothing beside it."""
    for name in files:
        if not name or name in {".", ".."} or Path(name).name != name:
            raise ValueError(f"output file name must be a plain name: {name!r}")
    outset.replace_set(out_dir, {name: text.encode("utf-8") for name, text in files.items()})
    log.info("wrote %s to %s", ", ".join(files), out_dir)


def write_brief(brief: Brief, out_dir: Path) -> None:
    """brief.md, audit.md, brief.json and audit.html, all rendered before any is written."""
    files = {
        "brief.md": render_brief_md(brief),
        "audit.md": render_audit_md(brief),
        "brief.json": render_json(brief),
        "audit.html": render_audit_html(brief),
    }
    write_files(out_dir, files)


def write_cited(draft: Draft, brief: Brief, out_dir: Path) -> None:
    """cited.md, audit.md and cited.json for a draft checked against the articles."""

    files = {
        "cited.md": render_cited_md(draft, brief),
        "audit.md": render_audit_md(brief, kind="cite"),
        "cited.json": render_json(brief, kind="cite"),
    }
    write_files(out_dir, files)


def write_digest(digest: Digest, out_dir: Path) -> None:
    """digest.md, digest.json, digest.html and feed.json, all rendered before any is written."""
    files = {
        "digest.md": render_digest_md(digest),
        "digest.json": render_digest_json(digest),
        "digest.html": render_digest_html(digest),
        "feed.json": render_feed(digest),
    }
    write_files(out_dir, files)


def digest_summary(digest: Digest, out_dir: Path) -> str:
    """One line for stderr: how many stories were found and summarised, and where."""
    summarised = sum(story.brief is not None for story in digest.stories)
    stories = "1 story" if len(digest.stories) == 1 else f"{len(digest.stories)} stories"
    return (
        f"{stories} in {counted(len(digest.sources), 'article')}, "
        f"{summarised} summarised; wrote {', '.join(DIGEST_FILES)} to {out_dir}"
    )


def brief_summary(brief: Brief, out_dir: Path) -> str:
    """One line for stderr: what the brief holds and where the files are."""
    cited = len({sid for sentence in brief.sentences for sid in sentence.citations})
    line = (
        f"{counted(len(brief.sentences), 'sentence')}, {counted(cited, 'source')} cited, "
        f"{counted(len(brief.suppressed), 'claim')} suppressed; "
        f"wrote brief.md, audit.md, audit.html, brief.json to {out_dir}"
    )
    if brief.fallback_reason:
        line += f"; fell back to extractive: {brief.fallback_reason}"
    return line


def cite_summary(brief: Brief, out_dir: Path) -> str:
    """One line for stderr: how many draft sentences the articles support, and where."""
    return (
        f"{counted(len(brief.sentences), 'sentence')}, {verdict_counts(brief.sentences)}; "
        f"wrote cited.md, audit.md, cited.json to {out_dir}"
    )
