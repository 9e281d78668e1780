"""Ingest: the only stage that reads disk. A story folder in, a Corpus of clean articles out."""

from __future__ import annotations

from briefing.ingest.folder import read_corpus

__all__ = ["read_corpus"]
