"""Typed, immutable settings built once from the environment (and `.env`).

This is the only package that reads environment variables. Everything else receives a `Settings`
instance (or one of its parts) through its constructor. `settings.py` holds the table, `parsing.py` the
reading and checking of one variable; import both through this package.
"""

from bot.config.parsing import ConfigError
from bot.config.playground import IGNORED_IN_PLAYGROUND, PlaygroundSettings, playground_settings
from bot.config.settings import (
    DEFAULT_BASE_URL,
    DEFAULT_DATABASE_URL,
    DEFAULT_INPUT_MAX_MB,
    DEFAULT_MODEL,
    OpenRouteSettings,
    Secret,
    Settings,
    Timeouts,
    load_settings,
    read_environment,
    replace,
    settings_from_env,
)

__all__ = [
    "DEFAULT_BASE_URL",
    "DEFAULT_DATABASE_URL",
    "DEFAULT_INPUT_MAX_MB",
    "DEFAULT_MODEL",
    "IGNORED_IN_PLAYGROUND",
    "ConfigError",
    "OpenRouteSettings",
    "PlaygroundSettings",
    "Secret",
    "Settings",
    "Timeouts",
    "load_settings",
    "playground_settings",
    "read_environment",
    "replace",
    "settings_from_env",
]
