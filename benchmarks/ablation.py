"""Ablation of ranking and selection: ROUGE on the AllSides dev set, one change at a time.

Each row sets the `[rank]` config as named (the shipped defaults for the rest) and scores the
extractive brief exactly as `quality.py` does: the coverage selection (concept ILP) with all
defaults, without the diversity reward, without the lead fact first, with the claim score from
one signal only, and the selection before it (claims in score order while they fit). The
oracle row is the ceiling for any extractive method. Usage:
`.venv/bin/python benchmarks/ablation.py --help`.
"""

from __future__ import annotations

import argparse
import logging
import statistics
import tempfile
from pathlib import Path

from rouge_score import rouge_scorer

from baselines import bodies, cut_words, split_sentences
from briefing.config import load_config
from briefing.embed import Embedder, get_embedder
from briefing.pipeline import build_brief
from devset import PARTS, Cluster, in_part, load_clusters, write_cluster
from quality import WORD_BUDGET, extractive_overrides
from report import markdown_table, replace_section

SIGNALS = ("support_weight", "concept_weight", "centrality_weight", "position_weight")
SETTINGS: dict[str, dict[str, object]] = {
    "coverage ILP, shipped [rank] config": {},
    "coverage ILP without the diversity reward": {"diversity": 0.0},
    "coverage ILP without the lead fact first": {"lead_first": False},
    **{
        f"coverage ILP, claim score from {name.split('_')[0]} only": {
            s: float(s == name) for s in SIGNALS
        }
        for name in SIGNALS
    },
    "before: claims in score order (MMR) while they fit": {"objective": "mmr"},
}


def score(
    clusters: list[Cluster], folders: list[Path], embedder: Embedder, rank: dict[str, object]
) -> tuple[float, float]:
    config = load_config(
        None,
        {
            **extractive_overrides("tfidf" if embedder.name == "tfidf" else "minilm"),
            "rank": rank,
        },
    )
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    r1, r2 = [], []
    for cluster, folder in zip(clusters, folders, strict=True):
        brief = build_brief(folder, config, embedder)
        text = cut_words(" ".join(s.text for s in brief.sentences), WORD_BUDGET)
        result = scorer.score(cluster.reference, text)
        r1.append(result["rouge1"].fmeasure)
        r2.append(result["rouge2"].fmeasure)
    return 100 * statistics.fmean(r1), 100 * statistics.fmean(r2)


def oracle(clusters: list[Cluster]) -> tuple[float, float]:
    """Upper bound for extraction: greedily add the body sentence that most raises ROUGE-2
    against the reference itself, within the word budget."""
    scorer = rouge_scorer.RougeScorer(["rouge1", "rouge2"], use_stemmer=True)
    r1, r2 = [], []
    for cluster in clusters:
        sentences = split_sentences(bodies(cluster))
        chosen: list[str] = []
        best = 0.0
        while True:
            gains = [
                (scorer.score(cluster.reference, " ".join([*chosen, s]))["rouge2"].fmeasure, s)
                for s in sentences
                if s not in chosen and len(" ".join([*chosen, s]).split()) <= WORD_BUDGET
            ]
            top = max(gains, default=(0.0, ""))
            if top[0] <= best:
                break
            best = top[0]
            chosen.append(top[1])
        result = scorer.score(cluster.reference, " ".join(chosen))
        r1.append(result["rouge1"].fmeasure)
        r2.append(result["rouge2"].fmeasure)
    return 100 * statistics.fmean(r1), 100 * statistics.fmean(r2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--embedder", default="tfidf", help="minilm or tfidf")
    parser.add_argument("--limit", type=int, default=None, help="first N clusters only")
    parser.add_argument("--part", choices=PARTS, default="all", help="dev-set part (devset.py)")
    parser.add_argument("--no-doc", action="store_true", help="do not rewrite the doc section")
    args = parser.parse_args()
    logging.disable(logging.WARNING)
    clusters = in_part(load_clusters(limit=args.limit), args.part)
    root = Path(tempfile.mkdtemp(prefix="ablation-"))
    folders = []
    for n, cluster in enumerate(clusters):
        folder = root / f"c{n:03d}"
        folder.mkdir()
        write_cluster(cluster, folder)
        folders.append(folder)
    embedder = get_embedder(load_config(None, {"embed": {"embedder": args.embedder}}).embed)
    rows = []
    for label, setting in SETTINGS.items():
        r1, r2 = score(clusters, folders, embedder, setting)
        rows.append((label, f"{r1:.2f}", f"{r2:.2f}"))
        print(label, rows[-1][1:], flush=True)
    r1, r2 = oracle(clusters)
    rows.append(("oracle: greedy on the reference (upper bound)", f"{r1:.2f}", f"{r2:.2f}"))
    table = markdown_table(("selection and ranking", "ROUGE-1 F1", "ROUGE-2 F1"), rows)
    part = "" if args.part == "all" else f" --part {args.part}"
    command = f"`.venv/bin/python benchmarks/ablation.py --embedder {args.embedder}{part}`"
    body = f"{command} ({len(clusters)} clusters, {args.part}, {WORD_BUDGET} words)\n\n{table}"
    print(body)
    if not args.no_doc:
        replace_section(f"ablation-{args.embedder}", body)


if __name__ == "__main__":
    main()
