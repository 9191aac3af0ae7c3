"""The buttons under a result while PostgreSQL is frozen for real (SIGSTOP on a server of the tests' own): every
press is acknowledged within Discord's 3 s — the fake refuses a later acknowledgement, as Discord does — the
member alone is told the database is not answering, and the Edit form, which has to be the first answer, opens
anyway and goes through once the database is back."""

from __future__ import annotations

from typing import Any

import pytest

from playground.discord import FakeDiscord, FakeInteraction
from playground.openroute import OpenRouteEmulator
from tests.conftest import FreezablePostgres
from tests.e2e.harness import BotRunner, png_files, wait_final
from tests.e2e.test_edit import submit_prompt_modal

pytestmark = pytest.mark.e2e

NOT_ANSWERING = "⚠️ The bot's database is not answering; try again in a minute."


def button(message: Any, kind: str) -> str:
    (found,) = [cid for cid in message.custom_ids() if cid.startswith(f"imagine:{kind}:")]
    return found


async def told_privately(fake: FakeDiscord, press: FakeInteraction) -> Any:
    return await fake.wait_for(lambda: next(iter(press.followups), None))


async def test_every_button_is_answered_in_time_while_the_database_is_frozen(
        runner: BotRunner, discord_fake: FakeDiscord, emulator: OpenRouteEmulator,
        freezable_postgres: FreezablePostgres) -> None:
    url = freezable_postgres.new_database()
    await runner.start(DATABASE_URL=url, DATABASE_TIMEOUT="5")
    result = await wait_final(discord_fake, await discord_fake.run_command(
        "imagine", {"prompt": "a koi pond", "model": "emu/png"}))
    await runner.bot.services.imagine.settled()  # the result's message and end are recorded

    with freezable_postgres.frozen():
        regenerate = await discord_fake.click(result.id, button(result, "regen"))
        delete = await discord_fake.click(result.id, button(result, "delete"), user="bob")
        edit = await discord_fake.click(result.id, button(result, "edit"))
        acks = [(await press.wait_ack()).type for press in (regenerate, delete, edit)]
        regenerate_told = await told_privately(discord_fake, regenerate)
        delete_told = await told_privately(discord_fake, delete)

    assert acks == [5, 6, 9]  # "thinking…", a silent acknowledgement, the Edit form
    for told in (regenerate_told, delete_told):
        assert told.content == NOT_ANSWERING
        assert told.ephemeral
    assert regenerate.original is None  # Regenerate's public placeholder gave way to the private answer
    assert not discord_fake.messages[result.id].deleted

    # the form was opened before the job could be checked: it is looked up now, and the edit goes through
    edited = await submit_prompt_modal(discord_fake, edit, "make the water gold")
    final = await wait_final(discord_fake, edited)
    assert len(png_files(final)) == 1
    assert "make the water gold" in final.content
