"""Hypothesis text that tries every way Markdown or HTML could come out of article text."""

from __future__ import annotations

from hypothesis import strategies as st

SPECIALS = list("[]^:<>&\\`*_#|-=+!()1.\n\r \t\"'~{}aé")
FRAGMENTS = [
    "[^1]",
    "[^1]: x",
    "<script>alert(1)</script>",
    "<b>",
    "[x](http://e.com)",
    "![i](x.png)",
    "<http://e.com>",
    "&amp;",
    "&#60;",
    "# ",
    "1. ",
    "- ",
    "> ",
    "```",
    "---",
    "    code",
    "\\",
    "| a |",
    "a_b_c",
    "_é_",
    "__init__",
    "x**y**z",
    "[^2]: x",
    "https://example.com/a",
]
TEXT = st.lists(
    st.one_of(
        st.sampled_from(FRAGMENTS),
        st.text(st.one_of(st.characters(), st.sampled_from(SPECIALS)), max_size=12),
    ),
    max_size=6,
).map("".join)
