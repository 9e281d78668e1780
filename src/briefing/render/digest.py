"""digest.md, digest.json and feed.json (JSON Feed 1.1): a day's stories, most important first.

Footnotes are numbered once across the whole digest, so every label is unique (each source
belongs to one story) and the file renders on GitHub and in Pandoc.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from briefing.models import Digest, DigestStory, Source, sources_by_id
from briefing.render.brief_md import DEFAULT_TITLE, EMPTY_BRIEF, paragraphs
from briefing.render.disagreements import (
    HEADING,
    disagreement_list,
    source_name,
    with_disagreements,
)
from briefing.render.json_out import brief_data, dump_json, source_data
from briefing.render.markdown import (
    checked_file,
    cited_source,
    escape_text,
    footnote_definitions,
    footnote_numbers,
    footnote_ref,
    heading,
    plain_text,
    safe_url,
)

FEED_VERSION = "https://jsonfeed.org/version/1.1"
# Item ids carry a prefix so that they never clash with another feed's ids in a reader.
FEED_ID_PREFIX = "briefing-story-"
_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")
SINGLE_REPORT = "Only one independent report; listed, not summarised."


def digest_title(digest: Digest) -> str:
    name = plain_text(digest.folder.rstrip("/").rsplit("/", 1)[-1]) or "folder"
    return f"Digest of {name}"


def story_numbers(digest: Digest) -> dict[str, dict[str, int]]:
    """Per story id, the footnote number of each source it cites, numbered across the digest."""
    numbers: dict[str, dict[str, int]] = {}
    taken: set[str] = set()
    for story in digest.stories:
        if story.brief is None:
            own = {sid: len(taken) + n for n, sid in enumerate(story.source_ids, 1)}
        else:
            own = footnote_numbers(story.brief.sentences, taken)
            own = with_disagreements(own, story.brief.disagreements, after=len(taken))
        numbers[story.id] = own
        taken |= {str(n) for n in own.values()}
    return numbers


def render_digest_md(digest: Digest) -> str:
    sources = sources_by_id(digest.sources)
    numbers = story_numbers(digest)
    blocks = [heading(digest_title(digest)), _overview(digest)]
    for rank, story in enumerate(digest.stories, 1):
        blocks += _story_blocks(rank, story, numbers[story.id], sources)
    definitions = [
        line
        for story in digest.stories
        for line in footnote_definitions(numbers[story.id], sources)
    ]
    if definitions:
        blocks.append("\n".join(definitions))
    return checked_file(blocks, "digest.md")


def _overview(digest: Digest) -> str:
    summarised = sum(story.brief is not None for story in digest.stories)
    return (
        f"{len(digest.stories)} stories from {len(digest.sources)} articles, most independent "
        f"credible reports first; {summarised} summarised, "
        f"{len(digest.stories) - summarised} with one report listed."
    )


def reports_line(story: DigestStory) -> str:
    """`3 independent reports (2 credible), latest 2021-10-18`."""
    reports = "report" if story.independent_reports == 1 else "reports"
    line = f"{story.independent_reports} independent {reports} ({story.credible_reports} credible)"
    return line + (f", latest {story.latest}" if story.latest else "")


def _story_blocks(
    rank: int, story: DigestStory, numbers: dict[str, int], sources: Mapping[str, Source]
) -> list[str]:
    blocks = [heading(f"{rank}. {plain_text(story.title) or DEFAULT_TITLE}", level=2)]
    blocks.append(escape_text(reports_line(story)) + ".")
    if story.brief is None:
        blocks.append(_single_list(story, numbers, sources))
        return blocks
    blocks += paragraphs(story.brief.sentences, numbers) or [EMPTY_BRIEF]
    if story.brief.disagreements:
        blocks.append(heading(HEADING, level=3))
        blocks.append(disagreement_list(story.brief.disagreements, numbers, sources))
    return blocks


def _single_list(story: DigestStory, numbers: dict[str, int], sources: Mapping[str, Source]) -> str:
    lines = [SINGLE_REPORT]
    for sid in story.source_ids:
        source = cited_source(sources, sid)
        lines.append(
            f"- {escape_text(source_name(source))}, credibility {credibility_text(source)}"
            f"{footnote_ref(numbers[sid])}"
        )
    return "\n".join(lines)


def credibility_text(source: Source) -> str:
    """`high (0.99, ratings table)`, `unknown (default)`."""
    if source.credibility is None:
        return f"{source.credibility_label} ({source.credibility_origin})"
    return f"{source.credibility_label} ({source.credibility:.2f}, {source.credibility_origin})"


def render_digest_json(digest: Digest) -> str:
    data = {
        "kind": "digest",
        "title": digest_title(digest),
        "stories": [_story_data(rank, story) for rank, story in enumerate(digest.stories, 1)],
        "sources": [source_data(s) for s in sorted(digest.sources, key=lambda s: s.id)],
        "skipped": [{"path": s.path, "reason": s.reason} for s in digest.skipped],
    }
    return dump_json(data, "digest")


def _story_data(rank: int, story: DigestStory) -> dict[str, Any]:
    return {
        "id": story.id,
        "rank": rank,
        "title": story.title,
        "summarised": story.brief is not None,
        "independent_reports": story.independent_reports,
        "credible_reports": story.credible_reports,
        "latest": story.latest,
        "source_ids": list(story.source_ids),
        "brief": brief_data(story.brief) if story.brief is not None else None,
    }


def render_feed(digest: Digest) -> str:
    """A JSON Feed 1.1 with one item per story; item ids come from the story's articles, so
    the same story keeps its id from one run (and day) to the next."""
    sources = sources_by_id(digest.sources)
    data = {
        "version": FEED_VERSION,
        "title": digest_title(digest),
        "items": [_item(story, sources) for story in digest.stories],
    }
    return dump_json(data, "feed")


def _item(story: DigestStory, sources: Mapping[str, Source]) -> dict[str, Any]:
    if story.brief is None:
        text = f"{SINGLE_REPORT} {reports_line(story)}."
    else:
        text = " ".join(plain_text(sentence.text) for sentence in story.brief.sentences)
    item: dict[str, Any] = {
        "id": FEED_ID_PREFIX + story.id,
        "title": plain_text(story.title),
        "content_text": text,
    }
    urls = [sources[sid].url for sid in story.source_ids if sources[sid].url]
    safe = [url for url in urls if url and safe_url(url)]
    if safe:
        item["external_url"] = safe[0]
    if story.latest and _DAY.fullmatch(story.latest[:10]):
        item["date_published"] = f"{story.latest[:10]}T00:00:00Z"
    return item
