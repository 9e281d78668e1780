"""Who is credible: ratings table, domain and byline resolution, labels, suppression policy.

Order of evidence for each source: the manifest, front matter, the ratings table (by domain,
then parent domains, or by the host of the URL), a wire byline in the text such as "(AP)",
else unknown. Scores map to labels with the thresholds of CredibilityConfig.
"""

from __future__ import annotations

import csv
import io
import logging
from collections.abc import Callable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from briefing.config import CREDIBILITY_DECIMALS, CredibilityConfig
from briefing.errors import InputError
from briefing.language import data_text, wire_site
from briefing.models import (
    Article,
    BriefSentence,
    Claim,
    Corpus,
    CredibilityLabel,
    CredibilityOrigin,
    Source,
    Suppressed,
)

log = logging.getLogger(__name__)

RATINGS_FILE = "domain_ratings.csv"
SUPPRESS_REASON = "single low-credibility source"


def rounded(score: float) -> float:
    """A score as stored, labelled and shown (CREDIBILITY_DECIMALS)."""
    return round(score, CREDIBILITY_DECIMALS)


def label_for(score: float | None, config: CredibilityConfig) -> CredibilityLabel:
    """The label of a score already rounded by `rounded`."""
    if score is None:
        return "unknown"
    if score >= config.high_threshold:
        return "high"
    return "medium" if score >= config.medium_threshold else "low"


@lru_cache(maxsize=4)
def load_ratings(path: Path | None = None) -> Mapping[str, float]:
    """Domain -> score from the shipped Lin et al. (2023) table or the user's CSV (cached)."""
    if path is None:
        return _parse_ratings(data_text(RATINGS_FILE), RATINGS_FILE)
    try:
        text = path.read_text("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"cannot read the ratings table ({exc})", str(path)) from exc
    return _parse_ratings(text, str(path))


def _parse_ratings(text: str, where: str) -> dict[str, float]:
    """Rows `domain,score` (score in [0, 1]); `#` comment lines and a header row allowed."""
    table: dict[str, float] = {}
    for line_no, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        row = next(csv.reader(io.StringIO(line)))
        if not table and [cell.strip().lower() for cell in row] == ["domain", "score"]:
            continue
        key, score = _rating_row(row, f"{where}, line {line_no}")
        table.setdefault(key, score)
    if not table:
        raise InputError("the ratings table has no rows (expected domain,score)", where)
    return table


def _rating_row(row: list[str], where: str) -> tuple[str, float]:
    if len(row) < 2 or not row[0].strip():
        raise InputError("expected domain,score", where)
    try:
        score = float(row[1])
    except ValueError:
        raise InputError(f"score {row[1]!r} is not a number", where) from None
    if not 0.0 <= score <= 1.0:
        raise InputError(f"score {row[1]!r} is outside [0, 1]", where)
    return _key(row[0]), score


def _key(domain: str) -> str:
    return domain.strip().lower().strip("/").removeprefix("www.")


def candidate_keys(value: str) -> list[str]:
    """Keys to try for a domain or URL: for the host and then each parent domain, the
    domain with the URL's path prefixes (longest first), then the bare domain."""
    try:
        parts = urlsplit(value.strip() if "://" in value else f"//{value.strip()}")
        host = (parts.hostname or "").removeprefix("www.")
    except ValueError:  # a malformed URL, such as an unclosed IPv6 bracket "http://[x"
        return []
    if not host:
        return []
    segments = [segment for segment in parts.path.lower().split("/") if segment]
    labels = host.split(".")
    keys: list[str] = []
    for start in range(max(1, len(labels) - 1)):
        domain = ".".join(labels[start:])
        paths = ("/".join(segments[:end]) for end in range(len(segments), 0, -1))
        keys.extend([*(f"{domain}/{path}" for path in paths), domain])
    return keys


def lookup(table: Mapping[str, float], value: str) -> tuple[str, float] | None:
    """The first candidate key of `value` found in the table, with its score."""
    for key in candidate_keys(value):
        if key in table:
            return key, table[key]
    return None


def byline_domain(article: Article) -> str | None:
    """The wire service named in the dateline ("MOSCOW (AP) —") or a credit line, if any:
    the credit ingest recorded when it took the dateline off (`Source.wire_credit`), else one
    still in the text."""
    lines = [line.text for line in article.dropped] + article.text.splitlines()
    return wire_site(article.source.wire_credit, article.text, lines)


def rate_source(article: Article, table: Mapping[str, float], config: CredibilityConfig) -> Source:
    """The article's source with credibility value, label and origin filled in."""
    source = article.source
    if source.credibility is not None:
        score = rounded(source.credibility)
        given = source.credibility_label
        label = given if given != "unknown" else label_for(score, config)
        return source.model_copy(update={"credibility": score, "credibility_label": label})
    for value in (source.domain, source.url):
        found = lookup(table, value) if value else None
        if found:
            return _rated(source, found[1], "ratings table", config)
    wire = byline_domain(article) if article.identity_origin is None else None
    found = lookup(table, wire) if wire else None
    if found:
        return _rated(source, found[1], "byline", config)
    return source.model_copy(
        update={
            "credibility": None,
            "credibility_label": "unknown",
            "credibility_origin": "default",
        }
    )


def _rated(
    source: Source, score: float, origin: CredibilityOrigin, config: CredibilityConfig
) -> Source:
    score = rounded(score)
    return source.model_copy(
        update={
            "credibility": score,
            "credibility_label": label_for(score, config),
            "credibility_origin": origin,
        }
    )


def rate_corpus(corpus: Corpus, config: CredibilityConfig) -> Corpus:
    """Every source of the corpus rated; the ratings table is loaded once per path."""
    table = load_ratings(config.ratings)
    articles = []
    for article in corpus.articles:
        source = rate_source(article, table, config)
        log.info(
            "%s: credibility %s (%s, from %s)",
            source.path,
            source.credibility,
            source.credibility_label,
            source.credibility_origin,
        )
        articles.append(article.model_copy(update={"source": resolved(source, config)}))
    return corpus.model_copy(update={"articles": tuple(articles)})


def resolved(source: Source, config: CredibilityConfig) -> Source:
    """The source with the credibility policy applied once: whether it counts as low. No later
    stage reads the thresholds or the policy."""
    return source.model_copy(update={"low": config.is_low(source.credibility_label)})


# Reads the claims the matcher corroborates: for each claim text, the verified alignment
# (citations and evidence) against every article, given by the pipeline (verify.Aligner).
Corroborate = Callable[[Sequence[str]], Sequence[BriefSentence]]


def suppress(
    claims: Sequence[Claim],
    sources: Mapping[str, Source],
    corroborate: Corroborate | None = None,
) -> tuple[tuple[Claim, ...], tuple[Suppressed, ...]]:
    """Keep claims unless their only independent report comes from low-credibility sources.

    Decided only after `corroborate` has checked the claim against every other article: a
    claim that another independent report states in other words is corroborated (its support
    grows by those sources) and kept. `sources` carry the policy (`Source.low`, `resolved`) and
    their reports (`Source.report`).
    """
    at_risk = [claim for claim in claims if _single_low(claim.source_ids, sources)]
    found = (
        dict(zip((c.id for c in at_risk), corroborate([c.text for c in at_risk]), strict=True))
        if corroborate and at_risk
        else {}
    )
    kept: list[Claim] = []
    suppressed: list[Suppressed] = []
    for claim in claims:
        alignment = found.get(claim.id)
        widened = _with_support(claim, alignment) if alignment is not None else claim
        if _single_low(widened.source_ids, sources):
            suppressed.append(Suppressed.claim(claim, SUPPRESS_REASON))
        else:
            kept.append(widened)
    return tuple(kept), tuple(suppressed)


def _single_low(source_ids: Sequence[str], sources: Mapping[str, Source]) -> bool:
    reports = {sources[source_id].report for source_id in source_ids}
    return len(reports) == 1 and all(sources[source_id].low for source_id in source_ids)


def _with_support(claim: Claim, alignment: BriefSentence) -> Claim:
    """The claim supported also by the other sources the matcher cites for it: each states
    all of it or a fact of it (a part), and together the cited sources support all of it."""
    if not alignment.supported:
        return claim
    extra = [e for e in alignment.evidence if e.source_id not in claim.source_ids]
    if not extra:
        return claim
    return claim.model_copy(
        update={
            "source_ids": tuple(sorted({*claim.source_ids, *(e.source_id for e in extra)})),
            "evidence": tuple(sorted((*claim.evidence, *extra), key=lambda e: e.source_id)),
        }
    )
