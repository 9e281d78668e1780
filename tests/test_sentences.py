"""Sentence splitting: abbreviations, offsets, paragraphs, positions, text without punctuation."""

from __future__ import annotations

from pathlib import Path

import nltk
import pytest

from briefing.models import Article, Corpus, Source
from briefing.sentences import (
    MAX_SENTENCE_CHARS,
    WINDOW_CHARS,
    Splitter,
    _segments,
    paragraph_spans,
    split_corpus,
)

# Enough ordinary news prose for Punkt to learn which words start sentences.
TRAINING = (
    "The talks ended on Tuesday. They will resume in March. He said no. The minister left. "
    "Officials from the U.S. and Russia met. The meeting was short. It ended at 9 p.m. "
    "The delegates flew home. Gen. Smith spoke first. Sen. Warren spoke next. "
)


def corpus_of(*texts: str) -> Corpus:
    articles = tuple(
        Article(source=Source(id=f"s{number}", path=f"s{number}.txt"), text=text)
        for number, text in enumerate(texts)
    )
    return Corpus(folder="f", articles=articles)


@pytest.fixture(autouse=True)
def no_download(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("nltk.download must never be called")

    monkeypatch.setattr(nltk, "download", refuse)


def texts_of(splitter: Splitter, text: str) -> list[str]:
    return [text[start:end] for start, end, _ in splitter.spans(text)]


def test_news_abbreviations_do_not_end_sentences() -> None:
    splitter = Splitter.for_texts([TRAINING])
    text = (
        "He spoke to Xi about mounting threats from the U.S.A. and NATO bloc. "
        "Sen. Warren met Gov. Hochul and Mr. Li on Jan. 6 at 9 a.m. in the U.K. capital. "
        "Shares of Acme Inc. rose."
    )
    assert texts_of(splitter, text) == [
        "He spoke to Xi about mounting threats from the U.S.A. and NATO bloc.",
        "Sen. Warren met Gov. Hochul and Mr. Li on Jan. 6 at 9 a.m. in the U.K. capital.",
        "Shares of Acme Inc. rose.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Victims of the U.S. Embassy bombing were flown out on request of the U.S. government.",
        "Such was the case with Sen. Joe Manchin of West Virginia.",
        "The riot on Jan. 6 is ranked the No. 2 story of the year.",
        "John F. Kennedy spoke to the U.S. Attorney's office.",
        "Democrats pressed Mitch McConnell, R-Ky., to address the federal debt limit.",
        "House Majority Leader Steny Hoyer, D-Md. and his colleagues wrote a letter.",
    ],
)
def test_abbreviations_followed_by_a_continuing_word_stay_in_one_sentence(text: str) -> None:
    assert texts_of(Splitter(), text) == [text]


def test_a_sentence_that_ends_in_an_abbreviation_still_ends() -> None:
    assert texts_of(Splitter(), "I have lived in the U.S. How about you?") == [
        "I have lived in the U.S.",
        "How about you?",
    ]


def test_a_sentence_may_open_with_a_brand_in_lower_case_or_a_list_marker() -> None:
    assert texts_of(Splitter(), "Apple said its sales rose. iPhone sales fell by 3%.") == [
        "Apple said its sales rose.",
        "iPhone sales fell by 3%.",
    ]
    assert texts_of(Splitter(), "a. The first item b. The second item") == [
        "a. The first item",
        "b. The second item",
    ]


def test_a_quotation_over_several_sentences_is_one_unit_with_its_speaker() -> None:
    text = (
        "“In the weeks after the attacks, I was proud to lead. We were united. We still are,” "
        "Bush said. The crowd stood."
    )
    assert texts_of(Splitter(), text) == [
        "“In the weeks after the attacks, I was proud to lead. We were united. We still are,” "
        "Bush said.",
        "The crowd stood.",
    ]


def test_a_closing_quotation_mark_stays_with_its_sentence() -> None:
    # Opened straight, closed curly: pySBD cut the sentence before its closing mark.
    text = 'The court cited "rights of which a reasonable person would have known.” The first case.'
    assert texts_of(Splitter(), text) == [
        'The court cited "rights of which a reasonable person would have known.”',
        "The first case.",
    ]
    # An opening mark after a sentence opens the next one.
    assert texts_of(Splitter(), "The talks ended. “We agreed,” he said.") == [
        "The talks ended.",
        "“We agreed,” he said.",
    ]


def test_balanced_quotes_do_not_join_sentences() -> None:
    text = '“We agreed,” he said. The talks ended. A 12" pipe burst.'
    assert texts_of(Splitter(), text) == [
        "“We agreed,” he said.",
        "The talks ended.",
        'A 12" pipe burst.',
    ]


def test_split_corpus_offsets_paragraphs_and_positions() -> None:
    first = "The talks ended on Tuesday. They will resume in March.\n\n“We agreed,” he said."
    second = "One sentence only."
    found = split_corpus(corpus_of(first, second))
    assert [(s.id, s.text, s.paragraph, s.index, s.position) for s in found] == [
        ("s0:0", "The talks ended on Tuesday.", 0, 0, 0.0),
        ("s0:1", "They will resume in March.", 0, 1, 0.5),
        ("s0:2", "“We agreed,” he said.", 1, 2, 1.0),
        ("s1:0", "One sentence only.", 0, 0, 0.0),
    ]
    for sentence in found[:3]:
        assert first[sentence.start : sentence.end] == sentence.text


def test_lines_are_paragraphs_without_blank_lines() -> None:
    splitter = Splitter.for_texts([TRAINING])
    text = "First line has no full stop\nSecond line ends. Third sentence.\n"
    assert [(text[a:b], p) for a, b, p in splitter.spans(text)] == [
        ("First line has no full stop", 0),
        ("Second line ends.", 1),
        ("Third sentence.", 1),
    ]


def test_blank_line_blocks_are_paragraphs_and_lines_inside_them_are_joined() -> None:
    splitter = Splitter.for_texts([TRAINING])
    text = "The talks ended\non Tuesday. They resume in March.\n\nA new paragraph."
    assert [(text[a:b], p) for a, b, p in splitter.spans(text)] == [
        ("The talks ended\non Tuesday.", 0),
        ("They resume in March.", 0),
        ("A new paragraph.", 1),
    ]


def test_text_without_punctuation_is_cut_at_word_boundaries() -> None:
    splitter = Splitter.for_texts([TRAINING])
    text = " ".join(["word"] * 10_000)
    spans = splitter.spans(text)
    assert len(spans) > 1
    assert all(end - start <= MAX_SENTENCE_CHARS for start, end, _ in spans)
    assert all(
        text[start:end].split() == ["word"] * len(text[start:end].split())
        for start, end, _ in spans
    )
    assert sum(len(text[a:b].split()) for a, b, _ in spans) == 10_000


def test_long_sentence_is_cut_at_a_clause_break() -> None:
    splitter = Splitter.for_texts([TRAINING])
    clause = "the ministers talked about the border and the troops gathered along it"
    text = "; ".join([clause] * 12) + "."
    pieces = texts_of(splitter, text)
    assert all(len(piece) <= MAX_SENTENCE_CHARS for piece in pieces)
    assert all(piece.endswith((";", ".")) for piece in pieces)
    assert " ".join(pieces) == text


def test_punctuation_only_spans_are_not_sentences() -> None:
    splitter = Splitter.for_texts([TRAINING])
    assert texts_of(splitter, "Ushakov said. . The talks went on.") == [
        "Ushakov said.",
        "The talks went on.",
    ]


def test_a_paragraph_longer_than_a_window_splits_as_its_sentences_do_alone() -> None:
    sentences = [
        f"Officials at the U.S. Embassy in Kabul met Sen. Joe Manchin on day {n} of the talks."
        for n in range(3 * WINDOW_CHARS // 80)
    ]
    text = " ".join(sentences)
    assert len(text) > 2 * WINDOW_CHARS
    assert texts_of(Splitter(), text) == sentences


def test_a_window_without_stops_is_cut_and_the_sentences_after_it_are_whole() -> None:
    words = " ".join(["officials in the capital said talks would go on"] * 300)
    tail = "The minister left Kabul on Friday. Sen. Joe Manchin spoke next."
    text = f"{words}. {tail}"
    pieces = texts_of(Splitter(), text)
    assert all(len(piece) <= MAX_SENTENCE_CHARS for piece in pieces)
    assert " ".join(pieces) == text
    assert pieces[-2:] == ["The minister left Kabul on Friday.", "Sen. Joe Manchin spoke next."]


def test_an_ellipsis_pysbd_cuts_in_two_stays_with_its_sentence() -> None:
    text = "The senator said the vote would go ahead. The court found that the governor is..."
    assert texts_of(Splitter(), text) == [
        "The senator said the vote would go ahead.",
        "The court found that the governor is...",
    ]


SEEDS = Path(__file__).resolve().parent.parent / "seeds"
# Texts where pySBD's own look-up could go astray: repeated sentences, a sentence pySBD alters,
# whitespace of every kind between sentences, abbreviations, quotes, list items.
AWKWARD = (
    "Hello. Hello. Hello.",
    'U.S. Sen. Joe Manchin said "no."  He left.\tThen... he came back!',
    "a. a. a. b.",
    "1. First item. 2. Second item.\u00a0Third one?\u2003Yes.",
    "He paid $3.5 million (about 10% of it) on Jan. 6. The end",
    "",
    "   ",
)


def test_segments_are_exactly_what_pysbd_returns() -> None:
    """The str.find look-up gives pySBD's own segments (`Segmenter.segment`, clean=False) on
    every paragraph of the seed articles and on awkward texts."""
    import pysbd

    reference = pysbd.Segmenter(language="en", clean=False)
    blocks = list(AWKWARD)
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        blocks += [text[start:end].replace("\n", " ") for start, end in paragraph_spans(text)]
    assert len(blocks) > 50
    for block in blocks:
        assert list(_segments(block)) == reference.segment(block), block


def test_information_separators_do_not_break_the_splitter() -> None:
    # pySBD takes "\x1f0." for a list number and calls int("\x1f0"), which fails.
    text = "Items: \x1f0. The first one. \x1f1. The second one."
    spans = Splitter().spans(text)
    assert spans and all(0 <= start < end <= len(text) for start, end, _ in spans)
