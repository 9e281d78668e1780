"""Where sources disagree: pairs of sentences from credible, independent reports that state the
same fact (near-identical meaning and wording) yet differ in a figure, a date, an actor or
polarity (a denial against an accusation). Both sides are kept, neither is preferred.

The difference itself is named by a function the caller passes in (the aligner's lexical
checks), so this stage decides only which pairs are about the same fact.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np

from briefing.language import DATE_WORDS, SAME_THING_STOP_WORDS
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
# Share of the shorter sentence's words (figures left out) that the other sentence also uses:
# two sentences about different things ("12 people died" / "15 new stores opened") share few.
SAME_FACT_OVERLAP = 0.6
# A different actor or polarity is a disagreement only when the two sentences are the same but
# for a few words ("admitted" / "denied", "Hamas" / "Islamic Jihad"): paraphrases differ in
# many words, and the negation check then fires on wording ("unlikely to meet" / "not
# meeting"), which on the AllSides dev set were the only polarity flags and both false.
MAX_DIFFERING_WORDS = 4
# The kinds that MAX_DIFFERING_WORDS applies to.
ONE_WORD_KINDS = frozenset({"actor", "polarity"})
# A story's section stays short: the most similar pairs first.
MAX_DISAGREEMENTS = 5

# The kinds whose differing figures or dates must stand in the same slot of the sentence.
SLOT_KINDS = frozenset({"figure", "date"})

Differs = Callable[[str, str], str | None]
_WORD = re.compile(r"[^\W\d_]+")
_TOKEN = re.compile(r"\d+(?:[.,:]\d+)*%?|[^\W\d_]+")
# Figures and dates as the lexical check sees them: digits, number words, weekdays, months.
_FIGURE_WORDS = DATE_WORDS | frozenset(
    [
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "dozen",
        "dozens",
        "hundred",
        "hundreds",
        "thousand",
        "thousands",
        "million",
        "millions",
        "billion",
        "billions",
    ]
)


def _words(text: str) -> set[str]:
    return {w for w in _WORD.findall(text.lower()) if w not in SAME_THING_STOP_WORDS}


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
    return bool(shorter) and len(mine & theirs) / shorter >= SAME_FACT_OVERLAP


def _is_figure(token: str) -> bool:
    return token[0].isdigit() or token in _FIGURE_WORDS


def slots(text: str) -> dict[str, set[tuple[str, str]]]:
    """Each figure or date of a sentence with the content words on either side of it:
    "killing 12 people" gives {"12": {("<", "killing"), (">", "people")}}."""
    tokens = [t.lower() for t in _TOKEN.findall(text)]
    content = [t for t in tokens if t not in SAME_THING_STOP_WORDS]
    found: dict[str, set[tuple[str, str]]] = {}
    for i, token in enumerate(content):
        if not _is_figure(token):
            continue
        around = found.setdefault(token, set())
        if i > 0 and not _is_figure(content[i - 1]):
            around.add(("<", content[i - 1]))
        if i + 1 < len(content) and not _is_figure(content[i + 1]):
            around.add((">", content[i + 1]))
    return found


def same_slot(first: str, second: str) -> bool:
    """A figure only the first sentence has and one only the second has stand beside the same
    word ("12 people" / "15 people"): the two figures measure one thing. Figures about different
    things ("Jan. 6 riot" / "2020 election") do not."""
    mine, theirs = slots(first), slots(second)
    only_mine = [mine[f] for f in mine.keys() - theirs.keys()]
    only_theirs = [theirs[f] for f in theirs.keys() - mine.keys()]
    return any(a & b for a in only_mine for b in only_theirs)


def _same_fact(first: str, second: str, kind: str) -> bool:
    if kind in ONE_WORD_KINDS:
        return len(_words(first) ^ _words(second)) <= MAX_DIFFERING_WORDS
    if kind in SLOT_KINDS and not same_slot(first, second):
        return False
    return overlap(first, second) >= SAME_FACT_OVERLAP


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
    for i, hits in enumerate(near):
        for j, cosine in hits:
            if j <= i or not _may_differ(words[i], words[j]):
                continue
            item = _disagreement(sentences[rows[i]], sentences[rows[j]], cosine, differs)
            if item is None:
                continue
            pair = sorted((reports[i], reports[j]))
            key = (pair[0], pair[1], item.kind)
            if key not in found or found[key].similarity < item.similarity:
                found[key] = item
    ordered = sorted(found.values(), key=lambda d: (-d.similarity, d.sides[0].sentence_id or ""))
    return tuple(ordered[:MAX_DISAGREEMENTS])


def _disagreement(
    first: Sentence, second: Sentence, cosine: float, differs: Differs
) -> Disagreement | None:
    if first.text == second.text:
        return None
    detail = differs(first.text, second.text)
    kind = KINDS.get(detail or "")
    if detail is None or kind is None or not _same_fact(first.text, second.text, kind):
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
