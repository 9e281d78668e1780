from __future__ import annotations

from briefing.compose.base import ComposeInput
from briefing.compose.extractive import ExtractiveComposer
from briefing.compose.printable import Wording, best_member, tidy
from briefing.config import BriefingConfig, load_config
from records import claim, sentence, source


def _given(claims, sents, sources, config: BriefingConfig | None = None) -> ComposeInput:
    return ComposeInput(
        claims=tuple(claims),
        selected=tuple(claims),
        sentences={s.id: s for s in sents},
        sources=sources,
        config=config or BriefingConfig(),
    )


def test_tidy_fixes_spacing_doubled_stops_and_datelines() -> None:
    assert tidy("MOSCOW (AP) Xi backed Putin , the Kremlin said . .") == (
        "Xi backed Putin, the Kremlin said."
    )
    assert tidy("Ushakov said") == "Ushakov said."


def test_best_member_prefers_credible_attributed_standalone_wording() -> None:
    weak = sentence("low", 0, "He slammed the brutal plan.")
    strong = sentence("ap", 0, "Putin criticised the plan, the Kremlin said.")
    c = claim("C1", weak.text, [weak, strong])
    sources = {"low": source("low", 0.3), "ap": source("ap", 0.99)}
    chosen = best_member(c, Wording.of({s.id: s for s in (weak, strong)}, sources))
    assert chosen == strong


def test_selected_claims_are_printed_in_the_given_order_within_the_budget() -> None:
    sents = [
        sentence("a", 0, "The Biden-Xi summit was held by video link on Wednesday morning.", 0.0),
        sentence("a", 1, "Officials later described the talks as constructive and warm.", 0.6),
        sentence("a", 2, "Observers expect a further meeting in Beijing next February.", 0.9),
    ]
    claims = [
        claim("C3", sents[2].text, [sents[2]], 0.9),
        claim("C1", sents[0].text, [sents[0]], 0.0),
        claim("C2", sents[1].text, [sents[1]], 0.6),
    ]
    config = load_config(None, {"brief": {"sentences": 2}})
    out = ExtractiveComposer().compose(_given(claims, sents, {"a": source("a", 0.9)}, config))
    # The order is the selection's (rank.select_brief); the composer only prints.
    assert [s.claim_ids for s in out.sentences] == [("C3",), ("C1",)]
    words = load_config(None, {"brief": {"max_words": 12}})
    out = ExtractiveComposer().compose(_given(claims, sents, {"a": source("a", 0.9)}, words))
    assert [s.claim_ids for s in out.sentences] == [("C3",)]


def test_headline_is_the_best_matching_credible_title() -> None:
    s = sentence("a", 0, "Xi backed Putin's demand for security guarantees on Wednesday.")
    sources = {
        "a": source("a", 0.99, title="Xi backs Putin's demand for security guarantees"),
        "b": source("b", 0.2, title="Shop the best deals today"),
    }
    out = ExtractiveComposer().compose(_given([claim("C1", s.text, [s])], [s], sources))
    assert out.title == "Xi backs Putin's demand for security guarantees"
