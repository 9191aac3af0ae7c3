"""The /imagine cog at unit level: who the member is to the core, which attachments can be edited, and how
a button press on the wrong message or for an unknown job is answered."""

from __future__ import annotations

from unittest.mock import AsyncMock, MagicMock

import pytest

from bot.records.job import JobRecord, JobStatus
from bot.records.spec import JobSpec
from cogs.imagine.commands import Imagine, actor_of, editable_images, remote_image

OWNER = 1
MEMBER = 2
MODERATOR = 3


def fake_interaction(*, user_id: int = MEMBER, guild_id: int | None = 10, user_install_only: bool = False,
                     manage_messages: bool = False, message_id: int | None = 500) -> MagicMock:
    it = MagicMock()
    it.user.id = user_id
    it.guild_id = guild_id
    it.channel_id = 20
    it.is_user_integration.return_value = user_install_only
    it.is_guild_integration.return_value = not user_install_only
    it.permissions.manage_messages = manage_messages
    it.response.send_message = AsyncMock()
    it.response.defer = AsyncMock()
    it.response.send_modal = AsyncMock()
    if message_id is None:
        it.message = None
    else:
        it.message.id = message_id
        it.message.attachments = []
    return it


def attachment(name: str, content_type: str | None, size: int = 1000) -> MagicMock:
    a = MagicMock()
    a.filename = name
    a.content_type = content_type
    a.size = size
    a.url = f"https://cdn.example/{name}"
    return a


def test_a_member_in_a_server_is_not_a_dm_user():
    actor = actor_of(fake_interaction(), frozenset({OWNER}))
    assert (actor.user_id, actor.guild_id, actor.channel_id, actor.is_dm, actor.is_owner) == (MEMBER, 10, 20,
                                                                                               False, False)


@pytest.mark.parametrize(("guild_id", "user_install_only"), [(None, False), (10, True)])
def test_dms_and_user_installed_contexts_fall_under_the_dm_policy(guild_id, user_install_only):
    assert actor_of(fake_interaction(guild_id=guild_id, user_install_only=user_install_only), frozenset()).is_dm


def test_owners_are_recognised_and_managing_messages_counts_only_in_a_server():
    assert actor_of(fake_interaction(user_id=OWNER), frozenset({OWNER})).is_owner
    assert actor_of(fake_interaction(manage_messages=True), frozenset()).manages_messages
    assert not actor_of(fake_interaction(guild_id=None, manage_messages=True), frozenset()).manages_messages


def test_only_png_jpeg_webp_or_untyped_attachments_can_be_edited_and_never_the_grid():
    message = MagicMock()
    message.attachments = [attachment("a.png", "image/png"), attachment("grid.png", "image/png"),
                           attachment("notes.txt", "text/plain"), attachment("b.webp", "image/webp; x=1"),
                           attachment("c", None), attachment("d.gif", "image/gif")]
    assert [a.filename for a in editable_images(message)] == ["a.png", "b.webp", "c"]
    assert editable_images(None) == []


def test_an_attachment_is_described_to_the_core_by_its_claims_only():
    source = remote_image(attachment("a.png", "image/png", size=1234))
    assert (source.url, source.filename, source.content_type, source.size) == (
        "https://cdn.example/a.png", "a.png", "image/png", 1234)


def record(job_id: int = 7, *, requester: int = MEMBER, message_id: int | None = 500) -> JobRecord:
    spec = JobSpec(requester_id=requester, guild_id=10, channel_id=20, is_dm=False, prompt="a fox",
                   model="emu/png")
    return JobRecord(id=job_id, spec=spec, status=JobStatus.SUCCEEDED, created_at=0.0,
                     result_channel_id=20, result_message_id=message_id)


@pytest.fixture
def cog() -> Imagine:
    bot = MagicMock()
    bot.services.settings.owner_ids = frozenset({OWNER})
    service = bot.services.imagine
    service.job = AsyncMock(return_value=None)
    service.rerun = AsyncMock()
    service.cancel = MagicMock(return_value=True)
    service.may_delete = MagicMock(return_value=False)
    return Imagine(bot)


def answer(it: MagicMock) -> str:
    return it.response.send_message.await_args.args[0]


async def test_a_press_for_a_job_the_bot_no_longer_knows_is_answered_quietly(cog):
    it = fake_interaction()
    await cog.press(it, "regen", 10**25)
    assert "no longer known" in answer(it)
    assert it.response.send_message.await_args.kwargs["ephemeral"] is True


@pytest.mark.parametrize("action", ["regen", "edit", "delete", "cancel"])
async def test_a_button_on_a_message_that_does_not_show_its_job_does_nothing(cog, action):
    cog.service.job.return_value = record(message_id=999)
    it = fake_interaction(message_id=500)
    await cog.press(it, action, 7)
    assert "does not belong" in answer(it)
    cog.service.rerun.assert_not_awaited()
    cog.service.cancel.assert_not_called()
    it.delete_original_response.assert_not_called()


async def test_cancel_by_someone_else_is_refused_with_who_may(cog):
    cog.service.job.return_value = record()
    cog.service.cancel.return_value = None
    it = fake_interaction(user_id=MODERATOR)
    await cog.press(it, "cancel", 7)
    assert "Only the person who asked" in answer(it)


async def test_delete_by_someone_without_the_right_is_refused_and_nothing_is_deleted(cog):
    cog.service.job.return_value = record()
    it = fake_interaction(user_id=MODERATOR)
    await cog.press(it, "delete", 7)
    assert "manage messages" in answer(it)
    it.delete_original_response.assert_not_called()


async def test_edit_on_a_message_without_images_says_so_instead_of_opening_the_form(cog):
    cog.service.job.return_value = record()
    it = fake_interaction()
    await cog.press(it, "edit", 7)
    assert "no image left to edit" in answer(it)
    it.response.send_modal.assert_not_awaited()
