"""`briefing cite` on a person's draft: an article is cited for the part of a sentence its
passage states (`Aligner.align_draft`, `verify.partial`), with that part and what stays
unsupported named; an article sharing the names and topic but stating another fact is not
cited; brief sentences and suppression (`align_many`, `align_every_part`) are unchanged."""

from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

import pytest

from briefing.config import BriefingConfig
from briefing.embed import Embedder
from briefing.models import BriefSentence
from briefing.verify import Aligner
from briefing.verify.lexical import Lexicon
from briefing.verify.partial import (
    enough_events,
    event_stems,
    held_words,
    rare_limit,
    shared_events,
    supported_clauses,
)
from briefing.verify.segments import clauses
from records import sentence, source, story

# A story of three outlets, written for these tests: the council approves a toll bridge.
ARTICLES = {
    "wire": [
        "The city council voted 7-2 on Tuesday to approve a toll bridge over the Elm River.",
        "Construction of the bridge is expected to take three years, city engineers said.",
        "Mayor Dana Ortiz praised the vote as a victory for commuters who cross the river daily.",
    ],
    "daily": [
        "Mayor Dana Ortiz said drivers will pay a toll of $3 to cross the bridge.",
        "The council also debated a proposal to expand the city library on Tuesday.",
        "Opponents of the bridge said the river crossing would harm wetlands near the city.",
    ],
    "weekly": [
        "Mayor Dana Ortiz criticized the state transport agency for delaying repairs on the "
        "old bridge.",
        "Residents near the Elm River complained about traffic jams on the old bridge.",
    ],
}
# Two facts of two articles, and one no article states (the state paying half).
FUSED = (
    "Opponents warned that the crossing would harm wetlands, though construction is planned "
    "to take three years and the state has promised to pay for half of it."
)


@pytest.fixture(scope="module")
def aligner(minilm: Embedder) -> Aligner:
    rows = [
        sentence(sid, i, text) for sid, texts in ARTICLES.items() for i, text in enumerate(texts)
    ]
    texts = [row.text for row in rows]
    sources = {sid: source(sid, 0.8) for sid in ARTICLES}
    independent = {sid: sid for sid in ARTICLES}
    config = BriefingConfig()
    return Aligner(story(rows, sources, independent, minilm.encode(texts)), minilm, config.verify)


def _part_of(result: BriefSentence, source_id: str) -> str | None:
    return next(e.part for e in result.evidence if e.source_id == source_id)


def test_a_part_is_cited_to_the_article_stating_it(aligner: Aligner) -> None:
    (drafted,) = aligner.align_draft([FUSED])
    assert set(drafted.citations) == {"daily", "wire"}
    assert not drafted.supported
    # The wire states the construction time, in other words ("expected to take three years").
    part = _part_of(drafted, "wire")
    assert part is not None and "construction" in part.lower()
    assert "wetlands" not in part
    # What no article says is named: the state paying half.
    named = " ".join(drafted.unsupported_parts)
    assert "pay" in named and "half" in named
    assert drafted.reason is not None and drafted.reason.startswith("partly supported")


def test_the_brief_and_suppression_paths_do_not_cite_parts_so(aligner: Aligner) -> None:
    """Only `cite` cites a passage for the event words of a part: the strict paths leave the
    construction clause unsupported, as before."""
    (every,) = aligner.align_every_part([FUSED])
    (brief,) = aligner.align_many([FUSED])
    assert "wire" not in every.citations
    assert "wire" not in brief.citations


def test_an_article_with_the_same_names_and_another_fact_is_not_cited(aligner: Aligner) -> None:
    """The weekly and the wire name the mayor and the bridge, but say she criticised the
    state agency and how long construction takes: neither states the draft's facts, nor
    that the bridge will be finished late, which is named as unsupported."""
    (drafted,) = aligner.align_draft(
        [
            "The mayor said drivers will be charged a toll to use the new bridge, which "
            "critics say will be finished late."
        ]
    )
    assert drafted.citations == ("daily",)
    assert any("finished late" in part for part in drafted.unsupported_parts)


def test_event_words_leave_out_names_framing_and_the_story_topic() -> None:
    lexicon = Lexicon(["Mayor Dana Ortiz said the bridge would open."])
    query = lexicon.features("Mayor Dana Ortiz said on Tuesday the bridge toll would be $3.")
    counts = Counter({"bridg": 40, "toll": 1})
    events = event_stems(query, counts, rare_limit(100))
    assert "toll" in events
    assert "bridg" not in events  # in 40 of 100 sentences: the topic
    assert not events & {"dana", "ortiz", "said", "tuesday", "3"}


@pytest.mark.parametrize(
    ("framing", "event", "word"),
    [
        ("according to the ministry", "the Paris accord", "accord"),
        ("the report states", "a state of emergency", "state"),
        ("the minister added", "a new ad", "ad"),
    ],
)
def test_framing_is_read_on_word_forms_not_stems(framing: str, event: str, word: str) -> None:
    """A verb of saying frames the fact; the noun of the same stem is the fact."""
    lexicon = Lexicon([])
    counts: Counter[str] = Counter()
    framed = lexicon.features(f"Officials met, {framing}.")
    told = lexicon.features(f"Officials discussed {event}.")
    assert word not in event_stems(framed, counts, rare_limit(100))
    assert word in event_stems(told, counts, rare_limit(100))


def test_a_saying_verb_in_ing_frames_and_an_ordinal_is_an_event() -> None:
    lexicon = Lexicon([])
    counts: Counter[str] = Counter()
    query = lexicon.features("Officials approved a second dose, saying it was safe, for 30 days.")
    events = event_stems(query, counts, rare_limit(100))
    assert "second" in events
    assert not events & {"say", "day"}


def test_numbers_alone_cite_no_part() -> None:
    """'fined up to 1,500 euros for 30 days' and a passage with another fact and the same
    two numbers share no event word: no citation; one event word and a number do."""
    assert not enough_events(frozenset({"1500", "30"}))
    assert enough_events(frozenset({"fine", "1500"}))
    assert enough_events(frozenset({"fine", "euro"}))
    assert not enough_events(frozenset({"fine"}))


def test_the_words_held_are_never_the_whole_sentence_by_default() -> None:
    text = "Workers could be fined up to €1,500 for 30 days."
    assert held_words(text, frozenset()) == ""
    assert held_words(text, frozenset({"1500", "30"})) == "€1,500 for 30"
    assert held_words(text, frozenset({"fine", "1500"})) == "fined up to €1,500"


def test_shared_numbers_count_and_years_do_not() -> None:
    lexicon = Lexicon([])
    query = lexicon.features("Workers could be fined up to 1,500 euros in 2021.")
    unit = lexicon.features("Those who do not comply may be fined up to €1,500 in 2021.")
    assert shared_events(frozenset({"fine"}), query, unit) == {"fine", "1500"}


def test_clauses_and_the_words_a_passage_holds() -> None:
    split = clauses(
        "Workers could be fined up to 1,500 euros, or roughly $1,750, for failing to comply."
    )
    assert split == [
        "Workers could be fined up to 1,500 euros",
        "or roughly $1,750",
        "for failing to comply",
    ]
    stems_of = [frozenset({"worker", "fine", "euro"}), frozenset({"roughli"}), frozenset({"fail"})]
    assert supported_clauses(split, stems_of, frozenset({"fine"})) == [split[0]]
    text = "Construction is planned to take three years and the state will pay half."
    assert held_words(text, frozenset({"construct", "take", "year"})) == (
        "Construction … take three years"
    )


def test_a_month_no_cited_passage_gives_blocks_full_support(aligner: Aligner) -> None:
    """The wire states the construction time but no month: a draft that adds "in
    November" is partly supported, with the month named; without it, fully supported."""
    (dated,) = aligner.align_draft(
        ["Construction of the bridge is expected to take three years, starting in November."]
    )
    (plain,) = aligner.align_draft(
        ["Construction of the bridge is expected to take three years, city engineers said."]
    )
    assert plain.supported and plain.citations == ("wire",)
    assert not dated.supported and dated.citations == ("wire",)
    assert any("november" in part for part in dated.unsupported_parts)


def test_the_cite_gold_set_is_well_formed() -> None:
    """benchmarks/data/cite_gold.jsonl: each sentence's part is its story's dev-set part
    (never tuned on held-out), and each article is judged full, part or none."""
    root = Path(__file__).resolve().parent.parent
    sys.path.insert(0, str(root / "benchmarks"))
    from devset import part_of

    rows = [
        json.loads(line)
        for line in (root / "benchmarks/data/cite_gold.jsonl").read_text("utf-8").splitlines()
    ]
    assert {row["part"] for row in rows} == {"tune", "held-out"}
    for row in rows:
        assert row["part"] == part_of(row["story"])
        assert row["support"] and set(row["support"].values()) <= {"full", "part", "none"}
        assert all(article.split("-")[0] in row["story"] for article in row["support"])
