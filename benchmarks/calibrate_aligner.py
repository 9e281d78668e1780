"""Choose the matcher's thresholds on the tuning split of the hand-judged AllSides pairs and
report precision and recall on the untuned split, per embedder.

    .venv/bin/python benchmarks/calibrate_aligner.py [--embedders minilm tfidf] [--errors]

    .venv/bin/python benchmarks/calibrate_aligner.py --speed

Pairs (tests/data/allsides_pairs.jsonl, read through benchmarks/aligner_pairs.py) are a
sentence of one dev-set article and a sentence of another article of the same story, judged
by hand: does the source sentence (plus the sentence after it) support all of the sentence
(`yes`), part of it (`partial`), or nothing (`no`)? Stories are split by a hash of their id;
thresholds are chosen on the tuning half only (best F1 of full support, ties to higher
precision), then every pair is judged by the real matcher (`Aligner.verdict_for_units`, the
source sentence alone and with its next sentence) and scored against the labels:

- full support: predicted `supported` against `yes`;
- any support: predicted supported or cited for a part against `yes` or `partial`.

The cosine-alone baseline (best threshold on the tuning split) shows what the rest adds.
With --speed it times the matcher on 25 articles and a 10-sentence draft instead.

With --second it scores the untuned pairs against a second annotator's labels
(tests/data/allsides_pairs_second.jsonl, judged without the first labels or the matcher's
verdicts): agreement between the two (Cohen's kappa), and the matcher against each.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
from aligner_pairs import Pair, article_sentences, load_pairs
from briefing import verify
from briefing.config import BriefingConfig, EmbedConfig
from briefing.embed import TFIDF, Embedder, get_embedder
from briefing.models import Article, Corpus, Sentence, Source, Story
from briefing.sentences import Splitter
from briefing.verify import Aligner, Examined
from briefing.verify.lexical import Lexicon, Thresholds, covered, judge
from devset import load_clusters

WEIGHTS = [round(w, 2) for w in np.arange(0.3, 0.91, 0.1)]
SUPPORTS = [round(s, 2) for s in np.arange(0.4, 0.86, 0.02)]
PART_OFFSETS = [-0.06, -0.03, 0.0, 0.03, 0.06]
SPEED_STORIES = 8  # about 25 articles
ROOT = Path(__file__).resolve().parent.parent
SEED_PAIRS = ROOT / "tests" / "data" / "alignment_pairs.jsonl"
SECOND_LABELS = ROOT / "tests" / "data" / "allsides_pairs_second.jsonl"
SEEDS = ROOT / "seeds"
VERIFY = BriefingConfig().verify
# The seed pairs are hard negatives (another name, number, negation, swapped actors) written
# for the seeds; thresholds that let too many through are not chosen, however the dev-set
# pairs score. 0.85: the precision the shipped matcher had on them before issue 12, less 0.05.
SEED_PRECISION = 0.85


@dataclass(frozen=True)
class Judged:
    pair: Pair
    cosine: float
    full: bool  # the matcher says the unit supports all of the sentence
    any: bool  # ... or a part of it


# Per story: its matcher, (article, start) -> row, and id(pair) -> the cosine of the pair's
# two sentences (the baseline; computed while the embedder is fitted on that story).
Built = dict[str, tuple[Aligner, dict[tuple[str, int], int], dict[int, float]]]


def story_aligners(embedder: Embedder, pairs: list[Pair]) -> tuple[Built, list[Examined]]:
    """Per story: a matcher over its articles' sentences and (article, start) -> row; and each
    pair's matches, examined once (the embedder is fitted on one story at a time)."""
    built: Built = {}
    by_story: dict[str, list[int]] = defaultdict(list)
    for n, pair in enumerate(pairs):
        by_story[pair.story].append(n)
    examined: dict[int, Examined] = {}
    for cluster in load_clusters():
        texts = {a.id: a.text for a in cluster.articles}
        sentences: list[Sentence] = []
        rows: dict[tuple[str, int], int] = {}
        for article_id, spans in article_sentences(texts).items():
            for n, (start, end) in enumerate(spans):
                rows[(article_id, start)] = len(sentences)
                text = texts[article_id][start:end]
                sentences.append(
                    Sentence(id=f"{article_id}:{n}", source_id=article_id, text=text,
                             start=start, end=end, paragraph=0, index=n, position=0.0)
                )  # fmt: skip
        if not sentences:
            continue
        embedder.fit([s.text for s in sentences])
        vectors = embedder.encode([s.text for s in sentences])
        aligner = Aligner(story_of(sentences, vectors, embedder), embedder, VERIFY)
        cosines: dict[int, float] = {}
        built[cluster.id] = (aligner, rows, cosines)
        for n in by_story[cluster.id]:
            examined[n] = _examine(pairs[n], aligner, rows)
            claim = embedder.encode([pairs[n].claim])[0]
            cosines[id(pairs[n])] = float(claim @ vectors[source_row(pairs[n], rows)])
    return built, [examined[n] for n in range(len(pairs))]


def story_of(sentences: list[Sentence], vectors: np.ndarray, embedder: Embedder) -> Story:
    """The sentences as the pipeline's Story: one source per article, each its own report."""
    articles = tuple(
        Article(source=Source(id=a, path=a, report_id=a), text="")
        for a in dict.fromkeys(s.source_id for s in sentences)
    )
    corpus = Corpus(folder=".", articles=articles)
    return Story(corpus, tuple(sentences), vectors, embedder.calibration)


def source_row(pair: Pair, rows: dict[tuple[str, int], int]) -> int:
    """The row of the pair's source sentence: the sentence of its article that starts at the
    stored offset, or the last one starting before it (the splitter now keeps a quotation of
    several sentences as one unit, which holds the labelled sentence)."""
    found = rows.get((pair.source_article, pair.source_start))
    if found is not None:
        return found
    before = [(start, row) for (a, start), row in rows.items()
              if a == pair.source_article and start <= pair.source_start]  # fmt: skip
    return max(before)[1]


def _examine(pair: Pair, aligner: Aligner, rows: dict[tuple[str, int], int]) -> Examined:
    """The pair's matches: the source sentence alone and with the next one."""
    row = source_row(pair, rows)
    units: list[tuple[int, ...]] = [(row,)]
    if row + 1 < len(rows) and aligner.source_of(row + 1) == pair.source_article:
        units.append((row, row + 1))
    return aligner.examine_units(pair.claim, units)


def judge_pairs(
    pairs: list[Pair], examined: list[Examined], built: Built, thresholds: Thresholds
) -> list[Judged]:
    judged = []
    for pair, found in zip(pairs, examined, strict=True):
        aligner, _, cosines = built[pair.story]
        aligner.thresholds = thresholds
        verdict = aligner.decide(found)
        judged.append(Judged(pair, cosines[id(pair)], verdict.supported, bool(verdict.cited)))
    return judged


def prf(gold: list[bool], predicted: list[bool]) -> tuple[float, float, float]:
    tp = sum(g and p for g, p in zip(gold, predicted, strict=True))
    precision = tp / max(1, sum(predicted))
    recall = tp / max(1, sum(gold))
    f1 = 2 * precision * recall / (precision + recall) if tp else 0.0
    return precision, recall, f1


def seed_items(embedder: Embedder) -> list[tuple[bool, float, float, bool]]:
    """The seed pairs (tests/data/alignment_pairs.jsonl, hard negatives written for the seeds):
    label, cosine, coverage, and whether the lexical checks pass, as tests/test_verify.py
    judges them."""
    pairs = [json.loads(line) for line in SEED_PAIRS.read_text("utf-8").splitlines() if line]
    texts = {p.name: p.read_text("utf-8") for p in sorted(SEEDS.glob("*.txt"))}
    splitter = Splitter.for_texts(texts.values())
    articles = {n: [t[a:b] for a, b, _ in splitter.spans(t)] for n, t in texts.items()}
    lexicon = Lexicon(s for sentences in articles.values() for s in sentences)
    context = {
        n: frozenset().union(*(lexicon.features(s).words for s in sentences))
        for n, sentences in articles.items()
    }
    embedder.fit([s for sentences in articles.values() for s in sentences])
    cosines = np.sum(
        embedder.encode([p["claim"] for p in pairs])
        * embedder.encode([p["source_sentence"] for p in pairs]),
        axis=1,
    )
    items = []
    for pair, cosine in zip(pairs, cosines, strict=True):
        query = lexicon.features(pair["claim"])
        candidate = lexicon.features(pair["source_sentence"])
        judged = judge(query, candidate, float(cosine), Thresholds(1.0, 0.0, 0.0))
        context_words = [context[pair["source_file"]]]
        ok = judged.conflict is None and covered(query, [candidate], context_words)
        items.append((pair["label"] == "supports", float(cosine), judged.coverage, ok))
    return items


def seed_precision(items: list[tuple[bool, float, float, bool]], chosen: Thresholds) -> float:
    predicted = [ok and chosen.score(cos, cov) >= chosen.support for _, cos, cov, ok in items]
    return prf([label for label, *_ in items], predicted)[0]


def choose(
    pairs: list[Pair], examined: list[Examined], built: Built, base: Thresholds,
    seeds: list[tuple[bool, float, float, bool]],
) -> Thresholds:  # fmt: skip
    """Best F1 of full support on `pairs` among the thresholds that keep precision on the seed
    pairs' hard negatives at SEED_PRECISION; weight first (support = part), then the part."""
    gold = [p.label == "yes" for p in pairs]
    best: tuple[float, float, float, Thresholds] | None = None
    for weight in WEIGHTS:
        for support in SUPPORTS:
            candidate = Thresholds(weight, support, base.floor, support)
            if seed_precision(seeds, candidate) < SEED_PRECISION:
                continue
            judged = judge_pairs(pairs, examined, built, candidate)
            precision, _, f1 = prf(gold, [j.full for j in judged])
            key = (round(f1, 6), round(precision, 6), support, candidate)
            if best is None or key[:3] > best[:3]:
                best = key
    if best is None:  # no thresholds keep the seed precision: the most precise on the seeds
        return max(
            (Thresholds(w, s, base.floor, s) for w in WEIGHTS for s in SUPPORTS),
            key=lambda th: (seed_precision(seeds, th), -th.support),
        )
    chosen = best[3]
    for offset in PART_OFFSETS:
        candidate = replace(chosen, part=round(chosen.support + offset, 2))
        judged = judge_pairs(pairs, examined, built, candidate)
        precision, _, f1 = prf(gold, [j.full for j in judged])
        if (round(f1, 6), round(precision, 6)) > best[:2]:
            best = (round(f1, 6), round(precision, 6), candidate.support, candidate)
    return best[3]


def cosine_baseline(tune: list[Judged], held: list[Judged]) -> tuple[float, float, float, float]:
    grid = sorted({round(j.cosine, 2) for j in tune})
    gold = [j.pair.label == "yes" for j in tune]
    threshold = max(grid, key=lambda t: prf(gold, [j.cosine >= t for j in tune])[2])
    p, r, f = prf([j.pair.label == "yes" for j in held], [j.cosine >= threshold for j in held])
    return threshold, p, r, f


def report(name: str, errors: bool, tune_it: bool) -> Thresholds:
    embedder = get_embedder(EmbedConfig(embedder=name))
    pairs = load_pairs()
    built, examined = story_aligners(embedder, pairs)
    tune = [p for p in pairs if p.tuned]
    held = [p for p in pairs if not p.tuned]
    seen = {id(p): e for p, e in zip(pairs, examined, strict=True)}
    base = verify.calibrated(embedder.calibration)
    seeds = seed_items(embedder)
    chosen = choose(tune, [seen[id(p)] for p in tune], built, base, seeds) if tune_it else base
    print(f"## {name}: weight={chosen.weight} support={chosen.support} part={chosen.part}")
    print(f"seed pairs: precision {seed_precision(seeds, chosen):.3f}")
    tuned_judged = judge_pairs(tune, [seen[id(p)] for p in tune], built, chosen)
    for label, subset in (("tuning", tune), ("untuned", held)):
        judged = judge_pairs(subset, [seen[id(p)] for p in subset], built, chosen)
        full = prf([j.pair.label == "yes" for j in judged], [j.full for j in judged])
        anything = prf([j.pair.label != "no" for j in judged], [j.any for j in judged])
        yes = sum(p.label == "yes" for p in subset)
        print(
            f"{label} ({len(subset)} pairs, {yes} yes): "
            f"full support P={full[0]:.3f} R={full[1]:.3f} F1={full[2]:.3f}; "
            f"any support P={anything[0]:.3f} R={anything[1]:.3f} F1={anything[2]:.3f}"
        )
        if label == "untuned":
            t, p, r, f = cosine_baseline(tuned_judged, judged)
            print(
                f"cosine alone (threshold {t:.2f} chosen on tuning): P={p:.3f} R={r:.3f} F1={f:.3f}"
            )
    _confusion(judged, errors)
    print()
    return chosen


def _confusion(judged: list[Judged], errors: bool) -> None:
    table: dict[tuple[str, bool], int] = defaultdict(int)
    for j in judged:
        table[(j.pair.label, j.full)] += 1
    for label in ("yes", "partial", "no"):
        print(f"  gold {label:<8} predicted supported {table[(label, True)]:>3}, "
              f"not {table[(label, False)]:>3}")  # fmt: skip
    if not errors:
        return
    for j in judged:
        if j.full != (j.pair.label == "yes"):
            kind = "false support" if j.full else "missed support"
            print(f"  [{kind}, gold {j.pair.label}] {j.pair.claim[:160]}\n"
                  f"      <- {j.pair.source[:160]} | {j.pair.source_next[:80]}")  # fmt: skip


# What a learned decision may read of one pair: the best unit's cosine, coverage and
# covering, then flags for each veto and for each kind of detail the units miss.
CONFLICTS = ("name", "negation", "number|date", "opposite|actors")
MISSING = ("name", "number", "quoted")
# Citation precision the learned cutoff must reach on the tuning split (cross-validated).
LEARNED_PRECISION = 0.8


def pair_features(found: Examined, verdict_reason: str | None) -> list[float]:
    best = max(found.whole.values(), key=lambda m: m.judgement.score, default=None)
    if best is None:
        return [0.0] * (3 + len(CONFLICTS) + len(MISSING))
    j = best.judgement
    conflict = j.conflict or ""
    reason = verdict_reason or ""
    flags = [any(k in conflict for k in kind.split("|")) for kind in CONFLICTS]
    gaps = [f"{kind} " in reason and "in no supporting" in reason for kind in MISSING]
    return [j.cosine, j.coverage, j.covering, *map(float, flags), *map(float, gaps)]


def learned(name: str) -> None:
    """A logistic regression (scikit-learn) on the pair features, fitted on the tuning split,
    its cutoff the lowest that keeps cross-validated precision at LEARNED_PRECISION there,
    against the matcher on the untuned split: with the score's features alone, and with the
    veto flags as soft evidence."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.metrics import precision_recall_curve
    from sklearn.model_selection import cross_val_predict

    embedder = get_embedder(EmbedConfig(embedder=name))
    pairs = load_pairs()
    built, examined = story_aligners(embedder, pairs)
    rows, matcher = [], []
    for pair, found in zip(pairs, examined, strict=True):
        verdict = built[pair.story][0].decide(found)
        rows.append(pair_features(found, verdict.reason))
        matcher.append(verdict.supported)
    x, gold = np.array(rows), np.array([p.label == "yes" for p in pairs])
    tune = np.array([p.tuned for p in pairs])
    held = ~tune
    p, r, f = prf(list(gold[held]), list(np.array(matcher)[held]))
    print(f"## {name}: the matcher, untuned: P={p:.3f} R={r:.3f} F1={f:.3f}")
    for label, columns in (("score features", slice(0, 3)), ("score + veto flags", slice(None))):
        model = LogisticRegression(C=1.0, max_iter=2000)
        cv = cross_val_predict(model, x[tune][:, columns], gold[tune], cv=5, method="predict_proba")
        precision, recall, cuts = precision_recall_curve(gold[tune], cv[:, 1])
        ok = [(r, c) for p, r, c in zip(precision[:-1], recall[:-1], cuts, strict=True)
              if p >= LEARNED_PRECISION]  # fmt: skip
        cut = max(ok)[1] if ok else 1.0
        model.fit(x[tune][:, columns], gold[tune])
        predicted = model.predict_proba(x[held][:, columns])[:, 1] >= cut
        p, r, f = prf(list(gold[held]), list(predicted))
        print(f"learned ({label}), cutoff {cut:.2f}: untuned P={p:.3f} R={r:.3f} F1={f:.3f}")


def speed() -> None:
    """Seconds to align a 10-sentence draft against about 25 dev-set articles."""
    clusters = load_clusters(limit=SPEED_STORIES)
    sentences = []
    for cluster in clusters:
        texts = {a.id: a.text for a in cluster.articles}
        for article_id, spans in article_sentences(texts).items():
            for n, (a, b) in enumerate(spans):
                sentences.append(Sentence(id=f"{article_id}:{n}", source_id=article_id,
                                          text=texts[article_id][a:b], start=a, end=b,
                                          paragraph=0, index=n, position=0.0))  # fmt: skip
    sources = {s.source_id: Source(id=s.source_id, path=s.source_id) for s in sentences}
    draft = [s.text for s in sentences[::7][:10]]
    for name in ("minilm", TFIDF):
        embedder = get_embedder(EmbedConfig(embedder=name))
        embedder.fit([s.text for s in sentences])
        vectors = embedder.encode([s.text for s in sentences])
        embedder.encode(draft)  # warm-up: the first call pays one-time set-up costs
        started = time.perf_counter()
        aligner = Aligner(story_of(sentences, vectors, embedder), embedder, VERIFY)
        aligner.align_many(draft)
        elapsed = time.perf_counter() - started
        print(f"{name}: {len(sources)} articles, {len(sentences)} sentences, "
              f"10-sentence draft aligned in {elapsed:.2f} s")  # fmt: skip


def second_opinion(name: str) -> None:
    """The untuned pairs against the second annotator's labels, with the shipped thresholds."""
    from sklearn.metrics import cohen_kappa_score

    embedder = get_embedder(EmbedConfig(embedder=name))
    second = {}
    for line in SECOND_LABELS.read_text("utf-8").splitlines():
        raw = json.loads(line)
        second[raw["id"]] = raw["label"]
    pairs = [p for p in load_pairs() if p.id in second]
    built, examined = story_aligners(embedder, pairs)
    judged = judge_pairs(pairs, examined, built, verify.calibrated(embedder.calibration))
    first_labels = [p.label for p in pairs]
    second_labels = [second[p.id] for p in pairs]
    print(f"## {name}: {len(pairs)} pairs labelled twice")
    print(f"kappa, three labels: {cohen_kappa_score(first_labels, second_labels):.3f}")
    yes_first = [label == "yes" for label in first_labels]
    yes_second = [label == "yes" for label in second_labels]
    print(f"kappa, yes against the rest: {cohen_kappa_score(yes_first, yes_second):.3f}")
    predicted = [j.full for j in judged]
    both = [a and b for a, b in zip(yes_first, yes_second, strict=True)]
    for label, gold in (("first", yes_first), ("second", yes_second), ("both say yes", both)):
        p, r, f = prf(gold, predicted)
        print(f"full support against {label} ({sum(gold)} yes): P={p:.3f} R={r:.3f} F1={f:.3f}")
    print()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--embedders", nargs="+", default=["minilm", TFIDF])
    parser.add_argument("--errors", action="store_true", help="list the untuned confusions")
    parser.add_argument("--speed", action="store_true", help="time the aligner instead")
    parser.add_argument(
        "--learned", action="store_true", help="a logistic regression against the matcher"
    )
    parser.add_argument(
        "--shipped", action="store_true", help="score the shipped thresholds, choose none"
    )
    parser.add_argument(
        "--second", action="store_true", help="agreement with a second annotator's labels"
    )
    args = parser.parse_args(argv)
    if args.second:
        for name in args.embedders:
            second_opinion(name)
        return 0
    if args.speed:
        speed()
        return 0
    if args.learned:
        for name in args.embedders:
            learned(name)
        return 0
    for name in args.embedders:
        report(name, args.errors, not args.shipped)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
