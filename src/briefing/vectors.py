"""Similarity search over L2-normalised vectors, blocked so memory stays linear in n."""

from __future__ import annotations

from collections.abc import Iterator

import numpy as np
from scipy import sparse

# Rows of the similarity matrix computed at once: 512 x 100k float32 is 200 MB at most.
BLOCK_ROWS = 512
# Neighbours kept per row; a fact is rarely repeated by more articles than this.
MAX_NEIGHBOURS = 64
# Below this share of non-zero entries a sparse product wins: TF-IDF rows are about 0.4% full,
# and on 12k of them the sparse search took 1.1 s against 18 s dense (benchmarks/diagnose.py).
SPARSE_DENSITY = 0.05


def blocks(n: int) -> Iterator[tuple[int, int]]:
    for start in range(0, n, BLOCK_ROWS):
        yield start, min(n, start + BLOCK_ROWS)


def neighbours(
    vectors: np.ndarray, threshold: float, groups: np.ndarray | None = None
) -> list[list[tuple[int, float]]]:
    """For each row, the other rows with cosine >= threshold, best first (ties by index),
    at most MAX_NEIGHBOURS. With `groups`, rows of the same group are never neighbours."""
    result: list[list[tuple[int, float]]] = []
    operand = _operand(vectors)
    for start, stop in blocks(len(vectors)):
        sims = _product(operand, start, stop)
        if groups is not None:
            sims[groups[start:stop, None] == groups[None, :]] = -1.0
        sims[np.arange(stop - start), np.arange(start, stop)] = -1.0
        for row in sims:
            hits = np.flatnonzero(row >= threshold)
            if len(hits) > MAX_NEIGHBOURS:
                hits = hits[np.argsort(-row[hits], kind="stable")[:MAX_NEIGHBOURS]]
            order = sorted(hits.tolist(), key=lambda j: (-row[j], j))
            result.append([(j, float(row[j])) for j in order])
    return result


def _operand(vectors: np.ndarray) -> np.ndarray | sparse.csr_matrix:
    if vectors.size and np.count_nonzero(vectors) / vectors.size < SPARSE_DENSITY:
        return sparse.csr_matrix(vectors)
    return vectors


def _product(operand: np.ndarray | sparse.csr_matrix, start: int, stop: int) -> np.ndarray:
    """Rows start:stop of operand @ operand.T, as a dense block."""
    block = operand[start:stop] @ operand.T
    return np.asarray(block.toarray() if sparse.issparse(block) else block)


def normalise(matrix: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(matrix, axis=1, keepdims=True)
    return np.asarray(matrix / np.maximum(norms, 1e-12), dtype=np.float32)
