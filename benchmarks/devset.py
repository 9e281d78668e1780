"""The AllSides dev set: load clusters, and write one as a story folder briefing can read.

The dev set is read in place from ../shared/data (its licence is research use only, so it is
never copied into the repository); a story folder is one .txt per article, headline first,
plus a sources.csv manifest with what the JSON says about each outlet.
"""

from __future__ import annotations

import csv
import hashlib
import json
import os
from dataclasses import dataclass
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parent.parent
# The shared data folder sits beside the repository; BRIEFING_DEV_SET points elsewhere.
DEV_SET = Path(
    os.environ.get("BRIEFING_DEV_SET", REPO_ROOT.parent / "shared/data/allsides_dev.jsonl")
)
CACHE_DIR = REPO_ROOT / "benchmarks/.cache"
MANIFEST_FIELDS = ("file", "outlet", "domain", "url", "published", "credibility")
# The dev set's two parts: a story is in "tune" when the first byte of the SHA-256 of its id is
# even, else in "held-out". Tuning looks only at "tune"; "held-out" is reported, never tuned on.
PARTS = ("tune", "held-out", "all")


@dataclass(frozen=True)
class DevArticle:
    id: str
    title: str
    text: str
    outlet: str
    domain: str
    url: str
    date: str


@dataclass(frozen=True)
class Cluster:
    id: str
    articles: tuple[DevArticle, ...]
    reference: str


def _article(raw: dict[str, str]) -> DevArticle:
    return DevArticle(
        id=str(raw["id"]),
        title=(raw.get("title") or "").strip(),
        text=(raw.get("text") or "").strip(),
        outlet=raw.get("outlet") or "",
        domain=raw.get("domain") or "",
        url=raw.get("url") or "",
        date=raw.get("date") or "",
    )


def load_clusters(path: Path = DEV_SET, limit: int | None = None) -> list[Cluster]:
    """The first `limit` clusters (all when None), in file order; the reference is the
    AllSides editors' neutral summary, `references[0]`."""
    clusters: list[Cluster] = []
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            if limit is not None and len(clusters) >= limit:
                break
            if not line.strip():
                continue
            raw = json.loads(line)
            articles = tuple(_article(a) for a in raw["articles"])
            clusters.append(Cluster(str(raw["id"]), articles, str(raw["references"][0])))
    return clusters


def part_of(cluster_id: str) -> str:
    """The dev-set part a story belongs to, by a hash of its id (stable across runs)."""
    return "tune" if hashlib.sha256(cluster_id.encode()).digest()[0] % 2 == 0 else "held-out"


def in_part(clusters: list[Cluster], part: str) -> list[Cluster]:
    return clusters if part == "all" else [c for c in clusters if part_of(c.id) == part]


def article_file_text(article: DevArticle) -> str:
    """Headline on the first line, a blank line, then the body (the plain-text input format)."""
    return f"{article.title}\n\n{article.text}\n"


def write_story(articles: list[DevArticle], folder: Path, names: list[str] | None = None) -> None:
    """One .txt per article plus sources.csv; `names` overrides the file stems."""
    folder.mkdir(parents=True, exist_ok=True)
    stems = names or [f"{n:03d}_{a.id}" for n, a in enumerate(articles)]
    rows = []
    for stem, article in zip(stems, articles, strict=True):
        file_name = f"{stem}.txt"
        (folder / file_name).write_text(article_file_text(article), encoding="utf-8")
        rows.append([file_name, article.outlet, article.domain, article.url, article.date, ""])
    with (folder / "sources.csv").open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(MANIFEST_FIELDS)
        writer.writerows(rows)


def write_cluster(cluster: Cluster, folder: Path) -> None:
    write_story(list(cluster.articles), folder)
