"""`STYLES_FILE`: the operator's default styles, a TOML file read once at start-up.

    [[style]]
    name = "Watercolour"
    text = "watercolour, soft light, paper texture"

    [[style]]
    name = "Noir"
    text = "film noir, high contrast, deep shadows"

Each style follows the rules of a server's own (`bot.policy.styles`): a name of at most 100 characters, unique
whatever its case, a text of at most 300, at most 25 styles, and no term of `OPERATOR_BLOCKED_WORDS` in either.
Anything else stops the start-up with a `ConfigError` naming the file and the line.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bot.config.parsing import ConfigError
from bot.records.guild import Style

_TOML_POSITION = re.compile(r"\s*\(at line (?P<line>\d+), column \d+\)$")
_STYLE_HEADER = re.compile(r"^\s*\[\[\s*style\s*\]\]")
_KEYS = {"name", "text"}


def load_styles(path: Path, *, blocked_terms: Sequence[str] = ()) -> tuple[Style, ...]:
    """The styles of the file at `path`, by name; a `ConfigError` naming the file and the line of what is wrong."""
    try:
        source = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        raise ConfigError(f"STYLES_FILE {path} does not exist") from None
    except IsADirectoryError:
        raise ConfigError(f"STYLES_FILE {path} is a folder, not a file") from None
    except OSError as exc:
        raise ConfigError(f"cannot read STYLES_FILE {path}: {exc.strerror or type(exc).__name__}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"STYLES_FILE {path} is not UTF-8 text") from None
    try:
        document = tomllib.loads(source)
    except tomllib.TOMLDecodeError as exc:
        message = str(exc)
        position = _TOML_POSITION.search(message)
        where = f", line {position['line']}" if position else ""
        raise ConfigError(f"STYLES_FILE {path}{where}: not valid TOML: "
                          f"{_TOML_POSITION.sub('', message)}") from None
    return _styles(path, document, _header_lines(source), blocked_terms)


def _header_lines(source: str) -> list[int]:
    """The line numbers (from 1) of the file's `[[style]]` headers, in order."""
    return [number for number, line in enumerate(source.splitlines(), 1) if _STYLE_HEADER.match(line)]


def _styles(path: Path, document: dict[str, Any], headers: list[int],
            blocked_terms: Sequence[str]) -> tuple[Style, ...]:
    from bot.policy import styles as rules  # late: the policy package imports what imports this one
    from bot.policy.rules import PolicyRefusal
    from bot.policy.words import WordMatcher

    unknown = sorted(set(document) - {"style"})
    if unknown:
        raise ConfigError(f"STYLES_FILE {path}: unknown key or table `{unknown[0]}`; write each style as a "
                          "[[style]] table with a name and a text")
    entries = document.get("style", [])
    if not isinstance(entries, list) or not all(isinstance(entry, dict) for entry in entries):
        raise ConfigError(f"STYLES_FILE {path}: `style` must be a list of tables: write each style as a [[style]] "
                          "table with a name and a text")
    if len(entries) > rules.MAX_STYLES:
        raise ConfigError(f"STYLES_FILE {path}: {len(entries)} styles; at most {rules.MAX_STYLES} (as many as one "
                          "suggestion list shows)")
    blocked = WordMatcher(blocked_terms)
    styles: dict[str, Style] = {}
    for index, entry in enumerate(entries):
        where = f"STYLES_FILE {path}, " + (f"line {headers[index]}" if len(headers) == len(entries)
                                           else f"style {index + 1}")
        extra = sorted(set(entry) - _KEYS)
        if extra:
            raise ConfigError(f"{where}: unknown key `{extra[0]}`; a style has a name and a text")
        if not all(isinstance(entry.get(key), str) for key in _KEYS):
            raise ConfigError(f"{where}: a style needs a name and a text, both strings")
        try:
            style = Style(name=rules.style_name(entry["name"]), text=rules.style_text(entry["text"]))
        except PolicyRefusal as refused:
            raise ConfigError(f"{where}: {refused.reason}") from None
        if style.key in styles:
            raise ConfigError(f"{where}: a second style named `{style.name}` (names are compared whatever "
                              "their case)")
        for part, value in (("name", style.name), ("text", style.text)):
            if (term := blocked.find(value)) is not None:
                raise ConfigError(f"{where}: the style's {part} contains `{term}`, which OPERATOR_BLOCKED_WORDS "
                                  "blocks")
        styles[style.key] = style
    return rules.by_name(styles.values())
