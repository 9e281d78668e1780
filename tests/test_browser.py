"""digest.html and audit.html in a real browser: headless Chromium (Debian's package, installed
by scripts/setup.sh). The page is loaded at 375 px inside a harness page that measures it; the
pages themselves must run no script, every footnote link must resolve, nothing may overflow."""

from __future__ import annotations

import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest
from typer.testing import CliRunner

from briefing.cli import app

MIXED = Path(__file__).resolve().parent / "data" / "mixed"
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    # the harness (not the page under test) reads its iframe's layout
    "--allow-file-access-from-files",
    "--virtual-time-budget=5000",
    "--hide-scrollbars",
]
# A narrow phone.
WIDTH = 375
HOSTILE = (
    "<script>document.documentElement.setAttribute('data-pwned', '1')</script>"
    "<img src=x onerror=\"document.documentElement.setAttribute('data-pwned', '1')\"> "
    "[^1] [link](javascript:alert(1)) "
)
HARNESS = """<!DOCTYPE html><html><body>
<iframe id="page" src="{name}" style="width:{width}px;height:900px;border:0"></iframe>
<script>
document.getElementById("page").addEventListener("load", () => {{
  const doc = document.getElementById("page").contentDocument;
  const root = doc.documentElement;
  const wide = [...doc.body.querySelectorAll("*")].filter(
    (e) => e.getBoundingClientRect().right > root.clientWidth + 0.5).map((e) => e.tagName);
  const out = document.body;
  out.setAttribute("data-scroll-width", root.scrollWidth);
  out.setAttribute("data-client-width", root.clientWidth);
  out.setAttribute("data-wide", wide.join(","));
  out.setAttribute("data-scripts", doc.scripts.length);
  out.setAttribute("data-pwned", root.getAttribute("data-pwned") || "");
  out.setAttribute("data-dom", btoa(unescape(encodeURIComponent(root.outerHTML))));
}});
</script></body></html>
"""

pytestmark = pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed")


class Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.attrs: dict[str, str] = {}
        self.hrefs: list[str] = []
        self.ids: set[str] = set()

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "body":
            self.attrs = values
        if "href" in values:
            self.hrefs.append(values["href"])
        if "id" in values:
            self.ids.add(values["id"])


def rendered(page: Path, tmp: Path) -> dict[str, str]:
    """The harness's measurements of `page` as Chromium laid it out at WIDTH px."""
    import base64

    harness = page.parent / f"harness-{page.stem}.html"
    harness.write_text(HARNESS.format(name=page.name, width=WIDTH), "utf-8")
    assert CHROMIUM is not None
    result = subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={tmp / 'profile'}", "--dump-dom", harness.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    links = Links()
    links.feed(result.stdout)
    measured = dict(links.attrs)
    measured["dom"] = base64.b64decode(measured.get("data-dom", "")).decode("utf-8")
    return measured


def hostile_folder(tmp: Path) -> Path:
    folder = tmp / "news"
    shutil.copytree(MIXED, folder)
    path = folder / "fire_bbc.txt"
    text = path.read_text("utf-8").replace("Dock workers", HOSTILE + "Dock workers")
    # The headline too: the digest shows it in the footnote of every sentence citing BBC.
    text = text.replace("Deadly blaze", HOSTILE + "Deadly blaze")
    path.write_text(text, "utf-8")
    return folder


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    tmp = tmp_path_factory.mktemp("browser")
    folder = hostile_folder(tmp)
    runner = CliRunner()
    digest = runner.invoke(
        app, ["digest", str(folder), "-o", str(tmp / "d"), "--embedder", "tfidf"]
    )
    assert digest.exit_code == 0, digest.output
    fire = tmp / "fire"
    fire.mkdir()
    for name in ("fire_ap.txt", "fire_reuters.txt", "fire_bbc.txt"):
        shutil.copy(folder / name, fire / name)
    manifest = (folder / "sources.csv").read_text("utf-8").splitlines()[:4]
    (fire / "sources.csv").write_text("\n".join(manifest) + "\n", "utf-8")
    build = runner.invoke(app, ["build", str(fire), "-o", str(tmp / "b"), "--embedder", "tfidf"])
    assert build.exit_code == 0, build.output
    return {"digest": tmp / "d" / "digest.html", "audit": tmp / "b" / "audit.html"}


@pytest.mark.parametrize("name", ["digest", "audit"])
def test_page_renders_without_scripts_or_overflow_at_375px(
    name: str, pages: dict[str, Path], tmp_path: Path
) -> None:
    measured = rendered(pages[name], tmp_path)
    assert measured["data-client-width"] == str(WIDTH)
    assert measured["data-scroll-width"] == str(WIDTH), measured["data-wide"]
    assert measured["data-wide"] == ""
    assert measured["data-scripts"] == "0" and measured["data-pwned"] == ""
    assert "Deadly blaze" in measured["dom"] or name == "audit"


@pytest.mark.parametrize("name", ["digest", "audit"])
def test_every_footnote_link_resolves(name: str, pages: dict[str, Path], tmp_path: Path) -> None:
    links = Links()
    links.feed(rendered(pages[name], tmp_path)["dom"])
    assert links.hrefs
    for href in links.hrefs:
        if href.startswith("#"):
            assert href[1:] in links.ids, href
        else:
            assert href.startswith("https://") and "javascript" not in href
    if name == "digest":  # footnotes become links to the articles' URLs
        assert "https://apnews.com/article/lisbon-fire" in links.hrefs
