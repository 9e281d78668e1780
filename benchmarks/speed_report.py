"""Turns benchmarks/results/speed.json into the speed tables of docs/benchmarks.md and plots."""

from __future__ import annotations

import math
import statistics
from pathlib import Path
from typing import Any

from devset import REPO_ROOT
from report import machine_section, markdown_table, replace_section

PLOT_DIR = REPO_ROOT / "docs"
# Goals of issue 6, measured against, never asserted.
COLD_GOAL_S = {"tfidf": 3.0, "minilm": 8.0}
THOUSAND_GOAL_S = 60.0
THOUSAND_GOAL_MIB = 2048.0
# Goals of issue 14, measured against, never asserted: ratios to sumy TextRank.
COLD_RATIO_GOAL = 3.0
WARM_RATIO_GOAL = {"briefing minilm": 3.0, "briefing tfidf": 1.5}
THOUSAND_MINILM_GOAL_S = 30.0
# The TextRank the per-story figure (7.5 ms) was measured with.
WARM_BASELINE = "sumy textrank (briefing splitter)"


def _verdict(ok: bool) -> str:
    return "met" if ok else "**missed**"


def cold_section(cold: dict[str, list[dict[str, Any]]]) -> str:
    rows = []
    for embedder, runs in cold.items():
        wall = statistics.median(r["wall_s"] for r in runs)
        peak = statistics.median(r["peak_mib"] for r in runs)
        goal = COLD_GOAL_S.get(embedder)
        verdict = _verdict(wall <= goal) if goal else "-"
        walls = ", ".join(f"{r['wall_s']:.2f}" for r in runs)
        cpu = statistics.median(r.get("cpu_s", 0.0) for r in runs)
        load = max(r.get("load_before", 0.0) for r in runs)
        target = f"<= {goal} s: {verdict}"
        rows.append(
            [embedder, f"{wall:.2f}", walls, f"{cpu:.2f}", f"{peak:.0f}", f"{load:.1f}", target]
        )
    headers = ["embedder", "median wall s", "runs (s)", "median CPU s", "peak RSS MiB"]
    headers += ["max load before", "goal"]
    return "`.venv/bin/python benchmarks/speed.py cold`\n\n" + markdown_table(headers, rows)


def warm_section(warm: dict[str, dict[str, Any]]) -> str:
    rows = [
        [
            name,
            value["stories"],
            f"{1000 * value['per_story_s']:.1f}",
            f"{1000 * value.get('per_story_cpu_s', 0.0):.1f}",
        ]
        for name, value in warm.items()
    ]
    headers = ["method", "stories", "wall ms / story (warm)", "CPU ms / story"]
    table = markdown_table(headers, rows)
    sumy = min(v["per_story_s"] for k, v in warm.items() if k.startswith("sumy"))
    lines = [
        f"- {name}: {value['per_story_s'] / sumy:.1f} x the fastest sumy TextRank "
        f"(goal: no worse: {_verdict(value['per_story_s'] <= sumy)})"
        for name, value in warm.items()
        if name.startswith("briefing")
    ]
    command = "`.venv/bin/python benchmarks/speed.py warm`"
    return f"{command}\n\n{table}\n\n" + "\n".join(lines)


def scale_rows(results: dict[str, Any]) -> list[tuple[str, str, int, dict[str, Any]]]:
    rows = []
    for key, value in results.items():
        if key.startswith("scale/"):
            _, layout, embedder, size = key.split("/")
            rows.append((layout, embedder, int(size), value))
    return sorted(rows, key=lambda r: (r[0], r[1], r[2]))


def _exponent(points: list[tuple[int, float]], size: int) -> str:
    """Local growth exponent: slope of log(time) against log(articles) up to `size`."""
    before = [(n, t) for n, t in points if n < size]
    here = [(n, t) for n, t in points if n == size]
    if not before or not here:
        return "-"
    (n0, t0), (n1, t1) = before[-1], here[0]
    return f"{math.log(t1 / t0) / math.log(n1 / n0):.2f}"


def scale_section(results: dict[str, Any]) -> str:
    rows = []
    series: dict[tuple[str, str], list[tuple[int, float]]] = {}
    for layout, embedder, size, value in scale_rows(results):
        finished = value["exit_code"] == 0 and not value["timed_out"]
        points = series.setdefault((layout, embedder), [])
        exponent = _exponent([*points, (size, value["wall_s"])], size) if finished else "-"
        if finished:
            points.append((size, value["wall_s"]))
        status = "ok" if finished else ("timed out" if value["timed_out"] else "failed")
        per_article = f"{1000 * value['wall_s'] / size:.0f}"
        wall, peak = f"{value['wall_s']:.1f}", f"{value['peak_mib']:.0f}"
        cpu = f"{value['cpu_s']:.1f}" if value.get("cpu_s") else "-"
        after = f"{value['load_after']:.1f}" if value.get("load_after") else "-"
        load = f"{value.get('load_before', 0.0):.1f} / {after}"
        row = [layout, embedder, size, wall, cpu, peak, per_article, exponent, load, status]
        rows.append(row)
    headers = ["layout", "embedder", "articles", "wall s", "CPU s", "peak MiB", "ms / article"]
    headers += ["growth exponent", "load before / after", "status"]
    command = "`.venv/bin/python benchmarks/speed.py scale` then `... speed.py report`"
    goals = "\n".join(thousand_goals(results))
    measured = sorted(
        {v for k, v in results.get("revisions", {}).items() if k.startswith("scale/")}
    )
    note = f"Revisions measured: {', '.join(measured) or 'not recorded'}."
    return f"{command}\n\n" + markdown_table(headers, rows) + f"\n\n{goals}\n\n{note}"


def thousand_goals(results: dict[str, Any]) -> list[str]:
    lines = []
    for layout, embedder, size, value in scale_rows(results):
        if size != 1000:
            continue
        finished = value["exit_code"] == 0 and not value["timed_out"]
        time_ok = finished and value["wall_s"] <= THOUSAND_GOAL_S
        memory_ok = finished and value["peak_mib"] <= THOUSAND_GOAL_MIB
        lines.append(
            f"- 1,000 articles, {embedder}, {layout} folder: {value['wall_s']:.1f} s "
            f"(<= {THOUSAND_GOAL_S:.0f} s: {_verdict(time_ok)}), {value['peak_mib']:.0f} MiB "
            f"(<= 2 GB: {_verdict(memory_ok)})"
        )
    return lines


def plot(results: dict[str, Any], field: str, ylabel: str, path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    figure, axes = plt.subplots(figsize=(6.4, 4.2))
    series: dict[tuple[str, str], list[tuple[int, float]]] = {}
    for layout, embedder, size, value in scale_rows(results):
        if value["exit_code"] == 0 and not value["timed_out"]:
            series.setdefault((layout, embedder), []).append((size, value[field]))
    for (layout, embedder), points in sorted(series.items()):
        xs, ys = zip(*points, strict=True)
        axes.plot(xs, ys, marker="o", label=f"{embedder}, {layout} folder")
    stopped = [
        (size, value[field])
        for _, _, size, value in scale_rows(results)
        if value["timed_out"] or value["exit_code"] != 0
    ]
    if stopped:
        xs, ys = zip(*stopped, strict=True)
        axes.scatter(
            xs, ys, marker="^", color="red", label="stopped at the time limit (lower bound)"
        )
    if field == "wall_s" and series:
        _linear_guide(axes, series)
    axes.set_xscale("log")
    axes.set_yscale("log")
    axes.set_xlabel("articles")
    axes.set_ylabel(ylabel)
    axes.grid(True, which="both", alpha=0.3)
    axes.legend(fontsize="small")
    figure.tight_layout()
    figure.savefig(path, dpi=110)
    plt.close(figure)


def _linear_guide(axes: Any, series: dict[tuple[str, str], list[tuple[int, float]]]) -> None:
    """A dotted line of slope 1 through the cheapest series' first point: linear growth."""
    n0, t0 = min((points[0] for points in series.values()), key=lambda p: p[1])
    top = max(n for points in series.values() for n, _ in points)
    axes.plot([n0, top], [t0, t0 * top / n0], linestyle=":", color="grey", label="linear")


def _median(runs: list[dict[str, Any]], field: str) -> float:
    return float(statistics.median(run[field] for run in runs))


def goals_section(goals: dict[str, Any]) -> str:
    """Issue 14's goals: one table of medians, wall and CPU time, each ratio and verdict.
    Verdicts go by wall time, as the goals are stated; the CPU ratio is the cross-check
    that other load on the machine moves less."""
    rows = [*_cold_rows(goals["cold"]), *_warm_rows(goals["warm"]), _thousand_row(goals)]
    if "minilm_floor" in goals:
        rows.append(_floor_row(goals["minilm_floor"], goals["warm"][WARM_BASELINE]))
    heavy = goals["heavy_imports"]
    imported = ", ".join(heavy) or "neither torch nor transformers"
    rows.append(["default build imports", imported, "-", "-", "no torch", _verdict(not heavy)])
    headers = ["goal (issue 14)", "median wall (runs)", "wall ratio", "CPU ratio", "goal"]
    headers.append("verdict")
    others = ", ".join(
        f"{name} {1000 * _median(runs, 'per_story_s'):.1f} ms"
        for name, runs in goals["warm"].items()
        if name.startswith("sumy")
    )
    loads = [r["load_before"] for runs in goals["cold"].values() for r in runs]
    note = (
        f"Medians of {goals['repeats']} interleaved rounds. TextRank per story: {others}. "
        f"1-minute load average before the cold runs: {min(loads):.1f}-{max(loads):.1f} "
        "(2 cores, shared with other work)."
    )
    command = "`.venv/bin/python benchmarks/speed.py goals` then `... speed.py report`"
    return f"{command}\n\n" + markdown_table(headers, rows) + f"\n\n{note}"


def _cold_rows(cold: dict[str, list[dict[str, Any]]]) -> list[list[str]]:
    sumy_wall, sumy_cpu = (
        _median(cold["sumy textrank"], "wall_s"),
        _median(cold["sumy textrank"], "cpu_s"),
    )
    rows = []
    for name in ("briefing minilm", "briefing tfidf"):
        wall, cpu = _median(cold[name], "wall_s"), _median(cold[name], "cpu_s")
        runs = ", ".join(f"{r['wall_s']:.2f}" for r in cold[name])
        goal = f"<= {COLD_RATIO_GOAL:.0f} x sumy ({sumy_wall:.2f} s)"
        verdict = _verdict(wall / sumy_wall <= COLD_RATIO_GOAL) if "minilm" in name else "-"
        ratios = [f"{wall / sumy_wall:.1f} x", f"{cpu / sumy_cpu:.1f} x"]
        rows.append(
            [f"cold `build seeds/`, {name}", f"{wall:.2f} s ({runs})", *ratios, goal, verdict]
        )
    return rows


def _warm_rows(warm: dict[str, list[dict[str, Any]]]) -> list[list[str]]:
    base = warm[WARM_BASELINE]
    base_wall, base_cpu = _median(base, "per_story_s"), _median(base, "per_story_cpu_s")
    rows = []
    for name, goal in WARM_RATIO_GOAL.items():
        wall, cpu = _median(warm[name], "per_story_s"), _median(warm[name], "per_story_cpu_s")
        runs = ", ".join(f"{1000 * r['per_story_s']:.1f}" for r in warm[name])
        target = f"<= {goal} x TextRank ({1000 * base_wall:.1f} ms)"
        ratios = [f"{wall / base_wall:.1f} x", f"{cpu / base_cpu:.1f} x"]
        row = [f"batch per story, {name}", f"{1000 * wall:.1f} ms ({runs})", *ratios, target]
        rows.append([*row, _verdict(wall / base_wall <= goal)])
    return rows


def _thousand_row(goals: dict[str, Any]) -> list[str]:
    runs = goals["thousand_minilm"]
    wall, peak = _median(runs, "wall_s"), _median(runs, "peak_mib")
    cpu = _median(runs, "cpu_s")
    finished = all(r["exit_code"] == 0 for r in runs)
    listed = ", ".join(f"{r['wall_s']:.1f}" for r in runs)
    ok = finished and wall <= THOUSAND_MINILM_GOAL_S
    verdict = _verdict(ok) if goals["articles"] == 1000 else "-"
    label = f"{goals['articles']:,} articles (one folder), minilm"
    measured = f"{wall:.1f} s ({listed}), CPU {cpu:.1f} s, {peak:.0f} MiB"
    return [label, measured, "-", "-", f"<= {THOUSAND_MINILM_GOAL_S:.0f} s", verdict]


def _floor_row(floor: list[dict[str, Any]], base: list[dict[str, Any]]) -> list[str]:
    """The MiniLM forward pass over a story's sentences alone, against TextRank's whole run:
    above the batch goal's ratio, that goal is out of reach for any pipeline on this CPU."""
    wall, cpu = _median(floor, "per_story_s"), _median(floor, "per_story_cpu_s")
    base_wall, base_cpu = _median(base, "per_story_s"), _median(base, "per_story_cpu_s")
    goal = WARM_RATIO_GOAL["briefing minilm"]
    runs = ", ".join(f"{1000 * r['per_story_s']:.1f}" for r in floor)
    label = f"floor: MiniLM forward pass over a story's sentences alone (CPU {1000 * cpu:.1f} ms)"
    verdict = "goal out of reach" if cpu / base_cpu > goal else "goal within reach"
    ratios = [f"{wall / base_wall:.1f} x", f"{cpu / base_cpu:.1f} x"]
    return [label, f"{1000 * wall:.1f} ms ({runs})", *ratios, f"<= {goal} x TextRank", verdict]


def write_report(results: dict[str, Any]) -> None:
    if "machine" in results:
        replace_section("machine", machine_section(results["machine"]))
    if "goals" in results:
        replace_section("speed-goals", goals_section(results["goals"]))
    if "cold" in results:
        replace_section("speed-cold", cold_section(results["cold"]))
    if "warm" in results:
        replace_section("speed-warm", warm_section(results["warm"]))
    if scale_rows(results):
        replace_section("speed-scale", scale_section(results))
        plot(results, "wall_s", "wall time (s)", PLOT_DIR / "scaling-time.png")
        plot(results, "peak_mib", "peak resident memory (MiB)", PLOT_DIR / "scaling-memory.png")
