"""digest.html, audit.html, digest.md and feed.json never let article text open markup, links
or footnotes (hypothesis with the hostile-text strategies)."""

from __future__ import annotations

import json
from html.parser import HTMLParser

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from briefing.markup import markdown_parser
from briefing.models import (
    Brief,
    BriefSentence,
    Digest,
    DigestStory,
    Disagreement,
    Evidence,
    Suppressed,
)
from briefing.render.digest import render_digest_md, render_feed
from briefing.render.html import render_audit_html, render_digest_html
from briefing.render.markdown import footnote_problems, inline_tokens, safe_url
from hostile_text import TEXT
from records import sentence, source

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
# Every element the templates write; anything else came from the input.
TEMPLATE_TAGS = {
    "html", "head", "meta", "title", "body", "div", "h1", "h2", "h3", "p", "sup", "a", "ul",
    "ol", "li", "strong", "style", "main", "details", "summary", "mark", "span", "table", "tr",
    "th", "td",
}  # fmt: skip
URLS = st.one_of(st.none(), TEXT, st.just("https://example.com/a?b=1"), st.just("javascript:x"))


class Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.hrefs: list[str] = []
        self.ids: set[str] = set()
        self.attributes: set[str] = set()
        self.text: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            self.attributes.add(name)
            if name == "href" and value is not None:
                self.hrefs.append(value)
            if name == "id" and value is not None:
                self.ids.add(value)

    def handle_data(self, data: str) -> None:
        self.text.append(data)


def parsed(html: str) -> Page:
    page = Page()
    page.feed(html)
    return page


def assert_safe_html(html: str, urls: set[str]) -> None:
    page = parsed(html)
    assert set(page.tags) <= TEMPLATE_TAGS
    assert "script" not in page.tags and not any(a.startswith("on") for a in page.attributes)
    assert page.tags.count("style") <= 1
    for href in page.hrefs:
        if href.startswith("#"):
            assert href[1:] in page.ids  # every in-page footnote link resolves
        else:
            assert href in urls and safe_url(href)


def brief_of(text: str, title: str, outlet: str, url: str | None) -> Brief:
    a = source("a", 0.9, outlet=outlet, title=title, url=url)
    b = source("b", 0.9, outlet=text, url=text)
    c = source("c", 0.2, title=text)
    read = (sentence("a", 0, text), sentence("b", 1, "Plain words here."))
    evidence = Evidence(source_id="a", sentence=text, score=0.9, sentence_id="a:0")
    other = Evidence(source_id="b", sentence=title, score=0.9, sentence_id="b:1")
    return Brief(
        title=title,
        mode="extractive",
        sentences=(BriefSentence(text=text, citations=("a", "b"), evidence=(evidence, other)),),
        sources=(a, b, c),
        suppressed=(Suppressed(text=text, source_ids=("c",), reason=text),),
        disagreements=(
            Disagreement(kind="figure", detail=text, sides=(evidence, other), similarity=0.9),
        ),
        warnings=(text,),
        read=read,
    )


def digest_of(brief: Brief, text: str) -> Digest:
    single = source("d", None, title=text, url=text, published=text)
    stories = (
        DigestStory(
            id="s1", title=text, source_ids=("a", "b", "c"), independent_reports=2,
            credible_reports=2, latest="2026-11-29", brief=brief,
        ),
        DigestStory(
            id="s2", title=text, source_ids=("d",), independent_reports=1, credible_reports=0,
            latest=text, brief=None,
        ),
    )  # fmt: skip
    return Digest(folder=text or "x", stories=stories, sources=(*brief.sources, single))


def urls_of(digest: Digest) -> set[str]:
    return {s.url for s in digest.sources if s.url}


@SETTINGS
@given(TEXT, TEXT, TEXT, URLS)
def test_html_pages_never_carry_markup_from_the_input(
    text: str, title: str, outlet: str, url: str | None
) -> None:
    brief = brief_of(text, title, outlet, url)
    digest = digest_of(brief, text)
    assert_safe_html(render_audit_html(brief), urls_of(digest))
    assert_safe_html(render_digest_html(digest), urls_of(digest))


@SETTINGS
@given(TEXT, TEXT, TEXT, URLS)
def test_digest_md_and_feed_never_carry_markup_from_the_input(
    text: str, title: str, outlet: str, url: str | None
) -> None:
    digest = digest_of(brief_of(text, title, outlet, url), text)
    markdown = render_digest_md(digest)
    assert footnote_problems(markdown) == []
    parser = markdown_parser()
    tokens = parser.parse(markdown, {})
    assert not [t for t in tokens if t.type == "html_block"]
    kinds = {t.type for t in inline_tokens(tokens)}
    assert "html_inline" not in kinds and "image" not in kinds
    links = [t.attrGet("href") for t in inline_tokens(tokens) if t.type == "link_open"]
    # Links are the articles' own URLs, as the parser writes any href (percent-encoded).
    assert set(links) <= {parser.normalizeLink(url) for url in urls_of(digest)}
    feed = json.loads(render_feed(digest))
    assert all(safe_url(item.get("external_url", "https://x.y")) for item in feed["items"])


def test_the_evidence_sentence_is_marked_inside_its_paragraph() -> None:
    brief = brief_of("Xi backed <b>Putin</b>.", "Title", "AP", "https://apnews.com/x")
    page = render_audit_html(brief)
    assert "<mark>Xi backed &lt;b&gt;Putin&lt;/b&gt;.</mark>" in page
    assert "score 0.90" in page and "Suppressed claims" in page
    assert "0.20" in page  # the suppressed claim's source credibility
