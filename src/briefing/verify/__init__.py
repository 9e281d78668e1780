"""Align any sentence (a brief sentence, a generated one, a person's draft) to the source
sentences that support it, with the evidence and scores; one aligner serves build and cite.

Support is decided per pair of a sentence and a source sentence: a score that blends the
embedder's cosine with the share of the sentence's content words the source sentence holds,
over a threshold calibrated per embedder (docs/aligner.md), and no lexical conflict: a name,
number or date that differs, a negation or a verb of opposite meaning, or two actors in
swapped roles. The sentence is supported when some source sentence supports all of it and
every name, number, date and quoted phrase in it is found in the sentences cited for it; it
cites every source that supports it, or a part of it without contradicting it.
"""

from __future__ import annotations

import logging
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass

import numpy as np

from briefing.config import BriefingConfig, VerifyConfig
from briefing.embed import TFIDF, Embedder
from briefing.models import (
    BriefSentence,
    Claim,
    DraftSentence,
    Evidence,
    Sentence,
    Source,
    Suppressed,
)
from briefing.verify.lexical import Features, Judgement, Lexicon, Thresholds, covered, judge

log = logging.getLogger(__name__)

DROPPED_REASON = "dropped: not supported by the sources"
# Chosen by benchmarks/calibrate_aligner.py on tests/data/alignment_pairs.jsonl (figures and
# command in docs/aligner.md): the best F1 on the 145 hand-judged pairs. A supported pair needs
# MiniLM cosine >= 0.4 even at full word coverage, so candidates below 0.3 are never examined.
# TF-IDF sees no paraphrase, so word coverage carries most of its score.
CALIBRATED: dict[str, Thresholds] = {
    "neural": Thresholds(weight=0.6, support=0.64, floor=0.3),
    TFIDF: Thresholds(weight=0.3, support=0.43, floor=0.05),
}
# Candidates examined per source and in all, best cosine first: the best match of a source is
# almost always among its three nearest sentences; 60 bounds the lexical work per sentence.
CANDIDATES_PER_SOURCE = 3
MAX_CANDIDATES = 60


def thresholds_for(embedder_name: str, config: VerifyConfig) -> Thresholds:
    """The calibrated thresholds of the embedder (any sentence-transformer counts as neural),
    with the support threshold the user set, if any."""
    base = CALIBRATED[TFIDF if embedder_name == TFIDF else "neural"]
    if config.support_threshold is None:
        return base
    return Thresholds(
        base.weight, config.support_threshold, min(base.floor, config.support_threshold)
    )


@dataclass(frozen=True)
class _Support:
    """The best sentence of one source for one query: whether it supports all of the query
    (`supports`) or at least part of it (`cited`)."""

    index: int
    judgement: Judgement
    supports: bool
    cited: bool

    @property
    def rank(self) -> tuple[bool, bool, float, float]:
        return (self.supports, self.cited, self.judgement.score, self.judgement.partial)


class Aligner:
    """Finds, for any sentence, every source with a sentence that supports it."""

    def __init__(
        self,
        sentences: Sequence[Sentence],
        vectors: np.ndarray,
        sources: Mapping[str, Source],
        independent: Mapping[str, str],
        embedder: Embedder,
        config: BriefingConfig,
    ) -> None:
        self._sentences = tuple(sentences)
        self._vectors = np.asarray(vectors, dtype=np.float32)
        self._sources = dict(sources)
        self._independent = dict(independent)
        self._embedder = embedder
        self._config = config
        self.thresholds = thresholds_for(embedder.name, config.verify)
        self._lexicon = Lexicon(sentence.text for sentence in self._sentences)
        self._features: dict[int, Features] = {}
        self._context: dict[str, frozenset[str]] = {}
        self._rows_of: dict[str, list[int]] = {}
        for index, sentence in enumerate(self._sentences):
            self._rows_of.setdefault(sentence.source_id, []).append(index)

    def align(self, text: str, allowed_sources: Collection[str] | None = None) -> BriefSentence:
        """`text` with every source that supports it; with `allowed_sources`, it counts as
        supported only if one of them (or a copy of one) is among its supporters."""
        return self.align_batch([text], [allowed_sources])[0]

    def align_many(self, texts: Sequence[str]) -> list[BriefSentence]:
        return self.align_batch(texts, [None] * len(texts))

    def align_batch(
        self, texts: Sequence[str], allowed: Sequence[Collection[str] | None]
    ) -> list[BriefSentence]:
        """`align` for many sentences with one call to the embedder."""
        if not texts:
            return []
        if not self._sentences:
            return [
                BriefSentence(text=t, citations=(), evidence=(), supported=False) for t in texts
            ]
        similarities = self._embedder.encode(list(texts)) @ self._vectors.T
        return [
            self._align_one(text, row, permitted)
            for text, row, permitted in zip(texts, similarities, allowed, strict=True)
        ]

    def _align_one(
        self, text: str, row: np.ndarray, allowed: Collection[str] | None
    ) -> BriefSentence:
        query = self._lexicon.features(text)
        best = self._best_per_source(query, row)
        cited, found = self._citable([s for s in best.values() if s.cited], query)
        supporters = sorted({self._sentences[s.index].source_id for s in cited})
        if found and self._permitted(supporters, allowed):
            return self._supported(text, [best[source_id] for source_id in supporters])
        nearest = max(best.values(), key=lambda s: (s.judgement.score, -s.index), default=None)
        return BriefSentence(
            text=text,
            citations=(),
            evidence=(),
            supported=False,
            nearest=self._evidence(nearest or self._fallback(query, row)),
        )

    def _best_per_source(self, query: Features, row: np.ndarray) -> dict[str, _Support]:
        """Per source, the best of its nearest sentences: supporting ones before others."""
        best: dict[str, _Support] = {}
        taken: dict[str, int] = {}
        for index in np.argsort(-row, kind="stable")[: MAX_CANDIDATES * CANDIDATES_PER_SOURCE]:
            cosine = float(row[index])
            if cosine < self.thresholds.floor or sum(taken.values()) >= MAX_CANDIDATES:
                break
            source_id = self._sentences[int(index)].source_id
            if taken.get(source_id, 0) >= CANDIDATES_PER_SOURCE:
                continue
            taken[source_id] = taken.get(source_id, 0) + 1
            judgement = judge(query, self._feature(int(index)), cosine, self.thresholds)
            found = _Support(
                int(index),
                judgement,
                judgement.supports(self.thresholds),
                judgement.supports_part(self.thresholds),
            )
            held = best.get(source_id)
            if held is None or found.rank > held.rank:
                best[source_id] = found
        return best

    def _fallback(self, query: Features, row: np.ndarray) -> _Support:
        index = int(np.argmax(row))
        judgement = judge(query, self._feature(index), float(row[index]), self.thresholds)
        return _Support(index, judgement, False, False)

    def _citable(
        self, candidates: Sequence[_Support], query: Features
    ) -> tuple[list[_Support], bool]:
        """The at most max_citations sources to cite, and whether together they support the
        sentence: some supports all of it and every name, number, date and quote is found in
        them. The most credible are tried first; if the cap cut the support away, sources
        supporting all of the sentence are tried first in turn, each with the most credible
        of the others."""
        cap = self._config.verify.max_citations
        by_credibility = sorted(candidates, key=lambda s: self._credibility_key(s.index))
        leads = [[lead, *(s for s in by_credibility if s is not lead)] for lead in by_credibility]
        orders = [by_credibility, *(order for order in leads if order[0].supports)]
        for order in orders:
            cited = order[:cap]
            if any(s.supports for s in cited) and covered(
                query,
                [self._feature(s.index) for s in cited],
                [self._article_words(self._sentences[s.index].source_id) for s in cited],
            ):
                return cited, True
        return by_credibility[:cap], False

    def _supported(self, text: str, supports: Sequence[_Support]) -> BriefSentence:
        cited = sorted(supports, key=lambda s: self._credibility_key(s.index))
        sources = [self._sources[self._sentences[s.index].source_id] for s in supports]
        return BriefSentence(
            text=text,
            citations=tuple(self._sentences[s.index].source_id for s in cited),
            evidence=tuple(self._evidence(s) for s in cited),
            supported=True,
            low_credibility_only=all(
                self._config.credibility.is_low(src.credibility_label) for src in sources
            ),
        )

    def _credibility_key(self, index: int) -> tuple[bool, float, str]:
        source_id = self._sentences[index].source_id
        credibility = self._sources[source_id].credibility
        return (credibility is None, -(credibility or 0.0), source_id)

    def _permitted(self, supporters: Sequence[str], allowed: Collection[str] | None) -> bool:
        """Some supporter is allowed, or is a copy of (or the original of) an allowed source."""
        if allowed is None:
            return True
        groups = {self._independent.get(source_id, source_id) for source_id in allowed}
        return any(s in allowed or self._independent.get(s, s) in groups for s in supporters)

    def _evidence(self, support: _Support) -> Evidence:
        sentence = self._sentences[support.index]
        return Evidence(
            source_id=sentence.source_id,
            sentence=sentence.text,
            score=max(support.judgement.score, support.judgement.partial)
            if support.cited
            else support.judgement.score,
            sentence_id=sentence.id,
        )

    def _feature(self, index: int) -> Features:
        if index not in self._features:
            self._features[index] = self._lexicon.features(self._sentences[index].text)
        return self._features[index]

    def _article_words(self, source_id: str) -> frozenset[str]:
        if source_id not in self._context:
            rows = self._rows_of.get(source_id, [])
            self._context[source_id] = frozenset().union(*(self._feature(i).words for i in rows))
        return self._context[source_id]


def verify_drafts(
    drafts: Sequence[DraftSentence], aligner: Aligner, claims: Mapping[str, Claim]
) -> tuple[tuple[BriefSentence, ...], tuple[Suppressed, ...]]:
    """Keep the draft sentences the sources support, with citations from verified support.

    A sentence that names claims must be supported by one of their sources (claim ids that do
    not exist are ignored; with none left it is checked against all sources, as a sentence
    that names no claim is).
    """
    allowed = [_claim_sources(draft.claim_ids, claims) for draft in drafts]
    aligned = aligner.align_batch([draft.text for draft in drafts], allowed)
    kept: list[BriefSentence] = []
    dropped: list[Suppressed] = []
    for draft, result in zip(drafts, aligned, strict=True):
        if result.supported:
            update = {"claim_ids": draft.claim_ids, "paragraph": draft.paragraph}
            kept.append(result.model_copy(update=update))
        else:
            dropped.append(Suppressed(text=draft.text, source_ids=(), reason=DROPPED_REASON))
            log.info("dropped unsupported sentence: %s", draft.text)
    return tuple(kept), tuple(dropped)


def _claim_sources(claim_ids: Sequence[str], claims: Mapping[str, Claim]) -> set[str] | None:
    known = [claims[claim_id] for claim_id in claim_ids if claim_id in claims]
    if not known:
        return None
    return {source_id for claim in known for source_id in claim.source_ids}
