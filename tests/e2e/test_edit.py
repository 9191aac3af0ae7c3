"""Editing images: the /imagine `image` option, the Edit button and the "Edit image" message menu."""

from __future__ import annotations

import base64
import io
from typing import Any

import pytest
from PIL import Image

from playground.discord import FakeDiscord, FakeInteraction
from playground.discord.model import iter_components
from playground.openroute import OpenRouteEmulator
from tests.e2e.harness import decoded, png_files, wait_final

pytestmark = pytest.mark.e2e

CHAT = "/chat/completions"
TEXT_INPUT = 4


def make_png(width: int = 96, height: int = 64) -> bytes:
    """A small PNG with a pattern, so that 'same pixels' means something."""
    image = Image.new("RGB", (width, height))
    image.putdata([((x * 7) % 256, (y * 11) % 256, (x * y) % 256) for y in range(height) for x in range(width)])
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def chat_bodies(emulator: OpenRouteEmulator) -> list[dict[str, Any]]:
    """JSON bodies of the generation requests the image service received, oldest first."""
    return [r.json for r in emulator.requests if r.path.endswith(CHAT)]


def request_prompt(body: dict[str, Any]) -> str:
    """The text the user message carried."""
    content = body["messages"][-1]["content"]
    if isinstance(content, str):
        return content
    return " ".join(part["text"] for part in content if part.get("type") == "text")


def input_images(body: dict[str, Any]) -> list[tuple[str, bytes]]:
    """(mime type, decoded bytes) of every `image_url` part of the request's user message."""
    content = body["messages"][-1]["content"]
    if isinstance(content, str):
        return []
    found = []
    for part in content:
        if part.get("type") != "image_url":
            continue
        url = part["image_url"]["url"]
        header, _, payload = url.partition(",")
        assert header.startswith("data:image/"), header
        assert header.endswith(";base64"), header
        found.append((header[len("data:"):-len(";base64")], base64.b64decode(payload, validate=True)))
    return found


async def submit_prompt_modal(fake: FakeDiscord, opener: FakeInteraction, prompt: str,
                              user: str = "alice") -> FakeInteraction:
    """Fill the bot's modal's first text field with `prompt` and submit it, as the member would."""
    callback = await opener.wait_ack()
    assert callback.type == 9, "a modal should open"
    assert opener.modal is not None
    fields = [c for c in iter_components(opener.modal["components"]) if c.get("type") == TEXT_INPUT]
    assert fields, opener.modal
    values = {fields[0]["custom_id"]: prompt}
    for extra in fields[1:]:  # keep any further field (e.g. "which image") at its default
        if extra.get("value"):
            values[extra["custom_id"]] = extra["value"]
    return await fake.submit_modal(opener.modal["custom_id"], values, user=user)


async def test_an_uploaded_image_is_sent_to_the_model_with_the_same_pixels(bot, discord_fake, emulator):
    upload = make_png()
    it = await discord_fake.run_command("imagine", {"prompt": "paint it like Monet", "model": "emu/png"},
                                        attachments={"image": ("in.png", upload, "image/png")})
    assert (await it.wait_ack()).type == 5
    final = await wait_final(discord_fake, it)

    files = png_files(final)
    assert len(files) == 1
    assert decoded(files[0][1]) == decoded(emulator.sent_images[-1].data)
    assert "edit" in final.content

    (body,) = chat_bodies(emulator)
    assert request_prompt(body) == "paint it like Monet"
    sent = input_images(body)
    assert len(sent) == 1
    assert sent[0][0] == "image/png"
    assert decoded(sent[0][1]) == decoded(upload)


async def test_the_edit_button_opens_a_modal_and_edits_the_previous_result(bot, discord_fake, emulator):
    it = await discord_fake.run_command("imagine", {"prompt": "a lighthouse", "model": "emu/png"})
    first = await wait_final(discord_fake, it)
    ((_, first_png),) = png_files(first)
    edit_button = next(cid for cid in first.custom_ids() if cid.startswith("imagine:edit:"))

    opener = await discord_fake.click(first.id, edit_button, user="alice")
    submitted = await submit_prompt_modal(discord_fake, opener, "make the sky purple")
    assert (await submitted.wait_ack()).type == 5
    result = await wait_final(discord_fake, submitted)

    assert result.id != first.id
    assert not discord_fake.messages[first.id].deleted  # the original stays
    files = png_files(result)
    assert len(files) == 1
    assert decoded(files[0][1]) == decoded(emulator.sent_images[-1].data)
    assert "make the sky purple" in result.content

    first_body, edit_body = chat_bodies(emulator)
    assert input_images(first_body) == []
    assert request_prompt(edit_body) == "make the sky purple"
    assert edit_body["model"] == first_body["model"] == "emu/png"
    sent = input_images(edit_body)
    assert len(sent) == 1
    assert decoded(sent[0][1]) == decoded(first_png)


async def test_the_edit_image_menu_on_a_posted_picture_edits_that_picture(bot, discord_fake, emulator):
    upload = make_png(80, 120)
    posted = discord_fake.post_message("alice", "general", "my cat", attachments=[("cat.png", upload)])

    opener = await discord_fake.run_message_command("Edit image", posted.id, user="alice")
    submitted = await submit_prompt_modal(discord_fake, opener, "give the cat a hat")
    assert (await submitted.wait_ack()).type == 5
    result = await wait_final(discord_fake, submitted)

    files = png_files(result)
    assert len(files) == 1
    assert decoded(files[0][1]) == decoded(emulator.sent_images[-1].data)
    assert "give the cat a hat" in result.content
    assert result.channel_id == discord_fake.channels["general"].id

    (body,) = chat_bodies(emulator)
    assert request_prompt(body) == "give the cat a hat"
    sent = input_images(body)
    assert len(sent) == 1
    assert decoded(sent[0][1]) == decoded(upload)
    assert not discord_fake.messages[posted.id].deleted
