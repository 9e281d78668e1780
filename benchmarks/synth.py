"""Synthetic story folders of any size, made from the dev set's articles, for the scaling runs.

Articles come in groups of ten about one dev-set story: its real articles first, then
perturbed copies (sentences shuffled, words dropped, a sentence of a sibling article mixed in,
another outlet, and background paragraphs from other stories, as long articles carry), so that
each group reads like coverage of one event by ten outlets, with the paraphrase and
syndication that real coverage has. Dev-set excerpts are ~90 words; the copies are ~4x that,
nearer a real article's length. A "single" corpus of N articles puts
N / 10 such groups in one folder; a "multi" corpus puts each group in its own story folder.
Folders are cached under benchmarks/.cache/ and rebuilt only when missing.
"""

from __future__ import annotations

import random
import re
from dataclasses import replace
from pathlib import Path

from devset import CACHE_DIR, Cluster, DevArticle, load_clusters, write_story

# Articles per story group: ten outlets on one event is a busy but ordinary news day.
GROUP_SIZE = 10
# Fixed so that every run measures the same bytes.
SEED = 20211215
# Paragraphs of other stories appended to each copy: ~90 words each, so a copy runs ~360 words.
BACKGROUND_PARAGRAPHS = 3
# Share of a copy's sentences that lose one word: paraphrase-like edits, not exact duplicates.
WORD_DROP_SHARE = 0.5
# A plain splitter is enough to shuffle generated text; briefing's own splitter reads the result.
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z\"“‘'])")
# Written beside a folder once it is complete, so an interrupted build is redone.
DONE_SUFFIX = ".complete"


def _sentences(text: str) -> list[str]:
    return [s for s in _SENTENCE_END.split(text.replace("\n", " ")) if s.strip()]


def _drop_word(sentence: str, rng: random.Random) -> str:
    words = sentence.split()
    if len(words) > 4 and rng.random() < WORD_DROP_SHARE:
        del words[rng.randrange(1, len(words) - 1)]
    return " ".join(words)


def _perturbed(
    base: DevArticle, sibling: DevArticle, pool: list[DevArticle], rng: random.Random, n: int
) -> DevArticle:
    sentences = [_drop_word(s, rng) for s in _sentences(base.text)]
    rng.shuffle(sentences)
    extra = _sentences(sibling.text)
    if extra:
        sentences.insert(rng.randrange(len(sentences) + 1), rng.choice(extra))
    background = [rng.choice(pool).text for _ in range(BACKGROUND_PARAGRAPHS)]
    outlet = rng.choice(pool)
    return replace(
        base,
        id=f"{base.id}-v{n}",
        title=f"{base.title} ({outlet.outlet})",
        text="\n\n".join([" ".join(sentences), *background]),
        outlet=outlet.outlet,
        domain=outlet.domain,
        url=f"https://{outlet.domain}/story/{base.id}-v{n}" if outlet.domain else "",
    )


def story_group(clusters: list[Cluster], group: int, pool: list[DevArticle]) -> list[DevArticle]:
    """The ten articles of group `group`: one dev-set story, real articles first when it is
    the story's first appearance, perturbed copies after."""
    cluster = clusters[group % len(clusters)]
    first_round = group < len(clusters)
    rng = random.Random(SEED + group)
    articles: list[DevArticle] = []
    for slot in range(GROUP_SIZE):
        base = cluster.articles[slot % len(cluster.articles)]
        if first_round and slot < len(cluster.articles):
            articles.append(base)
            continue
        sibling = cluster.articles[(slot + 1) % len(cluster.articles)]
        articles.append(_perturbed(base, sibling, pool, rng, group * GROUP_SIZE + slot))
    return articles


def corpus_groups(n_articles: int, clusters: list[Cluster] | None = None) -> list[list[DevArticle]]:
    clusters = clusters or load_clusters()
    pool = [article for cluster in clusters for article in cluster.articles]
    groups = -(-n_articles // GROUP_SIZE)
    found = [story_group(clusters, g, pool) for g in range(groups)]
    surplus = groups * GROUP_SIZE - n_articles
    if surplus:
        found[-1] = found[-1][: GROUP_SIZE - surplus]
    return found


def single_folder(n_articles: int, root: Path = CACHE_DIR / "scale") -> Path:
    """One story folder holding `n_articles` articles (cached)."""
    folder = root / f"single-{n_articles}"
    done = root / f"single-{n_articles}{DONE_SUFFIX}"
    if not done.is_file():
        articles = [a for group in corpus_groups(n_articles) for a in group]
        names = [f"{n:05d}_{a.id}" for n, a in enumerate(articles)]
        write_story(articles, folder, names)
        done.touch()
    return folder


def multi_folder(n_articles: int, root: Path = CACHE_DIR / "scale") -> Path:
    """A parent folder of story folders, ten articles each, `n_articles` in all (cached)."""
    parent = root / f"multi-{n_articles}"
    done = root / f"multi-{n_articles}{DONE_SUFFIX}"
    if not done.is_file():
        for g, articles in enumerate(corpus_groups(n_articles)):
            write_story(articles, parent / f"story-{g:04d}")
        done.touch()
    return parent


def size_of(folder: Path) -> dict[str, int]:
    """Articles and words of every .txt under `folder` (story folders included)."""
    files = sorted(folder.rglob("*.txt"))
    words = sum(len(path.read_text(encoding="utf-8").split()) for path in files)
    return {"articles": len(files), "words": words}
