"""Discord's JSON error answers, raised inside route handlers and turned into responses."""

from __future__ import annotations

from typing import Any


class DiscordError(Exception):
    """An error answer: HTTP status plus Discord's `{"message", "code", "errors"?}` body."""

    def __init__(self, status: int, code: int | None, message: str, errors: dict[str, Any] | None = None,
                 headers: dict[str, str] | None = None, extra: dict[str, Any] | None = None) -> None:
        super().__init__(f"{status} {code}: {message}")
        self.status = status
        self.code = code
        self.message = message
        self.errors = errors
        self.headers = headers or {}
        self.extra = extra or {}

    def body(self) -> dict[str, Any]:
        """The JSON body Discord sends."""
        data: dict[str, Any] = {"message": self.message}
        if self.code is not None:
            data["code"] = self.code
        if self.errors is not None:
            data["errors"] = self.errors
        data.update(self.extra)
        return data


def form_error(path: list[str | int], code: str, message: str) -> DiscordError:
    """400 Invalid Form Body (50035) with one error at `path` (e.g. ["data", "content"])."""
    errors: dict[str, Any] = {"_errors": [{"code": code, "message": message}]}
    for key in reversed(path):
        errors = {str(key): errors}
    return DiscordError(400, 50035, "Invalid Form Body", errors)


def unauthorized() -> DiscordError:
    """401 for a missing or wrong bot token."""
    return DiscordError(401, 0, "401: Unauthorized")


def unknown(kind: str, code: int) -> DiscordError:
    """404 Unknown <kind> (10003 channel, 10008 message, 10015 webhook, 10062 interaction, ...)."""
    return DiscordError(404, code, f"Unknown {kind}")


def invalid_webhook_token() -> DiscordError:
    """401 for an unknown or expired (15 min) interaction token."""
    return DiscordError(401, 50027, "Invalid Webhook Token")


def missing_access() -> DiscordError:
    """403 when the bot cannot see the channel."""
    return DiscordError(403, 50001, "Missing Access")


def missing_permissions() -> DiscordError:
    """403 when the bot lacks a permission it needs."""
    return DiscordError(403, 50013, "Missing Permissions")


def too_large() -> DiscordError:
    """413 for a file over the upload limit."""
    return DiscordError(413, 40005, "Request entity too large")


class ClientRefused(ValueError):
    """The real Discord client would not let the user do this (unknown command, bad option value,
    command hidden by permissions/context, clicking a button that is not there, ...)."""
