"""`JobRepository.results`: a member's results in one place, a page at a time, newest first — only what they can
go back to (succeeded, posted), only theirs and only there; pages that hold together while results come and go."""

from __future__ import annotations

from typing import Any

import pytest

from bot.records.history import HistoryPage
from bot.records.job import JobStatus
from bot.records.spec import JobKind
from bot.storage import SqlStore
from tests.bot.storage.factories import dm_spec, spec

MEMBER = 1001
GUILD = 2002
CHANNEL = 3003
T0 = 1_700_000_000.0


async def result(store: SqlStore, at: float, *, status: JobStatus = JobStatus.SUCCEEDED, posted: bool = True,
                 dm: bool = False, **changes: Any) -> int:
    """A finished job created at `at`, its result posted (message id = its job id + 10**12) unless not `posted`."""
    made = dm_spec(**changes) if dm else spec(**changes)
    record = await store.jobs.create(made, created_at=at)
    await store.jobs.finish(record.id, status=status, finished_at=at + 5)
    if posted:
        await store.jobs.set_result_message(record.id, channel_id=made.channel_id or CHANNEL,
                                            message_id=record.id + 10**12)
    return record.id


def ids(page: HistoryPage) -> list[int]:
    return [entry.job_id for entry in page.entries]


async def test_a_page_holds_only_the_members_posted_successes_here_newest_first(store: SqlStore) -> None:
    older = await result(store, T0, prompt="a fox", style="Noir", model="emu/png", count=2, image_size="2K")
    newer = await result(store, T0 + 60, kind=JobKind.UPSCALE)
    await result(store, T0 + 1, status=JobStatus.FAILED)
    await result(store, T0 + 2, status=JobStatus.CANCELLED)
    await result(store, T0 + 3, posted=False)  # finished, but its result message is unknown
    await result(store, T0 + 4, requester_id=MEMBER + 1)  # someone else's
    await result(store, T0 + 5, guild_id=GUILD + 1)  # another server
    await result(store, T0 + 6, dm=True)  # the member's DMs
    await result(store, T0 + 7, kind=JobKind.DESCRIBE)  # prompts, not an image
    await store.jobs.create(spec(), created_at=T0 + 8)  # still queued

    page = await store.jobs.results(MEMBER, guild_id=GUILD, limit=10)

    assert ids(page) == [newer, older]
    assert (page.total, page.first, page.last, page.has_newer, page.has_older) == (2, 1, 2, False, False)
    entry = page.entries[1]
    assert (entry.kind, entry.prompt, entry.style, entry.model, entry.count, entry.image_size) == (
        JobKind.IMAGINE, "a fox", "Noir", "emu/png", 2, "2K")
    assert (entry.created_at, entry.guild_id, entry.channel_id, entry.message_id) == (
        T0, GUILD, CHANNEL, older + 10**12)
    assert page.entries[0].kind is JobKind.UPSCALE


async def test_in_dms_the_page_holds_the_members_dm_results_wherever_they_were_asked(store: SqlStore) -> None:
    bot_dm = await result(store, T0, dm=True)
    user_install = await result(store, T0 + 1, dm=True, guild_id=GUILD, channel_id=CHANNEL)  # a server without the bot
    await result(store, T0 + 2)  # in the server

    page = await store.jobs.results(MEMBER, guild_id=None, limit=10)

    assert ids(page) == [user_install, bot_dm]
    assert [entry.guild_id for entry in page.entries] == [GUILD, None]  # the link needs the server where there is one


async def test_pages_walk_from_the_newest_to_the_oldest_and_back(store: SqlStore) -> None:
    made = [await result(store, T0 + n) for n in range(25)]
    newest_first = made[::-1]

    first = await store.jobs.results(MEMBER, guild_id=GUILD, limit=10)
    second = await store.jobs.results(MEMBER, guild_id=GUILD, limit=10, older_than=first.entries[-1].cursor)
    third = await store.jobs.results(MEMBER, guild_id=GUILD, limit=10, older_than=second.entries[-1].cursor)
    back = await store.jobs.results(MEMBER, guild_id=GUILD, limit=10, newer_than=third.entries[0].cursor)
    front = await store.jobs.results(MEMBER, guild_id=GUILD, limit=10, newer_than=back.entries[0].cursor)

    assert (ids(first), ids(second), ids(third)) == (newest_first[:10], newest_first[10:20], newest_first[20:])
    assert [(p.first, p.last, p.has_newer, p.has_older) for p in (first, second, third)] == [
        (1, 10, False, True), (11, 20, True, True), (21, 25, True, False)]
    assert (ids(back), ids(front)) == (ids(second), ids(first))


async def test_results_made_at_the_same_moment_are_neither_repeated_nor_skipped(store: SqlStore) -> None:
    made = [await result(store, T0) for _ in range(7)]  # one timestamp: the job id orders them

    first = await store.jobs.results(MEMBER, guild_id=GUILD, limit=3)
    second = await store.jobs.results(MEMBER, guild_id=GUILD, limit=3, older_than=first.entries[-1].cursor)
    third = await store.jobs.results(MEMBER, guild_id=GUILD, limit=3, older_than=second.entries[-1].cursor)

    assert ids(first) + ids(second) + ids(third) == made[::-1]
    assert third.first == 7


async def test_a_result_made_meanwhile_shifts_positions_and_going_back_ends_on_a_whole_newest_page(
        store: SqlStore) -> None:
    made = [await result(store, T0 + n) for n in range(12)]
    first = await store.jobs.results(MEMBER, guild_id=GUILD, limit=10)
    second = await store.jobs.results(MEMBER, guild_id=GUILD, limit=10, older_than=first.entries[-1].cursor)
    assert (second.first, second.total) == (11, 12)

    newest = await result(store, T0 + 100)  # made while the member reads the second page
    back = await store.jobs.results(MEMBER, guild_id=GUILD, limit=10, newer_than=second.entries[0].cursor)
    front = await store.jobs.results(MEMBER, guild_id=GUILD, limit=10, newer_than=back.entries[0].cursor)

    assert ids(back) == made[2:][::-1]  # the ten just before the page the member saw
    assert (back.first, back.has_newer, back.total) == (2, True, 13)
    assert ids(front) == [newest, *made[3:][::-1]]  # one newer is left: the newest page, whole
    assert (front.first, front.has_newer) == (1, False)


async def test_forgotten_results_vanish_and_a_page_past_them_falls_back_to_the_newest(store: SqlStore) -> None:
    for n in range(12):
        await result(store, T0 + n)
    first = await store.jobs.results(MEMBER, guild_id=GUILD, limit=10)
    kept = await result(store, T0 + 50, requester_id=MEMBER + 1)

    await store.usage.forget(MEMBER)

    assert await store.jobs.results(MEMBER, guild_id=GUILD, limit=10) == HistoryPage(entries=(), total=0, first=0)
    assert (await store.jobs.results(MEMBER, guild_id=GUILD, limit=10, older_than=first.entries[-1].cursor)).total == 0
    await result(store, T0 + 60)
    later = await store.jobs.results(MEMBER, guild_id=GUILD, limit=10, older_than=first.entries[-1].cursor)
    assert (len(later.entries), later.first) == (1, 1)  # nothing older is left: the newest page
    assert ids(await store.jobs.results(MEMBER + 1, guild_id=GUILD, limit=10)) == [kept]


@pytest.mark.parametrize("database_url", ["sqlite"], indirect=True)
async def test_a_page_is_read_along_the_requester_server_and_time_index(store: SqlStore) -> None:
    from bot.storage.sql.history import _COLUMNS, _RESULTS

    plan = await store.database.fetch(
        f"EXPLAIN QUERY PLAN SELECT {_COLUMNS} FROM jobs WHERE requester_id = ? AND guild_id = ? AND is_dm = ?"
        f" AND {_RESULTS} ORDER BY created_at DESC, id DESC LIMIT 10", (MEMBER, GUILD, False))

    assert any("jobs_requester_guild_created_idx" in str(row[-1]) for row in plan), [tuple(r) for r in plan]
