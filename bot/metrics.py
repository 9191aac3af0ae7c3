"""Prometheus metrics of one bot process, and the small HTTP server that exposes them with `/healthz`.

`Metrics` owns its own `CollectorRegistry` (never the global one), so tests and several bots in one process
never clash. Services receive it through their constructors and call its small recording methods; with
METRICS_PORT unset nothing reads the registry, so recording costs next to nothing. Every label has a small,
fixed set of values: job statuses, error kinds derived from the client's error classes, and model ids that
the policy accepted or the provider lists.
"""

from __future__ import annotations

import errno
import logging
from collections.abc import Callable
from decimal import Decimal

import aiohttp
from aiohttp import web
from prometheus_client import CollectorRegistry, Counter, Gauge, Histogram
from prometheus_client.exposition import choose_encoder

from bot.openroute.errors import (
    AuthenticationFailed,
    BadRequest,
    ConnectionFailed,
    ContentRefused,
    EventTooLarge,
    InsufficientCredits,
    InvalidImageData,
    ModelNotFound,
    NoImageReturned,
    OpenRouteError,
    ProviderUnavailable,
    RateLimited,
    RequestTimedOut,
    StreamError,
    StreamTruncated,
    UnexpectedResponse,
)

log = logging.getLogger(__name__)

JOB_STATUSES = ("succeeded", "failed", "cancelled", "refused")
DEFAULT_JOB_KIND = "imagine"  # the `kind` label of a job whose caller names none (JobKind values)
# Image jobs take seconds to minutes; the last finite bucket is OPENROUTE_TOTAL_TIMEOUT's default.
JOB_DURATION_BUCKETS = (1.0, 2.5, 5.0, 10.0, 15.0, 20.0, 30.0, 45.0, 60.0, 90.0, 120.0, 180.0, 300.0, 600.0)
# The wait for the first byte of an answer; the last finite bucket is OPENROUTE_FIRST_BYTE_TIMEOUT's default.
FIRST_BYTE_BUCKETS = (0.05, 0.1, 0.25, 0.5, 1.0, 2.0, 5.0, 10.0, 20.0, 30.0, 60.0, 120.0)

# The `kind` label of imagine_openroute_errors_total: one value per error class of the client (the first
# matching class wins, so subclasses must come before their bases). Anything else is "other".
OPENROUTE_ERROR_KINDS: tuple[tuple[type[OpenRouteError], str], ...] = (
    (BadRequest, "bad_request"),
    (AuthenticationFailed, "authentication"),
    (InsufficientCredits, "insufficient_credits"),
    (ContentRefused, "content_refused"),
    (ModelNotFound, "model_not_found"),
    (RequestTimedOut, "timeout"),
    (RateLimited, "rate_limited"),
    (ProviderUnavailable, "provider_unavailable"),
    (ConnectionFailed, "connection_failed"),
    (UnexpectedResponse, "unexpected_response"),
    (StreamError, "stream_error"),
    (StreamTruncated, "stream_truncated"),
    (EventTooLarge, "event_too_large"),
    (InvalidImageData, "invalid_image"),
    (NoImageReturned, "no_image"),
)
OTHER_ERROR_KIND = "other"


def openroute_error_kind(error: BaseException) -> str:
    """The fixed `kind` label for an error of the OpenRoute client (never its free text)."""
    for cls, kind in OPENROUTE_ERROR_KINDS:
        if isinstance(error, cls):
            return kind
    return OTHER_ERROR_KIND


class Metrics:
    """Every metric of one bot process, in a registry of its own (`registry`)."""

    def __init__(self) -> None:
        self.registry = CollectorRegistry()
        registry = self.registry
        self._jobs = Counter(
            "imagine_jobs", "Requests by outcome: succeeded and failed (delivered or not), cancelled by their "
            "requester, or refused before anything ran (policy, limits, quota, a full queue), and by job kind "
            "(imagine, describe, ...)", ["status", "model", "kind"], registry=registry)
        self._running = Gauge("imagine_jobs_running", "Jobs generating right now in this process",
                              registry=registry)
        self._queued = Gauge("imagine_queue_depth", "Jobs waiting in this process's queue for a free slot",
                             registry=registry)
        self._duration = Histogram(
            "imagine_job_duration_seconds", "Seconds from an accepted request to its images delivered in "
            "Discord (succeeded jobs only)", buckets=JOB_DURATION_BUCKETS, registry=registry)
        self._first_byte = Histogram(
            "imagine_time_to_first_byte_seconds", "Seconds from sending a generation request to OpenRoute to the "
            "first byte of its answer (per HTTP attempt)", buckets=FIRST_BYTE_BUCKETS, registry=registry)
        self._cost = Counter("imagine_cost_usd", "US dollars OpenRoute reported charging, by model",
                             ["model"], registry=registry)
        self._rate_limited = Counter(
            "imagine_discord_rate_limited", "HTTP 429 answers from Discord (discord.py waits and retries them; a "
            "steady rise means the bot sends faster than Discord allows)", registry=registry)
        self._edits = Counter("imagine_progress_edits", "Edits of /imagine messages sent to Discord (progress "
                              "updates and the final result)", registry=registry)
        self._errors = Counter(
            "imagine_openroute_errors", "Errors met talking to OpenRoute, by kind; every failed attempt counts, "
            "retried ones included", ["kind"], registry=registry)

    # --- recording ---

    def job_finished(self, model: str, status: str, *, kind: str = DEFAULT_JOB_KIND) -> None:
        """A job of `kind` (a `JobKind` value) ended: `status` is succeeded, failed or cancelled."""
        self._job(status, model, kind)

    def job_refused(self, model: str, *, kind: str = DEFAULT_JOB_KIND) -> None:
        """A request of `kind` was refused before anything ran or was stored."""
        self._job("refused", model, kind)

    def _job(self, status: str, model: str, kind: str) -> None:
        if status not in JOB_STATUSES:
            raise ValueError(f"unknown job status {status!r}")
        self._jobs.labels(status=status, model=model, kind=str(kind)).inc()

    def job_delivered(self, seconds: float) -> None:
        """A succeeded job's images reached Discord `seconds` after it was requested."""
        self._duration.observe(max(0.0, seconds))

    def cost(self, model: str, usd: Decimal | float | None) -> None:
        """What the provider reported charging for one job (nothing when it said nothing)."""
        if usd is not None and usd > 0:
            self._cost.labels(model=model).inc(float(usd))

    def first_byte(self, seconds: float) -> None:
        """A generation request to OpenRoute got the first byte of its answer after `seconds`."""
        self._first_byte.observe(max(0.0, seconds))

    def openroute_error(self, error: BaseException) -> None:
        """The OpenRoute client met `error` (counted by its kind)."""
        self._errors.labels(kind=openroute_error_kind(error)).inc()

    def progress_edit(self) -> None:
        """One edit of a job's message was sent to Discord."""
        self._edits.inc()

    def discord_rate_limited(self) -> None:
        """Discord answered one request with HTTP 429."""
        self._rate_limited.inc()

    def watch_jobs(self, *, running: Callable[[], int], queued: Callable[[], int]) -> None:
        """Read the running-job count and the queue depth from these callbacks at every scrape."""
        self._running.set_function(lambda: float(running()))
        self._queued.set_function(lambda: float(queued()))

    def discord_trace(self) -> aiohttp.TraceConfig:
        """An aiohttp trace for discord.py's HTTP session (`Client(http_trace=...)`): counts every 429 answer,
        whichever code path (REST, interaction webhooks) met it and however discord.py handled it."""

        async def on_request_end(session: aiohttp.ClientSession, context: object,
                                 params: aiohttp.TraceRequestEndParams) -> None:
            if params.response.status == 429:
                self.discord_rate_limited()

        trace = aiohttp.TraceConfig()
        trace.on_request_end.append(on_request_end)
        return trace

    def exposition(self, accept: str = "") -> tuple[bytes, str]:
        """The registry in the text format the `Accept` header asks for, and its content type."""
        encoder, content_type = choose_encoder(accept)
        return encoder(self.registry), content_type


class MetricsServerError(OSError):
    """The metrics server could not listen. Its message names the address and what to change."""


HealthCheck = Callable[[], bool]
NOT_CONNECTED = "not connected to Discord"


class MetricsServer:
    """`/metrics` (Prometheus text) and `/healthz` (200 "ok" while `healthy()` says every shard of this
    process is connected, else 503 with the reason) on `host:port`; any other path is 404."""

    def __init__(self, metrics: Metrics, *, host: str, port: int, healthy: HealthCheck) -> None:
        self._metrics = metrics
        self._host = host
        self._port = port
        self._healthy = healthy
        self._runner: web.AppRunner | None = None

    @property
    def port(self) -> int:
        """The port listened on (the real one when 0 was asked for)."""
        if self._runner is not None and self._runner.addresses:
            return int(self._runner.addresses[0][1])
        return self._port

    async def start(self) -> None:
        """Listen; raises `MetricsServerError` (naming the port) when it cannot, leaving nothing open."""
        if self._runner is not None:
            return
        app = web.Application()
        app.router.add_get("/metrics", self._serve_metrics)
        app.router.add_get("/healthz", self._serve_health)
        runner = web.AppRunner(app, access_log=None, handle_signals=False, shutdown_timeout=1.0)
        await runner.setup()
        try:
            await web.TCPSite(runner, self._host, self._port).start()
        except OSError as exc:
            await runner.cleanup()
            raise _listen_error(exc, self._host, self._port) from None
        self._runner = runner
        log.info("metrics on http://%s:%d/metrics, health on /healthz", self._host, self.port)

    async def stop(self) -> None:
        """Stop listening. Safe to call twice, or without `start`."""
        runner, self._runner = self._runner, None
        if runner is not None:
            await runner.cleanup()

    async def _serve_metrics(self, request: web.Request) -> web.Response:
        body, content_type = self._metrics.exposition(request.headers.get("Accept", ""))
        return web.Response(body=body, headers={"Content-Type": content_type})

    async def _serve_health(self, request: web.Request) -> web.Response:
        try:
            healthy = self._healthy()
        except Exception:
            log.exception("the health check failed")
            return web.Response(status=503, text="health check failed\n")
        if healthy:
            return web.Response(text="ok\n")
        return web.Response(status=503, text=NOT_CONNECTED + "\n")


def _listen_error(exc: OSError, host: str, port: int) -> MetricsServerError:
    where = f"{host}:{port}"
    if exc.errno == errno.EADDRINUSE:
        text = (f"cannot serve metrics on {where}: port {port} is already in use; stop what listens there "
                "or choose another METRICS_PORT")
    elif exc.errno == errno.EACCES:
        text = f"cannot serve metrics on {where}: permission denied for port {port}; choose a METRICS_PORT above 1023"
    else:
        reason = exc.strerror or type(exc).__name__
        text = f"cannot serve metrics on {where} (METRICS_HOST/METRICS_PORT): {reason}"
    return MetricsServerError(exc.errno or errno.EIO, text)
