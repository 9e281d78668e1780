"""Where the time goes: a profile of one build by briefing function, and the cost of the
all-pairs sentence similarity with dense against sparse TF-IDF vectors.

Usage: `.venv/bin/python benchmarks/diagnose.py --help`.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import pstats
import sys
import time
from pathlib import Path

from synth import single_folder

# Functions listed in a profile: enough to see every stage and its heaviest helpers.
PROFILE_LINES = 40
# The same blocking as briefing.vectors, so that the two products are compared like for like.
BLOCK_ROWS = 512


def profile(folder: Path, embedder: str) -> str:
    """cProfile of `build_brief` on `folder`, briefing's own functions by cumulative time."""
    from briefing.config import load_config
    from briefing.embed import get_embedder
    from briefing.pipeline import build_brief

    config = load_config(None, {"embed": {"embedder": embedder}})
    model = get_embedder(config.embed)
    model.fit(["warm up"])
    profiler = cProfile.Profile()
    started = time.perf_counter()
    profiler.enable()
    build_brief(folder, config, model)
    profiler.disable()
    out = io.StringIO()
    out.write(f"build_brief: {time.perf_counter() - started:.1f} s under the profiler\n")
    stats = pstats.Stats(profiler, stream=out).sort_stats("cumulative")
    stats.print_stats(r"src/briefing", PROFILE_LINES)
    return out.getvalue()


def similarity(folder: Path, threshold: float) -> str:
    """All-pairs cosine >= threshold over the folder's TF-IDF sentence vectors, computed by
    briefing.vectors.neighbours on the dense rows, then as blocked sparse products."""
    from scipy import sparse

    from briefing.config import load_config
    from briefing.embed import TfidfEmbedder
    from briefing.pipeline import read_sources
    from briefing.vectors import neighbours

    _, sentences = read_sources(folder, load_config(None, {}))
    texts = [sentence.text for sentence in sentences]
    embedder = TfidfEmbedder()
    embedder.fit(texts)
    dense = embedder.encode(texts)
    started = time.perf_counter()
    found = sum(len(hits) for hits in neighbours(dense, threshold))
    dense_s = time.perf_counter() - started
    started = time.perf_counter()
    rows = sparse.csr_matrix(dense)
    pairs = 0
    for start in range(0, rows.shape[0], BLOCK_ROWS):
        block = (rows[start : start + BLOCK_ROWS] @ rows.T).toarray()
        pairs += int((block >= threshold).sum()) - block.shape[0]
    sparse_s = time.perf_counter() - started
    density = rows.nnz / max(1, dense.size)
    return (
        f"{len(texts)} sentences, {dense.shape[1]} TF-IDF dims, {100 * density:.2f}% non-zero\n"
        f"dense  neighbours(): {dense_s:.2f} s ({found} pairs kept, at most 64 a row)\n"
        f"sparse blocked products and threshold: {sparse_s:.2f} s ({pairs} pairs)\n"
    )


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parts = parser.add_subparsers(dest="part", required=True)
    prof = parts.add_parser("profile", help="profile one build_brief")
    prof.add_argument("--articles", type=int, default=1000, help="synthetic single folder size")
    prof.add_argument("--folder", type=Path, help="profile this folder instead")
    prof.add_argument("--embedder", default="tfidf")
    sim = parts.add_parser("similarity", help="dense vs sparse all-pairs TF-IDF similarity")
    sim.add_argument("--articles", type=int, default=1000, help="synthetic single folder size")
    sim.add_argument("--threshold", type=float, default=0.42, help="briefing's TF-IDF claim cut")
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    if args.part == "profile":
        folder = args.folder or single_folder(args.articles)
        sys.stdout.write(profile(folder, args.embedder))
    else:
        sys.stdout.write(similarity(single_folder(args.articles), args.threshold))


if __name__ == "__main__":
    main()
