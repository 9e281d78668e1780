"""Markdown building blocks shared by every renderer: escaping, footnotes, tables, checks."""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping, Sequence

from markdown_it.token import Token

from briefing.config import CREDIBILITY_DECIMALS
from briefing.errors import BriefingError
from briefing.markup import markdown_parser
from briefing.models import BriefSentence, Source

# Characters that open inline syntax anywhere in a line: code, emphasis, links, footnotes,
# raw HTML, entities, tables, strikethrough. Escaping them makes article text literal while
# leaving ordinary punctuation (dates, hyphens, full stops) readable in the raw file. An `_`
# between two letters or digits can neither open nor close emphasis (CommonMark flanking
# rules), so file names such as `000_abc.txt` stay readable.
_INLINE_SPECIALS = re.compile(r"[\\`*\[\]<>&|~^]|_(?![^\W_])|(?<![^\W_])_")
# Syntax that only counts at the start of a line: headings, quotes, lists, rules, setext.
# Only ASCII punctuation can be backslash-escaped, so an ordered-list marker is escaped at
# its `.` or `)`, never at the digits.
_BLOCK_START = re.compile(r"^(\s*)(?:([#>+\-=])|(\d+)([.)]))")
# A closing sequence of an ATX heading (` ##` at the end) would be dropped from a title.
_HEADING_CLOSER = re.compile(r"(^|[ \t])(#+)$")
_LINE_BREAKS = re.compile(r"[\r\n\u2028\u2029\u0085]+")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
# A footnote reference that is not escaped: an even number (zero included) of backslashes
# before the `[`; `\\[^1]` is an escaped backslash followed by a real reference.
_REFERENCE = re.compile(r"(?<!\\)(?:\\\\)*\[\^([^\]\s]+)\](?!:)")
_DEFINITION = re.compile(r"^ {0,3}\[\^([^\]\s]+)\]:", re.MULTILINE)
# What an autolink `<...>` may hold (CommonMark: no spaces, controls, `<` or `>`), narrowed
# further so that a URL can never close its own brackets or quoting.
_SAFE_URL = re.compile(r"https?://[^\s<>\"'`\\\x00-\x1f\x7f]+")
# The text outputs' credibility value of an unrated source (JSON writes null); docs/contract.md.
UNKNOWN_VALUE = "—"


class RenderError(BriefingError):
    """A rendered file failed its own check: a bug in briefing, never the user's input."""

    exit_code = 1


def plain_text(text: str) -> str:
    """The text a reader sees once `escape_text(text)` is rendered: one line, no controls."""
    return _LINE_BREAKS.sub(" ", _CONTROL.sub("", text)).strip()


def escape_text(text: str) -> str:
    """Article or draft text as inline Markdown that renders literally: no HTML, links,
    footnotes, emphasis or line structure can come out of it."""
    escaped = _INLINE_SPECIALS.sub(r"\\\g<0>", plain_text(text))
    return _BLOCK_START.sub(_escape_block_start, escaped)


def _escape_block_start(match: re.Match[str]) -> str:
    indent, marker, digits, delimiter = match.groups()
    if marker is not None:
        return f"{indent}\\{marker}"
    return f"{indent}{digits}\\{delimiter}"


def escape_cell(text: str) -> str:
    """Text for a Markdown table cell: escaped, with pipes escaped (done by escape_text)."""
    return escape_text(text)


def heading(text: str, level: int = 1) -> str:
    """An ATX heading whose text renders literally, trailing `#` included."""
    escaped = _HEADING_CLOSER.sub(r"\1\\\2", escape_text(text))
    return f"{'#' * level} {escaped}".rstrip()


def credibility_value(score: float | None) -> str:
    """A credibility score as every output shows it; an unknown one is UNKNOWN_VALUE, and
    its label (beside it) says "unknown"."""
    return UNKNOWN_VALUE if score is None else f"{score:.{CREDIBILITY_DECIMALS}f}"


def credibility_cell(source: Source, with_origin: bool = False) -> str:
    """A source's credibility as the tables show it: `0.880 high`, then `(ratings table)` when
    asked for."""
    cell = f"{credibility_value(source.credibility)} {source.credibility_label}"
    return f"{cell} ({source.credibility_origin})" if with_origin else cell


def footnote_ref(number: int) -> str:
    return f"[^{number}]"


def citation_refs(citations: Sequence[str], numbers: Mapping[str, int]) -> str:
    """The footnote references of a sentence's citations, each source once, in ascending
    order as a reader expects ("[^1][^3]", never "[^3][^1]")."""
    return "".join(footnote_ref(n) for n in sorted({numbers[sid] for sid in citations}))


def footnote_definitions(numbers: Mapping[str, int], sources: Mapping[str, Source]) -> list[str]:
    """One definition per numbered source, in numbering order."""
    return [footnote_definition(n, cited_source(sources, sid)) for sid, n in numbers.items()]


def footnote_definition(number: int, source: Source) -> str:
    """`[^n]: Outlet — "Headline", date, URL` with the parts that are known. Without an
    outlet or domain the headline leads; the file name is shown only without a headline."""
    title = escape_text(source.title or "")
    fallbacks = () if title else (source.path, source.id, "unnamed source")
    names = (source.outlet, source.domain, *fallbacks)
    name = next((escape_text(n) for n in names if n and escape_text(n)), "")
    details = [f'"{title}"'] if title else []
    if source.published and escape_text(source.published):
        details.append(escape_text(source.published))
    if source.url and escape_text(source.url):
        details.append(f"<{source.url}>" if safe_url(source.url) else escape_text(source.url))
    listed = ", ".join(details)
    head = f"{name} — {listed}" if name and listed else name or listed
    return f"[^{number}]: {head}"


def safe_url(url: str) -> bool:
    return bool(_SAFE_URL.fullmatch(url))


def inline_tokens(tokens: Iterable[Token]) -> list[Token]:
    """Every inline child token of a parsed document, in document order."""
    return [child for token in tokens for child in token.children or ()]


def footnote_problems(markdown: str) -> list[str]:
    """References without a definition and definitions never referenced, as messages."""
    env: dict[str, dict[str, dict[str, int]]] = {}
    tokens = markdown_parser().parse(markdown, env)
    defined = {label.removeprefix(":") for label in env.get("footnotes", {}).get("refs", {})}
    cited = {str(t.meta["label"]) for t in inline_tokens(tokens) if t.type == "footnote_ref"}
    written = set(_REFERENCE.findall(_DEFINITION.sub("", markdown)))
    problems = [f"footnote [^{label}] has no definition" for label in sorted(written - defined)]
    problems += [f"footnote [^{label}] is never cited" for label in sorted(defined - cited)]
    return problems


def checked_file(blocks: Sequence[str], name: str) -> str:
    """Blocks joined into a Markdown file, checked with the contract's parser: a reference
    without a definition, or a definition never cited, is a bug (RenderError naming `name`)."""
    markdown = "\n\n".join(blocks) + "\n"
    problems = footnote_problems(markdown)
    if problems:
        raise RenderError(f"{name} failed its footnote check: " + "; ".join(problems))
    return markdown


def table(header: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """A Markdown table; cells must already be escaped."""
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(cell or " " for cell in row) + " |" for row in rows]
    return "\n".join(lines)


def footnote_numbers(
    sentences: Sequence[BriefSentence], taken: Collection[str] = ()
) -> dict[str, int]:
    """Footnote number per cited source, in order of first citation. With `taken` (labels a
    draft's author already uses) numbering starts after the highest numeric one and never
    reuses any of them."""
    following = max((int(label) for label in taken if label.isdigit()), default=0) + 1
    numbers: dict[str, int] = {}
    for sentence in sentences:
        for source_id in sentence.citations:
            if source_id not in numbers:
                while str(following) in taken:
                    following += 1
                numbers[source_id] = following
                following += 1
    return numbers


def cited_source(sources: Mapping[str, Source], source_id: str) -> Source:
    """The source a footnote points at; citing one the brief does not list is a bug."""
    if source_id not in sources:
        raise RenderError(f"a sentence cites {source_id!r}, which is not among the sources")
    return sources[source_id]
