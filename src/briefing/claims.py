"""Cross-source claims: sentences of different articles that say the same thing.

Also decides which articles are copies of one report (syndication), since both questions are
answered from the same sentence-similarity neighbourhoods.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping, Sequence

import numpy as np
from scipy import sparse
from scipy.sparse.csgraph import connected_components

from briefing.language import looks_like_clutter
from briefing.models import Claim, Corpus, Evidence, Sentence, Suppressed
from briefing.vectors import neighbours, normalise

# The cosine at which two sentences state the same fact is the embedder's
# (`Calibration.claim`, embed.py).
# A sentence joins a claim only if its cosine to every member already taken is at least this
# share of the threshold.
MEMBER_FLOOR = 0.8
# Cosine above which two sentences are the same text, lightly edited (wire copy).
COPY_SIMILARITY = 0.93
# Share of the shorter article's sentences found in the other for the two to count as one report.
COPY_SHARE = 0.6
# A rewrite of a wire story keeps runs of its words: a run of this many words shared by two
# articles and by at most RARE_IN others is the wire's text, not a common phrase.
SHINGLE_WORDS = 8
RARE_IN = 3
CLUTTER_REASON = "not article prose (clutter that cleaning missed)"


Neighbours = list[list[tuple[int, float]]]


def sentence_neighbours(
    sentences: Sequence[Sentence], vectors: np.ndarray, threshold: float
) -> Neighbours:
    """For each sentence, the sentences of other articles at cosine >= threshold (or the copy
    similarity, if lower), best first: the one similarity search that claims and copies share."""
    return neighbours(vectors, min(threshold, COPY_SIMILARITY), _groups(sentences))


def independent_reports(
    corpus: Corpus, sentences: Sequence[Sentence], near: Neighbours
) -> dict[str, str]:
    """Map each source id to the id of the report it copies (itself when it is original).

    Two articles are one report when most sentences of the shorter one reappear, nearly word
    for word, in the other. The copy is attributed to the more credible (then earlier) source.
    """
    ids = [article.source.id for article in corpus.articles]
    credibility = {a.source.id: a.source.standing for a in corpus.articles}
    group_of = {source_id: n for n, source_id in enumerate(ids)}
    groups = np.array([group_of[s.source_id] for s in sentences], dtype=np.int64)
    counts = np.bincount(groups, minlength=len(ids)) if len(groups) else np.zeros(len(ids), int)
    shared: dict[tuple[int, int], set[int]] = defaultdict(set)
    for i, hits in enumerate(near):
        for j, _ in (hit for hit in hits if hit[1] >= COPY_SIMILARITY):
            shared[(int(groups[i]), int(groups[j]))].add(i)
    for (a, b), rows in _shared_runs(sentences, groups).items():
        shared[(a, b)].update(rows)
    copies = [
        (a, b)
        for (a, b), rows in shared.items()
        if a < b and len(rows) >= COPY_SHARE * max(1, min(counts[a], counts[b]))
    ]
    copies += [(group_of[first], group_of[second]) for first, second in _same_credit(corpus)]
    return _reports(ids, copies, credibility)


def _reports(
    ids: Sequence[str], copies: Sequence[tuple[int, int]], credibility: Mapping[str, float]
) -> dict[str, str]:
    """Each source with the report of its group of copies (connected components): the most
    credible member, then the first by id."""
    if not ids:
        return {}
    rows, cols = [a for a, _ in copies], [b for _, b in copies]
    graph = sparse.coo_matrix((np.ones(len(copies)), (rows, cols)), shape=(len(ids), len(ids)))
    _, labels = connected_components(graph, directed=False)
    members: dict[int, list[str]] = defaultdict(list)
    for source_id, label in zip(ids, labels.tolist(), strict=True):
        members[label].append(source_id)
    best = {n: min(group, key=lambda s: (-credibility[s], s)) for n, group in members.items()}
    return {source_id: best[label] for source_id, label in zip(ids, labels.tolist(), strict=True)}


def mark_copies(corpus: Corpus, sentences: Sequence[Sentence], near: Neighbours) -> Corpus:
    """The copy-detection stage: every source with the report it belongs to
    (`Source.report_id`, from independent_reports), as rate_corpus fills credibility."""
    reports = independent_reports(corpus, sentences, near)
    articles = tuple(
        article.model_copy(
            update={
                "source": article.source.model_copy(
                    update={"report_id": reports[article.source.id]}
                )
            }
        )
        for article in corpus.articles
    )
    return corpus.model_copy(update={"articles": articles})


_RUN_WORD = re.compile(r"\w+")


def _shared_runs(
    sentences: Sequence[Sentence], groups: np.ndarray
) -> dict[tuple[int, int], set[int]]:
    """For each pair of articles (both orders), the sentences of the first that share a rare
    run of SHINGLE_WORDS words with the second: rewrites of one wire story."""
    holders: dict[int, set[int]] = defaultdict(set)
    runs_of: list[set[int]] = []
    for i, sentence in enumerate(sentences):
        words = _RUN_WORD.findall(sentence.text.lower())
        runs = {
            hash(tuple(words[k : k + SHINGLE_WORDS])) for k in range(len(words) - SHINGLE_WORDS + 1)
        }
        runs_of.append(runs)
        for run in runs:
            holders[run].add(int(groups[i]))
    shared: dict[tuple[int, int], set[int]] = defaultdict(set)
    for i, runs in enumerate(runs_of):
        mine = int(groups[i])
        for run in runs:
            articles = holders[run]
            if 1 < len(articles) <= RARE_IN + 1:
                for other in articles - {mine}:
                    shared[(mine, other)].add(i)
    return shared


def _same_credit(corpus: Corpus) -> list[tuple[str, str]]:
    """Pairs of articles credited to the same wire ("Source: The Associated Press"): one
    report. The wire's own article, when present, is joined with each."""
    by_credit: dict[str, dict[str, None]] = defaultdict(dict)
    for article in corpus.articles:
        if article.source.wire_credit:
            by_credit[_plain_name(article.source.wire_credit)][article.source.id] = None
    for article in corpus.articles:
        outlet = _plain_name(article.source.outlet or "")
        if outlet in by_credit:
            by_credit[outlet][article.source.id] = None
    return [
        (members[0], other)
        for members in (list(m) for m in by_credit.values())
        for other in members[1:]
    ]


def _plain_name(name: str) -> str:
    return re.sub(r"^the\s+", "", name.strip().lower())


def build_claims(
    sentences: Sequence[Sentence], vectors: np.ndarray, near: Neighbours, threshold: float
) -> tuple[Claim, ...]:
    """Cluster sentences of different articles that say the same thing into claims; `near`
    holds each sentence's neighbours in other articles (sentence_neighbours)."""
    if not sentences:
        return ()
    near = [[hit for hit in hits if hit[1] >= threshold] for hits in near]
    seeds = _star_seeds(near, vectors, threshold * MEMBER_FLOOR, sentences)
    clusters = _assign_to_nearest_seed(seeds, near)
    ordered = sorted(
        clusters.items(), key=lambda c: (_mean_position(sentences, c[1]), sentences[c[0]].id)
    )
    return tuple(
        _claim(f"C{n}", sentences, cluster, near[cluster[0]])
        for n, cluster in enumerate(ordered, start=1)
    )


def _star_seeds(
    near: Neighbours,
    vectors: np.ndarray,
    floor: float,
    sentences: Sequence[Sentence],
) -> list[int]:
    """Star clustering picks the seeds: the most-repeated unassigned sentence seeds a claim
    and covers its unassigned neighbours, best first. A neighbour far from any sentence
    already covered (below `floor`) is left for another seed, so two different facts are
    never chained together through a sentence that mentions both."""
    order = sorted(range(len(near)), key=lambda i: (-len(near[i]), sentences[i].id))
    covered: set[int] = set()
    seeds: list[int] = []
    for seed in order:
        if seed in covered:
            continue
        taken = [seed]
        for j, _ in near[seed]:
            if j not in covered and float((vectors[taken] @ vectors[j]).min()) >= floor:
                taken.append(j)
        covered.update(taken)
        seeds.append(seed)
    return seeds


def _assign_to_nearest_seed(
    seeds: list[int], near: Neighbours
) -> dict[int, list[tuple[int, float]]]:
    """Each sentence joins the seed it is most similar to (a seed keeps itself), so that a
    sentence covered early by a looser seed still ends up with its closest paraphrase."""
    is_seed = set(seeds)
    clusters: dict[int, list[tuple[int, float]]] = {seed: [(seed, 1.0)] for seed in seeds}
    for i, hits in enumerate(near):
        if i in is_seed:
            continue
        best = next(((j, score) for j, score in hits if j in is_seed), None)
        if best is not None:
            clusters[best[0]].append((i, best[1]))
    return clusters


def _groups(sentences: Sequence[Sentence]) -> np.ndarray:
    codes: dict[str, int] = {}
    return np.array([codes.setdefault(s.source_id, len(codes)) for s in sentences], dtype=np.int64)


def _mean_position(sentences: Sequence[Sentence], members: Sequence[tuple[int, float]]) -> float:
    return float(np.mean([sentences[j].position for j, _ in members]))


def _claim(
    claim_id: str,
    sentences: Sequence[Sentence],
    cluster: tuple[int, list[tuple[int, float]]],
    near_seed: list[tuple[int, float]],
) -> Claim:
    """A claim (`cluster`: its seed and members) is supported by every source holding a
    sentence close to its seed, including sentences that already belong to another claim (one
    sentence can state two facts)."""
    seed, members = cluster
    best: dict[str, tuple[float, int]] = {}
    for j, score in [(seed, 1.0), *near_seed]:
        source_id = sentences[j].source_id
        if source_id not in best or score > best[source_id][0]:
            best[source_id] = (score, j)
    evidence = tuple(
        Evidence(
            source_id=source_id,
            sentence=sentences[j].text,
            score=round(score, 4),
            sentence_id=sentences[j].id,
        )
        for source_id, (score, j) in sorted(best.items())
    )
    return Claim(
        id=claim_id,
        text=sentences[seed].text,
        member_ids=tuple(sentences[j].id for j, _ in members),
        source_ids=tuple(sorted(best)),
        evidence=evidence,
        position=round(_mean_position(sentences, members), 4),
    )


def drop_clutter(claims: Sequence[Claim]) -> tuple[tuple[Claim, ...], tuple[Suppressed, ...]]:
    kept: list[Claim] = []
    dropped: list[Suppressed] = []
    for claim in claims:
        if not looks_like_clutter(claim.text):
            kept.append(claim)
            continue
        dropped.append(Suppressed.claim(claim, CLUTTER_REASON))
    return tuple(kept), tuple(dropped)


def claim_vectors(
    claims: Sequence[Claim], sentences: Sequence[Sentence], vectors: np.ndarray
) -> np.ndarray:
    """One normalised vector per claim: the mean of its members' vectors."""
    row = {sentence.id: i for i, sentence in enumerate(sentences)}
    if not claims:
        return np.zeros((0, vectors.shape[1] if vectors.ndim == 2 else 1), dtype=np.float32)
    means = [vectors[[row[m] for m in claim.member_ids]].mean(axis=0) for claim in claims]
    return normalise(np.vstack(means))
