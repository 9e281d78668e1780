"""One reader per format: plain text, Markdown with YAML front matter, HTML via trafilatura.

A reader turns decoded text into metadata plus the body lines still to be cleaned.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from typing import Any

from briefing import markup
from briefing.ingest import boilerplate, fields
from briefing.language import MONTH_ABBREVIATIONS, WEEKDAY, reads_as_lead, url_host
from briefing.models import CredibilityLabel, DroppedLine, SourceKind

Lines = tuple[tuple[int, str], ...]

# The date line of pasted pages ("date 2021-12-15 International") sits among the first lines.
DATE_SCAN_LINES = 5
_DATE_LINE = re.compile(r"^date\s*[:\s]\s*(\d{4}-\d{2}-\d{2})\b", re.IGNORECASE)
# A byline ("By Jane Doe.") or a date ("Jan. 3", "January 3"): lines in title case that are
# not headlines.
_MONTHS = "|".join(m.capitalize() for m in (*MONTH_ABBREVIATIONS, "may"))
_BYLINE_OR_DATE = re.compile(rf"^\s*By\s+[A-Z]|\b(?:{_MONTHS})[a-z]*\.?\s+\d{{1,2}}\b")
# A whole line that is a byline or a date line ("By Jane Doe and John Roe.", "Posted Monday,
# Jan. 3, 2022, 5:30 p.m. ET"): page metadata above or below the headline, never the headline
# and no end of the page's top (the headline may follow it).
# A byline's words are names: "By Any Measure, ..." and "By The Numbers" are headlines.
_BYLINE_OR_DATE_LINE = re.compile(
    r"^\s*(?:By\s+(?!.*\b(?:The|A|An|Any|All|Of|In|On|Our|This|How|What)\b)"
    r"[A-Z][\w.'’-]*(?:(?:\s+|\s*,\s*)(?:and\s+)?[A-Z][\w.'’-]*)*"
    r"|(?:(?:Posted|Published|Updated)(?:\s+on)?:?\s+)?"
    rf"(?:{WEEKDAY},?\s+)?"
    rf"(?:{_MONTHS})[a-z]*\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?"
    r"(?:,?\s+(?:at\s+)?\d{1,2}:\d{2}\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4})?)?)\s*\.?\s*$"
)
# A headline comes before the first paragraph, after at most a few lines of page clutter.
HEADLINE_SCAN_LINES = 8
# Headlines are a few words; "Xi backs Putin" is three, but shorter lines are menu items.
HEADLINE_MIN_WORDS = 3
HEADLINE_MAX_WORDS = 25
# The words headline style leaves in lower case (Chicago and AP title case): a headline in
# title case may hold full stops ("... a Raise. Inflation Eats It Up."); a sentence is not one.
_TITLE_CASE_LOWER = frozenset(
    {"a", "an", "the", "and", "but", "or", "nor", "for", "of", "in", "on", "at", "to", "by"}
    | {"as", "up", "via", "vs", "vs."}
)
# A headline written as a sentence, full stop and all, runs to about 15 words; a longer first
# line is an opening sentence (compose's titles stop at 20 words too: printable.MAX_TITLE_WORDS).
SENTENCE_HEADLINE_MAX_WORDS = 20
# Hard-wrapped text (e-mail, terminals) never has lines much longer than 80 characters.
WRAP_MAX_WIDTH = 100
# A line this long that stops mid-sentence before a lower-case line was wrapped, not ended.
WRAP_MIN_LINE = 40
WRAP_MIN_BREAKS = 2
# The front matter fields read (CONTRACT.md, "Input"); `date` is read where `published` is absent.
FRONT_MATTER_FIELDS = (
    *("title", "outlet", "domain", "url", "published", "date", "credibility", "kind"),
)
# schema.org article types in a page's JSON-LD ("@type": "OpinionNewsArticle").
_LD_TYPE = re.compile(r'"@type"\s*:\s*"(\w*NewsArticle)"')
# Social-media posts embedded with their networks' embed codes (X/Twitter, Instagram, TikTok,
# Reddit, Facebook): someone else's words, which extraction would print as the article's own
# lines without their author ("How iOS 13 FaceTime Attention Correction works: ..."). The
# article reports what matters of them in its own prose.
_EMBED_XPATH = (
    "//blockquote[contains(@class, 'twitter-tweet') or contains(@class, 'instagram-media')"
    " or contains(@class, 'tiktok-embed') or contains(@class, 'reddit-embed')"
    " or contains(@class, 'fb-xfbml-parse-ignore')]"
)
EMBED_REASON = "embedded social-media post (removed from the page markup)"
# Embeds are removed before extraction, so they have no line in the extracted text.
MARKUP_LINE_NO = 0
# A line the page marks up as a heading (h1-h6) is a sub-heading ("Long gone? Not so fast."),
# even when it ends like a sentence; a long one is the standfirst under the headline, which is
# prose (the same bound as boilerplate.BARE_LINE_MAX_WORDS for headings without end marks).
_HEADING_XPATH = "//h1 | //h2 | //h3 | //h4 | //h5 | //h6"
HEADING_REASON = "sub-heading (a heading in the page markup)"


@dataclass(frozen=True)
class Meta:
    """What a file says about itself; None where it says nothing."""

    title: str | None = None
    outlet: str | None = None
    domain: str | None = None
    url: str | None = None
    published: str | None = None
    credibility: float | None = None
    label: CredibilityLabel | None = None
    kind: SourceKind | None = None
    # Page sections and schema.org types the page declares ("Opinion", "OpinionNewsArticle").
    sections: tuple[str, ...] = ()


@dataclass(frozen=True)
class Parsed:
    """A file read by its reader: metadata, body lines to clean, lines the reader removed."""

    meta: Meta
    lines: Lines
    dropped: tuple[DroppedLine, ...] = ()
    warnings: tuple[str, ...] = ()
    # True when `meta` comes from front matter the user wrote, not from page markup.
    declared: bool = False


def numbered(text: str, first_line: int = 1) -> Lines:
    return tuple(enumerate(text.splitlines(), first_line))


def read_plain(text: str) -> Parsed:
    """Plain text: optional date line and headline at the top, paragraphs below."""
    lines = numbered(text)
    published, lines, dropped = _take_date_line(lines)
    headline, lines = take_headline(lines)
    if headline is None:
        headline, lines = take_top_line(lines)
    if _looks_wrapped(lines):
        lines = join_blocks(lines)
    return Parsed(Meta(title=headline, published=published), lines, dropped)


def _take_date_line(lines: Lines) -> tuple[str | None, Lines, tuple[DroppedLine, ...]]:
    for line_no, line in _non_blank(lines)[:DATE_SCAN_LINES]:
        match = _DATE_LINE.match(line.strip())
        if not match:
            continue
        try:
            published = fields.parse_date(match.group(1))
        except ValueError:
            return None, lines, ()
        dropped = DroppedLine(
            line_no=line_no, text=line.strip(), reason="date line (read as the date)"
        )
        return published, tuple(item for item in lines if item[0] != line_no), (dropped,)
    return None, lines, ()


def _non_blank(lines: Lines) -> list[tuple[int, str]]:
    return [(line_no, line) for line_no, line in lines if line.strip()]


def headline_shaped(line: str) -> bool:
    """A few words, no full stop at the end (unless in title case: "Labor Shortages Give
    Workers a Raise. Inflation Eats It Up."), and no web-clutter feature but its bareness."""
    count = len(boilerplate.words(line))
    if not HEADLINE_MIN_WORDS <= count <= HEADLINE_MAX_WORDS:
        return False
    end = line.rstrip()
    if end.endswith((":", ";", ",")) or (end.endswith(".") and not _title_case(line)):
        return False
    reason = boilerplate.clutter_reason(line)
    return reason is None or reason == boilerplate.BARE_REASON


def _title_case(line: str) -> bool:
    """Headline style: every word capitalised but articles, conjunctions and short
    prepositions; a sentence of prose has a word in lower case ("Leaders met in Geneva.").
    A date line or a byline is capitalised too, and no headline ("Posted Monday, Jan. 3,
    2022.", "By Jane Doe and John Roe.")."""
    if _BYLINE_OR_DATE.search(line):
        return False
    letters = [w for w in boilerplate.words(line) if w[:1].isalpha()]
    return len(letters) >= HEADLINE_MIN_WORDS and all(
        w[:1].isupper() or w.lower() in _TITLE_CASE_LOWER for w in letters
    )


def take_headline(lines: Lines) -> tuple[str | None, Lines]:
    """The first headline-shaped line above the first paragraph, removed from the body; a
    byline or date line is passed over, before the headline or after it."""
    for line_no, line in _non_blank(lines)[:HEADLINE_SCAN_LINES]:
        if _BYLINE_OR_DATE_LINE.match(line):
            continue
        if headline_shaped(line):
            return line.strip(), tuple(item for item in lines if item[0] != line_no)
        if boilerplate.clutter_reason(line) is None:
            break
    return None, lines


def take_top_line(lines: Lines) -> tuple[str | None, Lines]:
    """A plain-text file's first line as its headline where the line rules (`take_headline`)
    pass it over: one line alone above the body (a blank line after it), headline-shaped
    behind a live blog's label ("Live updates: Milley, Austin and McKenzie to testify ...";
    the label is kept, as a page's title keeps it), or one sentence in a headline's grammar,
    full stop and all (`_sentence_headline`)."""
    top = next((index for index, (_, line) in enumerate(lines) if line.strip()), None)
    if top is None or not _stands_alone(lines, top):
        return None, lines
    line = lines[top][1].strip()
    rest = boilerplate.without_live_label(line)
    if (rest != line and headline_shaped(rest)) or _sentence_headline(rest):
        return line, lines[:top] + lines[top + 1 :]
    return None, lines


def _stands_alone(lines: Lines, index: int) -> bool:
    """The line at `index` has a blank line after it and body lines below."""
    after = lines[index + 1 :]
    return bool(after) and not after[0][1].strip() and bool(_non_blank(after))


def _sentence_headline(line: str) -> bool:
    """A headline written as one sentence ("A senior U.S. diplomat to Haiti resigns, citing the
    Biden administration’s ‘inhumane’ deportation policy."): a few words, read as prose by the
    line rules, in no lead sentence's grammar (`language.reads_as_lead`: "Alaska’s largest
    hospital has begun rationing care, saying ...")."""
    count = len(boilerplate.words(line))
    return (
        HEADLINE_MIN_WORDS <= count <= SENTENCE_HEADLINE_MAX_WORDS
        and line.endswith(".")
        and boilerplate.clutter_reason(line) is None
        and not reads_as_lead(line)
    )


def _looks_wrapped(lines: Lines) -> bool:
    texts = [line.rstrip() for _, line in lines]
    if not texts or max(len(text) for text in texts) > WRAP_MAX_WIDTH:
        return False
    breaks = sum(
        1
        for text, following in itertools.pairwise(texts)
        if len(text) >= WRAP_MIN_LINE
        and not boilerplate.ends_like_sentence(text)
        and following[:1].islower()
    )
    return breaks >= WRAP_MIN_BREAKS


def join_blocks(lines: Lines) -> Lines:
    """Join the lines of each blank-line-separated block into one paragraph line."""
    joined: list[tuple[int, str]] = []
    open_block = False
    for line_no, line in lines:
        text = line.strip()
        if not text:
            open_block = False
            joined.append((line_no, ""))
            continue
        if open_block:
            last_no, last = joined[-1]
            joined[-1] = (last_no, f"{last} {text}")
        else:
            joined.append((line_no, text))
        open_block = True
    return tuple(joined)


def read_markdown(text: str) -> Parsed:
    """Markdown (markup.read_markdown): YAML front matter, the first heading as title (later
    headings and tables dropped with why), each block of text one line, its syntax removed."""
    document = markup.read_markdown(text)
    meta, warnings = _front_matter(document.front_matter)
    title = meta.title or document.title
    lines: list[tuple[int, str]] = []
    dropped: list[DroppedLine] = []
    titled = meta.title is not None
    for block in document.blocks:
        line_no = block.lines[0] + 1
        if block.kind == "heading" and not titled and block.plain(text):
            titled = True
        elif block.kind in {"heading", "table"}:
            raw = markup.raw_lines(text, block.lines)
            dropped.append(DroppedLine(line_no=line_no, text=raw, reason=block.kind))
        elif block.plain(text):
            lines.append((line_no, block.plain(text)))
    body: Lines = tuple(lines)
    if title is None:
        title, body = take_headline(body)
    return Parsed(replace(meta, title=title), body, tuple(dropped), warnings, declared=True)


def _front_matter(yaml_text: str | None) -> tuple[Meta, tuple[str, ...]]:
    import yaml

    if yaml_text is None:
        return Meta(), ()
    try:
        data = yaml.safe_load(yaml_text)
    # PyYAML raises ValueError for impossible dates and !!int tags, RecursionError for deep
    # nesting; all of them mean the same thing to the user.
    except (yaml.YAMLError, ValueError, TypeError, RecursionError) as exc:
        return Meta(), (f"front matter ignored: invalid YAML ({_yaml_problem(exc)})",)
    if not isinstance(data, dict):
        return Meta(), ("front matter ignored: not a mapping of fields",)
    return meta_from_mapping(data, "front matter")


def _yaml_problem(exc: Exception) -> str:
    """One line: PyYAML's own message spans several lines and quotes the text around."""
    if isinstance(exc, RecursionError):
        return "nested too deeply"
    lines = str(exc).splitlines()
    problem = getattr(exc, "problem", None) or (lines[0] if lines else type(exc).__name__)
    mark = getattr(exc, "problem_mark", None)
    return f"{problem}, line {mark.line + 1}" if mark is not None else str(problem)


def _scalars(data: dict[Any, Any], where: str) -> tuple[dict[str, Any], list[str]]:
    """The fields whose values are single values; lists and mappings are ignored with a
    warning (their text could be huge: YAML aliases nest a small file into a vast list)."""
    kept: dict[str, Any] = {}
    warnings: list[str] = []
    for key in FRONT_MATTER_FIELDS:
        value = data.get(key)
        if isinstance(value, dict | list | set | tuple):
            warnings.append(f"{where}: {key} is a list or mapping, not a single value; ignored")
        elif value is not None:
            kept[key] = value
    return kept, warnings


def meta_from_mapping(data: dict[Any, Any], where: str) -> tuple[Meta, tuple[str, ...]]:
    """Meta from front matter; a bad date, credibility or non-scalar value is ignored with a
    warning."""
    data, warnings = _scalars(data, where)
    published: str | None = None
    score: float | None = None
    label: CredibilityLabel | None = None
    try:
        published = fields.parse_date(data.get("published", data.get("date")))
    except ValueError as exc:
        warnings.append(f"{where}: {exc}; ignored")
    try:
        score, label = fields.parse_credibility(data.get("credibility"))
    except ValueError as exc:
        warnings.append(f"{where}: {exc}; ignored")
    kind: SourceKind | None = None
    try:
        kind = fields.parse_kind(data.get("kind"))
    except ValueError as exc:
        warnings.append(f"{where}: {exc}; ignored")
    meta = identified(
        data,
        title=fields.clean_text(data.get("title")),
        published=published,
        credibility=score,
        label=label,
        kind=kind,
    )
    return meta, tuple(warnings)


def identified(data: Mapping[str, Any], **parsed: Any) -> Meta:
    """Meta with the outlet, domain and URL that `data` (front matter, a manifest row) names,
    cleaned (the domain from the URL when none is given), and the values already parsed."""
    url = fields.clean_text(data.get("url"))
    return Meta(
        outlet=fields.clean_text(data.get("outlet")),
        domain=fields.clean_domain(data.get("domain")) or url_host(url),
        url=url,
        **parsed,
    )


def read_html(text: str) -> Parsed:
    """HTML through trafilatura: main text, title, site name, canonical URL, date."""
    import trafilatura

    tree = trafilatura.load_html(text)
    embeds = _remove_embeds(tree) if tree is not None else ()
    headings = _headings(tree) if tree is not None else frozenset()
    document = (
        trafilatura.bare_extraction(
            tree, with_metadata=True, include_comments=False, include_tables=False
        )
        if tree is not None
        else None
    )
    if document is None:
        return Parsed(Meta(), (), (), ("no article text found in the HTML",))
    data = document if isinstance(document, dict) else document.as_dict()
    warnings: list[str] = []
    try:
        published = fields.parse_date(data.get("date"))
    except ValueError:
        published = None
        warnings.append(
            f"publication date {fields.shown(data.get('date'))} not understood; ignored"
        )
    url = fields.clean_text(data.get("url"))
    meta = Meta(
        title=fields.clean_text(data.get("title")),
        outlet=fields.clean_text(data.get("sitename")),
        domain=url_host(url) or fields.clean_domain(data.get("hostname")),
        url=url,
        published=published,
        sections=_sections(data, text),
    )
    lines = numbered(str(data.get("text") or ""))
    if meta.title is None:
        title, lines = take_headline(lines)
        meta = replace(meta, title=title)
    lines, subheads = _drop_subheadings(lines, headings, meta.title)
    return Parsed(meta, lines, embeds + subheads, tuple(warnings))


def _remove_embeds(tree: Any) -> tuple[DroppedLine, ...]:
    """Take embedded social-media posts out of the page; their text, as dropped lines."""
    dropped = []
    for element in tree.xpath(_EMBED_XPATH):
        text = " ".join(" ".join(element.itertext()).split())
        if text:
            dropped.append(DroppedLine(line_no=MARKUP_LINE_NO, text=text, reason=EMBED_REASON))
        element.drop_tree()
    return tuple(dropped)


def _headings(tree: Any) -> frozenset[str]:
    """The page's short headings, normalised (`boilerplate.normalise`)."""
    found = (
        boilerplate.normalise(element.text_content()) for element in tree.xpath(_HEADING_XPATH)
    )
    return frozenset(
        key for key in found if key and len(key.split()) <= boilerplate.BARE_LINE_MAX_WORDS
    )


def _drop_subheadings(
    lines: Lines, headings: frozenset[str], title: str | None
) -> tuple[Lines, tuple[DroppedLine, ...]]:
    """Lines that are one of the page's short headings, but the headline (the cleaner names
    its repeats)."""
    title_key = boilerplate.normalise(title) if title else None
    kept: list[tuple[int, str]] = []
    dropped: list[DroppedLine] = []
    for line_no, line in lines:
        key = boilerplate.normalise(line)
        if key and key in headings and key != title_key:
            dropped.append(DroppedLine(line_no=line_no, text=line.strip(), reason=HEADING_REASON))
        else:
            kept.append((line_no, line))
    return tuple(kept), tuple(dropped)


def _sections(data: dict[str, Any], html: str) -> tuple[str, ...]:
    """The page's sections (article:section, categories), Open Graph type and JSON-LD types."""
    found = [str(item) for item in data.get("categories") or () if item]
    if data.get("pagetype"):
        found.append(str(data["pagetype"]))
    found.extend(_LD_TYPE.findall(html))
    return tuple(dict.fromkeys(found))


READERS: dict[str, Callable[[str], Parsed]] = {
    ".txt": read_plain,
    ".text": read_plain,
    "": read_plain,
    ".md": read_markdown,
    ".markdown": read_markdown,
    ".html": read_html,
    ".htm": read_html,
}

SUPPORTED = ", ".join(sorted(suffix for suffix in READERS if suffix))
