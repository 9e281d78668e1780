"""The extractive composer: for each chosen claim, the member sentence that reads best alone.

Attribute first, then write (Slobodkin et al. 2024): every sentence of the brief is a source
sentence, lightly cleaned, so it is attributable by construction and verified all the same.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from briefing.compose.base import ComposeInput, Composition
from briefing.config import UNKNOWN_CREDIBILITY
from briefing.language import DANGLING_OPENER, content_words, find_loaded, is_attributed
from briefing.models import Claim, DraftSentence, Sentence, Source

# A wire dateline at the start of a sentence ("MOSCOW (AP) —"): useful in the article,
# noise in a brief that cites the outlet anyway.
DATELINE = re.compile(r"^[A-Z][A-Z .,'-]{2,40}\((?:AP|Reuters|AFP|UPI|dpa)\)\s*[—–-]*\s*")
# Preference weights when choosing a claim's member sentence (higher is better). Credibility
# dominates; attribution and plain wording break ties between equally credible sources.
CREDIBILITY_PREFERENCE = 2.0
ATTRIBUTION_BONUS = 0.3
LOADED_WORD_PENALTY = 0.5
# Sentences this long read as run-ons in a brief; longer members lose a little per word.
COMFORTABLE_WORDS = 35
LENGTH_PENALTY_PER_WORD = 0.02
DEFAULT_TITLE = "Brief"


def tidy(text: str) -> str:
    """Light clean-up: dateline, spaces before punctuation, doubled stops, stray quotes."""
    text = DATELINE.sub("", text.strip())
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"([.!?])\s*[.]+", r"\1", text)
    text = re.sub(r",\s*\.", ".", text)
    text = re.sub(r"\s{2,}", " ", text)
    if text and text[-1] not in ".!?\"'”’":
        text += "."
    return text[0].upper() + text[1:] if text else text


def readability(sentence: Sentence, source: Source) -> float:
    """How well a member sentence stands alone in a neutral brief (higher is better)."""
    credibility = source.credibility if source.credibility is not None else UNKNOWN_CREDIBILITY
    words = len(sentence.text.split())
    return (
        CREDIBILITY_PREFERENCE * credibility
        + ATTRIBUTION_BONUS * is_attributed(sentence.text)
        - LOADED_WORD_PENALTY * len(find_loaded(sentence.text))
        - LENGTH_PENALTY_PER_WORD * max(0, words - COMFORTABLE_WORDS)
    )


def stands_alone(text: str) -> bool:
    """Not a fragment (starts in lower case) and no opener that needs the sentence before."""
    text = DATELINE.sub("", text.strip())
    return bool(text) and not text[0].islower() and not DANGLING_OPENER.match(text)


def best_member(
    claim: Claim, sentences: Mapping[str, Sentence], sources: Mapping[str, Source]
) -> Sentence | None:
    """The best-reading sentence that stands alone among the claim's members and its evidence
    in other sources (the seed first on ties); None when every candidate needs context."""
    evidence = [e.sentence_id for e in claim.evidence if e.sentence_id is not None]
    ids = dict.fromkeys([*claim.member_ids, *evidence])
    candidates = [sentences[i] for i in ids if i in sentences and stands_alone(sentences[i].text)]
    if not candidates:
        return None
    return max(
        candidates,
        key=lambda s: (readability(s, sources[s.source_id]), s.id == claim.member_ids[0], s.id),
    )


def printable(
    claims: Sequence[Claim],
    sentences: Mapping[str, Sentence],
    sources: Mapping[str, Source],
    limit: int | None = None,
) -> dict[str, str]:
    """The sentence this composer prints for each claim that has one that stands alone (the
    first `limit` such claims): what the selection (rank.select_brief) weighs and counts."""
    printed: dict[str, str] = {}
    for claim in claims:
        if limit is not None and len(printed) >= limit:
            break
        member = best_member(claim, sentences, sources)
        if member is not None:
            printed[claim.id] = tidy(member.text)
    return printed


def choose(given: ComposeInput) -> list[tuple[Claim, str]]:
    """The selected claims with their sentences, in the selection's order (it kept to the
    budget; the word and sentence limits are checked again here all the same)."""
    budget = given.config.brief
    printed = printable(given.selected, given.sentences, given.sources)
    chosen: list[tuple[Claim, str]] = []
    words_used = 0
    for claim in given.selected[: budget.sentences]:
        text = printed.get(claim.id)
        if text is None or words_used + len(text.split()) > budget.max_words:
            continue
        chosen.append((claim, text))
        words_used += len(text.split())
    return chosen


def headline(given: ComposeInput, chosen: Sequence[tuple[Claim, str]]) -> str:
    """The title of the most credible source (credibility in steps of 0.1, so near-equal
    outlets tie), then the one whose headline shares most words with the chosen facts; the
    first sentence when no source has a title."""
    covered = set().union(*(content_words(text) for _, text in chosen)) if chosen else set()
    titled = [s for s in given.sources.values() if s.title]
    if not titled:
        return chosen[0][1].rstrip(".") if chosen else DEFAULT_TITLE

    def fit(source: Source) -> tuple[float, float, str]:
        title_words = content_words(source.title or "")
        overlap = len(title_words & covered) / max(1, len(title_words))
        credibility = source.credibility if source.credibility is not None else UNKNOWN_CREDIBILITY
        return (round(credibility, 1), overlap, source.id)

    return (max(titled, key=fit).title or DEFAULT_TITLE).strip()


class ExtractiveComposer:
    name = "extractive"

    def compose(self, given: ComposeInput) -> Composition:
        chosen = choose(given)
        sentences = tuple(DraftSentence(text=text, claim_ids=(claim.id,)) for claim, text in chosen)
        return Composition(title=headline(given, chosen), sentences=sentences)
