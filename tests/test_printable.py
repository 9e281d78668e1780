"""Which member is printed and how (issue 11): every rule in both directions."""

from __future__ import annotations

import pytest

from briefing import language
from briefing.compose.base import ComposeInput
from briefing.compose.extractive import ExtractiveComposer
from briefing.compose.printable import (
    Wording,
    attributed_once,
    attributed_to_outlet,
    clean_title,
    headline,
    outlet_attributed,
    printable,
)
from briefing.config import BriefingConfig
from briefing.models import Evidence
from records import claim, sentence, source


def _print(members, sources):
    c = claim("C1", members[0].text, members)
    sents = {s.id: s for s in members}
    return printable(c, Wording.of(sents, sources))


def _given(claims, sents, sources) -> ComposeInput:
    return ComposeInput(
        claims=tuple(claims),
        sentences={s.id: s for s in sents},
        sources=sources,
        config=BriefingConfig(),
    )


def test_a_truncated_excerpt_gives_way_to_a_whole_sentence() -> None:
    cut = sentence("a", 0, "The officers were sued by the estate of a man whom they shot after...")
    whole = sentence(
        "b", 0, "The officers were sued by the estate of a man they shot, the court said."
    )
    printed = _print([cut, whole], {"a": source("a", 0.99), "b": source("b", 0.5)})
    assert printed.sentence == whole


def test_a_truncated_excerpt_alone_is_left_out_with_the_reason() -> None:
    cut = sentence("a", 0, "The officers were sued by the estate of a man whom they shot after...")
    printed = _print([cut], {"a": source("a", 0.99)})
    assert printed.text is None
    assert "truncated excerpt" in (printed.reason or "")


def test_a_dateline_is_stripped_from_the_printed_sentence() -> None:
    lead = sentence("a", 0, "MOSCOW (AP) — The Kremlin said Xi backed Putin's demand on Wednesday.")
    printed = _print([lead], {"a": source("a", 0.99)})
    assert printed.text == "The Kremlin said Xi backed Putin's demand on Wednesday."


def test_link_debris_is_removed_from_the_printed_sentence() -> None:
    study = sentence(
        "a", 0, "The study (pdf), funded by the state, found fewer infections (opens in new tab)."
    )
    printed = _print([study], {"a": source("a", 0.99)})
    assert printed.text == "The study, funded by the state, found fewer infections."
    # A bracket that says something stays: "(D-Va.)" names a party and a state.
    senator = sentence("a", 0, "Sen. Tim Kaine (D-Va.) backed the stopgap bill on Thursday.")
    assert _print([senator], {"a": source("a", 0.99)}).text == senator.text


def test_quoted_words_are_printed_with_their_marks() -> None:
    unmarked = sentence(
        "a",
        0,
        "Xi said he understands Russia’s concerns and fully supports our initiative, Ushakov said.",
    )
    marked = sentence(
        "b",
        0,
        "Xi said he “understands Russia’s concerns and fully supports our initiative,” "
        "Ushakov said.",
    )
    printed = _print([unmarked, marked], {"a": source("a", 0.99), "b": source("b", 0.3)})
    assert printed.sentence == marked


def test_a_short_quote_with_its_speaker_is_printed() -> None:
    quote = sentence("a", 0, "“We will not back down,” Biden said on Tuesday in Washington.")
    assert _print([quote], {"a": source("a", 0.9)}).text == quote.text


@pytest.mark.parametrize(
    ("worded", "plainer"),
    [
        (  # loaded words
            "The senator slammed the brutal plan in a speech on Monday.",
            "The senator criticised the plan in a speech on Monday.",
        ),
        (  # an interpretation in the writer's voice
            "The vote was a heavy blow to the governor's plans for the state.",
            "Lawmakers voted 30-10 against the governor's plan on Friday.",
        ),
    ],
)
def test_a_plainer_member_replaces_loaded_or_interpreting_wording(
    worded: str, plainer: str
) -> None:
    plain = sentence("b", 0, plainer)
    printed = _print(
        [sentence("a", 0, worded), plain], {"a": source("a", 0.99), "b": source("b", 0.4)}
    )
    assert printed.sentence == plain


def test_an_opinion_line_is_attributed_to_its_column() -> None:
    """Issue 11, item 6: by the name the source gives, the outlet's or the writer's; by its
    kind alone where the source names no outlet."""
    line = sentence("op", 0, "The West Virginia senator came with plenty of rationalizations.")
    sources = {"op": source("op", 0.9, kind="opinion", outlet="The Washington Post")}
    assert _print([line], sources).text == (
        "The Washington Post wrote in an opinion column that the West Virginia senator came "
        "with plenty of rationalizations."
    )
    writer = {"op": source("op", 0.9, kind="opinion", outlet="Jennifer Rubin")}
    assert _print([line], writer).text.startswith("Jennifer Rubin wrote in an opinion column that")
    quote = sentence("op", 1, "Senator Joe Manchin said: “The bill is over.”")
    unnamed = {"op": source("op", 0.9, kind="opinion")}
    assert _print([quote], unnamed).text == (
        "Senator Joe Manchin said: “The bill is over”, according to an opinion column."
    )
    site = {"op": source("op", 0.9, kind="opinion", outlet="nypost.com")}
    assert _print([line], site).text.endswith(", according to an opinion column.")


def test_a_news_analysis_line_is_attributed_to_an_analysis() -> None:
    line = sentence("an", 0, "The president's honeymoon period came to an end this summer.")
    reason = "analysis or explainer headline"
    sources = {"an": source("an", 0.9, kind="opinion", outlet="X", kind_reason=reason)}
    # Round 7: a news analysis is attributed by its outlet's name, where the source has one.
    assert _print([line], sources).text == (
        "X reported in an analysis that the president's honeymoon period came to an end this "
        "summer."
    )
    unnamed = {"an": source("an", 0.9, kind="opinion", kind_reason=reason)}
    assert _print([line], unnamed).text == (
        "The president's honeymoon period came to an end this summer, according to a news analysis."
    )


def test_a_rubric_line_of_an_opinion_piece_is_attributed_once() -> None:
    framed = "The big picture: Anything short of failure could change how the country works."
    sources = {"op": source("op", 0.9, kind="opinion", outlet="X")}
    assert _print([sentence("op", 0, framed)], sources).text == (
        "Anything short of failure could change how the country works, according to a news "
        "analysis."
    )
    # Without a rubric the opinion piece's line gets the column's attribution.
    plain = "Anything short of failure could change how the country works."
    assert _print([sentence("op", 1, plain)], sources).text == (
        "X wrote in an opinion column that anything short of failure could change how the "
        "country works."
    )


def test_a_line_of_an_opinion_publication_is_attributed_to_the_publication() -> None:
    line = sentence("nr", 0, "The House delayed its vote on the infrastructure bill on Friday.")
    reason = "publication of opinion and commentary"
    sources = {"nr": source("nr", 0.6, kind="opinion", outlet="X", kind_reason=reason)}
    assert _print([line], sources).text == (
        "X, an opinion publication, reported that the House delayed its vote on the "
        "infrastructure bill on Friday."
    )
    times = {"nr": source("nr", 0.6, kind="opinion", outlet="Washington Times", kind_reason=reason)}
    assert _print([line], times).text.startswith(
        "The Washington Times, an opinion publication, reported that the House"
    )
    unnamed = {"nr": source("nr", 0.6, kind="opinion", kind_reason=reason)}
    assert _print([line], unnamed).text == (
        "The House delayed its vote on the infrastructure bill on Friday, according to an "
        "opinion publication."
    )


def test_news_wording_wins_over_an_opinion_columns() -> None:
    line = sentence("op", 0, "The senator blocked the climate bill again on Friday afternoon.")
    news = sentence("ap", 0, "The senator blocked the climate bill on Friday, his office said.")
    sources = {"op": source("op", 0.95, kind="opinion", outlet="X"), "ap": source("ap", 0.9)}
    assert _print([line, news], sources).sentence == news


def test_claims_no_member_can_print_are_listed_with_their_reason() -> None:
    good = sentence("a", 0, "The Biden-Xi summit was held by video link on Wednesday morning.")
    bad = sentence("a", 1, "He also said the talks went well for both sides.", 0.5)
    claims = [claim("C1", good.text, [good]), claim("C2", bad.text, [bad], 0.5)]
    out = ExtractiveComposer().compose(_given(claims, [good, bad], {"a": source("a", 0.9)}))
    assert [s.text for s in out.sentences] == [good.text]
    assert [(item.text, "opener that needs context" in item.reason) for item in out.left_out] == [
        (bad.text, True)
    ]


def test_first_mention_gets_full_name_and_role() -> None:
    intro = sentence(
        "a", 0, "Putin's foreign affairs adviser Yuri Ushakov spoke to reporters on Wednesday."
    )
    said = sentence("a", 1, "Ushakov said Xi backed the demand for security guarantees.", 0.5)
    claims = [claim("C2", said.text, [said], 0.5)]
    out = ExtractiveComposer().compose(_given(claims, [intro, said], {"a": source("a", 0.9)}))
    assert [s.text for s in out.sentences] == [
        "Putin's foreign affairs adviser Yuri Ushakov said Xi backed the demand for security "
        "guarantees."
    ]


def _brief(texts: list[str], story: list[str]) -> list[str]:
    """The texts as printed in one brief, by a composer that reads the story's sentences."""
    given = [sentence("a", n, text) for n, text in enumerate(texts)]
    other = [sentence("b", n, text) for n, text in enumerate(story)]
    claims = [claim(f"C{n}", s.text, [s], 0.9 - n / 100) for n, s in enumerate(given)]
    sources = {"a": source("a", 0.9), "b": source("b", 0.9)}
    out = ExtractiveComposer().compose(_given(claims, [*given, *other], sources))
    return [s.text for s in out.sentences]


def test_an_acronym_is_written_out_at_its_first_mention_from_an_articles_long_form() -> None:
    story = ["Gen. Mark Milley is chairman of the Joint Chiefs of Staff (JCS) and spoke Tuesday."]
    once = ["The JCS chairman called his Chinese counterpart twice, the Pentagon said on Friday."]
    assert _brief(once, story) == [
        "The Joint Chiefs of Staff chairman called his Chinese counterpart twice, the Pentagon "
        "said on Friday."
    ]
    twice = [*once, "The JCS declined to comment on the calls when asked on Friday night."]
    assert _brief(twice, story) == [
        "The Joint Chiefs of Staff (JCS) chairman called his Chinese counterpart twice, the "
        "Pentagon said on Friday.",
        twice[1],
    ]


def test_an_acronym_no_article_spells_out_or_a_well_known_one_stays() -> None:
    plain = ["The FBI and the SEC opened an inquiry into the trades on Monday, officials said."]
    story = ["The Federal Bureau of Investigation (FBI) declined to comment on the inquiry."]
    assert _brief(plain, story) == plain
    tied = ["The Securities and Exchange Commission (SEC) opened an inquiry on Monday, it said."]
    assert (
        _brief(
            [*tied, "The SEC fined the bank two million dollars, officials said."],
            ["The Securities and Exchange Commission (SEC) regulates the markets of the country."],
        )[1]
        == "The SEC fined the bank two million dollars, officials said."
    )


def test_titles_lose_site_and_section_suffixes() -> None:
    assert (
        clean_title("Losing face: 6,000 masks stolen | The Japan Times")
        == "Losing face: 6,000 masks stolen"
    )
    assert clean_title("Xi backs Putin - BBC News") == "Xi backs Putin"
    assert clean_title("Merkel meets Putin | DW | 19.01.2020") == "Merkel meets Putin"
    assert clean_title("Opinion | Manchin’s choice") == "Manchin’s choice"
    assert clean_title("China supports Russia in NATO demands – Moscow") == (
        "China supports Russia in NATO demands – Moscow"
    )


def test_the_title_is_a_supporting_news_headline_without_loaded_words() -> None:
    s = sentence("a", 0, "Xi backed Putin's demand for security guarantees on Wednesday.")
    sources = {
        "a": source("a", 0.9, title="Xi slams West, backs Putin's guarantees | Example News"),
        "b": source(
            "b", 0.8, title="Xi backs Putin's demand for guarantees - Example", outlet="Example"
        ),
        "c": source("c", 0.99, title="Masks stolen from Kobe hospital | The Japan Times"),
    }
    t = sentence("b", 0, s.text)
    c = claim("C1", s.text, [s, t])
    given = _given([c], [s, t], sources)
    assert headline(given, [(c, s.text)]) == "Xi backs Putin's demand for guarantees"
    # A headline is never taken from an article whose sentence the brief does not print.
    # Nor is the brief's opening sentence its title.
    other = sentence("b", 0, "Officials in Beijing gave no details of the call afterwards.")
    c = claim("C1", s.text, [s, other])
    given = _given([c], [s, other], sources)
    assert headline(given, [(c, s.text)]) == "Brief"


def test_a_headline_whose_figure_the_brief_never_states_is_not_the_title() -> None:
    """Issue 11, item 7: the title is a headline whose lead fact the brief states; its figure
    is that fact ("... leaves at least 2 dead" over a brief of three dead is no title)."""
    s = sentence("a", 0, "A bomb outside the main mosque in Kabul killed at least three people.")
    t = sentence("b", 0, "A bomb outside Kabul's main mosque killed three people, police said.")
    sources = {
        "a": source("a", 0.95, title="Bombing outside Kabul mosque leaves at least 2 dead"),
        "b": source("b", 0.8, title="Bombing outside Kabul mosque kills three"),
    }
    c = claim("C1", s.text, [s, t])
    given = _given([c], [s, t], sources)
    # The more credible headline gives a figure the brief does not: the other one titles it.
    assert headline(given, [(c, s.text)]) == "Bombing outside Kabul mosque kills three"
    # A figure written as a word or in digits is one figure.
    digits = {**sources, "b": source("b", 0.8, title="Bombing outside Kabul mosque kills 3")}
    assert headline(_given([c], [s, t], digits), [(c, s.text)]) == (
        "Bombing outside Kabul mosque kills 3"
    )
    # With no headline left, the brief is not titled by a figure it never states.
    only = {"a": sources["a"], "b": source("b", 0.8, title="Kabul mosque bombing leaves 2 dead")}
    assert headline(_given([c], [s, t], only), [(c, s.text)]) == "Brief"


def test_an_opinion_line_is_never_the_title() -> None:
    line = sentence("op", 0, "The senator came with plenty of rationalizations for the vote.")
    sources = {"op": source("op", 0.9, kind="opinion", outlet="The Post", title="Manchin’s vote")}
    c = claim("C1", line.text, [line])
    text = "The senator came with plenty of rationalizations for the vote, according to an "
    text += "opinion column."
    assert headline(_given([c], [line], sources), [(c, text)]) == "Opinion: Manchin’s vote"
    other = sentence("op2", 0, "The senator came with many rationalizations for the vote.")
    both = {**sources, "op2": source("op2", 0.95, kind="opinion", outlet="Y", title="The vote")}
    c2 = claim("C1", line.text, [line, other])
    assert headline(_given([c2], [line, other], both), [(c2, text)]) == "Opinion: Manchin’s vote"
    title = "Manchin’s vote was shameful"  # a loaded predicate: no plain rewrite keeps it
    loaded = {"op": source("op", 0.9, kind="opinion", outlet="X", title=title)}
    assert headline(_given([c], [line], loaded), [(c, text)]) == "Brief"


def test_an_imperative_opinion_headline_never_titles_the_brief() -> None:
    # The goal the opinion piece's sentence states, printed attributed; a news article says it
    # too. Its imperative headline argues: the news headline titles the brief, and without one
    # (all lines attributed opinion) the brief is "Brief", never the argument.
    text = "The World Health Organization set a goal of vaccinating 10 percent of every country."
    op = sentence("op", 0, text)
    news = sentence("n", 0, "The World Health Organization set a goal of vaccinating 10 percent.")
    argued = "Vaccinate the World before Starting Booster Shots"
    sources = {
        "op": source("op", 0.95, kind="opinion", outlet="Science Monthly", title=argued),
        "n": source("n", 0.9, title="WHO sets a goal for vaccinating every country"),
    }
    c = claim("C1", text, [op, news])
    given = _given([c], [op, news], sources)
    assert headline(given, [(c, text)]) == "WHO sets a goal for vaccinating every country"
    alone = claim("C1", text, [op])
    printed = text.rstrip(".") + ", according to an opinion column."
    assert headline(_given([alone], [op], sources), [(alone, printed)]) == "Brief"
    plain = {"op": source("op", 0.95, kind="opinion", outlet="X", title="The vaccine goal")}
    assert headline(_given([alone], [op], plain), [(alone, printed)]) == "Opinion: The vaccine goal"


def test_sources_days_apart_put_the_period_in_the_title() -> None:
    s = sentence("a", 0, "Xi backed Putin's demand for security guarantees on Wednesday.")
    t = sentence("b", 0, "Xi backed Putin's demand for security guarantees, Moscow said.")
    sources = {
        "a": source("a", 0.9, title="Xi backs Putin", published="2021-12-14"),
        "b": source("b", 0.9, published="2021-12-17"),
    }
    c = claim("C1", s.text, [s, t])
    assert headline(_given([c], [s, t], sources), [(c, s.text)]) == (
        "Xi backs Putin (14 December 2021 to 17 December 2021)"
    )
    sources["b"] = source("b", 0.9, published="2021-12-15")
    assert headline(_given([c], [s, t], sources), [(c, s.text)]) == "Xi backs Putin"


def test_a_fragment_in_lower_case_is_not_capitalised_into_a_sentence() -> None:
    cut = sentence("a", 0, "and the imprisonment of opposition leader Alexei.")
    printed = _print([cut], {"a": source("a", 0.99)})
    assert printed.text is None
    assert "fragment" in (printed.reason or "")


def test_a_headline_that_is_an_opening_sentence_or_argues_is_not_the_title() -> None:
    lead = "Xi backed Putin's demand for security guarantees in a call on Wednesday."
    s = sentence("a", 0, lead)
    t = sentence("b", 0, "Xi backed Putin's demand for security guarantees, the Kremlin said.")
    c = claim("C1", s.text, [s, t])

    def title(first: str, second: str) -> str:
        sources = {"a": source("a", 0.9, title=first), "b": source("b", 0.8, title=second)}
        return headline(_given([c], [s, t], sources), [(c, s.text)])

    assert title(lead, "Xi backs Putin on guarantees") == "Xi backs Putin on guarantees"
    assert title("Xi backs Putin.", "Xi backs Putin on guarantees") == (
        "Xi backs Putin on guarantees"
    )
    assert title("Why Xi backs Putin", "Xi backs Putin on guarantees") == (
        "Xi backs Putin on guarantees"
    )
    assert title("Xi call is a blow to the West", "Xi backs Putin") == "Xi backs Putin"
    assert title("5 things to know about Xi", "Xi backs Putin") == "Xi backs Putin"
    assert title("A simple guide to the Xi call", "Xi backs Putin") == "Xi backs Putin"
    assert title("The Xi call explained", "Xi backs Putin") == "Xi backs Putin"
    guided = "Xi backed Putin on guarantees, guide says"
    assert title(guided, "Xi backs Putin") == guided
    # A headline sharing no word with the lead still beats the lead sentence itself.
    assert title("Kremlin hails Beijing talks", "Kremlin hails Beijing talks") == (
        "Kremlin hails Beijing talks"
    )


def test_a_reference_waits_for_the_sentence_that_introduces_it() -> None:
    ref = sentence("a", 1, "The launches came days after talks between the two Koreas stalled.")
    intro = sentence("b", 0, "North Korea launched two ballistic missiles into the sea on Monday.")
    claims = [claim("C1", ref.text, [ref]), claim("C2", intro.text, [intro], 0.5)]
    sources = {"a": source("a", 0.9), "b": source("b", 0.9)}
    out = ExtractiveComposer().compose(_given(claims, [ref, intro], sources))
    assert [s.text for s in out.sentences] == [intro.text, ref.text]
    alone = ExtractiveComposer().compose(_given(claims[:1], [ref], sources))
    assert alone.sentences == ()
    assert "never introduced" in alone.left_out[0].reason


def test_a_ranked_claim_stands_in_for_a_selected_one_that_cannot_print() -> None:
    first = sentence("a", 0, "North Korea fired two ballistic missiles into the sea on Monday.")
    cut = sentence("a", 1, "The sources say the test was the third this month...", 0.3)
    retold = sentence("b", 0, "North Korea fired two ballistic missiles into the sea, Seoul said.")
    other = sentence("b", 1, "Japan's prime minister called an emergency meeting in Tokyo.", 0.6)
    claims = [claim(f"C{n}", s.text, [s], n / 4) for n, s in enumerate([first, cut, retold, other])]
    sources = {"a": source("a", 0.9), "b": source("b", 0.9)}
    given = _given(claims, [first, cut, retold, other], sources).model_copy(
        update={"selected": (claims[0], claims[1])}
    )
    out = ExtractiveComposer().compose(given)
    # The retelling of the first sentence is passed over; the left-out claim is listed.
    assert [s.text for s in out.sentences] == [first.text, other.text]
    assert [item.text for item in out.left_out] == [cut.text]


def test_a_person_from_one_articles_anecdote_is_left_out_and_a_news_subject_is_kept() -> None:
    anecdote = sentence("a", 0, "Tom Reyes, age 61, lost a job as a custodian in 2020.")
    other = sentence("b", 0, "About 9.1 percent of Americans were poor last year, the bureau said.")
    sources = {"a": source("a", 0.9), "b": source("b", 0.9)}
    c = claim("C1", anecdote.text, [anecdote])
    found = printable(c, Wording.of({s.id: s for s in (anecdote, other)}, sources))
    assert found.text is None
    assert language.ANECDOTE in (found.reason or "")
    subject = sentence("a", 0, "Ann Lee, 78, received a booster shot at the White House on Monday.")
    named = sentence("b", 0, "Ann Lee received her booster shot in public, her doctor said.")
    c = claim("C2", subject.text, [subject])
    found = printable(c, Wording.of({s.id: s for s in (subject, named)}, sources))
    assert found.text == subject.text


def test_two_attributed_lines_share_their_attribution_without_retelling_a_fact() -> None:
    first = sentence("a", 0, "Mayor Ann Lee kept the old bus fares in place for another year.")
    cut = sentence("a", 1, "The sources say the vote was the third this month...", 0.3)
    other = sentence("a", 2, "Ann Lee is a very different mayor from her predecessor.", 0.6)
    claims = [claim(f"C{n}", s.text, [s], n / 3) for n, s in enumerate([first, cut, other])]
    sources = {"a": source("a", 0.9, kind="opinion", kind_reason="analysis URL path")}
    given = _given(claims, [first, cut, other], sources).model_copy(
        update={"selected": (claims[0], claims[1])}
    )
    out = ExtractiveComposer().compose(given)
    assert [s.text for s in out.sentences] == [
        f"{first.text[:-1]}, according to a news analysis.",
        f"{other.text[:-1]}, according to a news analysis.",
    ]


def test_a_claim_is_printed_by_another_source_only_where_that_sentence_states_all_of_it() -> None:
    # The member needs the sentence before it ("He"); another outlet's sentence stands in only
    # where the matcher found it states all of the claim on its own, never where it supports a
    # part of it or needs the sentence after it: it would tell another fact under this claim.
    member = sentence("ap", 3, "He said the proposals were handed to Karen Donfried on Wednesday.")
    other = sentence(
        "bbc", 0, "Sergei Ryabkov handed the Russian proposals to Karen Donfried on Wednesday."
    )
    sources = {"ap": source("ap", 0.9), "bbc": source("bbc", 0.9)}
    base = claim("C1", member.text, [member])

    def printed(**found: object) -> object:
        evidence = Evidence(
            source_id="bbc", sentence=other.text, score=0.7, sentence_id=other.id, **found
        )
        widened = base.model_copy(update={"evidence": (*base.evidence, evidence)})
        return printable(widened, Wording.of({s.id: s for s in (member, other)}, sources))

    assert printed().sentence == other
    assert printed(part="in part").sentence is None
    assert printed(part="the proposals were handed to Karen Donfried").sentence is None
    assert printed(sentence_ids=("bbc:0", "bbc:1")).sentence is None


def _print_after(previous: str, member: str, credibility: float = 0.9):
    """`member` printed as a claim of its own, the article's sentence before it `previous`."""
    before, line = sentence("a", 0, previous), sentence("a", 1, member)
    sents = {s.id: s for s in (before, line)}
    return printable(claim("C1", member, [line]), Wording.of(sents, {"a": source("a", 0.9)}))


def test_a_quote_gets_the_speaker_the_article_names_just_before_it() -> None:
    printed = _print_after(
        "House Speaker Jane Roe told Democrats in a letter that the vote is on Thursday.",
        "“We are going to pass the bill this week,” she told a television host.",
    )
    assert printed.text == (
        "“We are going to pass the bill this week,” Jane Roe told a television host."
    )


def test_a_pronoun_speaker_no_sentence_before_names_is_left_out() -> None:
    printed = _print_after(
        "The talks in Albany went on until late on Monday night.",
        "“We are going to pass the bill this week,” she told a television host.",
    )
    assert printed.text is None
    assert language.NEEDS_CONTEXT in (printed.reason or "")


def test_an_analysts_rubric_becomes_the_analysts_attribution() -> None:
    member = (
        "Why it matters, via Axios' Jane Roe: The recall may have done more to help the governor."
    )
    printed = _print([sentence("a", 0, member)], {"a": source("a", 0.9)})
    assert printed.text == (
        "The recall may have done more to help the governor, according to Axios' Jane Roe."
    )
    framed = "The big picture: Anything short of failure could change how the country works."
    assert _print([sentence("a", 0, framed)], {"a": source("a", 0.9)}).text == (
        "Anything short of failure could change how the country works, according to a news "
        "analysis."
    )
    # A dateline before the rubric: the line keeps its attribution.
    dated = "WASHINGTON — The big picture: Anything short of failure could change the country."
    assert _print([sentence("a", 0, dated)], {"a": source("a", 0.9)}).text == (
        "Anything short of failure could change the country, according to a news analysis."
    )
    # "Why it matters:" heads facts as often as analysis: the label goes, the fact stays.
    fact = "Why it matters: An initial group of 37,000 refugees will soon reach the states."
    assert _print([sentence("a", 0, fact)], {"a": source("a", 0.9)}).text == (
        "An initial group of 37,000 refugees will soon reach the states."
    )


def test_a_line_reading_x_reported_that_titles_the_brief_unlike_its_outlets_attribution() -> None:
    text = "Police reported that two people were killed in the crash near Denver on Monday."
    s = sentence("a", 0, text)
    sources = {
        "a": source("a", 0.9, title="Highway pile-up closes interstate | Example News"),
    }
    c = claim("C1", text, [s])
    given = _given([c], [s], sources)
    assert headline(given, [(c, text)]) == "Highway pile-up closes interstate"
    # The same line printed as its outlet's report ("Example News reported that ...") is the
    # outlet's framing: its headline titles no brief.
    sources = {"a": source("a", 0.9, title=sources["a"].title, outlet="Example News")}
    given = _given([c], [s], sources)
    printed = f"Example News reported that police reported that two people were killed {text[44:]}"
    assert headline(given, [(c, printed)]) == "Brief"
    assert outlet_attributed(printed, ["Example News"])
    assert not outlet_attributed(text, ["Example News"])
    assert not outlet_attributed("The CDC reported that cases rose 12%.", ["Example News"])


def test_a_named_opening_the_verifier_would_not_read_is_not_written() -> None:
    """The opening printed is the one the verifier reads as the voice (`VOICE_OPENING`): an
    outlet recorded with a comma keeps the closing attribution."""
    line = sentence("op", 0, "The senator came with plenty of rationalizations for the vote.")
    odd = {"op": source("op", 0.9, kind="opinion", outlet="Reuters, Inc.")}
    assert _print([line], odd).text.endswith(", according to an opinion column.")
    for outlet in ("The St. Louis Post-Dispatch", "AP Politics & Fact Check", "Jennifer Rubin"):
        named = {"op": source("op", 0.9, kind="opinion", outlet=outlet)}
        printed = _print([line], named).text
        assert printed.startswith(f"{outlet} wrote in an opinion column that the senator")
        assert language.VOICE_OPENING.match(printed)


@pytest.mark.parametrize(
    ("title", "told"),
    [
        ("Blast kills 25 in Kabul", "Twenty-five people were killed in a blast in Kabul."),
        ("Jan. 6 panel subpoenas Bannon", "The House committee subpoenaed Steve Bannon."),
        ("Pfizer seeks 2nd booster approval", "Pfizer asked regulators to approve a booster."),
    ],
)
def test_a_title_figure_is_a_count_not_a_date_or_ordinal(title: str, told: str) -> None:
    s = sentence("a", 0, told)
    sources = {"a": source("a", 0.9, title=title)}
    c = claim("C1", s.text, [s])
    assert headline(_given([c], [s], sources), [(c, s.text)]) == title


STORY_OF_NAMES = (
    "Ethiopian Prime Minister Abiy Ahmed said the war was over.",
    "The senators met Serena Williams on Monday.",
    "The statement was read in every parish of the Catholic Church on Sunday.",
)


@pytest.mark.parametrize(
    "line",
    [
        "Images of Border Patrol agents on horseback confronting migrants drew wide criticism.",
        "Speculations swirled on social media that the actor had left the show.",
        "Asked whether the plan would pass, most senators declined to answer.",
        "Doctors are excited about the pill because it can be taken at home.",
    ],
)
def test_a_plural_or_past_form_of_a_common_word_is_lowered_after_an_attribution(
    line: str,
) -> None:
    said = attributed_to_outlet(
        line, source("a", 0.9, outlet="Example News"), False, STORY_OF_NAMES
    )
    assert said == f"Example News reported that {line[:1].lower()}{line[1:]}"


@pytest.mark.parametrize(
    "line",
    [
        "Ahmed said the war was over on Monday.",
        "Williams said the talks would resume next week.",
        "Americans are divided over the plan, a poll found.",
        "Republicans in Congress have seen the threat of violence.",
        "Catholics across the country marked the day with prayers.",
        "Haugen revealed her identity during an interview on Sunday.",
        "Facebook issued a statement on Monday.",
        "Jones said the vote would take place on Thursday.",
    ],
)
def test_a_name_keeps_its_capital_after_an_attribution(line: str) -> None:
    said = attributed_to_outlet(
        line, source("a", 0.9, outlet="Example News"), False, STORY_OF_NAMES
    )
    assert said == f"Example News reported that {line}"


def test_a_list_teaser_after_a_colon_leaves_the_headline_that_names_the_news() -> None:
    teaser = "Frances Haugen, Facebook Whistleblower: 5 Fast Facts You Need to Know"
    assert clean_title(teaser) == "Frances Haugen, Facebook Whistleblower"
    assert clean_title("What to know: Biden signs the infrastructure bill") == (
        "Biden signs the infrastructure bill"
    )
    # A colon that opens a quoted speaker's words is no teaser.
    kept = "Whistleblower: Facebook is misleading the public on hate speech"
    assert clean_title(kept) == kept
    line = sentence("h", 0, "Frances Haugen is a former Facebook employee who revealed herself.")
    c = claim("C1", line.text, [line])
    sources = {"h": source("h", 0.87, outlet="Heavy.com", title=teaser)}
    assert headline(_given([c], [line], sources), [(c, line.text)]) == (
        "Frances Haugen, Facebook Whistleblower"
    )


ANALYSIS_LINE = (
    "President Joe Biden is caught between a hard place and an even harder one when it comes "
    "to immigration."
)


def _analysis_brief(title: str, kind: str = "news", reason: str | None = None) -> str:
    """The title of a brief whose one line is printed as the AP's analysis."""
    line = sentence("ap", 0, ANALYSIS_LINE)
    c = claim("C1", line.text, [line])
    sources = {"ap": source("ap", 1.0, outlet="AP", title=title, kind=kind, kind_reason=reason)}
    printed = f"AP reported in an analysis that {ANALYSIS_LINE[:1].lower()}{ANALYSIS_LINE[1:]}"
    return headline(_given([c], [line], sources), [(c, printed)])


def test_a_brief_of_analysis_lines_is_titled_by_the_analysis_headline_labelled() -> None:
    # The headline interprets ("caught between"); the label says whose interpretation it is,
    # as the line's opening does.
    title = "Biden caught between allies and critics on border policy"
    assert _analysis_brief(title) == f"Analysis: {title}"
    # An opinion piece that is an analysis is labelled as its line is printed.
    reason = "analysis or explainer headline"
    assert _analysis_brief(title, "opinion", reason) == f"Analysis: {title}"


@pytest.mark.parametrize(
    "title",
    [
        "Biden’s border fiasco leaves him caught between allies and critics",
        "Is Biden caught between allies and critics on the border?",
        "Biden must fix immigration before it is too late",
        "Mapped: 3 ways Biden is caught between allies and critics",
        "Congress passes the defense bill",
    ],
)
def test_a_labelled_headline_still_refuses_loaded_words_arguments_and_unstated_facts(
    title: str,
) -> None:
    assert _analysis_brief(title) == "Brief"


def test_a_labelled_headline_is_printed_less_a_loaded_modifier() -> None:
    """A loaded adjective after a possessive or determiner goes, as a plain rewrite of a
    sentence drops an evaluative modifier; the headline's news stays."""
    title = "Biden’s disastrous border policy leaves him caught between allies and critics"
    assert _analysis_brief(title) == (
        "Analysis: Biden’s border policy leaves him caught between allies and critics"
    )


@pytest.mark.parametrize(
    ("title", "plain"),
    [
        (
            "Border patrol's outrageous treatment of migrants",
            "Border patrol's treatment of migrants",
        ),
        ("Inside the disastrous withdrawal from Kabul", "Inside the withdrawal from Kabul"),
        # A loaded noun or verb, or a word that is not loaded, stays: no rewrite keeps the news.
        (
            "Spin and lies won’t hide the extent of Biden’s border fiasco",
            "Spin and lies won’t hide the extent of Biden’s border fiasco",
        ),
        ("The senator's new border plan", "The senator's new border plan"),
    ],
)
def test_without_loaded_modifiers_drops_only_a_loaded_adjective(title: str, plain: str) -> None:
    assert language.without_loaded_modifiers(title) == plain


_OUTLETS = {
    "ap": source("ap", 1.0, outlet="AP Politics & Fact Check"),
    "csm": source("csm", 0.9, outlet="The Christian Science Monitor"),
    "nyp": source("nyp", 0.6, outlet="New York Post (Opinion)"),
    "nr": source("nr", 0.6, outlet="National Review"),
}


def test_a_voice_is_attributed_in_full_once_then_in_its_short_form() -> None:
    """Issue 11, item 6: an editor attributes once per outlet, then by a short form that still
    names the outlet and the kind of piece; every line stays attributed."""
    texts = [
        "AP Politics & Fact Check reported in an analysis that Biden is caught between allies.",
        "The Christian Science Monitor reported in an analysis that some policies stayed.",
        "AP Politics & Fact Check reported in an analysis that the border response drew fire.",
        "The Christian Science Monitor reported in an analysis that images recalled 2019.",
        "The New York Post wrote in an opinion column that the FDA refused the application.",
        "The New York Post wrote in an opinion column that the White House wants boosters.",
        "National Review, an opinion publication, reported that the strike killed two leaders.",
        "National Review, an opinion publication, reported that the media condemned it.",
    ]
    written = attributed_once(texts, _OUTLETS.values())
    assert written == [
        texts[0],
        texts[1],
        "AP's analysis added that the border response drew fire.",
        "The Monitor's analysis added that images recalled 2019.",
        texts[4],
        "The Post's column added that the White House wants boosters.",
        texts[6],
        "National Review's report added that the media condemned it.",
    ]
    outlets = [s.outlet for s in _OUTLETS.values()]
    assert all(outlet_attributed(text, outlets) for text in written)
    assert all(language.VOICE_OPENING.match(text) for text in written)
    assert not any(language.NEEDS_CONTEXT in language.sentence_problems(t) for t in written)


def test_one_line_per_voice_or_a_shared_short_name_keeps_the_name_in_full() -> None:
    once = [
        "AP Politics & Fact Check reported in an analysis that Biden is caught between allies.",
        "The New York Post wrote in an opinion column that the FDA refused the application.",
        "Axios reported that the deal passed.",
    ]
    assert attributed_once(once, _OUTLETS.values()) == once
    # Two outlets a reader would both call "the Post": the later line names its outlet in full.
    both = {**_OUTLETS, "wp": source("wp", 0.9, outlet="Washington Post")}
    twice = [once[1], "The New York Post wrote in an opinion column that boosters wait."]
    assert attributed_once(twice, both.values())[1] == (
        "The New York Post's column added that boosters wait."
    )


@pytest.mark.parametrize(
    ("outlet", "short"),
    [
        ("AP Politics & Fact Check", "AP"),
        ("The Christian Science Monitor", "the Monitor"),
        ("Washington Post", "the Post"),
        ("St. Louis Post-Dispatch", "the Post-Dispatch"),
        # No short form newspapers use: the name as a sentence writes it.
        ("The Hill", "the Hill"),
        ("Associated Press", "the Associated Press"),
        ("Deseret News", "Deseret News"),
        ("Daily Wire", "the Daily Wire"),
    ],
)
def test_an_outlets_second_reference(outlet: str, short: str) -> None:
    assert language.outlet_short_name(outlet) == short


ANECDOTE_LEAD = (
    "W. Mondale Robinson spent a large chunk of last fall in clubs and bars in Georgia, trying "
    "to convince Black men to vote."
)
POLL_LINE = "Biden's approval rating fell to 44 percent in a Gallup poll released on Monday."


ANECDOTE_NEXT = "Robinson, founder of a voter project, thinks the case would be harder to make now."


def _anecdote(kind: str, other: str, lead: str = ANECDOTE_LEAD, printed: int = 0):
    """What `printable` makes of line `printed` of an opinion or news piece (`lead`, then
    ANECDOTE_NEXT) when another article says `other`."""
    piece = [sentence("wp", 0, lead), sentence("wp", 1, ANECDOTE_NEXT)]
    reason = "analysis or explainer headline" if kind == "opinion" else None
    sources = {
        "wp": source("wp", 0.9, kind=kind, outlet="The Washington Post", kind_reason=reason),
        "voa": source("voa", 0.9),
    }
    sents = {s.id: s for s in (*piece, sentence("voa", 0, other))}
    member = piece[printed]
    return printable(claim("C1", member.text, [member]), Wording.of(sents, sources))


def test_an_analysis_pieces_anecdote_about_a_person_no_one_else_names_is_left_out() -> None:
    found = _anecdote("opinion", POLL_LINE)
    assert found.text is None
    assert language.FEATURE_ANECDOTE in (found.reason or "")
    # The piece's next line, naming the same person by surname, is the anecdote's too.
    assert _anecdote("opinion", POLL_LINE, printed=1).text is None


@pytest.mark.parametrize(
    ("kind", "other", "lead"),
    [
        # Another article names the person: a subject of the story, attributed as before.
        ("opinion", "Mondale Robinson said he would keep campaigning.", ANECDOTE_LEAD),
        # A role before the name: a public figure, no anecdote.
        (
            "opinion",
            POLL_LINE,
            "Attorney General Merrick Garland pledged to mobilize the FBI against threats.",
        ),
        # A news report's line is no piece's anecdote (the rule is for opinion and analysis).
        ("news", POLL_LINE, ANECDOTE_LEAD),
    ],
)
def test_a_news_subject_or_a_reports_line_is_no_pieces_anecdote(
    kind: str, other: str, lead: str
) -> None:
    assert _anecdote(kind, other, lead).text is not None


BOOSTER_LINES = (
    "The agencies shared recommendations for COVID-19 vaccine booster shots this week.",
    "The Food and Drug Administration refused to recommend third doses for the public.",
)


def _argued_brief(titles: tuple[str, str]) -> str:
    """The title of a brief of two opinion pieces' lines, one each, whose headlines are
    `titles`."""
    lines = [sentence(f"op{n}", 0, text) for n, text in enumerate(BOOSTER_LINES)]
    claims = [claim(f"C{n}", line.text, [line]) for n, line in enumerate(lines)]
    sources = {
        f"op{n}": source(f"op{n}", 0.9, kind="opinion", outlet=f"Paper {n}", title=title)
        for n, title in enumerate(titles)
    }
    chosen = [
        (c, f"Paper {n} wrote in an opinion column that {line.text}")
        for n, (c, line) in enumerate(zip(claims, lines, strict=True))
    ]
    return headline(_given(claims, lines, sources), chosen)


def test_argued_headlines_title_the_brief_by_the_topic_they_share() -> None:
    """Issue 11, item 7: an all-opinion brief whose pieces' headlines all argue is titled by
    what they are about, not "Brief" and not the argument."""
    argued = (
        "Vaccinate the World before Starting COVID Booster Shots",
        "Biden must sort out the FDA’s foot-dragging over vaccine booster shots",
    )
    assert _argued_brief(argued) == "Opinion: Booster shots"


@pytest.mark.parametrize(
    "titles",
    [
        # Nothing of two words shared, or shared words the brief never states.
        ("Republicans are siding with the mob", "Biden must sort out the FDA’s delays"),
        ("Biden must fix the world order now", "Stop wrecking the world order, Mr. President"),
        ("Boosters for all are a mistake", "Why boosters must wait"),  # one word names too little
    ],
)
def test_no_shared_topic_the_brief_states_leaves_the_default_title(
    titles: tuple[str, str],
) -> None:
    assert _argued_brief(titles) == "Brief"
