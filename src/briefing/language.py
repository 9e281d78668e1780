"""Wording knowledge shared by ingest, composers, the audit and benchmarks: what makes a
sentence fit to print alone in a neutral brief.

One home per rule (issue 11): datelines and wire credits, truncated excerpts, quotation marks,
openers that need context, definite references to something the brief never introduced ("The
sources say ..."), first person, fragments, loaded words (with a published bias lexicon),
interpretation or allegation in the writer's voice ("a blow to", "covering up"), attribution,
and the wording signals of opinion pieces. `sentence_problems` names the rules a sentence breaks
(given the brief before it, when its place is known); the rules that need the other articles
(quoted words shown without their marks, surnames without a first full mention) take what they
need as arguments.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from functools import cache, lru_cache
from importlib import resources
from itertools import pairwise
from urllib.parse import urlsplit

from briefing.onnx_model import packaged_minilm

# Rule names, as the audit and benchmarks/integrity.py report them.
TRUNCATED = "truncated excerpt"
UNBALANCED = "unbalanced quotation marks or brackets"
QUOTE_WITHOUT_SPEAKER = "quotation without its speaker"
UNMARKED_QUOTE = "quoted words without their quotation marks"
DATELINE_LEFT = "dateline, credit, section label or byline"
NEEDS_CONTEXT = "opener that needs context"
FIRST_PERSON = "first person outside quotes"
FRAGMENT = "fragment"
QUESTION = "question in the brief's own voice"
SECOND_PERSON = "the reader addressed in the brief's own voice"
SCENE_SETTING = "a feature's scene-setting about people in general"
# Number words and their values, one home for the aligner, selection and the disagreement
# finder: "twelve people" and "12 people" are one figure.
NUMBER_WORD_VALUES: dict[str, int] = {
    word: value
    for value, word in enumerate(
        [
            "zero",
            "one",
            "two",
            "three",
            "four",
            "five",
            "six",
            "seven",
            "eight",
            "nine",
            "ten",
            "eleven",
            "twelve",
            "thirteen",
            "fourteen",
            "fifteen",
            "sixteen",
            "seventeen",
            "eighteen",
            "nineteen",
            "twenty",
        ]
    )
} | {
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "dozen": 12,
}
# Ordinal words and the numbers they write, "third" to "twentieth": "seventh through 12th
# grades" gives the grades 7 through 12. "first" and "second" are left out: they order or
# time a thing as often as they count ("the first state", "a second day of questions").
ORDINAL_VALUES: dict[str, int] = {
    word: value
    for value, word in enumerate(
        [
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
        ],
        start=3,
    )
}
# Words that multiply the figure before them ("$1.2 trillion", "two million").
SCALE_WORDS: dict[str, float] = {
    "hundred": 1e2,
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
# Words that name a day or a month: dates, not names, wherever names or figures are compared.
DATE_WORDS = frozenset(
    [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "may",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
    ]
)
# A capitalised word (with inner apostrophes, hyphens, dots of acronyms), and what comes before
# a sentence's first word.
_CAPITALISED = re.compile(r"\b[A-Z][\w’'.-]*\w|\b[A-Z]\b")
_BEFORE_FIRST_WORD = re.compile(r"(?:^|[.!?:;\"“”‘’(]\s*|\n\s*)$")
_NAME_POSSESSIVE = re.compile(r"[’']s$")
# Month abbreviations as datelines, bylines and deadlines write them ("Jan. 3", "By Nov. 4");
# "May" is not among them: as a word it is mostly the verb.
MONTH_ABBREVIATIONS = (
    *("jan", "feb", "mar", "apr", "jun", "jul"),
    *("aug", "sep", "sept", "oct", "nov", "dec"),
)
_MONTH_SHORT = "|".join(MONTH_ABBREVIATIONS)
# A weekday in title case ("Monday"): in date lines and dates named in a sentence.
WEEKDAY = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
LOADED = "loaded words"
# The kind_reason of a page whose headline promises analysis; its lines are attributed to a
# news analysis rather than to an opinion column.
ANALYSIS_HEADLINE = "analysis or explainer headline"
# The kind_reason of a page that heads a paragraph with a rubric of analysis ("The big
# picture:"): the outlet reads the news there, and its lede is that reading too.
ANALYSIS_RUBRIC_PAGE = "rubric of analysis in the page"
# The kind_reasons of headlines that argue by their form (an opinion column's attribution).
IMPERATIVE_HEADLINE = "imperative headline"
OBLIGATION_HEADLINE = "headline that says what must be done"
VOICE_HEADLINE = "headline in the writer's own voice"
# The kind_reason of a page from a publication of opinion (data/opinion_outlets.txt).
PUBLICATION_OF_OPINION = "publication of opinion and commentary"
SURNAME_ONLY = "person named by surname before a full mention"
ACRONYM_UNEXPLAINED = "acronym before the long form an article gives it"
UNINTRODUCED = "definite reference to something the brief never introduced"
INTERPRETATION = "interpretation or allegation stated as fact"
CHARACTERISATION = "an outlet's characterisation stated as fact"
STALE_LIVE = "live-blog line of an unfolding moment"
UNBOUND_IT = "object pronoun with nothing in its sentence to stand for"
ANECDOTE = "a person from one article's anecdote, introduced by age"
FEATURE_ANECDOTE = "an opinion or analysis piece's anecdote about a person no other article names"
UNCONNECTED_PERSON = "a person from one article's story, unconnected to the brief before"
UNCONNECTED_EXAMPLE = "a place's example from one article's story, unconnected to the brief before"
PREVIEW_DONE = "a preview of what the brief already reports done"

# Wire agencies whose credit marks a copy or rewrite of their report, by the names articles
# use; the value is the one name recorded on the source.
WIRE_AGENCIES: dict[str, str] = {
    "ap": "AP",
    "associated press": "AP",
    "the associated press": "AP",
    "reuters": "Reuters",
    "thomson reuters": "Reuters",
    "afp": "AFP",
    "agence france-presse": "AFP",
    "agence france presse": "AFP",
    "upi": "UPI",
    "united press international": "UPI",
    "dpa": "dpa",
    "ians": "IANS",
    "pti": "PTI",
    "xinhua": "Xinhua",
    "tass": "TASS",
    "bloomberg": "Bloomberg",
    "cnn": "CNN",
}
# The sites of the agencies the ratings table rates, by recorded name: an article that names no
# outlet but carries their credit is rated as their copy (credibility.byline_domain).
WIRE_SITES: dict[str, str] = {
    "AP": "apnews.com",
    "Reuters": "reuters.com",
    "AFP": "afp.com",
    "UPI": "upi.com",
}


def _alternatives(names: Iterable[str]) -> str:
    return "|".join(sorted((re.escape(name) for name in names), key=len, reverse=True))


_AGENCY = _alternatives(WIRE_AGENCIES)
_RATED_AGENCY = _alternatives(n for n, agency in WIRE_AGENCIES.items() if agency in WIRE_SITES)
# A rated agency in brackets near the start ("MOSCOW (AP) —"; further down, "(AP)" quotes
# another report), or a credit line naming it ("Source: The Associated Press", "Via: AFP").
_BRACKETED_AGENCY = re.compile(rf"\(({_RATED_AGENCY})\)", re.IGNORECASE)
BRACKETED_SCAN_CHARS = 300
_CREDIT_LABEL = re.compile(rf"^(?:source|credit|via)\s*:\s*({_RATED_AGENCY})\.?$", re.IGNORECASE)
# "MOSCOW (AP) —", "BRUSSELS, Belgium (AP) -", "WASHINGTON (Reuters) -", "(CNN)", "LONDON —":
# a place in capitals (optionally ", Country" and a date), an agency in brackets, a dash.
_DATELINE = re.compile(
    r"^\s*(?:[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][\w .'’-]{1,30}?)?"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)?\s*)?"
    rf"\(\s*({_AGENCY})\s*\)\s*[—–-]*\s*",
    re.IGNORECASE,
)
# A dateline without an agency: a place in capitals and a dash ("KABUL — Taliban fighters").
_PLACE_DASH = re.compile(r"^\s*[A-Z][A-Z .'’-]{2,40}(?:,\s*[A-Z][\w .'’-]{1,30}?)?\s*[—–]\s*")
# Credit lines: "Source: The Associated Press", "Reporting by ...; Editing by ...",
# "The Associated Press contributed to this report.", and the agency's copyright line, which a
# paper prints under the wire copy it runs ("© Thomson Reuters 2020", "(c) AFP", "Copyright
# 2021 The Associated Press. All rights reserved."). Whole lines only: prose that names an
# agency ("Reuters reported ...") or a photo credit ("Photo: Reuters", "REUTERS/Jane Roe")
# credits a quote or a picture, not the article's text.
_COPYRIGHT = r"(?:copyright|©|\(c\))"
_CREDIT_LINE = re.compile(
    rf"^\s*(?:source:\s*|(?:{_COPYRIGHT}\s*)+(?:\d{{4}}\s+)?)?({_AGENCY})\b"
    r"(?:\s*(?:contributed(?:\s+to\s+this\s+report)?|writers?\b.*|reporters?\b.*|"
    r"\d{4}\b\.?(?:\s*all rights reserved.*)?|\.?\s*all rights reserved.*))?\s*\.?\s*$"
    rf"|^\s*source:\s*({_AGENCY})\b"
    rf"|^\s*(?:the\s+)?({_AGENCY})\s+contributed\s+to\s+this\s+report",
    re.IGNORECASE,
)
_REPORTING_BY = re.compile(r"^\s*\(?(?:reporting|writing|editing|additional reporting) by\b", re.I)
# Verbs of saying, by word form: the one list of them. Most readers of who says what derive
# their set from these three groups (the third, SAYING_ONLY_BEFORE_WORDS, with its condition),
# with the reason it is narrower where it is; two keep a short list of their own, each with its
# reason: a pronoun speaker (`_PRONOUN_SPEAKER`) and a speaker named after the verb
# (`_SPEECH_BEFORE_NAME`). `verify.lexical` keeps its own too.
# REPORTING_VERBS only frame a reported fact: who tells it, not what happened ("the Kremlin
# said", "officials say"; "according" stands for "according to"). The verifier reads them as
# a fact's framing (`verify.segments`).
REPORTING_VERBS = frozenset(
    {
        *("said", "says", "say", "told", "tells", "added", "adds", "reported", "reports"),
        *("wrote", "writes", "write", "stated", "states", "confirmed", "announced", "according"),
    }
)
# SPEECH_ACT_VERBS say whose words a sentence holds and what the saying did: what was denied,
# warned or asked is part of the fact. "saying" opens a clause of its own ("resigned Thursday,
# saying ..."). What a speaker granted ("acknowledged") is theirs too: "Biden acknowledged the
# withdrawal was messy" attributes "messy".
SPEECH_ACT_VERBS = frozenset(
    {
        *("saying", "tweeted", "declared", "asked", "noted", "argued", "argues", "warned"),
        *("warns", "explained", "insisted", "insists", "quoted", "quotes", "denied", "denies"),
        *("claimed", "claims", "cited", "responded", "replied", "recalled", "indicated"),
        *("indicates", "acknowledged", "acknowledges", "emphasized", "emphasised"),
    }
)
# Verbs of saying that are as often a deed: a team "conceded two goals", a hospital "admitted
# dozens of patients", a college "admits students", nurses "stressed by the surge", China
# "asserted control over the reef" (an outlet's framing: data/characterisation_markers.txt
# lists "asserted its"), Ukraine "countered the offensive". Each says only where words follow
# it (`_WORDS_FOLLOW`); every pattern of the verbs of saying is built with
# `_saying_pattern`, which adds that condition. Not "stresses" and "counters": nouns too, and
# a noun ends a sentence ("wiped the kitchen counters.").
SAYING_ONLY_BEFORE_WORDS = frozenset(
    {
        *("conceded", "concedes", "admitted", "admits", "stressed", "asserted", "asserts"),
        "countered",
    }
)
SAYING_VERBS = REPORTING_VERBS | SPEECH_ACT_VERBS | SAYING_ONLY_BEFORE_WORDS
# The words that must follow such a verb, after at most a day ("conceded on Monday that",
# "admitted this week that"): "that" and a clause, a quotation, the end of the sentence or of
# its text outside quotes (", Jones countered.", "“...,” she conceded."), a colon, the press
# as its listener ("admitted to reporters"), or a named listener and "that" ("admitted to
# podcast host Joe Rogan Wednesday that"; not "was later admitted to a hospital that treats
# burns"); in the active voice ("The boy was admitted." is a patient's). "Arsenal conceded
# two goals" and "China has countered with sanctions" say nothing.
_WORDS_FOLLOW = (
    r"(?=(?:\s+(?:on\s+)?(?-i:[A-Z][a-z]+day)|\s+(?:this|last)\s+(?:week|month)|\s+later)?"
    r"(?:\s+(?:that\b|[“\"])|\s*,?\s*[“\"]|\s*[,.!?]?\s*$|\s*:|"
    r"\s+to\s+(?:reporters|journalists)\b|"
    r"\s+to\s+(?:[a-z][\w’'-]*\s+){0,3}(?-i:[A-Z])[\w.’'-]*(?:\s+[\w.’'-]+){0,4}?\s+that\b))"
)
_PASSIVE = "".join(
    rf"(?<!\b{word} )" for word in ("was", "were", "been", "being", "be", "is", "are", "get", "got")
)


def _words_pattern(words: Iterable[str]) -> str:
    """Whole words as one alternation (longest first), for a regular expression."""
    return "|".join(sorted(words, key=lambda word: (-len(word), word)))


def _saying_alternatives(verbs: Iterable[str]) -> list[str]:
    """Verbs of saying as patterns (longest first), each of SAYING_ONLY_BEFORE_WORDS with its
    condition (`_WORDS_FOLLOW`)."""
    return [
        _PASSIVE + verb + _WORDS_FOLLOW if verb in SAYING_ONLY_BEFORE_WORDS else verb
        for verb in sorted(verbs, key=lambda word: (-len(word), word))
    ]


def _saying_pattern(verbs: Iterable[str]) -> str:
    """Verbs of saying as one alternation (`_saying_alternatives`)."""
    return "|".join(_saying_alternatives(verbs))


# Section labels and kickers before the sentence: "Why it matters:", "9/11 anniversary:",
# "The big picture:", "BREAKING:". At most five words before the colon, none a verb of saying.
_LABEL = re.compile(r"^\s*((?:[\w/'’&-]+\s+){0,4}[\w/'’&-]+)\s*:\s+(?=[\"“A-Z0-9])")
# A speaker's words before a colon use a finite verb ("Police warned: ..."); a rubric names the
# saying in "-ing" ("What they're saying:") and is a label all the same. As in ATTRIBUTION,
# "according" says only as "according to", and "states" only in lower case ("United States:"
# is a label).
_SAYING = re.compile(
    rf"\b(?:{_saying_pattern(SAYING_VERBS - {'saying', 'according', 'states'})}|according to|"
    r"(?-i:states))\b",
    re.I,
)
# A rubric that names whose analysis follows: "Why it matters, via Axios' Margaret Talev: ...".
# The words after it are that writer's: the rubric goes, its writer stays as the attribution.
# The label and "via" are set off by a comma, and the writer is a name of two capitalised words
# or more, possibly after an outlet's possessive ("Axios' Margaret Talev", "Jane Roe"): "Aid
# arrived via Poland: ..." names a route, not a writer.
_VIA_RUBRIC = re.compile(
    r"^\s*(?P<label>(?:[\w/'’&-]+\s+){0,4}[\w/'’&-]+)\s*,\s+via\s+"
    r"(?P<who>[A-Z][\w.&-]*(?:['’]s?)?(?:\s+[A-Z][\w.'’-]*){1,3})\s*:\s+(?=[\"“A-Z0-9])"
)
# A byline at the start of a sentence ("By Jane Doe, Reuters").
# "By Nov. 4," and "By Friday," are dates, not names.
_BYLINE = re.compile(
    rf"^\s*By\s+(?!(?:{'|'.join(m.capitalize() for m in MONTH_ABBREVIATIONS)})\.|"
    rf"(?i:{'|'.join(sorted(DATE_WORDS))})\b)"
    r"[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}\s*(?:[,|—–-]\s*)?"
)

# An excerpt cut short ends in an ellipsis, possibly inside closing quotes or brackets.
_TRUNCATED = re.compile(r"(?:\.\s?\.\s?\.|…)[\"'”’)\]]*\s*$")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|(?<!\w)‘[^’]*’(?!\w)")
# Quotations shorter than this are phrases ("so-called 'scare quotes'"), not statements that
# need a speaker.
QUOTE_NEEDS_SPEAKER_WORDS = 6
# Quoted passages at least this long are recognised when shown without their marks; shorter
# ones ("national security") are common phrases.
UNMARKED_QUOTE_MIN_WORDS = 5

# "Earlier" alone points back to something told before; "earlier this week", "earlier today",
# "earlier on Monday", "earlier than planned" name their time.
_EARLIER_ALONE = r"earlier(?!\s+(?:this|today|on|in|last|that|the same|than)\b)"

# Openers that need the previous sentence to be understood: pronouns, demonstratives,
# connectives, "also", "such", "neither", "one of them", "the latter", counts of "those",
# a share that stands for a group told before ("Many are now reaching their breaking point"),
# "in both cases", a time counted from something told before ("Hours later,", "Within hours,",
# "Shortly after,"; "Within hours of the attack," names its event and stands).
DANGLING_OPENER = re.compile(
    r"^[\"“‘(]?(?:he|she|it|they|them|this|that|these|those|his|her|hers|their|theirs|its|"
    r"him|however|but|and|or|nor|also|such|neither|either|another|other|others|"
    # "Both Democrats and Republicans", "Both chambers of Congress" name what they count.
    r"(?:both|the two(?!-))(?!\s+(?-i:[A-Z])|\s+[a-z]+\s+of\b)|"
    r"meanwhile|moreover|furthermore|additionally|in addition|as a result|in turn|instead|"
    r"still|yet|so|then|thus|therefore|hence|likewise|similarly|otherwise|nonetheless|"
    r"nevertheless|by contrast|in contrast|on the other hand|even so|after all|indeed|"
    r"specifically|in particular|for example|for instance|in fact(?![\s-]check)|rather|"
    r"afterwards|"
    r"on the other (?:end|side)(?=,)|"
    r"the latter|the former|the same|one of them|some of them|many of them|"
    r"in (?:both|each|either) (?:case|instance)s?|"
    r"(?:\w+\s+)?(?:minutes|hours|days|weeks|months|years) (?:later|earlier)(?=,|\s)|"
    r"within (?:a few |several )?(?:minutes|hours|days|weeks|months)(?=,)|"
    r"(?:shortly|soon) (?:after|afterwards?|thereafter)(?=,)|moments later|"
    r"most of them|all of them|none of them|each of them|it is in this context|"
    r"here|there(?! (?:is|are|was|were|have|has|had)\b)|now(?=,)|"
    r"(?:\w+|\d[\d,]*) of (?:those|these|them|which|whom)|"
    rf"{_EARLIER_ALONE}|later(?=,)|"
    r"(?:many|some|most|few|several|all|none)(?=\s+(?:are|were|is|was|have|had|has|will|"
    r"would|could|can|may|might|say|said|now|also|still|do|did)\b))\b",
    re.IGNORECASE,
)
# A pronoun subject right after an opening phrase that names no one ("After five months, it
# is just 47% effective"; "After putting the final touches on orders, she pulled out ...").
_PRONOUN_AFTER_INTRO = re.compile(
    r"^(?P<intro>[^,“\"]{3,80}),\s+(?:he|she|it|they|his|her|its|their)\s+(?!comes\b)\w+"
)
# Shell nouns (Schmid 2000, "English Abstract Nouns as Conceptual Shells") after a
# demonstrative stand for something said before: "Senate Republicans blocked that effort",
# "this move", "those claims", "such measures". Time words ("this year") are not shells, and
# "the first such action" says what follows is the first of its kind.
_SHELL_NOUNS = (
    "efforts?|moves?|decisions?|plans?|proposals?|measures?|steps?|claims?|ideas?|issues?|"
    "problems?|approach|requests?|statements?|remarks?|comments?|announcements?|deals?|"
    "agreements?|changes?|polic(?:y|ies)|incidents?|events?|situation|developments?|votes?|"
    "actions?|arguments?|positions?|demands?|push|bids?|strateg(?:y|ies)|tactics?|rulings?|"
    "findings?|allegations?|accusations?|criticism|warnings?|threats?|episodes?|questions?|"
    "concerns?|reports?|figures?|numbers?|initiatives?|legislation|law|order|targets?|goals?|"
    "cases|results?|words|efforts?"
)
_DEMONSTRATIVE_SHELL = re.compile(
    rf"\b(?:this|that|these|those|(?<!first )(?<!only )(?<!last )such)\s+(?:{_SHELL_NOUNS})\b",
    re.IGNORECASE,
)
# "these groups", "those videos": a plural demonstrative before a noun points back, unless a
# relative clause or participle says who is meant ("those who", "those patients who", "those
# making") or it names a time ("these days").
_PLURAL_DEMONSTRATIVE = re.compile(
    r"\b(?:these|those)\s+(?!(?:days|years|weeks|months|times|who|whom|whose|which|that|with|"
    r"at|in|on|of|for|from|under|over|aged|age)\b)([a-z]+)\b"
    r"(?!\s+(?:who|whom|whose|which|that|with|at|in|on|of|for|from|under|over|aged)\b)"
)
# "this" standing for what was said before: before a verb ("this may be", "this is") or at
# the end of a clause ("Exhibit A for this.").
_THIS_PRONOUN = re.compile(
    r"\bthis\s+(?:is|was|may|might|will|would|could|can|has|had|means|meant|comes|came|"
    r"shows|showed|suggests|suggested)\b|\b(?:for|of|about|like|with|by|to|on)\s+this\s*[.,;:!?]",
    re.IGNORECASE,
)
# Indirect speech: after "said that" a demonstrative is the speaker's word, reported. Any verb
# of saying before "that" ("told" and "tells" with their listener, "states" in lower case:
# "the United States that ..." is a country's name), but "according".
_REPORTED_SPEECH = re.compile(
    rf"\b(?:{_saying_pattern(SAYING_VERBS - {'according', 'states', 'told', 'tells'})}|"
    r"(?-i:states)|(?:told|tells)\s+\w+)\s+that\b",
    re.I,
)
# Times counted from an event the article told just before ("earlier in the day", "the day
# before", "a day earlier", "the previous night"): the brief may not print that event. "The day
# before the vote" and "A week before Christmas" name their event and stand.
_NAMES_ITS_EVENT = r"(?!\s+(?:(?:the|a|an|his|her|their|its|last)\b|(?-i:[A-Z0-9])))"
_TIME_ANCHOR_WORDS = (
    r"(?:earlier|later) (?:in|that) the (?:day|week|month|morning|afternoon|evening|night)|"
    rf"the (?:day|night|week|evening|morning) before{_NAMES_ITS_EVENT}|"
    r"the (?:previous|prior) (?:day|night|week|evening)|"
    rf"a (?:day|week|night) before{_NAMES_ITS_EVENT}|"
    r"a (?:day|week|night) (?:earlier|later)(?!\s+(?:the|a|an|his|her|their|its)\b)"
)
_TIME_ANCHOR = re.compile(rf"\b(?:{_TIME_ANCHOR_WORDS})\b", re.IGNORECASE)
# Connectives a light rewrite may drop without changing what the sentence states, and a time
# counted from a sentence the brief may not print ("Hours later,"): what remains is still true.
# "Still" and "yet" before a comparative count ("Still more people", "Yet another storm") are
# no connectives: without them the sentence says less (and it still needs what came before).
_DROPPABLE_OPENER = re.compile(
    r"^(?:(?:however|meanwhile|moreover|furthermore|additionally|in addition(?!\s+to\b)|also|"
    r"and|but|(?:still|yet)(?!\s+(?:more|less|fewer|another|other|others|further|higher|"
    r"lower|greater|larger|bigger|worse|better|again)\b)|separately|nonetheless|nevertheless|"
    r"at the same time|in turn|in particular|"
    # Emphasis only before its comma: "In fact checks published Monday" names the checks.
    r"(?:in fact|indeed)(?=\s*,)|"
    # "On the other end of the scale, ..." names its end: only the bare contrast is dropped.
    r"(?:by|in) contrast(?!\s+(?:to|with)\b)|on the other (?:hand|end|side)(?=,)"
    r")\s*,?\s+(?=[\"“A-Za-z])|"
    r"(?:(?:\w+\s+)?(?:minutes|hours|days|weeks) later|"
    rf"{_EARLIER_ALONE}|{_TIME_ANCHOR_WORDS})"
    # A time is a whole opener before a comma, a capital (case kept) or an article ("Earlier
    # the agency set ..."); "Earlier reports", "The day before yesterday" are no openers.
    r"(?:\s*,\s+|\s+(?=(?-i:[\"“A-Z])|(?:the|a|an|his|her|its|their)\s)))",
    re.IGNORECASE,
)
_DROPPABLE_INSIDE = re.compile(
    r",\s*(?:meanwhile|however|in turn|too|in particular),\s*|\s+also(?=\s+\w)", re.I
)
# A wire report's "here" is its dateline's place ("PARIS (Reuters) - ... told reporters here
# on Monday"): after a name or a noun of an event, before a time or a comma. Not after a verb
# or a preposition, where it is part of what is said ("people who live here", "from here").
_DATELINE_HERE = re.compile(
    r"(?<=\s)(?P<word>[\w’'.-]+)\s+here\b"
    rf"(?=\s*[,;]|\s+(?:on|this|last|late|earlier|today|yesterday|{WEEKDAY})\b)"
)
_EVENT_NOUNS = frozenset(
    {"statement", "conference", "meeting", "summit", "speech", "reporters", "briefing"}
    | {"talks", "visit", "rally", "hearing", "interview", "news"}
)


def _without_dateline_here(text: str) -> str:
    """`text` less a "here" after a name or a noun of an event (`_DATELINE_HERE`)."""

    def drop(match: re.Match[str]) -> str:
        word = match.group("word")
        named = word[:1].isupper() or word.lower() in _EVENT_NOUNS
        return word if named else match.group(0)

    return _DATELINE_HERE.sub(drop, text)


# "also", "too", "again", "instead" and a contrasting "though," early in a sentence refer back
# to something said before it ("In practice, though, the military got it wrong").
_BACK_REFERENCE = re.compile(
    r"^(?:\S+\s+){0,5}?(?:also|too|again|as well(?! as)|instead|though(?=,)|"
    rf"{_EARLIER_ALONE})\b|^.*,\s*too[.!?]?$",
    re.IGNORECASE,
)
# "this time" counts an occurrence against one told before ("another order, this time
# banning ..."); "at this time" and "by this time" mean now or then.
_THIS_TIME = re.compile(
    r"(?<!\bat )(?<!\bby )\bthis time\b(?!\s+(?:of|last|next|around|a year|frame)\b)", re.I
)
# "that" before a time after a preposition or "later"/"earlier" points to a time told before
# ("because of that summer surge", "later that day"); "said that Monday ..." reports, and
# "that summer camps" is a clause ("a rule that summer camps must ...").
_THAT_TIME = re.compile(
    r"\b(?:of|from|since|during|after|before|in|on|by|until|later|earlier)\s+that\s+"
    r"(?:same\s+)?(?:summer|winter|spring|fall|autumn|day|week|month|year|morning|afternoon|"
    r"evening|night|weekend)\b(?!\s+[a-z]+s\b)",
    re.IGNORECASE,
)
# A time named by "that" and a describing word ("on that dark day", "that fateful morning",
# "that same night"): a day the brief must have told. "that last night's vote", "that every
# day counts", "warned that night flights ..." (a clause after "that") name nothing before.
_THAT_DESCRIBED_TIME = re.compile(
    r"\bthat\s+(?:(?!(?:the|a|an|last|next|this|every|each|one|very|following)\b)[a-z]+\s+)?"
    r"(?:day|morning|afternoon|evening|night|week|weekend|moment|hour)\b(?![-'’\w])"
    r"(?!\s+[a-z]+s\b)",
    re.IGNORECASE,
)
# Counted or paired referents the sentence does not name: "the two countries", "the three
# men", "the rival launches", "both sides". "the two years", "the two-day summit" count time.
# "both ... and" joins two things it names ("The bill both expands access and cuts costs").
_COUNTED_REFERENT = re.compile(
    r"\b(?:the\s+(?:two|three|four|five|rival)|both(?!(?:\s+\S+){1,8}?\s+and\b))\s+"
    r"(?!(?:years?|months?|weeks?|days?|hours?|minutes?|decades?|times?|percent|of|and|are|were|have|had|will|would)\b)"
    r"(?-i:[a-z]+s)\b(?!\s+of\b)|\bthe\s+rival\s+(?-i:[a-z]+)\b(?!\s+of\b)|"
    r"\bthe\s+(?:trio|pair|duo|quartet)\b",
    re.IGNORECASE,
)
# One item of a set the brief must have told ("One complaint alleges", "One lawsuit was
# filed"); "One of the ..." names its set, "One person died" counts.
_ONE_OF_A_SET = re.compile(
    r"^one\s+(?!(?:of|person|people|man|woman|child|day|week|month|year|hour|time|way|thing|"
    rf"in|more|another|other|{'|'.join(SCALE_WORDS)}|dozen|third|quarter|half)\b)"
    r"((?-i:[a-z]+))\b(?!\s+of\b)",
    re.IGNORECASE,
)
# A day counted from the article's own date ("to the floor today", "said yesterday"): the
# brief is read on another day, so the sentence no longer says when.
_RELATIVE_DAY = re.compile(r"\b(?:today|tonight|yesterday|tomorrow)\b(?!['’]s)", re.IGNORECASE)
# A day of a month, its name in full or abbreviated ("Sept. 30", "January 6"; not "May", see
# MONTH_ABBREVIATIONS): "decrease 10" or "marathon 26" names no month.
MONTH_DAY = (
    r"\b(?i:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\b\.?\s+\d{1,2}(?:st|nd|rd|th)?\b"
)
# A date named before "that day" in the sentence ("On Sept. 11, 2001, ... that day").
_DATE_NAMED = re.compile(
    rf"{MONTH_DAY}|\b{WEEKDAY}\b|"
    r"\b(?:19|20)\d\d\b"
)
# Two named things joined before the counted noun ("Russia and China, the two countries";
# "Biden and Xi ... both leaders"): the sentence names what it counts.
_NAMED_PAIR = re.compile(r"[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*)*,?\s+and\s+(?:the\s+)?[A-Z]")
# An outlet's report the brief never described ("if the Washington Post reporting is
# verified", "the Times story"): a definite report named by its outlet alone; "the Post
# report published Tuesday" says which.
_OUTLET_REPORT = re.compile(
    r"\bthe\s+(?:[A-Z][\w.’']*\s+){0,3}(?:Post|Times|Journal|Herald|Tribune|Guardian|"
    r"Telegraph|Axios|Politico|Reuters|CNN|AP)(?:['’]s)?\s+(?:report|reporting|reports|story|"
    r"article|revelations?|investigation|account|findings)\b"
    r"(?!\s+(?:that|which|published|released|on|in|from|about|of|by)\b)"
)
# A pronoun after a short opening phrase without a comma ("Since 2019 he had been ...").
_PRONOUN_AFTER_SHORT_INTRO = re.compile(
    r"^(?:since|in|on|by|after|before|during|until|at)\s+(?:\w+\s+){0,3}?"
    r"(?:he|she|they)\s+\w+",
    re.IGNORECASE,
)
# A pronoun as the speaker ("…,” she told ABC): the quotation's speaker is not named, unless
# the sentence names them before the pronoun ("President Joe Biden defended his decision, a
# move that he says ...", "Even as Democrats accepted ..., they said"). Not derived from
# SAYING_VERBS: these are the verbs that introduce or close a quotation (and "continued", which
# resumes one); a verb of saying that also acts on a thing ("which he denied", "she cited the
# data", "he declared an emergency") names no quotation's speaker; one of
# SAYING_ONLY_BEFORE_WORDS does where words follow it ("“...,” she conceded.").
_PRONOUN_SPEAKER = re.compile(
    r"\b(?P<pronoun>he|she|they)\s+(?:said|says|told|tells|added|adds|asked|wrote|tweeted|noted|"
    r"argued|explained|continued|replied|insisted|warned|acknowledged|"
    rf"{_saying_pattern(SAYING_ONLY_BEFORE_WORDS)})\b",
    re.IGNORECASE,
)
# First-person words; "I" only in capitals and "us" only in lower case ("US" is the country).
# "mine" only where a pronoun stands ("is mine", "of mine"): "the mine shut down" is a pit.
_MINE_PRONOUN = "|".join(
    f"(?<=\\b{word} )" for word in ("is", "was", "are", "were", "be", "of", "and", "or", "than")
)
_FIRST_PERSON = re.compile(
    r"(?i:\b(?:my|myself|we|we['’](?:re|ve|ll|d)|our|ours|ourselves)\b"
    rf"|(?:{_MINE_PRONOUN})mine\b)"
    r"|\bI(?:['’](?:m|ve|d|ll))?\b(?!\.)|\b(?:us|me)\b"
)
# Fewer words than this make a label or a cut-off, not a sentence a reader can take alone.
MIN_SENTENCE_WORDS = 6
_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?")
_BRACKETS = (("(", ")"), ("[", "]"), ("{", "}"))

# Verbs of attribution: "..., the Kremlin said" keeps contested statements sourced. The verbs
# of saying (SAYING_VERBS) but those that also do something else: "declared" and "confirmed"
# declare or confirm a state ("declared an emergency", "was confirmed as secretary"), no one's
# words. "according" attributes only as "according to", and "states" only as a document's
# "states that" ("the United States" does not); SAYING_ONLY_BEFORE_WORDS attribute only before
# words (`_WORDS_FOLLOW`). Each entry is a regular expression; the verbs both ATTRIBUTION and
# characterisations' framing pattern read.
# "say" and "write" are also a noun and a phrasal verb: "residents will have no say in the
# plan", "the bank will write off the loans" attribute nothing ("Critics say ..." does).
_NOT_ATTRIBUTING = frozenset({"declared", "confirmed", "according", "states", "say", "write"})
_SAY_NOUN_BEFORE = ("a", "no", "the", "final", "any", "little")
ATTRIBUTION_VERBS = (
    *_saying_alternatives(SAYING_VERBS - _NOT_ATTRIBUTING),
    "according to",
    "(?-i:states)(?=\\s+that\\b)",
    "".join(f"(?<!\\b{word} )" for word in _SAY_NOUN_BEFORE) + "say",
    "write(?!\\s+(?:off|down)\\b)",
)


def _attribution_pattern(verbs: Iterable[str]) -> re.Pattern[str]:
    return re.compile(rf"\b({'|'.join(verbs)})\b", re.IGNORECASE)


ATTRIBUTION = _attribution_pattern(ATTRIBUTION_VERBS)

# Opinion pieces: path parts, headline prefixes and page sections that name them. Besides the
# plain names, the sections of comment that large outlets give their own names: The Guardian's
# /commentisfree/, The Independent's /voices/, The Atlantic's and Time's /ideas/, NBC's /think/,
# Reuters' /breakingviews/, the New York Times' guest essays; and blogs, which argue.
_OPINION_URL = re.compile(
    r"/(?:opinions?|commentary|op-?eds?|editorials?|columns?|columnists?|perspectives?|"
    r"blogs?|views?point|letters-to-the-editor|letters|commentisfree|voices|ideas|think|"
    r"breakingviews|guest-essays?|essays?)(?:/|$)|[/_-]opinions?[_-]|"
    r"[/_-]op-?ed[/_-]|[/_-]editorial[_-]",
    re.IGNORECASE,
)
# A news section in the path ("/news/", "/politics/news/"): a publication of opinion's news
# report, which the outlet's kind must not override.
_NEWS_URL = re.compile(r"/news/", re.IGNORECASE)
# A news-analysis section in the path: "/analysis/", "/news-analysis/".
_ANALYSIS_URL = re.compile(r"/(?:news-)?analysis(?:/|$)", re.IGNORECASE)
_OPINION_TITLE = re.compile(
    r"^\s*(?:opinion|op-?ed|commentary|editorial|column|perspective|analysis|viewpoint|"
    r"the big idea|letters?|guest essay|essay|my turn|voices)\s*[|:—–-]\s*"
    r"|\s*[|—–-]\s*(?:opinion|op-?ed|editorial|commentary)\s*$",
    re.IGNORECASE,
)
# Headlines that argue: "Defending Dave Chappelle", "The case against ...", "What's really
# behind ...". A headline with a value-laden word ("The Debt Ceiling Deception") argues too,
# except the verbs and labels news headlines use for someone else's words ("blasts", "slams").
_ARGUING_HEADLINE = re.compile(
    r"^\s*(?:defending|in defen[cs]e of|the case (?:for|against)|what['’]s really|"
    r"it['’]s time (?:to|for)|enough with|stop|don['’]t|do not|let['’]s|let us)\b",
    re.IGNORECASE,
)
# Imperative headlines tell a party what to do ("Vaccinate the World before Starting COVID
# Booster Shots", "End the filibuster"): a first word that is not a stop word (news headlines
# open with their subject, a preposition or a question word, all stop words or names) and not
# a participle or a verb in the third person ("Killed the", "Slams the"), followed by a
# determiner or an object pronoun, as a verb's object is and a subject's verb is not. Not "a"
# or "an": headlines drop the copula before them ("Inflation a worry for the Fed"). A first
# word the article capitalises inside a sentence is a name ("Manchin the kingmaker").
_IMPERATIVE_HEADLINE = re.compile(
    r"^\s*([A-Z][a-z]{2,})\s+(?:the|our|your|their|its|his|her|this|that|these|those|"
    r"every|all|it|them|us|him|me)\b"
)
# First words of that form that label teasers and features, not arguments ("Watch the ...",
# "Meet the ...", "Read the full text ..."), and time words that open news headlines.
_NOT_IMPERATIVE = frozenset(
    {
        *("watch", "read", "see", "listen", "meet", "explore", "take", "inside", "behind"),
        *("today", "tonight", "yesterday", "tomorrow", "breaking", "exclusive", "update"),
        # Prepositions, adverbs and quantifiers that scikit-learn's stop-word list lacks: news
        # headlines open with them ("Despite the surge ...", "Amid the ...", "Half the ...").
        *("despite", "amid", "amidst", "toward", "towards", "following", "including", "like"),
        *("unlike", "versus", "via", "per", "plus", "atop", "ahead", "regarding", "concerning"),
        *("nearly", "almost", "half", "twice", "just", "soon", "later", "roughly", "about"),
    }
)
# An adverb ("Nearly", "Largely", "Barely"): six letters or more ending in "ly", not in "ply"
# ("Apply", "Supply" are verbs; "Rally", "Tally" are short).
_ADVERB = re.compile(r"^[a-z]{4,}(?<!p)ly$")
# A determiner and a time word after the first word is a time phrase, not a verb's object:
# "Inflation this year ...", "Snow this weekend ...", "Storms all week ...".
_TIME_PHRASE = re.compile(
    r"^\s*\S+\s+(?:this|that|every|all|next|last)\s+(?:year|week|weekend|month|morning|"
    r"afternoon|evening|night|day|season|summer|winter|spring|fall|autumn|time|decade|century|"
    r"monday|tuesday|wednesday|thursday|friday|saturday|sunday)s?\b",
    re.IGNORECASE,
)
_INFLECTED = re.compile(r"(?:ing|ed|[^s]s)$")
# Verbs that scikit-learn's stop-word list holds, which open imperatives all the same ("Give
# them a seat", "Keep the mandate", "Put the children first").
_STOP_WORD_VERBS = frozenset(
    {"call", "describe", "do", "fill", "find", "fire", "get", "give", "go", "keep", "move"}
    | {"put", "show", "become"}
)
# Headlines that say what must be done ("The US military needs to do more than apologize",
# "Milley Has to Go", "America should lead"; "what you should know" promises facts): a modal
# of obligation outside quotes in a headline that attributes nothing to anyone ("...,
# senator says", "Gupta tells Rogan CNN shouldn't have ...") and reports no rule ("Workers
# must show a pass under new mandate": what a law requires is news).
_OBLIGATION = re.compile(
    r"\b(?:should(?:n['’]t)?|must(?:n['’]t)?|ought to|needs? to|has to|have to)\b(?! know)",
    re.IGNORECASE,
)
# Headline verbs that report someone's words besides ATTRIBUTION's ("admits", "urges", "vows").
_HEADLINE_REPORTING = re.compile(
    r"\b(?:admits?|admitted|concedes?|urges?|urged|vows?|vowed|demands?|demanded|calls? for|"
    r"pledges?|rules?|ruled|orders?|ordered|agrees?|agreed|suggests?|believes?)\b",
    re.IGNORECASE,
)
# A speaker's name before a colon ("Pelosi: Democrats must pass the bill") attributes too.
_SPEAKER_PREFIX = re.compile(r"^\s*[A-Z][\w.'’ -]{1,40}:\s")
# Words of a rule, a ruling or a deadline: the headline reports what is required.
_RULE_WORDS = re.compile(
    r"\b(?:rules?|laws?|orders?|mandates?|requirements?|policy|policies|ruling|judge|court|"
    r"regulations?|guidance|guidelines|under|deadline)\b"
    # A time limit: a rule reported with when it applies ("Passengers must wear masks on
    # trains until March", "Workers must be vaccinated by Jan. 4", "starting Monday").
    r"|\b(?:until|till|starting|beginning|effective)\b|\bby\s+(?:the\s+end\s+of\s+|"
    rf"(?:early|mid|late)[\s-]+)?(?:{'|'.join(sorted(DATE_WORDS))}|(?:{_MONTH_SHORT})\.?\s+\d|\d)",
    re.IGNORECASE,
)
# The writer's own voice in a headline ("We must act now", "I was wrong about masks"), outside
# quotes in a headline that attributes nothing. "I" after a capitalised word that is not a
# function word is a numeral ("World War I", "Volume I"), and so it is after "Part"; "I" before
# a full stop or hyphen is an abbreviation or a road ("I.C.U.s", "I-95").
_HEADLINE_VOICE = re.compile(r"\b(?:We|we|Our|our|My|my|Us|us)\b")
_HEADLINE_I = re.compile(r"(?:^|(\S+)\s+)I(?:['’](?:m|ve|d|ll))?\b(?![.\-–])")
_NUMBERED = frozenset({"part"})
# Headlines of news analysis and explainers: a question, or "Why ...", "How ...", "Behind ..."
# (after an optional quotation and colon: "‘Frustration is high’: Behind ..."). News reports
# state what happened; these headlines promise an interpretation of it.
_HEADLINE_QUOTE = r"^\s*(?:[‘'“\"][^’'”\"]{3,150}[’'”\"]\s*:\s*)?"
_ANALYSIS_HEADLINE = re.compile(
    rf"{_HEADLINE_QUOTE}(?:why|how|behind)\s+\S|\?[’'”\"]?\s*$"
    r"|^\s*(?:what (?:we|you) (?:know|need to know)|what to know|here['’]s what)\b",
    re.IGNORECASE,
)
# "Inside ..." is also a news desk's style for a report of what happens behind closed doors
# (Axios: "Inside Democrats' tax-hike menu"): an analysis headline only over a body that
# interprets in its own voice somewhere (`interprets`, hedges aside). "Inside <a place>," that
# opens a headline's clause is where the news happens ("Inside Ukraine, fear grows as troops
# mass"): no teaser. A place is a proper name of at most this many capitalised words before its
# comma ("Inside the White House,"; not "Inside Biden's plan,").
_INSIDE_PLACE_WORDS = 5
_INSIDE_PLACE = (
    rf"(?-i:(?:the\s+)?(?:[A-Z][\w’'.-]*\s+){{0,{_INSIDE_PLACE_WORDS - 1}}}[A-Z][\w’'.-]*),\s"
)
_INSIDE_HEADLINE = re.compile(rf"{_HEADLINE_QUOTE}inside\s+(?!{_INSIDE_PLACE})\S", re.IGNORECASE)
# Outlet names that carry their section: "Wall Street Journal (Opinion)", "CNN (Opinion)".
_OPINION_OUTLET_LABEL = re.compile(
    r"[(|:—–-]\s*(opinions?|editorials?|commentary|op-?eds?|analysis|columns?)\s*\)?\s*$",
    re.IGNORECASE,
)
# An outlet name that carries its news section ("New York Post (News)", "CNN (Online News)"):
# the publisher's own word that the page is a report, above any wording signal of its headline
# ("... tax havens for rich and famous" holds a loaded word and is news all the same).
_NEWS_OUTLET_LABEL = re.compile(r"[(|:—–-]\s*(?:online\s+)?news\s*\)?\s*$", re.IGNORECASE)
_NEWS_HEADLINE_WORDS = frozenset(
    {"slams", "slammed", "blasts", "blasted", "rips", "ripped", "lashed", "illegal", "regime"}
)
_OPINION_SECTION = re.compile(
    r"^(?:opinions?|commentary|op-?eds?|editorials?|columns?|columnists?|perspectives?|"
    r"analysis|viewpoints?|letters)$",
    re.IGNORECASE,
)
# Page types that schema.org and Open Graph use for opinion and analysis.
OPINION_PAGE_TYPES = frozenset(
    {"opinionnewsarticle", "analysisnewsarticle", "reviewnewsarticle", "backgroundnewsarticle"}
)
# Bylines, bios and disclaimers of opinion pages, on a line of their own near the top or the
# foot of the page (where the cleaner drops them as clutter, so detection reads the page's
# lines before cleaning): "Opinion by Jane Roe", "Guest essay by ...", "By the Editorial
# Board", "The views expressed in this commentary are the author's own", "Jane Roe is a
# columnist for The Post." "Analysis by ..." names a news analysis. A byline names a person
# (a capitalised word after "by": not "Analysis by the CDC found ...").
_OPINION_BYLINE = re.compile(
    r"^\s*(?:(opinion|commentary|guest essay|guest column|op-?ed|analysis|editorial|column)"
    r"\s+by\s+(?!the\b)(?-i:[A-Z])|(?:by\s+)?the\s+editorial\s+board\b)",
    re.IGNORECASE,
)
# A disclaimer says whose views the page holds: the author's ("... are the author's own",
# "... are solely his own"), not a report of someone's ("The views expressed by the senator").
_OPINION_DISCLAIMER = re.compile(
    r"^\s*the\s+(?:views|opinions)\s+expressed\b(?!\s+by\s+(?!(?:the\s+)?(?:authors?|writers?|"
    r"contributors?|columnists?|commentators?)\b))"
    r"(?=.*\b(?:authors?|writers?|contributors?|columnists?|commentators?|(?:his|her|their|my)\s+own)\b)",
    re.IGNORECASE,
)
# A bio: "Jane Roe is a columnist for The Post." It closes the page; near the top, the same
# words report on someone ("Jane Roe is a former columnist who sued the paper ...").
_COLUMNIST_BIO = re.compile(
    r"^[^.]{3,80}?\bis\s+an?\s+(?:[\w-]+\s+){0,3}(?:columnist|opinion writer|"
    r"contributing writer|contributing editor)\b",
    re.IGNORECASE,
)
# Bylines sit in the first lines of a page, bios and disclaimers in its last ones.
BYLINE_SCAN_LINES = 10
# A byline is a name and a label ("Opinion by Jane Roe, Example News"); a longer line that
# opens the same way is a sentence ("Analysis by the agency found ...").
BYLINE_MAX_WORDS = 12
# A bio or disclaimer is a short line; a longer one is prose that may quote one.
NOTE_MAX_WORDS = 40
# The reader addressed outside quotes ("You may think ..."): columns do, news reports do not.
_SECOND_PERSON = re.compile(r"\b(?:you|your|yours|yourself|yourselves)\b", re.IGNORECASE)
# Service journalism addresses the reader too, to tell what to do and where ("You can book a
# booster at your local pharmacy", "If you are over 65, ..."): a sentence with such wording
# is no columnist's voice, unless it speaks in the first person or asks.
_SERVICE_YOU = re.compile(
    r"\b(?:if\s+you|you\s+(?:can|could|will|['’]ll|need|must|should|have\s+to|want\s+to|"
    r"(?:may|might)\s+(?:be|need|want|have|qualify)|are\s+(?:eligible|able))|your\s+(?:local|"
    r"nearest|doctor|pharmacist|pharmacy|health|appointment|provider|insurer|insurance|"
    r"vaccination|booster|state|county|area)"
    # A product's user, in tech reporting ("makes it look like you're staring at your
    # front-facing camera"): the reader as a user of the thing reported, not argued with.
    r"|your\s+(?:[\w-]+\s+)?(?:phone|iphone|screen|display|device|camera|computer|laptop|"
    r"browser|app|account|settings|inbox|feed))\b",
    re.IGNORECASE,
)
# Wording of a columnist: sentences in the writer's own voice (not attributed, outside every
# quotation) that use the first or second person or ask a question. News copy has at most one
# such sentence in its opening paragraphs (a quote whose marks were lost); a column has several,
# and a share of its sentences: a report or feature on a real page has an aside or a scene in
# the writer's voice ("We're also curious to know whether ...", "I stop walking for a few
# seconds ..."), in at most 12% of its sentences on the saved pages (tests/data/pages); the
# pages written in the first person, 36% and more; the tune excerpts of columns (3 to 8
# sentences) that speak so, half and more. The share is the analysis signal's.
OPINION_VOICE_SENTENCES = 2
OPINION_VOICE_SHARE = 0.2
FIRST_PERSON_WORDING = "first- or second-person wording or questions"
_ROUGH_SENTENCE_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+(?=[\"“A-Z])|\n+")


@cache
def data_text(name: str) -> str:
    """The one reader of the shipped data files (briefing/data/), each read once."""
    return resources.files("briefing.data").joinpath(name).read_text("utf-8")


def data_lines(name: str) -> list[str]:
    """A shipped list: its lines, stripped, without blank lines and `#` comments."""
    text = data_text(name)
    return [line.strip() for line in text.splitlines() if line.strip() and line[0] != "#"]


def _word_list(name: str) -> frozenset[str]:
    """A shipped list of words, lowercased."""
    return frozenset(line.lower() for line in data_lines(name))


@cache
def loaded_words() -> frozenset[str]:
    """Emotive or loaded words a neutral brief avoids: the style-guide list plus the
    evaluative entries of the Recasens et al. (2013) bias lexicon (data/bias_lexicon.txt).
    An entry of several words is a phrase (`_loaded_phrases`)."""
    return _word_list("loaded_words.txt") | _word_list("bias_lexicon.txt")


# Between the words of a loaded phrase an outlet may gloss one ("CCP (Chinese Communist
# Party) virus"): a bracket of up to this many characters.
_GLOSS = r"\s+(?:\([^()]{1,60}\)\s+)?"


@cache
def _loaded_phrases() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The loaded entries of several words ("ccp virus"), each with its pattern of whole
    words (a bracketed gloss allowed between them)."""
    return tuple(
        (entry, re.compile(r"\b" + _GLOSS.join(map(re.escape, entry.split())) + r"\b"))
        for entry in sorted(w for w in loaded_words() if " " in w)
    )


def find_loaded(text: str) -> list[str]:
    """Loaded words and phrases in `text` (quoted words included: the audit reports every
    one)."""
    lower = text.lower()
    words = re.findall(r"[a-z]+(?:-[a-z]+)*", lower)
    found = {w for w in words if w in loaded_words()}
    found.update(entry for entry, pattern in _loaded_phrases() if pattern.search(lower))
    return sorted(found)


# Loaded words that state a legal or official status: the brief's own judgement only when no
# one is said to declare it ("China declared all cryptocurrency transactions illegal",
# "exchanges are illegal, the central bank said"), and always when they label people.
STATUS_WORDS = frozenset({"illegal"})
_DECLARING = re.compile(
    r"\b(?:declar(?:e|es|ed|ing)|call(?:s|ed|ing)?|deem(?:s|ed|ing)?|rul(?:e|es|ed|ing)|"
    r"render(?:s|ed|ing)?|ma(?:de|kes?|king))\b",
    re.IGNORECASE,
)
_PEOPLE_LABEL = re.compile(r"\billegal\s+(?:immigrants?|aliens?|migrants?)\b", re.IGNORECASE)


# A loaded word as a modifier: after a determiner or a possessive, before a word in lower case
# ("Border patrol's outrageous treatment of migrants", "the disastrous withdrawal").
_LOADED_MODIFIER = re.compile(
    r"(\b(?:[Tt]he|its|their|his|her|this|these|those)\s+|['’]s\s+)([a-z]+(?:-[a-z]+)*)\s+(?=[a-z])"
)


def without_loaded_modifiers(text: str) -> str:
    """`text` less the loaded words (`loaded_words`) that modify a noun after a determiner or
    a possessive: "Border patrol's outrageous treatment of migrants" -> "Border patrol's
    treatment of migrants". A loaded verb or noun stays ("Spin and lies ..."): no rewrite
    keeps that headline's fact."""
    return _LOADED_MODIFIER.sub(
        lambda found: found.group(1) if found.group(2) in loaded_words() else found.group(), text
    )


def loaded_outside_quotes(text: str) -> list[str]:
    """Loaded words in the brief's own voice: a speaker's quoted words are theirs, and so is
    a status word (`STATUS_WORDS`) the sentence says someone declared or stated."""
    plain = outside_quotes(text)
    found = find_loaded(plain)
    reported = is_attributed(plain) or _DECLARING.search(plain)
    if reported and not _PEOPLE_LABEL.search(plain):
        found = [word for word in found if word not in STATUS_WORDS]
    return found


def is_attributed(text: str) -> bool:
    return bool(ATTRIBUTION.search(text))


# -- stop words: one home, three lists for three uses -------------------------------------------


@cache
def _stopwords() -> frozenset[str]:
    """Function words that content_words leaves out (data/stopwords.txt)."""
    return _word_list("stopwords.txt")


@cache
def english_stop_words() -> frozenset[str]:
    """scikit-learn's English stop words (data/english_stop_words.txt, shipped so that the
    aligner need not import scikit-learn): what the aligner's lexical checks leave out."""
    return frozenset(data_lines("english_stop_words.txt"))


# Words too common to show that two sentences are about the same thing (disagree.py: a short
# list, since figures must count there; disagree.py leaves out negation words itself).
SAME_THING_STOP_WORDS = frozenset(
    [
        "a",
        "an",
        "the",
        "of",
        "to",
        "in",
        "on",
        "at",
        "by",
        "for",
        "with",
        "and",
        "or",
        "but",
        "is",
        "are",
        "was",
        "were",
        "be",
        "been",
        "has",
        "have",
        "had",
        "that",
        "this",
        "it",
        "its",
        "as",
        "from",
        "said",
        "says",
        "say",
        "he",
        "she",
        "they",
        "we",
        "i",
    ]
)


def content_words(text: str) -> set[str]:
    """Lower-cased words of four letters or more, or any number, minus function words: what
    remains are names, numbers and content words."""
    words = re.findall(r"[^\W_]+", text.lower())
    return {w for w in words if (len(w) > 3 or w.isdigit()) and w not in _stopwords()}


def names(text: str) -> set[str]:
    """Capitalised words that are names (not a sentence's first word, a weekday or a month),
    lower-cased: what two reports of one story share ("xi", "putin", "kremlin")."""
    found: set[str] = set()
    for match in _CAPITALISED.finditer(text):
        if _BEFORE_FIRST_WORD.search(text[: match.start()]):
            continue
        word = _NAME_POSSESSIVE.sub("", match.group(0).lower()).rstrip(".")
        if len(word) > 1 and word not in DATE_WORDS:
            found.add(word)
    return found


# -- datelines, credits, labels --------------------------------------------------------------


def agency(name: str) -> str | None:
    """The one recorded name of a wire agency ("The Associated Press" -> "AP"), or None."""
    return WIRE_AGENCIES.get(" ".join(name.lower().split()))


def wire_site(recorded: str | None, text: str, lines: Iterable[str]) -> str | None:
    """The site of the rated agency whose copy an article is: the credit ingest recorded, else
    an agency in brackets at the start of `text`, else a credit line among `lines`."""
    site = WIRE_SITES.get(agency(recorded or "") or "")
    if site is not None:
        return site
    bracketed = _BRACKETED_AGENCY.search(text[:BRACKETED_SCAN_CHARS])
    labelled = (_CREDIT_LABEL.match(line.strip()) for line in lines)
    match = bracketed or next((m for m in labelled if m), None)
    return WIRE_SITES.get(agency(match.group(1)) or "") if match else None


def dateline_credit(text: str) -> str | None:
    """The agency credited by a dateline at the start of `text` ("MOSCOW (AP) — ...")."""
    match = _DATELINE.match(text)
    return agency(match.group(1)) if match else None


def credit_line(line: str) -> str | None:
    """The agency a whole credit line names ("Source: The Associated Press"), or None."""
    match = _CREDIT_LINE.match(line)
    if not match:
        return None
    return agency(next(group for group in match.groups() if group))


def is_credit_line(line: str) -> bool:
    """A credit or reporting line that is metadata, not prose."""
    return credit_line(line) is not None or bool(_REPORTING_BY.match(line))


# Rubrics of analysis in the Smart Brevity format (Axios and its imitators): what follows is
# the outlet's reading of the news, never a report of it. Read on tune: the lines after
# "The big picture:" and "Between the lines:" interpret; after "Why it matters:" half state a
# fact, so that label is only stripped. The label in any case, but a sentence after it: a
# capital, a figure or a quotation mark ("The takeaway: voters ..." goes on one sentence).
_ANALYSIS_RUBRIC = re.compile(
    r"^\s*(?i:the big picture|between the lines|our thought bubble|reality check|"
    r"(?:the )?bottom line|yes,? but|the intrigue|the takeaway|what we['’]re watching)\s*:\s+"
    r"(?=[\"“A-Z0-9])"
)
# Whose voice a line after such a rubric is in (as printable attributes it).
ANALYSIS_VOICE = "a news analysis"
# The openings with which a brief credits a line to the outlet or writer whose voice it is in
# (`compose.printable` writes them; `verify.segments` reads the named voices as who tells the
# fact, not part of it, as it reads a closing ", according to ..."). An analysis by its
# outlet, a report's characterisation by its outlet, an opinion piece's line by the name its
# source gives (issue 11, item 6: the writer where the source is recorded by the writer's
# name, "Jennifer Rubin", else the outlet whose column it is), a publication of opinion's line
# as that publication's report, for it prints news reports too.
OUTLET_ANALYSIS = "{outlet} reported in an analysis that"
OUTLET_REPORTED = "{outlet} reported that"
OUTLET_COLUMN = "{outlet} wrote in an opinion column that"
OUTLET_PUBLICATION = "{outlet}, an opinion publication, reported that"
OUTLET_OPENINGS = (OUTLET_ANALYSIS, OUTLET_REPORTED, OUTLET_COLUMN, OUTLET_PUBLICATION)
# The same voice again, later in one brief: an editor attributes in full once per outlet, then
# in a short form that still names the outlet and the kind of piece ("The Monitor's analysis
# added that ...", "The Post's column added that ..."), never as fact. `{outlet}` is the
# outlet's possessive second reference (`outlet_possessive` of `outlet_short_name`). A
# publication of opinion's line stays a report ("National Review's report added that"); no
# "also", which would tie the line to the one before (`needs_context`).
OUTLET_ANALYSIS_AGAIN = "{outlet} analysis added that"
OUTLET_COLUMN_AGAIN = "{outlet} column added that"
OUTLET_PUBLICATION_AGAIN = "{outlet} report added that"
# Full opening -> its short form.
OUTLET_AGAIN = {
    OUTLET_ANALYSIS: OUTLET_ANALYSIS_AGAIN,
    OUTLET_COLUMN: OUTLET_COLUMN_AGAIN,
    OUTLET_PUBLICATION: OUTLET_PUBLICATION_AGAIN,
}
# An outlet's or writer's name as such an opening prints it: an optional "the", then
# capitalised words ("St.", "Post-Dispatch", "U.S.", "&"), with "of", "and", "for", "the" inside
# ("The St. Louis Post-Dispatch", "AP Politics & Fact Check", "Jennifer Rubin"); never a
# clause ("Biden said the Post").
_VOICE_NAME = (
    r"(?:[Tt]he\s+)?[A-Z0-9][\w’'.&-]*"
    r"(?:\s+(?:[A-Z0-9&][\w’'.&-]*|of|and|for|the|on|in))*?"
)
# The openings that name a voice (an analysis, a column, a publication of opinion); "X reported
# that" is left to the verifier's reading of who reported (`verify.lexical`).
VOICE_OPENING = re.compile(
    "^(?:"
    + "|".join(
        re.escape(form).replace(re.escape("{outlet}"), _VOICE_NAME)
        for form in (*OUTLET_AGAIN, *OUTLET_AGAIN.values())
    )
    + r")\s+"
)


# What a web page's link text leaves inside a sentence: "The study (pdf), which ...",
# "the ruling (opens in new tab)". Removed wherever it stands.
_LINK_MARKER = re.compile(
    r"\s*\((?:pdf|link|video|audio|paywall|subscription required|"
    r"opens? in (?:a )?new (?:tab|window))\)",
    re.IGNORECASE,
)


def without_link_markers(text: str) -> str:
    """The sentence without link debris such as "(pdf)" or "(opens in new tab)"."""
    return _LINK_MARKER.sub("", text)


def strip_dateline(text: str) -> str:
    """The sentence without a leading dateline, wire credit, byline or section label."""
    previous = None
    while previous != text:
        previous = text
        text = rubric_voice(_without_lead(text))[0]
        label = _LABEL.match(text)
        if label and not _SAYING.search(label.group(1)) and _is_label(label.group(1)):
            text = text[label.end() :]
    return text.strip()


def _without_lead(text: str) -> str:
    """The sentence without a leading dateline, wire credit or byline (rubrics kept)."""
    previous = None
    while previous != text:
        previous = text
        text = _DATELINE.sub("", text, count=1)
        text = _PLACE_DASH.sub("", text, count=1)
        text = _BYLINE.sub("", text, count=1)
    return text


def rubric_voice(text: str) -> tuple[str, str | None]:
    """The sentence without a rubric that says whose analysis follows (and any dateline before
    it: "WASHINGTON — The big picture: ..."), and whose it is: the writer a rubric names ("Why
    it matters, via Axios' Margaret Talev: ..."), or ANALYSIS_VOICE after a rubric of analysis
    ("The big picture: ..."); None when there is no such rubric (a plain label such as "Why it
    matters:" heads facts as often as not)."""
    body = _without_lead(text)
    analysis = _ANALYSIS_RUBRIC.match(body)
    if analysis is not None:
        return body[analysis.end() :], ANALYSIS_VOICE
    rubric = _VIA_RUBRIC.match(body)
    if rubric is None or _SAYING.search(rubric.group("label")) or not _is_label(rubric["label"]):
        return text, None
    return body[rubric.end() :], rubric.group("who").strip()


def _is_label(words: str) -> bool:
    """A kicker or section label: no lower-case function word mid-clause beyond a few words,
    e.g. "Why it matters", "9/11 anniversary", "BREAKING" (not "The reason is simple")."""
    tokens = words.split()
    return len(tokens) <= 5 and not any(t.lower() in {"is", "are", "was", "were"} for t in tokens)


# -- quotation marks, truncation ---------------------------------------------------------------


def is_truncated(text: str) -> bool:
    """Ends in an ellipsis: an excerpt cut short, never a whole sentence."""
    return bool(_TRUNCATED.search(text))


def outside_quotes(text: str) -> str:
    """The text with quoted passages removed (the brief's own voice)."""
    return _QUOTED.sub(" ", text)


def quoted_passages(text: str) -> list[str]:
    """The passages inside quotation marks, marks removed."""
    return [match.group(0)[1:-1].strip() for match in _QUOTED.finditer(text)]


def unbalanced(text: str) -> bool:
    """Quotation marks or brackets that open without closing, or close without opening."""
    if text.count("“") != text.count("”") or _straight_quotes(text) % 2:
        return True
    return any(_bracket_unbalanced(text, left, right) for left, right in _BRACKETS)


def _straight_quotes(text: str) -> int:
    """Straight double quotes, less inch marks between a digit and a word boundary (12")."""
    return len(re.findall(r'(?<!\d)"|(?<=\d)"(?=\w)', text))


def _bracket_unbalanced(text: str, left: str, right: str) -> bool:
    depth = 0
    for char in text:
        depth += (char == left) - (char == right)
        if depth < 0:
            return True
    return depth != 0


# A named speaker who calls or describes something in the quoted words ("with Putin calling
# them based on “...”", "what the White House described as “...”"): the quote has its speaker.
# "so-called" names nobody.
_NAMED_DESCRIBER = re.compile(
    r"(?<![\w-])(?!(?:the|this|that|these|those|it|its|a|an)\b)"
    r"(?:(?-i:[A-Z])[\w’'.-]*|he|she|they)\s+(?:\w+\s+)??"
    r"(?:call(?:s|ed|ing)|describ(?:es|ed|ing)|dub(?:s|bed|bing)|brand(?:s|ed|ing))\b",
    re.IGNORECASE,
)


def quote_without_speaker(text: str) -> bool:
    """A quoted statement (several words) with no verb of saying or source beside it."""
    long_quotes = [q for q in quoted_passages(text) if len(q.split()) >= QUOTE_NEEDS_SPEAKER_WORDS]
    plain = outside_quotes(text)
    return bool(long_quotes) and not (is_attributed(plain) or _NAMED_DESCRIBER.search(plain))


def unmarked_quotes(text: str, quotations: Iterable[str]) -> list[str]:
    """Quotations (from any article) that `text` shows outside quotation marks."""
    plain = _squash(outside_quotes(text))
    found: list[str] = []
    for quotation in quotations:
        words = _squash(quotation)
        if len(words.split()) >= UNMARKED_QUOTE_MIN_WORDS and f" {words} " in f" {plain} ":
            found.append(quotation)
    return found


# Quotations are compared with every candidate sentence of a story: their squashed forms are
# kept rather than recomputed (a story holds at most a few thousand quotations).
@lru_cache(maxsize=65536)
def _squash(text: str) -> str:
    return " ".join(re.findall(r"[^\W_]+(?:['’][^\W_]+)?", text.lower().replace("’", "'")))


# -- standing alone ----------------------------------------------------------------------------


def needs_context(text: str) -> bool:
    """An opener that points back to an earlier sentence, "also"/"too" early on, or a
    demonstrative shell noun ("that effort"). A definite one as subject ("The move ...") is
    a definite reference: `unintroduced_reference` reads it against the brief before it."""
    text = strip_dateline(text)
    plain = outside_quotes(text)
    if DANGLING_OPENER.match(text) or _BACK_REFERENCE.match(plain):
        return True
    if _demonstrative_shell(plain):
        return True
    if _plural_demonstrative(plain) or _THIS_PRONOUN.search(plain):
        return True
    if _THIS_TIME.search(plain) or _THAT_TIME.search(plain) or _TIME_ANCHOR.search(plain):
        return True
    that_time = _THAT_DESCRIBED_TIME.search(plain)
    if that_time and not _DATE_NAMED.search(plain[: that_time.start()]):
        return True
    if _OUTLET_REPORT.search(plain) or _RELATIVE_DAY.search(plain):
        return True
    if _PRONOUN_AFTER_SHORT_INTRO.match(text) or _unnamed_speaker(plain):
        return True
    if _unbound_plural_pronoun(plain):
        return True
    intro = _PRONOUN_AFTER_INTRO.match(text)
    return intro is not None and not _name_in_intro(intro.group("intro"))


# Capitalised runs after the sentence's first word, with the word before each.
_CAPITALISED_RUN = re.compile(r"(\S+)\s+([A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)")
_ARTICLES = frozenset({"a", "an", "the"})


def _name_in_intro(intro: str) -> bool:
    """A name in an opening clause that a pronoun after it may stand for ("After Biden spoke,
    he ..."): a capitalised run not after an article, which makes it a modifier ("a Pacific
    ally", "the China challenge") or a body ("the United Nations"), no one "he" stands for."""
    return any(m.group(1).lower() not in _ARTICLES for m in _CAPITALISED_RUN.finditer(intro))


# A line of a live blog, true only at the minute it was written: "The vote was being held open
# more than an hour after it began.", "is expected to vote later today", "are still being
# counted". A day counted from the article's date alone ("today") is needs_context's; a
# trend in the present progressive ("are now reaching their breaking point") stays true.
_LIVE_MOMENT = re.compile(
    r"\b(?:(?:minutes|an hour|hours|moments)\s+ago|"
    r"later (?:today|tonight|this (?:morning|afternoon|evening))|right now|at this hour|"
    r"as of this writing|at the time of writing|at press time|as of press time|"
    r"(?:is|are) still (?:under ?way|ongoing)|(?:is|are|was|were) still being \w+ed)\b",
    re.IGNORECASE,
)
# Time since a start is live only in the progressive ("was being held open more than an hour
# after it began"); "The hearing ended minutes after it began" is a finished fact.
_SINCE_START = re.compile(
    r"\b(?:minutes|an hour|hours|moments)\s+after it (?:began|started|opened)\b", re.I
)
_PRESENT = re.compile(r"\b(?:is|are)\b", re.I)
_PROGRESSIVE = re.compile(r"\b(?:is|are|was|were)\s+(?:still\s+)?being\b", re.I)
# A time that dates the line ("in 2019", "on Wednesday", "in March"): it reads as past.
_PAST_ANCHOR = re.compile(
    r"\b(?:1[89]\d\d|20\d\d|(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day|January|February|March|"
    r"April|June|July|August|September|October|November|December)\b"
)


def live_moment(text: str) -> bool:
    """A live-blog line of an unfolding moment in the brief's own voice (`_LIVE_MOMENT`, or
    time since a start in the progressive): by the time a reader takes it, the vote has
    closed. A line dated in the past (`_PAST_ANCHOR`), or attributed in the past tense ("Votes
    were still being counted, officials said"), tells what was so then; an attributed present
    ("are still being counted, officials said") is still live."""
    plain = outside_quotes(text)
    past_report = is_attributed(plain) and not _PRESENT.search(plain)
    if _PAST_ANCHOR.search(plain) or past_report:
        return False
    since_start = _SINCE_START.search(plain) and _PROGRESSIVE.search(plain)
    return bool(since_start or _LIVE_MOMENT.search(plain))


# A preview: what the sentence says will happen ("will face lawmakers", "is expected to vote"),
# read outside quotations; "next Tuesday" or "again" is another occasion than a day told before.
_FUTURE = re.compile(
    r"\b(?:will|(?:is|are) (?:expected|set|scheduled|due|slated) to)\s+(?:\w+ly\s+)?\w+", re.I
)
_ANOTHER_OCCASION = re.compile(rf"\b(?:next|following|coming)\s+{WEEKDAY}\b|\bagain\b", re.I)
# Before a future, words that make it another clause's ("announced Tuesday that ... will",
# "signaled they will", "a move that will"): a past-tense verb or a relative pronoun.
_NOT_MAIN_CLAUSE = re.compile(r"\b(?:[a-z]{3,}ed|that|which|who|whom|whose)\b")
# A day a sentence names: a weekday or a date ("Tuesday", "Oct. 15", "October 15").
_DAY_NAMED = re.compile(rf"\b(?:{WEEKDAY}|(?:(?i:{_MONTH_SHORT})\.?|[A-Z][a-z]+)\s+\d{{1,2}}\b)")


def _days(text: str) -> set[str]:
    """The days `text` names, written one way ("oct 15" for "October 15" and "Oct. 15",
    "tuesday"); a capitalised word before a number counts only when it names a month."""
    months = {*DATE_WORDS, *MONTH_ABBREVIATIONS}
    days: set[str] = set()
    for day in _DAY_NAMED.findall(text):
        words = day.lower().replace(".", " ").split()
        if len(words) == 1 or words[0] in months:
            days.add(" ".join([words[0][:3], *words[1:]]))
    return days


def _stems(text: str) -> set[str]:
    """The content words of `text` as Porter stems, less the days it names."""
    return {stem(word) for word in content_words(text) if word not in DATE_WORDS}


def previews_done(text: str, before: str | None) -> bool:
    """A preview of what the brief before already reports done: `text` tells, outside
    quotations, what will happen on a day ("The nation's top military leaders will face
    lawmakers on Capitol Hill on Tuesday") after a brief sentence that tells in another tense
    what happened that day, of the same actors and the same deed ("Top military officials told
    lawmakers on Tuesday that ..."): the reader already knows it happened (issue 13, item 4:
    the brief as the story reads). Another actor that day ("The House will vote Tuesday" after
    "The Senate voted Tuesday"), another deed, another occasion ("next Tuesday", "again") or
    another day is a fact of its own."""
    plain = outside_quotes(strip_dateline(text))
    future = _FUTURE.search(plain)
    if not before or future is None or _ANOTHER_OCCASION.search(plain):
        return False
    if is_attributed(plain) or _NOT_MAIN_CLAUSE.search(plain[: future.start()]):
        return False  # what someone said will happen, or a future inside another clause
    days = _days(plain)
    actors, deed = _stems(plain[: future.start()]), _stems(plain[future.start() :])
    for told in _ROUGH_SENTENCE_END.split(before.strip()):
        told_plain = outside_quotes(told)
        if _FUTURE.search(told_plain) or not days & _days(told_plain):
            continue
        words = _stems(told_plain)
        if actors & words and deed & words:
            return True
    return False


# "it" as an object ("Only a handful of senators even considered it, and ..."): before a stop,
# a conjunction or a preposition, after a word that is no clause opener (in "said it would",
# "it" is a subject).
_OBJECT_IT = re.compile(
    r"\b(?P<verb>[a-z]+)\s+it\b(?=\s*(?:[,.;:!?)]|$|(?:and|but|or|as|because|for|in|on|at|"
    r"to|until|before|after|from|with|by|over|through|since|again|anyway)\b))"
)
_NOT_IT_OBJECT = frozenset({"make", "made", "makes", "making", "that", "if", "as", "whether"})
# The idiom "whether they like it or not" points to nothing.
_IT_OR_NOT = re.compile(r"\s+or not\b")
# Determiners before a thing "it" may stand for ("the bill", "a plan", "its proposal"), unless
# the noun counts people or things ("a handful of senators", "a number of").
_THING_DETERMINERS = frozenset({"the", "a", "an", "its", "his", "her", "their", "this", "that"})
_QUANTITY_NOUNS = frozenset(
    {"handful", "number", "majority", "minority", "lot", "couple", "few", "group", "dozen"}
    | {"pair", "series", "host", "bunch", "total", "share", "third", "half", "quarter"}
)
# Nouns of things, events and documents by their endings ("legislation", "agreement",
# "proposal", "measure").
_THING_ENDING = re.compile(r"(?:tion|sion|ment|ance|ence|ity|ure|ism|ship|sal|ty)$")


def unbound_object_it(text: str) -> bool:
    """ "it" as an object with no thing before it in its sentence to stand for (no noun after
    a determiner that is no count of people, no noun of a thing by its ending): it points to
    an earlier sentence. "The Senate passed the bill and Biden signed it" has its referent."""
    plain = outside_quotes(strip_dateline(text))
    for found in _OBJECT_IT.finditer(plain):
        if found.group("verb") in _NOT_IT_OBJECT or _IT_OR_NOT.match(plain, found.end()):
            continue
        tokens = re.findall(r"[A-Za-z][\w'’-]*", plain[: found.start("verb")])
        if not _thing_among(tokens):
            return True
    return False


def _thing_among(tokens: list[str]) -> bool:
    """A thing "it" may stand for: a noun after a determiner or a possessive ("Biden's plan")
    that counts no people, a name after a verb ("NASA launched Artemis"), a noun of a thing by
    its ending."""
    lower = [token.lower() for token in tokens]
    for (word, following), (_, named) in zip(pairwise(lower), pairwise(tokens), strict=True):
        counted = following in _QUANTITY_NOUNS or (_plural(following) and following != "its")
        possessive = word.endswith(("'s", "’s"))
        if (word in _THING_DETERMINERS or possessive) and not counted:
            return True
        if named[:1].isupper() and word not in english_stop_words() and word.isalpha():
            return True
    return any(_THING_ENDING.search(word) for word in lower)


# "they", "them", "their" need a plural to stand for: a plural noun ("officials", "women"),
# two things joined ("Biden and Xi"), or a group noun. Words ending in -s that are no plural
# nouns ("was", "has", "this", "always") are passed over.
_PLURAL_PRONOUN = re.compile(r"\b(?:they|them|their|theirs|themselves)\b", re.IGNORECASE)
_IRREGULAR_PLURALS = frozenset(
    {
        *("people", "men", "women", "children", "police", "staff", "public", "media", "crew"),
        *("military", "government", "administration", "team", "party", "family", "couple"),
        *("company", "firm", "group", "committee", "panel", "congress", "parliament", "each"),
        *("everyone", "anyone", "someone", "anybody", "everybody", "somebody", "nobody", "who"),
        *("both", "all", "many", "several", "some", "most", "few", "others", "those", "these"),
    }
)
_NOT_PLURAL_S = frozenset(
    {
        *("was", "has", "is", "does", "this", "its", "his", "hers", "us", "as", "always"),
        *("perhaps", "news", "series", "less", "unless", "across", "whereas", "besides"),
        *("thus", "plus", "yes", "politics", "economics", "various", "previous", "serious"),
    }
)
_PAIR = re.compile(r"\b\w+\s+(?:and|or)\s+(?:the\s+|his\s+|her\s+)?\w+")


def _unbound_plural_pronoun(plain: str) -> bool:
    """ "they", "them" or "their" with nothing plural for it to stand for before it in the
    sentence ("The vote was rescheduled for Friday, giving them more time"); a pronoun in an
    opening clause may look ahead ("Although their route is unclear, 37,000 Afghans ...")."""
    pronoun = _PLURAL_PRONOUN.search(plain)
    if pronoun is None or pronoun.start() == 0:  # an opening "They" is DANGLING_OPENER's
        return False
    before = plain[: pronoun.start()]
    comma = plain.find(",")
    looked_at = plain if 0 <= pronoun.start() < comma else before
    words = re.findall(r"[A-Za-z][\w'’-]*", looked_at)
    plural = any(
        word.lower() in _IRREGULAR_PLURALS
        or word.endswith(("s'", "s’"))
        or (_plural(word.lower()) and word.lower() not in _NOT_PLURAL_S and len(word) > 3)
        for word in words
    )
    # Two people or places named ("Xi told Putin that their partnership ..."); a capitalised
    # first word counts unless it is a function word ("The", "After").
    first = re.match(r"\W*([A-Z][\w'’-]*)", looked_at)
    opener = {first.group(1).lower()} - _stopwords() if first else set()
    several = len(names(looked_at) | opener) >= 2
    return not plural and not several and not _PAIR.search(looked_at)


def _demonstrative_shell(plain: str) -> bool:
    """ "that effort", "these claims", "such measures"; not "this" or "that" before a plural,
    which is a verb after a relative "that" ("content that claims the vaccines ...")."""
    for match in _DEMONSTRATIVE_SHELL.finditer(plain):
        determiner, noun = match.group(0).lower().split()
        if determiner not in ("this", "that") or not _plural(noun):
            return True
    return False


def speaker_unnamed(text: str) -> bool:
    """A pronoun speaks in `text` ("…,” he said in a tweet") whose person the sentence does
    not name: an earlier sentence of its article does (`verify` looks there for who said
    it)."""
    return _unnamed_speaker(outside_quotes(text))


def _unnamed_speaker(plain: str) -> bool:
    """A pronoun speaker ("he said") whose person the sentence does not name before it: a
    full name for "he" or "she" ("Secretary Alejandro Mayorkas said ..., whom he noted"), a
    capitalised plural for "they" ("Democrats")."""
    for match in _PRONOUN_SPEAKER.finditer(plain):
        earlier = plain[: match.start()]
        if match.group("pronoun").lower() == "they":  # the first word is capitalised anyway
            named = any(_plural(word) for word in _CAPITAL.findall(earlier)[1:])
        else:
            named = any(len(_name_parts(name)) > 1 for name in _NAME.findall(earlier))
        if not named:
            return True
    return False


def _plural_demonstrative(plain: str) -> bool:
    """ "these groups" in the brief's own voice: not a participle or adverb after it ("those
    making", "those fully vaccinated"), not inside indirect speech ("said that ... these")."""
    plural = _PLURAL_DEMONSTRATIVE.search(plain)
    if plural is None or plural.group(1).endswith(("ing", "ed", "ly")):
        return False
    speech = _REPORTED_SPEECH.search(plain)
    return speech is None or speech.start() > plural.start()


# A definite noun phrase opening the sentence ("The sources say ...", "The launches came ...",
# "The latest number beat ...") points at something the reader was told of before: taken
# alone it needs that thing introduced earlier in the brief, a defining phrase after it ("The
# decision to raise rates"), a noun that names its kind ("The unemployment rate"), or a
# referent every reader knows ("the president", "the economy"). Words that end the noun
# phrase: verbs, auxiliaries and adverbs a sentence's subject is followed by.
_ENDS_NOUN_PHRASE = frozenset(
    {
        *("is", "are", "was", "were", "be", "been", "has", "have", "had", "will", "would"),
        *("could", "can", "may", "might", "should", "must", "do", "does", "did", "not", "also"),
        *("say", "said", "says", "show", "shows", "came", "come", "comes", "went", "go", "goes"),
        *("took", "takes", "made", "makes", "gave", "gives", "got", "found", "finds", "told"),
        *("began", "became", "become", "left", "held", "holds", "met", "ran", "won", "lost"),
        *("fell", "rose", "drew", "grew", "knew", "know", "brought", "thought", "think"),
        *("sought", "kept", "sent", "spent", "struck", "stood", "led", "chose", "broke", "spoke"),
        *("wrote", "built", "paid", "sold", "include", "includes", "remain", "remains", "seem"),
        *("seems", "appear", "appears", "suggest", "want", "wants", "need", "needs", "mean"),
        *("means", "and", "or", "but", "as", "when", "while", "after", "before", "since"),
        *("because", "if", "now", "then", "still", "already", "just", "only", "even", "again"),
    }
)
# A phrase after the noun that says which one is meant ("The ban on imports", "The men who").
_DEFINING_AFTER = frozenset(
    {
        *("of", "to", "by", "for", "from", "in", "on", "at", "that", "who", "whom", "whose"),
        *("with", "behind", "against", "over", "between", "under", "about", "among", "near"),
        *("involving", "within", "across", "into", "toward", "towards", "amid", "outside"),
    }
)
# Modifiers that point back rather than say what kind of thing is meant: "The latest number",
# "The two cases", "The new rules" (a figure or an age counts too: "The 69-year-old").
_POINTING_MODIFIERS = frozenset(
    {
        *("latest", "new", "newest", "same", "other", "former", "latter", "remaining"),
        *("recent", "previous", "earlier", "following", "above", "second", "third"),
        *("final", "initial", "next", "original", "two", "three", "four", "five", "six"),
        *("seven", "eight", "nine", "ten", "both", "twin", "pair", "whole", "entire"),
        *("additional", "extra", "further", "last", "first"),
    }
)
# Referents every reader of a news brief knows without an introduction.
_KNOWN_REFERENTS = frozenset(
    {
        *("president", "government", "administration", "economy", "pandemic", "world"),
        *("public", "nation", "country", "military", "police", "internet", "weather"),
        *("market", "markets", "press", "media", "opposition", "coronavirus", "virus"),
        *("senate", "house", "congress", "parliament", "cabinet", "legislature", "capital"),
        *("year", "month", "week", "day", "weekend", "session", "season", "term"),
    }
)
# Nouns for a kind of person or body ("The company", "The senator", "The 69-year-old"): after
# a sentence that names one, a reader takes the noun for it (Pfizer ... the company).
_CLASS_NOUNS = frozenset(
    {
        *("company", "firm", "senator", "governor", "lawmaker", "agency", "group", "organization"),
        *("department", "court", "state", "city", "network", "bank", "airline", "automaker"),
        *("carrier", "outlet", "newspaper", "minister", "official", "officials", "leader"),
        *("actor", "singer", "star", "comedian", "prosecutor", "judge", "man", "woman", "teen"),
        *("boy", "girl", "suspect", "victim", "player", "coach", "team", "party", "ministry"),
        *("congressman", "congresswoman", "lawmakers", "republican", "democrat", "justice"),
        *("spokesman", "spokeswoman", "spokesperson", "ambassador", "envoy", "country"),
        *("committee", "panel", "commission", "board", "council", "diplomat", "regulator"),
    }
)
# Bodies named with their kind ("the Senate Foreign Relations Committee", "a commission
# formed by President Biden"): "The committee" needs one of these words before it (a
# committee is also "the panel"); a person or a company is named without the noun.
_BODY_NOUNS = frozenset({"committee", "panel", "commission", "council", "board", "court"})
# Shares that open a sentence before a definite noun phrase ("Much of the anger").
_QUANTIFIERS = frozenset(
    {"much", "most", "some", "many", "all", "none", "part", "half", "several", "few", "each"}
)
# Longer openings are descriptions that say what they mean ("The three-judge appeals panel").
MAX_NOUN_PHRASE_WORDS = 3
_NP_TOKEN = re.compile(r"[A-Za-z0-9][\w'’.-]*[\w]|[A-Za-z0-9]|[^\w\s]")


# A word before "whether" weighs a question still open ("Officials are considering whether to
# close schools"): it introduces no plan or decision (data/referent_synonyms.txt) a later "The
# plan" could refer to.
_OPEN_QUESTION = re.compile(r"\b\w+\s+(?=whether\b)")


def unintroduced_reference(text: str, before: str | None) -> str | None:
    """The head noun of a definite noun phrase opening `text`, or of a counted or paired
    referent anywhere in it ("the two countries", "the rival launches"), that the brief never
    introduced (`before`: the brief's sentences before it), or None. None as well while the
    place in the brief is not known (`before` None): what comes before decides."""
    if before is None:
        return None
    asked = _OPEN_QUESTION.sub(" ", before.lower())
    said = _with_synonyms({stem(word) for word in _WORD.findall(asked)})
    counted = _counted_referent(text)
    if counted and stem(counted) not in said:
        return counted
    pronoun = _unbound_person_pronoun(text, before)
    if pronoun:
        return pronoun
    tokens = _after_quantifier(_NP_TOKEN.findall(strip_dateline(text).lstrip('"“‘')))
    if not tokens or tokens[0] != "The":
        return None
    words, after = _noun_phrase(tokens[1:])
    if not words or _defined(after):
        return None
    head, modifiers = words[-1], words[:-1]
    if head in _KNOWN_REFERENTS:
        return None
    if head in _BODY_NOUNS:  # "The committee's chair": a body the brief has named
        return None if said & {stem(noun) for noun in _BODY_NOUNS} else head
    person = head in _CLASS_NOUNS or bool(re.fullmatch(r"\d+-year-old", head))
    if person and before.strip():
        return None
    described = [word for word in modifiers if not _points(word)]
    if described:
        # "The unemployment rate" names its kind as a lead; later in the brief, a described
        # thing none of whose words was told before ("The widespread staffing shortage",
        # after sentences on cancelled flights) is still new to the reader.
        return None if not before.strip() or said & {stem(w) for w in words} else head
    return None if stem(head) in said else head


# Words for a person's office or calling that a pronoun may stand for ("The JCS chairman
# called his counterpart"), besides the kinds of person of _CLASS_NOUNS.
_PERSON_ROLES = frozenset(
    {
        *("chairman", "chairwoman", "chair", "secretary", "director", "chief", "head"),
        *("president", "commander", "general", "doctor", "physician", "candidate", "author"),
        *("speaker", "mayor", "founder", "owner", "executive", "adviser", "advisor", "aide"),
        *("premier", "king", "queen", "prince", "pope", "nominee", "whistleblower", "father"),
        *("mother", "son", "daughter", "husband", "wife", "student", "teacher", "officer"),
    }
)
# A person as object ("filed lawsuits against him", "sued her on Monday"). Possessives ("his
# family said", "Haugen revealed her identity") follow their subject too often to be read so
# without a parser.
_PERSON_PRONOUN = re.compile(
    r"\b(?:him|himself|herself)\b|\bher\b(?=\s*[.,;]|\s+(?:on|in|to|for|at|with|after|before)\b)",
    re.IGNORECASE,
)


@cache
def _person_pattern() -> re.Pattern[str]:
    """A person named: a full name, a role or class noun ("the senator", "voters"), or a
    capitalised word before "said"."""
    roles = sorted({*_CLASS_NOUNS, *_PERSON_ROLES})
    return re.compile(rf"{_NAME.pattern}|\b(?i:{'|'.join(roles)})\b|\b[A-Z][a-z]+\b(?=\s+said)")


def _unbound_person_pronoun(text: str, before: str) -> str | None:
    """A "him" or "her" as object before which neither the sentence nor the brief's last
    sentence names a person ("Former lawyers in Arkansas and Illinois filed lawsuits against
    him"); the pronoun itself, or None."""
    plain = outside_quotes(strip_dateline(text))
    pronoun = _PERSON_PRONOUN.search(plain, 1)
    if pronoun is None:
        return None
    head = plain[: pronoun.start()]
    last = _ROUGH_SENTENCE_END.split(before.strip())[-1] if before.strip() else ""
    person = _person_pattern()
    if person.search(head) or person.search(outside_quotes(last)):
        return None
    return pronoun.group(0).lower()


# How many things a counted referent stands for.
_COUNT_WORDS = {word: NUMBER_WORD_VALUES[word] for word in ("two", "three", "four", "five")}
_COUNT_WORDS |= {"both": 2, "pair": 2, "duo": 2, "rival": 2, "trio": 3, "quartet": 4}


def _names_them(head: str, counted: str) -> bool:
    """The words before a counted referent name what it counts: two things joined ("Russia
    and China, the two countries") or as many names as it counts ("Chinese President Xi
    Jinping backed Russian President Vladimir Putin ... after the two leaders")."""
    count = next((n for word, n in _COUNT_WORDS.items() if word in counted.lower().split()), 2)
    joined = count == 2 and bool(_NAMED_PAIR.search(head))
    return joined or len(set(_NAME.findall(head))) >= count


def _counted_referent(text: str) -> str | None:
    """The noun of a counted or paired referent ("the two countries", "the rival launches",
    "the trio"), that the sentence does not name before it ("Russia and China, the two
    countries"); or of one item of a set ("One complaint alleges ...")."""
    plain = outside_quotes(strip_dateline(text))
    counted = _COUNTED_REFERENT.search(plain)
    if counted is not None and not _names_them(plain[: counted.start()], counted.group(0)):
        return counted.group(0).split()[-1].lower()
    one = _ONE_OF_A_SET.match(plain)
    return one.group(1).lower() if one else None


@cache
def _synonym_groups() -> tuple[frozenset[str], ...]:
    """Stems of words that introduce one another's referent (data/referent_synonyms.txt)."""
    return tuple(
        frozenset(stem(word.lower()) for word in line.split())
        for line in data_lines("referent_synonyms.txt")
    )


def _with_synonyms(stems: set[str]) -> set[str]:
    """The stems said before, plus every stem that introduces the same referent as one."""
    return stems.union(*(group for group in _synonym_groups() if group & stems))


def _after_quantifier(tokens: list[str]) -> list[str]:
    """The tokens from "The" on when the sentence opens with a share of a definite noun
    phrase ("Much of the anger", "Most of the victims"): the phrase needs introducing too."""
    opens = len(tokens) > 2 and tokens[0].lower() in _QUANTIFIERS and tokens[1] == "of"
    return ["The", *tokens[3:]] if opens and tokens[2] == "the" else tokens


def _defined(after: list[str]) -> bool:
    """What follows the noun phrase says which one is meant: a defining word ("The ban on"),
    a name ("The company Pfizer"), or a name in apposition ("The diplomat, Daniel Foote,")."""
    first = after[0] if after else ""
    named = len(after) > 1 and first in ",—–(" and after[1][:1].isupper()
    a_name = first[:1].isupper() and first.lower() not in DATE_WORDS  # "The decision Thursday"
    return first.lower() in _DEFINING_AFTER or a_name or named


def _noun_phrase(tokens: list[str]) -> tuple[list[str], list[str]]:
    """The lower-case words of the noun phrase at the start of `tokens`, and the tokens after
    it: the phrase ends at punctuation, a capitalised word, a verb or adverb, a plural-looking
    word after a singular noun ("The plan calls") or a singular one after a plural noun ("The
    rules take")."""
    words: list[str] = []
    for n, token in enumerate(tokens):
        low = token.lower()
        # A defining word ends the phrase too, so that `_defined` reads what follows it ("The
        # death toll from the bombing", "The three-judge panel on the appeals court").
        ends = (
            not token[0].isalnum()
            or token[0].isupper()
            or low in _ENDS_NOUN_PHRASE
            or (bool(words) and low in _DEFINING_AFTER)
        )
        verb_like = bool(words) and (
            low.endswith(("ly", "ed"))
            or (_singular_verb(low, words[-1]) and not _verb_like(tokens[n + 1 : n + 2]))
            or (_plural(words[-1]) and not low.endswith("s"))
        )
        if ends or verb_like or len(words) == MAX_NOUN_PHRASE_WORDS:
            return words, tokens[n:]
        if low.endswith(("'s", "’s")):  # "The nation's top leaders": the nation is referred to
            return [*words, low[:-2]], ["’s", *tokens[n + 1 :]]
        words.append(low)
    return words, []


def _singular_verb(word: str, previous: str) -> bool:
    """ "calls" after "plan" may be its verb ("The plan calls for"); "cancellations" after
    "mass" is a noun when a verb follows it (`_verb_like`, checked by the caller)."""
    return word.endswith("s") and not _plural(previous) and not _points(previous)


def _verb_like(following: list[str]) -> bool:
    """The next token ends a subject: a verb, an auxiliary or punctuation."""
    if not following:
        return True
    low = following[0].lower()
    return not low[0].isalnum() or low in _ENDS_NOUN_PHRASE or low.endswith("ed")


def _plural(word: str) -> bool:
    return word.endswith("s") and not word.endswith(("ss", "us", "is"))


def _points(word: str) -> bool:
    return word in _POINTING_MODIFIERS or word[:1].isdigit()


@cache
def stem(word: str) -> str:
    """The Porter stem of a word ("lifted" -> "lift"): the one stemmer every stage compares
    words with (nltk, imported on first use)."""
    return str(_porter().stem(word))


@cache
def _porter():  # type: ignore[no-untyped-def]
    from nltk.stem.porter import PorterStemmer

    return PorterStemmer()


# The section of data/interpretation_markers.txt whose entries a plain rewrite may drop.
BOOSTER = "booster"


def _data_sections(name: str, first: str) -> dict[str, tuple[str, ...]]:
    """The lowercase entries of data file `name` by section: an "@section" line opens one;
    entries before any are in section `first`."""
    sections: dict[str, list[str]] = {first: []}
    section = first
    for line in data_lines(name):
        if line.startswith("@"):
            section = line[1:].strip()
            sections.setdefault(section, [])
            continue
        sections[section].append(line.lower())
    return {section: tuple(entries) for section, entries in sections.items()}


@cache
def _interpretation_sections() -> dict[str, tuple[str, ...]]:
    """The entries of data/interpretation_markers.txt by section ("" before any "@" line)."""
    return _data_sections("interpretation_markers.txt", "")


@cache
def interpretation_markers() -> tuple[str, ...]:
    """Phrases that interpret or allege in the writer's voice (data/interpretation_markers.txt,
    every section)."""
    return tuple(entry for entries in _interpretation_sections().values() for entry in entries)


def interprets(text: str) -> list[str]:
    """The interpretation or allegation phrases `text` uses in its own voice ("The rulings
    suggest that the court ...", "for covering up the assault") when nothing attributes them:
    an analysis or an accusation stated as fact. Quoted words and attributed sentences pass."""
    plain = outside_quotes(text)
    if is_attributed(plain):
        return []
    squashed = f" {_squash(plain)} "
    return [
        m
        for m in interpretation_markers()
        if f" {_squash(m)} " in squashed and not _only_in_fixed_phrases(plain, m)
    ]


def _only_in_fixed_phrases(plain: str, marker: str) -> bool:
    """Every use of the booster `marker` in `plain` is part of a fixed phrase ("a change of
    course", "slowly but surely"); False for a marker that is no booster."""
    if marker not in _interpretation_sections().get(BOOSTER, ()):
        return False
    uses = list(re.finditer(rf"(?<![\w-]){re.escape(marker)}(?![\w-])", plain, re.I))
    return bool(uses) and all(_in_fixed_phrase(plain, *use.span(), marker) for use in uses)


# The two kinds of data/characterisation_markers.txt: a modifier the fact stands without, and
# a framing only its outlet's attribution keeps.
MODIFIER = "modifier"
FRAMING = "framing"


@cache
def _characterisations() -> dict[str, tuple[tuple[str, re.Pattern[str]], ...]]:
    """The entries of data/characterisation_markers.txt by kind, longest first, each with its
    pattern of whole words."""
    kinds = _data_sections("characterisation_markers.txt", FRAMING)
    return {
        name: tuple(
            (entry, re.compile(rf"(?<![\w-]){re.escape(entry)}(?![\w-])", re.IGNORECASE))
            for entry in sorted(kinds.get(name, ()), key=len, reverse=True)
        )
        for name in (MODIFIER, FRAMING)
    }


# A verb of attribution that says whose characterisation it is; "claims" is left out, since a
# territory one "claims as its own" is no one's words ("the island it claims as its own").
_SAYS_WHOSE = _attribution_pattern(v for v in ATTRIBUTION_VERBS if v not in {"claimed", "claims"})
# What an attribution frames: the words after its verb ("Biden said the ..."), and those
# before it when it closes the sentence in a clause of its own that names its speaker (",
# the Kremlin said on Friday."), or the whole sentence for "according to". The subject of the
# sentence's own verb of saying is the outlet's words: in "Massively popular podcaster Joe
# Rogan, who ..., admitted this week that he ..." only what Rogan admitted is his. One inside
# a middle clause ("The chaotic withdrawal, which Biden announced in April, left ...") says
# whose that clause is, not whose the sentence's words are.
_CLAUSE_BREAK = re.compile(r"[,;:—–]")


def _attribution_frames(plain: str) -> list[tuple[int, int]]:
    """The spans of `plain` whose words an attribution makes a speaker's (see above)."""
    frames: list[tuple[int, int]] = []
    for found in _SAYS_WHOSE.finditer(plain):
        if found.group(1).lower() == "according to":
            return [(0, len(plain))]
        before = _CLAUSE_BREAK.split(plain[: found.start()])
        closing = not _CLAUSE_BREAK.search(plain, found.end())
        if len(before) == 1 or closing:
            frames.append((found.end(), len(plain)))
        if closing and len(before) > 1 and _WORD.search(before[-1]):
            frames.append((0, found.start()))
    return frames


def characterisations(text: str, kind: str | None = None) -> list[str]:
    """An outlet's characterisation in the sentence's own voice (data/characterisation_markers
    .txt; one `kind`, or both): "China steps up its harassment of ...", "a social welfare
    spending bill", "the hawkish senator". Quoted words, words of a name ("Epic Games"), a verb
    ("Protests sweeping the country") and words an attribution frames pass."""
    plain = outside_quotes(text)
    frames = _attribution_frames(plain)
    kinds = (kind,) if kind else (FRAMING, MODIFIER)
    return [
        entry
        for k in kinds
        for entry, pattern in _characterisations()[k]
        if any(
            _characterises(plain, *found.span())
            and not any(start <= found.start() < end for start, end in frames)
            for found in pattern.finditer(plain)
        )
    ]


# Verbs after which an "-ing" word is a predicate ("was harrowing for the family"), not a verb.
_COPULAS = frozenset({"is", "are", "was", "were", "be", "been", "being", "seemed", "seems"})


def _characterises(text: str, start: int, end: int) -> bool:
    """The entry at `start`:`end` is the sentence's characterisation: no part of a name, nor
    an "-ing" word that is a verb ("Protests sweeping the country": before a stop word and
    after no copula)."""
    if _in_name(text, start, end):
        return False
    following = _WORD.match(text, end + len(text[end:]) - len(text[end:].lstrip()))
    before = _WORD.findall(text[:start])
    participle = (
        text[start:end].lower().endswith("ing")
        and following is not None
        and following.group().lower() in _NO_NOUN_NEXT
        and bool(before)
        and before[-1].lower() not in _COPULAS
    )
    return not participle


def _in_name(text: str, start: int, end: int) -> bool:
    """The words at `start`:`end` are part of a name: capitalised inside the sentence, or
    before another capitalised word ("Epic Games")."""
    if not text[start : start + 1].isupper():
        return False
    opening = not re.search(r"[\w,;:]", text[:start])
    return not opening or bool(re.match(r"\s+[A-Z]", text[end:]))


# An intensifier that goes with the modifier it strengthens ("the most momentous week").
_INTENSIFIER_BEFORE = re.compile(r"\b(?:most|more|very|so|too|increasingly|highly)\s+$", re.I)
# What a droppable modifier must stand before: a word, figure or amount it qualifies ("enormous
# relief effort", "sweeping $4 trillion agenda"), not a coordination, a determiner, a pronoun
# or a preposition (`_NO_NOUN_NEXT`: in "sweeping the country", "sweeping across Florida" the
# modifier is a verb), nor the end of a clause.
_QUALIFIED = re.compile(r"\s+(?=[\w$])")
_NO_NOUN_NEXT = frozenset(
    {
        *("the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their"),
        *("our", "my", "your", "some", "any", "every", "each", "no", "it", "them", "him"),
        *("us", "me", "you", "and", "or", "but", "nor", "as", "than", "so", "yet", "to"),
        *("across", "about", "after", "against", "along", "among", "around", "at", "before"),
        *("behind", "between", "beyond", "by", "during", "for", "from", "in", "into", "near"),
        *("of", "off", "on", "onto", "out", "over", "past", "since", "through", "toward"),
        *("towards", "under", "until", "up", "upon", "with", "within", "without", "down"),
    }
)


def without_modifiers(text: str) -> str:
    """The sentence without the evaluative modifiers of its own voice (the MODIFIER entries)
    where each stands before what it qualifies: "the government's enormous relief effort" ->
    "the government's relief effort". Quoted words stay; a modifier that is the predicate ("was
    chaotic.") or coordinated ("chaotic and deadly") stays, for the attribution to carry."""
    for _ in range(len(text)):  # each pass removes one modifier; bounded by the text's length
        changed = _drop_one_modifier(text)
        if changed == text:
            return text
        text = changed
    return text


def _drop_one_modifier(text: str) -> str:
    quoted = [m.span() for m in _QUOTED.finditer(text)]
    for _entry, pattern in _characterisations()[MODIFIER]:
        for found in pattern.finditer(text):
            start, end = found.span()
            after = _QUALIFIED.match(text, end)
            if after is None or any(a <= start < b for a, b in quoted):
                continue
            following = _WORD.match(text, after.end())
            if following and following.group().lower() in _NO_NOUN_NEXT:
                continue
            if _in_name(text, start, end):
                continue
            intensifier = _INTENSIFIER_BEFORE.search(text, 0, start)
            start = intensifier.start() if intensifier else start
            head, tail = text[:start], text[after.end() :]
            head = _article_for(head, tail)
            if not head.strip():
                tail = tail[:1].upper() + tail[1:]
            return head + tail
    return text


def _article_for(head: str, tail: str) -> str:
    """`head` with a closing "a"/"an" that fits the word `tail` opens with; as written when
    the word opens with no letter ("an 11-point lead")."""
    article = re.search(r"\b([Aa])(n?)\s+$", head)
    word = tail.split(" ", 1)[0].rstrip(",;:!?")
    if article is None or not word[:1].isalpha():
        return head
    if word[:2].isupper() or "." in word.rstrip("."):  # read by its letters ("a U.S.")
        vowel = word[:1] in _VOWEL_LETTER_NAMES
    elif word.lower().startswith(_SILENT_H):
        vowel = True
    else:
        vowel = word[:1].lower() in "aeiou" and not word.lower().startswith(_CONSONANT_SOUNDS)
    return head[: article.start()] + article.group(1) + ("n" if vowel else "") + " "


# Letters whose names open with a vowel sound ("an FBI agent"), and vowel spellings that open
# with a consonant sound ("a union", "a one-time", "a European").
_VOWEL_LETTER_NAMES = frozenset("AEFHILMNORSX")
_CONSONANT_SOUNDS = ("uni", "use", "usu", "one", "once", "eu")
# Words whose "h" is silent ("an honor", "an hour", "an heir").
_SILENT_H = ("honor", "honour", "hour", "honest", "heir")


# A closing clause after a comma or dash that only frames the report before it ("..., in what
# could be a test of the law"): what is before it must be a sentence of at least this many
# words. A closing participle ("..., essentially forcing Italians to choose", "..., underscoring
# his maneuvering") is not cut: on the dev set's tune part it marked sentences whose head was
# the analysis too ("has strained the Western alliance, foreshadowing ..."), and it may hold a
# fact.
MIN_HEAD_WORDS = 8
_CLOSING_CLAUSE = re.compile(
    r"(?:,|\s[—–])\s+(?P<tail>in what (?:could|would|may|might|appears|seems|was|is)\b"
    r"[^,—–“\"]*?)[.!]?$"
)


def without_interpreting_clause(text: str) -> str:
    """The sentence without a closing clause that interprets in the writer's voice while what
    precedes it reports plainly ("A doctor has been sued, in what could be a test of the
    law." -> "A doctor has been sued."); unchanged otherwise."""
    closing = _CLOSING_CLAUSE.search(text)
    if closing is None or not interprets(closing.group("tail")):
        return text
    head = text[: closing.start()].rstrip()
    if len(_WORD.findall(head)) < MIN_HEAD_WORDS or interprets(head) or characterisations(head):
        return text
    return head if head[-1:] in ".!?" else head + "."


# A booster set off by commas (", of course,") goes with its commas; a booster after these
# words is part of a hedge ("almost certainly", "not necessarily") and stays. "most" goes with
# its booster ("most certainly" boosts twice).
_HEDGING_BEFORE = frozenset({"almost", "nearly", "not", "less", "more", "all"})
# Fixed phrases that hold a booster's words but boost nothing the sentence could lose: "slowly
# but surely", "surely enough"; "of course" after a word ("a change of course", "a matter of
# course") is a noun's, and goes only as an aside set off by commas.
_FIXED_BEFORE = frozenset({"but"})
_FIXED_AFTER = re.compile(r"enough\b", re.I)
_ONLY_AS_ASIDE = frozenset({"of course"})


@cache
def _boosters() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """The @booster entries of data/interpretation_markers.txt, each with its pattern: set off
    by commas or not, after an optional "most"."""
    return tuple(
        (
            entry,
            re.compile(
                rf"(,\s+)?(?<![\w-])(?:most\s+)?(?P<entry>{re.escape(entry)})(?![\w-])(?(1),)\s+",
                re.I,
            ),
        )
        for entry in _interpretation_sections().get(BOOSTER, ())
    )


def without_boosters(text: str) -> str:
    """The sentence without the boosters of its own voice (the @booster entries of
    data/interpretation_markers.txt): "The flood was undoubtedly the worst in a decade." ->
    "The flood was the worst in a decade."; ", of course," goes with its commas. Quoted words
    stay, and so does a booster inside a hedge ("almost certainly") or a fixed phrase ("slowly
    but surely", "a change of course")."""
    for entry, pattern in _boosters():
        for found in reversed(list(pattern.finditer(text))):
            before = _WORD.findall(text[: found.start()])
            quoted = any(a <= found.start() < b for a, b in _spans(_QUOTED, text))
            hedged = bool(before) and before[-1].lower() in _HEDGING_BEFORE
            if quoted or hedged or _in_fixed_phrase(text, *found.span("entry"), entry):
                continue
            head, tail = text[: found.start()], text[found.end() :]
            if found.group(1):  # "The plan, of course, failed." -> "The plan failed."
                head += " "
            elif not head.strip():
                tail = tail[:1].upper() + tail[1:]
            text = head + tail
    return text


def _in_fixed_phrase(text: str, start: int, end: int, entry: str) -> bool:
    """The booster `entry` at text[start:end] is part of a fixed phrase (_FIXED_BEFORE,
    _FIXED_AFTER, _ONLY_AS_ASIDE) and boosts nothing."""
    before = text[:start].rstrip()
    after_word = bool(_WORD.search(before)) and not before.endswith(",")
    return (
        (bool(before) and before.split()[-1].lower() in _FIXED_BEFORE)
        or bool(_FIXED_AFTER.match(text[end:].lstrip()))
        or (entry in _ONLY_AS_ASIDE and after_word)
    )


def _spans(pattern: re.Pattern[str], text: str) -> list[tuple[int, int]]:
    return [found.span() for found in pattern.finditer(text)]


# An aside between two dashes that interprets in the writer's voice ("the platform demoted –
# effectively hiding from view – videos that ..."): the sentence reads whole without it. A
# dash is also typed as two hyphens ("a tangible -- and absolutely necessary -- commitment").
_DASH = r"(?:[—–]|--)"
_DASH_ASIDE = re.compile(rf"\s+{_DASH}\s+(?P<aside>(?:(?!--)[^—–“\"”]){{1,80}}?)\s+{_DASH}\s+")


def without_interpreting_aside(text: str) -> str:
    """The sentence without an aside between dashes that interprets ("..., the platform
    demoted – effectively hiding from view – videos that spread ..." -> "..., the platform
    demoted videos that spread ..."); an aside that holds no interpretation marker (a fact:
    "– public and private –") stays."""
    for found in reversed(list(_DASH_ASIDE.finditer(text))):
        if interprets(found.group("aside")):
            text = f"{text[: found.start()]} {text[found.end() :]}"
    return text


def plain_rewrite(text: str) -> str:
    """The one plain rewrite of a line in an outlet's own voice: its evaluative modifiers and
    boosters dropped, an interpreting aside between dashes and a closing "in what could be"
    clause cut. What is left claims no more than the article: hedges stay."""
    # The aside goes first: a booster is what marks "-- and absolutely necessary --" as the
    # writer's judgement, and dropping it first would leave "-- and necessary --" as fact.
    plain = without_boosters(without_modifiers(without_interpreting_aside(text)))
    return without_interpreting_clause(plain)


# A news report may interpret in one sentence of its own voice (a ruling "a blow to" one
# side); an analysis interprets throughout: in at least this many of its sentences, the
# headline counted, and in at least this share of them (two interpreting lines in a long report
# are still a report's). Hedges (the @hedge section: "appeared to", "probably") are not
# counted: a report hedges what it cannot confirm. On the dev set's tune part (excerpts of 3
# to 7 sentences) the articles this reads as analysis interpret in a quarter to a third of
# their sentences.
ANALYSIS_VOICE_SENTENCES = 2
ANALYSIS_VOICE_SHARE = 0.2
HEDGE = "hedge"


def inside_headline(title: str) -> bool:
    """A headline of the "Inside ..." form: a feature's teaser, no title for a brief, and an
    analysis's only over a body that interprets (`opinion_reason`)."""
    return bool(_INSIDE_HEADLINE.match(title))


# A story's lead sentence, told from a headline written as a sentence ("A senior U.S. diplomat
# to Haiti resigns, citing the Biden administration’s ‘inhumane’ deportation policy."): news
# headlines drop the auxiliary verbs ("resigns", not "has resigned"; "to testify", not "will
# testify"), the day and the attribution a lead carries ("Alaska’s largest hospital has begun
# rationing care", "... issued an order on Monday", "..., the IMF said"), and tell past news in
# the present ("resigns", not "resigned"; "Leaders meet", not "Leaders met"), in one sentence
# without a dateline.
_LEAD_AUXILIARY = re.compile(
    r"\b(?:is|are|was|were|has|have|had|will|would|did|does|been|being)\b", re.IGNORECASE
)
# A verb in the past tense, regular ("issued", "voted"; not "need", "freed") or one of the
# irregular forms that tell news ("met", "won", "fell"); a participle ("Man charged with
# fraud") reads the same, and such a line stays body text, as it was before this rule.
_PAST_TENSE = re.compile(
    r"\b(?:[a-z]{2,}(?<!e)ed|met|won|took|gave|came|went|fell|rose|began|spoke|saw|sent|made)\b"
)
_WEEKDAY_WORD = re.compile(rf"\b{WEEKDAY}\b")


def reads_as_lead(text: str) -> bool:
    """`text` reads as a story's lead sentence rather than its headline (`_LEAD_AUXILIARY`):
    several sentences, a dateline or byline first, an auxiliary verb, a verb in the past tense
    (`_PAST_TENSE`), a day or an attribution outside quotes."""
    plain = outside_quotes(text)
    return bool(
        len(_ROUGH_SENTENCE_END.split(text.strip())) > 1
        or _without_lead(text) != text
        or _LEAD_AUXILIARY.search(plain)
        or _PAST_TENSE.search(plain)
        or _WEEKDAY_WORD.search(plain)
        or _RELATIVE_DAY.search(plain)
        or ATTRIBUTION.search(plain)
    )


def _own_interpretation(text: str) -> bool:
    """`text` interprets in the writer's voice (`interprets`), hedges aside: a report hedges
    what it cannot confirm."""
    return bool(set(interprets(text)) - set(_interpretation_sections().get(HEDGE, ())))


def _voiced(text: str) -> bool:
    """Some sentence of `text` (an article's body, split roughly) interprets in the writer's
    voice (`_own_interpretation`): enough for an "Inside ..." headline to promise an analysis,
    where `reads_as_analysis` asks a share of the sentences of an article with no such
    headline."""
    return any(_own_interpretation(part) for part in _ROUGH_SENTENCE_END.split(text))


def reads_as_analysis(title: str | None, sentences: Iterable[str]) -> bool:
    """The article interprets in its own voice (`interprets`, hedges aside) in
    ANALYSIS_VOICE_SENTENCES of its sentences or more, and in ANALYSIS_VOICE_SHARE of them,
    its headline counted: evidence that its lines are an analysis's, not a report's that uses
    an interpretive word or two."""
    texts = [text for text in (title or "", *sentences) if text]
    voiced = sum(_own_interpretation(text) for text in texts)
    return voiced >= max(ANALYSIS_VOICE_SENTENCES, ANALYSIS_VOICE_SHARE * len(texts))


# The nouns newspapers' names end in: such a name takes "the" in running text ("the Washington
# Times reported") and is shortened to the noun at a second reference ("the Times").
_NEWSPAPER_NOUNS = (
    "Times|Post|Journal|Examiner|Tribune|Herald|Monitor|Telegraph|Gazette|Dispatch|Inquirer|"
    "Chronicle|Globe|Register|Sun|Star"
)
# Outlet names that take "the" in running text: newspapers' and other names ("the Hill").
_THE_OUTLET = re.compile(
    rf"\b(?:{_NEWSPAPER_NOUNS}|Guardian|Independent|Hill|Wire|Caller|Beacon|Federalist|Blaze|"
    r"Atlantic|Economist|Verge|Intercept|Spectator|Press|Street Journal|Republic)$"
)
# The section or medium a dev-set style outlet name carries: "Fox News (Online News)".
_OUTLET_SECTION = re.compile(r"\s*\([^()]{1,30}\)\s*$")


def outlet_name(outlet: str | None) -> str:
    """The outlet's name without its section label ("Fox News (Online News)" -> "Fox News")."""
    return _OUTLET_SECTION.sub("", outlet or "").strip()


def outlet_in_text(outlet: str | None) -> str | None:
    """The outlet's name as a sentence names it: without its section label, with "the" where
    newspapers take it ("Washington Times" -> "the Washington Times", "The Hill" -> "the
    Hill", "Fox News (Online News)" -> "Fox News"); None without a name."""
    name = outlet_name(outlet)
    if not name:
        return None
    if name.lower().startswith("the "):
        return "the " + name[4:]
    return f"the {name}" if _THE_OUTLET.search(name) else name


# A newspaper's second reference is the noun its name ends in ("the Christian Science Monitor"
# is "the Monitor", "the New York Times" "the Times"; AP style and newsroom usage); a name of
# one word after "the" stays whole ("the Hill"), and so does one whose last word is no
# newspaper's noun ("the Associated Press", "the Daily Wire").
_SECOND_REFERENCE_NOUN = re.compile(rf"\b(?:{_NEWSPAPER_NOUNS}|Bee|Courant|Enquirer|Observer)$")
# An acronym opening a longer name is the outlet's short name ("AP Politics & Fact Check" is
# "AP", "CNN Politics" "CNN", "NBC News" "NBC").
_LEADING_ACRONYM = re.compile(r"^([A-Z]{2,})\s+\S")


def outlet_short_name(outlet: str | None) -> str | None:
    """The outlet's second reference in running text (`outlet_in_text` shortened as
    newspapers shorten it): "the Monitor", "the Post", "AP"; the name as written where no short
    form is usual ("Deseret News", "the Hill", "the Associated Press"); None without a name."""
    name = outlet_in_text(outlet)
    if name is None:
        return None
    acronym = _LEADING_ACRONYM.match(name)
    if acronym:
        return acronym.group(1)
    words = name.split()
    if words[0] == "the" and len(words) > 2 and _SECOND_REFERENCE_NOUN.search(name):
        return f"the {words[-1]}"
    return name


def outlet_possessive(name: str) -> str:
    """A name's possessive as news copy writes it: "AP's", "the Monitor's", "Axios'"."""
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def without_back_references(text: str) -> str:
    """The sentence less the connectives that tie it to an earlier one: "However, the Kremlin
    denied it" -> "The Kremlin denied it", "Putin also said" -> "Putin said", "Putin,
    meanwhile, demanded" -> "Putin demanded"; and less the wire's "here" for its dateline's
    place, which the brief does not print ("a statement from Hochul here on Saturday"). Only
    words that add no fact are removed."""
    text = _DROPPABLE_OPENER.sub("", text, count=1)
    head, quoted = _split_at_first_quote(text)
    head = _DROPPABLE_INSIDE.sub(lambda m: "" if m.group(0).strip() == "also" else " ", head)
    head = _without_dateline_here(head)
    text = head + quoted
    return text[:1].upper() + text[1:]


def _split_at_first_quote(text: str) -> tuple[str, str]:
    match = re.search(r"[“\"]", text)
    return (text, "") if match is None else (text[: match.start()], text[match.start() :])


def first_person(text: str) -> bool:
    """First-person words in the brief's own voice ("US" the country is not "us")."""
    plain = outside_quotes(text)
    return bool(_FIRST_PERSON.search(plain))


def addresses_reader(text: str) -> bool:
    """The reader addressed outside quotation marks ("You may have noticed ...", "If you
    drive, your route ..."): a feature's or a service page's voice, never a neutral brief's,
    which reports to the reader rather than speaking to them. An attributed sentence reports
    whom a speaker addressed ("Biden said you cannot ..."), and a capitalised "You" after the
    first word is a title's ("The Netflix series You returns ...")."""
    plain = outside_quotes(text)
    if is_attributed(plain):
        return False
    return any(
        found.group(0)[0].islower() or not plain[: found.start()].strip(" \"“‘'(")
        for found in _SECOND_PERSON.finditer(plain)
    )


# A feature sets its scene with people in general as the subject and a predicate that
# generalises ("People in many places discovered that ...", "For five hours on Monday, the
# world got a taste of life without ...", "People everywhere have learned to ..."); a report
# says who, how many, what happened or according to whom. After an optional opening phrase:
# the bare subject (never a possessive, "People's Bank", nor one a clause narrows, "people
# living near the plant"), then at once a verb of coming to know or feel, or a present form of
# one. An event verb ("lost power", "were evacuated", "lined up") is a report's, never flagged.
_GENERIC_SUBJECT = re.compile(
    r"^(?:(?i:for|in|on|across|around|after|during|since|these)\b[^,]{0,80},\s*)?"
    r"(?:(?:[Mm]any|[Mm]ost|[Ss]ome)\s+people|[Pp]eople|[Tt]he world)(?![\w'’])"
    r"(?:\s+(?:everywhere|(?:in|across|around)\s+(?:many|most|the)\s+[a-z]+))?\s+"
    r"(?:(?:have|has)\s+(?:long\s+|all\s+|now\s+)?(?:learned|learnt|wondered|discovered|"
    r"realised|realized|come\s+to|grown\s+used|gotten\s+used|noticed)|"
    r"(?:are|is)\s+(?:now\s+)?(?:rethinking|reconsidering|spending\s+more|discovering|"
    r"learning\s+to|wondering|getting\s+used)|"
    r"(?:discovered|learned|realised|realized|found)\s+(?:that|how)|"
    r"(?:got|gets|get)\s+a\s+taste\s+of|went\s+quiet|stood\s+still)\b"
)
_FIGURE = re.compile(r"\d")


def sets_scene(text: str) -> bool:
    """A feature's scene-setting generalisation in the brief's voice (see _GENERIC_SUBJECT):
    people in general as the subject, nothing attributed and no figure."""
    plain = outside_quotes(text)
    found = _GENERIC_SUBJECT.match(plain)
    return bool(found) and not is_attributed(plain) and not _FIGURE.search(plain)


def asks(text: str) -> bool:
    """A question outside quotation marks: a writer's rhetorical question, not a report."""
    return outside_quotes(text).rstrip().rstrip("\"'”’)").endswith("?")


# Clutter that cleaning missed: fragments too short, or without a lowercase word, to be a claim.
MIN_CLAIM_WORDS = 5
# Letters only: "don't" counts as two words here.
_LETTER_RUN = re.compile(r"[^\W\d_]+")


def looks_like_clutter(text: str) -> bool:
    """A fragment rather than a statement (claims.drop_clutter): too few words, or no lowercase
    word at all (headline-style promos, navigation, names in a byline)."""
    words = _LETTER_RUN.findall(text)
    if len(words) < MIN_CLAIM_WORDS:
        return True
    return not any(word.islower() and len(word) > 2 for word in words)


def is_fragment(text: str) -> bool:
    """Not a sentence a reader can take alone: starts in lower case, too short, ends without
    sentence punctuation, or has no lower-case word (a headline or label)."""
    text = strip_dateline(text)
    words = _WORD.findall(text)
    if len(words) < MIN_SENTENCE_WORDS or (
        not text[:1].strip('“"‘(').isupper() and not (text[:1] in '“"‘(' and text[1:2].isupper())
    ):
        return True
    if not re.search(r"[.!?][\"'”’)\]]*$", text.rstrip()):
        return True
    return not any(word.islower() and len(word) > 3 for word in words)


def sentence_problems(text: str, before: str | None = None) -> list[str]:
    """The rules `text` breaks as a brief sentence (empty when it is fit); `before` is the
    brief before it, None while its place is not known (see `unintroduced_reference`)."""
    checks = (
        (TRUNCATED, is_truncated),
        (UNBALANCED, unbalanced),
        (QUOTE_WITHOUT_SPEAKER, quote_without_speaker),
        (DATELINE_LEFT, lambda t: strip_dateline(t) != t.strip()),
        (NEEDS_CONTEXT, needs_context),
        (FIRST_PERSON, first_person),
        (FRAGMENT, is_fragment),
        (QUESTION, asks),
        (SECOND_PERSON, addresses_reader),
        (SCENE_SETTING, sets_scene),
        (LOADED, lambda t: bool(loaded_outside_quotes(t))),
        (UNINTRODUCED, lambda t: unintroduced_reference(t, before) is not None),
        (PREVIEW_DONE, lambda t: previews_done(t, before)),
        (UNCONNECTED_EXAMPLE, lambda t: unconnected_example(t, before)),
        (INTERPRETATION, lambda t: bool(interprets(t))),
        (CHARACTERISATION, lambda t: bool(characterisations(t))),
        (STALE_LIVE, live_moment),
        (UNBOUND_IT, unbound_object_it),
    )
    return [name for name, check in checks if check(text)]


# -- people ----------------------------------------------------------------------------------

_NAME_WORD = r"[A-Z][a-z]+(?:-[A-Z]?[a-z]+|['’][A-Z][a-z]+)?"
_NAME = re.compile(rf"\b{_NAME_WORD}(?:\s+[A-Z]\.)?(?:\s+{_NAME_WORD})+")


# Names run to three words ("Mark A. Milley", "Martin Luther King"); a longer run of capitalised
# words is a role or a place before a first name and surname.
MAX_NAME_WORDS = 3


def full_names(texts: Iterable[str]) -> dict[str, str]:
    """Surname -> the most frequent full name ending in it ("Ushakov" -> "Yuri Ushakov"),
    for names of two or three capitalised words in the texts; a surname the texts give two
    people (`shared_surnames`) maps to neither (`names_and_shared`)."""
    return names_and_shared(texts)[0]


def shared_surnames(texts: Iterable[str]) -> frozenset[str]:
    """Surnames the texts give two people in full ("Joe Biden", "Hunter Biden"): a lone
    "Biden" or "Mr. Biden" may be either, so it is never written out or named into a
    pronoun's place (`names_and_shared`)."""
    return names_and_shared(texts)[1]


def names_and_shared(texts: Iterable[str]) -> tuple[dict[str, str], frozenset[str]]:
    """`full_names` and `shared_surnames` of the texts, read in one pass."""
    texts_seen = list(texts)
    counts = _name_counts(texts_seen)
    people = _used_as_people(texts_seen)
    shared = _shared(counts, people)
    found: dict[str, str] = {
        surname: max(names, key=lambda n: (names[n], n))
        for surname, names in counts.items()
        if surname in people and surname not in shared
    }
    family = _family_names_first(counts, people, found)
    if family:  # a person's name only where the articles give it a role ("Taiwan Strait" has none)
        given = roles(texts_seen, set(family.values()))
        found |= {word: full for word, full in family.items() if full in given}
    return found, shared


# Words after which a capitalised word is a place, not a given name ("In Delaware Biden ...").
_BEFORE_PLACE = frozenset({"in", "at", "from", "across", "near", "outside", "throughout"})


def _name_counts(texts: Iterable[str]) -> dict[str, dict[str, int]]:
    """Surname -> each full name (two or three capitalised words) ending in it -> how often.
    A capitalised word after "in", "at" ... is a place ("In Delaware Biden rested"); one that
    opens the sentence and that the texts also write in lower case ("Money Biden raised", "the
    money") is no given name, though the same word inside a sentence is ("the bill", "former
    President Bill Clinton")."""
    texts_seen = list(texts)
    lower = {word for text in texts_seen for word in _WORD.findall(text) if word.islower()}
    counts: dict[str, dict[str, int]] = {}
    for text in texts_seen:
        for match in _NAME.finditer(text):
            words = match.group(0).split()
            parts = _name_parts(match.group(0))
            opening = words[: len(words) - len(parts)]
            if opening and opening[-1].lower() in _BEFORE_PLACE:
                parts = parts[1:]
            elif not opening and not _WORD.search(text[: match.start()]):
                parts = parts[1:] if parts[0].lower() in lower else parts
            if len(parts) > MAX_NAME_WORDS:  # a role before it: "New Jersey Democrat Bob Menendez"
                parts = parts[-2:]
            if len(parts) < 2 or any(_not_given(part) for part in parts):
                continue
            name = " ".join(parts)
            counts.setdefault(parts[-1], {}).setdefault(name, 0)
            counts[parts[-1]][name] += 1
    return counts


# Given names of one person in different forms share their first letters ("Jeff" and
# "Jeffrey", "Joe" and "Joseph", "Mike" and "Michael"), or are forms of one name listed in
# data/given_name_forms.txt ("Bob" and "Robert"); two people's rarely are either.
SAME_GIVEN_NAME_LETTERS = 2
# A capitalised word before a surname that opens a sentence as a participle ("Welcoming Putin's
# planned visit, Xi said ...") is no given name.
_PARTICIPLE = re.compile(r"[a-z]{2,}ing$")


@cache
def _given_name_forms() -> dict[str, frozenset[str]]:
    """Each form of a given name -> every form of that name (data/given_name_forms.txt)."""
    forms: dict[str, frozenset[str]] = {}
    for line in data_lines("given_name_forms.txt"):
        group = frozenset(line.lower().split())
        for word in group:
            forms[word] = forms.get(word, frozenset()) | group
    return forms


# A plural or past form's base shorter than this is no evidence of a common word ("Reed" less
# "ed" is "re").
MIN_BASE_LETTERS = 3
# English plurals in "-es" follow a hissing sound ("speeches", "taxes"); "Jones" or "James" is
# "Jone" or "Jame" plus "s", never "jon" or "jam".
_SIBILANT_ES = re.compile(r"(?:s|x|z|ch|sh)es$")


@cache
def frequent_words() -> frozenset[str]:
    """The whole lower-case words of the shipped MiniLM model's WordPiece vocabulary (its
    vocab.txt): the ~21,000 most frequent words of the English text it was trained on. The
    vocabulary has no case, so names are among them ("ahmed", "williams"); empty when the
    model package is not installed."""
    folder = packaged_minilm()
    vocab = folder / "vocab.txt" if folder is not None else None
    if vocab is None or not vocab.is_file():
        return frozenset()
    words = vocab.read_text("utf-8").split()
    return frozenset(word for word in words if word.isalpha() and word.islower())


def base_forms(word: str) -> set[str]:
    """The base forms a plural or past form may come from: "images" -> "image", "speeches" ->
    "speech", "agencies" -> "agency", "asked" -> "ask", "based" -> "base", "stopped" -> "stop",
    "worried" -> "worry"."""
    found: set[str] = set()
    if word.endswith("ies") or word.endswith("ied"):
        found.add(word[:-3] + "y")
    elif word.endswith("s") and not word.endswith(("ss", "us", "is")):
        found.add(word[:-2] if _SIBILANT_ES.search(word) else word[:-1])
    elif word.endswith("ed"):
        stem = word[:-2]
        found |= {stem, word[:-1]}
        if len(stem) > 1 and stem[-1] == stem[-2]:
            found.add(stem[:-1])
    return {base for base in found if len(base) >= MIN_BASE_LETTERS}


def inflected_common_word(word: str) -> bool:
    """`word` is a plural or past form of a frequent English word ("Images", "Speculations",
    "Doctors", "Asked"): its base is a whole word of `frequent_words`, and neither it nor its
    base is a given name ("Williams" is "William" plus "s") or a name of
    data/name_aliases.txt ("Republicans"). The vocabulary holds names too, so only a word that
    nothing else shows to be a name may be read by this: "Ahmed" ("ahm") and "Haugen" pass
    as names anyway."""
    lower = word.lower()
    bases = base_forms(lower)
    names = _known_names() | set(_given_name_forms())
    return bool(bases & frequent_words()) and not ({lower} | bases) & names


@cache
def _known_names() -> frozenset[str]:
    """The one-word names of data/name_aliases.txt: peoples, parties and places whose words
    are always capitalised ("Republicans", "Americans", "Democrats")."""
    return frozenset(
        name.strip()
        for line in data_lines("name_aliases.txt")
        for name in line.split(",")
        if name.strip() and " " not in name.strip()
    )


def _same_given_name(first: str, second: str) -> bool:
    """Two given names that may be one person's: alike at the start, or forms of one name."""
    alike = first[:SAME_GIVEN_NAME_LETTERS] == second[:SAME_GIVEN_NAME_LETTERS]
    return alike or second.lower() in _given_name_forms().get(first.lower(), frozenset())


def _shared(counts: Mapping[str, Mapping[str, int]], people: Collection[str]) -> frozenset[str]:
    """The surnames of `people` whose full names in `counts` are two people's: given names
    that share no word and are no forms of one name (`_same_given_name`). A capitalised word
    before a name that is a role or a place ("Staff Colin Powell", "Haiti Daniel Foote")
    shares the given name; a function word or a participle ("Welcoming Putin") is none, but a
    given name of data/given_name_forms.txt that is also a stop word is one ("Bill")."""

    def given(name: str) -> list[str]:
        return [
            word
            for word in name.split()[:-1]
            if not _PARTICIPLE.search(word)
            and (word.lower() not in english_stop_words() or word.lower() in _given_name_forms())
        ]

    def two(names: Iterable[str]) -> bool:
        firsts = [words for words in map(given, names) if words]
        return any(
            not set(first) & set(second) and not _same_given_name(first[0], second[0])
            for number, first in enumerate(firsts)
            for second in firsts[number + 1 :]
        )

    return frozenset(surname for surname in people if two(counts.get(surname, {})))


def _family_names_first(
    counts: Mapping[str, Mapping[str, int]], people: Collection[str], found: Mapping[str, str]
) -> dict[str, str]:
    """Family name -> full name for names written family name first ("Chiu Kuo-cheng", whom
    the articles then call "Chiu"): the first word is used alone as a person and the last,
    a given name romanised with a hyphen ("Kuo-cheng", "Ing-wen", "Jae-in"), never is.
    Pinyin given names have no hyphen ("Xi Jinping"): those stay unread, as before, since a
    capitalised pair without the hyphen is as often a place or a product ("Taiwan Strait",
    "Google Ads"). Candidates: `full_names` keeps those the articles give a role."""
    first: dict[str, dict[str, int]] = {}
    for surname, names in counts.items():
        if surname in people or "-" not in surname:
            continue
        for name, times in names.items():
            family = name.split()[0]
            if family in people and family not in found:
                first.setdefault(family, {}).setdefault(name, 0)
                first[family][name] += times
    return {family: max(names, key=lambda n: (names[n], n)) for family, names in first.items()}


def _name_parts(run: str) -> list[str]:
    """The words of a run of capitalised words less the function words and titles before the
    name ("In Washington" -> ["Washington"], "President Joe Biden" -> ["Joe", "Biden"])."""
    parts = run.split()
    while parts and (parts[0].lower() in _stopwords() or _not_given(parts[0])):
        parts = parts[1:]
    return parts


def _not_given(word: str) -> bool:
    """A capitalised word that is never a given name: one of _NOT_FIRST, or a role, also a
    former one ("Mayor Adams", "Candidate Trump", "Ex-President Trump")."""
    return word in _NOT_FIRST or word.lower().removeprefix("ex-") in _ROLE_NOUN_WORDS


def _used_as_people(texts: Iterable[str]) -> set[str]:
    """Capitalised words the texts use as people do: alone (after a first mention), before a
    verb of saying, or after a title ("Mr.", "Sen."). One pass over the texts."""
    found: set[str] = set()
    for text in texts:
        found.update(
            match.group(0)
            for match in _CAPITAL.finditer(text)
            if _alone(text, match.start(), match.end())
        )
        found.update(_TITLED.findall(text))
    return found


# A capitalised word; a possessive "'s" is not part of it ("Biden's" is Biden).
_CAPITAL = re.compile(rf"\b{_NAME_WORD}\b")
# Nouns that end a role given before a name ("Kremlin foreign policy adviser Yuri Ushakov").
_ROLE_NOUNS = (
    "adviser|advisor|aide|spokesman|spokeswoman|spokesperson|minister|secretary|president|"
    "senator|governor|director|chief|chairman|chairwoman|chair|leader|ambassador|official|"
    "envoy|judge|justice|commander|general|professor|analyst|economist|lawyer|attorney|mayor|"
    "representative|congressman|congresswoman|CEO|founder|executive|prosecutor|comedian|actor|"
    "candidate|nominee|correspondent|anchor|host|editor|columnist|diplomat|officer|speaker|"
    "lawmaker"
)
_ROLE_NOUN_WORDS = frozenset(_ROLE_NOUNS.lower().split("|"))
# A surname after a title is a person's ("Sen. Manchin").
_TITLE_ABBREVIATIONS = "Mr|Mrs|Ms|Dr|Sen|Rep|Gov|Gen"
# A role ending right before a name: up to four words and a role noun, written in lower case
# ("former governor") or as a title ("Senate Minority Leader", "Attorney General").
# A title ("Dr.", "Gen.") may stand between the role and the name.
_ROLE_ENDING = re.compile(
    rf"(?<![\w’'.-])(?P<role>(?:[\w’'.-]+\s+){{0,4}}?(?:[\w’'.]+-)?(?i:{_ROLE_NOUNS})"
    rf"(?:\s+(?:{_TITLE_ABBREVIATIONS})\.)?)\s+$"
)
# A role held at the time the sentence tells of ("then-President"), not the person's role.
_RELATIVE_TIME = re.compile(r"\bthen\b", re.IGNORECASE)
# How far before a name its role is looked for, in characters: five words of a role.
_ROLE_REACH = 80
# Words that end the clause before a role ("said", "according to") and never start one; read
# case-sensitively, as verbs are written in lower case: "States", "Reports" and "Claims" in a
# role are nouns of a name ("the United States special envoy").
_CLAUSE_WORDS = SAYING_VERBS | {"—", "-", "–"}
_TITLED = re.compile(rf"\b(?:{_TITLE_ABBREVIATIONS})\.?\s+([A-Z][a-z]+)\b")

# Capitalised words that start a sentence or a title, never a first name.
_NOT_FIRST = frozenset(
    {
        *("The", "A", "An", "In", "On", "At", "For", "As", "But", "And", "If", "When", "While"),
        *("President", "Prime", "Minister", "Chancellor", "Secretary", "Senator", "Sen"),
        *("Rep", "Gov", "Governor", "Judge", "Justice", "General", "Gen", "Mr", "Mrs", "Ms"),
        *("Dr", "Chinese", "Russian", "American", "British", "French", "Ukrainian", "German"),
        *("Former", "Kremlin", "White", "House", "Democratic", "Republican", "Supreme", "Court"),
        *("Foreign", "Defense", "State", "Vice", "Deputy", "Chief", "Attorney", "Speaker"),
        *("Department", "Ministry", "Office", "Agency", "Committee", "Council", "Party", "Bureau"),
        *("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
        *("January", "February", "March", "April", "May", "June", "July", "August"),
        *("September", "October", "November", "December", "Jan", "Feb", "Mar", "Apr", "Aug"),
        *("Sept", "Sep", "Oct", "Nov", "Dec"),
        # A camp named by its leader ("Team Biden wants ...") is no first name.
        *("Team", "Camp"),
        # Nouns that end an organisation's name, never part of a person's: "Black Male Voter
        # Project" names no "Voter Project".
        *("Project", "Institute", "Foundation", "Coalition", "Association", "Alliance"),
        "Network",
    }
)


def surnames_before_full_mention(text: str, mentioned: str, names: dict[str, str]) -> list[str]:
    """Surnames `text` uses alone (not inside a longer capitalised name) whose full name (in
    `names`) neither `mentioned` (the brief so far) nor `text` gives before, and that no role
    noun introduces there (`_ROLE_NOUN_BEFORE`: "former president Trump")."""
    found: list[str] = []
    for match in _CAPITAL.finditer(text):
        surname = match.group(0)
        full = names.get(surname)
        if full is None or full == surname or not _alone(text, match.start(), match.end()):
            continue
        before = text[: match.start()]
        titled = _ROLE_NOUN_BEFORE.search(before) is not None
        if not titled and not introduced(f"{mentioned} {before}", surname, full):
            found.append(surname)
    return found


# A role noun in either case right before a surname introduces the person as news copy does
# ("former president Trump"): a given name written in would be one the cited article may not
# hold (on the dev set's tune part the verifier dropped such a lead as unsupported). An
# honorific ("Mr Johnson") says no more than the surname and is written out as the full name.
_ROLE_NOUN_BEFORE = re.compile(rf"(?<![\w’'-])(?i:{_ROLE_NOUNS})\s+$")


# A speaker named in a sentence: a full name before a verb of saying (after an optional
# bracket or appositive: "Sen. Tammy Baldwin (D-Wis.) noted", "Jane Doe, the mayor, said"), or
# after "said"/"according to" and the capitalised words of a role ("..., said County Public
# Health Director Dr. Barbara Ferrer").
# Any verb of saying but "according", which comes before its name ("according to Jane Doe"),
# and "saying", which opens a clause whose speaker is the sentence's subject: in "Joe Biden
# attacked Donald Trump, the former president, saying ..." the words are Biden's.
_SPEECH_AFTER_NAME = re.compile(
    r"\s*(?:\([^)]{1,40}\)\s*)?(?:,[^,]{1,60},\s*)?"
    rf"(?:{_saying_pattern(SAYING_VERBS - {'according', 'saying'})})\b"
)
# News copy puts the speaker after these alone ("said Director Jane Doe"); not derived from
# SAYING_VERBS: after the others a name is their object or listener ("told Jake Tapper",
# "warned Jane Doe", "cited John Roe"), never the speaker.
_SPEECH_BEFORE_NAME = re.compile(r"\b(?:said|says|according to)\s+(?:[A-Z][\w.’'-]*\s+){0,5}$")


# A sentence that closes on its speaker's surname alone (", Ushakov said."): the article named
# the person in full before; the next sentence's "He said" is that speaker.
# Any verb of saying closes it but "according" (before its name) and "saying" (which opens
# a clause); "told" and "tells" need their listener (", Ushakov told reporters.").
_LISTENER_VERBS = frozenset({"told", "tells"})
_CLOSING_SURNAME_SPEAKER = re.compile(
    r",\s+(?P<name>[A-Z][a-z’'-]+)\s+"
    rf"(?:{_saying_pattern(SAYING_VERBS - _LISTENER_VERBS - {'according', 'saying'})}|"
    rf"(?:{_words_pattern(_LISTENER_VERBS)})\s+\w+)\s*[.!]?\s*$"
)


def closing_speaker(text: str, in_full: Collection[str]) -> set[str]:
    """The full-name speakers of `text` (`speakers`), or else the surname it closes on as
    its speaker (", Ushakov said."), when it is one of `in_full`, the surnames of people the
    articles name in full ("Yuri Ushakov"): not an agency or a company (", Reuters said.")."""
    found = speakers(text)
    if found:
        return found
    closing = _CLOSING_SURNAME_SPEAKER.search(outside_quotes(text))
    if closing is None or closing["name"] not in in_full:
        return set()
    return {closing["name"]}


def speakers(text: str) -> set[str]:
    """The full names `text` gives as speakers: "Nancy Pelosi told ...", "..., said Director
    Barbara Ferrer" (quoted words aside)."""
    plain = outside_quotes(text)
    found: set[str] = set()
    for match in _NAME.finditer(plain):
        parts = _person_parts(match.group(0))
        if len(parts) < 2 or any(part in _NOT_FIRST for part in parts):
            continue
        if _SPEECH_AFTER_NAME.match(plain[match.end() :]) or _SPEECH_BEFORE_NAME.search(
            plain[: match.start()]
        ):
            found.add(" ".join(parts))
    return found


# A sentence whose subject is "he" or "she", or "his"/"her" and a noun, at its start or after
# a short opening phrase ("He visited Del Rio recently", "Since 2019 he had been working with a
# minority", "His administration has been forced to ..."); the opening pronoun first ("He was
# fully vaccinated, his family said").
_PRONOUN_SUBJECT = re.compile(
    r"^(?:(?P<intro>(?i:since|in|on|by|after|before|during|until|at)\s+(?:[\w.]+\s+){0,3}?|"
    r"[^,“\"]{3,80},\s+))??(?P<pronoun>[Hh]e|[Ss]he|[Hh]is|[Hh]er)\s+[a-z]\w*"
)
# The pronouns of one person and whose they are: "he" is named by the name, "his" by its
# possessive.
_POSSESSIVE_PRONOUNS = frozenset({"his", "her"})
_GENDER_OF = {"he": "he", "his": "he", "she": "she", "her": "she"}


def _person_parts(run: str) -> list[str]:
    """The words of a name in a run of capitals: a longer run is a role before a first name
    and surname ("Homeland Security Alejandro Mayorkas"), as `full_names` reads it."""
    parts = _name_parts(run)
    return parts[-2:] if len(parts) > MAX_NAME_WORDS else parts


def people(text: str) -> set[str]:
    """The full names (two or three words) `text` gives, quoted words aside."""
    found: set[str] = set()
    for match in _NAME.finditer(outside_quotes(text)):
        parts = _person_parts(match.group(0))
        if len(parts) >= 2 and not any(part in _NOT_FIRST for part in parts):
            found.add(" ".join(parts))
    return found


# A surname after a title is a person's, whether or not a first name comes between ("President
# Biden", "Sen. Joe Manchin"): how `name_from_previous` counts the people a sentence names.
_TITLED_PERSON = re.compile(
    rf"\b(?:{_TITLE_ABBREVIATIONS}|President|Senator|Governor|Secretary|Minister|"
    r"Chancellor|Speaker|Judge|Justice|Mayor)\.?\s+(?:[A-Z][a-z]+\s+)?([A-Z][a-z]+)\b"
)
# Pronouns of the other gender: a sentence before that uses them speaks of someone else too.
_OTHER_GENDER = {
    "he": re.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE),
    "she": re.compile(r"\b(?:he|him|his|himself)\b", re.IGNORECASE),
}


def name_from_previous(
    text: str, previous: str, in_full: Collection[str] = (), shared: Collection[str] = ()
) -> str:
    """`text` with the person its pronoun stands for named as the article's sentence before
    (`previous`) names them: a speaker ("..., she told ABC", `name_pronoun_speaker`), or a
    subject ("He visited Del Rio ..." -> "Tom Pike visited Del Rio ...", "His administration
    ..." -> "Biden's administration ...") when `text` needs that context at all
    (`needs_context`), that sentence names one person alone (`_one_person`), it uses no
    pronoun of the other gender, `text` names no one after an opening phrase ("After his
    release, Tom Pike ...": the pronoun points forward) and never that person ("Her husband,
    Tom Pike, said"), and `text` is no other speaker's report. The name is written as
    `previous` gives it: in full, by a surname of `in_full` (the brief writes a first mention
    in full, `write_full_name`), or with its title ("Mr. Biden"). A person that sentence
    introduces by age is a feature's example (`aged_person`): never named into another
    sentence, and nor is a surname of `shared` (`shared_surnames`: two people's) that
    `previous` does not give in full ("Mr. Biden" may be Joe or Hunter Biden)."""
    if aged_person(previous) is not None:
        return text
    text = name_pronoun_speaker(text, previous, in_full)
    subject = _PRONOUN_SUBJECT.match(text)
    if subject is None or not needs_context(text):
        return text
    pronoun = subject["pronoun"].lower()
    person = _one_person(previous, in_full, _GENDER_OF[pronoun])
    if person is None:
        return text
    surname = person.split()[-1]
    if surname in shared and person not in people(previous):
        return text
    named_here = _surnames(text, in_full)
    if (
        # Words another speaker reports ("He told Xi ..., Yuri Ushakov said") are theirs, as a
        # quotation's are: no name is written into them.
        closing_speaker(text, in_full) - {person, surname}
        or _name_in_intro(subject["intro"] or "")
        or (subject["intro"] and named_here)
        or surname in named_here
        or _OTHER_GENDER[_GENDER_OF[pronoun]].search(previous)
        or _interrupting(text, subject.start("pronoun"), subject.end())
    ):
        return text
    start, end = subject.span("pronoun")
    if pronoun in _POSSESSIVE_PRONOUNS:
        person += "’s" if "’" in previous else "'s"
    return text[:start] + person + text[end:]


# An appositive between commas runs to about a line of text ("a former tax attorney in Arkansas
# who is serving a home confinement sentence"); longer, the commas part clauses.
APPOSITIVE_CHARS = 120
# A bracket after a name holds a party and state or an age ("(D-W.Va.)", "(R)"), never a clause.
NAME_BRACKET_CHARS = 40
# After a sentence's subject: an optional bracket or appositive ("Sen. Joe Manchin (D-W.Va.)",
# "Justin Trudeau, 49,", "Colin Powell, the first Black U.S. secretary of state and top
# military officer,"), a day ("on Tuesday") and a word in lower case, its verb.
_AFTER_SUBJECT = re.compile(
    rf"^(?:\s*\([^()]{{1,{NAME_BRACKET_CHARS}}}\))?(?:,[^,]{{1,{APPOSITIVE_CHARS}}},)?"
    rf"(?:\s+(?:on\s+|last\s+)?(?:{WEEKDAY}|{MONTH_DAY}))?\s+(?P<word>[a-z]\w*)"
)
# Words after a name that make it no subject ("Biden and Pelosi", "Pike of Ohio", "Pike who"),
# and before it that make it another noun's complement ("The lawyer for Tom Pike said").
_NOT_SUBJECT_WORDS = frozenset(
    {
        *("and", "or", "of", "in", "at", "on", "to", "for", "from", "with", "by", "as"),
        *("about", "against", "over", "under", "than", "who", "whose", "whom", "which", "that"),
    }
)


# A passive's agent before a name: who did what the sentence tells ("was filed by Jane Roe").
_AGENT_BEFORE = re.compile(r"\bby\s+(?:[A-Z][\w’'.-]*\s+)*$")
# A person the sentence before speaks of without a name ("the judge", "his wife", "officials",
# "the prime minister"): "he" or "she" may stand for them as well as for the one person it
# names ("Biden nominated the judge ... She had served ..."). The module's roles and person
# nouns, and kin, crafts and callings news copy names people by; lower case only, so a title
# before a name ("President Joe Biden") is part of the name. Not "reporters": the listener of
# "told reporters", never whom the next sentence's "he" stands for.
_UNNAMED_PERSON_NOUNS = frozenset(
    {
        *_PERSON_ROLES,
        *_ROLE_NOUNS.lower().split("|"),
        *("lawmaker", "official", "suspect", "victim", "man", "woman", "boy", "girl", "teen"),
        *("nurse", "officer", "gunman", "brother", "sister", "partner", "friend", "colleague"),
        *("interviewer", "host", "anchor", "witness", "driver"),
        *("rival", "opponent", "successor", "predecessor", "deputy", "manager", "worker"),
        *("employee", "patient", "defendant", "plaintiff", "spouse", "boss", "player", "coach"),
        *("diplomat", "regulator", "prime minister", "press secretary", "police chief"),
    }
)
_UNNAMED_PERSON = re.compile(
    rf"\b(?:{'|'.join(sorted(map(re.escape, _UNNAMED_PERSON_NOUNS), key=len, reverse=True))})"
    r"(?:s|es)?\b"
)
# The sentence's first word as a person noun: a noun before a verb ("Officials said"), not a
# title before a name or its office ("Secretary of Homeland Security Alejandro Mayorkas").
_OPENING_NOUN = re.compile(r"([A-Z][a-z]+)\s+(?!of\b)[a-z]")
# A role after "as" is the subject's own ("resigned as chief executive").
_AS_ROLE = re.compile(r"\bas\s+(?:[\w-]+\s+){0,2}$")
# Pronouns of one gender: a sentence that uses them tells the gender of the one person it names.
_SAME_GENDER = {
    "he": re.compile(r"\b(?:he|him|his|himself)\b", re.IGNORECASE),
    "she": re.compile(r"\b(?:she|her|hers|herself)\b", re.IGNORECASE),
}
# A person as the subject or object of a passive before its agent ("He was interviewed by
# Jake Tapper"): the agent is then the other person.
_PERSONAL_PRONOUN = re.compile(r"\b(?:he|she|him|her)\b", re.IGNORECASE)


def _unnamed_person(plain: str, surname: str, gender: str) -> bool:
    """`plain` speaks of a person it does not name (`_UNNAMED_PERSON`), besides the one it
    names by `surname`: the appositive after that name ("Colin Powell, the first Black U.S.
    secretary of state, ...") is that person's own, once a pronoun of `gender` in the sentence
    says whose gender they have ("..., according to his family"; "Maria Lopez, the mayor, said"
    tells no "he")."""
    mention = re.search(
        rf"\b{re.escape(surname)}\b(?P<appositive>,[^,]{{1,{APPOSITIVE_CHARS}}},)?", plain
    )
    if mention is not None and mention["appositive"] and _SAME_GENDER[gender].search(plain):
        plain = plain[: mention.start("appositive")] + plain[mention.end("appositive") :]
    opening = _OPENING_NOUN.match(plain)
    return any(
        not _AS_ROLE.search(plain[: match.start()]) for match in _UNNAMED_PERSON.finditer(plain)
    ) or bool(opening and _UNNAMED_PERSON.fullmatch(opening.group(1).lower()))


def _surnames(text: str, in_full: Collection[str]) -> set[str]:
    """The surnames of the people `text` names outside quotation marks: full names, titled
    surnames and lone surnames of `in_full`."""
    return set(_named(outside_quotes(text), in_full)[0])


def _named(plain: str, in_full: Collection[str]) -> tuple[dict[str, str], set[str]]:
    """The people `plain` names, by surname, as it names them (in full, with a title, or a
    surname of `in_full` alone), and the full names it gives (two for one surname: "Joe Biden
    and Hunter Biden")."""
    full = people(plain)
    named = {name.split()[-1]: name for name in full}
    found = {
        match.group(1): match.group(0)
        for match in _TITLED_PERSON.finditer(plain)
        if match.group(1) not in _NOT_FIRST
    }
    found |= {
        match.group(0): match.group(0)
        for match in _CAPITAL.finditer(plain)
        if match.group(0) in in_full and _alone(plain, match.start(), match.end())
    }
    return found | named, full


def _one_person(previous: str, in_full: Collection[str], gender: str) -> str | None:
    """The one person `previous` names (full names, titled surnames and the lone surnames of
    `in_full` counted, inside quotation marks too: "“Pike is a liar,” said Jane Roe" names
    two), as it names them (in full when it can), when that person is its subject or its
    speaker and it speaks of no unnamed person ("the judge", `_unnamed_person`); else None."""
    plain = outside_quotes(previous)
    found, full = _named(plain, in_full)
    quoted = {
        surname
        for quote in _QUOTED.findall(previous)
        for surname in _surnames(quote[1:-1], in_full)
    }
    if len(found.keys() | quoted) != 1 or len(full) > 1:
        return None
    surname, written = next(iter(found.items()))
    if _unnamed_person(plain, surname, gender):
        return None
    # In full where it can; a titled surname the articles never give in full as written.
    person = written if written in full or surname not in in_full else surname
    speaking = {name.split()[-1] for name in closing_speaker(plain, in_full)}
    return person if surname in speaking or _is_subject(plain, surname) else None


def _is_subject(plain: str, surname: str) -> bool:
    """`surname`'s first mention in `plain` is its clause's subject: a verb follows it (past a
    bracket, an appositive or a day), and no common noun and preposition in its clause before
    it make it another noun's complement; or it is the agent of a passive whose subject is a
    thing ("The lawsuit, filed Monday by Jane Roe"; not "He was interviewed by Jake Tapper")."""
    mention = re.search(rf"\b{re.escape(surname)}\b", plain)
    if mention is None:
        return False
    before = plain[: mention.start()]
    after = _AFTER_SUBJECT.match(plain[mention.end() :])
    clause = re.findall(r"[\w’'.-]+", before.rsplit(",", 1)[-1])
    # A common noun and its preposition ("lawyer for", "wife of"); a role's ("Secretary of
    # Homeland Security Tom Pike") is capitalised.
    complement = any(
        word in _NOT_SUBJECT_WORDS and noun[:1].islower() for noun, word in pairwise(clause)
    )
    if _AGENT_BEFORE.search(before):
        return _PERSONAL_PRONOUN.search(before) is None
    return after is not None and after["word"] not in _NOT_SUBJECT_WORDS and not complement


def _interrupting(text: str, start: int, end: int) -> bool:
    """The words from `start` to `end` ("he said") stand between commas inside a sentence
    ("The senator, he said, will ..."): a parenthesis, not the sentence's subject."""
    return text[:start].rstrip().endswith(",") and text[end:].lstrip().startswith(",")


def name_pronoun_speaker(text: str, previous: str, in_full: Collection[str] = ()) -> str:
    """`text` with its pronoun speaker ("..., she told ABC") written as the person the
    article's previous sentence (`previous`) quotes, when that sentence gives exactly one
    speaker and uses no pronoun of the other gender, and `text` has one pronoun speaker it
    does not name itself and that does not interrupt it between commas; else `text`."""
    plain = _QUOTED.sub(lambda quote: " " * len(quote.group(0)), text)  # offsets kept
    pronouns = [m for m in _PRONOUN_SPEAKER.finditer(plain) if m["pronoun"].lower() != "they"]
    named = closing_speaker(previous, in_full)
    if len(pronouns) != 1 or len(named) != 1 or not _unnamed_speaker(plain):
        return text
    pronoun = pronouns[0]
    speaker = next(iter(named))
    gender = pronoun["pronoun"].lower()
    if _unnamed_person(outside_quotes(previous), speaker.split()[-1], gender):
        return text  # "Officials said Tom Pike was not involved." "She said ...": an official
    if _OTHER_GENDER[gender].search(previous) or _interrupting(
        plain, pronoun.start(), pronoun.end()
    ):
        return text
    start, end = pronoun.span("pronoun")
    return text[:start] + speaker + text[end:]


# A person introduced by age ("23-year-old Sana Hussani was, as usual, ...", "Troy Sutton, age
# 61, lost a job ..."): how features open on an example; the article's next sentences say why
# the person matters. A news subject introduced so ("Joe Biden, 78, received a booster") is
# named by the other articles too, which `aged_person`'s caller checks.
_AGED_NAME = re.compile(
    rf"\b\d{{1,3}}-year-old\s+(?P<before>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}})\b"
    rf"|\b(?P<after>{_NAME_WORD}(?:\s+{_NAME_WORD}){{1,2}}),\s+(?:age\s+|aged\s+)?\d{{1,3}},"
)


def aged_person(text: str) -> str | None:
    """The surname of a person the sentence introduces by age in its own voice, or None."""
    match = _AGED_NAME.search(outside_quotes(text))
    if match is None:
        return None
    return (match.group("before") or match.group("after")).split()[-1]


# A sentence that opens on a person's name, in full (an initial allowed before it: "W. Mondale
# Robinson spent ...") or by surname ("Robinson, founder of ..., thinks"), then a word in lower
# case or an appositive: the person is the sentence's subject.
_OPENING_NAME = re.compile(
    rf"^(?:[A-Z]\.\s+)?({_NAME_WORD}(?:\s+[A-Z]\.)?(?:\s+{_NAME_WORD})*)(?:,|\s+[a-z])"
)


def opening_person(text: str, names: Mapping[str, str]) -> str | None:
    """The surname of the person whose name opens the sentence as its subject (one of
    `names`, surname -> full name, written in full, with an initial before it or by surname:
    "W. Mondale Robinson spent a large chunk of last fall ...", "Robinson, founder of ...,
    thinks ..."), or None: a role or title before the name
    ("Attorney General Merrick Garland ...") or a name that is no person's opens none. An
    opinion or analysis piece that opens on such a person tells an anecdote
    (FEATURE_ANECDOTE), when no other article names them."""
    match = _OPENING_NAME.match(text.strip())
    if match is None:
        return None
    written = match.group(1)
    surname = written.split()[-1]
    full = names.get(surname)
    return surname if full is not None and (full in written or written in full) else None


# A place opening a line as its setting ("In Turkey, shopkeepers couldn't sell their wares."),
# one to three capitalised words; a month or a day is a time ("In June, ...").
_PLACE_OPENING = re.compile(r"(?i:in)\s+(?P<place>[A-Z][\w’'.-]*(?:\s+[A-Z][\w’'.-]*){0,2}),\s")


def unconnected_example(text: str, before: str | None) -> bool:
    """A line set in a place that shares no content word with the brief before it ("In
    Turkey, shopkeepers couldn't sell their wares." after lines on a social network's outage):
    one article's example of something the brief does not say, so it reads without what it
    exemplifies. A lead (no brief before) sets its own scene."""
    if not before or not before.strip():
        return False
    clause = strip_dateline(VOICE_OPENING.sub("", text))
    opening = _PLACE_OPENING.match(clause)
    if opening is None or opening.group("place").split()[0].lower() in DATE_WORDS:
        return False
    return not _stems(clause) & _stems(before)


def unconnected_person(text: str, before: str | None) -> str | None:
    """The surname of a name opening the sentence (after an outlet's opening) when nothing
    else in it ties it to the brief before: no content word in common ("W. Mondale Robinson
    spent a large chunk of last fall in clubs ..." after a line on the president's ratings).
    A feature's character, told for the article's own story, as a person introduced by age is
    (`aged_person`); the composer counts the sources that name them. None for a lead (no
    brief before)."""
    if not before or not before.strip():
        return None
    clause = strip_dateline(VOICE_OPENING.sub("", text))
    opening = _OPENING_NAME.match(clause)
    name = opening.group(1).split() if opening else []
    if not name or name[0].lower() in _stopwords():
        return None  # "The House", "In Turkey": no person's name
    return None if _stems(clause) & _stems(before) else name[-1]


def write_full_name(text: str, surname: str, full: str) -> str:
    """`text` with the first lone mention of `surname` written as `full`."""
    for match in re.finditer(rf"\b{re.escape(surname)}\b", text):
        if _alone(text, match.start(), match.end()):
            honorific = _HONORIFIC_BEFORE.search(text[: match.start()])
            start = honorific.start() if honorific else match.start()
            return text[:start] + full + text[match.end() :]
    return text


def named_people(texts: Iterable[str], names: Mapping[str, str]) -> dict[str, str]:
    """The names of `names` (surname -> full name) the texts show to be people's: written
    after a role, title or word for a person ("Attorney General Merrick Garland", "Dr. Sanjay
    Gupta", "podcaster Joe Rogan") or before a verb of saying or ", who", not after an
    article ("the International Monetary Fund said" names an institution)."""
    found: dict[str, str] = {}
    for text in texts:
        for surname, full in names.items():
            if surname not in found and full != surname and _as_person(text, full):
                found[surname] = full
    return found


def _as_person(text: str, full: str) -> bool:
    for mention in _full_name(full).finditer(text):
        before, after = text[: mention.start()], text[mention.end() :]
        last = re.search(r"(\S+)\s+$", before)
        word = last.group(1).lower() if last else ""
        if role_before(before) or _TITLE_BEFORE.search(before) or _describes_person(word):
            return True
        if word not in _DETERMINERS and (
            _SPEECH_AFTER_NAME.match(after) or _WHO_AFTER.match(after)
        ):
            return True
    return False


# A relative clause for a person after a name ("Jeffrey Clark, who was the head of ...").
_WHO_AFTER = re.compile(r"(?:['’]s)?,\s+who\b")


def second_references(text: str, mentioned: str, names: Mapping[str, str]) -> str:
    """`text` with each person the brief has introduced (`mentioned` gives the full name, or
    a title and the surname: "President Biden") named by surname alone, without the role
    written before the name again (a second reference, as news copy writes it: "Homeland
    Security Secretary Alejandro Mayorkas said" -> "Mayorkas said"; "The diplomat, Daniel
    Foote, resigned" -> "Foote resigned"). Quotations are left as written; `names` are
    people's (`named_people`): a surname two people share is not among them and keeps its
    full name, and so does an institution ("the International Monetary Fund")."""
    for surname, full in names.items():
        if full != surname and introduced(mentioned, surname, full):
            text = _by_surname(text, surname, full)
    return text


def introduced(mentioned: str, surname: str, full: str) -> bool:
    """`mentioned` introduces the person: by the full name (a middle initial or none), or by
    a title and the surname, as news copy introduces officials ("President Biden", "Gen.
    Milley"; a surname alone after that is no first mention)."""
    if _full_name(full).search(mentioned):
        return True
    titled = rf"\b(?:(?i:{_ROLE_NOUNS})|{_TITLE_ABBREVIATIONS}\.?)\s+{re.escape(surname)}\b"
    return re.search(titled, mentioned) is not None


def _by_surname(text: str, surname: str, full: str) -> str:
    """`text` with its mentions of `full` outside quotations, and the role or appositive
    written before each, as `surname`."""
    quoted = [match.span() for match in _QUOTED.finditer(text)]
    for mention in reversed(list(_full_name(full).finditer(text))):
        if any(start <= mention.start() < end for start, end in quoted):
            continue
        before, after = text[: mention.start()], text[mention.end() :]
        appositive = _OPENING_APPOSITIVE.fullmatch(before)
        if appositive and after.startswith(","):
            text = f"{surname}{after[1:]}"
            continue
        start = _role_start(before)
        if start is not None:
            text = text[:start] + _capital_if_first(surname, text[:start]) + after
    return text


def _role_start(before: str) -> int | None:
    """Where the role or title written right before a name starts in `before` (its end when
    there is none); None when what is left before the name would still read as part of a
    title ("Chairman of the Joint Chiefs of Staff Gen." is no role `role_before` reads)."""
    role = role_before(before)
    if role and before.endswith(f"{role} "):
        # Words a role reader may take in that are no role ("to limit then-President") stay.
        return len(before) - len(role) - 1 if _plain_role(role) else len(before)
    title = _TITLE_BEFORE.search(before)
    start = title.start() if title else len(before)
    rest = before[:start]
    last = re.search(r"(\S+)\s+$", rest)
    # A word closed by a comma is no part of a title ("first reported by PBS, Daniel Foote").
    if last is None or not last.group(1)[:1].isupper() or last.group(1)[-1] in ",;:":
        return start
    if rest.strip() != last.group(1):
        # One capitalised word opening a clause before a title is the title's ("..., Army Gen.
        # Mark A. Milley, ..."): the whole title goes; else it may be a longer one's end.
        opens_clause = rest[: last.start()].rstrip().endswith((",", ";", ":"))
        return last.start() if title and opens_clause else None
    # The sentence's first word goes with the name when it describes the person ("Podcaster
    # Joe Rogan") and stays when it is a function word ("But Joe Biden"); any other may be
    # part of the title ("Army Gen. Mark Milley") and the name is left as written.
    word = last.group(1).lower()
    if _describes_person(word):
        return last.start()
    return start if word in english_stop_words() else None


# Endings of nouns for people ("podcaster", "activist", "historian"); the few time words
# with such an ending that open a sentence are not people.
_PERSON_ENDINGS = ("er", "ist", "ian")
_NOT_PEOPLE = frozenset({"later", "earlier", "never", "after", "under", "over", "other"})


def _describes_person(word: str) -> bool:
    if word in _UNNAMED_PERSON_NOUNS:
        return True
    return word.endswith(_PERSON_ENDINGS) and word not in _NOT_PEOPLE | english_stop_words()


# Lower-case words of a role as news copy writes one ("CNN chief medical correspondent",
# "Putin's foreign affairs adviser"), besides its role noun.
_ROLE_MODIFIERS = frozenset(
    {
        *("former", "chief", "top", "senior", "deputy", "acting", "vice", "foreign", "affairs"),
        *("medical", "special", "assistant", "national", "security", "state", "defense"),
        *("press", "general", "executive", "of", "the", "and", "for"),
    }
)


def _plain_role(role: str) -> bool:
    """Every word of `role` is a title's: capitalised, a possessive, a role noun or a
    modifier of one; never a verb or a role held "then"."""
    return _RELATIVE_TIME.search(role) is None and all(
        word[:1].isupper()
        or word.endswith(("'s", "’s"))
        or word.lower() in _ROLE_NOUN_WORDS | _ROLE_MODIFIERS
        for word in role.split()
    )


# A title written right before a name ("Gen. Mark Milley"), dropped with the given name.
_TITLE_BEFORE = re.compile(rf"\b(?:{_TITLE_ABBREVIATIONS})\.?\s+$")
# An appositive naming a person at the start of a sentence, before the name ("The diplomat,
# Daniel Foote, resigned"): at a second reference the name alone says who.
_OPENING_APPOSITIVE = re.compile(r"\s*(?:The|A|An)\s+[a-z][\w’'-]*(?:\s+[a-z][\w’'-]*){0,3},\s*")


@lru_cache(maxsize=1024)
def _full_name(full: str) -> re.Pattern[str]:
    """A full name as a word, with or without a middle initial ("Mark Milley" finds "Mark A.
    Milley" too, and "Mark A. Milley" "Mark Milley")."""
    words = [word for word in full.split() if not re.fullmatch(r"[A-Z]\.", word)]
    if len(words) < 2:
        return re.compile(rf"\b{re.escape(full)}\b")
    given, rest = re.escape(words[0]), re.escape(" ".join(words[1:]))
    return re.compile(rf"\b{given}(?:\s+[A-Z]\.)?\s+{rest}\b")


def _capital_if_first(word: str, before: str) -> str:
    return word if before.strip() else word[:1].upper() + word[1:]


# An acronym an article spells out in brackets after its long form: "the Joint Chiefs of Staff
# (JCS)", "People's Bank of China (PBOC)", "UN General Assembly (UNGA)".
# Short words a long form may hold that its acronym skips or spells ("Immigration and Customs
# Enforcement" is ICE, "Committee to Protect Journalists" CPJ, "Bank of China" BOC or BC): the
# one list, read here and by the verifier's acronym match (`verify.lexical`).
ACRONYM_SKIP_WORDS = frozenset({"of", "and", "for", "the", "on", "in", "to", "&"})
_EXPANDED_ACRONYM = re.compile(
    rf"((?:(?:[A-Z][\w’'.&-]*|{_words_pattern(ACRONYM_SKIP_WORDS)})\s+){{1,9}})"
    r"\(([A-Z][A-Z&]{1,6})s?\)"
)
# Acronyms a reader needs no long form for: the AP Stylebook's "acceptable in all references"
# (FBI, CIA, GOP, NATO ...) and the names of outlets a brief cites. Writing them out adds
# words, not understanding.
WELL_KNOWN_ACRONYMS = frozenset(
    {
        "US", "UK", "UN", "EU", "FBI", "CIA", "GOP", "NATO", "NASA", "COVID", "AIDS", "HIV",
        "DNA", "CEO", "GDP", "TV", "AP", "CNN", "ABC", "CBS", "NBC", "BBC", "NPR", "PBS",
        "NFL", "NBA", "FIFA", "OPEC", "UNESCO", "UNICEF", "ID",
    }
)  # fmt: skip


def acronym_expansions(texts: Iterable[str]) -> dict[str, str]:
    """Acronym -> the long form an article gives it in ("JCS" -> "Joint Chiefs of Staff"),
    the words before the bracket whose initials spell it (function words may be passed over;
    a word in capitals gives all its letters: "UN General Assembly (UNGA)"). The first long
    form found wins; well-known acronyms (WELL_KNOWN_ACRONYMS) are left out."""
    found: dict[str, str] = {}
    for text in texts:
        for match in _EXPANDED_ACRONYM.finditer(text):
            acronym = match.group(2)
            if acronym in found or acronym in WELL_KNOWN_ACRONYMS:
                continue
            long_form = _spelled_out(match.group(1).split(), acronym.replace("&", ""))
            if long_form:
                found[acronym] = long_form
    return found


def _spelled_out(words: list[str], letters: str) -> str | None:
    """The shortest run of `words` ending at the last whose initials spell `letters`."""
    left, start = letters, None
    for index in range(len(words) - 1, -1, -1):
        word = words[index]
        part = word if word.isupper() and word.isalpha() else word[:1]
        if word.lower() in ACRONYM_SKIP_WORDS:
            part = part.upper()  # "Bank of China (PBOC)" spells the "of"; most skip it
        if left and part[:1].isupper() and left.endswith(part):
            left, start = left[: -len(part)], index
            if not left:
                return " ".join(words[start:])
        elif word.lower() not in ACRONYM_SKIP_WORDS:
            return None
    return None


def _acronym(acronym: str) -> re.Pattern[str]:
    """The acronym as a word, not inside brackets (its own spelling-out) or a longer word."""
    return re.compile(rf"(?<![(\w]){re.escape(acronym)}\b")


def acronym_mentions(text: str, acronym: str) -> int:
    """How often `text` uses `acronym` (its spelling-out "(ACR)" aside)."""
    return len(_acronym(acronym).findall(text))


def unexplained_acronyms(text: str, before: str, expansions: Mapping[str, str]) -> list[str]:
    """Acronyms of `expansions` that `text` uses before the brief (`before`, then `text`)
    ties them to their long form ("Joint Chiefs of Staff (JCS)") or gives the long form (a
    reader ties "the PBOC said" to "the People's Bank of China" told just before)."""
    return [
        acronym
        for acronym, long_form in expansions.items()
        if (found := _acronym(acronym).search(text))
        and not any(
            said in f"{before} {text[: found.start()]}" for said in (f"({acronym})", long_form)
        )
    ]


def write_acronym(text: str, acronym: str, long_form: str, again: bool) -> str:
    """`text` with the first mention of `acronym` written out: "Long Form (ACR)" when the
    brief uses the acronym `again`, else (or before a possessive: "the FDA's panel") the long
    form alone."""
    found = _acronym(acronym).search(text)
    if found is None:
        return text
    possessive = re.match(r"['’]s\b", text[found.end() :])
    written = f"{long_form} ({acronym})" if again and not possessive else long_form
    return text[: found.start()] + written + text[found.end() :]


def roles(texts: Iterable[str], names: Iterable[str]) -> dict[str, str]:
    """Full name -> the role the articles give most often right before it ("Putin's foreign
    affairs adviser" for "Yuri Ushakov", "Attorney General" for "Merrick Garland"), for names
    the articles give a role at all."""
    wanted = set(names)
    found: dict[str, Counter[str]] = {}
    # Each distinct text is searched once (copies repeat sentences), and only the words just
    # before each mention of a wanted name: the role's lazy prefix of words is tried at every
    # position it is given, 2.5 s a call on 1,000 articles when it was given whole texts.
    for text, times in Counter(texts).items():
        for name in wanted:
            if name not in text:
                continue
            for mention in re.finditer(rf"\b{re.escape(name)}\b", text):
                role = role_before(text[: mention.start()])
                if role and _RELATIVE_TIME.search(role) is None:
                    found.setdefault(name, Counter())[role] += times
    return {name: max(r, key=lambda role: (r[role], -len(role), role)) for name, r in found.items()}


def role_before(prefix: str) -> str:
    """The role written at the end of `prefix`, right before a name ("Homeland Security
    Secretary", "former president"; its noun in either case), or ""."""
    reach = prefix[-_ROLE_REACH:]
    if len(prefix) > _ROLE_REACH:
        reach = reach.split(maxsplit=1)[-1] if " " in reach else ""
    match = _ROLE_ENDING.search(reach)
    return _trim_role(match.group("role")) if match else ""


def _trim_role(role: str) -> str:
    """The role without leading words that belong to the clause before it: everything up to
    its last verb ("President Biden rejected former president" -> "former president"), then
    function words."""
    tokens = role.split()
    verbs = [
        n
        for n, token in enumerate(tokens)
        if _clause_verb(tokens, n) or token.lower() in _OPENS_CLAUSE
    ]
    tokens = tokens[verbs[-1] + 1 :] if verbs else tokens
    while tokens and (
        tokens[0].lower() in _stopwords()
        or tokens[0] in _CLAUSE_WORDS
        or tokens[0] in _ROLE_BREAKING_PREPOSITIONS
    ):
        tokens = tokens[1:]
    return " ".join(tokens)


def _clause_verb(tokens: list[str], n: int) -> bool:
    """tokens[n] ends the clause the role is read from: a verb of saying, an auxiliary or
    common verb, a past tense after its subject ("Biden rejected"; a role after a participle,
    "retired general", keeps its noun), or a preposition after a common noun ("his meeting
    with UK prime minister"; "Minister for Europe" is a title)."""
    low = tokens[n].lower()
    if tokens[n] in _CLAUSE_WORDS or low in _ENDS_NOUN_PHRASE:
        return True
    after_noun = n > 0 and tokens[n - 1].islower()
    if low == tokens[n] and low in _ROLE_BREAKING_PREPOSITIONS and after_noun:
        return True
    return low == tokens[n] and low.endswith("ed") and n > 0


# Words that open the clause a role stands in, never part of a role ("an analysis that
# President", "our editorial that General").
_OPENS_CLAUSE = frozenset({"that", "which", "who", "whom", "whose", "when", "where", "as", "than"})
# Prepositions that join a role to the clause before it ("his meeting with"), never inside a
# role in lower case ("of" is: "secretary of state").
_ROLE_BREAKING_PREPOSITIONS = frozenset(
    {"with", "to", "for", "at", "in", "on", "by", "from", "during", "about", "against", "over"}
)


def with_role(text: str, full: str, role: str) -> str:
    """`text` with `role` before its first mention of `full`, unless a role is there already."""
    start = text.find(full)
    if start < 0 or _has_role(text[:start], text[start + len(full) :]):
        return text
    if _DETERMINER_BEFORE.search(text[:start]):  # a modifier: "the Donald Trump administration"
        return text
    written = f"{text[:start]}{role} {text[start:]}"
    return written[:1].upper() + written[1:]


def _has_role(before: str, after: str) -> bool:
    """A role or title is written with the name: before it ("Gen.", "the chairman,") or as an
    appositive after it ("Mark Milley, the chairman of the Joint Chiefs of Staff,")."""
    if re.search(rf"(?:{_ROLE_NOUNS})\s*,?\s*$", before, re.IGNORECASE):
        return True
    last = re.search(r"([\w-]+)\s+$", before)
    if last and _describes_person(last.group(1).lower()):  # "reporter Bob Woodward"
        return True
    return bool(_TITLE_BEFORE.search(before) or _APPOSITIVE_AFTER.match(after))


_DETERMINER_BEFORE = re.compile(r"\b(?:the|a|an)\s+$", re.IGNORECASE)
# An appositive after a name that says who the person is: ", the chairman ...", ", CNN's top
# medical analyst,", ", a former senator,".
_APPOSITIVE_AFTER = re.compile(r",\s+(?:the|a|an|[A-Z][\w.&-]*['’]s)\s")
# An honorific before a surname ("Mr. Biden") is no part of a name: the full name replaces both.
_HONORIFIC_BEFORE = re.compile(r"\b(?:Mr|Mrs|Ms|Mx)\.?\s+$")
# A sentence's first word, capitalised only for being first ("But Robinson said"), unless it is
# a determiner, which makes the name a modifier ("The Biden administration").
_OPENING_WORD = re.compile(r"\s*[\"“‘(]?([A-Z][a-z]+)\s+")
_DETERMINERS = frozenset(
    {"the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their", "our"}
)


def _alone(text: str, start: int, end: int) -> bool:
    """The capitalised word at start:end is not part of a longer name or title + name (an
    honorific or a function word opening the sentence before it does not count)."""
    if re.match(r"(?:['’]s)?\s+[A-Z]", text[end:]):
        return False
    prefix = text[:start]
    if re.search(r"([A-Z][\w’'.-]*)\s+$", prefix) is None or _HONORIFIC_BEFORE.search(prefix):
        return True
    opening = _OPENING_WORD.fullmatch(prefix)
    word = opening.group(1).lower() if opening else ""
    return word in english_stop_words() and word not in _DETERMINERS


# -- opinion ---------------------------------------------------------------------------------


def opinion_reason(
    url: str | None, title: str | None, sections: Iterable[str] = (), text: str = ""
) -> str | None:
    """Why a page reads as an opinion or analysis piece, or None: how the page marks itself
    (`marked_opinion_reason`), a headline that argues by its words or its form (imperative,
    obligation, the writer's voice), or a columnist's first- and second-person and rhetorical
    wording."""
    marked = marked_opinion_reason(url, title, sections)
    if marked:
        return marked
    news_path = bool(url and _NEWS_URL.search(url.split("?")[0]))
    # A loaded word in a headline the outlet files under /news/ is slant in a report ("Gymnasts
    # Blister FBI ... In Explosive Testimony"), not the form of an argument.
    loaded = not news_path and set(find_loaded(title or "")) - _NEWS_HEADLINE_WORDS
    if title and (_ARGUING_HEADLINE.match(title) or loaded):
        return "headline that argues"
    if title and (_ANALYSIS_HEADLINE.search(title) or (inside_headline(title) and _voiced(text))):
        return ANALYSIS_HEADLINE
    if title:
        argued = _headline_argument(title, text)
        if argued:
            return argued
    return _opinion_wording(text)


def marked_opinion_reason(
    url: str | None, title: str | None, sections: Iterable[str] = ()
) -> str | None:
    """How the page itself says it is opinion or analysis, or None: its URL path ("/opinion/"),
    a headline label ("Opinion | ..."), its section or page type. Evidence about the article,
    so it outranks the outlet's general label ("Example News (Online News)")."""
    if url and _OPINION_URL.search(url.split("?")[0]):
        return "opinion URL path"
    if url and _ANALYSIS_URL.search(url.split("?")[0]):
        return "analysis URL path"
    if title and _OPINION_TITLE.search(title):
        return "opinion headline label"
    for section in sections:
        if _OPINION_SECTION.match(section.strip()) or section.lower() in OPINION_PAGE_TYPES:
            return f"page section or type {section.strip()!r}"
    return None


def column_reason(title: str | None, text: str = "") -> str | None:
    """Why a page an outlet files as news reads as a column all the same, or None: the form of
    its headline (imperative, what must be done, the writer's own voice) or its wording (the
    writer's first person, the reader addressed, rhetorical questions). Evidence about the page
    itself, so it outranks the outlet's general label ("Example News (Online News)"); a loaded
    word in a headline does not, being slant a report can carry."""
    argued = _headline_argument(title, text) if title else None
    return argued or _opinion_wording(text)


def _headline_argument(title: str, text: str = "") -> str | None:
    """An imperative headline, one that says what must be done, or one in the writer's own
    voice; None for a headline that reports (or attributes) what someone said or decided.
    `text`, the article, tells a name from a verb (a name is capitalised inside sentences)."""
    plain = outside_quotes(title)
    if is_attributed(plain) or _HEADLINE_REPORTING.search(plain) or _SPEAKER_PREFIX.match(plain):
        return None
    if _imperative(title, text):
        return IMPERATIVE_HEADLINE
    if _OBLIGATION.search(plain) and not _RULE_WORDS.search(plain):
        return OBLIGATION_HEADLINE
    if _HEADLINE_VOICE.search(plain) or any(map(_writer_i, _HEADLINE_I.finditer(plain))):
        return VOICE_HEADLINE
    return None


def _imperative(title: str, text: str) -> bool:
    """The headline opens with a verb telling a party what to do (see _IMPERATIVE_HEADLINE):
    not a function word, preposition, adverb or quantifier, not an inflected verb, not a name
    the article capitalises mid-sentence, and not a noun before a time phrase."""
    imperative = _IMPERATIVE_HEADLINE.match(title)
    if imperative is None or _TIME_PHRASE.match(title):
        return False
    word = imperative.group(1)
    lower = word.lower()
    function_word = lower in english_stop_words() - _STOP_WORD_VERBS
    named = re.search(rf"[a-z,;]\s+{word}\b", text)
    inflected = _INFLECTED.search(lower) or _ADVERB.match(lower)
    return not (function_word or named or lower in _NOT_IMPERATIVE or inflected)


def _writer_i(found: re.Match[str]) -> bool:
    """An "I" of a headline is the writer's, not a numeral (see _HEADLINE_I)."""
    before = found.group(1)
    if before is None or not before[0].isupper():
        return True
    word = before.lower()
    return word in english_stop_words() and word not in _NUMBERED


def byline_opinion_reason(lines: Sequence[str]) -> str | None:
    """Why a page's byline, bio or disclaimer marks it as opinion or analysis, or None: a short
    line among the page's first or last BYLINE_SCAN_LINES ("Opinion by Jane Roe", "The views
    expressed are the author's own"); a bio only in the page's second half (it closes a page)."""
    foot = max(BYLINE_SCAN_LINES, len(lines) - BYLINE_SCAN_LINES)
    ends = [*range(min(len(lines), BYLINE_SCAN_LINES)), *range(foot, len(lines))]
    for index in ends:
        line = lines[index]
        size = len(line.split())
        found = _OPINION_BYLINE.match(line)
        if found and size <= BYLINE_MAX_WORDS:
            kind = (found.group(1) or "").lower()
            return "analysis byline" if kind == "analysis" else "opinion byline or disclaimer"
        closing = index >= len(lines) / 2 and _COLUMNIST_BIO.match(line)
        if size <= NOTE_MAX_WORDS and (_OPINION_DISCLAIMER.match(line) or closing):
            return "opinion byline or disclaimer"
    return None


def rubric_opinion_reason(lines: Sequence[str]) -> str | None:
    """ANALYSIS_RUBRIC_PAGE when a line of the page (read before the cleaner strips rubrics)
    opens with a rubric of analysis ("The big picture: ..."), else None."""
    return ANALYSIS_RUBRIC_PAGE if any(map(_ANALYSIS_RUBRIC.match, lines)) else None


def url_host(url: str | None) -> str | None:
    """The host of a URL (or a bare domain) without `www.`, or None when it has none."""
    if not url:
        return None
    try:
        host = urlsplit(url if "://" in url else f"//{url}").hostname
    except ValueError:  # a malformed URL, such as an unclosed IPv6 bracket "http://[x"
        return None
    if not host:
        return None
    return host.removeprefix("www.")


def outlet_names_news_section(outlet: str | None) -> bool:
    """The outlet's name carries its news section ("New York Post (News)"); "BBC News" is a
    name, not a section label."""
    return bool(_NEWS_OUTLET_LABEL.search(outlet or ""))


def outlet_opinion_reason(outlet: str | None, domain: str | None, url: str | None) -> str | None:
    """Why the outlet marks a page as opinion, or None: a name that carries its section
    ("CNN (Opinion)"), or a publication of opinion (data/opinion_outlets.txt) by the page's
    domain or URL host. Such publications print news reports too: their reason is
    PUBLICATION_OF_OPINION, and the brief attributes the line to the publication's kind."""
    label = _OPINION_OUTLET_LABEL.search(outlet or "")
    if label:
        return f"outlet named as its {label.group(1).lower()} section"
    host = domain or url_host(url)
    parts = (host or "").lower().removeprefix("www.").split(".")
    news_section = bool(url and _NEWS_URL.search(url.split("?")[0]))
    if news_section:  # the publication's news desk ("nationalreview.com/news/..."): a report
        return None
    if any(".".join(parts[n:]) in opinion_outlets() for n in range(len(parts) - 1)):
        return PUBLICATION_OF_OPINION
    return None


@cache
def opinion_outlets() -> frozenset[str]:
    """Domains of magazines and sites of opinion (data/opinion_outlets.txt)."""
    return _word_list("opinion_outlets.txt")


def _opinion_wording(text: str) -> str | None:
    """FIRST_PERSON_WORDING when the writer speaks in their own voice in OPINION_VOICE_SENTENCES
    of the article's sentences or more, and in OPINION_VOICE_SHARE of them: a column's density,
    not a report's aside ("We're also curious to know whether ...") or a feature's scene."""
    voiced, total = _own_voice_sentences(text)
    dense = voiced >= max(OPINION_VOICE_SENTENCES, OPINION_VOICE_SHARE * total)
    return FIRST_PERSON_WORDING if dense else None


def _own_voice_sentences(text: str) -> tuple[int, int]:
    """How many of the article's sentences speak in the writer's own voice (first person, the
    reader addressed, a question; `_writers_words` only), and how many sentences it has."""
    voiced = total = 0
    for paragraph in text.splitlines():
        # A density needs no exact boundaries: a cheap split at stops before capitals.
        for sentence in _ROUGH_SENTENCE_END.split(_writers_words(paragraph)):
            if not sentence.strip():
                continue
            total += 1
            if is_attributed(sentence):
                continue
            addressed = _SECOND_PERSON.search(sentence) and not _SERVICE_YOU.search(sentence)
            asks = sentence.rstrip().endswith("?")
            voiced += bool(_writer_first_person(sentence) or addressed or asks)
    return voiced, total


def _writer_first_person(sentence: str) -> bool:
    """First-person words in the sentence, a numeral "I" after a name ("World War I",
    "Elizabeth I": a capitalised word that does not open the sentence) aside."""
    return any(
        found.group(0) != "I" or not _NAME_BEFORE.search(sentence[: found.start()])
        for found in _FIRST_PERSON.finditer(sentence)
    )


# A capitalised word with a word before it: a name, not a sentence's first word ("Then I").
_NAME_BEFORE = re.compile(r"\S\s+[A-Z][\w’'-]*\s+$")


def _writers_words(paragraph: str) -> str:
    """The paragraph less every quotation, a quotation that runs over several sentences
    included, and less a quotation left open at its end (a speaker's words that go on into the
    next paragraph, which opens with a mark of its own)."""
    plain = outside_quotes(paragraph)
    opened = re.search(r"[“\"]", plain)
    return plain[: opened.start()] if opened else plain
