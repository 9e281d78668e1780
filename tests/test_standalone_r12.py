"""Sentences that need context the brief does not give (issue 11, rule 5; issue 13, item 4):
a preview of what the brief already reports done, the wire's "here", a person written in full a
second time after a clause or a one-word title, and a feature's character. Each rule both ways,
on sentences written for the tests."""

from __future__ import annotations

import pytest

from briefing import language
from briefing.compose.printable import Wording, printable
from briefing.language import (
    PREVIEW_DONE,
    previews_done,
    second_references,
    sentence_problems,
    unconnected_example,
    unconnected_person,
    without_back_references,
)
from records import claim, sentence, source

_DONE = "Top army officers told senators on Thursday that they had advised keeping 900 troops."


@pytest.mark.parametrize(
    "text",
    [
        "The country's top army officers will face senators on Thursday in a hearing on the war.",
        "Top army officers are expected to tell senators on Thursday why they advised it.",
    ],
)
def test_a_preview_of_what_the_brief_reports_done_is_left_out(text: str) -> None:
    assert previews_done(text, _DONE)
    assert PREVIEW_DONE in sentence_problems(text, _DONE)


def test_a_preview_of_a_date_told_in_another_form_is_left_out() -> None:
    done = "The city's new school mask rules took effect on October 4, prompting protests."
    assert previews_done("The school mask rules will take effect on Oct. 4 in every city.", done)


@pytest.mark.parametrize(
    ("text", "before"),
    [
        # Another actor the same day.
        ("The House will vote on the bill on Thursday.", "The Senate voted Thursday to pass it."),
        # Another deed of the same actor.
        ("Top army officers will visit the base on Thursday.", _DONE),
        # Another day.
        ("Top army officers will face senators again on Friday.", _DONE),
        # Another occasion on a weekday's name.
        ("Top army officers will face senators next Thursday.", _DONE),
        ("Top army officers will face senators again on Thursday.", _DONE),
        # What someone said will happen, or a future inside another clause.
        ("Top army officers will face senators on Thursday, a spokesman said.", _DONE),
        ("The panel announced officers will face senators on Thursday.", _DONE),
        # The preview comes first, or nothing came before.
        ("Top army officers will face senators on Thursday.", ""),
        (_DONE, "Top army officers will face senators on Thursday."),
    ],
)
def test_a_preview_of_another_event_or_before_the_outcome_is_kept(text: str, before: str) -> None:
    assert not previews_done(text, before)
    assert PREVIEW_DONE not in sentence_problems(text, before)
    assert PREVIEW_DONE not in sentence_problems(text)


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        (
            "The plan, outlined in a statement from Adams here on Saturday, would add nurses.",
            "The plan, outlined in a statement from Adams on Saturday, would add nurses.",
        ),
        (
            "Scholz told reporters here on Monday that the talks would go on.",
            "Scholz told reporters on Monday that the talks would go on.",
        ),
    ],
)
def test_the_wires_here_for_its_dateline_is_dropped(text: str, printed: str) -> None:
    assert without_back_references(text) == printed


@pytest.mark.parametrize(
    "text",
    [
        "People who live here, officials said, fear the floods.",
        "The minister arrived here on Monday to open the bridge.",
        "From here on, the court said, the law is void.",
        "“We are here on Monday to stay,” Adams said.",
    ],
)
def test_a_here_that_says_where_is_kept(text: str) -> None:
    assert without_back_references(text) == text


_PEOPLE = {"Foote": "Daniel Foote", "Milley": "Mark Milley"}


@pytest.mark.parametrize(
    ("text", "written"),
    [
        (
            "In a letter to the secretary of state, first reported by PBS, Daniel Foote said so.",
            "In a letter to the secretary of state, first reported by PBS, Foote said so.",
        ),
        ("After Tuesday, Daniel Foote said so.", "After Tuesday, Foote said so."),
        (
            "Speaking to the Senate panel, Army Gen. Mark A. Milley, chairman of the Joint Chiefs,"
            " said so.",
            "Speaking to the Senate panel, Milley, chairman of the Joint Chiefs, said so.",
        ),
    ],
)
def test_a_person_introduced_is_named_by_surname_after_a_clause(text: str, written: str) -> None:
    introduced = "Daniel Foote resigned. Gen. Mark Milley testified."
    assert second_references(text, introduced, _PEOPLE) == written


@pytest.mark.parametrize(
    "text",
    [
        # A title the reader cannot read whole stays as written.
        "The hearing with Chairman of the Joint Chiefs of Staff Gen. Mark Milley ended.",
        "Army Gen. Mark Milley said so.",
    ],
)
def test_a_title_read_only_in_part_keeps_the_name(text: str) -> None:
    assert second_references(text, "Gen. Mark Milley testified.", _PEOPLE) == text


_RATINGS = "Voters are voicing their disapproval of Governor Ann Cole, months after she took over."
_CHARACTER = (
    "The Gazette reported in an analysis that W. Tom Pike spent last fall in bars and clubs in"
    " Ohio, trying to convince young men that casting a ballot could bring real change."
)


def test_a_character_from_one_articles_story_is_left_out() -> None:
    assert unconnected_person(_CHARACTER, _RATINGS) == "Pike"
    tied = "Tom Pike, a voter in Ohio, said his disapproval of Cole had grown."
    assert unconnected_person(tied, _RATINGS) is None
    assert unconnected_person(_CHARACTER, "") is None  # a lead is no aside


def test_the_composer_leaves_out_a_character_one_article_names() -> None:
    lead = sentence("a", 0, _RATINGS)
    line = sentence("a", 1, "Tom Pike spent last fall in bars in Ohio, urging young men to vote.")
    intro = sentence("a", 2, "Pike, founder of a voter project, thinks voting brings change.")
    sources = {"a": source("a", 0.9), "b": source("b", 0.9)}
    wording = Wording.of({s.id: s for s in (lead, line, intro)}, sources)
    found = printable(claim("C1", line.text, [line]), wording, (), _RATINGS)
    assert found.text is None
    assert language.UNCONNECTED_PERSON in (found.reason or "")
    # A news subject other reports name too is kept.
    other = sentence("b", 0, "Tom Pike, the state's top voter organiser, said turnout would rise.")
    wording = Wording.of({s.id: s for s in (lead, line, intro, other)}, sources)
    assert printable(claim("C1", line.text, [line]), wording, (), _RATINGS).text == line.text


_OUTAGE = "A social network and its messaging app were back online after an outage of six hours."


@pytest.mark.parametrize(
    "text",
    [
        "In Peru, street vendors couldn’t sell their goods.",
        "The Times reported in an analysis that in New Zealand, bakers lost a day of orders.",
    ],
)
def test_a_places_example_unconnected_to_the_brief_is_left_out(text: str) -> None:
    assert unconnected_example(text, _OUTAGE)
    assert language.UNCONNECTED_EXAMPLE in sentence_problems(text, _OUTAGE)


@pytest.mark.parametrize(
    ("text", "before"),
    [
        # It says what it exemplifies.
        ("In Peru, street vendors couldn't reach buyers on the messaging app.", _OUTAGE),
        # A time, not a place.
        ("In June, street vendors couldn't sell their goods.", _OUTAGE),
        # A lead sets its own scene.
        ("In Peru, street vendors couldn't sell their goods.", ""),
        # Not a place's example.
        ("Street vendors in Peru couldn't sell their goods.", _OUTAGE),
    ],
)
def test_a_places_line_tied_to_the_brief_is_kept(text: str, before: str) -> None:
    assert not unconnected_example(text, before)
    assert language.UNCONNECTED_EXAMPLE not in sentence_problems(text, before)
