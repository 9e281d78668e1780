"""Smoke tests of the benchmark helpers: dev-set loading, story folders, baselines, synthesis.

Fast and timing-free: the benchmarks themselves are run by hand (docs/benchmarks.md).
"""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from baselines import WordBudget, cut_words, lead_summary, sumy_summary  # noqa: E402
from devset import DEV_SET, Cluster, load_clusters, write_cluster  # noqa: E402
from synth import GROUP_SIZE, corpus_groups  # noqa: E402

FIRST = (
    "The council approved the new budget on Monday after a long debate. "
    "Members voted seven to two in favour of the plan. "
    "The mayor said the vote was a relief for the city."
)
SECOND = "Critics said the budget cuts library hours. The plan takes effect in July."


def _article(article_id: str, text: str, outlet: str) -> dict[str, str]:
    return {
        "id": article_id,
        "title": f"Headline {article_id}",
        "text": text,
        "url": f"https://{outlet}.example/{article_id}",
        "outlet": outlet.title(),
        "domain": f"{outlet}.example",
        "date": "2021-10-18",
    }


def _write_dev_set(path: Path) -> Path:
    rows = [
        {
            "id": "c1",
            "articles": [_article("c1-left", FIRST, "left"), _article("c1-right", SECOND, "right")],
            "references": ["The council approved the budget.", "unused second reference"],
        },
        {
            "id": "c2",
            "articles": [_article("c2-center", SECOND, "center")],
            "references": ["Library hours are cut."],
        },
    ]
    path.write_text("\n".join(json.dumps(row) for row in rows) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def clusters(tmp_path: Path) -> list[Cluster]:
    return load_clusters(_write_dev_set(tmp_path / "dev.jsonl"))


def test_loader_reads_clusters_and_first_reference(clusters: list[Cluster]) -> None:
    assert [c.id for c in clusters] == ["c1", "c2"]
    assert [a.id for a in clusters[0].articles] == ["c1-left", "c1-right"]
    assert clusters[0].reference == "The council approved the budget."
    assert clusters[0].articles[1].domain == "right.example"


def test_loader_limit(tmp_path: Path) -> None:
    assert [c.id for c in load_clusters(_write_dev_set(tmp_path / "d.jsonl"), limit=1)] == ["c1"]


def test_write_cluster_makes_a_story_folder(clusters: list[Cluster], tmp_path: Path) -> None:
    folder = tmp_path / "story"
    write_cluster(clusters[0], folder)
    assert sorted(p.name for p in folder.iterdir()) == [
        "000_c1-left.txt",
        "001_c1-right.txt",
        "sources.csv",
    ]
    assert (folder / "001_c1-right.txt").read_text(encoding="utf-8") == (
        f"Headline c1-right\n\n{SECOND}\n"
    )
    with (folder / "sources.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows[0] == {
        "file": "000_c1-left.txt",
        "outlet": "Left",
        "domain": "left.example",
        "url": "https://left.example/c1-left",
        "published": "2021-10-18",
        "credibility": "",
    }


def test_lead_baseline_takes_the_first_article_up_to_the_budget(clusters: list[Cluster]) -> None:
    assert lead_summary(clusters[0], 12) == " ".join(FIRST.split()[:12])
    assert lead_summary(clusters[1], 100) == SECOND


def test_cut_words() -> None:
    assert cut_words(" a  b\nc d ", 3) == "a b c"


def test_word_budget_stops_once_the_budget_is_reached() -> None:
    class Info:
        def __init__(self, sentence: str) -> None:
            self.sentence = sentence

    infos = [Info("one two three"), Info("four five"), Info("six")]
    assert [i.sentence for i in WordBudget(4)(infos)] == ["one two three", "four five"]
    assert [i.sentence for i in WordBudget(3)(infos)] == ["one two three"]


def test_sumy_with_a_large_budget_returns_every_sentence_in_order() -> None:
    assert sumy_summary("textrank", FIRST, 1000) == FIRST
    assert sumy_summary("lsa", FIRST, 5) in {
        cut_words(sentence, 5) for sentence in FIRST.split(". ")
    }


def test_synthetic_groups_are_stories_of_ten(clusters: list[Cluster]) -> None:
    groups = corpus_groups(25, clusters)
    assert [len(group) for group in groups] == [GROUP_SIZE, GROUP_SIZE, 5]
    assert [a.id for a in groups[0][:2]] == ["c1-left", "c1-right"]
    assert groups[0][2].id == "c1-left-v2"
    assert groups == corpus_groups(25, clusters)


@pytest.mark.skipif(not DEV_SET.is_file(), reason="the shared AllSides dev set is not present")
def test_the_real_dev_set_loads() -> None:
    found = load_clusters(DEV_SET, limit=2)
    assert len(found) == 2
    assert all(cluster.reference and len(cluster.articles) >= 2 for cluster in found)
