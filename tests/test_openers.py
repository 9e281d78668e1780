"""Openers a light rewrite makes stand alone (issue 11, item 5): a pronoun named from the
article's sentence before, a connective dropped. Sentences written for these tests."""

from __future__ import annotations

import pytest

from briefing import language
from briefing.compose.printable import Printed, Wording, printable
from briefing.language import NEEDS_CONTEXT, sentence_problems
from briefing.models import Sentence, Source
from records import claim, sentence, source

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
            "One lawsuit was filed Monday by Tom Pike in Arkansas.",
            "He filed the lawsuit against the physician in Bexar County.",
            "Tom Pike filed the lawsuit against the physician in Bexar County.",
        ),
        # An appositive is the named person's own once a pronoun tells their gender.
        (
            "Tom Pike, the first Black secretary of state, died on Monday, his family said.",
            "He was fully vaccinated, a spokesman said in a statement.",
            "Tom Pike was fully vaccinated, a spokesman said in a statement.",
        ),
        # Review snippets (eighth round) the rule names rightly.
        (
            "Tom Pike resigned as chief executive on Monday.",
            "He had led the company for a decade.",
            "Tom Pike had led the company for a decade.",
        ),
        (
            "“I will not resign,” Pike told reporters on Monday.",
            "He added that the inquiry was biased.",
            "Pike added that the inquiry was biased.",
        ),
        (
            "Gov. Roe signed the bill, which Democrats opposed, on Friday.",
            "She called it a historic day.",
            "Roe called it a historic day.",
        ),
        (
            "Pike criticised the move, calling it reckless.",
            "His spokesman later walked back the remark.",
            "Pike's spokesman later walked back the remark.",
        ),
        (
            "Tom Pike pleaded not guilty on Monday.",
            "His lawyer, Jane Roe, said the case was weak.",
            "Tom Pike's lawyer, Jane Roe, said the case was weak.",
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
        # Review snippets (eighth round) that a first version named wrongly. A person the
        # sentence before speaks of without a name may be the one the pronoun stands for.
        (
            "Biden nominated the judge to the appeals court on Monday.",
            "She had served on the district court for a decade.",
        ),
        ("Tom Pike said the governor had lied to voters.", "She denied the charge on Tuesday."),
        (
            "Senator Tom Pike criticised the president on Monday.",
            "His administration has defended the policy.",
        ),
        (
            "The White House press secretary said President Joe Biden would veto the bill.",
            "She said the bill would not become law in its current form.",
        ),
        ("Pike asked the judge to dismiss the case.", "She refused on Tuesday."),
        ("Tom Pike met the prime minister in London on Tuesday.", "She praised his work."),
        ("Tom Pike's father founded the firm in 1952.", "He died in 2001."),
        ("Like Tom Pike, the new chairman favours lower rates.", "He will take office in June."),
        (
            "The board replaced Tom Pike with an outside candidate on Monday.",
            "She starts in March.",
        ),
        ("Mr. Pike thanked the officer who saved him.", "He was given a medal on Friday."),
        ("Officials said Tom Pike was not involved in the attack.", "She said it continues."),
        # No pronoun tells the gender of the person an appositive describes: "he" may be
        # anyone else.
        (
            "Maria Lopez, the mayor, said the city would appeal the ruling.",
            "He called the ruling a victory for tenants.",
        ),
        # A passive whose subject is a person: the agent is the other one.
        ("The senator was interviewed by Jake Tapper on Sunday.", "He said the bill would pass."),
        ("The minister was criticised by Jane Roe for the delay.", "He defended the decision."),
        ("The nurse was sued by Tom Pike last year.", "She won the case."),
        ("He was interviewed by Jake Tapper on Sunday.", "He said the bill would pass."),
        (
            "The award was presented by Tom Pike to the nurse on Friday.",
            "She had worked at the hospital for 30 years.",
        ),
        # A name inside a quotation is a person too.
        ("“Pike is a liar,” said Jane Roe.", "He denied the charge on Tuesday."),
        # Two people share a surname.
        ("Joe Biden met Hunter Biden on Monday.", "His lawyers said he would testify."),
        (
            "Pike, the younger brother, testified on Tuesday.",
            "His brother Tom declined to comment.",
        ),
        # The sentence names its own person: "his" after an opening phrase points forward, and
        # a person is never named into a sentence that names them.
        ("Jane Roe filed the appeal on Monday.", "After his release, Tom Pike thanked supporters."),
        ("Roe resigned on Monday.", "In his first speech as leader, Tom Pike promised unity."),
        ("Pike appealed the decision on Monday.", "By her own account, Roe was not consulted."),
        ("Tom Pike spoke for an hour on Monday.", "Her husband, Tom Pike, said she would run."),
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


@pytest.mark.parametrize(
    "text",
    [
        # "In fact" and "Indeed" are openers before their comma only.
        "In fact checks published Monday, the AP found three errors.",
        "In fact-checking the claim, the AP found three errors.",
    ],
)
def test_in_fact_without_its_comma_is_no_opener(text: str) -> None:
    assert language.without_back_references(text) == text
    assert NEEDS_CONTEXT not in sentence_problems(text)


# Two interpreting lines: the article reads as an analysis (`Wording.analyses`).
_ANALYSIS = (
    sentence("a", 0, "The ruling is a blow to advocates who had hoped to suspend the law."),
    sentence("a", 1, "The order only kicks the can down the road to December."),
)


def _print(members: list[Sentence], sources: dict[str, Source]) -> Printed:
    found = claim("C1", members[0].text, members)
    return printable(found, Wording.of({s.id: s for s in (*members, *_ANALYSIS)}, sources))


@pytest.mark.parametrize(
    "text",
    [
        "“We will appeal this decision,” Governor Tom Pike vowed on Friday.",
        "Governor Tom Pike called the ruling “a travesty of justice.”",
    ],
)
def test_a_quotation_or_its_speaker_in_an_analysis_is_printed_as_said(text: str) -> None:
    line = sentence("a", 5, text)
    sources = {"a": source("a", 0.9, outlet="Example News", title="Court keeps the law")}
    assert _print([line], sources).text == text


def test_a_plain_member_outranks_an_analysis_line_attributed_to_its_outlet() -> None:
    line = sentence("a", 5, "The court ruled 2-1 on Thursday to let the law stand for now.")
    plain = sentence("c", 0, "The appeals court ruled 2-1 on Thursday to let the Texas law stand.")
    sources = {
        "a": source("a", 0.9, outlet="Example News", title="Court keeps the law"),
        "c": source("c", 0.8, outlet="Other News"),
    }
    for members in ([line, plain], [plain, line]):
        assert _print(members, sources).text == plain.text
    # Alone, the analysis line is its outlet's.
    assert _print([line], sources).text == (
        "Example News reported in an analysis that the court ruled 2-1 on Thursday to let the "
        "law stand for now."
    )


def test_an_analysis_line_whose_source_names_no_outlet_is_still_attributed() -> None:
    line = sentence("a", 5, "The court ruled 2-1 on Thursday to let the law stand for now.")
    sources = {"a": source("a", 0.9, title="Court keeps the law")}
    assert _print([line], sources).text == (
        "The court ruled 2-1 on Thursday to let the law stand for now, according to a news "
        "analysis."
    )
