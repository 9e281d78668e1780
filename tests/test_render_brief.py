"""brief.md, audit.md and brief.json rendered from tiny Brief records, parsed back and checked."""

from __future__ import annotations

import json
import math
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from briefing.errors import BriefingError
from briefing.models import (
    Brief,
    BriefSentence,
    Evidence,
    Neutrality,
    Skipped,
    Source,
    SourceStats,
    Suppressed,
)
from briefing.render.audit import render_audit_md
from briefing.render.brief_md import DEFAULT_TITLE, EMPTY_BRIEF, render_brief_md
from briefing.render.json_out import render_json
from briefing.render.markdown import (
    RenderError,
    footnote_numbers,
    footnote_problems,
    inline_tokens,
    markdown_parser,
    plain_text,
)
from hostile_text import TEXT

# --- builders -------------------------------------------------------------------------------


def source(sid: str, **fields: Any) -> Source:
    return Source(id=sid, path=fields.pop("path", f"{sid}.txt"), **fields)


def sentence(text: str, *cites: str, **fields: Any) -> BriefSentence:
    evidence = tuple(Evidence(source_id=s, sentence=f"{s} says {text}", score=0.9) for s in cites)
    fields.setdefault("evidence", evidence)
    return BriefSentence(text=text, citations=cites, **fields)


def brief(*sentences: BriefSentence, sources: tuple[Source, ...] = (), **fields: Any) -> Brief:
    sources = sources or tuple(
        source(sid) for sid in dict.fromkeys(c for s in sentences for c in s.citations)
    )
    fields.setdefault("title", "Summit")
    fields.setdefault("mode", "extractive")
    return Brief(
        sentences=sentences, sources=sources, suppressed=fields.pop("suppressed", ()), **fields
    )


def html_parser() -> MarkdownIt:
    """A parser that does render raw HTML, as GitHub and most viewers do."""
    return MarkdownIt("commonmark", {"html": True}).enable("table")


def body_segments(markdown: str) -> list[list[tuple[str, list[str]]]]:
    """Per body paragraph: (sentence text, footnote labels) as the parser sees them."""
    tokens = markdown_parser().parse(markdown)
    paragraphs: list[list[tuple[str, list[str]]]] = []
    depth = 0
    for index, token in enumerate(tokens):
        depth += {"footnote_block_open": 1, "footnote_block_close": -1}.get(token.type, 0)
        if token.type == "paragraph_open" and depth == 0:
            paragraphs.append(_segments(tokens[index + 1].children or []))
    return paragraphs


def _segments(children: list[Token]) -> list[tuple[str, list[str]]]:
    segments: list[tuple[str, list[str]]] = []
    previous = ""
    for child in children:
        assert child.type in {"text", "footnote_ref"}, child.type
        if child.type == "text" and previous != "text":
            joiner = " " if segments else ""
            assert child.content.startswith(joiner)
            segments.append((child.content.removeprefix(joiner), []))
        elif child.type == "text":
            segments[-1] = (segments[-1][0] + child.content, segments[-1][1])
        elif previous != "footnote_ref" and previous != "text":
            segments.append(("", [child.meta["label"]]))
        else:
            segments[-1][1].append(child.meta["label"])
        previous = child.type
    return segments


def tables(markdown: str) -> list[list[list[str]]]:
    """Every table as rows of cell texts (header row first), asserting cells hold only text."""
    found: list[list[list[str]]] = []
    for token in markdown_parser().parse(markdown):
        if token.type == "table_open":
            found.append([])
        elif token.type == "tr_open":
            found[-1].append([])
        elif token.type == "inline" and found and token.level > 2:
            assert {child.type for child in token.children or ()} <= {"text"}
            found[-1][-1].append("".join(child.content for child in token.children or ()))
        elif token.type == "table_close":
            found[-1] = [row for row in found[-1] if row]
    return found


# --- brief.md -------------------------------------------------------------------------------


def test_brief_md_exact() -> None:
    sources = (
        source("a", outlet="Reuters", title="Xi backs Putin", published="2021-12-15"),
        source("b", outlet="AP", url="https://apnews.com/x"),
        source("c", path="c.md"),
    )
    given_brief = brief(
        sentence("Xi backed Putin.", "b", "a"),
        sentence("Troops <massed>.", "a"),
        sentence("NATO [^1] replied.", "c", "b", paragraph=1),
        sources=sources,
        title="Xi and Putin talk",
    )
    assert render_brief_md(given_brief) == (
        "# Xi and Putin talk\n\n"
        "Xi backed Putin.[^1][^2] Troops \\<massed\\>.[^2]\n\n"
        "NATO \\[\\^1\\] replied.[^1][^3]\n\n"
        "[^1]: AP — <https://apnews.com/x>\n"
        '[^2]: Reuters — "Xi backs Putin", 2021-12-15\n'
        "[^3]: c.md\n"
    )


def test_footnotes_numbered_by_first_citation() -> None:
    sentences = (sentence("x", "c", "a"), sentence("y", "b", "a"), sentence("z", "c"))
    assert footnote_numbers(sentences) == {"c": 1, "a": 2, "b": 3}


def test_brief_md_parses_to_sentences_with_their_references() -> None:
    given_brief = brief(
        sentence("One *two*", "a", "b"),
        sentence("", "b"),
        sentence("Three\\", "c", paragraph=2),
        sentence("Four!", "a", paragraph=2),
    )
    markdown = render_brief_md(given_brief)
    assert footnote_problems(markdown) == []
    assert body_segments(markdown) == [
        [("One *two*", ["1", "2"]), ("", ["2"])],
        [("Three\\", ["3"]), ("Four!", ["1"])],
    ]


def test_paragraph_numbers_need_not_be_contiguous() -> None:
    given_brief = brief(sentence("A.", "a", paragraph=3), sentence("B.", "a", paragraph=0))
    assert [len(p) for p in body_segments(render_brief_md(given_brief))] == [1, 1]


def test_fallback_leaves_brief_md_unchanged() -> None:
    plain = brief(sentence("A.", "a"))
    fell_back = brief(sentence("A.", "a"), mode="abstractive", fallback_reason="too little")
    assert render_brief_md(plain) == render_brief_md(fell_back)


def test_empty_brief_says_so() -> None:
    assert render_brief_md(brief()) == f"# Summit\n\n{EMPTY_BRIEF}\n"
    assert render_brief_md(brief(title="\x00 ")) == f"# Brief\n\n{EMPTY_BRIEF}\n"


def test_uncited_sentence_is_a_bug() -> None:
    with pytest.raises(RenderError, match="without a citation") as caught:
        render_brief_md(brief(BriefSentence(text="A.", citations=(), evidence=())))
    assert caught.value.exit_code == 1
    assert isinstance(caught.value, BriefingError)


def test_citation_of_unknown_source_is_a_bug() -> None:
    with pytest.raises(RenderError, match="'zz'"):
        render_brief_md(brief(sentence("A.", "zz"), sources=(source("a"),)))


# --- audit.md -------------------------------------------------------------------------------


def audited_brief() -> Brief:
    sources = (
        source(
            "a",
            outlet="Reuters",
            credibility=0.9,
            credibility_label="high",
            credibility_origin="ratings table",
        ),
        source(
            "b", path="b.md", credibility=0.2, credibility_label="low", credibility_origin="byline"
        ),
        source("c", domain="wire.com", credibility=None),
    )
    return brief(
        BriefSentence(
            text="Xi | backed Putin.",
            citations=("a", "b"),
            evidence=(
                Evidence(source_id="b", sentence="Xi <supported> Putin.", score=0.80123),
                Evidence(source_id="a", sentence="Xi backed Putin.", score=0.9),
            ),
        ),
        sentence("Troops massed.", "b", low_credibility_only=True),
        sources=sources,
        title="Summit",
        mode="abstractive",
        model="flan-t5",
        fallback_reason="only 1 of 5 generated sentences were supported",
        suppressed=(
            Suppressed(
                text="A [lie](x).", source_ids=("b",), reason="single low-credibility source"
            ),
        ),
        dropped=(Suppressed(text="Made up.", source_ids=(), reason="no source supports it"),),
        stats=(
            SourceStats(
                source_id="a",
                sentences_read=10,
                boilerplate_dropped=2,
                claims_used=1,
                claims_suppressed=0,
            ),
            SourceStats(
                source_id="c",
                sentences_read=9,
                boilerplate_dropped=0,
                claims_used=0,
                claims_suppressed=0,
                duplicate_of="a",
            ),
        ),
        neutrality=Neutrality(attributed_share=0.5, loaded_words=("slammed", "*regime*")),
        skipped=(Skipped(path="x.bin", reason="binary file"),),
    )


def test_audit_tables_exact() -> None:
    found = tables(render_audit_md(audited_brief()))
    assert found == [
        [
            ["#", "Sentence", "Status", "Sources cited", "Supporting sentence (score)"],
            [
                "1",
                "Xi | backed Putin.",
                "supported",
                "(1) Reuters (a.txt) (2) b.md",
                "(1) 0.90 “Xi backed Putin.” (2) 0.80 “Xi <supported> Putin.”",
            ],
            [
                "2",
                "Troops massed.",
                "low-credibility sources only",
                "(1) b.md",
                "(1) 0.90 “b says Troops massed.”",
            ],
        ],
        [
            ["Claim", "Source", "Credibility", "Reason"],
            ["A [lie](x).", "b.md", "0.200 low (byline)", "single low-credibility source"],
        ],
        [
            [
                "Outlet",
                "File",
                "Credibility",
                "Label",
                "Origin",
                "Sentences read",
                "Boilerplate dropped",
                "Claims used",
                "Claims suppressed",
                "Note",
            ],
            ["Reuters", "a.txt", "0.900", "high", "ratings table", "10", "2", "1", "0", "—"],
            ["—", "b.md", "0.200", "low", "byline", "—", "—", "—", "—", "—"],
            [
                "wire.com",
                "c.txt",
                "—",
                "unknown",
                "default",
                "9",
                "0",
                "0",
                "0",
                "counted as one report with Reuters (a.txt)",
            ],
        ],
        [["Generated sentence", "Reason"], ["Made up.", "no source supports it"]],
        [["File", "Reason"], ["x.bin", "binary file"]],
    ]


def test_audit_header_and_neutrality_exact() -> None:
    markdown = render_audit_md(audited_brief())
    head, _, rest = markdown.partition("## Sentences")
    assert head == (
        "# Citation audit: Summit\n\n"
        "Mode: abstractive; model: flan-t5.\n\n"
        "Fell back to the extractive brief: only 1 of 5 generated sentences were supported\n\n"
        "2 sentences; 2 of 3 sources cited; 1 claim suppressed; 1 generated sentence dropped.\n\n"
    )
    assert rest.endswith(
        "## Neutrality\n\nAttributed sentences: 50%.\n\n"
        "Loaded words found: slammed, \\*regime\\*.\n"
    )


def test_audit_of_empty_sections_says_none() -> None:
    markdown = render_audit_md(brief(sentence("A.", "a")))
    assert "## Suppressed claims\n\nNone.\n\n" in markdown
    assert "## Dropped generated sentences\n\nNone.\n\n" in markdown
    assert "## Skipped files\n\nNone.\n\n" in markdown
    assert markdown.endswith("## Neutrality\n\nNot measured.\n")


def test_audit_of_cited_draft_counts_and_explains_a_partly_supported_sentence() -> None:
    why = "partly supported: number '300' is in no supporting sentence"
    partly = sentence("Troops and 300 tanks.", "a").model_copy(
        update={"supported": False, "reason": why, "unsupported_parts": ("number '300'",)}
    )
    draft = brief(partly, sources=(source("a", outlet="AP"),), title="My draft")
    markdown = render_audit_md(draft, kind="cite")
    assert "1 draft sentence: 0 supported, 1 partly supported, 0 unsupported.\n" in markdown
    assert tables(markdown)[0][1][2] == why


def test_audit_of_cited_draft_shows_unsupported_and_nearest() -> None:
    nearest = Evidence(source_id="a", sentence="Close | but no.", score=0.41)
    draft = brief(
        sentence("Supported.", "a"),
        BriefSentence(
            text="Invented.", citations=(), evidence=(), supported=False, nearest=nearest
        ),
        BriefSentence(text="Nothing near.", citations=(), evidence=(), supported=False),
        sources=(source("a", outlet="AP"),),
        title="My draft",
    )
    markdown = render_audit_md(draft, kind="cite")
    assert markdown.startswith(
        "# Citation audit of the draft: My draft\n\n"
        "3 draft sentences: 1 supported, 2 unsupported.\n\n"
    )
    assert "Dropped generated sentences" not in markdown
    assert tables(markdown)[0][2:] == [
        ["2", "Invented.", "unsupported", "—", "nearest: AP (a.txt), 0.41 “Close | but no.”"],
        ["3", "Nothing near.", "unsupported", "—", "nearest: none found"],
    ]


# --- brief.json -----------------------------------------------------------------------------

CONTRACT_KEYS = ["title", "mode", "model", "sentences", "sources", "suppressed"]
EXTRA_KEYS = [
    "fallback_reason",
    "dropped",
    "stats",
    "neutrality",
    "skipped",
    "kind",
    "disagreements",
    "warnings",
]
SOURCE_KEYS = [
    "id",
    "path",
    "outlet",
    "domain",
    "url",
    "title",
    "published",
    "credibility",
    "credibility_label",
    "credibility_origin",
    # issue 11: opinion or news, why, and the wire agency a credit line names
    "kind",
    "kind_reason",
    "wire_credit",
]
SENTENCE_KEYS = [
    "text",
    "citations",
    "evidence",
    "supported",
    "claim_ids",
    "low_credibility_only",
    "paragraph",
    "nearest",
    # issue 12: why a sentence is not (fully) supported, its unsupported parts, vetoed sources
    "reason",
    "unsupported_parts",
    "rejected",
]
# issue 12: the part of the sentence an evidence supports, its sentences, a veto's reason
EVIDENCE_EXTRA = {"part": None, "sentence_ids": [], "reason": None}


def test_json_fields_exact() -> None:
    data = json.loads(render_json(audited_brief()))
    assert list(data) == CONTRACT_KEYS + EXTRA_KEYS
    assert [list(s) for s in data["sources"]] == [SOURCE_KEYS] * 3
    assert [list(s) for s in data["sentences"]] == [SENTENCE_KEYS] * 2
    assert data["sentences"][0]["evidence"] == [
        {"source_id": "b", "sentence": "Xi <supported> Putin.", "score": 0.8012} | EVIDENCE_EXTRA,
        {"source_id": "a", "sentence": "Xi backed Putin.", "score": 0.9} | EVIDENCE_EXTRA,
    ]
    assert data["sentences"][0]["citations"] == ["a", "b"]
    assert data["suppressed"] == [
        {"text": "A [lie](x).", "source_ids": ["b"], "reason": "single low-credibility source"}
    ]
    assert data["sources"][1] == {
        "id": "b",
        "path": "b.md",
        "outlet": None,
        "domain": None,
        "url": None,
        "title": None,
        "published": None,
        "credibility": 0.2,
        "credibility_label": "low",
        "credibility_origin": "byline",
        "kind": "news",
        "kind_reason": None,
        "wire_credit": None,
    }
    assert data["neutrality"] == {"attributed_share": 0.5, "loaded_words": ["slammed", "*regime*"]}
    assert data["stats"][1]["duplicate_of"] == "a"
    assert data["skipped"] == [{"path": "x.bin", "reason": "binary file"}]
    assert (data["kind"], data["mode"], data["model"]) == ("brief", "abstractive", "flan-t5")


def test_json_sources_sorted_by_id_and_text_unescaped() -> None:
    given_brief = brief(sentence("Zürich — “quoted”", "z", "a"), sources=(source("z"), source("a")))
    text = render_json(given_brief)
    assert [s["id"] for s in json.loads(text)["sources"]] == ["a", "z"]
    assert "Zürich — “quoted”" in text
    assert text.endswith("}\n") and not text.endswith("\n\n")


def test_json_is_byte_deterministic_under_float_noise() -> None:
    first = brief(sentence("A.", "a", evidence=(Evidence(source_id="a", sentence="A", score=0.3),)))
    noisy = brief(
        sentence("A.", "a", evidence=(Evidence(source_id="a", sentence="A", score=0.1 + 0.2),))
    )
    assert render_json(first) == render_json(noisy)
    negative_zero = brief(
        sentence("A.", "a", evidence=(Evidence(source_id="a", sentence="A", score=-1e-9),))
    )
    assert '"score": 0.0' in render_json(negative_zero)


def test_json_cite_kind_marks_support() -> None:
    nearest = Evidence(source_id="a", sentence="Near.", score=0.33333)
    draft = brief(
        sentence("Yes.", "a"),
        BriefSentence(text="No.", citations=(), evidence=(), supported=False, nearest=nearest),
    )
    data = json.loads(render_json(draft, kind="cite"))
    assert data["kind"] == "cite"
    assert [(s["supported"], s["citations"]) for s in data["sentences"]] == [
        (True, ["a"]),
        (False, []),
    ]
    assert (
        data["sentences"][1]["nearest"]
        == {
            "source_id": "a",
            "sentence": "Near.",
            "score": 0.3333,
        }
        | EVIDENCE_EXTRA
    )


def test_json_refuses_non_finite_score() -> None:
    bad = brief(
        sentence("A.", "a", evidence=(Evidence(source_id="a", sentence="A", score=math.nan),))
    )
    with pytest.raises(RenderError, match="not finite"):
        render_json(bad)


# --- properties: article text can never become markup -----------------------------------------

# Characters and fragments that mean something to Markdown, mixed into random Unicode.

IDS = ["s0", "s1", "s2", "s3"]
SCORE = st.floats(min_value=0.0, max_value=1.0, allow_nan=False)


@st.composite
def random_sources(draw: st.DrawFn) -> tuple[Source, ...]:
    optional = st.none() | TEXT
    return tuple(
        Source(
            id=sid,
            path=draw(TEXT),
            outlet=draw(optional),
            domain=draw(optional),
            url=draw(optional),
            title=draw(optional),
            published=draw(optional),
            credibility=draw(st.none() | SCORE),
        )
        for sid in IDS
    )


@st.composite
def random_sentence(draw: st.DrawFn) -> BriefSentence:
    cites = tuple(draw(st.lists(st.sampled_from(IDS), min_size=1, max_size=4, unique=True)))
    evidence = tuple(Evidence(source_id=c, sentence=draw(TEXT), score=draw(SCORE)) for c in cites)
    return BriefSentence(
        text=draw(TEXT),
        citations=cites,
        evidence=evidence,
        paragraph=draw(st.integers(0, 2)),
        low_credibility_only=draw(st.booleans()),
    )


@st.composite
def random_brief(draw: st.DrawFn) -> Brief:
    listed = st.lists(
        st.builds(Suppressed, text=TEXT, source_ids=st.tuples(st.sampled_from(IDS)), reason=TEXT),
        max_size=2,
    )
    return Brief(
        title=draw(TEXT),
        mode="extractive",
        model=draw(st.none() | TEXT),
        fallback_reason=draw(st.none() | TEXT),
        sentences=tuple(draw(st.lists(random_sentence(), max_size=4))),
        sources=draw(random_sources()),
        suppressed=tuple(draw(listed)),
        dropped=tuple(draw(listed)),
        neutrality=Neutrality(
            attributed_share=draw(SCORE), loaded_words=tuple(draw(st.lists(TEXT, max_size=2)))
        ),
        skipped=tuple(draw(st.lists(st.builds(Skipped, path=TEXT, reason=TEXT), max_size=2))),
    )


def expected_segments(given_brief: Brief) -> list[list[tuple[str, list[str]]]]:
    numbers = footnote_numbers(given_brief.sentences)
    paragraphs: list[list[tuple[str, list[str]]]] = []
    previous: int | None = None
    for item in given_brief.sentences:
        if item.paragraph != previous:
            paragraphs.append([])
            previous = item.paragraph
        labels = [str(n) for n in sorted({numbers[c] for c in item.citations})]  # ascending
        paragraphs[-1].append((plain_text(item.text), labels))
    return paragraphs


def no_raw_html(markdown: str) -> None:
    tokens = html_parser().parse(markdown)
    types = {t.type for t in tokens} | {t.type for t in inline_tokens(tokens)}
    assert not {t for t in types if t.startswith("html")}


@settings(max_examples=100, deadline=None)
@given(random_brief())
def test_brief_md_never_carries_markup_from_text(given_brief: Brief) -> None:
    markdown = render_brief_md(given_brief)
    no_raw_html(markdown)
    assert footnote_problems(markdown) == []
    tokens = markdown_parser().parse(markdown)
    assert tokens[0].type == "heading_open"
    assert "".join(c.content for c in tokens[1].children or ()) == (
        plain_text(given_brief.title) or DEFAULT_TITLE
    )
    if given_brief.sentences:
        assert body_segments(markdown) == expected_segments(given_brief)
    links = [t for t in inline_tokens(tokens) if t.type == "link_open"]
    assert len(links) <= len(footnote_numbers(given_brief.sentences))


@settings(max_examples=100, deadline=None)
@given(random_brief())
def test_audit_md_never_carries_markup_from_text(given_brief: Brief) -> None:
    markdown = render_audit_md(given_brief)
    no_raw_html(markdown)
    tokens = markdown_parser().parse(markdown)
    types = {t.type for t in inline_tokens(tokens)}
    assert types <= {"text", "softbreak"}
    found = tables(markdown)
    if given_brief.sentences:
        rows = found[0][1:]
        assert [row[1] for row in rows] == [plain_text(s.text) for s in given_brief.sentences]
    headings = [t for t in tokens if t.type == "heading_open"]
    # Sentences, disagreements, suppressed, sources, dropped, skipped, neutrality.
    assert [h.tag for h in headings] == ["h1"] + ["h2"] * 7


@settings(max_examples=100, deadline=None)
@given(random_brief())
def test_json_round_trips_text(given_brief: Brief) -> None:
    data = json.loads(render_json(given_brief))
    assert data["title"] == given_brief.title
    assert [s["text"] for s in data["sentences"]] == [s.text for s in given_brief.sentences]
    assert render_json(given_brief) == render_json(given_brief.model_copy())
