from __future__ import annotations

import numpy as np

from briefing.rank import mmr_order, pagerank, rank_claims, report_weights
from records import claim, sentence, source, unit


def test_syndicated_copies_count_as_one_report_at_the_best_credibility() -> None:
    c = claim("C1", "t", [sentence("ap", 0, "t"), sentence("copy", 0, "t"), sentence("x", 0, "t")])
    sources = {"ap": source("ap", 0.9), "copy": source("copy"), "x": source("x", 0.3)}
    weights = report_weights(c, sources, {"ap": "ap", "copy": "ap", "x": "x"})
    assert weights == {"ap": 0.9, "x": 0.3}


def test_pagerank_favours_the_hub_of_the_graph() -> None:
    vectors = unit([1, 0.2, 0], [1, -0.2, 0], [1, 0, 0.2], [0, 0, 1])
    ranks = pagerank(vectors)
    assert int(np.argmax(ranks)) in (0, 1, 2)
    assert ranks[3] < ranks[:3].min()
    assert abs(float(ranks.sum()) - 1.0) < 1e-6


def test_mmr_skips_a_near_duplicate_of_what_is_already_chosen() -> None:
    scores = np.array([1.0, 0.95, 0.5])
    vectors = unit([1, 0], [1, 0.01], [0, 1])
    assert mmr_order(scores, vectors) == [0, 2, 1]


def test_corroborated_lead_claim_outranks_a_single_source_aside() -> None:
    core = claim(
        "C1",
        "core",
        [sentence("a", 0, "core"), sentence("b", 0, "core"), sentence("c", 0, "core")],
        position=0.0,
    )
    aside = claim("C2", "aside", [sentence("c", 9, "aside", 0.9)], position=0.9)
    sources = {s: source(s, 0.8) for s in "abc"}
    ranked = rank_claims([aside, core], unit([0, 1], [1, 0]), sources, {s: s for s in "abc"})
    assert [c.id for c in ranked] == ["C1", "C2"]
    assert ranked[0].score > ranked[1].score
