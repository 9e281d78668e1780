"""Story detection with the int8 MiniLM against the float one: the same folders and shipped
settings as benchmarks/stories.py, scored with each model's article vectors, plus how many
folders get the very same labels and the largest change of an article-pair cosine.

    .venv/bin/python benchmarks/story_int8.py            # tune part (decides)
    .venv/bin/python benchmarks/story_int8.py --part held-out

The int8 model is benchmarks/onnx_check.py's variant (matrix products only, per channel,
7-bit weights), written to a temporary folder. Not adopted: docs/benchmarks.md.
"""

from __future__ import annotations

import argparse
import tempfile
import time
from pathlib import Path

import numpy as np

from briefing import onnx_model, stories
from briefing.config import EmbedConfig
from briefing.embed import OnnxEmbedder, get_embedder
from stories import folder_affinities, line, mean, score  # type: ignore[attr-defined]


def _partition(labels: list[int]) -> list[int]:
    """Labels renumbered by first appearance: equal lists are equal groupings."""
    first: dict[int, int] = {}
    return [first.setdefault(label, len(first)) for label in labels]


def main() -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--part", default="tune", choices=("tune", "held-out"))
    part = parser.parse_args().part
    fp32 = get_embedder(EmbedConfig())
    assert isinstance(fp32, OnnxEmbedder)
    folder = fp32._folder
    tmp = tempfile.TemporaryDirectory()
    int8_file = Path(tmp.name) / "model.int8.onnx"
    quantize_dynamic(
        str(onnx_model.onnx_path(folder)),
        str(int8_file),
        weight_type=QuantType.QInt8,
        per_channel=True,
        reduce_range=True,
        op_types_to_quantize=["MatMul"],
    )
    int8 = OnnxEmbedder(folder, int8_file, 64)
    settings = stories.settings_for(fp32.calibration)
    found = {}
    for name, embedder in (("fp32", fp32), ("int8", int8)):
        started = time.process_time()
        _, folders = folder_affinities(part, embedder)
        cpu = time.process_time() - started
        print(f"{name}: affinities of {len(folders)} folders in {cpu:.1f} CPU s")
        found[name] = folders
    same, worst, rows = 0, 0.0, {"fp32": [], "int8": []}
    for (labels, a), (_, b) in zip(found["fp32"], found["int8"], strict=True):
        worst = max(worst, float(np.abs(a.cosine - b.cosine).max()))
        got = {}
        for name, aff in (("fp32", a), ("int8", b)):
            got[name] = stories.cluster(stories.distances(aff, settings), settings.threshold)
            rows[name].append(score(labels, got[name]))
        same += _partition(got["fp32"]) == _partition(got["int8"])
    print(
        f"part={part}: folders with identical labels {same} of {len(found['fp32'])}; "
        f"largest article-pair cosine change {worst:.4f}"
    )
    for name in ("fp32", "int8"):
        print(f"  {name}: {line(mean(rows[name]))}")


if __name__ == "__main__":
    main()
