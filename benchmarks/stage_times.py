"""CPU seconds per pipeline stage, over story folders built one after another in one process.

    .venv/bin/python benchmarks/stage_times.py FOLDER [--embedder tfidf]

FOLDER holds one story per subfolder (`speed.py scale --layouts multi` builds such a corpus
under benchmarks/.cache/scale/multi-N). Each stage function the pipeline calls is wrapped to
add up the process CPU time spent in it (not wall time: the machine is shared, and CPU time
is what a change to the code changes). Stages nest: "compose+verify" holds "verify_drafts".
Run it with PYTHONPATH pointing at another checkout's src/ to compare that code.
"""

from __future__ import annotations

import argparse
import functools
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

from briefing import credibility, pipeline, rank
from briefing.config import BriefingConfig, EmbedConfig
from briefing.embed import get_embedder

# (module, function, label): what the pipeline calls, by the name it calls it.
STAGES: tuple[tuple[Any, str, str], ...] = (
    (pipeline, "read_sources", "read + split"),
    (pipeline, "find_stories", "story check"),
    (pipeline, "analyse_corpus", "embed + claims + matcher set-up"),
    (credibility, "suppress", "suppress (matcher)"),
    (rank, "rank_claims", "rank"),
    (rank, "select_brief", "select"),
    (pipeline, "printed_texts", "printed texts"),
    (pipeline, "_compose_and_verify", "compose + verify"),
    (pipeline, "verify_drafts", "verify_drafts (matcher)"),
    (pipeline, "find_disagreements", "disagreements"),
)


def timed(spent: Counter[str], label: str, function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        started = time.process_time()
        try:
            return function(*args, **kwargs)
        finally:
            spent[label] += time.process_time() - started

    return wrapper


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("folder", type=Path)
    parser.add_argument("--embedder", default="tfidf")
    args = parser.parse_args(argv)
    spent: Counter[str] = Counter()
    for module, name, label in STAGES:
        setattr(module, name, timed(spent, label, getattr(module, name)))
    config = BriefingConfig(embed=EmbedConfig(embedder=args.embedder))
    embedder = get_embedder(config.embed)
    started = time.process_time()
    stories = sorted(p for p in args.folder.iterdir() if p.is_dir())
    for story in stories:
        pipeline.build_brief(story, config, embedder)
    total = time.process_time() - started
    print(f"{len(stories)} stories, embedder {args.embedder}: {total:.1f} s CPU in all")
    for label, seconds in spent.most_common():
        print(f"{seconds:7.2f} s  {label}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
