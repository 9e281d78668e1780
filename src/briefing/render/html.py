"""digest.html (an email-safe newsletter) and audit.html (a reviewer's static page).

Jinja2 templates (src/briefing/templates/) with autoescaping on: article text is always data,
never markup. Links are written only for http(s) URLs that pass `safe_url`; footnotes without
one point at the source list inside the page. No scripts, no external resources; the styles
are inline (email clients drop <style> blocks) except the few audit.html rules that need a
selector (:target), which an email never sees.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Any

from jinja2 import Environment, PackageLoader, StrictUndefined, select_autoescape

from briefing.models import Brief, BriefSentence, Digest, Sentence, Source, sources_by_id
from briefing.render.digest import (
    SINGLE_REPORT,
    credibility_text,
    digest_title,
    reports_line,
    story_numbers,
)
from briefing.render.disagreements import HEADING, kind_label, source_name, with_disagreements
from briefing.render.markdown import cited_source, footnote_numbers, plain_text, safe_url

# How the aligner chooses evidence, shown beside every score so a reviewer can judge it.
ALIGNER_REASON = (
    "embedding similarity blended with the share of the sentence's words found; names, "
    "numbers, dates and negation agree"
)


@cache
def _environment() -> Environment:
    return Environment(
        loader=PackageLoader("briefing", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def _render(template: str, **context: Any) -> str:
    return _environment().get_template(template).render(**context) + "\n"


@dataclass(frozen=True)
class Ref:
    """One footnote: its number and where it links (an article URL or #src-N)."""

    number: int
    href: str
    label: str


def _ref(number: int, source: Source) -> Ref:
    url = source.url if source.url and safe_url(source.url) else None
    return Ref(number, url or f"#src-{number}", plain_text(source_name(source)))


def _refs(
    ids: Sequence[str], numbers: Mapping[str, int], sources: Mapping[str, Source]
) -> list[Ref]:
    return [_ref(numbers[sid], cited_source(sources, sid)) for sid in dict.fromkeys(ids)]


def _paragraphs(
    sentences: Sequence[BriefSentence], numbers: Mapping[str, int], sources: Mapping[str, Source]
) -> list[list[tuple[str, list[Ref]]]]:
    paragraphs: list[list[tuple[str, list[Ref]]]] = []
    previous: int | None = None
    for sentence in sentences:
        if sentence.paragraph != previous:
            paragraphs.append([])
            previous = sentence.paragraph
        paragraphs[-1].append(
            (plain_text(sentence.text), _refs(sentence.citations, numbers, sources))
        )
    return paragraphs


def _disagreements(
    brief: Brief, numbers: Mapping[str, int], sources: Mapping[str, Source]
) -> list[dict[str, Any]]:
    return [
        {
            "kind": kind_label(item),
            "sides": [
                {
                    "source": plain_text(source_name(cited_source(sources, side.source_id))),
                    "text": plain_text(side.sentence),
                    "ref": _ref(numbers[side.source_id], cited_source(sources, side.source_id)),
                }
                for side in item.sides
            ],
        }
        for item in brief.disagreements
    ]


def _source_entry(number: int, source: Source) -> dict[str, Any]:
    url = source.url if source.url and safe_url(source.url) else None
    return {
        "number": number,
        "name": plain_text(source_name(source)),
        "title": plain_text(source.title or ""),
        "published": plain_text(source.published or ""),
        "url": url,
        "credibility": credibility_text(source),
    }


def render_digest_html(digest: Digest) -> str:
    """The newsletter: a section per story, footnotes linking to the articles."""
    sources = sources_by_id(digest.sources)
    numbers = story_numbers(digest)
    stories = []
    for rank, story in enumerate(digest.stories, 1):
        own = numbers[story.id]
        entry: dict[str, Any] = {
            "rank": rank,
            "title": plain_text(story.title),
            "reports": reports_line(story),
            "paragraphs": [],
            "disagreements": [],
            "singles": [],
        }
        if story.brief is None:
            entry["singles"] = [_source_entry(own[sid], sources[sid]) for sid in story.source_ids]
        else:
            entry["paragraphs"] = _paragraphs(story.brief.sentences, own, sources)
            entry["disagreements"] = _disagreements(story.brief, own, sources)
        stories.append(entry)
    listed = [
        _source_entry(n, cited_source(sources, sid))
        for story in digest.stories
        for sid, n in numbers[story.id].items()
    ]
    return _render(
        "digest.html.j2",
        title=digest_title(digest),
        stories=stories,
        sources=listed,
        heading=HEADING,
        single=SINGLE_REPORT,
    )


def _excerpt(read: Sequence[Sentence], sentence_id: str | None) -> list[dict[str, Any]]:
    """The paragraph holding the evidence sentence, that sentence marked."""
    target = next((s for s in read if s.id == sentence_id), None)
    if target is None:
        return []
    return [
        {"text": plain_text(s.text), "mark": s.id == sentence_id}
        for s in read
        if s.source_id == target.source_id and s.paragraph == target.paragraph
    ]


def _evidence_rows(
    number: int, sentence: BriefSentence, numbers: Mapping[str, int], brief: Brief
) -> list[dict[str, Any]]:
    sources = sources_by_id(brief.sources)
    evidence = {item.source_id: item for item in reversed(sentence.evidence)}
    rows = []
    for n, sid in enumerate(dict.fromkeys(sentence.citations), 1):
        source = cited_source(sources, sid)
        item = evidence.get(sid)
        rows.append(
            {
                "id": f"ev-{number}-{n}",
                "ref": _ref(numbers[sid], source),
                "source": _source_entry(numbers[sid], source),
                "score": f"{item.score:.2f}" if item else None,
                "sentence": plain_text(item.sentence) if item else None,
                "excerpt": _excerpt(brief.read, item.sentence_id) if item else [],
            }
        )
    return rows


def render_audit_html(brief: Brief) -> str:
    """The reviewer's page: every footnote opens its evidence inside its article."""
    sources = sources_by_id(brief.sources)
    numbers = with_disagreements(footnote_numbers(brief.sentences), brief.disagreements)
    for source in brief.sources:  # uncited sources still get an entry in the source list
        numbers.setdefault(source.id, max(numbers.values(), default=0) + 1)
    sentences = [
        {
            "number": n,
            "text": plain_text(sentence.text),
            "status": _status(sentence),
            "evidence": _evidence_rows(n, sentence, numbers, brief),
        }
        for n, sentence in enumerate(brief.sentences, 1)
    ]
    suppressed = [
        {
            "text": plain_text(item.text),
            "reason": plain_text(item.reason),
            "sources": [
                _source_entry(numbers[sid], sources[sid])
                for sid in item.source_ids
                if sid in sources
            ],
        }
        for item in brief.suppressed
    ]
    return _render(
        "audit.html.j2",
        title=plain_text(brief.title),
        mode=brief.mode,
        warnings=[plain_text(w) for w in brief.warnings],
        sentences=sentences,
        disagreements=_disagreements(brief, numbers, sources),
        suppressed=suppressed,
        sources=sorted(
            (_source_entry(numbers[s.id], s) for s in brief.sources), key=lambda e: e["number"]
        ),
        heading=HEADING,
        reason=ALIGNER_REASON,
    )


def _status(sentence: BriefSentence) -> str:
    if not sentence.supported or not sentence.citations:
        return "unsupported"
    return "low-credibility sources only" if sentence.low_credibility_only else "supported"
