"""`briefing cite` on editors' summaries: each AllSides dev-set story's neutral summary (written
by AllSides editors, not by us) is cited against the story's articles, as a person's draft.

    .venv/bin/python benchmarks/cite_references.py [--part held-out] [--embedder minilm]
                                                   [--dump FILE.jsonl]

There is no gold here: the summaries were written from the full articles, while the dev set
holds excerpts, so some summary sentences have no support in the folder at all. The figures
are what a reviewer sees, beside two baselines that never say "unsupported" on evidence:

- cited: share of summary sentences with at least one citation (fully or partly supported);
- fully / partly: share marked supported / cited but partly supported;
- citations per sentence;
- nearest sentence >= 0.6 / 0.7: share of sentences whose most similar source sentence
  (same embedder) reaches that cosine, the plain nearest-sentence baseline.

Whether the citations are right is read by hand (`--dump` writes every sentence with its
verdict, reason and evidence; docs/aligner.md has the reading).
"""

from __future__ import annotations

import argparse
import json
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

import numpy as np

from briefing import pipeline
from briefing.config import BriefingConfig, EmbedConfig
from briefing.embed import get_embedder
from briefing.ingest.draft import read_draft
from devset import PARTS, in_part, load_clusters, write_cluster

# Cosines at which the nearest-sentence baseline counts a sentence as found.
BASELINE_COSINES = (0.6, 0.7)


@dataclass(frozen=True)
class Verdict:
    """One summary sentence as cite left it, and its nearest source sentence's cosine."""

    story: str
    sentence: str
    supported: bool
    citations: list[str]
    reason: str | None
    unsupported_parts: list[str]
    evidence: list[tuple[str, str | None, str]]
    nearest_cosine: float


def run(part: str, embedder_name: str, dump: Path | None) -> None:
    config = BriefingConfig(embed=EmbedConfig(embedder=embedder_name))
    embedder = get_embedder(config.embed)
    rows: list[Verdict] = []
    clusters = in_part(load_clusters(), part)
    with tempfile.TemporaryDirectory() as tmp:
        for cluster in clusters:
            folder = Path(tmp) / cluster.id
            write_cluster(cluster, folder)
            draft_path = Path(tmp) / f"{cluster.id}.md"
            draft_path.write_text(cluster.reference + "\n", encoding="utf-8")
            texts = [span.text for span in read_draft(draft_path, config.ingest).sentences]
            found = pipeline.analyse(folder, config, embedder)
            aligned = found.aligner.align_draft(texts)
            nearest = (embedder.encode(texts) @ found.story.vectors.T).max(axis=1)
            rows += [
                Verdict(
                    story=cluster.id,
                    sentence=text,
                    supported=result.supported,
                    citations=list(result.citations),
                    reason=result.reason,
                    unsupported_parts=list(result.unsupported_parts),
                    evidence=[(e.source_id, e.part, e.sentence) for e in result.evidence],
                    nearest_cosine=round(float(cosine), 4),
                )
                for text, result, cosine in zip(texts, aligned, nearest, strict=True)
            ]
    _report(rows, part, len(clusters), embedder.name)
    if dump is not None:
        dump.write_text("".join(json.dumps(asdict(r)) + "\n" for r in rows), encoding="utf-8")


def _report(rows: list[Verdict], part: str, stories: int, embedder: str) -> None:
    total = len(rows)
    cited = sum(bool(r.citations) for r in rows)
    fully = sum(r.supported for r in rows)
    citations = sum(len(r.citations) for r in rows)
    cosines = np.array([r.nearest_cosine for r in rows])
    print(f"{part}: {total} summary sentences of {stories} stories, embedder {embedder}")
    print(
        f"briefing cite: cited {cited / total:.3f} (fully {fully / total:.3f}, partly "
        f"{(cited - fully) / total:.3f}), citations per sentence {citations / total:.2f}"
    )
    for floor in BASELINE_COSINES:
        print(f"nearest sentence >= {floor}: {float(np.mean(cosines >= floor)):.3f}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", choices=PARTS, default="held-out")
    parser.add_argument("--embedder", default="minilm")
    parser.add_argument("--dump", type=Path, help="write every sentence's verdict (JSON lines)")
    args = parser.parse_args(argv)
    run(args.part, args.embedder, args.dump)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
