"""The "Where sources disagree" section in Markdown: each side attributed and cited, neither
preferred; one home for its heading and wording (brief.md, digest.md, audit.md)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from briefing.models import Disagreement, Source
from briefing.render.markdown import cited_source, escape_text, footnote_ref

HEADING = "Where sources disagree"
# What a reader is told each kind of difference is; the evidence follows, unresolved.
KIND_LABELS = {
    "figure": "Figures differ",
    "date": "Dates differ",
    "actor": "Who did what differs",
    "polarity": "One says it happened, another that it did not",
}


def source_name(source: Source) -> str:
    """How a side is attributed: the outlet, else the domain, else the file."""
    return source.outlet or source.domain or source.path


def kind_label(item: Disagreement) -> str:
    return KIND_LABELS.get(item.kind, item.kind)


def with_disagreements(
    numbers: dict[str, int], items: Sequence[Disagreement], after: int = 0
) -> dict[str, int]:
    """Footnote numbers extended with the sources that only a disagreement cites, numbered
    after the highest so far (and after `after`, the numbers other stories took)."""
    extended = dict(numbers)
    following = max([after, *extended.values()]) + 1
    for item in items:
        for side in item.sides:
            if side.source_id not in extended:
                extended[side.source_id] = following
                following += 1
    return extended


def disagreement_list(
    items: Sequence[Disagreement], numbers: Mapping[str, int], sources: Mapping[str, Source]
) -> str:
    """A Markdown list, one item per disagreement: `Kind: Outlet: “…”[^n]; Outlet: “…”[^m]`."""
    lines = []
    for item in items:
        sides = "; ".join(
            f"{escape_text(source_name(cited_source(sources, side.source_id)))} says "
            f"“{escape_text(side.sentence)}”{footnote_ref(numbers[side.source_id])}"
            for side in item.sides
        )
        lines.append(f"- {kind_label(item)}: {sides}")
    return "\n".join(lines)
