"""What every verb shares about failing: the exit codes, `CLIError`, and the line the operator reads."""

from __future__ import annotations

import argparse

from bot.messages import explain
from bot.openroute.errors import AuthenticationFailed

EXIT_FAILURE = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130


class CLIError(Exception):
    """A failure already phrased for the operator."""


def operator_text(exc: BaseException, env_file: str) -> str:
    """The line the operator reads. A rejected key is theirs to fix, unlike the members' wording in `explain`."""
    if isinstance(exc, AuthenticationFailed):
        return (f"OpenRoute rejected OPENROUTE_API_KEY (HTTP {exc.status or 401}): check the key in {env_file} "
                "or the environment")
    return explain(exc).text


def env_name(args: argparse.Namespace) -> str:
    """The settings file the operator is pointed to: `--env-file`, else `.env`."""
    return args.env_file or ".env"
