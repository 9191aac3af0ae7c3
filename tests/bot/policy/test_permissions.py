"""Who may press Cancel and Delete on an existing job."""

from __future__ import annotations

import pytest

from bot.policy import Actor, may_cancel, may_delete
from bot.records.job import JobRecord, JobStatus
from bot.records.spec import JobSpec

REQUESTER = 1
GUILD = 10


def record_in(guild_id: int | None) -> JobRecord:
    spec = JobSpec(requester_id=REQUESTER, guild_id=guild_id, channel_id=100, is_dm=guild_id is None,
                   prompt="a fox", model="emu/png")
    return JobRecord(id=7, spec=spec, status=JobStatus.RUNNING, created_at=1.0)


SERVER_JOB = record_in(GUILD)
DM_JOB = record_in(None)

REQUESTER_IN_SERVER = Actor(user_id=REQUESTER, guild_id=GUILD, channel_id=100, is_dm=False)
REQUESTER_IN_DM = Actor(user_id=REQUESTER, guild_id=None, channel_id=100, is_dm=True)
STRANGER = Actor(user_id=2, guild_id=GUILD, channel_id=100, is_dm=False)
MODERATOR = Actor(user_id=3, guild_id=GUILD, channel_id=100, is_dm=False, manages_messages=True)
# a "manage messages" flag outside a server (a group DM or a server without the bot) grants nothing
MODERATOR_FLAG_IN_DM = Actor(user_id=3, guild_id=None, channel_id=100, is_dm=True, manages_messages=True)
OWNER = Actor(user_id=4, guild_id=GUILD, channel_id=100, is_dm=False, is_owner=True)


@pytest.mark.parametrize(("actor", "record", "allowed"), [
    (REQUESTER_IN_SERVER, SERVER_JOB, True),
    (REQUESTER_IN_DM, DM_JOB, True),
    (STRANGER, SERVER_JOB, False),
    (MODERATOR, SERVER_JOB, False),
    (OWNER, SERVER_JOB, False),
])
def test_only_the_requester_may_cancel(actor: Actor, record: JobRecord, allowed: bool) -> None:
    assert may_cancel(actor, record) is allowed


@pytest.mark.parametrize(("actor", "record", "allowed"), [
    (REQUESTER_IN_SERVER, SERVER_JOB, True),
    (REQUESTER_IN_DM, DM_JOB, True),
    (MODERATOR, SERVER_JOB, True),
    (STRANGER, SERVER_JOB, False),
    (MODERATOR_FLAG_IN_DM, DM_JOB, False),
    (OWNER, SERVER_JOB, False),
])
def test_the_requester_or_a_moderator_in_a_server_may_delete(actor: Actor, record: JobRecord,
                                                             allowed: bool) -> None:
    assert may_delete(actor, record) is allowed
