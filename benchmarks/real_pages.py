"""Real saved pages (tests/data/pages): prose kept and clutter dropped per page, by the real
ingest path (`read_corpus` on a folder holding the page, as `briefing build` reads it).

The clean text of each page is written by hand (tests/data/pages/README.md): `.expected.txt`
holds the prose lines, `.clutter.txt` the lines that must not survive, `.missed.txt` the clutter
the cleaner is known to keep. tests/test_real_pages.py asserts on the same scores.

    python benchmarks/real_pages.py            # the per-page table (Markdown)
    python benchmarks/real_pages.py --folders DIR  # also a story folder per page, for integrity.py
"""

from __future__ import annotations

import argparse
import shutil
import tempfile
from dataclasses import dataclass
from pathlib import Path

from briefing.config import IngestConfig
from briefing.ingest import read_corpus
from briefing.models import Article

PAGES = Path(__file__).resolve().parent.parent / "tests" / "data" / "pages"


def page_names() -> list[str]:
    return sorted(path.stem for path in PAGES.glob("*.html"))


def hand_lines(name: str, suffix: str) -> list[str]:
    """The non-blank lines of a page's hand-written file (none when the file is absent)."""
    path = PAGES / f"{name}{suffix}"
    if not path.exists():
        return []
    return [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def flat(text: str) -> str:
    """Whitespace folded, so a line is found in the kept text however paragraphs were joined."""
    return " ".join(text.split())


def read_page(name: str) -> Article:
    """The page as `briefing build` reads it: alone in a story folder, through read_corpus."""
    with tempfile.TemporaryDirectory() as tmp:
        shutil.copy(PAGES / f"{name}.html", tmp)
        corpus = read_corpus(Path(tmp), IngestConfig())
    return corpus.articles[0]


@dataclass(frozen=True)
class Score:
    """Hand-written prose lines lost and clutter lines kept in one page's clean text."""

    name: str
    prose: int
    lost: tuple[str, ...]
    clutter: int
    kept_clutter: tuple[str, ...]


def score(name: str, article: Article) -> Score:
    text = flat(article.text)
    prose = hand_lines(name, ".expected.txt")
    clutter = hand_lines(name, ".clutter.txt")
    return Score(
        name=name,
        prose=len(prose),
        lost=tuple(line for line in prose if flat(line) not in text),
        clutter=len(clutter),
        kept_clutter=tuple(line for line in clutter if flat(line) in text),
    )


def table(scores: list[Score]) -> str:
    rows = [
        "| page | prose lines kept / expected | clutter lines dropped / listed |",
        "| --- | --- | --- |",
    ]
    for item in scores:
        kept = item.prose - len(item.lost)
        dropped = item.clutter - len(item.kept_clutter)
        rows.append(f"| {item.name} | {kept} / {item.prose} | {dropped} / {item.clutter} |")
    prose = sum(item.prose for item in scores)
    lost = sum(len(item.lost) for item in scores)
    clutter = sum(item.clutter for item in scores)
    kept_clutter = sum(len(item.kept_clutter) for item in scores)
    rows.append(f"| all | {prose - lost} / {prose} | {clutter - kept_clutter} / {clutter} |")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--folders", type=Path, help="write a story folder per page here (for integrity.py)"
    )
    args = parser.parse_args()
    scores = [score(name, read_page(name)) for name in page_names()]
    print(table(scores))
    for item in scores:
        for line in item.lost:
            print(f"{item.name}: prose lost: {line}")
        for line in item.kept_clutter:
            print(f"{item.name}: clutter kept: {line}")
    if args.folders:
        for name in page_names():
            folder = args.folders / name
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copy(PAGES / f"{name}.html", folder)


if __name__ == "__main__":
    main()
