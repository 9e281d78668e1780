"""The Markdown dialect briefing reads (drafts for `cite`) and writes (briefs, audits): the
CommonMark of markdown-it-py with raw HTML off, plus footnotes (mdit-py-plugins) and tables."""

from __future__ import annotations

from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin


def markdown_parser() -> MarkdownIt:
    """The parser the contract names: markdown-it-py (commonmark, no raw HTML) plus footnotes."""
    return MarkdownIt("commonmark", {"html": False}).use(footnote_plugin).enable("table")
