"""Writes src/briefing/data/verify_wordnet_antonyms.txt: the direct antonyms of WordNet 3.0
(Princeton University, https://wordnet.princeton.edu; Miller 1995, "WordNet: a lexical database
for English", CACM 38(11)) that the matcher's opposite-words veto reads beside its own list.

    apt-get install wordnet-base   # Debian's WordNet 3.0 database, /usr/share/wordnet
    .venv/bin/python scripts/wordnet_antonyms.py

Kept: verb, adjective and adverb lemmas of one word linked by WordNet's antonym pointer (`!`),
only where the link joins the most frequent sense of both words in that part of speech (WordNet
orders senses by their SemCor counts) and neither word is tagged more often as a noun ("general"
is mostly the officer in news, "left" the side): the veto reads word forms, not senses, so a
pair is kept only where its words mostly mean what the pair opposes.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

WORDNET = Path("/usr/share/wordnet")
TARGET = Path(__file__).resolve().parent.parent / "src" / "briefing" / "data"
OUT = TARGET / "verify_wordnet_antonyms.txt"
POS = {"verb": "v", "adj": "a", "adv": "r"}
# Debian's copy of the WordNet 3.0 licence, which asks that its notice and disclaimer appear on
# all copies: written verbatim at the head of the list.
LICENCE = Path("/usr/share/doc/wordnet-base/copyright")
HEADER = """\
# Direct antonyms of WordNet 3.0 (https://wordnet.princeton.edu), written by
# scripts/wordnet_antonyms.py (see there for what is kept). Format as verify_antonyms.txt:
# words of one side | words of the other side. WordNet's licence:
#
"""


def _licence() -> str:
    """The WordNet 3.0 licence paragraph of Debian's copyright file, as comment lines."""
    lines = LICENCE.read_text(encoding="utf-8").splitlines()
    start = lines.index("License: WordNet3.0") + 1
    kept = []
    for line in lines[start:]:
        if not line.startswith(" "):
            break
        text = line[1:]
        kept.append("#" if text == "." else f"# {text}")
    return "\n".join(kept) + "\n"


def _index(pos: str) -> dict[str, tuple[list[str], int]]:
    """lemma -> (synset offsets, most frequent first; tagged sense count)."""
    found: dict[str, tuple[list[str], int]] = {}
    for line in (WORDNET / f"index.{pos}").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        f = line.split()
        pointers = int(f[3])
        senses, tagged = int(f[4 + pointers]), int(f[5 + pointers])
        found[f[0]] = (f[6 + pointers : 6 + pointers + senses], tagged)
    return found


def _lemma(word: str) -> str:
    return re.sub(r"\(.*\)$", "", word).lower()


def _antonyms(pos: str) -> set[tuple[str, str]]:
    index, nouns = _index(pos), _index("noun")
    words_of: dict[str, list[str]] = {}
    links: list[tuple[str, int, str, int]] = []
    for line in (WORDNET / f"data.{pos}").read_text(encoding="latin-1").splitlines():
        if line.startswith(" "):
            continue
        f = line.split()
        count = int(f[3], 16)
        words_of[f[0]] = [_lemma(f[4 + 2 * i]) for i in range(count)]
        k = 4 + 2 * count
        for p in range(int(f[k])):
            symbol, target, _, st = f[k + 1 + 4 * p : k + 5 + 4 * p]
            if symbol == "!":
                links.append((f[0], int(st[:2], 16), target, int(st[2:], 16)))
    pairs = set()
    for offset, s, target, t in links:
        a, b = words_of[offset][s - 1], words_of[target][t - 1]
        if "_" in a or "_" in b or "-" in a or "-" in b:
            continue
        if all(_dominant(w, o, index, nouns) for w, o in ((a, offset), (b, target))):
            pairs.add((min(a, b), max(a, b)))
    return pairs


def _dominant(word: str, offset: str, index: dict[str, tuple[list[str], int]],
              nouns: dict[str, tuple[list[str], int]]) -> bool:  # fmt: skip
    """The linked sense is the word's most frequent one here, and the word is tagged as this
    part of speech at least as often as as a noun."""
    synsets, tagged = index.get(word, ([], 0))
    return bool(synsets) and synsets[0] == offset and tagged >= nouns.get(word, ([], 0))[1]


def main() -> int:
    if not WORDNET.is_dir():
        print(f"{WORDNET}: not found; apt-get install wordnet-base", file=sys.stderr)
        return 2
    pairs = sorted(set().union(*(_antonyms(pos) for pos in POS)))
    body = "".join(f"{a} | {b}\n" for a, b in pairs)
    OUT.write_text(HEADER + _licence() + body, encoding="utf-8")
    print(f"{OUT}: {len(pairs)} pairs")
    return 0


if __name__ == "__main__":
    sys.exit(main())
