"""Settings: defaults, one clear line per bad value, secrets never shown."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import ConfigError, Secret, load_settings, settings_from_env


def test_defaults_point_at_openroute_and_sqlite():
    settings = settings_from_env({})
    assert settings.openroute.base_url == "https://openroute.cn/api/v1"
    assert settings.default_model == "google/gemini-2.5-flash-image-preview"
    assert settings.sqlite_path == Path("data/imagine-bot.db")
    assert settings.discord_token is None


def test_absolute_and_relative_sqlite_urls():
    assert settings_from_env({"DATABASE_URL": "sqlite:////var/lib/bot.db"}).sqlite_path == Path("/var/lib/bot.db")
    assert settings_from_env({"DATABASE_URL": "sqlite:///rel/bot.db"}).sqlite_path == Path("rel/bot.db")


@pytest.mark.parametrize(("name", "value"), [
    ("OPENROUTE_IDLE_TIMEOUT", "soon"), ("OPENROUTE_IDLE_TIMEOUT", "-1"), ("DEV_GUILD_ID", "abc"),
    ("OWNER_IDS", "1,x"), ("DM_ENABLED", "maybe"), ("LOG_LEVEL", "loud"), ("OPENROUTE_BASE_URL", "ftp://x"),
    ("DATABASE_URL", "mysql://x"), ("MAX_CONCURRENT_JOBS", "0"),
])
def test_a_malformed_value_names_its_variable(name, value):
    with pytest.raises(ConfigError) as caught:
        settings_from_env({name: value})
    assert str(caught.value).startswith(name)


def test_missing_secrets_are_named_for_run():
    with pytest.raises(ConfigError, match="DISCORD_TOKEN"):
        settings_from_env({"OPENROUTE_API_KEY": "k" * 10}).require_discord()
    with pytest.raises(ConfigError, match="OPENROUTE_API_KEY"):
        settings_from_env({"DISCORD_TOKEN": "t" * 10}).require_discord()


def test_secrets_never_appear_in_repr():
    settings = settings_from_env({"DISCORD_TOKEN": "token-value-123", "OPENROUTE_API_KEY": "sk-secret-456"})
    text = repr(settings) + str(settings)
    assert "token-value-123" not in text
    assert "sk-secret-456" not in text
    assert settings.openroute.api_key.get() == "sk-secret-456"
    assert repr(Secret("x")) == "Secret('********')"


def test_env_file_is_read_and_real_environment_wins(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text("DEFAULT_MODEL=from/file\nLOG_LEVEL=debug\n")
    settings = load_settings(env_file, environ={"LOG_LEVEL": "warning"})
    assert settings.default_model == "from/file"
    assert settings.log_level == "WARNING"
