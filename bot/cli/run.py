"""`imagine-bot run`: the Discord bot. The one CLI module that imports discord (late, when this verb runs)."""

from __future__ import annotations

import aiohttp

from bot.cli.errors import CLIError
from bot.config import Settings


async def command(settings: Settings) -> int:
    """`imagine-bot run`: the Discord bot, until it stops; its start-up failures as one line each."""
    settings.require_discord()
    # imported late: the Discord layer is not needed for the other commands
    import discord

    from bot.app import run_bot

    try:
        await run_bot(settings)
    except discord.LoginFailure:
        raise CLIError("Discord rejected DISCORD_TOKEN: reset the bot token in the developer portal "
                       "and put the new one in .env") from None
    except (discord.GatewayNotFound, discord.ConnectionClosed, aiohttp.ClientConnectionError, ConnectionError,
            TimeoutError) as exc:
        raise CLIError(f"could not connect to Discord ({type(exc).__name__}); check the network and "
                       "DISCORD_API_BASE_URL / DISCORD_GATEWAY_URL") from None
    except OSError as exc:
        if exc.filename is None:
            raise  # main prints it as one line
        raise CLIError(_file_problem(exc)) from None
    return 0


def _file_problem(exc: OSError) -> str:
    """One line naming the file an OSError is about, e.g. "cannot use data/bot.db: Permission denied"."""
    reason = exc.strerror or type(exc).__name__
    if isinstance(exc, IsADirectoryError):
        reason = "it is a directory, not a file"
    elif isinstance(exc, PermissionError):
        reason = f"{reason} (check the owner and mode of the file and its folder)"
    target = f"{exc.filename} -> {exc.filename2}" if exc.filename2 else str(exc.filename)
    return f"cannot use {target}: {reason}"
