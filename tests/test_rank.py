from __future__ import annotations

import numpy as np

from briefing.config import RankConfig
from briefing.embed import NEURAL
from briefing.rank.score import concept_scores, mmr_order, pagerank, rank_claims, report_weights
from records import claim, sentence, source, story, unit


def test_syndicated_copies_count_as_one_report_at_the_best_credibility() -> None:
    c = claim("C1", "t", [sentence("ap", 0, "t"), sentence("copy", 0, "t"), sentence("x", 0, "t")])
    sources = {"ap": source("ap", 0.9), "copy": source("copy"), "x": source("x", 0.3)}
    marked = story([], sources, {"ap": "ap", "copy": "ap", "x": "x"}).sources
    weights = report_weights(c, marked)
    assert weights == {"ap": 0.9, "x": 0.3}


def test_pagerank_favours_the_hub_of_the_graph() -> None:
    vectors = unit([1, 0.2, 0], [1, -0.2, 0], [1, 0, 0.2], [0, 0, 1])
    ranks = pagerank(vectors, NEURAL.graph)
    assert int(np.argmax(ranks)) in (0, 1, 2)
    assert ranks[3] < ranks[:3].min()
    assert abs(float(ranks.sum()) - 1.0) < 1e-6


def test_mmr_skips_a_near_duplicate_of_what_is_already_chosen() -> None:
    scores = np.array([1.0, 0.95, 0.5])
    vectors = unit([1, 0], [1, 0.01], [0, 1])
    assert mmr_order(scores, vectors, NEURAL.redundancy_floor) == [0, 2, 1]


def test_corroborated_lead_claim_outranks_a_single_source_aside() -> None:
    text = "Summit leaders agreed terms"
    sents = [sentence(s, 0, text) for s in "abc"] + [sentence("c", 9, "Weather stayed cold", 0.9)]
    core = claim("C1", text, sents[:3], position=0.0)
    aside = claim("C2", "Weather stayed cold", sents[3:], position=0.9)
    sources = {s: source(s, 0.8) for s in "abc"}
    ranked = rank_claims([aside, core], unit([0, 1], [1, 0]), story(sents, sources), RankConfig())
    assert [c.id for c in ranked] == ["C1", "C2"]
    assert ranked[0].score > ranked[1].score


def test_concepts_score_words_shared_across_articles() -> None:
    sents = [
        sentence("a", 0, "Putin demanded guarantees"),
        sentence("b", 0, "Putin wanted guarantees"),
        sentence("c", 0, "Snowfall closed schools"),
    ]
    claims = [claim("C1", "Putin demanded guarantees", sents[:1]), claim("C2", "Snowfall", [])]
    # putin and guarantees are in 2 of 3 articles ((2-1)/2 each), demanded in one (0).
    assert concept_scores(claims, sents).tolist() == [1 / 3, 0.0]
