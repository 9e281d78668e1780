"""The brief's own voice and stand-alone lines (issue 11, seventh round): an outlet's
characterisation or analysis is made plain, attributed to its outlet or left out; live-blog
lines, an "it" with nothing to stand for, and a person without the role the articles give.
Every rule both ways, on sentences written for these tests."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing import language
from briefing.compose.base import ComposeInput
from briefing.compose.extractive import ExtractiveComposer
from briefing.compose.printable import (
    Wording,
    attributed_to_outlet,
    attribution_phrases,
    printable,
)
from briefing.config import BriefingConfig, IngestConfig
from briefing.ingest import read_corpus
from records import claim, sentence, source

CHARACTERISATION = language.CHARACTERISATION


@pytest.mark.parametrize(
    "text",
    [
        "Beijing stepped up its harassment of the island on Monday and asserted its claims.",
        "China claims the island as its own and asserts its territorial ambitions in the strait.",
        "Lawmakers debated a social welfare spending bill that is not yet written on Tuesday.",
        "The far-left lawmakers walked out of the committee hearing on Tuesday afternoon.",
        "The senator railed against Republicans in a speech on the Senate floor on Thursday.",
        "Hospitals in the region are running dangerously low on beds, state figures show.",
    ],
)
def test_an_outlets_characterisation_in_the_briefs_voice_is_flagged(text: str) -> None:
    assert CHARACTERISATION in language.sentence_problems(text)


@pytest.mark.parametrize(
    "text",
    [
        # Whose words they are is said: a speaker, an outlet, or quotation marks.
        "Taiwan's foreign ministry said Beijing had stepped up its harassment of the island.",
        "The minister called it “a social welfare spending bill that is not yet written” then.",
        "The senator criticised Republicans in a speech on the Senate floor on Thursday.",
        "Hospitals in the region are running low on beds, according to state figures.",
    ],
)
def test_a_plain_or_attributed_sentence_is_no_characterisation(text: str) -> None:
    assert CHARACTERISATION not in language.sentence_problems(text)


@pytest.mark.parametrize(
    ("worded", "plain"),
    [
        (
            "Poverty fell to a record low because of the government's enormous relief effort.",
            "Poverty fell to a record low because of the government's relief effort.",
        ),
        (
            "Voters blamed an enormous backlog at the office.",
            "Voters blamed a backlog at the office.",
        ),
        ("The poll followed a chaotic U.S. exit.", "The poll followed a U.S. exit."),
        ("Biden enters the most seismic week of his term.", "Biden enters the week of his term."),
        ("Hawkish senators met on Monday.", "Senators met on Monday."),
        # Issue 11: an adverb that grades a fact by the writer's alarm goes, the fact stays.
        (
            "The share of positive tests remains disturbingly high in the region.",
            "The share of positive tests remains high in the region.",
        ),
        ("Cases rose alarmingly fast in Texas last week.", "Cases rose fast in Texas last week."),
    ],
)
def test_an_evaluative_modifier_is_dropped_where_it_qualifies_a_noun(
    worded: str, plain: str
) -> None:
    assert language.without_modifiers(worded) == plain


@pytest.mark.parametrize(
    "text",
    [
        "Critics said the withdrawal was chaotic.",  # the predicate: the attribution carries it
        "The exit was chaotic and deadly for the Afghans left behind.",
        "He called the exit “chaotic and botched” in an interview.",  # quoted words stay
    ],
)
def test_a_modifier_that_is_a_predicate_or_quoted_stays(text: str) -> None:
    assert language.without_modifiers(text) == text


def _print(members, sources, story=()):  # type: ignore[no-untyped-def]
    """The claim of `members` printed in a story of them and the `story` sentences."""
    found = claim("C1", members[0].text, members)
    return printable(found, Wording.of({s.id: s for s in (*members, *story)}, sources))


def test_a_characterising_member_gives_way_to_a_plainer_member() -> None:
    loaded = sentence(
        "a", 0, "China steps up its harassment of Taiwan, sending 30 jets into its zone on Monday."
    )
    plain = sentence(
        "b", 0, "China sent 30 military jets into Taiwan's air defence zone on Monday."
    )
    sources = {"a": source("a", 0.95, outlet="Example Times"), "b": source("b", 0.6)}
    assert _print([loaded, plain], sources).sentence == plain


def test_a_characterisation_no_plainer_member_states_is_attributed_to_its_outlet() -> None:
    line = sentence(
        "a", 0, "China steps up its harassment of the island and asserts its territorial ambitions."
    )
    sources = {"a": source("a", 0.9, outlet="Example Times (Online News)")}
    assert _print([line], sources).text == (
        "The Example Times reported that China steps up its harassment of the island and "
        "asserts its territorial ambitions."
    )
    # No outlet to attribute it to: left out, with the reason listed.
    left = _print([line], {"a": source("a", 0.9)})
    assert left.text is None and CHARACTERISATION in (left.reason or "")


def test_a_modifier_is_dropped_rather_than_the_sentence_attributed() -> None:
    line = sentence(
        "a", 0, "Poverty fell to a record low because of the government's enormous relief effort."
    )
    printed = _print([line], {"a": source("a", 0.9, outlet="Example Post")})
    assert printed.text == "Poverty fell to a record low because of the government's relief effort."


def test_one_interpretive_line_of_a_news_report_is_what_its_outlet_reported() -> None:
    line = sentence("a", 0, "The ruling is a blow to advocates who had hoped to suspend the law.")
    report = sentence("a", 1, "The court ruled 2-1 on Thursday to let the law stand for now.")
    sources = {"a": source("a", 0.9, outlet="Example News", title="Court keeps the law")}
    # One interpretive line does not make the report an analysis: its outlet "reported" it.
    assert _print([line], sources, [report]).text == (
        "Example News reported that the ruling is a blow to advocates who had hoped to suspend "
        "the law."
    )
    assert _print([report], sources).text == report.text


@pytest.mark.parametrize(
    ("title", "second"),
    [
        # The headline interprets too ("caught between") ...
        ("Biden caught between allies and critics", "The court ruled 2-1 on Thursday."),
        # ... or a second sentence does ("kicks the can"): the article reads as an analysis.
        ("Court keeps the law", "The order only kicks the can down the road to December."),
    ],
)
def test_an_article_that_interprets_throughout_is_named_as_its_outlets_analysis(
    title: str, second: str
) -> None:
    line = sentence("a", 0, "The ruling is a blow to advocates who had hoped to suspend the law.")
    other = sentence("a", 1, second)
    sources = {"a": source("a", 0.9, outlet="Example News", title=title)}
    assert _print([line], sources, [other]).text == (
        "Example News reported in an analysis that the ruling is a blow to advocates who had "
        "hoped to suspend the law."
    )


def test_every_own_voice_line_of_an_article_that_reads_as_an_analysis_is_its_analysis() -> None:
    # Eighth round (openers): a plain line of an analysis was printed as fact, its marked
    # lines attributed; a line that says who says it reports speech and is printed as written.
    marked = [
        sentence("a", 0, "The ruling is a blow to advocates who had hoped to suspend the law."),
        sentence("a", 1, "The order only kicks the can down the road to December."),
    ]
    plain = sentence("a", 2, "The court ruled 2-1 on Thursday to let the law stand for now.")
    said = sentence("a", 3, "The law will stand until December, the governor said on Friday.")
    analysis = {"a": source("a", 0.9, outlet="Example News", title="Court keeps the law")}
    assert _print([plain], analysis, [*marked, said]).text == (
        "Example News reported in an analysis that the court ruled 2-1 on Thursday to let the "
        "law stand for now."
    )
    assert _print([said], analysis, [*marked, plain]).text == said.text
    # The same line in a report with one interpretive line is the brief's own.
    report = {"a": source("a", 0.9, outlet="Example News", title="Court keeps the law")}
    assert _print([plain], report, [marked[0], said]).text == plain.text


def test_reads_as_analysis_counts_interpreting_sentences_in_the_writers_voice() -> None:
    report = ["The court ruled 2-1 on Thursday.", "The ruling is a blow to advocates."]
    assert not language.reads_as_analysis("Court keeps Texas law", report)
    assert language.reads_as_analysis("Court keeps Texas law", [*report, "It all but ends it."])
    # Attributed or quoted interpretation is the speakers', not the writer's.
    quoted = [*report, "The ruling is “a blow to women”, the group said."]
    assert not language.reads_as_analysis("Court keeps Texas law", quoted)


def test_a_long_report_with_a_hedge_and_one_interpretation_is_no_analysis() -> None:
    report = [
        "The Federal Reserve held interest rates steady on Wednesday.",
        "The decision was widely expected by investors.",
        "Inflation will stay above the bank's target through next year, the statement said.",
        "Powell appeared to rule out a cut in March during his news conference.",
        "Markets fell after the announcement.",
        "The yield on the 10-year Treasury rose to 4.1%.",
        "The move is a win for savers, who have seen deposit rates rise.",
        "The Fed will meet again in March.",
    ]
    assert not language.reads_as_analysis("Fed holds rates steady", report)
    # Two interpreting lines in a long report are still a report's.
    longer = [*report, "The pause is a blow to borrowers.", *report[:4]]
    assert not language.reads_as_analysis("Fed holds rates steady", longer)
    # In a short piece, two of four lines interpreting make an analysis.
    short = ["The pause is a blow to borrowers.", *report[:2], "It all but ends the cuts."]
    assert language.reads_as_analysis("Fed holds rates steady", short)


@pytest.mark.parametrize(
    ("worded", "plain"),
    [
        # An interpreting aside between dashes goes; the report reads whole without it.
        (
            "Under the old rules, the platform demoted – effectively hiding from view – videos "
            "that spread misinformation.",
            "Under the old rules, the platform demoted videos that spread misinformation.",
        ),
        # An aside whose judgement only its booster marks goes whole, two-hyphen dashes too:
        # dropping the booster first would leave "-- and necessary --" in the brief's voice.
        (
            "The meetings yielded nothing in the form of a tangible -- and absolutely "
            "necessary -- public commitment to the plan.",
            "The meetings yielded nothing in the form of a tangible public commitment to the plan.",
        ),
        # A booster only strengthens: dropped, the line claims no more than the article.
        ("The flood was undoubtedly the worst in years.", "The flood was the worst in years."),
        ("The plan, of course, failed in the end.", "The plan failed in the end."),
    ],
)
def test_one_interpretive_word_or_aside_is_dropped_by_the_plain_rewrite(
    worded: str, plain: str
) -> None:
    assert language.plain_rewrite(worded) == plain
    printed = _print([sentence("a", 0, worded)], {"a": source("a", 0.9, outlet="Example News")})
    assert printed.text == plain


@pytest.mark.parametrize(
    "text",
    [
        # A hedge claims less than its words: dropped, the line would claim more. Attributed.
        "The bill will almost certainly pass the House before the end of the month.",
        "The bill will probably pass the House before the end of the month.",
        "The law requires the entire work force — public and private — to carry passes.",
        "The bill -- passed 60-40 on Tuesday -- now goes to the House for a final vote.",
        "Officials said the storm was “absolutely devastating” for the coastal towns.",
    ],
)
def test_a_hedge_a_factual_aside_or_quoted_words_stay_in_the_plain_rewrite(text: str) -> None:
    assert language.plain_rewrite(text) == text


@pytest.mark.parametrize(
    "text",
    [
        # Fixed phrases that hold a booster's words boost nothing: never garbled.
        "The central bank made a sharp change of course on Tuesday, raising rates by half a point.",
        "The government announced a change of course on migration after the vote.",
        "Prices at the pump are slowly but surely coming down across the state.",
        "Surely enough, prices rose again in March after the cut.",
    ],
)
def test_an_idiom_with_a_boosters_words_stays_whole_in_the_plain_rewrite(text: str) -> None:
    assert language.without_boosters(text) == text
    assert language.interprets(text) == []
    # The same words as a booster interpret, and go.
    aside = "The plan, of course, failed to win support in the Senate on Tuesday."
    assert language.interprets(aside) == ["of course"]
    plain = "The plan failed to win support in the Senate on Tuesday."
    assert language.plain_rewrite(aside) == plain


def test_most_goes_with_its_booster() -> None:
    assert language.plain_rewrite("The bill will most certainly pass the House this month.") == (
        "The bill will pass the House this month."
    )


def test_a_live_blog_line_does_not_stand_alone() -> None:
    for live in (
        "The vote was being held open at 48-50 more than an hour after it began.",
        "Ballots in the district are still being counted, officials said.",
        "The House is expected to vote on the measure later this evening.",
    ):
        assert language.STALE_LIVE in language.sentence_problems(live), live
    for done in (
        "The Senate held the vote open for more than an hour on Thursday before it closed 50-50.",
        "The House voted 220-212 on Friday to pass the measure.",
    ):
        assert language.STALE_LIVE not in language.sentence_problems(done), done


def test_an_object_it_needs_its_referent_in_the_sentence() -> None:
    bad = "Only a handful of GOP senators even considered it, and the bill appeared doomed."
    assert language.UNBOUND_IT in language.sentence_problems(bad)
    for good in (
        "The Senate passed the bill and Biden signed it on Friday.",
        "Congress passed legislation in March, and the president signed it.",
        "Facebook said it would restore service to its users on Tuesday.",
        "“We did the best we could,” Karen Bass said.",
        "The drug did not make it to market before the end of the trial.",
    ):
        assert language.UNBOUND_IT not in language.sentence_problems(good), good


def test_a_name_written_family_name_first_is_known_by_its_family_name() -> None:
    texts = [
        "Taiwan's defence minister Chiu Kuo-cheng said tensions were at their worst in 40 years.",
        "Chiu said China would be able to mount a full-scale invasion by 2025.",
        "Ships crossed the Taiwan Strait on Monday, and Taiwan said it would defend itself.",
    ]
    assert language.full_names(texts) == {"Chiu": "Chiu Kuo-cheng"}


def test_a_person_named_by_family_name_gets_the_full_name_and_role_at_first_mention() -> None:
    intro = sentence(
        "b", 0, "Taiwan's defence minister Chiu Kuo-cheng said tensions were at their worst."
    )
    said = sentence("b", 1, "Chiu said China would be able to mount an invasion by 2025.")
    line = sentence("a", 0, "Chiu's comments came after China sent 150 aircraft into the zone.")
    given = ComposeInput(
        claims=(claim("C1", line.text, [line], 0.9),),
        sentences={s.id: s for s in (intro, said, line)},
        sources={"a": source("a", 0.9), "b": source("b", 0.9)},
        config=BriefingConfig(),
    )
    out = ExtractiveComposer().compose(given)
    assert [s.text for s in out.sentences] == [
        "Taiwan's defence minister Chiu Kuo-cheng's comments came after China sent 150 aircraft "
        "into the zone."
    ]


COLUMN = (
    "Why would anyone trust the agency again after a week like this one in Washington? I have "
    "covered the agency and its reviews for more than a decade, in good years and bad. I have "
    "never seen its officials so unwilling to answer a simple question about their work.\n\n"
    "The agency said on Monday that its review would take several months, according to a "
    "statement."
)
REPORT = (
    "The agency said on Monday that its review would take several months, according to a "
    "statement.\n\nThe review follows complaints from three states about delays in payments "
    "to farmers, officials said, and will cover the agency's regional offices."
)


def test_a_column_filed_under_an_outlets_news_label_is_opinion_by_its_wording(
    tmp_path: Path,
) -> None:
    manifest = "file,outlet,url\na.txt,Example Network (Online News),https://example.com/2021/a\n"
    (tmp_path / "sources.csv").write_text(manifest, encoding="utf-8")
    (tmp_path / "a.txt").write_text(f"The agency's week\n\n{COLUMN}\n", encoding="utf-8")
    found = read_corpus(tmp_path, IngestConfig()).articles[0].source
    assert (found.kind, found.kind_reason) == (
        "opinion",
        "first- or second-person wording or questions",
    )
    (tmp_path / "a.txt").write_text(f"The agency's week\n\n{REPORT}\n", encoding="utf-8")
    found = read_corpus(tmp_path, IngestConfig()).articles[0].source
    assert (found.kind, found.kind_reason) == ("news", None)


@pytest.mark.parametrize(
    ("line", "printed"),
    [
        (
            "Doctors are likely to prescribe the pill widely once it is approved.",
            "Example News reported that doctors are likely to prescribe the pill widely once it "
            "is approved.",
        ),
        (
            "President Joe Biden is likely to sign the bill before the end of the month.",
            "Example News reported that President Joe Biden is likely to sign the bill before the "
            "end of the month.",
        ),
        (
            "China is likely to send more jets into the zone before the end of the month.",
            "Example News reported that China is likely to send more jets into the zone before "
            "the end of the month.",
        ),
    ],
)
def test_an_attributed_line_keeps_the_capital_of_a_name_only(line: str, printed: str) -> None:
    other = sentence("a", 1, "Officials said doctors in China saw the jets on Monday, media said.")
    found = claim("C1", line, [sentence("a", 0, line)])
    wording = Wording.of(
        {s.id: s for s in (sentence("a", 0, line), other)},
        {"a": source("a", 0.9, outlet="Example News")},
    )
    assert printable(found, wording).text == printed


def test_an_attributed_line_lowers_an_opening_article_and_keeps_an_initial() -> None:
    story = ["Officials said W. Mondale Robinson and doctors met on Monday, media said."]
    for line, clause in (
        ("A draft is likely to pass the House.", "a draft is likely to pass the House."),
        ("W. Mondale Robinson is likely to run.", "W. Mondale Robinson is likely to run."),
    ):
        said = attributed_to_outlet(line, source("a", 0.9, outlet="Example News"), True, story)
        assert said == f"Example News reported in an analysis that {clause}"


def test_a_pronoun_after_an_opening_clause_needs_a_name_there_not_a_modifier() -> None:
    bad = (
        "In drawing a Pacific ally closer to meet the China challenge, he appears to have "
        "alienated an important European one."
    )
    assert language.needs_context(bad)
    assert language.needs_context("Speaking at the United Nations, he called for more vaccines.")
    good = "After Biden spoke to reporters on Friday, he left for his home in Delaware."
    assert not language.needs_context(good)


def test_a_closing_clause_that_only_interprets_is_cut_and_the_report_kept() -> None:
    line = sentence(
        "a",
        0,
        "A doctor who admitted breaking the state's new abortion law has been sued, in what "
        "could be a test of how lawful the ban is.",
    )
    printed = _print([line], {"a": source("a", 0.9, outlet="Example News")})
    assert (
        printed.text == "A doctor who admitted breaking the state's new abortion law has been sued."
    )
    # Where the interpretation is the sentence's own claim, nothing is cut: it is attributed.
    whole = "The ruling is a blow to advocates, who had hoped to suspend the law."
    assert language.without_interpreting_clause(whole) == whole
    plain = "The court ruled 2-1 on Thursday to keep the law, and the state appealed the order."
    assert language.without_interpreting_clause(plain) == plain
    # A closing participle may carry the analysis of the whole line, or a fact: not cut.
    participle = "Italy enacted a law requiring health passes for all workers, essentially forcing "
    participle += "Italians to choose between a pass and a living."
    assert language.without_interpreting_clause(participle) == participle


@pytest.mark.parametrize(
    "text",
    [
        # A modifier word that is a verb or part of a name here: nothing is dropped.
        "Protests sweeping the country have left 12 dead.",
        "A storm sweeping across Florida knocked out power to thousands of homes.",
        "Epic Games sued Apple over its App Store fees on Thursday.",
        "Seismic activity near the volcano increased sharply overnight.",
    ],
)
def test_a_modifier_is_dropped_only_before_a_noun_and_never_from_a_name(text: str) -> None:
    assert language.without_modifiers(text) == text


def test_a_name_holding_a_modifier_word_is_no_characterisation() -> None:
    assert language.characterisations("Epic Games sued Apple over its App Store fees.") == []
    assert language.characterisations("The court fined the company an epic sum.") == ["epic"]
    assert language.characterisations("The plan marks a seismic shift in policy.") == [
        "seismic shift"
    ]


@pytest.mark.parametrize(
    ("worded", "plain"),
    [
        ("It was an enormous honor for the whole team.", "It was an honor for the whole team."),
        ("An enormous hourlong hearing ended.", "An hourlong hearing ended."),
        ("It was an enormous victory for them.", "It was a victory for them."),
        ("They won an enormous 11-point lead.", "They won an 11-point lead."),
    ],
)
def test_the_article_fits_the_word_after_a_dropped_modifier(worded: str, plain: str) -> None:
    assert language.without_modifiers(worded) == plain


def test_only_an_attribution_that_frames_the_sentence_exempts_a_characterisation() -> None:
    inner = "The chaotic withdrawal, which Biden announced in April, left 13 troops dead."
    assert language.characterisations(inner) == ["chaotic"]
    for framed in (
        "The chaotic withdrawal left 13 troops dead, Republicans said.",
        "Republicans said the chaotic withdrawal left 13 troops dead.",
        "The withdrawal was, according to Republicans, chaotic.",
    ):
        assert language.characterisations(framed) == [], framed


@pytest.mark.parametrize(
    "text",
    [
        "Rescuers were still being hampered by snow and ice in 2019.",
        "The company said production was still being ramped up in 2022.",
        "The hearing ended minutes after it began.",
        "Votes were still being counted on Wednesday, officials said.",
        "The meeting was being held open to the public.",
        "An investigation is under way.",
    ],
)
def test_a_dated_attributed_or_finished_line_is_no_live_moment(text: str) -> None:
    assert not language.live_moment(text)


def test_a_line_still_under_way_without_a_date_is_a_live_moment() -> None:
    assert language.live_moment("An investigation is still under way.")
    assert language.live_moment("Votes are still being counted.")


@pytest.mark.parametrize(
    "text",
    [
        "Biden's plan was unveiled in March and Congress rejected it.",
        "NASA launched Artemis and tracked it for days.",
        "Whether they like it or not, the rules now apply to every worker.",
    ],
)
def test_an_it_whose_referent_is_a_possessive_noun_or_a_name_or_an_idiom_is_bound(
    text: str,
) -> None:
    assert not language.unbound_object_it(text)


def test_a_line_ending_in_its_own_stop_keeps_it_when_a_clause_is_cut() -> None:
    line = "Police in the northern city said they had arrested two men! — in what could be a sign"
    line += " of a wider crackdown."
    assert language.without_interpreting_clause(line) == (
        "Police in the northern city said they had arrested two men!"
    )


@pytest.mark.parametrize(
    ("line", "clause"),
    [
        ("May railed against the EU deal.", "May railed against the EU deal."),
        ("Will Smith railed against the critics.", "Will Smith railed against the critics."),
        ("Bush railed against the deal.", "Bush railed against the deal."),
        # Function words and common words the story writes in lower case are lowered.
        ("The deal passed the Commons.", "the deal passed the Commons."),
        ("Critics railed against the deal.", "critics railed against the deal."),
    ],
)
def test_an_attributed_line_keeps_a_name_that_is_also_a_common_word(line: str, clause: str) -> None:
    story = [
        "Prime Minister Theresa May said the deal may fail, and critics agreed.",
        "The actor Will Smith said it will be hard.",
        "President George W. Bush spoke; the bush burned.",
    ]
    said = attributed_to_outlet(line, source("a", 0.9, outlet="Example News"), False, story)
    assert said == f"Example News reported that {clause}"


def test_an_outlet_known_only_by_its_web_address_is_not_named_in_an_attribution() -> None:
    line = "China steps up its harassment of the island."
    assert attributed_to_outlet(line, source("a", 0.9, outlet="nytimes.com"), False) is None
    assert attributed_to_outlet(line, source("a", 0.9, outlet="New York Times"), False) == (
        "The New York Times reported that China steps up its harassment of the island."
    )


def test_the_selections_framing_holds_the_outlet_attribution_as_printed() -> None:
    line = "China steps up its harassment of the island."
    printed = attributed_to_outlet(line, source("a", 0.9, outlet="The Hill"), False)
    phrases = attribution_phrases(["The Hill", "nytimes.com", None])
    assert printed is not None
    assert any(printed.startswith(phrase) for phrase in phrases)
    assert not any("nytimes" in phrase.lower() for phrase in phrases)


def test_a_modifier_word_used_as_a_verb_is_no_characterisation() -> None:
    assert language.characterisations("Protests sweeping the country have left 12 dead.") == []
    assert language.characterisations("Biden signed a sweeping bill on Friday.") == ["sweeping"]
    assert language.characterisations("The ordeal was harrowing for the family.") == ["harrowing"]


# Eighth round: one list of verbs of saying (language.SAYING_VERBS) that every reader of who
# says what derives from; the merge made each narrower reader hear the verbs it missed.


@pytest.mark.parametrize(
    ("text", "attributed"),
    [
        ("Experts say some 11 billion doses are needed to end the pandemic.", True),
        ("The agency warned that the storm would reach the coast on Monday.", True),
        # "declared" and "confirmed" also do something else; "States" is a country's name.
        ("Governors declared an emergency in three counties on Monday.", False),
        ("He was confirmed as secretary of the navy in March.", False),
        ("The United States sent aid to the region on Monday.", False),
    ],
)
def test_a_verb_of_saying_attributes_and_a_verb_that_declares_a_state_does_not(
    text: str, attributed: bool
) -> None:
    assert language.is_attributed(text) is attributed


def test_a_closing_surname_speaker_is_heard_with_any_verb_of_saying() -> None:
    surnames = {"Ushakov"}
    for said in ("said", "warned", "wrote", "told reporters"):
        text = f"The talks went well, Ushakov {said}."
        assert language.closing_speaker(text, surnames) == {"Ushakov"}, said
    # "told" needs its listener; a surname no article gives in full is no person's.
    assert language.closing_speaker("The talks went well, Ushakov told.", surnames) == set()
    assert language.closing_speaker("The talks went well, Reuters said.", surnames) == set()


def test_a_speakers_words_before_a_colon_are_no_section_label() -> None:
    for spoken in (
        "Police warned: The road will close on Monday for three weeks of repairs.",
        "As the agency reported: The road will close on Monday for three weeks of repairs.",
    ):
        assert language.strip_dateline(spoken) == spoken
    # A rubric that names the saying in "-ing" is a label all the same.
    rubric = "What they're saying: The road will close on Monday for three weeks of repairs."
    assert language.strip_dateline(rubric) == (
        "The road will close on Monday for three weeks of repairs."
    )
    label = "Why it matters: The road will close on Monday for three weeks of repairs."
    assert language.strip_dateline(label) == (
        "The road will close on Monday for three weeks of repairs."
    )


def test_a_long_form_holding_to_gives_its_acronym() -> None:
    found = language.acronym_expansions(["The Committee to Protect Journalists (CPJ) said so."])
    assert found == {"CPJ": "Committee to Protect Journalists"}
    assert language.acronym_expansions(["The Committee met to Protect Journalists (CPJ)."]) == {}


def test_saying_after_an_appositive_is_the_subjects_not_the_objects() -> None:
    # "saying" opens a clause whose speaker is the sentence's subject (Biden), never the name
    # before the appositive; the next sentence's "he" is then not named as Trump.
    attacked = (
        "President Joe Biden attacked Donald Trump, the former president, saying he lied about "
        "the vote."
    )
    assert language.speakers(attacked) == set()
    quote = "“We will not let this stand,” he told reporters on Friday."
    assert "Donald Trump" not in language.name_from_previous(quote, attacked, {"Trump", "Biden"})
    # A verb of saying after the appositive still names its speaker.
    said = "Jane Doe, the mayor, said the bridge would reopen on Monday."
    assert language.speakers(said) == {"Jane Doe"}


@pytest.mark.parametrize(
    ("text", "attributed"),
    [
        ("Critics say the move is a sign that the government is weakening.", True),
        ("The columnist will write that the plan is a sign of weakness.", True),
        # "say" as a noun and "write off"/"write down" attribute nothing.
        ("The ruling is a blow to residents, who will have no say in the plan.", False),
        ("The bank will write off the loans, effectively ending the program.", False),
        ("Voters get the final say on the plan, a sign that the party is weakening.", False),
        ("The firm will write down the value of the unit, a sign of trouble.", False),
    ],
)
def test_say_and_write_attribute_only_as_verbs_of_saying(text: str, attributed: bool) -> None:
    assert language.is_attributed(text) is attributed


@pytest.mark.parametrize(
    ("text", "role"),
    [
        # Capitalised nouns of a role are no verbs of saying ("States", "Claims", "Reports").
        (
            "Talks were led by the United States special envoy Jane Doe on Monday.",
            "the United States special envoy",
        ),
        (
            "The deal was welcomed by the Claims Commission chairman Jane Doe on Monday.",
            "the Claims Commission chairman",
        ),
        ("Officials met Reports Desk chief Jane Doe on Monday.", "Reports Desk chief"),
        # A verb of saying still ends the clause before the role.
        (
            "The decision, the group says former senator Jane Doe argued, was wrong.",
            "former senator",
        ),
    ],
)
def test_a_verb_of_saying_ends_a_role_only_in_lower_case(text: str, role: str) -> None:
    assert language.roles([text], ["Jane Doe"]) == {"Jane Doe": role}


def test_a_country_or_according_before_a_colon_is_still_a_label() -> None:
    assert language.strip_dateline("United States: The Senate passed the bill on Tuesday.") == (
        "The Senate passed the bill on Tuesday."
    )
    spoken = "The report states: The Senate passed the bill on Tuesday after a long debate."
    assert language.strip_dateline(spoken) == spoken


@pytest.mark.parametrize(
    ("text", "addressed"),
    [
        ("If you drive to work, your route may close on Monday for three weeks.", True),
        ("You may have noticed that the bridge closed for repairs on Monday.", True),
        ("The mayor told residents, “You will have a new bridge by June,” on Monday.", False),
        ("The bridge closed for three weeks of repairs on Monday, officials said.", False),
        # Whom a speaker addressed is reported; a capitalised "You" later on is a title's.
        ("Biden said you cannot love your country only when you win.", False),
        ("The governor told residents that if you can stay home, you should.", False),
        ("The Netflix series You returns for a fifth season in the spring.", False),
    ],
)
def test_a_line_that_addresses_the_reader_is_not_the_briefs_voice(
    text: str, addressed: bool
) -> None:
    assert (language.SECOND_PERSON in language.sentence_problems(text)) is addressed


@pytest.mark.parametrize(
    ("text", "scene"),
    [
        ("People in many places found that the apps had burrowed into every part of life.", True),
        ("For five hours on Monday, the world got a taste of life without the apps.", True),
        # A report says who, how many or according to whom.
        ("People in Texas said the storm was the worst they had seen in years.", False),
        ("Many people lost power for 12 hours on Monday after the storm hit the coast.", False),
        ("In an open letter, the World Road Transport Organization warned of a collapse.", False),
        ("People magazine reported the wedding on its website on Monday afternoon.", False),
        ("People everywhere have learned to live with uncertainty and higher prices.", True),
        ("Across America, people are rethinking how they spend their weekends.", True),
        # A possessive, a subject a clause narrows, or an event verb: a report (review cases).
        ("People’s Bank of China cut its key lending rate on Monday.", False),
        ("The world’s largest oil producer cut output again on Monday.", False),
        ("On Monday, the world's top diplomats gathered in Geneva.", False),
        ("The world health body declared the outbreak an emergency.", False),
        ("People living near the plant were evacuated on Tuesday.", False),
        ("Some people were trapped in their cars for hours on the interstate.", False),
        ("Many people lost power after the storm knocked down lines across the region.", False),
        ("In Texas, people were left without heat for days.", False),
        ("People close to the negotiations expect a deal this week.", False),
        (
            "People who received the vaccine were less likely to be hospitalised, the study found.",
            False,
        ),
    ],
)
def test_a_features_scene_setting_about_people_in_general_is_not_a_report(
    text: str, scene: bool
) -> None:
    assert (language.SCENE_SETTING in language.sentence_problems(text)) is scene


def test_an_organisations_name_is_no_persons() -> None:
    text = "Jane Roe founded the Black Male Voter Project in Atlanta in 2019."
    assert language.people(text) == {"Jane Roe"}


def test_every_word_of_a_name_the_story_writes_inside_a_sentence_keeps_its_capital() -> None:
    """Names ending like common words ("Ahmed", "Reed") stay names after "reported that":
    the story writes them inside a sentence, as every word of a run of capitals."""
    story = ("Ethiopian Prime Minister Abiy Ahmed said the war was over.", "He met Mr. Reed.")
    source_ = source("a", 0.9, outlet="Example News")
    for line in ("Ahmed said the war was over.", "Reed voted against the bill on Monday."):
        said = attributed_to_outlet(line, source_, False, story)
        assert said == f"Example News reported that {line}"
