"""Reading one setting: an environment variable's text, converted and checked, or a `ConfigError` that names
the variable and never shows a secret. Private to `bot.config`; `settings.py` uses these to fill the table."""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Mapping
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TypeVar
from urllib.parse import unquote, urlsplit

T = TypeVar("T")

MASK = "********"


class ConfigError(ValueError):
    """A setting is missing or malformed. The message names the variable and never its secret value."""


def _userinfo(url: str) -> tuple[str, str, str | None, str] | None:
    """Split `scheme://user:password@rest` as (scheme, user, password, rest); None without userinfo. The
    last '@' ends the userinfo so a password holding '@', '/' or '#' is still found whole."""
    scheme, sep, rest = url.partition("://")
    if not sep or scheme.lower().startswith("sqlite"):
        return None
    userinfo, at, host = rest.rpartition("@")
    if not at:
        return None
    user, colon, password = userinfo.partition(":")
    return scheme, user, password if colon else None, host


def _mask_url_password(url: str) -> str:
    parts = _userinfo(url)
    if parts is None or parts[2] is None:
        return url
    scheme, user, _, host = parts
    return f"{scheme}://{user}:{MASK}@{host}"


def _url_passwords(url: str) -> list[str]:
    parts = _userinfo(url)
    candidates = [parts[2]] if parts is not None and parts[2] else []
    try:  # the standard parser may cut the password elsewhere (an '@' in the query); redact its answer too
        standard = urlsplit(url).password
    except ValueError:
        standard = None
    if standard:
        candidates.append(standard)
    return [form for c in candidates for form in (c, unquote(c))]


def _text(env: Mapping[str, str], name: str, default: str | None = None) -> str | None:
    value = env.get(name)
    if value is None:
        return default
    value = value.strip()
    return value if value else default


def _parse(env: Mapping[str, str], name: str, convert: Callable[[str], T], default: T, what: str,
           *, shown: Callable[[str], str] = repr) -> T:
    """`convert` the variable, or `default` when unset; `shown` renders the bad value for the message."""
    raw = _text(env, name)
    if raw is None:
        return default
    try:
        return convert(raw)
    except (ValueError, TypeError, OverflowError, InvalidOperation):
        got = shown(raw)
        raise ConfigError(f"{name} must be {what}" + (f", got {got}" if got else "")) from None


def _finite_float(raw: str) -> float:
    value = float(raw)
    if not math.isfinite(value):
        raise ValueError(raw)
    return value


def _positive_float(raw: str) -> float:
    value = _finite_float(raw)
    if not value > 0:
        raise ValueError(raw)
    return value


def _non_negative_float(raw: str) -> float:
    value = _finite_float(raw)
    if value < 0:
        raise ValueError(raw)
    return value


def _megabytes(raw: str) -> int:
    """A positive number of MB (decimal, as file sizes are shown) as bytes."""
    value = int(_positive_float(raw) * 1_000_000)
    if value < 1:
        raise ValueError(raw)
    return value


def _money(raw: str) -> Decimal:
    value = Decimal(raw.removeprefix("$"))
    if not value.is_finite() or value < 0:
        raise ValueError(raw)
    return value


_SIZE = re.compile(r"\d+(\.\d+)?K")


def _size_factors(raw: str) -> tuple[tuple[str, Decimal], ...]:
    """"1K=1, 2K=1, 4K=1.8" -> (("1K", 1), ("2K", 1), ("4K", 1.8)): what one image of a size costs, as a
    multiple of a model's listed per-image price. Sizes look like `2K`; factors are > 0; a size may appear once."""
    factors: dict[str, Decimal] = {}
    for part in (part.strip() for part in raw.split(",")):
        if not part:
            continue
        size, equals, factor = (piece.strip() for piece in part.partition("="))
        size = size.upper()
        if not equals or not _SIZE.fullmatch(size) or size in factors:
            raise ValueError(part)
        value = Decimal(factor)
        if not value.is_finite() or value <= 0:
            raise ValueError(part)
        factors[size] = value
    return tuple(factors.items())


def _model_sizes(raw: str) -> tuple[tuple[str, tuple[str, ...]], ...]:
    """"a/model=1K, b/model=1K/2K/4K" -> (("a/model", ("1K",)), ("b/model", ("1K", "2K", "4K"))): the sizes each
    listed model renders (sizes like 1K, in any order; a model may appear once)."""
    table: dict[str, tuple[str, ...]] = {}
    for part in (part.strip() for part in raw.split(",")):
        if not part:
            continue
        model, equals, sizes = (piece.strip() for piece in part.partition("="))
        listed = tuple(dict.fromkeys(size.strip().upper() for size in sizes.replace("|", "/").split("/")))
        if not equals or not model or model in table or not listed or not all(_SIZE.fullmatch(s) for s in listed):
            raise ValueError(part)
        table[model] = listed
    return tuple(table.items())


def _patterns(raw: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(part.strip() for part in raw.split(",") if part.strip()))


def _model_ids(raw: str) -> tuple[str, ...]:
    """"a/model, b/model" -> ("a/model", "b/model"): literal model ids in order, each once (no wildcards, no
    spaces or backticks, at most 100 characters: what a Discord option can carry)."""
    ids = _patterns(raw)
    for model in ids:
        if len(model) > 100 or any(c in model for c in "*?[`") or not model.isprintable() or \
                any(c.isspace() for c in model):
            raise ValueError(model)
    return ids


def _blocked_terms(raw: str) -> tuple[str, ...]:
    from bot.policy.words import WordMatcher  # the matcher's own rules decide what a usable term is

    terms = _patterns(raw)
    WordMatcher(terms)  # raises ValueError for a term it cannot use
    return terms


FONT_SUFFIXES = (".ttf", ".otf", ".ttc")


def _font_file(raw: str) -> Path:
    path = Path(raw).expanduser()
    if path.suffix.lower() not in FONT_SUFFIXES or not path.is_file():
        raise ValueError(raw)
    return path


def _positive_int(raw: str) -> int:
    value = int(raw)
    if value < 1:
        raise ValueError(raw)
    return value


def _non_negative_int(raw: str) -> int:
    value = int(raw)
    if value < 0:
        raise ValueError(raw)
    return value


def _snowflake(raw: str) -> int:
    value = int(raw)
    if value <= 0:
        raise ValueError(raw)
    return value


def _snowflakes(raw: str) -> frozenset[int]:
    return frozenset(_snowflake(part.strip()) for part in raw.replace(";", ",").split(",") if part.strip())


def _boolean(raw: str) -> bool:
    lowered = raw.lower()
    if lowered in ("1", "true", "yes", "on"):
        return True
    if lowered in ("0", "false", "no", "off"):
        return False
    raise ValueError(raw)


def _url_with(schemes: tuple[str, ...]) -> Callable[[str], str]:
    """A converter accepting only absolute URLs with one of `schemes` and a host."""

    def convert(raw: str) -> str:
        parts = urlsplit(raw)
        if parts.scheme.lower() not in schemes or not parts.hostname:
            raise ValueError(raw)
        _ = parts.port  # raises ValueError for a malformed port
        return raw.rstrip("/")

    return convert


_http_url = _url_with(("http", "https"))
_gateway_url = _url_with(("ws", "wss", "http", "https"))


def _shown_url(raw: str) -> str:
    return repr(_mask_url_password(raw))


def _shown_scheme(raw: str) -> str:
    """Only the scheme of a bad DATABASE_URL: the rest may hold a password."""
    match = re.match(r"([A-Za-z][A-Za-z0-9+.-]*)://", raw)
    return f"a {match.group(1)}:// URL" if match else ""


def _log_level(raw: str) -> str:
    level = raw.upper()
    if level not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
        raise ValueError(raw)
    return level


def _instance_name(raw: str) -> str:
    if not re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,63}", raw):
        raise ValueError(raw)
    return raw


def _port(raw: str) -> int:
    value = int(raw)
    if not 1 <= value <= 65535:
        raise ValueError(raw)
    return value


def _shard_ids(raw: str) -> tuple[int, ...]:
    """`0-3`, `4,5,6,7` or a mix (`0-1,4`): sorted, without repeats."""
    ids: set[int] = set()
    for part in raw.replace(" ", "").split(","):
        if not part:
            continue
        first, dash, last = part.partition("-")
        low, high = int(first), int(last) if dash else int(first)
        if low < 0 or high < low:
            raise ValueError(raw)
        ids.update(range(low, high + 1))
    if not ids:
        raise ValueError(raw)
    return tuple(sorted(ids))


def _database_url(raw: str) -> str:
    if not raw.startswith(("sqlite:///", "postgresql://", "postgres://")):
        raise ValueError(raw)
    return raw
