"""The Markdown dialect briefing reads and writes: the CommonMark of markdown-it-py with raw HTML
off, plus footnotes (mdit-py-plugins) and tables. The one reader of Markdown input, shared by
articles and drafts (`read_markdown`): the YAML front matter (mdit-py-plugins' `front_matter`:
closed by `---` or `...`, after an optional byte-order mark), the title (the first heading),
and the blocks of text with their lines and character offsets into the text as given, the
inline syntax blanked so that offsets hold (`Block.prose`)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.footnote import footnote_plugin
from mdit_py_plugins.front_matter import front_matter_plugin

BlockKind = Literal["heading", "paragraph", "code", "table"]
_BOM = "\ufeff"
# Lines as markdown-it counts them (it reads \r\n and \r as \n).
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")
# Inline syntax that is not prose. Each pattern's named groups are the parts blanked out
# (with spaces, so offsets hold); the rest of a match (a link's text) stays prose.
_SYNTAX = (
    re.compile(r"(?P<all>!\[[^\]]*\]\([^)]*\))"),  # image
    re.compile(r"(?P<all>(?<!\\)\[\^[^\]\s]+\])"),  # footnote reference
    re.compile(r"(?P<open>(?<!\\)\[)(?!\^)[^\[\]]*(?P<close>\]\([^)]*\)|\]\[[^\]]*\])"),  # link
    re.compile(r"(?P<all><(?:https?://|mailto:)[^>\s]*>|</?[A-Za-z][^<>]*>)"),  # autolink, tag
    re.compile(r"(?P<all>`+)"),  # code span fences (the code itself is read)
    re.compile(r"(?P<all>(?<![\w\\*_~])(?:\*{1,3}|_{1,3}|~~)(?=\S))"),  # emphasis opens
    re.compile(r"(?P<all>(?<=\S)(?<!\\)(?:\*{1,3}|_{1,3}|~~)(?![\w*_~]))"),  # emphasis closes
    re.compile(r"(?P<all>\\)(?=[!-/:-@\[-`{-~])"),  # backslash escapes
)
_SPACE = re.compile(r"\s+")
# The blocks whose inline content is text, by the token that opens them.
_TEXT_OPENERS: dict[str, BlockKind] = {"heading_open": "heading", "paragraph_open": "paragraph"}


def markdown_parser() -> MarkdownIt:
    """The parser the contract names: markdown-it-py (commonmark, no raw HTML) plus footnotes."""
    return MarkdownIt("commonmark", {"html": False}).use(footnote_plugin).enable("table")


@dataclass(frozen=True)
class Block:
    """A block of a Markdown text: its kind, its lines (0-based, the last excluded), its
    Markdown source (code: the code itself) and the character spans of that source in the
    text, one per line; `in_footnote` for the paragraphs of a footnote definition."""

    kind: BlockKind
    lines: tuple[int, int]
    source: str
    spans: tuple[tuple[int, int], ...]
    in_footnote: bool = False

    def prose(self, text: str) -> tuple[str, int]:
        """The block's region of `text` with all but its prose blanked out (inline syntax,
        line prefixes such as list markers), and where the region starts."""
        if not self.spans:
            return "", 0
        start, end = self.spans[0][0], self.spans[-1][1]
        chars = [" "] * (end - start)
        for a, b in self.spans:
            chars[a - start : b - start] = text[a:b]
        joined = "".join(chars)
        return (joined if self.kind == "code" else _mask_syntax(joined)), start

    def plain(self, text: str) -> str:
        """The block's prose on one line, spaces folded."""
        return _SPACE.sub(" ", self.prose(text)[0]).strip()


@dataclass(frozen=True)
class Document:
    """A Markdown text read once: its front matter's YAML (None without one), the line its
    body starts on, its blocks in order."""

    text: str
    front_matter: str | None
    body_line: int
    blocks: tuple[Block, ...]

    @property
    def title(self) -> str | None:
        """The one title rule of Markdown input: the first heading's text, when it has any."""
        for block in self.blocks:
            if block.kind == "heading" and block.plain(self.text):
                return block.plain(self.text)
        return None


def read_markdown(text: str) -> Document:
    """Front matter, blocks and offsets of `text` (offsets into `text` itself)."""
    source = text.removeprefix(_BOM)
    tokens = markdown_parser().use(front_matter_plugin).parse(source)
    starts = [match.start() for match in _LINE.finditer(text)]
    front = next((t for t in tokens if t.type == "front_matter"), None)
    body_line = front.map[1] if front is not None and front.map else 0
    blocks = tuple(_blocks(text, starts, tokens))
    return Document(text, front.content if front is not None else None, body_line, blocks)


def _blocks(text: str, starts: list[int], tokens: list[Token]) -> list[Block]:
    found: list[Block] = []
    footnotes = 0
    for index, token in enumerate(tokens):
        if token.type.startswith("footnote") and token.type.endswith("_open"):
            footnotes += 1
        elif token.type.startswith("footnote") and token.type.endswith("_close"):
            footnotes -= 1
        elif token.type == "table_open" and token.map:
            found.append(Block("table", _lines(token), "", ()))
        elif token.type in {"fence", "code_block"} and token.map:
            first = token.map[0] + (token.type == "fence")  # a fence's code starts below it
            lines = (first, first + len(token.content.splitlines()))
            found.append(Block("code", lines, token.content, _spans(text, starts, lines, token)))
        elif token.type == "inline" and token.map and index:
            kind = _TEXT_OPENERS.get(tokens[index - 1].type)
            if kind is not None:
                spans = _spans(text, starts, _lines(token), token)
                found.append(Block(kind, _lines(token), token.content, spans, footnotes > 0))
    return found


def _lines(token: Token) -> tuple[int, int]:
    assert token.map is not None
    return token.map[0], token.map[1]


def _spans(
    text: str, starts: list[int], lines: tuple[int, int], token: Token
) -> tuple[tuple[int, int], ...]:
    """Where each line of the token's content stands in `text` (line prefixes left out)."""
    first, last = lines
    spans: list[tuple[int, int]] = []
    for number, content in zip(range(first, last), token.content.split("\n"), strict=False):
        if number >= len(starts):
            break
        line_end = starts[number + 1] if number + 1 < len(starts) else len(text)
        found = text.find(content.strip(), starts[number], line_end)
        if content.strip() and found >= 0:
            spans.append((found, found + len(content.strip())))
    return tuple(spans)


def raw_lines(text: str, lines: tuple[int, int]) -> str:
    """The lines of `text` as written, stripped and joined by spaces (a dropped block)."""
    pieces = [match.group(0).strip() for match in _LINE.finditer(text)][lines[0] : lines[1]]
    return " ".join(piece for piece in pieces if piece)


def _mask_syntax(block: str) -> str:
    """Blank out inline Markdown syntax, keeping every character's position."""
    for pattern in _SYNTAX:
        block = pattern.sub(_blank_groups, block)
    return block


def _blank_groups(match: re.Match[str]) -> str:
    chars = list(match.group(0))
    for name, value in match.groupdict().items():
        if value is not None:
            a, b = match.start(name) - match.start(), match.end(name) - match.start()
            chars[a:b] = " " * (b - a)
    return "".join(chars)
