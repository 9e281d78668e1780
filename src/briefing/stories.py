"""Story detection: which articles of one folder report the same story.

Owns the article features (the embedding of headline and lead, the capitalised names, the
date), the distance between two articles, the agglomerative grouping with a distance threshold
(no fixed number of stories) with its settings per embedder, the stable story id and the
mixed-folder warning.
"""

from __future__ import annotations

import hashlib
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

import numpy as np

from briefing.embed import Calibration, Embedder
from briefing.language import names
from briefing.models import Article, Corpus, Sentence, StoryGroup
from briefing.vectors import normalise

# Headline plus the first sentences: news leads state the story; later paragraphs drift into
# background that other stories share.
LEAD_SENTENCES = 4
# Reports of one story appear on its day and the next (time zones, the morning paper): dates
# this many days apart cost nothing. Chosen before tuning, from how news is published; the dev
# set's reports of one story all carry one date, so tuning it there would fit the data set.
DATE_GRACE_DAYS = 1
# Days beyond the grace that still add to the distance: a week-old report is as far as a
# four-day-old one (a running story is followed for days; its later reports stay joinable).
DATE_CAP_DAYS = 3
# Complete linkage: two groups join only when every pair of their articles is near, so stories
# on one subject from consecutive days do not chain into one (better B-cubed precision than
# average linkage on the tuning half, same recall; docs/stories.md).
LINKAGE = "complete"


@dataclass(frozen=True)
class StorySettings:
    """How article distances are weighed. Distance = 1 - (embed_weight x embedding cosine
    + (1 - embed_weight) x name similarity) + day_penalty x days apart beyond DATE_GRACE_DAYS
    (at most DATE_CAP_DAYS); two groups are one story below `threshold`. Each embedder's are in
    its `Calibration` (embed.py), tuned on the tuning part of benchmarks/stories.py."""

    embed_weight: float
    day_penalty: float
    threshold: float


# Hex digits of the story id: 64 bits, no collision among a newsletter's stories.
ID_DIGITS = 16
# Names shown per story in the mixed-folder warning.
WARNING_TITLES = 3


def lead_text(article: Article, own: Sequence[Sentence]) -> str:
    """Headline and lead of one article (`own`: its sentences, in order): the text its story
    is recognised by."""
    lead = [s.text for s in own[:LEAD_SENTENCES]]
    return " ".join([article.source.title or "", *lead]).strip()


def _name_similarity(texts: Sequence[str]) -> np.ndarray:
    """Cosine of IDF-weighted name sets: a name every article uses ("U.S.") counts little."""
    from sklearn.feature_extraction.text import TfidfVectorizer

    bags = [sorted(names(text)) for text in texts]
    if not any(bags):
        return np.zeros((len(texts), len(texts)), dtype=np.float32)
    vectorizer = TfidfVectorizer(analyzer=lambda bag: bag, binary=True, norm="l2")
    matrix = vectorizer.fit_transform(bags)
    return np.asarray((matrix @ matrix.T).toarray(), dtype=np.float32)


def _day(value: str | None) -> date | None:
    try:
        return date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def days_apart(published: Sequence[str | None]) -> np.ndarray:
    """Days between each two articles' dates; NaN where either date is unknown."""
    days = [_day(value) for value in published]
    ordinal = np.array([d.toordinal() if d else np.nan for d in days], dtype=np.float64)
    return np.abs(ordinal[:, None] - ordinal[None, :])


@dataclass(frozen=True)
class Affinities:
    """What the distance between two articles is made of: embedding cosine, name similarity,
    days apart (NaN: a date unknown)."""

    cosine: np.ndarray
    names: np.ndarray
    days: np.ndarray


def affinities(
    vectors: np.ndarray, texts: Sequence[str], published: Sequence[str | None]
) -> Affinities:
    """Pairwise affinities; articles of a day's folder number in the hundreds, so the n x n
    matrices are small (5,000 articles: 100 MB each)."""
    unit = normalise(np.asarray(vectors, dtype=np.float32))
    cosine = np.clip(unit @ unit.T, -1.0, 1.0)
    return Affinities(cosine, _name_similarity(texts), days_apart(published))


def distances(found: Affinities, settings: StorySettings) -> np.ndarray:
    """Pairwise article distances (symmetric, zero diagonal)."""
    weight = settings.embed_weight
    similarity = weight * found.cosine + (1.0 - weight) * found.names
    late = np.clip(np.nan_to_num(found.days) - DATE_GRACE_DAYS, 0.0, DATE_CAP_DAYS)
    distance = np.maximum(1.0 - similarity + settings.day_penalty * late, 0.0)
    np.fill_diagonal(distance, 0.0)
    return np.asarray((distance + distance.T) / 2.0)


def cluster(distance: np.ndarray, threshold: float, linkage: str = LINKAGE) -> list[int]:
    """Agglomerative labels; the threshold, not a count, decides how many groups."""
    if len(distance) < 2:
        return [0] * len(distance)
    from sklearn.cluster import AgglomerativeClustering

    model = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage=linkage, distance_threshold=threshold
    )
    return [int(label) for label in model.fit_predict(distance)]


def settings_for(calibration: Calibration) -> StorySettings:
    return StorySettings(
        calibration.story_embed_weight, calibration.story_day_penalty, calibration.story
    )


def article_key(article: Article) -> str:
    """What identifies an article from one day to the next: its URL, else its headline, else
    its file name."""
    source = article.source
    return source.url or source.title or source.path


def story_id(articles: Sequence[Article]) -> str:
    """A stable id from the story's content: the hash of its articles' sorted keys. The same
    articles give the same id on every run and every machine."""
    keys = "\n".join(sorted(article_key(article) for article in articles))
    return hashlib.sha256(keys.encode("utf-8")).hexdigest()[:ID_DIGITS]


def article_affinities(
    corpus: Corpus, sentences: Sequence[Sentence], embedder: Embedder
) -> Affinities:
    """`affinities` of the folder's articles, each embedded by its headline and lead."""
    own: dict[str, list[Sentence]] = {}
    for sentence in sentences:
        own.setdefault(sentence.source_id, []).append(sentence)
    leads = [own.get(a.source.id, [])[:LEAD_SENTENCES] for a in corpus.articles]
    texts = [lead_text(a, lead) for a, lead in zip(corpus.articles, leads, strict=True)]
    vectors = lead_vectors(corpus.articles, leads, embedder)
    return affinities(vectors, texts, [article.source.published for article in corpus.articles])


def lead_vectors(
    articles: Sequence[Article], leads: Sequence[Sequence[Sentence]], embedder: Embedder
) -> np.ndarray:
    """Each article's headline and lead sentences embedded one by one, averaged and
    normalised. The lead sentences are ones the brief embeds anyway, and an embedder that keeps
    its vectors (the default) encodes them once; one headline-and-lead text per article
    (~130 tokens) had cost the model more than all the sentences of a story (issue 14,
    docs/benchmarks.md)."""
    pieces = [
        [text for text in (a.source.title or "", *(s.text for s in lead)) if text.strip()]
        for a, lead in zip(articles, leads, strict=True)
    ]
    wanted = list(dict.fromkeys(text for piece in pieces for text in piece))
    if not wanted:
        return np.zeros((len(articles), 1), dtype=np.float32)
    embedder.fit(wanted)
    row = dict(zip(wanted, embedder.encode(wanted), strict=True))
    width = len(next(iter(row.values())))
    summed = [
        np.sum([row[text] for text in piece], axis=0) if piece else np.zeros(width, np.float32)
        for piece in pieces
    ]
    return normalise(np.asarray(summed, dtype=np.float32))


def group_stories(
    corpus: Corpus, sentences: Sequence[Sentence], embedder: Embedder
) -> tuple[StoryGroup, ...]:
    """The stories of a folder, largest first (ties by id); each lists its articles' ids in
    the folder's order."""
    articles = corpus.articles
    settings = settings_for(embedder.calibration)
    distance = distances(article_affinities(corpus, sentences, embedder), settings)
    labels = cluster(distance, settings.threshold)
    members: dict[int, list[Article]] = {}
    for label, article in zip(labels, articles, strict=True):
        members.setdefault(label, []).append(article)
    groups = [
        StoryGroup(id=story_id(found), source_ids=tuple(a.source.id for a in found))
        for found in members.values()
    ]
    return tuple(sorted(groups, key=lambda g: (-len(g.source_ids), g.id)))


def mixed_warning(
    folder: str, groups: Sequence[StoryGroup], titles: Mapping[str, str | None]
) -> str | None:
    """One line saying that a folder holds several stories, or None when it holds one."""
    if len(groups) < 2:
        return None
    shown = []
    for group in groups[:WARNING_TITLES]:
        title = next((titles[s] for s in group.source_ids if titles.get(s)), group.source_ids[0])
        shown.append(f"“{title}” ({len(group.source_ids)})")
    more = f" and {len(groups) - WARNING_TITLES} more" if len(groups) > WARNING_TITLES else ""
    return (
        f"{folder} seems to hold {len(groups)} stories, not one: {'; '.join(shown)}{more}; "
        "this brief mixes them (use `briefing digest` for one brief per story)"
    )
