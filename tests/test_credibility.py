"""Ratings lookup, origin order, labels, and the suppression policy."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from briefing.config import UNKNOWN_CREDIBILITY, CredibilityConfig
from briefing.credibility import (
    candidate_keys,
    label_for,
    load_ratings,
    lookup,
    rate_corpus,
    resolved,
    suppress,
)
from briefing.errors import InputError
from briefing.models import (
    Article,
    BriefSentence,
    Claim,
    Corpus,
    Evidence,
    Source,
    Suppressed,
)

CONFIG = CredibilityConfig()
TABLE = {"example.com": 0.9, "theguardian.com": 0.75, "theguardian.com/observer": 0.72}


def article(
    text: str = "Plain text without any credit.",
    identity: str | None = None,
    dropped_credit: str | None = None,
    **source: object,
) -> Article:
    from briefing.models import DroppedLine

    dropped = (DroppedLine(line_no=9, text=dropped_credit, reason="x"),) if dropped_credit else ()
    return Article(
        source=Source(id="a", path="a.txt", **source),  # type: ignore[arg-type]
        text=text,
        dropped=dropped,
        identity_origin=identity,  # type: ignore[arg-type]
    )


def rated(one: Article, config: CredibilityConfig = CONFIG) -> Source:
    return rate_corpus(Corpus(folder="f", articles=(one,)), config).articles[0].source


def test_shipped_table_has_the_paper_scores() -> None:
    table = load_ratings()
    assert table["apnews.com"] == pytest.approx(0.998049)
    assert table["rt.com"] == pytest.approx(0.293277)
    assert "chiangraitimes.com" not in table
    assert load_ratings() is table


@pytest.mark.parametrize(
    ("value", "keys"),
    [
        ("www.example.com", ["example.com"]),
        ("edition.cnn.com", ["edition.cnn.com", "cnn.com"]),
        ("theguardian.com/observer", ["theguardian.com/observer", "theguardian.com"]),
        (
            "https://www.theguardian.com/Observer/news?x=1",
            ["theguardian.com/observer/news", "theguardian.com/observer", "theguardian.com"],
        ),
    ],
)
def test_candidate_keys(value: str, keys: list[str]) -> None:
    assert candidate_keys(value) == keys


@pytest.mark.parametrize(
    ("value", "found"),
    [
        ("news.example.com", ("example.com", 0.9)),
        ("www.example.com", ("example.com", 0.9)),
        ("https://amp.theguardian.com/observer/2021/story", ("theguardian.com/observer", 0.72)),
        ("theguardian.com/world", ("theguardian.com", 0.75)),
        ("example.org", None),
    ],
)
def test_lookup_full_key_then_parents(value: str, found: tuple[str, float] | None) -> None:
    assert lookup(TABLE, value) == found


@pytest.mark.parametrize(
    ("score", "label"),
    [(None, "unknown"), (0.75, "high"), (0.7499, "medium"), (0.5, "medium"), (0.29, "low")],
)
def test_labels_from_default_thresholds(score: float | None, label: str) -> None:
    assert label_for(score, CONFIG) == label


def test_thresholds_are_configurable() -> None:
    strict = CredibilityConfig(high_threshold=0.95, medium_threshold=0.9)
    assert label_for(0.92, strict) == "medium"
    assert label_for(0.8, strict) == "low"


def test_origin_order_manifest_then_table_then_byline_then_default() -> None:
    manifest = article(
        domain="apnews.com", credibility=0.2, credibility_origin="manifest", identity="manifest"
    )
    assert (rated(manifest).credibility, rated(manifest).credibility_label) == (0.2, "low")
    labelled = article(credibility=0.875, credibility_label="high", credibility_origin="manifest")
    assert rated(labelled).credibility_label == "high"
    table = rated(article(domain="www.rt.com", identity="manifest"))
    assert (table.credibility_label, table.credibility_origin) == ("low", "ratings table")
    by_url = rated(article(url="https://apnews.com/article/x"))
    assert (by_url.credibility_label, by_url.credibility_origin) == ("high", "ratings table")
    byline = rated(article(text="MOSCOW (AP) — The talks went on."))
    assert (byline.credibility_label, byline.credibility_origin) == ("high", "byline")
    credit = rated(article(dropped_credit="Source: Reuters"))
    assert (credit.credibility, credit.credibility_origin) == (1.0, "byline")
    unknown = rated(article())
    assert (unknown.credibility, unknown.credibility_label, unknown.credibility_origin) == (
        None,
        "unknown",
        "default",
    )


def test_byline_never_overrides_a_named_outlet() -> None:
    named = article(
        text="Story text.",
        dropped_credit="Source: The Associated Press",
        identity="manifest",
        outlet="CTN News",
        domain="chiangraitimes.com",
    )
    assert (rated(named).credibility_label, rated(named).credibility_origin) == (
        "unknown",
        "default",
    )


def test_user_ratings_replace_the_shipped_table(tmp_path: Path) -> None:
    path = tmp_path / "mine.csv"
    path.write_text("# my ratings\ndomain,score\nchiangraitimes.com,0.6\n", encoding="utf-8")
    config = CredibilityConfig(ratings=path)
    assert rated(article(domain="chiangraitimes.com"), config).credibility_label == "medium"
    assert rated(article(domain="apnews.com"), config).credibility_label == "unknown"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("domain,score\nexample.com,high\n", "line 2: score 'high' is not a number"),
        ("example.com,1.2\n", "line 1: score '1.2' is outside"),
        ("example.com\n", "line 1: expected domain,score"),
        ("# nothing\n", "no rows"),
    ],
)
def test_invalid_user_ratings(tmp_path: Path, content: str, message: str) -> None:
    path = tmp_path / f"bad{abs(hash(content))}.csv"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        load_ratings(path)


def test_missing_user_ratings(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read the ratings table"):
        load_ratings(tmp_path / "absent.csv")


def source(source_id: str, label: str) -> Source:
    return Source(id=source_id, path=f"{source_id}.txt", credibility_label=label)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("label", "unknown_as", "low"),
    [
        ("low", "low", True),
        ("unknown", "low", True),
        ("unknown", "medium", False),
        ("medium", "low", False),
    ],
)
def test_is_low(label: str, unknown_as: str, low: bool) -> None:
    config = CredibilityConfig(unknown_as=unknown_as)  # type: ignore[arg-type]
    assert config.is_low(source("x", label).credibility_label) is low


def with_policy(
    sources: dict[str, Source], independent: dict[str, str], config: CredibilityConfig = CONFIG
) -> dict[str, Source]:
    """The sources as the pipeline hands them on: policy resolved, copies marked."""
    return {
        sid: resolved(s, config).model_copy(update={"report_id": independent[sid]})
        for sid, s in sources.items()
    }


def claim(claim_id: str, *source_ids: str) -> Claim:
    return Claim(
        id=claim_id,
        text=f"claim {claim_id}",
        member_ids=(),
        source_ids=source_ids,
        evidence=(),
        position=0.0,
    )


def test_suppress_single_low_report_only() -> None:
    sources = {
        "rt": source("rt", "low"),
        "rt_copy": source("rt_copy", "unknown"),
        "ap": source("ap", "high"),
        "blog": source("blog", "low"),
    }
    independent = {"rt": "rt", "rt_copy": "rt", "ap": "ap", "blog": "blog"}
    claims = [
        claim("c1", "rt"),
        claim("c2", "rt", "rt_copy"),
        claim("c3", "ap"),
        claim("c4", "rt", "blog"),
        claim("c5", "rt", "ap"),
    ]
    kept, suppressed = suppress(claims, with_policy(sources, independent))
    assert [c.id for c in kept] == ["c3", "c4", "c5"]
    assert suppressed == (
        Suppressed(text="claim c1", source_ids=("rt",), reason="single low-credibility source"),
        Suppressed(
            text="claim c2", source_ids=("rt", "rt_copy"), reason="single low-credibility source"
        ),
    )
    lenient = CredibilityConfig(unknown_as="medium")
    kept, suppressed = suppress(claims, with_policy(sources, independent, lenient))
    assert [s.text for s in suppressed] == ["claim c1"]


def test_label_follows_the_rounded_score_that_is_shown() -> None:
    # 0.7496 is shown as 0.750, so it must be labelled high like 0.755 beside it.
    table = {"a.example": 0.7496, "b.example": 0.755, "c.example": 0.7494}
    scores = {}
    for domain in table:
        source = rate_source_with(domain, table)
        scores[domain] = (source.credibility, source.credibility_label)
    assert scores == {
        "a.example": (0.75, "high"),
        "b.example": (0.755, "high"),
        "c.example": (0.749, "medium"),
    }
    given = rated(article(credibility=0.7496, credibility_origin="manifest", identity="manifest"))
    assert (given.credibility, given.credibility_label) == (0.75, "high")


def rate_source_with(domain: str, table: dict[str, float]) -> Source:
    from briefing.credibility import rate_source

    return rate_source(article(domain=domain, identity="manifest"), table, CONFIG)


def test_suppression_waits_for_corroboration_by_another_report() -> None:
    """Issue 12: a claim of one low-credibility source that another independent source states
    in other words is corroborated, kept, and supported by both; a copy does not corroborate."""
    sources = {"rt": source("rt", "low"), "ap": source("ap", "high"), "copy": source("copy", "low")}
    independent = {"rt": "rt", "ap": "ap", "copy": "rt"}
    said = Evidence(source_id="ap", sentence="AP words it otherwise.", score=0.7, part=None)
    copied = Evidence(source_id="copy", sentence="The same words.", score=1.0)

    def corroborate(texts: Sequence[str]) -> list[BriefSentence]:
        return [
            BriefSentence(text=t, citations=("ap",), evidence=(said,))
            if t == "claim c1"
            else BriefSentence(text=t, citations=("copy",), evidence=(copied,))
            for t in texts
        ]

    claims = [claim("c1", "rt"), claim("c2", "rt")]
    kept, suppressed = suppress(claims, with_policy(sources, independent), corroborate)
    assert [(c.id, c.source_ids) for c in kept] == [("c1", ("ap", "rt"))]
    assert [s.text for s in suppressed] == ["claim c2"]
    # Unknown credibility still counts as low: nothing corroborates, both are suppressed.
    kept, suppressed = suppress(claims, with_policy(sources, independent))
    assert not kept and len(suppressed) == 2


def test_an_unrated_source_stands_after_every_rated_one_and_weighs_as_unknown() -> None:
    unrated, worst = Source(id="u", path="u"), Source(id="w", path="w", credibility=0.0)
    assert unrated.standing < worst.standing == 0.0
    assert unrated.weight == UNKNOWN_CREDIBILITY
