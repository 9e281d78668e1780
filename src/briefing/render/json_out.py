"""brief.json and cited.json: the contract fields, plus the audit's figures, byte-deterministic:
each record serialised by pydantic (`model_dump`), the fields named in the order they are
written."""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from typing import Any, Literal

from pydantic import BaseModel

from briefing.models import Brief, BriefSentence, Disagreement, Source
from briefing.render.markdown import RenderError

Kind = Literal["brief", "cite"]
# Scores and credibilities are rounded so float noise between runs never changes the bytes;
# four places are finer than any threshold the pipeline uses.
SCORE_DECIMALS = 4
# Two-space indentation keeps the file readable in a diff and in a browser.
JSON_INDENT = 2


def render_json(brief: Brief, kind: Kind = "brief") -> str:
    """brief.json (kind "brief") or cited.json (kind "cite"), ending with a newline."""
    return dump_json(brief_data(brief, kind), kind)


def dump_json(data: Any, what: str) -> str:
    """Deterministic JSON text: indented, UTF-8 as is, no NaN, ending with a newline."""
    try:
        text = json.dumps(data, ensure_ascii=False, indent=JSON_INDENT, allow_nan=False)
    except ValueError as exc:
        raise RenderError(f"{what} JSON holds a number that is not finite: {exc}") from exc
    return text + "\n"


# The fields each record writes, in the order the file shows them (docs/contract.md).
SENTENCE_FIELDS = (
    "text",
    "citations",
    "evidence",
    "supported",
    "claim_ids",
    "low_credibility_only",
    "paragraph",
    "nearest",
    "reason",
    "unsupported_parts",
    "rejected",
)
EVIDENCE_FIELDS = ("source_id", "sentence", "score", "part", "sentence_ids", "reason")
SIDE_FIELDS = ("source_id", "sentence")
DISAGREEMENT_FIELDS = ("kind", "detail", "similarity", "sides")
SOURCE_FIELDS = (
    "id",
    "path",
    "outlet",
    "domain",
    "url",
    "title",
    "published",
    # null for an unrated source, with label "unknown", as in `sources --json`.
    "credibility",
    "credibility_label",
    "credibility_origin",
    "kind",
    "kind_reason",
    "wire_credit",
)
SUPPRESSED_FIELDS = ("text", "source_ids", "reason")
STATS_FIELDS = (
    "source_id",
    "sentences_read",
    "boilerplate_dropped",
    "claims_used",
    "claims_suppressed",
    "duplicate_of",
    "warnings",
)
NEUTRALITY_FIELDS = ("attributed_share", "loaded_words")
SKIPPED_FIELDS = ("path", "reason")
# Scores, similarities and shares: written rounded (_number).
ROUNDED = frozenset({"score", "similarity", "credibility", "attributed_share"})


def brief_data(brief: Brief, kind: Kind = "brief") -> dict[str, Any]:
    """The fields of brief.json as plain data (a digest nests one per story)."""
    stats = sorted(brief.stats, key=lambda item: item.source_id)
    skipped = sorted(brief.skipped, key=lambda item: item.path)
    return {
        "title": brief.title,
        "mode": brief.mode,
        "model": brief.model,
        "sentences": [_sentence(sentence) for sentence in brief.sentences],
        "sources": [source_data(source) for source in sorted(brief.sources, key=lambda s: s.id)],
        "suppressed": _all(brief.suppressed, SUPPRESSED_FIELDS),
        "fallback_reason": brief.fallback_reason,
        "dropped": _all(brief.dropped, SUPPRESSED_FIELDS),
        "stats": _all(stats, STATS_FIELDS),
        "neutrality": _fields(brief.neutrality, NEUTRALITY_FIELDS) if brief.neutrality else None,
        "skipped": _all(skipped, SKIPPED_FIELDS),
        "kind": kind,
        "disagreements": [_disagreement(item) for item in brief.disagreements],
        "warnings": list(brief.warnings),
    }


def _fields(record: BaseModel, names: Sequence[str]) -> dict[str, Any]:
    """The named fields of a record, in that order, as pydantic serialises them to JSON data
    (tuples as lists), scores rounded."""
    data = record.model_dump(mode="json", include=set(names))
    return {name: _number(data[name]) if name in ROUNDED else data[name] for name in names}


def _all(records: Iterable[BaseModel], names: Sequence[str]) -> list[dict[str, Any]]:
    return [_fields(record, names) for record in records]


def _number(value: float | None) -> float | None:
    """Rounded, with -0.0 written as 0.0 so the sign of a rounded zero never varies."""
    if value is None or not math.isfinite(value):
        return value
    return round(value, SCORE_DECIMALS) + 0.0


def _sentence(sentence: BriefSentence) -> dict[str, Any]:
    data = _fields(sentence, SENTENCE_FIELDS)
    data["evidence"] = _all(sentence.evidence, EVIDENCE_FIELDS)
    data["nearest"] = _fields(sentence.nearest, EVIDENCE_FIELDS) if sentence.nearest else None
    data["rejected"] = _all(sentence.rejected, EVIDENCE_FIELDS)
    return data


def _disagreement(item: Disagreement) -> dict[str, Any]:
    data = _fields(item, DISAGREEMENT_FIELDS)
    data["sides"] = _all(item.sides, SIDE_FIELDS)
    return data


def source_data(source: Source) -> dict[str, Any]:
    """One entry of `sources`, as brief.json writes it."""
    return _fields(source, SOURCE_FIELDS)
