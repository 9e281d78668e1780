"""Opinion detection per article (issue 11, item 6): what `briefing.ingest` marks as opinion
against two labels of the AllSides dev set's articles.

- the dev set's `opinion_tag` (OPINION or ANALYSIS counts as opinion; FACT CHECK and none as
  news). The product never reads it (`devset.write_cluster` does not write it, and real folders
  lack it): it is used here only to judge;
- hand labels (benchmarks/data/opinion_labels.jsonl): the tune articles read by a person,
  headline and opening paragraphs, one line per article id that a person marked opinion or
  analysis beyond the tag, or news against it (`"label": "opinion"` or `"news"`, with a note).

Only the ingest stage runs (no embedder), so the whole part takes seconds:

    python benchmarks/opinion_detection.py --split tune [--misses]
"""

from __future__ import annotations

import argparse
import json
import logging
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

from devset import DEV_SET, PARTS, REPO_ROOT, Cluster, in_part, load_clusters, write_cluster

OPINION_TAGS = frozenset({"OPINION", "ANALYSIS"})
HAND_LABELS = REPO_ROOT / "benchmarks/data/opinion_labels.jsonl"


@dataclass
class Counts:
    true_pos: int = 0
    false_pos: int = 0
    false_neg: int = 0
    true_neg: int = 0
    misses: list[str] = field(default_factory=list)

    def add(self, truth: bool, detected: bool, line: str) -> None:
        if truth and detected:
            self.true_pos += 1
        elif truth:
            self.false_neg += 1
            self.misses.append("missed: " + line)
        elif detected:
            self.false_pos += 1
            self.misses.append("false alarm: " + line)
        else:
            self.true_neg += 1

    def summary(self) -> str:
        precision = self.true_pos / max(1, self.true_pos + self.false_pos)
        recall = self.true_pos / max(1, self.true_pos + self.false_neg)
        return (
            f"precision {precision:.2f} ({self.true_pos}/{self.true_pos + self.false_pos}), "
            f"recall {recall:.2f} ({self.true_pos}/{self.true_pos + self.false_neg}); "
            f"news marked opinion {self.false_pos} of {self.false_pos + self.true_neg}"
        )


def dev_tags(path: Path) -> dict[str, str]:
    """Article id -> the dev set's opinion tag ("" when none)."""
    tags: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                for article in json.loads(line)["articles"]:
                    tags[str(article["id"])] = str(article.get("opinion_tag") or "")
    return tags


def hand_labels(path: Path = HAND_LABELS) -> dict[str, bool]:
    """Article id -> True (opinion or analysis) / False (news), where a person labelled it."""
    if not path.is_file():
        return {}
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return {str(row["id"]): row["label"] == "opinion" for row in rows}


def detected_kinds(clusters: list[Cluster], tmp: Path) -> dict[str, tuple[str, str | None, str]]:
    """Article id -> (kind, kind_reason, outlet | headline) as `read_corpus` decides them."""
    from briefing.config import BriefingConfig
    from briefing.ingest import read_corpus

    config = BriefingConfig()
    found: dict[str, tuple[str, str | None, str]] = {}
    for cluster in clusters:
        folder = tmp / cluster.id
        write_cluster(cluster, folder)
        corpus = read_corpus(folder, config.ingest)
        for article in corpus.articles:
            dev_id = article.source.id.split("_", 1)[1]
            shown = f"{article.source.outlet} | {article.source.title}"
            found[dev_id] = (article.source.kind, article.source.kind_reason, shown)
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=PARTS, default="tune")
    parser.add_argument("--dev-set", type=Path, default=DEV_SET)
    parser.add_argument("--misses", action="store_true", help="list each miss and false alarm")
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    clusters = in_part(load_clusters(args.dev_set), args.split)
    tags = dev_tags(args.dev_set)
    hand = hand_labels()
    with tempfile.TemporaryDirectory() as tmp:
        kinds = detected_kinds(clusters, Path(tmp))
    by_tag, by_hand = Counts(), Counts()
    for dev_id, (kind, reason, shown) in sorted(kinds.items()):
        detected = kind == "opinion"
        tagged = tags.get(dev_id, "") in OPINION_TAGS
        line = f"{dev_id} [{tags.get(dev_id) or '-'}; {reason or 'news'}] {shown}"
        by_tag.add(tagged, detected, line)
        by_hand.add(hand.get(dev_id, tagged), detected, line)
    print(f"AllSides dev set, {args.split}: {len(kinds)} articles")
    print(f"- by the dev set's tag (OPINION, ANALYSIS): {by_tag.summary()}")
    print(f"- by the tag corrected by hand labels ({len(hand)} labels): {by_hand.summary()}")
    if args.misses:
        print("\nby the corrected labels:")
        print("\n".join(by_hand.misses))


if __name__ == "__main__":
    main()
