"""Sentence-boundary accuracy: briefing's splitter against pySBD on the English Golden Rules.

The Golden Rules cases are pySBD's own test file (tests/lang/test_english.py of
github.com/nipunsadvilkar/pySBD, from the Pragmatic Segmenter); they are read at run time from
a path you give and never copied into this repository. News cases written for this project
(the boundaries of issue 11) are scored beside them.

    python benchmarks/splitter.py PATH/TO/pySBD/tests/lang/test_english.py

A case counts as right when the segments equal the expected list exactly (whitespace stripped).
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path

from briefing.sentences import Splitter

Cases = list[tuple[str, list[str]]]

# Boundaries that news copy needs, written for this project: abbreviations, initials and
# dotted country names followed by a word that continues the sentence, and real ends.
NEWS_CASES: Cases = [
    (
        "Victims of the U.S. Embassy bombing were flown to Germany. The U.S. sent aid.",
        ["Victims of the U.S. Embassy bombing were flown to Germany.", "The U.S. sent aid."],
    ),
    (
        "Sen. Joe Manchin said no. He left at noon.",
        ["Sen. Joe Manchin said no.", "He left at noon."],
    ),
    ("The riot on Jan. 6 shocked lawmakers.", ["The riot on Jan. 6 shocked lawmakers."]),
    ("She is ranked No. 2 in the world.", ["She is ranked No. 2 in the world."]),
    (
        "John F. Kennedy was shot in Dallas. Crowds wept.",
        ["John F. Kennedy was shot in Dallas.", "Crowds wept."],
    ),
    (
        "The U.S. Attorney's office filed charges. A trial is set.",
        ["The U.S. Attorney's office filed charges.", "A trial is set."],
    ),
    (
        "Aid reached the U.S. on Friday, officials said. More is due.",
        ["Aid reached the U.S. on Friday, officials said.", "More is due."],
    ),
    (
        "Gov. Gavin Newsom signed the bill in Sacramento, Calif. on Monday.",
        ["Gov. Gavin Newsom signed the bill in Sacramento, Calif. on Monday."],
    ),
    (
        '"We will not back down. We never have," Biden said. The talks resume Monday.',
        ['"We will not back down. We never have," Biden said.', "The talks resume Monday."],
    ),
    (
        "The vote was 52-48. Democrats cheered.",
        ["The vote was 52-48.", "Democrats cheered."],
    ),
    (
        "Democrats pressed Mitch McConnell, R-Ky., to act. Steny Hoyer, D-Md. and others wrote.",
        [
            "Democrats pressed Mitch McConnell, R-Ky., to act.",
            "Steny Hoyer, D-Md. and others wrote.",
        ],
    ),
]


def golden_cases(path: Path) -> Cases:
    """GOLDEN_EN_RULES_TEST_CASES from pySBD's test file, pytest.param entries included."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    for node in ast.walk(tree):
        if isinstance(node, ast.Assign) and any(
            isinstance(t, ast.Name) and t.id == "GOLDEN_EN_RULES_TEST_CASES" for t in node.targets
        ):
            assert isinstance(node.value, ast.List)
            return [_case(item) for item in node.value.elts]
    raise SystemExit(f"{path}: no GOLDEN_EN_RULES_TEST_CASES found")


def _case(node: ast.expr) -> tuple[str, list[str]]:
    if isinstance(node, ast.Call):  # pytest.param(text, expected, marks=...)
        node = ast.Tuple(elts=node.args[:2], ctx=ast.Load())
    text, expected = ast.literal_eval(node)
    return str(text), [str(s) for s in expected]


def briefing_split(text: str) -> list[str]:
    splitter = Splitter.for_texts([text])
    return [text[start:end] for start, end, _ in splitter.spans(text)]


def news_abbreviations() -> frozenset[str]:
    """The abbreviations Punkt was given (data/abbreviations.txt): lower case, no final stop."""
    text = resources.files("briefing").joinpath("data", "abbreviations.txt").read_text("utf-8")
    return frozenset(
        line.strip().lower().removesuffix(".")
        for line in text.splitlines()
        if line.strip() and not line.startswith("#")
    )


def punkt_split(text: str) -> list[str]:
    """NLTK Punkt as briefing configured it before pySBD: trained on the input (punkt_tab
    when installed), dotted abbreviations only, plus the shipped news abbreviations."""
    from nltk.tokenize.punkt import PunktSentenceTokenizer, PunktTokenizer, PunktTrainer

    try:
        params = PunktTokenizer("english")._params
    except LookupError:
        trainer = PunktTrainer()
        trainer.train(text, finalize=False)
        trainer.finalize_training()
        params = trainer.get_params()
        params.abbrev_types = {kind for kind in params.abbrev_types if "." in kind}
    params.abbrev_types = set(params.abbrev_types) | news_abbreviations()
    tokenizer = PunktSentenceTokenizer(params)
    return [text[a:b] for a, b in tokenizer.span_tokenize(text)]


def pysbd_split(text: str) -> list[str]:
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False)
    return [s.strip() for s in segmenter.segment(text) if s.strip()]


def score(split: Callable[[str], list[str]], cases: Sequence[tuple[str, list[str]]]) -> int:
    return sum(split(text) == expected for text, expected in cases)


def main(argv: list[str]) -> None:
    sets = {"news (this project)": NEWS_CASES}
    if argv:
        sets["Golden Rules (pySBD en)"] = golden_cases(Path(argv[0]))
    print("| cases | n | briefing (pySBD + quote units) | pySBD alone | NLTK Punkt (before) |")
    print("|---|---|---|---|---|")
    for name, cases in sets.items():
        scores = [score(split, cases) for split in (briefing_split, pysbd_split, punkt_split)]
        print(f"| {name} | {len(cases)} | " + " | ".join(map(str, scores)) + " |")
    if "-v" in argv:
        for text, expected in [c for cases in sets.values() for c in cases]:
            got = briefing_split(text)
            if got != expected:
                print("MISS", expected, "->", got)


if __name__ == "__main__":
    main(sys.argv[1:])
