"""CPU of one in-process `briefing` command, split into the MiniLM model and the rest.

Every call of the ONNX encoder is logged (texts, tokens, CPU seconds). With `--vectors FILE`
the vectors are kept in that pickle between runs: the first run computes them, later runs read
them, so that the rest of the pipeline can be timed (and profiled) without the model's cost and
noise; the outputs are the same, since the vectors are. `--profile FILE` writes a cProfile.

    .venv/bin/python benchmarks/profile_build.py --vectors /tmp/v.pkl -- \
        build benchmarks/.cache/scale/single-1000 -o /tmp/out
"""

from __future__ import annotations

import argparse
import cProfile
import pickle
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from briefing import onnx_model


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--vectors", type=Path, help="pickle of vectors kept between runs")
    parser.add_argument("--profile", type=Path, help="write a cProfile here")
    parser.add_argument("command", nargs="+", help="briefing's arguments, after --")
    args = parser.parse_args()
    store: dict[str, np.ndarray] = {}
    if args.vectors and args.vectors.is_file():
        with args.vectors.open("rb") as handle:
            store = pickle.load(handle)
    calls: list[tuple[int, int, int, float]] = []
    real = onnx_model.encoder

    def logged(folder: Path, path: Path) -> onnx_model.Encoder:
        tokenizer = onnx_model._tokenizer(folder)
        encode: onnx_model.Encoder | None = None

        def cached(texts: list[str], batch_size: int) -> np.ndarray:
            nonlocal encode
            missing = [text for text in dict.fromkeys(texts) if text not in store]
            started = time.process_time()
            if missing:
                encode = encode or real(folder, path)
                store.update(zip(missing, encode(missing, batch_size), strict=True))
            cpu = time.process_time() - started
            tokens = sum(len(e.ids) for e in tokenizer.encode_batch(missing))
            calls.append((len(texts), len(missing), tokens, cpu))
            return np.stack([store[text] for text in texts])

        return cached

    onnx_model.encoder = logged  # type: ignore[assignment]
    from briefing.cli import app

    started = time.process_time()
    profiler = cProfile.Profile() if args.profile else None
    try:
        run: Any = profiler.runcall if profiler else (lambda f, *a: f(*a))
        run(app, args.command)
    except SystemExit:
        pass
    total = time.process_time() - started
    if profiler and args.profile:
        profiler.dump_stats(args.profile)
    model = sum(call[3] for call in calls)
    print(f"CPU s: {total:.1f} in all, {model:.1f} in the model, {total - model:.1f} the rest")
    for texts, missing, tokens, cpu in calls:
        print(f"  encode: {texts} texts, {missing} new, {tokens} tokens, {cpu:.2f} CPU s")
    if args.vectors:
        with args.vectors.open("wb") as handle:
            pickle.dump(store, handle)


if __name__ == "__main__":
    sys.exit(main())
