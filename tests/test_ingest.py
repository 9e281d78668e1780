"""read_corpus on whole folders: skipping, manifest, ids, seeds cleaned line by line."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

import pytest

from briefing.config import IngestConfig
from briefing.errors import InputError
from briefing.ingest import folder as folder_module
from briefing.ingest import read_corpus

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
PARAGRAPH = (
    "The two leaders met on Wednesday for talks on European security that lasted more than two"
    " hours, officials said. The meeting followed weeks of rising tension along the border."
)
ARTICLE = f"{PARAGRAPH}\n\n{PARAGRAPH.replace('two', 'three')}\n"
CONFIG = IngestConfig()


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


# --- seeds: every dropped line checked by hand --------------------------------------------

SEED_DROPS = {
    "000_cbb9e17c96fc3635": [],
    "001_e717161affdd8244": ["date 2021-12-15 International"],
    "002_76742f467399c0b9": [
        "with wire",
        "Devoted music ninja. Zombie practitioner. Pop culture aficionado. Webaholic."
        " Communicator. Internet nerd. Certified alcohol maven. Tv buff.",
    ],
    "003_eb11b77ec815ec45": [
        "Connect with us",
        "News",
        "Avatar of CTN News",
        "Published",
        "on",
        "China and Russia Stand United Over Biden on Ukraine",
        "Read: China’s Evergrande Group Warns it Could Run Out of Money",
        "Read: Putin Trolls US President Biden Because He Believes Biden’s Weak",
        "Read: How Olympics Athletes Can Benefit From Functional Carbohydrates",
        "Source: The Associated Press",
        "Continue Reading",
        "CTN News App",
        "CTN News App",
        "Recent News",
        "BUY FC 24 COINS",
        "compras monedas fc 24",
        "Volunteering at Soi Dog",
        "Find a Job",
        "Jooble jobs",
        "Free ibomma Movies",
    ],
    "004_8f497018cf25b217": [
        "Read more",
        "US Air Force 336th Fighter Squadron planes arrive in Romania, December 15, 2021. ©"
        " Airman 1st Class Cedrique Oldaker/48th Fighter Wing Public Affairs",
        "US deploys F-15 fighters closer to Russian borders",
        "Post a Comment",
        "0 Comments",
    ],
}
SEED_TITLES = {
    "000_cbb9e17c96fc3635": None,
    "001_e717161affdd8244": "Kremlin: Xi backs Putin’s pursuit of Western guarantees",
    "002_76742f467399c0b9": None,
    "003_eb11b77ec815ec45": "China and Russia Stand United Over Biden on Ukraine",
    "004_8f497018cf25b217": "China supports Russia in NATO demands – Moscow",
}

# Datelines taken off the start of a paragraph (issue 11), and the wire credit each names.
SEED_LEADS = {"001_e717161affdd8244": "MOSCOW (AP) "}
SEED_CREDITS = {"001_e717161affdd8244": "AP", "003_eb11b77ec815ec45": "AP"}


def test_seeds_drop_exactly_the_clutter_and_keep_every_other_line() -> None:
    corpus = read_corpus(SEEDS, CONFIG)
    assert [skipped.path for skipped in corpus.skipped] == ["sources.csv"]
    for article in corpus.articles:
        source_id = article.source.id
        assert [line.text for line in article.dropped] == SEED_DROPS[source_id]
        assert article.source.title == SEED_TITLES[source_id]
        original = (SEEDS / article.source.path).read_text(encoding="utf-8").splitlines()
        dropped = {line.line_no for line in article.dropped}
        expected = [
            line.strip().removeprefix(SEED_LEADS.get(source_id, ""))
            for number, line in enumerate(original, start=1)
            if line.strip() and number not in dropped and line.strip() != article.source.title
        ]
        assert article.text.split("\n\n") == expected
        assert article.source.wire_credit == SEED_CREDITS.get(source_id)
        assert article.source.kind == "news"


def test_seed_manifest_fills_outlet_domain_and_date() -> None:
    sources = {a.source.id: a.source for a in read_corpus(SEEDS, CONFIG).articles}
    ap = sources["001_e717161affdd8244"]
    assert (ap.outlet, ap.domain, ap.published) == ("Associated Press", "apnews.com", "2021-12-15")
    assert sources["003_eb11b77ec815ec45"].domain == "chiangraitimes.com"
    assert sources["000_cbb9e17c96fc3635"].outlet is None


# --- a mixed folder -----------------------------------------------------------------------

SAVED_PAGE = f"""<html><head><title>Talks in Geneva | Example Times</title>
<link rel="canonical" href="https://www.example-times.com/world/talks">
<meta property="og:site_name" content="Example Times">
<meta property="article:published_time" content="2021-12-14">
<script>var ads = "SCRIPT TEXT";</script></head><body>
<nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav>
<article><h1>Talks in Geneva</h1><p>{PARAGRAPH}</p><p>{PARAGRAPH.replace("two", "four")}</p>
</article><script>track("SCRIPT TEXT")</script></body></html>"""
CP1252_TEXT = f"Leaders meet in Genève\n\n“{PARAGRAPH}” — São Paulo café owners said.\n"


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    write(tmp_path, "a_note.md", f"---\noutlet: Example Wire\ndomain: wire.example\n---\n{ARTICLE}")
    write(tmp_path, "b_page.html", SAVED_PAGE)
    write(tmp_path, "c_legacy.txt", CP1252_TEXT.encode("cp1252"))
    write(tmp_path, "d_utf16.txt", ARTICLE.encode("utf-16"))
    write(tmp_path, "e_empty.txt", b"")
    write(tmp_path, "f_photo.png", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(200))
    return tmp_path


def test_mixed_folder(mixed: Path, caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.WARNING):
        corpus = read_corpus(mixed, CONFIG)
    by_id = {article.source.id: article for article in corpus.articles}
    assert list(by_id) == ["a_note", "b_page", "c_legacy", "d_utf16"]
    assert by_id["a_note"].source.outlet == "Example Wire"
    assert by_id["a_note"].identity_origin == "front-matter"
    page = by_id["b_page"]
    assert (page.source.outlet, page.source.domain) == ("Example Times", "example-times.com")
    assert (page.source.title, page.source.published) == ("Talks in Geneva", "2021-12-14")
    assert "SCRIPT TEXT" not in page.text and "Sport" not in page.text
    legacy = by_id["c_legacy"]
    assert (legacy.encoding, legacy.source.title) == ("cp1252", "Leaders meet in Genève")
    assert legacy.text == f"“{PARAGRAPH}” — São Paulo café owners said."
    assert by_id["d_utf16"].text == ARTICLE.strip()
    assert [(s.path, s.reason) for s in corpus.skipped] == [
        ("e_empty.txt", "empty file"),
        ("f_photo.png", "binary file (PNG image)"),
    ]
    warnings = [record.getMessage() for record in caplog.records]
    assert warnings == [
        f"{mixed / 'e_empty.txt'}: skipped (empty file)",
        f"{mixed / 'f_photo.png'}: skipped (binary file (PNG image))",
    ]


# --- the manifest ---------------------------------------------------------------------------

HEADER = "file,outlet,domain,url,published,credibility\n"


def test_manifest_wins_over_front_matter(tmp_path: Path) -> None:
    front = (
        "---\noutlet: Mine\ndomain: mine.example\npublished: 2020-01-01\ncredibility: 0.1\n---\n"
    )
    write(tmp_path, "a.md", front + ARTICLE)
    write(
        tmp_path,
        "sources.csv",
        HEADER + "a.md,Theirs,,https://www.theirs.example/x,2021-02-03,low\n",
    )
    source = read_corpus(tmp_path, CONFIG).articles[0].source
    assert (source.outlet, source.domain, source.url, source.published) == (
        "Theirs",
        "theirs.example",
        "https://www.theirs.example/x",
        "2021-02-03",
    )
    assert (source.credibility, source.credibility_label, source.credibility_origin) == (
        0.25,
        "low",
        "manifest",
    )


def test_front_matter_credibility_is_kept_without_manifest(tmp_path: Path) -> None:
    write(tmp_path, "a.md", f"---\ncredibility: 0.4\n---\n{ARTICLE}")
    source = read_corpus(tmp_path, CONFIG).articles[0].source
    assert (source.credibility, source.credibility_origin) == (0.4, "front-matter")


@pytest.mark.parametrize(
    ("manifest", "message"),
    [
        ("file,outlet,publisher\na.txt,,\n", "row 1: bad header"),
        (HEADER + "missing.txt,,,,,\n", "row 2: no file named 'missing.txt'"),
        (HEADER + "a.txt,,,,,1.5\n", "row 2: credibility '1.5' is outside"),
        (HEADER + "a.txt,,,,,trustworthy\n", "row 2: credibility 'trustworthy' is not a number"),
        (HEADER + "a.txt,,,,15/12/2021,\n", "row 2: date '15/12/2021' is not YYYY-MM-DD"),
        (HEADER + "a.txt,,,,,\na.txt,,,,,\n", "row 3: 'a.txt' is listed twice"),
    ],
)
def test_invalid_manifest_names_the_row(tmp_path: Path, manifest: str, message: str) -> None:
    write(tmp_path, "a.txt", ARTICLE)
    write(tmp_path, "sources.csv", manifest)
    with pytest.raises(InputError, match=message) as raised:
        read_corpus(tmp_path, CONFIG)
    assert raised.value.path is not None and "sources.csv" in raised.value.path


# --- skipping and limits --------------------------------------------------------------------


def test_skip_reasons(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    write(tmp_path, "article.txt", ARTICLE)
    write(tmp_path, ".hidden.txt", ARTICLE)
    write(tmp_path, "short.txt", "Too short to be an article.")
    write(tmp_path, "data.json", '{"a": 1}')
    write(tmp_path, "locked.txt", ARTICLE)
    (tmp_path / "subfolder").mkdir()
    outside = tmp_path.parent / f"{tmp_path.name}_outside.txt"
    write(outside.parent, outside.name, ARTICLE)
    (tmp_path / "link.txt").symlink_to(outside)
    real_read = folder_module.read_bytes

    def refuse_locked(path: Path, limit: int) -> bytes:
        if path.name == "locked.txt":
            raise PermissionError(13, "Permission denied")
        return real_read(path, limit)

    monkeypatch.setattr(folder_module, "read_bytes", refuse_locked)
    corpus = read_corpus(tmp_path, CONFIG)
    assert [article.source.id for article in corpus.articles] == ["article"]
    assert [(s.path, s.reason) for s in corpus.skipped] == [
        (".hidden.txt", "hidden file"),
        (
            "data.json",
            "unsupported file type .json (reads .htm, .html, .markdown, .md, .text, .txt)",
        ),
        ("link.txt", "symbolic link to outside the folder (use --follow-links to read it)"),
        ("locked.txt", "cannot be read (Permission denied)"),
        ("short.txt", "too short to be an article (27 characters of text, minimum 200)"),
        ("subfolder", "folder (not read: one folder holds one story)"),
    ]
    followed = read_corpus(tmp_path, IngestConfig(follow_links=True))
    assert "link" in [article.source.id for article in followed.articles]


def test_ids_use_the_file_name_when_stems_collide(tmp_path: Path) -> None:
    write(tmp_path, "story.txt", ARTICLE)
    write(tmp_path, "story.md", ARTICLE)
    write(tmp_path, "other.txt", ARTICLE)
    corpus = read_corpus(tmp_path, CONFIG)
    assert [a.source.id for a in corpus.articles] == ["other", "story.md", "story.txt"]


def test_text_is_capped_with_a_warning(tmp_path: Path) -> None:
    write(tmp_path, "long.txt", ARTICLE * 10)
    article = read_corpus(tmp_path, IngestConfig(max_chars=500)).articles[0]
    assert len(article.text) <= 500
    assert article.warnings == ("text cut to its first 500 characters",)


def test_folder_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="folder not found"):
        read_corpus(tmp_path / "nope", CONFIG)
    write(tmp_path, "file.txt", ARTICLE)
    with pytest.raises(InputError, match="not a folder"):
        read_corpus(tmp_path / "file.txt", CONFIG)
    empty = tmp_path / "empty"
    empty.mkdir()
    write(empty, "blank.txt", "\n\n")
    with pytest.raises(InputError, match="no article to read") as raised:
        read_corpus(empty, CONFIG)
    assert raised.value.path == str(empty)


def test_input_files_are_not_modified(tmp_path: Path) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    before = {p.name: p.read_bytes() for p in (tmp_path / "seeds").iterdir()}
    read_corpus(tmp_path / "seeds", CONFIG)
    assert {p.name: p.read_bytes() for p in (tmp_path / "seeds").iterdir()} == before
