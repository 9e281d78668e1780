from __future__ import annotations

from pathlib import Path

import pytest

from briefing.config import load_config
from briefing.errors import ConfigError


def test_flags_override_toml_which_overrides_defaults(tmp_path: Path) -> None:
    toml = tmp_path / "briefing.toml"
    toml.write_text('[brief]\nsentences = 4\nmax_words = 90\n[compose]\nmodel = "m"\n')
    config = load_config(toml, {"brief": {"sentences": 7, "max_words": None}})
    assert (config.brief.sentences, config.brief.max_words) == (7, 90)
    assert config.compose.model == "m"
    assert config.verify.max_citations == 5


def test_unknown_setting_names_the_file_and_key(tmp_path: Path) -> None:
    toml = tmp_path / "briefing.toml"
    toml.write_text("[brief]\nsentense = 4\n")
    with pytest.raises(ConfigError, match=r"briefing\.toml.*brief\.sentense"):
        load_config(toml)


def test_invalid_toml_is_a_config_error(tmp_path: Path) -> None:
    toml = tmp_path / "briefing.toml"
    toml.write_text("[brief\n")
    with pytest.raises(ConfigError, match="invalid TOML"):
        load_config(toml)


def test_threshold_order_is_checked() -> None:
    with pytest.raises(ConfigError, match="medium_threshold"):
        load_config(None, {"credibility": {"high_threshold": 0.4, "medium_threshold": 0.6}})
