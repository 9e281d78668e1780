"""cited.md: the author's draft, unchanged but for footnote references after each supported
sentence, a visible `[unsupported]` after each other one, and our footnote definitions at the
end. The author's own footnotes are kept; our numbers start after their highest number.
"""

from __future__ import annotations

import logging
import re

from briefing.models import Brief, BriefSentence, Draft, sources_by_id
from briefing.render.markdown import (
    RenderError,
    citation_refs,
    footnote_definitions,
    footnote_numbers,
    footnote_problems,
)

log = logging.getLogger(__name__)

# Escaped so that it renders as the text "[unsupported]", never as a link or reference.
UNSUPPORTED_MARK = " \\[unsupported\\]"
# After the footnotes of a sentence the sources support only in part (audit.md names the part).
PARTLY_MARK = " \\[partly unsupported\\]"
_AUTHOR_LABEL = re.compile(r"(?<!\\)\[\^([^\]\s]+)\]")
# Markdown that closes around a sentence's last word: emphasis, code, a link's target, the
# author's footnote references. Our marks go after it, so they never land inside a link.
_CLOSING = re.compile(r"(?:\*{1,3}|_{1,3}|~~|`+|\]\([^)\n]*\)|\]\[[^\]\n]*\]|\[\^[^\]\s]+\](?!:))")


def render_cited_md(draft: Draft, brief: Brief) -> str:
    """The draft with our citations; `brief.sentences` holds one result per draft sentence."""
    if len(brief.sentences) != len(draft.sentences):
        raise RenderError(
            f"{len(brief.sentences)} results for {len(draft.sentences)} draft sentences"
        )
    taken = set(_AUTHOR_LABEL.findall(draft.text))
    numbers = footnote_numbers(brief.sentences, taken)
    marks = [
        (_insertion_point(draft.text, span.end), _mark(sentence, numbers))
        for span, sentence in zip(draft.sentences, brief.sentences, strict=True)
    ]
    body = _insert(draft.text, marks)
    sources = sources_by_id(brief.sources)
    definitions = footnote_definitions(numbers, sources)
    markdown = body.rstrip() + "\n" + ("\n" + "\n".join(definitions) + "\n" if definitions else "")
    _check(markdown, {str(n) for n in numbers.values()})
    return markdown


def _mark(sentence: BriefSentence, numbers: dict[str, int]) -> str:
    if not sentence.citations:
        return UNSUPPORTED_MARK
    refs = citation_refs(sentence.citations, numbers)
    return refs if sentence.supported else refs + PARTLY_MARK


def _insertion_point(text: str, end: int) -> int:
    """Just after the sentence and any Markdown that closes right after it."""
    while match := _CLOSING.match(text, end):
        end = match.end()
    return end


def _insert(text: str, marks: list[tuple[int, str]]) -> str:
    pieces: list[str] = []
    position = 0
    for point, mark in sorted(marks, key=lambda item: item[0]):
        pieces += [text[position:point], mark]
        position = point
    pieces.append(text[position:])
    return "".join(pieces)


def _check(markdown: str, ours: set[str]) -> None:
    """Our references must all be defined; the author's own problems are only logged."""
    problems = footnote_problems(markdown)
    mine = [problem for problem in problems if _label(problem) in ours]
    if mine:
        raise RenderError("cited.md failed its footnote check: " + "; ".join(mine))
    for problem in problems:
        log.warning("in the draft: %s", problem)


def _label(problem: str) -> str:
    match = re.search(r"\[\^([^\]]+)\]", problem)
    return match.group(1) if match else ""
