"""Read a draft a person wrote (Markdown or plain text): its title and its prose sentences,
each with character offsets into the original text, so that citations can be inserted
without touching anything else. Headings, code, tables, front matter, the author's footnote
definitions and the syntax of links, emphasis and footnote references are not prose.
"""

from __future__ import annotations

import logging
import re
from pathlib import Path

from briefing.config import IngestConfig
from briefing.errors import InputError
from briefing.ingest.decode import NotText, decode
from briefing.ingest.fields import display_name
from briefing.ingest.folder import BYTES_PER_CHAR, read_bytes
from briefing.markup import read_markdown
from briefing.models import Draft, DraftSpan
from briefing.sentences import Splitter

log = logging.getLogger(__name__)

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
    """Title and prose sentences of `text` (offsets into `text` itself): the paragraphs of
    markup.read_markdown outside the author's footnote definitions."""
    document = read_markdown(text)
    blocks: list[str] = []
    regions: list[tuple[int, int]] = []
    for block in document.blocks:
        if block.kind == "paragraph" and not block.in_footnote:
            prose, start = block.prose(text)
            blocks.append(prose)
            regions.append((start, start + len(prose)))
    return Draft(
        path=str(path),
        text=text,
        title=document.title or display_name(path.stem),
        sentences=_sentences(blocks, regions),
    )


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
