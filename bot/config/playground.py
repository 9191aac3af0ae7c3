"""The playground's own settings (`imagine-bot playground`), read from the same environment as the bot's.

The playground runs the bot against a local Discord stand-in, so it ignores DISCORD_TOKEN, DATABASE_URL,
the shard and metrics settings; these few are its own."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from bot.config.parsing import _boolean, _money, _parse, _text

DEFAULT_PLAYGROUND_PORT = 8080
DEFAULT_PLAYGROUND_BUDGET = Decimal("1.00")
DEFAULT_PLAYGROUND_DIR = "playground-data"

# what the playground sets itself (the stand-in's token and address, its own SQLite file): an operator's
# value for any of these is for the real bot and is left out
IGNORED_IN_PLAYGROUND = (
    "DISCORD_TOKEN", "DISCORD_API_BASE_URL", "DISCORD_GATEWAY_URL", "DEV_GUILD_ID", "DATABASE_URL",
    "DATABASE_POOL_SIZE", "SHARD_COUNT", "SHARD_IDS", "INSTANCE_NAME", "METRICS_PORT", "METRICS_HOST",
    "HEALTH_FILE", "OWNER_IDS",
)


@dataclass(frozen=True, slots=True)
class PlaygroundSettings:
    port: int = DEFAULT_PLAYGROUND_PORT  # the page, on 127.0.0.1; 0: any free port
    folder: Path = Path(DEFAULT_PLAYGROUND_DIR)  # the playground's SQLite database
    # with a real OPENROUTE_API_KEY: the most the playground spends in 24 h, unless GLOBAL_DAILY_BUDGET_USD is set
    budget_usd: Decimal = DEFAULT_PLAYGROUND_BUDGET
    open_browser: bool = True


def _any_port(raw: str) -> int:
    value = int(raw)
    if not 0 <= value <= 65535:
        raise ValueError(raw)
    return value


def playground_settings(env: Mapping[str, str]) -> PlaygroundSettings:
    """PLAYGROUND_PORT, PLAYGROUND_DIR, PLAYGROUND_BUDGET_USD and PLAYGROUND_OPEN_BROWSER, checked."""
    return PlaygroundSettings(
        port=_parse(env, "PLAYGROUND_PORT", _any_port, DEFAULT_PLAYGROUND_PORT,
                    "a port number (1-65535, or 0 for any free port)"),
        folder=Path(_text(env, "PLAYGROUND_DIR", DEFAULT_PLAYGROUND_DIR) or DEFAULT_PLAYGROUND_DIR),
        budget_usd=_parse(env, "PLAYGROUND_BUDGET_USD", _money, DEFAULT_PLAYGROUND_BUDGET,
                          "an amount in US dollars >= 0 (0: no playground budget)"),
        open_browser=_parse(env, "PLAYGROUND_OPEN_BROWSER", _boolean, True, "true or false"),
    )
