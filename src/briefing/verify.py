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
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources

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

log = logging.getLogger(__name__)

DROPPED_REASON = "dropped: not supported by the sources"


def _word_list(text: str) -> list[str]:
    return text.split()


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


@dataclass(frozen=True)
class Thresholds:
    """How the support score is made and where it must reach.

    `weight`: share of the embedder's cosine in the score (the rest is word coverage);
    `support`: the least score that counts as support; `floor`: candidates below this
    cosine are never examined (speed; set well below any supported pair's cosine).
    """

    weight: float
    support: float
    floor: float


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
# At most this many words between two names linked by a verb ("Xi strongly backed Putin").
ACTOR_GAP = 5
# Content words after a negation cue that it governs ("no plans to attack Ukraine"),
# unless a clause break or another cue comes first.
NEGATION_SCOPE = 4
# Scores are rounded so that float noise never changes brief.json's bytes.
SCORE_DECIMALS = 4

# "U.S." and "U.S.A." become "US" and "USA" before tokenising, so they are one name.
_ACRONYM_DOTS = re.compile(r"\b[A-Z](?:\.[A-Z])+\b\.?")
# Name-number compounds ("COVID-19", "F-15"), numbers, then words (apostrophes inside kept).
_TOKEN = re.compile(r"[^\W\d_]+-\d+\w*|\d+(?:[.,:]\d+)*|[^\W\d_]+(?:'[^\W\d_]+)*")
_QUOTED = re.compile(r"[“\"]([^”\"]{2,}?)[”\"]|(?<!\w)‘([^’]{2,}?)’(?!\w)")
# After these a capital letter may just start a sentence or a quotation.
_OPENERS = frozenset('“"‘(:.!?—–-')
_CLAUSE_BREAK = re.compile(r"[,;:.!?()—–]")
_SMALL_NUMBERS = _word_list(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen twenty"
)
_NUMBER_WORDS = {
    word: str(value)
    for value, word in enumerate(_SMALL_NUMBERS)
    if value != 1  # "one" is a pronoun as often as a number ("no one", "one of")
} | {
    "thirty": "30",
    "forty": "40",
    "fifty": "50",
    "hundred": "100",
    "thousand": "1000",
    "million": "1000000",
    "billion": "1000000000",
    "dozen": "12",
}
_DATE_WORDS = _word_set(
    "monday tuesday wednesday thursday friday saturday sunday january february march april "
    "may june july august september october november december"
)
# Capitalised words that give a role or a kind, not who or what: they never anchor a name
# ("Foreign Minister Sergei Ryabkov" is found by "Ryabkov", "the Winter Olympic Games" by
# "Winter Olympics").
_TITLES = _word_set(
    "president minister foreign deputy secretary prime chairman chief leader state assistant "
    "adviser advisor spokesman spokeswoman spokesperson general mr mrs ms dr sir the games "
    "ministry agency news office party council department group forces army"
)
# Plural acronyms ("VIPs", "CEOs") are common nouns, not names.
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
# Words between two names that do not make the first the actor and the second the object:
# coordination, symmetric verbs ("met", "spoke with") and verbs of saying.
_JOINERS = _word_set(
    "and or with met meet meets meeting spoke speak talked talks said says stated added "
    "reported quoted according"
)
# Sentence-initial words with these endings are adverbs and participles, not names.
_NON_NAME_ENDINGS = ("ing", "ly")


@cache
def _stopwords() -> frozenset[str]:
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    return frozenset(ENGLISH_STOP_WORDS)


@cache
def _stem(word: str) -> str:
    return str(_porter().stem(word))


@cache
def _porter():  # type: ignore[no-untyped-def]
    from nltk.stem import PorterStemmer

    return PorterStemmer()


def _data_lines(name: str) -> list[str]:
    text = resources.files("briefing.data").joinpath(name).read_text("utf-8")
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


@cache
def _negation_cues() -> frozenset[str]:
    return frozenset(_data_lines("verify_negation.txt"))


@cache
def _antonyms() -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """Pairs of stem sets of opposite meaning."""
    pairs = []
    for line in _data_lines("verify_antonyms.txt"):
        left, right = line.split("|")
        sides = [
            frozenset(_stem(w.strip()) for w in side.split(",") if w.strip())
            for side in (left, right)
        ]
        pairs.append((sides[0], sides[1]))
    return tuple(pairs)


@cache
def _aliases() -> tuple[dict[str, str], tuple[tuple[re.Pattern[str], str], ...]]:
    """Token -> canonical name, and the multi-word names as (pattern, replacement)."""
    single: dict[str, str] = {}
    phrases: list[tuple[re.Pattern[str], str]] = []
    for line in _data_lines("name_aliases.txt"):
        names = [name.strip() for name in line.split(",") if name.strip()]
        canonical = names[0]
        for name in names:
            if " " in name:
                pattern = re.compile(r"\b" + re.escape(name).replace(r"\ ", r"\s+") + r"\b", re.I)
                phrases.append((pattern, canonical.upper()))
            else:
                single[name] = canonical
    return single, tuple(phrases)


@cache
def _place_names() -> frozenset[str]:
    return frozenset(_aliases()[0].values())


@dataclass(frozen=True)
class NameChunk:
    """Consecutive capitalised words naming one entity ("Chinese President Xi Jinping")."""

    tokens: tuple[str, ...]
    anchors: tuple[str, ...]  # the tokens that say who (titles left out)
    position: int
    # Only country or place names ("Russian troops", "the Russian leader"): a sentence that
    # adds one is not naming a different actor, so it never makes names differ by itself.
    place: bool


@dataclass(frozen=True)
class Features:
    """What the lexical checks need from one sentence, all lower-cased and canonical."""

    order: tuple[str, ...]
    words: frozenset[str]  # non-stopwords and names: what a name of another sentence can match
    stems: frozenset[str]
    negated: frozenset[str]
    names: tuple[NameChunk, ...]
    numbers: frozenset[str]
    dates: frozenset[str]
    quotes: tuple[str, ...]
    breaks: frozenset[int]  # positions of the words that follow a clause break
    plain: str  # the canonical tokens joined by spaces, padded, for quote look-ups


@dataclass(frozen=True)
class _Token:
    text: str
    canonical: str
    capital: bool
    initial: bool
    after_break: bool


class Lexicon:
    """Turns sentences into `Features`; knows the corpus words, to tell names from capitals."""

    def __init__(self, corpus: Iterable[str]) -> None:
        lower: set[str] = set()
        for text in corpus:
            lower.update(w for w in _TOKEN.findall(_normalise(text)) if w.islower())
        self._lower = frozenset(lower)

    def features(self, text: str) -> Features:
        tokens = _tokenise(text)
        flags = [self._is_name(token) for token in tokens]
        canon = tuple(token.canonical for token in tokens)
        stops = _stopwords()
        content = [
            (i, t.canonical) for i, t in enumerate(tokens) if _is_content(t.canonical, stops)
        ]
        return Features(
            order=canon,
            words=frozenset(c for _, c in content)
            | {c for c, f in zip(canon, flags, strict=True) if f},
            stems=frozenset(_stem(c) for _, c in content),
            negated=_negated(tokens, flags),
            names=_chunks(tokens, flags),
            numbers=frozenset(c for c in canon if c[0].isdigit()),
            dates=frozenset(
                t.canonical for t in tokens if t.capital and t.canonical in _DATE_WORDS
            ),
            quotes=tuple(_quotes(text)),
            breaks=frozenset(i for i, token in enumerate(tokens) if token.after_break),
            plain=" " + " ".join(canon) + " ",
        )

    def _is_name(self, token: _Token) -> bool:
        if not token.capital or token.canonical in _DATE_WORDS or token.canonical[0].isdigit():
            return False
        if _PLURAL_ACRONYM.fullmatch(token.text):
            return False
        if len(token.text) > 1 and token.text.isupper():
            return True
        if not token.initial:
            return True
        word = token.text.lower()
        return (
            word not in _stopwords()
            and word not in self._lower
            and not word.endswith(_NON_NAME_ENDINGS)
        )


def _normalise(text: str) -> str:
    text = text.replace("’", "'").replace("`", "'")
    text = _ACRONYM_DOTS.sub(lambda m: m.group(0).replace(".", ""), text)
    for pattern, replacement in _aliases()[1]:
        text = pattern.sub(replacement, text)
    return text


def _tokenise(text: str) -> list[_Token]:
    normal = _normalise(text)
    single = _aliases()[0]
    tokens: list[_Token] = []
    previous_end = 0
    for match in _TOKEN.finditer(normal):
        raw = match.group(0)
        gap = normal[previous_end : match.start()]
        previous_end = match.end()
        word = re.sub(r"'s$", "", raw).lower()
        word = _NUMBER_WORDS.get(word, word)
        if word[0].isdigit():
            word = word.replace(",", "")
        stripped = gap.strip()
        tokens.append(
            _Token(
                text=raw,
                canonical=single.get(word, word),
                capital=raw[0].isupper(),
                initial=not tokens or (bool(stripped) and stripped[-1] in _OPENERS),
                after_break=bool(_CLAUSE_BREAK.search(gap)),
            )
        )
    return tokens


def _is_content(word: str, stops: frozenset[str]) -> bool:
    return len(word) > 1 and not word[0].isdigit() and word not in stops


def _is_cue(word: str) -> bool:
    return word in _negation_cues() or word.endswith("n't")


def _negated(tokens: Sequence[_Token], names: Sequence[bool]) -> frozenset[str]:
    """Stems of the content words (names left out) that a negation cue governs."""
    stops = _stopwords()
    negated: set[str] = set()
    for i, token in enumerate(tokens):
        if not _is_cue(token.canonical):
            continue
        governed = 0
        for j in range(i + 1, len(tokens)):
            word = tokens[j].canonical
            if tokens[j].after_break or governed == NEGATION_SCOPE or _is_cue(word):
                break
            if _is_content(word, stops):
                governed += 1
                if not names[j]:
                    negated.add(_stem(word))
    return frozenset(negated)


def _chunks(tokens: Sequence[_Token], names: Sequence[bool]) -> tuple[NameChunk, ...]:
    chunks: list[NameChunk] = []
    current: list[int] = []
    for i in [*range(len(tokens)), len(tokens)]:
        joined = i < len(tokens) and names[i] and not (current and tokens[i].after_break)
        if joined:
            current.append(i)
            continue
        if current:
            words = tuple(tokens[k].canonical for k in current)
            anchors = tuple(w for w in words if w not in _TITLES)
            if anchors:
                place = all(word in _place_names() for word in anchors)
                chunks.append(NameChunk(words, anchors, current[0], place))
        current = [i] if i < len(tokens) and names[i] else []
    return tuple(chunks)


def _quotes(text: str) -> list[str]:
    found = []
    for match in _QUOTED.finditer(text):
        inner = match.group(1) or match.group(2) or ""
        words = [t.canonical for t in _tokenise(inner)]
        if words:
            found.append(" ".join(words))
    return found


@dataclass(frozen=True)
class Judgement:
    """How well one source sentence supports a sentence, and a conflict if any.

    `score` measures support for the whole sentence (its words found in the source sentence);
    `partial` support for part of it (the source sentence's words found in the sentence): a
    source that says "Xi backed Putin's bid" supports part of "Xi backed Putin's bid, the
    Kremlin said on Wednesday" and is cited for it, once some source supports all of it.
    """

    score: float
    conflict: str | None
    partial: float = 0.0

    def supports(self, thresholds: Thresholds) -> bool:
        return self.conflict is None and self.score >= thresholds.support

    def supports_part(self, thresholds: Thresholds) -> bool:
        return self.conflict is None and max(self.score, self.partial) >= thresholds.support


def judge(query: Features, candidate: Features, cosine: float, thresholds: Thresholds) -> Judgement:
    """Score `candidate` as support for `query` and name the first lexical conflict."""
    shared = len(query.stems & candidate.stems)
    coverage = shared / len(query.stems) if query.stems else 0.0
    covering = shared / len(candidate.stems) if candidate.stems else 0.0
    score = thresholds.weight * cosine + (1.0 - thresholds.weight) * coverage
    partial = thresholds.weight * cosine + (1.0 - thresholds.weight) * covering
    return Judgement(
        round(float(score), SCORE_DECIMALS),
        conflict(query, candidate),
        round(float(partial), SCORE_DECIMALS),
    )


def conflict(query: Features, candidate: Features) -> str | None:
    """Why `candidate` contradicts `query`, or None. Missing details are no conflict (the
    sentence may say more than one source does); details that differ are."""
    if _differ(query.numbers, candidate.numbers):
        return "number differs"
    if _differ(query.dates, candidate.dates):
        return "date differs"
    if _names_differ(query, candidate):
        return "name differs"
    shared = query.stems & candidate.stems
    if bool(query.negated & shared) != bool(candidate.negated & shared):
        return "negation differs"
    if _opposite(query, candidate):
        return "opposite meaning"
    if _actors_swapped(query, candidate):
        return "actors swapped"
    return None


def _opposite(query: Features, candidate: Features) -> bool:
    """One sentence says "supported" where the other says "opposed" (no negation involved)."""
    negated = query.negated | candidate.negated
    for left, right in _antonyms():
        for mine, theirs in ((left, right), (right, left)):
            said, answered = query.stems & mine, candidate.stems & theirs
            if not said or not answered or (said | answered) & negated:
                continue
            if not candidate.stems & mine and not query.stems & theirs:
                return True
    return False


def _differ(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    return bool(mine - theirs) and bool(theirs - mine)


def _has(word: str, words: frozenset[str]) -> bool:
    """`word` or its singular or plural is in `words` ("Uyghur Muslims" / "Muslim Uyghur")."""
    return word in words or word + "s" in words or (word[-1] == "s" and word[:-1] in words)


def _found(chunk: NameChunk, words: frozenset[str]) -> bool:
    return any(_has(anchor, words) for anchor in chunk.anchors)


def _names_differ(query: Features, candidate: Features) -> bool:
    """Each side names someone the other does not: a different actor, not a missing one.
    Places are left out ("Russia" / "the country"); `covered` still wants them found."""
    return any(not c.place and not _found(c, candidate.words) for c in query.names) and any(
        not c.place and not _found(c, query.words) for c in candidate.names
    )


def _positions(chunk: NameChunk, order: Sequence[str]) -> list[int]:
    return [i for i, word in enumerate(order) if word in chunk.anchors]


def _actors_swapped(query: Features, candidate: Features) -> bool:
    """Two names that the query links by a verb ("Xi told Putin") are linked by a verb in the
    candidate too, but the other way round ("Putin told Xi")."""
    for first, second in zip(query.names, query.names[1:], strict=False):
        if set(first.anchors) & set(second.anchors):
            continue
        if not _linked(query, first.position + len(first.tokens), second.position):
            continue
        after, before = _positions(first, candidate.order), _positions(second, candidate.order)
        swapped = bool(after and before) and min(after) > max(before)
        if swapped and _linked(candidate, max(before) + 1, min(after)):
            return True
    return False


def _linked(features: Features, start: int, end: int) -> bool:
    """The words from `start` to `end` read as a verb phrase joining two actors: short, in
    one clause, and not a coordination, a symmetric verb or a verb of saying."""
    between = features.order[start:end]
    if not between or len(between) > ACTOR_GAP:
        return False
    if any(i in features.breaks for i in range(start, end + 1)):
        return False
    return not set(between) & _JOINERS


def covered(
    query: Features, supporters: Sequence[Features], context: Sequence[frozenset[str]]
) -> bool:
    """Every name, number, date and quoted phrase of `query` is in a supporting sentence.

    A name counts when one of its words is in a supporting sentence and the rest are there
    or elsewhere in a supporting article (`context`): "Xi Jinping" is found when the sentence
    says "Xi" and the article "Xi Jinping".
    """
    words = frozenset().union(*(s.words for s in supporters))
    near = words.union(*context)
    for kind in ("numbers", "dates"):
        if not getattr(query, kind) <= frozenset().union(*(getattr(s, kind) for s in supporters)):
            return False
    for chunk in query.names:
        if not _found(chunk, words) or not all(_has(anchor, near) for anchor in chunk.anchors):
            return False
    return all(any(f" {q} " in s.plain for s in supporters) for q in query.quotes)


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
        cited = [s for s in best.values() if s.cited]
        found = any(s.supports for s in cited) and covered(
            query,
            [self._feature(s.index) for s in cited],
            [self._article_words(self._sentences[s.index].source_id) for s in cited],
        )
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

    def _supported(self, text: str, supports: Sequence[_Support]) -> BriefSentence:
        ranked = sorted(supports, key=lambda s: self._credibility_key(s.index))
        cited = ranked[: self._config.verify.max_citations]
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
            indices = [i for i, s in enumerate(self._sentences) if s.source_id == source_id]
            self._context[source_id] = frozenset().union(*(self._feature(i).words for i in indices))
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
