"""brief.md: the title, the brief as prose with footnote references, one definition per source."""

from __future__ import annotations

from collections.abc import Sequence

from briefing.models import Brief, BriefSentence, sources_by_id
from briefing.render.disagreements import HEADING, disagreement_list, with_disagreements
from briefing.render.markdown import (
    RenderError,
    checked_file,
    citation_refs,
    escape_text,
    footnote_definitions,
    footnote_numbers,
    heading,
    plain_text,
)

# Shown instead of prose when nothing survived verification, so brief.md is never just a title.
EMPTY_BRIEF = "No sentence of this brief could be supported by the sources; see audit.md."
# The heading used when the composer found no title, so brief.md always opens with one.
DEFAULT_TITLE = "Brief"


def render_brief_md(brief: Brief) -> str:
    """The brief as Markdown; checked with the contract's parser before it is returned."""
    numbers = with_disagreements(footnote_numbers(brief.sentences), brief.disagreements)
    sources = sources_by_id(brief.sources)
    blocks = [heading(plain_text(brief.title) or DEFAULT_TITLE)]
    blocks += paragraphs(brief.sentences, numbers) or [EMPTY_BRIEF]
    if brief.disagreements:
        blocks += [heading(HEADING, level=2)]
        blocks += [disagreement_list(brief.disagreements, numbers, sources)]
    definitions = footnote_definitions(numbers, sources)
    if definitions:
        blocks.append("\n".join(definitions))
    return checked_file(blocks, "brief.md")


def paragraphs(sentences: Sequence[BriefSentence], numbers: dict[str, int]) -> list[str]:
    """One line per paragraph; a change of `paragraph` starts a new one."""
    paragraphs: list[list[str]] = []
    previous: int | None = None
    for sentence in sentences:
        if not sentence.citations:
            raise RenderError(f"brief sentence without a citation: {sentence.text!r}")
        refs = citation_refs(sentence.citations, numbers)
        if sentence.paragraph != previous:
            paragraphs.append([])
            previous = sentence.paragraph
        paragraphs[-1].append(escape_text(sentence.text) + refs)
    return [" ".join(paragraph) for paragraph in paragraphs]
