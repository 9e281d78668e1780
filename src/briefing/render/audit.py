"""audit.md: the tables a reviewer reads to check every citation, suppression and source."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from briefing.models import (
    Brief,
    BriefSentence,
    Disagreement,
    Evidence,
    Source,
    SourceStats,
    Suppressed,
    sources_by_id,
)
from briefing.render.disagreements import HEADING, kind_label
from briefing.render.markdown import (
    credibility_cell,
    credibility_value,
    escape_cell,
    escape_text,
    heading,
    table,
)

Kind = Literal["brief", "cite"]
# Written in a table cell where a value is unknown or does not apply.
NONE_CELL = "—"
# Written under a section heading whose list is empty, so a reviewer sees it was checked.
NONE_LINE = "None."
# The status of a sentence with citations that support only part of it.
PARTLY = "partly supported"
SENTENCE_HEADER = ("#", "Sentence", "Status", "Sources cited", "Supporting sentence (score)")
DISAGREEMENT_HEADER = ("Kind", "Check", "Similarity", "One source", "Another source")
SUPPRESSED_HEADER = ("Claim", "Source", "Credibility", "Reason")
SOURCE_HEADER = (
    "Outlet",
    "File",
    "Credibility",
    "Label",
    "Origin",
    "Sentences read",
    "Boilerplate dropped",
    "Claims used",
    "Claims suppressed",
    "Note",
)


def render_audit_md(brief: Brief, kind: Kind = "brief") -> str:
    """The audit of a generated brief (kind "brief") or of a cited draft (kind "cite")."""
    sources = sources_by_id(brief.sources)
    blocks = _header(brief, kind)
    blocks += ["## Sentences", _sentence_table(brief.sentences, sources)]
    if kind == "brief":
        blocks += ["## " + HEADING, _disagreement_table(brief.disagreements, sources)]
    blocks += ["## Suppressed claims", _suppressed_table(brief.suppressed, sources)]
    blocks += ["## Sources", _source_table(brief.sources, brief.stats, sources)]
    if kind == "brief":
        blocks += ["## Dropped generated sentences", _dropped_table(brief.dropped)]
    blocks += ["## Skipped files", _skipped_table(brief)]
    blocks += ["## Neutrality", _neutrality(brief)]
    return "\n\n".join(blocks) + "\n"


def counted(number: int, noun: str) -> str:
    """`1 sentence`, `2 sentences`: a count with its noun in the right number."""
    return f"{number} {noun}" if number == 1 else f"{number} {noun}s"


def verdict_counts(sentences: Sequence[BriefSentence]) -> str:
    """`1 supported, 2 unsupported` for a cited draft, with `1 partly supported` between
    them when some sentence is cited but not fully supported."""
    supported = sum(s.supported for s in sentences)
    partly = sum(not s.supported and bool(s.citations) for s in sentences)
    middle = f"{partly} {PARTLY}, " if partly else ""
    return f"{supported} supported, {middle}{len(sentences) - supported - partly} unsupported"


def _header(brief: Brief, kind: Kind) -> list[str]:
    if kind == "cite":
        total = len(brief.sentences)
        counts = f"{counted(total, 'draft sentence')}: {verdict_counts(brief.sentences)}."
        return [heading("Citation audit of the draft: " + brief.title), counts]
    model = escape_text(brief.model) if brief.model else "none"
    lines = [heading("Citation audit: " + brief.title), f"Mode: {brief.mode}; model: {model}."]
    if brief.fallback_reason:
        lines.append("Fell back to the extractive brief: " + escape_text(brief.fallback_reason))
    cited = len({sid for sentence in brief.sentences for sid in sentence.citations})
    lines.append(
        f"{counted(len(brief.sentences), 'sentence')}; {cited} of "
        f"{counted(len(brief.sources), 'source')} cited; "
        f"{counted(len(brief.suppressed), 'claim')} suppressed; "
        f"{counted(len(brief.dropped), 'generated sentence')} dropped."
    )
    lines += ["Warning: " + escape_text(warning) for warning in brief.warnings]
    return lines


def _disagreement_table(items: Sequence[Disagreement], sources: dict[str, Source]) -> str:
    if not items:
        return NONE_LINE
    rows = [
        [
            kind_label(item),
            escape_cell(item.detail),
            f"{item.similarity:.2f}",
            *(
                f"{_source_label(sources, side.source_id)}: “{escape_cell(side.sentence)}”"
                for side in item.sides
            ),
        ]
        for item in items
    ]
    return table(DISAGREEMENT_HEADER, rows)


def _source_name(source: Source) -> str:
    return source.outlet or source.domain or source.path


def _source_label(sources: dict[str, Source], source_id: str) -> str:
    """`Outlet (file)`, escaped; an id the brief does not list is shown as it is."""
    source = sources.get(source_id)
    if source is None:
        return escape_cell(source_id)
    if _source_name(source) == source.path:
        return escape_cell(source.path)
    return f"{escape_cell(_source_name(source))} ({escape_cell(source.path)})"


def _credibility(source: Source | None) -> str:
    return NONE_CELL if source is None else credibility_cell(source, with_origin=True)


def _quote(evidence: Evidence) -> str:
    part = f" for “{escape_cell(evidence.part)}”" if evidence.part else ""
    return f"{evidence.score:.2f} “{escape_cell(evidence.sentence)}”{part}"


def _sentence_table(sentences: Sequence[BriefSentence], sources: dict[str, Source]) -> str:
    if not sentences:
        return NONE_LINE
    rows = [_sentence_row(n, sentence, sources) for n, sentence in enumerate(sentences, 1)]
    return table(SENTENCE_HEADER, rows)


def _sentence_row(number: int, sentence: BriefSentence, sources: dict[str, Source]) -> list[str]:
    text = escape_cell(sentence.text)
    if not sentence.citations:
        why = f"unsupported: {escape_cell(sentence.reason)}" if sentence.reason else "unsupported"
        return [str(number), text, why, NONE_CELL, _nearest(sentence, sources)]
    if not sentence.supported:
        status = escape_cell(sentence.reason or PARTLY)
    elif sentence.low_credibility_only:
        status = "low-credibility sources only"
    else:
        status = "supported"
    status += "".join(
        f"; not cited: {_source_label(sources, item.source_id)} ({escape_cell(item.reason or '')})"
        for item in sentence.rejected
    )
    evidence = {item.source_id: item for item in reversed(sentence.evidence)}
    cited = " ".join(
        f"({n}) {_source_label(sources, sid)}" for n, sid in enumerate(sentence.citations, 1)
    )
    support = " ".join(
        f"({n}) {_quote(evidence[sid]) if sid in evidence else 'no evidence recorded'}"
        for n, sid in enumerate(sentence.citations, 1)
    )
    return [str(number), text, status, cited, support]


def _nearest(sentence: BriefSentence, sources: dict[str, Source]) -> str:
    nearest = sentence.nearest
    if nearest is None:
        return "nearest: none found"
    return f"nearest: {_source_label(sources, nearest.source_id)}, {_quote(nearest)}"


def _suppressed_table(items: Sequence[Suppressed], sources: dict[str, Source]) -> str:
    if not items:
        return NONE_LINE
    rows = [
        [
            escape_cell(item.text),
            "; ".join(_source_label(sources, sid) for sid in item.source_ids) or NONE_CELL,
            "; ".join(_credibility(sources.get(sid)) for sid in item.source_ids) or NONE_CELL,
            escape_cell(item.reason),
        ]
        for item in items
    ]
    return table(SUPPRESSED_HEADER, rows)


def _source_table(
    listed: Sequence[Source], stats: Sequence[SourceStats], sources: dict[str, Source]
) -> str:
    if not listed:
        return NONE_LINE
    by_id = {item.source_id: item for item in stats}
    return table(SOURCE_HEADER, [_source_row(s, by_id.get(s.id), sources) for s in listed])


def _source_row(source: Source, stats: SourceStats | None, sources: dict[str, Source]) -> list[str]:
    value = credibility_value(source.credibility)
    outlet = source.outlet or source.domain
    counts = [NONE_CELL] * 4
    note = ""
    if stats is not None:
        counts = [
            str(stats.sentences_read),
            str(stats.boilerplate_dropped),
            str(stats.claims_used),
            str(stats.claims_suppressed),
        ]
        notes = [escape_cell(warning) for warning in stats.warnings]
        if source.kind == "opinion":
            notes.insert(0, escape_cell(f"opinion piece ({source.kind_reason or 'detected'})"))
        if source.wire_credit:
            notes.insert(0, escape_cell(f"wire credit: {source.wire_credit}"))
        if stats.duplicate_of:
            notes.insert(
                0, "counted as one report with " + _source_label(sources, stats.duplicate_of)
            )
        note = "; ".join(notes)
    return [
        escape_cell(outlet) if outlet else NONE_CELL,
        escape_cell(source.path),
        value,
        source.credibility_label,
        source.credibility_origin,
        *counts,
        note or NONE_CELL,
    ]


def _dropped_table(items: Sequence[Suppressed]) -> str:
    if not items:
        return NONE_LINE
    rows = [[escape_cell(item.text), escape_cell(item.reason)] for item in items]
    return table(("Generated sentence", "Reason"), rows)


def _skipped_table(brief: Brief) -> str:
    if not brief.skipped:
        return NONE_LINE
    rows = [[escape_cell(item.path), escape_cell(item.reason)] for item in brief.skipped]
    return table(("File", "Reason"), rows)


def _neutrality(brief: Brief) -> str:
    if brief.neutrality is None:
        return "Not measured."
    share = f"{brief.neutrality.attributed_share:.0%}"
    words = ", ".join(escape_text(word) for word in brief.neutrality.loaded_words) or "none"
    return f"Attributed sentences: {share}.\n\nLoaded words found: {words}."
