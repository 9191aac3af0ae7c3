"""docker-compose.yml: the several-process deployment the README describes, checked as data."""

from __future__ import annotations

from pathlib import Path

import yaml

from bot.config import settings_from_env

ROOT = Path(__file__).resolve().parents[1]


def _compose() -> dict:
    return yaml.safe_load((ROOT / "docker-compose.yml").read_text(encoding="utf-8"))


def _bots() -> dict[str, dict]:
    return {name: service for name, service in _compose()["services"].items() if service.get("build") == "."}


def test_two_bot_processes_share_one_postgresql():
    compose = _compose()
    bots = _bots()
    assert len(bots) == 2
    assert compose["services"]["postgres"]["image"].startswith("postgres:")
    for service in bots.values():
        url = service["environment"]["DATABASE_URL"]
        assert url.startswith("postgresql://")
        assert "@postgres:5432/" in url
        # the bots wait for a database that answers, not just for its container to exist
        assert service["depends_on"]["postgres"]["condition"] == "service_healthy"
    assert "healthcheck" in compose["services"]["postgres"]


def test_every_shard_is_run_by_exactly_one_process_and_only_one_syncs_commands():
    environments = [dict(service["environment"]) for service in _bots().values()]
    settings = [settings_from_env({**env, "DATABASE_URL": "postgresql://u:p@h/db"}) for env in environments]
    counts = {s.shard_count for s in settings}
    assert len(counts) == 1
    (count,) = counts
    shards = sorted(shard for s in settings for shard in s.shard_ids or ())
    assert shards == list(range(count))
    assert [s.runs_shard_zero for s in settings].count(True) == 1
    assert len({s.instance_name for s in settings}) == len(settings)


def test_each_process_serves_metrics_and_health_on_its_own_host_port():
    published = []
    for service in _bots().values():
        env = service["environment"]
        assert env["METRICS_PORT"] == "9100"
        assert env["METRICS_HOST"] == "0.0.0.0"
        published.extend(service["ports"])
    assert len(set(published)) == len(published)
    assert all(port.startswith("127.0.0.1:") for port in published)  # not on every interface of the host


def test_the_database_password_comes_from_env_not_from_the_file():
    text = (ROOT / "docker-compose.yml").read_text(encoding="utf-8")
    assert "${POSTGRES_PASSWORD:?" in text
    assert _compose()["services"]["postgres"]["environment"]["POSTGRES_PASSWORD"].startswith("${")
