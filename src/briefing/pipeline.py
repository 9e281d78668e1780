"""The only module that knows the order of the stages: folder in, Brief (or cited draft) out."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

from briefing import assemble, credibility, disagree, rank, sentences, stories
from briefing import claims as claim_stage
from briefing.assemble import Outcome
from briefing.compose import get_composer
from briefing.compose.base import ComposeInput, Composer, Composition
from briefing.compose.extractive import passed_over, printed_texts
from briefing.compose.printable import attribution_phrases
from briefing.config import BriefingConfig
from briefing.embed import Embedder, get_embedder
from briefing.ingest import read_corpus
from briefing.ingest.draft import read_draft
from briefing.models import (
    Brief,
    BriefSentence,
    Claim,
    Corpus,
    Disagreement,
    Draft,
    Sentence,
    Story,
    StoryGroup,
    Suppressed,
)
from briefing.verify import Aligner, verify_drafts
from briefing.verify.lexical import conflict, corpus_lexicon

log = logging.getLogger(__name__)

OnStage = Callable[[str], None]


def _quiet(stage: str) -> None:
    log.info("%s", stage)


@dataclass(frozen=True)
class Analysis:
    """The shared front half of `build` and `cite`: the story, its claims, the aligner."""

    story: Story
    claims: tuple[Claim, ...]
    aligner: Aligner


class Reading(NamedTuple):
    """Articles read, rated and split: what `briefing sources` shows, where the stages start."""

    corpus: Corpus
    sentences: tuple[Sentence, ...]


@dataclass(frozen=True)
class Engines:
    """The models a brief needs, loaded once per run: the embedder and the composer."""

    embedder: Embedder
    composer: Composer


def read_sources(folder: Path, config: BriefingConfig) -> Reading:
    """Ingest, rate and split: what `briefing sources` shows."""
    corpus = credibility.rate_corpus(read_corpus(folder, config.ingest), config.credibility)
    return Reading(corpus, sentences.split_corpus(corpus))


def analyse(
    folder: Path, config: BriefingConfig, embedder: Embedder, on_stage: OnStage = _quiet
) -> Analysis:
    on_stage(f"reading {folder}")
    return analyse_corpus(read_sources(folder, config), config, embedder, on_stage)


def analyse_corpus(
    read: Reading, config: BriefingConfig, embedder: Embedder, on_stage: OnStage = _quiet
) -> Analysis:
    """Embed, mark copies, build the Story once, find claims and prepare the aligner for
    articles already read."""
    corpus, sents = read
    texts = [sentence.text for sentence in sents]
    on_stage(f"embedding {len(texts)} sentences of {len(corpus.articles)} articles")
    embedder.fit(texts)
    vectors = embedder.encode(texts)
    on_stage("finding cross-source claims")
    threshold = embedder.calibration.claim
    near = claim_stage.sentence_neighbours(sents, vectors, threshold)
    marked = claim_stage.mark_copies(corpus, sents, near)
    story = Story(marked, sents, vectors, embedder.calibration)
    found = claim_stage.build_claims(sents, vectors, near, threshold)
    return Analysis(story, found, Aligner(story, embedder, config.verify))


def build_brief(
    folder: Path,
    config: BriefingConfig,
    embedder: Embedder | None = None,
    on_stage: OnStage = _quiet,
) -> Brief:
    """Everything `briefing build` does short of writing files; `on_stage` hears progress."""
    composer = get_composer(config.compose)  # a missing model fails here, before any work
    embedder = embedder or get_embedder(config.embed)
    on_stage(f"reading {folder}")
    read = read_sources(folder, config)
    on_stage("checking that the folder holds one story")
    titles = {article.source.id: article.source.title for article in read.corpus.articles}
    mixed = stories.mixed_warning(str(folder), find_stories(*read, embedder), titles)
    if mixed:
        log.warning("%s", mixed)
    brief = brief_of_corpus(read, config, Engines(embedder, composer), on_stage)
    return brief.model_copy(update={"warnings": (mixed,) if mixed else ()})


def find_stories(
    corpus: Corpus, sents: tuple[Sentence, ...], embedder: Embedder
) -> tuple[StoryGroup, ...]:
    """The stories of a folder (one group when it holds one story)."""
    return stories.group_stories(corpus, sents, embedder)


def brief_of_corpus(
    read: Reading, config: BriefingConfig, engines: Engines, on_stage: OnStage = _quiet
) -> Brief:
    """The brief of articles already read: one story's, of a folder or of a digest."""
    found = analyse_corpus(read, config, engines.embedder, on_stage)
    story = found.story
    on_stage("ranking claims")
    kept, suppressed = credibility.suppress(
        found.claims, story.sources, found.aligner.align_every_part
    )
    kept, clutter = claim_stage.drop_clutter(kept)
    vectors = claim_stage.claim_vectors(kept, story.sentences, story.vectors)
    ranked = rank.rank_claims(kept, vectors, story, config.rank)
    given = ComposeInput(claims=ranked, sentences=story.by_id, sources=story.sources, config=config)
    printing = _Printing(engines.composer, given, found.aligner)
    selection = rank.Selection(
        story,
        dict(zip((claim.id for claim in kept), vectors, strict=True)),
        config.brief,
        _conflict(story.sentences),
        printing.failed if engines.composer.name == "extractive" else None,
        disagree.same_quantity,
        attribution_phrases(source.outlet for source in story.sources.values()),
    )
    printed, unprintable = printed_texts(ranked, story.by_id, story.sources, rank.MAX_CANDIDATES)
    on_stage(f"writing the brief ({engines.composer.name}) and verifying every sentence")
    selected = rank.select_brief(ranked, printed, selection, config.rank)
    left_out = passed_over(ranked, selected, unprintable)
    given = given.model_copy(update={"selected": selected})
    outcome = (
        printing.printed(selected)
        if engines.composer.name == "extractive"
        else _compose_and_verify(engines.composer, given, found.aligner)
    )
    kept_out = _not_cited(suppressed, outcome.verified) + clutter + left_out
    brief = assemble.assemble_brief(outcome, story, kept_out + outcome.composition.left_out)
    on_stage("finding where sources disagree")
    disagreements = find_disagreements(story)
    return brief.model_copy(update={"disagreements": disagreements, "read": story.sentences})


def find_disagreements(story: Story) -> tuple[Disagreement, ...]:
    """Facts that credible, independent sources state differently (the aligner's lexical
    checks name the difference)."""
    return disagree.find_disagreements(story, _conflict(story.sentences))


def _conflict(sents: tuple[Sentence, ...]) -> Callable[[str, str], str | None]:
    """The lexical conflict check (numbers, negation, meaning) between two sentences."""
    features = corpus_lexicon(tuple(sentence.text for sentence in sents)).features
    return lambda a, b: conflict(features(a), features(b))


def _not_cited(
    suppressed: tuple[Suppressed, ...], verified: tuple[BriefSentence, ...]
) -> tuple[Suppressed, ...]:
    """Suppressed claims less those whose sentences the aligner found supporting a brief
    sentence: those are corroborated by the sources cited with them."""
    cited = {e.sentence_id for sentence in verified for e in sentence.evidence}
    return tuple(s for s in suppressed if not cited.intersection(s.sentence_ids))


class _Printing:
    """The extractive brief of a selection, composed and verified, remembered per selection:
    what the selection's refill checks (`failed`), and then what the brief prints."""

    def __init__(self, composer: Composer, given: ComposeInput, aligner: Aligner) -> None:
        self.composer, self.given, self.aligner = composer, given, aligner
        self.claims = {claim.id: claim for claim in given.claims}
        self.done: dict[tuple[str, ...], Outcome] = {}

    def outcome(self, selected: Sequence[Claim]) -> Outcome:
        key = tuple(claim.id for claim in selected)
        if key not in self.done:
            given = self.given.model_copy(update={"selected": tuple(selected)})
            composition = self.composer.compose(given)
            verified, dropped = verify_drafts(composition.sentences, self.aligner, self.claims)
            self.done[key] = Outcome(composition, verified, dropped)
        return self.done[key]

    def printed(self, selected: Sequence[Claim]) -> Outcome:
        """The brief of the last selection, with what the earlier ones could not print (the
        verifier's drops, the composer's left-out claims) kept for the audit."""
        last = self.outcome(selected)
        told = {sentence.text for sentence in last.verified}

        def merged(found: Callable[[Outcome], tuple[Suppressed, ...]]) -> tuple[Suppressed, ...]:
            items = [item for tried in self.done.values() for item in found(tried)]
            unique = {(item.text, item.reason): item for item in (*found(last), *items)}
            return tuple(item for item in unique.values() if item.text not in told)

        left_out = merged(lambda tried: tried.composition.left_out)
        composition = last.composition.model_copy(update={"left_out": left_out})
        return Outcome(composition, last.verified, merged(lambda tried: tried.dropped))

    def failed(self, selected: Sequence[Claim]) -> set[str]:
        """The selected claims that no verified brief sentence tells, and the lead fact (the
        first, when the selection puts one first) when the brief does not open with it (the
        composer put it later: it needs a sentence before it)."""
        verified = self.outcome(selected).verified
        told = {i for sentence in verified for i in sentence.claim_ids}
        failed = {claim.id for claim in selected} - told
        opens = verified[0].claim_ids if verified else ()
        if selected and self.given.config.rank.lead_first and selected[0].id not in opens:
            failed.add(selected[0].id)
        return failed


def _compose_and_verify(composer: Composer, given: ComposeInput, aligner: Aligner) -> Outcome:
    """Compose with the configured composer; fall back to extractive when too little verifies."""
    claims = {claim.id: claim for claim in given.claims}
    composition = composer.compose(given)
    verified, dropped = verify_drafts(composition.sentences, aligner, claims)
    if composer.name == "extractive" or len(verified) >= given.config.compose.min_sentences:
        return Outcome(composition, verified, dropped)
    reason = (
        f"only {len(verified)} of {len(composition.sentences)} generated sentences were "
        f"supported by the sources (minimum {given.config.compose.min_sentences})"
    )
    log.warning("falling back to the extractive brief: %s", reason)
    extractive = get_composer(given.config.compose, force="extractive").compose(given)
    fallback_verified, fallback_dropped = verify_drafts(extractive.sentences, aligner, claims)
    return Outcome(extractive, fallback_verified, dropped + fallback_dropped, reason)


@dataclass(frozen=True)
class CitedDraft:
    draft: Draft
    brief: Brief


def cite_draft(
    draft_path: Path, folder: Path, config: BriefingConfig, on_stage: OnStage = _quiet
) -> CitedDraft:
    """Everything `briefing cite` does short of writing files; `on_stage` hears progress."""
    draft = read_draft(draft_path, config.ingest)
    found = analyse(folder, config, get_embedder(config.embed), on_stage)
    on_stage(f"aligning {len(draft.sentences)} draft sentences")
    aligned = found.aligner.align_draft([span.text for span in draft.sentences])
    cited = tuple(
        result.model_copy(update={"paragraph": span.paragraph})
        for result, span in zip(aligned, draft.sentences, strict=True)
    )
    outcome = Outcome(Composition(title=draft.title, sentences=()), cited)
    brief = assemble.assemble_brief(outcome, found.story, ())
    return CitedDraft(draft, brief)
