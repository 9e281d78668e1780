"""Precision and recall of the brief's repeat judge (src/briefing/rank/select.py) on labelled
pairs of candidates (benchmarks/data/repeat_pairs.jsonl; docs/benchmarks.md, "Seventh round").

Each pair is two candidates of one story's selection pool (claims the brief could print, in the
shipped 200-word configuration with MiniLM), named by the story sentence each prints
(`source:index`, never the dev set's text) with a hash of the printed text, and labelled by
reading: `repeat` (one tells nothing a reader needs beyond the other, or only a trivial detail),
`distinct`, or `conflict` (two figures or claims for one fact, unreconciled). A pair is held
apart when the selection would never print both: `restatements` pairs them (one fact, a
headline group), the later one `retold` the earlier, or they `clash`. Repeats and conflicts
should be held apart, distinct facts not.

    .venv/bin/python benchmarks/repeats.py [--part tune|held-out|all] [-v]
"""

from __future__ import annotations

import argparse
import hashlib
import json
import logging
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from briefing import pipeline, rank
from briefing.config import BriefingConfig
from briefing.embed import get_embedder
from briefing.models import Claim, Story
from briefing.rank import select
from devset import PARTS, REPO_ROOT, load_clusters, write_cluster

PAIRS = REPO_ROOT / "benchmarks/data/repeat_pairs.jsonl"
SHOULD_PART = frozenset({"repeat", "conflict"})


@dataclass(frozen=True)
class Pool:
    """One story's candidates and what selection reads besides them."""

    candidates: list[select.Candidate]
    given: select.Selection


@contextmanager
def recording(pools: list[Pool]) -> Iterator[None]:
    """While open, each brief built records its selection pool (the shipped selection runs
    unchanged)."""
    shipped = rank.select_brief

    def record(
        ranked: Sequence[Claim],
        texts: Mapping[str, str],
        given: select.Selection,
        config: Any,
    ) -> tuple[Claim, ...]:
        pools.append(Pool(select.candidates(ranked, texts, given), given))
        return shipped(ranked, texts, given, config)

    rank.select_brief = record  # type: ignore[assignment]
    try:
        yield
    finally:
        rank.select_brief = shipped  # type: ignore[assignment]


def printed_sentence(candidate: select.Candidate, story: Story) -> str:
    """The id of the story sentence a candidate prints: its claim's member (or evidence that
    states all of it) sharing most stems with the printed text."""
    claim = candidate.claim
    ids = [*claim.member_ids, *(e.sentence_id for e in claim.evidence if e.states_all)]
    found = [story.by_id[i] for i in dict.fromkeys(ids) if i in story.by_id]
    mine = select._stems(candidate.text)
    return max(found, key=lambda s: len(select._stems(s.text) & mine)).id


def digest(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def held_apart(
    a: select.Candidate, b: select.Candidate, pool: Pool, restated: set[tuple[int, int]]
) -> list[str]:
    """Why the selection would never print both (empty: it may)."""
    i, j = sorted((pool.candidates.index(a), pool.candidates.index(b)))
    reasons = ["restated"] if (i, j) in restated else []
    first, second = select.in_story_order([a, b], pool.given, None)
    if select.retold(second, [first], pool.given):
        reasons.append("retold")
    if select.clash(a, b, pool.given):
        reasons.append("clash")
    return reasons


def judge_story(
    pool: Pool, rows: list[dict[str, Any]], verbose: bool
) -> Iterator[tuple[str, list[str] | None]]:
    """Per labelled pair, its label and why it is held apart (None: a side is not in the pool)."""
    by_sentence: dict[str, list[select.Candidate]] = {}
    for candidate in pool.candidates:
        by_sentence.setdefault(printed_sentence(candidate, pool.given.story), []).append(candidate)
    restated = set(select.restatements(pool.candidates, pool.given))
    for row in rows:
        sides = [by_sentence.get(row[key], []) for key in ("a", "b")]
        if not all(sides):
            yield row["label"], None
            continue
        reasons = max(
            (held_apart(a, b, pool, restated) for a in sides[0] for b in sides[1] if a is not b),
            key=len,
            default=[],
        )
        drifted = {digest(c.text) for side in sides for c in side}.isdisjoint(row["hashes"])
        if verbose:
            mark = "~" if drifted else " "
            print(f"{mark} {row['story']} {row['a']} | {row['b']}: {row['label']} {reasons}")
        yield row["label"], reasons


def pools_of(stories: set[str]) -> dict[str, Pool]:
    config = BriefingConfig()
    embedder = get_embedder(config.embed)
    found: dict[str, Pool] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for cluster in load_clusters():
            if cluster.id not in stories:
                continue
            folder = Path(tmp) / cluster.id
            write_cluster(cluster, folder)
            recorded: list[Pool] = []
            with recording(recorded):
                pipeline.build_brief(folder, config, embedder)
            found[cluster.id] = recorded[-1]
    return found


def report(tally: Counter[tuple[str, bool]], missing: int, conflicts: Counter[bool]) -> str:
    true_pos = sum(n for (label, held), n in tally.items() if held and label in SHOULD_PART)
    false_pos = sum(n for (label, held), n in tally.items() if held and label == "distinct")
    false_neg = sum(n for (label, held), n in tally.items() if not held and label in SHOULD_PART)
    precision = true_pos / max(1, true_pos + false_pos)
    recall = true_pos / max(1, true_pos + false_neg)
    labels = Counter(label for (label, _held), n in tally.items() for _ in range(n))
    return (
        f"pairs judged: {sum(tally.values())} ({dict(sorted(labels.items()))}); "
        f"not found in the pool: {missing}\n"
        f"held apart: precision {precision:.3f}, recall {recall:.3f} "
        f"(repeats and conflicts held apart {true_pos}, distinct facts held apart {false_pos}, "
        f"repeats and conflicts printable together {false_neg})\n"
        f"conflicts held apart by `clash`: {conflicts[True]} of {sum(conflicts.values())}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--part", choices=PARTS, default="tune")
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    rows = [json.loads(line) for line in args.pairs.read_text().splitlines() if line.strip()]
    rows = [r for r in rows if args.part == "all" or r["part"] == args.part]
    by_story: dict[str, list[dict[str, Any]]] = {}
    for row in rows:
        by_story.setdefault(row["story"], []).append(row)
    pools = pools_of(set(by_story))
    tally: Counter[tuple[str, bool]] = Counter()
    conflicts: Counter[bool] = Counter()
    missing = 0
    for story, story_rows in sorted(by_story.items()):
        if story not in pools:
            missing += len(story_rows)
            continue
        for label, reasons in judge_story(pools[story], story_rows, args.verbose):
            if reasons is None:
                missing += 1
                continue
            tally[(label, bool(reasons))] += 1
            if label == "conflict":
                conflicts["clash" in reasons] += 1
    print(report(tally, missing, conflicts))


if __name__ == "__main__":
    sys.exit(main())
