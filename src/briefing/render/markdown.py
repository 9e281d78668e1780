"""Markdown building blocks shared by every renderer: escaping, footnotes, the render check."""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from mdit_py_plugins.footnote import footnote_plugin

from briefing.models import Source

# Characters that open inline syntax anywhere in a line: code, emphasis, links, footnotes,
# raw HTML, entities, tables, strikethrough. Escaping them makes article text literal while
# leaving ordinary punctuation (dates, hyphens, full stops) readable in the raw file.
_INLINE_SPECIALS = re.compile(r"([\\`*_\[\]<>&|~^])")
# Syntax that only counts at the start of a line: headings, quotes, lists, rules, setext.
_BLOCK_START = re.compile(r"^(\s*)([#>+\-=]|\d+[.)])")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\u0085]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_REFERENCE = re.compile(r"(?<!\\)\[\^([^\]\s]+)\](?!:)")
_DEFINITION = re.compile(r"^\[\^([^\]\s]+)\]:", re.MULTILINE)


def escape_text(text: str) -> str:
    """Article or draft text as inline Markdown that renders literally: no HTML, links,
    footnotes, emphasis or line structure can come out of it."""
    flat = _LINE_BREAKS.sub(" ", _CONTROL.sub("", text)).strip()
    escaped = _INLINE_SPECIALS.sub(r"\\\1", flat)
    return _BLOCK_START.sub(lambda m: m.group(1) + "\\" + m.group(2), escaped)


def escape_cell(text: str) -> str:
    """Text for a Markdown table cell: escaped, with pipes escaped (done by escape_text)."""
    return escape_text(text)


def footnote_ref(number: int) -> str:
    return f"[^{number}]"


def footnote_definition(number: int, source: Source) -> str:
    """`[^n]: Outlet — "Headline", date, URL` with the parts that are known."""
    name = source.outlet or source.domain or source.path
    parts = [escape_text(name)]
    details = []
    if source.title:
        details.append(f'"{escape_text(source.title)}"')
    if source.published:
        details.append(escape_text(source.published))
    if source.url:
        details.append(f"<{source.url}>" if _safe_url(source.url) else escape_text(source.url))
    head = parts[0] + (" — " + ", ".join(details) if details else "")
    return f"[^{number}]: {head}"


def _safe_url(url: str) -> bool:
    return bool(re.fullmatch(r"https?://[^\s<>\"'`\\]+", url))


def markdown_parser() -> MarkdownIt:
    """The parser the contract names: markdown-it-py (commonmark, no raw HTML) plus footnotes."""
    return MarkdownIt("commonmark", {"html": False}).use(footnote_plugin).enable("table")


def footnote_problems(markdown: str) -> list[str]:
    """References without a definition and definitions never referenced, as messages."""
    env: dict[str, dict[str, dict[str, int]]] = {}
    markdown_parser().parse(markdown, env)
    defined = {label.lstrip(":") for label in env.get("footnotes", {}).get("refs", {})}
    env_refs = set(_REFERENCE.findall(_DEFINITION.sub("", markdown)))
    problems = [f"footnote [^{label}] has no definition" for label in sorted(env_refs - defined)]
    problems += [f"footnote [^{label}] is never cited" for label in sorted(defined - env_refs)]
    return problems


def render_html(markdown: str) -> str:
    return markdown_parser().render(markdown)


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A Markdown table; cells must already be escaped."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return "\n".join(lines)
