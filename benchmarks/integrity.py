"""Sentence integrity (issue 11): every brief sentence flagged by each rule, rate per rule.

Builds a brief for each AllSides dev-set story (and for any story folders named with --folder,
such as folders of saved web pages) and checks every printed sentence with the rules of
`briefing.language` plus the rules that need the whole story:

- quoted words shown without their marks when an article has them with marks;
- a person named by surname before any full mention in the brief;
- an acronym an article spells out, used before the brief gives its long form;
- a person introduced by age whom one article alone names (a feature's anecdote), or one
  who opens a line that shares no word with the brief before it (a feature's character);
- a line of an opinion piece stated as fact: the printed wording is closest to a sentence of an
  article the dev set tags OPINION or ANALYSIS and carries no opinion attribution (the tag is
  used here to judge, never as an input: the product sees only URL, headline and wording);
- titles: with a site or section suffix, not a neutral headline (loaded words, an
  interpretation, a headline that argues or promises analysis, a list teaser), not the headline
  of a cited article, or a sentence (a printed sentence, a full stop, too long for a headline);
- dates: sources more than a day apart and no period stated.

The dev set is split by `devset.part_of` (a hash of the story id, the one split every benchmark
uses): "held-out" stories are never read while tuning; report their figures. `--split tune`
runs the other part.

    python benchmarks/integrity.py --split held-out --examples benchmarks/.cache/integrity.json
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import logging
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from briefing import language
from briefing.compose.printable import (
    ANALYSIS_TITLE_LABEL,
    ATTRIBUTIONS,
    MAX_TITLE_WORDS,
    NEWS_SUBJECT_SOURCES,
    OPINION_TITLE_LABEL,
    clean_title,
    neutral_headline,
    outlet_attributed,
    tidy,
)
from briefing.embed import Embedder
from briefing.models import Brief
from devset import DEV_SET, PARTS, Cluster, in_part, load_clusters, write_cluster
from opinion_detection import hand_labels

OPINION_TAGS = frozenset({"OPINION", "ANALYSIS"})
OPINION_AS_FACT = "opinion column stated as fact"
ANALYSIS_AS_FACT = "news analysis stated as fact"
# Listed with the examples, not counted among the rules: the same test by corrected labels.
HAND_LABELLED_AS_FACT = "opinion or analysis stated as fact (tag corrected by hand labels)"
TITLE_RULE = "title: suffix, loaded word, uncited headline or a sentence"
DATES_RULE = "sources days apart, no period stated"
ROLE_MISSING = "person without the role the articles give, at first mention"
# A brief "where the sources allow" 4 sentences: the story's credible (high or medium)
# articles hold at least this many sentences that pass every rule on their own, as the
# composer would print them (dateline and connectives off, a pronoun speaker named from the
# article's sentence before), and do not retell one another: sharing SAME_FACT_OVERLAP of
# their content words, or (with an embedder) close in meaning as the embedder's calibration
# reads reports of one fact in different words (`Calibration.disagreement`: three outlets'
# paraphrased leads are one fact, which word overlap alone counted as three).
MIN_BRIEF_SENTENCES = 4
SAME_FACT_OVERLAP = 0.5
# Share of a printed sentence's content words found in an article sentence for that sentence
# to be where the wording came from.
WORDING_OVERLAP = 0.6


def opinion_tags(path: Path) -> dict[str, str]:
    """Article id -> the dev set's opinion tag (evaluation only)."""
    tags: dict[str, str] = {}
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if line.strip():
                for article in json.loads(line)["articles"]:
                    if article.get("opinion_tag"):
                        tags[str(article["id"])] = str(article["opinion_tag"])
    return tags


@dataclass
class Tally:
    stories: int = 0
    sentences: int = 0
    broken: int = 0
    by_rule: Counter[str] = field(default_factory=Counter)
    short_briefs: int = 0
    short_where_allowed: int = 0
    # The yardstick of earlier rounds: raw article sentences, retellings by shared words only.
    short_where_allowed_by_words: int = 0
    titles_flagged: int = 0
    opinion_sources: int = 0
    opinion_detected: int = 0
    news_marked_opinion: int = 0
    # Lines of opinion or analysis articles stated as fact by the tag corrected by hand labels
    # (benchmarks/data/opinion_labels.jsonl, tune articles only).
    as_fact_by_hand_labels: int = 0
    examples: list[dict[str, Any]] = field(default_factory=list)
    briefs: list[dict[str, Any]] = field(default_factory=list)


def sentence_rules(
    text: str,
    written: str,
    quotations: list[str],
    names: dict[str, str],
    acronyms: dict[str, str] | None = None,
    roles: dict[str, str] | None = None,
) -> list[str]:
    found = language.sentence_problems(text, written)
    if language.unmarked_quotes(text, quotations):
        found.append(language.UNMARKED_QUOTE)
    if language.surnames_before_full_mention(text, written, names):
        found.append(language.SURNAME_ONLY)
    if language.unexplained_acronyms(text, written, acronyms or {}):
        found.append(language.ACRONYM_UNEXPLAINED)
    if role_missing(text, written, names, roles or {}):
        found.append(ROLE_MISSING)
    return found


def role_missing(text: str, written: str, names: dict[str, str], roles: dict[str, str]) -> bool:
    """A person's first mention in the brief (by full name or surname) without the role the
    articles give them before their name ("Chiu's comments ..." where the articles say
    "Taiwan's defence minister Chiu Kuo-cheng")."""
    for surname, full in names.items():
        role = roles.get(full)
        if role is None or surname in written or not re.search(rf"\b{surname}\b", text):
            continue
        if full not in text:
            if not language.introduced(text, surname, full):  # "President Biden" has its role
                return True
        elif language.with_role(text, full, role) != text:
            return True
    return False


def anecdote(text: str, bodies: dict[str, list[str]]) -> bool:
    """A person introduced by age whom one article alone names (the composer's rule)."""
    person = language.aged_person(text)
    return person is not None and _one_article_names(person, bodies)


def unconnected(
    text: str, written: str, bodies: dict[str, list[str]], names: dict[str, str]
) -> bool:
    """A person one article alone names, opening a line that shares no word with the brief
    before it (the composer's rule, `language.unconnected_person`)."""
    person = language.unconnected_person(text, written)
    return person in names and _one_article_names(person, bodies)


def _one_article_names(person: str, bodies: dict[str, list[str]]) -> bool:
    naming = [sid for sid, sentences in bodies.items() if any(person in s for s in sentences)]
    return len(naming) < NEWS_SUBJECT_SOURCES


def attributed(text: str, article: list[str], outlets: Iterable[str | None] = ()) -> bool:
    """`text` carries an opinion attribution or its outlet's ("The Hill reported that ..."),
    or names the writer a rubric of its article gives ("Why it matters, via Axios' Jane Roe:
    ..." printed "..., according to Axios' Jane Roe.")."""
    writers = {language.rubric_voice(sentence)[1] for sentence in article} - {None}
    if outlet_attributed(text, outlets):  # "Axios reported in an analysis that ..."
        return True
    return any(said in text for said in ATTRIBUTIONS) or any(
        f"according to {writer}" in text for writer in writers
    )


def wording_source(text: str, brief: Brief, bodies: dict[str, list[str]]) -> str | None:
    """The source whose sentence shares most content words with the printed text."""
    words = language.content_words(text)
    best, best_share = None, 0.0
    for source_id, sentences in bodies.items():
        for sentence in sentences:
            share = len(words & language.content_words(sentence)) / max(1, len(words))
            if share > best_share:
                best, best_share = source_id, share
    return best if best_share >= WORDING_OVERLAP else None


def check_brief(
    brief: Brief,
    texts: dict[str, str],
    opinion: dict[str, str],
    tally: Tally,
    story: str,
    embedder: Embedder | None = None,
) -> None:
    """Flag every sentence of `brief`; `texts` are the articles' bodies by source id, `opinion`
    the dev set's tag (OPINION or ANALYSIS) of the sources that have one; `embedder` (when
    given) also reads two article sentences close in meaning as one fact."""
    from briefing.sentences import Splitter

    splitter = Splitter()
    bodies = {sid: [t[a:b] for a, b, _ in splitter.spans(t)] for sid, t in texts.items()}
    all_sentences = [s for sentences in bodies.values() for s in sentences]
    quotations = sorted({q for s in all_sentences for q in language.quoted_passages(s)})
    names = language.full_names(all_sentences)
    acronyms = language.acronym_expansions(all_sentences)
    roles = language.roles(all_sentences, set(names.values()))
    tally.briefs.append(
        {"story": story, "title": brief.title, "sentences": [s.text for s in brief.sentences]}
    )
    written = ""
    for sentence in brief.sentences:
        rules = sentence_rules(sentence.text, written, quotations, names, acronyms, roles)
        if anecdote(sentence.text, bodies):
            rules.append(language.ANECDOTE)
        if unconnected(sentence.text, written, bodies, names):
            rules.append(language.UNCONNECTED_PERSON)
        origin = wording_source(sentence.text, brief, bodies)
        if origin in opinion and not attributed(
            sentence.text, bodies[origin], [s.outlet for s in brief.sources]
        ):
            rules.append(OPINION_AS_FACT if opinion[origin] == "OPINION" else ANALYSIS_AS_FACT)
        written += " " + sentence.text
        tally.sentences += 1
        if rules:
            tally.broken += 1
            tally.by_rule.update(rules)
            tally.examples.append({"story": story, "sentence": sentence.text, "rules": rules})
    credible = [
        as_printed(sentences, n)
        for source in brief.sources
        if source.credibility_label in ("high", "medium")
        for sentences in [bodies.get(source.id, [])]
        for n in range(len(sentences))
    ]
    passing = distinct_facts([s for s in credible if not language.sentence_problems(s)], embedder)
    if len(brief.sentences) < MIN_BRIEF_SENTENCES:
        raw = [
            s
            for source in brief.sources
            if source.credibility_label in ("high", "medium")
            for s in bodies.get(source.id, [])
            if not language.sentence_problems(s)
        ]
        tally.short_briefs += 1
        tally.short_where_allowed += passing >= MIN_BRIEF_SENTENCES
        tally.short_where_allowed_by_words += distinct_facts(raw) >= MIN_BRIEF_SENTENCES
        tally.briefs[-1]["short, sources allow 4"] = passing >= MIN_BRIEF_SENTENCES
        tally.briefs[-1]["distinct printable facts"] = passing
    title_problems = _title_problems(brief)
    if title_problems:
        tally.titles_flagged += 1
        tally.by_rule.update(title_problems)
        tally.examples.append({"story": story, "title": brief.title, "rules": title_problems})


def as_printed(sentences: list[str], n: int) -> str:
    """Article sentence `n` as the composer would print it (`printable.reworded`'s rewrites)."""
    text = language.without_back_references(tidy(sentences[n]))
    return language.name_from_previous(text, sentences[n - 1] if n else "")


def distinct_facts(sentences: list[str], embedder: Embedder | None = None) -> int:
    """How many of `sentences` say different things: a sentence sharing at least
    SAME_FACT_OVERLAP of its content words with one counted before is a retelling, and so is
    one the `embedder` finds close in meaning to it (its calibration's `disagreement`)."""
    vectors = embedder.encode(sentences) if embedder is not None and sentences else None
    counted: list[int] = []
    for n, sentence in enumerate(sentences):
        words = language.content_words(sentence)
        if any(
            len(words & language.content_words(sentences[m]))
            >= SAME_FACT_OVERLAP * max(1, len(words))
            or (
                vectors is not None
                and embedder is not None
                and float(vectors[n] @ vectors[m]) >= embedder.calibration.disagreement
            )
            for m in counted
        ):
            continue
        counted.append(n)
    return len(counted)


def _shared_by_headlines(topic: str, headlines: list[str]) -> bool:
    """`topic` is a run of words at least two of the `headlines` hold (case aside)."""
    pattern = re.compile(rf"\b{re.escape(topic)}\b", re.IGNORECASE)
    return sum(bool(pattern.search(headline)) for headline in headlines) >= 2


def _title_problems(brief: Brief) -> list[str]:
    cited = {sid for sentence in brief.sentences for sid in sentence.citations}
    titles = {s.id: clean_title(s.title, s.outlet) for s in brief.sources if s.title}
    printed = {sentence.text.rstrip(".") for sentence in brief.sentences}
    title = brief.title.split(" (")[0] if brief.title.endswith(")") else brief.title
    # The brief's own label, not the site's; a labelled headline may interpret (it is the
    # piece's, as the label says).
    labelled = title.startswith((OPINION_TITLE_LABEL, ANALYSIS_TITLE_LABEL))
    title = title.split(": ", 1)[1] if labelled else title
    found: list[str] = []
    # A labelled headline may be printed less a loaded modifier (the composer's plain title),
    # and a labelled topic is words two cited headlines share ("Opinion: Booster shots").
    from_cited = any(
        title in (titles.get(sid), language.without_loaded_modifiers(titles.get(sid) or ""))
        for sid in cited
    ) or (labelled and _shared_by_headlines(title, [titles[sid] for sid in cited if sid in titles]))
    opening = title in printed or len(title.split()) > MAX_TITLE_WORDS or title.endswith(".")
    neutral = neutral_headline(title, attributed=labelled)
    if not neutral or clean_title(title) != title or not from_cited or opening:
        found.append(TITLE_RULE)
    dates = sorted(
        {dt.date.fromisoformat(s.published) for s in brief.sources if s.id in cited and s.published}
    )
    if len(dates) > 1 and (dates[-1] - dates[0]).days > 1 and not brief.title.endswith(")"):
        found.append(DATES_RULE)
    return found


def run(clusters: list[Cluster], tags: dict[str, str], tally: Tally) -> None:
    from briefing.config import BriefingConfig
    from briefing.embed import get_embedder
    from briefing.errors import BriefingError
    from briefing.ingest import read_corpus
    from briefing.pipeline import build_brief

    config = BriefingConfig()
    embedder = get_embedder(config.embed)
    with tempfile.TemporaryDirectory() as tmp:
        for cluster in clusters:
            folder = Path(tmp) / cluster.id
            write_cluster(cluster, folder)
            try:
                brief = build_brief(folder, config, embedder)
            except BriefingError as exc:
                print(f"{cluster.id}: {exc}", file=sys.stderr)
                continue
            corpus = read_corpus(folder, config.ingest)
            texts = {a.source.id: a.text for a in corpus.articles}
            opinion = {
                f"{n:03d}_{article.id}": tags[article.id]
                for n, article in enumerate(cluster.articles)
                if tags.get(article.id) in OPINION_TAGS
            }
            for source in brief.sources:
                tally.opinion_sources += source.id in opinion
                tally.opinion_detected += source.id in opinion and source.kind == "opinion"
                tally.news_marked_opinion += source.id not in opinion and source.kind == "opinion"
            tally.stories += 1
            check_brief(brief, texts, opinion, tally, cluster.id, embedder)
            corrected = corrected_labels(cluster, tags, hand_labels())
            for text in unattributed(brief, texts, corrected):
                tally.as_fact_by_hand_labels += 1
                tally.examples.append(
                    {"story": cluster.id, "sentence": text, "rules": [HAND_LABELLED_AS_FACT]}
                )


def corrected_labels(cluster: Cluster, tags: dict[str, str], hand: dict[str, bool]) -> set[str]:
    """Source ids of the story's opinion or analysis articles: the dev set's tag, overruled
    where a person labelled the article (hand labels exist for tune articles only)."""
    return {
        f"{n:03d}_{article.id}"
        for n, article in enumerate(cluster.articles)
        if hand.get(article.id, tags.get(article.id) in OPINION_TAGS)
    }


def unattributed(brief: Brief, texts: dict[str, str], opinion: set[str]) -> list[str]:
    """The brief's sentences worded as a sentence of an `opinion` source, without attribution."""
    from briefing.sentences import Splitter

    splitter = Splitter()
    bodies = {sid: [t[a:b] for a, b, _ in splitter.spans(t)] for sid, t in texts.items()}
    return [
        sentence.text
        for sentence in brief.sentences
        for origin in [wording_source(sentence.text, brief, bodies)]
        if origin in opinion
        and not attributed(sentence.text, bodies[origin], [s.outlet for s in brief.sources])
    ]


def run_folders(folders: list[Path], tally: Tally) -> None:
    from briefing.config import BriefingConfig
    from briefing.embed import get_embedder
    from briefing.ingest import read_corpus
    from briefing.pipeline import build_brief

    config = BriefingConfig()
    embedder = get_embedder(config.embed)
    for folder in folders:
        brief = build_brief(folder, config, embedder)
        corpus = read_corpus(folder, config.ingest)
        tally.stories += 1
        texts = {a.source.id: a.text for a in corpus.articles}
        check_brief(brief, texts, {}, tally, str(folder), embedder)


def report(name: str, tally: Tally) -> str:
    rate = tally.broken / max(1, tally.sentences)
    lines = [
        f"### {name}: {tally.stories} stories, {tally.sentences} brief sentences",
        "",
        "| rule | sentences flagged | share |",
        "|---|---|---|",
        *(
            f"| {rule} | {count} | {count / max(1, tally.sentences):.1%} |"
            for rule, count in sorted(tally.by_rule.items(), key=lambda item: -item[1])
            if rule not in (TITLE_RULE, DATES_RULE)
        ),
        f"| **any rule** | {tally.broken} | **{rate:.1%}** |",
        "",
        f"- titles flagged: {tally.by_rule[TITLE_RULE]} of {tally.stories}; "
        f"dates without period: {tally.by_rule[DATES_RULE]}",
        f"- opinion column stated as fact: {tally.by_rule[OPINION_AS_FACT]} sentences; news "
        f"analysis stated as fact: {tally.by_rule[ANALYSIS_AS_FACT]}; either, by the tag "
        f"corrected by hand labels: {tally.as_fact_by_hand_labels}",
        f"- briefs under {MIN_BRIEF_SENTENCES} sentences: {tally.short_briefs} "
        f"({tally.short_where_allowed} where the articles hold {MIN_BRIEF_SENTENCES}+ "
        "distinct sentences of credible articles that pass every rule alone; "
        f"{tally.short_where_allowed_by_words} by the earlier rounds' word-overlap yardstick)",
        f"- sentences per brief: {tally.sentences / max(1, tally.stories):.2f}",
        f"- opinion/analysis articles in the briefs' sources: {tally.opinion_sources}, detected "
        f"as opinion: {tally.opinion_detected}; news articles marked opinion: "
        f"{tally.news_marked_opinion}",
    ]
    return "\n".join(lines)


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=PARTS, default="held-out")
    parser.add_argument("--limit", type=int, default=None, help="first N stories of the split")
    parser.add_argument("--folder", type=Path, action="append", default=[], help="story folder")
    parser.add_argument("--examples", type=Path, help="write flagged sentences to this JSON")
    parser.add_argument("--briefs", type=Path, help="write every brief (for reading by hand)")
    parser.add_argument("--dev-set", type=Path, default=DEV_SET)
    return parser.parse_args()


def main() -> None:
    args = parse_args()
    logging.basicConfig(level=logging.ERROR)
    clusters = in_part(load_clusters(args.dev_set), args.split)[: args.limit]
    tally = Tally()
    run(clusters, opinion_tags(args.dev_set), tally)
    print(report(f"AllSides dev set, {args.split}", tally))
    if args.folder:
        pages = Tally()
        run_folders(args.folder, pages)
        print()
        print(report("story folders", pages))
        tally.examples += pages.examples
        tally.briefs += pages.briefs
    for path, rows in ((args.briefs, tally.briefs), (args.examples, tally.examples)):
        if path:
            path.parent.mkdir(parents=True, exist_ok=True)  # benchmarks/.cache on a fresh clone
            path.write_text(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
