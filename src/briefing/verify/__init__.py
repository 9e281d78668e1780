"""The fact-level matcher: align any sentence (a brief sentence, a generated one, a person's
draft, a claim checked for corroboration) to the source units that support it, with the
evidence, the part each citation supports and the reason for every verdict; one matcher
serves build, suppression and cite.

Candidates come from the embedder: the nearest sentences of each source (one matrix product per
sentence, never sentence x sentence). Only candidates get the costlier check. A unit of evidence
is one prose sentence or two adjacent ones of one article (a fact spread over both). A unit
supports a text when a score blending the cosine with the share of the text's content words it
holds reaches a threshold calibrated per embedder (docs/aligner.md), with no lexical conflict
(a name, number or date that differs, a negation, an opposite verb, swapped actors). A
sentence is supported when some unit supports all of it, or, for a sentence that fuses several
facts (`segments.parts`), when every part is supported by some unit (joint support); in both
cases every name, number, date and quote in it must be found in the units cited. It cites every
source that supports it or a part of it, and the audit shows which part each one supports; a
sentence only partly supported names the parts no source supports.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import NamedTuple

import numpy as np

from briefing.config import VerifyConfig
from briefing.embed import Calibration, Embedder, word_pieces_of
from briefing.language import speaker_unnamed
from briefing.models import (
    BriefSentence,
    Claim,
    DraftSentence,
    Evidence,
    Story,
    Suppressed,
)
from briefing.verify import soft
from briefing.verify.lexical import (
    NUMBER_CONFLICT,
    SCORE_DECIMALS,
    Features,
    Gap,
    Judgement,
    Thresholds,
    conflict,
    corpus_lexicon,
    framing_named,
    identified,
    joined,
    judge,
    missing,
)
from briefing.verify.partial import (
    PART_SLACK,
    absent_words,
    enough_events,
    event_stems,
    frequencies,
    held_words,
    rare_limit,
    shared_events,
    supported_clauses,
)
from briefing.verify.segments import clauses, core, parts, unattributed

log = logging.getLogger(__name__)

DROPPED_REASON = "dropped: not supported by the sources"
# Candidates examined per source and in all, best cosine first: the best match of a source is
# almost always among its three nearest sentences; 60 bounds the lexical work per sentence.
CANDIDATES_PER_SOURCE = 3
MAX_CANDIDATES = 60
# Share of a fused sentence's content words a unit must hold to support all of it without
# supporting each part on its own: the sentence itself or a light edit of it.
FULL_COVERAGE = 0.8
# How far above the support threshold a unit must score to be cited for the rest of a draft
# sentence whose name, number or quote no source holds: the missing detail is often the fact
# itself, and near the threshold the rest is mostly shared topic words. Read on the tune part's
# editors' summaries (docs/aligner.md, "cite on editors' summaries"): of the units cited this
# way, most of those scoring under +0.06 did not support the rest.
PARTIAL_MARGIN = 0.06
# Stands for every part of a sentence in `_parts_cited`: a citation of all of it covers them.
ALL_PARTS = frozenset({"*"})
# Sentences aligned per block: 256 rows of similarities to 100k sentences are 100 MB.
BATCH = 256

Unit = tuple[int, ...]


def calibrated(calibration: Calibration) -> Thresholds:
    """The aligner's thresholds calibrated for an embedder (docs/aligner.md)."""
    c = calibration
    return Thresholds(c.align_weight, c.align_support, c.align_floor, c.align_part)


def thresholds_for(calibration: Calibration, config: VerifyConfig) -> Thresholds:
    """The calibrated thresholds of the embedder, with the support threshold the user set, if
    any."""
    base = calibrated(calibration)
    if config.support_threshold is None:
        return base
    chosen = config.support_threshold
    return Thresholds(base.weight, chosen, min(base.floor, chosen), chosen)


@dataclass(frozen=True)
class Match:
    """The best unit of one source for one text, and how well it supports it."""

    unit: Unit
    judgement: Judgement

    def rank(self, thresholds: Thresholds) -> tuple[bool, bool, float, int, float, float]:
        """Support first; among supporting units the one holding most of the text's words,
        and of those the least evidence (one sentence is shown without a neighbour that adds
        nothing); then the score."""
        j = self.judgement
        supports = j.supports(thresholds)
        held = j.coverage if supports else 0.0
        shortest = -len(self.unit) if supports else 0
        return (supports, j.supports_part(thresholds), held, shortest, j.score, j.partial)


# A source to cite, its match, and the part of the sentence it supports (None: all of it).
Cited = tuple[str, Match, str | None]


@dataclass(frozen=True)
class Verdict:
    """What the matcher decided for one text: the sources to cite with the part each supports
    (None: all of it), whether they support the whole, and why not."""

    cited: list[Cited]
    supported: bool
    unsupported: list[str]
    reason: str | None


class Fact(NamedTuple):
    """A text's fact without its framing (`segments.core`) with each source's best match for
    it, and the text without its closing attribution only (`segments.unattributed`): what a
    source stating the fact must not contradict. The day someone told it ("an official told
    CNN Thursday") is no day of the fact ("notified governors on Wednesday")."""

    text: str
    best: Mapping[str, Match]
    told: Features


Framed = Fact | None


@dataclass(frozen=True)
class Examined:
    """A text's features and the best match of each source for it, for each of its parts and
    for its fact without the framing."""

    query: Features
    whole: Mapping[str, Match]
    pieces: Sequence[tuple[str, Mapping[str, Match]]]
    framed: Framed = None


class _Asked(NamedTuple):
    """A sentence to align with its similarity rows: of all of it, of each part of a fused
    sentence, and of its fact without the framing (`segments.core`); for a draft, of each
    of its clauses (`segments.clauses`) too."""

    text: str
    row: np.ndarray
    parts: Sequence[tuple[str, np.ndarray]]
    fact: tuple[str, np.ndarray] | None
    clauses: Sequence[tuple[str, np.ndarray]] = ()


class Aligner:
    """Finds, for any sentence, every source with a unit that supports it or a part of it."""

    def __init__(self, story: Story, embedder: Embedder, config: VerifyConfig) -> None:
        self._sentences = story.sentences
        self._vectors = np.asarray(story.vectors, dtype=np.float32)
        self._sources = story.sources
        self._embedder = embedder
        self._config = config
        self.thresholds = thresholds_for(embedder.calibration, config)
        self._lexicon = corpus_lexicon(tuple(sentence.text for sentence in self._sentences))
        self._features: dict[Unit, Features] = {}
        self._context: dict[str, frozenset[str]] = {}
        self._rows_of: dict[str, list[int]] = {}
        self._counts: Counter[str] | None = None  # stems per source sentence (`align_draft`)
        # The word pieces of the story's sentences, held from here on: the embedder keeps them
        # only until its next `fit` (another story's). Those of the texts aligned are taken
        # when they are encoded, just before they are judged.
        self._pieces_of = word_pieces_of(embedder)
        self._held = (
            {s.text: self._pieces_of(s.text) for s in self._sentences}
            if self._pieces_of is not None
            else {}
        )
        self._word_rows: dict[str, np.ndarray | None] = {}
        for index, sentence in enumerate(self._sentences):
            self._rows_of.setdefault(sentence.source_id, []).append(index)

    def align(self, text: str, allowed_sources: Collection[str] | None = None) -> BriefSentence:
        """`text` with every source that supports it; with `allowed_sources`, it counts as
        supported only if one of them (or a copy of one) is among its supporters."""
        return self.align_batch([text], [allowed_sources])[0]

    def align_many(self, texts: Sequence[str]) -> list[BriefSentence]:
        return self.align_batch(texts, [None] * len(texts))

    def align_every_part(self, texts: Sequence[str]) -> list[BriefSentence]:
        """`align_many` listing every source that states a text or a fact of it, beside a
        source that states all of it too: corroboration before suppression, and a person's
        draft in `cite` (each article behind each fact it fuses). A brief sentence cites
        only the sources it needs (`align_many`, `_decide`)."""
        return self.align_batch(texts, [None] * len(texts), every_part=True)

    def align_draft(self, texts: Sequence[str]) -> list[BriefSentence]:
        """`align_every_part` for a person's draft (`briefing cite`): besides, an article
        whose passage states the event words of a sentence or of a part of it is cited for
        the clauses holding them (`verify.partial`), and a sentence no article states all of
        names what stays unsupported. Brief sentences and suppression never use this."""
        return self.align_batch(texts, [None] * len(texts), every_part=True, draft=True)

    def align_batch(
        self,
        texts: Sequence[str],
        allowed: Sequence[Collection[str] | None],
        every_part: bool = False,
        draft: bool = False,
    ) -> list[BriefSentence]:
        """`align` for many sentences, BATCH at a time: one call to the embedder and one
        block of similarities per batch (memory stays linear in the corpus)."""
        results: list[BriefSentence] = []
        for start in range(0, len(texts), BATCH):
            stop = start + BATCH
            block = self._align_block(texts[start:stop], allowed[start:stop], every_part, draft)
            results.extend(block)
        return results

    def _align_block(
        self,
        texts: Sequence[str],
        allowed: Sequence[Collection[str] | None],
        every_part: bool,
        draft: bool,
    ) -> list[BriefSentence]:
        if not texts:
            return []
        if not self._sentences:
            return [
                BriefSentence(
                    text=t, citations=(), evidence=(), supported=False, reason="no sources"
                )
                for t in texts
            ]
        split = [parts(text) for text in texts]
        cores = [core(text) for text in texts]
        pieces = [
            *texts,
            *(p for ps in split for p in ps if len(ps) > 1),
            *(c for c in cores if c is not None),
        ]
        similarities = self._embedder.encode(pieces) @ self._vectors.T
        finer = self._clause_rows(texts, split) if draft else [[] for _ in texts]
        results: list[BriefSentence] = []
        offset = len(texts)
        core_offset = len(pieces) - sum(c is not None for c in cores)
        for n, (text, permitted) in enumerate(zip(texts, allowed, strict=True)):
            own = split[n] if len(split[n]) > 1 else []
            rows = similarities[offset : offset + len(own)]
            offset += len(own)
            fact: tuple[str, np.ndarray] | None = None
            if cores[n] is not None:
                fact = (str(cores[n]), similarities[core_offset])
                core_offset += 1
            asked = _Asked(text, similarities[n], list(zip(own, rows, strict=True)), fact, finer[n])
            results.append(self._align_one(asked, permitted, every_part, draft))
        return results

    def _clause_rows(
        self, texts: Sequence[str], split: Sequence[list[str]]
    ) -> list[list[tuple[str, np.ndarray]]]:
        """Each draft sentence's clauses that are not already its parts, with their
        similarity rows (one call to the embedder for the block)."""
        each = [clauses(text) for text in texts]
        own = [
            [c for c in cs if c not in ps] if len(cs) > 1 else []
            for cs, ps in zip(each, split, strict=True)
        ]
        flat = [c for cs in own for c in cs]
        if not flat:
            return [[] for _ in texts]
        rows = iter(self._embedder.encode(flat) @ self._vectors.T)
        return [[(c, next(rows)) for c in cs] for cs in own]

    def examine_units(self, text: str, units: Sequence[Unit]) -> Examined:
        """The matches of `text` and of its parts when only `units` may support it."""
        split = parts(text)
        own = split if len(split) > 1 else []
        fact = core(text)
        rows = self._embedder.encode([text, *own, *([fact] if fact else [])]) @ self._vectors.T
        query = self._lexicon.features(text)
        pieces = [
            (part, self._best_of(part, row, units))
            for part, row in zip(own, rows[1 : 1 + len(own)], strict=True)
        ]
        framed: Framed = None
        if fact is not None:
            best = self._best_of(fact, rows[-1], units)
            framed = Fact(fact, best, self._told(text))
        return Examined(query, self._best_of(text, rows[0], units), pieces, framed)

    def decide(self, examined: Examined) -> Verdict:
        """The verdict on examined matches under the current thresholds (calibration)."""
        t = self.thresholds
        whole = {s: Match(m.unit, m.judgement.rescored(t)) for s, m in examined.whole.items()}
        pieces = [
            (part, {s: Match(m.unit, m.judgement.rescored(t)) for s, m in best.items()})
            for part, best in examined.pieces
        ]
        framed: Framed = None
        if examined.framed is not None:
            best = {
                s: Match(m.unit, m.judgement.rescored(t)) for s, m in examined.framed.best.items()
            }
            framed = examined.framed._replace(best=best)
        return self._decide(Examined(examined.query, whole, pieces, framed))

    def _told(self, text: str) -> Features:
        """The features of `text` without its closing attribution (`Fact.told`)."""
        return self._lexicon.features(unattributed(text.strip()))

    def source_of(self, row: int) -> str:
        return self._sentences[row].source_id

    # --- one sentence -------------------------------------------------------------------------

    def _align_one(
        self, asked: _Asked, allowed: Collection[str] | None, every_part: bool, draft: bool
    ) -> BriefSentence:
        text, row = asked.text, asked.row
        query = self._lexicon.features(text)
        whole = self._best_of(text, row, self._candidate_units(row))
        pieces = [
            (part, self._best_of(part, r, self._candidate_units(r))) for part, r in asked.parts
        ]
        framed: Framed = None
        if asked.fact is not None:
            text_of, r = asked.fact
            best = self._best_of(text_of, r, self._candidate_units(r))
            framed = Fact(text_of, best, self._told(text))
        verdict = self._decide(Examined(query, whole, pieces, framed), every_part)
        if draft:
            finer: list[tuple[str, Mapping[str, Match]]] = [
                (clause, self._best_of(clause, r, self._candidate_units(r)))
                for clause, r in asked.clauses
            ]
            if framed is not None:
                finer.append((framed.text, framed.best))
            verdict = self._drafted(text, query, Examined(query, whole, [*pieces, *finer]), verdict)
        rejected = self._rejected(whole, verdict)
        supporters = [source_id for source_id, _, _ in verdict.cited]
        if verdict.supported and self._permitted(supporters, allowed):
            return self._result(text, verdict, rejected, supported=True)
        if verdict.supported:
            verdict = Verdict(
                [], False, [], "no source the composer named supports it (nor a copy of one)"
            )
        result = self._result(text, verdict, rejected, supported=False)
        nearest = max(
            whole.items(), key=lambda kv: (kv[1].judgement.score, -kv[1].unit[0]), default=None
        )
        fallback = nearest or self._fallback(text, row)
        return result.model_copy(update={"nearest": self._evidence(*fallback)})

    def _candidate_units(self, row: np.ndarray) -> list[Unit]:
        """The nearest prose sentences of each source above the floor, each alone and with the
        sentence before and after it in its article."""
        units: list[Unit] = []
        taken: dict[str, int] = {}
        total = 0
        for index in _nearest_first(row, MAX_CANDIDATES * CANDIDATES_PER_SOURCE):
            i = int(index)
            if float(row[i]) < self.thresholds.floor or total >= MAX_CANDIDATES:
                break
            source_id = self._sentences[i].source_id
            if taken.get(source_id, 0) >= CANDIDATES_PER_SOURCE or not self._feature((i,)).prose:
                continue
            taken[source_id] = taken.get(source_id, 0) + 1
            total += 1
            units.append((i,))
            units.extend(u for u in ((i - 1, i), (i, i + 1)) if self._adjacent(u))
        return units

    def _adjacent(self, unit: Unit) -> bool:
        first, second = unit
        if first < 0 or second >= len(self._sentences):
            return False
        a, b = self._sentences[first], self._sentences[second]
        return (
            a.source_id == b.source_id
            and b.index == a.index + 1
            and self._feature((first,)).prose
            and self._feature((second,)).prose
        )

    def _best_of(self, text: str, row: np.ndarray, units: Sequence[Unit]) -> dict[str, Match]:
        """Per source, its best unit for `text`: supporting ones before others."""
        best: dict[str, Match] = {}
        for unit in dict.fromkeys(units):
            source_id = self._sentences[unit[0]].source_id
            found = Match(unit, self._judge(text, unit, self._cosine(row, unit)))
            held = best.get(source_id)
            if held is None or found.rank(self.thresholds) > held.rank(self.thresholds):
                best[source_id] = found
        return best

    def _cosine(self, row: np.ndarray, unit: Unit) -> float:
        if len(unit) == 1:
            return float(row[unit[0]])
        a, b = self._vectors[unit[0]], self._vectors[unit[1]]
        norm = float(np.sqrt(max(1e-12, 2.0 + 2.0 * float(a @ b))))
        return (float(row[unit[0]]) + float(row[unit[1]])) / norm

    def _judge(self, text: str, unit: Unit, cosine: float) -> Judgement:
        """`lexical.judge`, its coverage soft (`verify.soft`) where the embedder gave the
        word pieces of the text and of the unit's sentences, else exact. A unit holding a
        line an excerpt cut short ("Taiwan sees itself as an...") is evidence only for the
        words it holds: exact coverage, no credit for what the cut took away (docs/aligner.md,
        "Ninth session")."""
        query, evidence = self._lexicon.features(text), self._feature(unit)
        found = judge(query, evidence, cosine, self.thresholds)
        if evidence.cut:
            return found
        mine = self._words(text)
        theirs = [w for w in (self._words(self._sentences[i].text) for i in unit) if w is not None]
        if mine is None or len(theirs) < len(unit):
            return found
        # A two-sentence unit's words are its sentences' words, each read in its own
        # sentence, as its cosine is made from its sentences' vectors (`_cosine`).
        covered = soft.coverage(query, mine, evidence, np.concatenate(theirs))
        return replace(
            found,
            coverage=round(covered, SCORE_DECIMALS),
            score=self.thresholds.score(cosine, covered),
        )

    def _words(self, text: str) -> np.ndarray | None:
        """The word vectors of a text the embedder encoded (`soft.word_vectors`), kept per
        text; None without word pieces (TF-IDF, a torch model, or a text encoded before the
        embedder.s last `fit` that the story does not hold)."""
        if self._pieces_of is None:
            return None
        if text not in self._word_rows:
            pieces = self._held.get(text) or self._pieces_of(text)
            self._word_rows[text] = None if pieces is None else soft.word_vectors(text, pieces)
        return self._word_rows[text]

    def _fallback(self, text: str, row: np.ndarray) -> tuple[str, Match]:
        index = int(np.argmax(row))
        found = Match((index,), self._judge(text, (index,), float(row[index])))
        return self._sentences[index].source_id, found

    # --- the decision ---------------------------------------------------------------------------

    def _decide(self, examined: Examined, every_part: bool = False) -> Verdict:
        """Support by one unit for all of the sentence, else jointly by units for each part;
        either way every name, number and quote must be found in the units cited.

        Each citation must be needed (ALCE): where some source supports all of the sentence,
        another is cited only if it supports all of the fact but its framing (who said it,
        and when: `segments.core`), or holds a name or number no other cited unit does; a
        source that supports only a part is left out. Where none supports all of it, every
        source that supports a part is cited for that part. With `every_part`, the sources of a
        part are listed beside a source that states all of it too (corroboration)."""
        query, whole, pieces, framed = (
            examined.query,
            examined.whole,
            examined.pieces,
            examined.framed,
        )
        t = self.thresholds
        full = [s for s, m in whole.items() if m.judgement.supports(t)]
        part_support = {
            part: [
                s
                for s, m in best.items()
                if m.judgement.conflict is None and m.judgement.score >= t.part
            ]
            for part, best in pieces
        }
        # Where the sentence fuses facts, a source supports all of it only if it supports each
        # part, or holds nearly all of its words (the sentence itself, or a copy of it).
        full = [
            s
            for s in full
            if whole[s].judgement.coverage >= FULL_COVERAGE
            or all(s in supporters for supporters in part_support.values())
        ]
        joint = self._joint(pieces, part_support)
        # A source that supports each part shows the units that support them.
        shown = dict(whole) | {
            s: match
            for s, match, _ in joint
            if s in full and whole[s].judgement.coverage < FULL_COVERAGE
        }
        full = self._complete(query, shown, full)
        some = [s for s, m in whole.items() if s not in full and m.judgement.supports_part(t)]
        unsupported = [part for part, _ in pieces if not part_support[part]]
        gap: Gap | None = None
        held: list[Cited] = []  # the citations last tried, when a detail was missing
        if full:
            cited: list[Cited] = [(s, shown[s], None) for s in self._by_credibility(full)]
            cited += [c for c in self._framed(query, framed, part_support) if c[0] not in full]
            cited += [
                (s, match, None)
                for s, match, _ in joint
                if s not in {c[0] for c in cited}
                and all(s in supporters for supporters in part_support.values())
                and identified(query, self._feature(match.unit))
            ]
            if every_part:
                cited += self._parts_of(cited, joint, whole, some)
            kept, gap = self._capped(query, cited, [])
            if gap is None:
                return Verdict(kept, True, [], None)
            # No source holds every name and number: parts may supply the missing ones.
            primary = {c[0] for c in cited}
            cited += self._parts_of(cited, joint, whole, some)
            kept, gap = self._capped(query, cited, [])
            if gap is None:
                return Verdict(self._needed(query, kept, primary), True, [], None)
            held = kept
        if pieces and not unsupported:
            kept, joint_gap = self._capped(query, joint, pieces)
            if joint_gap is None:
                return Verdict(kept, True, [], None)
            held = held or kept
            gap = gap or joint_gap
        if gap is not None and not unsupported:
            return self._detail_missing(query, gap, held if every_part else [], whole)
        return self._unsupported(query, whole, joint, unsupported)

    def _detail_missing(
        self, query: Features, gap: Gap, cited: list[Cited], whole: Mapping[str, Match]
    ) -> Verdict:
        """The sources support all of the sentence but a name, number or quote no cited unit
        holds. A brief sentence is then unsupported. A person's draft cites the units that
        clearly support the rest (PARTIAL_MARGIN) and hold every other name, number and quote
        of what they are cited for, partly supported, with that detail named (ALCE's partial
        support), unless an article says otherwise (`_contradicted`)."""
        floor = self.thresholds.support + PARTIAL_MARGIN
        kept = [
            c for c in cited if c[1].judgement.score >= floor and self._lacks_at_most(query, c, gap)
        ]
        # Joint support must still cover every part; else more than the detail is missing.
        cited = kept if _parts_cited(kept) >= _parts_cited(cited) else []
        best = max((c[1].judgement.score for c in cited), default=0.0)
        if self._contradicted(gap, best, whole):
            cited = []
        if not cited:
            return Verdict([], False, [], str(gap))
        part = f"{gap.kind} {gap.words!r}"
        return Verdict(cited, False, [part], f"partly supported: {gap}")

    def _framed(
        self, query: Features, framed: Framed, part_support: Mapping[str, list[str]]
    ) -> list[Cited]:
        """The sources that support all of the fact but its framing (`segments.core`): as
        a source supporting all of it would, with every name of the fact identified in the
        unit (one word of it is enough: "Xi" for "Xi Jinping"), every name of the framing
        too, in the unit or, where a pronoun speaks in it, the article before it ("...,
        Schumer told CNN" needs Schumer and CNN: `lexical.framing_named`), and nothing in the
        unit against the sentence but for its closing attribution (a day of the fact that
        differs still rules it out; the day it was told does not). Cited for that fact."""
        if framed is None:
            return []
        fact, best, told = framed
        features = self._lexicon.features(fact)
        found: list[Cited] = []
        # Parts of the sentence that state its framing ("after the two leaders held a
        # summit" in "..., the Kremlin said after the two leaders held a summit") need no
        # support; a fact that still fuses several needs each of them supported.
        fused = [
            supporters
            for part, supporters in part_support.items()
            if len(parts(fact)) > 1 and _mostly_in(part, fact)
        ]
        for source_id in self._by_credibility(list(best)):
            match = best[source_id]
            unit = self._feature(match.unit)
            whole_fact = match.judgement.coverage >= FULL_COVERAGE
            if (
                match.judgement.supports(self.thresholds)
                and conflict(told, unit) is None
                and identified(features, unit)
                and framing_named(query, features, self._speakers_of(match.unit))
                and (whole_fact or all(source_id in s for s in fused))
            ):
                found.append((source_id, match, fact))
        return found

    def _speakers_of(self, unit: Unit) -> list[Features]:
        """Where the names of who said what `unit` states may be: the unit, and where a
        pronoun speaks in it ("…,” he said in a tweet") its article's sentences before it,
        one of which names that person."""
        found = [self._feature(unit)]
        if not any(speaker_unnamed(self._sentences[i].text) for i in unit):
            return found
        first = self._sentences[unit[0]]
        rows = self._rows_of.get(first.source_id, [])
        return found + [self._feature((i,)) for i in rows if self._sentences[i].index < first.index]

    def _parts_of(
        self, cited: list[Cited], joint: list[Cited], whole: Mapping[str, Match], some: list[str]
    ) -> list[Cited]:
        """The sources not yet cited that support a part (`joint`) or some of the sentence
        (`some`, cited "in part")."""
        taken = {c[0] for c in cited}
        found = [c for c in joint if c[0] not in taken]
        taken |= {c[0] for c in found}
        return found + [
            (s, whole[s], "in part") for s in self._by_credibility(some) if s not in taken
        ]

    def _needed(self, query: Features, kept: list[Cited], primary: set[str]) -> list[Cited]:
        """`kept` without the part citations the others do not need to hold every name,
        number and quote of the sentence (least credible dropped first)."""
        needed = list(kept)
        for citation in reversed(kept):
            if citation[0] in primary:
                continue
            rest = [c for c in needed if c is not citation]
            features = [self._feature(c[1].unit) for c in rest]
            if missing(query, features, [self._article_words(c[0]) for c in rest]) is None:
                needed = rest
        return needed

    def _complete(self, query: Features, whole: Mapping[str, Match], full: list[str]) -> list[str]:
        """The sources whose unit holds every name, number and quote of the sentence on its
        own, when there are any: the others support it but for a detail, and are cited for
        part of it, not for all of it. (With none complete, support by the set is judged.)"""
        complete = [
            s
            for s in full
            if missing(query, [self._feature(whole[s].unit)], [self._article_words(s)]) is None
        ]
        return complete or full

    def _joint(
        self,
        pieces: Sequence[tuple[str, Mapping[str, Match]]],
        part_support: Mapping[str, list[str]],
    ) -> list[Cited]:
        """Each source supporting some parts, with the union of its units for them and the
        parts it supports ("A / B"), most credible first."""
        units: dict[str, list[Match]] = {}
        labels: dict[str, list[str]] = {}
        for part, best in pieces:
            for source_id in part_support[part]:
                units.setdefault(source_id, []).append(best[source_id])
                labels.setdefault(source_id, []).append(part)
        joint: list[Cited] = []
        for source_id in self._by_credibility(list(units)):
            matches = units[source_id]
            rows = tuple(sorted({row for m in matches for row in m.unit}))
            strongest = max(matches, key=lambda m: m.judgement.score).judgement
            joint.append((source_id, Match(rows, strongest), " / ".join(labels[source_id])))
        return joint

    def _unsupported(
        self,
        query: Features,
        whole: Mapping[str, Match],
        cited: list[Cited],
        unsupported: list[str],
    ) -> Verdict:
        partly = [c for c in cited if c[2] is not None and c[2] != "in part"]
        if partly and unsupported:
            named = "; ".join(f'"{part}"' for part in unsupported)
            return Verdict(
                partly, False, unsupported, f"partly supported: no source supports {named}"
            )
        best = max(whole.values(), key=lambda m: m.judgement.score, default=None)
        if best is None:
            return Verdict([], False, [], "no source sentence is near it")
        j = best.judgement
        if j.conflict is not None and j.score >= self.thresholds.support:
            return Verdict([], False, [], f"the nearest source sentence differs: {j.conflict}")
        return Verdict(
            [],
            False,
            [],
            f"no source sentence says it (best support score {j.score:.2f}, "
            f"needs {self.thresholds.support:.2f})",
        )

    def _lacks_at_most(self, query: Features, citation: Cited, gap: Gap) -> bool:
        """The cited unit holds every name, number and quote of the sentence (or of the part
        it is cited for) but `gap`; a source cited "in part" never stands for the rest."""
        source_id, match, part = citation
        if part == "in part":
            return False
        asked = query if part is None else self._lexicon.features(part)
        found = missing(asked, [self._feature(match.unit)], [self._article_words(source_id)])
        return found is None or found == gap

    def _contradicted(self, gap: Gap, best: float, whole: Mapping[str, Match]) -> bool:
        """Some article's unit is closer to the sentence than the best cited one but conflicts
        with it, or, for a missing number, gives another number for the same fact ("the 2024
        Olympics" where one says 2022)."""
        for match in whole.values():
            j = match.judgement
            if j.conflict is None:
                continue
            if j.score >= best:
                return True
            other_number = gap.kind == "number" and j.conflict == NUMBER_CONFLICT
            if other_number and j.score >= self.thresholds.support:
                return True
        return False

    def _capped(
        self,
        query: Features,
        cited: list[Cited],
        pieces: Sequence[tuple[str, Mapping[str, Match]]],
    ) -> tuple[list[Cited], Gap | None]:
        """At most max_citations of the cited, keeping one per part where support is joint,
        and a reason when the names, numbers, dates or quotes are not all found in them."""
        cap = self._config.max_citations
        needed: list[Cited] = []
        for part, _ in pieces:
            first = next((c for c in cited if c[2] is not None and part in c[2].split(" / ")), None)
            if first is not None and first not in needed:
                needed.append(first)
        rest = sorted(
            (c for c in cited if c not in needed), key=lambda c: self._credibility_key(c[0])
        )
        ordered = needed + rest
        orders = [ordered] + [
            [lead, *(c for c in ordered if c is not lead)] for lead in ordered if lead[2] is None
        ]

        gap: Gap | None = None
        for order in orders:
            kept = order[:cap]
            gap = missing(
                query,
                [self._feature(c[1].unit) for c in kept],
                [self._article_words(c[0]) for c in kept],
            )
            if gap is None:
                return sorted(kept, key=lambda c: self._credibility_key(c[0])), None
        return ordered[:cap], gap

    # --- a person's draft: support for a part (`align_draft`) --------------------------------

    def _drafted(self, text: str, query: Features, examined: Examined, verdict: Verdict) -> Verdict:
        """`verdict` with its citations "in part" named by the words they hold and every
        article not yet cited whose passage holds a part of the sentence (`_part_citations`).
        Each is cited for the words of the sentence its passage holds."""
        split = clauses(text)
        stems_of = [self._lexicon.features(clause).stems for clause in split]
        # The clauses stated by a citation of all of the sentence or of a part of it.
        fully = {
            clause
            for clause in split
            for _, _, label in verdict.cited
            if label is None
            or (label != "in part" and any(_mostly_in(clause, p) for p in label.split(" / ")))
        }
        stated = set(fully)
        for _, found, label in verdict.cited:
            if label == "in part":
                held = self._shared(query, found.unit) or self._common(query, found.unit)
                stated.update(supported_clauses(split, stems_of, held))
        cited = self._relabelled(text, query, verdict.cited)
        for citation, held in self._part_citations(text, query, examined, {c[0] for c in cited}):
            cited.append(citation)
            stated.update(supported_clauses(split, stems_of, held))
        if cited == verdict.cited:
            return verdict
        if verdict.supported:
            return Verdict(cited, True, [], None)
        return self._partly(query, split, cited, (stated, fully))

    def _relabelled(self, text: str, query: Features, cited: list[Cited]) -> list[Cited]:
        """`cited` with each citation "in part" named by the words of `text` its passage
        holds ("in part" still when it holds none)."""
        return [
            (source_id, found, held_words(text, self._common(query, found.unit)) or label)
            if label == "in part"
            else (source_id, found, label)
            for source_id, found, label in cited
        ]

    def _part_citations(
        self, text: str, query: Features, examined: Examined, taken: set[str]
    ) -> list[tuple[Cited, frozenset[str]]]:
        """A citation of each article not in `taken` whose passage, for the sentence or a
        part of it, holds enough of its event words (`enough_events`), scores at most
        PART_SLACK under the support threshold and contradicts nothing; with the event
        words it holds."""
        asked = [(query, examined.whole)] + [
            (self._lexicon.features(part), best) for part, best in examined.pieces
        ]
        floor = self.thresholds.support - PART_SLACK
        cited: list[tuple[Cited, frozenset[str]]] = []
        for source_id in self._by_credibility(sorted({s for _, b in asked for s in b} - taken)):
            options: list[tuple[int, float, Match, frozenset[str]]] = []
            for features, best in asked:
                match = best.get(source_id)
                if match is None or match.judgement.conflict is not None:
                    continue
                held = self._shared(features, match.unit)
                if match.judgement.score >= floor and enough_events(held):
                    options.append((len(held), match.judgement.score, match, held))
            if options:
                _, _, chosen, held = max(options, key=lambda o: (o[0], o[1]))
                label = held_words(text, self._common(query, chosen.unit))
                cited.append(((source_id, chosen, label), held))
        return cited

    def _partly(
        self,
        query: Features,
        split: list[str],
        cited: list[Cited],
        stated: tuple[set[str], set[str]],
    ) -> Verdict:
        """A draft sentence cited for parts, with what stays unsupported: the clauses no
        citation speaks to, the words of the others that only a citation for part of them
        speaks to and no cited passage holds, and the name, number or quote no cited passage
        holds."""
        spoken, fully = stated
        unsupported = [clause for clause in split if clause not in spoken]
        named = [f'no source supports "{clause}"' for clause in unsupported]
        held = frozenset().union(*(self._feature(c[1].unit).stems for c in cited))
        partly = [clause for clause in split if clause in spoken and clause not in fully]
        every = event_stems(query, self._stem_counts(), len(self._sentences))
        words = absent_words(
            [w for clause in partly for w in self._lexicon.features(clause).order], held, every
        )
        if words:
            unsupported.append(f"words {' '.join(words)!r}")
            named.append(f"the cited passages do not say {' '.join(words)!r}")
        gap = missing(
            query,
            [self._feature(c[1].unit) for c in cited],
            [self._article_words(c[0]) for c in cited],
        )
        if gap is not None and not any(gap.words in c.lower() for c in unsupported):
            unsupported.append(f"{gap.kind} {gap.words!r}")
            named.append(str(gap))
        if not named:
            named.append("each article cited states part of it, none all of it")
        return Verdict(cited, False, unsupported, "partly supported: " + "; ".join(named))

    def _common(self, query: Features, unit: Unit) -> frozenset[str]:
        """The stems and numbers (but years) `query` and the unit share: the words of the
        sentence a citation names (`held_words`)."""
        return shared_events(query.stems, query, self._feature(unit))

    def _shared(self, features: Features, unit: Unit) -> frozenset[str]:
        """The event words of `features` that the unit holds (`verify.partial`)."""
        return shared_events(self._events(features), features, self._feature(unit))

    def _events(self, features: Features) -> frozenset[str]:
        counts = self._stem_counts()
        return event_stems(features, counts, rare_limit(len(self._sentences)))

    def _stem_counts(self) -> Counter[str]:
        if self._counts is None:
            rows = range(len(self._sentences))
            self._counts = frequencies(self._feature((i,)) for i in rows)
        return self._counts

    def _rejected(self, whole: Mapping[str, Match], verdict: Verdict) -> tuple[Evidence, ...]:
        """Sources that scored as support but a lexical veto ruled out, with the veto."""
        cited = {source_id for source_id, _, _ in verdict.cited}
        return tuple(
            self._evidence(source_id, match).model_copy(update={"reason": match.judgement.conflict})
            for source_id, match in sorted(whole.items())
            if source_id not in cited
            and match.judgement.conflict is not None
            and match.judgement.score >= self.thresholds.support
        )

    # --- records --------------------------------------------------------------------------------

    def _result(
        self, text: str, verdict: Verdict, rejected: tuple[Evidence, ...], supported: bool
    ) -> BriefSentence:
        sources = [self._sources[source_id] for source_id, _, _ in verdict.cited]
        return BriefSentence(
            text=text,
            citations=tuple(source_id for source_id, _, _ in verdict.cited),
            evidence=tuple(
                self._evidence(source_id, match).model_copy(update={"part": part})
                for source_id, match, part in verdict.cited
            ),
            supported=supported,
            low_credibility_only=bool(sources) and all(source.low for source in sources),
            reason=verdict.reason,
            unsupported_parts=tuple(verdict.unsupported),
            rejected=rejected,
        )

    def _by_credibility(self, source_ids: Sequence[str]) -> list[str]:
        return sorted(source_ids, key=self._credibility_key)

    def _credibility_key(self, source_id: str) -> tuple[float, str]:
        return (-self._sources[source_id].standing, source_id)

    def _permitted(self, supporters: Sequence[str], allowed: Collection[str] | None) -> bool:
        """Some supporter is allowed, or is a copy of (or the original of) an allowed source."""
        if allowed is None:
            return True
        groups = {self._sources[source_id].report for source_id in allowed}
        return any(s in allowed or self._sources[s].report in groups for s in supporters)

    def _evidence(self, source_id: str, match: Match) -> Evidence:
        rows = [self._sentences[i] for i in match.unit]
        j = match.judgement
        return Evidence(
            source_id=source_id,
            sentence=" ".join(s.text for s in rows),
            score=max(j.score, j.partial) if j.supports_part(self.thresholds) else j.score,
            sentence_id=rows[0].id,
            sentence_ids=tuple(s.id for s in rows) if len(rows) > 1 else (),
        )

    def _feature(self, unit: Unit) -> Features:
        """The features of a unit: one sentence, or several of one article read together."""
        if unit not in self._features:
            if len(unit) == 1:
                self._features[unit] = self._lexicon.features(self._sentences[unit[0]].text)
            else:
                self._features[unit] = joined(self._feature(unit[:-1]), self._feature(unit[-1:]))
        return self._features[unit]

    def _article_words(self, source_id: str) -> frozenset[str]:
        if source_id not in self._context:
            rows = self._rows_of.get(source_id, [])
            self._context[source_id] = frozenset().union(*(self._feature((i,)).words for i in rows))
        return self._context[source_id]


def _parts_cited(cited: Sequence[Cited]) -> frozenset[str]:
    """The parts `cited` supports (ALL_PARTS when one citation supports all of it)."""
    if any(part is None for _, _, part in cited):
        return ALL_PARTS
    labels = [str(part).split(" / ") for _, _, part in cited if part != "in part"]
    return frozenset(label for split in labels for label in split)


def _mostly_in(part: str, text: str) -> bool:
    """Most of the words of `part` are words of `text`."""
    words = part.lower().split()
    held = set(text.lower().split())
    return 2 * sum(word in held for word in words) >= len(words)


def verify_drafts(
    drafts: Sequence[DraftSentence], aligner: Aligner, claims: Mapping[str, Claim]
) -> tuple[tuple[BriefSentence, ...], tuple[Suppressed, ...]]:
    """Keep the draft sentences the sources support, with citations from verified support.

    A sentence that names claims must be supported by one of their sources (claim ids that do
    not exist are ignored; with none left it is checked against all sources, as a sentence
    that names no claim is). A dropped sentence carries the matcher's reason.
    """
    allowed = [_claim_sources(draft.claim_ids, claims) for draft in drafts]
    aligned = aligner.align_batch([draft.text for draft in drafts], allowed)
    kept: list[BriefSentence] = []
    dropped: list[Suppressed] = []
    for draft, result in zip(drafts, aligned, strict=True):
        if result.supported:
            update = {"claim_ids": draft.claim_ids, "paragraph": draft.paragraph}
            kept.append(result.model_copy(update=update))
        else:
            reason = f"{DROPPED_REASON} ({result.reason})" if result.reason else DROPPED_REASON
            dropped.append(Suppressed(text=draft.text, source_ids=(), reason=reason))
            log.info("dropped unsupported sentence: %s", draft.text)
    return tuple(kept), tuple(dropped)


def _claim_sources(claim_ids: Sequence[str], claims: Mapping[str, Claim]) -> set[str] | None:
    known = [claims[claim_id] for claim_id in claim_ids if claim_id in claims]
    if not known:
        return None
    return {source_id for claim in known for source_id in claim.source_ids}


def _nearest_first(row: np.ndarray, count: int) -> np.ndarray:
    """The indices of the `count` largest values of `row`, largest first (ties by index),
    without sorting the whole row."""
    if len(row) <= count:
        return np.argsort(-row, kind="stable")
    top = np.argpartition(-row, count)[:count]
    return top[np.lexsort((top, -row[top]))]
