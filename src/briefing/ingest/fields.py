"""Metadata values as users write them (manifest, front matter, HTML): parsed and checked."""

from __future__ import annotations

import datetime as dt
import re

from briefing.language import url_host
from briefing.models import CredibilityLabel, SourceKind

# Representative scores for the words a manifest or front matter may use instead of a number:
# the middle of each default band (high >= 0.75, medium 0.5-0.75, low < 0.5), so that a
# labelled source ranks like a table-rated source of the same label.
LABEL_SCORES: dict[str, float] = {"high": 0.875, "medium": 0.625, "low": 0.25}
# A bad value is quoted in its error message up to this many characters, so the message stays
# one readable line however long the cell or field is.
SHOWN_VALUE_CHARS = 40
_SURROGATE = re.compile("[\ud800-\udfff]")
_ISO_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ][\d:.+\-Z]*)?$")


def parse_credibility(value: object) -> tuple[float | None, CredibilityLabel | None]:
    """(score, label given) from a number in [0, 1] or high/medium/low; ValueError otherwise."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None, None
    if isinstance(value, str) and value.strip().lower() in LABEL_SCORES:
        label = value.strip().lower()
        return LABEL_SCORES[label], _as_label(label)
    if isinstance(value, bool):
        raise ValueError(f"credibility {shown(value)} is not a number in [0, 1] or high/medium/low")
    try:
        score = float(value)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        raise ValueError(
            f"credibility {shown(value)} is not a number in [0, 1] or high/medium/low"
        ) from None
    if not 0.0 <= score <= 1.0:
        raise ValueError(f"credibility {shown(value)} is outside [0, 1]")
    return score, None


# What a manifest or front matter may write for a source's kind; analysis argues like opinion.
KIND_WORDS: dict[str, SourceKind] = {
    "news": "news",
    "opinion": "opinion",
    "analysis": "opinion",
    "editorial": "opinion",
    "column": "opinion",
}


def parse_kind(value: object) -> SourceKind | None:
    """news or opinion (analysis, editorial, column count as opinion); ValueError otherwise."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    kind = KIND_WORDS.get(str(value).strip().lower())
    if kind is None:
        raise ValueError(f"kind {shown(value)} is not news or opinion")
    return kind


def shown(value: object) -> str:
    """The value as quoted in an error message: repr, cut to SHOWN_VALUE_CHARS."""
    text = repr(value)
    return text if len(text) <= SHOWN_VALUE_CHARS else text[: SHOWN_VALUE_CHARS - 1] + "…"


def _as_label(label: str) -> CredibilityLabel:
    if label == "high":
        return "high"
    return "medium" if label == "medium" else "low"


def parse_date(value: object) -> str | None:
    """YYYY-MM-DD from a date, a datetime or an ISO string; ValueError for anything else."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    match = _ISO_DATE.match(str(value).strip())
    if match:
        try:
            return dt.date.fromisoformat(match.group(1)).isoformat()
        except ValueError:
            pass
    raise ValueError(f"date {shown(value)} is not YYYY-MM-DD")


def clean_text(value: object) -> str | None:
    """A trimmed string or None for empty values; lone surrogates (a YAML "\\ud800" escape)
    become U+FFFD, since they cannot be written as UTF-8."""
    if value is None:
        return None
    text = _SURROGATE.sub("\ufffd", " ".join(str(value).split()))
    return text or None


def clean_domain(value: object) -> str | None:
    """Lower-case domain (a path such as theguardian.com/observer is kept), no scheme."""
    text = clean_text(value)
    if text is None:
        return None
    if "://" in text:
        return url_host(text)
    return text.lower().strip("/") or None


def display_name(name: str) -> str:
    """A file or folder name as text that can be written as UTF-8: bytes that are not UTF-8
    (which Python keeps as lone surrogates) are shown as `\\xff` escapes, so names stay unique."""
    return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
