"""Escaping, headings, footnotes and tables: article text always renders as literal text."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt
from markdown_it.token import Token

from briefing.models import Source
from briefing.render.markdown import (
    escape_cell,
    escape_text,
    footnote_definition,
    footnote_problems,
    heading,
    inline_tokens,
    markdown_parser,
    plain_text,
    table,
)
from hostile_text import TEXT
from markdown_checks import parsed_footnote_refs, render_html

# Characters and fragments that mean something to Markdown, mixed into random Unicode.


def html_parser() -> MarkdownIt:
    """A parser that does render raw HTML, as GitHub and most viewers do."""
    return MarkdownIt("commonmark", {"html": True}).enable("table")


def inline_of(markdown: str, parser: MarkdownIt | None = None) -> list[Token]:
    return inline_tokens((parser or markdown_parser()).parse(markdown))


def literal(markdown: str) -> str:
    """The text of the only paragraph, asserting nothing but text came out of it."""
    children = inline_of(markdown)
    assert {child.type for child in children} <= {"text"}
    return "".join(child.content for child in children)


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("<b>x</b> & [^1]", r"\<b\>x\</b\> \& \[\^1\]"),
        ("2021. The year", r"2021\. The year"),
        ("1) one", r"1\) one"),
        ("# hash", r"\# hash"),
        ("- dash", r"\- dash"),
        ("+ plus", r"\+ plus"),
        ("= eq", r"\= eq"),
        ("*a* _b_ `c` ~d~ |e|", r"\*a\* \_b\_ \`c\` \~d\~ \|e\|"),
        ("line\r\nbreak\u2028here\x00", "line break here"),
        ("  trimmed \t", "trimmed"),
        ("000_abc.txt x_ _y a__b", r"000_abc.txt x\_ \_y a\_\_b"),
    ],
)
def test_escape_text_exact(text: str, escaped: str) -> None:
    assert escape_text(text) == escaped
    assert literal(escaped) == plain_text(text)


def test_escaped_number_renders_without_backslash() -> None:
    assert render_html(escape_text("2021. The year")) == "<p>2021. The year</p>\n"


def test_heading_keeps_trailing_hashes() -> None:
    assert heading("Rates rise #") == r"# Rates rise \#"
    assert render_html(heading("Rates rise #")) == "<h1>Rates rise #</h1>\n"
    assert render_html(heading("#")) == "<h1>#</h1>\n"
    assert heading("Sources", level=2) == "## Sources"


def test_footnote_problems_reads_escaped_backslash_before_reference() -> None:
    assert footnote_problems("Text\\\\[^1]\n\n[^1]: A\n") == []


def test_footnote_problems_reports_missing_and_unused() -> None:
    markdown = "One[^1] two[^3] \\[^4\\]\n\n[^1]: A\n[^2]: B\n"
    assert footnote_problems(markdown) == [
        "footnote [^3] has no definition",
        "footnote [^2] is never cited",
    ]


def test_parsed_footnote_refs_in_document_order() -> None:
    assert parsed_footnote_refs("a[^2][^1] b[^2]\n\n[^1]: A\n[^2]: B\n") == ["2", "1", "2"]


def test_footnote_definition_with_every_part() -> None:
    source = Source(
        id="s1",
        path="r.txt",
        outlet="Reuters",
        title="Xi <b>backs</b> Putin",
        published="2021-12-15",
        url="https://reuters.com/a?b=1",
    )
    assert footnote_definition(2, source) == (
        '[^2]: Reuters — "Xi \\<b\\>backs\\</b\\> Putin", 2021-12-15, <https://reuters.com/a?b=1>'
    )


def test_footnote_definition_falls_back_to_domain_path_and_id() -> None:
    assert footnote_definition(1, Source(id="s", path="a.txt", domain="ap.org")) == "[^1]: ap.org"
    assert footnote_definition(1, Source(id="s", path="a.txt")) == "[^1]: a.txt"
    assert footnote_definition(1, Source(id="s", path="", outlet="\x00")) == "[^1]: s"


def test_footnote_without_an_outlet_shows_the_headline_not_the_file_name() -> None:
    source = Source(id="s", path="000_cbb9.txt", title="Xi backs Putin", published="2021-12-15")
    assert footnote_definition(3, source) == '[^3]: "Xi backs Putin", 2021-12-15'
    dated = Source(id="s", path="000_cbb9.txt", published="2021-12-15")
    assert footnote_definition(3, dated) == "[^3]: 000_cbb9.txt — 2021-12-15"


@pytest.mark.parametrize(
    "url",
    ["javascript:alert(1)", "https://e.com/<x>", "https://e.com/a\x01b", "https://e.com/a b"],
)
def test_unsafe_url_is_text_not_link(url: str) -> None:
    line = footnote_definition(1, Source(id="s", path="a.txt", url=url))
    types = {t.type for t in inline_of("x[^1]\n\n" + line + "\n")}
    assert "link_open" not in types
    assert footnote_problems("x[^1]\n\n" + line + "\n") == []


def test_table_keeps_pipes_inside_cells() -> None:
    markdown = table(("A", "B"), [[escape_cell("x | y\\"), escape_cell("")]])
    tokens = markdown_parser().parse(markdown)
    cells = [t.children for t in tokens if t.type == "inline"]
    texts = ["".join(c.content for c in children or ()) for children in cells]
    assert texts == ["A", "B", "x | y\\", ""]


@settings(max_examples=100, deadline=None)
@given(TEXT)
def test_escaped_text_renders_literally(text: str) -> None:
    escaped = escape_text(text)
    assert "\n" not in escaped
    assert literal(escaped) == plain_text(text)
    assert not [t for t in inline_of(escaped, html_parser()) if t.type.startswith("html")]
    assert not [t for t in html_parser().parse(escaped) if t.type.startswith("html")]


@settings(max_examples=100, deadline=None)
@given(TEXT)
def test_heading_renders_literally(text: str) -> None:
    tokens = markdown_parser().parse(heading(text))
    assert [t.type for t in tokens] == ["heading_open", "inline", "heading_close"]
    assert literal(heading(text)) == plain_text(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(TEXT, min_size=3, max_size=3))
def test_table_cells_render_literally(cells: list[str]) -> None:
    markdown = table(("A", "B", "C"), [[escape_cell(cell) for cell in cells]])
    tokens = markdown_parser().parse(markdown)
    rows = [t for t in tokens if t.type == "tr_open"]
    inlines = [t for t in tokens if t.type == "inline"]
    assert len(rows) == 2
    assert ["".join(c.content for c in t.children or ()) for t in inlines[3:]] == [
        plain_text(cell) for cell in cells
    ]
