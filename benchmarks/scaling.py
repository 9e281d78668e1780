"""Batch builds in-process against Ray Data (`--engine ray`): throughput, start-up cost and peak
memory per process, for docs/scaling.md.

Story folders are dev-set clusters repeated (the Nth copy of a cluster has its articles
rotated, so files and source ids differ), written to a temp folder, never to the repository.
Every figure is one `briefing build PARENT --per-folder` subprocess. Its process tree is sampled
every POLL_S from /proc: each process's own peak (VmHWM) by role (driver, Ray actor, Ray's
own services) and the largest sum of resident memory seen at once. Start-up cost is a run of
as many stories as there are workers; the marginal cost per story is
(T(N) - T(start-up run)) / (N - workers). Results accumulate in benchmarks/results/scaling.json.
Usage: `.venv/bin/python benchmarks/scaling.py --sizes 500 --embedders tfidf minilm`;
`--report` prints the table of docs/scaling.md from the results.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from devset import REPO_ROOT, Cluster, load_clusters, write_story
from report import RESULTS_DIR, machine, markdown_table, revision, save_json

log = logging.getLogger("scaling")

BRIEFING = Path(sys.executable).parent / "briefing"
RESULTS = RESULTS_DIR / "scaling.json"
STORY_ROOT = Path(tempfile.gettempdir()) / "briefing-scaling"
# Half a second catches every process of a run (Ray workers live for seconds at least) while
# the sampler itself stays below 1% of a core.
POLL_S = 0.5
# Engines measured: in-process, and Ray with each pool size this 2-core machine allows.
ENGINES = (("in-process", None), ("ray", 1), ("ray", 2))
# A run longer than this is stopped and reported as not finished.
TIMEOUT_S = 3600.0
TICKS = os.sysconf("SC_CLK_TCK")


def story_folders(count: int) -> Path:
    """`count` story folders under one parent in the temp folder (kept for later runs)."""
    parent = STORY_ROOT / f"stories-{count}"
    done = STORY_ROOT / f"stories-{count}.complete"
    if done.is_file():
        return parent
    clusters = load_clusters()
    for n in range(count):
        write_copy(clusters[n % len(clusters)], n // len(clusters), parent / f"story-{n:05d}")
    done.touch()
    return parent


def write_copy(cluster: Cluster, copy: int, folder: Path) -> None:
    articles = list(cluster.articles)
    turn = copy % len(articles)
    rotated = articles[turn:] + articles[:turn]
    write_story(rotated, folder, [f"{k:03d}_{a.id}_c{copy}" for k, a in enumerate(rotated)])


@dataclass
class Tree:
    """What the sampler saw of one run's processes."""

    peaks_mib: dict[int, float] = field(default_factory=dict)
    cpu_s: dict[int, float] = field(default_factory=dict)
    roles: dict[int, str] = field(default_factory=dict)
    max_total_mib: float = 0.0


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            return handle.read()
    except OSError:
        return ""


def _children() -> dict[int, list[int]]:
    found: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            stat = _read(f"/proc/{entry}/stat")
            if stat:
                parent = int(stat.rsplit(")", 1)[1].split()[1])
                found.setdefault(parent, []).append(int(entry))
    return found


def _descendants(root: int) -> list[int]:
    children = _children()
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo += children.get(pid, [])
    return found


def _cpu_s(pid: int) -> float:
    """User + system CPU seconds of one process so far (fields 14 and 15 of /proc/PID/stat)."""
    after_name = _read(f"/proc/{pid}/stat").rsplit(")", 1)[-1].split()
    return (int(after_name[11]) + int(after_name[12])) / TICKS if len(after_name) > 12 else 0.0


def _role(pid: int, root: int) -> str:
    if pid == root:
        return "driver"
    command = _read(f"/proc/{pid}/cmdline").replace("\0", " ")
    if "StoryBuilder" in command:
        return "actor"
    if command.startswith("ray::"):
        return "ray worker (idle or Ray Data)"
    return "ray services"


def _sample(root: int, tree: Tree, stop: threading.Event) -> None:
    while not stop.wait(POLL_S):
        total = 0.0
        for pid in _descendants(root):
            status = _read(f"/proc/{pid}/status")
            fields = dict(
                line.split(":", 1) for line in status.splitlines() if line.startswith("Vm")
            )
            if "VmHWM" not in fields:
                continue
            tree.peaks_mib[pid] = int(fields["VmHWM"].split()[0]) / 1024
            tree.cpu_s[pid] = _cpu_s(pid)
            total += int(fields["VmRSS"].split()[0]) / 1024
            role = _role(pid, root)
            if tree.roles.get(pid) != "actor":  # an actor keeps its role once seen
                tree.roles[pid] = role
        tree.max_total_mib = max(tree.max_total_mib, total)


def measure(command: list[str]) -> dict[str, Any]:
    load = os.getloadavg()[0]
    with tempfile.TemporaryFile() as stderr:
        started = time.perf_counter()
        child = subprocess.Popen(command, cwd=REPO_ROOT, stdout=subprocess.DEVNULL, stderr=stderr)
        tree, stop = Tree(), threading.Event()
        sampler = threading.Thread(target=_sample, args=(child.pid, tree, stop))
        sampler.start()
        try:
            code = child.wait(TIMEOUT_S)
        except subprocess.TimeoutExpired:
            child.kill()
            code = -9
        wall = time.perf_counter() - started
        stop.set()
        sampler.join()
        stderr.seek(0)
        tail = stderr.read().decode("utf-8", "replace")[-1500:]
    by_role: dict[str, list[float]] = {}
    cpu_by_role: dict[str, float] = {}
    for pid, peak in tree.peaks_mib.items():
        by_role.setdefault(tree.roles[pid], []).append(round(peak, 1))
        cpu_by_role[tree.roles[pid]] = cpu_by_role.get(tree.roles[pid], 0.0) + tree.cpu_s[pid]
    if code not in (0,):
        log.warning("%s exited %d: %s", " ".join(command), code, tail[-500:])
    return {
        "wall_s": round(wall, 2),
        "exit_code": code,
        "peak_mib_by_role": {role: sorted(peaks) for role, peaks in by_role.items()},
        "max_total_rss_mib": round(tree.max_total_mib, 1),
        # Seen by the last sample: a process's final half second is missed.
        "cpu_s_by_role": {role: round(cpu, 2) for role, cpu in cpu_by_role.items()},
        "cpu_s": round(sum(cpu_by_role.values()), 2),
        "load_before": round(load, 2),
        "load_after": round(os.getloadavg()[0], 2),
        "stderr_tail": tail if code else "",
    }


def command(parent: Path, out: Path, embedder: str, engine: str, workers: int | None) -> list[str]:
    line = [str(BRIEFING), "build", str(parent), "--per-folder", "-o", str(out)]
    line += ["--embedder", embedder]
    return line + (["--engine", "ray", "--workers", str(workers)] if workers else [])


def run_engine(size: int, embedder: str, engine: str, workers: int | None) -> dict[str, Any]:
    small = workers or 1
    with tempfile.TemporaryDirectory(prefix="briefing-scaling-out-") as tmp:
        start = measure(command(story_folders(small), Path(tmp) / "s", embedder, engine, workers))
        full = measure(command(story_folders(size), Path(tmp) / "f", embedder, engine, workers))
    marginal = (full["wall_s"] - start["wall_s"]) / (size - small)
    marginal_cpu = (full["cpu_s"] - start["cpu_s"]) / (size - small)
    return {
        "stories": size,
        "embedder": embedder,
        "engine": engine,
        "workers": workers,
        "startup_run": start,
        "full_run": full,
        "stories_per_s": round(size / full["wall_s"], 2),
        "marginal_ms_per_story": round(1000 * marginal, 1),
        "marginal_cpu_ms_per_story": round(1000 * marginal_cpu, 1),
    }


def load_results() -> dict[str, Any]:
    return json.loads(RESULTS.read_text()) if RESULTS.is_file() else {}


def store(key: str, found: dict[str, Any]) -> None:
    """Add one configuration's figures, re-reading the file: runs may go side by side."""
    results = load_results()
    results[key] = found
    results.setdefault("revisions", {})[key] = revision()
    results["machine"] = machine()
    save_json(RESULTS.stem, results)


def _mib(run: dict[str, Any], role: str) -> str:
    peaks = run["peak_mib_by_role"].get(role, [])
    return " / ".join(f"{p:.0f}" for p in peaks) or "-"


def report(results: dict[str, Any]) -> str:
    """The Markdown table of docs/scaling.md, one row per measured configuration."""
    rows = []
    for key, found in results.items():
        if "/" not in key:
            continue
        full, start = found["full_run"], found["startup_run"]
        builder = "actor" if found["workers"] else "driver"  # the processes that build stories
        others = full["peak_mib_by_role"].get("ray services", [])
        others += full["peak_mib_by_role"].get("ray worker (idle or Ray Data)", [])
        rows.append(
            [
                found["stories"],
                found["embedder"],
                found["engine"] + (f" x{found['workers']}" if found["workers"] else ""),
                f"{full['wall_s']:.0f}",
                f"{found['stories_per_s']:.2f}",
                f"{full['cpu_s']:.0f}",
                f"{found['marginal_cpu_ms_per_story']:.0f}",
                f"{1000 * full['cpu_s_by_role'].get(builder, 0.0) / found['stories']:.0f}",
                f"{start['wall_s']:.0f} / {start['cpu_s']:.0f}",
                _mib(full, "driver"),
                _mib(full, "actor"),
                f"{sum(others):.0f}",
                f"{full['max_total_rss_mib']:.0f}",
                f"{full['load_before']:.0f} -> {full['load_after']:.0f}",
            ]
        )
    headers = [
        "stories", "embedder", "engine", "wall s", "stories/s", "CPU s", "CPU ms/story",
        "building CPU ms/story",
        "start-up run: wall s / CPU s", "driver peak MiB", "actor peak MiB",
        "Ray's own processes MiB", "max total RSS MiB", "load",
    ]  # fmt: skip
    return markdown_table(headers, rows)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500])
    parser.add_argument("--embedders", nargs="+", default=["tfidf"])
    parser.add_argument(
        "--engines", nargs="+", default=[f"{e}:{w or 0}" for e, w in ENGINES], help="ray:2 ..."
    )
    parser.add_argument("--report", action="store_true", help="print the table, run nothing")
    args = parser.parse_args()
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    if args.report:
        print(report(load_results()))
        return
    for size in args.sizes:
        for embedder in args.embedders:
            for spec in args.engines:
                engine, workers = spec.split(":")
                found = run_engine(size, embedder, engine, int(workers) or None)
                key = f"{size}/{embedder}/{spec}"
                log.info("%s: %s", key, json.dumps({k: found[k] for k in list(found)[-3:]}))
                store(key, found)


if __name__ == "__main__":
    main()
