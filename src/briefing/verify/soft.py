"""Soft coverage: a content word of the sentence that the unit lacks counts as covered by its
most similar word of the unit, in the style of BERTScore (Zhang et al. 2020). Owns the words'
contextual vectors (the mean of a word's pieces, from the embedder's own pass over the text:
`embed.word_pieces_of`) and the coverage they give; the aligner blends it with the cosine as it
does exact coverage. Measured, and the variant chosen, in docs/aligner.md ("Eighth session").
"""

from __future__ import annotations

import numpy as np

from briefing.language import stem
from briefing.onnx_model import WordPieces
from briefing.verify.lexical import Features, word_spans

# Word similarity from which a missing word counts as covered, credited with the similarity
# itself: the variant "soft, floor 0.5" of benchmarks/soft_coverage.py, chosen on the tuning
# part of the labelled pairs (with the support threshold 0.58, embed.NEURAL_WORDS).
FLOOR = 0.5


def word_vectors(text: str, pieces: WordPieces) -> np.ndarray:
    """One L2-normalised row per word of the text's `Features.order`: the mean of the pieces
    that overlap its characters; a zero row for a word in no piece (the normalisation
    rewrote it, or the model's truncation cut it), which then matches nothing."""
    spans = word_spans(text)
    found = np.asarray([span or (0, 0) for span in spans], dtype=np.int32).reshape(-1, 2)
    # (words, pieces): the pieces that overlap each word's characters; none for (0, 0).
    inside = (pieces.spans[None, :, 0] < found[:, 1:2]) & (pieces.spans[None, :, 1] > found[:, :1])
    vectors = inside.astype(np.float32) @ pieces.vectors.astype(np.float32)
    vectors /= np.maximum(inside.sum(axis=1, keepdims=True), 1)
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return np.asarray(vectors / np.maximum(norms, 1e-9), dtype=np.float32)


def coverage(query: Features, mine: np.ndarray, unit: Features, theirs: np.ndarray) -> float:
    """The share of the query's content stems the unit holds, a stem it lacks credited with
    its most similar word of the unit from FLOOR up (the first place of the stem in the query
    stands for it; a stem in no word, a person a role stands for, gets no credit)."""
    if not query.stems:
        return 0.0
    first: dict[str, int] = {}
    for i, word in enumerate(query.order):
        first.setdefault(stem(word), i)
    lacking = [s for s in query.stems if s not in unit.stems and s in first]
    credit = float(len(query.stems & unit.stems))
    if lacking and len(theirs):
        best = (mine[[first[s] for s in lacking]] @ theirs.T).max(axis=1)
        credit += float(best[best >= FLOOR].sum())
    return credit / len(query.stems)
