"""Immutable records passed between the stages; one record type per stage output."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import cached_property
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
from pydantic import BaseModel, ConfigDict, Field

from briefing.config import UNKNOWN_CREDIBILITY, UNRATED_STANDING, CredibilityConfig

if TYPE_CHECKING:
    from briefing.embed import Calibration

CredibilityLabel = Literal["high", "medium", "low", "unknown"]
# News reports facts; an opinion piece (column, editorial, analysis) argues a view.
SourceKind = Literal["news", "opinion"]
CredibilityOrigin = Literal["manifest", "front-matter", "ratings table", "byline", "default"]
Mode = Literal["extractive", "abstractive"]


class Record(BaseModel):
    """Frozen, strict base: records are values, never mutated after a stage returns them."""

    model_config = ConfigDict(frozen=True, extra="forbid")


class DroppedLine(Record):
    """A line of an article removed by cleaning, with the reason (shown with --verbose)."""

    line_no: int
    text: str
    reason: str


class Source(Record):
    """Who published one article and how credible they are; `id` is stable across runs."""

    id: str
    path: str
    outlet: str | None = None
    domain: str | None = None
    url: str | None = None
    title: str | None = None
    published: str | None = None
    credibility: float | None = None
    credibility_label: CredibilityLabel = "unknown"
    credibility_origin: CredibilityOrigin = "default"
    kind: SourceKind = "news"
    # Why the source counts as opinion (given by the user, or the signal detected); None for news.
    kind_reason: str | None = None
    # The wire agency a dateline or credit line names ("AP"): the article copies its report.
    wire_credit: str | None = None
    # Decided by the stages, never written out. The credibility policy, resolved once
    # (credibility.rate_corpus): whether the source counts as low (it cannot carry a claim
    # alone); the default policy until then.
    low: bool = Field(default_factory=lambda data: _default_low(data), exclude=True)
    # The source whose report this article copies (claims.mark_copies); None: not yet decided.
    report_id: str | None = Field(default=None, exclude=True)

    @property
    def report(self) -> str:
        """The independent report the article belongs to: the original it copies, or itself."""
        return self.report_id or self.id

    @property
    def weight(self) -> float:
        """The credibility that weighs the source's report (unknown: UNKNOWN_CREDIBILITY)."""
        return UNKNOWN_CREDIBILITY if self.credibility is None else self.credibility

    @property
    def standing(self) -> float:
        """The credibility that orders sources where one is preferred to another (citations,
        the original of copies, the title): an unrated source comes after every rated one."""
        return UNRATED_STANDING if self.credibility is None else self.credibility


def sources_by_id(sources: Iterable[Source]) -> dict[str, Source]:
    """The one lookup of sources by id (a story's, a brief's, a digest's)."""
    return {source.id: source for source in sources}


def _default_low(data: dict[str, Any]) -> bool:
    return CredibilityConfig().is_low(data.get("credibility_label", "unknown"))


class Article(Record):
    """One cleaned article: its source record, the body text that sentences are taken from."""

    source: Source
    text: str
    dropped: tuple[DroppedLine, ...] = ()
    warnings: tuple[str, ...] = ()
    # Who named the outlet, domain or URL: then byline hints in the text are never used.
    identity_origin: Literal["manifest", "front-matter"] | None = None
    encoding: str | None = None


class Skipped(Record):
    """A file in the input folder that is not an article, and why."""

    path: str
    reason: str


class Corpus(Record):
    """What ingest read from a folder."""

    folder: str
    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...] = ()


class Sentence(Record):
    """One sentence of one article with where it sits in the text."""

    id: str
    source_id: str
    text: str
    start: int
    end: int
    paragraph: int
    index: int
    position: float = Field(ge=0.0, le=1.0, description="index / number of sentences")


class Evidence(Record):
    """The sentence of one source that best supports a claim or brief sentence."""

    source_id: str
    sentence: str
    score: float
    sentence_id: str | None = None
    # Every sentence of the evidence: two when a fact is spread over adjacent sentences.
    sentence_ids: tuple[str, ...] = ()
    # The part of the sentence this evidence supports; None: all of it.
    part: str | None = None
    # Why this source was not cited although it scored as support (a lexical veto).
    reason: str | None = None

    @property
    def states_all(self) -> bool:
        """Its sentence alone states all of what it supports: not a part of it ("in part", or
        one fact of a fused sentence), nor only when read with the sentence after it."""
        return self.part is None and not self.sentence_ids


class Claim(Record):
    """Sentences across articles that say the same thing, and the sources that support it."""

    id: str
    text: str
    member_ids: tuple[str, ...]
    source_ids: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    position: float
    score: float = 0.0


class Suppressed(Record):
    """A claim or sentence kept out of the brief, with the reason."""

    text: str
    source_ids: tuple[str, ...]
    reason: str
    sentence_ids: tuple[str, ...] = ()

    @classmethod
    def claim(cls, claim: Claim, reason: str) -> Suppressed:
        """The claim as found, its sources and sentences, and why it is kept out."""
        return cls(
            text=claim.text,
            source_ids=claim.source_ids,
            reason=reason,
            sentence_ids=claim.member_ids,
        )


class DraftSentence(Record):
    """A sentence written by a composer or a person, before verification."""

    text: str
    claim_ids: tuple[str, ...] = ()
    paragraph: int = 0


class DraftSpan(Record):
    """One prose sentence of a person's draft: its plain text and where it sits in the draft."""

    text: str
    start: int
    end: int
    paragraph: int


class Draft(Record):
    """A draft as read for `cite`: the original text (cited.md is built from it), its title and
    its prose sentences."""

    path: str
    text: str
    title: str
    sentences: tuple[DraftSpan, ...]


class BriefSentence(Record):
    """A verified sentence with the sources that support it."""

    text: str
    citations: tuple[str, ...]
    evidence: tuple[Evidence, ...]
    supported: bool = True
    claim_ids: tuple[str, ...] = ()
    paragraph: int = 0
    low_credibility_only: bool = False
    nearest: Evidence | None = None
    # Why the sentence is not (fully) supported, and the parts no source supports.
    reason: str | None = None
    unsupported_parts: tuple[str, ...] = ()
    # Sources that scored as support but were vetoed, each with its reason.
    rejected: tuple[Evidence, ...] = ()


class SourceStats(Record):
    """Per-source figures for the audit table."""

    source_id: str
    sentences_read: int
    boilerplate_dropped: int
    claims_used: int
    claims_suppressed: int
    duplicate_of: str | None = None
    warnings: tuple[str, ...] = ()


class Neutrality(Record):
    """How neutral the brief reads: attribution share and loaded words found."""

    attributed_share: float
    loaded_words: tuple[str, ...]


class Disagreement(Record):
    """Two credible, independent sources stating one fact differently; both sides are kept,
    each with its source, and neither is preferred. `kind`: figure, date, actor or polarity."""

    kind: str
    detail: str
    sides: tuple[Evidence, Evidence]
    similarity: float


class Brief(Record):
    """Everything the renderers need; brief.json is this record's contract view."""

    title: str
    mode: Mode
    model: str | None = None
    fallback_reason: str | None = None
    sentences: tuple[BriefSentence, ...]
    sources: tuple[Source, ...]
    suppressed: tuple[Suppressed, ...]
    dropped: tuple[Suppressed, ...] = ()
    stats: tuple[SourceStats, ...] = ()
    neutrality: Neutrality | None = None
    skipped: tuple[Skipped, ...] = ()
    disagreements: tuple[Disagreement, ...] = ()
    # Problems with the input as a whole (a folder holding several stories), shown in the audit.
    warnings: tuple[str, ...] = ()
    # Every sentence read, so audit.html can show evidence inside its article; not in JSON.
    read: tuple[Sentence, ...] = ()


class StoryGroup(Record):
    """Articles of one folder that report the same story; `id` derives from the articles."""

    id: str
    source_ids: tuple[str, ...]


class DigestStory(Record):
    """One story of a digest: its brief when at least two independent reports carry it, else
    None (a single report is listed with its credibility, never summarised)."""

    id: str
    title: str
    source_ids: tuple[str, ...]
    independent_reports: int
    credible_reports: int
    latest: str | None
    brief: Brief | None


class Digest(Record):
    """A folder of many stories: the stories, most important first, and every source read."""

    folder: str
    stories: tuple[DigestStory, ...]
    sources: tuple[Source, ...]
    skipped: tuple[Skipped, ...] = ()


@dataclass(frozen=True)
class Story:
    """One story as every stage after embedding reads it: the articles (sources rated and their
    copies marked), their sentences, one normalised vector per sentence and the calibration of
    the embedder that made them, and lookups by id.
    Built once by the pipeline; never changed."""

    corpus: Corpus
    sentences: tuple[Sentence, ...]
    vectors: np.ndarray
    # Where the vectors' cosines mean something (the embedder's, embed.Calibration).
    calibration: Calibration

    @cached_property
    def sources(self) -> dict[str, Source]:
        return sources_by_id(article.source for article in self.corpus.articles)

    @cached_property
    def by_id(self) -> dict[str, Sentence]:
        return {sentence.id: sentence for sentence in self.sentences}

    @cached_property
    def independent(self) -> dict[str, str]:
        """Each source id with the independent report it belongs to."""
        return {source_id: source.report for source_id, source in self.sources.items()}

    def report(self, source_id: str) -> str:
        return self.sources[source_id].report
