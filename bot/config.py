"""Typed, immutable settings built once from the environment (and `.env`).

This is the only module that reads environment variables. Everything else receives a `Settings`
instance (or one of its parts) through its constructor.
"""

from __future__ import annotations

import dataclasses
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")

DEFAULT_BASE_URL = "https://openroute.cn/api/v1"
DEFAULT_MODEL = "google/gemini-2.5-flash-image-preview"
DEFAULT_DATABASE_URL = "sqlite:///data/imagine-bot.db"


class ConfigError(ValueError):
    """A setting is missing or malformed. The message names the variable and never its secret value."""


class Secret:
    """A string that never shows itself in repr/str/logs. Call `.get()` where the real value is needed."""

    __slots__ = ("_value",)

    def __init__(self, value: str) -> None:
        self._value = value

    def get(self) -> str:
        return self._value

    def __repr__(self) -> str:
        return "Secret('********')"

    __str__ = __repr__

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Secret) and other._value == self._value

    def __hash__(self) -> int:
        return hash(self._value)

    def __bool__(self) -> bool:
        return bool(self._value)


@dataclass(frozen=True, slots=True)
class Timeouts:
    """Seconds. `first_byte` covers the wait for the response headers; `idle` is the longest allowed gap
    between two bytes of a stream (keep-alive comments reset it); `total` bounds one whole request."""

    connect: float = 10.0
    first_byte: float = 120.0
    idle: float = 90.0
    total: float = 600.0


@dataclass(frozen=True, slots=True)
class OpenRouteSettings:
    base_url: str = DEFAULT_BASE_URL
    api_key: Secret = field(default_factory=lambda: Secret(""))
    app_name: str = "imagine-bot"
    app_url: str | None = None
    timeouts: Timeouts = field(default_factory=Timeouts)
    max_connections: int = 16
    max_retries: int = 3
    retry_base_delay: float = 1.0
    retry_max_delay: float = 30.0
    max_event_bytes: int = 64 * 1024 * 1024
    models_cache_ttl: float = 600.0


@dataclass(frozen=True, slots=True)
class Settings:
    discord_token: Secret | None
    openroute: OpenRouteSettings
    default_model: str = DEFAULT_MODEL
    database_url: str = DEFAULT_DATABASE_URL
    discord_api_base_url: str | None = None
    discord_gateway_url: str | None = None
    dev_guild_id: int | None = None
    owner_ids: frozenset[int] = frozenset()
    log_level: str = "INFO"
    max_concurrent_jobs: int = 4
    max_jobs_per_user: int = 2
    max_queue_size: int = 100
    image_workers: int = 2
    dm_enabled: bool = True
    dm_daily_limit: int = 20
    edit_interval: float = 1.5
    health_file: Path | None = None

    def require_discord(self) -> None:
        """Raise `ConfigError` unless everything `imagine-bot run` needs is present."""
        if not self.discord_token:
            raise ConfigError("DISCORD_TOKEN is not set: create a bot in the Discord developer portal "
                              "and put its token in .env")
        self.require_openroute()

    def require_openroute(self) -> None:
        if not self.openroute.api_key:
            raise ConfigError("OPENROUTE_API_KEY is not set: put your OpenRoute API key in .env")

    @property
    def sqlite_path(self) -> Path | None:
        """The SQLite file named by `database_url` (SQLAlchemy style), or None for other databases."""
        prefix = "sqlite:///"
        if not self.database_url.startswith(prefix):
            return None
        rest = self.database_url[len(prefix):]
        if rest in ("", ":memory:"):
            return Path(":memory:")
        return Path(rest)  # "sqlite:////abs" leaves "/abs"; "sqlite:///rel" leaves "rel"


# --- parsing -----------------------------------------------------------------------------------------

def _text(env: Mapping[str, str], name: str, default: str | None = None) -> str | None:
    value = env.get(name)
    if value is None:
        return default
    value = value.strip()
    return value if value else default


def _parse(env: Mapping[str, str], name: str, convert: Callable[[str], T], default: T, what: str) -> T:
    raw = _text(env, name)
    if raw is None:
        return default
    try:
        return convert(raw)
    except (ValueError, TypeError):
        raise ConfigError(f"{name} must be {what}, got {raw!r}") from None


def _positive_float(raw: str) -> float:
    value = float(raw)
    if not value > 0:
        raise ValueError(raw)
    return value


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


def _url(raw: str) -> str:
    if not raw.startswith(("http://", "https://", "ws://", "wss://")):
        raise ValueError(raw)
    return raw.rstrip("/")


def _log_level(raw: str) -> str:
    level = raw.upper()
    if level not in ("DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL"):
        raise ValueError(raw)
    return level


def _database_url(raw: str) -> str:
    if not raw.startswith(("sqlite:///", "postgresql://", "postgres://")):
        raise ValueError(raw)
    return raw


def settings_from_env(env: Mapping[str, str]) -> Settings:
    """Build `Settings` from a mapping of environment variables; raise `ConfigError` on the first bad one."""
    timeouts = Timeouts(
        connect=_parse(env, "OPENROUTE_CONNECT_TIMEOUT", _positive_float, 10.0, "a positive number of seconds"),
        first_byte=_parse(env, "OPENROUTE_FIRST_BYTE_TIMEOUT", _positive_float, 120.0,
                          "a positive number of seconds"),
        idle=_parse(env, "OPENROUTE_IDLE_TIMEOUT", _positive_float, 90.0, "a positive number of seconds"),
        total=_parse(env, "OPENROUTE_TOTAL_TIMEOUT", _positive_float, 600.0, "a positive number of seconds"),
    )
    api_key = _text(env, "OPENROUTE_API_KEY", "") or ""
    openroute = OpenRouteSettings(
        base_url=_parse(env, "OPENROUTE_BASE_URL", _url, DEFAULT_BASE_URL, "an http(s) URL"),
        api_key=Secret(api_key),
        app_name=_text(env, "APP_NAME", "imagine-bot") or "imagine-bot",
        app_url=_parse(env, "APP_URL", _url, None, "an http(s) URL"),
        timeouts=timeouts,
        max_connections=_parse(env, "OPENROUTE_MAX_CONNECTIONS", _positive_int, 16, "a positive integer"),
        max_retries=_parse(env, "OPENROUTE_MAX_RETRIES", _non_negative_int, 3, "a whole number >= 0"),
        max_event_bytes=_parse(env, "OPENROUTE_MAX_EVENT_MB", _positive_int, 64, "a positive number of MiB")
        * 1024 * 1024,
    )
    token = _text(env, "DISCORD_TOKEN")
    health = _text(env, "HEALTH_FILE")
    return Settings(
        discord_token=Secret(token) if token else None,
        openroute=openroute,
        default_model=_text(env, "DEFAULT_MODEL", DEFAULT_MODEL) or DEFAULT_MODEL,
        database_url=_parse(env, "DATABASE_URL", _database_url, DEFAULT_DATABASE_URL,
                            "a sqlite:/// or postgresql:// URL"),
        discord_api_base_url=_parse(env, "DISCORD_API_BASE_URL", _url, None, "an http(s) URL"),
        discord_gateway_url=_parse(env, "DISCORD_GATEWAY_URL", _url, None, "a ws(s) URL"),
        dev_guild_id=_parse(env, "DEV_GUILD_ID", _snowflake, None, "a Discord server id (a number)"),
        owner_ids=_parse(env, "OWNER_IDS", _snowflakes, frozenset(), "a comma-separated list of user ids"),
        log_level=_parse(env, "LOG_LEVEL", _log_level, "INFO", "one of DEBUG, INFO, WARNING, ERROR"),
        max_concurrent_jobs=_parse(env, "MAX_CONCURRENT_JOBS", _positive_int, 4, "a positive integer"),
        max_jobs_per_user=_parse(env, "MAX_JOBS_PER_USER", _positive_int, 2, "a positive integer"),
        max_queue_size=_parse(env, "MAX_QUEUE_SIZE", _positive_int, 100, "a positive integer"),
        image_workers=_parse(env, "IMAGE_WORKERS", _positive_int, 2, "a positive integer"),
        dm_enabled=_parse(env, "DM_ENABLED", _boolean, True, "true or false"),
        dm_daily_limit=_parse(env, "DM_DAILY_LIMIT", _non_negative_int, 20, "a whole number >= 0"),
        edit_interval=_parse(env, "EDIT_INTERVAL", _positive_float, 1.5, "a positive number of seconds"),
        health_file=Path(health) if health else None,
    )


def load_settings(env_file: str | os.PathLike[str] | None = ".env",
                  environ: Mapping[str, str] | None = None) -> Settings:
    """Read `.env` (if present; real environment variables win) and build the settings."""
    merged: dict[str, str] = {}
    if env_file is not None and Path(env_file).is_file():
        from dotenv import dotenv_values

        merged.update({k: v for k, v in dotenv_values(env_file).items() if v is not None})
    merged.update(os.environ if environ is None else environ)
    return settings_from_env(merged)


def replace(settings: Settings, **changes: Any) -> Settings:
    """A copy of `settings` with some fields changed (tests and the CLI use it)."""
    return dataclasses.replace(settings, **changes)
