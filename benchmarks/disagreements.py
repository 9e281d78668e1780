"""Recall and precision of "where sources disagree" (src/briefing/disagree.py), on two labelled
sets (docs/stories.md gives the figures and how the labels were made):

- constructed pairs (benchmarks/data/disagreement_cases.jsonl): two sentences, one from each of
  two credible, independent outlets, labelled `disagree` (the same fact stated differently: a
  figure, a date, who did what, a denial against an admission) or `no` (the same fact, consistent
  figures, or different facts);
- the AllSides dev stories (read in place): the candidate pool is every pair of sentences of two
  credible articles of one story with MiniLM cosine >= POOL_COSINE that either both carry figures
  and the figures differ, or only one carries a negation or denial word; the pairs judged
  `disagree` or `borderline` (a rounding, bounds that can both hold, a time either side of
  midnight: left out of both figures) are listed in benchmarks/data/disagreement_labels.jsonl
  (by file and sentence index, never the dev set's text), every other pool pair is judged no
  disagreement, and a flag outside the pool counts as a false one.

Both sets are split by `devset.part_of` (by case id, by story id); the constructed pairs' second
batch (`batch: 2`) is the `fresh` part, written before the detector's second round of changes.

    .venv/bin/python benchmarks/disagreements.py cases [--part held-out|fresh] [-v]
    .venv/bin/python benchmarks/disagreements.py dev [--part held-out] [-v]
    .venv/bin/python benchmarks/disagreements.py pool --part tune   # pairs to label, printed
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import tempfile
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from briefing import disagree, pipeline
from briefing.config import BriefingConfig, EmbedConfig
from briefing.embed import Embedder, get_embedder
from briefing.models import Article, Corpus, Disagreement, Sentence, Source, Story
from briefing.verify.lexical import Lexicon, conflict
from devset import REPO_ROOT, in_part, load_clusters, part_of, write_cluster

CASES = REPO_ROOT / "benchmarks/data/disagreement_cases.jsonl"
LABELS = REPO_ROOT / "benchmarks/data/disagreement_labels.jsonl"
# Pool of dev-set pairs a person judged: about one subject (MiniLM cosine), and with something
# that could differ (figures on both sides that are not the same, or a negation on one side).
POOL_COSINE = 0.5
_FIGURE = re.compile(
    r"\d+(?:[.,]\d+)*|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens?"
    r"|hundreds?|thousands?|millions?|billions?|trillions?|half|monday|tuesday|wednesday"
    r"|thursday|friday|saturday|sunday|january|february|march|april|may|june|july|august"
    r"|september|october|november|december)\b",
    re.IGNORECASE,
)
_NEGATION = re.compile(
    r"\b(?:not|no|never|den(?:y|ied|ies|ial)|reject\w*|refus\w*|admit\w*|acknowledg\w*"
    r"|disput\w*|false\w*|contradict\w*)\b|n't",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Tally:
    true_positive: int = 0
    false_positive: int = 0
    false_negative: int = 0

    def line(self) -> str:
        found = self.true_positive + self.false_positive
        real = self.true_positive + self.false_negative
        precision = self.true_positive / found if found else float("nan")
        recall = self.true_positive / real if real else float("nan")
        return (
            f"recall {self.true_positive}/{real} = {recall:.2f}, precision "
            f"{self.true_positive}/{found} = {precision:.2f}"
        )


def _differs(texts: Sequence[str]) -> disagree.Differs:
    lexicon = Lexicon(texts)
    return lambda a, b: conflict(lexicon.features(a), lexicon.features(b))


def _sentence(source_id: str, index: int, text: str) -> Sentence:
    return Sentence(
        id=f"{source_id}:{index}",
        source_id=source_id,
        text=text,
        start=0,
        end=len(text),
        paragraph=0,
        index=index,
        position=0.0,
    )


def detect_pair(first: str, second: str, embedder: Embedder) -> tuple[Disagreement, ...]:
    """The detector on two sentences from two credible, independent outlets (a TF-IDF
    embedder is fitted by the caller, as the pipeline fits it on a folder's sentences)."""
    sents = (_sentence("ap", 0, first), _sentence("reuters", 0, second))
    articles = tuple(
        Article(source=Source(id=sid, path=sid, credibility=0.9, low=False), text="")
        for sid in ("ap", "reuters")
    )
    vectors = embedder.encode([first, second])
    story = Story(Corpus(folder=".", articles=articles), sents, vectors, embedder.calibration)
    return disagree.find_disagreements(story, _differs([first, second]))


def _case_part(case: dict[str, str]) -> str:
    """The second batch, written after the first was scored, is its own part: `fresh`."""
    return "fresh" if case.get("batch") == 2 else part_of(case["id"])


def run_cases(part: str, embedder: Embedder, verbose: bool) -> None:
    cases = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines()]
    embedder.fit([text for case in cases for text in (case["a"], case["b"])])
    tally = Tally()
    for case in cases:
        if part != "all" and _case_part(case) != part:
            continue
        found = detect_pair(case["a"], case["b"], embedder)
        real = case["label"] == "disagree"
        tally = Tally(
            tally.true_positive + (real and bool(found)),
            tally.false_positive + (not real and bool(found)),
            tally.false_negative + (real and not found),
        )
        if verbose and real != bool(found):
            what = found[0].detail if found else "nothing found"
            print(f"  {case['id']} ({case['label']}, {case['kind']}): {what}")
    print(f"constructed pairs, part={part}, {embedder.name}: {tally.line()}")


def _hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:12]


def _analysed(part: str, embedder: Embedder) -> Iterator[tuple[str, Story]]:
    config = BriefingConfig()
    with tempfile.TemporaryDirectory() as tmp:
        for cluster in in_part(load_clusters(), part):
            folder = Path(tmp) / cluster.id
            write_cluster(cluster, folder)
            yield cluster.id, pipeline.analyse(folder, config, embedder).story


def _pool(found: Story, minilm: Embedder) -> Iterator[tuple[Sentence, Sentence, float]]:
    """The pool is defined by MiniLM cosines whichever embedder the detector runs on."""
    sents = [s for s in found.sentences if not found.sources[s.source_id].low]
    vectors = np.asarray(minilm.encode([s.text for s in sents]))
    unit = vectors / np.linalg.norm(vectors, axis=1, keepdims=True)
    cosine = unit @ unit.T
    for i, first in enumerate(sents):
        for j in range(i + 1, len(sents)):
            second = sents[j]
            if first.source_id == second.source_id or cosine[i, j] < POOL_COSINE:
                continue
            figures = [{f.lower() for f in _FIGURE.findall(s.text)} for s in (first, second)]
            negated = [bool(_NEGATION.search(s.text)) for s in (first, second)]
            if (all(figures) and figures[0] != figures[1]) or negated[0] != negated[1]:
                yield first, second, float(cosine[i, j])


def _key(found: Story, first: Sentence, second: Sentence) -> tuple[str, ...]:
    paths = {sid: source.path for sid, source in found.sources.items()}
    sides = sorted([(paths[first.source_id], first.index), (paths[second.source_id], second.index)])
    return (sides[0][0], str(sides[0][1]), sides[1][0], str(sides[1][1]))


def print_pool(part: str, embedder: Embedder) -> None:
    """The pool, for a person to judge (the text is printed, never stored)."""
    for story, found in _analysed(part, embedder):
        for first, second, cosine in _pool(found, embedder):
            key = _key(found, first, second)
            print(f"{story} {' '.join(key)} {cosine:.2f}\n  A: {first.text}\n  B: {second.text}")


def _labels() -> dict[tuple[str, ...], dict[str, str]]:
    rows = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines()]
    return {
        (r["story"], r["a"], str(r["a_sentence"]), r["b"], str(r["b_sentence"])): r for r in rows
    }


def run_dev(part: str, embedder: Embedder, verbose: bool) -> None:
    labels = _labels()
    minilm = get_embedder(EmbedConfig())
    tally, pool_size, excluded = Tally(), 0, 0
    for story, found in _analysed(part, embedder):
        pool = {_key(found, a, b): (a, b) for a, b, _ in _pool(found, minilm)}
        pool_size += len(pool)
        judged = {k[1:]: r for k, r in labels.items() if k[0] == story}
        for key, row in judged.items():
            first, second = pool[key]
            if sorted([_hash(first.text), _hash(second.text)]) != sorted(row["hashes"]):
                raise SystemExit(f"{story} {key}: the sentences changed since they were labelled")
        real = {k for k, r in judged.items() if r["label"] == "disagree"}
        unsure = {k for k, r in judged.items() if r["label"] != "disagree"}
        flagged = set()
        for item in pipeline.find_disagreements(found):
            sides = [found.by_id[side.sentence_id or ""] for side in item.sides]
            flagged.add(_key(found, sides[0], sides[1]))
            if verbose:
                print(f"  {story} flagged {item.kind} ({item.detail}): {_key(found, *sides)}")
        excluded += len(flagged & unsure)
        flagged -= unsure
        tally = Tally(
            tally.true_positive + len(flagged & real),
            tally.false_positive + len(flagged - real),
            tally.false_negative + len(real - flagged),
        )
        if verbose:
            for key in real - flagged:
                print(f"  {story} missed: {key} ({judged[key]['note']})")
    print(
        f"dev set, part={part}, {embedder.name}: {tally.line()} (pool {pool_size} pairs; "
        f"{excluded} flagged pairs judged `borderline` left out of both)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("set", choices=["cases", "dev", "pool"])
    parser.add_argument("--part", default="tune", choices=["tune", "held-out", "fresh", "all"])
    parser.add_argument("--embedder", default="minilm", help="minilm or tfidf")
    parser.add_argument("-v", "--verbose", action="store_true", help="list every error")
    args = parser.parse_args(argv)
    embedder = get_embedder(EmbedConfig(embedder=args.embedder))
    if args.set == "cases":
        run_cases(args.part, embedder, args.verbose)
    elif args.set == "dev":
        run_dev(args.part, embedder, args.verbose)
    else:
        print_pool(args.part, get_embedder(EmbedConfig()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
