"""A person's first mention in a brief carries the full name and the role the articles give;
a later one the surname alone (issue 11, rule 5): every rule in both directions."""

from __future__ import annotations

import pytest

from briefing import language
from briefing.compose.printable import Wording, with_full_names
from records import sentence, source

_NAMES = {
    "Mayorkas": "Alejandro Mayorkas",
    "Foote": "Daniel Foote",
    "Gupta": "Sanjay Gupta",
    "Milley": "Mark Milley",
    "Biden": "Joe Biden",
    "Rogan": "Joe Rogan",
}
_INTRODUCED = (
    "Homeland Security Secretary Alejandro Mayorkas issued a memo. Daniel Foote resigned. "
    "Dr. Sanjay Gupta spoke. President Biden spoke. Gen. Mark Milley testified. Joe Rogan spoke."
)


@pytest.mark.parametrize(
    ("text", "written"),
    [
        (
            "Biden met with Homeland Security Secretary Alejandro Mayorkas on Tuesday.",
            "Biden met with Mayorkas on Tuesday.",
        ),
        ("The diplomat, Daniel Foote, said the policy was inhumane.", "Foote said the policy"),
        ("CNN chief medical correspondent Dr. Sanjay Gupta admitted it.", "Gupta admitted it."),
        ("Gen. Mark Milley said the calls were routine.", "Milley said the calls"),
        # A middle initial or none: one person.
        ("Gen. Mark A. Milley said the calls were routine.", "Milley said the calls"),
        ("Podcaster Joe Rogan said he had recovered.", "Rogan said he had recovered."),
        # An opening function word stays.
        ("But Joe Rogan said he had recovered.", "But Rogan said he had"),
        # Words before the name that are no role stay ("to limit then-President").
        (
            "Milley took steps to limit then-President Mark Milley from acting.",
            "Milley took steps to limit then-President Milley from",
        ),
        # Introduced by title and surname ("President Biden"): the full name is a repeat.
        ("Pelosi thanked Joe Biden for the call.", "Pelosi thanked Biden for the call."),
        ("The Joe Biden administration ended it.", "The Biden administration ended it."),
    ],
)
def test_a_person_the_brief_has_introduced_is_named_by_surname(text: str, written: str) -> None:
    assert language.second_references(text, _INTRODUCED, _NAMES).startswith(written)


@pytest.mark.parametrize(
    "text",
    [
        # Words inside a quotation are the speaker's.
        "“Alejandro Mayorkas has failed,” the senator said on Monday.",
        # A title second_references cannot read whole stays with the full name.
        "Chairman of the Joint Chiefs of Staff Gen. Mark Milley said the calls were routine.",
        # An opening word that may be part of the title ("Army Gen.") or not ("Yesterday").
        "Army Gen. Mark A. Milley said the calls were routine.",
        "Yesterday Joe Rogan said he had recovered.",
    ],
)
def test_quotes_and_titles_it_cannot_read_keep_the_full_name(text: str) -> None:
    assert language.second_references(text, _INTRODUCED, _NAMES) == text


def test_a_person_not_yet_introduced_keeps_the_full_name() -> None:
    text = "Homeland Security Secretary Alejandro Mayorkas issued a memo on Tuesday."
    assert language.second_references(text, "Joe Rogan spoke.", _NAMES) == text


def test_an_institution_is_no_person_and_keeps_its_name() -> None:
    texts = [
        "The International Monetary Fund said growth would slow this year.",
        "The Fund cut its forecast on Tuesday.",
        "Podcaster Joe Rogan said he had recovered.",
        "Daniel Foote wrote in his letter that the policy was inhumane.",
        "The panel subpoenaed Jeffrey Clark, who led the civil division.",
        "A close ally of Speaker Nancy Pelosi spoke.",
    ]
    names = {
        "Fund": "International Monetary Fund",
        "Rogan": "Joe Rogan",
        "Foote": "Daniel Foote",
        "Clark": "Jeffrey Clark",
        "Pelosi": "Nancy Pelosi",
    }
    assert set(language.named_people(texts, names)) == {"Rogan", "Foote", "Clark", "Pelosi"}


@pytest.mark.parametrize(
    ("text", "name", "role"),
    [
        ("Attorney General Merrick Garland issued a memo.", "Merrick Garland", "Attorney General"),
        (
            "Senate Minority Leader Mitch McConnell spoke.",
            "Mitch McConnell",
            "Senate Minority Leader",
        ),
        ("CNN chief medical correspondent Dr. Sanjay Gupta spoke.", "Sanjay Gupta", None),
        # A clause's words before the title are no part of it.
        ("The paper reported in an analysis that President Joe Biden erred.", "Joe Biden", None),
    ],
)
def test_a_role_written_as_a_title_is_the_persons_role(
    text: str, name: str, role: str | None
) -> None:
    found = language.roles([text], [name])
    if role is None:
        assert found[name] in {"CNN chief medical correspondent Dr.", "President"}
    else:
        assert found == {name: role}


def test_a_role_held_then_is_not_the_persons_role() -> None:
    texts = ["In 2019, then-President Donald Trump signed it.", "Donald Trump spoke on Monday."]
    assert language.roles(texts, ["Donald Trump"]) == {}


def _wording(*texts: str) -> Wording:
    sents = {f"a:{n}": sentence("a", n, text) for n, text in enumerate(texts)}
    return Wording.of(sents, {"a": source("a", 0.9)})


def test_a_brief_introduces_a_person_once() -> None:
    story = (
        "Attorney General Merrick Garland directed the FBI to meet local leaders.",
        "Garland said threats against school boards were rising.",
        "The memo was released on Monday evening by Merrick Garland.",
    )
    printed = with_full_names(
        [
            "Merrick Garland directed the FBI to meet local leaders within 30 days.",
            "In a memo, Attorney General Merrick Garland said threats were rising.",
        ],
        _wording(*story),
    )
    assert printed == [
        "Attorney General Merrick Garland directed the FBI to meet local leaders within 30 days.",
        "In a memo, Garland said threats were rising.",
    ]


@pytest.mark.parametrize(
    "text",
    [
        # A title right before the name, or an appositive after it, says who the person is.
        "Gen. Mark Milley testified on Tuesday before the Senate.",
        "Mark Milley, the chairman of the Joint Chiefs of Staff, testified on Tuesday.",
        # A word for a person before the name says who ("reporter Bob Woodward").
        "The book by reporter Mark Milley was excerpted on Tuesday.",
    ],
)
def test_no_role_is_added_where_the_sentence_gives_one(text: str) -> None:
    story = ("Joint Chiefs of Staff Chairman Mark Milley spoke.", "Milley said it was routine.")
    assert with_full_names([text], _wording(*story)) == [text]


@pytest.mark.parametrize(
    "text",
    [
        "The recount found that President Biden defeated former president Trump in the county.",
        "The leak angered White House spokesman Trump on Monday.",
    ],
)
def test_a_role_noun_in_lower_case_introduces_a_person_as_a_title_does(text: str) -> None:
    # "former president Trump": a given name written in would be one the cited article may
    # not hold, and the verifier would drop the sentence as unsupported.
    assert language.surnames_before_full_mention(text, "", {"Trump": "Donald Trump"}) == []


@pytest.mark.parametrize(
    "text",
    [
        "Mr Trump said the count was wrong.",
        "The count angered Trump on Monday.",
        "The count was a setback for Trump, the former president.",
    ],
)
def test_a_surname_after_an_honorific_or_no_role_still_gets_its_full_name(text: str) -> None:
    assert language.surnames_before_full_mention(text, "", {"Trump": "Donald Trump"}) == ["Trump"]


def test_a_title_and_surname_introduce_a_person() -> None:
    names = {"Biden": "Joe Biden"}
    first = "President Biden canceled a trip to Chicago on Wednesday."
    # Written as the articles write it (a given name the cited article may not hold would
    # leave the sentence unsupported), and a later surname needs no full name.
    assert language.surnames_before_full_mention(first, "", names) == []
    assert language.surnames_before_full_mention("Biden stayed in Washington.", first, names) == []
    assert language.surnames_before_full_mention("Biden stayed in Washington.", "", names) == [
        "Biden"
    ]
