"""/imagine end to end: what a member sees in the channel."""

from __future__ import annotations

import pytest

from tests.e2e.harness import decoded, png_files, wait_final

pytestmark = pytest.mark.e2e


async def test_imagine_acks_at_once_shows_progress_and_attaches_the_emulators_png(bot, discord_fake, emulator):
    it = await discord_fake.run_command("imagine", {"prompt": "a fox in the snow @everyone", "model": "emu/slow"})
    callback = await it.wait_ack()
    assert callback.type == 5  # deferred: "imagine-bot is thinking…"
    assert it.ack_latency < 3

    final = await wait_final(discord_fake, it)
    files = png_files(final)
    assert len(files) == 1
    assert decoded(files[0][1]) == decoded(emulator.sent_images[-1].data)
    assert "a fox in the snow" in final.content
    assert "emu/slow" in final.content
    assert "$0.039" in final.content
    assert final.allowed_mentions == {"parse": []}
    assert final.mention_everyone is False
    progress = [r.content for r in final.revisions]
    assert any("Waiting for the model" in text or "Queued" in text for text in progress)
    assert {"regen", "edit", "remix", "delete", "up", "vary", "varyb"} == {
        cid.split(":")[1] for cid in final.custom_ids()}
    assert discord_fake.rate_limited == []


async def test_connected_bot_keeps_its_health_file_fresh(bot, runner):
    health = runner.env["HEALTH_FILE"]
    from pathlib import Path

    assert Path(health).is_file()
    assert bot.is_connected()


async def test_an_unexpected_failure_is_logged_and_told_honestly_and_the_bot_keeps_serving(
        bot, discord_fake, monkeypatch, caplog):
    cog = bot.get_cog("Imagine")

    async def broken(*args, **kwargs):
        raise RuntimeError("bug in start_job")

    monkeypatch.setattr(cog, "start_job", broken)
    it = await discord_fake.run_command("imagine", {"prompt": "trigger a bug"})
    told = await discord_fake.wait_for(lambda: it.original if it.original and not it.original.loading else None)
    assert "Something went wrong on our side" in told.content
    assert any("command imagine failed" in r.getMessage() and r.exc_info for r in caplog.records)

    monkeypatch.undo()
    again = await discord_fake.run_command("imagine", {"prompt": "works again"})
    assert png_files(await wait_final(discord_fake, again))


@pytest.mark.parametrize(("model", "modalities"), [
    ("black-forest-labs/flux.2-pro", ["image"]),
    ("google/gemini-2.5-flash-image-preview", ["image", "text"]),
])
async def test_image_only_models_are_asked_for_images_only(bot, discord_fake, emulator, model, modalities):
    it = await discord_fake.run_command("imagine", {"prompt": "a red kite", "model": model})
    assert png_files(await wait_final(discord_fake, it))
    body = next(r.json for r in emulator.requests if r.path.endswith("/chat/completions"))
    assert body["model"] == model
    assert body["modalities"] == modalities
