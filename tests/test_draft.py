"""Reading drafts: prose sentences with offsets into the original text; bad files refused."""

from __future__ import annotations

from pathlib import Path

import pytest

from briefing.config import IngestConfig
from briefing.errors import InputError
from briefing.ingest.draft import Draft, read_draft

MARKDOWN = """---
title: not the heading
---
# A *brief* title

Xi backed **Putin's** bid.[^note] See [the AP
report](https://apnews.com/x "AP") for more. The U.S. said no.

- First item. Second item
  continues here.
- Third item with `code`.

> A quoted sentence.

```
Not prose. Not at all.
```

| cell one. | cell two. |
|---|---|
| a. | b. |

[^note]: The author's own note. It has two sentences.
"""


def write(tmp_path: Path, text: str | bytes, name: str = "draft.md") -> Path:
    path = tmp_path / name
    if isinstance(text, bytes):
        path.write_bytes(text)
    else:
        path.write_text(text, encoding="utf-8")
    return path


def read(tmp_path: Path, text: str | bytes, name: str = "draft.md") -> Draft:
    return read_draft(write(tmp_path, text, name), IngestConfig())


def test_markdown_prose_sentences_with_original_offsets(tmp_path: Path) -> None:
    draft = read(tmp_path, MARKDOWN)
    assert draft.title == "A brief title"
    assert draft.text == MARKDOWN
    found = [(s.text, draft.text[s.start : s.end], s.paragraph) for s in draft.sentences]
    assert found == [
        ("Xi backed Putin's bid.", "Xi backed **Putin's** bid.", 0),
        (
            "See the AP report for more.",
            'See [the AP\nreport](https://apnews.com/x "AP") for more.',
            0,
        ),
        ("The U.S. said no.", "The U.S. said no.", 0),
        ("First item.", "First item.", 1),
        ("Second item continues here.", "Second item\n  continues here.", 1),
        ("Third item with code.", "Third item with `code`.", 2),
        ("A quoted sentence.", "A quoted sentence.", 3),
    ]


def test_plain_text_title_is_the_file_stem(tmp_path: Path) -> None:
    text = "Putin and Xi spoke on Wednesday. They discussed NATO.\r\n\r\nXi backed Putin.\r\n"
    draft = read(tmp_path, text, "my-draft.txt")
    assert draft.title == "my-draft"
    spans = [(s.text, s.paragraph, text[s.start : s.end]) for s in draft.sentences]
    assert spans == [
        ("Putin and Xi spoke on Wednesday.", 0, "Putin and Xi spoke on Wednesday."),
        ("They discussed NATO.", 0, "They discussed NATO."),
        ("Xi backed Putin.", 1, "Xi backed Putin."),
    ]


def test_legacy_encoding_is_detected(tmp_path: Path) -> None:
    text = "The café’s owner said “no” — twice. Señor Peña agreed."
    draft = read(tmp_path, text.encode("cp1252"), "draft.txt")
    assert [s.text for s in draft.sentences] == [
        "The café’s owner said “no” — twice.",
        "Señor Peña agreed.",
    ]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"", "the draft is empty"),
        (b"   \n\n ", "the draft is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "binary file (PNG image)"),
        (b"# Only a heading\n", "the draft has no prose sentences to cite"),
    ],
)
def test_unusable_drafts_name_the_file(tmp_path: Path, content: bytes, reason: str) -> None:
    path = write(tmp_path, content)
    with pytest.raises(InputError) as error:
        read_draft(path, IngestConfig())
    assert str(error.value) == f"{path}: {reason}"


def test_missing_draft_and_folder(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_draft(tmp_path / "absent.md", IngestConfig())
    with pytest.raises(InputError, match="not a file"):
        read_draft(tmp_path, IngestConfig())


def test_too_long_draft_is_refused(tmp_path: Path) -> None:
    path = write(tmp_path, "Xi backed Putin. " * 20)
    with pytest.raises(InputError, match="longer than 100 characters"):
        read_draft(path, IngestConfig(max_chars=100))
