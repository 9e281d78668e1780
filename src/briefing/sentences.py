"""Sentence splitting with pySBD (rule-based, no downloaded data); character offsets kept.

pySBD (Sadvilkar & Neumann 2020, the Pragmatic Segmenter's "Golden Rules") keeps "U.S. Embassy",
"Sen. Joe Manchin", "Jan. 6", "No. 2" and "John F. Kennedy" in one sentence; on its English
Golden Rules it scores 47/48 where NLTK Punkt with the shipped news abbreviations scored 24/48
(benchmarks/splitter.py). A quotation that runs over several sentences is kept as one unit with
its attribution. Text without punctuation is cut at clause or word boundaries so that no
"sentence" grows beyond a readable length.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING

from briefing.models import Corpus, Sentence

if TYPE_CHECKING:
    from pysbd import Segmenter

# The longest sentences of wire copy run to about 60 words (~400 characters); anything past
# 600 is text without sentence punctuation and is cut at a clause or word boundary.
MAX_SENTENCE_CHARS = 600
# Pieces cut from an over-long sentence are at least this long, so a cut never leaves a stub.
MIN_PIECE_CHARS = 200
# A quotation is joined with the sentences that follow it until its marks balance, but never
# beyond this length: a stray mark must not glue a whole paragraph into one "sentence".
MAX_QUOTE_UNIT_CHARS = 900
# pySBD's time grows with the square of its input (a 200,000-character line without stops took
# minutes): text is given to it in windows of this size, a few paragraphs of news copy, where
# it takes milliseconds.
WINDOW_CHARS = 2000
# Windows whose pySBD segments are remembered: wire copy and its rewrites repeat paragraphs
# word for word (the 1,000-article benchmark corpus holds 8,634 paragraphs, 2,543 distinct),
# and pySBD is most of the splitting time; 8,192 windows of at most WINDOW_CHARS are a few MB.
SEGMENT_CACHE = 8192
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_CLAUSE_BREAK = re.compile(r"[;:,–—)]\s|\s[–—-]\s")
_WORD = re.compile(r"\w")
# Straight double quotes between word characters are inch marks, not quotation marks.
_STRAIGHT_QUOTE = re.compile(r'(?<!\w)"|"(?!\w)')

Span = tuple[int, int, int]


@lru_cache(maxsize=1)
def _segmenter() -> Segmenter:
    import pysbd

    return pysbd.Segmenter(language="en", clean=False)


def quote_open(text: str) -> bool:
    """True when `text` opens a quotation it does not close (curly or straight marks)."""
    curly = text.count("“") - text.count("”")
    return curly > 0 or len(_STRAIGHT_QUOTE.findall(text)) % 2 == 1


class Splitter:
    """Splits text into (start, end, paragraph) spans; reusable for articles and drafts."""

    @classmethod
    def for_texts(cls, texts: Iterable[str]) -> Splitter:
        """A splitter for these texts (pySBD's rules need no training; kept for callers)."""
        del texts
        return cls()

    def spans(self, text: str) -> list[Span]:
        """Stripped sentence spans; paragraphs are blank-line blocks, else lines."""
        found: list[Span] = []
        for number, (start, end) in enumerate(paragraph_spans(text)):
            block = text[start:end]
            for first, last in _quote_units(block, _segment_spans(block)):
                for piece_start, piece_end in _cap_length(block, first, last):
                    if _WORD.search(block, piece_start, piece_end):
                        found.append((start + piece_start, start + piece_end, number))
        return found


def _segment_spans(block: str) -> list[tuple[int, int]]:
    """pySBD's segments as offsets into `block` (it returns text, not offsets). Line breaks
    inside a paragraph are wrapping, not ends: pySBD sees them as spaces (same length).
    pySBD's time grows with the square of the text it is given, so a long block is read in
    windows: each window's segments but the last are kept, and the next window starts where
    that last one starts; a window pySBD cannot split is cut at a clause or word boundary."""
    block = re.sub(r"[\r\n]", " ", block)
    spans: list[tuple[int, int]] = []
    position = 0
    while position < len(block):
        end = min(len(block), position + WINDOW_CHARS)
        found = _pysbd_spans(block, position, end)
        if end == len(block):
            return spans + found
        if len(found) > 1:
            spans.extend(found[:-1])
            position = found[-1][0]
            continue
        cut = _last_break(block, end - MAX_SENTENCE_CHARS, end)
        spans.extend(_cap_length(block, position, cut))
        position = cut
    return spans


def _pysbd_spans(block: str, start: int, end: int) -> list[tuple[int, int]]:
    """pySBD's segments of block[start:end] as offsets into `block`."""
    spans: list[tuple[int, int]] = []
    position = start
    for segment in _segments(block[start:end]):
        piece = segment.strip()
        if not piece:
            continue
        found = block.find(piece, position, end)
        if found < 0:  # pySBD altered the text: keep the rest of the window as one piece
            break
        mark = _LEADING_CLOSE.match(piece)
        if spans and mark:  # the closing mark of the sentence before: give it back
            spans[-1] = (spans[-1][0], found + mark.end())
            piece = piece[mark.end() :].lstrip()
            found = block.find(piece, found + mark.end(), end)
        # pySBD cut a closing mark off its sentence ("Trump is.." + "."): join them, so that
        # an excerpt's "..." stays whole and reads as cut off; and join a continuation.
        cut_mark = spans and found == spans[-1][1] and not _WORD.search(piece)
        if spans and (cut_mark or _CONTINUATION.match(piece)):
            spans[-1] = (spans[-1][0], found + len(piece))
        else:
            spans.append((found, found + len(piece)))
        position = found + len(piece)
    rest = _strip_span(block, position, end)
    if rest:
        spans.append(rest)
    return spans


# pySBD ends a sentence before the quotation mark that closes it ('... would have known.' +
# '” The first case ...', read in an editor's summary): a segment opening with a closing mark
# and a space gives the mark back to the sentence before.
_LEADING_CLOSE = re.compile(r"[”’\"]+(?=\s)")

# pySBD ends a sentence at an abbreviation that closes an appositive ("Mitch McConnell,
# R-Ky., to address ..."; "Steny Hoyer, D-Md. and his colleagues"). No sentence opens with a
# comma, semicolon, colon or closing bracket, or with a word in lower case (one with a capital
# inside, "iPhone", "eBay", may open one; so may a list marker, "b."): such a segment
# continues the one before.
_CONTINUATION = re.compile(r"[,;:)\]]|[a-z][a-z'’-]*\b(?![.)])")


@lru_cache(maxsize=SEGMENT_CACHE)
def _segments(text: str) -> tuple[str, ...]:
    """What `pysbd.Segmenter(clean=False).segment(text)` returns, without its last step's
    cost: pySBD finds each sentence again in the text with a regex compiled from that
    sentence, which costs a compile per sentence and a scan from the text's start, and floods
    Python's regex cache so that every other pattern is compiled again (a third of the time
    of a batch story with TF-IDF; docs/benchmarks.md). The same look-up with `str.find`:
    the first match of the sentence plus the whitespace after it that ends past the last one
    found (`re`'s `\\s` is `str.isspace`); a sentence not found is left out, as pySBD does."""
    if not text:
        return ()
    found: list[str] = []
    last_end = 0
    safe = text.translate(_SEPARATORS_AS_SPACES)  # same length: positions hold for `text`
    for sentence in _segmenter().processor(safe).process():
        start = safe.find(sentence) if sentence else -1
        while start >= 0:
            end = _after_space(safe, start + len(sentence))
            if end > last_end:
                found.append(text[start:end])
                last_end = end
                break
            start = safe.find(sentence, end)
    return tuple(found)


# The information separators U+001C-U+001F are whitespace to `re` but not to `int()`: pySBD
# reads "\x1f0." as a list number and fails on int("\x1f0"). They reach it as spaces.
_SEPARATORS_AS_SPACES = str.maketrans(dict.fromkeys("\x1c\x1d\x1e\x1f", " "))


def _after_space(text: str, position: int) -> int:
    while position < len(text) and text[position].isspace():
        position += 1
    return position


def _quote_units(block: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join a sentence that opens a quotation with the following ones up to the one that
    closes it (its attribution comes with it), within MAX_QUOTE_UNIT_CHARS; a mark that never
    closes (a typo in the article) joins nothing."""
    units: list[tuple[int, int]] = []
    index = 0
    while index < len(spans):
        start, end = spans[index]
        following = index + 1
        if quote_open(block[start:end]):
            closing = _closing(block, spans, index)
            if closing is not None:
                end, following = spans[closing][1], closing + 1
        units.append((start, end))
        index = following
    return units


def _closing(block: str, spans: list[tuple[int, int]], index: int) -> int | None:
    """The index of the first later span at which the quotation opened at `index` closes."""
    start = spans[index][0]
    for later in range(index + 1, len(spans)):
        if spans[later][1] - start > MAX_QUOTE_UNIT_CHARS:
            return None
        if not quote_open(block[start : spans[later][1]]):
            return later
    return None


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """Non-empty paragraphs: blocks between blank lines, or lines when there is no blank line."""
    separator = _BLANK_LINE if _BLANK_LINE.search(text) else re.compile(r"\n")
    spans: list[tuple[int, int]] = []
    position = 0
    for match in [*separator.finditer(text), None]:
        end = match.start() if match else len(text)
        stripped = _strip_span(text, position, end)
        if stripped:
            spans.append(stripped)
        position = match.end() if match else len(text)
    return spans


def _strip_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def _cap_length(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    """Cut an over-long span at the last clause break, else word break, within the limit."""
    while end - start > MAX_SENTENCE_CHARS:
        limit = start + MAX_SENTENCE_CHARS
        cut = _last_break(text, start + MIN_PIECE_CHARS, limit)
        piece = _strip_span(text, start, cut)
        if piece:
            yield piece
        start = cut
    rest = _strip_span(text, start, end)
    if rest:
        yield rest


def _last_break(text: str, low: int, high: int) -> int:
    clause = [match.end() for match in _CLAUSE_BREAK.finditer(text, low, high)]
    if clause:
        return clause[-1]
    space = text.rfind(" ", low, high)
    return space + 1 if space > low else high


def split_corpus(corpus: Corpus) -> tuple[Sentence, ...]:
    """Every sentence of every article, in article order, with offsets into Article.text."""
    splitter = Splitter()
    sentences: list[Sentence] = []
    for article in corpus.articles:
        spans = splitter.spans(article.text)
        last = max(1, len(spans) - 1)
        source_id = article.source.id
        sentences.extend(
            Sentence(
                id=f"{source_id}:{index}",
                source_id=source_id,
                text=article.text[start:end],
                start=start,
                end=end,
                paragraph=paragraph,
                index=index,
                position=min(1.0, index / last),
            )
            for index, (start, end, paragraph) in enumerate(spans)
        )
    return tuple(sentences)
