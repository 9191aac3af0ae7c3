"""The fake Discord's guilds and shards, against an unmodified discord.py AutoShardedBot and a raw websocket."""

from __future__ import annotations

import asyncio
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import aiohttp
import discord
import pytest
import yarl
from discord import app_commands
from discord.ext import commands

from playground.discord import ACK_DEADLINE, DID_NOT_RESPOND, ClientRefused, FakeDiscord, FakeGuild, shard_of
from playground.discord.model import MANAGE_GUILD


class _ShardedBot(commands.AutoShardedBot):
    """Answers /where with the guild it was asked in; `answers` collects (guild id or None, user name, the error
    code Discord refused the response with or None) of every /where it received."""

    def __init__(self, **shards: Any) -> None:
        super().__init__(command_prefix=commands.when_mentioned, intents=discord.Intents.default(), **shards)
        self.answers: asyncio.Queue[tuple[int | None, str, int | None]] = asyncio.Queue()
        self.joined: asyncio.Queue[discord.Guild] = asyncio.Queue()

        @app_commands.command(name="where", description="Which guild asked")
        @app_commands.allowed_installs(guilds=True, users=True)
        @app_commands.allowed_contexts(guilds=True, dms=True, private_channels=True)
        async def where(interaction: discord.Interaction) -> None:
            refused = None
            try:
                await interaction.response.send_message(f"guild {interaction.guild_id}")
            except discord.HTTPException as exc:
                refused = exc.code
            self.answers.put_nowait((interaction.guild_id, interaction.user.name, refused))

        self.tree.add_command(where)

    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        """No 5 s pause between this test bot's shards (the fake has no IDENTIFY rate limit)."""

    async def setup_hook(self) -> None:
        await self.tree.sync()

    async def on_guild_join(self, guild: discord.Guild) -> None:
        self.joined.put_nowait(guild)

    async def answer(self) -> tuple[int | None, str, int | None]:
        return await asyncio.wait_for(self.answers.get(), timeout=15)


@asynccontextmanager
async def _running(fake: FakeDiscord, monkeypatch: pytest.MonkeyPatch, **shards: Any) -> AsyncIterator[_ShardedBot]:
    monkeypatch.setattr(discord.http.Route, "BASE", fake.api_base_url)
    monkeypatch.setattr(discord.gateway.DiscordWebSocket, "DEFAULT_GATEWAY", yarl.URL(fake.gateway_url))
    bot = _ShardedBot(**shards)
    task = asyncio.create_task(bot.start(fake.token))
    try:
        ready = asyncio.ensure_future(bot.wait_until_ready())
        done, _ = await asyncio.wait({ready, task}, timeout=20, return_when=asyncio.FIRST_COMPLETED)
        if task in done:
            ready.cancel()
            task.result()
        assert ready in done, "the bot did not become ready"
        yield bot
    finally:
        await bot.close()
        await task


def _two_guilds(fake: FakeDiscord) -> tuple[FakeGuild, FakeGuild]:
    """A guild on each of two shards, alice a member of both, carol only of the second."""
    return (fake.add_guild("Even", shard=(0, 2)),
            fake.add_guild("Odd", members={"alice": [], "carol": []}, shard=(1, 2)))


@asynccontextmanager
async def _raw_gateway(fake: FakeDiscord) -> AsyncIterator[aiohttp.ClientWebSocketResponse]:
    """A bare websocket to the fake gateway, after HELLO."""
    async with aiohttp.ClientSession() as http, http.ws_connect(fake.gateway_url + "?v=10&encoding=json") as ws:
        hello = await ws.receive_json()
        assert hello["op"] == 10
        yield ws


async def _identify(ws: aiohttp.ClientWebSocketResponse, fake: FakeDiscord, shard: Any) -> dict[str, Any] | int:
    """IDENTIFY with `shard`: READY's `d`, or the close code the gateway answered with."""
    data: dict[str, Any] = {"token": fake.token, "intents": 1, "properties": {}}
    if shard is not None:
        data["shard"] = shard
    await ws.send_json({"op": 2, "d": data})
    message = await ws.receive()
    if message.type is aiohttp.WSMsgType.TEXT:
        payload = json.loads(message.data)
        assert payload["t"] == "READY"
        return payload["d"]
    assert message.type is aiohttp.WSMsgType.CLOSE
    return int(message.data)


async def test_each_shard_gets_ready_and_guild_create_for_its_own_guilds_only(
        fake: FakeDiscord, monkeypatch: pytest.MonkeyPatch) -> None:
    even, odd = _two_guilds(fake)
    async with _running(fake, monkeypatch, shard_count=2) as bot:
        zero, one = fake.shard_sessions(0), fake.shard_sessions(1)
        assert len(zero) == len(one) == 1
        on_zero = {g.id for g in fake.guilds if g.shard(2) == 0}
        assert set(zero[0].guild_ids) == on_zero
        assert even.id in on_zero
        assert set(one[0].guild_ids) == {g.id for g in fake.guilds} - on_zero
        assert odd.id in one[0].guild_ids
        assert {g.id: g.shard_id for g in bot.guilds} == {g.id: g.shard(2) for g in fake.guilds}
        creates = {
            conn.session.shard[0]: [e["d"]["id"] for e in conn.session.events if e["t"] == "GUILD_CREATE"]
            for conn in fake.connections if conn.session is not None
        }
        assert creates == {0: [str(g) for g in zero[0].guild_ids], 1: [str(g) for g in one[0].guild_ids]}


async def test_interactions_go_to_the_session_of_their_guilds_shard_and_dms_to_shard_zero(
        fake: FakeDiscord, monkeypatch: pytest.MonkeyPatch) -> None:
    even, odd = _two_guilds(fake)
    async with _running(fake, monkeypatch, shard_count=2) as bot:
        session_of = {shard: fake.shard_sessions(shard)[0].session_id for shard in (0, 1)}
        for guild, shard in ((even, 0), (odd, 1)):
            it = await fake.run_command("where", channel=guild.channel("general"))
            assert await bot.answer() == (guild.id, "alice", None)
            assert (it.shard, it.routed_to) == (shard, [session_of[shard]])
            assert it.original is not None
            assert it.original.content == f"guild {guild.id}"
        dm = await fake.run_command("where", user="carol", channel="dm")
        assert await bot.answer() == (None, "carol", None)
        assert (dm.shard, dm.routed_to) == (0, [session_of[0]])


async def test_an_interaction_on_a_shard_no_session_holds_is_one_the_user_sees_fail(
        fake: FakeDiscord, monkeypatch: pytest.MonkeyPatch) -> None:
    even, odd = _two_guilds(fake)
    async with _running(fake, monkeypatch, shard_count=2, shard_ids=[0]) as bot:
        lost = await fake.run_command("where", channel=odd.channel("general"))
        assert lost.routed_to == []
        assert lost.did_not_respond
        assert lost.client_error == DID_NOT_RESPOND
        served = await fake.run_command("where", channel=even.channel("general"))
        assert await bot.answer() == (even.id, "alice", None)
        assert not served.did_not_respond
        assert served.client_error is None
        assert not lost.acknowledged


async def test_a_cleanly_closed_session_receives_nothing_more(fake: FakeDiscord,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    async with _running(fake, monkeypatch):
        pass
    assert fake.shard_sessions() == []
    it = await fake.run_command("where")
    assert it.did_not_respond


async def test_a_dropped_session_keeps_its_shards_events_for_a_resume_until_the_user_gives_up(
        fake: FakeDiscord, monkeypatch: pytest.MonkeyPatch) -> None:
    async with _running(fake, monkeypatch):  # only to sync /where
        pass
    async with _raw_gateway(fake) as ws:
        ready = await _identify(ws, fake, [0, 1])
        assert isinstance(ready, dict)
        await ws.close(code=4000)  # not 1000/1001: Discord keeps the session resumable
    await fake.wait_for(lambda: fake.shard_sessions() == [])
    it = await fake.run_command("where")
    assert it.routed_to == [ready["session_id"]]
    assert not it.did_not_respond  # the bot may still resume and answer within 3 s
    async with _raw_gateway(fake) as ws:
        await ws.send_json({"op": 6, "d": {"token": fake.token, "session_id": ready["session_id"], "seq": 0}})
        replayed = [await ws.receive_json() for _ in range(1 + len(fake.guilds.by_id) + 2)]
    assert [e["t"] for e in replayed][-2:] == ["INTERACTION_CREATE", "RESUMED"]
    assert replayed[-2]["d"]["id"] == str(it.id)
    fake.clock.advance(ACK_DEADLINE + 0.1)
    assert it.did_not_respond


async def test_a_second_session_on_the_same_shard_gets_the_same_interaction_and_only_one_answer_counts(
        fake: FakeDiscord, monkeypatch: pytest.MonkeyPatch) -> None:
    async with _running(fake, monkeypatch) as first, _running(fake, monkeypatch) as second:
        assert len(fake.shard_sessions(0)) == 2
        it = await fake.run_command("where")
        answers = [await first.answer(), await second.answer()]  # both got it and both tried to answer
        assert sorted(answers, key=lambda a: a[2] or 0) == [(fake.guild_id, "alice", None),
                                                             (fake.guild_id, "alice", 40060)]  # already acknowledged
        assert sorted(it.callback_statuses) == [200, 400]
        assert len(it.routed_to) == 2


@pytest.mark.parametrize("shard", [[1, 1], [0, 0], [-1, 2], [0], "0,1", [0.0, 1]])
async def test_identify_with_an_invalid_shard_is_closed_with_4010(fake: FakeDiscord, shard: Any) -> None:
    async with _raw_gateway(fake) as ws:
        assert await _identify(ws, fake, shard) == 4010


async def test_a_different_shard_count_is_routed_on_its_own_terms_unless_the_fake_is_strict() -> None:
    async with FakeDiscord() as fake, _raw_gateway(fake) as one, _raw_gateway(fake) as other:
        first = await _identify(one, fake, [0, 2])
        second = await _identify(other, fake, [0, 3])  # accepted: a re-shard runs old and new counts together
        assert isinstance(first, dict)
        assert isinstance(second, dict)
        assert {g["id"] for g in second["guilds"]} == {str(g.id) for g in fake.guilds if shard_of(g.id, 3) == 0}
    async with FakeDiscord(strict_shard_count=True) as fake, _raw_gateway(fake) as one, \
            _raw_gateway(fake) as other:
        assert isinstance(await _identify(one, fake, [0, 2]), dict)
        assert await _identify(other, fake, [1, 3]) == 4010


async def test_too_many_guilds_on_one_shard_is_sharding_required_4011() -> None:
    async with FakeDiscord(max_guilds_per_shard=1) as fake:
        home = fake.guild.shard(2)
        fake.add_guild("Other", shard=(1 - home, 2))
        async with _raw_gateway(fake) as ws:
            assert await _identify(ws, fake, None) == 4011  # one shard would hold both guilds
        for shard_id in (0, 1):
            async with _raw_gateway(fake) as ws:
                ready = await _identify(ws, fake, [shard_id, 2])
                assert isinstance(ready, dict)
                assert len(ready["guilds"]) == 1


async def test_gateway_bot_recommends_the_configured_shard_count_and_discord_py_follows_it(
        monkeypatch: pytest.MonkeyPatch) -> None:
    async with FakeDiscord(recommended_shards=2) as fake:
        fake.add_guild("Odd", shard=(1 - fake.guild.shard(2), 2))
        async with _running(fake, monkeypatch) as bot:
            assert bot.shard_count == 2
            assert sorted(s.shard for s in fake.shard_sessions()) == [[0, 2], [1, 2]]
            assert {g.shard_id for g in bot.guilds} == {0, 1}


async def test_a_guild_joined_later_is_announced_on_its_shard_only(fake: FakeDiscord,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    async with _running(fake, monkeypatch, shard_count=2) as bot:
        late = fake.add_guild("Late", members=["alice"], shard=(1, 2))
        assert await fake.announce_guild(late) == 1
        joined = await asyncio.wait_for(bot.joined.get(), 15)
        assert (joined.id, joined.shard_id, joined.name) == (late.id, 1, "Late")
        assert late.id in fake.shard_sessions(1)[0].guild_ids
        assert late.id not in fake.shard_sessions(0)[0].guild_ids


async def test_each_guild_has_its_own_members_roles_and_channels(fake: FakeDiscord,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    studio = fake.add_guild("Studio", members={"alice": ["manager"], "dora": []}, roles={"manager": MANAGE_GUILD},
                            channels=["general", "art"], nsfw_channels=["after-dark"], owner="bob")
    async with _running(fake, monkeypatch, shard_count=1) as bot:
        guild = bot.get_guild(studio.id)
        assert guild is not None
        assert sorted(c.name for c in guild.text_channels) == ["after-dark", "art", "general"]
        assert guild.get_channel(studio.channel("after-dark").id).is_nsfw()
        assert {r.name for r in guild.roles} == {"@everyone", "imagine-bot", "manager"}
        assert guild.owner_id == fake.users["bob"].id
        assert fake.member_permissions("alice", studio.channel("art")) & MANAGE_GUILD
        assert not fake.member_permissions("alice", "general") & MANAGE_GUILD  # not in the default guild
        await fake.run_command("where", user="dora", channel=studio.channel("art"))
        assert await bot.answer() == (studio.id, "dora", None)
        with pytest.raises(ClientRefused):
            await fake.run_command("where", user="dora", channel="general")  # not a member of the default guild
        member = await guild.fetch_member(fake.users["dora"].id)
        assert member.name == "dora"
        with pytest.raises(discord.NotFound):
            await bot.get_guild(fake.guild_id).fetch_member(fake.users["dora"].id)
