"""Every disagreement the pipeline reports on the AllSides dev stories, printed for a person
to judge (docs/stories.md gives the count and the judgement of each).

    .venv/bin/python benchmarks/disagreements.py [--embedder tfidf] > disagreements.txt
"""

from __future__ import annotations

import argparse
import sys
import tempfile
from pathlib import Path

from briefing.config import BriefingConfig, EmbedConfig
from briefing.embed import get_embedder
from briefing.pipeline import build_brief
from devset import load_clusters, write_cluster


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--embedder", default="minilm", help="minilm or tfidf")
    args = parser.parse_args(argv)
    config = BriefingConfig()
    embedder = get_embedder(EmbedConfig(embedder=args.embedder))
    found = 0
    clusters = load_clusters()
    with tempfile.TemporaryDirectory() as tmp:
        for cluster in clusters:
            folder = Path(tmp) / cluster.id
            write_cluster(cluster, folder)
            brief = build_brief(folder, config, embedder)
            for item in brief.disagreements:
                found += 1
                print(f"## {cluster.id}: {item.kind} ({item.detail}, {item.similarity:.2f})")
                for side in item.sides:
                    print(f"- {side.source_id}: {side.sentence}")
                print()
    print(f"{found} disagreements in {len(clusters)} stories ({args.embedder})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
