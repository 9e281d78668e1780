"""Tiny random transformers models, with a tokenizer trained here: no hub, built in seconds.

Their output is word salad from the training text, which is what the abstractive tests need:
real loading and generation, and text that verification must keep out of the brief.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

SPECIAL_TOKENS = ["<pad>", "<s>", "</s>", "<unk>"]
PAD, BOS, EOS = 0, 1, 2
# Enough merges that English words are a token or two, so prompts stay well inside the window.
VOCAB_SIZE = 2000
# Large enough for the instruct template plus a dozen claims in this small vocabulary.
WINDOW = 2048
# BART-CNN ships min_length 56; this much keeps the random summarizer from replying with nothing.
MIN_NEW_TOKENS = 12
# Minimal ChatML-like template: what apply_chat_template needs to render system/user turns.
CHAT_TEMPLATE = (
    "{% for message in messages %}<s>{{ message['role'] }}\n{{ message['content'] }}</s>\n"
    "{% endfor %}{% if add_generation_prompt %}<s>assistant\n{% endif %}"
)


def train_tokenizer(texts: Sequence[str], chat: bool = False):  # type: ignore[no-untyped-def]
    """A BPE tokenizer trained on `texts`, decoding to words (Metaspace, like SentencePiece)."""
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers
    from transformers import PreTrainedTokenizerFast

    backend = Tokenizer(models.BPE(unk_token="<unk>"))
    backend.pre_tokenizer = pre_tokenizers.Metaspace()
    backend.decoder = decoders.Metaspace()
    trainer = trainers.BpeTrainer(vocab_size=VOCAB_SIZE, special_tokens=SPECIAL_TOKENS)
    backend.train_from_iterator(texts, trainer)
    tokenizer = PreTrainedTokenizerFast(
        tokenizer_object=backend,
        pad_token="<pad>",
        bos_token="<s>",
        eos_token="</s>",
        unk_token="<unk>",
        model_max_length=WINDOW,
    )
    if chat:
        tokenizer.chat_template = CHAT_TEMPLATE
    return tokenizer


def build_bart(folder: Path, texts: Sequence[str]) -> Path:
    """A 1-layer BART (d_model 16) saved with its tokenizer: an encoder-decoder summarizer."""
    import torch
    from transformers import BartConfig, BartForConditionalGeneration

    tokenizer = train_tokenizer(texts)
    config = BartConfig(
        vocab_size=len(tokenizer),
        d_model=16,
        encoder_layers=1,
        decoder_layers=1,
        encoder_attention_heads=2,
        decoder_attention_heads=2,
        encoder_ffn_dim=32,
        decoder_ffn_dim=32,
        max_position_embeddings=WINDOW,
        pad_token_id=PAD,
        bos_token_id=BOS,
        eos_token_id=EOS,
        decoder_start_token_id=EOS,
        forced_eos_token_id=EOS,
    )
    torch.manual_seed(0)
    model = BartForConditionalGeneration(config)
    # A random decoder may emit end-of-sequence at once; summarizers ship a minimum length too.
    model.generation_config.min_new_tokens = MIN_NEW_TOKENS
    model.save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder


def build_llama(folder: Path, texts: Sequence[str]) -> Path:
    """A 1-layer Llama (hidden 16) with a chat template: a decoder-only instruct model."""
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    tokenizer = train_tokenizer(texts, chat=True)
    config = LlamaConfig(
        vocab_size=len(tokenizer),
        hidden_size=16,
        intermediate_size=32,
        num_hidden_layers=1,
        num_attention_heads=2,
        num_key_value_heads=1,
        max_position_embeddings=WINDOW,
        pad_token_id=PAD,
        bos_token_id=BOS,
        eos_token_id=EOS,
    )
    torch.manual_seed(0)
    LlamaForCausalLM(config).save_pretrained(folder)
    tokenizer.save_pretrained(folder)
    return folder
