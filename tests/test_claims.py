from __future__ import annotations

import numpy as np

from briefing.claims import (
    build_claims,
    claim_vectors,
    drop_clutter,
    independent_reports,
    looks_like_clutter,
    sentence_neighbours,
)
from briefing.models import Article, Claim, Corpus, Sentence
from records import claim, sentence, source, unit


def cluster(sents: list[Sentence], vectors: np.ndarray, threshold: float) -> tuple[Claim, ...]:
    return build_claims(sents, vectors, sentence_neighbours(sents, vectors, threshold), threshold)


def test_paraphrases_across_articles_form_one_claim_without_chaining() -> None:
    sents = [
        sentence("a", 0, "Xi backed Putin's bid for guarantees.", 0.0),
        sentence("b", 0, "Xi supported Putin's push for guarantees.", 0.0),
        sentence("c", 0, "A middle sentence near both topics.", 0.5),
        sentence("c", 1, "The weather in Moscow was cold.", 1.0),
    ]
    # b is near both a (0.8) and c:0 (0.8), but a and c:0 are far apart (0.28): the claim
    # seeded at b takes its closest neighbour a, and c:0 must not be chained in through b.
    vectors = unit([1, 0, 0], [0.8, 0.6, 0], [0.28, 0.96, 0], [0, 0, 1])
    vectors[0] = unit([1, 0.01, 0])[0]  # a is a hair closer to b than c:0 is
    claims = cluster(sents, vectors, 0.7)
    members = sorted(c.member_ids for c in claims)
    assert members == [("b:0", "a:0"), ("c:0",), ("c:1",)]
    # c:0 is not a member, but it does restate the seed b closely enough to count as support.
    pair = next(c for c in claims if len(c.member_ids) == 2)
    assert pair.source_ids == ("a", "b", "c")
    assert [(e.source_id, e.sentence_id) for e in pair.evidence] == [
        ("a", "a:0"),
        ("b", "b:0"),
        ("c", "c:0"),
    ]
    middle = next(c for c in claims if c.member_ids == ("c:0",))
    assert middle.source_ids == ("b", "c")
    assert [c.id for c in claims] == ["C1", "C2", "C3"]


def test_a_sentence_joins_its_closest_seed_not_the_first_that_covered_it() -> None:
    sents = [
        sentence("a", 0, "seed with the most neighbours"),
        sentence("b", 0, "close paraphrase of d"),
        sentence("d", 0, "the fact b restates"),
        sentence("e", 0, "a neighbour of a only"),
    ]
    vectors = unit(
        [1.0, 0.0, 0.0],
        [0.75, 0.66, 0.0],  # b: 0.75 to a, 0.99 to d, 0.58 to e
        [0.70, 0.71, 0.0],  # d: 0.70 to a, 0.53 to e (below the floor: not covered by a)
        [0.9, -0.14, 0.413],  # e: 0.90 to a
    )
    claims = cluster(sents, vectors, 0.7)
    by_seed = {c.member_ids[0]: c.member_ids for c in claims}
    # a seeds first and covers b, but b ends up with d, the seed it restates most closely.
    assert by_seed == {"a:0": ("a:0", "e:0"), "d:0": ("d:0", "b:0")}


def test_sentences_of_one_article_never_cluster_together() -> None:
    sents = [
        sentence("a", 0, "Same words here now.", 0.0),
        sentence("a", 1, "Same words here now."),
    ]
    claims = cluster(sents, unit([1, 0], [1, 0]), 0.5)
    assert len(claims) == 2


def test_claim_vectors_average_members() -> None:
    sents = [sentence("a", 0, "x"), sentence("b", 0, "y")]
    vectors = unit([1, 0], [0, 1])
    claims = cluster(sents, vectors, 0.0)
    assert len(claims) == 1
    np.testing.assert_allclose(claim_vectors(claims, sents, vectors), unit([1, 1]), atol=1e-6)


def test_near_identical_articles_are_one_report_credited_to_the_more_credible() -> None:
    ap, copy, other = source("ap", 0.99), source("copy", None), source("other", 0.6)
    corpus = Corpus(
        folder="f",
        articles=tuple(Article(source=s, text="t") for s in (ap, copy, other)),
    )
    sents = [
        sentence("ap", 0, "one"),
        sentence("ap", 1, "two"),
        sentence("copy", 0, "one"),
        sentence("copy", 1, "two"),
        sentence("other", 0, "three"),
    ]
    vectors = unit([1, 0, 0], [0, 1, 0], [1, 0, 0], [0, 1, 0], [0, 0, 1])
    assert independent_reports(corpus, sents, sentence_neighbours(sents, vectors, 0.7)) == {
        "ap": "ap",
        "copy": "ap",
        "other": "other",
    }


def test_clutter_is_dropped_with_a_reason() -> None:
    assert looks_like_clutter("Continue Reading")
    assert looks_like_clutter("BUY FC 24 COINS NOW FOR CHEAP")
    assert not looks_like_clutter("The Kremlin denied any plans to invade its neighbor.")
    keep = claim("C1", "The Kremlin denied any plans to invade.", [sentence("a", 0, "x")])
    junk = claim("C2", "Find a Job", [sentence("b", 0, "y")])
    kept, dropped = drop_clutter([keep, junk])
    assert kept == (keep,)
    assert [(d.text, d.source_ids) for d in dropped] == [("Find a Job", ("b",))]
    assert "clutter" in dropped[0].reason


def test_rewrites_of_one_wire_story_and_credited_copies_are_one_report() -> None:
    """Issue 12: rare runs of words shared across most sentences, or the same wire credit,
    make two articles one report, though their sentences embed far apart."""
    wire = source("wire", 0.9, outlet="Associated Press")
    rewrite = source("rewrite", None)
    credited = source("credited", 0.4, wire_credit="The Associated Press")
    other = source("other", 0.6)
    corpus = Corpus(
        folder="f",
        articles=tuple(Article(source=s, text="t") for s in (wire, rewrite, credited, other)),
    )
    lines = [
        "the senate voted on thursday to extend the debt limit into early december",
        "the house is expected to take up the measure next week before the deadline",
    ]
    sents = [
        sentence("wire", 0, lines[0]),
        sentence("wire", 1, lines[1]),
        sentence("rewrite", 0, "In a late vote, " + lines[0] + ", officials said."),
        sentence("rewrite", 1, "Meanwhile " + lines[1] + " in October."),
        sentence("credited", 0, "Lawmakers reached a deal."),
        sentence("other", 0, "Senators voted on a short extension of the borrowing limit."),
    ]
    vectors = unit(
        [1, 0, 0, 0], [0, 1, 0, 0], [0, 0, 1, 0], [0, 0, 0, 1], [1, 1, 0, 0], [0, 1, 1, 0]
    )
    found = independent_reports(corpus, sents, sentence_neighbours(sents, vectors, 0.99))
    assert found == {"wire": "wire", "rewrite": "wire", "credited": "wire", "other": "other"}
