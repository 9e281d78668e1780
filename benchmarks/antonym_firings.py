"""Where the opposite-words veto (`verify.lexical._opposite`) fires on realistic same-story
sentence pairs, printed one by one for reading by hand: every pair of sentences from two
articles of one story of the dev set's tuning part (`devset.part_of`), both ways, and the
tuning part's labelled pairs (tests/data/allsides_pairs.jsonl; the source sentence alone and
with the next one, as the matcher reads it).

    .venv/bin/python benchmarks/antonym_firings.py

With --extra LIST (a file in the format of data/verify_antonyms.txt) it prints instead the
pairs whose verdict LIST, read beside the shipped list, turns into "opposite meaning": how the
eighth session judged WordNet 3.0's direct antonyms (docs/aligner.md):

    git show 867acbe:src/briefing/data/verify_wordnet_antonyms.txt > /tmp/wordnet.txt
    .venv/bin/python benchmarks/antonym_firings.py --extra /tmp/wordnet.txt
"""

from __future__ import annotations

import argparse
import itertools
import sys
from collections.abc import Iterator
from pathlib import Path

from aligner_pairs import article_sentences, load_pairs
from briefing.language import data_lines
from briefing.verify import lexical
from briefing.verify.lexical import Lexicon, conflict
from devset import in_part, load_clusters

OPPOSITE = "opposite meaning"
ANTONYMS = "verify_antonyms.txt"


def story_pairs() -> Iterator[tuple[str, str, str]]:
    """(story, sentence, sentence of another article of the story), both ways."""
    for cluster in in_part(load_clusters(), "tune"):
        texts = {a.id: a.text for a in cluster.articles}
        flat = [(key, texts[key][a:b]) for key, spans in article_sentences(texts).items()
                for a, b in spans]  # fmt: skip
        for (mine, query), (theirs, candidate) in itertools.permutations(flat, 2):
            if mine != theirs:
                yield cluster.id, query, candidate


def labelled_pairs() -> Iterator[tuple[str, str, str]]:
    for pair in load_pairs():
        if pair.tuned:
            yield f"{pair.id} ({pair.label})", pair.claim, pair.source
            if pair.source_next:
                yield f"{pair.id} ({pair.label})", pair.claim, f"{pair.source} {pair.source_next}"


def verdicts(pairs: list[tuple[str, str, str]]) -> list[str | None]:
    found = []
    for _, query, candidate in pairs:
        lexicon = Lexicon([query, candidate])
        found.append(conflict(lexicon.features(query), lexicon.features(candidate)))
    return found


def beside(extra: Path, pairs: list[tuple[str, str, str]]) -> list[str | None]:
    """`verdicts` with `extra`'s antonym pairs read beside the shipped list."""
    added = [line.strip() for line in extra.read_text("utf-8").splitlines()
             if line.strip() and not line.startswith("#")]  # fmt: skip

    def lines(name: str) -> list[str]:
        return data_lines(name) + (added if name == ANTONYMS else [])

    lexical.data_lines = lines  # type: ignore[attr-defined]
    lexical._antonyms.cache_clear()
    lexical._antonym_sides.cache_clear()
    try:
        return verdicts(pairs)
    finally:
        lexical.data_lines = data_lines  # type: ignore[attr-defined]
        lexical._antonyms.cache_clear()
        lexical._antonym_sides.cache_clear()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--extra", type=Path, help="an antonym list read beside the shipped one")
    args = parser.parse_args(argv)
    for name, found in (("story sentence pairs", story_pairs()), ("labelled", labelled_pairs())):
        pairs = list(found)
        shipped = verdicts(pairs)
        after = beside(args.extra, pairs) if args.extra else shipped
        fired = [pair for pair, old, new in zip(pairs, shipped, after, strict=True)
                 if new == OPPOSITE and (old != OPPOSITE or not args.extra)]  # fmt: skip
        print(f"## {name}: {len(pairs)} pairs, {len(fired)} vetoed as {OPPOSITE!r}")
        for where, query, candidate in fired:
            print(f"- {where}\n  Q: {query}\n  C: {candidate}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
