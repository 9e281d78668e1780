"""The Markdown dialect briefing reads (articles and drafts for `cite`) and writes (briefs,
audits): the CommonMark of markdown-it-py with raw HTML off, plus footnotes (mdit-py-plugins)
and tables; and the YAML front matter an article or a draft may open with."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

# Front matter: a first line of "---" (after an optional byte-order mark), the YAML (group 1),
# a line of "---" or "..." and its line break.
_FRONT_MATTER = re.compile(
    r"\A\ufeff?---[ \t]*\r?\n(.*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|\Z)", re.DOTALL
)


def front_matter(text: str) -> re.Match[str] | None:
    """The front matter that opens `text` (its YAML is group 1), or None."""
    return _FRONT_MATTER.match(text)


def markdown_parser() -> MarkdownIt:
    """The parser the contract names: markdown-it-py (commonmark, no raw HTML) plus footnotes."""
    return MarkdownIt("commonmark", {"html": False}).use(footnote_plugin).enable("table")
