"""`HistoryService`: whose results a member may look at where they are (their own; another member's only as a
moderator on their server), and pages of ten, over a real store (SQLite and PostgreSQL)."""

from __future__ import annotations

import dataclasses

import pytest

from bot.jobs.history import HistoryService
from bot.policy import Actor, PolicyRefusal
from bot.records.job import JobStatus
from bot.records.spec import JobSpec
from bot.storage import Store
from tests.bot.jobs.test_usage import on_a_real_store

GUILD = 10
ALICE = Actor(user_id=1, guild_id=GUILD, channel_id=100, is_dm=False)
BOB = Actor(user_id=2, guild_id=GUILD, channel_id=100, is_dm=False)
MODERATOR = Actor(user_id=3, guild_id=GUILD, channel_id=100, is_dm=False, manages_guild=True)
ALICE_IN_DM = Actor(user_id=1, guild_id=None, channel_id=500, is_dm=True)
T0 = 1_800_000_000.0


async def results(store: Store, actor: Actor, count: int, *, prompt: str = "a fox") -> list[int]:
    """`count` posted results of `actor` where they are, oldest first."""
    made = []
    for n in range(count):
        spec = JobSpec(requester_id=actor.user_id, guild_id=actor.guild_id, channel_id=actor.channel_id,
                       is_dm=actor.is_dm, prompt=f"{prompt} {n}", model="emu/png")
        record = await store.jobs.create(spec, created_at=T0 + len(made) + n)
        await store.jobs.finish(record.id, status=JobStatus.SUCCEEDED, finished_at=T0 + 100)
        await store.jobs.set_result_message(record.id, channel_id=actor.channel_id or 1, message_id=10_000 + record.id)
        made.append(record.id)
    return made


@on_a_real_store
async def test_a_member_sees_their_own_results_here_ten_a_page(store: Store) -> None:
    mine = await results(store, ALICE, 12)
    await results(store, BOB, 3)
    await results(store, ALICE_IN_DM, 2)
    history = HistoryService(store.jobs)

    first = await history.page(ALICE)
    second = await history.page(ALICE, older_than=first.entries[-1].cursor)
    back = await history.page(ALICE, ALICE.user_id, newer_than=second.entries[0].cursor)

    assert [e.job_id for e in first.entries] == mine[::-1][:10]
    assert [e.job_id for e in second.entries] == mine[::-1][10:]
    assert (first.total, second.first, back.first) == (12, 11, 1)
    assert [e.prompt for e in (await history.page(ALICE_IN_DM)).entries] == ["a fox 1", "a fox 0"]


@on_a_real_store
async def test_a_moderator_may_look_at_a_members_results_on_their_server(store: Store) -> None:
    alices = await results(store, ALICE, 2)

    page = await HistoryService(store.jobs).page(MODERATOR, ALICE.user_id)

    assert [e.job_id for e in page.entries] == alices[::-1]


@on_a_real_store
async def test_anyone_else_is_refused_another_members_history(store: Store) -> None:
    await results(store, ALICE, 1)
    not_a_manager = "Only members with the Manage Server permission can look at another member's history."
    refused = {
        BOB: not_a_manager,
        dataclasses.replace(BOB, manages_messages=True): not_a_manager,
        dataclasses.replace(MODERATOR, guild_id=None, is_dm=True): "Another member's history can only be looked at "
                                                                     "by the moderators of a server, there.",
    }

    for actor, reason in refused.items():
        with pytest.raises(PolicyRefusal) as caught:
            await HistoryService(store.jobs).page(actor, ALICE.user_id)
        assert caught.value.reason == reason


@on_a_real_store
async def test_naming_oneself_is_ones_own_history(store: Store) -> None:
    mine = await results(store, BOB, 1)

    assert [e.job_id for e in (await HistoryService(store.jobs).page(BOB, BOB.user_id)).entries] == mine
