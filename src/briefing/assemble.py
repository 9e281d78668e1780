"""Turns verified sentences and what was read into the Brief record the renderers need."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence

from briefing.compose.base import Composition
from briefing.language import find_loaded, is_attributed
from briefing.models import (
    Brief,
    BriefSentence,
    Corpus,
    Neutrality,
    Sentence,
    SourceStats,
    Suppressed,
)


def neutrality(sentences: Sequence[BriefSentence]) -> Neutrality:
    attributed = sum(is_attributed(sentence.text) for sentence in sentences)
    loaded = sorted({word for sentence in sentences for word in find_loaded(sentence.text)})
    share = attributed / len(sentences) if sentences else 0.0
    return Neutrality(attributed_share=round(share, 4), loaded_words=tuple(loaded))


def source_stats(
    corpus: Corpus,
    sentences: Sequence[Sentence],
    verified: Sequence[BriefSentence],
    suppressed: Sequence[Suppressed],
    independent: Mapping[str, str],
) -> tuple[SourceStats, ...]:
    read = Counter(sentence.source_id for sentence in sentences)
    used = Counter(source_id for s in verified for source_id in s.citations)
    dropped = Counter(source_id for s in suppressed for source_id in s.source_ids)
    return tuple(
        SourceStats(
            source_id=article.source.id,
            sentences_read=read[article.source.id],
            boilerplate_dropped=len(article.dropped),
            claims_used=used[article.source.id],
            claims_suppressed=dropped[article.source.id],
            duplicate_of=_copy_of(article.source.id, independent),
            warnings=article.warnings,
        )
        for article in corpus.articles
    )


def _copy_of(source_id: str, independent: Mapping[str, str]) -> str | None:
    report = independent.get(source_id, source_id)
    return None if report == source_id else report


def assemble_brief(
    composition: Composition,
    verified: Sequence[BriefSentence],
    corpus: Corpus,
    *,
    suppressed: Sequence[Suppressed],
    dropped: Sequence[Suppressed],
    fallback_reason: str | None,
    independent: Mapping[str, str],
    sentences: Sequence[Sentence],
) -> Brief:
    return Brief(
        title=composition.title,
        mode="extractive" if composition.model is None else "abstractive",
        model=composition.model,
        fallback_reason=fallback_reason,
        sentences=tuple(verified),
        sources=tuple(article.source for article in corpus.articles),
        suppressed=tuple(suppressed),
        dropped=tuple(dropped),
        stats=source_stats(corpus, sentences, verified, suppressed, independent),
        neutrality=neutrality(verified),
        skipped=corpus.skipped,
    )
