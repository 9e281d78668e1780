"""The parts of a sentence that state separate facts: clauses split at semicolons, dashes,
conjunctions after a comma, and relative or temporal clauses. A draft sentence that fuses facts
from several articles is supported jointly when each part is supported by some article.
"""

from __future__ import annotations

import re

# A part needs this many words of three or more letters to state a fact of its own; shorter
# ones ("the Kremlin said") stay with the part before them.
MIN_PART_WORDS = 3
# A sentence is split into at most this many parts: more would cut clauses into fragments.
MAX_PARTS = 4

_SPLIT = re.compile(
    r"\s*;\s*|\s+[—–]\s+|\s+--\s+"
    r"|,\s+(?=(?:and|but|while|whereas|after|before|as|since|when|which|who|where|"
    r"although|though|saying|adding|amid|because)\b)"
    r"|\s+(?=(?:while|whereas|but|after|because|although)\s)",
)
# A leading coordinator belongs to the joint, not to the fact.
_LEADING = re.compile(r"^(?:and|but|while|whereas)\s+", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]{3,}|\d+")


def _weight(text: str) -> int:
    return len(_WORD.findall(text))


def parts(text: str) -> list[str]:
    """The parts of `text` in order; one part (the whole) when it states a single fact."""
    pieces = [_LEADING.sub("", piece.strip(" ,.;")) for piece in _SPLIT.split(text.strip())]
    merged: list[str] = []
    for piece in pieces:
        if not piece:
            continue
        if merged and (_weight(piece) < MIN_PART_WORDS or _weight(merged[-1]) < MIN_PART_WORDS):
            merged[-1] = f"{merged[-1]}, {piece}"
        else:
            merged.append(piece)
    while len(merged) > MAX_PARTS:
        shortest = min(range(len(merged) - 1), key=lambda i: _weight(merged[i] + merged[i + 1]))
        merged[shortest : shortest + 2] = [f"{merged[shortest]}, {merged[shortest + 1]}"]
    return merged if len(merged) > 1 else [text.strip()]
