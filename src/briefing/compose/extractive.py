"""The extractive composer: for each chosen claim, the member sentence that reads best alone.

Which member is printed and how it is rewritten lives in `printable.py`; this module walks the
ranked claims under the budget and puts the chosen sentences in story order.

Attribute first, then write (Slobodkin et al. 2024): every sentence of the brief is a source
sentence, lightly cleaned, so it is attributable by construction and verified all the same.
"""

from __future__ import annotations

from collections.abc import Sequence

from briefing.compose.base import ComposeInput, Composition, claims_in_order
from briefing.compose.printable import Wording, headline, printable, with_full_names
from briefing.language import content_words
from briefing.models import Claim, DraftSentence, Suppressed

# Members whose words a chosen sentence already covers this much add nothing new.
MAX_WORD_OVERLAP = 0.7


def _adds_something(text: str, chosen: Sequence[str]) -> bool:
    words = content_words(text)
    if not words:
        return False
    return all(
        len(words & content_words(other)) / len(words) < MAX_WORD_OVERLAP for other in chosen
    )


def choose(
    given: ComposeInput, wording: Wording
) -> tuple[list[tuple[Claim, str]], list[Suppressed]]:
    """Walk the ranked claims, keeping each one's printable sentence while the budget allows;
    claims reached before the budget ran out that no member can print are left out, with why."""
    budget = given.config.brief
    chosen: list[tuple[Claim, str]] = []
    left_out: list[Suppressed] = []
    used: set[str] = set()  # member sentences printed already: one sentence, one claim
    words_used = 0
    for claim in given.claims:
        if len(chosen) == budget.sentences:
            break
        printed = printable(claim, given.sentences, given.sources, wording, used)
        if printed.text is None:
            left_out.append(Suppressed.claim(claim, printed.reason or "not printable"))
            continue
        text = printed.text
        words = len(text.split())
        if words_used + words > budget.max_words or not _adds_something(
            text, [t for _, t in chosen]
        ):
            continue
        chosen.append((claim, text))
        if printed.sentence is not None:
            used.add(printed.sentence.id)
        words_used += words
    return chosen, left_out


class ExtractiveComposer:
    name = "extractive"

    def compose(self, given: ComposeInput) -> Composition:
        wording = Wording.of(given.sentences)
        chosen, left_out = choose(given, wording)
        in_story_order = {
            claim.id: n for n, claim in enumerate(claims_in_order([c for c, _ in chosen]))
        }
        ordered = sorted(chosen, key=lambda pair: in_story_order[pair[0].id])
        texts = with_full_names([text for _, text in ordered], wording)
        sentences = tuple(
            DraftSentence(text=text, claim_ids=(claim.id,))
            for (claim, _), text in zip(ordered, texts, strict=True)
        )
        return Composition(
            title=headline(given, chosen), sentences=sentences, left_out=tuple(left_out)
        )
