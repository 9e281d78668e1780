"""Prompt templates (prompts/instruct.txt, prompts/seq2seq.txt): loading, strict rendering of
`{{name}}` placeholders, and sanitising the article text placed inside them.

Article text is data: it is flattened to one line, stripped of claim-id markers and of the angle
brackets that delimit it, and substituted in one pass, so it can neither close the `<claims>`
block, start a new section, fake a citation, nor be read as a placeholder.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Set
from dataclasses import dataclass
from pathlib import Path

from briefing.compose.generator import Prompt, PromptKind
from briefing.errors import ConfigError

PLACEHOLDER = re.compile(r"\{\{\s*(\w+)\s*\}\}")
SECTION = re.compile(r"^\[(system|user)\][ \t]*$", re.MULTILINE)
# A citation marker as models write them: [C3], [c3], [C3, C7], [C3; C7].
CLAIM_MARK = re.compile(r"\[\s*C\d+(?:\s*[,;]?\s*C\d+)*\s*\]", re.IGNORECASE)
# <repo>/prompts: this file is <repo>/src/briefing/compose/prompts.py.
DEFAULT_DIR = Path(__file__).resolve().parents[3] / "prompts"
FILES: dict[PromptKind, str] = {"instruct": "instruct.txt", "seq2seq": "seq2seq.txt"}
# The variables the composer fills in; a template may use any of them.
VARIABLES = frozenset({"claims", "sentences", "max_words", "task_prefix"})
# Without the claims a model has nothing to write from.
REQUIRED = frozenset({"claims"})


@dataclass(frozen=True)
class Template:
    """One prompt template; `path` names it in error messages."""

    path: str
    system: str
    user: str

    @property
    def placeholders(self) -> set[str]:
        return set(PLACEHOLDER.findall(self.system + self.user))


def load_template(kind: PromptKind, folder: Path | None = None) -> Template:
    """Read and check a template: instruct ones have [system] and [user] sections, seq2seq none."""
    path = (folder or DEFAULT_DIR) / FILES[kind]
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise ConfigError(f"cannot read prompt template ({exc.strerror})", str(path)) from exc
    template = _parse(text, kind, str(path))
    unknown = template.placeholders - VARIABLES
    if unknown:
        raise ConfigError(f"template uses unknown variable(s) {_names(unknown)}", str(path))
    missing = REQUIRED - template.placeholders
    if missing:
        raise ConfigError(f"template lacks required variable(s) {_names(missing)}", str(path))
    if "{{" in PLACEHOLDER.sub("", text) or "}}" in PLACEHOLDER.sub("", text):
        raise ConfigError("template has a malformed {{placeholder}}", str(path))
    return template


def _parse(text: str, kind: PromptKind, path: str) -> Template:
    parts = SECTION.split(text)
    headers = parts[1::2]
    if kind == "seq2seq":
        if headers:
            raise ConfigError("a seq2seq template takes no [system]/[user] sections", path)
        return Template(path, "", text.strip())
    if headers != ["system", "user"] or parts[0].strip():
        raise ConfigError("an instruct template needs a [system] then a [user] section", path)
    return Template(path, parts[2].strip(), parts[4].strip())


def _names(names: Set[str]) -> str:
    return ", ".join("{{" + name + "}}" for name in sorted(names))


def render(template: Template, values: Mapping[str, str]) -> Prompt:
    """Fill every placeholder; one the values do not cover is an error naming the template."""

    def fill(match: re.Match[str]) -> str:
        name = match.group(1)
        if name not in values:
            raise ConfigError(f"no value for template variable {{{{{name}}}}}", template.path)
        return values[name]

    return Prompt(PLACEHOLDER.sub(fill, template.system), PLACEHOLDER.sub(fill, template.user))


def sanitise(text: str) -> str:
    """Article text made safe to quote: one line, no claim markers, no angle brackets."""
    text = CLAIM_MARK.sub(" ", text).replace("<", "‹").replace(">", "›")
    text = "".join(char if char.isprintable() else " " for char in text)
    return " ".join(text.split())
