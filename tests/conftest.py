"""Shared fixtures. The packaged MiniLM loads once per test session (it takes seconds)."""

from __future__ import annotations

import pytest

from briefing.config import EmbedConfig
from briefing.embed import Embedder, get_embedder


@pytest.fixture(scope="session")
def minilm() -> Embedder:
    return get_embedder(EmbedConfig())
