"""The /imagine cog at unit level: who the member is to the core, which attachments can be edited, how a
button press on the wrong message or for an unknown job is answered, that every press is acknowledged before
the database is asked anything, and that refusals are seen by the member alone."""

from __future__ import annotations

import re
from typing import Any
from unittest.mock import AsyncMock, MagicMock

import discord
import pytest

from bot.jobs.service import CancelOutcome
from bot.records.job import JobRecord, JobStatus
from bot.records.spec import JobSpec
from cogs.imagine.commands import Imagine, actor_of, editable_images, remote_image

OWNER = 1
MEMBER = 2
MODERATOR = 3


class FakeResponse:
    """`InteractionResponse` as the cog uses it: what was answered first, and how."""

    def __init__(self, it: MagicMock) -> None:
        self._it = it
        self.type: discord.InteractionResponseType | None = None
        self.messages: list[tuple[str, bool]] = []
        self.modals: list[discord.ui.Modal] = []

    def is_done(self) -> bool:
        return self.type is not None

    def _answer(self, kind: discord.InteractionResponseType) -> None:
        assert self.type is None, "answered twice"
        self.type = kind
        self._it.timeline.append(("ack", kind.name))

    async def defer(self, *, thinking: bool = False, ephemeral: bool = False) -> None:
        self._answer(discord.InteractionResponseType.deferred_channel_message if thinking
                     else discord.InteractionResponseType.deferred_message_update)
        self.ephemeral = ephemeral

    async def send_message(self, content: str, *, ephemeral: bool = False, **_: Any) -> None:
        self._answer(discord.InteractionResponseType.channel_message)
        self.messages.append((content, ephemeral))

    async def send_modal(self, modal: discord.ui.Modal) -> None:
        self._answer(discord.InteractionResponseType.modal)
        self.modals.append(modal)


def fake_interaction(*, user_id: int = MEMBER, guild_id: int | None = 10, user_install_only: bool = False,
                     manage_messages: bool = False, message_id: int | None = 500) -> MagicMock:
    it = MagicMock()
    it.timeline = []  # what happened, in order: ("ack", type), ("lookup",), ("delete",), ("followup", text)
    it.user.id = user_id
    it.guild_id = guild_id
    it.channel_id = 20
    it.is_user_integration.return_value = user_install_only
    it.is_guild_integration.return_value = not user_install_only
    it.permissions.manage_messages = manage_messages
    it.response = FakeResponse(it)
    it.followup.send = AsyncMock(side_effect=lambda text, **_: it.timeline.append(("followup", text)))
    it.delete_original_response = AsyncMock(side_effect=lambda: it.timeline.append(("delete",)))
    it.edit_original_response = AsyncMock()
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
    service.cancel = MagicMock(return_value=CancelOutcome.CANCELLED)
    service.forgotten = AsyncMock(return_value=False)
    service.may_delete = MagicMock(return_value=False)
    return Imagine(bot)


def answer(it: MagicMock) -> str:
    """The one thing the member alone was told: an ephemeral reply, or an ephemeral followup (after the
    public "thinking…" placeholder, if any, was deleted)."""
    if it.response.messages:
        ((text, ephemeral),) = it.response.messages
        assert ephemeral
        return text
    it.followup.send.assert_awaited_once()
    assert it.followup.send.await_args.kwargs["ephemeral"] is True
    assert it.followup.send.await_args.kwargs["allowed_mentions"].to_dict() == {"parse": []}
    if it.response.type is discord.InteractionResponseType.deferred_channel_message:
        assert it.timeline.index(("delete",)) < len(it.timeline) - 1  # the placeholder went first
    return it.followup.send.await_args.args[0]


def with_image(it: MagicMock, *names: str) -> MagicMock:
    it.message.attachments = [attachment(name, "image/png") for name in names]
    return it


async def test_a_press_for_a_job_the_bot_no_longer_knows_is_answered_quietly(cog):
    it = fake_interaction()
    await cog.press(it, "regen", 10**25)
    assert "no longer known" in answer(it)
    assert it.timeline[0] == ("ack", "deferred_channel_message")
    assert it.timeline[1:] == [("delete",), ("followup", "That job is no longer known to the bot.")]


@pytest.mark.parametrize("action", ["regen", "edit", "delete", "cancel"])
async def test_a_button_on_a_message_that_does_not_show_its_job_does_nothing(cog, action):
    cog.service.job.return_value = record(message_id=999)
    it = with_image(fake_interaction(message_id=500), "a.png")
    await cog.press(it, action, 7)
    assert "does not belong" in answer(it)
    cog.service.rerun.assert_not_awaited()
    cog.service.cancel.assert_not_called()
    assert it.response.modals == []
    if action != "regen":  # Regenerate's own "thinking…" placeholder goes; the result never does
        it.delete_original_response.assert_not_called()


async def test_cancel_by_someone_else_is_refused_with_who_may(cog):
    cog.service.job.return_value = record()
    cog.service.cancel.return_value = CancelOutcome.NOT_ALLOWED
    it = fake_interaction(user_id=MODERATOR)
    await cog.press(it, "cancel", 7)
    assert "Only the person who asked" in answer(it)


async def test_cancel_once_every_image_is_paid_for_says_the_result_is_coming(cog):
    cog.service.job.return_value = record()
    cog.service.cancel.return_value = CancelOutcome.ALREADY_PAID
    it = fake_interaction()
    await cog.press(it, "cancel", 7)
    assert "Too late to cancel: the images are already made and paid for" in answer(it)


@pytest.mark.parametrize("action", ["regen", "edit", "delete", "cancel"])
async def test_a_button_on_a_result_whose_requester_deleted_its_history_says_so(cog, action):
    cog.service.forgotten.return_value = True
    it = with_image(fake_interaction(), "a.png")
    await cog.press(it, action, 7)
    assert answer(it) == "The requester deleted this result's history, so its buttons no longer work."
    cog.service.rerun.assert_not_awaited()
    assert it.response.modals == []


async def test_delete_by_someone_without_the_right_is_refused_and_nothing_is_deleted(cog):
    cog.service.job.return_value = record()
    it = fake_interaction(user_id=MODERATOR)
    await cog.press(it, "delete", 7)
    assert "manage messages" in answer(it)
    it.delete_original_response.assert_not_called()


async def test_delete_by_the_requester_deletes_the_result(cog):
    cog.service.job.return_value = record()
    cog.service.may_delete.return_value = True
    it = fake_interaction()
    await cog.press(it, "delete", 7)
    assert it.timeline == [("ack", "deferred_message_update"), ("delete",)]
    it.followup.send.assert_not_awaited()


async def test_edit_on_a_message_without_images_says_so_instead_of_opening_the_form(cog):
    cog.service.job.return_value = record()
    it = fake_interaction()
    await cog.press(it, "edit", 7)
    assert "no image left to edit" in answer(it)
    assert it.response.modals == []


# --- every press is acknowledged before the database is asked ---------------------------------------------

@pytest.mark.parametrize(("action", "ack"), [("regen", "deferred_channel_message"),
                                             ("delete", "deferred_message_update"),
                                             ("cancel", "deferred_message_update")])
async def test_a_press_is_acknowledged_before_its_job_is_looked_up(cog, action, ack):
    it = fake_interaction()

    async def look_up(job_id: int) -> JobRecord:
        it.timeline.append(("lookup",))
        return record()

    cog.service.job.side_effect = look_up
    cog.start_job = AsyncMock()
    await cog.press(it, action, 7)
    assert it.timeline[:2] == [("ack", ack), ("lookup",)]


def database_down() -> Exception:
    from bot.storage.errors import DatabaseUnavailable  # the error a hung database raises (cogs never import it)
    return DatabaseUnavailable("PostgreSQL db:5432/imagine", "timed out", timeout=10.0)


@pytest.mark.parametrize("action", ["regen", "delete", "cancel", "edit"])
async def test_a_database_that_does_not_answer_reaches_the_member_as_a_sentence(cog, action):
    from cogs.imagine.views import DYNAMIC_ITEMS

    cog.service.job.side_effect = database_down()
    it = with_image(fake_interaction(), "a.png")
    it.client.get_cog.return_value = cog
    it.extras = {}
    button = next(b for b in DYNAMIC_ITEMS if b.action == action)(7)

    await button.callback(it)

    assert answer(it) == "⚠️ The bot's database is not answering; try again in a minute."
    assert it.response.modals == []


async def test_the_edit_form_opens_within_the_ack_window_even_when_the_database_hangs(cog, monkeypatch):
    import asyncio

    import cogs.imagine.suggest as suggest

    monkeypatch.setattr(suggest, "FIRST_ANSWER_LOOKUP", 0.05)
    hung = asyncio.Event()

    async def hang(job_id: int) -> JobRecord:
        await hung.wait()
        raise AssertionError("never answers")

    cog.service.job.side_effect = hang
    it = with_image(fake_interaction(), "a.png", "b.png")

    await cog.press(it, "edit", 7)

    (modal,) = it.response.modals
    assert modal.which is not None  # the form knows there are two images
    # the job is looked up once the form is sent, after that answer is deferred
    cog.service.job.side_effect = None
    cog.service.job.return_value = record(message_id=999)
    submit = fake_interaction(message_id=500)
    await modal._callback(submit, "make it blue", 2)
    assert submit.timeline[0] == ("ack", "deferred_channel_message")
    assert "does not belong" in answer(submit)
    cog.service.rerun.assert_not_awaited()


async def test_an_edit_starts_from_the_image_the_member_picked(cog):
    cog.service.job.return_value = record()
    cog.start_job = AsyncMock()
    it = with_image(fake_interaction(), "a.png", "b.png")

    await cog.press(it, "edit", 7)
    (modal,) = it.response.modals
    await modal._callback(fake_interaction(), "make it blue", 2)

    submit = cog.start_job.await_args.args[2]
    await submit(MagicMock())
    assert cog.service.rerun.await_args.kwargs["attachment"].filename == "b.png"
    assert cog.service.rerun.await_args.kwargs["prompt"] == "make it blue"


# --- /imagine: refusals are seen by the requester alone ----------------------------------------------------

HOSTILE_MODEL = "x` [Claim Nitro](https://example.com)"


def outside_code_spans(text: str) -> str:
    return re.sub(r"`[^`\n]*`", "", text)


async def run_imagine(cog: Imagine, it: MagicMock, **options: Any) -> None:
    await Imagine.imagine.callback(cog, it, **{"prompt": "a fox", **options})  # type: ignore[arg-type]


@pytest.mark.parametrize("model", ["x" * 2000, HOSTILE_MODEL, "two words", "tab\there"])
async def test_a_model_option_no_model_could_have_is_refused_privately_at_once(cog, model):
    it = fake_interaction()
    cog.start_job = AsyncMock()

    await run_imagine(cog, it, model=model)

    told = answer(it)
    assert told.startswith("🚫 `")
    assert told.endswith("` is not an image model this bot can use. Pick one from the list.")
    assert len(told) < 200
    assert "](" not in outside_code_spans(told)
    cog.start_job.assert_not_awaited()


async def test_a_refusal_after_the_public_placeholder_replaces_it_with_a_private_message(cog):
    from bot.policy import PolicyRefusal

    cog.service.submit = AsyncMock(side_effect=PolicyRefusal(
        f"`{HOSTILE_MODEL}` is not an image model this bot can use. Pick one from the list."))
    it = fake_interaction()

    await run_imagine(cog, it, model="kiwi/art")

    told = answer(it)
    assert it.timeline[:2] == [("ack", "deferred_channel_message"), ("delete",)]
    assert told.startswith("🚫 `x` ")
    assert "](" not in outside_code_spans(told)  # no live link: the brackets are escaped
    it.edit_original_response.assert_not_awaited()  # nothing was said publicly


async def test_a_database_failure_while_queueing_is_told_privately_as_a_sentence(cog):
    cog.service.submit = AsyncMock(side_effect=database_down())
    it = fake_interaction()

    await run_imagine(cog, it)

    assert answer(it) == "⚠️ The bot's database is not answering; try again in a minute."


async def test_model_suggestions_give_up_in_time_when_the_database_hangs(cog, monkeypatch):
    import asyncio

    import cogs.imagine.suggest as suggest

    monkeypatch.setattr(suggest, "FIRST_ANSWER_LOOKUP", 0.05)

    async def hang(actor: object) -> list[object]:
        await asyncio.Event().wait()
        raise AssertionError("never answers")

    cog.service.catalog.cached.return_value = []
    cog.service.models_for = hang

    assert await cog.model_autocomplete(fake_interaction(), "fl") == []


async def test_the_heartbeat_keeps_beating_through_a_failing_beat_and_slow_or_failing_notices(cog, monkeypatch):
    import asyncio

    # in the module the cog's code runs in (an e2e bot's unload drops cogs.* from sys.modules, so a fresh
    # import could be another copy)
    monkeypatch.setitem(type(cog)._keep_heartbeat.__globals__, "HEARTBEAT_INTERVAL", 0)
    beats = 0
    fifth = asyncio.Event()

    async def heartbeat() -> list[JobRecord]:
        nonlocal beats
        beats += 1
        if beats == 5:
            fifth.set()
        if beats == 1:
            raise database_down()
        return [record()]

    async def hang(records: list[JobRecord]) -> None:
        await asyncio.Event().wait()

    async def fail(records: list[JobRecord]) -> None:
        raise database_down()

    notices = iter([hang, fail, hang, fail, hang, fail, hang, fail])
    cog.service.heartbeat = heartbeat
    cog.presenter = MagicMock()
    cog.presenter.tell_interrupted = lambda records: next(notices)(records)
    beating = asyncio.create_task(cog._keep_heartbeat())
    try:
        async with asyncio.timeout(10):
            await fifth.wait()
    finally:
        beating.cancel()
        await cog.cog_unload()
    assert beats >= 5
