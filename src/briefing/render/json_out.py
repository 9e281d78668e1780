"""brief.json and cited.json: the contract fields, plus the audit's figures, byte-deterministic."""

from __future__ import annotations

import json
import math
from typing import Any, Literal

from briefing.models import (
    Brief,
    BriefSentence,
    Disagreement,
    Evidence,
    Neutrality,
    Skipped,
    Source,
    SourceStats,
    Suppressed,
)
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


def brief_data(brief: Brief, kind: Kind = "brief") -> dict[str, Any]:
    """The fields of brief.json as plain data (a digest nests one per story)."""
    return {
        "title": brief.title,
        "mode": brief.mode,
        "model": brief.model,
        "sentences": [_sentence(sentence) for sentence in brief.sentences],
        "sources": [source_data(source) for source in sorted(brief.sources, key=lambda s: s.id)],
        "suppressed": [_suppressed(item) for item in brief.suppressed],
        "fallback_reason": brief.fallback_reason,
        "dropped": [_suppressed(item) for item in brief.dropped],
        "stats": [_stats(stats) for stats in sorted(brief.stats, key=lambda s: s.source_id)],
        "neutrality": _neutrality(brief.neutrality),
        "skipped": [_skipped(item) for item in sorted(brief.skipped, key=lambda s: s.path)],
        "kind": kind,
        "disagreements": [_disagreement(item) for item in brief.disagreements],
        "warnings": list(brief.warnings),
    }


def _number(value: float | None) -> float | None:
    """Rounded, with -0.0 written as 0.0 so the sign of a rounded zero never varies."""
    if value is None or not math.isfinite(value):
        return value
    return round(value, SCORE_DECIMALS) + 0.0


def _sentence(sentence: BriefSentence) -> dict[str, Any]:
    return {
        "text": sentence.text,
        "citations": list(sentence.citations),
        "evidence": [_evidence(item) for item in sentence.evidence],
        "supported": sentence.supported,
        "claim_ids": list(sentence.claim_ids),
        "low_credibility_only": sentence.low_credibility_only,
        "paragraph": sentence.paragraph,
        "nearest": _evidence(sentence.nearest) if sentence.nearest else None,
        "reason": sentence.reason,
        "unsupported_parts": list(sentence.unsupported_parts),
        "rejected": [_evidence(item) for item in sentence.rejected],
    }


def _evidence(evidence: Evidence) -> dict[str, Any]:
    return {
        "source_id": evidence.source_id,
        "sentence": evidence.sentence,
        "score": _number(evidence.score),
        "part": evidence.part,
        "sentence_ids": list(evidence.sentence_ids),
        "reason": evidence.reason,
    }


def _disagreement(item: Disagreement) -> dict[str, Any]:
    return {
        "kind": item.kind,
        "detail": item.detail,
        "similarity": _number(item.similarity),
        "sides": [{"source_id": side.source_id, "sentence": side.sentence} for side in item.sides],
    }


def source_data(source: Source) -> dict[str, Any]:
    """One entry of `sources`, as brief.json writes it."""
    return {
        "id": source.id,
        "path": source.path,
        "outlet": source.outlet,
        "domain": source.domain,
        "url": source.url,
        "title": source.title,
        "published": source.published,
        # null for an unrated source, with label "unknown", as in `sources --json`.
        "credibility": _number(source.credibility),
        "credibility_label": source.credibility_label,
        "credibility_origin": source.credibility_origin,
        "kind": source.kind,
        "kind_reason": source.kind_reason,
        "wire_credit": source.wire_credit,
    }


def _suppressed(item: Suppressed) -> dict[str, Any]:
    return {"text": item.text, "source_ids": list(item.source_ids), "reason": item.reason}


def _stats(stats: SourceStats) -> dict[str, Any]:
    return {
        "source_id": stats.source_id,
        "sentences_read": stats.sentences_read,
        "boilerplate_dropped": stats.boilerplate_dropped,
        "claims_used": stats.claims_used,
        "claims_suppressed": stats.claims_suppressed,
        "duplicate_of": stats.duplicate_of,
        "warnings": list(stats.warnings),
    }


def _neutrality(neutrality: Neutrality | None) -> dict[str, Any] | None:
    if neutrality is None:
        return None
    return {
        "attributed_share": _number(neutrality.attributed_share),
        "loaded_words": list(neutrality.loaded_words),
    }


def _skipped(item: Skipped) -> dict[str, str]:
    return {"path": item.path, "reason": item.reason}
