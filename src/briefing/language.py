"""Wording features shared by composers and the audit: attribution, loaded words, openers."""

from __future__ import annotations

import re
from functools import cache
from importlib import resources

# Openers that need the previous sentence to be understood.
DANGLING_OPENER = re.compile(
    r"^(he|she|it|they|this|that|these|those|his|her|their|its|however|but|and|also|"
    r"meanwhile|moreover|furthermore|as a result|in turn|instead|still|yet|so|then|"
    r"it is in this context)\b",
    re.IGNORECASE,
)
# Verbs of attribution: "..., the Kremlin said" keeps contested statements sourced.
ATTRIBUTION = re.compile(
    r"\b(said|says|told|stated|according to|reported|quoted|announced|added|denied|"
    r"claimed|warned|insisted|cited)\b",
    re.IGNORECASE,
)


def _word_list(name: str) -> frozenset[str]:
    """A shipped list: one lowercase word per line, `#` comments."""
    text = resources.files("briefing.data").joinpath(name).read_text("utf-8")
    return frozenset(
        line.strip().lower() for line in text.splitlines() if line.strip() and line[0] != "#"
    )


@cache
def loaded_words() -> frozenset[str]:
    """Emotive or loaded words a neutral brief avoids."""
    return _word_list("loaded_words.txt")


def find_loaded(text: str) -> list[str]:
    return sorted({w for w in re.findall(r"[a-z]+", text.lower()) if w in loaded_words()})


def is_attributed(text: str) -> bool:
    return bool(ATTRIBUTION.search(text))


@cache
def _stopwords() -> frozenset[str]:
    return _word_list("stopwords.txt")


def content_words(text: str) -> set[str]:
    """Lower-cased words of four letters or more, or any number, minus function words: what
    remains are names, numbers and content words."""
    words = re.findall(r"[^\W_]+", text.lower())
    return {w for w in words if (len(w) > 3 or w.isdigit()) and w not in _stopwords()}
