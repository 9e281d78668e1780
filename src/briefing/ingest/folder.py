"""Read a story folder: skip what is not an article, read each file, apply the manifest."""

from __future__ import annotations

import logging
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

from briefing.config import IngestConfig
from briefing.errors import InputError
from briefing.ingest import fields
from briefing.ingest.boilerplate import clean_lines, strip_leads
from briefing.ingest.decode import NotText, decode
from briefing.ingest.manifest import MANIFEST_NAME, read_manifest
from briefing.ingest.readers import READERS, SUPPORTED, Meta, Parsed
from briefing.language import (
    byline_opinion_reason,
    column_reason,
    marked_opinion_reason,
    opinion_reason,
    outlet_names_news_section,
    outlet_opinion_reason,
    rubric_opinion_reason,
)
from briefing.models import Article, Corpus, Skipped, Source

log = logging.getLogger(__name__)

# UTF-8 needs up to 4 bytes a character: reading max_chars * 4 bytes never cuts short text.
BYTES_PER_CHAR = 4
# Saved pages carry scripts, styles and markup several times the size of their text.
HTML_MARKUP_FACTOR = 10
_HTML = frozenset({".html", ".htm"})
# A UTF-8 character cut by the byte limit leaves at most 3 stray bytes at the end.
_MAX_PARTIAL_BYTES = 3


@dataclass(frozen=True)
class _Decoded:
    """A file read from disk: its name as shown, its encoding, what reading it warned of."""

    name: str
    encoding: str
    warnings: tuple[str, ...]


# The manifest is expected beside the articles: it is listed among the skipped files, but
# reported only with --verbose.
MANIFEST_SKIP = "the manifest: read as metadata, not as an article"


def read_corpus(folder: Path, config: IngestConfig) -> Corpus:
    """Every article of one story folder, sorted by file name; skipped files with reasons."""
    _check_folder(folder)
    entries = sorted(folder.iterdir(), key=lambda entry: entry.name)
    manifest_path = folder / MANIFEST_NAME
    manifest = (
        read_manifest(manifest_path, {entry.name for entry in entries})
        if manifest_path.is_file()
        else {}
    )
    articles: list[Article] = []
    skipped: list[Skipped] = []
    for entry in entries:
        outcome = _read_entry(entry, folder, config, manifest.get(entry.name))
        if isinstance(outcome, Skipped):
            level = logging.INFO if outcome.reason == MANIFEST_SKIP else logging.WARNING
            log.log(level, "%s: skipped (%s)", folder / outcome.path, outcome.reason)
            skipped.append(outcome)
        else:
            articles.append(outcome)
    if not articles:
        raise InputError(
            f"no article to read ({len(skipped)} files skipped; articles are {SUPPORTED} "
            f"files of at least {config.min_chars} characters)",
            str(folder),
        )
    return Corpus(
        folder=fields.display_name(str(folder)),
        articles=_with_ids(articles),
        skipped=tuple(skipped),
    )


def _check_folder(folder: Path) -> None:
    if not folder.exists():
        raise InputError("folder not found", str(folder))
    if not folder.is_dir():
        raise InputError("not a folder (give the folder that holds the articles)", str(folder))


def _skip_reason(entry: Path, folder: Path, config: IngestConfig) -> str | None:
    if entry.name.startswith("."):
        return "hidden file"
    if entry.name == MANIFEST_NAME:
        return MANIFEST_SKIP
    if entry.is_symlink():
        if not entry.exists():
            return "broken symbolic link"
        if not config.follow_links and not entry.resolve().is_relative_to(folder.resolve()):
            return "symbolic link to outside the folder (use --follow-links to read it)"
    if entry.is_dir():
        return "folder (not read: one folder holds one story)"
    if not entry.is_file():
        return "not a regular file"
    return None


def _read_entry(
    entry: Path, folder: Path, config: IngestConfig, row: Meta | None
) -> Article | Skipped:
    name = fields.display_name(entry.name)
    reason = _skip_reason(entry, folder, config)
    if reason:
        return Skipped(path=name, reason=reason)
    suffix = Path(name).suffix.lower()
    chars = config.max_chars * (HTML_MARKUP_FACTOR if suffix in _HTML else 1)
    limit = chars * BYTES_PER_CHAR
    try:
        data, whole = read_bytes(entry, limit)
    except OSError as exc:
        return Skipped(path=name, reason=f"cannot be read ({exc.strerror or exc})")
    if not data.strip():
        return Skipped(path=name, reason="empty file")
    try:
        text, encoding = decode(data)
    except NotText as exc:
        return Skipped(path=name, reason=str(exc))
    reader = READERS.get(suffix)
    if reader is None:
        return Skipped(path=name, reason=f"unsupported file type {suffix} (reads {SUPPORTED})")
    if not text.strip():
        return Skipped(path=name, reason="empty file")
    text, warnings = _cap(text, chars, folder / name, None if whole else limit)
    return _article(_Decoded(name, encoding, warnings), reader(text), row, config)


def read_bytes(path: Path, limit: int) -> tuple[bytes, bool]:
    """At most `limit` bytes, minus a UTF-8 character cut in half at the end, and whether
    that is the whole file."""
    with path.open("rb") as handle:
        data = handle.read(limit + 1)
    if len(data) <= limit:
        return data, True
    data = data[:limit]
    for cut in range(_MAX_PARTIAL_BYTES + 1):
        try:
            (data[: len(data) - cut]).decode("utf-8")
        except UnicodeDecodeError:
            continue
        return data[: len(data) - cut], False
    return data, False


def _cap(
    text: str, max_chars: int, path: Path | str, bytes_read: int | None = None
) -> tuple[str, tuple[str, ...]]:
    """The text cut to `max_chars`; a warning when it was cut, here or when read from disk
    (`bytes_read` is the byte limit when the file was longer)."""
    if len(text) > max_chars:
        text, warning = text[:max_chars], f"text cut to its first {max_chars} characters"
    elif bytes_read is not None:
        warning = f"file cut to its first {bytes_read} bytes"
    else:
        return text, ()
    log.warning("%s: %s", path, warning)
    return text, (warning,)


def _article(
    file: _Decoded, parsed: Parsed, row: Meta | None, config: IngestConfig
) -> Article | Skipped:
    name = file.name
    cleaned = clean_lines(parsed.lines, parsed.meta.title)
    lead = strip_leads(cleaned.paragraphs, cleaned.dropped)
    # A page's markup may be HTML_MARKUP_FACTOR times max_chars; its text is held to max_chars.
    body, cut = _cap("\n\n".join(lead.paragraphs), config.max_chars, name)
    if len(body) < config.min_chars:
        reason = (
            f"too short to be an article ({len(body)} characters of text, "
            f"minimum {config.min_chars})"
        )
        return Skipped(path=name, reason=reason)
    for warning in parsed.warnings:
        log.warning("%s: %s", name, warning)
    source = _source(name, parsed, row).model_copy(
        update={"wire_credit": lead.wire_credit, **_kind(parsed, row, body)}
    )
    return Article(
        source=source,
        text=body,
        dropped=tuple(sorted(parsed.dropped + cleaned.dropped, key=lambda line: line.line_no)),
        warnings=file.warnings + cut + parsed.warnings,
        identity_origin=_identity_origin(parsed, row),
        encoding=file.encoding,
    )


def _source(name: str, parsed: Parsed, row: Meta | None) -> Source:
    """Manifest values win over the file's own; credibility keeps where it came from."""
    meta, given = parsed.meta, row or Meta()
    credibility, label = meta.credibility, meta.label
    origin: Literal["manifest", "front-matter", "default"] = (
        "front-matter" if parsed.declared and credibility is not None else "default"
    )
    if given.credibility is not None:
        credibility, label, origin = given.credibility, given.label, "manifest"
    return Source(
        id=name,
        path=name,
        outlet=given.outlet or meta.outlet,
        domain=given.domain or meta.domain,
        url=given.url or meta.url,
        title=meta.title,
        published=given.published or meta.published,
        credibility=credibility,
        credibility_label=label or "unknown",
        credibility_origin=origin,
    )


def _kind(parsed: Parsed, row: Meta | None, body: str) -> dict[str, str | None]:
    """Source.kind and kind_reason: the manifest, then front matter, then how the page marks
    itself (URL path, headline label, section, an "Opinion by" byline or disclaimer read before
    the cleaner drops it), then an outlet named as its news section (a label for the outlet in
    general, weaker than the page's own marks, and than a column's headline form or wording:
    `language.column_reason`), then detection (the outlet, URL, headline,
    sections and wording, a paragraph headed by a rubric of analysis)."""
    for given, origin in (
        (row, "manifest"),
        (parsed.meta if parsed.declared else None, "front matter"),
    ):
        if given is not None and given.kind is not None:
            return {"kind": given.kind, "kind_reason": f"given in the {origin}"}
    meta = parsed.meta
    url = (row.url if row else None) or meta.url
    outlet = (row.outlet if row else None) or meta.outlet
    domain = (row.domain if row else None) or meta.domain
    byline = byline_opinion_reason([line for _, line in parsed.lines])
    if outlet_names_news_section(outlet):
        marked = (
            marked_opinion_reason(url, meta.title, meta.sections)
            or byline
            or column_reason(meta.title, body)
        )
        return {"kind": "opinion" if marked else "news", "kind_reason": marked}
    reason = (
        outlet_opinion_reason(outlet, domain, url)
        or byline
        or opinion_reason(url, meta.title, meta.sections, body)
        or rubric_opinion_reason([line for _, line in parsed.lines])
    )
    return {"kind": "opinion" if reason else "news", "kind_reason": reason}


def _identity_origin(
    parsed: Parsed, row: Meta | None
) -> Literal["manifest", "front-matter"] | None:
    if row is not None and (row.outlet or row.domain or row.url):
        return "manifest"
    meta = parsed.meta
    if parsed.declared and (meta.outlet or meta.domain or meta.url):
        return "front-matter"
    return None


def _with_ids(articles: list[Article]) -> tuple[Article, ...]:
    """Id = file stem, or the file name where two files share a stem; sorted by path."""
    stems = Counter(Path(article.source.path).stem for article in articles)
    ordered = sorted(articles, key=lambda article: article.source.path)
    return tuple(
        article.model_copy(
            update={
                "source": article.source.model_copy(
                    update={"id": _source_id(article.source.path, stems)}
                )
            }
        )
        for article in ordered
    )


def _source_id(path: str, stems: Counter[str]) -> str:
    stem = Path(path).stem
    return stem if stems[stem] == 1 else path
