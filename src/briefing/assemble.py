"""Turns verified sentences and what was read into the Brief record the renderers need."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from briefing.compose.base import Composition
from briefing.language import find_loaded, is_attributed
from briefing.models import Brief, BriefSentence, Neutrality, SourceStats, Story, Suppressed


@dataclass(frozen=True)
class Outcome:
    """What composing and verifying gave: the composition, its verified sentences, the
    sentences dropped, and why the brief fell back to extractive (None: it did not)."""

    composition: Composition
    verified: tuple[BriefSentence, ...]
    dropped: tuple[Suppressed, ...] = ()
    fallback_reason: str | None = None


def neutrality(sentences: Sequence[BriefSentence]) -> Neutrality:
    attributed = sum(is_attributed(sentence.text) for sentence in sentences)
    loaded = sorted({word for sentence in sentences for word in find_loaded(sentence.text)})
    share = attributed / len(sentences) if sentences else 0.0
    return Neutrality(attributed_share=round(share, 4), loaded_words=tuple(loaded))


def source_stats(
    story: Story, verified: Sequence[BriefSentence], suppressed: Sequence[Suppressed]
) -> tuple[SourceStats, ...]:
    read = Counter(sentence.source_id for sentence in story.sentences)
    used = Counter(source_id for s in verified for source_id in s.citations)
    dropped = Counter(source_id for s in suppressed for source_id in s.source_ids)
    return tuple(
        SourceStats(
            source_id=article.source.id,
            sentences_read=read[article.source.id],
            boilerplate_dropped=len(article.dropped),
            claims_used=used[article.source.id],
            claims_suppressed=dropped[article.source.id],
            duplicate_of=_copy_of(article.source.id, article.source.report),
            warnings=article.warnings,
        )
        for article in story.corpus.articles
    )


def _copy_of(source_id: str, report: str) -> str | None:
    return None if report == source_id else report


def assemble_brief(outcome: Outcome, story: Story, suppressed: Sequence[Suppressed]) -> Brief:
    """The Brief of a story: `outcome`'s sentences, and what was kept out (`suppressed`)."""
    composition, verified = outcome.composition, outcome.verified
    return Brief(
        title=composition.title,
        mode="extractive" if composition.model is None else "abstractive",
        model=composition.model,
        fallback_reason=outcome.fallback_reason,
        sentences=verified,
        sources=tuple(article.source for article in story.corpus.articles),
        suppressed=tuple(suppressed),
        dropped=outcome.dropped,
        stats=source_stats(story, verified, suppressed),
        neutrality=neutrality(verified),
        skipped=story.corpus.skipped,
    )
