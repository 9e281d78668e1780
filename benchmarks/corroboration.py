"""How often brief sentences cite two or more outlets, and what suppression keeps out, on the
AllSides dev set (each story: three outlets).

    .venv/bin/python benchmarks/corroboration.py [--limit N] [--embedder minilm]
                                                 [--sample FILE] [--part tune|held-out|all]

Builds every story's brief in one process (one embedder) and prints the brief sentences, the
share citing at least two outlets and the claims suppressed as single low-credibility. With
--sample it writes every multi-outlet citation (sentence, cited evidence) to FILE for reading
by hand: the precision check behind "no loss of precision". Run it with PYTHONPATH pointing
at another checkout's src/ to measure that code the same way.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from briefing import pipeline
from briefing.config import BriefingConfig, EmbedConfig
from briefing.embed import get_embedder
from devset import PARTS, in_part, load_clusters, write_cluster

# Two citations make a sentence corroborated in the measure (issue 12).
MULTI = 2


def run(limit: int | None, embedder_name: str, sample: Path | None, part: str) -> None:
    config = BriefingConfig(embed=EmbedConfig(embedder=embedder_name))
    embedder = get_embedder(config.embed)
    sentences = multi = suppressed = 0
    records = []
    with tempfile.TemporaryDirectory() as tmp:
        for cluster in in_part(load_clusters(limit=limit), part):
            folder = Path(tmp) / cluster.id
            write_cluster(cluster, folder)
            brief = pipeline.build_brief(folder, config, embedder)
            outlets = {s.id: s.outlet or s.id for s in brief.sources}
            for sentence in brief.sentences:
                cited = {outlets[c] for c in sentence.citations}
                sentences += 1
                if len(cited) >= MULTI:
                    multi += 1
                    records.append(
                        {
                            "story": cluster.id,
                            "sentence": sentence.text,
                            "evidence": [
                                {
                                    "outlet": outlets[e.source_id],
                                    "part": getattr(e, "part", None),
                                    "sentence": e.sentence,
                                }
                                for e in sentence.evidence
                            ],
                        }
                    )
            lost = [s for s in brief.suppressed if "low-credibility" in s.reason]
            suppressed += len(lost)
    print(f"{part}, embedder {embedder.name}: {sentences} brief sentences, "
          f"{multi / max(1, sentences):.1%} cite >= {MULTI} outlets; "
          f"{suppressed} claims suppressed as single low-credibility")  # fmt: skip
    if sample is not None:
        sample.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--embedder", default="minilm")
    parser.add_argument("--sample", type=Path, default=None)
    parser.add_argument("--part", choices=PARTS, default="all", help="devset.part_of")
    args = parser.parse_args(argv)
    run(args.limit, args.embedder, args.sample, args.part)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
