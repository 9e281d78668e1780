"""Smoke tests of benchmarks/integrity.py and benchmarks/splitter.py (run by hand in full)."""

from __future__ import annotations

import sys
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

import numpy as np  # noqa: E402

from briefing.embed import NEURAL  # noqa: E402
from briefing.models import Brief, BriefSentence, Source  # noqa: E402
from integrity import (  # noqa: E402
    OPINION_AS_FACT,
    Tally,
    anecdote,
    as_printed,
    check_brief,
    distinct_facts,
)
from splitter import NEWS_CASES, briefing_split, golden_cases  # noqa: E402

NEWS = "The senate passed the budget bill on Friday after a long debate, officials said."
COLUMN = "The senator came with plenty of rationalizations for his vote on the bill."


def _brief(*texts: str) -> Brief:
    sources = (
        Source(id="news", path="news.txt", title="Senate passes budget bill"),
        Source(id="col", path="col.txt", title="A vote of rationalizations"),
    )
    sentences = tuple(BriefSentence(text=t, citations=("news",), evidence=()) for t in texts)
    return Brief(
        title="Senate passes budget bill",
        mode="extractive",
        sentences=sentences,
        sources=sources,
        suppressed=(),
    )


def test_every_broken_rule_is_counted_and_good_sentences_pass() -> None:
    tally = Tally()
    texts = {"news": NEWS, "col": COLUMN}
    brief = _brief(NEWS, COLUMN, "The officials said the vote was close after...")
    check_brief(brief, texts, {"col": "OPINION"}, tally, "story")
    assert (tally.sentences, tally.broken) == (3, 2)
    assert tally.by_rule[OPINION_AS_FACT] == 1
    assert tally.by_rule["truncated excerpt"] == 1
    attributed = COLUMN.rstrip(".") + ", according to an opinion column."
    tally = Tally()
    check_brief(_brief(NEWS, attributed), texts, {"col": "OPINION"}, tally, "story")
    assert tally.broken == 0


def test_retellings_of_one_fact_count_once() -> None:
    retold = "On Friday the senate passed the budget bill after a long debate, officials said."
    other = "The president will sign the measure into law next week in the White House."
    assert distinct_facts([NEWS, retold, other]) == 2
    assert distinct_facts([NEWS, other, COLUMN]) == 3


def test_splitter_benchmark_reads_golden_rules_and_scores_news_cases(tmp_path: Path) -> None:
    rules = tmp_path / "test_english.py"
    rules.write_text(
        "import pytest\nGOLDEN_EN_RULES_TEST_CASES = [\n"
        '    ("Hello World. My name is Jonas.", ["Hello World.", "My name is Jonas."]),\n'
        '    pytest.param("At 5 a.m. Mr. Smith left.", ["At 5 a.m. Mr. Smith left."], marks=1),\n'
        "]\n",
        encoding="utf-8",
    )
    assert golden_cases(rules)[0] == (
        "Hello World. My name is Jonas.",
        ["Hello World.", "My name is Jonas."],
    )
    assert len(golden_cases(rules)) == 2
    assert all(briefing_split(text) == expected for text, expected in NEWS_CASES)


def test_a_person_introduced_by_age_is_an_anecdote_unless_another_article_names_them() -> None:
    text = "Tom Reyes, age 61, lost a job as a custodian in 2020."
    assert anecdote(text, {"a": [text], "b": ["Poverty fell last year."]})
    assert not anecdote(text, {"a": [text], "b": ["Reyes found work in May."]})


class _Paraphrases:
    """An embedder that reads the first two sentences as one fact in other words."""

    calibration = NEURAL

    def encode(self, texts: list[str]) -> np.ndarray:
        rows = [[1.0, 0.0], [0.9, 0.1], [0.0, 1.0]][: len(texts)]
        return np.array(rows) / np.linalg.norm(rows, axis=1, keepdims=True)


def test_paraphrased_leads_count_once_when_an_embedder_reads_meaning() -> None:
    lead = "The governor plans to call in the National Guard to fill hospital jobs, aides said."
    other_words = "New York may deploy soldiers as medics once its vaccine mandate starts Monday."
    fact = "The president will sign the measure into law next week in the White House."
    assert distinct_facts([lead, other_words, fact]) == 3
    assert distinct_facts([lead, other_words, fact], _Paraphrases()) == 2  # type: ignore[arg-type]


def test_article_sentences_are_read_as_the_composer_prints_them() -> None:
    article = [
        "House Speaker Jane Roe told Democrats in a letter that the vote is on Thursday.",
        "“We are going to pass the bill this week,” she told a television host.",
    ]
    assert as_printed(article, 1) == (
        "“We are going to pass the bill this week,” Jane Roe told a television host."
    )
    assert as_printed(["MOSCOW (AP) — The Kremlin said the talks went well."], 0) == (
        "The Kremlin said the talks went well."
    )
