"""Lexical evidence for the aligner: names, numbers, dates, quotes, negation and actors in a
sentence, and the conflicts between two sentences that rule out support ("number differs",
"negation differs", "actors swapped"...). The aligner (`briefing.verify`) combines these with
embedding similarity.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources


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
    return frozenset(_data_lines("english_stop_words.txt"))


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
