"""What `briefing sources` shows: one row per article read, the skipped files, the drops."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from typing import Any

from rich import box
from rich.console import Group, RenderableType
from rich.table import Table
from rich.text import Text

from briefing.models import Article, Corpus, Sentence
from briefing.render.markdown import UNKNOWN_VALUE, credibility_cell

# The file name never wraps (it is what a reader looks for); the domain goes under the outlet,
# and where a score came from under it, so that with SIMPLE_HEAD (no vertical rules) the
# table of a folder like seeds/ fits 100 columns; longer outlet names fold.
_COLUMNS = (
    ("file", {"no_wrap": True}),
    ("outlet", {"overflow": "fold"}),
    ("date", {"no_wrap": True}),
    ("credibility", {"overflow": "fold"}),
    ("sentences", {"justify": "right", "no_wrap": True}),
    ("dropped", {"justify": "right", "no_wrap": True}),
)


def _counts(sentences: Sequence[Sentence]) -> Counter[str]:
    return Counter(sentence.source_id for sentence in sentences)


def _lines(*values: str | None) -> str | None:
    """The known values, one a line (None when none is known)."""
    return "\n".join(value for value in values if value) or None


def _cell(value: str | None) -> Text:
    """Plain text, never read as rich markup (article text may hold square brackets)."""
    return Text(value if value is not None else UNKNOWN_VALUE)


def sources_table(corpus: Corpus, sentences: Sequence[Sentence], verbose: bool) -> RenderableType:
    """A table of the articles read, then skipped files; with `verbose`, every dropped line."""
    counts = _counts(sentences)
    table = Table(title=Text(f"Sources in {corpus.folder}"), box=box.SIMPLE_HEAD, leading=1)
    for column, style in _COLUMNS:
        table.add_column(column, **style)
    for article in corpus.articles:
        source = article.source
        table.add_row(
            _cell(source.path),
            _cell(_lines(source.outlet, source.domain)),
            _cell(source.published),
            _cell(_lines(credibility_cell(source), source.credibility_origin)),
            _cell(str(counts[source.id])),
            _cell(str(len(article.dropped))),
        )
    parts: list[RenderableType] = [table]
    if corpus.skipped:
        parts.append(_skipped_table(corpus))
    if verbose:
        parts.extend(_dropped_table(article) for article in corpus.articles if article.dropped)
    return Group(*parts)


def _skipped_table(corpus: Corpus) -> Table:
    table = Table(title=Text("Skipped files"))
    table.add_column("file")
    table.add_column("reason")
    for skipped in corpus.skipped:
        table.add_row(_cell(skipped.path), _cell(skipped.reason))
    return table


def _dropped_table(article: Article) -> Table:
    table = Table(title=Text(f"Lines dropped from {article.source.path}"))
    table.add_column("line", justify="right")
    table.add_column("text")
    table.add_column("reason")
    for line in article.dropped:
        table.add_row(_cell(str(line.line_no)), _cell(line.text), _cell(line.reason))
    return table


def sources_json(corpus: Corpus, sentences: Sequence[Sentence]) -> str:
    """The same as the table, as deterministic JSON (dropped lines always included)."""
    counts = _counts(sentences)
    data: dict[str, Any] = {
        "folder": corpus.folder,
        "sources": [
            _source_entry(article, counts[article.source.id]) for article in corpus.articles
        ],
        "skipped": [skipped.model_dump() for skipped in corpus.skipped],
    }
    return json.dumps(data, indent=2, ensure_ascii=False)


def _source_entry(article: Article, sentence_count: int) -> dict[str, Any]:
    entry = article.source.model_dump()
    entry.update(
        {
            "encoding": article.encoding,
            "sentences": sentence_count,
            "boilerplate_dropped": len(article.dropped),
            "dropped": [line.model_dump() for line in article.dropped],
            "warnings": list(article.warnings),
        }
    )
    return entry
