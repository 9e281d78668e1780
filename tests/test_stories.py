"""Story detection: grouping, the stable id, the mixed-folder warning."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from briefing import embed, language, pipeline, stories
from briefing.config import BriefingConfig, EmbedConfig
from briefing.embed import Embedder, get_embedder
from briefing.models import Article, Source, StoryGroup

MIXED = Path(__file__).resolve().parent / "data" / "mixed"
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def tfidf() -> Embedder:
    return get_embedder(EmbedConfig(embedder="tfidf"))


def article(path: str, url: str | None = None, title: str | None = None) -> Article:
    return Article(source=Source(id=path, path=path, url=url, title=title), text="x")


def groups_of(folder: Path, embedder: Embedder) -> list[set[str]]:
    corpus, sents = pipeline.read_sources(folder, BriefingConfig())
    return [set(g.source_ids) for g in stories.group_stories(corpus, sents, embedder)]


def test_a_mixed_folder_splits_into_its_stories() -> None:
    assert groups_of(MIXED, tfidf()) == [
        {"fire_ap", "fire_reuters", "fire_bbc"},
        {"rates_npr", "rates_cnbc"},
        {"museum_rt"},
    ]


def test_a_mixed_folder_splits_with_minilm_too(minilm: Embedder) -> None:
    assert len(groups_of(MIXED, minilm)) == 3


def test_the_seed_story_is_one_story(minilm: Embedder) -> None:
    assert len(groups_of(SEEDS, minilm)) == 1
    assert len(groups_of(SEEDS, tfidf())) == 1


def test_names_skip_sentence_starts_weekdays_and_possessives() -> None:
    found = language.names("The Kremlin said. Putin met Xi’s envoy on Monday in Beijing.")
    assert found == {"kremlin", "xi", "beijing"}


def _distance(published: list[str | None]) -> float:
    vectors = np.eye(2, dtype=np.float32)[[0, 0]]
    found = stories.affinities(vectors, ["a", "b"], published)
    return float(stories.distances(found, stories.StorySettings(1.0, 0.1, 0.5))[0, 1])


def test_dates_days_apart_push_articles_apart_beyond_the_grace() -> None:
    same = _distance(["2026-11-01", "2026-11-01"])
    assert _distance(["2026-11-01", "2026-11-02"]) == pytest.approx(same)  # the next day
    assert _distance(["2026-11-01", "2026-11-03"]) == pytest.approx(same + 0.1)
    assert _distance(["2026-11-01", "2026-11-04"]) == pytest.approx(same + 0.2)
    capped = same + 0.1 * stories.DATE_CAP_DAYS
    assert _distance(["2026-11-01", "2026-11-30"]) == pytest.approx(capped)
    assert _distance(["2026-11-01", None]) == pytest.approx(same)  # a date unknown: no term


def test_same_subject_days_apart_are_two_stories_same_day_one(minilm: Embedder) -> None:
    """Two reports of one running subject: on one day they are one story, four days apart
    (the debt-limit offer, then the vote) two."""
    first = "Democrats accept the Republican offer to extend the debt limit until December."
    second = "The Senate votes to extend the debt limit until December, ending the standoff."
    vectors = minilm.encode([first, second])
    settings = stories.settings_for(minilm.calibration)
    for published, count in (
        (["2021-10-06", "2021-10-06"], 1),
        (["2021-10-06", "2021-10-10"], 2),
    ):
        found = stories.affinities(vectors, [first, second], published)
        distance = stories.distances(found, settings)
        assert len(set(stories.cluster(distance, settings.threshold))) == count


def test_the_brief_reuses_the_lead_sentences_story_detection_embedded(
    minilm: Embedder, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Story detection costs the default model no text the brief embeds again: after it, the
    brief's own pass encodes only the sentences beyond each article's lead."""
    corpus, sents = pipeline.read_sources(SEEDS, BriefingConfig())
    stories.group_stories(corpus, sents, minilm)
    encoded: list[str] = []
    real = embed._load_onnx

    def counting(folder: Path, onnx_file: Path) -> Callable[[list[str], int], np.ndarray]:
        encode = real(folder, onnx_file)

        def run(texts: list[str], batch_size: int) -> np.ndarray:
            encoded.extend(texts)
            return encode(texts, batch_size)

        return run

    monkeypatch.setattr(embed, "_load_onnx", counting)
    pipeline.analyse_corpus(pipeline.Reading(corpus, sents), BriefingConfig(), minilm)
    leads = {s.text for s in sents if s.index < stories.LEAD_SENTENCES}
    assert encoded and not leads & set(encoded)
    assert set(encoded) == {s.text for s in sents} - leads


def test_clustering_uses_the_threshold_not_a_count() -> None:
    distance = np.array([[0, 0.1, 0.9], [0.1, 0, 0.9], [0.9, 0.9, 0]], dtype=np.float32)
    assert len(set(stories.cluster(distance, 0.5))) == 2
    assert len(set(stories.cluster(distance, 0.95))) == 1
    assert stories.cluster(np.zeros((1, 1)), 0.5) == [0]


def test_story_id_depends_on_the_articles_not_their_order() -> None:
    one = [article("a.txt", "https://e.com/a"), article("b.txt", "https://e.com/b")]
    assert stories.story_id(one) == stories.story_id(list(reversed(one)))
    other = [article("a.txt", "https://e.com/a"), article("c.txt", "https://e.com/c")]
    assert stories.story_id(one) != stories.story_id(other)
    renamed = [article("x.txt", "https://e.com/a"), article("y.txt", "https://e.com/b")]
    assert stories.story_id(one) == stories.story_id(renamed)  # the URL identifies an article


def test_mixed_warning_names_the_stories_or_stays_silent() -> None:
    one = [StoryGroup(id="1", source_ids=("a", "b"))]
    assert stories.mixed_warning("news", one, {"a": "A"}) is None
    two = [*one, StoryGroup(id="2", source_ids=("c",))]
    warning = stories.mixed_warning("news", two, {"a": "Fire", "c": None})
    assert warning is not None
    assert "2 stories" in warning and "“Fire” (2)" in warning and "“c” (1)" in warning
    assert "briefing digest" in warning
