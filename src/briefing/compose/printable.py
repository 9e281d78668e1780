"""Which member sentence of a claim is printed, and the light rewrites a printed sentence gets.

A brief sentence must be taken alone by a reader (issue 11): no dateline, no cut-off excerpt,
whole quotations with their speaker and their marks, no opener that needs the sentence before,
no first person or loaded word in the brief's own voice, and a line from an opinion piece only
with its attribution. The rules live in `briefing.language`; this module applies them to the
members of a claim, rewrites what can be rewritten (datelines, a surname's first mention, an
opinion column's attribution) and says why a claim is left out when no member passes.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import cached_property, lru_cache

from briefing.compose.base import ComposeInput
from briefing.language import (
    ANALYSIS_VOICE,
    ANECDOTE,
    CHARACTERISATION,
    FEATURE_ANECDOTE,
    FRAGMENT,
    INTERPRETATION,
    LOADED,
    MONTH_DAY,
    NUMBER_WORD_VALUES,
    OUTLET_AGAIN,
    OUTLET_ANALYSIS,
    OUTLET_COLUMN,
    OUTLET_OPENINGS,
    OUTLET_PUBLICATION,
    OUTLET_REPORTED,
    PUBLICATION_OF_OPINION,
    TRUNCATED,
    UNCONNECTED_PERSON,
    UNMARKED_QUOTE,
    VOICE_OPENING,
    acronym_expansions,
    acronym_mentions,
    aged_person,
    base_forms,
    closing_speaker,
    content_words,
    english_stop_words,
    find_loaded,
    inflected_common_word,
    inside_headline,
    interprets,
    is_attributed,
    is_truncated,
    name_from_previous,
    named_people,
    names_and_shared,
    opening_person,
    opinion_reason,
    outlet_in_text,
    outlet_possessive,
    outlet_short_name,
    plain_rewrite,
    quoted_passages,
    reads_as_analysis,
    roles,
    rubric_voice,
    second_references,
    sentence_problems,
    strip_dateline,
    surnames_before_full_mention,
    unconnected_person,
    unexplained_acronyms,
    unmarked_quotes,
    with_role,
    without_back_references,
    without_link_markers,
    without_loaded_modifiers,
    write_acronym,
    write_full_name,
)
from briefing.models import Claim, Sentence, Source

# Preference weights when choosing a claim's member sentence (higher is better). Credibility
# dominates; news over opinion, attribution and plain wording break ties.
CREDIBILITY_PREFERENCE = 2.0
ATTRIBUTION_BONUS = 0.3
NEWS_BONUS = 1.0
# Sentences this long read as run-ons in a brief; longer members lose a little per word.
COMFORTABLE_WORDS = 35
LENGTH_PENALTY_PER_WORD = 0.02
DEFAULT_TITLE = "Brief"
# A brief of attributed opinion lines only is titled with an opinion piece's headline, labelled.
OPINION_TITLE_LABEL = "Opinion: "
# A brief of a news analysis's lines only is titled with the analysis's headline, labelled.
ANALYSIS_TITLE_LABEL = "Analysis: "
# Site and section suffixes of page titles: "| The Japan Times", "| DW | 19.01.2020" (after a
# bar, always), "- BBC News", "— Reuters" (after a dash, when the words name an outlet: the
# source's own, or words outlets are named with). "... demands – Moscow" keeps its speaker.
_BAR_SUFFIX = re.compile(r"\s+\|\s+[^|]{1,60}(?:\s*\|\s*[^|]{1,40})*$")
_DASH_SUFFIX = re.compile(r"\s+[—–-]\s+([^—–]{1,60})$")
_OUTLET_WORDS = re.compile(
    r"\b(?:news|times|post|journal|herald|tribune|guardian|telegraph|gazette|daily|weekly|"
    r"online|tv|radio|bbc|cnn|reuters|ap|afp|dw|npr|pbs|abc|cbs|nbc|fox|msnbc|politico|axios|"
    r"al jazeera|\w+\.(?:com|org|net|co\.uk))\b",
    re.IGNORECASE,
)
_TITLE_PREFIX = re.compile(
    r"^\s*(?:opinion|analysis|commentary|editorial|exclusive|breaking|live|watch|video|"
    r"mapped|explained|live updates|fact check)\s*[|:—–-]\s*",
    re.IGNORECASE,
)
# List teasers and explainers promise a format, not a fact: "5 Fast Facts You Need to Know",
# "What to know", "A simple guide to the Pandora Papers leak", "What we know", "... explained".
_LIST_TEASER = re.compile(
    r"\b(?:\d+\s+(?:fast\s+)?(?:facts|things|takeaways|questions)|(?:what|everything)\s+"
    r"(?:you\s+need\s+)?to\s+know|you\s+need\s+to\s+know|what\s+we\s+know|"
    r"(?:simple|quick|short|brief)\s+guide\s+to)\b|^\s*explained\s*:|\bexplained\s*$",
    re.IGNORECASE,
)
# Headlines run to about 15 words; a title longer than this is an opening sentence some pages
# carry as their headline.
MAX_TITLE_WORDS = 20
# Share of content words a headline and a sentence of its own article share (of the longer's)
# for the headline to be that sentence (a page whose title is its opening sentence).
SENTENCE_AS_TITLE = 0.9
# Share of a printed sentence's content words its source sentence holds (rewrites add a name,
# a role or an attribution, never more).
PRINTED_OVERLAP = 0.7
ALREADY_PRINTED = "its only printable sentence already states another claim of the brief"
# The attribution an opinion piece's line is printed with: a news analysis (its kind_reason
# names analysis) is not a column, and the reader is told which it is.
OPINION_ATTRIBUTION = "according to an opinion column"
ANALYSIS_ATTRIBUTION = f"according to {ANALYSIS_VOICE}"
# A publication of opinion prints news reports too: what is true of every line it prints.
PUBLICATION_ATTRIBUTION = "according to an opinion publication"
ATTRIBUTIONS = (OPINION_ATTRIBUTION, ANALYSIS_ATTRIBUTION, PUBLICATION_ATTRIBUTION)
# An analysis or characterisation in a news report's own voice (issue 11, item 6) is printed
# only with its outlet's name: "Axios reported in an analysis that ..." when the article is an
# analysis (its page says so, or it interprets throughout: `language.reads_as_analysis`), "The
# Washington Times reported that ..." for a report's characterisation ("steps up its harassment
# of") or its one interpretive line ("a blow to"). The outlet's name is the source's own (its
# footnote). The attribution opens the sentence: the verifier reads an opening "X reported
# that" as who tells the fact (a name the article itself rarely prints), not as part of it.
# The openings are `language.OUTLET_OPENINGS`; an opinion piece's line takes the one that
# names its kind's voice, and the closing attributions above stay for a source that names no
# outlet.
_NAMED_OPINION = {
    OPINION_ATTRIBUTION: OUTLET_COLUMN,
    PUBLICATION_ATTRIBUTION: OUTLET_PUBLICATION,
    ANALYSIS_ATTRIBUTION: OUTLET_ANALYSIS,
}
# An outlet recorded as its web address ("nytimes.com"): no name for a sentence to attribute to.
_DOMAIN = re.compile(r"^\S+\.[a-z]{2,}$")


def outlet_openings(outlets: Iterable[str | None]) -> tuple[str, ...]:
    """The openings `attributed_to_outlet` and `attributed_to_opinion` print for these
    outlets (`language.OUTLET_OPENINGS`: "The Hill reported in an analysis that", "Axios
    reported that", "The New York Post wrote in an opinion column that", ...) and their short
    forms a later line of the same voice takes (`attributed_once`: "AP's analysis added
    that", by the outlet's short name or its name in full)."""
    given = list(outlets)
    named = {outlet_in_text(outlet) for outlet in given} - {None}
    short = {outlet_short_name(outlet) for outlet in given} | named
    return tuple(
        _opening(form, outlet)
        for outlet in sorted(n for n in named if n and not _DOMAIN.search(n))
        for form in OUTLET_OPENINGS
    ) + tuple(
        _opening(again, outlet_possessive(outlet))
        for outlet in sorted(n for n in short if n and not _DOMAIN.search(n))
        for again in OUTLET_AGAIN.values()
    )


def _opening(form: str, outlet: str) -> str:
    """`form` filled with the outlet's name as running text names it (`outlet_in_text`; "the
    Hill"), capitalised as a sentence's opening."""
    said = form.format(outlet=outlet)
    return f"{said[:1].upper()}{said[1:]}"


def outlet_attributed(text: str, outlets: Iterable[str | None]) -> bool:
    """`text` is printed as one of these outlets' analysis, report or opinion line: it opens
    with an attribution of `outlet_openings` for one of them, not with any "X reported that"
    ("Police reported that ...")."""
    return any(text.startswith(f"{opening} ") for opening in outlet_openings(outlets))


def attribution_phrases(outlets: Iterable[str | None]) -> tuple[str, ...]:
    """Every attribution the composer may print for a story of these outlets: the selection's
    framing (`rank.Selection.framing`), words two attributed lines share whatever their facts."""
    return (*ATTRIBUTIONS, *outlet_openings(outlets))


# The rules a plain rewrite or the outlet's attribution can mend: the fact is true, only the
# voice is the outlet's.
OUTLET_VOICE_RULES = frozenset({INTERPRETATION, CHARACTERISATION})
# The attributions' own words: what two attributed lines share without retelling one fact.
ATTRIBUTION_WORDS = frozenset(
    word
    for said in (*ATTRIBUTIONS, *OUTLET_OPENINGS, *OUTLET_AGAIN.values())
    for word in content_words(said.format(outlet=""))
)
# How a member was made fit, best first: as it stands, less an evaluative modifier, attributed.
AS_WRITTEN, PLAIN_REWRITE, ATTRIBUTED = 0, 1, 2

# A person introduced by age whom fewer sources than this name is an example from one
# article's anecdote (language.aged_person), as is one the brief's line ties to nothing told
# before (language.unconnected_person); a news subject is named by the other reports too.
NEWS_SUBJECT_SOURCES = 2
# Articles published more than this many days apart: the brief says which period it covers.
MAX_DAYS_WITHOUT_PERIOD = 1


@dataclass(frozen=True)
class Wording:
    """What member choice needs to know about the whole story: its sentences and sources,
    every quotation as some article marks it, and the full names that surnames stand for."""

    sentences: Mapping[str, Sentence]
    sources: Mapping[str, Source]
    quotations: tuple[str, ...]
    names: dict[str, str] = field(default_factory=dict)
    roles: dict[str, str] = field(default_factory=dict)
    # Sentence id -> the sentence before it in its article (whom a "she said" quotes).
    previous: Mapping[str, str] = field(default_factory=dict)
    # Acronym -> the long form an article spells it out with ("JCS" -> "Joint Chiefs of Staff").
    acronyms: Mapping[str, str] = field(default_factory=dict)
    # Surnames the articles give two people in full ("Joe Biden", "Hunter Biden").
    shared_surnames: frozenset[str] = frozenset()

    @cached_property
    def texts(self) -> tuple[str, ...]:
        """The story's sentences, as written."""
        return tuple(sentence.text for sentence in self.sentences.values())

    @cached_property
    def analyses(self) -> frozenset[str]:
        """The sources that read as an analysis by their own wording
        (`language.reads_as_analysis`: headline and sentences)."""
        bodies: dict[str, list[str]] = {source_id: [] for source_id in self.sources}
        for sentence in self.sentences.values():
            if sentence.source_id in bodies:
                bodies[sentence.source_id].append(sentence.text)
        return frozenset(
            source_id
            for source_id, body in bodies.items()
            if reads_as_analysis(self.sources[source_id].title, body)
        )

    @cached_property
    def people(self) -> dict[str, str]:
        """The full names the story shows to be people's (`language.named_people`)."""
        return named_people(self.texts, self.names)

    def sources_naming(self, word: str) -> int:
        """How many sources have a sentence that uses `word` (a surname) as a word."""
        pattern = re.compile(rf"\b{re.escape(word)}\b")
        return len({s.source_id for s in self.sentences.values() if pattern.search(s.text)})

    @classmethod
    def of(cls, sentences: Mapping[str, Sentence], sources: Mapping[str, Source]) -> Wording:
        texts = [sentence.text for sentence in sentences.values()]
        quotes = {quote for text in texts for quote in quoted_passages(text)}
        names, shared = names_and_shared(texts)
        return cls(
            sentences,
            sources,
            tuple(sorted(quotes)),
            names,
            roles(texts, set(names.values())),
            _previous_sentences(sentences.values()),
            acronym_expansions(texts),
            shared,
        )


def _previous_sentences(sentences: Iterable[Sentence]) -> dict[str, str]:
    by_place = {(s.source_id, s.index): s.text for s in sentences}
    return {
        s.id: by_place[(s.source_id, s.index - 1)]
        for s in sentences
        if (s.source_id, s.index - 1) in by_place
    }


def tidy(text: str) -> str:
    """Light clean-up: dateline and labels, spaces before punctuation, doubled stops."""
    text = without_link_markers(strip_dateline(text.strip()))
    text = re.sub(r"\s+([,.;:!?])", r"\1", text)
    text = re.sub(r"([.!?])\s*[.]+$", r"\1", text)
    text = re.sub(r",\s*\.", ".", text)
    text = re.sub(r"\s{2,}", " ", text)
    if text and text[-1] not in ".!?\"'”’":
        text += "."
    return text[0].upper() + text[1:] if text else text


def reworded(sentence: Sentence, wording: Wording) -> str:
    """A member as printed: tidied, without connectives that tie it to the sentence before,
    a pronoun speaker named as the article's previous sentence names them, and a rubric that
    names its writer ("Why it matters, via <analyst>:") turned into that writer's attribution."""
    text, writer = rubric_voice(sentence.text.strip())
    text = without_back_references(tidy(text))
    previous = wording.previous.get(sentence.id, "")
    text = name_from_previous(text, previous, wording.names, wording.shared_surnames)
    return _attributed(text, f"according to {writer}") if writer else text


def attributed_to_opinion(
    text: str, source: Source | None = None, story: Iterable[str] = ()
) -> str:
    """The sentence attributed to the opinion piece it comes from, by the name its source
    gives, in an opening the verifier reads as who tells the fact ("The New York Post wrote in
    an opinion column that ...", "Jennifer Rubin wrote ...", "Townhall, an opinion publication,
    reported that ...", "FiveThirtyEight reported in an analysis that ..."); by its kind alone
    when the source names no outlet ("..., according to an opinion column."), since the
    verifier checks every name of a closing attribution against the article text, which rarely
    names its own outlet."""
    said = _attribution(source)
    if source is not None:
        named = _named(text, source, _NAMED_OPINION[said], story)
        if named is not None:
            return named
    return _attributed(text, said)


def _attributed(text: str, attribution: str) -> str:
    """ "<sentence>, <attribution>." (the sentence's closing quotation mark kept)."""
    match = re.match(r"^(.*?)[.!?]*([”\"’']?)$", text.strip(), re.DOTALL)
    body, closing = (match.group(1), match.group(2)) if match else (text, "")
    return f"{body.rstrip(' ,;:')}{closing}, {attribution}."


def _attribution(source: Source | None) -> str:
    reason = (source.kind_reason or "") if source is not None else ""
    if reason == PUBLICATION_OF_OPINION:
        return PUBLICATION_ATTRIBUTION
    return ANALYSIS_ATTRIBUTION if "analysis" in reason.lower() else OPINION_ATTRIBUTION


def problems(text: str, wording: Wording, before: str | None = None) -> list[str]:
    """The rules a tidied member breaks as printed after `before` (the brief so far; None
    while its place is not known). Opinion is handled by attribution."""
    found = sentence_problems(text, before)
    if unmarked_quotes(text, wording.quotations):
        found.append(UNMARKED_QUOTE)
    person = aged_person(text)
    if person is not None and wording.sources_naming(person) < NEWS_SUBJECT_SOURCES:
        found.append(ANECDOTE)
    character = unconnected_person(text, before)
    if character in wording.names and wording.sources_naming(character) < NEWS_SUBJECT_SOURCES:
        found.append(UNCONNECTED_PERSON)
    return found


def readability(sentence: Sentence, source: Source) -> float:
    """How well a member sentence stands alone in a neutral brief (higher is better)."""
    words = len(sentence.text.split())
    return (
        CREDIBILITY_PREFERENCE * source.weight
        + NEWS_BONUS * (source.kind == "news")
        + ATTRIBUTION_BONUS * is_attributed(sentence.text)
        - LENGTH_PENALTY_PER_WORD * max(0, words - COMFORTABLE_WORDS)
    )


@dataclass(frozen=True)
class Printed:
    """The member chosen for a claim and its printed text, or why the claim is left out."""

    sentence: Sentence | None
    text: str | None
    reason: str | None = None


def candidates(claim: Claim, sentences: Mapping[str, Sentence]) -> list[Sentence]:
    """The claim's members and the sentences of other sources that state all of it
    (`Evidence.states_all`), the seed first. A sentence that supports only a part of the claim
    tells another fact: printed for this claim, it would tell that fact under this claim's
    support (the seed brief printed its lead for a claim about the troop build-up)."""
    evidence = [e.sentence_id for e in claim.evidence if e.sentence_id and e.states_all]
    ids = dict.fromkeys([*claim.member_ids, *evidence])
    return [sentences[i] for i in ids if i in sentences]


def printable(
    claim: Claim, wording: Wording, printed: Collection[str] = (), before: str | None = None
) -> Printed:
    """The best-reading member that breaks no rule after `before` (the brief so far, None
    while unknown) and is not `printed` already (sentence ids), as printed; else the reason to
    leave the claim out (the rules its members break)."""
    sources = wording.sources
    passing: list[tuple[Sentence, str, int]] = []
    broken: list[str] = []
    for sentence in candidates(claim, wording.sentences):
        if sentence.id in printed:
            continue
        source = sources[sentence.source_id]
        if is_truncated(sentence.text):  # tidy would turn "for..." into "for."
            broken.append(TRUNCATED)
            continue
        if strip_dateline(sentence.text)[:1].islower():  # tidy would capitalise the fragment
            broken.append(FRAGMENT)
            continue
        text = reworded(sentence, wording)
        found = problems(text, wording, before)
        if _piece_anecdote(text, source, wording):
            found.append(FEATURE_ANECDOTE)
        mended = AS_WRITTEN
        if found and set(found) <= OUTLET_VOICE_RULES:
            text, found, mended = in_plain_voice(text, source, wording, before)
        # A rubric that says whose analysis follows has attributed the line already (`reworded`).
        opinion = source.kind == "opinion" and rubric_voice(sentence.text)[1] is None
        if opinion and not found and mended != ATTRIBUTED:
            text = attributed_to_opinion(text, source, wording.texts)
        elif _analysis_line(text, source, wording) and not found and mended != ATTRIBUTED:
            text, found, mended = in_outlet_voice(text, source, wording, before)
        if found:
            broken.extend(found)
            continue
        passing.append((sentence, text, mended))
    if not passing:
        return Printed(None, None, _reason(broken) if broken else ALREADY_PRINTED)
    sentence, text, _ = max(
        passing,
        key=lambda row: (
            -row[2],  # a plainer member first (an editor's choice), then the better read
            readability(row[0], sources[row[0].source_id]),
            row[0].id == claim.member_ids[0],
            row[0].id,
        ),
    )
    return Printed(sentence, text)


def _piece_anecdote(text: str, source: Source, wording: Wording) -> bool:
    """A line of an opinion or analysis piece that opens on a person (`language.opening_person`)
    whom the articles give no role and no other article names: the piece's anecdote ("W.
    Mondale Robinson spent a large chunk of last fall in clubs ..."), no fact of the story,
    whatever attribution it would be printed with."""
    if source.kind != "opinion" and source.id not in wording.analyses:
        return False
    surname = opening_person(text, wording.names)
    if surname is None or wording.names[surname] in wording.roles:
        return False
    return wording.sources_naming(surname) < NEWS_SUBJECT_SOURCES


def _analysis_line(text: str, source: Source, wording: Wording) -> bool:
    """A line of a news report that reads as an analysis throughout (`Wording.analyses`) in
    the writer's own voice: printed as that outlet's analysis even when it holds no marker
    itself ("Biden embraced major progressive policy goals ..."). A line that says who says
    it ("..., Mr. Biden said", "Governor Tom Pike vowed"), or quotes anyone, reports speech:
    the writer's voice is not in it."""
    return (
        source.kind == "news"
        and source.id in wording.analyses
        and not is_attributed(text)
        and not quoted_passages(text)
        and not closing_speaker(text, wording.names)
    )


def in_plain_voice(
    text: str, source: Source, wording: Wording, before: str | None = None
) -> tuple[str, list[str], int]:
    """A member whose only faults are an analysis or a characterisation in its own voice
    (OUTLET_VOICE_RULES), mended: by `language.plain_rewrite` when that leaves it plain ("the
    government's enormous relief effort" -> "the government's relief effort"; "..., in what
    could be a test of the law." or "– effectively hiding from view –" cut), else attributed
    (an opinion piece's line to its kind, a news report's to its outlet by name: "in an
    analysis" only when the article reads as one, `Wording.analyses`; one interpretive line
    of a report is what its outlet "reported"). Returns the text, the rules it still breaks and
    how it was mended (PLAIN_REWRITE or ATTRIBUTED; AS_WRITTEN when nothing could be done)."""
    plain = plain_rewrite(text)
    if plain != text and not problems(plain, wording, before):
        return plain, [], PLAIN_REWRITE
    return in_outlet_voice(text, source, wording, before)


def in_outlet_voice(
    text: str, source: Source, wording: Wording, before: str | None
) -> tuple[str, list[str], int]:
    """A member attributed to the voice it is in: an opinion piece's line to its kind, a news
    report's to its outlet by name ("... reported in an analysis that" for an article that
    reads as one, `Wording.analyses`), and an analysis whose source names no outlet to "a news
    analysis" (`ANALYSIS_ATTRIBUTION`), never printed as fact. Returns the text, the rules it
    still breaks and ATTRIBUTED; the text as it stands and AS_WRITTEN when no attribution can
    be written."""
    attributed: str | None
    analysis = source.id in wording.analyses
    if source.kind == "opinion":
        attributed = attributed_to_opinion(text, source, wording.texts)
    else:
        attributed = attributed_to_outlet(text, source, analysis, wording.texts)
        if attributed is None and analysis:
            attributed = _attributed(text, ANALYSIS_ATTRIBUTION)
    if attributed is None:
        return text, problems(text, wording, before), AS_WRITTEN
    return attributed, problems(attributed, wording, before), ATTRIBUTED


def attributed_to_outlet(
    text: str, source: Source, analysis: bool, story: Iterable[str] = ()
) -> str | None:
    """The sentence attributed to the news outlet that wrote it: "Axios reported in an
    analysis that ..." for an `analysis` (an article that reads as one by its page's marks or
    its wording), else "The Washington Times reported that ..."; None when the source names no
    outlet."""
    return _named(text, source, OUTLET_ANALYSIS if analysis else OUTLET_REPORTED, story)


def _named(text: str, source: Source, form: str, story: Iterable[str]) -> str | None:
    """The sentence as the clause after `form` filled with the source's outlet; None when the
    source names no outlet."""
    outlet = outlet_in_text(source.outlet)
    if outlet is None or _DOMAIN.search(outlet):  # "Nytimes.com reported" names no outlet
        return None
    opening = _opening(form, outlet)
    if form != OUTLET_REPORTED and not VOICE_OPENING.match(f"{opening} "):
        return None  # a name the verifier would not read as the voice ("Reuters, Inc.")
    return f"{opening} {_as_clause(text, story)}"


# Word forms that open a sentence as a participle or adverb ("Testifying before ...").
_COMMON_FORM = re.compile(r"(?:ing|ly)$")


def _as_clause(text: str, story: Iterable[str]) -> str:
    """A sentence as the clause after "reported that": its first word in lower case unless it
    reads as a name: an initial or an acronym, or a word the `story` capitalises inside its
    sentences ("China", "Senate", "Bush" in "George W. Bush"; a function word only as a name:
    "May" alone, "Will Smith" with the same next word), or a word other than a function word
    that stands before another capitalised word ("President Joe Biden"). It is lowered when it
    is a function word, a participle or adverb ("Testifying ..."), a word the story writes in
    lower case ("Doctors are ..." -> "doctors are ..."), or a plural or past form of a
    frequent English word that the story never writes as a name (`_inflected`: "Images of
    ...", "Asked whether ..."); else it keeps its capital."""
    first = re.match(r"([A-Z][\w’'-]*)(\.?\s+([\w’'-]+))?", text)
    if first is None:
        return text
    word, next_word = first.group(1), first.group(3) or ""
    before_capital = next_word[:1].isupper()
    initial = len(word) == 1 and (first.group(2) or "").startswith(".")  # "W. Mondale"
    acronym = initial or word[1:2].isupper()
    index = _story_index(tuple(story))
    lower = word.lower()
    if lower in english_stop_words():
        name = (word, next_word) in index.pairs if before_capital else word in index.alone
    else:
        name = before_capital or word in index.named
    if acronym or name:
        return text
    common = lower in english_stop_words() or _COMMON_FORM.search(lower)
    if common or lower in index.lower or _inflected(word, index):
        return text[:1].lower() + text[1:]
    return text  # no evidence either way: a name's capital is the safer guess


def _inflected(word: str, index: _StoryIndex) -> bool:
    """`word` is a plural or past form of a frequent English word
    (`language.inflected_common_word`: "Images of ...", "Asked whether ...") and the story
    writes no form of it as a name inside a sentence ("American" in "said American officials"
    keeps "Americans")."""
    forms = {word, *(base.capitalize() for base in base_forms(word.lower()))}
    return inflected_common_word(word) and not forms & index.named


@dataclass(frozen=True)
class _StoryIndex:
    """How a story writes its words inside sentences: capitalised after a lower-case word, a
    comma or an initial ("said China", "George W. Bush"), with their next word, alone (before
    no capitalised word: "Theresa May said" has "May" alone), and in lower case."""

    named: frozenset[str]
    pairs: frozenset[tuple[str, str]]
    alone: frozenset[str]
    lower: frozenset[str]


# A capitalised word inside a sentence, after a lower-case word, a comma, an initial or a
# title ("Mr. Reed"); read by lookbehind, so that every word of a run is found ("Abiy Ahmed").
_INNER_CAPITAL = re.compile(
    r"(?:(?<=[a-z,;])|(?<=\b[A-Z]\.)|(?<=\bMr\.)|(?<=\bMs\.)|(?<=\bDr\.)|(?<=\bMrs\.))"
    r"\s+([A-Z][\w’'-]*)\b(?=(?:\s+([\w’'-]+))?)"
)
# Stories a process composes at once (the index is per story; one is read at a time).
_STORY_CACHE = 4


@lru_cache(maxsize=_STORY_CACHE)
def _story_index(texts: tuple[str, ...]) -> _StoryIndex:
    named: set[str] = set()
    pairs: set[tuple[str, str]] = set()
    alone: set[str] = set()
    for text in texts:
        for found in _INNER_CAPITAL.finditer(text):
            word, following = found.group(1), found.group(2) or ""
            named.add(word)
            pairs.add((word, following))
            if not following[:1].isupper():
                alone.add(word)
    lower = {w for text in texts for w in re.findall(r"\b[a-z][\w’'-]*", text)}
    return _StoryIndex(frozenset(named), frozenset(pairs), frozenset(alone), frozenset(lower))


def _reason(broken: Sequence[str]) -> str:
    rules = sorted(set(broken), key=list(broken).index)
    if LOADED in rules:
        return f"every wording breaks a rule for brief sentences: {', '.join(rules)}"
    return f"no member sentence can be printed alone: {', '.join(rules)}"


def best_member(claim: Claim, wording: Wording) -> Sentence | None:
    """The member sentence `printable` would print (None when none can be)."""
    return printable(claim, wording).sentence


def with_full_names(texts: Sequence[str], wording: Wording) -> list[str]:
    """In brief order, a person's first mention carries the full name and the role the
    articles give ("Ushakov said" -> "Putin's foreign affairs adviser Yuri Ushakov said"), a
    later one the surname alone (`language.second_references`), and
    an acronym's first mention the long form an article gives it ("the JCS chairman" -> "the
    Joint Chiefs of Staff (JCS) chairman"; the long form alone when the brief never uses the
    acronym again)."""
    written: list[str] = []
    for number, text in enumerate(texts):
        so_far = " ".join(written)
        for surname in dict.fromkeys(surnames_before_full_mention(text, so_far, wording.names)):
            text = write_full_name(text, surname, wording.names[surname])
        for full, role in wording.roles.items():
            if full in text and full not in so_far:
                text = with_role(text, full, role)
        text = second_references(text, so_far, wording.people)
        for acronym in unexplained_acronyms(text, so_far, wording.acronyms):
            later = " ".join([text, *texts[number + 1 :]])
            again = acronym_mentions(later, acronym) > 1
            text = write_acronym(text, acronym, wording.acronyms[acronym], again)
        written.append(text)
    return written


def attributed_once(texts: Sequence[str], sources: Iterable[Source]) -> list[str]:
    """In brief order, a voice's attribution in full at its first line and short after that:
    "AP Politics & Fact Check reported in an analysis that ..." once, then "AP's analysis
    added that ..." (`language.OUTLET_AGAIN`). Every line still names the outlet and the kind
    of piece; an outlet whose short name another outlet of the story shares ("the Post") is
    named in full in the short form too."""
    named = {outlet_in_text(source.outlet) for source in sources}
    outlets = sorted(name for name in named if name)
    shorts = [outlet_short_name(outlet) for outlet in outlets]
    # Full opening (with its space) -> the short form and the outlet it names.
    openings = {
        f"{_opening(form, outlet)} ": (again, outlet)
        for form, again in OUTLET_AGAIN.items()
        for outlet in outlets
    }
    seen: set[str] = set()
    written: list[str] = []
    for text in texts:
        opening = next((o for o in openings if text.startswith(o)), None)
        if opening in seen:
            again, outlet = openings[opening]
            short = outlet_short_name(outlet) or outlet
            name = short if shorts.count(short) == 1 else outlet
            text = f"{_opening(again, outlet_possessive(name))} {text[len(opening) :]}"
        if opening is not None:
            seen.add(opening)
        written.append(text)
    return written


def clean_title(title: str, outlet: str | None = None) -> str:
    """A headline without site or section suffixes, labels ("| The Japan Times") and list
    teasers (`_without_teaser`)."""
    title = _BAR_SUFFIX.sub("", _TITLE_PREFIX.sub("", title.strip()))
    dash = _DASH_SUFFIX.search(title)
    if dash and (
        _OUTLET_WORDS.search(dash.group(1)) or (outlet and outlet.lower() in dash.group(1).lower())
    ):
        title = title[: dash.start()]
    return _without_teaser(title.strip())


def _without_teaser(title: str) -> str:
    """A headline less a list teaser it gives after or before a colon: "Frances Haugen,
    Facebook Whistleblower: 5 Fast Facts You Need to Know" is "Frances Haugen, Facebook
    Whistleblower" (the teaser promises a format; the rest names the news)."""
    parts = [part.strip() for part in title.split(": ")]
    if len(parts) != 2 or not all(parts):
        return title
    kept = [part for part in parts if not _LIST_TEASER.search(part)]
    return kept[0] if len(kept) == 1 else title


def headline(given: ComposeInput, chosen: Sequence[tuple[Claim, str]]) -> str:
    """The cleaned headline of a credible news article whose sentence the brief prints, a
    neutral headline (`neutral_headline`), sharing most words with the lead (first-ranked)
    sentence, else any such headline; else (every line is attributed to its outlet's analysis
    or an opinion piece) such a headline of a piece a line is attributed to, labelled as the
    line is (`_labelled`: "Analysis: ", "Opinion: "), or where each of those argues, the topic
    two of them share, labelled (`_shared_topic`: "Opinion: Booster shots"); else
    DEFAULT_TITLE, never an opening sentence, an uncited article's headline or one giving a
    figure the brief does not state (`_stated`). The period covered is added when the
    supporting articles are days apart."""
    lead = chosen[0][1] if chosen else ""
    printed = _printed_sources(given, chosen)
    told = _figures(" ".join(text for _claim, text in chosen))
    news = _stated(_titled(given, printed, lead, "news"), told)
    any_news = _stated(_titled(given, printed, "", "news"), told)
    if news or any_news:
        title = best_title(news or any_news, lead)
    else:
        title = _labelled(given, chosen) or _shared_topic(given, chosen) or DEFAULT_TITLE
    return _with_period(title, given, chosen)


# A run of at least this many words, the first and last of them content words, names a topic
# ("booster shots"); one word ("border") names too little to title a brief.
MIN_TOPIC_WORDS = 2
_TITLE_WORD = re.compile(r"[\w’'-]+")


def _shared_topic(given: ComposeInput, chosen: Sequence[tuple[Claim, str]]) -> str | None:
    """The topic of a brief of attributed lines whose pieces' headlines all argue
    ("Vaccinate the World before Starting COVID Booster Shots", "Biden must sort out ... over
    vaccine booster shots"): the longest run of words two of those headlines share that the
    brief's text states too, with no loaded word, written as the brief writes it, after the
    label its lines take ("Opinion: Booster shots"); None when they share none."""
    labels = _labels(given, chosen)
    brief = " ".join(text for _claim, text in chosen)
    titles = [_TITLE_WORD.findall(clean_title(given.sources[sid].title or "")) for sid in labels]
    runs = {
        run
        for n, first in enumerate(titles)
        for second in titles[n + 1 :]
        for run in _common_runs(first, second)
    }
    stated = [found for run in runs for found in [_written_in(run, brief)] if found]
    if not stated:
        return None
    topic = max(stated, key=lambda run: (len(run.split()), run))
    label = OPINION_TITLE_LABEL if OPINION_TITLE_LABEL in labels.values() else ANALYSIS_TITLE_LABEL
    return f"{label}{topic[:1].upper()}{topic[1:]}"


def _common_runs(first: Sequence[str], second: Sequence[str]) -> set[str]:
    """The runs of MIN_TOPIC_WORDS or more words two headlines share (case aside), first and
    last a content word, no word loaded."""
    lower = [word.lower() for word in second]
    found: set[str] = set()
    for start in range(len(first)):
        for end in range(start + MIN_TOPIC_WORDS, len(first) + 1):
            run = [word.lower() for word in first[start:end]]
            if not any(lower[i : i + len(run)] == run for i in range(len(lower))):
                break
            ends = content_words(run[0]) and content_words(run[-1])
            if ends and not find_loaded(" ".join(run)):
                found.add(" ".join(run))
    return found


def _written_in(run: str, text: str) -> str | None:
    """`run` as `text` writes it (its capitals), or None when `text` does not hold it."""
    found = re.search(rf"\b{re.escape(run)}\b", text, re.IGNORECASE)
    return found.group() if found else None


def _labelled(given: ComposeInput, chosen: Sequence[tuple[Claim, str]]) -> str | None:
    """The headline of a piece a printed line is attributed to, after the label its lines are
    printed with: "Analysis: Biden caught between allies and critics on border policy" for a
    line printed as its outlet's analysis, "Opinion: ..." for an opinion piece's. The label
    attributes the headline's interpretation ("caught between"), as the line's opening does;
    a loaded word, an argument ("must", a question, an imperative), a teaser, a figure the
    brief does not state, or no word shared with the lead still keep it out."""
    lead = chosen[0][1] if chosen else ""
    told = _figures(" ".join(text for _claim, text in chosen))
    labels = _labels(given, chosen)
    fit = {
        source.id: title
        for source in _stated([given.sources[sid] for sid in labels], told)
        for title in [_label_title(given, source, lead)]
        if title is not None
    }
    if not fit:
        return None
    best = max(fit, key=lambda sid: _title_fit(given.sources[sid], lead))
    return labels[best] + fit[best]


def _labels(given: ComposeInput, chosen: Sequence[tuple[Claim, str]]) -> dict[str, str]:
    """Source id -> the label of the headline of the piece each printed line is attributed to
    (the closest source of the line): "Analysis: " for a line printed as an analysis,
    "Opinion: " for an opinion piece's other lines; a news report's plain line has none."""
    labels: dict[str, str] = {}
    for claim, text in chosen:
        source = given.sources.get(_closest_source(claim, text, given) or "")
        if source is None or not source.title:
            continue
        opening = _opening(OUTLET_ANALYSIS, outlet_in_text(source.outlet) or "")
        if text.startswith(f"{opening} ") or ANALYSIS_ATTRIBUTION in text:
            labels.setdefault(source.id, ANALYSIS_TITLE_LABEL)
        elif source.kind == "opinion":
            labels.setdefault(source.id, OPINION_TITLE_LABEL)
    return labels


def _label_title(given: ComposeInput, source: Source, lead: str) -> str | None:
    """The source's cleaned headline as it titles the brief after its label, or None: a
    neutral headline but for the interpretation the label attributes, as written or less a
    loaded modifier (`language.without_loaded_modifiers`: "Border patrol's outrageous treatment
    of migrants" -> "Border patrol's treatment of migrants"), sharing a content word with the
    lead."""
    title = clean_title(source.title or "", source.outlet)
    body = _own_sentences(given, source.id)
    for candidate in dict.fromkeys((title, without_loaded_modifiers(title))):
        neutral = neutral_headline(candidate, body, attributed=True)
        if neutral and content_words(candidate) & content_words(lead):
            return candidate
    return None


def _titled(given: ComposeInput, printed: set[str], lead: str, kind: str) -> list[Source]:
    """Printed sources of `kind` whose cleaned headline reads as a neutral headline (see
    `neutral_headline`) and shares a content word with the lead sentence (any headline when
    `lead` is empty)."""
    return [
        s
        for s in given.sources.values()
        if s.title
        and s.id in printed
        and s.kind == kind
        and neutral_headline(clean_title(s.title, s.outlet), _own_sentences(given, s.id))
        and (not lead or content_words(clean_title(s.title, s.outlet)) & content_words(lead))
    ]


def _stated(titled: list[Source], told: set[float]) -> list[Source]:
    """The sources whose headline gives no figure the brief does not (`told`): a headline's
    figure is its lead fact ("Afghan refugees headed to 46 states", "... leaves at least 2
    dead"), and a brief that never states it, or states another, is not titled by it."""
    return [s for s in titled if _figures(clean_title(s.title or "", s.outlet)) <= told]


# A figure as a headline or sentence writes it in digits ("46", "1.2", "25%"); not an ordinal
# ("2nd"), a part of a name ("G7", "COVID-19") or of a date ("9/11"; a month's day is left out
# first, `MONTH_DAY`: "Jan. 6 panel").
_FIGURE = re.compile(r"(?<![\w/-])\d+(?:[.,]\d+)*(?![\w/])")
_NUMBER_WORD = re.compile(r"[a-z]+(?:-[a-z]+)?")


def _figures(text: str) -> set[float]:
    """The figures of `text`: its digits as written, less thousands separators, and the
    values of its number words from two up ("two" is 2, as "2" is; "twenty-five" is 25;
    "one" is as often no count: "no one", "one of")."""
    plain = re.sub(MONTH_DAY, " ", text)
    found = {float(f.replace(",", "")) for f in _FIGURE.findall(plain)}
    for word in _NUMBER_WORD.findall(plain.lower()):
        parts = word.split("-")
        if all(part in NUMBER_WORD_VALUES for part in parts):
            value = sum(NUMBER_WORD_VALUES[part] for part in parts)
            if value >= 2:
                found.add(float(value))
    return found


def _own_sentences(given: ComposeInput, source_id: str) -> list[str]:
    return [s.text for s in given.sentences.values() if s.source_id == source_id]


def neutral_headline(title: str, body: Sequence[str] = (), attributed: bool = False) -> bool:
    """A headline fit to title a neutral brief: no loaded word, no interpretation stated as
    fact, not a headline that argues or promises an analysis ("Why ...", a question), not a
    list teaser ("5 things to know"), and a headline rather than a sentence of the article
    (an opening sentence some pages carry as their title: a full stop at the end, longer than
    a headline, or one of `body`'s sentences), nor a teaser ("Inside ..."). An `attributed`
    headline (printed after its piece's label) may interpret: the label says whose it is."""
    interpreted = not attributed and interprets(title)
    if find_loaded(title) or interpreted or opinion_reason(None, title) is not None:
        return False
    if inside_headline(title):
        return False
    sentence_like = title.rstrip().endswith(".") or len(title.split()) > MAX_TITLE_WORDS
    if _LIST_TEASER.search(title) or sentence_like:
        return False
    words = content_words(title)
    return not any(_same_words(words, content_words(sentence)) for sentence in body)


def _same_words(first: set[str], second: set[str]) -> bool:
    return bool(first) and len(first & second) >= SENTENCE_AS_TITLE * max(len(first), len(second))


def best_title(titled: Sequence[Source], lead: str) -> str:
    """The one rule for whose headline titles a brief (both composers): the cleaned headline
    of the most credible source, then the closest to the lead."""
    best = max(titled, key=lambda source: _title_fit(source, lead))
    return clean_title(best.title or DEFAULT_TITLE, best.outlet)


def _title_fit(source: Source, lead: str) -> tuple[float, float, str]:
    """How well a source's headline titles a brief of this lead: credibility, then the share
    of its content words the lead holds."""
    words = content_words(clean_title(source.title or "", source.outlet))
    overlap = len(words & content_words(lead)) / max(1, len(words))
    return (round(source.weight, 1), overlap, source.id)


def _printed_sources(given: ComposeInput, chosen: Sequence[tuple[Claim, str]]) -> set[str]:
    """Sources whose own sentence the brief prints (nearly word for word): the verifier cites
    them, so their headlines are headlines of cited articles. A line printed as its outlet's
    analysis or framing ("The Hill reported in an analysis that ...") counts for none: its
    headline is that analysis's."""
    found: set[str] = set()
    outlets = {source.outlet for source in given.sources.values()}
    for claim, text in chosen:
        if outlet_attributed(text, outlets):  # an outlet's analysis or framing titles no brief
            continue
        words = content_words(text) - ATTRIBUTION_WORDS
        for sentence in candidates(claim, given.sentences):
            shared = len(words & content_words(sentence.text)) / max(1, len(words))
            if shared >= PRINTED_OVERLAP:
                found.add(sentence.source_id)
    return found


def _closest_source(claim: Claim, text: str, given: ComposeInput) -> str | None:
    """The source whose sentence a printed line is (the closest candidate of its claim): an
    attributed line is attributed to that piece alone, so only its headline may title it."""
    words = content_words(text) - ATTRIBUTION_WORDS
    closest = max(
        candidates(claim, given.sentences),
        key=lambda sentence: len(words & content_words(sentence.text)),
        default=None,
    )
    return closest.source_id if closest is not None else None


def _with_period(title: str, given: ComposeInput, chosen: Sequence[tuple[Claim, str]]) -> str:
    """The title, plus "(14–17 December 2021)" when the supporting articles were published
    more than a day apart, so every fact is read against the period it comes from."""
    dates = sorted(
        {
            dt.date.fromisoformat(given.sources[source_id].published or "")
            for claim, _ in chosen
            for source_id in claim.source_ids
            if source_id in given.sources and given.sources[source_id].published
        }
    )
    if len(dates) < 2 or (dates[-1] - dates[0]).days <= MAX_DAYS_WITHOUT_PERIOD:
        return title
    first, last = dates[0], dates[-1]
    return f"{title} ({_day(first)} to {_day(last)})"


def _day(day: dt.date) -> str:
    return f"{day.day} {day.strftime('%B %Y')}"
