"""The output folder: early checks, atomic writes that never half-replace, one-line summaries."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from briefing.errors import OutputError
from briefing.models import Brief, BriefSentence, Draft, DraftSpan, Evidence, Source, Suppressed
from briefing.render import outputs, outset
from briefing.render.markdown import citation_refs, footnote_problems


def tiny_brief(fallback: str | None = None, supported: tuple[bool, ...] = (True,)) -> Brief:
    sentences = tuple(
        BriefSentence(
            text=f"Sentence {n}.",
            citations=("a",) if ok else (),
            evidence=(Evidence(source_id="a", sentence="A.", score=0.5),) if ok else (),
            supported=ok,
        )
        for n, ok in enumerate(supported)
    )
    return Brief(
        title="Summit",
        mode="extractive",
        fallback_reason=fallback,
        sentences=sentences,
        sources=(Source(id="a", path="a.txt", outlet="AP"), Source(id="b", path="b.txt")),
        suppressed=(
            Suppressed(text="x", source_ids=("b",), reason="single low-credibility source"),
        ),
    )


def listing(folder: Path) -> dict[str, str]:
    return {path.name: path.read_text(encoding="utf-8") for path in sorted(folder.iterdir())}


def test_check_output_dir_creates_the_folders_above_and_leaves_no_probe(tmp_path: Path) -> None:
    target = tmp_path / "out" / "story"
    outputs.check_output_dir(target)
    assert (tmp_path / "out").is_dir()
    assert list((tmp_path / "out").iterdir()) == []


def test_check_output_dir_refuses_a_file(tmp_path: Path) -> None:
    target = tmp_path / "brief"
    target.write_text("keep me", encoding="utf-8")
    with pytest.raises(OutputError, match="exists and is not a folder") as caught:
        outputs.check_output_dir(target)
    assert str(target) in str(caught.value)
    assert caught.value.exit_code == 2
    assert target.read_text(encoding="utf-8") == "keep me"


def test_check_output_dir_refuses_a_folder_under_a_file(tmp_path: Path) -> None:
    (tmp_path / "file").write_text("", encoding="utf-8")
    with pytest.raises(OutputError, match="cannot write the output folder") as caught:
        outputs.check_output_dir(tmp_path / "file" / "out")
    assert caught.value.path == str(tmp_path / "file" / "out")


def test_write_files_writes_exact_bytes_and_mode(tmp_path: Path) -> None:
    outputs.write_files(tmp_path, {"a.md": "é\r\nline\n", "b.json": "{}\n"})
    assert (tmp_path / "a.md").read_bytes() == "é\r\nline\n".encode()
    assert listing(tmp_path) == {"a.md": "é\nline\n", "b.json": "{}\n"}
    mask = os.umask(0)
    os.umask(mask)
    assert (tmp_path / "b.json").stat().st_mode & 0o777 == 0o666 & ~mask


def test_write_files_replaces_previous_outputs(tmp_path: Path) -> None:
    outputs.write_files(tmp_path, {"a.md": "old\n"})
    outputs.write_files(tmp_path, {"a.md": "new\n"})
    assert listing(tmp_path) == {"a.md": "new\n"}


def test_failed_write_leaves_previous_outputs_and_no_temps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    outputs.write_files(tmp_path, {"a.md": "old a\n", "b.md": "old b\n"})
    real_fsync = os.fsync
    calls: list[int] = []

    def failing_fsync(handle: int) -> None:
        calls.append(handle)
        if len(calls) == 2:
            raise OSError(28, "No space left on device")
        real_fsync(handle)

    monkeypatch.setattr(os, "fsync", failing_fsync)
    with pytest.raises(OutputError, match="No space left on device") as caught:
        outputs.write_files(tmp_path, {"a.md": "new a\n", "b.md": "new b\n"})
    assert caught.value.path == str(tmp_path)
    assert listing(tmp_path) == {"a.md": "old a\n", "b.md": "old b\n"}


@pytest.mark.parametrize("swap", [True, False])
def test_failed_switch_keeps_the_old_set_and_leaves_nothing_beside(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, swap: bool
) -> None:
    out = tmp_path / "out"
    outputs.write_files(out, {"brief.md": "old\n", "audit.md": "old\n"})
    real_rename = os.rename

    def failing_rename(source: str | Path, target: str | Path) -> None:
        # The new set going in fails; the old one going aside and back passes.
        if Path(target) == out and Path(source).name.startswith(".out.briefing-set-"):
            raise OSError(5, "Input/output error")
        real_rename(source, target)

    monkeypatch.setattr(os, "rename", failing_rename)
    if not swap:
        monkeypatch.setattr(outset, "_exchange", lambda first, second: False)
    else:
        monkeypatch.setattr(outset, "_exchange", failing_exchange)
    with pytest.raises(OutputError, match="Input/output error"):
        outputs.write_files(out, {"brief.md": "new\n", "audit.md": "new\n"})
    assert listing(out) == {"audit.md": "old\n", "brief.md": "old\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def failing_exchange(first: Path, second: Path) -> bool:
    raise OSError(5, "Input/output error")


def test_the_new_set_replaces_every_output_of_the_old_one(tmp_path: Path) -> None:
    """cite after build: build's brief.md would not go with cite's audit.md."""
    outputs.write_files(tmp_path / "out", {"brief.md": "b\n", "audit.md": "a\n"})
    outputs.write_files(tmp_path / "out", {"cited.md": "c\n", "audit.md": "a2\n"})
    assert listing(tmp_path / "out") == {"audit.md": "a2\n", "cited.md": "c\n"}


@pytest.mark.parametrize("name", ["", ".", "..", "../x.md", "sub/x.md"])
def test_write_files_only_writes_plain_names(tmp_path: Path, name: str) -> None:
    with pytest.raises(ValueError, match="plain name"):
        outputs.write_files(tmp_path / "out", {name: "x"})
    assert list(tmp_path.iterdir()) == []


def test_write_brief_writes_the_three_files(tmp_path: Path) -> None:
    outputs.write_brief(tiny_brief(), tmp_path / "out")
    files = listing(tmp_path / "out")
    assert sorted(files) == ["audit.html", "audit.md", "brief.json", "brief.md"]
    assert files["brief.md"].startswith("# Summit\n\nSentence 0.[^1]\n")
    assert footnote_problems(files["brief.md"]) == []
    assert files["audit.md"].startswith("# Citation audit: Summit\n")
    assert json.loads(files["brief.json"])["kind"] == "brief"


def test_write_brief_is_byte_deterministic(tmp_path: Path) -> None:
    outputs.write_brief(tiny_brief(), tmp_path / "one")
    outputs.write_brief(tiny_brief(), tmp_path / "two")
    assert listing(tmp_path / "one") == listing(tmp_path / "two")


def test_write_cited_writes_the_draft_with_marks_audit_and_json(tmp_path: Path) -> None:
    text = "Sentence 0. Sentence 1.\n"
    draft = Draft(
        path="draft.md",
        text=text,
        title="Summit",
        sentences=(
            DraftSpan(text="Sentence 0.", start=0, end=11, paragraph=0),
            DraftSpan(text="Sentence 1.", start=12, end=23, paragraph=0),
        ),
    )
    outputs.write_cited(draft, tiny_brief(supported=(True, False)), tmp_path)
    files = listing(tmp_path)
    assert sorted(files) == ["audit.md", "cited.json", "cited.md"]
    assert files["cited.md"].startswith("Sentence 0.[^1] Sentence 1. \\[unsupported\\]\n")
    assert "[^1]: AP" in files["cited.md"]
    assert files["audit.md"].startswith("# Citation audit of the draft: Summit\n")
    data = json.loads(files["cited.json"])
    assert (data["kind"], [s["supported"] for s in data["sentences"]]) == ("cite", [True, False])


def test_brief_summary(tmp_path: Path) -> None:
    assert outputs.brief_summary(tiny_brief(), tmp_path) == (
        f"1 sentence, 1 source cited, 1 claim suppressed; "
        f"wrote brief.md, audit.md, audit.html, brief.json to {tmp_path}"
    )
    fell_back = outputs.brief_summary(tiny_brief("too little verified"), tmp_path)
    assert fell_back.endswith("; fell back to extractive: too little verified")


def test_cite_summary(tmp_path: Path) -> None:
    assert outputs.cite_summary(tiny_brief(supported=(True, False, False)), tmp_path) == (
        "3 sentences, 1 supported, 2 unsupported; "
        f"wrote cited.md, audit.md, cited.json to {tmp_path}"
    )


def test_cite_summary_counts_partly_supported_sentences(tmp_path: Path) -> None:
    partly = tiny_brief(supported=(True, True, False))
    first, second, third = partly.sentences
    partly = partly.model_copy(
        update={"sentences": (first, second.model_copy(update={"supported": False}), third)}
    )
    assert outputs.cite_summary(partly, tmp_path).startswith(
        "3 sentences, 1 supported, 1 partly supported, 1 unsupported; "
    )


def test_a_folder_holding_other_files_is_refused_untouched(tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    (out / "notes.txt").write_text("mine\n", encoding="utf-8")
    with (
        pytest.raises(OutputError, match=r"holds 'notes\.txt', which briefing did not write"),
        outputs.output_dir(out),
    ):
        pytest.fail("the work must not start")
    assert listing(out) == {"notes.txt": "mine\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_desktop_clutter_goes_with_the_old_set(tmp_path: Path) -> None:
    out = tmp_path / "out"
    outputs.write_files(out, {"brief.md": "old\n"})
    (out / ".DS_Store").write_bytes(b"\0\1")
    with outputs.output_dir(out):
        outputs.write_files(out, {"brief.md": "new\n"})
    assert listing(out) == {"brief.md": "new\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_a_linked_output_folder_stays_a_link(tmp_path: Path) -> None:
    (tmp_path / "real").mkdir()
    link = tmp_path / "link"
    link.symlink_to(tmp_path / "real", target_is_directory=True)
    with outputs.output_dir(link):
        outputs.write_files(link, {"brief.md": "new\n"})
    assert link.is_symlink()
    assert listing(tmp_path / "real") == {"brief.md": "new\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link", "real"]


def test_the_next_run_puts_back_a_set_left_aside_by_a_kill(tmp_path: Path) -> None:
    """A kill between the two renames of the portable switch (see test_faults for every
    step): the old set is aside, OUTPUT_DIR is missing."""
    out = tmp_path / "out"
    outputs.write_files(out, {"brief.md": "old\n"})
    out.rename(tmp_path / ".out.briefing-old-0123abcd")
    (tmp_path / ".out.briefing-set-x1y2z3w4").mkdir()
    (tmp_path / ".out.briefing-set-x1y2z3w4" / "brief.md").write_text("new\n", encoding="utf-8")
    with outputs.output_dir(out):
        assert listing(out) == {"brief.md": "old\n"}
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"]


def test_footnote_references_ascend_whatever_order_the_citations_come_in() -> None:
    numbers = {"ap": 1, "rt": 2, "bbc": 3}
    assert citation_refs(["bbc", "ap", "bbc"], numbers) == "[^1][^3]"
    assert citation_refs(["rt"], numbers) == "[^2]"
