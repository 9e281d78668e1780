"""Tell article prose from web clutter, line by line, from the shape of each line.

Pasted web pages carry navigation, teasers for other stories, adverts, author bios, comment
counters and date stamps between the paragraphs. None of that is matched against a list of
known strings: each rule looks at a feature of the line (end punctuation, length, a link-like
prefix, a call-to-action verb in first place, a number beside a counter noun, a copyright
sign, many verbless fragments, repetition, capitals, a dated editor's note, the "[…]" that
cuts an excerpt of another post, and the line's neighbours). A date stamp or click prompt glued
to the end of a prose line is cut off. Every dropped line keeps its reason.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from briefing.language import (
    MONTH_DAY,
    WEEKDAY,
    credit_line,
    dateline_credit,
    is_credit_line,
    strip_dateline,
)
from briefing.models import DroppedLine

# A sentence ends in . ! ? … or : possibly followed by closing quotes or brackets.
_END_PUNCT = re.compile(r"[.!?…:;][\"'”’»)\]]*$")
# A line that starts like a link to another story: "Read:", "Read more", "See also", "Related:".
_TEASER = re.compile(
    r"^(?:(?:also\s+)?(?:read|see|watch|listen)(?:\s+(?:more|also|next|too))?|more\s+from"
    r"|related(?:\s+(?:stories|articles|news|coverage|posts?))?|recommended|trending|must\s+read"
    r"|you\s+may\s+also\s+like|continue\s+reading|read\s+full\s+(?:story|article))"
    r"\s*(?:$|[:|»>\-–—]\s*)",
    re.IGNORECASE,
)
# Copyright signs and photo credits ("(Photo by ...)", "Image: ...") mark captions.
# "Credit: Tomas Munita/CIFOR" opening a line or after a caption's sentence, and a Creative
# Commons licence tag ("CC BY-NC-ND 2.0") are photo credits too; "tax credit: ..." is not.
_CAPTION = re.compile(
    r"©|\(c\)\s|(?:^|[(|/—–]\s*)(?:photo|image|picture)s?(?:graph)?\s*(?:by\b|credit|:)"
    r"|getty\s+images|shutterstock"
    r"|(?:^|[.!?(]\s*)credits?:\s|\bCC\s+BY(?:-[A-Z]{2})*\b",
    re.IGNORECASE,
)
# Where a syndicated article first ran: "This article originally appeared on VICE US.", "This
# post originally appeared on Grist." (a note about the page; "The report was first published
# in 2012 ..." is prose about the story).
_SYNDICATION = re.compile(
    r"^\(?this\s+(?:article|story|post|piece)\s+(?:was\s+|has\s+been\s+)?(?:originally|first)"
    r"\s+(?:appeared|published|ran)\b",
    re.IGNORECASE,
)
# A request for readers' comments: the site asking ("Let us know down below in the comments"),
# named by both an address to the reader and the comment section, which a quote in the story
# does not combine.
_READER_ASK = re.compile(
    r"\b(?:let us know|tell us|what do you think|share your (?:thoughts|views)|sound off)\b",
    re.IGNORECASE,
)
_COMMENT_PLACE = re.compile(
    r"\b(?:in the comments|comments? (?:below|section)|down below|below in the comments)\b",
    re.IGNORECASE,
)
# A count beside a word for comments, shares or views: "0 Comments", "Shares 12".
_COUNTER = re.compile(
    r"^(?:\d[\d,.]*[km]?\s+(?:comments?|shares?|likes?|views?|replies|reactions|responses)"
    r"|(?:comments?|shares?|likes?|views?|replies)\s*[(:]?\s*\d[\d,.]*[km]?\)?)$",
    re.IGNORECASE,
)
# Verbs that open web prompts ("Connect with us", "Find a Job", "Post a Comment").
_CALL_VERBS = frozenset(
    {
        *("buy", "click", "comment", "connect", "continue", "contact", "donate", "download"),
        *("find", "follow", "get", "install", "join", "leave", "like", "load", "log", "order"),
        *("post", "register", "share", "shop", "show", "sign", "start", "subscribe", "support"),
        *("tap", "try", "view", "visit", "watch"),
    }
)
# Words that show a prompt is about the website, not the story.
_WEB_WORDS = re.compile(
    r"\b(?:us|here|now|newsletter|subscribe|app|apps|comments?|email|inbox|twitter|facebook"
    r"|instagram|telegram|whatsapp|youtube|podcast|notifications|account)\b",
    re.IGNORECASE,
)
# Date stamps: "Published on 15 Dec 2021", "Updated: 10:32 GMT", "Posted 2 hours ago".
_STAMP = re.compile(
    r"^(?:(?:first|last)\s+)?(?:published|updated|posted|modified)(?:$|\s*(?:on\b|at\b|:|\d))"
    r"|^\d+\s+(?:minutes?|hours?|days?)\s+ago$",
    re.IGNORECASE,
)
# Teasers for video, audio and galleries: "Video: Dr Hilary suggests ...", "WATCH | ...".
_MEDIA_SEPARATOR = r"\s*[:|»>–—]\s*"
_MEDIA_TEASER = re.compile(
    r"^(?:video|watch|gallery|photos?|pictures|audio|listen|podcast|live updates?|in pictures)"
    + _MEDIA_SEPARATOR,
    re.IGNORECASE,
)
# A live blog's label ("Live updates: Milley, Austin and McKenzie to testify ..."): among a
# page's lines, a teaser for another page (`_MEDIA_TEASER`); as a plain-text file's first
# line, the kicker of the file's own headline (readers.take_top_line). "Video:" and "Watch:"
# are left out: above a pasted article they as often tease a clip beside it.
_LIVE_LABEL = re.compile(r"^live(?:\s+updates?|\s+blog)?" + _MEDIA_SEPARATOR, re.IGNORECASE)
# Standards and policy footers: "Our Standards: The Thomson Reuters Trust Principles."
_POLICY = re.compile(
    r"\b(?:our standards|trust principles|editorial (?:standards|guidelines|policy)"
    r"|privacy (?:policy|notice)|terms (?:of|and) (?:use|service|conditions)"
    r"|cookie (?:policy|settings)"
    r"|all rights reserved|this material may not be published)\b",
    re.IGNORECASE,
)
# Contact lines: an e-mail address, or a line that starts by naming a way to reach someone.
_CONTACT = re.compile(
    r"(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.-]+"
    r"|^(?:contact|e-?mail|tel|telephone|phone|fax|whatsapp|send (?:us )?(?:a )?tips?)\b"
    r"[^.]{0,60}?:"
    r"|^(?:follow|reach)\s+(?:him|her|them|the (?:author|reporter|writer)|us)\b",
    re.IGNORECASE,
)
# A word that mixes Latin letters with Cyrillic or Greek look-alikes ("Аdvеrtіѕе"): adverts
# that dodge filters, never prose.
_MIXED_SCRIPT = re.compile(r"\b(?=\w*[A-Za-z])(?=\w*[\u0370-\u03ff\u0400-\u04ff])\w+\b")
# An editor's note on the page itself, dated: "Update July 3rd, 8:05AM ET: Added ARKit
# explanation and tweet." The date right after the label tells it from prose that starts with
# the word ("Updated figures show ...", "Correction officers said ...").
_UPDATE_NOTE = re.compile(
    r"^(?:update[ds]?|correction|clarification|editor['’]s\s+note)\s*(?:on\s+|at\s+)?[,:—–-]?\s*"
    rf"(?:{WEEKDAY},?\s+)?(?:{MONTH_DAY}|\d{{1,2}}:\d{{2}}|\d{{1,2}}\s*[ap]\.?m\b)",
    re.IGNORECASE,
)
# An excerpt of another post, cut with the blog marker "[…]", "[...]" or "[Read more…]"
# (WordPress "more" lists under an article); prose that quotes with an elision keeps going
# after the brackets.
_EXCERPT_END = re.compile(r"\[\s*(?:…|\.{3}|read more[^\]]{0,20})\s*\]$", re.IGNORECASE)
EXCERPT_REASON = "excerpt of another post (ends in [...])"
# A line between two such excerpts is one more item of the same teaser list (an excerpt short
# enough to need no cut), never the article's prose, which does not sit inside such a list.
BETWEEN_EXCERPTS_REASON = "between two excerpts of other posts (a list of teasers)"
# A date stamp glued to the end of a sentence, where the page set the date in its own element
# beside the standfirst ("... its recovery?Monday, 6 January 2020"): no space after the end
# mark, which prose always has.
_MONTH_NAME = (
    r"(?:January|February|March|April|May|June|July|August|September|October|November|December)"
)
_GLUED_STAMP = re.compile(
    rf"(?<=[.!?”\"’)])(?P<tail>(?:{WEEKDAY},?\s+)?"
    rf"(?:\d{{1,2}}\s+{_MONTH_NAME}|{_MONTH_NAME}\s+\d{{1,2}},?)\s+\d{{4}})$"
)
# A last sentence that sends the reader elsewhere ("... prejudice. Click through for the whole
# thing."): "click" with a direction is only ever a web prompt; a sentence about clicks keeps
# going ("Users who click through the warning are infected.").
_CLICK_TAIL = re.compile(
    r"(?<=[.!?”\"’])\s+(?P<tail>Click\s+(?:through|here|below|on\s+the\s+link)\b[^.!?]{0,80}[.!?])$"
)
# A bulleted line without a full stop right after a bulleted line dropped as clutter is one more
# item of the same list of links ("- Crates are leaving Rocket League ...", then a 15-word "- Holy
# shit, Mortal Kombat 11 is adding ..."): too long for the bare-line rule alone. A list of facts
# written as sentences keeps its full stops and stays.
_BULLET = re.compile(r"^[-•*–]\s+")
LINK_LIST_REASON = "item of a bulleted list of links (after dropped items, no full stop)"
STAMP_REASON = "date stamp"
CALL_REASON = "call to action"
# A line of one word ("Lunch?", "Advertisement.") is a label even with punctuation.
MIN_LINE_WORDS = 2
# Fewer words than this without end punctuation: a heading, menu item or label, not prose.
# Headlines rarely pass 14 words; prose lines that merely lost their full stop are longer.
BARE_LINE_MAX_WORDS = 14
# Prompts are short; a long sentence that starts with "Find" or "Get" is prose.
CALL_MAX_WORDS = 8
# Bios and tag lists: at least this many full-stop fragments averaging under 3.5 words.
FRAGMENT_MIN_COUNT = 4
FRAGMENT_MAX_MEAN_WORDS = 3.5
# A shouted line: enough letters to judge, and this share of capitals among the letters.
SHOUT_MIN_LETTERS = 12
SHOUT_CAPITAL_SHARE = 0.8
STAMP_MAX_WORDS = 10


@dataclass(frozen=True)
class Cleaned:
    """Kept paragraphs (one per kept line) and the dropped lines with reasons."""

    paragraphs: tuple[str, ...]
    dropped: tuple[DroppedLine, ...]


def normalise(line: str) -> str:
    """Lowercased words only, for comparing lines that differ in spacing or quotes."""
    return " ".join(re.findall(r"\w+", line.lower()))


def words(line: str) -> list[str]:
    return line.split()


def ends_like_sentence(line: str) -> bool:
    return bool(_END_PUNCT.search(line.rstrip()))


def without_live_label(line: str) -> str:
    """The line without a live blog's label (`_LIVE_LABEL`), stripped."""
    return _LIVE_LABEL.sub("", line.strip(), count=1)


def is_teaser(line: str) -> bool:
    return bool(_TEASER.match(line.strip()))


def _call_to_action(line: str) -> bool:
    tokens = words(line)
    if not tokens or len(tokens) > CALL_MAX_WORDS or not tokens[0].isalpha():
        return False
    if tokens[0].lower() not in _CALL_VERBS:
        return False
    return not ends_like_sentence(line) or bool(_WEB_WORDS.search(line))


def _fragment_list(line: str) -> bool:
    parts = [part for part in re.split(r"[.|•·]\s+|[.|]$", line.strip()) if part.strip()]
    if len(parts) < FRAGMENT_MIN_COUNT:
        return False
    return sum(len(words(part)) for part in parts) / len(parts) < FRAGMENT_MAX_MEAN_WORDS


def _shouting(line: str) -> bool:
    letters = [char for char in line if char.isalpha()]
    if len(letters) < SHOUT_MIN_LETTERS:
        return False
    return sum(char.isupper() for char in letters) / len(letters) >= SHOUT_CAPITAL_SHARE


def _stamp(line: str) -> bool:
    return bool(_STAMP.match(line.strip())) and len(words(line)) <= STAMP_MAX_WORDS


def _bare(line: str) -> bool:
    return not ends_like_sentence(line) and len(words(line)) <= BARE_LINE_MAX_WORDS


def _too_short(line: str) -> bool:
    return len(words(line)) < MIN_LINE_WORDS


BARE_REASON = "not a sentence (short line without end punctuation)"
CREDIT_REASON = "wire credit or reporting line (read as metadata)"
# Ordered: the first rule that fires names the reason.
LINE_RULES: tuple[tuple[str, Callable[[str], bool]], ...] = (
    (CREDIT_REASON, is_credit_line),
    ("link to another story", is_teaser),
    ("video, audio or gallery teaser", lambda line: bool(_MEDIA_TEASER.match(line.strip()))),
    ("photo caption or credit", lambda line: bool(_CAPTION.search(line))),
    ("comment or share counter", lambda line: bool(_COUNTER.match(line.strip()))),
    (CALL_REASON, _call_to_action),
    (STAMP_REASON, _stamp),
    (
        "editor's note on the page (dated update or correction)",
        lambda line: bool(_UPDATE_NOTE.match(line.strip())),
    ),
    (EXCERPT_REASON, lambda line: bool(_EXCERPT_END.search(line.strip()))),
    (
        "syndication note (where the article first appeared)",
        lambda line: bool(_SYNDICATION.match(line.strip())),
    ),
    (
        "request for readers' comments",
        lambda line: bool(_READER_ASK.search(line) and _COMMENT_PLACE.search(line)),
    ),
    ("list of fragments (menu, tags or author bio)", _fragment_list),
    ("all capitals (banner or advert)", _shouting),
    ("standards or policy footer", lambda line: bool(_POLICY.search(line))),
    ("contact line", lambda line: bool(_CONTACT.search(line.strip()))),
    ("look-alike letters (advert)", lambda line: bool(_MIXED_SCRIPT.search(line))),
    (BARE_REASON, _bare),
    ("one-word line", _too_short),
)


def clutter_reason(line: str) -> str | None:
    """The reason a single line is not article prose, or None when it reads as prose."""
    for reason, rule in LINE_RULES:
        if rule(line):
            return reason
    return None


def clean_lines(lines: Sequence[tuple[int, str]], headline: str | None) -> Cleaned:
    """Keep prose lines; drop clutter, repeats of the headline and repeated lines; cut date
    stamps and prompts glued to the end of a prose line (`split_tail`)."""
    judged: list[tuple[int, str, str | None]] = []
    dropped: list[DroppedLine] = []
    seen: set[str] = {normalise(headline)} if headline else set()
    title_key = normalise(headline) if headline else None
    for line_no, raw in lines:
        line, tails = split_tail(raw.strip())
        if not line:
            continue
        key = normalise(line)
        reason = _repeat_reason(key, title_key, seen) or clutter_reason(line)
        seen.add(key)
        judged.append((line_no, line, reason))
        dropped.extend(DroppedLine(line_no=line_no, text=text, reason=why) for text, why in tails)
    kept: list[str] = []
    previous: tuple[str, str | None] = ("", None)
    for index, (line_no, line, reason) in enumerate(judged):
        reason = reason or _between_excerpts(judged, index) or _link_list_item(line, previous)
        previous = (line, reason)
        if reason:
            dropped.append(DroppedLine(line_no=line_no, text=line, reason=reason))
        else:
            kept.append(line)
    return Cleaned(tuple(kept), tuple(sorted(dropped, key=lambda item: item.line_no)))


def split_tail(line: str) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The line without a date stamp or click prompt glued to its end, and what was cut (text,
    reason)."""
    tails: list[tuple[str, str]] = []
    for pattern, reason in ((_GLUED_STAMP, STAMP_REASON), (_CLICK_TAIL, CALL_REASON)):
        match = pattern.search(line)
        if match and match.start() > 0:
            tails.append((match.group("tail"), reason))
            line = line[: match.start()].rstrip()
    return line, tuple(tails)


def _between_excerpts(judged: Sequence[tuple[int, str, str | None]], index: int) -> str | None:
    before = judged[index - 1][2] if index > 0 else None
    after = judged[index + 1][2] if index + 1 < len(judged) else None
    if before == EXCERPT_REASON and after == EXCERPT_REASON:
        return BETWEEN_EXCERPTS_REASON
    return None


def _link_list_item(line: str, previous: tuple[str, str | None]) -> str | None:
    """LINK_LIST_REASON for a bulleted line without a full stop whose previous line, a bullet
    too, was dropped (by any rule, this one included: a list of long links goes whole)."""
    before, reason = previous
    if not _BULLET.match(line) or ends_like_sentence(line):
        return None
    return LINK_LIST_REASON if reason and _BULLET.match(before) else None


def _repeat_reason(key: str, title_key: str | None, seen: set[str]) -> str | None:
    if key and key == title_key:
        return "repeats the headline"
    if key and key in seen:
        return "repeats an earlier line"
    return None


@dataclass(frozen=True)
class Lead:
    """Paragraphs with datelines, bylines and section labels taken off their starts, and the
    wire agency that a dateline or credit line names (None when none does)."""

    paragraphs: tuple[str, ...]
    wire_credit: str | None


def strip_leads(paragraphs: Sequence[str], dropped: Sequence[DroppedLine]) -> Lead:
    """Take datelines ("MOSCOW (AP) —"), bylines and labels ("Why it matters:") off the start
    of each paragraph; the credit comes from the first dateline or dropped credit line."""
    credits = [dateline_credit(p) for p in paragraphs]
    credits += [credit_line(line.text) for line in dropped if line.reason == CREDIT_REASON]
    stripped = tuple(text for text in (strip_dateline(p) for p in paragraphs) if text)
    return Lead(stripped, next((credit for credit in credits if credit), None))
