"""`bot.metrics`: what Prometheus scrapes from /metrics, what /healthz answers, and the server's start and stop."""

from __future__ import annotations

import inspect
import socket
from collections.abc import AsyncIterator, Callable
from decimal import Decimal

import aiohttp
import pytest
from aiohttp import web
from prometheus_client.parser import text_string_to_metric_families

from bot.metrics import (
    OPENROUTE_ERROR_KINDS,
    OTHER_ERROR_KIND,
    Metrics,
    MetricsServer,
    MetricsServerError,
    openroute_error_kind,
)
from bot.openroute import errors

EXPECTED = {
    "imagine_jobs": "counter",
    "imagine_jobs_running": "gauge",
    "imagine_queue_depth": "gauge",
    "imagine_job_duration_seconds": "histogram",
    "imagine_time_to_first_byte_seconds": "histogram",
    "imagine_cost_usd": "counter",
    "imagine_discord_rate_limited": "counter",
    "imagine_progress_edits": "counter",
    "imagine_openroute_errors": "counter",
}


def scrape(text: str) -> dict[str, dict[frozenset[tuple[str, str]], float]]:
    """Sample values by sample name, then by label set."""
    values: dict[str, dict[frozenset[tuple[str, str]], float]] = {}
    for family in text_string_to_metric_families(text):
        for sample in family.samples:
            values.setdefault(sample.name, {})[frozenset(sample.labels.items())] = sample.value
    return values


def value(metrics: Metrics, name: str, **labels: str) -> float | None:
    body, _ = metrics.exposition()
    return scrape(body.decode()).get(name, {}).get(frozenset(labels.items()))


def test_every_metric_is_exposed_with_help_and_its_type_before_anything_happened():
    body, content_type = Metrics().exposition()
    families = {f.name: f for f in text_string_to_metric_families(body.decode())}
    for name, kind in EXPECTED.items():
        assert families[name].type == kind, name
        assert len(families[name].documentation) > 20, f"{name} needs a help text an operator understands"
    assert content_type.startswith("text/plain; version=0.0.4")


def test_recorded_events_show_with_their_labels():
    metrics = Metrics()
    metrics.job_finished("emu/png", "succeeded")
    metrics.job_finished("emu/png", "succeeded")
    metrics.job_finished("emu/png", "failed")
    metrics.job_finished("emu/slow", "cancelled")
    metrics.job_refused("unlisted")
    metrics.job_delivered(12.5)
    metrics.first_byte(0.4)
    metrics.cost("emu/png", Decimal("0.039"))
    metrics.cost("emu/png", Decimal("0.039"))
    metrics.progress_edit()
    metrics.discord_rate_limited()
    metrics.openroute_error(errors.RateLimited("slow down", retry_after=7))
    metrics.openroute_error(errors.StreamError("provider disconnected"))

    values = scrape(metrics.exposition()[0].decode())
    jobs = values["imagine_jobs_total"]
    assert jobs[frozenset({("status", "succeeded"), ("model", "emu/png"), ("kind", "imagine")})] == 2
    assert jobs[frozenset({("status", "failed"), ("model", "emu/png"), ("kind", "imagine")})] == 1
    assert jobs[frozenset({("status", "cancelled"), ("model", "emu/slow"), ("kind", "imagine")})] == 1
    assert jobs[frozenset({("status", "refused"), ("model", "unlisted"), ("kind", "imagine")})] == 1
    assert values["imagine_job_duration_seconds_count"][frozenset()] == 1
    assert values["imagine_job_duration_seconds_sum"][frozenset()] == 12.5
    assert values["imagine_job_duration_seconds_bucket"][frozenset({("le", "10.0")})] == 0
    assert values["imagine_job_duration_seconds_bucket"][frozenset({("le", "15.0")})] == 1
    assert values["imagine_time_to_first_byte_seconds_count"][frozenset()] == 1
    assert values["imagine_cost_usd_total"][frozenset({("model", "emu/png")})] == pytest.approx(0.078)
    assert values["imagine_progress_edits_total"][frozenset()] == 1
    assert values["imagine_discord_rate_limited_total"][frozenset()] == 1
    assert values["imagine_openroute_errors_total"] == {frozenset({("kind", "rate_limited")}): 1,
                                                        frozenset({("kind", "stream_error")}): 1}


def test_a_job_is_labelled_with_its_kind():
    metrics = Metrics()
    metrics.job_finished("openai/gpt-4o-mini", "succeeded", kind="describe")
    metrics.job_refused("unlisted", kind="describe")
    metrics.job_finished("emu/png", "succeeded")

    jobs = scrape(metrics.exposition()[0].decode())["imagine_jobs_total"]
    assert jobs == {frozenset({("status", "succeeded"), ("model", "openai/gpt-4o-mini"), ("kind", "describe")}): 1,
                    frozenset({("status", "refused"), ("model", "unlisted"), ("kind", "describe")}): 1,
                    frozenset({("status", "succeeded"), ("model", "emu/png"), ("kind", "imagine")}): 1}


def test_a_cost_the_provider_did_not_report_adds_nothing():
    metrics = Metrics()
    metrics.cost("emu/png", None)
    metrics.cost("emu/png", Decimal(0))
    assert value(metrics, "imagine_cost_usd_total", model="emu/png") is None


def test_a_job_status_outside_the_fixed_set_is_a_programming_error():
    with pytest.raises(ValueError, match="unknown job status"):
        Metrics().job_finished("emu/png", "exploded")


def test_running_jobs_and_queue_depth_are_read_at_scrape_time():
    state = {"running": 3, "queued": 0}
    metrics = Metrics()
    metrics.watch_jobs(running=lambda: state["running"], queued=lambda: state["queued"])
    assert value(metrics, "imagine_jobs_running") == 3
    assert value(metrics, "imagine_queue_depth") == 0
    state.update(running=32, queued=7)
    assert value(metrics, "imagine_jobs_running") == 32
    assert value(metrics, "imagine_queue_depth") == 7


def test_two_bots_in_one_process_count_separately():
    one, two = Metrics(), Metrics()
    one.progress_edit()
    assert value(one, "imagine_progress_edits_total") == 1
    assert value(two, "imagine_progress_edits_total") == 0


def every_openroute_error_class() -> list[type[errors.OpenRouteError]]:
    return [cls for _, cls in inspect.getmembers(errors, inspect.isclass)
            if issubclass(cls, errors.OpenRouteError) and cls is not errors.OpenRouteError]


@pytest.mark.parametrize("cls", every_openroute_error_class(), ids=lambda cls: cls.__name__)
def test_every_error_class_of_the_client_has_its_own_kind(cls):
    assert any(known is cls for known, _ in OPENROUTE_ERROR_KINDS), f"{cls.__name__} has no kind"
    error = cls.__new__(cls)
    assert openroute_error_kind(error) == dict(OPENROUTE_ERROR_KINDS)[cls]


def test_error_kinds_are_distinct_and_anything_else_is_other():
    kinds = [kind for _, kind in OPENROUTE_ERROR_KINDS]
    assert len(kinds) == len(set(kinds))
    assert OTHER_ERROR_KIND not in kinds
    assert openroute_error_kind(errors.OpenRouteError("base")) == OTHER_ERROR_KIND
    assert openroute_error_kind(RuntimeError("not ours")) == OTHER_ERROR_KIND


# --- discord.py's HTTP session ---

async def test_the_discord_trace_counts_every_429_answer_of_the_session():
    async def answer(request: web.Request) -> web.Response:
        return web.Response(status=int(request.match_info["status"]))

    app = web.Application()
    app.router.add_get("/{status}", answer)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    await web.TCPSite(runner, "127.0.0.1", 0).start()
    port = runner.addresses[0][1]
    metrics = Metrics()
    try:
        async with aiohttp.ClientSession(trace_configs=[metrics.discord_trace()]) as session:
            for status in (200, 429, 204, 429, 500, 429):
                async with session.get(f"http://127.0.0.1:{port}/{status}") as response:
                    assert response.status == status
    finally:
        await runner.cleanup()
    assert value(metrics, "imagine_discord_rate_limited_total") == 3


# --- the HTTP server ---

@pytest.fixture
async def http() -> AsyncIterator[aiohttp.ClientSession]:
    async with aiohttp.ClientSession() as session:
        yield session


@pytest.fixture
async def serve() -> AsyncIterator[Callable[..., MetricsServer]]:
    servers: list[MetricsServer] = []

    async def start(metrics: Metrics | None = None, *, healthy: Callable[[], bool] = lambda: True,
                    port: int = 0) -> MetricsServer:
        server = MetricsServer(metrics or Metrics(), host="127.0.0.1", port=port, healthy=healthy)
        servers.append(server)
        await server.start()
        return server

    yield start
    for server in servers:
        await server.stop()


async def test_metrics_are_served_as_prometheus_text(serve, http):
    metrics = Metrics()
    metrics.job_refused("emu/png")
    server = await serve(metrics)
    async with http.get(f"http://127.0.0.1:{server.port}/metrics") as response:
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("text/plain; version=0.0.4")
        text = await response.text()
    refused = frozenset({("status", "refused"), ("model", "emu/png"), ("kind", "imagine")})
    assert scrape(text)["imagine_jobs_total"] == {refused: 1}


async def test_a_scraper_asking_for_openmetrics_gets_openmetrics(serve, http):
    server = await serve()
    accept = "application/openmetrics-text; version=1.0.0"
    async with http.get(f"http://127.0.0.1:{server.port}/metrics", headers={"Accept": accept}) as response:
        assert response.headers["Content-Type"].startswith("application/openmetrics-text")
        assert (await response.text()).rstrip().endswith("# EOF")


async def test_healthz_follows_the_connection_state(serve, http):
    connected = {"now": True}
    server = await serve(healthy=lambda: connected["now"])
    url = f"http://127.0.0.1:{server.port}/healthz"
    async with http.get(url) as response:
        assert (response.status, (await response.text()).strip()) == (200, "ok")
    connected["now"] = False
    async with http.get(url) as response:
        assert (response.status, (await response.text()).strip()) == (503, "not connected to Discord")
    connected["now"] = True
    async with http.get(url) as response:
        assert response.status == 200


async def test_a_failing_health_callback_is_unhealthy_and_logged(serve, http, caplog):
    def broken() -> bool:
        raise RuntimeError("boom")

    server = await serve(healthy=broken)
    async with http.get(f"http://127.0.0.1:{server.port}/healthz") as response:
        assert response.status == 503
        assert (await response.text()).strip() == "health check failed"
    assert any("health check failed" in r.getMessage() and r.exc_info for r in caplog.records)


@pytest.mark.parametrize("path", ["/", "/metrics/extra", "/health", "/favicon.ico"])
async def test_other_paths_are_not_found(serve, http, path):
    server = await serve()
    async with http.get(f"http://127.0.0.1:{server.port}{path}") as response:
        assert response.status == 404


def listening_socket() -> socket.socket:
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    sock.bind(("127.0.0.1", 0))
    sock.listen()
    return sock


async def test_a_port_in_use_is_a_clear_error_naming_the_port(serve, http):
    with listening_socket() as taken:
        port = taken.getsockname()[1]
        server = MetricsServer(Metrics(), host="127.0.0.1", port=port, healthy=lambda: True)
        with pytest.raises(MetricsServerError) as raised:
            await server.start()
        assert f"port {port} is already in use" in raised.value.strerror
        assert "METRICS_PORT" in raised.value.strerror
        await server.stop()  # nothing was left to stop; harmless
        # nothing of the failed server stays behind: the port is usable once its owner lets go
        taken.close()
        again = await serve(port=port)
        async with http.get(f"http://127.0.0.1:{again.port}/healthz") as response:
            assert response.status == 200


async def test_a_stopped_server_no_longer_answers_and_stopping_twice_is_harmless(serve, http):
    server = await serve()
    url = f"http://127.0.0.1:{server.port}/healthz"
    await server.stop()
    await server.stop()
    with pytest.raises(aiohttp.ClientConnectionError):
        async with http.get(url):
            pass
