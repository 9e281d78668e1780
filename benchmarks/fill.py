"""Where a brief's unused words go: per dev-set brief, the words it prints and why the
selection added no further candidate (docs/benchmarks.md, "Eighth round").

Builds each story's extractive brief with the shipped pipeline (100 words, 10 sentences, as
`quality.py` does) and records, by wrapping the stages it calls, what each stage left:
claims suppressed, clutter, claims with no printable member (by rule), the selection pool, each
round of the printing check, and the final choice. Each pool candidate the brief does not tell
is put in one class (the first that holds): the printing check failed it, it clashes, it
restates a chosen one (`same_fact`), it retells the brief (`retold`), it is longer than the
words left, or it fits.
A brief stops for one reason: the sentence cap, chosen claims left unprinted, a fitting
candidate left out, only candidates too long left (knapsack slack), or none left (every
candidate is told or retells one that is). `most words` is the most words the same final pool
could fill under the same pairs held apart and the same lead, whatever their worth.

    .venv/bin/python benchmarks/fill.py [--part tune] [--embedder minilm|tfidf]
"""

from __future__ import annotations

import argparse
import dataclasses
import logging
import statistics
import tempfile
from collections import Counter
from collections.abc import Callable, Collection, Sequence
from pathlib import Path
from typing import Any

from briefing import claims as claim_stage
from briefing import credibility, pipeline, rank
from briefing.config import load_config
from briefing.embed import get_embedder
from briefing.models import Claim
from briefing.rank import select
from devset import PARTS, in_part, load_clusters, write_cluster
from quality import WORD_BUDGET, extractive_overrides


class Recorder:
    """What the wrapped stages saw for the story being built."""

    def __init__(self) -> None:
        self.seen: dict[str, Any] = {}
        self.shipped = (
            credibility.suppress,
            claim_stage.drop_clutter,
            pipeline.printed_texts,
            rank.select_brief,
            select.coverage_selection,
        )

    def __enter__(self) -> Recorder:
        suppress, clutter, printed, select_brief, coverage = self.shipped
        seen = self.seen

        def suppressing(claims: Sequence[Claim], *args: Any) -> Any:
            kept, dropped = suppress(claims, *args)
            seen.update(claims=len(claims), suppressed=len(dropped))
            return kept, dropped

        def uncluttered(claims: Any) -> Any:
            kept, dropped = clutter(claims)
            seen["clutter"] = len(dropped)
            return kept, dropped

        def printing(*args: Any) -> Any:
            texts, unprintable = printed(*args)
            seen.update(texts=texts, unprintable=list(unprintable.values()))
            return texts, unprintable

        def covering(pool: Any, given: Any, config: Any) -> Any:
            chosen, lead = coverage(pool, given, config)
            seen["round"] = (list(pool), given, list(chosen), lead)
            return chosen, lead

        def selecting(ranked: Any, texts: Any, given: select.Selection, config: Any) -> Any:
            seen.update(failed=set(), kinds=Counter(), rounds=0)
            check = given.check

            def checked(chosen: Sequence[Claim]) -> Collection[str]:
                failed = check(chosen) if check else ()
                seen["failed"] |= set(failed)
                seen["kinds"].update(_failure(check, chosen, claim) for claim in failed)
                seen["rounds"] += 1
                return failed

            wrapped = dataclasses.replace(given, check=checked if check else None)
            seen["pool"] = select.candidates(ranked, texts, given)
            chosen = select_brief(ranked, texts, wrapped, config)
            seen["unprinted"] = bool(check(chosen)) if check and chosen else False
            return chosen

        credibility.suppress = suppressing
        claim_stage.drop_clutter = uncluttered
        pipeline.printed_texts = printing
        rank.select_brief = selecting
        select.coverage_selection = covering
        return self

    def __exit__(self, *_exc: object) -> None:
        (
            credibility.suppress,
            claim_stage.drop_clutter,
            pipeline.printed_texts,
            rank.select_brief,
            select.coverage_selection,
        ) = self.shipped


def _failure(check: Any, chosen: Sequence[Claim], claim: str) -> str:
    """Why the printing check failed a chosen claim: the verifier dropped its sentence, the
    composer left it out, or the brief tells it but not first (the lead fact)."""
    outcome = check.__self__.outcome(chosen)  # the pipeline's _Printing
    if any(claim in sentence.claim_ids for sentence in outcome.verified):
        return "lead told but not first"
    drafted = any(claim in sentence.claim_ids for sentence in outcome.composition.sentences)
    return "verifier dropped it" if drafted else "composer left it out"


def classify(seen: dict[str, Any], sentences: int) -> tuple[str, Counter[str], int]:
    """Why the brief stopped, the class of each candidate it does not tell, and the most words
    the final pool could fill."""
    pool, given, chosen, lead = seen["round"]
    told = {c.claim.id for c in chosen}
    left = given.budget.max_words - sum(c.words for c in chosen)
    kept = select.without_clashes(pool, given)
    classes: Counter[str] = Counter()
    for candidate in seen["pool"]:
        if candidate.claim.id in told:
            continue
        classes[_class(candidate, seen, (pool, kept, chosen, left), given)] += 1
    if sentences >= given.budget.sentences:
        why = "sentence cap"
    elif seen["unprinted"]:
        why = "chosen claims left unprinted"
    elif classes["fits"]:
        why = "a fitting candidate left out"
    elif classes["too long"]:
        why = "only candidates too long left"
    else:
        why = "none left"
    return why, classes, _most_words(kept, given, lead)


def _class(candidate: select.Candidate, seen: dict[str, Any], state: Any, given: Any) -> str:
    _pool, kept, chosen, left = state
    if candidate.claim.id in seen["failed"]:
        return "failed the printing check"
    if candidate not in kept:
        return "clash"
    if any(select.same_fact(candidate, c, given) for c in chosen):
        return "restates a chosen one"
    if select.retold(candidate, chosen, given):
        return "retells the brief"
    return "too long" if candidate.words > left else "fits"


def _most_words(pool: list[select.Candidate], given: Any, lead: Any) -> int:
    """The knapsack: each candidate worth its words, the same pairs held apart and lead."""
    apart = select.restatements(pool, given)
    alone = [dataclasses.replace(c, concepts=frozenset({f"n:{n}"})) for n, c in enumerate(pool)]
    worth = {f"n:{n}": float(c.words) for n, c in enumerate(pool)}
    fixed = alone[pool.index(lead)] if lead in pool else None
    found = select.solve(alone, worth, given.budget, select.Bounds(fixed, 0, apart))
    return sum(c.words for c in found or [])


def _first_rule(reason: str) -> str:
    """ "no member sentence can be printed alone: truncated excerpt, ..." -> "truncated excerpt"."""
    return reason.split(":")[-1].split(",")[0].strip()


def run(part: str, embedder_name: str, show: Callable[[str], None]) -> None:
    config = load_config(None, extractive_overrides(embedder_name))
    embedder = get_embedder(config.embed)
    stops: Counter[str] = Counter()
    classes: Counter[str] = Counter()
    rules: Counter[str] = Counter()
    story: Counter[str] = Counter()
    words: list[int] = []
    checks: Counter[str] = Counter()
    most: list[int] = []
    with tempfile.TemporaryDirectory() as tmp, Recorder() as recorder:
        for cluster in in_part(load_clusters(), part):
            folder = Path(tmp) / cluster.id
            write_cluster(cluster, folder)
            recorder.seen.clear()
            brief = pipeline.build_brief(folder, config, embedder)
            seen = recorder.seen
            why, found, fill = classify(seen, len(brief.sentences))
            stops[why] += 1
            classes.update(found)
            rules.update(_first_rule(reason) for reason in seen["unprintable"])
            words.append(sum(len(s.text.split()) for s in brief.sentences))
            counted = sum(c.words for c in seen["round"][2])
            checks.update(seen["kinds"])
            checks["briefs checked more than once"] += seen["rounds"] > 1
            checks["briefs printing fewer words than counted"] += words[-1] < counted
            checks["words counted but not printed"] += max(0, counted - words[-1])
            most.append(fill)
            story.update(
                sentences=len(brief.read),
                claims=seen["claims"],
                suppressed=seen["suppressed"],
                clutter=seen["clutter"],
                unprintable=len(seen["unprintable"]),
                printable=len(seen["texts"]),
                printable_words=sum(len(t.split()) for t in seen["texts"].values()),
                brief_sentences=len(brief.sentences),
            )
    count = len(words)
    show(f"{count} briefs ({part}, {embedder_name}, {WORD_BUDGET} words)")
    show(f"words printed: mean {statistics.fmean(words):.1f}, median {statistics.median(words)}")
    show(f"most words the final pools could fill: mean {statistics.fmean(most):.1f}")
    show("per story (mean): " + ", ".join(f"{k} {v / count:.2f}" for k, v in story.items()))
    show(f"why each brief stopped: {dict(stops.most_common())}")
    show(f"printing check and refill: {dict(checks)}")
    show(f"pool candidates not told, by class (all briefs): {dict(classes.most_common())}")
    show(f"claims with no printable member, by first rule: {dict(rules.most_common(6))}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--part", choices=PARTS, default="tune")
    parser.add_argument("--embedder", default="minilm")
    args = parser.parse_args()
    logging.basicConfig(level=logging.ERROR)
    run(args.part, args.embedder, print)


if __name__ == "__main__":
    main()
