"""The buttons under a result: Delete (who may), Regenerate, and Retry after a failure."""

from __future__ import annotations

from typing import Any

import pytest

from playground.discord import FakeDiscord, FakeInteraction
from playground.openroute import OpenRouteEmulator
from tests.e2e.harness import decoded, png_files, wait_final

pytestmark = pytest.mark.e2e

CHAT = "/chat/completions"


def chat_bodies(emulator: OpenRouteEmulator) -> list[dict[str, Any]]:
    """JSON bodies of the generation requests the image service received, oldest first."""
    return [r.json for r in emulator.requests if r.path.endswith(CHAT)]


def button(message: Any, kind: str) -> str:
    """The custom_id of the `imagine:<kind>:<job>` button on a message."""
    found = [cid for cid in message.custom_ids() if cid.startswith(f"imagine:{kind}:")]
    assert len(found) == 1, (kind, message.custom_ids())
    return found[0]


def label_of(message: Any, custom_id: str) -> str | None:
    for row in message.components:
        for component in row.get("components", []):
            if component.get("custom_id") == custom_id:
                return component.get("label")
    return None


async def finished_result(fake: FakeDiscord, **options: Any) -> tuple[FakeInteraction, Any]:
    """Alice runs /imagine in #general and gets her image."""
    it = await fake.run_command("imagine", {"prompt": "a koi pond", "model": "emu/png", **options})
    final = await wait_final(fake, it)
    assert len(png_files(final)) == 1
    return it, final


async def test_someone_else_pressing_delete_is_told_no_privately_and_the_image_stays(bot, discord_fake):
    _, result = await finished_result(discord_fake)

    press = await discord_fake.click(result.id, button(result, "delete"), user="bob")
    callback = await press.wait_ack()
    assert callback.type == 6  # acknowledged at once, before the job is looked up, with nothing shown
    reply = await discord_fake.wait_for(lambda: next(iter(press.followups), None))
    assert reply.ephemeral
    assert "only" in reply.content.lower()
    assert "delete" in reply.content.lower()

    assert not discord_fake.messages[result.id].deleted
    assert len(png_files(discord_fake.messages[result.id])) == 1


async def test_a_moderator_who_can_manage_messages_can_delete_the_image(bot, discord_fake):
    _, result = await finished_result(discord_fake)

    press = await discord_fake.click(result.id, button(result, "delete"), user="mod")
    await discord_fake.wait_for(lambda: discord_fake.messages[result.id].deleted)
    assert press.acknowledged
    assert not any(m.ephemeral and "only" in m.content.lower() for m in discord_fake.channel_messages("general"))


async def test_the_requester_can_delete_her_own_image(bot, discord_fake):
    it, result = await finished_result(discord_fake)

    await discord_fake.click(result.id, button(result, "delete"), user="alice")
    await discord_fake.wait_for(lambda: discord_fake.messages[result.id].deleted)
    assert it.original is None
    assert result.id not in {m.id for m in discord_fake.channel_messages("general")}


async def test_regenerate_makes_a_new_result_with_the_same_request(bot, discord_fake, emulator):
    _, first = await finished_result(discord_fake, aspect_ratio="16:9", size="1K")
    assert len(emulator.sent_images) == 1

    press = await discord_fake.click(first.id, button(first, "regen"), user="alice")
    assert (await press.wait_ack()).type == 5
    second = await wait_final(discord_fake, press)

    assert second.id != first.id  # a new message: the first result is kept as it was
    assert not discord_fake.messages[first.id].deleted
    assert len(png_files(discord_fake.messages[first.id])) == 1
    files = png_files(second)
    assert len(files) == 1
    assert len(emulator.sent_images) == 2
    assert decoded(files[0][1]) == decoded(emulator.sent_images[-1].data)
    assert decoded(files[0][1])[0] == (1344, 768)  # 16:9 at 1K: the options were kept
    assert "a koi pond" in second.content

    original_body, rerun_body = chat_bodies(emulator)
    for key in ("model", "messages", "image_config", "modalities"):
        assert rerun_body.get(key) == original_body.get(key), key
    assert rerun_body["model"] == "emu/png"
    assert rerun_body["image_config"] == {"aspect_ratio": "16:9", "image_size": "1K"}


async def test_retry_after_a_failed_job_runs_it_again_and_delivers_the_image(bot, discord_fake, emulator):
    it = await discord_fake.run_command("imagine", {"prompt": "a koi pond", "model": "emu/flaky"})
    failed = await wait_final(discord_fake, it)
    assert png_files(failed) == []
    retry = button(failed, "regen")
    assert label_of(failed, retry) == "Retry"
    assert emulator.sent_images == []

    press = await discord_fake.click(failed.id, retry, user="alice")
    result = await wait_final(discord_fake, press)
    files = png_files(result)
    assert len(files) == 1
    assert decoded(files[0][1]) == decoded(emulator.sent_images[-1].data)
    assert [body["model"] for body in chat_bodies(emulator)] == ["emu/flaky", "emu/flaky"]
    assert {"regen", "edit", "remix", "delete", "up", "vary", "varyb"} == {
        cid.split(":")[1] for cid in result.custom_ids()}
