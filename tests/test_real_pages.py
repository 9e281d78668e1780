"""Real saved news pages (tests/data/pages, from trafilatura's test pages) through the real
ingest path, `read_corpus` on a folder, as `briefing build` reads an .html file.

Each page has its clean text written by hand (tests/data/pages/README.md): every prose line
must be kept, every clutter line must be gone, and the headline, outlet, domain and date read.
A page's `.missed.txt` lists clutter the cleaner is known to keep: asserted still kept, so the
list stays true and a fix shows up as a failure that asks to move the line.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

BENCHMARKS = Path(__file__).resolve().parent.parent / "benchmarks"
sys.path.insert(0, str(BENCHMARKS))

from briefing.compose.printable import clean_title  # noqa: E402
from briefing.models import Article  # noqa: E402
from real_pages import PAGES, Score, hand_lines, page_names, read_page, score  # noqa: E402

NAMES = page_names()


@pytest.fixture(scope="module", params=NAMES)
def page(request: pytest.FixtureRequest) -> tuple[str, Article]:
    name = str(request.param)
    return name, read_page(name)


def _score(page: tuple[str, Article]) -> Score:
    return score(*page)


def test_corpus_is_complete() -> None:
    assert len(NAMES) >= 8
    for name in NAMES:
        for suffix in (".expected.txt", ".clutter.txt", ".meta.json"):
            assert (PAGES / f"{name}{suffix}").is_file(), f"{name}{suffix} missing"
        assert hand_lines(name, ".expected.txt"), name
        assert set(hand_lines(name, ".missed.txt")) <= set(hand_lines(name, ".clutter.txt"))


def test_every_prose_line_is_kept(page: tuple[str, Article]) -> None:
    result = _score(page)
    assert not result.lost, f"{result.name}: prose lines lost: {result.lost}"


def test_no_clutter_line_survives(page: tuple[str, Article]) -> None:
    result = _score(page)
    missed = set(hand_lines(result.name, ".missed.txt"))
    kept = set(result.kept_clutter)
    assert kept <= missed, f"{result.name}: clutter kept: {sorted(kept - missed)}"
    assert missed <= kept, f"{result.name}: known misses now dropped (move them): {missed - kept}"


def test_metadata(page: tuple[str, Article]) -> None:
    name, article = page
    meta = json.loads((PAGES / f"{name}.meta.json").read_text(encoding="utf-8"))
    source = article.source
    assert source.title is not None
    assert clean_title(source.title, source.outlet) == meta["headline"]
    assert source.outlet == meta["outlet"]
    assert source.domain == meta["domain"]
    assert source.published == meta["published"]
