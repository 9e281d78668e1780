"""cited.md: the author's text kept, our footnotes added after theirs, unsupported marked."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.ingest.draft import Draft, parse_draft
from briefing.models import Brief, BriefSentence, Evidence
from briefing.render.cited import UNSUPPORTED_MARK, render_cited_md
from briefing.render.markdown import RenderError, footnote_numbers, footnote_problems
from markdown_checks import render_html
from records import source

DRAFT = """# Draft

Xi backed **Putin's** bid.[^1] Moscow massed [50,000 troops](https://example.com/x).

- Sales of gas rose.[^note]

[^1]: My own note.
[^note]: Another of mine.
"""


def supported(text: str, *citations: str) -> BriefSentence:
    evidence = tuple(Evidence(source_id=c, sentence=text, score=0.9) for c in citations)
    return BriefSentence(text=text, citations=citations, evidence=evidence)


def unsupported(text: str) -> BriefSentence:
    return BriefSentence(text=text, citations=(), evidence=(), supported=False)


def brief_for(draft: Draft, results: list[BriefSentence]) -> Brief:
    sources = (
        source("ap", 0.9, outlet="Associated Press", title="Xi backs Putin"),
        source("rt", 0.3, outlet="RT", url="https://rt.com/a"),
    )
    return Brief(
        title=draft.title,
        mode="extractive",
        sentences=tuple(results),
        sources=sources,
        suppressed=(),
    )


def test_marks_after_sentences_and_definitions_after_the_authors() -> None:
    draft = parse_draft(DRAFT, Path("draft.md"))
    assert [s.text for s in draft.sentences] == [
        "Xi backed Putin's bid.",
        "Moscow massed 50,000 troops.",
        "Sales of gas rose.",
    ]
    results = [
        supported(draft.sentences[0].text, "ap", "rt"),
        unsupported(draft.sentences[1].text),
        supported(draft.sentences[2].text, "rt"),
    ]
    cited = render_cited_md(draft, brief_for(draft, results))
    assert cited == (
        "# Draft\n\n"
        "Xi backed **Putin's** bid.[^1][^2][^3] Moscow massed "
        "[50,000 troops](https://example.com/x). \\[unsupported\\]\n\n"
        "- Sales of gas rose.[^note][^3]\n\n"
        "[^1]: My own note.\n"
        "[^note]: Another of mine.\n\n"
        '[^2]: Associated Press — "Xi backs Putin"\n'
        "[^3]: RT — <https://rt.com/a>\n"
    )
    assert footnote_problems(cited) == []
    html = render_html(cited)
    assert "[unsupported]" in html and "My own note." in html


def test_our_numbers_skip_every_label_of_the_author() -> None:
    taken = {"1", "3", "note", "07"}
    sentences = [supported("a", "x", "y"), unsupported("b"), supported("c", "z", "x")]
    assert footnote_numbers(sentences, taken) == {"x": 8, "y": 9, "z": 10}
    assert footnote_numbers(sentences, {"2", "note"}) == {"x": 3, "y": 4, "z": 5}


def test_draft_without_footnotes_numbers_from_one() -> None:
    text = "Xi backed Putin. Nobody said so.\n"
    draft = parse_draft(text, Path("d.txt"))
    results = [supported("Xi backed Putin.", "ap"), unsupported("Nobody said so.")]
    cited = render_cited_md(draft, brief_for(draft, results))
    assert cited == (
        "Xi backed Putin.[^1] Nobody said so." + UNSUPPORTED_MARK + "\n\n"
        '[^1]: Associated Press — "Xi backs Putin"\n'
    )


def test_nothing_supported_leaves_only_marks() -> None:
    draft = parse_draft("Nobody said so.", Path("d.txt"))
    cited = render_cited_md(draft, brief_for(draft, [unsupported("Nobody said so.")]))
    assert cited == "Nobody said so. \\[unsupported\\]\n"


def test_result_count_must_match_the_draft() -> None:
    draft = parse_draft("One. Two.", Path("d.txt"))
    with pytest.raises(RenderError):
        render_cited_md(draft, brief_for(draft, [unsupported("One.")]))
