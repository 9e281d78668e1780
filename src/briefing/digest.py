"""`briefing digest`: a folder of many stories in, one brief per story out, most important first.

Orchestration only (a helper of pipeline.py, like batch.py): read the folder once, group the
articles into stories, build each story's brief with the stages in pipeline order, and order
the stories by independent credible reports, then recency.
"""

from __future__ import annotations

import logging
from collections.abc import Mapping, Sequence
from datetime import date
from pathlib import Path

from briefing import pipeline
from briefing.compose import get_composer
from briefing.config import BriefingConfig
from briefing.embed import Embedder, get_embedder
from briefing.models import Brief, Corpus, Digest, DigestStory, Source, StoryGroup, sources_by_id

log = logging.getLogger(__name__)

# A story needs this many independent reports to be summarised: one report is listed with its
# credibility, never written up as if it were corroborated.
MIN_REPORTS = 2


def build_digest(
    folder: Path,
    config: BriefingConfig,
    embedder: Embedder | None = None,
    on_stage: pipeline.OnStage | None = None,
) -> Digest:
    """Everything `briefing digest` does short of writing files; `on_stage` hears progress."""
    on_stage = on_stage or _quiet
    composer = get_composer(config.compose)
    embedder = embedder or get_embedder(config.embed)
    on_stage(f"reading {folder}")
    corpus, sents = pipeline.read_sources(folder, config)
    on_stage(f"grouping {len(corpus.articles)} articles into stories")
    groups = pipeline.find_stories(corpus, sents, embedder)
    sources = sources_by_id(article.source for article in corpus.articles)
    found: list[DigestStory] = []
    for n, group in enumerate(groups, 1):
        on_stage(f"story {n} of {len(groups)}")
        part = _part(corpus, group)
        brief = None
        if len(group.source_ids) >= MIN_REPORTS:
            own = tuple(s for s in sents if s.source_id in set(group.source_ids))
            engines = pipeline.Engines(embedder, composer)
            brief = pipeline.brief_of_corpus(pipeline.Reading(part, own), config, engines)
        found.append(_story(group, brief, sources, config))
    return Digest(
        folder=corpus.folder,
        stories=tuple(sorted(found, key=importance)),
        sources=tuple(article.source for article in corpus.articles),
        skipped=corpus.skipped,
    )


def _quiet(stage: str) -> None:
    log.info("%s", stage)


def _part(corpus: Corpus, group: StoryGroup) -> Corpus:
    members = set(group.source_ids)
    articles = tuple(a for a in corpus.articles if a.source.id in members)
    return corpus.model_copy(update={"articles": articles, "skipped": ()})


def _reports(brief: Brief | None, source_ids: Sequence[str]) -> list[str]:
    """One source id per independent report (syndicated copies count once)."""
    if brief is None:
        return list(source_ids)
    copies = {stats.source_id for stats in brief.stats if stats.duplicate_of}
    return [sid for sid in source_ids if sid not in copies]


def _story(
    group: StoryGroup,
    brief: Brief | None,
    sources: Mapping[str, Source],
    config: BriefingConfig,
) -> DigestStory:
    reports = _reports(brief, group.source_ids)
    credible = [s for s in reports if not sources[s].low]
    summarised = brief if len(reports) >= MIN_REPORTS and brief and brief.sentences else None
    dates = [d for s in group.source_ids if (d := sources[s].published)]
    return DigestStory(
        id=group.id,
        title=_title(summarised, group, sources),
        source_ids=group.source_ids,
        independent_reports=len(reports),
        credible_reports=len(credible),
        latest=max(dates) if dates else None,
        brief=summarised,
    )


def _title(brief: Brief | None, group: StoryGroup, sources: Mapping[str, Source]) -> str:
    if brief is not None and brief.title:
        return brief.title
    first = sources[group.source_ids[0]]
    return first.title or first.path


def _day_number(published: str | None) -> int:
    """Days since year 1 of a YYYY-MM-DD date; 0 (oldest) when unknown or unreadable."""
    try:
        return date.fromisoformat((published or "")[:10]).toordinal()
    except ValueError:
        return 0


def importance(story: DigestStory) -> tuple[int, int, bool, int, str]:
    """Sort key, most important first: credible independent reports, then all independent
    reports, then a summary over none, then the latest date, then the id (for ties)."""
    return (
        -story.credible_reports,
        -story.independent_reports,
        story.brief is None,
        -_day_number(story.latest),
        story.id,
    )
