"""The playground's runtime: what it gives the bot, and the real-money path (a key set: costs and the budget)."""

from __future__ import annotations

from bot.config import PlaygroundSettings
from playground.discord import FakeInteraction
from playground.openroute import OpenRouteEmulator
from playground.runtime import DESCRIBE_MODEL, Playground

REAL_KEY = "sk-or-real-looking-key-0123456789"


def bot_env(tmp_path, env, **settings) -> dict[str, str]:
    return Playground(PlaygroundSettings(port=0, folder=tmp_path, open_browser=False, **settings), env)._bot_env()


def test_the_operators_discord_database_shard_and_metrics_settings_are_left_out(tmp_path):
    env = bot_env(tmp_path, {"DISCORD_TOKEN": "real-token", "DATABASE_URL": "postgresql://db/x", "SHARD_COUNT": "4",
                             "METRICS_PORT": "9100", "DEFAULT_MODEL": "openai/gpt-5-image-mini",
                             "OPENROUTE_API_KEY": REAL_KEY})
    assert env["DISCORD_TOKEN"] != "real-token"
    assert env["DATABASE_URL"] == f"sqlite:///{(tmp_path / 'playground.db').resolve()}"
    assert "SHARD_COUNT" not in env
    assert "METRICS_PORT" not in env
    assert env["DEFAULT_MODEL"] == "openai/gpt-5-image-mini"  # the operator's other settings apply


def test_with_a_real_key_the_playground_budget_applies_unless_the_operator_set_one(tmp_path):
    assert bot_env(tmp_path, {"OPENROUTE_API_KEY": REAL_KEY})["GLOBAL_DAILY_BUDGET_USD"] == "1.00"
    assert bot_env(tmp_path, {"OPENROUTE_API_KEY": REAL_KEY, "GLOBAL_DAILY_BUDGET_USD": "5"})[
        "GLOBAL_DAILY_BUDGET_USD"] == "5"
    from decimal import Decimal
    assert "GLOBAL_DAILY_BUDGET_USD" not in bot_env(tmp_path, {"OPENROUTE_API_KEY": REAL_KEY},
                                                    budget_usd=Decimal(0))


async def test_without_a_key_pictures_come_from_the_emulator_and_describe_works(tmp_path):
    async with Playground(PlaygroundSettings(port=0, folder=tmp_path, open_browser=False), env={}) as pg:
        assert pg.emulated
        assert pg.bot_settings.openroute.base_url == pg.emulator.base_url
        assert pg.bot_settings.describe_models == (DESCRIBE_MODEL,)
        it: FakeInteraction = await pg.fake.run_command("imagine", {"prompt": "a lighthouse at dusk"})
        result = await pg.fake.wait_for(lambda: it.original if it.original and it.original.attachments
                                        and not it.original.loading else None, timeout=60)
        assert any(a.filename.endswith(".png") for a in result.attachments)


async def test_with_a_real_key_the_page_is_told_the_cost_and_the_running_total(tmp_path):
    provider = OpenRouteEmulator(api_key=REAL_KEY, keepalive_interval=0.05)
    await provider.start()
    try:
        env = {"OPENROUTE_API_KEY": REAL_KEY, "OPENROUTE_BASE_URL": provider.base_url}
        async with Playground(PlaygroundSettings(port=0, folder=tmp_path, open_browser=False), env=env) as pg:
            assert not pg.emulated
            assert pg.emulator is None
            before = await pg.spend()
            assert before == {"total": "$0", "day": "$0", "budget": "$1"}
            it = await pg.fake.run_command("imagine", {"prompt": "a lighthouse at dusk"})
            await pg.fake.wait_for(lambda: it.original if it.original and it.original.attachments
                                   and not it.original.loading else None, timeout=60)
            await pg.bot.services.imagine.settled()
            after = await pg.spend()
            assert after["total"] != "$0"
            assert after["total"] == after["day"]
            assert after["total"] in it.original.content + "".join(str(e) for e in it.original.embeds)
    finally:
        await provider.close()
