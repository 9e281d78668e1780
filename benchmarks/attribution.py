"""Attribution benchmark for `briefing cite`: drafts whose sentences fuse facts from two or three
articles of a dev-set story, with the articles that support each part known.

    .venv/bin/python benchmarks/attribution.py [--drafts benchmarks/data/attribution_drafts.jsonl]
                                               [--embedder minilm]

benchmarks/data/attribution_drafts.jsonl holds one draft sentence per line, written for this
benchmark (not dev-set text): its story id and its parts, each with the dev-set articles that
support it (none for a part made up on purpose, which cite must name as unsupported).

For each story the articles are written to a story folder as `build` reads them
(benchmarks/devset.py) and the story's sentences are cited by the same matcher `cite` uses, in
one run with the baselines:

- nearest sentence: the article of the single most similar source sentence (MiniLM cosine);
- nearest sentence per article: every article whose most similar sentence reaches a cosine
  of NEAREST_THRESHOLD.

Per system: found = share of sentences citing at least one supporting article; precision =
share of citations that go to a supporting article; recall = share of (sentence, supporting
article) pairs cited; for briefing also the share of made-up parts it names as unsupported.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from briefing import pipeline
from briefing.config import BriefingConfig, EmbedConfig
from briefing.embed import get_embedder
from devset import load_clusters, write_cluster

DRAFTS = Path(__file__).resolve().parent / "data" / "attribution_drafts.jsonl"
# The cosine at which the per-article baseline cites an article; chosen as MiniLM's claim
# threshold (embed.NEURAL.claim), the pipeline's own "same fact" line.
NEAREST_THRESHOLD = 0.7
# A named unsupported part matches a made-up one when it shares this share of its words.
PART_OVERLAP = 0.5


@dataclass
class Score:
    sentences: int = 0
    found: int = 0
    cited: int = 0
    correct: int = 0
    gold_pairs: int = 0
    gold_cited: int = 0

    def add(self, cited: set[str], gold: set[str]) -> None:
        self.sentences += 1
        self.found += bool(cited & gold)
        self.cited += len(cited)
        self.correct += len(cited & gold)
        self.gold_pairs += len(gold)
        self.gold_cited += len(cited & gold)

    def line(self, name: str) -> str:
        return (
            f"{name:<28} found {self.found / max(1, self.sentences):.3f}  "
            f"precision {self.correct / max(1, self.cited):.3f}  "
            f"recall {self.gold_cited / max(1, self.gold_pairs):.3f}  "
            f"citations/sentence {self.cited / max(1, self.sentences):.2f}"
        )


def article_of(source_id: str, article_ids: list[str]) -> str:
    return next(a for a in article_ids if a in source_id)


def _words(text: str) -> set[str]:
    return {w for w in text.lower().replace(",", " ").split() if len(w) > 3}


def run(drafts_path: Path, embedder_name: str, verbose: bool) -> None:
    rows = [json.loads(line) for line in drafts_path.read_text("utf-8").splitlines() if line]
    clusters = {c.id: c for c in load_clusters()}
    config = BriefingConfig(embed=EmbedConfig(embedder=embedder_name))
    embedder = get_embedder(config.embed)
    scores = {"briefing cite": Score(), "nearest sentence": Score(), "nearest per article": Score()}
    made_up = named = 0
    stories = sorted({row["story"] for row in rows})
    with tempfile.TemporaryDirectory() as tmp:
        for story in stories:
            folder = Path(tmp) / story
            write_cluster(clusters[story], folder)
            found = pipeline.analyse(folder, config, embedder)
            article_ids = [a.id for a in clusters[story].articles]
            mine = [row for row in rows if row["story"] == story]
            aligned = found.aligner.align_draft([row["sentence"] for row in mine])
            sims = embedder.encode([row["sentence"] for row in mine]) @ found.story.vectors.T
            owners = [article_of(s.source_id, article_ids) for s in found.story.sentences]
            for row, result, sim in zip(mine, aligned, sims, strict=True):
                gold = {a for part in row["parts"] for a in part["articles"]}
                cited = {article_of(e.source_id, article_ids) for e in result.evidence}
                scores["briefing cite"].add(cited, gold)
                if verbose:
                    print(f"{sorted(cited)} / gold {sorted(gold)} {result.reason or ''}\n"
                          f"    {row['sentence']}")  # fmt: skip
                scores["nearest sentence"].add({owners[int(np.argmax(sim))]}, gold)
                per_article = {
                    owner for owner, value in zip(owners, sim, strict=True)
                    if value >= NEAREST_THRESHOLD
                }  # fmt: skip
                scores["nearest per article"].add(per_article, gold)
                for part in row["parts"]:
                    if part["articles"]:
                        continue
                    made_up += 1
                    words = _words(part["text"])
                    named += any(
                        len(words & _words(p)) >= PART_OVERLAP * len(words)
                        for p in result.unsupported_parts
                    )
    print(f"{len(rows)} draft sentences, {len(stories)} stories, embedder {embedder.name}")
    for name, score in scores.items():
        print(score.line(name))
    print(f"made-up parts named as unsupported: {named}/{made_up}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--drafts", type=Path, default=DRAFTS)
    parser.add_argument("--embedder", default="minilm")
    parser.add_argument("--verbose", action="store_true", help="each sentence's verdict")
    args = parser.parse_args(argv)
    run(args.drafts, args.embedder, args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
