"""Ninth round of issue 11: a surname two people share is never written out or named into a
pronoun's place; verbs of what a speaker granted ("acknowledged", "conceded", "admitted") are
verbs of saying; an "Inside ..." headline alone makes no analysis. Sentences written for these
tests."""

from __future__ import annotations

import pytest

from briefing import language
from briefing.compose.printable import Wording, neutral_headline, with_full_names
from briefing.language import CHARACTERISATION, NEEDS_CONTEXT, sentence_problems
from records import sentence, source

_TWO_BIDENS = (
    "President Joe Biden signed the bill into law on Friday at the White House.",
    "Hunter Biden sold five paintings to buyers in New York last year.",
    "Mr. Biden said on Monday that the sales had been handled by a gallery.",
)


def _wording(*texts: str) -> Wording:
    sents = {f"a:{n}": sentence("a", n, text) for n, text in enumerate(texts)}
    return Wording.of(sents, {"a": source("a", 0.9)})


def test_a_surname_two_people_share_is_not_written_out() -> None:
    assert language.shared_surnames(_TWO_BIDENS) == {"Biden"}
    assert "Biden" not in language.full_names(_TWO_BIDENS)
    wording = _wording(*_TWO_BIDENS)
    printed = with_full_names(["Mr. Biden said the sales had been handled by a gallery."], wording)
    assert printed == ["Mr. Biden said the sales had been handled by a gallery."]


def test_a_surname_one_person_has_is_still_written_out() -> None:
    texts = (
        "President Joe Biden signed the bill into law on Friday at the White House.",
        "Joe Biden met the governors of three states on Monday.",
        "Mr. Biden said on Monday that the law would cut costs for families.",
    )
    assert language.shared_surnames(texts) == frozenset()
    printed = with_full_names(["Mr. Biden said the law would cut costs."], _wording(*texts))
    assert printed == ["President Joe Biden said the law would cut costs."]


@pytest.mark.parametrize(
    "texts",
    [
        # One person's given name in two forms.
        ("Jeff Zients said the plan would work.", "Jeffrey Zients spoke on Monday."),
        # A role or a place word before a given name; a function word opening a sentence.
        ("Chief of Staff Colin Powell spoke.", "Colin Powell died at 84 on Monday."),
        ("Joe Biden spoke on Monday.", "Though Biden spoke, nothing changed on Monday."),
        # A participle opening the sentence; a word the texts also write in lower case.
        ("Vladimir Putin spoke.", "Welcoming Putin's planned visit, Xi said sport helps."),
        ("Joe Biden spoke on Monday.", "Money Biden raised went to ads.", "He spent money."),
    ],
)
def test_one_persons_name_in_two_forms_is_not_two_people(texts: tuple[str, ...]) -> None:
    assert language.shared_surnames(texts) == frozenset()


def test_a_pronoun_is_not_named_from_a_surname_two_people_share() -> None:
    previous = "Mr. Biden said on Monday that the sales had been handled by a gallery."
    text = "He said the buyers' names were kept from him on Monday."
    assert NEEDS_CONTEXT in sentence_problems(text)
    # Named while the surname is one person's; left when it is two people's.
    assert language.name_from_previous(text, previous).startswith("Mr. Biden said")
    assert language.name_from_previous(text, previous, (), {"Biden"}) == text
    # A sentence before that gives the name in full names the pronoun all the same.
    in_full = "Hunter Biden said on Monday that the sales had been handled by a gallery."
    named = language.name_from_previous(text, in_full, (), {"Biden"})
    assert named.startswith("Hunter Biden said")


@pytest.mark.parametrize(
    "text",
    [
        "Trudeau acknowledged that the minority government would be fragile after the vote.",
        "The minister conceded that the rollout had been badly run from the start.",
        "The Pentagon admitted Friday that the strike had killed ten civilians.",
        "Jane Roe admitted to reporters on Monday that the plan had failed.",
    ],
)
def test_a_speaker_granting_a_point_attributes_it(text: str) -> None:
    assert language.is_attributed(text)


@pytest.mark.parametrize(
    "text",
    [
        "Forty patients were admitted to hospital with burns on Monday.",
        "The college admits 2,000 students each year from three states.",
        "A doctor who admitted to breaking the law has been sued, in a blow to the clinic.",
    ],
)
def test_admitted_as_an_act_attributes_nothing(text: str) -> None:
    assert not language.is_attributed(text)


def test_a_pronoun_that_acknowledged_a_quote_is_its_speaker() -> None:
    previous = "Jane Roe said the bridge would reopen on Monday after her review."
    for verb in ("acknowledged", "conceded"):
        text = f"“We were too slow,” she {verb}."
        assert NEEDS_CONTEXT in sentence_problems(text)
        named = language.name_from_previous(text, previous)
        assert named == f"“We were too slow,” Jane Roe {verb}."


def test_the_subject_of_a_verb_of_saying_is_the_outlets_words() -> None:
    for verb in ("said", "admitted"):
        subject = (
            f"Massively popular podcaster Jane Roe, who doubts the vaccines, {verb} this week "
            "that she almost got vaccinated."
        )
        assert language.characterisations(subject) == ["massively popular"]
        assert CHARACTERISATION in sentence_problems(subject)
    # What a closing attribution's speaker said is theirs; so is what follows an opening one.
    closing = "The massively popular podcast will end in May, Jane Roe said on Monday."
    opening = "Jane Roe said on Monday that the massively popular podcast will end in May."
    assert CHARACTERISATION not in sentence_problems(closing)
    assert CHARACTERISATION not in sentence_problems(opening)


_PLAIN_REPORT = (
    "House Democrats will consider as much as $2.9 trillion in tax hikes over ten years. "
    "A draft proposal from the Ways and Means Committee circulated on Monday. "
    "The summary includes a top personal rate of 39.6 percent."
)


def test_an_inside_headline_over_a_plain_report_is_news() -> None:
    title = "Inside the White House's plan to raise taxes on the wealthy"
    assert language.opinion_reason(None, title, (), _PLAIN_REPORT) is None
    # A body that interprets in its writer's voice makes it the analysis it promises.
    voiced = f"{_PLAIN_REPORT} The plan suggests that the party is weakening its stance."
    assert language.interprets("The plan suggests that the party is weakening its stance.")
    assert language.opinion_reason(None, title, (), voiced) == language.ANALYSIS_HEADLINE
    # "Behind ..." and "Why ..." promise an interpretation over any body.
    behind = "‘Frustration is high’: Behind the party's falling poll numbers"
    assert language.opinion_reason(None, behind, (), _PLAIN_REPORT) == language.ANALYSIS_HEADLINE


def test_an_inside_headline_is_no_brief_title() -> None:
    """A regression guard: the base of the ninth round passed it too."""
    assert not neutral_headline("Inside the White House's plan to raise taxes on the wealthy")
    assert neutral_headline("White House plans to raise taxes on the wealthy")


@pytest.mark.parametrize(
    "title",
    [
        "Inside Ukraine, fear grows as Russian troops mass on the border",
        "Inside the White House, a scramble to find votes for the spending bill",
    ],
)
def test_inside_a_place_opening_a_headline_is_where_the_news_happens(title: str) -> None:
    """ "Inside <a place>," is no teaser: the headline titles a brief, and a body that
    interprets once makes no analysis of it."""
    assert not language.inside_headline(title)
    assert neutral_headline(title)
    voiced = f"{_PLAIN_REPORT} The plan suggests that the party is weakening its stance."
    assert language.opinion_reason(None, title, (), voiced) is None


@pytest.mark.parametrize(
    "title",
    [
        "Inside Democrats' tax-hike menu",
        "Inside the $1.2 trillion bill: what's in it, and why",
        "Inside Biden's plan, winners and losers",
    ],
)
def test_an_inside_teaser_is_still_one(title: str) -> None:
    """A regression guard: the base of the ninth round passed it too."""
    assert language.inside_headline(title)
    assert not neutral_headline(title)


@pytest.mark.parametrize(
    "before",
    [
        "North Korea launched two ballistic missiles into the sea on Tuesday.",
        "North Korea was launching missiles from a train on Tuesday.",
        "South Korea carried out its first submarine missile launch on Tuesday.",
    ],
)
def test_a_referent_told_in_another_form_of_its_word_is_introduced(before: str) -> None:
    """A regression guard: the base of the ninth round passed it too."""
    for text in (
        "The launches show an arms race on the peninsula, analysts said.",
        "Analysts said the rival launches show an arms race on the peninsula.",
    ):
        assert language.unintroduced_reference(text, before) is None
        # Told in other words ("fired"), or not at all, the launches are new to the reader.
        fired = "North Korea fired two ballistic missiles into the sea on Tuesday."
        assert language.unintroduced_reference(text, fired) == "launches"
        assert language.unintroduced_reference(text, "") == "launches"


@pytest.mark.parametrize(
    ("text", "before", "introduced"),
    [
        (
            "The decision was made by a committee of outside experts who advise the agency.",
            "A federal panel rejected a plan on Friday to give boosters to most Americans.",
            True,
        ),
        (
            "The decision was made by a committee of outside experts who advise the agency.",
            "A federal panel met on Friday to discuss boosters for most Americans.",
            False,
        ),
        (
            "The plan, outlined in a statement, would let the governor declare an emergency.",
            "The governor is considering employing the National Guard to fill staffing gaps.",
            True,
        ),
        (
            "The plan, outlined in a statement, would let the governor declare an emergency.",
            "Hospitals lost thousands of workers who missed a vaccination deadline on Monday.",
            False,
        ),
    ],
)
def test_a_decision_or_a_plan_is_introduced_by_what_decided_or_proposed_it(
    text: str, before: str, introduced: bool
) -> None:
    assert (language.unintroduced_reference(text, before) is None) is introduced


# -- review of the ninth round: verbs of saying that are also deeds, surnames ------------------


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("China asserted control over the disputed reef with aggressive patrols.", "aggressive"),
        (
            "China asserted sovereignty over the islands, stepping up its harassment of "
            "Taiwan's navy.",
            "its harassment",
        ),
        ("Ukraine countered the hawkish Russian offensive with drones.", "hawkish"),
        ("Arsenal conceded two goals in a much-criticised defeat.", "much-criticised"),
    ],
)
def test_a_verb_of_saying_used_as_a_deed_frames_no_characterisation(text: str, found: str) -> None:
    assert not language.is_attributed(text)
    assert found in language.characterisations(text)
    # Before a clause, or closing the sentence, the same verb says whose the words are.
    verb = text.split()[1]
    said = f"Officials {verb} that the {found} patrols had ended."
    assert language.is_attributed(said)
    assert found not in language.characterisations(said)
    closing = f"The {found} patrols had ended, officials {verb}."
    assert language.is_attributed(closing)
    assert found not in language.characterisations(closing)


@pytest.mark.parametrize(
    "text",
    [
        "Nurses stressed by the surge quit in large numbers.",
        "China has countered with sanctions of its own.",
        "Hospitals admitted dozens of patients with burns on Monday.",
        "The college admits students from three states.",
        "The girl was later admitted to a hospital in Boston.",
        "The boy, admitted Monday to a hospital, is in stable condition.",
        "The boy was admitted on Monday.",
        "The girl was later admitted to a hospital that treats burns.",
        "Staff wiped down the kitchen counters.",
    ],
)
def test_a_deed_of_a_verb_of_saying_attributes_nothing(text: str) -> None:
    assert not language.is_attributed(text)


@pytest.mark.parametrize(
    "text",
    [
        "The minister admitted that the rollout had failed.",
        "“The rollout failed,” the minister admitted.",
        "The minister admits to journalists that the rollout failed.",
        "The rollout failed, the minister conceded on Monday.",
        "Jane Roe stressed on Monday that the plan would fail.",
        "Jane Roe countered: the plan would fail.",
        "Dr. Jane Roe admitted to podcast host John Doe Wednesday that the claim was improper.",
    ],
)
def test_a_verb_of_saying_before_words_attributes_them(text: str) -> None:
    assert language.is_attributed(text)


def test_a_pronoun_that_stressed_a_quote_is_its_speaker_but_not_one_that_acted() -> None:
    previous = "Jane Roe said the bridge would reopen on Monday after her review."
    for verb in ("stressed", "asserted", "admitted", "countered"):
        text = f"“We were too slow,” she {verb}."
        assert NEEDS_CONTEXT in sentence_problems(text)
        assert (
            language.name_from_previous(text, previous) == f"“We were too slow,” Jane Roe {verb}."
        )
    acted = "“We were too slow.” She countered with a plan of her own on Monday."
    assert language.name_from_previous(acted, previous) == acted


def test_two_clintons_in_a_story_about_a_bill_share_their_surname() -> None:
    texts = (
        "Former President Bill Clinton spoke at the rally on Monday.",
        "Hillary Clinton said the bill would pass the Senate this week.",
        "The bill passed the Senate on Tuesday.",
        "Clinton said the vote was close.",
    )
    assert language.shared_surnames(texts) == {"Clinton"}
    assert "Clinton" not in language.full_names(texts)
    printed = with_full_names(["Clinton said the vote was close."], _wording(*texts))
    assert printed == ["Clinton said the vote was close."]
    # A word the texts write in lower case is no given name where it opens a sentence.
    opening = ("Joe Biden spoke on Monday.", "Bill Biden raised went to ads.", "The bill passed.")
    assert language.shared_surnames(opening) == frozenset()


@pytest.mark.parametrize(
    ("texts", "full"),
    [
        (("Bob Menendez spoke.", "Sen. Robert Menendez said the talks failed."), "Robert Menendez"),
        (("Bill Nelson spoke.", "William Nelson said the launch slipped."), "William Nelson"),
        (("Eric Adams announced the mandate.", "Mayor Adams said it starts soon."), "Eric Adams"),
        (
            ("Donald Trump sued the panel.", "Ex-President Trump said it was biased."),
            "Donald Trump",
        ),
        (("Donald Trump spoke on Monday.", "Candidate Trump promised a wall."), "Donald Trump"),
        (("Joe Biden spoke on Monday.", "In Delaware Biden rested for the weekend."), "Joe Biden"),
    ],
)
def test_a_nickname_a_role_or_a_place_makes_no_second_person(
    texts: tuple[str, ...], full: str
) -> None:
    texts = (*texts, f"{full.split()[-1]} spoke on Tuesday.")
    assert language.shared_surnames(texts) == frozenset()
    assert language.full_names(texts)[full.split()[-1]] == full


def test_a_plan_only_considered_whether_is_not_introduced() -> None:
    text = "The plan, outlined in a statement, would let the governor declare an emergency."
    weighed = "Officials are considering whether to close schools next week."
    assert language.unintroduced_reference(text, weighed) == "plan"
    proposed = "The governor is considering employing the National Guard to fill staffing gaps."
    assert language.unintroduced_reference(text, proposed) is None
