"""A sentence for someone, not yet in their language.

The core says what to tell a member with `msg("The model {model} is not allowed on this server.", model=...)`
(or `msgs(singular, plural, count, ...)` when a number decides the form); the Discord layer puts it into the
reader's language with a `Speaker` at the last moment. `str(message)` is the English text (logs, tests).
`python -m tools.catalog extract` finds every `msg(...)` / `msgs(...)` in the code for the catalogue."""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class Message:
    text: str  # the English text, with {placeholders}
    params: Mapping[str, Any] = field(default_factory=dict)
    plural: str | None = None  # the English plural form, when `count` decides the form
    count: int | None = None
    context: str | None = None  # msgctxt, when the same English means two things

    def english(self) -> str:
        template = self.plural if self.plural is not None and self.count != 1 else self.text
        return template.format(**{key: str(value) for key, value in self.params.items()})

    def __str__(self) -> str:
        return self.english()


def msg(text: str, /, **params: Any) -> Message:
    return Message(text, params)


def msgs(singular: str, plural: str, count: int, /, **params: Any) -> Message:
    """A sentence whose form depends on `count` (available to the text as `{count}`)."""
    return Message(singular, {"count": count, **params}, plural=plural, count=count)


@dataclass(frozen=True, slots=True)
class Wait:
    """A wait to name in a sentence ("in {wait}"), rounded up to a unit people use: seconds below 90 s, minutes
    below 90 min, else hours. The reader's language writes the unit ("43 seconds", "3 Stunden")."""

    seconds: float

    def amount(self) -> tuple[int, str]:
        total = max(1, math.ceil(self.seconds))
        if total < 90:
            return total, "second"
        if total < 90 * 60:
            return math.ceil(total / 60), "minute"
        return math.ceil(total / 3600), "hour"

    def __str__(self) -> str:
        value, unit = self.amount()
        return f"{value} {unit}{'' if value == 1 else 's'}"


@dataclass(frozen=True, slots=True)
class ListOf:
    """Items to name in a sentence as a list, joined the reader's way ("1K, 2K, and 4K", "1K、2K、4K")."""

    items: tuple[str, ...]

    def __str__(self) -> str:
        if len(self.items) <= 2:
            return " and ".join(self.items)
        return f"{', '.join(self.items[:-1])}, and {self.items[-1]}"
