"""Per-route rate-limit buckets that answer with Discord's headers and real 429s."""

from __future__ import annotations

import hashlib
import math
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field

from .errors import DiscordError


@dataclass(frozen=True)
class RateLimitRule:
    """`limit` requests per `per` seconds in one bucket."""

    limit: int
    per: float


@dataclass
class _Window:
    remaining: int
    reset_at: float


@dataclass
class _Sliding:
    hits: deque[float] = field(default_factory=deque)


def _ceil_ms(seconds: float) -> float:
    # rounded up so a client that waits exactly Reset-After never arrives early
    return math.ceil(max(seconds, 0.0) * 1000) / 1000


def _bucket_hash(name: str) -> str:
    return hashlib.sha256(name.encode()).hexdigest()[:32]


class RateLimiter:
    """Fixed-window buckets keyed by (bucket name, major parameters), as Discord advertises them.

    `hit` returns the X-RateLimit-* headers for a successful request or raises a 429 `DiscordError`
    carrying them; `hidden_hit` enforces a sub-limit that no header announces (Discord has those).
    """

    def __init__(self, now: Callable[[], float], *, enabled: bool = True) -> None:
        self._now = now
        self.enabled = enabled
        self._windows: dict[tuple[str, str], _Window] = {}
        self._sliding: dict[tuple[str, str], _Sliding] = {}

    def hit(self, bucket: str, major: str, rule: RateLimitRule | None, *,
            scope: str = "user", is_global: bool = False) -> dict[str, str]:
        """Count one request; headers to send, or raise a 429."""
        if rule is None or not self.enabled:
            return {}
        now = self._now()
        key = (bucket, major)
        window = self._windows.get(key)
        if window is None or now >= window.reset_at:
            window = self._windows[key] = _Window(rule.limit, now + rule.per)
        reset_after = _ceil_ms(window.reset_at - now)
        headers = {
            "X-RateLimit-Limit": str(rule.limit),
            # epoch for clients that trust their own (real) clock; the fake clock may be advanced
            "X-RateLimit-Reset": f"{time.time() + reset_after:.3f}",
            "X-RateLimit-Reset-After": f"{reset_after:.3f}",
            "X-RateLimit-Bucket": _bucket_hash(bucket),
        }
        if window.remaining <= 0:
            headers["X-RateLimit-Remaining"] = "0"
            raise rate_limited(reset_after, headers, scope=scope, is_global=is_global)
        window.remaining -= 1
        headers["X-RateLimit-Remaining"] = str(window.remaining)
        return headers

    def global_hit(self, per_second: int | None) -> None:
        """Count one request against the bot's global limit; a global 429 (no bucket headers) when over."""
        if per_second is None or not self.enabled:
            return
        now = self._now()
        window = self._windows.get(("global", ""))
        if window is None or now >= window.reset_at:
            window = self._windows[("global", "")] = _Window(per_second, now + 1.0)
        if window.remaining <= 0:
            raise rate_limited(_ceil_ms(window.reset_at - now), {}, scope="global", is_global=True)
        window.remaining -= 1

    def hidden_hit(self, bucket: str, major: str, rule: RateLimitRule | None) -> None:
        """Count one request against an unadvertised sliding-window limit; raise a 429 when over it."""
        if rule is None or not self.enabled:
            return
        now = self._now()
        state = self._sliding.setdefault((bucket, major), _Sliding())
        while state.hits and now - state.hits[0] >= rule.per:
            state.hits.popleft()
        if len(state.hits) >= rule.limit:
            retry = _ceil_ms(state.hits[0] + rule.per - now)
            raise rate_limited(retry, {}, scope="user", is_global=False)
        state.hits.append(now)


def rate_limited(retry_after: float, headers: dict[str, str], *, scope: str, is_global: bool) -> DiscordError:
    """The 429 Discord sends (with `Via`, so discord.py treats it as a rate limit, not a ban)."""
    retry_after = max(retry_after, 0.001)
    all_headers = {
        **headers,
        "Retry-After": str(max(1, math.ceil(retry_after))),
        "X-RateLimit-Scope": scope,
        "Via": "1.1 google",
    }
    if is_global:
        all_headers["X-RateLimit-Global"] = "true"
    return DiscordError(429, None, "You are being rate limited.", headers=all_headers,
                        extra={"retry_after": retry_after, "global": is_global})
