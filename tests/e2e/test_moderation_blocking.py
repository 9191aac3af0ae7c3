"""Blocked words and blocked members, end to end: `/settings words` and `/settings members`, how prompts are
refused (before any download or API call, without telling the member the term, with the term in the audit
channel), disguised spellings, prefixes, Regenerate and Edit, the operator's OPERATOR_BLOCKED_WORDS (DMs
included), owners who cannot be blocked, a restart, and members who may not change any of it."""

from __future__ import annotations

import io
from typing import Any

import pytest
from PIL import Image

from playground.discord import FakeDiscord, FakeInteraction, FakeMessage
from playground.discord.model import iter_components
from tests.e2e.harness import png_files, wait_final
from tests.e2e.moderation import (
    REFUSED,
    answer,
    chat_models,
    generated,
    refused,
    saved,
    settings,
    start,
    usage,
)

pytestmark = pytest.mark.e2e

NOT_A_MANAGER = "🚫 Only members with the Manage Server permission can change these settings."
BLOCKED_HERE = "🚫 This prompt contains a term that is not allowed on this server. Rephrase it."
BLOCKED_ON_BOT = "🚫 This prompt contains a term that is not allowed on this bot. Rephrase it."
MEMBER_BLOCKED = "🚫 A moderator blocked you from using /imagine on this server."
OWNERS_UNBLOCKABLE = "🚫 The bot's owners cannot be blocked."
TEXT_INPUT = 4


def small_png() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (40, 30), "orange").save(out, "PNG")
    return out.getvalue()


def cdn_downloads(fake: FakeDiscord) -> list[str]:
    """Every file the fake CDN was asked for (uploads and the bot's own results alike)."""
    return [r.path for r in fake.requests if "attachments/{scope_id}/" in r.route_key]


def blocked_prompt_lines(fake: FakeDiscord) -> list[FakeMessage]:
    """The audit channel's records of refused prompts, oldest first (not its settings changes)."""
    return [m for m in fake.channel_messages("audit") if m.content.startswith("🚫 Blocked prompt")]


async def audit_records(fake: FakeDiscord, count: int) -> list[FakeMessage]:
    """Wait until the audit channel holds `count` records of refused prompts, and return them."""
    return await fake.wait_for(lambda: lines if len(lines := blocked_prompt_lines(fake)) >= count else None)


def assert_audited(line: FakeMessage, fake: FakeDiscord, *, member: str, prompt: str | None, term: str) -> None:
    """One audit record names the member (without pinging them), the prompt and the term."""
    assert line.author.id == fake.bot_user.id
    assert f"<@{fake.user(member).id}>" in line.content, line.content
    assert f"`{term}`" in line.content, line.content
    if prompt is not None:
        assert prompt in line.content, line.content
    assert line.mentioned_user_ids == []
    assert line.mentioned_role_ids == []


async def with_audit_channel(fake: FakeDiscord) -> None:
    await saved(fake, "log-channel", {"channel": "audit"})


async def blocked_terms(fake: FakeDiscord) -> str:
    """`/settings words list` as the moderator: the list, without the note on what matching catches."""
    listed, note = (await settings(fake, "words list")).rsplit("\n", 1)
    assert note.startswith("-# Matched as whole words"), note
    return listed


async def settings_fields(fake: FakeDiscord) -> dict[str, str]:
    """The fields of `/settings show` (name → value) as the moderator reads them."""
    it = await fake.run_command("settings show", user="sam")
    reply = await answer(fake, it)
    assert reply.ephemeral
    (embed,) = reply.embeds
    return {f["name"]: f["value"] for f in embed.get("fields", [])}


def button(message: Any, kind: str) -> str:
    (found,) = [cid for cid in message.custom_ids() if cid.startswith(f"imagine:{kind}:")]
    return found


async def fill_edit_modal(fake: FakeDiscord, opener: FakeInteraction, prompt: str, *,
                          user: str = "alice") -> FakeInteraction:
    """Type `prompt` into the Edit modal the bot opened and submit it."""
    assert (await opener.wait_ack()).type == 9, "the Edit button should open a modal"
    fields = [c for c in iter_components(opener.modal["components"]) if c.get("type") == TEXT_INPUT]
    values = {fields[0]["custom_id"]: prompt}
    values.update({f["custom_id"]: f["value"] for f in fields[1:] if f.get("value")})
    return await fake.submit_modal(opener.modal["custom_id"], values, user=user)


async def refusal_of(fake: FakeDiscord, it: FakeInteraction) -> str:
    """The refusal the member reads in answer to `it` (no image, no buttons)."""
    reply = await answer(fake, it)
    assert reply.content.startswith(REFUSED), reply.content
    assert reply.files == []
    assert reply.custom_ids() == []
    return reply.content


# --- a blocked term ------------------------------------------------------------------------------------

async def test_a_blocked_prompt_is_refused_before_any_download_or_call_without_naming_the_term_and_is_audited(
        runner, discord_fake, emulator):
    await start(runner)
    await with_audit_channel(discord_fake)
    reply = await saved(discord_fake, "words add", {"word": "dragon"})
    assert "dragon" in reply  # the moderator sees what was blocked

    refusal = await refused(discord_fake, "a red dragon over the hills", model="emu/png")
    assert refusal == BLOCKED_HERE
    assert "dragon" not in refusal.lower()

    upload = discord_fake.upload_attachment("in.png", small_png(), "image/png")
    it = await discord_fake.run_command(
        "imagine", {"prompt": "turn my cat into a Dragon", "model": "emu/png", "image": upload}, user="bob")
    assert await refusal_of(discord_fake, it) == BLOCKED_HERE

    assert chat_models(emulator) == []  # the image service was never asked
    assert upload.cdn_sent == []  # the attached image was never downloaded
    assert cdn_downloads(discord_fake) == []

    first, second = await audit_records(discord_fake, 2)
    assert_audited(first, discord_fake, member="alice", prompt="a red dragon over the hills", term="dragon")
    assert_audited(second, discord_fake, member="bob", prompt="turn my cat into a Dragon", term="dragon")

    # a refused prompt counts toward nothing, and a prompt without the term works
    assert "Today (last 24 h): **0 images**" in (await usage(discord_fake)).content
    await generated(discord_fake, "a red kite over the hills", model="emu/png")
    assert chat_models(emulator) == ["emu/png"]
    assert len(blocked_prompt_lines(discord_fake)) == 2


async def test_disguised_spellings_of_a_blocked_word_are_caught_and_a_word_merely_containing_it_is_not(
        runner, discord_fake, emulator):
    await start(runner)
    await with_audit_channel(discord_fake)
    await saved(discord_fake, "words add", {"word": "word"})

    disguised = [
        "the Wörd on the wall",  # an accent
        "the w\u200bord on the wall",  # a zero-width space inside
        "the ＷＯＲＤ on the wall",  # fullwidth letters
        "the w\u043erd on the wall",  # a Cyrillic о
        "THE WORD!",  # case and punctuation
    ]
    for prompt in disguised:
        assert await refused(discord_fake, prompt, model="emu/png") == BLOCKED_HERE, prompt
    assert chat_models(emulator) == []
    records = await audit_records(discord_fake, len(disguised))
    for line in records:
        assert_audited(line, discord_fake, member="alice", prompt=None, term="word")
    assert "the Wörd on the wall" in records[0].content

    final = await generated(discord_fake, "a sword in the stone", model="emu/png")
    assert "a sword in the stone" in final.content
    await generated(discord_fake, "wordsmiths at work", model="emu/png")
    assert chat_models(emulator) == ["emu/png", "emu/png"]
    assert len(blocked_prompt_lines(discord_fake)) == len(disguised)


async def test_a_prefix_term_blocks_longer_words_until_it_is_removed(runner, discord_fake, emulator):
    await start(runner)
    await saved(discord_fake, "words add", {"word": "word"})
    await generated(discord_fake, "a wordy poster", model="emu/png")  # a whole word only: `wordy` passes

    await saved(discord_fake, "words add", {"word": "word*"})
    assert await refused(discord_fake, "a wordy poster", model="emu/png") == BLOCKED_HERE
    assert await refused(discord_fake, "Wordsmiths at work", model="emu/png") == BLOCKED_HERE
    await generated(discord_fake, "a sword in the stone", model="emu/png")  # a prefix, not a substring
    listed = await blocked_terms(discord_fake)
    assert "`word`" in listed
    assert "`word*`" in listed

    await saved(discord_fake, "words remove", {"word": "word*"})
    assert "`word*`" not in await blocked_terms(discord_fake)
    await generated(discord_fake, "a wordy poster", model="emu/png")
    assert chat_models(emulator) == ["emu/png"] * 3


# --- Regenerate and Edit -------------------------------------------------------------------------------

async def test_regenerate_and_edit_of_an_older_result_are_checked_against_the_words_blocked_since(
        runner, discord_fake, emulator):
    await start(runner)
    await with_audit_channel(discord_fake)
    first = await generated(discord_fake, "a dragon over the hills", model="emu/png")
    await saved(discord_fake, "words add", {"word": "dragon"})

    press = await discord_fake.click(first.id, button(first, "regen"), user="alice")
    refusal = await refusal_of(discord_fake, press)
    assert refusal == BLOCKED_HERE
    assert chat_models(emulator) == ["emu/png"]  # only the generation from before the block
    (record,) = await audit_records(discord_fake, 1)
    assert_audited(record, discord_fake, member="alice", prompt="a dragon over the hills", term="dragon")

    # Edit asks for a new prompt, and that one is checked too, before the result's image is downloaded
    opener = await discord_fake.click(first.id, button(first, "edit"), user="alice")
    submitted = await fill_edit_modal(discord_fake, opener, "add a second DRAGON")
    assert await refusal_of(discord_fake, submitted) == BLOCKED_HERE
    assert cdn_downloads(discord_fake) == []
    assert chat_models(emulator) == ["emu/png"]
    _, edit_record = await audit_records(discord_fake, 2)
    assert_audited(edit_record, discord_fake, member="alice", prompt="add a second DRAGON", term="dragon")

    # the result itself is left as it was, and an edit with an allowed prompt still works
    assert not discord_fake.messages[first.id].deleted
    opener = await discord_fake.click(first.id, button(first, "edit"), user="alice")
    edited = await wait_final(discord_fake, await fill_edit_modal(discord_fake, opener, "make the sky purple"))
    assert len(png_files(edited)) == 1
    assert chat_models(emulator) == ["emu/png", "emu/png"]


# --- the operator's list -------------------------------------------------------------------------------

async def test_operator_blocked_words_refuse_in_a_server_and_in_a_dm(runner, discord_fake, emulator):
    await start(runner, OPERATOR_BLOCKED_WORDS="kraken, sea monster")
    await with_audit_channel(discord_fake)

    assert await refused(discord_fake, "a Kraken attacks the ship", model="emu/png") == BLOCKED_HERE
    assert await refused(discord_fake, "a sea-monster attacks the ship", model="emu/png") == BLOCKED_HERE
    refusal = await refused(discord_fake, "the KRAKEN wakes", model="emu/png", channel="dm")
    assert refusal == BLOCKED_ON_BOT
    assert "kraken" not in refusal.lower()
    assert chat_models(emulator) == []

    first, second = await audit_records(discord_fake, 2)  # the server's refusals; a DM has no audit channel
    assert_audited(first, discord_fake, member="alice", prompt="a Kraken attacks the ship", term="kraken")
    assert_audited(second, discord_fake, member="alice", prompt="a sea-monster attacks the ship",
                   term="sea monster")
    # the list is the operator's: it is not one of the server's terms
    assert await blocked_terms(discord_fake) == "No words are blocked on this server."

    dm = await generated(discord_fake, "a paper boat at sea", model="emu/png", channel="dm")
    assert dm.channel_id == discord_fake.dm_channel("alice").id
    await generated(discord_fake, "a ship at sea", model="emu/png")
    assert chat_models(emulator) == ["emu/png", "emu/png"]
    assert len(blocked_prompt_lines(discord_fake)) == 2


# --- blocked members -----------------------------------------------------------------------------------

async def test_a_blocked_member_is_told_the_reason_until_unblocked_and_an_owner_cannot_be_blocked(
        runner, discord_fake, emulator):
    bob = discord_fake.user("bob")
    alice = discord_fake.user("alice")
    await start(runner, OWNER_IDS=str(bob.id))
    await saved(discord_fake, "words add", {"word": "dragon"})

    await saved(discord_fake, "members block", {"member": "alice", "reason": "spamming #general"})
    refusal = await refused(discord_fake, "a fox", model="emu/png")
    assert refusal.startswith(MEMBER_BLOCKED)
    assert "Reason: spamming \\#general" in refusal  # the moderator's words, escaped: Discord shows "#general"
    # the block is checked first: a blocked member is told about the block, not about the prompt
    assert (await refused(discord_fake, "a dragon", model="emu/png")).startswith(MEMBER_BLOCKED)
    assert chat_models(emulator) == []

    fields = await settings_fields(discord_fake)
    assert f"<@{alice.id}>" in fields["Blocked members"]
    assert "spamming" in fields["Blocked members"]

    assert await settings(discord_fake, "members block", {"member": "bob", "reason": "nope"}) == OWNERS_UNBLOCKABLE
    blocked = (await settings_fields(discord_fake))["Blocked members"]
    assert f"<@{bob.id}>" not in blocked
    await generated(discord_fake, "a fox", model="emu/png", user="bob")

    await saved(discord_fake, "members unblock", {"member": "alice"})
    assert (await settings_fields(discord_fake))["Blocked members"] == "none"
    await generated(discord_fake, "a fox", model="emu/png")
    assert chat_models(emulator) == ["emu/png", "emu/png"]


# --- a restart -----------------------------------------------------------------------------------------

async def test_blocked_words_and_members_survive_a_restart(runner, discord_fake, emulator):
    await start(runner)
    await saved(discord_fake, "words add", {"word": "dragon"})
    await saved(discord_fake, "words add", {"word": "kraken*"})
    await saved(discord_fake, "members block", {"member": "bob", "reason": "too many dragons"})

    await runner.stop()
    await start(runner)

    assert await refused(discord_fake, "a Dragon", model="emu/png") == BLOCKED_HERE
    assert await refused(discord_fake, "krakens at sea", model="emu/png") == BLOCKED_HERE
    bob_refusal = await refused(discord_fake, "a fox", model="emu/png", user="bob")
    assert bob_refusal.startswith(MEMBER_BLOCKED)
    assert "too many dragons" in bob_refusal
    assert chat_models(emulator) == []

    listed = await blocked_terms(discord_fake)
    assert listed.startswith("2 blocked terms:")
    assert "`dragon`" in listed
    assert "`kraken*`" in listed
    assert f"<@{discord_fake.user('bob').id}>" in (await settings_fields(discord_fake))["Blocked members"]
    await generated(discord_fake, "a fox", model="emu/png")
    assert chat_models(emulator) == ["emu/png"]


# --- who may change the lists --------------------------------------------------------------------------

async def test_members_without_manage_server_cannot_read_or_change_blocked_words_or_members(
        runner, discord_fake, emulator):
    await start(runner)
    await with_audit_channel(discord_fake)
    await saved(discord_fake, "words add", {"word": "dragon"})
    await saved(discord_fake, "members block", {"member": "bob", "reason": "spam"})
    # the three changes are recorded in the audit channel (log-channel, words add, members block)
    changes = await discord_fake.wait_for(
        lambda: lines if len(lines := discord_fake.channel_messages("audit")) >= 3 else None)
    assert len(changes) == 3

    # a server admin shows /settings to alice and to the moderator who can only manage messages
    discord_fake.override_command("settings", users=["alice", "mod"])
    for member in ("alice", "mod"):
        attempts: list[tuple[str, dict[str, Any] | None]] = [
            ("words add", {"word": "fox"}),
            ("words remove", {"word": "dragon"}),
            ("words list", None),
            ("members block", {"member": discord_fake.user("admin"), "reason": "because"}),
            ("members unblock", {"member": "bob"}),
        ]
        for command, options in attempts:
            reply = await settings(discord_fake, command, options, user=member)
            assert reply == NOT_A_MANAGER, (member, command, reply)
            assert "dragon" not in reply  # the list is not shown either

    # nothing changed: the same list, the same block, nothing new in the audit channel
    assert await blocked_terms(discord_fake) == "1 blocked term:\n`dragon`"
    blocked = (await settings_fields(discord_fake))["Blocked members"]
    assert f"<@{discord_fake.user('bob').id}>" in blocked
    assert f"<@{discord_fake.user('admin').id}>" not in blocked
    assert discord_fake.channel_messages("audit") == changes

    assert await refused(discord_fake, "a dragon", model="emu/png") == BLOCKED_HERE
    assert (await refused(discord_fake, "a fox", model="emu/png", user="bob")).startswith(MEMBER_BLOCKED)
    await generated(discord_fake, "a fox", model="emu/png")  # `fox` was not added
    await generated(discord_fake, "a fox", model="emu/png", user="admin")  # admin was not blocked
    assert chat_models(emulator) == ["emu/png", "emu/png"]
