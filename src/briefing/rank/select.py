"""What the extractive brief says: budgeted coverage of the story's facts, lead fact first.

Lin & Bilmes (2011, "A Class of Submodular Functions for Document Summarization"): maximise a
monotone submodular objective under a word budget, greedily by gain / words^r, then compare
with the best single sentence that fits. The objective, over the claims' printed sentences:

- concept coverage: stemmed content words and bigrams, each worth the credibility-weighted
  independent reports that use it (more in headlines and leads), counted once however often
  the brief repeats it (Gillick & Favre 2009 concepts), so a restatement adds nothing;
- claim reward: per topic (claims grouped by similarity), the square root of the summed scores
  of its chosen claims, so corroborated claims count and a first claim on a new topic counts
  more than a second on a covered one (Lin & Bilmes' diversity reward).

The lead fact (what the most credible outlets lead and headline with) goes in first. Two claims
whose figures or claims conflict are never set side by side unless both are attributed: the
latest, most credible one is kept. The brief reads as the story does: lead, development in
date order, background.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache

import numpy as np

from briefing.config import MIN_SENTENCES, UNKNOWN_CREDIBILITY, BriefConfig, RankConfig
from briefing.language import content_words, is_attributed
from briefing.models import Claim, Sentence, Source

# A lead (first sentence) or a headline is where an outlet says what the story is: its
# concepts count this many times an ordinary sentence's, and they pick the lead fact.
LEAD_BOOST = float(__import__("os").environ.get("LB", "2.0"))
# Content words are worth this share of a bigram: a bigram pins a fact ("troop build-up"),
# a single word only its topic.
UNIGRAM_SHARE = float(__import__("os").environ.get("US", "0.5"))
# A concept only one independent report uses is worth this share (Gillick & Favre count only
# concepts that several documents share): what one outlet alone says is not the story.
SINGLE_REPORT_SHARE = float(__import__("os").environ.get("SRS", "0.2"))
# Claims from this far down their articles on average are background, told last.
BACKGROUND_POSITION = 0.6
# Topics of the diversity reward: two claims share a topic when their cosine is in the top
# share of the story's claim pairs (a quantile, so that it fits MiniLM and TF-IDF alike).
TOPIC_QUANTILE = 0.8
# Only the best-scored claims are candidates: the brief never reaches further down, and the
# greedy loop and topic grouping stay cheap on folders of thousands of claims.
MAX_CANDIDATES = 150
# Conflicts that set two sentences against each other (lexical.conflict reasons), when the two
# are about one subject: they share at least this many content words besides the figures.
CLASHING = frozenset({"number differs", "negation differs", "opposite meaning"})
SHARED_SUBJECT_WORDS = 2

Conflict = Callable[[str, str], str | None]
_TOKEN = re.compile(r"[^\W_]+")


def no_conflict(_a: str, _b: str) -> str | None:
    return None


@dataclass(frozen=True)
class Story:
    """What selection reads besides the ranked claims: the sentences, sources, which source
    copies which (independent reports), each claim's vector, and the lexical conflict check."""

    sentences: Sequence[Sentence]
    sources: Mapping[str, Source]
    independent: Mapping[str, str]
    vectors: Mapping[str, np.ndarray]
    conflict: Conflict = no_conflict

    def credibility(self, source_id: str) -> float:
        value = self.sources[source_id].credibility
        return UNKNOWN_CREDIBILITY if value is None else value


@dataclass(frozen=True)
class Candidate:
    """A claim with the sentence the brief would print for it."""

    claim: Claim
    text: str
    words: int
    concepts: frozenset[str]
    topic: int


@cache
def _stem(word: str) -> str:
    from nltk.stem.porter import PorterStemmer

    return str(PorterStemmer().stem(word))


def concepts(text: str) -> frozenset[str]:
    """Stemmed content words ("w:") and bigrams with at least one content word ("b:")."""
    content = content_words(text)
    tokens = _TOKEN.findall(text.lower())
    stems = [_stem(t) for t in tokens]
    unigrams = {f"w:{s}" for t, s in zip(tokens, stems, strict=True) if t in content}
    bigrams = {
        f"b:{stems[i]} {stems[i + 1]}"
        for i in range(len(tokens) - 1)
        if tokens[i] in content or tokens[i + 1] in content
    }
    return frozenset(unigrams | bigrams)


def concept_weights(story: Story) -> dict[str, float]:
    """Each concept's worth: the credibility of each independent report using it (boosted in
    its headline and lead), summed over reports, scaled so that all concepts sum to 1."""
    per_report: dict[str, dict[str, float]] = {}
    for sentence in story.sentences:
        boost = LEAD_BOOST if sentence.index == 0 else 1.0
        _note(per_report, story, sentence.source_id, concepts(sentence.text), boost)
    for source in story.sources.values():
        if source.title:
            _note(per_report, story, source.id, concepts(source.title), LEAD_BOOST)
    weights: dict[str, float] = {}
    reports: dict[str, int] = {}
    for found in per_report.values():
        for concept, weight in found.items():
            share = 1.0 if concept.startswith("b:") else UNIGRAM_SHARE
            weights[concept] = weights.get(concept, 0.0) + share * weight
            reports[concept] = reports.get(concept, 0) + 1
    if len(per_report) > 1:
        for concept, count in reports.items():
            if count == 1:
                weights[concept] *= SINGLE_REPORT_SHARE
    total = sum(weights.values()) or 1.0
    return {concept: weight / total for concept, weight in weights.items()}


def _note(
    per_report: dict[str, dict[str, float]],
    story: Story,
    source_id: str,
    found: frozenset[str],
    boost: float,
) -> None:
    report = story.independent.get(source_id, source_id)
    weight = story.credibility(source_id) * boost
    seen = per_report.setdefault(report, {})
    for concept in found:
        seen[concept] = max(seen.get(concept, 0.0), weight)


def topics(claims: Sequence[Claim], story: Story) -> list[int]:
    """Leader clustering in score order: a claim joins the first leader it is close to."""
    if not claims:
        return []
    matrix = np.stack([story.vectors[c.id] for c in claims])
    cosine = matrix @ matrix.T
    pairs = cosine[np.triu_indices(len(claims), k=1)]
    threshold = float(np.quantile(pairs, TOPIC_QUANTILE)) if len(pairs) else 1.0
    leaders: list[int] = []
    labels: list[int] = []
    for i in range(len(claims)):
        close = next((n for n, j in enumerate(leaders) if cosine[i, j] >= threshold), None)
        if close is None:
            leaders.append(i)
            close = len(leaders) - 1
        labels.append(close)
    return labels


@dataclass
class Objective:
    """F(S) = concept coverage + claim_reward * sum over topics of sqrt(chosen claim scores)."""

    weights: Mapping[str, float]
    claim_reward: float

    def value(self, chosen: Sequence[Candidate]) -> float:
        covered, per_topic = self.state(chosen)
        coverage = sum(self.weights.get(concept, 0.0) for concept in covered)
        return coverage + self.claim_reward * sum(math.sqrt(v) for v in per_topic.values())

    @staticmethod
    def state(chosen: Sequence[Candidate]) -> tuple[set[str], dict[int, float]]:
        """The concepts covered and each topic's summed claim score."""
        per_topic: dict[int, float] = {}
        for c in chosen:
            per_topic[c.topic] = per_topic.get(c.topic, 0.0) + c.claim.score
        return set().union(*(c.concepts for c in chosen)), per_topic

    def gain(self, state: tuple[set[str], dict[int, float]], candidate: Candidate) -> float:
        covered, per_topic = state
        new = sum(self.weights.get(concept, 0.0) for concept in candidate.concepts - covered)
        before = per_topic.get(candidate.topic, 0.0)
        reward = math.sqrt(before + candidate.claim.score) - math.sqrt(before)
        return new + self.claim_reward * reward


def candidates(ranked: Sequence[Claim], texts: Mapping[str, str], story: Story) -> list[Candidate]:
    """The best-scored claims that have a printable sentence, as selection candidates."""
    claims = [c for c in ranked if c.id in texts][:MAX_CANDIDATES]
    labels = topics(claims, story)
    return [
        Candidate(c, texts[c.id], len(texts[c.id].split()), concepts(texts[c.id]), topic)
        for c, topic in zip(claims, labels, strict=True)
    ]


def lead_fact(pool: Sequence[Candidate], story: Story, budget: int) -> Candidate | None:
    """What the most credible outlets lead with: credibility of each article whose first
    sentence the claim holds, plus each headline's share of concepts the sentence repeats."""
    firsts = {s.id: story.credibility(s.source_id) for s in story.sentences if s.index == 0}
    titles = [
        (concepts(s.title), story.credibility(s.id)) for s in story.sources.values() if s.title
    ]

    def strength(candidate: Candidate) -> tuple[float, float]:
        ids = {*candidate.claim.member_ids, *(e.sentence_id for e in candidate.claim.evidence)}
        led = sum(firsts.get(i, 0.0) for i in ids if i is not None)
        echoed = sum(
            weight * len(found & candidate.concepts) / len(found) for found, weight in titles if found
        )
        return (led + echoed, candidate.claim.score)

    fitting = [c for c in pool if c.words <= budget]
    return max(fitting, key=strength, default=None)


def clash(a: Candidate, b: Candidate, story: Story) -> bool:
    """The two set conflicting figures or claims side by side: a conflict on one subject,
    unless each is attributed to whoever said it."""
    if is_attributed(a.text) and is_attributed(b.text):
        return False
    shared = {w for w in content_words(a.text) & content_words(b.text) if not w.isdigit()}
    if len(shared) < SHARED_SUBJECT_WORDS:
        return False
    return story.conflict(a.text, b.text) in CLASHING


def standing(candidate: Candidate, story: Story) -> tuple[str, float]:
    """Which of two clashing claims the brief keeps: the latest report, then the most credible."""
    ids = candidate.claim.source_ids
    latest = max((story.sources[i].published or "" for i in ids), default="")
    return (latest, max((story.credibility(i) for i in ids), default=0.0))


@dataclass
class Budget:
    words: int
    sentences: int

    def fitting(self, chosen: Sequence[Candidate], left: Sequence[Candidate]) -> list[Candidate]:
        """What fits the words and sentences left; of those, where some keep room for
        MIN_SENTENCES in all (at the shortest length left), only those."""
        if len(chosen) >= self.sentences:
            return []
        used = sum(c.words for c in chosen)
        fits = [c for c in left if used + c.words <= self.words]
        needed = max(0, min(MIN_SENTENCES, self.sentences) - len(chosen) - 1)
        if not needed or not fits:
            return fits
        shortest = sorted(c.words for c in left)
        roomy = [c for c in fits if used + c.words + sum(shortest[:needed]) <= self.words]
        return roomy or fits


def greedy(
    pool: list[Candidate],
    start: list[Candidate],
    objective: Objective,
    budget: Budget,
    story: Story,
    cost_scale: float,
) -> list[Candidate]:
    """Lin & Bilmes' greedy: the best gain / words^r that fits, until nothing adds anything;
    a candidate that clashes with a chosen one either replaces it (if it stands higher) or
    is set aside."""
    chosen = list(start)
    left = [c for c in pool if c not in chosen]
    while left:
        state = objective.state(chosen)
        scored = [
            (objective.gain(state, c) / max(1, c.words) ** cost_scale, c)
            for c in budget.fitting(chosen, left)
        ]
        best_value, best = max(scored, key=lambda pair: pair[0], default=(0.0, None))
        if best is None or best_value <= 0:
            break
        left.remove(best)
        rival = next((c for c in chosen if clash(best, c, story)), None)
        if rival is None:
            chosen.append(best)
        elif standing(best, story) > standing(rival, story):
            chosen[chosen.index(rival)] = best
    return chosen


def coverage_selection(
    pool: list[Candidate], story: Story, brief: BriefConfig, config: RankConfig
) -> list[Candidate]:
    """The lead fact, then greedy coverage; or the lead with the single best candidate that
    fits beside it, when that scores higher (Lin & Bilmes' check, which bounds the greedy)."""
    objective = Objective(concept_weights(story), config.claim_reward)
    budget = Budget(brief.max_words, brief.sentences)
    lead = lead_fact(pool, story, brief.max_words) if config.lead_first else None
    start = [lead] if lead is not None else []
    chosen = greedy(pool, start, objective, budget, story, config.cost_scale)
    singles = [
        [*start, c]
        for c in pool
        if c not in start and sum(s.words for s in start) + c.words <= brief.max_words
    ]
    best_single = max(singles, key=objective.value, default=start)
    return chosen if objective.value(chosen) >= objective.value(best_single) else best_single


def score_order_selection(pool: list[Candidate], brief: BriefConfig) -> list[Candidate]:
    """The previous selection, kept for the ablation: claims in score order while they fit."""
    chosen: list[Candidate] = []
    for candidate in pool:
        words = sum(c.words for c in chosen) + candidate.words
        if len(chosen) < brief.sentences and words <= brief.max_words:
            chosen.append(candidate)
    return chosen


def story_order(chosen: Sequence[Candidate], story: Story, lead: Candidate | None) -> list[Claim]:
    """Lead first; then development by the date it was first reported, then position in the
    articles; background (claims from late in the articles) last."""

    def key(candidate: Candidate) -> tuple[int, int, str, float]:
        dates = [story.sources[i].published for i in candidate.claim.source_ids]
        first = min((d for d in dates if d), default="")
        background = candidate.claim.position >= BACKGROUND_POSITION
        return (candidate is not lead, background, first, candidate.claim.position)

    return [c.claim for c in sorted(chosen, key=key)]


def select_brief(
    ranked: Sequence[Claim],
    texts: Mapping[str, str],
    story: Story,
    brief: BriefConfig,
    config: RankConfig,
) -> tuple[Claim, ...]:
    """The claims the extractive brief prints, in the order it tells them; `texts` maps a
    claim id to the sentence the composer would print for it (claims without one are left out)."""
    pool = candidates(ranked, texts, story)
    if config.objective == "mmr":
        chosen = score_order_selection(pool, brief)
    else:
        chosen = coverage_selection(pool, story, brief, config)
    lead = chosen[0] if chosen and config.lead_first and config.objective == "coverage" else None
    return tuple(story_order(chosen, story, lead))
