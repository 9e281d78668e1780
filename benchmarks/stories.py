"""Story detection on folders that mix known stories: B-cubed precision and recall, purity and
inverse purity, sklearn's homogeneity and completeness, and how often a one-story folder is
wrongly called mixed.

Folders: the AllSides dev stories (read in place) sorted by date, in windows of
STORIES_PER_FOLDER consecutive stories (a day's news mixes stories of the same days; windows
start every STEP stories, so each story is in two folders), plus the five real seed pages as
one more story in every folder. The stories are split by `devset.part_of`: the `tune` part
chooses the settings (`--tune`: name weight x day penalty x threshold x linkage), the
`held-out` part is only ever scored with the settings shipped in src/briefing/stories.py.

    .venv/bin/python benchmarks/stories.py --tune          # grid on the tuning half
    .venv/bin/python benchmarks/stories.py                 # figures on the held-out half
    .venv/bin/python benchmarks/stories.py --part tune     # shipped settings, tuning half
    .venv/bin/python benchmarks/stories.py --write DIR     # one mixed folder to try by hand
"""

from __future__ import annotations

import argparse
import csv
import shutil
import sys
import tempfile
from collections.abc import Sequence
from pathlib import Path

import numpy as np
from sklearn.metrics import homogeneity_completeness_v_measure
from sklearn.metrics.cluster import contingency_matrix

from briefing import pipeline, stories
from briefing.config import BriefingConfig, EmbedConfig
from briefing.embed import Embedder, get_embedder
from devset import (
    MANIFEST_FIELDS,
    REPO_ROOT,
    Cluster,
    DevArticle,
    article_file_text,
    load_clusters,
    part_of,
)

# A day's newsletter: at least ten stories; 12 dev stories plus the seed story make 13.
STORIES_PER_FOLDER = 12
# Windows overlap by half: twice the mixes from the same stories.
STEP = STORIES_PER_FOLDER // 2
SEEDS = REPO_ROOT / "seeds"
SEED_STORY = "seeds"
THRESHOLDS = [round(t, 2) for t in np.arange(0.30, 1.21, 0.02)]
WEIGHTS = [0.4, 0.6, 0.8, 1.0]
DAY_PENALTIES = [0.0, 0.025, 0.05, 0.075, 0.1, 0.15, 0.2]
LINKAGES = ["average", "complete"]


def folders_of(clusters: Sequence[Cluster]) -> list[list[Cluster]]:
    """Windows of STORIES_PER_FOLDER stories in date order, one every STEP, the last one
    ending at the last story."""
    ordered = sorted(clusters, key=lambda c: (min(a.date for a in c.articles), c.id))
    last = max(len(ordered) - STORIES_PER_FOLDER, 0)
    starts = sorted({*range(0, last, STEP), last})
    return [ordered[i : i + STORIES_PER_FOLDER] for i in starts]


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


def purity(truth: Sequence[str], found: Sequence[int]) -> tuple[float, float]:
    """Purity and inverse purity (Manning, Raghavan & Schütze 2008, 16.3; Zhao & Karypis
    2001): the share of articles in their found story's majority true story, and the share in
    their true story's largest found part."""
    table = contingency_matrix(truth, found)
    return float(table.max(axis=0).sum() / len(truth)), float(table.max(axis=1).sum() / len(truth))


def prepared(
    run: Sequence[Cluster], root: Path, embedder: Embedder
) -> tuple[list[str], stories.Affinities]:
    truth = write_mixed(run, root)
    corpus, sents = pipeline.read_sources(root, BriefingConfig())
    labels = [truth[a.source.path] for a in corpus.articles]
    return labels, stories.article_affinities(corpus, sents, embedder)


def score(labels: Sequence[str], found: Sequence[int]) -> dict[str, float]:
    precision, recall = bcubed(labels, found)
    homogeneity, completeness, _ = homogeneity_completeness_v_measure(labels, found)
    pure, inverse = purity(labels, found)
    return {
        "purity": pure,
        "inverse_purity": inverse,
        "bcubed_precision": precision,
        "bcubed_recall": recall,
        "homogeneity": homogeneity,
        "completeness": completeness,
        "stories_true": len(set(labels)),
        "stories_found": len(set(found)),
    }


def mean(rows: Sequence[dict[str, float]]) -> dict[str, float]:
    row = {key: float(np.mean([row[key] for row in rows])) for key in rows[0]}
    precision, recall = row["bcubed_precision"], row["bcubed_recall"]
    row["bcubed_f1"] = 2 * precision * recall / (precision + recall)
    return row


def line(row: dict[str, float]) -> str:
    return (
        f"B3 precision {row['bcubed_precision']:.3f} recall {row['bcubed_recall']:.3f} "
        f"F1 {row['bcubed_f1']:.3f} | homogeneity {row['homogeneity']:.3f} completeness "
        f"{row['completeness']:.3f} | purity {row['purity']:.3f} inverse purity "
        f"{row['inverse_purity']:.3f} | stories {row['stories_found']:.1f} found of "
        f"{row['stories_true']:.1f}"
    )


def folder_affinities(
    part: str, embedder: Embedder
) -> tuple[list[list[Cluster]], list[tuple[list[str], stories.Affinities]]]:
    runs = folders_of([c for c in load_clusters() if part_of(c.id) == part])
    with tempfile.TemporaryDirectory() as tmp:
        return runs, [prepared(run, Path(tmp) / str(n), embedder) for n, run in enumerate(runs)]


def scored(
    folders: Sequence[tuple[list[str], stories.Affinities]],
    settings: stories.StorySettings,
    linkage: str,
) -> dict[str, float]:
    rows = []
    for labels, found in folders:
        distance = stories.distances(found, settings)
        rows.append(score(labels, stories.cluster(distance, settings.threshold, linkage)))
    return mean(rows)


def tune(embedder: Embedder) -> None:
    """The grid on the tuning part: per linkage, name weight and day penalty, the threshold
    with the best B-cubed F1; the best overall last."""
    runs, folders = folder_affinities("tune", embedder)
    print(f"part=tune embedder={embedder.name} folders={len(runs)}")
    best: tuple[float, str] = (0.0, "")
    for linkage in LINKAGES:
        for weight in WEIGHTS:
            for penalty in DAY_PENALTIES:
                rows = {
                    t: scored(folders, stories.StorySettings(weight, penalty, t), linkage)
                    for t in THRESHOLDS
                }
                top = max(THRESHOLDS, key=lambda t: rows[t]["bcubed_f1"])
                text = f"{linkage} weight {weight} day penalty {penalty} threshold {top:.2f}: "
                print("  " + text + line(rows[top]))
                best = max(best, (rows[top]["bcubed_f1"], text + line(rows[top])))
    print("best: " + best[1])


def false_alarms(clusters: Sequence[Cluster], embedder: Embedder) -> int:
    """One-story folders (each story alone) that would be called mixed."""
    alarms = 0
    with tempfile.TemporaryDirectory() as tmp:
        for n, cluster in enumerate(clusters):
            folder = Path(tmp) / str(n)
            folder.mkdir()
            for article in cluster.articles:
                (folder / f"{_slug(article)}.txt").write_text(
                    article_file_text(article), encoding="utf-8"
                )
            corpus, sents = pipeline.read_sources(folder, BriefingConfig())
            alarms += len(stories.group_stories(corpus, sents, embedder)) > 1
    return alarms


def shipped(part: str, embedder: Embedder) -> None:
    """The shipped settings on one part: the held-out part is scored once, at the end; the
    tuning part as often as a change needs a before and after."""
    settings = stories.settings_for(embedder.calibration)
    runs, folders = folder_affinities(part, embedder)
    clusters = {c.id: c for run in runs for c in run}
    print(f"part={part} embedder={embedder.name} {settings} linkage={stories.LINKAGE}")
    print(f"  {len(runs)} folders of {STORIES_PER_FOLDER} + 1 stories, {len(clusters)} stories")
    print("  " + line(scored(folders, settings, stories.LINKAGE)))
    alarms = false_alarms(list(clusters.values()), embedder)
    print(f"  one-story folders called mixed: {alarms} of {len(clusters)}")
    seed_corpus, seed_sents = pipeline.read_sources(SEEDS, BriefingConfig())
    seeds = stories.group_stories(seed_corpus, seed_sents, embedder)
    print(f"  seeds/ (one real story): {len(seeds)} story found")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tune", action="store_true", help="grid on the tuning part")
    parser.add_argument(
        "--part", default="held-out", help="part scored with the shipped settings: held-out, tune"
    )
    parser.add_argument("--embedder", default="minilm", help="minilm or tfidf")
    parser.add_argument("--write", type=Path, help="write one held-out mixed folder here")
    args = parser.parse_args(argv)
    if args.write:
        runs = folders_of([c for c in load_clusters() if part_of(c.id) == "held-out"])
        truth = write_mixed(runs[0], args.write)
        print(f"wrote {len(truth)} articles of {len(set(truth.values()))} stories to {args.write}")
        return 0
    embedder = get_embedder(EmbedConfig(embedder=args.embedder))
    if args.tune:
        tune(embedder)
    else:
        shipped(args.part, embedder)
    return 0


if __name__ == "__main__":
    sys.exit(main())
