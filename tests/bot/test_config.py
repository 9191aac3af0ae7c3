"""Settings: defaults, one clear line per bad value, secrets never shown."""

from __future__ import annotations

from decimal import Decimal

import pytest

from bot.config import ConfigError, Secret, Settings, load_settings, settings_from_env

PG_URL = "postgresql://bot:hunter2-pw@db:5432/imagine"


def test_defaults_point_at_openroute_and_sqlite():
    settings = settings_from_env({})
    assert settings.openroute.base_url == "https://openroute.cn/api/v1"
    assert settings.default_model == "google/gemini-2.5-flash-image"
    assert settings.database_url == "sqlite:///data/imagine-bot.db"
    assert settings.discord_token is None


def test_sqlite_path_is_left_to_the_storage_layer():
    assert not hasattr(Settings, "sqlite_path")


def test_new_settings_have_their_documented_defaults():
    settings = settings_from_env({})
    assert settings.retention_days == 30
    assert settings.shutdown_grace == 8.0
    assert settings.input_max_bytes == 20_000_000
    assert settings.input_download_timeout == 30.0
    assert settings.models_refresh_minutes == 60


def test_new_settings_are_read_from_the_environment():
    settings = settings_from_env({"RETENTION_DAYS": "0", "SHUTDOWN_GRACE": "0", "INPUT_IMAGE_MAX_MB": "5",
                                  "INPUT_DOWNLOAD_TIMEOUT": "2.5"})
    assert settings.retention_days == 0
    assert settings.shutdown_grace == 0.0
    assert settings.input_max_bytes == 5_000_000
    assert settings.input_download_timeout == 2.5
    assert settings_from_env({"INPUT_IMAGE_MAX_MB": "0.5"}).input_max_bytes == 500_000
    assert settings_from_env({"MODELS_REFRESH_MINUTES": "15"}).models_refresh_minutes == 15
    assert settings_from_env({"MODELS_REFRESH_MINUTES": "0"}).models_refresh_minutes == 0


@pytest.mark.parametrize(("name", "value"), [
    ("RETENTION_DAYS", "-1"), ("RETENTION_DAYS", "1.5"), ("RETENTION_DAYS", "week"),
    ("SHUTDOWN_GRACE", "-0.1"), ("SHUTDOWN_GRACE", "inf"), ("SHUTDOWN_GRACE", "nan"),
    ("INPUT_IMAGE_MAX_MB", "0"), ("INPUT_IMAGE_MAX_MB", "-3"), ("INPUT_IMAGE_MAX_MB", "inf"),
    ("INPUT_DOWNLOAD_TIMEOUT", "0"), ("INPUT_DOWNLOAD_TIMEOUT", "-1"), ("INPUT_DOWNLOAD_TIMEOUT", "inf"),
    ("MODELS_REFRESH_MINUTES", "-5"), ("MODELS_REFRESH_MINUTES", "hourly"), ("MODELS_REFRESH_MINUTES", "0.5"),
])
def test_a_bad_new_setting_names_its_variable(name, value):
    with pytest.raises(ConfigError) as caught:
        settings_from_env({name: value})
    assert str(caught.value).startswith(f"{name} must be")


@pytest.mark.parametrize("name", ["OPENROUTE_BASE_URL", "DISCORD_API_BASE_URL", "APP_URL"])
@pytest.mark.parametrize("value", ["https://", "http:///x", "http://:8080/api", "ws://gateway.local",
                                   "https//openroute.cn", "openroute.cn/api/v1", "http://host:port/x"])
def test_an_http_url_without_a_host_or_with_another_scheme_is_refused(name, value):
    with pytest.raises(ConfigError) as caught:
        settings_from_env({name: value})
    assert str(caught.value).startswith(f"{name} must be an http(s) URL")


@pytest.mark.parametrize("name", ["OPENROUTE_BASE_URL", "DISCORD_API_BASE_URL", "APP_URL"])
def test_an_http_url_with_a_host_is_kept_without_its_trailing_slash(name):
    settings = settings_from_env({name: "http://127.0.0.1:8080/api/v1/"})
    values = {settings.openroute.base_url, settings.discord_api_base_url, settings.openroute.app_url}
    assert "http://127.0.0.1:8080/api/v1" in values


@pytest.mark.parametrize("value", ["wss://", "ws:///gateway", "ftp://gateway.local", "gateway.local"])
def test_a_gateway_url_needs_a_websocket_or_http_scheme_and_a_host(value):
    with pytest.raises(ConfigError, match=r"^DISCORD_GATEWAY_URL must be"):
        settings_from_env({"DISCORD_GATEWAY_URL": value})


@pytest.mark.parametrize("value", ["wss://gateway.discord.gg", "ws://127.0.0.1:9000", "http://fake:1/gw"])
def test_a_gateway_url_with_a_host_is_accepted(value):
    assert settings_from_env({"DISCORD_GATEWAY_URL": value}).discord_gateway_url == value


def test_a_bad_url_setting_does_not_echo_a_password():
    with pytest.raises(ConfigError) as caught:
        settings_from_env({"DISCORD_API_BASE_URL": "ftp://user:proxy-pw-77@proxy/api"})
    assert "proxy-pw-77" not in str(caught.value)


def test_the_database_password_is_not_in_repr():
    settings = settings_from_env({"DATABASE_URL": PG_URL})
    assert settings.database_url == PG_URL
    assert "hunter2-pw" not in repr(settings) + str(settings)


@pytest.mark.parametrize(("url", "shown"), [
    (PG_URL, "postgresql://bot:********@db:5432/imagine"),
    ("postgres://bot:p@ss/w#rd@db/imagine", "postgres://bot:********@db/imagine"),
    ("postgresql://bot@db/imagine", "postgresql://bot@db/imagine"),
    ("sqlite:///data/imagine-bot.db", "sqlite:///data/imagine-bot.db"),
])
def test_database_url_display_masks_the_password(url, shown):
    assert settings_from_env({"DATABASE_URL": url}).database_url_display == shown


@pytest.mark.parametrize("url", ["mysql://bot:hunter2-pw@db/imagine", "bot:hunter2-pw@db/imagine",
                                 "postgresql:/bot:hunter2-pw@db"])
def test_a_malformed_database_url_is_refused_without_echoing_it(url):
    with pytest.raises(ConfigError) as caught:
        settings_from_env({"DATABASE_URL": url})
    message = str(caught.value)
    assert message.startswith("DATABASE_URL must be a sqlite:/// or postgresql:// URL")
    assert "hunter2-pw" not in message


def test_secrets_lists_token_key_and_database_password():
    settings = settings_from_env({"DISCORD_TOKEN": "token-value-123", "OPENROUTE_API_KEY": "sk-secret-456",
                                  "DATABASE_URL": "postgresql://bot:pa%40ss-789@db/imagine"})
    secrets = settings.secrets()
    assert "token-value-123" in secrets
    assert "sk-secret-456" in secrets
    assert "pa%40ss-789" in secrets
    assert "pa@ss-789" in secrets  # decoded, as a driver may log it


def test_secrets_is_empty_without_any():
    assert settings_from_env({}).secrets() == ()


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


def test_a_missing_env_file_is_fine_unless_it_was_named(tmp_path):
    missing = tmp_path / "absent.env"
    assert load_settings(missing, environ={}).log_level == "INFO"
    with pytest.raises(ConfigError) as caught:
        load_settings(missing, environ={}, must_exist=True)
    assert str(caught.value) == f"the settings file {missing} does not exist"


def test_a_named_env_file_that_is_a_folder_is_refused(tmp_path):
    with pytest.raises(ConfigError, match="is not a file"):
        load_settings(tmp_path, environ={}, must_exist=True)


def test_an_env_file_that_is_not_text_is_one_clear_error(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_bytes(b"LOG_LEVEL=\xff\xfe\n")
    with pytest.raises(ConfigError, match="not UTF-8 text"):
        load_settings(env_file, environ={})


def test_cost_size_factors_are_read_as_a_table_and_unlisted_sizes_count_one():
    settings = settings_from_env({"COST_SIZE_FACTORS": "1k=1, 4K=2.5"})

    assert settings.cost_size_factors == (("1K", Decimal(1)), ("4K", Decimal("2.5")))
    assert (settings.size_factor("4K"), settings.size_factor("2K"), settings.size_factor(None)) == (
        Decimal("2.5"), Decimal(1), Decimal(1))
    assert settings_from_env({}).size_factor("4K") == Decimal("1.8")


@pytest.mark.parametrize("raw", ["4K=0", "4K", "big=2", "4K=1,4K=2", "4K=-1", "4K=nan"])
def test_a_bad_cost_size_factor_table_names_the_setting(raw):
    with pytest.raises(ConfigError, match="COST_SIZE_FACTORS"):
        settings_from_env({"COST_SIZE_FACTORS": raw})


def test_the_database_timeout_defaults_to_ten_seconds_and_is_read_from_the_environment():
    assert settings_from_env({}).database_timeout == 10.0
    assert settings_from_env({"DATABASE_TIMEOUT": "2.5"}).database_timeout == 2.5


@pytest.mark.parametrize("value", ["0", "-1", "inf", "soon"])
def test_a_bad_database_timeout_names_its_variable(value):
    with pytest.raises(ConfigError, match=r"^DATABASE_TIMEOUT must be a positive number of seconds"):
        settings_from_env({"DATABASE_TIMEOUT": value})


def test_members_images_are_limited_to_24_megapixels_by_default_which_the_bots_own_4k_results_fit():
    assert settings_from_env({}).input_max_pixels == 24_000_000
    assert settings_from_env({}).input_max_pixels > 4096 * 4096  # the largest image the bot makes
    assert settings_from_env({"INPUT_MAX_PIXELS": "50000000"}).input_max_pixels == 50_000_000


@pytest.mark.parametrize("value", ["0", "-5", "24MP", "2.5"])
def test_a_bad_input_pixel_limit_names_its_variable(value):
    with pytest.raises(ConfigError, match=r"^INPUT_MAX_PIXELS must be a positive number of pixels"):
        settings_from_env({"INPUT_MAX_PIXELS": value})


def test_model_image_sizes_replace_the_built_in_entry_of_a_model_and_keep_the_others():
    settings = settings_from_env({"MODEL_IMAGE_SIZES": "google/gemini-2.5-flash-image=1K/2K, some/model=4k|1K",
                                  "UPSCALE_MODEL": "some/model"})

    sizes = dict(settings.model_image_sizes)
    assert sizes["google/gemini-2.5-flash-image"] == ("1K", "2K")
    assert sizes["some/model"] == ("4K", "1K")
    assert sizes["google/gemini-3-pro-image-preview"] == ("1K", "2K", "4K")  # built in, untouched
    assert settings.upscale_model == "some/model"


@pytest.mark.parametrize("raw", ["some/model", "=1K", "some/model=huge", "a=1K, a=2K"])
def test_a_bad_model_image_sizes_list_names_the_setting(raw):
    with pytest.raises(ConfigError, match="MODEL_IMAGE_SIZES"):
        settings_from_env({"MODEL_IMAGE_SIZES": raw})


def test_describe_models_are_read_in_order_and_default_to_none():
    assert settings_from_env({}).describe_models == ()
    settings = settings_from_env({"DESCRIBE_MODELS": " openai/gpt-4o-mini, google/gemini-2.5-flash,openai/gpt-4o-mini"})
    assert settings.describe_models == ("openai/gpt-4o-mini", "google/gemini-2.5-flash")


@pytest.mark.parametrize("raw", ["openai/*", "a model", "a`b", "x" * 101])
def test_a_describe_model_that_is_not_a_model_id_names_the_setting(raw):
    with pytest.raises(ConfigError, match=r"^DESCRIBE_MODELS must be a comma-separated list of model ids"):
        settings_from_env({"DESCRIBE_MODELS": raw})


def test_chart_font_is_an_existing_font_file_or_unset(tmp_path):
    font = tmp_path / "Mine.TTC"
    font.write_bytes(b"a font")  # its contents are checked when the chart loads it (a warning, then a fallback)
    assert settings_from_env({}).chart_font is None
    assert settings_from_env({"CHART_FONT": str(font)}).chart_font == font
    notes = tmp_path / "notes.txt"
    notes.write_text("not a font")
    for bad in (tmp_path / "absent.ttf", notes, tmp_path):
        with pytest.raises(ConfigError) as caught:
            settings_from_env({"CHART_FONT": str(bad)})
        assert str(caught.value).startswith("CHART_FONT must be an existing .ttf, .otf or .ttc font file")
