"""Openers a light rewrite makes stand alone (issue 11, item 5): a pronoun named from the
article's sentence before, a connective dropped. Sentences written for these tests."""

from __future__ import annotations

import pytest

from briefing import language
from briefing.language import NEEDS_CONTEXT, sentence_problems

# Surnames the articles of a made-up story give in full ("Jane Roe", "Tom Pike").
IN_FULL = {"Roe": "Jane Roe", "Pike": "Tom Pike"}


@pytest.mark.parametrize(
    ("previous", "text", "printed"),
    [
        # The one person the sentence before names by surname alone, as its subject.
        (
            "Roe, 61, was re-elected to a third term on Monday after calling an early vote.",
            "Since 2019 she had governed with a minority in the parliament.",
            "Since 2019 Roe had governed with a minority in the parliament.",
        ),
        # A titled surname the articles never give in full keeps its title.
        (
            "In announcing the deal on Wednesday, Mr. Hale said it would reinforce alliances.",
            "In drawing one ally closer to meet the China challenge, he angered another one.",
            "In drawing one ally closer to meet the China challenge, Mr. Hale angered another one.",
        ),
        # "His" and a noun: the person's possessive.
        (
            "Pike embraced the reform goals after he won the nomination.",
            "His administration has been forced to confront a rise in border crossings.",
            "Pike's administration has been forced to confront a rise in border crossings.",
        ),
        # A passive's agent is who did it.
        (
            "One lawsuit was filed Monday by Tom Pike, a former attorney in Arkansas.",
            "He filed the lawsuit against the physician in Bexar County.",
            "Tom Pike filed the lawsuit against the physician in Bexar County.",
        ),
    ],
)
def test_a_pronoun_is_named_as_the_sentence_before_names_its_one_subject(
    previous: str, text: str, printed: str
) -> None:
    assert NEEDS_CONTEXT in sentence_problems(text)
    named = language.name_from_previous(text, previous, IN_FULL)
    assert named == printed
    assert NEEDS_CONTEXT not in sentence_problems(named)


@pytest.mark.parametrize(
    ("previous", "text"),
    [
        # The person is another noun's complement: "he" is the lawyer.
        ("The lawyer for Tom Pike filed a motion on Monday.", "He said the case was weak."),
        # A possessive: "he" is whoever the allies' spokesman is.
        ("Pike's allies filed a motion on Monday.", "He said the case was weak."),
        # Two people: a full name and a surname of the story.
        ("Tom Pike met Roe in Geneva on Monday.", "He said the talks went well."),
        # A surname the articles never give in full and no title: not known to be a person.
        ("Hale spoke in Geneva on Monday.", "He said the talks went well."),
        # An opening phrase names someone "he" may stand for.
        ("Pike spoke in Albany on Monday.", "After Smith left the room, he called the police."),
        # The person is neither subject nor speaker nor agent.
        ("The report praised Roe for her work.", "She thanked the staff on Tuesday."),
        # Words another speaker reports are theirs, as a quotation's are.
        (
            "Pike, meanwhile, demanded assurances on Monday.",
            "He told Hale about growing threats to the state, his adviser Jane Roe said.",
        ),
        # Quoted words are never rewritten: a pronoun inside a quotation stays.
        ("Pike spoke in Albany on Monday.", "“He will lose,” the mayor said of the senator."),
    ],
)
def test_a_pronoun_is_left_when_whom_it_stands_for_is_not_certain(previous: str, text: str) -> None:
    assert language.name_from_previous(text, previous, IN_FULL) == text


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        (
            "On the other end, the tax for those making below $40,000 would drop by 24%.",
            "The tax for those making below $40,000 would drop by 24%.",
        ),
        (
            "In fact, the vote failed in the Senate on Monday.",
            "The vote failed in the Senate on Monday.",
        ),
        (
            "By contrast, exports rose 4% in the same quarter.",
            "Exports rose 4% in the same quarter.",
        ),
        (
            "Indeed, the court ruled against the state on Friday.",
            "The court ruled against the state on Friday.",
        ),
    ],
)
def test_a_contrast_or_emphasis_opener_is_dropped(text: str, printed: str) -> None:
    assert NEEDS_CONTEXT in sentence_problems(text)
    assert language.without_back_references(text) == printed
    assert NEEDS_CONTEXT not in sentence_problems(printed)


@pytest.mark.parametrize(
    "text",
    [
        # The phrase names what it contrasts or where it is: no connective to drop.
        "On the other side of the border, troops massed near the crossing on Sunday.",
        "On the other end of the income scale, taxes would rise by 11% for top earners.",
        "In contrast to last year, sales rose by 4% in the third quarter.",
    ],
)
def test_a_phrase_that_names_its_referent_is_kept(text: str) -> None:
    assert language.without_back_references(text) == text
