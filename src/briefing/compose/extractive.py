"""The extractive composer: for each selected claim, the member sentence that reads best alone.

Which member is printed and how it is rewritten lives in `printable.py`; which claims the brief
says, and in what order, is the selection's (`rank.select_brief`, given to the composer as
`ComposeInput.selected`). This module prints the selection under the budget.

Attribute first, then write (Slobodkin et al. 2024): every sentence of the brief is a source
sentence, lightly cleaned, so it is attributable by construction and verified all the same.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from briefing.compose.base import ComposeInput, Composition
from briefing.compose.printable import (
    ATTRIBUTION_WORDS,
    Printed,
    Wording,
    attributed_once,
    headline,
    printable,
    with_full_names,
)
from briefing.language import UNINTRODUCED, VOICE_OPENING, content_words
from briefing.models import Claim, DraftSentence, Sentence, Source, Suppressed


def printed_texts(
    claims: Sequence[Claim],
    sentences: Mapping[str, Sentence],
    sources: Mapping[str, Source],
    limit: int | None = None,
) -> tuple[dict[str, str], dict[str, str]]:
    """The sentence this composer would print for each claim that has a printable member (the
    first `limit` such claims), as printed at a person's first mention (full name and role
    written out: the longest it can print, so the selection's word count is an upper bound
    in any order): what the selection (rank.select_brief) weighs and counts; and, for the
    claims passed over on the way, why none of their members can be printed."""
    wording = Wording.of(sentences, sources)
    printed: dict[str, str] = {}
    unprintable: dict[str, str] = {}
    for claim in claims:
        if limit is not None and len(printed) >= limit:
            break
        found = printable(claim, wording)
        if found.text is not None:
            printed[claim.id] = with_full_names([found.text], wording)[0]
        else:
            unprintable[claim.id] = found.reason or "not printable"
    return printed, unprintable


def passed_over(
    ranked: Sequence[Claim], selected: Sequence[Claim], unprintable: Mapping[str, str]
) -> tuple[Suppressed, ...]:
    """The claims ranked above the last one the brief tells that no member can print: left
    out of the brief with the rule their members break, so nothing is lost silently."""
    chosen = {claim.id for claim in selected}
    reached = max((n for n, claim in enumerate(ranked) if claim.id in chosen), default=-1)
    return tuple(
        Suppressed.claim(claim, unprintable[claim.id])
        for claim in ranked[: reached + 1]
        if claim.id in unprintable
    )


def choose(
    given: ComposeInput, wording: Wording
) -> tuple[list[tuple[Claim, str]], list[Suppressed]]:
    """The selected claims with their printed sentences, in the selection's order, while the
    budget allows (the selection kept to it; the limits are checked again here all the same).
    A selected claim that no member can print (or whose only member is printed already) is
    left out, with why; a ranked claim the selection passed over that retells no printed
    sentence stands in for it (`stand_ins`), so a brief keeps its length where it can."""
    draft = _Draft(given, wording)
    left_out: list[Suppressed] = []
    claims = list(given.selected or given.claims)  # no selection made: the ranked order
    deferred: set[str] = set()
    while claims:
        claim = claims.pop(0)
        printed = _take(claim, draft)
        if printed is None or printed.text is not None:
            continue
        if _later(printed, claim, deferred):
            claims.append(claim)  # "The commission ..." may follow the sentence naming it
        else:
            left_out.append(Suppressed.claim(claim, printed.reason or "not printable"))
    missing = len(left_out)
    for claim in stand_ins(given, draft.chosen) if missing else ():
        printed = _take(claim, draft, stand_in=True)
        missing -= printed is not None and printed.text is not None
        if not missing:
            break
    return draft.chosen, left_out


@dataclass
class _Draft:
    """The brief being written: what it is written from, its sentences so far, and the member
    sentences printed already (one sentence, one claim)."""

    given: ComposeInput
    wording: Wording
    chosen: list[tuple[Claim, str]] = field(default_factory=list)
    used: set[str] = field(default_factory=set)


def _take(claim: Claim, draft: _Draft, stand_in: bool = False) -> Printed | None:
    """Print `claim` after the draft's sentences when the budget allows (None when it does
    not, or when a `stand_in` would retell a printed sentence): add it to the draft, and
    return what `printable` found."""
    budget = draft.given.config.brief
    chosen = draft.chosen
    if len(chosen) == budget.sentences:
        return None
    before = " ".join(text for _, text in chosen)
    printed = printable(claim, draft.wording, draft.used, before)
    if printed.text is None:
        return printed
    words = sum(len(text.split()) for _, text in chosen) + len(printed.text.split())
    if words > budget.max_words or (stand_in and _retells(printed.text, chosen)):
        return None
    chosen.append((claim, printed.text))
    if printed.sentence is not None:
        draft.used.add(printed.sentence.id)
    return printed


def stand_ins(given: ComposeInput, chosen: Sequence[tuple[Claim, str]]) -> list[Claim]:
    """Ranked claims the selection did not take, best first: what may stand in for a selected
    claim no member of which can be printed."""
    taken = {claim.id for claim in given.selected} | {claim.id for claim, _ in chosen}
    return [claim for claim in given.claims if claim.id not in taken] if given.selected else []


# A sentence sharing this share of its content words with a printed one retells it.
RETELLING_OVERLAP = 0.5


def _retells(text: str, chosen: Sequence[tuple[Claim, str]]) -> bool:
    """`text` shares RETELLING_OVERLAP of its content words with a printed sentence, the
    attributions' words and a named voice's opening (the outlet's name) left out of both."""
    words = _told(text)
    return any(
        len(words & _told(other)) >= RETELLING_OVERLAP * max(1, len(words)) for _, other in chosen
    )


def _told(text: str) -> set[str]:
    """The content words of what `text` tells ("according to a news analysis" and "The New
    York Post wrote in an opinion column that" are who tells it)."""
    return set(content_words(VOICE_OPENING.sub("", text))) - ATTRIBUTION_WORDS


def _later(printed: Printed, claim: Claim, deferred: set[str]) -> bool:
    """A claim left out because a member refers to something the brief has not introduced
    yet ("The commission ...") is tried once more after the other claims, which may
    introduce it."""
    if claim.id in deferred or UNINTRODUCED not in (printed.reason or ""):
        return False
    deferred.add(claim.id)
    return True


def within_budget(texts: list[str], given: ComposeInput) -> list[str]:
    """The texts less the last ones while the words exceed the budget: a full name and role at
    a first mention can lengthen a sentence after the selection counted its words."""
    while len(texts) > 1 and sum(len(t.split()) for t in texts) > given.config.brief.max_words:
        texts = texts[:-1]
    return texts


class ExtractiveComposer:
    name = "extractive"

    def compose(self, given: ComposeInput) -> Composition:
        wording = Wording.of(given.sentences, given.sources)
        chosen, left_out = choose(given, wording)
        named = with_full_names([text for _, text in chosen], wording)
        texts = within_budget(attributed_once(named, given.sources.values()), given)
        chosen = chosen[: len(texts)]
        sentences = tuple(
            DraftSentence(text=text, claim_ids=(claim.id,))
            for (claim, _), text in zip(chosen, texts, strict=True)
        )
        return Composition(
            title=headline(given, chosen), sentences=sentences, left_out=tuple(left_out)
        )
