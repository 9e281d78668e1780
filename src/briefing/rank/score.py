"""The claim scorer: which claims the story is about, best first.

Score = corroboration (credibility-weighted independent reports) + concepts (words many
articles share) + centrality (PageRank on the claim similarity graph) + position (news leads
carry the story), weighted by `RankConfig`; then a redundancy-aware order (maximal marginal
relevance) so that the top of the list covers different facts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np
from scipy import sparse

from briefing.config import RankConfig
from briefing.language import content_words
from briefing.models import Claim, Sentence, Source, Story
from briefing.vectors import neighbours

# The weights of the four signals (each scaled to [0, 1]) are in RankConfig. Corroboration
# leads: what many independent outlets report is what the story is about. Concepts score the
# same idea at word level (Gillick & Favre 2009 weight concepts by document frequency), so a
# fact phrased too differently to cluster still counts; centrality does so at the level of
# meaning; position breaks ties toward the lead, where news writing puts the core facts.
# Edges of the claim graph (claims on the same sub-topic) and the MMR's redundancy floor are
# the embedder's (`Calibration.graph`, `Calibration.redundancy_floor`, embed.py).
# PageRank damping as in LexRank (Erkan & Radev 2004 use 0.85) and its convergence settings.
DAMPING = 0.85
PAGERANK_ITERATIONS = 100
PAGERANK_TOLERANCE = 1e-8
REDUNDANCY_PENALTY = 1.0
# Claims put in MMR order; the rest follow by score (composers never use more than this).
MMR_DEPTH = 60


def report_weights(claim: Claim, sources: Mapping[str, Source]) -> dict[str, float]:
    """Credibility weight of each independent report that supports the claim."""
    weights: dict[str, float] = {}
    for source_id in claim.source_ids:
        source = sources[source_id]
        weights[source.report] = max(weights.get(source.report, 0.0), source.weight)
    return weights


def pagerank(vectors: np.ndarray, threshold: float) -> np.ndarray:
    """PageRank over the sparse graph of claims with cosine >= threshold."""
    n = len(vectors)
    if n == 0:
        return np.zeros(0)
    rows, cols, data = [], [], []
    for i, hits in enumerate(neighbours(vectors, threshold)):
        for j, score in hits:
            rows.append(i)
            cols.append(j)
            data.append(score)
    graph = sparse.csr_matrix((data, (rows, cols)), shape=(n, n))
    out_weight = np.asarray(graph.sum(axis=1)).ravel()
    transition = sparse.diags(1.0 / np.where(out_weight > 0, out_weight, 1.0)) @ graph
    rank = np.full(n, 1.0 / n)
    for _ in range(PAGERANK_ITERATIONS):
        dangling = rank[out_weight == 0].sum() / n
        updated = (1 - DAMPING) / n + DAMPING * (transition.T @ rank + dangling)
        if np.abs(updated - rank).sum() < PAGERANK_TOLERANCE:
            return np.asarray(updated)
        rank = updated
    return np.asarray(rank)


def concept_scores(claims: Sequence[Claim], sentences: Sequence[Sentence]) -> np.ndarray:
    """Mean share of articles that use each content word of the claim (its corroboration at
    word level); words found in one article only count zero."""
    articles: dict[str, set[str]] = {}
    for sentence in sentences:
        articles.setdefault(sentence.source_id, set()).update(content_words(sentence.text))
    df: dict[str, int] = {}
    for words in articles.values():
        for word in words:
            df[word] = df.get(word, 0) + 1
    n = max(1, len(articles) - 1)
    return np.array(
        [
            float(np.mean([(df.get(w, 1) - 1) / n for w in words])) if words else 0.0
            for words in (content_words(claim.text) for claim in claims)
        ]
    )


def _scaled(values: np.ndarray) -> np.ndarray:
    top = values.max() if len(values) else 0.0
    return values / top if top > 0 else np.zeros_like(values)


def score_claims(
    claims: Sequence[Claim], vectors: np.ndarray, story: Story, config: RankConfig
) -> np.ndarray:
    support = np.array([sum(report_weights(c, story.sources).values()) for c in claims])
    position = np.array([1.0 - claim.position for claim in claims])
    return (
        config.support_weight * _scaled(support)
        + config.concept_weight * _scaled(concept_scores(claims, story.sentences))
        + config.centrality_weight * _scaled(pagerank(vectors, story.calibration.graph))
        + config.position_weight * position
    )


def mmr_order(scores: np.ndarray, vectors: np.ndarray, floor: float) -> list[int]:
    """Greedy maximal marginal relevance for the first MMR_DEPTH places, then by score; only
    similarity above `floor` counts as repetition."""
    depth = MMR_DEPTH
    remaining = sorted(range(len(scores)), key=lambda i: (-scores[i], i))
    chosen: list[int] = []
    redundancy = np.zeros(len(scores))
    while remaining and len(chosen) < depth:
        best = max(remaining, key=lambda i: (scores[i] - REDUNDANCY_PENALTY * redundancy[i], -i))
        chosen.append(best)
        remaining.remove(best)
        overlap = np.clip((vectors @ vectors[best] - floor) / (1 - floor), 0, 1)
        redundancy = np.maximum(redundancy, overlap)
    return chosen + remaining


def rank_claims(
    claims: Sequence[Claim], vectors: np.ndarray, story: Story, config: RankConfig
) -> tuple[Claim, ...]:
    """Claims best first, each with its score; `vectors[i]` is claim i's normalised vector."""
    if not claims:
        return ()
    scores = score_claims(claims, vectors, story, config)
    return tuple(
        claims[i].model_copy(update={"score": round(float(scores[i]), 4)})
        for i in mmr_order(scores, vectors, story.calibration.redundancy_floor)
    )
