"""The peers briefing is measured against: sumy's LexRank, TextRank and LSA, and a lead baseline.

All of them get the same input text (article bodies, headlines left out), the same sentence
splitter as briefing (sumy's own wants NLTK punkt data, which cannot be downloaded here) and
the same word budget: ranked sentences are taken until the budget is reached, then the output
is cut to exactly that many words.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from devset import Cluster

if TYPE_CHECKING:
    from briefing.sentences import Splitter

LANGUAGE = "english"
# A word for sumy: letters, with inner apostrophes and hyphens (sumy's own word pattern).
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘'])")
SUMY_METHODS = ("lexrank", "textrank", "lsa")


def cut_words(text: str, budget: int) -> str:
    """The first `budget` whitespace-separated words of `text`."""
    return " ".join(text.split()[:budget])


def _splitter(corpus: str) -> Splitter:
    from briefing.sentences import Splitter

    return Splitter.for_texts([corpus])


def _split(splitter: Splitter, text: str) -> list[str]:
    return [text[start:end] for start, end, _ in splitter.spans(text)]


def split_sentences(text: str, corpus: str | None = None) -> list[str]:
    """Sentences of `text` by briefing's offline splitter, which (like briefing on a folder)
    learns from the whole input: `corpus`, or `text` itself."""
    return _split(_splitter(corpus if corpus is not None else text), text)


class OfflineTokenizer:
    """sumy's Tokenizer interface backed by briefing's sentence splitter and a word regex.

    Built per input from the whole input text, which the splitter learns from, as briefing's
    does from a folder."""

    language = LANGUAGE

    def __init__(self, corpus: str = "") -> None:
        self._splitter = _splitter(corpus) if corpus else None

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        splitter = self._splitter or _splitter(paragraph)
        return tuple(_split(splitter, paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(_WORD.findall(sentence))


class RegexTokenizer(OfflineTokenizer):
    """The cheapest splitter sumy could have (end punctuation, then a capital): speed runs only."""

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(s.strip() for s in _SENTENCE_END.split(paragraph) if s.strip())


def bodies(cluster: Cluster) -> str:
    """What every peer reads: article bodies, one paragraph block each, headlines left out."""
    return "\n\n".join(article.text for article in cluster.articles)


class WordBudget:
    """sumy `sentences_count` callable: best-rated sentences until `budget` words are taken."""

    def __init__(self, budget: int) -> None:
        self.budget = budget

    def __call__(self, infos: Sequence[Any]) -> list[Any]:
        taken: list[Any] = []
        words = 0
        for info in infos:
            if words >= self.budget:
                break
            taken.append(info)
            words += len(str(info.sentence).split())
        return taken


@cache
def _summarizer(method: str) -> Callable[[Any, Any], Sequence[Any]]:
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer
    from sumy.summarizers.lsa import LsaSummarizer
    from sumy.summarizers.text_rank import TextRankSummarizer
    from sumy.utils import get_stop_words

    classes = {"lexrank": LexRankSummarizer, "textrank": TextRankSummarizer, "lsa": LsaSummarizer}
    summarizer = classes[method](Stemmer(LANGUAGE))
    summarizer.stop_words = get_stop_words(LANGUAGE)
    return summarizer  # type: ignore[no-any-return]


def sumy_summary(method: str, text: str, budget: int, regex_splitter: bool = False) -> str:
    """sumy's `method` on `text`, selected sentences in document order, cut to `budget` words."""
    from sumy.parsers.plaintext import PlaintextParser

    tokenizer = RegexTokenizer() if regex_splitter else OfflineTokenizer(text)
    parser = PlaintextParser.from_string(text, tokenizer)
    chosen = _summarizer(method)(parser.document, WordBudget(budget))
    return cut_words(" ".join(str(sentence) for sentence in chosen), budget)


def lead_summary(cluster: Cluster, budget: int) -> str:
    """The first sentences of the first article, up to the budget."""
    first = cluster.articles[0].text
    return cut_words(" ".join(split_sentences(first, bodies(cluster))), budget)
