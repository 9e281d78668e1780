"""Hand-labelled aligner pairs on the AllSides dev set: stored as references, read at run time.

    .venv/bin/python benchmarks/aligner_pairs.py candidates OUT.jsonl [--per-sentence 2]

`tests/data/allsides_pairs.jsonl` holds one labelled pair per line as references only (the
dev set's licence keeps its text out of the repository): the story id, the article ids and
the character offsets of the claim sentence and of the source sentence in their articles'
text, a short hash of each sentence to catch drift, the label (`yes`, `partial`, `no`) and,
for `partial` and `no`, a note. `load_pairs` resolves them against ../shared/data.

`candidates` writes pairs to judge: every sentence of every article against its nearest
sentences (MiniLM) in the other articles of its story, with their text, to a file outside
the repository.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from briefing.config import EmbedConfig
from briefing.embed import get_embedder
from briefing.sentences import Splitter
from devset import DEV_SET, load_clusters, part_of

ROOT = Path(__file__).resolve().parent.parent
LABELS = ROOT / "tests" / "data" / "allsides_pairs.jsonl"
# Sentences shorter than this are headings or fragments, not facts worth a pair.
MIN_CHARS = 40


@dataclass(frozen=True)
class Pair:
    id: str
    story: str
    claim: str
    source: str
    source_next: str  # the sentence after the source sentence in its article ("" at the end)
    source_article: str
    source_start: int
    label: str
    note: str

    @property
    def tuned(self) -> bool:
        """The pair's story is in the dev set's tuning part (`devset.part_of`, the one split
        every benchmark uses)."""
        return part_of(self.story) == "tune"


def short_hash(text: str) -> str:
    return hashlib.sha1(text.encode()).hexdigest()[:10]


def article_sentences(texts: dict[str, str]) -> dict[str, list[tuple[int, int]]]:
    splitter = Splitter.for_texts(texts.values())
    return {
        key: [(a, b) for a, b, _ in splitter.spans(text) if b - a >= MIN_CHARS]
        for key, text in texts.items()
    }


def load_pairs(path: Path = LABELS, dev_set: Path = DEV_SET) -> list[Pair]:
    """The labelled pairs with their text read from the dev set; a pair whose hash no longer
    matches its text is an error (the dev set changed)."""
    texts = {a.id: a.text for c in load_clusters(dev_set) for a in c.articles}
    pairs = []
    for line in path.read_text("utf-8").splitlines():
        if not line.strip():
            continue
        raw = json.loads(line)
        claim = texts[raw["claim_article"]][raw["claim_start"] : raw["claim_end"]]
        source_text = texts[raw["source_article"]]
        source = source_text[raw["source_start"] : raw["source_end"]]
        if short_hash(claim) != raw["claim_hash"] or short_hash(source) != raw["source_hash"]:
            raise ValueError(f"pair {raw['id']}: the dev set text changed")
        following = source_text[raw["source_end"] : raw["source_next_end"]].strip()
        pairs.append(
            Pair(raw["id"], raw["story"], claim, source, following, raw["source_article"],
                 raw["source_start"], raw["label"], raw.get("note", ""))
        )  # fmt: skip
    return pairs


def candidates(out: Path, per_sentence: int) -> None:
    clusters = load_clusters()
    embedder = get_embedder(EmbedConfig(embedder="minilm"))
    rows = []
    for cluster in clusters:
        texts = {a.id: a.text for a in cluster.articles}
        spans = article_sentences(texts)
        flat = [(aid, n, a, b) for aid, ss in spans.items() for n, (a, b) in enumerate(ss)]
        if not flat:
            continue
        vectors = embedder.encode([texts[aid][a:b] for aid, _, a, b in flat])
        sims = vectors @ vectors.T
        for i, (aid, _n, a, b) in enumerate(flat):
            others = [j for j in np.argsort(-sims[i]) if flat[j][0] != aid][:per_sentence]
            for j in others:
                sid, m, c, d = flat[j]
                after = spans[sid][m + 1][1] if m + 1 < len(spans[sid]) else d
                rows.append({
                    "story": cluster.id, "claim_article": aid, "claim_start": a, "claim_end": b,
                    "claim_hash": short_hash(texts[aid][a:b]), "source_article": sid,
                    "source_start": c, "source_end": d, "source_next_end": after,
                    "source_hash": short_hash(texts[sid][c:d]),
                    "cosine": round(float(sims[i, j]), 3),
                    "claim": texts[aid][a:b], "source": texts[sid][c:d],
                    "next": texts[sid][d:after].strip(),
                })  # fmt: skip
    out.write_text("".join(json.dumps(r) + "\n" for r in rows), "utf-8")
    print(f"{len(rows)} candidate pairs from {len(clusters)} stories -> {out}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    make = sub.add_parser("candidates")
    make.add_argument("out", type=Path)
    make.add_argument("--per-sentence", type=int, default=2)
    args = parser.parse_args(argv)
    candidates(args.out, args.per_sentence)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
