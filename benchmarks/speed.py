"""Speed and memory of `briefing build`: cold start, warm batch against sumy, and scaling.

`goals` runs the comparisons of issue 14 side by side, each repeated and reported by its
median: cold `briefing build seeds/` against a fresh Python process running sumy TextRank on
the same files, batch time per story against TextRank, 1,000 articles with MiniLM, which
heavy modules a default build imports, and the floor under the MiniLM batch goal: the model's
forward pass over each story's sentences alone.

Every briefing figure is one `briefing build` subprocess, timed by wall clock, its peak
resident memory read from the kernel's rusage for that child (os.wait4). Results accumulate
in benchmarks/results/speed.json, so long runs can be done in pieces; `report` turns them into
the tables and plots of docs/benchmarks.md. Usage: `.venv/bin/python benchmarks/speed.py --help`.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from devset import CACHE_DIR, REPO_ROOT, load_clusters, write_cluster
from report import RESULTS_DIR, machine, revision, save_json
from synth import multi_folder, single_folder

log = logging.getLogger("speed")

BRIEFING = Path(sys.executable).parent / "briefing"
RESULTS = RESULTS_DIR / "speed.json"
EMBEDDERS = ("tfidf", "minilm")
# Three cold runs, reported by their median: enough to see past one slow disk read.
COLD_RUNS = 3
SIZES = (10, 100, 1000, 5000)
LAYOUTS = ("single", "multi")
# A run longer than this is stopped and reported as not finished (the CI box's patience).
DEFAULT_TIMEOUT_S = 1800.0
# Stories in the warm batch run: every dev-set cluster.
WARM_STORIES = 100
# briefing's default word budget, given to sumy too in the warm comparison.
DEFAULT_BUDGET = 150
# Repeats of every `goals` measurement (median reported): the machine is shared, and one
# slow run should not decide a verdict.
GOAL_REPEATS = 3
# Stories of the batch comparison in `goals`: enough that start-up is well amortised.
GOAL_STORIES = 50
# What the default path must not import (issue 14).
HEAVY_MODULES = ("torch", "transformers", "sentence_transformers")
# One fresh process: sumy TextRank (regex splitter: no briefing import, the lightest sumy
# can be) over the .txt files of a folder, summary written to a file.
SUMY_COLD = """
import sys
from pathlib import Path
sys.path.insert(0, "benchmarks")
from baselines import sumy_summary
folder, out = Path(sys.argv[1]), Path(sys.argv[2])
texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
out.write_text(sumy_summary("textrank", "\\n\\n".join(texts), int(sys.argv[3]), True))
"""
# A default build whose last stdout line lists the HEAVY_MODULES it imported.
IMPORT_PROBE = """
import json, sys
from briefing.cli import app
try:
    app(sys.argv[1:])
except SystemExit:
    pass
print(json.dumps([m for m in {heavy!r} if m in sys.modules]))
"""


@dataclass(frozen=True)
class Run:
    wall_s: float
    peak_mib: float
    exit_code: int
    timed_out: bool
    stderr_tail: str = ""
    # 1-minute load average before the run: other work on the machine slows a run down.
    load_before: float = 0.0
    # CPU seconds (user + system) of the child: less sensitive than wall time to other load.
    cpu_s: float = 0.0
    load_after: float = 0.0


def measure(command: list[str], timeout_s: float = DEFAULT_TIMEOUT_S) -> Run:
    """Run `command` in the repository root; wall time and the child's own peak RSS."""
    load = os.getloadavg()[0]
    with tempfile.TemporaryFile() as stderr:
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=REPO_ROOT, stdout=subprocess.DEVNULL, stderr=stderr)
        timer = threading.Timer(timeout_s, child.kill)
        timer.start()
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        timed_out = not timer.is_alive()
        timer.cancel()
        child.returncode = os.waitstatus_to_exitcode(status)
        stderr.seek(0)
        tail = stderr.read().decode("utf-8", "replace")[-2000:]
    peak = round(usage.ru_maxrss / 1024, 1)
    cpu = round(usage.ru_utime + usage.ru_stime, 3)
    after = round(os.getloadavg()[0], 2)
    run = Run(round(wall, 3), peak, child.returncode, timed_out, tail, round(load, 2), cpu, after)
    if run.exit_code != 0:
        log.warning("%s exited %d: %s", " ".join(command), run.exit_code, tail[-500:])
    return run


def build_command(inputs: Path, output: Path, embedder: str, per_folder: bool) -> list[str]:
    command = [str(BRIEFING), "build", str(inputs), "-o", str(output), "--embedder", embedder]
    return command + (["--per-folder"] if per_folder else [])


def load_results() -> dict[str, Any]:
    return json.loads(RESULTS.read_text()) if RESULTS.is_file() else {}


def store(key: str, value: Any) -> None:
    results = load_results()
    results[key] = value
    results["machine"] = machine()
    results.setdefault("revisions", {})[key] = revision()
    save_json(RESULTS.stem, results)


def cold(seeds: Path) -> None:
    """`briefing build seeds/` in a fresh process, COLD_RUNS times per embedder."""
    found: dict[str, list[dict[str, Any]]] = {}
    for embedder in EMBEDDERS:
        runs = []
        for _ in range(COLD_RUNS):
            with tempfile.TemporaryDirectory() as tmp:
                runs.append(
                    asdict(measure(build_command(seeds, Path(tmp) / "out", embedder, False)))
                )
        found[embedder] = runs
        median = statistics.median(r["wall_s"] for r in runs)
        log.info("cold %s: median %.2f s", embedder, median)
    store("cold", found)


def dev_stories(count: int) -> Path:
    """`count` dev-set clusters, one story folder each, under one parent (cached)."""
    parent = CACHE_DIR / f"dev-stories-{count}"
    done = CACHE_DIR / f"dev-stories-{count}.complete"
    if not done.is_file():
        for cluster in load_clusters(limit=count):
            write_cluster(cluster, parent / cluster.id)
        done.touch()
    return parent


def warm_briefing(embedder: str, stories: int) -> dict[str, Any]:
    """Per-story time inside one batch process: (T(N stories) - T(1 story)) / (N - 1),
    which takes out start-up and the model load."""
    with tempfile.TemporaryDirectory() as tmp:
        one = measure(build_command(dev_stories(1), Path(tmp) / "one", embedder, True))
        many = measure(build_command(dev_stories(stories), Path(tmp) / "many", embedder, True))
    per_story = (many.wall_s - one.wall_s) / (stories - 1)
    per_story_cpu = (many.cpu_s - one.cpu_s) / (stories - 1)
    return {
        "one": asdict(one),
        "many": asdict(many),
        "stories": stories,
        "per_story_s": per_story,
        "per_story_cpu_s": per_story_cpu,
    }


def warm_sumy(stories: int, splitter: str) -> dict[str, Any]:
    """sumy TextRank per story, in one process: read the folder, summarize, write the summary."""
    from baselines import split_sentences, sumy_summary

    parent = dev_stories(stories)
    folders = sorted(p for p in parent.iterdir() if p.is_dir())
    regex = splitter == "regex"
    sumy_summary("textrank", "Warm up. The imports load here.", DEFAULT_BUDGET, regex)
    split_sentences("Warm up. The splitter loads here.")
    with tempfile.TemporaryDirectory() as tmp:
        started, started_cpu = time.perf_counter(), time.process_time()
        for folder in folders:
            texts = [p.read_text(encoding="utf-8") for p in sorted(folder.glob("*.txt"))]
            bodies = "\n\n".join(text.split("\n", 1)[-1].strip() for text in texts)
            summary = sumy_summary("textrank", bodies, DEFAULT_BUDGET, regex)
            (Path(tmp) / f"{folder.name}.md").write_text(summary, encoding="utf-8")
        elapsed, cpu = time.perf_counter() - started, time.process_time() - started_cpu
    return {
        "stories": len(folders),
        "per_story_s": elapsed / len(folders),
        "per_story_cpu_s": cpu / len(folders),
        "splitter": splitter,
    }


def minilm_floor(stories: int) -> dict[str, Any]:
    """The default embedder's forward pass over each story's sentences alone, in this process
    (reading and splitting untimed, the model loaded beforehand): the least that any build of
    the story with MiniLM costs, whatever the rest of the pipeline does."""
    from briefing.config import BriefingConfig, EmbedConfig
    from briefing.embed import MINILM_NAME, get_embedder
    from briefing.pipeline import read_sources

    logging.getLogger("briefing").setLevel(logging.WARNING)  # no notes per file read
    embedder = get_embedder(EmbedConfig())
    if embedder.name != MINILM_NAME:
        raise SystemExit(f"the default embedder is {embedder.name}, not MiniLM on ONNX Runtime")
    folders = sorted(p for p in dev_stories(stories).iterdir() if p.is_dir())
    texts = [[s.text for s in read_sources(folder, BriefingConfig())[1]] for folder in folders]
    embedder.fit(["Warm up."])
    embedder.encode(["Warm up."])
    started, started_cpu = time.perf_counter(), time.process_time()
    for story in texts:
        embedder.fit(story)
        embedder.encode(story)
    elapsed, cpu = time.perf_counter() - started, time.process_time() - started_cpu
    return {
        "stories": len(folders),
        "sentences": sum(len(story) for story in texts),
        "per_story_s": elapsed / len(folders),
        "per_story_cpu_s": cpu / len(folders),
    }


def warm(stories: int) -> None:
    found: dict[str, Any] = {f"briefing {e}": warm_briefing(e, stories) for e in EMBEDDERS}
    for splitter in ("briefing", "regex"):
        found[f"sumy textrank ({splitter} splitter)"] = warm_sumy(stories, splitter)
    for name, value in found.items():
        log.info("warm %s: %.1f ms / story", name, 1000 * value["per_story_s"])
    store("warm", found)


def cold_sumy_command(seeds: Path, output: Path) -> list[str]:
    return [sys.executable, "-c", SUMY_COLD, str(seeds), str(output), str(DEFAULT_BUDGET)]


def heavy_imports(seeds: Path) -> list[str]:
    """The HEAVY_MODULES a default `briefing build seeds/` imports, read from inside it."""
    probe = IMPORT_PROBE.format(heavy=HEAVY_MODULES)
    with tempfile.TemporaryDirectory() as tmp:
        command = [sys.executable, "-c", probe, "build", str(seeds), "-o", str(Path(tmp) / "o")]
        done = subprocess.run(command, cwd=REPO_ROOT, capture_output=True, text=True, check=True)
    found: list[str] = json.loads(done.stdout.strip().splitlines()[-1])
    return found


def goals(seeds: Path, stories: int, repeats: int, articles: int) -> None:
    """Every comparison of issue 14, `repeats` times each, interleaved so that a change of
    load on the machine hits all methods alike."""
    cold_runs: dict[str, list[dict[str, Any]]] = {}
    warm_runs: dict[str, list[dict[str, Any]]] = {}
    thousand: list[dict[str, Any]] = []
    floor: list[dict[str, Any]] = []
    for round_no in range(repeats):
        log.info("goals: round %d of %d", round_no + 1, repeats)
        with tempfile.TemporaryDirectory() as tmp:
            commands = {
                "briefing minilm": build_command(seeds, Path(tmp) / "m", "minilm", False),
                "briefing tfidf": build_command(seeds, Path(tmp) / "t", "tfidf", False),
                "sumy textrank": cold_sumy_command(seeds, Path(tmp) / "sumy.md"),
            }
            for name, command in commands.items():
                cold_runs.setdefault(name, []).append(asdict(measure(command)))
        for embedder in EMBEDDERS:
            warm_runs.setdefault(f"briefing {embedder}", []).append(
                warm_briefing(embedder, stories)
            )
        for splitter in ("briefing", "regex"):
            name = f"sumy textrank ({splitter} splitter)"
            warm_runs.setdefault(name, []).append(warm_sumy(stories, splitter))
        floor.append(minilm_floor(stories))
        with tempfile.TemporaryDirectory() as tmp:
            command = build_command(single_folder(articles), Path(tmp) / "k", "minilm", False)
            thousand.append(asdict(measure(command)))
    found = {
        "cold": cold_runs,
        "warm": warm_runs,
        "thousand_minilm": thousand,
        "minilm_floor": floor,
        "articles": articles,
        "heavy_imports": heavy_imports(seeds),
        "repeats": repeats,
    }
    store("goals", found)


def scale(
    sizes: list[int], embedders: list[str], layouts: list[str], timeout_s: float, force: bool
) -> None:
    """One subprocess per (layout, embedder, size); results already stored are kept."""
    for layout in layouts:
        for embedder in embedders:
            for size in sizes:
                key = f"scale/{layout}/{embedder}/{size}"
                if key in load_results() and not force:
                    log.info("%s: stored, skipped (--force reruns it)", key)
                    continue
                inputs = single_folder(size) if layout == "single" else multi_folder(size)
                with tempfile.TemporaryDirectory() as tmp:
                    command = build_command(inputs, Path(tmp) / "out", embedder, layout == "multi")
                    run = measure(command, timeout_s)
                log.info(
                    "%s: %.1f s, %.0f MiB, exit %d", key, run.wall_s, run.peak_mib, run.exit_code
                )
                store(key, {**asdict(run), "timeout_s": timeout_s})


def parse_args() -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__)
    parts = parser.add_subparsers(dest="part", required=True)
    cold_part = parts.add_parser("cold", help="cold `briefing build seeds/`, per embedder")
    cold_part.add_argument("--seeds", type=Path, default=REPO_ROOT / "seeds")
    warm_part = parts.add_parser("warm", help="warm batch time per story vs sumy TextRank")
    warm_part.add_argument("--stories", type=int, default=WARM_STORIES)
    scale_part = parts.add_parser("scale", help="time and memory against the number of articles")
    scale_part.add_argument("--sizes", type=int, nargs="+", default=list(SIZES))
    scale_part.add_argument("--embedders", nargs="+", default=list(EMBEDDERS))
    scale_part.add_argument("--layouts", nargs="+", default=list(LAYOUTS), choices=LAYOUTS)
    scale_part.add_argument(
        "--timeout", type=float, default=DEFAULT_TIMEOUT_S, help="seconds per run"
    )
    scale_part.add_argument("--force", action="store_true", help="rerun sizes already stored")
    goals_part = parts.add_parser("goals", help="issue 14's comparisons side by side")
    goals_part.add_argument("--seeds", type=Path, default=REPO_ROOT / "seeds")
    goals_part.add_argument("--stories", type=int, default=GOAL_STORIES)
    goals_part.add_argument("--repeats", type=int, default=GOAL_REPEATS)
    goals_part.add_argument("--articles", type=int, default=1000, help="of the MiniLM run")
    parts.add_parser("report", help="tables into docs/benchmarks.md and plots into docs/")
    return parser.parse_args()


def main() -> None:
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
    args = parse_args()
    if args.part == "cold":
        cold(args.seeds)
    elif args.part == "warm":
        warm(args.stories)
    elif args.part == "goals":
        goals(args.seeds, args.stories, args.repeats, args.articles)
    elif args.part == "scale":
        scale(args.sizes, args.embedders, args.layouts, args.timeout, args.force)
    else:
        from speed_report import write_report

        write_report(load_results())


if __name__ == "__main__":
    main()
