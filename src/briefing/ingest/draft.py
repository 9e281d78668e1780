"""Read a draft a person wrote (Markdown or plain text): its title and its prose sentences,
each with character offsets into the original text, so that citations can be inserted
without touching anything else. Headings, code, tables, front matter, the author's footnote
definitions and the syntax of links, emphasis and footnote references are not prose.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from markdown_it.token import Token

from briefing.config import IngestConfig
from briefing.errors import InputError
from briefing.ingest.decode import NotText, decode
from briefing.ingest.fields import display_name
from briefing.ingest.folder import BYTES_PER_CHAR, read_bytes
from briefing.markup import front_matter, markdown_parser
from briefing.models import Draft, DraftSpan
from briefing.sentences import Splitter

log = logging.getLogger(__name__)

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
_SPACE_BEFORE_STOP = re.compile(r"\s+(?=[.,;:!?])")


def read_draft(path: Path, config: IngestConfig) -> Draft:
    """Read and split a draft; InputError naming the file when it cannot be used."""
    text = _read_text(path, config)
    draft = parse_draft(text, path)
    if not draft.sentences:
        raise InputError("the draft has no prose sentences to cite", str(path))
    log.info("draft %s: %d sentences", path, len(draft.sentences))
    return draft


def _read_text(path: Path, config: IngestConfig) -> str:
    if not path.exists():
        raise InputError("no such file", str(path))
    if not path.is_file():
        raise InputError("not a file", str(path))
    try:  # never more than a draft may hold: a huge file is refused without being loaded
        data, whole = read_bytes(path, config.max_chars * BYTES_PER_CHAR)
    except OSError as exc:
        raise InputError(f"cannot read the draft ({exc.strerror or exc})", str(path)) from exc
    if not whole:
        raise InputError(f"the draft is longer than {config.max_chars} characters", str(path))
    try:
        text, _ = decode(data)
    except NotText as exc:
        raise InputError(str(exc), str(path)) from exc
    if not text.strip():
        raise InputError("the draft is empty", str(path))
    if len(text) > config.max_chars:
        raise InputError(f"the draft is longer than {config.max_chars} characters", str(path))
    return text


def parse_draft(text: str, path: Path) -> Draft:
    """Title and prose sentences of `text` (offsets into `text` itself)."""
    lines = _line_starts(text)
    source = _without_front_matter(text)
    tokens = markdown_parser().parse(source)
    title: str | None = None
    blocks: list[str] = []
    regions: list[tuple[int, int]] = []
    for token, parent in _inline_tokens(tokens):
        if parent == "heading_open":
            title = title or _plain(token.content)
        elif parent == "paragraph_open" and token.map:
            prose, start = _prose(text, lines, token)
            blocks.append(prose)
            regions.append((start, start + len(prose)))
    return Draft(
        path=str(path),
        text=text,
        title=title or display_name(path.stem),
        sentences=_sentences(blocks, regions),
    )


def _line_starts(text: str) -> list[int]:
    return [match.start() for match in _LINE.finditer(text)]


def _without_front_matter(text: str) -> str:
    """The text with YAML front matter blanked (same number of lines), as Markdown sees it."""
    match = front_matter(text)
    if not match:
        return text
    blank = "\n" * len(re.findall(r"\r\n|\r|\n", match.group(0)))
    return blank + text[match.end() :]


def _inline_tokens(tokens: list[Token]) -> list[tuple[Token, str]]:
    """Inline tokens with the type of the block that holds them, outside footnote definitions."""
    found: list[tuple[Token, str]] = []
    footnotes = 0
    for index, token in enumerate(tokens):
        if token.type.startswith("footnote") and token.type.endswith("_open"):
            footnotes += 1
        elif token.type.startswith("footnote") and token.type.endswith("_close"):
            footnotes -= 1
        elif token.type == "inline" and not footnotes and index:
            found.append((token, tokens[index - 1].type))
    return found


def _prose(text: str, lines: list[int], token: Token) -> tuple[str, int]:
    """The paragraph's region of `text` with everything but prose blanked out, and its start."""
    assert token.map is not None
    first, last = token.map
    pieces: list[tuple[int, int]] = []
    for number, content in zip(range(first, last), token.content.split("\n"), strict=False):
        line_start = lines[number]
        line_end = lines[number + 1] if number + 1 < len(lines) else len(text)
        found = text.find(content.strip(), line_start, line_end)
        if content.strip() and found >= 0:
            pieces.append((found, found + len(content.strip())))
    if not pieces:
        return "", 0
    start, end = pieces[0][0], pieces[-1][1]
    chars = [" "] * (end - start)
    for a, b in pieces:
        chars[a - start : b - start] = text[a:b]
    return _mask_syntax("".join(chars)), start


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


def _plain(inline: str) -> str:
    return _SPACE.sub(" ", _mask_syntax(inline)).strip()


def _sentences(blocks: list[str], regions: list[tuple[int, int]]) -> tuple[DraftSpan, ...]:
    splitter = Splitter.for_texts(blocks)
    spans: list[DraftSpan] = []
    for paragraph, (block, (start, _)) in enumerate(zip(blocks, regions, strict=True)):
        for a, b, _ in splitter.spans(block):
            sentence = _SPACE_BEFORE_STOP.sub("", _SPACE.sub(" ", block[a:b])).strip()
            if sentence:
                spans.append(
                    DraftSpan(text=sentence, start=start + a, end=start + b, paragraph=paragraph)
                )
    return tuple(spans)
