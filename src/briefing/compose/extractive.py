"""The extractive composer: for each chosen claim, the member sentence that reads best alone.

Attribute first, then write (Slobodkin et al. 2024): every sentence of the brief is a source
sentence, lightly cleaned, so it is attributable by construction and verified all the same.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

from briefing.compose.base import ComposeInput, Composition, claims_in_order
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
# Members whose words a chosen sentence already covers this much add nothing new.
MAX_WORD_OVERLAP = 0.7


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


def _adds_something(text: str, chosen: Sequence[str]) -> bool:
    words = content_words(text)
    if not words:
        return False
    return all(
        len(words & content_words(other)) / len(words) < MAX_WORD_OVERLAP for other in chosen
    )


def choose(given: ComposeInput) -> list[tuple[Claim, str]]:
    """Walk the ranked claims, keeping each one's best sentence while the budget allows."""
    budget = given.config.brief
    chosen: list[tuple[Claim, str]] = []
    words_used = 0
    for claim in given.claims:
        if len(chosen) == budget.sentences:
            break
        member = best_member(claim, given.sentences, given.sources)
        if member is None:
            continue
        text = tidy(member.text)
        words = len(text.split())
        if words_used + words > budget.max_words or not _adds_something(
            text, [t for _, t in chosen]
        ):
            continue
        chosen.append((claim, text))
        words_used += words
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
        in_story_order = {
            claim.id: n for n, claim in enumerate(claims_in_order([c for c, _ in chosen]))
        }
        ordered = sorted(chosen, key=lambda pair: in_story_order[pair[0].id])
        sentences = tuple(
            DraftSentence(text=text, claim_ids=(claim.id,)) for claim, text in ordered
        )
        return Composition(title=headline(given, chosen), sentences=sentences)
