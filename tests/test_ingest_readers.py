"""Readers per format and the decoder, on small samples written here."""

from __future__ import annotations

import codecs

import pytest

from briefing.ingest.decode import NotText, decode
from briefing.ingest.readers import read_html, read_markdown, read_plain

BODY = (
    "The two leaders met on Wednesday for talks on European security that lasted two hours.\n"
    "The meeting followed weeks of rising tension along the border, officials said.\n"
)
SAVED_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8">
<title>Leaders meet in Geneva | Example Times</title>
<link rel="canonical" href="https://www.example-times.com/world/2021/12/15/leaders-meet">
<meta property="og:site_name" content="Example Times">
<meta property="article:published_time" content="2021-12-15T10:00:00Z">
<script>var tracking = "SCRIPT TEXT";</script><style>body {color: red}</style></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<article><h1>Leaders meet in Geneva to discuss security</h1>
<p>GENEVA (Reuters) — The two leaders met on Wednesday for talks on European security that
lasted more than two hours, officials said.</p>
<p>The meeting followed weeks of rising tension along the border, where tens of thousands of
troops have gathered since November.</p>
<p>"We had a frank conversation," one official told reporters after the talks ended.</p>
</article><footer>Copyright 2021 Example Times. <a href="/privacy">Privacy</a></footer>
<script>console.log("SCRIPT TEXT")</script></body></html>"""


def test_plain_text_headline_and_date_line() -> None:
    parsed = read_plain(" date 2021-12-15 International\nLeaders meet in Geneva\n" + BODY)
    assert parsed.meta.title == "Leaders meet in Geneva"
    assert parsed.meta.published == "2021-12-15"
    assert [line for _, line in parsed.lines] == BODY.splitlines()
    assert [(d.line_no, d.reason) for d in parsed.dropped] == [(1, "date line (read as the date)")]


def test_plain_text_headline_after_page_clutter() -> None:
    text = "Follow us\n\nNews\n\nLeaders Meet in Geneva Over Security\n\nPublished\n\n" + BODY
    parsed = read_plain(text)
    assert parsed.meta.title == "Leaders Meet in Geneva Over Security"
    assert "Follow us" in [line for _, line in parsed.lines]


def test_a_title_case_headline_may_hold_full_stops_and_a_sentence_may_not() -> None:
    headline = "Labor Shortages Give Workers a Raise. Inflation Eats It Up."
    parsed = read_plain(f"{headline}\n\n{BODY}")
    assert parsed.meta.title == headline
    assert [line for _, line in parsed.lines if line] == BODY.splitlines()
    sentence = "Leaders met in Geneva on Wednesday."
    parsed = read_plain(f"{sentence}\n\n{BODY}")
    assert parsed.meta.title is None


@pytest.mark.parametrize("line", ["Posted Monday, Jan. 3, 2022.", "By Jane Doe and John Roe."])
def test_a_date_line_or_byline_in_title_case_is_no_headline(line: str) -> None:
    parsed = read_plain(f"{line}\n\n{BODY}")
    assert parsed.meta.title is None
    assert next(text for _, text in parsed.lines if text) == line


@pytest.mark.parametrize(
    "top",
    [
        ["Posted Monday, Jan. 3, 2022.", "Leaders Meet in Geneva"],
        ["By Jane Doe", "Leaders Meet in Geneva"],
        ["Jan. 3, 2022, 5:30 p.m. ET", "By Jane Doe, John Roe", "Leaders meet in Geneva"],
        ["Leaders Meet in Geneva", "By Jane Doe and John Roe.", "Posted Monday, Jan. 3, 2022."],
    ],
)
def test_the_headline_is_taken_before_or_after_a_date_line_or_byline(top: list[str]) -> None:
    head = "\n\n".join(top)
    parsed = read_plain(f"{head}\n\n{BODY}")
    assert parsed.meta.title is not None
    assert parsed.meta.title.startswith("Leaders")
    assert [line for line in top if not line.startswith("Leaders")] == [
        text for _, text in parsed.lines if text and text not in BODY.splitlines()
    ]


def test_a_headline_that_names_a_date_is_still_a_headline() -> None:
    parsed = read_plain(f"Jan. 6 panel subpoenas former aides\n\n{BODY}")
    assert parsed.meta.title == "Jan. 6 panel subpoenas former aides"


def test_a_live_blogs_labelled_first_line_is_the_headline() -> None:
    headline = "Live updates: Milley, Austin and McKenzie to testify before Congress on Afghanistan"
    parsed = read_plain(f"{headline}\n\n{BODY}")
    assert parsed.meta.title == headline
    assert [line for _, line in parsed.lines if line] == BODY.splitlines()


def test_a_live_label_below_the_first_line_is_still_a_teaser() -> None:
    teaser = "Live updates: Milley, Austin and McKenzie to testify before Congress on Afghanistan"
    parsed = read_plain(f"Leaders meet in Geneva\n\n{teaser}\n\n{BODY}")
    assert parsed.meta.title == "Leaders meet in Geneva"


def test_a_headline_written_as_a_sentence_is_the_headline() -> None:
    headline = (
        "A senior U.S. diplomat to Haiti resigns, citing the Biden administration’s ‘inhumane’"
        " deportation policy."
    )
    parsed = read_plain(f"{headline}\n\n{BODY}")
    assert parsed.meta.title == headline
    assert [line for _, line in parsed.lines if line] == BODY.splitlines()


@pytest.mark.parametrize(
    "lead",
    [
        "Alaska’s largest hospital has begun rationing care, saying it has been overwhelmed by"
        " COVID-19 patients.",
        "The US is to donate 500 million more doses of the Pfizer vaccine to poorer nations.",
        "Facebook issued a statement late Monday explaining what caused the outage.",
        "China criticised a security pact between the US, UK and Australia as irresponsible.",
        "The Senate passed the bill. It now goes to the House.",
        "WASHINGTON (AP) — The Senate passes the bill in a late vote.",
        "The global recovery from the pandemic is weakening, according to the IMF.",
    ],
)
def test_a_short_lead_sentence_on_the_first_line_stays_body_text(lead: str) -> None:
    parsed = read_plain(f"{lead}\n\n{BODY}")
    assert parsed.meta.title is None
    assert next(text for _, text in parsed.lines if text) == lead


def test_a_sentence_headline_needs_a_blank_line_below_it() -> None:
    line = "A senior U.S. diplomat to Haiti resigns, citing the deportation policy."
    parsed = read_plain(f"{line}\n{BODY}")
    assert parsed.meta.title is None


def test_plain_text_without_headline() -> None:
    parsed = read_plain(BODY)
    assert parsed.meta.title is None
    assert len(parsed.lines) == 2


def test_hard_wrapped_text_is_joined_into_paragraphs() -> None:
    text = (
        "Leaders meet in Geneva\n\n"
        "The two leaders met on Wednesday for talks on European\n"
        "security that lasted more than two hours, officials said.\n\n"
        "The meeting followed weeks of rising tension along the\n"
        "border, where troops have gathered since November.\n"
    )
    parsed = read_plain(text)
    assert [line for _, line in parsed.lines if line] == [
        "The two leaders met on Wednesday for talks on European security that lasted more than"
        " two hours, officials said.",
        "The meeting followed weeks of rising tension along the border, where troops have"
        " gathered since November.",
    ]


def test_markdown_front_matter_and_syntax() -> None:
    text = (
        "---\ntitle: Leaders meet\noutlet: Example Times\nurl: https://www.example.com/a/b\n"
        "published: 2021-12-15\ncredibility: high\n---\n"
        "# Leaders meet in Geneva\n\nThe **two** leaders met on [Wednesday](https://x.org)"
        " for talks.\nThey spoke for _two_ hours.\n\n## Background\n\n- Troops gathered.\n"
    )
    parsed = read_markdown(text)
    meta = parsed.meta
    assert (meta.title, meta.outlet, meta.domain, meta.url, meta.published) == (
        "Leaders meet",
        "Example Times",
        "example.com",
        "https://www.example.com/a/b",
        "2021-12-15",
    )
    assert (meta.credibility, meta.label, parsed.declared) == (0.875, "high", True)
    assert [line for _, line in parsed.lines if line] == [
        "The two leaders met on Wednesday for talks. They spoke for two hours.",
        "Troops gathered.",
    ]
    assert [(d.line_no, d.reason) for d in parsed.dropped] == [
        (8, "heading"),
        (13, "heading"),
    ]


def test_markdown_bad_front_matter_values_warn() -> None:
    parsed = read_markdown("---\npublished: someday\ncredibility: 7\n---\n" + BODY)
    assert parsed.meta.published is None
    assert parsed.meta.credibility is None
    assert len(parsed.warnings) == 2


def test_html_main_text_and_metadata() -> None:
    parsed = read_html(SAVED_PAGE)
    meta = parsed.meta
    assert meta.title == "Leaders meet in Geneva to discuss security"
    assert meta.outlet == "Example Times"
    assert meta.url == "https://www.example-times.com/world/2021/12/15/leaders-meet"
    assert meta.domain == "example-times.com"
    assert meta.published == "2021-12-15"
    text = "\n".join(line for _, line in parsed.lines)
    assert "GENEVA (Reuters) — The two leaders met" in text
    assert "SCRIPT TEXT" not in text
    assert "Home" not in text
    assert "color: red" not in text


SAMPLE = "Café owners in São Paulo said the “new” rules — announced Tuesday — were naïve."


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE.encode("utf-8"), "utf-8-sig"),
        (SAMPLE.encode("utf-16"), "utf-16"),
        (SAMPLE.encode("cp1252"), "cp1252"),
    ],
)
def test_decode_encodings_without_mojibake(data: bytes, encoding: str) -> None:
    assert decode(data) == (SAMPLE, encoding)


def test_decode_utf16_without_bom() -> None:
    text, _ = decode(SAMPLE.encode("utf-16-le"))
    assert text == SAMPLE


def test_decode_keeps_other_legacy_code_pages() -> None:
    russian = "Президент России заявил в среду, что НАТО не должно расширяться на восток."
    assert decode(russian.encode("cp1251"))[0] == russian


@pytest.mark.parametrize(
    ("data", "reason"),
    [
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file (PNG image)"),
        (b"%PDF-1.7 ...", "binary file (PDF document)"),
        (bytes(range(0, 32)) * 20, "binary file (control characters)"),
    ],
)
def test_decode_refuses_binary(data: bytes, reason: str) -> None:
    with pytest.raises(NotText, match=reason.replace("(", r"\(").replace(")", r"\)")):
        decode(data)


@pytest.mark.parametrize(
    "line", ["By Any Measure, Biden’s Plan Falls Short", "By The Numbers Today"]
)
def test_a_headline_opening_with_by_is_no_byline(line: str) -> None:
    assert read_plain(f"{line}\n\n{BODY}").meta.title == line


EMBED_PAGE = """<!DOCTYPE html><html><head><meta charset="utf-8"><title>Phones get a fix</title>
</head><body><article><h1>Phones get a fix</h1>
<h2>The maker said on Tuesday that the update fixes the camera and ships to every phone sold
since 2019, in all countries.</h2>
<p>The phone maker released an update on Tuesday that changes how the front camera works
during video calls, the company said in a statement.</p>
<blockquote class="twitter-tweet"><p>How it works: it simply grabs a depth map of your face and
adjusts the eyes accordingly.</p>— A Developer (@dev) July 3, 2019</blockquote>
<h2>Long gone? Not so fast.</h2>
<p>Engineers who tested the update said it worked on most recent models, though not on
older ones.</p>
<blockquote><p>“We tested it for weeks and it held up on every recent model we tried,” said
one engineer who worked on the release.</p></blockquote>
</article></body></html>"""


def test_html_embedded_posts_and_short_headings_are_dropped_quotes_and_standfirst_kept() -> None:
    parsed = read_html(EMBED_PAGE)
    text = "\n".join(line for _, line in parsed.lines)
    reasons = {d.reason for d in parsed.dropped}
    # An embedded post and a short heading are gone, with their reasons.
    assert "depth map" not in text
    assert "Long gone" not in text
    assert reasons == {
        "embedded social-media post (removed from the page markup)",
        "sub-heading (a heading in the page markup)",
    }
    # A plain blockquote (the article quoting someone) and a long h2 (the standfirst) stay.
    assert "We tested it for weeks" in text
    assert "ships to every phone sold since 2019" in " ".join(text.split())
    assert "Engineers who tested the update" in text
