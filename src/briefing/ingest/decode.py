"""Bytes to text: byte-order marks, strict UTF-8, then charset-normalizer; binary files refused."""

from __future__ import annotations

import codecs

# Magic numbers of files people drop next to articles: images, PDFs, office files, archives.
_SIGNATURES: tuple[tuple[bytes, str], ...] = (
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"\xff\xd8\xff", "JPEG image"),
    (b"GIF8", "GIF image"),
    (b"%PDF", "PDF document"),
    (b"PK\x03\x04", "ZIP archive or office document"),
    (b"\x1f\x8b", "gzip archive"),
    (b"RIFF", "RIFF media file"),
    (b"\xd0\xcf\x11\xe0", "old office document"),
)
# Byte-order marks, longest first so that UTF-32 LE is not read as UTF-16 LE.
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Windows-1252 is the legacy code page of Western newsrooms and Windows "ANSI" text. When the
# detector cannot tell Latin code pages apart (short texts, no language signal), it is the
# likeliest, and picking cp1250 instead turns "São" into "Săo".
_PREFERRED_LEGACY = "cp1252"
# Real text has almost no control characters besides tab and newlines; 5% means binary.
_MAX_CONTROL_SHARE = 0.05
_ALLOWED_CONTROLS = frozenset("\t\n\r\f\v")


class NotText(Exception):
    """The bytes are not a text file; the message is the reason shown to the user."""


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name) or raise NotText with the reason."""
    for magic, kind in _SIGNATURES:
        if data.startswith(magic):
            raise NotText(f"binary file ({kind})")
    text, encoding = _decode_text(data)
    _check_controls(text)
    return text, encoding


def _decode_text(data: bytes) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding, errors="replace"), encoding
    if b"\x00" not in data:
        try:
            return data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            pass
    return _detect(data)


def _detect(data: bytes) -> tuple[str, str]:
    from charset_normalizer import from_bytes

    results = from_bytes(data)
    best = results.best()
    if best is None:
        raise NotText("binary file (no text encoding fits)")
    tied = [
        match
        for match in results
        if match.chaos == best.chaos and match.coherence == best.coherence
    ]
    if any(_PREFERRED_LEGACY in match.could_be_from_charset for match in tied):
        try:
            return data.decode(_PREFERRED_LEGACY), _PREFERRED_LEGACY
        except UnicodeDecodeError:
            pass
    return str(best), best.encoding


def _check_controls(text: str) -> None:
    if not text:
        return
    controls = sum(1 for char in text if char < " " and char not in _ALLOWED_CONTROLS)
    if controls / len(text) > _MAX_CONTROL_SHARE:
        raise NotText("binary file (control characters)")
