"""The settings table: every setting with its type and default (`Settings`, `OpenRouteSettings`, `Timeouts`),
built once from the environment and `.env` by `settings_from_env` / `load_settings`."""

from __future__ import annotations

import dataclasses
import os
import socket
from collections.abc import Mapping
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from bot.config.parsing import (
    ConfigError,
    _blocked_terms,
    _boolean,
    _database_url,
    _font_file,
    _gateway_url,
    _http_url,
    _instance_name,
    _log_level,
    _mask_url_password,
    _megabytes,
    _model_ids,
    _model_sizes,
    _money,
    _non_negative_float,
    _non_negative_int,
    _parse,
    _patterns,
    _port,
    _positive_float,
    _positive_int,
    _shard_ids,
    _shown_scheme,
    _shown_url,
    _size_factors,
    _snowflake,
    _snowflakes,
    _text,
    _url_passwords,
)
from bot.config.styles import load_styles
from bot.records.guild import Style

DEFAULT_BASE_URL = "https://openroute.cn/api/v1"
DEFAULT_MODEL = "google/gemini-2.5-flash-image"
DEFAULT_DATABASE_URL = "sqlite:///data/imagine-bot.db"
DEFAULT_INPUT_MAX_MB = 20
DEFAULT_INPUT_MAX_PIXELS = 24_000_000
DEFAULT_MAX_CONCURRENT_JOBS = 32
MAX_IMAGES_PER_REQUEST = 4  # the largest `count` of /imagine: each image is one API request of its own
SPARE_API_CONNECTIONS = 4  # beside the image streams: the model list, look-ups of a generation's cost


def default_max_connections(max_concurrent_jobs: int) -> int:
    """OPENROUTE_MAX_CONNECTIONS when unset: a connection for every request the running jobs may have open at
    once (each asks for up to four images, one request each), and a few spare; so no request of a running job
    waits for another's stream to end."""
    return max_concurrent_jobs * MAX_IMAGES_PER_REQUEST + SPARE_API_CONNECTIONS

# the sizes well-known models render (the provider's model list does not say); other models: all three
DEFAULT_MODEL_IMAGE_SIZES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("google/gemini-2.5-flash-image", ("1K",)),
    ("google/gemini-2.5-flash-image-preview", ("1K",)),
    ("google/gemini-3-pro-image-preview", ("1K", "2K", "4K")),
)
# 1K and 2K usually cost alike and 4K more (e.g. $0.134 and $0.24 an image for Gemini 3 Pro Image)
DEFAULT_COST_SIZE_FACTORS: tuple[tuple[str, Decimal], ...] = (("1K", Decimal(1)), ("2K", Decimal(1)),
                                                              ("4K", Decimal("1.8")))


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
    max_connections: int = default_max_connections(DEFAULT_MAX_CONCURRENT_JOBS)
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
    # repr=False: a PostgreSQL URL may hold a password; show `database_url_display` instead
    database_url: str = field(default=DEFAULT_DATABASE_URL, repr=False)
    discord_api_base_url: str | None = None
    discord_gateway_url: str | None = None
    dev_guild_id: int | None = None
    owner_ids: frozenset[int] = frozenset()
    log_level: str = "INFO"
    # jobs generating at once, across every process sharing the database
    max_concurrent_jobs: int = DEFAULT_MAX_CONCURRENT_JOBS
    max_jobs_per_user: int = 2
    max_queue_size: int = 100
    image_workers: int = 2  # threads decoding and encoding images: the CPU a process spends on pixels
    image_memory_bytes: int = 1024 * 1024 * 1024  # worst-case memory of in-flight images (IMAGE_MEMORY_MB)
    database_pool_size: int = 10  # PostgreSQL connections per process
    database_timeout: float = 10.0  # seconds one database call may take, waits included (DATABASE_TIMEOUT)
    shard_count: int | None = None  # None: ask Discord (and run every shard in this process)
    shard_ids: tuple[int, ...] | None = None  # the shards this process runs; None: all of `shard_count`
    instance_name: str = field(default_factory=lambda: _default_instance_name())
    metrics_port: int | None = None  # Prometheus /metrics and /healthz; None: off
    metrics_host: str = "127.0.0.1"
    dm_enabled: bool = True
    dm_daily_limit: int = 20
    edit_interval: float = 1.5
    health_file: Path | None = None
    retention_days: int = 30  # 0 keeps finished jobs forever
    models_refresh_minutes: int = 60  # how often the provider's model list is loaded again; 0: only at start-up
    shutdown_grace: float = 8.0  # seconds running jobs get on shutdown; inside Docker's 10 s stop timeout
    input_max_bytes: int = DEFAULT_INPUT_MAX_MB * 1_000_000
    # pixels of an image to edit, checked from its header before decoding: a little above the largest image the
    # bot makes (4K at any aspect ratio: at most 4096x4096 = 16.8 MP), so members can edit its results
    input_max_pixels: int = DEFAULT_INPUT_MAX_PIXELS
    input_download_timeout: float = 30.0
    allowed_models: tuple[str, ...] = ()  # model id patterns (`*` wildcards); empty: every image model
    dm_models: tuple[str, ...] = ()  # the same for DMs; empty: `allowed_models`
    default_daily_limit: int = 20  # images per member per server per 24 h where a server set none; 0: none
    global_daily_budget_usd: Decimal = Decimal(0)  # the whole bot, rolling 24 h; 0: none
    cost_estimate_usd: Decimal = Decimal("0.04")  # per image, when a model has no history and no price
    # what an image of each size costs as a multiple of a model's listed per-image price; unlisted sizes: 1
    cost_size_factors: tuple[tuple[str, Decimal], ...] = DEFAULT_COST_SIZE_FACTORS
    # the sizes listed models render (MODEL_IMAGE_SIZES over the defaults); models not listed render every size
    model_image_sizes: tuple[tuple[str, tuple[str, ...]], ...] = DEFAULT_MODEL_IMAGE_SIZES
    upscale_model: str | None = None  # renders Upscale when the result's own model cannot go larger
    # models that read an image and answer text, for /describe (the first is the default); empty: no /describe
    describe_models: tuple[str, ...] = ()
    styles_file: Path | None = None  # STYLES_FILE: the operator's default styles (TOML), read at start-up
    styles: tuple[Style, ...] = ()  # the styles of that file, by name
    operator_blocked_words: tuple[str, ...] = ()  # terms refused in every prompt, DMs included
    chart_font: Path | None = None  # CHART_FONT: the usage chart's font file; None: Noto Sans CJK if installed

    def size_factor(self, image_size: str | None) -> Decimal:
        """`COST_SIZE_FACTORS` of a size (a request naming none is drawn at 1K); 1 for a size not listed."""
        return dict(self.cost_size_factors).get((image_size or "1K").upper(), Decimal(1))

    @property
    def runs_shard_zero(self) -> bool:
        """True when this process holds shard 0 (the one that syncs application commands)."""
        return self.shard_ids is None or 0 in self.shard_ids

    def require_discord(self) -> None:
        """Raise `ConfigError` unless everything `imagine-bot run` needs is present."""
        if not self.discord_token:
            raise ConfigError("DISCORD_TOKEN is not set: create a bot in the Discord developer portal "
                              "and put its token in .env")
        self.require_openroute()

    def require_openroute(self) -> None:
        """Raise `ConfigError` unless the OpenRoute API key is present."""
        if not self.openroute.api_key:
            raise ConfigError("OPENROUTE_API_KEY is not set: put your OpenRoute API key in .env")

    @property
    def database_url_display(self) -> str:
        """`database_url` with its password masked, safe for logs and messages."""
        return _mask_url_password(self.database_url)

    def secrets(self) -> tuple[str, ...]:
        """Every secret string that must never reach a log line: the bot token, the API key and the
        database password (raw and percent-decoded, as libraries may log either)."""
        found = [secret.get() for secret in (self.discord_token, self.openroute.api_key) if secret]
        found.extend(_url_passwords(self.database_url))
        return tuple(dict.fromkeys(s for s in found if s))


def _default_instance_name() -> str:
    """The host name: stable across restarts of one machine or container, different between machines."""
    return socket.gethostname() or "imagine-bot"


def _shards(env: Mapping[str, str]) -> tuple[int | None, tuple[int, ...] | None]:
    count = _parse(env, "SHARD_COUNT", _positive_int, None, "a positive integer")
    ids = _parse(env, "SHARD_IDS", _shard_ids, None, "shard numbers such as 0-3 or 4,5,6,7")
    if ids is not None:
        if count is None:
            raise ConfigError("SHARD_IDS needs SHARD_COUNT (the total number of shards across every process)")
        if ids[-1] >= count:
            raise ConfigError(f"SHARD_IDS names shard {ids[-1]}, but SHARD_COUNT={count} numbers shards "
                              f"0 to {count - 1}")
    return count, ids


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
    model_sizes = _parse(env, "MODEL_IMAGE_SIZES", _model_sizes, (),
                         "a list like google/gemini-2.5-flash-image=1K, some/model=1K/2K/4K")
    max_concurrent_jobs = _parse(env, "MAX_CONCURRENT_JOBS", _positive_int, DEFAULT_MAX_CONCURRENT_JOBS,
                                 "a positive integer")
    openroute = OpenRouteSettings(
        base_url=_parse(env, "OPENROUTE_BASE_URL", _http_url, DEFAULT_BASE_URL, "an http(s) URL with a host",
                        shown=_shown_url),
        api_key=Secret(api_key),
        app_name=_text(env, "APP_NAME", "imagine-bot") or "imagine-bot",
        app_url=_parse(env, "APP_URL", _http_url, None, "an http(s) URL with a host", shown=_shown_url),
        timeouts=timeouts,
        max_connections=_parse(env, "OPENROUTE_MAX_CONNECTIONS", _positive_int,
                               default_max_connections(max_concurrent_jobs), "a positive integer"),
        max_retries=_parse(env, "OPENROUTE_MAX_RETRIES", _non_negative_int, 3, "a whole number >= 0"),
        max_event_bytes=_parse(env, "OPENROUTE_MAX_EVENT_MB", _positive_int, 64, "a positive number of MiB")
        * 1024 * 1024,
    )
    token = _text(env, "DISCORD_TOKEN")
    health = _text(env, "HEALTH_FILE")
    shard_count, shard_ids = _shards(env)
    instance = _parse(env, "INSTANCE_NAME", _instance_name, None,
                      "a name of letters, digits and . _ : - (at most 64 characters)")
    styles_file = _text(env, "STYLES_FILE")
    settings = Settings(
        discord_token=Secret(token) if token else None,
        openroute=openroute,
        default_model=_text(env, "DEFAULT_MODEL", DEFAULT_MODEL) or DEFAULT_MODEL,
        database_url=_parse(env, "DATABASE_URL", _database_url, DEFAULT_DATABASE_URL,
                            "a sqlite:/// or postgresql:// URL", shown=_shown_scheme),
        discord_api_base_url=_parse(env, "DISCORD_API_BASE_URL", _http_url, None, "an http(s) URL with a host",
                                    shown=_shown_url),
        discord_gateway_url=_parse(env, "DISCORD_GATEWAY_URL", _gateway_url, None,
                                   "a ws(s) or http(s) URL with a host", shown=_shown_url),
        dev_guild_id=_parse(env, "DEV_GUILD_ID", _snowflake, None, "a Discord server id (a number)"),
        owner_ids=_parse(env, "OWNER_IDS", _snowflakes, frozenset(), "a comma-separated list of user ids"),
        log_level=_parse(env, "LOG_LEVEL", _log_level, "INFO", "one of DEBUG, INFO, WARNING, ERROR"),
        max_concurrent_jobs=max_concurrent_jobs,
        max_jobs_per_user=_parse(env, "MAX_JOBS_PER_USER", _positive_int, 2, "a positive integer"),
        max_queue_size=_parse(env, "MAX_QUEUE_SIZE", _positive_int, 100, "a positive integer"),
        image_workers=_parse(env, "IMAGE_WORKERS", _positive_int, 2, "a positive integer"),
        image_memory_bytes=_parse(env, "IMAGE_MEMORY_MB", _positive_int, 1024, "a positive number of MiB")
        * 1024 * 1024,
        database_pool_size=_parse(env, "DATABASE_POOL_SIZE", _positive_int, 10, "a positive integer"),
        database_timeout=_parse(env, "DATABASE_TIMEOUT", _positive_float, 10.0, "a positive number of seconds"),
        shard_count=shard_count,
        shard_ids=shard_ids,
        **({"instance_name": instance} if instance else {}),
        metrics_port=_parse(env, "METRICS_PORT", _port, None, "a port number (1-65535)"),
        metrics_host=_text(env, "METRICS_HOST", "127.0.0.1") or "127.0.0.1",
        dm_enabled=_parse(env, "DM_ENABLED", _boolean, True, "true or false"),
        dm_daily_limit=_parse(env, "DM_DAILY_LIMIT", _non_negative_int, 20, "a whole number >= 0"),
        allowed_models=_parse(env, "ALLOWED_MODELS", _patterns, (), "a comma-separated list of model ids"),
        dm_models=_parse(env, "DM_MODELS", _patterns, (), "a comma-separated list of model ids"),
        default_daily_limit=_parse(env, "DEFAULT_DAILY_LIMIT", _non_negative_int, 20, "a whole number >= 0"),
        global_daily_budget_usd=_parse(env, "GLOBAL_DAILY_BUDGET_USD", _money, Decimal(0),
                                       "an amount in US dollars >= 0"),
        operator_blocked_words=_parse(env, "OPERATOR_BLOCKED_WORDS", _blocked_terms, (),
                                      "a comma-separated list of terms (each at most 100 characters)"),
        cost_estimate_usd=_parse(env, "COST_ESTIMATE_USD", _money, Decimal("0.04"), "an amount in US dollars >= 0"),
        cost_size_factors=_parse(env, "COST_SIZE_FACTORS", _size_factors, DEFAULT_COST_SIZE_FACTORS,
                                 "a list like 1K=1,2K=1,4K=1.8 (sizes with factors > 0)"),
        model_image_sizes=(*(entry for entry in DEFAULT_MODEL_IMAGE_SIZES if entry[0] not in dict(model_sizes)),
                           *model_sizes),  # the operator's entries replace the defaults of the same model
        upscale_model=_text(env, "UPSCALE_MODEL"),
        describe_models=_parse(env, "DESCRIBE_MODELS", _model_ids, (),
                               "a comma-separated list of model ids (no wildcards, at most 100 characters each)"),
        styles_file=Path(styles_file) if styles_file else None,
        chart_font=_parse(env, "CHART_FONT", _font_file, None, "an existing .ttf, .otf or .ttc font file"),
        edit_interval=_parse(env, "EDIT_INTERVAL", _positive_float, 1.5, "a positive number of seconds"),
        health_file=Path(health) if health else None,
        retention_days=_parse(env, "RETENTION_DAYS", _non_negative_int, 30, "a whole number of days >= 0"),
        models_refresh_minutes=_parse(env, "MODELS_REFRESH_MINUTES", _non_negative_int, 60,
                                      "a whole number of minutes >= 0"),
        shutdown_grace=_parse(env, "SHUTDOWN_GRACE", _non_negative_float, 8.0, "a number of seconds >= 0"),
        input_max_bytes=_parse(env, "INPUT_IMAGE_MAX_MB", _megabytes, DEFAULT_INPUT_MAX_MB * 1_000_000,
                               "a positive number of MB"),
        input_max_pixels=_parse(env, "INPUT_MAX_PIXELS", _positive_int, DEFAULT_INPUT_MAX_PIXELS,
                                "a positive number of pixels (e.g. 24000000 for 24 megapixels)"),
        input_download_timeout=_parse(env, "INPUT_DOWNLOAD_TIMEOUT", _positive_float, 30.0,
                                      "a positive number of seconds"),
    )
    if styles_file is not None:  # read last: its styles are checked against OPERATOR_BLOCKED_WORDS
        settings = dataclasses.replace(settings, styles=load_styles(
            settings.styles_file, blocked_terms=settings.operator_blocked_words))  # type: ignore[arg-type]
    return settings


def load_settings(env_file: str | os.PathLike[str] | None = ".env",
                  environ: Mapping[str, str] | None = None, *, must_exist: bool = False) -> Settings:
    """Read `env_file` (if present; real environment variables win) and build the settings.

    A missing file is fine (environment variables only) unless `must_exist`, as when the operator named it."""
    return settings_from_env(read_environment(env_file, environ, must_exist=must_exist))


def read_environment(env_file: str | os.PathLike[str] | None = ".env", environ: Mapping[str, str] | None = None,
                     *, must_exist: bool = False) -> dict[str, str]:
    """The variables of `env_file` (if present) overridden by the real environment, unchecked."""
    merged: dict[str, str] = {}
    if env_file is not None:
        merged.update(_read_env_file(Path(env_file), must_exist))
    merged.update(os.environ if environ is None else environ)
    return merged


def _read_env_file(path: Path, must_exist: bool) -> dict[str, str]:
    if not path.is_file():
        if must_exist:
            what = "is not a file" if path.exists() else "does not exist"
            raise ConfigError(f"the settings file {path} {what}")
        return {}
    from dotenv import dotenv_values

    try:
        values = dotenv_values(path)
    except OSError as exc:
        raise ConfigError(f"cannot read the settings file {path}: {exc.strerror or type(exc).__name__}") from None
    except UnicodeDecodeError:
        raise ConfigError(f"the settings file {path} is not UTF-8 text") from None
    return {key: value for key, value in values.items() if value is not None}


def replace(settings: Settings, **changes: Any) -> Settings:
    """A copy of `settings` with some fields changed (tests and the CLI use it)."""
    return dataclasses.replace(settings, **changes)
