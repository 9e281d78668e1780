"""`sources.csv`: what the user says about each file; it wins over anything guessed."""

from __future__ import annotations

import csv
import io
from collections.abc import Collection, Iterator
from pathlib import Path

from briefing.errors import InputError
from briefing.ingest import fields
from briefing.ingest.decode import NotText, decode
from briefing.ingest.readers import Meta, identified

MANIFEST_NAME = "sources.csv"
COLUMNS = ("file", "outlet", "domain", "url", "published", "credibility", "kind")
# One row per file: 20,000 files at 1,000 bytes a row fit with room to spare; a bigger file is
# not a manifest, and reading it whole could exhaust memory.
MAX_BYTES = 32 * 1024 * 1024


def read_manifest(path: Path, files: Collection[str]) -> dict[str, Meta]:
    """Rows by file name; InputError naming the row for anything invalid."""
    try:
        with path.open("rb") as handle:  # never more than a manifest may hold
            data = handle.read(MAX_BYTES + 1)
        if len(data) > MAX_BYTES:
            raise InputError(f"larger than {MAX_BYTES} bytes; one short row per file", str(path))
        text, _ = decode(data)
    except (OSError, NotText) as exc:
        raise InputError(f"cannot read the manifest ({exc})", str(path)) from exc
    # newline="" lets the csv module see \r, \n and \r\n row ends alike, as its docs ask.
    reader = csv.reader(io.StringIO(text, newline=""))
    try:
        return _rows(reader, path, files)
    except csv.Error as exc:
        raise InputError(f"not valid CSV ({exc})", f"{path}, line {reader.line_num}") from exc


def _rows(reader: Iterator[list[str]], path: Path, files: Collection[str]) -> dict[str, Meta]:
    header = [name.strip().lower() for name in next(reader, [])]
    _check_header(header, path)
    rows: dict[str, Meta] = {}
    for row_no, values in enumerate(reader, start=2):
        if not any(value.strip() for value in values):
            continue
        where = f"{path}, row {row_no}"
        if len(values) != len(header):
            raise InputError(f"expected {len(header)} columns, found {len(values)}", where)
        record = dict(zip(header, values, strict=True))
        name = record["file"].strip()
        if name not in files:
            raise InputError(f"no file named {fields.shown(name)} in the folder", where)
        if name in rows:
            raise InputError(f"{fields.shown(name)} is listed twice", where)
        rows[name] = _meta(record, where)
    return rows


def _check_header(header: list[str], path: Path) -> None:
    unknown = [name for name in header if name not in COLUMNS]
    if "file" not in header or unknown or len(set(header)) != len(header):
        raise InputError(
            f"bad header {','.join(header) or '(empty)'}; expected {','.join(COLUMNS)}",
            f"{path}, row 1",
        )


def _meta(record: dict[str, str], where: str) -> Meta:
    try:
        score, label = fields.parse_credibility(record.get("credibility"))
        published = fields.parse_date(record.get("published"))
        kind = fields.parse_kind(record.get("kind"))
    except ValueError as exc:
        raise InputError(str(exc), where) from None
    return identified(record, published=published, credibility=score, label=label, kind=kind)
