from __future__ import annotations

import numpy as np

from briefing.claims import (
    build_claims,
    claim_vectors,
    drop_clutter,
    independent_reports,
    looks_like_clutter,
)
from briefing.models import Article, Corpus
from records import claim, sentence, source, unit


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
    claims = build_claims(sents, vectors, threshold=0.7)
    members = sorted(c.member_ids for c in claims)
    assert members == [("b:0", "a:0"), ("c:0",), ("c:1",)]
    pair = next(c for c in claims if len(c.member_ids) == 2)
    assert pair.source_ids == ("a", "b")
    assert [e.source_id for e in pair.evidence] == ["a", "b"]
    assert [c.id for c in claims] == ["C1", "C2", "C3"]


def test_sentences_of_one_article_never_cluster_together() -> None:
    sents = [
        sentence("a", 0, "Same words here now.", 0.0),
        sentence("a", 1, "Same words here now."),
    ]
    claims = build_claims(sents, unit([1, 0], [1, 0]), threshold=0.5)
    assert len(claims) == 2


def test_claim_vectors_average_members() -> None:
    sents = [sentence("a", 0, "x"), sentence("b", 0, "y")]
    vectors = unit([1, 0], [0, 1])
    claims = build_claims(sents, vectors, threshold=0.0)
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
    assert independent_reports(corpus, sents, vectors) == {
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
