"""The parts of a sentence that state separate facts: clauses split at semicolons, dashes,
conjunctions after a comma, and relative or temporal clauses. A draft sentence that fuses facts
from several articles is supported jointly when each part is supported by some article.
"""

from __future__ import annotations

import re

from briefing.language import REPORTING_VERBS, VOICE_OPENING, WEEKDAY
from briefing.verify.lexical import PART_OF_DAY, SCENE_DAY, due_days

# A part needs this many words of three or more letters to state a fact of its own; shorter
# ones ("the Kremlin said") stay with the part before them.
MIN_PART_WORDS = 3
# A sentence is split into at most this many parts: more would cut clauses into fragments.
MAX_PARTS = 4

# A clause that opens with a conjunction, comma or not. After a comma, also one that opens
# with a participle of consequence (", prompting strikes and protests"): a second fact;
# "drawing" only when what it draws is a reaction (not "drawing on his years as a prosecutor").
# A quotation and a speaker's clause too long to be a mere attribution (`unattributed`):
# '"...," Biden said in a question-and-answer session following a speech on the debt ceiling'
# tells the quotation and the occasion.
_BEFORE_CONJUNCTION = r"\s+(?=(?:while|whereas|but|after|because|although)\s)"
_DRAWN = (
    "criticism|condemnation|fire|protests?|outrage|ire|anger|rebukes?|backlash|scrutiny|"
    "praise|calls|complaints|warnings?|accusations|comparisons|attention"
)
_SPLIT = re.compile(
    rf"""
      \s*;\s* | \s+[—–]\s+ | \s+--\s+
    | ,\s+ (?= (?: and|but|while|whereas|after|before|as|since|when|which|who|where|although
                 | though|saying|adding|amid|because|prompting|sparking|triggering|fueling
                 | fuelling | drawing \s+ (?:(?:sharp|swift|widespread|strong|international)\s+)?
                   (?:{_DRAWN}) ) \b )
    | {_BEFORE_CONJUNCTION}
    | (?<= ,[”"] ) \s+
    """,
    re.VERBOSE,
)
# Quotation marks that open or close a quotation; a split inside one would cut the quotation
# from its closing mark.
_DOUBLE_QUOTES = re.compile(r"[\"“”]")
# A leading coordinator belongs to the joint, not to the fact.
_LEADING = re.compile(r"^(?:and|but|while|whereas)\s+", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]{3,}|\d+")


def _weight(text: str) -> int:
    return len(_WORD.findall(text))


def parts(text: str) -> list[str]:
    """The parts of `text` in order; one part (the whole) when it states a single fact. A
    closing attribution frames every part, so no part carries it (", and the state will pay,
    according to an opinion column" is the part "the state will pay")."""
    body = unattributed(text.strip())
    merged = _joined_short([_LEADING.sub("", p.strip(" ,.;")) for p in _split(body)])
    while len(merged) > MAX_PARTS:
        shortest = min(range(len(merged) - 1), key=lambda i: _weight(merged[i] + merged[i + 1]))
        merged[shortest : shortest + 2] = [f"{merged[shortest]}, {merged[shortest + 1]}"]
    return merged if len(merged) > 1 else [text.strip()]


def _split(body: str) -> list[str]:
    """`body` cut at each `_SPLIT` break that is outside a quotation."""
    pieces, start = [], 0
    for match in _SPLIT.finditer(body):
        if not _in_quotation(body, match.start()):
            pieces.append(body[start : match.start()])
            start = match.end()
    return [*pieces, body[start:]]


def _in_quotation(text: str, position: int) -> bool:
    """Whether `position` is inside a quotation opened before it and not yet closed."""
    marks = _DOUBLE_QUOTES.findall(text[:position])
    if "“" in marks or "”" in marks:
        return bool(marks) and marks[-1] == "“"
    return len(marks) % 2 == 1


# The framing of a reported fact: who says it and when, not what happened. A source that
# states the fact without them ("Xi backed Putin's bid" for "..., the Kremlin said on
# Wednesday") supports all of the fact (`Aligner`: each citation must be needed).
_SAYING = "|".join(sorted(REPORTING_VERBS))
# A closing attribution: the last clause after a comma, short, with a verb of saying
# (", the Kremlin said on Wednesday.", ", according to his family.", ',” Abbott said.').
_ATTRIBUTION_WORDS = 12
_TRAILING_ATTRIBUTION = re.compile(
    r",(?P<quote>[”’\"']?)\s+(?P<clause>[^,;]*?\b(?:" + _SAYING + r")\b[^,;]*?)\s*[.!]?$"
)
# A closing attribution says who said it; the fact is before it. A last clause that opens
# with its verb of saying (", said Abbott.") is an attribution only if names, figures and
# these words follow the verb (", said Putin expressed concern" after an appositive
# ", Yuri Ushakov," is the fact itself). One that names the speaker first (", the Kremlin said
# Wednesday after the summit.") is one unless a reported clause follows its verb (", officials
# said that ...", ", the governor said he would ...") or it joins a clause of its own
# (", and the governor said ...").
_FRAMING_AFTER_VERB = frozenset(
    {"on", "in", "at", "to", "a", "an", "the", "this", "last", "late", "early", "earlier"}
    | {"reporters", "journalists", "statement", "interview", "briefing", "conference", "news"}
)
_REPORTED_CLAUSE = frozenset({"that", "he", "she", "they", "it", "we", "i", "there"})
_JOINING = frozenset({"and", "but", "or", "while", "because", "as", "so", "which", "who", "where"})
_SAYING_VERB = re.compile(r"\b(?:" + _SAYING + r")\b")
_LEADING_ACCORDING = re.compile(r"^according to [^,]{1,80},\s*", re.IGNORECASE)
_MONTHS = (
    r"jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# When it happened: "on Wednesday (morning)", "on Oct. 15", a weekday alone ("said Tuesday"),
# "(late) last week". A day that is the fact's time frame is part of the fact and stays: a
# deadline ("by Friday", "until Oct. 7"), "as soon as Wednesday", "scheduled for Tuesday"
# (`lexical.due_days`). A day with a possessive names a thing, not when ("on Wednesday's
# episode of the show"): the lookahead after each day or date. A day that is the object of
# another word stays too, as cutting it would leave that word dangling ("worked from Friday to
# Sunday", "stalled as Monday wore on").
_GOVERNING = ("from", "to", "as", "after", "for", "than", "between", "into")
_NOT_GOVERNED = "".join(rf"(?<!\b{word})" for word in _GOVERNING)
_TIME = re.compile(
    rf"""
      \s+ on \s+ (?:{_MONTHS}) \.? \s+ \d{{1,2}} \b (?![’'])
    | {_NOT_GOVERNED} (?: \s+ on )? \s+ (?P<day>{WEEKDAY}) {PART_OF_DAY} \b (?![’'])
    | \s+ (?: (?:earlier|early|late) \s+ )? (?:this|last) \s+ (?:week|month) \b
    """,
    re.IGNORECASE | re.VERBOSE,
)


def unattributed(text: str) -> str:
    """`text` without a closing attribution (", the Kremlin said on Wednesday.") or the
    opening of a named voice ("The New York Post wrote in an opinion column that ...",
    `language.VOICE_OPENING`): who told the fact and when they told it, not what happened or
    when (the fact's own day stays)."""
    text = VOICE_OPENING.sub("", text)
    trailing = _TRAILING_ATTRIBUTION.search(text)
    if trailing and _attribution(trailing.group("clause")):
        return text[: trailing.start()] + "." + trailing.group("quote")
    return text


def core(text: str) -> str | None:
    """`text` without its framing (a closing attribution, an opening "According to X," or "By
    Tuesday,", the day or date it happened), or None when it has none or too little is left to
    state a fact."""
    stripped = SCENE_DAY.sub("", _LEADING_ACCORDING.sub("", unattributed(text.strip())))
    due = {start for start, _ in due_days(stripped)}
    stripped = _TIME.sub(lambda time: time.group() if time.start("day") in due else "", stripped)
    stripped = re.sub(r"\s+([,.;])", r"\1", stripped).strip(" ,")
    if stripped.rstrip(".") == text.strip().rstrip(".") or _weight(stripped) < MIN_PART_WORDS:
        return None
    return stripped[:1].upper() + stripped[1:]


def _attribution(clause: str) -> bool:
    """Whether a sentence's last clause only says who said it (and to whom, where, when)."""
    verb = _SAYING_VERB.search(clause)
    words = clause.split()
    if verb is None or len(words) > _ATTRIBUTION_WORDS or words[0].lower() in _JOINING:
        return False
    if verb.group() == "according":
        return True
    after = re.findall(r"[\w’'.-]+", clause[verb.end() :])
    if verb.start() == 0:
        return all(
            word[:1].isupper() or word[:1].isdigit() or word.lower() in _FRAMING_AFTER_VERB
            for word in after
        )
    return not after or after[0].lower() not in _REPORTED_CLAUSE


# Finer than `parts`: a draft sentence's clauses, split also at every comma, colon and dash,
# so that a citation for part of a sentence can say which words it supports (`Aligner.
# align_draft`). A comma between digits ("1,500") is no break.
_CLAUSE_BREAK = re.compile(
    r"\s*[;:]\s+|,\s+|\s+[—–]\s+|\s+--\s+|" + _BEFORE_CONJUNCTION + r"|\s+and\s+"
    r"(?=(?:was|were|is|are|has|have|had|will|would|then|also|later|said|says)\b)"
)


def clauses(text: str) -> list[str]:
    """The clauses of `text` in order, without its closing attribution; a piece of fewer
    than MIN_PART_WORDS words stays with the one before it (or after it, when first)."""
    body = unattributed(text.strip()).strip()
    return _joined_short([p.strip(" ,.;:") for p in _CLAUSE_BREAK.split(body)]) or [text.strip()]


def _joined_short(pieces: list[str]) -> list[str]:
    """The non-empty pieces, each of fewer than MIN_PART_WORDS words joined to the one
    before it (or the one after it, when first)."""
    merged: list[str] = []
    for piece in pieces:
        if not piece:
            continue
        if merged and (_weight(piece) < MIN_PART_WORDS or _weight(merged[-1]) < MIN_PART_WORDS):
            merged[-1] = f"{merged[-1]}, {piece}"
        else:
            merged.append(piece)
    return merged
