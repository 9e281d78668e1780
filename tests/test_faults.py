"""Fault injection: the real CLI killed, interrupted, run twice at once, out of disk.

After every fault the output folder must hold exactly one complete, self-consistent set (the
one a clean run writes, byte for byte) or the untouched previous one, and the next run must
leave nothing beside it. Figures and the command are in docs/reliability.md.
"""

from __future__ import annotations

import contextlib
import html
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

import briefing
from briefing.cli import app
from briefing.render import outset

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SRC = Path(briefing.__file__).resolve().parents[1]
# Kill runs: the issue asks for at least 50; BRIEFING_FAULT_RUNS=500 for a deeper run.
KILL_RUNS = int(os.environ.get("BRIEFING_FAULT_RUNS", "50"))
# Ctrl-C runs, on top of the kills.
INTERRUPT_RUNS = max(1, KILL_RUNS // 4)
SEED = int(os.environ.get("BRIEFING_FAULT_SEED", "17"))
# Two option sets that give two different briefs, so old and new sets can be told apart.
VARIANTS = {"A": ["--sentences", "4"], "B": ["--sentences", "6"]}
CITE_DRAFT = "Putin demanded that NATO not expand into Ukraine. Xi backed him.\n"
# Kills land anywhere from start-up to the time a clean run took; runs that finish before
# their kill (the machine got faster) are counted apart and do not count towards the kills.
KILL_SPAN = 1.0
# Give up (and fail) if that many runs in a row finish first: the span is wrong.
MAX_RUNS_PER_KILL = 4
# Ctrl-C while Python starts (before briefing's first lines) or shuts down (after the run has
# finished) gets Python's own answer: killed by SIGINT. docs/reliability.md lists both
# windows, and the harness counts such runs apart.
PYTHON_ANSWER = -signal.SIGINT
BRIEF_FILES = ("brief.md", "audit.md", "brief.json", "audit.html")
CITE_FILES = ("cited.md", "audit.md", "cited.json")
# A size-limited file system for the full-disk case: room for two sets and nothing more.
DISK_BYTES = 1 << 20
# Room left on the full disk: two pages, enough for the lock file, not for a set (46 KB).
FREE_BYTES = 8192


def env() -> dict[str, str]:
    return {
        **os.environ,
        "PYTHONPATH": os.pathsep.join([str(SRC), os.environ.get("PYTHONPATH", "")]),
        "OMP_NUM_THREADS": "1",
        "TOKENIZERS_PARALLELISM": "false",
    }


def command(*args: str | Path) -> list[str]:
    return [sys.executable, "-m", "briefing", *map(str, args)]


def build_args(story: Path, out: Path, variant: str) -> list[str]:
    return command("build", story, "-o", out, "--embedder", "tfidf", *VARIANTS[variant])


def start(args: list[str]) -> subprocess.Popen[str]:
    return subprocess.Popen(
        args, env=env(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True
    )


def run(args: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, env=env(), capture_output=True, text=True, check=False)


def read_set(folder: Path) -> dict[str, bytes] | None:
    """The folder's files, or None when it is missing."""
    if not folder.is_dir():
        return None
    return {entry.name: entry.read_bytes() for entry in folder.iterdir()}


def unescape(markdown: str) -> str:
    return re.sub(r"\\([!-/:-@\[-`{-~])", r"\1", markdown)


def consistent(files: dict[str, bytes], names: tuple[str, ...]) -> bool:
    """The Markdown files and the JSON describe the same sentences."""
    if sorted(files) != sorted(names):
        return False
    markdown, audit, data = (files[name].decode("utf-8") for name in names[:3])
    sentences = [s["text"] for s in json.loads(data)["sentences"]]
    table = audit.split("## Sentences", 1)[1].split("\n## ", 1)[0]
    rows = [line for line in table.splitlines() if re.match(r"\| \d+ \|", line)]
    body = [line for line in markdown.splitlines() if not line.startswith("[^")]
    pages = [files[name].decode("utf-8") for name in names[3:]]  # audit.html: the same sentences
    # A brief's every sentence ends in footnote marks; a cited draft's unsupported ones do not.
    marked = len(re.findall(r"(?:\[\^\d+\])+(?=\s|$)", "\n".join(body)))
    return (
        len(rows) == len(sentences)
        and (names[0] != "brief.md" or marked == len(sentences))
        and all(text in unescape(markdown) for text in sentences)
        and all(text in unescape(row) for text, row in zip(sentences, rows, strict=True))
        and all(text in html.unescape(page) for page in pages for text in sentences)
    )


def classify(folder: Path, known: dict[str, dict[str, bytes]]) -> str:
    """The name of the known set the folder holds byte for byte, 'missing' or 'mixed'."""
    files = read_set(folder)
    if files is None:
        return "missing"
    return next((name for name, expected in known.items() if files == expected), "mixed")


def beside(out: Path) -> list[str]:
    """What a run left next to its output folder."""
    return sorted(entry.name for entry in out.parent.iterdir() if entry.name != out.name)


@pytest.fixture(scope="module")
def story(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("story") / "summit"
    shutil.copytree(SEEDS, folder)
    return folder


@pytest.fixture(scope="module")
def references(story: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """The set a clean run writes for each variant, and how long a clean run takes."""
    root = tmp_path_factory.mktemp("references")
    sets: dict[str, dict[str, bytes]] = {}
    began = time.monotonic()
    for variant in VARIANTS:
        result = run(build_args(story, root / variant, variant))
        assert result.returncode == 0, result.stderr
        files = read_set(root / variant)
        assert files is not None and consistent(files, BRIEF_FILES)
        sets[variant] = files
    assert sets["A"] != sets["B"]
    return {"sets": sets, "seconds": (time.monotonic() - began) / len(VARIANTS)}


def test_the_consistency_check_can_fail(references: dict[str, object]) -> None:
    sets = references["sets"]
    assert isinstance(sets, dict)
    mixed = {**sets["A"], "audit.md": sets["B"]["audit.md"]}
    assert not consistent(mixed, BRIEF_FILES)
    assert not consistent({**sets["A"], "brief.md": sets["B"]["brief.md"]}, BRIEF_FILES)
    assert not consistent({k: v for k, v in sets["A"].items() if k != "audit.md"}, BRIEF_FILES)


def kill_series(
    story: Path, out: Path, references: dict[str, object], runs: int, signum: int
) -> Counter[str]:
    """Builds sent `signum` at seeded random moments until `runs` of them were stopped by it;
    the folder is checked after each, before any other run could repair it."""
    sets, seconds = references["sets"], references["seconds"]
    assert isinstance(sets, dict) and isinstance(seconds, float)
    rng = random.Random(f"{SEED}-{signum}")
    tally: Counter[str] = Counter()
    current = "A"
    shutil.rmtree(out, ignore_errors=True)
    assert run(build_args(story, out, current)).returncode == 0
    while tally["killed"] < runs:
        assert tally["runs"] < runs * MAX_RUNS_PER_KILL, dict(tally)
        new = "B" if current == "A" else "A"
        before = set(beside(out))
        process = start(build_args(story, out, new))
        time.sleep(rng.uniform(0, seconds * KILL_SPAN))
        process.send_signal(signum)
        _, stderr = process.communicate()
        state = classify(out, sets)
        tally["runs"] += 1
        tally["finished first" if process.returncode == 0 else "killed"] += 1
        tally["old set" if state == current else "new set" if state == new else "lost"] += 1
        assert state in {current, new}, f"{state} after {process.returncode}: {stderr}"
        if signum == signal.SIGINT and process.returncode == PYTHON_ANSWER:
            tally[python_answered(stderr, state == new)] += 1
            assert set(beside(out)) <= before
        elif signum == signal.SIGINT and process.returncode != 0:
            check_interrupted(process.returncode, stderr, before, beside(out))
        current = state
    final = "B" if current == "A" else "A"
    result = run(build_args(story, out, final))
    assert result.returncode == 0, result.stderr
    assert classify(out, sets) == final
    assert beside(out) == [], "the next run cleans up what killed runs left"
    return tally


def python_answered(stderr: str, written: bool) -> str:
    """Ctrl-C that Python answered itself: while starting, before briefing's first lines
    (killed by SIGINT, perhaps with a KeyboardInterrupt traceback), or while shutting down
    after the run had written its set and said so (killed by SIGINT, no further line)."""
    assert "error:" not in stderr, stderr
    if written and "wrote brief.md, audit.md, audit.html, brief.json to" in stderr:
        assert "Traceback" not in stderr, stderr
        return "after the run had finished (Python shutting down)"
    assert not stderr or stderr.rstrip().endswith("KeyboardInterrupt"), stderr
    return "before briefing had started (Python starting)"


def check_interrupted(status: int, stderr: str, before: set[str], after: list[str]) -> None:
    """Ctrl-C: exit 130, one line, nothing new left beside the folder."""
    assert status == 130, stderr
    assert "Traceback" not in stderr
    assert [line for line in stderr.splitlines() if line.startswith("error:")] == [
        "error: interrupted"
    ], stderr
    assert set(after) <= before, after


def test_kill_at_random_moments(story: Path, references: dict[str, object], tmp_path: Path) -> None:
    tally = kill_series(story, tmp_path / "out", references, KILL_RUNS, signal.SIGKILL)
    print(f"\nkill -9: {dict(tally)}")
    assert tally["lost"] == 0


def test_interrupt_at_random_moments(
    story: Path, references: dict[str, object], tmp_path: Path
) -> None:
    tally = kill_series(story, tmp_path / "out", references, INTERRUPT_RUNS, signal.SIGINT)
    print(f"\nCtrl-C: {dict(tally)}")
    assert tally["lost"] == 0


# The child of the step test: it ends itself (as kill -9 would) just before its STEP-th
# system call that changes the disk, while writing a set under the folder's lock.
STEP_CHILD = textwrap.dedent(
    """
    import json, os, sys
    from pathlib import Path
    from briefing.render import outset

    out, new, step, swap = Path(sys.argv[1]), json.loads(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
    calls = 0
    def counted(real):
        def call(*args, **kwargs):
            global calls
            calls += 1
            if calls == step:
                os._exit(137)
            return real(*args, **kwargs)
        return call
    for name in ("open", "write", "fsync", "rename", "mkdir", "rmdir", "unlink", "chmod",
                 "ftruncate"):
        setattr(os, name, counted(getattr(os, name)))
    outset._exchange = counted(outset._exchange if swap == "swap" else lambda a, b: False)
    with outset.claimed(out):
        outset.replace_set(out, {k: v.encode() for k, v in new.items()})
    """
)


@pytest.mark.parametrize("switch", ["swap", "renames"])
def test_kill_before_every_step_of_a_switch(tmp_path: Path, switch: str) -> None:
    """Every system call of a run's writing, one kill before each: the folder holds the old
    set or the new one (with two renames, the gap between them is repaired by the next run)."""
    old = {"brief.md": "old\n", "audit.md": "old\n", "brief.json": "{}\n"}
    new = {"brief.md": "new\n", "audit.md": "new\n", "brief.json": "[]\n"}
    known = {
        name: {k: v.encode() for k, v in files.items()}
        for name, files in (("old", old), ("new", new))
    }
    out = tmp_path / "out"
    tally: Counter[str] = Counter()
    for step in range(1, 200):
        shutil.rmtree(tmp_path)
        tmp_path.mkdir()
        outset.replace_set(out, known["old"])
        child = run(
            [sys.executable, "-c", STEP_CHILD, str(out), json.dumps(new), str(step), switch]
        )
        state = classify(out, known)
        if state == "missing" and switch == "renames":
            tally["in the gap between the renames"] += 1
        else:
            assert state in {"old", "new"}, (step, state, child.stderr)
        with outset.claimed(out):  # what the next run does first
            pass
        assert classify(out, known) == (state if state != "missing" else "old")
        assert beside(out) == [], (step, beside(out))
        tally[f"then {classify(out, known)}"] += 1
        if child.returncode == 0:
            break
        assert child.returncode == 137, child.stderr
    else:
        pytest.fail("the write never finished")
    print(f"\n{switch}: {step} steps, {dict(tally)}")
    assert tally["then new"] >= 1 and tally["then old"] >= 1


# ------------------------------------------------------------------------ two runs at once


@contextlib.contextmanager
def reader(out: Path, seen: Counter[str], known: dict[str, dict[str, bytes]]) -> Iterator[None]:
    """Reads the folder as a newsletter job would, all along, until the block ends."""
    done = threading.Event()

    def watch() -> None:
        while not done.is_set():
            with contextlib.suppress(FileNotFoundError, NotADirectoryError):
                handle = os.open(out, os.O_RDONLY)
                try:
                    files = {}
                    for name in BRIEF_FILES:
                        fd = os.open(name, os.O_RDONLY, dir_fd=handle)
                        with os.fdopen(fd, "rb") as stream:
                            files[name] = stream.read()
                finally:
                    os.close(handle)
                # A file missing (FileNotFoundError above) means the folder this reader
                # opened was replaced and is being removed: it reads again.
                seen[next((n for n, k in known.items() if k == files), "mixed")] += 1
            time.sleep(0.005)

    thread = threading.Thread(target=watch)
    thread.start()
    try:
        yield
    finally:
        done.set()
        thread.join()


def test_two_builds_at_once(story: Path, references: dict[str, object], tmp_path: Path) -> None:
    sets = references["sets"]
    assert isinstance(sets, dict)
    out = tmp_path / "out"
    assert run(build_args(story, out, "A")).returncode == 0
    seen: Counter[str] = Counter()
    statuses: Counter[int] = Counter()
    with reader(out, seen, sets):
        for _ in range(3):
            first, second = (start(build_args(story, out, v)) for v in ("B", "A"))
            for process in (first, second):
                _, stderr = process.communicate()
                statuses[process.returncode] += 1
                assert "Traceback" not in stderr
                if process.returncode != 0:
                    assert process.returncode == 2, stderr
                    assert "another briefing run (process" in stderr
            assert classify(out, sets) in {"A", "B"}
    print(f"\ntwo at once: exit statuses {dict(statuses)}, reader saw {dict(seen)}")
    assert seen["mixed"] == 0 and seen["A"] + seen["B"] > 0
    assert beside(out) == []


def test_a_held_lock_fails_with_one_line_naming_the_holder(
    story: Path, references: dict[str, object], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sets = references["sets"]
    assert isinstance(sets, dict)
    out = tmp_path / "out"
    outset.replace_set(out, sets["A"])
    holder = start([sys.executable, "-c", HOLD_LOCK, str(out)])
    assert holder.stdout is not None and holder.stdout.readline() == "held\n"
    monkeypatch.setattr(outset, "LOCK_WAIT_S", 0.5)
    try:
        result = CliRunner().invoke(
            app, ["build", str(story), "-o", str(out), "--embedder", "tfidf"]
        )
    finally:
        holder.kill()
        holder.communicate()
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1] == (
        f"error: {out}: another briefing run (process {holder.pid}) is writing this folder; "
        "waited 0.5 s (try again when it has finished)"
    )
    assert classify(out, sets) == "A"
    # The holder was killed holding the lock: the next run takes it over at once.
    result = CliRunner().invoke(app, ["build", str(story), "-o", str(out), "--embedder", "tfidf"])
    assert result.exit_code == 0, result.stderr
    assert beside(out) == []


HOLD_LOCK = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from briefing.render import outset
    with outset.claimed(Path(sys.argv[1])):
        print("held", flush=True)
        time.sleep(60)
    """
)


# ------------------------------------------------------------- full disk, read-only disk


def can_mount() -> bool:
    """A size-limited tmpfs can be mounted here (root with CAP_SYS_ADMIN, Linux)."""
    if not sys.platform.startswith("linux") or shutil.which("mount") is None:
        return False
    probe = Path(f"/tmp/briefing-mount-probe-{os.getpid()}")
    probe.mkdir(exist_ok=True)
    try:
        mounted = run(["mount", "-t", "tmpfs", "-o", "size=64k", "tmpfs", str(probe)])
        if mounted.returncode != 0:
            return False
        run(["umount", str(probe)])
        return True
    finally:
        probe.rmdir()


@contextlib.contextmanager
def small_disk(path: Path) -> Iterator[Path]:
    path.mkdir()
    assert (
        run(["mount", "-t", "tmpfs", "-o", f"size={DISK_BYTES}", "tmpfs", str(path)]).returncode
        == 0
    )
    try:
        yield path
    finally:
        run(["umount", "-l", str(path)])


def fill(disk: Path) -> None:
    """Fill the disk, then free FREE_BYTES: the lock fits, a set does not."""
    filler = disk / "filler"
    with filler.open("wb", buffering=0) as handle, contextlib.suppress(OSError):
        while True:
            handle.write(b"\0" * 4096)
    os.truncate(filler, filler.stat().st_size - FREE_BYTES)


@pytest.mark.parametrize("disk", ["tmpfs", "seam"])
def test_full_disk_and_read_only_disk(
    story: Path,
    references: dict[str, object],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    disk: str,
) -> None:
    """On a real small file system where the machine lets a test mount one (else, and also,
    through the writer's seam: ENOSPC from fsync, EROFS from mkdir): one line, exit 2, the
    previous set as it was, nothing beside it."""
    sets = references["sets"]
    assert isinstance(sets, dict)
    real = disk == "tmpfs" and can_mount()
    if real:
        statuses = tmpfs_faults(story, tmp_path / "disk", sets)
    else:
        statuses = seam_faults(story, tmp_path / "out", sets, monkeypatch)
    for (status, stderr), reason in zip(
        statuses, ("No space left on device", "Read-only file system"), strict=True
    ):
        lines = [line for line in stderr.splitlines() if line.startswith("error:")]
        assert status == 2 and len(lines) == 1 and reason in lines[0], stderr
        assert "Traceback" not in stderr
    print(f"\n{'real tmpfs' if real else 'seam'}: {[e.strip() for _, e in statuses]}")


def tmpfs_faults(
    story: Path, mount: Path, sets: dict[str, dict[str, bytes]]
) -> list[tuple[int, str]]:
    with small_disk(mount) as disk:
        out = disk / "out"
        assert run(build_args(story, out, "A")).returncode == 0
        fill(disk)
        full = run(build_args(story, out, "B"))
        assert classify(out, sets) == "A" and beside(out) == ["filler"], full.stderr
        (disk / "filler").unlink()
        assert run(["mount", "-o", "remount,ro", str(disk)]).returncode == 0
        read_only = run(build_args(story, out, "B"))
        assert run(["mount", "-o", "remount,rw", str(disk)]).returncode == 0
        assert classify(out, sets) == "A" and beside(out) == []
        assert run(build_args(story, out, "B")).returncode == 0
        assert classify(out, sets) == "B" and beside(out) == []
    return [(full.returncode, full.stderr), (read_only.returncode, read_only.stderr)]


def seam_faults(
    story: Path, out: Path, sets: dict[str, dict[str, bytes]], monkeypatch: pytest.MonkeyPatch
) -> list[tuple[int, str]]:
    outset.replace_set(out, sets["A"])
    args = ["build", str(story), "-o", str(out), "--embedder", "tfidf", *VARIANTS["B"]]
    results = []
    for name, error in (("fsync", 28), ("mkdir", 30)):
        with monkeypatch.context() as patch:
            patch.setattr(os, name, failing(getattr(os, name), error))
            result = CliRunner().invoke(app, args)
        assert classify(out, sets) == "A" and beside(out) == []
        results.append((result.exit_code, result.stderr))
    return results


def failing(real: object, error: int) -> object:
    def call(*args: object, **kwargs: object) -> None:
        raise OSError(error, os.strerror(error))

    return call


# ----------------------------------------------------------------------- batch and cite


def test_batch_and_cite_write_whole_sets_when_killed(story: Path, tmp_path: Path) -> None:
    parent = tmp_path / "stories"
    for name in ("one", "two"):
        shutil.copytree(story, parent / name)
    out = tmp_path / "out"
    draft = tmp_path / "draft.md"
    draft.write_text(CITE_DRAFT, encoding="utf-8")
    batch = command("build", parent, "--per-folder", "-o", out, "--embedder", "tfidf")
    cite = command("cite", draft, story, "-o", tmp_path / "cited", "--embedder", "tfidf")
    rng = random.Random(SEED)
    for args, folders, names in (
        (batch, [out / "one", out / "two"], BRIEF_FILES),
        (cite, [tmp_path / "cited"], CITE_FILES),
    ):
        began = time.monotonic()
        assert run(args).returncode == 0
        seconds = time.monotonic() - began
        for _ in range(4):
            process = start(args)
            time.sleep(rng.uniform(0, seconds * KILL_SPAN))
            process.kill()
            process.communicate()
            for folder in folders:
                files = read_set(folder)
                assert files is not None and consistent(files, names), folder
        assert run(args).returncode == 0
    assert sorted(p.name for p in out.iterdir()) == ["one", "two"]
    assert not [p for p in tmp_path.rglob("*") if ".briefing" in p.name]


# ------------------------------------------------------------------------ huge input

# A file this big must never be read whole: a sparse file whose first megabyte is text and
# whose rest is a hole costs no disk, yet reading it all would take 1 GiB of memory.
HUGE_FILE_BYTES = 1 << 30
HEAD_BYTES = 1 << 20
# What a huge file may add to the peak memory of a run on the seeds alone: the capped text
# (200,000 characters read as at most 800 KB) and its sentences, far below the file's size.
EXTRA_PEAK_MB = 100


def huge_file(path: Path) -> Path:
    paragraph = (SEEDS / sorted(p.name for p in SEEDS.glob("*.txt"))[1]).read_text("utf-8")
    with path.open("w", encoding="utf-8") as handle:
        handle.write("A very long article about the summit\n\n")
        while handle.tell() < HEAD_BYTES:
            handle.write(paragraph.replace("\n", " ") + "\n\n")
    os.truncate(path, HUGE_FILE_BYTES)
    return path


def peak_mb(args: list[str], tmp_path: Path) -> tuple[int, str, float]:
    """Run the CLI in a child that reports its own peak resident memory (VmHWM; ru_maxrss
    would carry over the forked test process's)."""
    report = tmp_path / "peak.txt"
    code = textwrap.dedent(
        f"""
        import re, sys
        from briefing.cli import app
        try:
            app({args!r})
        except SystemExit as exc:
            status = exc.code or 0
        text = open("/proc/self/status").read()
        peak = int(re.search(r"VmHWM:\\s+(\\d+) kB", text).group(1)) / 1024
        open({str(report)!r}, "w").write(str(peak))
        sys.exit(status)
        """
    )
    done = run([sys.executable, "-c", code])
    return done.returncode, done.stderr, float(report.read_text(encoding="utf-8"))


@pytest.mark.skipif(not Path("/proc/self/status").exists(), reason="needs Linux /proc")
def test_a_gigabyte_file_is_never_read_whole(story: Path, tmp_path: Path) -> None:
    base = ["--embedder", "tfidf", "-o"]
    status, stderr, alone = peak_mb(["build", str(story), *base, str(tmp_path / "a")], tmp_path)
    assert status == 0, stderr
    folder = tmp_path / "story"
    shutil.copytree(story, folder)
    huge_file(folder / "huge.txt")
    status, stderr, article = peak_mb(["build", str(folder), *base, str(tmp_path / "b")], tmp_path)
    assert status == 0, stderr
    assert "huge.txt: text cut to its first 200000 characters" in stderr
    draft = huge_file(tmp_path / "draft.md")
    args = ["cite", str(draft), str(story), *base, str(tmp_path / "c")]
    status, stderr, cite = peak_mb(args, tmp_path)
    assert status == 2 and "the draft is longer than 200000 characters" in stderr, stderr
    manifest = folder / "sources.csv"
    manifest.write_text("file,outlet,domain,url,published,credibility\n", encoding="utf-8")
    os.truncate(manifest, HUGE_FILE_BYTES)
    status, stderr, table = peak_mb(["build", str(folder), *base, str(tmp_path / "d")], tmp_path)
    assert status == 2 and "sources.csv: larger than" in stderr, stderr
    print(
        f"\npeak MB: seeds {alone:.0f}, +1 GiB article {article:.0f}, 1 GiB draft {cite:.0f}, "
        f"1 GiB sources.csv {table:.0f}"
    )
    assert max(article, cite, table) < alone + EXTRA_PEAK_MB


def _library_error_of_a_ctrl_c(*_: object) -> int:
    """What an extension module does when Ctrl-C lands while it loads."""
    try:
        os.kill(os.getpid(), signal.SIGINT)
        time.sleep(1)  # the handler runs at the next bytecode; this is never reached
    except KeyboardInterrupt:
        raise ImportError("initialization failed") from None
    return 0


def _library_error(*_: object) -> int:
    raise ImportError("initialization failed")


def test_ctrl_c_that_a_library_turned_into_its_own_error_is_an_interruption(
    story: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    args = ["build", str(story), "-o", str(tmp_path / "out"), "--embedder", "tfidf"]
    monkeypatch.setattr("briefing.batch.build_stories", _library_error_of_a_ctrl_c)
    interrupted = CliRunner().invoke(app, args)
    assert (interrupted.exit_code, interrupted.stderr) == (130, "error: interrupted\n")
    monkeypatch.setattr("briefing.batch.build_stories", _library_error)
    failed = CliRunner().invoke(app, args)  # the next run without Ctrl-C: a bug again
    assert failed.exit_code == 1 and "internal error" in failed.stderr


# A library whose code, run through PyRun_String as Cython modules run theirs while they load,
# catches the Ctrl-C and raises its own error: CPython still records an unhandled Ctrl-C.
LIBRARY_RUNNING_CODE = textwrap.dedent(
    """
    import ctypes
    from briefing import __main__ as entry, batch

    run = ctypes.pythonapi.PyRun_String
    run.restype = ctypes.py_object
    run.argtypes = [ctypes.c_char_p, ctypes.c_int, ctypes.py_object, ctypes.py_object]
    FILE_INPUT = 257  # Py_file_input

    def build_stories(*_):
        code = b"import os, signal, time\\nos.kill(os.getpid(), signal.SIGINT)\\ntime.sleep(1)"
        try:
            run(code, FILE_INPUT, {}, {})
        except KeyboardInterrupt:
            raise ImportError("initialization failed") from None

    batch.build_stories = build_stories
    entry.main()
    """
)


def test_python_m_briefing_exits_130_when_a_library_ran_the_interrupted_code(
    story: Path, tmp_path: Path
) -> None:
    (tmp_path / "library_running_code.py").write_text(LIBRARY_RUNNING_CODE, encoding="utf-8")
    args = [sys.executable, "-m", "library_running_code", "build", str(story)]
    environment = env()
    environment["PYTHONPATH"] = os.pathsep.join([str(tmp_path), environment["PYTHONPATH"]])
    result = subprocess.run(
        [*args, "-o", str(tmp_path / "out"), "--embedder", "tfidf"],
        env=environment,
        capture_output=True,
        text=True,
        check=False,
    )
    assert (result.returncode, result.stderr) == (130, "error: interrupted\n")
