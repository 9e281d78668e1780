"""Issue 11 at ingest: opinion pieces recognised, wire credits recorded, real-page clutter
dropped. Every page here is written for the tests (shaped like saved news pages)."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.config import IngestConfig
from briefing.errors import InputError
from briefing.ingest import read_corpus

CONFIG = IngestConfig()
BODY = (
    "The senator said on Tuesday that he would not vote for the climate bill in its current "
    "form, his office said in a statement.\n\nThe bill would fund roads, bridges and broadband "
    "across the state for a decade, according to the budget office."
)


def _source(tmp_path: Path, name: str, text: str, manifest: str | None = None):  # type: ignore[no-untyped-def]
    (tmp_path / name).write_text(text, encoding="utf-8")
    if manifest is not None:
        (tmp_path / "sources.csv").write_text(manifest, encoding="utf-8")
    return read_corpus(tmp_path, CONFIG).articles[0]


def test_a_news_report_is_news(tmp_path: Path) -> None:
    article = _source(tmp_path, "a.txt", f"Senator blocks climate bill\n\n{BODY}\n")
    assert (article.source.kind, article.source.kind_reason) == ("news", None)


def test_the_manifest_kind_column_wins(tmp_path: Path) -> None:
    manifest = "file,url,kind\na.txt,https://example.com/opinion/manchin,news\n"
    article = _source(tmp_path, "a.txt", BODY, manifest)
    assert (article.source.kind, article.source.kind_reason) == ("news", "given in the manifest")
    manifest = "file,kind\na.txt,analysis\n"
    article = _source(tmp_path, "a.txt", BODY, manifest)
    assert (article.source.kind, article.source.kind_reason) == ("opinion", "given in the manifest")


def test_a_bad_kind_names_the_row(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="is not news or opinion"):
        _source(tmp_path, "a.txt", BODY, "file,kind\na.txt,gossip\n")


def test_front_matter_kind_and_opinion_url(tmp_path: Path) -> None:
    article = _source(tmp_path, "a.md", f"---\nkind: opinion\n---\n{BODY}\n")
    assert (article.source.kind, article.source.kind_reason) == (
        "opinion",
        "given in the front matter",
    )
    manifest = "file,url\nb.txt,https://www.example.com/2021/09/19/opinions/manchin/index.html\n"
    (tmp_path / "a.md").unlink()
    article = _source(tmp_path, "b.txt", BODY, manifest)
    assert (article.source.kind, article.source.kind_reason) == ("opinion", "opinion URL path")


PAGE = """<html><head><title>Joe Manchin’s choice | Example Post</title>
<meta property="og:site_name" content="Example Post">
<meta property="article:section" content="{section}">
<script type="application/ld+json">{{"@type": "{kind}", "headline": "Manchin’s choice"}}</script>
</head><body><article><h1>Joe Manchin’s choice</h1>
<p>WASHINGTON (AP) — The senator said on Tuesday that he would not vote for the climate bill in
its current form, his office said in a statement.</p>
<p>Video: Dr Hilary suggests ways to keep warm this winter</p>
<p>The bill would fund roads, bridges and broadband across the state for a decade, according to
the budget office.</p>
<p>Lunch?</p>
<p>Аdvеrtіѕе wіth thе most visited news site in Веlіzе</p>
<p>Contact the reporter at jane.doe@example.com.</p>
<p>Our Standards: The Thomson Reuters Trust Principles.</p>
<p>The Associated Press contributed to this report.</p>
</article></body></html>"""


def test_a_saved_page_keeps_only_its_prose_and_reads_its_credit(tmp_path: Path) -> None:
    article = _source(tmp_path, "a.html", PAGE.format(section="Politics", kind="NewsArticle"))
    assert article.text.split("\n\n") == [
        "The senator said on Tuesday that he would not vote for the climate bill in its current "
        "form, his office said in a statement.",
        "The bill would fund roads, bridges and broadband across the state for a decade, "
        "according to the budget office.",
    ]
    assert article.source.wire_credit == "AP"
    assert article.source.kind == "news"
    reasons = {line.reason for line in article.dropped}
    assert {
        "video, audio or gallery teaser",
        "one-word line",
        "look-alike letters (advert)",
        "contact line",
        "standards or policy footer",
        "wire credit or reporting line (read as metadata)",
    } <= reasons


@pytest.mark.parametrize(
    ("section", "kind", "reason"),
    [
        ("Opinion", "NewsArticle", "page section or type 'Opinion'"),
        ("Politics", "OpinionNewsArticle", "page section or type 'OpinionNewsArticle'"),
    ],
)
def test_page_section_or_schema_type_marks_opinion(
    tmp_path: Path, section: str, kind: str, reason: str
) -> None:
    article = _source(tmp_path, "a.html", PAGE.format(section=section, kind=kind))
    assert (article.source.kind, article.source.kind_reason) == ("opinion", reason)


def test_the_manifest_outlet_names_its_opinion_section(tmp_path: Path) -> None:
    manifest = "file,outlet,url\na.txt,Example Post (Opinion),https://example.com/2021/a\n"
    article = _source(tmp_path, "a.txt", f"Senator blocks climate bill\n\n{BODY}\n", manifest)
    assert (article.source.kind, article.source.kind_reason) == (
        "opinion",
        "outlet named as its opinion section",
    )
    manifest = "file,outlet,domain\na.txt,A Review,nationalreview.com\n"
    article = _source(tmp_path, "a.txt", f"Senator blocks climate bill\n\n{BODY}\n", manifest)
    assert article.source.kind_reason == "publication of opinion and commentary"
    manifest = "file,outlet,domain\na.txt,Example Post,example.com\n"
    article = _source(tmp_path, "a.txt", f"Senator blocks climate bill\n\n{BODY}\n", manifest)
    assert (article.source.kind, article.source.kind_reason) == ("news", None)


@pytest.mark.parametrize("outlet", ["Example Post (News)", "Example Network (Online News)"])
def test_an_outlet_named_as_its_news_section_is_news_whatever_its_headline(
    tmp_path: Path, outlet: str
) -> None:
    arguing = "Newly revealed docs expose tax havens for rich and famous"
    manifest = f"file,outlet,url\na.txt,{outlet},https://example.com/2021/a\n"
    article = _source(tmp_path, "a.txt", f"{arguing}\n\n{BODY}\n", manifest)
    assert (article.source.kind, article.source.kind_reason) == ("news", None)
    plain = "file,outlet,url\na.txt,Example News,https://example.com/2021/a\n"
    article = _source(tmp_path, "a.txt", f"{arguing}\n\n{BODY}\n", plain)
    assert (article.source.kind, article.source.kind_reason) == ("opinion", "headline that argues")


@pytest.mark.parametrize(
    ("url", "head", "reason"),
    [
        ("https://example.com/opinion/2021/manchin", "", "opinion URL path"),
        ("https://example.com/2021/a", "Opinion by Jane Roe\n\n", "opinion byline or disclaimer"),
    ],
)
def test_the_page_s_own_opinion_marks_outrank_an_outlet_named_as_its_news_section(
    tmp_path: Path, url: str, head: str, reason: str
) -> None:
    manifest = f"file,outlet,url\na.txt,Example Network (Online News),{url}\n"
    text = f"Senator blocks climate bill\n\n{head}{BODY}\n"
    article = _source(tmp_path, "a.txt", text, manifest)
    assert (article.source.kind, article.source.kind_reason) == ("opinion", reason)
    labelled = f"Opinion | Senator blocks climate bill\n\n{BODY}\n"
    plain = "file,outlet,url\na.txt,Example Post (News),https://example.com/2021/a\n"
    article = _source(tmp_path, "a.txt", labelled, plain)
    assert (article.source.kind, article.source.kind_reason) == (
        "opinion",
        "opinion headline label",
    )
    article = _source(tmp_path, "a.txt", f"Senator blocks climate bill\n\n{BODY}\n", plain)
    assert (article.source.kind, article.source.kind_reason) == ("news", None)


def test_an_opinion_byline_is_read_before_the_cleaner_drops_it(tmp_path: Path) -> None:
    text = f"Senator blocks climate bill\n\nOpinion by Jane Roe\n\n{BODY}\n"
    article = _source(tmp_path, "a.txt", text)
    assert (article.source.kind, article.source.kind_reason) == (
        "opinion",
        "opinion byline or disclaimer",
    )
    bio = f"{BODY}\n\nJane Roe is a columnist for The Example Post.\n"
    article = _source(tmp_path, "a.txt", f"Senator blocks climate bill\n\n{bio}")
    assert article.source.kind == "opinion"


def test_an_imperative_headline_is_opinion_and_a_quoted_call_to_act_is_news(
    tmp_path: Path,
) -> None:
    text = f"Vaccinate the World before Starting Boosters\n\n{BODY}\n"
    article = _source(tmp_path, "a.txt", text)
    assert (article.source.kind, article.source.kind_reason) == ("opinion", "imperative headline")
    quoted = (
        "Senator urges action on climate bill\n\n“We must act,” the senator said on Tuesday, "
        "and his office said he would not vote for the bill in its current form.\n\n"
        "The bill would fund roads, bridges and broadband across the state for a decade, "
        "according to the budget office.\n"
    )
    article = _source(tmp_path, "a.txt", quoted)
    assert (article.source.kind, article.source.kind_reason) == ("news", None)


@pytest.mark.parametrize(
    "headline",
    [
        "Despite the surge, hospitals keep beds free",
        "Half the staff quit the agency",
        "Snow this weekend to hit the Northeast",
        "Vaccinate the world, WHO chief says",
        "Crash closes I-95 near Baltimore",
        "Passengers must wear masks on trains until March",
        "What you should know about the booster",
    ],
)
def test_news_headlines_of_imperative_or_obligation_shape_are_news(
    tmp_path: Path, headline: str
) -> None:
    article = _source(tmp_path, "a.txt", f"{headline}\n\n{BODY}\n")
    assert (article.source.kind, article.source.kind_reason) == ("news", None)


def test_a_sentence_that_opens_like_an_analysis_byline_is_news(tmp_path: Path) -> None:
    text = (
        "Cases rise in the region\n\nAnalysis by the CDC found cases rose by a third in "
        f"December, the agency said on Tuesday.\n\n{BODY}\n"
    )
    article = _source(tmp_path, "a.txt", text)
    assert (article.source.kind, article.source.kind_reason) == ("news", None)
    byline = f"Cases rise in the region\n\nAnalysis by John Doe, Example News\n\n{BODY}\n"
    article = _source(tmp_path, "a.txt", byline)
    assert (article.source.kind, article.source.kind_reason) == ("opinion", "analysis byline")


def test_a_page_with_a_rubric_of_analysis_is_an_analysis_and_a_plain_label_is_news(
    tmp_path: Path,
) -> None:
    rubric = "The big picture: Anything short of failure could change daily life for millions."
    article = _source(tmp_path, "a.txt", f"Senator blocks climate bill\n\n{BODY}\n\n{rubric}\n")
    assert (article.source.kind, article.source.kind_reason) == (
        "opinion",
        "rubric of analysis in the page",
    )
    label = "Why it matters: The bill would have funded roads in the state for a decade."
    article = _source(tmp_path, "a.txt", f"Senator blocks climate bill\n\n{BODY}\n\n{label}\n")
    assert (article.source.kind, article.source.kind_reason) == ("news", None)
