"""ROUGE of briefing's extractive brief against sumy and a lead baseline on the AllSides dev set.

Every method reads the same clusters and is held to the same word budget; the reference is the
AllSides editors' neutral summary. Usage: `.venv/bin/python benchmarks/quality.py --help`.
"""

from __future__ import annotations

import argparse
import logging
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from baselines import SUMY_METHODS, bodies, cut_words, lead_summary, sumy_summary
from devset import DEV_SET, PARTS, Cluster, in_part, load_clusters, part_of, write_cluster
from report import machine, markdown_table, replace_section, revision, save_json

log = logging.getLogger("quality")

# The budget of the task: every output is cut to this many words before scoring.
WORD_BUDGET = 100
# More sentences than can fit in 100 words, so that the word budget is what binds.
BRIEF_SENTENCES = 10
EMBEDDERS = ("minilm", "tfidf")
ROUGE_TYPES = ("rouge1", "rouge2", "rougeL")
# Goal of issue 6: briefing's ROUGE-2 at least this multiple of the best sumy method's.
GOAL_RATIO = 1.15

Summarize = Callable[[Cluster, Path], str]


@dataclass
class MethodResult:
    name: str
    scores: dict[str, list[float]] = field(default_factory=lambda: {t: [] for t in ROUGE_TYPES})
    seconds: list[float] = field(default_factory=list)
    words: list[int] = field(default_factory=list)
    failures: int = 0
    # briefing only: whether the brief opens with the claim its selection put first (the lead
    # fact, when the selection found one that fits).
    lead_first: list[bool] = field(default_factory=list)

    def mean(self, rouge_type: str) -> float:
        return statistics.fmean(self.scores[rouge_type])

    def subset(self, keep: list[bool]) -> MethodResult:
        """The same method's figures on the clusters flagged in `keep` (one dev-set part)."""

        def pick(values: list[float]) -> list[float]:
            return [v for v, k in zip(values, keep, strict=True) if k]

        scores = {t: pick(values) for t, values in self.scores.items()}
        words = [w for w, k in zip(self.words, keep, strict=True) if k]
        leads = (
            [f for f, k in zip(self.lead_first, keep, strict=True) if k] if self.lead_first else []
        )
        return MethodResult(self.name, scores, pick(self.seconds), words, self.failures, leads)


# Per briefing method, whether each brief (in run order, warm-up included) opened with the
# claim the selection put first.
LEADS: dict[str, list[bool]] = {}


def extractive_overrides(embedder_name: str, budget: int = WORD_BUDGET) -> dict[str, Any]:
    """The configuration every dev-set benchmark builds briefing's brief with: extractive,
    `budget` words, more sentences than fit (quality, ablation and fill share it)."""
    return {
        "embed": {"embedder": embedder_name},
        "brief": {"max_words": budget, "sentences": BRIEF_SENTENCES},
        "compose": {"mode": "extractive"},
    }


def briefing_method(embedder_name: str, budget: int) -> Summarize:
    """briefing's extractive brief, in-process, with the embedder loaded once."""
    from briefing import rank
    from briefing.config import load_config
    from briefing.embed import get_embedder
    from briefing.pipeline import build_brief

    config = load_config(None, extractive_overrides(embedder_name, budget))
    embedder = get_embedder(config.embed)
    leads = LEADS.setdefault(f"briefing ({embedder_name})", [])
    select_brief = rank.select_brief
    first: list[str] = []

    def selecting(*args: Any, **kwargs: Any) -> Any:
        chosen = select_brief(*args, **kwargs)
        first[:] = [chosen[0].id] if chosen else []
        return chosen

    def summarize(cluster: Cluster, folder: Path) -> str:
        rank.select_brief = selecting  # the pipeline calls rank.select_brief: note its first claim
        try:
            brief = build_brief(folder, config, embedder)
        finally:
            rank.select_brief = select_brief
        opened = bool(brief.sentences) and bool(first) and first[0] in brief.sentences[0].claim_ids
        leads.append(opened)
        return " ".join(sentence.text for sentence in brief.sentences)

    return summarize


def methods(embedders: list[str], budget: int) -> dict[str, Summarize]:
    found: dict[str, Summarize] = {f"briefing ({e})": briefing_method(e, budget) for e in embedders}
    for name in SUMY_METHODS:
        found[f"sumy {name}"] = _sumy(name, budget)
    found["lead"] = lambda cluster, _folder: lead_summary(cluster, budget)
    return found


def _sumy(name: str, budget: int) -> Summarize:
    return lambda cluster, _folder: sumy_summary(name, bodies(cluster), budget)


def run(clusters: list[Cluster], budget: int, embedders: list[str]) -> list[MethodResult]:
    from rouge_score import rouge_scorer

    from briefing.errors import BriefingError

    scorer = rouge_scorer.RougeScorer(list(ROUGE_TYPES), use_stemmer=True)
    table = methods(embedders, budget)
    results = {name: MethodResult(name) for name in table}
    with tempfile.TemporaryDirectory(prefix="briefing-quality-") as tmp:
        folders = [Path(tmp) / cluster.id for cluster in clusters]
        for cluster, folder in zip(clusters, folders, strict=True):
            write_cluster(cluster, folder)
        for name, summarize in table.items():
            summarize(clusters[0], folders[0])  # warm-up: model loads and imports stay untimed
            for cluster, folder in zip(clusters, folders, strict=True):
                started = time.perf_counter()
                try:
                    text = summarize(cluster, folder)
                except BriefingError as exc:
                    log.warning("%s failed on %s: %s", name, cluster.id, exc)
                    results[name].failures += 1
                    text = ""
                results[name].seconds.append(time.perf_counter() - started)
                if name in LEADS:
                    results[name].lead_first.append(LEADS[name][-1] if text else False)
                summary = cut_words(text, budget)
                results[name].words.append(len(summary.split()))
                scores = scorer.score(cluster.reference, summary)
                for rouge_type in ROUGE_TYPES:
                    results[name].scores[rouge_type].append(scores[rouge_type].fmeasure)
            log.info("%s: ROUGE-2 %.4f", name, results[name].mean("rouge2"))
    return list(results.values())


def summary_table(results: list[MethodResult]) -> str:
    rows = [
        [
            result.name,
            *(f"{100 * result.mean(t):.2f}" for t in ROUGE_TYPES),
            f"{statistics.fmean(result.words):.1f}",
            f"{1000 * statistics.fmean(result.seconds):.1f}",
            result.failures,
            f"{sum(result.lead_first)} / {len(result.lead_first)}" if result.lead_first else "-",
        ]
        for result in results
    ]
    headers = ["method", "ROUGE-1 F1", "ROUGE-2 F1", "ROUGE-L F1", "words", "ms / cluster"]
    headers += ["failed", "opens with the lead fact"]
    return markdown_table(headers, rows)


def goal_line(results: list[MethodResult]) -> str:
    best_sumy = max(
        (r for r in results if r.name.startswith("sumy")), key=lambda r: r.mean("rouge2")
    )
    lines = []
    for result in (r for r in results if r.name.startswith("briefing")):
        ratio = result.mean("rouge2") / best_sumy.mean("rouge2")
        verdict = "met" if ratio >= GOAL_RATIO else "missed"
        lines.append(
            f"- {result.name}: ROUGE-2 = {ratio:.2f} x {best_sumy.name} "
            f"(goal >= {GOAL_RATIO} x the best sumy method: **{verdict}**)"
        )
    return "\n".join(lines)


def part_tables(clusters: list[Cluster], results: list[MethodResult]) -> str:
    """The same run's figures on each part of the dev set (tuned on 'tune' only)."""
    blocks = []
    for part in PARTS[:2]:
        keep = [part_of(cluster.id) == part for cluster in clusters]
        if not any(keep):
            continue
        subset = [result.subset(keep) for result in results]
        blocks.append(
            f"\n{part} part ({sum(keep)} clusters), from the same run:\n\n"
            f"{summary_table(subset)}\n\n{goal_line(subset)}\n"
        )
    return "".join(blocks)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--dev-set", type=Path, default=DEV_SET, help="clusters (JSON lines)")
    parser.add_argument("--limit", type=int, default=None, help="first N clusters only")
    parser.add_argument(
        "--part",
        choices=PARTS,
        default="all",
        help="dev-set part by a hash of the story id (tune on 'tune', report 'held-out')",
    )
    parser.add_argument("--budget", type=int, default=WORD_BUDGET, help="words per summary")
    parser.add_argument(
        "--embedders", nargs="+", default=list(EMBEDDERS), help="briefing embedders to run"
    )
    parser.add_argument(
        "--no-doc", action="store_true", help="do not rewrite the quality section of the doc"
    )
    return parser.parse_args()


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
    logging.getLogger("briefing").setLevel(logging.ERROR)
    args = parse_args()
    clusters = in_part(load_clusters(args.dev_set, args.limit), args.part)
    load_before = os.getloadavg()[0]
    results = run(clusters, args.budget, args.embedders)
    measured = revision()
    load = f"1-minute load average {load_before:.1f} before the run, {os.getloadavg()[0]:.1f} after"
    table, goals = summary_table(results), goal_line(results)
    by_part = part_tables(clusters, results) if args.part == "all" else ""
    sys.stdout.write(
        f"{len(clusters)} clusters ({args.part}), {args.budget} words\n\n{table}\n\n{goals}\n"
        f"{by_part}"
    )
    save_json(
        "quality",
        {
            "clusters": len(clusters),
            "budget": args.budget,
            "machine": machine(),
            "load": load,
            "revision": measured,
            "cluster_ids": [cluster.id for cluster in clusters],
            "methods": {
                r.name: {
                    "scores": r.scores,
                    "seconds": r.seconds,
                    "words": r.words,
                    "lead_first": r.lead_first,
                }
                for r in results
            },
        },
    )
    if not args.no_doc:
        command = ".venv/bin/python benchmarks/quality.py"
        if args.limit:
            command += f" --limit {args.limit}"
        if args.part != "all":
            command += f" --part {args.part}"
        body = (
            f"`{command}` ({len(clusters)} clusters, {args.part}, {args.budget} words; "
            f"revision {measured}; {load})"
            f"\n\n{table}\n\n{goals}\n{by_part}"
        )
        replace_section("quality", body)


if __name__ == "__main__":
    main()
