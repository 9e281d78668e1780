"""Go/no-go for BERTScore-style soft coverage in the matcher (docs/aligner.md, "Eighth session").

    .venv/bin/python benchmarks/soft_coverage.py pairs [--part tune|held-out] [--layer 6]
    SOFT_SUPPORT=0.58 .venv/bin/python benchmarks/soft_coverage.py run benchmarks/cite_gold.py \
        --part tune

The shipped score is `weight x cosine + (1 - weight) x coverage`, coverage the share of the
sentence's content-word stems the unit holds. Soft coverage (Zhang et al. 2020, "BERTScore:
Evaluating Text Generation with BERT") lets a stem the unit lacks count as covered by its most
similar word of the unit: cosine of contextual word vectors of the packaged MiniLM (mean of a
word's word pieces, run on the canonical tokens the lexical checks read), credited only from a
similarity floor up; optionally idf-weighted over the story's sentences, as BERTScore does.
Every veto stays as it is. torch runs the model here (the product does not import torch).
The chosen variant has shipped since (`verify/soft.py`, from the ONNX graph's token output;
docs/aligner.md, "Soft coverage shipped"): its figures here were made against `8f90200`'s
`src/`, whose matcher had exact coverage; run against later `src/` it patches a matcher
that is soft already.

`pairs` scores the labelled pairs of one part (`aligner_pairs`, the matcher's decision as in
calibrate_aligner.py) with exact coverage and each variant, at the shipped weight and at four
support thresholds; `run` patches the matcher with one variant (floor 0.5, no idf; the support
threshold from SOFT_SUPPORT, else the shipped one) and runs another benchmark script.
"""

from __future__ import annotations

import argparse
import math
import os
import runpy
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import briefing.verify as matcher
from briefing.embed import _packaged_minilm_path
from briefing.language import stem
from briefing.verify import lexical

# (kind, floor, idf): "soft" credits the similarity itself from the floor up, "binary" credits
# 1 from the floor up, "scaled" credits (similarity - floor) / (1 - floor).
Variant = tuple[str, float, bool]
VARIANTS: list[Variant] = [
    (kind, floor, idf)
    for kind in ("soft", "scaled", "binary")
    for floor in (0.5, 0.6, 0.7, 0.8)
    for idf in (False, True)
]
LAST_LAYER = 6  # MiniLM-L6's last hidden layer, what an ONNX export would return
SUPPORT_STEPS = (0.0, 0.04, 0.08, 0.12)  # added to the shipped support threshold


class WordVectors:
    """Contextual vectors of each word of a token sequence (the mean of its word pieces)."""

    def __init__(self, layer: int) -> None:
        import torch
        from transformers import AutoModel, AutoTokenizer

        torch.set_num_threads(1)
        folder = _packaged_minilm_path()
        self._torch = torch
        self._tokenizer = AutoTokenizer.from_pretrained(folder)
        self._model = AutoModel.from_pretrained(folder).eval()
        self._layer = layer
        self._seen: dict[tuple[str, ...], np.ndarray] = {}

    def __call__(self, words: tuple[str, ...]) -> np.ndarray:
        found = self._seen.get(words)
        if found is not None:
            return found
        encoded = self._tokenizer(
            list(words), is_split_into_words=True, return_tensors="pt", truncation=True,
            max_length=256,
        )  # fmt: skip
        with self._torch.no_grad():
            states = self._model(**encoded, output_hidden_states=True).hidden_states
        pieces = states[self._layer][0].numpy()
        vectors = np.zeros((len(words), pieces.shape[1]), dtype=np.float32)
        counts = np.zeros(len(words))
        for piece, word in enumerate(encoded.word_ids()):
            if word is not None:
                vectors[word] += pieces[piece]
                counts[word] += 1
        vectors /= np.maximum(counts, 1)[:, None]
        vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
        self._seen[words] = vectors
        return vectors


def soft_coverage(
    query: lexical.Features, unit: lexical.Features, vectors: WordVectors, variant: Variant,
    idf: dict[str, float],
) -> float:  # fmt: skip
    """The share of the query's stems the unit covers, a stem it lacks credited by its most
    similar word of the unit."""
    kind, floor, weighted = variant
    first: dict[str, int] = {}
    for i, word in enumerate(query.order):
        first.setdefault(stem(word), i)
    total = credit = 0.0
    sims = vectors(query.order) @ vectors(unit.order).T if unit.order else None
    for s in query.stems:
        weight = idf.get(s, idf.get("", 1.0)) if weighted else 1.0
        total += weight
        if s in unit.stems:
            credit += weight
        elif sims is not None and s in first:
            best = float(sims[first[s]].max())
            if best >= floor:
                credit += weight * {"soft": best, "binary": 1.0}.get(
                    kind, (best - floor) / (1.0 - floor)
                )
    return credit / total if total else 0.0


def patch(vectors: WordVectors, state: dict[str, Any]) -> None:
    """Replace the matcher's coverage by soft coverage (state: variant and idf)."""
    exact = lexical.judge

    def judge(
        query: lexical.Features, unit: lexical.Features, cosine: float,
        thresholds: lexical.Thresholds,
    ) -> lexical.Judgement:  # fmt: skip
        found = exact(query, unit, cosine, thresholds)
        if state.get("variant") is None:
            return found
        coverage = soft_coverage(query, unit, vectors, state["variant"], state.get("idf", {}))
        score = thresholds.score(cosine, coverage)
        return replace(found, coverage=round(coverage, 4), score=score)

    matcher.judge = judge  # type: ignore[assignment]


def story_idf(texts: list[str], features: Callable[[str], lexical.Features]) -> dict[str, float]:
    """BERTScore's idf over the story's sentences ("" for a stem seen in none)."""
    counts: Counter[str] = Counter()
    for text in texts:
        counts.update(features(text).stems)
    n = len(texts)
    idf = {s: math.log((n + 1) / (c + 1)) + 1 for s, c in counts.items()}
    idf[""] = math.log(n + 1) + 1
    return idf


def pairs(part: str, layer: int) -> None:
    import calibrate_aligner as calibrate
    from briefing.config import EmbedConfig
    from briefing.embed import get_embedder

    state: dict[str, Any] = {}
    patch(WordVectors(layer), state)
    chosen = [p for p in calibrate.load_pairs() if (p.tuned == (part == "tune"))]
    stories = {p.story for p in chosen}
    every = calibrate.load_clusters
    calibrate.load_clusters = lambda *a, **k: [c for c in every() if c.id in stories]
    embedder = get_embedder(EmbedConfig(embedder="minilm"))
    built, _ = calibrate.story_aligners(embedder, chosen)
    idf = {
        sid: story_idf([s.text for s in aligner._sentences], aligner._lexicon.features)
        for sid, (aligner, _, _) in built.items()
    }
    base = matcher.calibrated(embedder.calibration)
    gold = [p.label == "yes" for p in chosen]
    print(f"{part}: {len(chosen)} pairs, {sum(gold)} yes; MiniLM layer {layer}")
    for variant in [None, *VARIANTS]:
        state["variant"] = variant
        examined = []
        for pair in chosen:
            aligner, rows, _ = built[pair.story]
            state["idf"] = idf[pair.story]
            aligner.thresholds = base
            examined.append(calibrate._examine(pair, aligner, rows))
        cells = []
        for step in SUPPORT_STEPS:
            support = round(base.support + step, 2)
            thresholds = calibrate.Thresholds(base.weight, support, base.floor, support)
            judged = calibrate.judge_pairs(chosen, examined, built, thresholds)
            p, r, f = calibrate.prf(gold, [j.full for j in judged])
            cells.append(f"support {support:.2f}: P {p:.3f} R {r:.3f} F1 {f:.3f}")
        print(f"{variant or 'exact (shipped)'}: " + " | ".join(cells), flush=True)


def run(script: str, args: list[str], layer: int) -> None:
    patch(WordVectors(layer), {"variant": ("soft", 0.5, False)})
    support = os.environ.get("SOFT_SUPPORT")
    if support is not None:
        shipped = matcher.calibrated

        def calibrated(calibration: Any) -> lexical.Thresholds:
            t = shipped(calibration)
            value = float(support)
            return lexical.Thresholds(t.weight, value, min(t.floor, value), value)

        matcher.calibrated = calibrated
    sys.argv = [script, *args]
    runpy.run_path(script, run_name="__main__")


def main() -> int:
    if sys.argv[1:2] == ["run"] and len(sys.argv) > 2:  # the rest goes to the script as is
        run(sys.argv[2], sys.argv[3:], LAST_LAYER)
        return 0
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("mode", choices=("pairs",))
    parser.add_argument("--part", choices=("tune", "held-out"), default="tune")
    parser.add_argument("--layer", type=int, default=LAST_LAYER, help="hidden layer")
    known = parser.parse_args()
    pairs(known.part, known.layer)
    return 0


if __name__ == "__main__":
    sys.exit(main())
