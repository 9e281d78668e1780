"""Sentence splitting with NLTK Punkt that needs no downloaded data; character offsets kept.

Punkt is trained on the input texts (or taken from `punkt_tab` when that data is installed)
and always given the shipped list of news abbreviations, so "the U.S.A. and NATO bloc" and
"Sen. Warren" do not end sentences. Text without punctuation is cut at clause or word
boundaries so that no "sentence" grows beyond a readable length.
"""

from __future__ import annotations

import logging
import re
from collections import defaultdict
from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

from briefing.models import Corpus, Sentence

if TYPE_CHECKING:
    from nltk.tokenize.punkt import PunktParameters, PunktSentenceTokenizer

log = logging.getLogger(__name__)

ABBREVIATIONS_FILE = "abbreviations.txt"
# The longest sentences of wire copy run to about 60 words (~400 characters); anything past
# 600 is text without sentence punctuation and is cut at a clause or word boundary.
MAX_SENTENCE_CHARS = 600
# Pieces cut from an over-long sentence are at least this long, so a cut never leaves a stub.
MIN_PIECE_CHARS = 200
# Punkt's statistics (abbreviations, collocations, sentence starters) settle within a few
# hundred thousand characters; training costs ~1.5 s per million characters on one core, so
# thousands of articles train on the first ones only.
PUNKT_TRAINING_CHARS = 500_000
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v]*\n")
_CLAUSE_BREAK = re.compile(r"[;:,–—)]\s|\s[–—-]\s")
_WORD = re.compile(r"\w")

Span = tuple[int, int, int]


@lru_cache(maxsize=1)
def news_abbreviations() -> frozenset[str]:
    """The shipped abbreviations as Punkt stores them: lower case, no final full stop."""
    text = resources.files("briefing").joinpath("data", ABBREVIATIONS_FILE).read_text("utf-8")
    return frozenset(
        line.strip().lower().removesuffix(".")
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


@lru_cache(maxsize=1)
def _pretrained() -> PunktParameters | None:
    """English Punkt parameters from installed `punkt_tab` data, or None (never downloads)."""
    from nltk.tokenize.punkt import PunktTokenizer

    try:
        return PunktTokenizer("english")._params
    except LookupError:
        log.info("punkt_tab data not installed; training Punkt on the input")
        return None


def _sample(texts: Iterable[str], limit: int = PUNKT_TRAINING_CHARS) -> str:
    """The texts joined, in order, up to about `limit` characters: whole texts, except that a
    first text longer than `limit` is cut to it."""
    taken: list[str] = []
    size = 0
    for text in texts:
        if taken and size + len(text) > limit:
            break
        taken.append(text[:limit])
        size += len(taken[-1])
    return "\n\n".join(taken)


def _trained(texts: Iterable[str]) -> PunktParameters:
    from nltk.tokenize.punkt import PunktTrainer

    trainer = PunktTrainer()
    trainer.train(_sample(texts), finalize=False)
    trainer.finalize_training()
    params = trainer.get_params()
    # On a few articles Punkt mistakes words that end several sentences ("ties.", "one.") for
    # abbreviations; only dotted ones ("u.n") are trusted, the shipped list covers the rest.
    params.abbrev_types = {kind for kind in params.abbrev_types if "." in kind}
    return params


def _with_abbreviations(base: PunktParameters) -> PunktParameters:
    """A copy of `base` (which may be cached and shared) plus the news abbreviations."""
    from nltk.tokenize.punkt import PunktParameters

    params = PunktParameters()
    params.abbrev_types = set(base.abbrev_types) | news_abbreviations()
    params.collocations = set(base.collocations)
    params.sent_starters = set(base.sent_starters)
    params.ortho_context = defaultdict(int, base.ortho_context)
    return params


class Splitter:
    """Splits text into (start, end, paragraph) spans; reusable for articles and drafts."""

    def __init__(self, tokenizer: PunktSentenceTokenizer) -> None:
        self._tokenizer = tokenizer

    @classmethod
    def for_texts(cls, texts: Iterable[str]) -> Splitter:
        """Punkt from punkt_tab when installed, else trained on `texts`; news abbreviations."""
        from nltk.tokenize.punkt import PunktSentenceTokenizer

        base = _pretrained() or _trained(texts)
        return cls(PunktSentenceTokenizer(_with_abbreviations(base)))

    def spans(self, text: str) -> list[Span]:
        """Stripped sentence spans; paragraphs are blank-line blocks, else lines."""
        found: list[Span] = []
        for number, (start, end) in enumerate(paragraph_spans(text)):
            block = text[start:end]
            for first, last in self._tokenizer.span_tokenize(block):
                for piece_start, piece_end in _cap_length(block, first, last):
                    if _WORD.search(block, piece_start, piece_end):
                        found.append((start + piece_start, start + piece_end, number))
        return found


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
    splitter = Splitter.for_texts(article.text for article in corpus.articles)
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
