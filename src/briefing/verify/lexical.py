"""Lexical evidence for the aligner: names, numbers, dates, quotes, negation and actors in a
sentence, and the conflicts between two sentences that rule out support ("number differs",
"negation differs", "actors swapped"...). The aligner (`briefing.verify`) combines these with
embedding similarity.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from functools import cache, lru_cache
from itertools import pairwise
from typing import NamedTuple

from briefing.language import (
    ACRONYM_SKIP_WORDS,
    DATE_WORDS,
    MONTH_ABBREVIATIONS,
    NUMBER_WORD_VALUES,
    ORDINAL_VALUES,
    SCALE_WORDS,
    VOICE_OPENING,
    WEEKDAY,
    data_lines,
    english_stop_words,
    is_truncated,
    stem,
)


def _word_list(text: str) -> list[str]:
    return text.split()


def _word_set(text: str) -> frozenset[str]:
    return frozenset(text.split())


@dataclass(frozen=True)
class Thresholds:
    """How the support score is made and where it must reach.

    `weight`: share of the embedder's cosine in the score (the rest is word coverage);
    `support`: the least score that counts as support; `floor`: candidates below this
    cosine are never examined (speed; set well below any supported pair's cosine).
    """

    weight: float
    support: float
    floor: float
    # The least score at which a unit supports one part of a sentence that states several facts.
    part: float = 0.0

    def score(self, cosine: float, coverage: float) -> float:
        return round(self.weight * cosine + (1.0 - self.weight) * coverage, SCORE_DECIMALS)


# At most this many words between two names linked by a verb ("Xi strongly backed Putin").
ACTOR_GAP = 5
# Content words after a negation cue that it governs ("no plans to attack Ukraine"),
# unless a clause break or another cue comes first.
NEGATION_SCOPE = 2
# Cues written as a prefix ("non-essential travelers") negate only the word they are joined to.
_PREFIX_CUES = frozenset({"non"})
# Words either side of a name that say what it does in its sentence (`_replaced`).
NAME_CONTEXT = 3
# Verbs with which an outlet credits a report to another ("Xinhua reported that ..."); a
# named voice's opening is read whole (`Features.voice`).
_REPORTED = frozenset({"reported", "reports", "reporting"})
# The government as news copy names it: "the White House", "the Biden administration".
_WHITE_HOUSE = ("white", "house")
_ADMINISTRATION = "administration"
# The country whose name stands for its administration ("the U.S. will reopen land borders"),
# and the words before a country that make it a place, not an actor ("children in the U.S.").
_COUNTRY = "us"
_PLACE_PREPOSITIONS = _word_set("in across throughout into inside outside within around")
# "to" and "from" make the country a place only after movement ("flights to the United
# States", "imports from U.S. farms"); elsewhere it is the source or the recipient, the
# government ("according to U.S. officials", "a response from the U.S.", "sanctions from the
# United States").
_DIRECTIONS = _word_set("to from")
_MOVEMENT = _word_set(
    "flight flights travel travels travelers travellers trip trips export exports import imports "
    "migrant migrants immigrants refugees visitors tourists shipments journey"
)
# After the country, these make it the government's own ("U.S. officials"), never a place.
_GOVERNMENT_AFTER = _word_set("officials official government administration")
# Scores are rounded so that float noise never changes brief.json's bytes.
SCORE_DECIMALS = 4

# "U.S." and "U.S.A." become "US" and "USA" before tokenising, so they are one name.
_ACRONYM_DOTS = re.compile(r"\b[A-Z](?:\.[A-Z])+\b\.?")
# Name-number compounds ("COVID-19", "F-15"), numbers, then words (apostrophes inside kept).
_TOKEN = re.compile(r"[^\W\d_]+-\d+\w*|\d+(?:[.,:]\d+)*|[^\W\d_]+(?:'[^\W\d_]+)*")
_QUOTED = re.compile(r"[“\"]([^”\"]{2,}?)[”\"]|(?<!\w)‘([^’]{2,}?)’(?!\w)")
# After these a capital letter may just start a sentence or a quotation.
_OPENERS = frozenset('“"‘(:.!?—–-')
_CLAUSE_BREAK = re.compile(r"[,;:.!?()—–]")
_NUMBER_WORDS = {
    word: str(value)
    for word, value in NUMBER_WORD_VALUES.items()
    if word != "one"  # "one" is a pronoun as often as a number ("no one", "one of")
} | {word: str(int(value)) for word, value in SCALE_WORDS.items()}
# A number word hyphened to a unit of time is the number ("a six-month wait", "a three-hour
# interview": 6 and 3, as "six months" and "3-hour" are); hyphened to anything else it stays a
# word: part of a bigger number ("twenty-five", "two-thirds") or of a description ("a
# four-star general", "a two-term senator"), which is no count the story reports.
TIME_UNITS = _word_set("second minute hour day night week month year decade")
_HYPHEN_AFTER = re.compile(r"-([^\W\d_]+)")
_DATE_WORDS = DATE_WORDS | frozenset(MONTH_ABBREVIATIONS)
_WEEKDAYS = frozenset(word for word in DATE_WORDS if word.endswith("day"))
# Words before a weekday that make it the fact's own time frame, not the day it happened or
# was told: a deadline ("by Friday", "no later than Monday", "due Friday"), the earliest or
# latest day ("as soon as Wednesday", "as early as Tuesday"), a span's end ("until Monday",
# "through Sunday", "into Tuesday"), a day set or moved ("scheduled for Tuesday", "postponed to
# Monday", "starting Monday") or to come ("next Wednesday"); a second day joined to it ("set for
# Friday or Saturday"). Single words that as often frame the sentence are no cue ("as Monday
# wore on", "after Friday's selloff", "worked from Friday to Sunday"), and a day with a
# possessive names a thing ("Tuesday's vote"). One home for `Features.due` and `segments.core`.
_SCHEDULED = (
    r"(?:re)?scheduled|set|slated|planned|postponed|delayed|moved|pushed(?:\s+back)?"
    r"|brought\s+forward"
)
_DUE_DAY = re.compile(
    rf"""
    \b(?i: by | until | till | before | since | through | into | next | starting | beginning
        | effective | due
        | as \s+ (?:soon|early|late) \s+ as
        | (?:later|earlier|sooner) \s+ than
        | (?:{_SCHEDULED}) \s+ (?:for|to|until|from|on) )
    \s+ (?P<day>{WEEKDAY}) \b (?![’'])
    (?: \s+ (?i:to|and|or) \s+ (?P<also>{WEEKDAY}) \b (?![’']) )?
    """,
    re.VERBOSE,
)
# A sentence that opens with its day sets the scene ("By Tuesday, the fire had burned ..."): the
# day is when, not the fact's time frame.
# The part of a day that may follow it ("on Wednesday morning").
PART_OF_DAY = r"(?:\s+(?:morning|afternoon|evening|night))?"
SCENE_DAY = re.compile(
    rf"^\W*(?:by|on|until|till|since|through)\s+{WEEKDAY}{PART_OF_DAY},\s*", re.IGNORECASE
)


def due_days(text: str) -> list[tuple[int, str]]:
    """Where in `text` each weekday that is the fact's own time frame starts, and the day
    (lower case): "as soon as Wednesday", "by Friday", not "on Wednesday", not "Tuesday's vote",
    not the scene-setting "By Tuesday," that opens a sentence."""
    scene = SCENE_DAY.match(text)
    skip = scene.end() if scene else 0
    return [
        (match.start(group), match.group(group).lower())
        for match in _DUE_DAY.finditer(text, skip)
        for group in ("day", "also")
        if match.group(group)
    ]


# Capitalised words that give a role or a kind, not who or what: they never anchor a name
# ("Foreign Minister Sergei Ryabkov" is found by "Ryabkov", "the Winter Olympic Games" by
# "Winter Olympics").
_TITLES = _word_set(
    "president minister foreign deputy secretary prime chairman chief leader state assistant "
    "adviser advisor spokesman spokeswoman spokesperson general mr mrs ms dr sir the games "
    "ministry agency news office party council department group forces army gov sen rep gen "
    "lt col capt sgt adm prof rev"
)
# Plural acronyms ("VIPs", "CEOs") are common nouns, not names.
_PLURAL_ACRONYM = re.compile(r"[A-Z]{2,}s")
# Words between two names that do not make the first the actor and the second the object:
# coordination, symmetric verbs ("met", "spoke with") and verbs of saying.
_JOINERS = _word_set(
    "and or with met meet meets meeting spoke speak talked talks said says stated added "
    "reported quoted according"
)
# A gap of only these words between two names is a place or a relation, not a verb joining an
# actor to an object ("met Ryabkov in Moscow", "the minister of Russia").
_PREPOSITIONS = _word_set("in at on of from for by near inside outside the to into")
# Capitalised words that name a role a person holds ("Russian President Vladimir Putin"): the
# story's own articles teach which person a role stands for ("the Russian president").
_ROLE_TITLES = _word_set(
    "president minister secretary chairman chairwoman chair chief leader director governor "
    "senator spokesman spokeswoman spokesperson commissioner ambassador envoy speaker judge "
    "general mayor ceo premier chancellor king queen prince pope attorney"
)
# Longest role phrase learned ("Senate Majority Leader"): modifiers before the title.
ROLE_WORDS = 4
# Names this long may differ by one letter between outlets' spellings ("Sergey"/"Sergei").
NAME_VARIANT_LENGTH = 5
# Multipliers written after a number ("$12m", "12.5 million", "$1.2bn"): numbers are compared
# as plain integers, so "$12m" and "$12 million" are one number.
_SCALES = {word: int(value) for word, value in SCALE_WORDS.items() if value >= 10**3} | {
    "k": 10**3, "m": 10**6, "mn": 10**6, "b": 10**9, "bn": 10**9, "tn": 10**12,
}  # fmt: skip
_SCALED = re.compile(
    r"(?<![\w.])(\d+(?:,\d{3})*(?:\.\d+)?)\s*(thousand|million|billion|trillion)\b"
    r"|(?<=[$€£])(\d+(?:,\d{3})*(?:\.\d+)?)\s*(k|m|mn|b|bn|tn)\b",
    re.IGNORECASE,
)
# Evidence is article prose: a sentence with fewer content words, or a short line without a
# closing punctuation mark (a heading, "More on coronavirus:"), is never evidence.
MIN_PROSE_WORDS = 5
HEADING_WORDS = 12
_CLOSING = tuple(".!?\"”’')…")
# Sentence-initial words with these endings are adverbs and participles, not names.
_NON_NAME_ENDINGS = ("ing", "ly")


@cache
def _negation_cues() -> frozenset[str]:
    return frozenset(data_lines("verify_negation.txt"))


@cache
def _antonym_sides() -> dict[str, tuple[tuple[frozenset[str], frozenset[str]], ...]]:
    """Stem -> each (its side, the opposite side) of the antonym pairs it is in: a sentence is
    checked against the pairs its own stems are in, not against every pair."""
    sides: dict[str, list[tuple[frozenset[str], frozenset[str]]]] = {}
    for left, right in _antonyms():
        for mine, theirs in ((left, right), (right, left)):
            for word in mine:
                sides.setdefault(word, []).append((mine, theirs))
    return {word: tuple(found) for word, found in sides.items()}


@cache
def _antonyms() -> tuple[tuple[frozenset[str], frozenset[str]], ...]:
    """Pairs of stem sets of opposite meaning (data/verify_antonyms.txt)."""
    pairs = []
    for line in data_lines("verify_antonyms.txt"):
        left, right = line.split("|")
        sides = [
            frozenset(stem(w.strip()) for w in side.split(",") if w.strip())
            for side in (left, right)
        ]
        pairs.append((sides[0], sides[1]))
    return tuple(pairs)


@cache
def _aliases() -> tuple[dict[str, str], tuple[tuple[re.Pattern[str], str], ...]]:
    """Token -> canonical name, and the multi-word names as (pattern, replacement)."""
    single: dict[str, str] = {}
    phrases: list[tuple[re.Pattern[str], str]] = []
    for line in data_lines("name_aliases.txt"):
        names = [name.strip() for name in line.split(",") if name.strip()]
        canonical = names[0]
        for name in names:
            if " " in name:
                pattern = re.compile(r"\b" + re.escape(name).replace(r"\ ", r"\s+") + r"\b", re.I)
                phrases.append((pattern, canonical.upper()))
            else:
                single[name] = canonical
    return single, tuple(phrases)


@cache
def _place_names() -> frozenset[str]:
    return frozenset(_aliases()[0].values())


@dataclass(frozen=True)
class NameChunk:
    """Consecutive capitalised words naming one entity ("Chinese President Xi Jinping")."""

    tokens: tuple[str, ...]
    anchors: tuple[str, ...]  # the tokens that say who (titles left out)
    position: int
    # Only country or place names ("Russian troops", "the Russian leader"): a sentence that
    # adds one is not naming a different actor, so it never makes names differ by itself.
    place: bool
    # False for a lone first word of a sentence never capitalised elsewhere: maybe no name.
    certain: bool = True
    # One word in capitals ("ICE"): found also where its words are spelt out.
    acronym: bool = False

    @property
    def who(self) -> tuple[str, ...]:
        """The anchors that say who: the places of a name that holds other words are left out
        ("US Congress" is found by "Congress", "Chinese President Xi Jinping" by "Xi")."""
        if self.place:
            return self.anchors
        return tuple(a for a in self.anchors if a not in _place_names()) or self.anchors


@dataclass(frozen=True)
class Features:
    """What the lexical checks need from one sentence, all lower-cased and canonical."""

    order: tuple[str, ...]
    words: frozenset[str]  # non-stopwords and names: what a name of another sentence can match
    stems: frozenset[str]
    negated: frozenset[str]
    names: tuple[NameChunk, ...]
    numbers: frozenset[str]
    dates: frozenset[str]
    quotes: tuple[str, ...]
    breaks: frozenset[int]  # positions of the words that follow a clause break
    plain: str  # the canonical tokens joined by spaces, padded, for quote look-ups
    prose: bool = True  # may be evidence: a statement, not a heading or a fragment
    # Weekdays that belong to the fact, its time frame ("as soon as Wednesday", "by Friday"):
    # found in the evidence, as a month is (`missing`), never cut as framing (`segments.core`).
    due: frozenset[str] = frozenset()
    # The text was cut short ("Taiwan sees itself as an..."): it is evidence only for the
    # words before the cut (`cut_short`).
    cut: bool = False
    # How many words open the text as a named voice's attribution ("St. Louis Post-Dispatch
    # wrote in an opinion column that": `language.VOICE_OPENING`): who tells the fact, whose
    # names no article need hold (`_reported_at`).
    voice: int = 0
    # Numbers the text writes as ordinal words ("seventh through 12th grades": 7): a number of
    # another sentence is found in them (`missing`, `identified`), but they are no figure of
    # this one, that another must hold or may contradict ("his third term").
    ordinals: frozenset[str] = frozenset()

    @property
    def written(self) -> frozenset[str]:
        """The numbers the text holds, in figures, words or ordinal words."""
        return self.numbers | self.ordinals


@dataclass(frozen=True)
class _Token:
    text: str
    canonical: str
    capital: bool
    initial: bool
    after_break: bool


class Lexicon:
    """Turns sentences into `Features`; knows the corpus words, to tell names from capitals."""

    def __init__(self, corpus: Iterable[str]) -> None:
        lower: set[str] = set()
        inner: set[str] = set()
        roles: dict[tuple[str, ...], set[str]] = {}
        for text in dict.fromkeys(corpus):  # sets only: a repeated sentence adds nothing
            normal = _normalise(text)
            words = _TOKEN.findall(normal)
            lower.update(w for w in words if w.islower())
            inner.update(w.lower() for w in words[1:] if w[:1].isupper())
            if any(title in normal.lower() for title in _ROLE_TITLES):
                _learn_roles(_tokenise(text), roles)
        self._lower = frozenset(lower)
        # Words the corpus capitalises inside a sentence: a sentence's first word that is not
        # one of these may be a name or just a capital ("Authorities erected ..."), so it is
        # never required to be found (`missing`).
        self._inner = frozenset(inner)
        # A role names a person only where the story's articles give it to one person alone.
        self._roles = {role: next(iter(who)) for role, who in roles.items() if len(who) == 1}
        self._seen: dict[str, Features] = {}

    def features(self, text: str) -> Features:
        """The features of `text`, computed once per lexicon (sentences recur: as candidates
        of many texts, in units, in the article-wide name look-ups)."""
        found = self._seen.get(text)
        if found is None:
            found = self._seen[text] = self._features(text)
        return found

    def _features(self, text: str) -> Features:
        tokens = _tokenise(text)
        flags = [self._is_name(token) for token in tokens]
        canon = tuple(token.canonical for token in tokens)
        stops = english_stop_words()
        content = [
            (i, t.canonical) for i, t in enumerate(tokens) if _is_content(t.canonical, stops)
        ]
        people = self._people(canon)
        return Features(
            order=canon,
            words=frozenset(c for _, c in content)
            | {c for c, f in zip(canon, flags, strict=True) if f}
            | people,
            stems=frozenset(stem(c) for _, c in content) | {stem(p) for p in people},
            negated=_negated(tokens, flags),
            names=self._certain(_chunks(tokens, flags), tokens),
            numbers=frozenset(c for c in canon if c[0].isdigit()),
            ordinals=frozenset(str(ORDINAL_VALUES[c]) for c in canon if c in ORDINAL_VALUES),
            dates=frozenset(
                t.canonical for t in tokens if t.capital and t.canonical in _DATE_WORDS
            ),
            due=frozenset(day for _, day in due_days(text)),
            cut=cut_short(text),
            voice=_voice_words(text),
            quotes=tuple(_quotes(text)),
            breaks=frozenset(i for i, token in enumerate(tokens) if token.after_break),
            plain=" " + " ".join(canon) + " ",
            prose=_is_prose(
                text,
                tokens,
                len({c for _, c in content} | {c for c, f in zip(canon, flags, strict=True) if f}),
            ),
        )

    def _certain(
        self, chunks: tuple[NameChunk, ...], tokens: Sequence[_Token]
    ) -> tuple[NameChunk, ...]:
        return tuple(
            replace(chunk, certain=False)
            if len(chunk.tokens) == 1
            and tokens[chunk.position].initial
            and tokens[chunk.position].text.lower() not in self._inner
            else chunk
            for chunk in chunks
        )

    def _people(self, canon: Sequence[str]) -> frozenset[str]:
        """The people that roles in the sentence stand for ("the Russian president")."""
        found: set[str] = set()
        for i, word in enumerate(canon):
            if word not in _ROLE_TITLES:
                continue
            for size in range(1, ROLE_WORDS + 1):
                person = self._roles.get(tuple(canon[max(0, i - size + 1) : i + 1]))
                if person is not None and i - size + 1 >= 0:
                    found.add(person)
        return frozenset(found)

    def _is_name(self, token: _Token) -> bool:
        if not token.capital or token.canonical in _DATE_WORDS or token.canonical[0].isdigit():
            return False
        if _PLURAL_ACRONYM.fullmatch(token.text):
            return False
        if len(token.text) > 1 and token.text.isupper():
            return True
        if not token.initial:
            return True
        word = token.text.lower()
        return (
            word not in english_stop_words()
            and word not in self._lower
            and not word.endswith(_NON_NAME_ENDINGS)
        )


def _scaled(match: re.Match[str]) -> str:
    digits, scale = (match.group(1), match.group(2)) if match.group(1) else match.group(3, 4)
    value = float(digits.replace(",", "")) * _SCALES[scale.lower()]
    return str(round(value))


def _learn_roles(tokens: Sequence[_Token], roles: dict[tuple[str, ...], set[str]]) -> None:
    """Record each role given to a person in a run of capitalised words: "Russian President
    Vladimir Putin" teaches ("russia", "president") and ("president",) -> "putin"."""
    run: list[_Token] = []
    for token in [*tokens, None]:
        if token is not None and token.capital and not (run and token.after_break):
            run.append(token)
            continue
        words = [t.canonical for t in run]
        titles = [k for k, word in enumerate(words) if word in _ROLE_TITLES]
        if titles and titles[-1] < len(words) - 1 and words[-1] not in _TITLES:
            last = titles[-1]
            for start in range(max(0, last - ROLE_WORDS + 1), last + 1):
                roles.setdefault(tuple(words[start : last + 1]), set()).add(words[-1])
        run = [token] if token is not None and token.capital else []


def _is_prose(text: str, tokens: Sequence[_Token], content_words: int) -> bool:
    if content_words < MIN_PROSE_WORDS:
        return False
    if not any(t.text.islower() and len(t.text) > 2 for t in tokens):
        return False
    return len(tokens) >= HEADING_WORDS or text.rstrip().endswith(_CLOSING)


# A quotation closed after its ellipsis ('... and we will...”') was elided by the writer, not
# cut by an excerpt; so was a bracketed ellipsis ("(...)", "[…]").
_CLOSING_QUOTE = tuple("\"”’'")
_ELISION = re.compile(r"[(\[]\s*(?:\.\s?\.\s?\.|…)\s*[)\]]\W*$")
# How a news API marks the characters it cut after an excerpt ("... [+2345 chars]").
_CHARS_CUT = re.compile(r"\s*\[\+\d+\s+chars\]\s*$")


def cut_short(text: str) -> bool:
    """The text ends in an ellipsis where an excerpt cut it (`language.is_truncated`),
    perhaps before a news API's "[+2345 chars]", not in one inside a closed quotation or in
    brackets."""
    if _CHARS_CUT.search(text):
        return True
    end = text.rstrip()
    return is_truncated(end) and not end.endswith(_CLOSING_QUOTE) and not _ELISION.search(end)


def _normalise(text: str) -> str:
    text = text.replace("’", "'").replace("`", "'")
    text = _SCALED.sub(_scaled, text)
    text = _ACRONYM_DOTS.sub(lambda m: m.group(0).replace(".", ""), text)
    for pattern, replacement in _aliases()[1]:
        text = pattern.sub(replacement, text)
    return text


@lru_cache(maxsize=1)
def corpus_lexicon(texts: tuple[str, ...]) -> Lexicon:
    """The Lexicon of a story's sentences, built once: the aligner, selection's conflict check
    and the disagreement finder all read the same sentences (each built its own: 5 s of CPU
    for three on 1,000 articles; docs/benchmarks.md)."""
    return Lexicon(texts)


# Sentences tokenised and remembered: every Lexicon of a run (the aligner's, the conflict
# checks') reads the same sentences, often several times. 2**16 sentences: ~100 articles' worth
# per story batch, a few tens of MB at most.
TOKEN_CACHE = 2**16


@lru_cache(maxsize=TOKEN_CACHE)
def _tokenise(text: str) -> tuple[_Token, ...]:
    normal = _normalise(text)
    single = _aliases()[0]
    tokens: list[_Token] = []
    previous_end = 0
    for match in _TOKEN.finditer(normal):
        raw = match.group(0)
        gap = normal[previous_end : match.start()]
        previous_end = match.end()
        word = (raw[:-2] if raw.endswith("'s") else raw).lower()
        word = word if _hyphened(normal, match) else _NUMBER_WORDS.get(word, word)
        if word[0].isdigit():
            word = word.replace(",", "")
        stripped = gap.strip()
        tokens.append(
            _Token(
                text=raw,
                canonical=single.get(word, word),
                capital=raw[0].isupper(),
                initial=not tokens or (bool(stripped) and stripped[-1] in _OPENERS),
                after_break=bool(_CLAUSE_BREAK.search(gap)),
            )
        )
    return tuple(tokens)


def word_spans(text: str) -> tuple[tuple[int, int] | None, ...]:
    """Where each word of `Features.order` stands in `text` (start, end), found in order; None
    for a word the normalisation rewrote ("$12m", "U.S.", an alias), which is in no span."""
    plain = text.replace("’", "'").replace("`", "'")  # as `_normalise`, same length
    spans: list[tuple[int, int] | None] = []
    cursor = 0
    for token in _tokenise(text):
        start = plain.find(token.text, cursor)
        if start < 0:
            spans.append(None)
            continue
        cursor = start + len(token.text)
        spans.append((start, cursor))
    return tuple(spans)


def _hyphened(text: str, match: re.Match[str]) -> bool:
    """The word follows a hyphen ("twenty-five", "twenty-five-year"), or is hyphened to a
    word that is no unit of time (`TIME_UNITS`)."""
    if match.start() > 0 and text[match.start() - 1] == "-":
        return True
    after = _HYPHEN_AFTER.match(text, match.end())
    return after is not None and after.group(1).lower() not in TIME_UNITS


def _is_content(word: str, stops: frozenset[str]) -> bool:
    return len(word) > 1 and not word[0].isdigit() and word not in stops


def _is_cue(word: str) -> bool:
    return word in _negation_cues() or word.endswith("n't")


def _negated(tokens: Sequence[_Token], names: Sequence[bool]) -> frozenset[str]:
    """Stems of the content words (names left out) that a negation cue governs."""
    stops = english_stop_words()
    negated: set[str] = set()
    for i, token in enumerate(tokens):
        if not _is_cue(token.canonical):
            continue
        governed = 0
        scope = 1 if token.canonical in _PREFIX_CUES else NEGATION_SCOPE
        for j in range(i + 1, len(tokens)):
            word = tokens[j].canonical
            if tokens[j].after_break or governed == scope or _is_cue(word):
                break
            if _is_content(word, stops):
                governed += 1
                if not names[j]:
                    negated.add(stem(word))
    return frozenset(negated)


def _chunks(tokens: Sequence[_Token], names: Sequence[bool]) -> tuple[NameChunk, ...]:
    chunks: list[NameChunk] = []
    current: list[int] = []
    for i in [*range(len(tokens)), len(tokens)]:
        joined = i < len(tokens) and names[i] and not (current and tokens[i].after_break)
        if joined:
            current.append(i)
            continue
        if current:
            words = tuple(tokens[k].canonical for k in current)
            anchors = tuple(w for w in words if w not in _TITLES)
            if anchors:
                place = all(word in _place_names() for word in anchors)
                acronym = len(current) == 1 and _is_acronym(tokens[current[0]].text)
                chunks.append(NameChunk(words, anchors, current[0], place, acronym=acronym))
        current = [i] if i < len(tokens) and names[i] else []
    return tuple(chunks)


def _is_acronym(text: str) -> bool:
    word = text[:-2] if text.endswith("'s") else text
    return 2 <= len(word) <= 6 and word.isalpha() and word.isupper()


def _spelt_out(acronym: str, order: Sequence[str]) -> bool:
    """Some run of words in `order` has the acronym's letters as initials, short words
    skipped ("immigration and customs enforcement" spells "ice")."""
    initials = [(i, w[0]) for i, w in enumerate(order) if w not in ACRONYM_SKIP_WORDS and w]
    letters = "".join(c for _, c in initials)
    return len(acronym) > 1 and acronym in letters


def _quotes(text: str) -> list[str]:
    found = []
    for match in _QUOTED.finditer(text):
        inner = match.group(1) or match.group(2) or ""
        words = [t.canonical for t in _tokenise(inner)]
        if words:
            found.append(" ".join(words))
    return found


@dataclass(frozen=True)
class Judgement:
    """How well one source unit supports a text, and a conflict if any.

    `coverage` is the share of the text's content words found in the unit (support for all of
    the text); `covering` the share of the unit's words found in the text (support for part of
    it: a source that says "Xi backed Putin's bid" supports part of "Xi backed Putin's bid, the
    Kremlin said on Wednesday"). Scores blend each with the cosine (`Thresholds.score`).
    """

    score: float
    conflict: str | None
    partial: float = 0.0
    cosine: float = 0.0
    coverage: float = 0.0
    covering: float = 0.0

    def supports(self, thresholds: Thresholds) -> bool:
        return self.conflict is None and self.score >= thresholds.support

    def supports_part(self, thresholds: Thresholds) -> bool:
        return self.conflict is None and max(self.score, self.partial) >= thresholds.support

    def rescored(self, thresholds: Thresholds) -> Judgement:
        """The same evidence scored with other thresholds (calibration)."""
        return replace(
            self,
            score=thresholds.score(self.cosine, self.coverage),
            partial=thresholds.score(self.cosine, self.covering),
        )


def judge(query: Features, candidate: Features, cosine: float, thresholds: Thresholds) -> Judgement:
    """Score `candidate` as support for `query` and name the first lexical conflict."""
    shared = len(query.stems & candidate.stems)
    coverage = shared / len(query.stems) if query.stems else 0.0
    covering = shared / len(candidate.stems) if candidate.stems else 0.0
    return Judgement(
        thresholds.score(cosine, coverage),
        conflict(query, candidate),
        thresholds.score(cosine, covering),
        round(float(cosine), SCORE_DECIMALS),
        round(coverage, SCORE_DECIMALS),
        round(covering, SCORE_DECIMALS),
    )


def joined(first: Features, second: Features) -> Features:
    """The features of two adjacent sentences read as one piece of evidence."""
    offset = len(first.order)
    shifted = tuple(replace(c, position=c.position + offset) for c in second.names)
    return Features(
        order=first.order + second.order,
        words=first.words | second.words,
        stems=first.stems | second.stems,
        negated=first.negated | second.negated,
        names=first.names + shifted,
        numbers=first.numbers | second.numbers,
        ordinals=first.ordinals | second.ordinals,
        dates=first.dates | second.dates,
        quotes=first.quotes + second.quotes,
        breaks=first.breaks | {offset} | {i + offset for i in second.breaks},
        plain=first.plain + second.plain[1:],
        prose=first.prose and second.prose,
        due=first.due | second.due,
        cut=first.cut or second.cut,
    )


# The conflict of two sentences that give different numbers for what they share.
NUMBER_CONFLICT = "number differs"


def conflict(query: Features, candidate: Features) -> str | None:
    """Why `candidate` contradicts `query`, or None. Missing details are no conflict (the
    sentence may say more than one source does); details that differ are."""
    if _differ(query.numbers, candidate.numbers):
        return NUMBER_CONFLICT
    if _dates_differ(query.dates, candidate.dates):
        return "date differs"
    if _names_differ(query, candidate):
        return "name differs"
    shared = query.stems & candidate.stems
    if bool(query.negated & shared) != bool(candidate.negated & shared):
        return "negation differs"
    if _opposite(query, candidate):
        return "opposite meaning"
    if _actors_swapped(query, candidate):
        return "actors swapped"
    return None


def _opposite(query: Features, candidate: Features) -> bool:
    """One sentence says "supported" where the other says "opposed" (no negation involved)."""
    negated = query.negated | candidate.negated
    sides = _antonym_sides()
    for mine, theirs in dict.fromkeys(side for s in query.stems for side in sides.get(s, ())):
        said, answered = query.stems & mine, candidate.stems & theirs
        if not said or not answered or (said | answered) & negated:
            continue
        if not candidate.stems & mine and not query.stems & theirs:
            return True
    return False


def _dates_differ(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    """Weekdays differ from weekdays, months from months ("Oct." is October); a weekday
    and a month say nothing against each other ("on Friday" / "on Oct. 15")."""
    days = [frozenset(d for d in dates if d in _WEEKDAYS) for dates in (mine, theirs)]
    months = [_months(dates) for dates in (mine, theirs)]
    return _differ(*days) or _differ(*months)


def _differ(mine: frozenset[str], theirs: frozenset[str]) -> bool:
    return bool(mine - theirs) and bool(theirs - mine)


def _has(word: str, words: frozenset[str]) -> bool:
    """`word` or its singular or plural is in `words` ("Uyghur Muslims" / "Muslim Uyghur")."""
    return word in words or word + "s" in words or (word[-1] == "s" and word[:-1] in words)


def _has_name(word: str, words: frozenset[str]) -> bool:
    """`_has`, or a spelling of the name one letter away ("Sergey" / "Sergei")."""
    if _has(word, words):
        return True
    if len(word) < NAME_VARIANT_LENGTH:
        return False
    return any(
        other[:3] == word[:3] and _one_edit(word, other)
        for other in words
        if abs(len(other) - len(word)) <= 1
    )


def _one_edit(a: str, b: str) -> bool:
    """The two words differ by one substituted, inserted or deleted letter."""
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long = sorted((a, b), key=len)
    return any(long[:i] + long[i + 1 :] == short for i in range(len(long)))


def _found(chunk: NameChunk, words: frozenset[str]) -> bool:
    return any(_has_name(anchor, words) for anchor in chunk.anchors)


def _names_differ(query: Features, candidate: Features) -> bool:
    """Each side names, in the other's words, someone the other does not (`_replaced` both
    ways): a different actor in the same place, not a missing one, nor a name the other adds
    elsewhere ("The FDA scheduled a meeting" / "The agency scheduled a meeting on Pfizer's
    request"). Places are left out ("Russia" / "the country"); `covered` still wants them
    found."""
    return any(_replaced(c, query, candidate) for c in _actors(query)) and any(
        _replaced(c, candidate, query) for c in _actors(candidate)
    )


def _replaced(chunk: NameChunk, features: Features, other: Features) -> bool:
    """`chunk` is not in `other`, yet most content words around it are: the other sentence
    tells the same event with someone else in the name's place ("Ryabkov met Donfried" /
    "Ryabkov met Sullivan"), not a detail it leaves out ("cared for at Walter Reed")."""
    if _found(chunk, other.words):
        return False
    start, end = chunk.position, chunk.position + len(chunk.tokens)
    order = features.order
    stops = english_stop_words()
    around = [
        w
        for w in (*order[max(0, start - NAME_CONTEXT) : start], *order[end : end + NAME_CONTEXT])
        if _is_content(w, stops)
    ]
    held = sum(stem(w) in other.stems or w in other.words for w in around)
    return not around or 2 * held >= len(around)


def _actors(features: Features) -> list[NameChunk]:
    """The names that say who acts: neither places nor the outlet that reported it."""
    reporter = _reported_at(features)
    return [c for c in features.names if not c.place and c.position >= reporter]


def _positions(chunk: NameChunk, order: Sequence[str]) -> list[int]:
    return [i for i, word in enumerate(order) if word in chunk.anchors]


def _actors_swapped(query: Features, candidate: Features) -> bool:
    """Two names that the query links by a verb ("Xi told Putin") are linked by a verb in the
    candidate too, but the other way round ("Putin told Xi")."""
    for first, second in pairwise(query.names):
        if set(first.anchors) & set(second.anchors):
            continue
        if not _linked(query, first.position + len(first.tokens), second.position):
            continue
        after, before = _positions(first, candidate.order), _positions(second, candidate.order)
        swapped = bool(after and before) and min(after) > max(before)
        if swapped and _linked(candidate, max(before) + 1, min(after)):
            return True
    return False


def _linked(features: Features, start: int, end: int) -> bool:
    """The words from `start` to `end` read as a verb phrase joining two actors: short, in
    one clause, and not a coordination, a symmetric verb or a verb of saying."""
    between = features.order[start:end]
    if not between or len(between) > ACTOR_GAP:
        return False
    if any(i in features.breaks for i in range(start, end + 1)):
        return False
    return not set(between) & _JOINERS and not set(between) <= _PREPOSITIONS


def covered(
    query: Features, supporters: Sequence[Features], context: Sequence[frozenset[str]]
) -> bool:
    """Every name, number and quoted phrase of `query` is in a supporting sentence."""
    return missing(query, supporters, context) is None


def _voice_words(text: str) -> int:
    """How many words of `text` open it as a named voice's attribution (0: none)."""
    opening = VOICE_OPENING.match(text)
    return len(_tokenise(opening.group())) if opening else 0


def _reported_at(query: Features) -> int:
    """Where an opening "X reported that" ends, or -1: the outlet that reported a fact is
    who tells it, not part of it, and other outlets credit other reporters ("Xinhua
    reported that Xi stressed ..." / "CCTV reported that Xi said ..."). A named voice's
    opening ends where its words do, whatever breaks its name holds ("St. Louis ...")."""
    if query.voice:
        return query.voice - 1
    for i, word in enumerate(query.order):
        if word in _REPORTED:
            clause = range(1, i + 1)
            return i if not any(k in query.breaks for k in clause) else -1
    return -1


def _name_found(
    chunk: NameChunk, texts: Sequence[Features], words: frozenset[str], near: frozenset[str]
) -> bool:
    """A name of the query is found in the supporting units (`words`, with the rest of its
    words in their articles, `near`); the places of a longer name need not be ("US Congress"
    is found by "Congress"). An acronym is found where the query or a supporter spells it
    out (`texts`)."""
    if chunk.acronym and any(_spelt_out(chunk.anchors[0], t.order) for t in texts):
        return True
    if _government(chunk, texts[0].order, texts[1:]):
        return True
    who = chunk.who
    return any(_has_name(a, words) for a in who) and all(_has_name(a, near) for a in who)


def _government(chunk: NameChunk, order: Sequence[str], units: Sequence[Features]) -> bool:
    """`chunk` names the government that a unit calls "the administration" or "the White
    House": news copy uses "the White House", "the Biden administration" and "the
    administration" for one another ("The White House has informed governors" / "The Biden
    administration notified governors"), and "the Biden administration" acts for its country
    ("the U.S. will reopen land borders"). A unit naming another president's administration
    speaks of another government: "the Trump administration" is not found in a unit about
    "the Biden administration's withdrawal" and "American citizens" (and where it stands in
    the place of the name, `conflict`: names differ)."""
    end = chunk.position + len(chunk.tokens)
    if chunk.anchors == _WHITE_HOUSE:
        return any(_ADMINISTRATION in unit.words for unit in units)
    if end >= len(order) or order[end] != _ADMINISTRATION:
        return False
    return any(
        not _other_administration(unit, chunk)
        and (
            _country_acts(unit) or set(_WHITE_HOUSE) <= unit.words or _ADMINISTRATION in unit.words
        )
        for unit in units
    )


def _country_acts(unit: Features) -> bool:
    """The unit names the U.S. as an actor ("the U.S. will reopen", "U.S. officials", "a
    response from the U.S."), not as a place ("children in the U.S.", "flights to the United
    States"): only an actor stands for its government."""
    for chunk in unit.names:
        if _COUNTRY not in chunk.anchors:
            continue
        end = chunk.position + len(chunk.tokens)
        after = unit.order[end : end + 1]
        before = [w for w in unit.order[max(0, chunk.position - 3) : chunk.position] if w != "the"]
        if set(after) & _GOVERNMENT_AFTER or not _as_place(before):
            return True
    return False


def _as_place(before: Sequence[str]) -> bool:
    """The words before a country make it a place: a place preposition, or a direction after
    movement ("exports to")."""
    if not before:
        return False
    if before[-1] in _PLACE_PREPOSITIONS:
        return True
    return before[-1] in _DIRECTIONS and len(before) > 1 and before[-2] in _MOVEMENT


def _other_administration(unit: Features, chunk: NameChunk) -> bool:
    """The unit names the administration of someone `chunk` does not name."""
    return any(
        c.position + len(c.tokens) < len(unit.order)
        and unit.order[c.position + len(c.tokens)] == _ADMINISTRATION
        and not set(c.anchors) & set(chunk.anchors)
        for c in unit.names
        if not c.place
    )


class Gap(NamedTuple):
    """A name, number, month or quoted phrase of a sentence that no supporting sentence
    holds."""

    kind: str  # "number", "date" (a month, or a time-frame weekday), "name" or "quoted words"
    words: str

    def __str__(self) -> str:
        verb = "are" if self.kind == "quoted words" else "is"
        return f"{self.kind} {self.words!r} {verb} in no supporting sentence"


def missing(
    query: Features, supporters: Sequence[Features], context: Sequence[frozenset[str]]
) -> Gap | None:
    """The first number, month (or weekday that is the fact's time frame, `Features.due`),
    name or quoted phrase of `query` that no supporting sentence holds (its `str` describes
    it for the audit); None when all are found.

    A name counts when one of its words is in a supporting sentence and the rest are there
    or elsewhere in a supporting article (`context`): "Xi Jinping" is found when the sentence
    says "Xi" and the article "Xi Jinping".
    """
    words = frozenset().union(*(s.words for s in supporters))
    near = words.union(*context)
    # A number is the fact itself (a date that differs is a conflict, `_dates_differ`).
    absent = sorted(query.numbers - frozenset().union(*(s.written for s in supporters)))
    if absent:
        return Gap("number", absent[0])
    # A month is the fact's date, not its framing ("complete the trials by early November"):
    # one no supporter gives is missing, as a number is. A weekday mostly says when it was
    # told ("said on Tuesday") and stays a detail.
    months = frozenset().union(*(_months(s.dates) for s in supporters))
    untold = sorted(d for d in query.dates if d not in _WEEKDAYS and d[:3] not in months)
    # A weekday that is the fact's time frame ("as soon as Wednesday") is part of the fact.
    untold += sorted(query.due - frozenset().union(*(s.dates for s in supporters)))
    if untold:
        return Gap("date", untold[0])
    reporter = _reported_at(query)
    for chunk in query.names:
        if chunk.position < reporter:
            continue
        if chunk.certain and not _name_found(chunk, [query, *supporters], words, near):
            return Gap("name", " ".join(chunk.tokens))
    for quote in query.quotes:
        if not any(quoted_in(quote, s) for s in supporters):
            return Gap("quoted words", quote)
    return None


def identified(query: Features, unit: Features) -> bool:
    """The unit states who and what `query` names: every name of it by one of its words
    ("Xi" for "Xi Jinping", an acronym where it is spelt out), every number and every quoted
    phrase, every month (a date `segments.core` keeps is the fact's: "starting in early
    November") and the weekday that is its time frame (`Features.due`). (`missing` asks more
    for the cited set as a whole: each name complete.)"""
    if not query.numbers <= unit.written or not query.due <= unit.dates:
        return False
    if _months(query.dates) - _months(unit.dates):
        return False
    reporter = _reported_at(query)
    for chunk in query.names:
        if chunk.position < reporter or not chunk.certain:
            continue
        if not _named_in(chunk, query.order, unit):
            return False
    return all(quoted_in(quote, unit) for quote in query.quotes)


def _months(dates: frozenset[str]) -> frozenset[str]:
    """The months among `dates` ("oct" for "October" and "Oct."), weekdays left out."""
    return frozenset(d[:3] for d in dates if d not in _WEEKDAYS)


def _named_in(chunk: NameChunk, order: Sequence[str], unit: Features) -> bool:
    """The unit names `chunk` by one of its words, spells out its acronym, or names the
    government it stands for (`_government`); `order` is the words of the chunk's sentence."""
    spelt = chunk.acronym and _spelt_out(chunk.anchors[0], unit.order)
    return spelt or _found(chunk, unit.words) or _government(chunk, order, [unit])


def framing_named(query: Features, fact: Features, units: Sequence[Features]) -> bool:
    """Every name of `query`'s framing (the names its fact without the framing,
    `segments.core`, has lost: who told it and to whom, "..., Schumer told CNN Thursday", "...,
    the Associated Press reported") is named in one of `units`: a passage that states the fact
    but not that Schumer told CNN does not support the sentence, which says he did. The outlet
    of an opening "X reported that" is who tells the brief's line, not a name of it
    (`_reported_at`)."""
    reporter = _reported_at(query)
    kept = {chunk.anchors for chunk in fact.names}
    return all(
        any(_named_in(chunk, query.order, unit) for unit in units)
        for chunk in query.names
        if chunk.position >= reporter and chunk.certain and chunk.anchors not in kept
    )


def quoted_in(quote: str, features: Features) -> bool:
    """The quoted phrase is in the sentence: word for word, or its content words in the same
    order with nothing between them but stop words. Outlets print one quotation with "&" for
    "and" or a filler word more or less ("should remain voluntary & never forced" / "should
    always remain voluntary and never forced"); a negation is never a filler."""
    if f" {quote} " in features.plain:
        return True
    wanted = _kept(quote.split())
    held = _kept(features.plain.split())
    size = len(wanted)
    return size > 0 and any(held[i : i + size] == wanted for i in range(len(held) - size + 1))


def _kept(words: Sequence[str]) -> list[str]:
    """The words of a quotation that must match: content words and negation cues."""
    stops = english_stop_words()
    return [w for w in words if _is_content(w, stops) or _is_cue(w)]
