"""Issue 11 rules 4 and 6 on real pages: a column's own voice tells it from a report (the
density of the writer's first person, the reader addressed and questions, outside every
quotation), and an agency's copyright line records the wire credit. Short texts written for
the tests, plus the saved pages of tests/data/pages that showed each fault."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from briefing import language
from briefing.config import IngestConfig
from briefing.ingest import read_corpus

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "benchmarks"))
from real_pages import read_page

VOICE = language.FIRST_PERSON_WORDING
# Six sentences of report, to set a column's voice or a report's aside among.
REPORT = (
    "The bill would fund roads, bridges and broadband across the state for a decade. "
    "It passed the House in November after months of talks between the two parties. "
    "The Senate vote is set for Thursday, the majority leader's office said. "
    "Three senators have not said how they will vote on the measure. "
    "The budget office put the cost at $1.2 trillion over ten years. "
    "Construction on the first projects could start next spring."
)


def test_a_column_in_the_writers_voice_is_opinion() -> None:
    column = (
        "I have watched the senator for years. We deserve better than this. "
        "Why does he keep blocking the bill? My answer is simple: money. " + REPORT
    )
    assert language.opinion_reason(None, None, (), column) == VOICE


def test_a_reports_aside_in_the_writers_voice_is_not_opinion() -> None:
    # One aside and a reader-as-user "you" among a report's sentences: a report (The Verge).
    report = (
        "The update makes it look like you're staring at your front-facing camera. "
        "We're also curious to know whether it works when several people are in the frame. "
        + REPORT
    )
    assert language.opinion_reason(None, None, (), report) is None


def test_first_person_inside_a_quotation_over_several_sentences_is_the_speakers() -> None:
    quoted = (
        "“We had a banner year. We closed more coal plants than ever. I am proud of my team,” "
        "said Trevor Houser, a partner at the firm.\n"
        "“Our work is not done. We will keep at it.\n"
        "“We owe it to our children,” he added.\n" + REPORT
    )
    assert language.opinion_reason(None, None, (), quoted) is None
    # The same words without quotation marks are the writer's own.
    own = quoted.replace("“", "").replace("”", "").replace(", said Trevor Houser", ". He is")
    assert language.opinion_reason(None, None, (), own.replace(", he added", "")) == VOICE


@pytest.mark.parametrize(
    ("sentence", "voiced"),
    [
        ("But the mine shut down following the outbreak of World War I, and rats stayed.", False),
        ("Queen Elizabeth I ruled for 44 years, and Henry VIII before her.", False),
        ("The choice is mine, and I made it.", True),
        ("Then I walked to the harbour.", True),
        ("A friend of mine runs the ferry.", True),
    ],
)
def test_first_person_is_the_writers_not_a_pit_or_a_numeral(sentence: str, voiced: bool) -> None:
    assert language._writer_first_person(sentence) is voiced


@pytest.mark.parametrize(
    "name", ["theverge.com.ios13", "salon.com.emissions", "nationalgeographic.co.uk.goats"]
)
def test_real_news_reports_with_an_aside_or_a_scene_are_news(name: str) -> None:
    source = read_page(name).source
    assert (source.kind, source.kind_reason) == ("news", None)


def test_a_real_page_in_the_first_person_is_still_caught() -> None:
    # A games blog post in the writer's voice ("I actually like Rocket League ...").
    source = read_page("knowtechie.com.rally").source
    assert (source.kind, source.kind_reason) == ("opinion", VOICE)


@pytest.mark.parametrize(
    ("line", "agency"),
    [
        ("© Thomson Reuters 2020", "Reuters"),
        ("© 2020 Reuters. All rights reserved.", "Reuters"),
        ("Copyright © 2020 Thomson Reuters", "Reuters"),
        ("Copyright 2021 The Associated Press. All rights reserved.", "AP"),
        ("(c) AFP", "AFP"),
        ("(c) 2019 Agence France-Presse", "AFP"),
        # A quote's source, a photo's credit or the paper's own copyright: not a copy.
        ("Reuters reported that the talks had stalled.", None),
        ("Photo: Reuters", None),
        ("REUTERS/Jane Roe", None),
        ("(Photo by Jane Roe/Reuters)", None),
        ("Copyright 2021 Example News. All rights reserved.", None),
    ],
)
def test_an_agencys_copyright_line_is_its_credit(line: str, agency: str | None) -> None:
    assert language.credit_line(line) == agency


PAGE = """<html><head><title>Microsoft moves to erase its carbon footprint</title></head>
<body><article><h1>Microsoft moves to erase its carbon footprint</h1>
<p>Microsoft Corp said on Thursday it aims to remove more carbon from the atmosphere than it
emits by 2030, the company said in a statement.</p>
<p>The company will invest $1 billion over four years in carbon removal technology, its
president told reporters in Redmond.</p>
{extra}
</article></body></html>"""


def _credit(tmp_path: Path, extra: str) -> str | None:
    (tmp_path / "a.html").write_text(PAGE.format(extra=extra), encoding="utf-8")
    return read_corpus(tmp_path, IngestConfig()).articles[0].source.wire_credit


def test_a_page_under_an_agencys_copyright_records_its_credit(tmp_path: Path) -> None:
    assert _credit(tmp_path, "<p>© Thomson Reuters 2020</p>") == "Reuters"


def test_a_page_that_cites_an_agency_records_no_credit(tmp_path: Path) -> None:
    cited = (
        "<p>Reuters reported last week that the company had been in talks with suppliers "
        "about the plan.</p><p>Photo: Reuters</p>"
    )
    assert _credit(tmp_path, cited) is None


def test_the_real_wire_copy_page_records_reuters() -> None:
    assert read_page("vancouversun.com.microsoft").source.wire_credit == "Reuters"
