"""Where sources disagree: pairs of sentences from credible, independent reports that state the
same fact yet differ in a figure, a date, an actor or polarity (a denial against an
accusation). Owns what makes two sentences one fact (figures in one slot that cannot both hold,
with bounds, estimates and roundings read, never two figures one report gives both of; a
party's denial against the other side's statement; wording the same but for a few words). Both
sides are kept, neither is preferred.

The difference itself is named by a function the caller passes in (the aligner's lexical
checks), so this stage decides only which pairs are about the same fact.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from types import MappingProxyType
from typing import NamedTuple

import numpy as np

from briefing.language import (
    DATE_WORDS,
    NUMBER_WORD_VALUES,
    SAME_THING_STOP_WORDS,
    SCALE_WORDS,
    stem,
)
from briefing.models import Disagreement, Evidence, Sentence, Story
from briefing.vectors import neighbours

# The lexical check's reason -> the kind of disagreement shown to readers. A reason not listed
# (none today) is no disagreement.
KINDS = {
    "number differs": "figure",
    "date differs": "date",
    "name differs": "actor",
    "actors swapped": "actor",
    "negation differs": "polarity",
    "opposite meaning": "polarity",
}
# Share of the shorter sentence's words (figures left out) that the other sentence also uses,
# for a differing figure or date: with the figure standing beside the same word ("two months" /
# "three months"), a quarter of the words shared is enough to be one fact told twice; different
# facts ("12 people died" / "15 new stores opened") share less, or no slot.
FIGURE_OVERLAP = 0.25
# A different actor or polarity is a disagreement only when the two sentences are the same but
# for a few words ("admitted" / "denied", "Hamas" / "Islamic Jihad"): paraphrases differ in
# many words, and the negation check then fires on wording ("unlikely to meet" / "not
# meeting"), which on the AllSides dev set were the only polarity flags and both false.
MAX_DIFFERING_WORDS = 4
# A denial against an accusation is told in the two sides' own words ("Prosecutors said the
# senator took bribes" / "The senator denied taking any bribes"): when only one side denies,
# sharing this share of the shorter sentence's words makes it one fact.
DENIAL_OVERLAP = 0.6
# A denial word after a relative pronoun describes something ("content that denies climate
# change"), not a party's denial.
DENIALS = frozenset(["deny", "denied", "denies", "denying", "denial"])
RELATIVES = frozenset(["that", "which", "who"])
# The kinds that MAX_DIFFERING_WORDS applies to.
ONE_WORD_KINDS = frozenset({"actor", "polarity"})
# A story's section stays short: the most similar pairs first.
MAX_DISAGREEMENTS = 5

# Words before a figure that make it a bound or an estimate, and what they allow: "more than
# five hours" and "almost six hours" can both be true, "40 arrested" and "more than 100" cannot.
LOWER_BOUNDS = ("more than", "over", "at least", "above", "upwards of")
UPPER_BOUNDS = ("up to", "less than", "fewer than", "under")
# "almost six hours", "nearly 350,000": just under the figure (within ESTIMATE_MARGIN).
NEAR_BELOW = ("almost", "nearly", "close to", "just under")
ESTIMATES = ("about", "around", "roughly", "approximately", "some", "an estimated")
# Fractions a scale word multiplies ("half billion doses").
FRACTIONS: Mapping[str, float] = MappingProxyType({"half": 0.5})
# The article before a scale word counts one ("a million homes" is "one million homes").
ARTICLES = frozenset({"a", "an"})
# How far an estimate ("about 200") may be from another figure and still agree with it.
ESTIMATE_MARGIN = 0.15
# A figure read at its own precision may be a rounding of a finer one (news copy writes "$1
# trillion" for a $1.2 trillion bill): a plain figure or an estimate ("about $2 million"), whose
# words allow rounding, never a bound ("under $1 trillion" says which side the value lies) nor
# "nearly" (just under the figure, read by ESTIMATE_MARGIN).
ROUNDED_HEDGES = ("", *ESTIMATES)

Differs = Callable[[str, str], str | None]
# Each figure with the content words on either side of it (`slots`).
Slots = dict[str, set[tuple[str, str]]]
_WORD = re.compile(r"[^\W\d_]+")
_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*%?|[^\W\d_]+")
# Figures and dates as the lexical check sees them: digits, number words, weekdays, months.
# "millions of retirees", "dozens of people": an amount too vague to contradict a figure.
_VAGUE = frozenset({word + "s" for word in SCALE_WORDS} | {"dozens"})
_FIGURE_WORDS = DATE_WORDS | NUMBER_WORD_VALUES.keys() | SCALE_WORDS.keys() | _VAGUE
# Negation and its auxiliaries do not tell two sentences apart in the word tests: they are the
# difference itself, which the lexical check finds ("fired on the crowd" / "did not fire").
_NEGATION_WORDS = frozenset(
    ["not", "no", "never", "did", "didn", "do", "does", "doesn", "don", "t"]
)
_COMMON = SAME_THING_STOP_WORDS | _NEGATION_WORDS
# What no figure stands beside: common words, and the words of a bound or an estimate.
_NO_NEIGHBOUR = _COMMON | frozenset(
    w for phrase in (*LOWER_BOUNDS, *UPPER_BOUNDS, *NEAR_BELOW, *ESTIMATES) for w in phrase.split()
)


def _words(text: str) -> set[str]:
    """Content words, stemmed ("fired" and "fire" are one word)."""
    return {stem(w) for w in _WORD.findall(text.lower()) if w not in _COMMON}


def overlap(first: str, second: str) -> float:
    """Shared words over the shorter sentence's words, figures left out."""
    mine, theirs = _words(first), _words(second)
    if not mine or not theirs:
        return 0.0
    return len(mine & theirs) / min(len(mine), len(theirs))


def _may_differ(mine: set[str], theirs: set[str]) -> bool:
    """The cheap test before the lexical checks: the words allow some kind of disagreement.
    Identical wording leaves only figures to differ, which `_same_fact` tests after."""
    if len(mine ^ theirs) <= MAX_DIFFERING_WORDS:
        return True
    shorter = min(len(mine), len(theirs))
    return bool(shorter) and len(mine & theirs) / shorter >= FIGURE_OVERLAP


def _scales(figure: str, before: list[str], scale: str) -> bool:
    """`scale` multiplies `figure`, the last content word of the tokens `before` it: "1.2" of
    "1.2 trillion", "half" of "half a billion", "two hundred" of "two hundred thousand" (scale
    words chain upwards), not a figure a word apart ("12, a million fled")."""
    last = figure.split(" ")[-1]
    if last in SCALE_WORDS:
        return before[-1] == last and SCALE_WORDS[last] < SCALE_WORDS[scale]
    if figure in FRACTIONS:
        return before[-1] == figure or (before[-1] in ARTICLES and before[-2:-1] == [figure])
    return _is_figure(figure) and " " not in figure and before[-1] == figure


def _is_figure(token: str) -> bool:
    first = token.split(" ")[0]
    return token[0].isdigit() or first in _FIGURE_WORDS or (first in FRACTIONS and first != token)


def slots(text: str) -> Slots:
    """Each figure or date of a sentence with the content words on either side of it:
    "killing 12 people" gives {"12": {("<", "killing"), (">", "people")}}. A scale word is part
    of its figure ("$1.2 trillion infrastructure bill" gives "1.2 trillion" beside
    "infrastructure"), and the words of a bound or an estimate ("more than", "at least") say
    how sure a figure is, not what it counts, so they are no figure's neighbour."""
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    content: list[str] = []
    for i, token in enumerate(tokens):
        if token in SCALE_WORDS and content and _scales(content[-1], tokens[:i], token):
            content[-1] = f"{content[-1]} {token}"
        elif token in SCALE_WORDS and i > 0 and tokens[i - 1] in ARTICLES:
            content.append(f"one {token}")
        elif token not in _NO_NEIGHBOUR:
            content.append(token)
    found: Slots = {}
    for i, token in enumerate(content):
        if not _is_figure(token):
            continue
        around = found.setdefault(token, set())
        if i > 0 and not _is_figure(content[i - 1]):
            around.add(("<", content[i - 1]))
        if i + 1 < len(content) and not _is_figure(content[i + 1]):
            around.add((">", content[i + 1]))
    return found


def denies(text: str) -> bool:
    """The sentence reports a party's denial ("The senator denied taking bribes")."""
    words = _WORD.findall(text.lower())
    return any(
        word in DENIALS and (i == 0 or words[i - 1] not in RELATIVES)
        for i, word in enumerate(words)
    )


def figure_pairs(first: str, second: str) -> list[tuple[str, str]]:
    """Pairs of a figure only the first sentence has and one only the second has that stand
    beside the same word ("12 people" / "15 people"): the two figures measure one thing.
    Figures about different things ("Jan. 6 riot" / "2020 election") make no pair."""
    mine, theirs = slots(first), slots(second)
    return [
        (a, b)
        for a in sorted(mine.keys() - theirs.keys() - _VAGUE)
        for b in sorted(theirs.keys() - mine.keys() - _VAGUE)
        if mine[a] & theirs[b]
    ]


def same_quantity(first: str, second: str) -> bool:
    """The two sentences give different figures for one quantity: a figure each in one slot,
    and words in common as one fact told twice has (FIGURE_OVERLAP). Bounds that overlap count
    too ("at least two dead" / "at least three dead"): they can both hold, so they are no
    disagreement between sources, but a brief printing both leaves its reader two tolls. One
    value spelt two ways ("half billion doses" / "500 million doses") is one figure."""
    mine, theirs = quantities(first), quantities(second)
    differing = [
        (a, b)
        for a, b in figure_pairs(first, second)
        if _one_kind(a, b) and mine.get(a, a) != theirs.get(b, b)
    ]
    return bool(differing) and overlap(first, second) >= FIGURE_OVERLAP


def _one_kind(first: str, second: str) -> bool:
    """Two figures that can measure one quantity: two counts, two shares ("11%") or two dates
    of one kind; a weekday beside a count ("Thursday" / "45,469") or a share beside an amount
    ("11% tax increase" / "$2.9 trillion in tax hikes") measure two things."""
    return _date_kind(first) == _date_kind(second) and first.endswith("%") == second.endswith("%")


def conflicting_figures(first: str, second: str, stated: Sequence[Slots] = ()) -> bool:
    """A pair of figures in one slot that cannot both be true: bounds and estimates that
    overlap ("more than five hours" / "almost six hours") are no disagreement, nor a round
    figure that is the other rounded (`rounds`: "$1 trillion bill" / "$1.2 trillion bill"),
    nor two figures one of the two reports (`stated`: their figures over all their sentences)
    gives both of in that slot: the report tells them as two facts ("a booster for people 65
    and older" and a rejected one "for everyone 16 and older", two groups), not one told two
    ways."""
    mine, theirs = readings(first), readings(second)
    beside = slots(first), slots(second)
    for a, b in figure_pairs(first, second):
        if a not in mine or b not in theirs:
            continue  # not read as a quantity: nothing says the two cannot both hold
        if rounds(mine[a], theirs[b]) or rounds(theirs[b], mine[a]):
            continue
        shared = beside[0][a] & beside[1][b]
        if any(report.get(a, set()) & report.get(b, set()) & shared for report in stated):
            continue
        (low, high), (other_low, other_high) = _interval(mine[a]), _interval(theirs[b])
        if high < other_low or other_high < low:
            return True
    return False


# A weekday and a month cannot contradict each other ("as early as Wednesday" / "into early
# December": every month has Wednesdays): only dates of one kind make a differing pair.
_WEEKDAYS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}
)


def _date_kind(token: str) -> str:
    return "weekday" if token in _WEEKDAYS else "month" if token in DATE_WORDS else "figure"


def _same_fact(first: str, second: str, kind: str, stated: Sequence[Slots]) -> bool:
    mine, theirs = _words(first), _words(second)
    if kind in ONE_WORD_KINDS and len(mine ^ theirs) <= MAX_DIFFERING_WORDS:
        return True
    if kind == "polarity" and denies(first) != denies(second):
        return overlap(first, second) >= DENIAL_OVERLAP
    if kind in ONE_WORD_KINDS:
        return False
    if kind == "figure" and not conflicting_figures(first, second, stated):
        return False
    if kind == "date" and not any(
        _date_kind(a) == _date_kind(b) for a, b in figure_pairs(first, second)
    ):
        return False
    return overlap(first, second) >= FIGURE_OVERLAP


_HEDGE = "|".join(re.escape(w) for w in (*LOWER_BOUNDS, *UPPER_BOUNDS, *NEAR_BELOW, *ESTIMATES))
# A figure with its hedge and its scale words, which chain ("two hundred thousand"); a
# fraction's article is read with it ("half a billion").
_QUANTITY = re.compile(
    rf"(?:\b({_HEDGE})\s+)?\$?(\d+(?:[.,:]\d+)*%?|\b(?:{'|'.join(FRACTIONS)})\s+an?\b|\b[a-z]+\b)"
    rf"((?:\s+(?:{'|'.join(SCALE_WORDS)})\b)*)",
    re.IGNORECASE,
)


class Reading(NamedTuple):
    """A figure's bound or estimate word ("" for none), its value, and the unit of its last
    written digit, scale words multiplying it: "$1 trillion" is written to whole trillions,
    "$1.2 trillion" to tenths of one, "10,503" to ones."""

    hedge: str
    value: Decimal
    unit: Decimal


def _value(word: str) -> Decimal | None:
    word = word.lower().rstrip("%").replace(",", "")
    if word[:1].isdigit():
        try:
            return Decimal(word)
        except InvalidOperation:
            return None  # a time or a ratio ("10:30", "2-1")
    value = NUMBER_WORD_VALUES.get(word)
    return None if value is None else Decimal(value)


def readings(text: str) -> dict[str, Reading]:
    """Each figure of a sentence (as `slots` spells it) read with its hedge, value and
    precision (`Reading`)."""
    found: dict[str, Reading] = {}
    for match in _QUANTITY.finditer(text):
        hedge, number, chain = match.groups()
        number = number.lower().split()[0]
        scales = [w for w in chain.lower().split() if w in SCALE_WORDS]
        if number in ARTICLES and scales:
            number = "one"
        fraction = FRACTIONS.get(number) if scales else None
        value = _value(number) if fraction is None else Decimal(fraction)
        if value is None:
            continue
        unit = Decimal(1).scaleb(-len(number.rstrip("%").partition(".")[2]))
        for scale in scales:
            value, unit = value * Decimal(SCALE_WORDS[scale]), unit * Decimal(SCALE_WORDS[scale])
        found.setdefault(" ".join([number, *scales]), Reading((hedge or "").lower(), value, unit))
    return found


def _interval(reading: Reading) -> tuple[float, float]:
    value, hedge = float(reading.value), reading.hedge
    if hedge in LOWER_BOUNDS:
        return (value, float("inf"))
    if hedge in UPPER_BOUNDS:
        return (0.0, value)
    if hedge in NEAR_BELOW:
        return (value * (1 - ESTIMATE_MARGIN), value)
    if hedge in ESTIMATES:
        return (value * (1 - ESTIMATE_MARGIN), value * (1 + ESTIMATE_MARGIN))
    return (value, value)


def quantities(text: str) -> dict[str, tuple[float, float]]:
    """Each figure of a sentence (as `slots` spells it) with the interval it allows: "more
    than 100" is (100, inf), "about 200" is (170, 230), "40" is (40, 40)."""
    return {key: _interval(reading) for key, reading in readings(text).items()}


def rounds(rounded: Reading, exact: Reading) -> bool:
    """`rounded` is `exact` rounded at `rounded`'s own precision, halves up: "$1 trillion" of
    "$1.2 trillion" (1.2 at whole trillions is 1), "about $2 million" of "$1.6 million"; not
    "7%" of "6%" (one precision: two values), "$3 trillion" of "$3.5 trillion" (a half rounds
    up), nor a bound ("under $1 trillion") or a figure that is itself an estimate."""
    if rounded.hedge not in ROUNDED_HEDGES or exact.hedge:
        return False
    at_precision = (exact.value / rounded.unit).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    return at_precision * rounded.unit == rounded.value


def find_disagreements(story: Story, differs: Differs) -> tuple[Disagreement, ...]:
    """At most MAX_DISAGREEMENTS, most similar first; one per pair of reports and kind; only
    sources that do not count as low speak, about sentences whose cosine reaches the
    embedder's `Calibration.disagreement`."""
    sentences, sources = story.sentences, story.sources
    rows = [i for i, s in enumerate(sentences) if not sources[s.source_id].low]
    if len(rows) < 2:
        return ()
    reports = [story.report(sentences[i].source_id) for i in rows]
    number = {report: n for n, report in enumerate(sorted(set(reports)))}
    groups = np.array([number[report] for report in reports])
    words = [_words(sentences[i].text) for i in rows]
    found: dict[tuple[str, str, str], Disagreement] = {}
    threshold = story.calibration.disagreement
    near = neighbours(np.asarray(story.vectors)[rows], threshold, groups)
    told = _told(story)
    for i, hits in enumerate(near):
        for j, cosine in hits:
            if j <= i or not _may_differ(words[i], words[j]):
                continue
            pair = (sentences[rows[i]], sentences[rows[j]])
            item = _disagreement(pair, cosine, differs, (told[reports[i]], told[reports[j]]))
            if item is None:
                continue
            ids = sorted((reports[i], reports[j]))
            key = (ids[0], ids[1], item.kind)
            if key not in found or found[key].similarity < item.similarity:
                found[key] = item
    ordered = sorted(found.values(), key=lambda d: (-d.similarity, d.sides[0].sentence_id or ""))
    return tuple(ordered[:MAX_DISAGREEMENTS])


def _told(story: Story) -> dict[str, Slots]:
    """Each report's figures with the words beside them, over all its sentences (`slots`)."""
    told: dict[str, Slots] = {}
    for sentence in story.sentences:
        report = told.setdefault(story.report(sentence.source_id), {})
        for figure, around in slots(sentence.text).items():
            report.setdefault(figure, set()).update(around)
    return told


def _disagreement(
    pair: tuple[Sentence, Sentence], cosine: float, differs: Differs, stated: Sequence[Slots]
) -> Disagreement | None:
    """The two sentences as a disagreement, if they state one fact differently; `stated` are
    their two reports' figures (`conflicting_figures`)."""
    first, second = pair
    if first.text == second.text:
        return None
    detail = differs(first.text, second.text)
    kind = KINDS.get(detail or "")
    if detail is None or kind is None or not _same_fact(first.text, second.text, kind, stated):
        return None
    sides = sorted((first, second), key=lambda s: (s.source_id, s.index))
    similarity = round(float(cosine), 4)
    return Disagreement(
        kind=kind,
        detail=detail,
        sides=(_side(sides[0], similarity), _side(sides[1], similarity)),
        similarity=similarity,
    )


def _side(sentence: Sentence, similarity: float) -> Evidence:
    return Evidence(
        source_id=sentence.source_id,
        sentence=sentence.text,
        score=similarity,
        sentence_id=sentence.id,
    )
