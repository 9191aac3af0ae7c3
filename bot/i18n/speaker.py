"""Words, numbers, money and durations in one reader's language.

    speak = Speaker.for_locale("ja")
    speak(msg("Today (last 24 h): {images} · {cost}", images=..., cost=speak.money(amount)))

Whole numbers given as parameters are written the reader's way (12,345 · 12.345 · 12 345); money keeps its
precision ($0.039 stays 0.039 in every language); a parameter that is itself a `Message` is translated too."""

from __future__ import annotations

import math
from decimal import Decimal
from functools import cache
from typing import Any

from babel.lists import format_list
from babel.numbers import format_currency, format_decimal
from babel.units import format_unit

from bot.i18n.catalog import Catalog, default_catalog
from bot.i18n.locales import BABEL_LOCALES, SOURCE_LOCALE, supported
from bot.i18n.message import ListOf, Message, Wait

CENT = Decimal("0.01")
SMALLEST = Decimal("0.0001")


class Speaker:
    """Translates `Message`s into one locale and formats values for it."""

    def __init__(self, locale: str, catalog: Catalog) -> None:
        self.locale = supported(locale)
        self.babel_locale = BABEL_LOCALES[self.locale]
        self.catalog = catalog

    @classmethod
    def for_locale(cls, locale: str | None, catalog: Catalog | None = None) -> Speaker:
        return cls(locale or SOURCE_LOCALE, catalog or default_catalog())

    def __call__(self, message: Message | str) -> str:
        if isinstance(message, str):
            return message
        if message.plural is not None and message.count is not None:
            template = self.catalog.plural(self.locale, message.text, message.plural, message.count, message.context)
        else:
            template = self.catalog.text(self.locale, message.text, message.context)
        return template.format(**{key: self._value(value) for key, value in message.params.items()})

    def _value(self, value: Any) -> str:
        if isinstance(value, Message):
            return self(value)
        if isinstance(value, Wait):
            amount, unit = value.amount()
            return format_unit(amount, f"duration-{unit}", length="long", locale=self.babel_locale)
        if isinstance(value, ListOf):
            return format_list(list(value.items), locale=self.babel_locale)
        if isinstance(value, bool):
            return str(value)
        if isinstance(value, int):
            return self.number(value)
        return str(value)

    def number(self, value: int | float | Decimal, *, places: int | None = None) -> str:
        """A number the reader's way (12,345.6 · 12.345,6); with `places`, exactly that many decimals."""
        pattern = None if places is None else "#,##0" + ("." + "0" * places if places else "")
        return format_decimal(value, format=pattern, locale=self.babel_locale)

    def money(self, amount: Decimal, *, total: bool = False) -> str:
        """US dollars as the reader writes them. A price or a job's cost keeps its digits, up to 4 decimals
        ($0.039 stays $0.039); a `total` reads in cents from one cent up. Under $0.0001 reads "<$0.0001", so
        money spent never reads as nothing."""
        if amount and abs(amount) < SMALLEST:
            return "<" + self._dollars(SMALLEST)
        if total and (not amount or abs(amount) >= CENT):
            return self._dollars(amount.quantize(CENT))
        exact = amount.quantize(SMALLEST).normalize()
        return self._dollars(exact if -exact.as_tuple().exponent >= 2 else exact.quantize(CENT))  # type: ignore[operator]

    def _dollars(self, amount: Decimal) -> str:
        return format_currency(amount, "USD", locale=self.babel_locale, currency_digits=False,
                               decimal_quantization=False)

    def duration(self, seconds: float) -> str:
        """A wait rounded up, so the member never asks too early: "12 sec", "5 min", "2 hr 5 min" in English, each
        language's own short units elsewhere."""
        total = max(1, math.ceil(seconds))
        if total < 90:
            return self._unit(total, "second")
        minutes = math.ceil(total / 60)
        if minutes < 60:
            return self._unit(minutes, "minute")
        hours, rest = divmod(minutes, 60)
        return self._unit(hours, "hour") + (f" {self._unit(rest, 'minute')}" if rest else "")

    def elapsed(self, seconds: float) -> str:
        """Time a job took, in whole units, never negative: "12s", "1m 5s" in English, "12秒", "1分5秒"."""
        total = max(0, round(seconds))
        if total < 60:
            return self._unit(total, "second")
        if total < 3600:
            return f"{self._unit(total // 60, 'minute')} {self._unit(total % 60, 'second')}"
        return f"{self._unit(total // 3600, 'hour')} {self._unit(total % 3600 // 60, 'minute')}"

    def _unit(self, value: int, unit: str, length: str = "short") -> str:
        return format_unit(value, f"duration-{unit}", length=length, locale=self.babel_locale)


@cache
def english() -> Speaker:
    """The source language: what logs, the CLI and tests read."""
    return Speaker.for_locale(SOURCE_LOCALE)
