"""/history at unit level: every text it renders (prompts inert and shortened within Discord's embed limits, a
link to each result), the persistent buttons' ids, and how a press is handled (only for the member who ran the
command, acknowledged before the database is asked)."""

from __future__ import annotations

import re
from types import SimpleNamespace
from typing import Any
from unittest.mock import create_autospec

import discord
from discord.ext import commands

from bot.jobs.history import HistoryService
from bot.records.history import HistoryEntry, HistoryPage
from bot.records.spec import JobKind
from cogs.history import render
from cogs.history.commands import History
from cogs.history.views import NewerButton, OlderButton, page_view

GUILD = 2002
VIEWER = 4004
T0 = 1_733_450_000.123456
HOSTILE = "@everyone <@1> **bold** [click](https://evil.example) `code` ||spoiler|| # heading"
BIG_ID = 9_223_372_036_854_775_807  # the largest snowflake and job id there can be


def entry(n: int = 1, **changes: Any) -> HistoryEntry:
    fields: dict[str, Any] = {"job_id": n, "kind": JobKind.IMAGINE, "prompt": f"a fox {n}", "style": None,
                              "model": "emu/png", "count": 1, "image_size": None, "created_at": T0 + n,
                              "guild_id": GUILD, "channel_id": 3003, "message_id": 5000 + n}
    fields.update(changes)
    return HistoryEntry(**fields)


def page(*entries: HistoryEntry, total: int | None = None, first: int = 1) -> HistoryPage:
    return HistoryPage(entries=entries, total=len(entries) if total is None else total, first=first)


def outside_code_spans(text: str) -> str:
    return re.sub(r"`[^`\n]*`", "", text)


# --- what a page shows -------------------------------------------------------------------------------------

def test_each_result_shows_its_prompt_model_kind_style_count_time_and_a_link_to_it():
    embed = render.page_embed(page(entry(7, kind=JobKind.VARY_STRONG, style="Noir", count=4), first=11, total=30),
                              VIEWER, own=True, in_dm=False)

    assert embed.description == "Your results on this server, newest first."
    [field] = embed.fields
    assert field.name == "11. a fox 7"
    assert field.value == (f"`emu/png` · strong variation · style `Noir` · 4 images · <t:{int(T0) + 7}:f> · "
                           f"[Jump to the result](https://discord.com/channels/{GUILD}/3003/5007)")
    assert embed.footer.text == "11–11 of 30"


def test_a_result_posted_outside_a_server_links_through_me_and_a_blend_without_a_prompt_says_so():
    [field] = render.page_embed(page(entry(1, guild_id=None, prompt=" ", kind=JobKind.BLEND)), VIEWER, own=True,
                                in_dm=True).fields

    assert field.name == "1. (no prompt)"
    assert "blend" in field.value
    assert "(https://discord.com/channels/@me/3003/5001)" in field.value


def test_a_prompt_is_shown_inert():
    [field] = render.page_embed(page(entry(prompt=HOSTILE)), VIEWER, own=True, in_dm=False).fields

    assert "@everyone" not in field.name
    assert "<@1>" not in field.name
    assert "](https://" not in field.name and "**bold**" not in field.name  # noqa: PT018 - one claim: no markdown
    assert field.name.endswith(render.escape(HOSTILE))


def test_a_long_prompt_is_shortened_with_its_escapes_counted_never_splitting_one():
    shown = render.shortened("*" * 1000, 200)

    assert len(shown) <= 200
    assert shown == "\\*" * 99 + "…"


def test_a_page_of_the_longest_results_stays_inside_discords_embed_limits():
    worst = [entry(n, prompt="*_`<@&1>" * 300, model="m/" + "x" * 98, style="s" * 100, count=4, kind=JobKind.REMIX,
                   job_id=BIG_ID - n, guild_id=BIG_ID, channel_id=BIG_ID, message_id=BIG_ID) for n in range(10)]

    embed = render.page_embed(page(*worst, total=10**9, first=10**9 - 9), BIG_ID, own=False, in_dm=False)

    assert len(embed) <= 6000
    assert all(len(f.name) <= 256 and len(f.value) <= 1024 for f in embed.fields)
    assert all("<@&1>" not in outside_code_spans(f.name) for f in embed.fields)


def test_nothing_to_show_is_said_in_a_sentence():
    assert render.empty(VIEWER, own=True, in_dm=False) == ("You have no results on this server yet. Make one with "
                                                           "/imagine.")
    assert render.empty(VIEWER, own=False, in_dm=False) == f"<@{VIEWER}> has no results on this server."
    assert str(render.whose(VIEWER, own=True, in_dm=True)) == "Your results in direct messages, newest first."


# --- the buttons -------------------------------------------------------------------------------------------

def test_buttons_appear_only_where_there_is_another_page_and_are_disabled_at_the_ends():
    assert page_view(page(entry(1)), viewer=VIEWER, member=VIEWER) is None

    view = page_view(page(entry(2), entry(1), total=25, first=1), viewer=VIEWER, member=VIEWER)

    assert view is not None
    previous, following = (child.item for child in view.children)  # type: ignore[attr-defined]
    assert (previous.label, previous.disabled, following.label, following.disabled) == ("Previous", True, "Next", False)


async def test_a_buttons_id_holds_the_page_edge_within_100_characters_and_reads_back_whole():
    for kind, edge in ((NewerButton, entry(1)), (OlderButton, entry(2, created_at=1e-7, job_id=BIG_ID))):
        button = kind(BIG_ID, BIG_ID, edge.cursor)
        custom_id = button.item.custom_id
        assert custom_id is not None
        assert len(custom_id) <= 100
        match = re.fullmatch(kind.__discord_ui_compiled_template__, custom_id)  # type: ignore[attr-defined]
        assert match is not None
        read = await kind.from_custom_id(None, button.item, match)  # type: ignore[arg-type]
        assert (read.viewer, read.member, read.cursor) == (BIG_ID, BIG_ID, edge.cursor)


# --- a press -----------------------------------------------------------------------------------------------

def make_cog() -> tuple[History, Any]:
    service = create_autospec(HistoryService, instance=True, spec_set=True)
    service.subject.side_effect = lambda actor, member=None: HistoryService.subject(actor, member)
    bot = create_autospec(commands.Bot, instance=True)
    bot.services = SimpleNamespace(history=service, settings=SimpleNamespace(owner_ids=frozenset()))
    return History(bot), service


def press(user_id: int) -> Any:
    it = create_autospec(discord.Interaction, instance=True)
    it.response = create_autospec(discord.InteractionResponse, instance=True, spec_set=True)
    it.user = create_autospec(discord.Member, instance=True)
    it.user.id = user_id
    it.user.roles = []
    it.guild_id = GUILD
    it.channel_id = 3003
    it.permissions = discord.Permissions.none()
    it.is_user_integration.return_value = False
    it.is_guild_integration.return_value = True
    return it


async def test_a_press_by_anyone_but_the_member_who_ran_the_command_is_refused_privately():
    cog, service = make_cog()
    it = press(VIEWER + 1)

    await cog.turn(it, "older", viewer=VIEWER, member=VIEWER, cursor=(T0, 1))

    assert it.response.send_message.await_args.args == (str(render.NOT_YOURS),)
    assert it.response.send_message.await_args.kwargs["ephemeral"] is True
    service.page.assert_not_called()


async def test_a_press_is_acknowledged_before_the_page_is_read_and_the_page_replaces_the_shown_one():
    cog, service = make_cog()
    it = press(VIEWER)

    async def read(*args: Any, **kwargs: Any) -> HistoryPage:
        it.response.defer.assert_awaited_once_with()  # a deferred update: nothing shown meanwhile
        return page(entry(3), total=13, first=11)

    service.page.side_effect = read

    await cog.turn(it, "older", viewer=VIEWER, member=VIEWER, cursor=(T0, 1))

    assert service.page.await_args.kwargs == {"older_than": (T0, 1)}
    shown = it.edit_original_response.await_args.kwargs
    assert shown["embed"].footer.text == "11–11 of 13"
    assert shown["allowed_mentions"].to_dict() == {"parse": []}


async def test_another_members_history_is_refused_at_once_to_a_member():
    cog, service = make_cog()
    it = press(VIEWER)
    other = create_autospec(discord.User, instance=True)
    other.id = VIEWER + 1

    await cog.history.callback(cog, it, other)  # type: ignore[arg-type]

    assert it.response.send_message.await_args.args[0] == (
        "🚫 Only members with the Manage Server permission can look at another member's history.")
    assert it.response.send_message.await_args.kwargs["ephemeral"] is True
    it.response.defer.assert_not_awaited()
    service.page.assert_not_called()
