"""`briefing cite` on editors' summaries against a hand-made gold: for each summary sentence,
which of the story's articles (the dev-set excerpts) support it fully, in part or not at all.

    .venv/bin/python benchmarks/cite_gold.py [--part tune|held-out|all] [--embedder minilm]
                                             [--verbose]

benchmarks/data/cite_gold.jsonl holds one AllSides summary sentence per line (as `cite` splits
the summary), its story, its dev-set part (`devset.part_of`) and, per article, "full", "part"
or "none", judged by reading the excerpts only (docs/aligner.md, "Seventh session"). An
article supports a sentence "in part" when it states at least one of the sentence's facts;
names and topic alone are no support.

Per system (briefing cite and the two nearest-sentence baselines of attribution.py):

- found: share of the sentences some article supports that cite at least one supporting
  article (the issue's "supporting article found"; sentences no article supports cannot be
  found, and are counted apart);
- precision: share of citations that go to an article supporting at least part of the
  sentence; strict precision (briefing only): a citation `cite` gives for all of the sentence
  must go to an article that supports all of it, one for a part to an article that supports
  at least part of it;
- recall: share of (sentence, supporting article) pairs cited;
- citations per sentence, over every sentence.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from attribution import NEAREST_THRESHOLD, article_of
from briefing import pipeline
from briefing.config import BriefingConfig, EmbedConfig
from briefing.embed import get_embedder
from briefing.models import Evidence
from devset import PARTS, load_clusters, write_cluster

GOLD = Path(__file__).resolve().parent / "data" / "cite_gold.jsonl"
SUPPORTING = ("full", "part")


@dataclass
class Score:
    sentences: int = 0
    answerable: int = 0
    found: int = 0
    cited: int = 0
    correct: int = 0
    strict: int = 0
    gold_pairs: int = 0
    gold_cited: int = 0

    def add(self, cited: dict[str, bool], support: dict[str, str]) -> None:
        """`cited`: each article cited, True when cited for all of the sentence."""
        gold = {a for a, label in support.items() if label in SUPPORTING}
        hits = set(cited) & gold
        self.sentences += 1
        self.answerable += bool(gold)
        self.found += bool(hits)
        self.cited += len(cited)
        self.correct += len(hits)
        self.strict += sum(
            support.get(a) == "full" if whole else a in gold for a, whole in cited.items()
        )
        self.gold_pairs += len(gold)
        self.gold_cited += len(hits)

    def line(self, name: str, strict: bool) -> str:
        strict_part = f" (strict {self.strict / max(1, self.cited):.3f})" if strict else ""
        return (
            f"{name:<22} found {self.found / max(1, self.answerable):.3f}  "
            f"precision {self.correct / max(1, self.cited):.3f}{strict_part}  "
            f"recall {self.gold_cited / max(1, self.gold_pairs):.3f}  "
            f"citations/sentence {self.cited / max(1, self.sentences):.2f}"
        )


def run(gold_path: Path, part: str, embedder_name: str, verbose: bool) -> None:
    rows = [json.loads(line) for line in gold_path.read_text("utf-8").splitlines() if line]
    rows = [row for row in rows if part == "all" or row["part"] == part]
    clusters = {c.id: c for c in load_clusters()}
    config = BriefingConfig(embed=EmbedConfig(embedder=embedder_name))
    embedder = get_embedder(config.embed)
    scores = {"briefing cite": Score(), "nearest sentence": Score(), "nearest per article": Score()}
    stories = sorted({row["story"] for row in rows})
    with tempfile.TemporaryDirectory() as tmp:
        for story in stories:
            folder = Path(tmp) / story
            write_cluster(clusters[story], folder)
            found = pipeline.analyse(folder, config, embedder)
            article_ids = [a.id for a in clusters[story].articles]
            mine = [row for row in rows if row["story"] == story]
            texts = [row["sentence"] for row in mine]
            aligned = found.aligner.align_draft(texts)
            sims = embedder.encode(texts) @ found.story.vectors.T
            owners = [article_of(s.source_id, article_ids) for s in found.story.sentences]
            for row, result, sim in zip(mine, aligned, sims, strict=True):
                support = row["support"]
                cited: dict[str, bool] = {}
                for e in result.evidence:
                    article = article_of(e.source_id, article_ids)
                    whole = result.supported and e.part is None
                    cited[article] = cited.get(article, False) or whole
                scores["briefing cite"].add(cited, support)
                scores["nearest sentence"].add({owners[int(np.argmax(sim))]: True}, support)
                per_article = {
                    owner: True for owner, value in zip(owners, sim, strict=True)
                    if value >= NEAREST_THRESHOLD
                }  # fmt: skip
                scores["nearest per article"].add(per_article, support)
                if verbose:
                    _show(row, result.reason, result.evidence, cited, article_ids)
    total = scores["briefing cite"]
    print(
        f"{part}: {total.sentences} summary sentences of {len(stories)} stories "
        f"({total.answerable} supported by some article), embedder {embedder.name}"
    )
    for name, score in scores.items():
        print(score.line(name, strict=name == "briefing cite"))


def _show(
    row: dict[str, Any],
    reason: str | None,
    evidence: tuple[Evidence, ...],
    cited: dict[str, bool],
    ids: list[str],
) -> None:
    gold = {a: label for a, label in row["support"].items() if label in SUPPORTING}
    marks = [
        f"{a}{'' if whole else '~'}{'' if a in gold else ' WRONG'}" for a, whole in cited.items()
    ]
    print(f"{row['story']} cited {marks} gold {gold} {reason or ''}\n    {row['sentence']}")
    for e in evidence:
        print(f"      [{article_of(e.source_id, ids)}] for {e.part!r}: {e.sentence[:160]}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--gold", type=Path, default=GOLD)
    parser.add_argument("--part", choices=PARTS, default="tune")
    parser.add_argument("--embedder", default="minilm")
    parser.add_argument("--verbose", action="store_true", help="each sentence's verdict")
    args = parser.parse_args(argv)
    run(args.gold, args.part, args.embedder, args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
