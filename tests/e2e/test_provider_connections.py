"""The API's connections and the input images' downloads do not wait on each other: with every API connection
taken by a long image stream, a member's image to edit is still downloaded at once."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from playground.discord import FakeDiscord
from playground.openroute import OpenRouteEmulator
from tests.e2e.harness import BotRunner, png_files, wait_final

pytestmark = pytest.mark.e2e


def small_png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (48, 32), "orange").save(out, "PNG")
    return out.getvalue()


async def test_an_input_image_is_downloaded_while_every_api_connection_is_busy(
        runner: BotRunner, discord_fake: FakeDiscord, emulator: OpenRouteEmulator) -> None:
    await runner.start(OPENROUTE_MAX_CONNECTIONS="1", INPUT_DOWNLOAD_TIMEOUT="2")
    holding = await discord_fake.run_command("imagine", {"prompt": "a slow fox", "model": "emu/hold"}, user="alice")
    await emulator.wait_held(1)  # alice's stream has the only API connection and keeps it

    editing = await discord_fake.run_command("imagine", {"prompt": "paint it blue", "model": "emu/png"}, user="bob",
                                             attachments={"image": ("in.png", small_png(), "image/png")})
    # bob's request is past its download (queued behind alice's stream), or refused: either way it says so
    shown = await discord_fake.wait_for(lambda: editing.original if editing.original is not None
                                        and not editing.original.loading else None)
    assert "Could not download" not in shown.content
    emulator.release()
    edited = await wait_final(discord_fake, editing)
    slow = await wait_final(discord_fake, holding)

    assert len(png_files(edited)) == 1, edited.content
    assert len(png_files(slow)) == 1, slow.content
