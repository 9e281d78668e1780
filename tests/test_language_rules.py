"""The sentence rules of issue 11, each in both directions, on sentences written for the tests."""

from __future__ import annotations

import pytest

from briefing import language
from briefing.language import (
    DATELINE_LEFT,
    FIRST_PERSON,
    FRAGMENT,
    LOADED,
    NEEDS_CONTEXT,
    QUESTION,
    QUOTE_WITHOUT_SPEAKER,
    TRUNCATED,
    UNBALANCED,
    UNINTRODUCED,
    sentence_problems,
)

GOOD = [
    "The Kremlin said Xi backed Putin's demand for security guarantees on Wednesday.",
    "“We will not back down,” Biden said on Tuesday in Washington.",
    "The US sent aid to the region on Monday, officials said.",
    "Sen. Joe Manchin said he would not support the bill in its current form.",
    "NATO ministers met in Brussels to discuss the troops gathered near Ukraine.",
    "Colin Powell, the first Black U.S. secretary of state, died on Monday at 84.",
    "There were no recorded dissents in the two cases, the court's order showed.",
    "When it comes to preventing infections, the vaccine wanes rapidly, the study found.",
    "After Smith left the room, he called the police from the car park.",
    "The decision to raise rates was announced by the central bank on Wednesday.",
    "Officials said this year the budget would grow by five percent to $6 trillion.",
    "Senators rejected a plan that would have raised the debt limit until December.",
    "Fees for those making less than $40,000 a year would drop by a quarter, officials said.",
    "The aide said that Xi fully supported the plan to have these guarantees in place.",
    "In the first such action in the nation, the governor ordered all pupils vaccinated.",
    "“Does the governor have the authority to do that?” the senator asked on Friday.",
    "The cut in interest rates was the first since March, the central bank said on Friday.",
    "Officials said this week's talks would decide the budget for the coming year.",
    "“We are going to pass the bill this week,” Nancy Pelosi told a television host.",
    "Since 2019 the prime minister has governed with a minority in parliament.",
    "Earlier this year the health agency set a goal of ten percent by the end of May.",
    "By Nov. 4, proof of full vaccination will be mandatory, the county said.",
    "Advertisers and publishers, as well as video creators, will lose ad money from January.",
    # Near misses of the rules, read as false rejections on tune (fourth round, precision):
    # a pronoun speaker the sentence names before, a speaker introduced by "saying",
    # "indicated" or a document that "states that", a status someone declared or stated, a
    # relative "that" before a verb, a share named with its group.
    "President Joe Biden defended his decision at the United Nations, a move that he says "
    "frees the country for other challenges.",
    "Even as Democrats accepted part of the offer, they said they would not bend on a longer "
    "increase.",
    "The envoy resigned on Thursday, saying that he would not be associated with the “inhumane, "
    "counterproductive decision to deport thousands of refugees” to the island.",
    "The company indicated that there was “no evidence that user data was compromised as a "
    "result of the outage.”",
    "The order states that “no entity in the state can compel receipt of a vaccination by any "
    "individual.”",
    "The central bank declared all cryptocurrency transactions in the country illegal on Friday.",
    "Overseas exchanges serving customers in the country are illegal, the central bank said.",
    "The platform will remove content that claims the vaccines contain harmful substances.",
    "Many Americans are now reaching their breaking point after months of overtime.",
]


@pytest.mark.parametrize("text", GOOD)
def test_good_sentences_break_no_rule(text: str) -> None:
    assert sentence_problems(text) == []


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("... since President Joe Biden issued an executive order calling for...", TRUNCATED),
        ("The two officers were sued by the estate of a man they shot …", TRUNCATED),
        ("“In the weeks after the attacks, I was proud to lead a united people.", UNBALANCED),
        ("The senator (a Democrat from West Virginia said no to the plan.", UNBALANCED),
        (
            "“We have lost a remarkable and loving husband and father” on Monday.",
            QUOTE_WITHOUT_SPEAKER,
        ),
        ("MOSCOW (AP) — The Kremlin said Xi backed Putin on Wednesday.", DATELINE_LEFT),
        ("Why it matters: The deal reshapes the alliance in the Pacific.", DATELINE_LEFT),
        ("Such was the case with Sen. Joe Manchin of West Virginia last week.", NEEDS_CONTEXT),
        ("Seven of those were reported in the last week, officials said.", NEEDS_CONTEXT),
        ("Neither claim was supported by the evidence presented in court.", NEEDS_CONTEXT),
        ("One of them was arrested at the border on Friday night.", NEEDS_CONTEXT),
        ("The latter has denied any role in the attack on the embassy.", NEEDS_CONTEXT),
        ("Putin also said he plans to meet Xi in Beijing in February.", NEEDS_CONTEXT),
        ("After five months, it is just 47% effective at preventing infection.", NEEDS_CONTEXT),
        ("After finishing the cake orders, she pulled out her mobile phone.", NEEDS_CONTEXT),
        ("Specifically, the block sits just beneath the casino in Monaco.", NEEDS_CONTEXT),
        ("Senate Republicans blocked that effort on Wednesday in a 50-48 vote.", NEEDS_CONTEXT),
        ("Critics said such measures would hurt small businesses in the state.", NEEDS_CONTEXT),
        (
            "The panel voted 19-0 that the booster should be authorized for these groups.",
            NEEDS_CONTEXT,
        ),
        (
            "Video creators will not receive a cut of revenue from views of those videos.",
            NEEDS_CONTEXT,
        ),
        ("Does the governor have the authority to deploy the state's troopers?", QUESTION),
        ("Focus instead on the photos of police vehicles lined up along the river.", NEEDS_CONTEXT),
        ("Exhibit A for this may be the deportation of migrants from the camp.", NEEDS_CONTEXT),
        ("The panel earlier voted against approving the application for everyone.", NEEDS_CONTEXT),
        ("Since 2019 he had been working with a minority in the parliament.", NEEDS_CONTEXT),
        ("“We are going to pass the bill this week,” she told a television host.", NEEDS_CONTEXT),
        ("Earlier the health agency set a goal of ten percent by the end of May.", NEEDS_CONTEXT),
        ("Sadly, the targets for the end of the month will not be met at all.", LOADED),
        ("Twenty years ago, we witnessed a defining moment in our history.", FIRST_PERSON),
        ("Lunch?", FRAGMENT),
        ("and then the ministers left the room without a statement.", FRAGMENT),
        ("Police Officers Win Immunity In Two Supreme Court Cases.", FRAGMENT),
        ("The senator slammed the brutal plan in a speech on Monday.", LOADED),
        # The same rules where the near misses above do break them:
        ("The talks had failed, he told reporters in the capital on Monday.", NEEDS_CONTEXT),
        ("When Democrats met on Monday, he said the deal was dead for the year.", NEEDS_CONTEXT),
        ("The illegal war in the region entered its third week on Monday.", LOADED),
        ("Thousands of illegal immigrants crossed the border last month, officials said.", LOADED),
        ("Senate Republicans rejected those claims on Wednesday in a floor speech.", NEEDS_CONTEXT),
        ("Many are now reaching their breaking point after months of overtime.", NEEDS_CONTEXT),
        ("Some say the plan will leave millions without cover next year.", NEEDS_CONTEXT),
        ("The figures show a staggering rise in homicides across the country.", LOADED),
        ("The envoy's letter excoriated the administration's deportation policy.", LOADED),
    ],
)
def test_each_rule_fires(text: str, rule: str) -> None:
    assert rule in sentence_problems(text)


def test_quoted_first_person_and_loaded_words_belong_to_the_speaker() -> None:
    text = "“Our plan is a disaster for the brutal regime,” the minister said on Friday."
    assert sentence_problems(text) == []
    assert language.loaded_outside_quotes(text) == []
    assert language.find_loaded(text) == ["brutal", "regime"]


@pytest.mark.parametrize(
    ("text", "clean", "credit"),
    [
        (
            "MOSCOW (AP) — The Kremlin said Xi backed Putin.",
            "The Kremlin said Xi backed Putin.",
            "AP",
        ),
        (
            "MOSCOW (AP) The Kremlin said Xi backed Putin.",
            "The Kremlin said Xi backed Putin.",
            "AP",
        ),
        ("BRUSSELS, Belgium (AP) - NATO ministers met.", "NATO ministers met.", "AP"),
        ("LONDON (Reuters) - Shares fell on Monday.", "Shares fell on Monday.", "Reuters"),
        ("KABUL — Taliban fighters entered the city.", "Taliban fighters entered the city.", None),
        ("9/11 anniversary: Bush spoke in Shanksville.", "Bush spoke in Shanksville.", None),
        ("The Kremlin said: the talks went well.", "The Kremlin said: the talks went well.", None),
    ],
)
def test_datelines_and_labels_are_stripped_and_credits_read(
    text: str, clean: str, credit: str | None
) -> None:
    assert language.strip_dateline(text) == clean
    assert language.dateline_credit(text) == credit


def test_credit_lines_name_their_agency() -> None:
    assert language.credit_line("Source: The Associated Press") == "AP"
    assert language.credit_line("The Associated Press contributed to this report.") == "AP"
    assert language.credit_line("Reuters said the talks had stalled on Friday.") is None


def test_quoted_words_without_their_marks_are_found() -> None:
    quote = "understands Russia’s concerns and fully supports our initiative"
    unmarked = (
        "Xi said he understands Russia’s concerns and fully supports our initiative, Ushakov said."
    )
    marked = f"Xi said he “{quote},” Ushakov said."
    assert language.unmarked_quotes(unmarked, [quote]) == [quote]
    assert language.unmarked_quotes(marked, [quote]) == []


def test_connectives_that_add_no_fact_are_dropped() -> None:
    assert language.without_back_references("However, the Kremlin denied it.") == (
        "The Kremlin denied it."
    )
    assert language.without_back_references("Putin, meanwhile, demanded assurances.") == (
        "Putin demanded assurances."
    )
    assert (
        language.without_back_references("Putin also said he would go.")
        == "Putin said he would go."
    )
    assert language.without_back_references("He said “we also want peace.”") == (
        "He said “we also want peace.”"
    )


def test_surnames_before_a_full_mention_and_the_role_the_articles_give() -> None:
    texts = ["Putin's foreign affairs adviser Yuri Ushakov spoke.", "Ushakov said it went well."]
    names = language.full_names(texts)
    assert names == {"Ushakov": "Yuri Ushakov"}
    assert language.surnames_before_full_mention("Ushakov said so.", "", names) == ["Ushakov"]
    assert (
        language.surnames_before_full_mention("Ushakov said so.", "Yuri Ushakov spoke.", names)
        == []
    )
    assert language.surnames_before_full_mention("The U.S. Supreme Court ruled.", "", names) == []
    role = language.roles(texts, ["Yuri Ushakov"])
    assert role == {"Yuri Ushakov": "Putin's foreign affairs adviser"}
    assert language.with_role("Yuri Ushakov said so.", "Yuri Ushakov", role["Yuri Ushakov"]) == (
        "Putin's foreign affairs adviser Yuri Ushakov said so."
    )
    assert language.with_role("Kremlin adviser Yuri Ushakov said so.", "Yuri Ushakov", "aide") == (
        "Kremlin adviser Yuri Ushakov said so."
    )


@pytest.mark.parametrize(
    ("url", "title", "sections", "reason"),
    [
        (
            "https://www.cnn.com/2021/09/19/opinions/drone-strike/index.html",
            None,
            (),
            "opinion URL path",
        ),
        ("https://example.com/news/why-biden-opinion-123", None, (), "opinion URL path"),
        ("https://example.com/world/analysis/a-deal-123", None, (), "analysis URL path"),
        ("https://example.com/a", "Opinion | Manchin’s choice", (), "opinion headline label"),
        ("https://example.com/a", "A headline", ("Opinion",), "page section or type 'Opinion'"),
        (
            "https://example.com/a",
            "A headline",
            ("OpinionNewsArticle",),
            "page section or type 'OpinionNewsArticle'",
        ),
    ],
)
def test_opinion_pieces_are_recognised(
    url: str, title: str | None, sections: tuple[str, ...], reason: str
) -> None:
    assert language.opinion_reason(url, title, sections) == reason


@pytest.mark.parametrize(
    ("title", "reason"),
    [
        ("Defending the senator from his critics", "headline that argues"),
        ("The Budget Deception", "headline that argues"),
        ("Senator blasts tech giant at hearing", None),
        ("Senate passes budget bill after long debate", None),
    ],
)
def test_headlines_that_argue_are_opinion(title: str, reason: str | None) -> None:
    assert language.opinion_reason("https://example.com/2021/10/01/a-story", title) == reason


def test_a_name_first_in_a_headline_is_not_an_imperative() -> None:
    title = "Manchin the kingmaker as the Senate weighs the bill"
    body = "The Senate voted on Tuesday, and Sen. Joe Manchin said he would back the bill."
    assert language.opinion_reason(None, title, (), body) is None
    assert language.opinion_reason(None, title, (), "") == language.IMPERATIVE_HEADLINE


def test_a_loaded_name_of_a_disease_is_found_as_a_phrase_even_glossed() -> None:
    assert language.find_loaded("Cases of the CCP virus rose.") == ["ccp virus"]
    glossed = "The study of CCP (Chinese Communist Party) virus infections was funded by Pfizer."
    assert language.loaded_outside_quotes(glossed) == ["ccp virus"]
    # The words apart are not the phrase, and a speaker's quoted words are theirs.
    assert language.find_loaded("The CCP said the virus spread slowly.") == []
    assert language.loaded_outside_quotes('Trump called it the "China virus" on Monday.') == []


def test_a_loaded_word_in_a_news_section_headline_is_slant_not_opinion() -> None:
    title = "Gymnasts Blister FBI In Explosive Testimony"
    assert language.opinion_reason("https://example.com/2021/09/15/gymnasts", title) is not None
    assert language.opinion_reason("https://example.com/news/gymnasts-testify", title) is None
    argued = "Defending the senator from his critics"
    assert language.opinion_reason("https://example.com/news/defending", argued) is not None


def test_a_column_that_addresses_the_reader_is_opinion() -> None:
    column = (
        "You may think the border is calm this autumn. Your senator wants you to think so. "
        "The bill would fund roads, bridges and broadband across the state for a decade."
    )
    news = (
        "“You have to show up,” the governor told the crowd in Austin on Monday. "
        "The bill would fund roads, bridges and broadband across the state for a decade."
    )
    voice = "first- or second-person wording or questions"
    assert language.opinion_reason(None, None, (), column) == voice
    assert language.opinion_reason(None, None, (), news) is None


def test_service_journalism_that_tells_readers_where_to_book_is_not_opinion() -> None:
    service = (
        "You can book a booster at your local pharmacy or online. If you are over 65, you "
        "may be eligible for a fourth dose. The bill would fund roads, bridges and broadband."
    )
    assert language.opinion_reason(None, None, (), service) is None
    # A columnist who addresses the reader and speaks in the first person still is opinion.
    column = f"You can book a booster, but I will not. You can get one, and I will help. {service}"
    voice = "first- or second-person wording or questions"
    assert language.opinion_reason(None, None, (), column) == voice


@pytest.mark.parametrize(
    ("url", "opinion"),
    [
        ("https://www.theguardian.com/commentisfree/2021/oct/01/manchin", True),
        ("https://www.independent.co.uk/voices/manchin-climate-bill-b1924497.html", True),
        ("https://www.theatlantic.com/ideas/archive/2021/10/manchin/620001/", True),
        ("https://www.nbcnews.com/think/opinion/manchin-climate-ncna1", True),
        ("https://www.example.com/blogs/plum-line/2021/10/01/manchin/", True),
        ("https://www.nytimes.com/2021/10/01/opinion/guest-essay/manchin.html", True),
        ("https://www.reuters.com/breakingviews/manchin-bill-2021-10-01/", True),
        ("https://www.example.com/news/voices-of-the-flood-victims", False),
        ("https://www.example.com/politics/2021/10/01/manchin-ideas-for-the-bill/", False),
    ],
)
def test_sections_of_comment_in_the_url(url: str, opinion: bool) -> None:
    reason = language.opinion_reason(url, "Senate passes budget bill after long debate")
    assert (reason is not None) is opinion


@pytest.mark.parametrize(
    ("lines", "reason"),
    [
        (["Manchin's choice", "Opinion by Jane Roe", "The senator said ..."], "opinion"),
        (["Manchin's choice", "Guest essay by Jane Roe"], "opinion"),
        (["Manchin's choice", "By the Editorial Board"], "opinion"),
        (["The senator said ...", "Jane Roe is a columnist for The Example Post."], "opinion"),
        (
            ["The views expressed in this commentary are the author's own."],
            "opinion",
        ),
        (["Analysis by John Doe, Example News"], "analysis"),
        (["The senator said ...", "By Jane Roe, Example News"], None),
        # A long paragraph that mentions a columnist is prose, not a bio.
        (
            [
                "Jane Roe is a columnist for The Example Post who covered the senator for a "
                "decade before she left the paper, and on Tuesday she told reporters that the "
                "bill would fund roads, bridges and broadband across the state for a decade."
            ],
            None,
        ),
        (["“Stop it,” the senator said; his office said the opinion by the court stands."], None),
        # "by" before no name is a sentence; a byline is short.
        (["Analysis by the CDC found cases rose by a third in December."], None),
        (["Analysis by CDC scientists of records from the region found that cases rose."], None),
        (["The views expressed by the senator drew anger from the party."], None),
        (["The senator said ...", "The views expressed here are the writer's own."], "opinion"),
        # A line about a former columnist that opens the page is news; a bio closes it.
        (
            [
                "Paper settles suit",
                "Jane Roe is a former columnist who sued the paper on Monday.",
                "The paper said it would settle.",
                "A judge must approve the deal.",
                "The hearing is set for March.",
            ],
            None,
        ),
        (
            [
                "Paper settles suit",
                "The paper said it would settle.",
                "A judge must approve the deal.",
                "Jane Roe is a former columnist for The Example Post.",
            ],
            "opinion",
        ),
    ],
)
def test_opinion_bylines_and_disclaimers(lines: list[str], reason: str | None) -> None:
    found = language.byline_opinion_reason(lines)
    assert (found and ("analysis" if "analysis" in found else "opinion")) == reason


def test_a_columnists_voice_is_opinion_and_a_news_report_is_not() -> None:
    column = (
        "I have watched the senator for years. We deserve better than this. "
        "Why does he keep blocking the bill? The answer is simple and it is about money. "
        "The bill would fund roads, bridges and broadband across the state for a decade. "
        "It passed the House in November after months of talks between the two parties."
    )
    news = (
        "The senator blocked the bill on Tuesday, his office said. "
        "“We will keep talking,” he told reporters in Washington after the vote. "
        "The bill would fund roads, bridges and broadband across the state for a decade. "
        "It passed the House in November after months of talks between the two parties."
    )
    voice = "first- or second-person wording or questions"
    assert language.opinion_reason(None, None, (), column) == voice
    assert (
        language.opinion_reason("https://apnews.com/article/x", "Senate stalls", (), news) is None
    )


@pytest.mark.parametrize(
    ("title", "reason"),
    [
        # Imperative headlines tell a party what to do: an argument.
        ("Vaccinate the World before Starting Booster Shots", language.IMPERATIVE_HEADLINE),
        ("End the filibuster before it ends the Senate", language.IMPERATIVE_HEADLINE),
        ("Give them a seat at the table", language.IMPERATIVE_HEADLINE),
        # Headline-ese drops the copula before "a"; "Volume I" is a numeral, not the writer.
        ("Inflation a growing worry for the central bank", None),
        ("The report, Volume I: what the inquiry found", None),
        ("Don’t trust the polls this time", "headline that argues"),
        ("Let’s not pretend the border is secure", "headline that argues"),
        ("Never-Trump Republicans meet in Ohio", None),
        # News headlines open with their subject, a preposition, or label a teaser.
        ("Italy Puts the New Vaccine Law in Force", None),
        ("Senate Passes the Budget Bill", None),
        ("After the vote, Democrats regroup", None),
        ("Watch the senator's full speech", None),
        ("Meet the judge who will hear the case", None),
        ("Reopened the border to vaccinated visitors on Monday", None),
        # Prepositions, adverbs, quantifiers and a noun before a time phrase are no verbs; a
        # call to act that a headline attributes is the speaker's.
        ("Despite the surge, hospitals keep beds free", None),
        ("Amid the storm, towns along the coast flood", None),
        ("Nearly all the students return to class", None),
        ("Half the staff quit the agency", None),
        ("Inflation this year hits a 30-year high", None),
        ("Snow this weekend to hit the Northeast", None),
        ("Vaccinate the world, WHO chief says", None),
        ("Rally the troops before the vote", language.IMPERATIVE_HEADLINE),
        # Obligation in the writer's voice argues; reported, quoted or a rule's, it does not.
        ("The military needs to do more than apologize", language.OBLIGATION_HEADLINE),
        ("If the Story Is True, the General Has to Go", language.OBLIGATION_HEADLINE),
        ("The president must sort out the agency's foot-dragging", language.OBLIGATION_HEADLINE),
        ("Congress should raise the debt ceiling now", language.OBLIGATION_HEADLINE),
        ("Congress should raise the debt ceiling, senator says", None),
        ("Doctor tells host the network shouldn't have called it a dewormer", None),
        ("Pelosi: Democrats must pass the bill this week", None),
        ("Senator says ‘we must act’ on climate", None),
        ("Workers must show a health pass under new mandate", None),
        ("Frances Roe, whistleblower: 5 facts you need to know", None),
        # A rule reported with when it applies, and an explainer, are news.
        ("Passengers must wear masks on trains until March", None),
        ("Workers must be vaccinated by Jan. 4", None),
        ("Diners must show a pass starting Monday", None),
        ("What you should know about the booster", None),
        ("Passengers must wear masks on trains", language.OBLIGATION_HEADLINE),
        # The writer's own voice; an acronym or a roman numeral is not "I".
        ("I was wrong about masks", language.VOICE_HEADLINE),
        ("We owe the Afghan interpreters more than thanks", language.VOICE_HEADLINE),
        ("Hospitalizations hit crisis levels in southern I.C.U.s", None),
        ("Veterans of World War I honored in Paris", None),
        ("Crash closes I-95 near Baltimore", None),
        ("Crash closes I–95 near Baltimore", None),
        ("The day I nearly died on I-95", language.VOICE_HEADLINE),
        ("Why I Left the Party", language.ANALYSIS_HEADLINE),
        ("After the vote, I am done with the party", language.VOICE_HEADLINE),
        ("What we know about the new pill", language.ANALYSIS_HEADLINE),
        ("Why the senator's approval rating is not recovering", language.ANALYSIS_HEADLINE),
        ("How the phone outage hurt small shops in India", language.ANALYSIS_HEADLINE),
        ("‘Frustration is high’: Behind the senator’s falling polls", language.ANALYSIS_HEADLINE),
        ("Is the budget deal a win for the president?", language.ANALYSIS_HEADLINE),
        ("Senator says how he will vote on the budget bill", None),
        ("Senate passes budget bill after long debate", None),
    ],
)
def test_analysis_and_explainer_headlines_are_recognised(title: str, reason: str | None) -> None:
    assert language.opinion_reason("https://example.com/news/1", title) == reason


@pytest.mark.parametrize(
    ("outlet", "domain", "url", "reason"),
    [
        ("Example Journal (Opinion)", None, None, "outlet named as its opinion section"),
        ("Example News - Analysis", None, None, "outlet named as its analysis section"),
        (None, "nationalreview.com", None, language.PUBLICATION_OF_OPINION),
        (None, None, "https://www.city-journal.org/a-story", language.PUBLICATION_OF_OPINION),
        ("Example Journal (News)", "apnews.com", "https://apnews.com/article/x", None),
        ("Opinion Research Daily", "example.com", None, None),
        (None, None, None, None),
    ],
)
def test_outlets_that_name_their_opinion_section_or_publish_opinion(
    outlet: str | None, domain: str | None, url: str | None, reason: str | None
) -> None:
    assert language.outlet_opinion_reason(outlet, domain, url) == reason


@pytest.mark.parametrize(
    ("text", "before"),
    [
        ("The sources say the plan was dropped on Friday afternoon.", ""),
        ("The launches came days after talks between the two sides.", "Talks resumed on Monday."),
        ("The latest number roundly beat the forecasts of most economists.", ""),
        ("The 69-year-old suffered a stroke at home and died on Sunday.", ""),
        ("The ports - which handle 40% of imports - closed for the week.", "Shares fell."),
        ("The new rules take effect for travellers from November.", "Travel resumed in May."),
        ("The mandate, one of the strictest, requires proof of vaccination.", "Italy acted."),
        ("The widespread staffing shortage closed two terminals.", "The airline cut 900 flights."),
        ("Much of the anger is aimed at the interior minister.", "The mayor kept the old rules."),
        ("The committee's chair threatened to subpoena the minister.", "Lawmakers questioned her."),
        ("The mandate takes effect for pupils in January.", "The schools reopened on Monday."),
        # A definite shell noun as subject is a definite reference (read against the brief).
        ("The move comes as the Senate prepares to vote on the budget next week.", ""),
        ("The cut reflects disruptions to supply chains and softer consumption.", "Prices rose."),
        ("The decision Thursday could push the law closer to the court.", "Texas passed a law."),
        ("The plan, outlined in a statement, would let the governor act.", "Nurses left."),
        ("The data show a rise in homicides across the country.", "Crime fell in the capital."),
    ],
)
def test_a_definite_reference_the_brief_never_introduced_fires(text: str, before: str) -> None:
    assert language.UNINTRODUCED in sentence_problems(text, before)


@pytest.mark.parametrize(
    ("text", "before"),
    [
        ("The launches came days after the talks.", "North Korea launched two missiles."),
        ("The decision to raise rates was announced by the central bank.", ""),
        ("The unemployment rate fell to 4.2% in November, the agency said.", ""),
        ("The Supreme Court ruled on Monday that the law may stay in force.", ""),
        ("The company said it would appeal the ruling on Friday.", "Pfizer lost its case."),
        ("The diplomat, Daniel Foote, was appointed special envoy in July.", ""),
        ("The president signed the bill into law on Friday afternoon.", ""),
        ("The commission is expected to report in November.", "A commission met on Friday."),
        ("The death toll from the earthquake rose to 300 on Sunday.", ""),
        ("The mass cancellations come after pilots sued the airline.", "It cancelled 900 flights."),
        ("The nation's top generals will face lawmakers on Tuesday.", "Troops left Kabul."),
        ("Most of the country is under a heat warning until Friday.", ""),
        ("Much of the anger is aimed at the minister.", "The mayor drew anger from the unions."),
        ("The committee's chair threatened a subpoena.", "She testified before a Senate panel."),
        # A defining phrase within the first words, and a referent named by a synonym before.
        ("The three-judge panel on the appeals court voted 2-1.", "The court sided with Texas."),
        ("The death toll from the market bombing rose to 30.", "Two bombs exploded in the city."),
        ("The mandate, issued by Friday, applies to bars.", "The county will require proof."),
        ("The additional jabs bring the total past one billion.", "The US will give more doses."),
        ("The data show 21,570 homicides in 2020.", "FBI statistics were released on Monday."),
        ("The deal will give Australia nuclear submarines.", "Biden announced the deal on Monday."),
    ],
)
def test_a_definite_reference_that_is_introduced_or_defined_passes(text: str, before: str) -> None:
    assert language.UNINTRODUCED not in sentence_problems(text, before)


def test_a_definite_reference_waits_for_its_place_in_the_brief() -> None:
    # Where the sentence will stand is not known yet: what comes before decides.
    assert language.unintroduced_reference("The sources say the plan is dead.", None) is None
    assert language.unintroduced_reference("The sources say the plan is dead.", "") == "sources"


@pytest.mark.parametrize(
    "text",
    [
        "The rulings suggest that the court is not willing to act for now.",
        "Parents admonished the school board for covering up the assault.",
        "The twin votes were a heavy blow to the administration's plans.",
        "In drawing an ally closer, the president appears to have alienated another.",
    ],
)
def test_an_interpretation_or_allegation_in_the_writers_voice_fires(text: str) -> None:
    assert language.INTERPRETATION in sentence_problems(text)


@pytest.mark.parametrize(
    "text",
    [
        "Officials said the rulings suggest that the court is not willing to act.",
        "Parents accused the school board of covering up the assault, the lawsuit says.",
        "“This is a heavy blow to the administration,” the senator said on Friday.",
        "The court ruled 6-3 that the law may stay in force until the trial.",
    ],
)
def test_an_attributed_or_plain_report_is_no_interpretation(text: str) -> None:
    assert language.INTERPRETATION not in sentence_problems(text)


@pytest.mark.parametrize(
    "text",
    [
        "In both cases, the justices overturned rulings of the lower courts.",
        "Hours later, the South tested its first missile launched from a submarine.",
        "Two days later the court ruled against the state on every count.",
        "Within hours, the reaction in the political class was intense.",
        "Shortly afterwards, police closed the bridge to all traffic.",
        "In practice, though, the army got it wrong in many of its strikes.",
        "On the other end, taxes for those earning under $40,000 would fall.",
        "The governor issued another order on Monday — this time banning all mandates.",
        "Deaths are still rising across the country because of that summer surge.",
        "The governor signed the bill into law later that same day in Albany.",
    ],
)
def test_openers_that_count_from_something_told_before(text: str) -> None:
    assert NEEDS_CONTEXT in sentence_problems(text)


def test_a_time_counted_from_an_earlier_sentence_is_dropped_by_the_light_rewrite() -> None:
    text = "Hours later, the South tested its first missile launched from a submarine."
    assert language.without_back_references(text) == (
        "The South tested its first missile launched from a submarine."
    )


@pytest.mark.parametrize(
    "text",
    [
        "Days after the election in Germany, the two parties began talks on a coalition.",
        "Within hours of the attack, police arrested two men in the city of Lyon.",
        "Shortly after midnight, the storm reached the coast of North Carolina.",
        "Though the army had struck many times, the general said few civilians died.",
        "On the other side of the border, troops massed near the town of Kupiansk.",
        "At this time, officials say no one was hurt in the fire at the plant.",
        "The state passed a rule that summer camps must test every counselor weekly.",
        "Officials said that Monday's vote in the Senate would go ahead as planned.",
        "Deaths rose in the weeks after the surge that summer brought to the South.",
    ],
)
def test_a_time_counted_from_a_named_event_stands_alone(text: str) -> None:
    assert NEEDS_CONTEXT not in sentence_problems(text)


def test_a_booster_in_the_writers_voice_is_an_interpretation() -> None:
    text = "The meetings produced no public commitment, which was absolutely necessary."
    assert language.INTERPRETATION in sentence_problems(text)
    said = "The meetings produced no commitment, which was absolutely necessary, aides said."
    assert language.INTERPRETATION not in sentence_problems(said)


def test_a_news_report_of_a_publication_of_opinion_is_news() -> None:
    news = "https://www.nationalreview.com/news/house-delays-vote-on-the-bill/"
    column = "https://www.nationalreview.com/2021/09/a-tale-of-two-strikes/"
    assert language.outlet_opinion_reason("National Review", None, news) is None
    assert language.outlet_opinion_reason("National Review", None, column) == (
        language.PUBLICATION_OF_OPINION
    )


def test_a_surname_with_a_possessive_gets_its_first_full_mention() -> None:
    names = {"Ushakov": "Yuri Ushakov"}
    text = "Ushakov's account of the call was published by the Kremlin on Wednesday."
    assert language.surnames_before_full_mention(text, "", names) == ["Ushakov"]
    assert language.write_full_name(text, "Ushakov", "Yuri Ushakov").startswith("Yuri Ushakov's")


def test_a_role_is_read_from_the_noun_phrase_before_a_name_not_the_clause() -> None:
    texts = ["The mayor rejected former governor Ann Lee’s request to delay the vote."]
    assert language.roles(texts, ["Ann Lee"]) == {"Ann Lee": "former governor"}
    texts = ["The mayor spoke after her meeting with city hall adviser Ann Lee on Friday."]
    assert language.roles(texts, ["Ann Lee"]) == {"Ann Lee": "city hall adviser"}
    texts = ["City hall adviser Ann Lee said the vote would be delayed."]
    assert language.roles(texts, ["Ann Lee"]) == {"Ann Lee": "City hall adviser"}


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("But Lee, founder of the group, thinks so.", "But Ann Lee, founder of the group"),
        ("In announcing it, Mr. Lee said it was final.", "In announcing it, Ann Lee said"),
    ],
)
def test_a_surname_after_an_opening_word_or_honorific_gets_its_full_name(
    text: str, written: str
) -> None:
    names = {"Lee": "Ann Lee"}
    assert language.surnames_before_full_mention(text, "", names) == ["Lee"]
    assert language.write_full_name(text, "Lee", "Ann Lee").startswith(written)


@pytest.mark.parametrize(
    "text", ["The Lee administration said so on Friday.", "Governor Lee said so on Friday."]
)
def test_a_surname_inside_a_longer_name_or_after_a_determiner_is_left(text: str) -> None:
    assert language.surnames_before_full_mention(text, "", {"Lee": "Ann Lee"}) == []


@pytest.mark.parametrize(
    "text",
    [
        "As is so often true with press releases, many questions are left unanswered.",
        "A rare show of force in the parade underlined the president's promise to resist.",
    ],
)
def test_a_generalisation_or_an_underlining_in_the_writers_voice(text: str) -> None:
    assert language.INTERPRETATION in sentence_problems(text)


def test_a_hedge_and_a_loaded_verb_in_the_writers_voice() -> None:
    hedge = "The law requires passes at work, essentially forcing workers to get vaccinated."
    assert language.INTERPRETATION in sentence_problems(hedge)
    assert LOADED in sentence_problems("Lawmakers on Friday trashed a draft report on courts.")
    said = "The law essentially forces workers to get vaccinated, the unions said on Friday."
    assert language.INTERPRETATION not in sentence_problems(said)


@pytest.mark.parametrize(
    ("text", "person"),
    [
        ("On Monday evening, 23-year-old Sana Hussani was, as usual, at work.", "Hussani"),
        ("Tom Reyes, age 61, lost a job as a custodian at the start of 2020.", "Reyes"),
        ("Ann Lee, 78, received a booster shot at the White House on Monday.", "Lee"),
        ("“Ann Lee, 78, was there,” the mayor said on Monday.", None),
        ("The 61-year-old custodian lost his job at the start of 2020.", None),
        ("Prices rose 6.2% in October, the biggest jump in 31 years.", None),
    ],
)
def test_a_person_introduced_by_age_is_found(text: str, person: str | None) -> None:
    assert language.aged_person(text) == person


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        (
            "Yet the share of people in poverty fell to a record low, the bureau said.",
            "The share of people in poverty fell to a record low, the bureau said.",
        ),
        (
            "Earlier the health agency set a goal of ten percent by the end of May.",
            "The health agency set a goal of ten percent by the end of May.",
        ),
        (
            "Earlier in the day, the senator met the governor in Albany to discuss the bill.",
            "The senator met the governor in Albany to discuss the bill.",
        ),
        (
            "The day before, the governor signed the order into law in the state capital.",
            "The governor signed the order into law in the state capital.",
        ),
        (
            "In particular, the new rule bans flavoured vapes in every state from June.",
            "The new rule bans flavoured vapes in every state from June.",
        ),
        (
            "Rural hospitals, in particular, will lose staff when the mandate starts.",
            "Rural hospitals will lose staff when the mandate starts.",
        ),
        # Inside a clause without its commas the words stay.
        (
            "The rule bans vapes, and in particular flavoured ones, from June.",
            "The rule bans vapes, and in particular flavoured ones, from June.",
        ),
        # A time that names its own anchor stays.
        (
            "Earlier this month, the health agency set a goal of ten percent by May.",
            "Earlier this month, the health agency set a goal of ten percent by May.",
        ),
        (
            "Earlier than expected, the company reported a profit of two billion dollars.",
            "Earlier than expected, the company reported a profit of two billion dollars.",
        ),
    ],
)
def test_connectives_and_time_anchors_that_point_back_are_dropped(text: str, printed: str) -> None:
    assert language.without_back_references(text) == printed


@pytest.mark.parametrize(
    ("text", "printed"),
    [
        # Reviewer's examples: the words after the opener are lower case, no comma between.
        ("Earlier reports put the death toll at 12.", "Earlier reports put the death toll at 12."),
        (
            "The day before yesterday, police arrested two men.",
            "The day before yesterday, police arrested two men.",
        ),
        (
            "A day earlier than planned, the team left the city.",
            "A day earlier than planned, the team left the city.",
        ),
        # A named event after "a week before" is the sentence's own anchor.
        ("A week before Christmas, prices rose.", "A week before Christmas, prices rose."),
        # The openers the rule is for: a time before a comma, a capital or an article; a
        # connective before any word ("But even as ...").
        (
            "But even as Democrats accepted part of the deal, they said they will not bend.",
            "Even as Democrats accepted part of the deal, they said they will not bend.",
        ),
        ("Earlier, police arrested two men.", "Police arrested two men."),
        ("The day before, police arrested two men.", "Police arrested two men."),
        ("A day earlier, the team left the city.", "The team left the city."),
        ("A week before, prices rose.", "Prices rose."),
        ("Earlier Police Chief Ann Bell said so.", "Police Chief Ann Bell said so."),
        (
            "In addition to the tax, the bill cuts fees.",
            "In addition to the tax, the bill cuts fees.",
        ),
        # "Still" and "yet" before a comparative count say more than a connective.
        (
            "Still more people fled the city on Monday.",
            "Still more people fled the city on Monday.",
        ),
        ("Yet another storm hit the coast.", "Yet another storm hit the coast."),
        ("Still, the agency went on.", "The agency went on."),
        ("Yet the agency went on.", "The agency went on."),
    ],
)
def test_an_opener_is_dropped_only_when_it_is_a_whole_phrase(text: str, printed: str) -> None:
    assert language.without_back_references(text) == printed


def test_a_week_before_a_named_event_needs_no_context() -> None:
    assert NEEDS_CONTEXT not in sentence_problems("A week before Christmas, prices rose.")
    assert NEEDS_CONTEXT in sentence_problems("A week before, prices rose sharply in the city.")


@pytest.mark.parametrize(
    ("text", "needs"),
    [
        ("The governor had signed the order the day before, officials said on Monday.", True),
        ("The senator met the governor earlier in the day to discuss the bill.", True),
        ("The jobs report came out a day earlier, showing a rise in hiring.", True),
        ("The senator met the governor the day before the vote on the bill.", False),
        ("Biden met Putin in Geneva the day before Thanksgiving, officials said.", False),
        ("The governor signed the order on Monday, a day before the deadline.", False),
    ],
)
def test_a_time_counted_from_an_unprinted_event_needs_context(text: str, needs: bool) -> None:
    assert (NEEDS_CONTEXT in sentence_problems(text)) is needs


@pytest.mark.parametrize(
    ("text", "voiced"),
    [
        (
            "The big picture: Voters want lower prices.",
            ("Voters want lower prices.", "a news analysis"),
        ),
        ("THE BOTTOM LINE: Voters want it.", ("Voters want it.", "a news analysis")),
        # The label's case is free, the sentence after it opens with a capital: a lower-case
        # word goes on the one sentence, no rubric.
        (
            "The takeaway: voters want lower prices.",
            ("The takeaway: voters want lower prices.", None),
        ),
        ("Yes, but: the bill may fail.", ("Yes, but: the bill may fail.", None)),
    ],
)
def test_an_analysis_rubric_heads_a_sentence(text: str, voiced: tuple[str, str | None]) -> None:
    assert language.rubric_voice(text) == voiced


def test_a_rubric_naming_its_writer_is_stripped_and_the_writer_kept() -> None:
    text = "Why it matters, via Axios' Jane Roe: The recall may have helped the governor."
    assert language.rubric_voice(text) == (
        "The recall may have helped the governor.",
        "Axios' Jane Roe",
    )
    assert DATELINE_LEFT in sentence_problems(text)
    # A sentence that says "via" without a rubric keeps its words.
    plain = "The money reached the region via a fund set up by the United Nations: $2 million."
    assert language.rubric_voice(plain) == (plain, None)
    route = "Aid arrived via Poland: Officials said the trucks crossed on Monday."
    assert language.rubric_voice(route) == (route, None)
    one_word = "Why it matters, via Poland: Officials said the trucks crossed on Monday."
    assert language.rubric_voice(one_word) == (one_word, None)
    named = "Why it matters, via Jane Roe: The recall may have helped the governor."
    assert language.rubric_voice(named) == ("The recall may have helped the governor.", "Jane Roe")
    assert language.rubric_voice(plain) == (plain, None)
    said = "The senator said via Twitter: The vote will happen on Monday."
    assert language.rubric_voice(said) == (said, None)


def test_a_rubric_after_a_dateline_keeps_its_voice() -> None:
    text = "WASHINGTON — The big picture: Prices are rising faster than wages."
    assert language.rubric_voice(text) == (
        "Prices are rising faster than wages.",
        language.ANALYSIS_VOICE,
    )
    # A dateline before plain words: no voice, the sentence as it was.
    plain = "WASHINGTON — Prices are rising faster than wages."
    assert language.rubric_voice(plain) == (plain, None)


@pytest.mark.parametrize(
    ("previous", "text", "printed"),
    [
        (
            "Sen. Jane Roe (D-Wis.) noted that the offer would amount to “a temporary victory.”",
            "“We view that as a victory with more work to do,” she told a television host.",
            "“We view that as a victory with more work to do,” Jane Roe told a television host.",
        ),
        (
            "The order covers outdoor events, said County Health Director Dr. Ann Bell.",
            "Customers will need one vaccine dose by Oct. 7, she said.",
            "Customers will need one vaccine dose by Oct. 7, Ann Bell said.",
        ),
        # Two speakers before: whose words they are is not known, the pronoun stays.
        (
            "Jane Roe told reporters that Tom Pike said the deal was dead.",
            "“We will try again next week,” she said on Friday.",
            "“We will try again next week,” she said on Friday.",
        ),
        # No one quoted before (a name is not a speaker): the pronoun stays.
        (
            "Jane Roe met the governor in Albany on Monday.",
            "“We will try again next week,” she said on Friday.",
            "“We will try again next week,” she said on Friday.",
        ),
        # The sentence names its speaker itself.
        (
            "Jane Roe told reporters the talks were over.",
            "Tom Pike defended the plan, a move that he says will save money.",
            "Tom Pike defended the plan, a move that he says will save money.",
        ),
        # The name after "told" is the listener, never the speaker.
        (
            "The president told Jake Tapper on Sunday that the talks were over.",
            "“We will try again next week,” he said on Friday.",
            "“We will try again next week,” he said on Friday.",
        ),
        (
            "“The talks are over,” Tom Pike told Jake Tapper on Sunday.",
            "“We will try again next week,” he said on Friday.",
            "“We will try again next week,” Tom Pike said on Friday.",
        ),
        # A pronoun of the other gender before: someone else is spoken of too.
        (
            "“His plan is dead,” said Tom Pike on Sunday.",
            "“We will try again next week,” she said on Friday.",
            "“We will try again next week,” she said on Friday.",
        ),
        # An interrupting "he said" between commas is left as written.
        (
            "“The talks are over,” said Tom Pike.",
            "The senator, he said, will vote against the bill next week.",
            "The senator, he said, will vote against the bill next week.",
        ),
        # A sentence closing on its speaker's surname alone: the next "He said" is that
        # speaker (the brief's full-name rewrite then gives the name the article gives).
        (
            "Xi said he fully supports the initiative on security guarantees, Ushakov said.",
            "He said the proposals had been forwarded to the State Department on Wednesday.",
            "Ushakov said the proposals had been forwarded to the State Department on Wednesday.",
        ),
        # A closing plural or a lower-case source is no speaker: the pronoun stays.
        (
            "Xi said he fully supports the initiative on security guarantees, officials said.",
            "He said the proposals had been forwarded to the State Department on Wednesday.",
            "He said the proposals had been forwarded to the State Department on Wednesday.",
        ),
    ],
)
def test_a_pronoun_speaker_is_named_as_the_article_names_them_just_before(
    previous: str, text: str, printed: str
) -> None:
    assert language.name_pronoun_speaker(text, previous, {"Ushakov", "Pike"}) == printed


def test_a_closing_surname_is_a_speaker_only_for_a_person_the_articles_name_in_full() -> None:
    previous = "Xi said he fully supports the initiative on security guarantees, Reuters said."
    text = "He said the proposals had been forwarded to the State Department on Wednesday."
    assert language.name_pronoun_speaker(text, previous, {"Ushakov"}) == text
    named = previous.replace("Reuters", "Ushakov")
    assert language.name_pronoun_speaker(text, named, {"Ushakov"}).startswith("Ushakov said")


def test_a_camp_named_for_its_leader_is_no_full_name() -> None:
    texts = ["Team Biden wants to start boosters.", "Biden spoke.", "Team Biden said no."]
    assert "Biden" not in language.full_names(texts)
    assert language.full_names([*texts, "Joe Biden spoke."])["Biden"] == "Joe Biden"


@pytest.mark.parametrize(
    ("previous", "text", "printed"),
    [
        (
            "Prime Minister Jane Roe on Tuesday said she would work with other parties.",
            "Since 2019 she had governed with a minority in the parliament.",
            "Since 2019 Jane Roe had governed with a minority in the parliament.",
        ),
        (
            "Secretary of Homeland Security Tom Pike is in charge of the border.",
            "He visited the border town recently and met the mayor.",
            "Tom Pike visited the border town recently and met the mayor.",
        ),
        # Two people before: whom "he" stands for is not known.
        (
            "Tom Pike met Jane Roe in Geneva on Wednesday.",
            "He visited the border town recently and met the mayor.",
            "He visited the border town recently and met the mayor.",
        ),
        # A person introduced by age is a feature's example, not named into the next sentence.
        (
            "On Monday evening, 23-year-old Ana Diaz was baking cakes for her customers.",
            "After finishing the orders, she pulled out her phone to message the courier.",
            "After finishing the orders, she pulled out her phone to message the courier.",
        ),
        # The opening phrase names the person itself.
        (
            "Jane Roe spoke in Albany.",
            "After Smith left the room, he called the police from the car park.",
            "After Smith left the room, he called the police from the car park.",
        ),
        # A titled surname is a second person: whom "he" stands for is not known.
        (
            "President Biden met with Sen. Joe Manchin on Monday.",
            "He urged them to pass the bill before the recess.",
            "He urged them to pass the bill before the recess.",
        ),
        (
            "Sen. Joe Manchin met with reporters on Monday.",
            "He urged them to pass the bill before the recess.",
            "Joe Manchin urged them to pass the bill before the recess.",
        ),
        # The sentence before speaks of a woman too: "he" may be anyone.
        (
            "Tom Pike met her in Geneva on Wednesday.",
            "He visited the border town recently and met the mayor.",
            "He visited the border town recently and met the mayor.",
        ),
        # "he said" between commas interrupts the sentence: no subject to name.
        (
            "Tom Pike spoke to reporters in Albany on Monday.",
            "The senator, he said, will vote against the bill next week.",
            "The senator, he said, will vote against the bill next week.",
        ),
        (
            "Tom Pike spoke to reporters in Albany on Monday.",
            "On the bill, he said the senator will vote against it next week.",
            "On the bill, Tom Pike said the senator will vote against it next week.",
        ),
    ],
)
def test_a_pronoun_subject_is_named_when_the_sentence_before_names_one_person(
    previous: str, text: str, printed: str
) -> None:
    assert language.name_from_previous(text, previous) == printed


def test_a_quote_opening_with_this_and_a_noun_needs_the_sentence_before() -> None:
    # Tried and dropped (tune reading): "“This report is a disappointment ...,” said Sen. ..."
    # printed after "The commission is expected to issue a final report" read as that report.
    quote = (
        "“This report is a disappointment to anyone who had hoped for more,” said Sen. Jane Roe."
    )
    assert NEEDS_CONTEXT in sentence_problems(quote, "The commission released a draft report.")


@pytest.mark.parametrize(
    ("text", "before", "breaks"),
    [
        # Back references the brief never set up (sixth-round reading of issue 11).
        ("Many Americans still remember where they were on that dark day in 2001.", "", True),
        (
            "Lawmakers called for his removal if the Washington Post reporting is verified.",
            "",
            True,
        ),
        ("The two leaders met in Geneva on Friday.", "", True),
        ("Both men were arrested on Friday.", "", True),
        ("The infrastructure vote was rescheduled for Friday, giving them more time.", "", True),
        ("The speaker said she would bring the bill to the floor today.", "", True),
        ("The speaker said she would bring the bill to the floor on Thursday.", "", False),
        # ... and sentences that name what they point to.
        ("The Texas law bans abortions before some women know they are pregnant.", "", False),
        ("Biden and Xi spoke for two hours about their differences on trade.", "", False),
        (
            "Although their route is unclear, 37,000 Afghans will soon head to the states.",
            "",
            False,
        ),
        (
            "The attacks of Sept. 11, 2001 killed nearly 3,000 people that day, officials said.",
            "",
            False,
        ),
        ("The agency warned that night flights would stop on Monday.", "", False),
        ("The Post report published on Tuesday said the general called Beijing twice.", "", False),
        (
            "The Washington Post reported on Tuesday that the general called Beijing twice.",
            "",
            False,
        ),
        ("The two-day summit ended in Geneva on Friday with a joint statement.", "", False),
        ("Both chambers of Congress passed the bill on Thursday.", "", False),
        ("Both Democrats and Republicans backed the measure on Thursday.", "", False),
    ],
)
def test_a_time_an_outlet_s_report_or_a_count_told_before_needs_context(
    text: str, before: str, breaks: bool
) -> None:
    assert (NEEDS_CONTEXT in sentence_problems(text, before)) is breaks


@pytest.mark.parametrize(
    ("text", "before", "breaks"),
    [
        (
            "North Korea fired a missile hours after the rival launches by the South, it said.",
            "North Korea fired a missile on Monday.",
            True,
        ),
        (
            "Officials said talks between the two countries would resume in March.",
            "Russia and Ukraine met in Geneva on Monday.",
            True,
        ),
        ("Officials said both sides would meet again in March.", "Talks in Geneva ended.", True),
        (
            "China said the trio of nations should abandon the Cold War mentality.",
            "The US, UK and Australia agreed a security deal on Wednesday.",
            True,
        ),
        ("One complaint alleges that the app harms teenage girls.", "Haugen left the firm.", True),
        (
            "Former lawyers in Arkansas and Illinois filed lawsuits against him on Monday.",
            "The new law bans abortions after six weeks.",
            True,
        ),
        (
            "Former lawyers in Arkansas and Illinois filed lawsuits against him on Monday.",
            "Dr. Alan Braid said he had carried out an abortion.",
            False,
        ),
        ("The JCS chairman called his counterpart to reassure him, the Pentagon said.", "", False),
        ("One complaint alleges that the app harms teenage girls.", "She filed complaints.", False),
        ("One person died in the crash on Monday, police said.", "", False),
        ("One of the complaints alleges that the app harms teenage girls.", "", False),
        # The brief told them, or the sentence names them.
        (
            "Officials said talks between the two countries would resume in March.",
            "The countries met in Geneva on Monday.",
            False,
        ),
        (
            "Russia and China, the two countries that hold vetoes, abstained on Monday.",
            "",
            False,
        ),
        (
            "Biden and Xi spoke for two hours, and both leaders agreed to meet again.",
            "",
            False,
        ),
        (
            "Chinese President Xi Jinping backed Russian President Vladimir Putin, the Kremlin "
            "said Wednesday after the two leaders held a virtual summit.",
            "",
            False,
        ),
    ],
)
def test_a_counted_or_paired_referent_needs_the_brief_to_introduce_it(
    text: str, before: str, breaks: bool
) -> None:
    assert (UNINTRODUCED in sentence_problems(text, before)) is breaks


def test_hype_and_tearing_into_are_loaded_in_the_brief_s_voice() -> None:
    assert LOADED in sentence_problems("Analysts tore into the mass media who hyped the rally.")
    assert LOADED not in sentence_problems("Analysts said the rally drew fewer than 500 people.")


@pytest.mark.parametrize(
    ("text", "has_speaker"),
    [
        (
            "Putin and Xi praised relations in a phone call on Wednesday, with Putin calling "
            "them based on “principles of respect for each other’s interests and goodwill.”",
            True,
        ),
        (
            "The plan, which the White House described as “a once-in-a-generation investment "
            "in our infrastructure,” passed the Senate.",
            True,
        ),
        (
            "Relations are based on “principles of respect for each other’s interests and "
            "goodwill.”",
            False,
        ),
        (
            "The so-called “principles of respect for each other’s interests and goodwill” "
            "were discussed.",
            False,
        ),
        (
            "The bill was called “a once-in-a-generation investment in our infrastructure” "
            "in the debate.",
            False,
        ),
    ],
)
def test_a_named_speaker_who_calls_or_describes_gives_the_quote_its_speaker(
    text: str, has_speaker: bool
) -> None:
    assert (QUOTE_WITHOUT_SPEAKER not in sentence_problems(text)) == has_speaker


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # "both" before a verb counts nothing; before a noun it needs its set told.
        ("The bill both expands access to care and cuts costs for families.", False),
        ("Leaders of both parties rejected the plan in a vote on Monday.", True),
        # "One" before a figure or "in" is a count, not one item of an untold set.
        ("One million doses were shipped to Canada on Monday.", False),
        ("One in five adults has received a booster shot, officials said.", False),
        ("One complaint alleges that the firm hid losses from its investors.", True),
    ],
)
def test_counted_referents_only_where_a_set_is_counted(text: str, flagged: bool) -> None:
    assert (language.unintroduced_reference(text, "") is not None) == flagged


@pytest.mark.parametrize(
    ("text", "flagged"),
    [
        # "that the morning ..." opens a clause; "that dark day" points back.
        ("Officials said that the morning commute would be slower than usual.", False),
        ("On that dark day, thousands of people fled the city on foot.", True),
        # "their" after two people named stands for them; after none it points back.
        ("Xi told Putin that their partnership has no limits at all.", False),
        ("The vote was rescheduled for Friday, giving them more time.", True),
    ],
)
def test_back_references_with_and_without_what_they_stand_for(text: str, flagged: bool) -> None:
    assert language.needs_context(text) == flagged


def test_a_determiner_or_pronoun_is_no_speaker_of_a_quote() -> None:
    unspoken = "The plan calls for “universal access to affordable care for every family”."
    assert QUOTE_WITHOUT_SPEAKER in sentence_problems(unspoken)
    spoken = "Biden calls the plan “universal access to affordable care for every family”."
    assert QUOTE_WITHOUT_SPEAKER not in sentence_problems(spoken)
