"""The one Markdown reader (markup.read_markdown) that articles and drafts share."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.ingest.draft import parse_draft
from briefing.ingest.readers import read_markdown as read_article
from briefing.markup import read_markdown

BODY = "# Leaders meet\n\nThe two leaders met on *Wednesday* in [Geneva](https://x.org).\n"


@pytest.mark.parametrize(
    ("opening", "closing"),
    [("---\n", "---\n"), ("---\n", "...\n"), ("\ufeff---\n", "---\n"), ("---\r\n", "...\r\n")],
    ids=["dashes", "dots", "byte-order mark", "crlf"],
)
def test_front_matter_ends_with_dashes_or_dots_after_an_optional_bom(
    opening: str, closing: str
) -> None:
    newline = "\r\n" if opening.endswith("\r\n") else "\n"
    text = f"{opening}outlet: Example Times{newline}{closing}{BODY}"
    document = read_markdown(text)
    assert document.front_matter is not None
    assert "outlet: Example Times" in document.front_matter
    assert document.body_line == 3
    assert read_article(text).meta.outlet == "Example Times"
    draft = parse_draft(text, Path("draft.md"))
    assert draft.title == "Leaders meet"
    assert [span.text for span in draft.sentences] == [
        "The two leaders met on Wednesday in Geneva."
    ]


def test_blocks_keep_offsets_into_the_text_as_given() -> None:
    text = "\ufeff# Title\r\n\r\n- A *first* item\r\n- a second\r\n\r\n> A quote\r\n> goes on.\r\n"
    document = read_markdown(text)
    assert document.front_matter is None
    assert document.title == "Title"
    paragraphs = [b for b in document.blocks if b.kind == "paragraph"]
    assert [b.plain(text) for b in paragraphs] == ["A first item", "a second", "A quote goes on."]
    prose, start = paragraphs[2].prose(text)
    assert text[start : start + len(prose)] == "A quote\r\n> goes on."
    assert [b.lines for b in paragraphs] == [(2, 3), (3, 4), (5, 7)]


def test_an_article_drops_later_headings_and_tables_with_their_lines() -> None:
    text = "# Title\n\nText of the article.\n\n## Section\n\n| a | b |\n|---|---|\n| 1 | 2 |\n"
    parsed = read_article(text)
    assert parsed.meta.title == "Title"
    assert parsed.lines == ((3, "Text of the article."),)
    assert [(d.line_no, d.text, d.reason) for d in parsed.dropped] == [
        (5, "## Section", "heading"),
        (7, "| a | b | |---|---| | 1 | 2 |", "table"),
    ]


def test_a_draft_without_front_matter_but_a_rule_is_read_whole() -> None:
    text = "---\nOne sentence here.\n\nAnother one there.\n"
    document = read_markdown(text)
    assert document.front_matter is None
    assert len(parse_draft(text, Path("d.md")).sentences) == 2
