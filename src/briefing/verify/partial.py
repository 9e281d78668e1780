"""Support for part of a person's draft sentence (`briefing cite`, `Aligner.align_draft`): an
article is cited for part of a sentence when its passage states the part's own words, not
only the story's names and topic.

A summary written from full articles is rarely stated whole by any excerpt, and a reviewer
wants every article behind any part of it. Cosine and shared-word counts do not tell a
passage that states a fact of the sentence from one that shares its names and topic but
states another fact (docs/aligner.md, sixth and seventh sessions). What does, read on the
tune part's hand-made gold (`benchmarks/cite_gold.py`), is whether the passage holds the
sentence's *event words*: its content words other than names, dates, numbers and verbs of
saying that are rare in the story (in few of its source sentences). Words every article
uses ("debt", "ceiling", "McConnell") are the topic; words few sentences use ("filibuster",
"configuration", "undermine") say what happened.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence

from briefing.language import DATE_WORDS, REPORTING_VERBS, english_stop_words, stem
from briefing.verify.lexical import TIME_UNITS, Features

# How far under the support threshold a passage may score and still be cited for a part of
# a draft sentence when it holds the part's event words: read on the tune part's gold, the
# passages that state a part of an editors' summary sentence score 0.40-0.54 with MiniLM
# (support 0.54); under that nearly none do.
PART_SLACK = 0.14
# Event words a passage must share with the sentence (or a part of it) to be cited for a
# part: one shared rare word is often chance ("place", "deport"); two mostly are not.
MIN_EVENT_WORDS = 2
# A word is rare in a story when at most this share of its source sentences use it (and at
# least RARE_MIN sentences are allowed, for folders of two or three short excerpts).
RARE_SHARE = 0.1
RARE_MIN = 2
# What a word may carry around it in a sentence: punctuation and quotation marks.
_EDGES = ".,;:!?\"'“”‘’()[]"
# Shorter pieces of a token ("th" of "5th") are no words to name as unsupported.
MIN_WORD = 3
# A number as a sentence prints it: with a currency sign or a percent sign around it.
_NUMBER = re.compile(r"[$€£]?(\d[\d,]*(?:\.\d+)?)%?")
# A year says when, not what: two passages of one story share it by chance.
_YEAR = re.compile(r"(?:19|20)\d\d")
# Words that frame a fact or date it and say nothing of what happened: the verbs of saying
# (`language.REPORTING_VERBS`, and their forms in -ing: "saying", "stating"), day and month
# names, units of time but "second", mostly the ordinal ("a second dose"). Compared as the
# sentence's word forms, never as stems: "according" frames, "the Paris accord" is an event.
_TIME = (TIME_UNITS - {"second"}) | frozenset(unit + "s" for unit in TIME_UNITS - {"second"})
_FRAMING = REPORTING_VERBS | DATE_WORDS | _TIME
_SAYING_STEMS = frozenset(stem(word) for word in REPORTING_VERBS)


def _frames(word: str) -> bool:
    return word in _FRAMING or (word.endswith("ing") and stem(word) in _SAYING_STEMS)


def frequencies(sentences: Iterable[Features]) -> Counter[str]:
    """In how many of the story's source sentences each stem occurs."""
    counts: Counter[str] = Counter()
    for features in sentences:
        counts.update(features.stems)
    return counts


def rare_limit(sentences: int) -> int:
    """The most sentences a rare word of a story of `sentences` sentences occurs in."""
    return max(RARE_MIN, int(RARE_SHARE * sentences))


def event_stems(query: Features, counts: Counter[str], limit: int) -> frozenset[str]:
    """The stems of `query` that say what happened: not a name, date, number or word that
    frames the fact (`_frames`, by word form), and rare in the story (`rare_limit`)."""
    named = {stem(token) for chunk in query.names for token in chunk.tokens}
    dated = {stem(word) for word in query.dates}
    told = {stem(word) for word in query.order if not _frames(word)}
    return frozenset(
        s
        for s in query.stems & told
        if s not in named and s not in dated and not s[:1].isdigit() and counts[s] <= limit
    )


def shared_events(events: frozenset[str], query: Features, unit: Features) -> frozenset[str]:
    """The event words of `query` (`events`) that the unit holds, and the numbers both give
    but for years: "fined up to 1,500 euros" and "fined up to €1,500" state one fact."""
    numbers = {n for n in query.numbers & unit.numbers if not _YEAR.fullmatch(n)}
    return (events & unit.stems) | numbers


def enough_events(held: frozenset[str]) -> bool:
    """`held` (`shared_events`) cites a passage for a part: MIN_EVENT_WORDS, one of them a
    word, not a number. Numbers alone ("1,500" and "30") say how much, not of what."""
    return len(held) >= MIN_EVENT_WORDS and any(not s[:1].isdigit() for s in held)


def supported_clauses(
    clauses: Sequence[str], stems_of: Sequence[frozenset[str]], held: frozenset[str]
) -> list[str]:
    """The clauses of a sentence holding one of the `held` stems: the part a passage that
    holds them states."""
    return [clause for clause, stems in zip(clauses, stems_of, strict=True) if stems & held]


def absent_words(order: Sequence[str], held: frozenset[str], stems: frozenset[str]) -> list[str]:
    """The words of a sentence (in its order, once each) whose stem is one of its content
    `stems` and in no cited passage (`held`): what stays unsupported of a sentence each of
    whose clauses some article states in part."""
    seen: list[str] = []
    for word in order:
        s = stem(word)
        if len(word) >= MIN_WORD and s in stems and s not in held and word not in seen:
            seen.append(word)
    return seen


def held_words(text: str, held: frozenset[str]) -> str:
    """The words of `text` a passage holds (`held`: stems and canonical numbers), as runs of
    the sentence joined by " … " ("construction … take three years"): the part of it the
    passage states; "" when it holds none of them. Stop words are kept inside a run, never
    at its ends."""
    stops = english_stop_words()
    runs: list[list[str]] = [[]]
    for token in text.split():
        word = token.strip(_EDGES).lower()
        if (word and _canonical(word) in held) or (word in stops and runs[-1]):
            runs[-1].append(token)
        elif runs[-1]:
            runs.append([])
    kept = []
    for run in runs:
        while run and run[-1].strip(_EDGES).lower() in stops:
            run.pop()
        if run:
            kept.append(" ".join(run).strip(_EDGES))
    return " … ".join(kept)


def _canonical(word: str) -> str:
    """A word's stem, or a number without its separators and units ("€1,500" is "1500")."""
    digits = _NUMBER.fullmatch(word)
    return digits.group(1).replace(",", "") if digits else stem(word)
