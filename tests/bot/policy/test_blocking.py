"""Blocked words and blocked members: what moderators set through `SettingsService` and how `Policy`
refuses prompts and members with it (the member is never told which term matched; the audit log is)."""

from __future__ import annotations

import dataclasses
from collections.abc import AsyncIterator

import pytest

from bot.openroute.types import ImageModel
from bot.policy import Actor, Policy, PolicyRefusal, PolicySettings
from bot.policy.rules import BlockedPrompt
from bot.policy.settings import SettingsService
from bot.records.guild import GuildSettings
from bot.records.spec import JobSpec
from bot.storage import Store, open_store

NOW = 1_800_000_000.0
GUILD_ID = 10
MODEL = "emu/png"
OWNER_ID = 99
MODERATOR = Actor(user_id=1, guild_id=GUILD_ID, channel_id=100, is_dm=False, manages_guild=True)
MEMBER = Actor(user_id=2, guild_id=GUILD_ID, channel_id=100, is_dm=False)
MESSAGE_MODERATOR = dataclasses.replace(MEMBER, manages_messages=True)
IN_DM = Actor(user_id=2, guild_id=None, channel_id=5, is_dm=True)
MODELS = [ImageModel(id=MODEL, name=MODEL)]


def spec(prompt: str) -> JobSpec:
    return JobSpec(requester_id=2, guild_id=GUILD_ID, channel_id=100, is_dm=False, prompt=prompt, model=MODEL)


def policy(**operator: object) -> Policy:
    return Policy(PolicySettings(default_model=MODEL, owner_ids=frozenset({OWNER_ID}), **operator),  # type: ignore[arg-type]
                  clock=lambda: NOW)


@pytest.fixture
async def store(database_url: str) -> AsyncIterator[Store]:
    """A real store, once on SQLite and once on PostgreSQL."""
    opened = await open_store(database_url)
    yield opened
    await opened.close()


def service(store: Store, rules: Policy | None = None) -> SettingsService:
    async def models() -> list[ImageModel]:
        return MODELS

    return SettingsService(store.guilds, rules or policy(), models, clock=lambda: NOW)


# --- policy ---------------------------------------------------------------------------------------------

def test_a_prompt_with_a_server_term_is_refused_without_naming_the_term():
    guild = GuildSettings(guild_id=GUILD_ID, blocked_words=frozenset({"forbidden"}), log_channel_id=555)
    with pytest.raises(BlockedPrompt) as caught:
        policy().authorize(MEMBER, spec("a FORBİDDEN castle"), guild=guild, known_models=MODELS)
    assert "forbidden" not in caught.value.reason.lower()
    assert (caught.value.term, caught.value.audit_channel_id) == ("forbidden", 555)
    assert caught.value.prompt == "a FORBİDDEN castle"


def test_the_same_words_inside_other_words_pass():
    guild = GuildSettings(guild_id=GUILD_ID, blocked_words=frozenset({"cat"}))
    policy().authorize(MEMBER, spec("a catalogue of concatenated things"), guild=guild, known_models=MODELS)


def test_server_terms_apply_only_in_that_server_and_operator_terms_everywhere():
    guild = GuildSettings(guild_id=GUILD_ID, blocked_words=frozenset({"castle"}))
    rules = policy(blocked_words=("dragon*",))
    rules.authorize(IN_DM, spec("a castle"), guild=None, known_models=MODELS)  # the server's list stays there
    with pytest.raises(BlockedPrompt) as caught:
        rules.authorize(IN_DM, spec("two dragons"), guild=None, known_models=MODELS)
    assert caught.value.audit_channel_id is None
    with pytest.raises(BlockedPrompt):
        rules.authorize(MEMBER, spec("a dragonfly"), guild=guild, known_models=MODELS)


def test_a_changed_list_takes_effect_at_once():
    rules = policy()
    guild = GuildSettings(guild_id=GUILD_ID, blocked_words=frozenset({"castle"}))
    with pytest.raises(BlockedPrompt):
        rules.authorize(MEMBER, spec("a castle"), guild=guild, known_models=MODELS)
    rules.authorize(MEMBER, spec("a castle"), guild=guild.replace(blocked_words=frozenset({"tower"})),
                    known_models=MODELS)


def test_a_blocked_member_is_refused_with_the_reason_before_anything_else(store):
    from bot.records.guild import BlockedMember

    guild = GuildSettings(guild_id=GUILD_ID, channel_ids=frozenset({999}),
                          blocked_members=(BlockedMember(user_id=2, reason="spamming", blocked_by=1, blocked_at=NOW),))
    with pytest.raises(PolicyRefusal) as caught:
        policy().authorize(MEMBER, spec("a fox"), guild=guild, known_models=MODELS)
    assert caught.value.reason == "A moderator blocked you from using /imagine on this server. Reason: spamming"
    policy().authorize(IN_DM, spec("a fox"), guild=None, known_models=MODELS)  # a server's block stays there


# --- settings -------------------------------------------------------------------------------------------

async def test_moderators_block_words_and_the_list_survives_a_restart(store):
    settings = service(store)
    added = await settings.add_word(MODERATOR, "  bad   word ")
    await settings.add_word(MODERATOR, "cat*")
    assert added.changes == (("blocked_words", "—", "bad word"),)
    assert await service(store).words(MODERATOR) == ["bad word", "cat*"]
    removed = await service(store).remove_word(MODERATOR, "cat*")
    assert removed.after.blocked_words == {"bad word"}


@pytest.mark.parametrize("term", ["*", "!!!", "ca*t", "x" * 101])
async def test_a_term_the_matcher_cannot_use_is_refused_with_the_reason(store, term):
    with pytest.raises(PolicyRefusal):
        await service(store).add_word(MODERATOR, term)
    assert (await service(store).get(GUILD_ID)).blocked_words == frozenset()


@pytest.mark.parametrize("who", [MEMBER, MESSAGE_MODERATOR])
async def test_members_without_manage_server_cannot_see_or_change_the_lists(store, who):
    settings = service(store)
    for attempt in (settings.add_word(who, "x"), settings.remove_word(who, "x"), settings.words(who),
                    settings.block_member(who, 3, "no"), settings.unblock_member(who, 3)):
        with pytest.raises(PolicyRefusal) as caught:
            await attempt
        assert "Manage Server" in caught.value.reason


async def test_blocking_a_member_keeps_the_reason_and_unblocking_lifts_it(store):
    settings = service(store)
    done = await settings.block_member(MODERATOR, 3, "  posts   gore ")
    block = (await service(store).get(GUILD_ID)).blocked(3)
    assert block is not None
    assert (block.reason, block.blocked_by, block.blocked_at) == ("posts gore", 1, NOW)
    assert done.changes == (("blocked_members", "—", "3 (posts gore)"),)
    await service(store).unblock_member(MODERATOR, 3)
    assert (await service(store).get(GUILD_ID)).blocked(3) is None


async def test_owners_and_oneself_cannot_be_blocked_and_unknown_members_cannot_be_unblocked(store):
    settings = service(store)
    with pytest.raises(PolicyRefusal, match="owners cannot be blocked"):
        await settings.block_member(MODERATOR, OWNER_ID, "")
    with pytest.raises(PolicyRefusal, match="yourself"):
        await settings.block_member(MODERATOR, MODERATOR.user_id, "")
    with pytest.raises(PolicyRefusal, match="not blocked"):
        await settings.unblock_member(MODERATOR, 3)
