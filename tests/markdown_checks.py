"""How the contract's parser reads a Markdown file: the tests' view of what renders."""

from __future__ import annotations

from briefing.markup import markdown_parser
from briefing.render.markdown import inline_tokens


def parsed_footnote_refs(markdown: str) -> list[str]:
    """Labels of the footnote references the parser found, in document order."""
    tokens = markdown_parser().parse(markdown, {})
    return [str(t.meta["label"]) for t in inline_tokens(tokens) if t.type == "footnote_ref"]


def render_html(markdown: str) -> str:
    return str(markdown_parser().render(markdown))
