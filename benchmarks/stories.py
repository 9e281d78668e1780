"""Story detection on folders that mix known stories: B-cubed precision (purity) and recall
(completeness), sklearn's homogeneity and completeness, and how often a one-story folder is
wrongly called mixed.

Folders: the AllSides dev stories (read in place) sorted by date, cut into runs of
STORIES_PER_FOLDER consecutive stories (a day's news mixes stories of the same days), plus the
five real seed pages as one more story in every folder. The stories are split by a hash of
their id: the `tune` half chooses the threshold and weight (`--tune`), the `held-out` half is
only ever scored with the constants shipped in src/briefing/stories.py.

    .venv/bin/python benchmarks/stories.py --tune          # grid on the tuning half
    .venv/bin/python benchmarks/stories.py                 # figures on the held-out half
    .venv/bin/python benchmarks/stories.py --write DIR     # one mixed folder to try by hand
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import shutil
import sys
import tempfile
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from sklearn.metrics import homogeneity_completeness_v_measure

from briefing import pipeline, stories
from briefing.config import BriefingConfig, EmbedConfig
from briefing.embed import Embedder, get_embedder
from devset import MANIFEST_FIELDS, REPO_ROOT, Cluster, DevArticle, article_file_text, load_clusters

# A day's newsletter: at least ten stories; 12 dev stories plus the seed story make 13.
STORIES_PER_FOLDER = 12
SEEDS = REPO_ROOT / "seeds"
SEED_STORY = "seeds"
THRESHOLDS = [round(t, 2) for t in np.arange(0.30, 1.21, 0.02)]
WEIGHTS = [0.4, 0.6, 0.8, 1.0]
LINKAGES = ["average", "complete"]


def part_of(story_id: str) -> str:
    """`tune` or `held-out`, by a hash of the story id (stable, independent of file order)."""
    digest = hashlib.sha256(story_id.encode("utf-8")).digest()
    return "tune" if digest[0] % 2 == 0 else "held-out"


def folders_of(clusters: Sequence[Cluster]) -> list[list[Cluster]]:
    ordered = sorted(clusters, key=lambda c: (min(a.date for a in c.articles), c.id))
    runs = [ordered[i : i + STORIES_PER_FOLDER] for i in range(0, len(ordered), STORIES_PER_FOLDER)]
    return [run for run in runs if len(run) >= STORIES_PER_FOLDER // 2]


def write_mixed(run: Sequence[Cluster], folder: Path) -> dict[str, str]:
    """The run's articles plus the seed pages in one folder; returns file name -> story id."""
    folder.mkdir(parents=True, exist_ok=True)
    truth: dict[str, str] = {}
    rows: list[list[str]] = []
    for cluster in run:
        for article in cluster.articles:
            name = f"{_slug(article)}.txt"
            (folder / name).write_text(article_file_text(article), encoding="utf-8")
            rows.append([name, article.outlet, article.domain, article.url, article.date, ""])
            truth[name] = cluster.id
    with (SEEDS / "sources.csv").open(encoding="utf-8", newline="") as handle:
        for row in list(csv.reader(handle))[1:]:
            shutil.copy(SEEDS / row[0], folder / row[0])
            rows.append(row)
            truth[row[0]] = SEED_STORY
    with (folder / "sources.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(MANIFEST_FIELDS)
        writer.writerows(rows)
    return truth


def _slug(article: DevArticle) -> str:
    return "dev_" + article.id.replace("/", "_")


def bcubed(truth: Sequence[str], found: Sequence[int]) -> tuple[float, float]:
    """B-cubed precision and recall (Bagga & Baldwin 1998), averaged over articles."""
    precision = recall = 0.0
    for i in range(len(truth)):
        same_found = [j for j in range(len(truth)) if found[j] == found[i]]
        same_truth = [j for j in range(len(truth)) if truth[j] == truth[i]]
        both = sum(truth[j] == truth[i] for j in same_found)
        precision += both / len(same_found)
        recall += both / len(same_truth)
    return precision / len(truth), recall / len(truth)


def prepared(run: Sequence[Cluster], root: Path, embedder: Embedder, weight: float) -> tuple:  # type: ignore[type-arg]
    truth = write_mixed(run, root)
    corpus, sents = pipeline.read_sources(root, BriefingConfig())
    labels = [truth[a.source.path] for a in corpus.articles]
    distance = stories.article_distances(corpus, sents, embedder, embed_weight=weight)
    return labels, distance, corpus, sents


def score(
    labels: Sequence[str], distance: np.ndarray, threshold: float, linkage: str
) -> dict[str, float]:
    found = stories.cluster(distance, threshold, linkage)
    precision, recall = bcubed(labels, found)
    homogeneity, completeness, _ = homogeneity_completeness_v_measure(labels, found)
    return {
        "bcubed_precision": precision,
        "bcubed_recall": recall,
        "homogeneity": homogeneity,
        "completeness": completeness,
        "stories_true": len(set(labels)),
        "stories_found": len(set(found)),
    }


def false_alarms(
    run: Sequence[Cluster], embedder: Embedder, threshold: float, weight: float, linkage: str
) -> int:
    """One-story folders (each story alone) that would be called mixed."""
    alarms = 0
    with tempfile.TemporaryDirectory() as tmp:
        for n, cluster in enumerate(run):
            folder = Path(tmp) / str(n)
            folder.mkdir()
            for article in cluster.articles:
                (folder / f"{_slug(article)}.txt").write_text(
                    article_file_text(article), encoding="utf-8"
                )
            corpus, sents = pipeline.read_sources(folder, BriefingConfig())
            distance = stories.article_distances(corpus, sents, embedder, embed_weight=weight)
            alarms += len(set(stories.cluster(distance, threshold, linkage))) > 1
    return alarms


def mean(rows: Sequence[dict[str, float]]) -> dict[str, float]:
    return {key: float(np.mean([row[key] for row in rows])) for key in rows[0]}


def evaluate(
    part: str, embedder_name: str, weight: float, thresholds: Sequence[float], linkage: str
) -> None:
    clusters = [c for c in load_clusters() if part_of(c.id) == part]
    runs = folders_of(clusters)
    embedder = get_embedder(EmbedConfig(embedder=embedder_name))
    results: dict[float, list[dict[str, float]]] = {t: [] for t in thresholds}
    with tempfile.TemporaryDirectory() as tmp:
        for n, run in enumerate(runs):
            labels, distance, _, _ = prepared(run, Path(tmp) / str(n), embedder, weight)
            for threshold in thresholds:
                results[threshold].append(score(labels, distance, threshold, linkage))
    print(
        f"part={part} embedder={embedder_name} weight={weight} linkage={linkage} "
        f"folders={len(runs)} stories={len(clusters)} (+ the seed story in each folder)"
    )
    for threshold in thresholds:
        row = mean(results[threshold])
        f1 = (
            2
            * row["bcubed_precision"]
            * row["bcubed_recall"]
            / (row["bcubed_precision"] + row["bcubed_recall"])
        )
        print(
            f"  threshold {threshold:.2f}: B3 precision {row['bcubed_precision']:.3f} "
            f"recall {row['bcubed_recall']:.3f} F1 {f1:.3f} | homogeneity "
            f"{row['homogeneity']:.3f} completeness {row['completeness']:.3f} | stories "
            f"{row['stories_found']:.1f} found of {row['stories_true']:.1f}"
        )
    if len(thresholds) == 1:
        alarms = false_alarms(clusters, embedder, thresholds[0], weight, linkage)
        print(f"  one-story folders called mixed: {alarms} of {len(clusters)}")
        seed_corpus, seed_sents = pipeline.read_sources(SEEDS, BriefingConfig())
        seeds = stories.group_stories(seed_corpus, seed_sents, embedder)
        print(f"  seeds/ (one real story): {len(seeds)} story found")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tune", action="store_true", help="grid on the tuning half")
    parser.add_argument("--embedder", default="minilm", help="minilm or tfidf")
    parser.add_argument("--write", type=Path, help="write one held-out mixed folder here")
    args = parser.parse_args(argv)
    if args.write:
        runs = folders_of([c for c in load_clusters() if part_of(c.id) == "held-out"])
        truth = write_mixed(runs[0], args.write)
        print(f"wrote {len(truth)} articles of {len(set(truth.values()))} stories to {args.write}")
        return 0
    if args.tune:
        for linkage in LINKAGES:
            for weight in WEIGHTS:
                evaluate("tune", args.embedder, weight, THRESHOLDS, linkage)
        return 0
    threshold = get_embedder(EmbedConfig(embedder=args.embedder)).calibration.story
    evaluate("held-out", args.embedder, stories.EMBED_WEIGHT, [threshold], stories.LINKAGE)
    print(Counter(part_of(c.id) for c in load_clusters()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
