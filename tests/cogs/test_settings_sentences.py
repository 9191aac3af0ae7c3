"""Every /settings subcommand, run through the cog and the real settings service: the moderator's
confirmation and the audit channel's line say in plain words what was added, removed or changed; what
moderators typed (terms, reasons) is inert; nothing reads like a Python value."""

from __future__ import annotations

import re
from decimal import Decimal
from typing import Any

import discord
import pytest

from bot.records.guild import BlockedMember, GuildSettings
from tests.cogs.test_settings_commands import (
    GUILD,
    LOG_CHANNEL,
    MODERATOR,
    audit_channel,
    interaction,
    make_cog,
    picked,
    run,
    said,
)

MEMBER_ID = 4242
HOSTILE = "spam [Claim Nitro](https://example.com) @everyone <@1> **x** `y`"
PYTHON_REPRS = re.compile(r"frozenset|BlockedMember|\(\{|\}\)|\bNone\b|Decimal\(|\bTrue\b|\bFalse\b|\['|'\]")


def member(user_id: int = MEMBER_ID) -> Any:
    return picked(discord.User, user_id)


def audited(cog: Any) -> str:
    return audit_channel(cog).send.await_args.args[0]


async def change(before: GuildSettings, name: str, **options: Any) -> tuple[str, str]:
    """The confirmation the moderator read and the audit line, after `/settings <name>` on a server whose
    settings were `before` (with an audit channel)."""
    cog = make_cog(before.replace(log_channel_id=before.log_channel_id or LOG_CHANNEL))
    it = interaction()
    await run(cog, name, it, **options)
    return said(it), audited(cog)


THREE_WORDS = frozenset({"alpha", "beta"})
CASES = [
    ("words add", {"word": "badword"}, GuildSettings(guild_id=GUILD, blocked_words=THREE_WORDS),
     "Added the blocked word `badword` (3 in all)."),
    ("words add", {"word": "bad  phrase"}, GuildSettings(guild_id=GUILD),
     "Added the blocked phrase `bad phrase` (1 in all)."),
    ("words remove", {"word": "beta"}, GuildSettings(guild_id=GUILD, blocked_words=THREE_WORDS),
     "Removed the blocked word `beta` (1 left)."),
    ("words remove", {"word": "beta"}, GuildSettings(guild_id=GUILD, blocked_words=frozenset({"beta"})),
     "Removed the blocked word `beta` (none left: prompts are checked only against the operator's list)."),
    ("members block", {"member": member(), "reason": "spamming"}, GuildSettings(guild_id=GUILD),
     f"Blocked <@{MEMBER_ID}> from using /imagine here: spamming."),
    ("members block", {"member": member()}, GuildSettings(guild_id=GUILD),
     f"Blocked <@{MEMBER_ID}> from using /imagine here: no reason given."),
    ("members block", {"member": member(), "reason": "again"},
     GuildSettings(guild_id=GUILD, blocked_members=(BlockedMember(user_id=MEMBER_ID, reason="first", blocked_by=1,
                                                                  blocked_at=0.0),)),
     f"Changed why <@{MEMBER_ID}> is blocked: again (was: first)."),
    ("members unblock", {"member": member()},
     GuildSettings(guild_id=GUILD, blocked_members=(BlockedMember(user_id=MEMBER_ID, reason="x", blocked_by=1,
                                                                  blocked_at=0.0),)),
     f"Unblocked <@{MEMBER_ID}>: they may use /imagine here again."),
    ("models add", {"model": "emu/png"}, GuildSettings(guild_id=GUILD),
     "Allowed `emu/png` on this server (1 model in all; before, every model the operator allows)."),
    ("models add", {"model": "emu/png"}, GuildSettings(guild_id=GUILD, allowed_models=frozenset({"kiwi/art"})),
     "Allowed `emu/png` on this server (2 models in all)."),
    ("models remove", {"model": "kiwi/art"},
     GuildSettings(guild_id=GUILD, allowed_models=frozenset({"kiwi/art", "emu/png"})),
     "Took `kiwi/art` off this server's allowed models (1 left)."),
    ("models remove", {"model": "kiwi/art"}, GuildSettings(guild_id=GUILD, allowed_models=frozenset({"kiwi/art"})),
     "Took `kiwi/art` off this server's allowed models (none left: every model the operator allows can be used "
     "again)."),
    ("models default", {"model": "kiwi/art"}, GuildSettings(guild_id=GUILD),
     "Set the default model to `kiwi/art` (was the operator's default)."),
    ("models age-restricted", {"model": "kiwi/art", "enabled": True}, GuildSettings(guild_id=GUILD),
     "`kiwi/art` can now be used only in age-restricted channels."),
    ("models age-restricted", {"model": "kiwi/art", "enabled": False},
     GuildSettings(guild_id=GUILD, age_restricted_models=frozenset({"kiwi/art"})),
     "`kiwi/art` can now be used outside age-restricted channels too."),
    ("channels add", {"channel": picked(discord.TextChannel, 30)}, GuildSettings(guild_id=GUILD),
     "/imagine now works in <#30> (1 channel in all; before, every channel)."),
    ("channels remove", {"channel": picked(discord.TextChannel, 30)},
     GuildSettings(guild_id=GUILD, channel_ids=frozenset({30})),
     "/imagine no longer works in <#30> (none left: it works in every channel again)."),
    ("roles add", {"role": picked(discord.Role, 40)}, GuildSettings(guild_id=GUILD, role_ids=frozenset({41})),
     "Members with <@&40> may now use /imagine (2 roles in all)."),
    ("roles remove", {"role": picked(discord.Role, 40)}, GuildSettings(guild_id=GUILD, role_ids=frozenset({40, 41})),
     "Members with <@&40> may no longer use /imagine (1 left)."),
    ("limits", {"daily": 5}, GuildSettings(guild_id=GUILD),
     "Changed the daily limit from the operator's default to 5 images per member per 24 h."),
    ("limits", {"daily": 0}, GuildSettings(guild_id=GUILD, daily_limit=5),
     "Changed the daily limit from 5 images per member per 24 h to no limit."),
    ("limits", {"max_size": "2K"}, GuildSettings(guild_id=GUILD),
     "Changed the largest size from the operator's default to 2K."),
    ("budget", {"monthly_usd": 12.1}, GuildSettings(guild_id=GUILD),
     "Set the monthly budget to $12.10 (UTC calendar month; before, none)."),
    ("budget", {"monthly_usd": 0.0}, GuildSettings(guild_id=GUILD, monthly_budget_usd=Decimal(5)),
     "Removed the monthly budget (was $5.00)."),
    ("budget", {"monthly_usd": 7.5}, GuildSettings(guild_id=GUILD, monthly_budget_usd=Decimal(5)),
     "Changed the monthly budget from $5.00 to $7.50."),
    ("log-channel", {"channel": picked(discord.TextChannel, 78)}, GuildSettings(guild_id=GUILD),
     f"The audit log now goes to <#78> (was <#{LOG_CHANNEL}>)."),
    ("log-channel", {}, GuildSettings(guild_id=GUILD),
     f"Turned the audit log off (it was <#{LOG_CHANNEL}>)."),
    ("spoiler", {"enabled": True}, GuildSettings(guild_id=GUILD), "Results are now sent as spoilers."),
    ("spoiler", {"enabled": False}, GuildSettings(guild_id=GUILD, spoiler=True),
     "Results are no longer sent as spoilers."),
]


@pytest.mark.parametrize(("name", "options", "before", "sentence"), CASES,
                         ids=[f"{name}: {sentence[:40]}" for name, _, _, sentence in CASES])
async def test_each_change_is_confirmed_and_audited_as_a_sentence(name, options, before, sentence):
    confirmed, audit = await change(before, name, **options)

    assert confirmed == f"✅ {sentence}"
    assert audit == f"⚙️ <@{MODERATOR}> used **/settings {name}**: {sentence}"
    assert PYTHON_REPRS.search(confirmed) is None


async def test_a_change_of_several_limits_says_each_one_on_its_own_line():
    confirmed, audit = await change(GuildSettings(guild_id=GUILD), "limits", daily=5, cooldown=90, concurrent=1,
                                    max_count=2)

    assert confirmed.split("\n") == [
        "✅ Saved **/settings limits**:",
        "- Changed the daily limit from the operator's default to 5 images per member per 24 h.",
        "- Changed the cooldown between a member's requests from none to 1 min 30 s.",
        "- Changed the jobs a member may run at once from the operator's default to 1.",
        "- Changed the images per request from the operator's default to 2.",
    ]
    assert audit.split("\n")[0] == f"⚙️ <@{MODERATOR}> used **/settings limits**:"
    assert audit.split("\n")[1:] == confirmed.split("\n")[1:]


def outside_code_spans(text: str) -> str:
    return re.sub(r"`[^`\n]*`", "", text)


async def test_a_block_reason_is_echoed_inert():
    confirmed, audit = await change(GuildSettings(guild_id=GUILD), "members block", member=member(),
                                    reason=HOSTILE)

    for text in (confirmed, audit):
        assert "[Claim Nitro](" not in text
        assert "@everyone" not in text
        assert "<@1>" not in text
        assert "**x**" not in text


async def test_a_blocked_term_cannot_break_out_of_its_code_span():
    confirmed, audit = await change(GuildSettings(guild_id=GUILD), "words add", word="a`b [x](https://e.com) <@1>")

    for text in (confirmed, audit):
        assert "[x](" not in outside_code_spans(text)
        assert "<@1>" not in outside_code_spans(text)
    assert confirmed == "✅ Added the blocked phrase `aˋb [x](https://e.com) <@1>` (1 in all)."


async def test_the_list_of_blocked_words_says_what_is_and_is_not_caught():
    cog = make_cog(GuildSettings(guild_id=GUILD, blocked_words=frozenset({"beta", "alpha*"})))
    it = interaction()

    await run(cog, "words list", it)

    lines = said(it).split("\n")
    assert lines[:3] == ["2 blocked terms:", "`alpha*`", "`beta`"]
    assert "look-alike letters" in lines[3]
    assert "spelled out" in lines[3]
    assert "Not caught" in lines[3]


async def test_the_moderators_confirmation_and_the_audit_line_never_notify_anyone():
    cog = make_cog(GuildSettings(guild_id=GUILD, log_channel_id=LOG_CHANNEL))
    it = interaction()

    await run(cog, "members block", it, member=member(), reason="@everyone")

    assert it.edit_original_response.await_args.kwargs["allowed_mentions"].to_dict() == {"parse": []}
    assert audit_channel(cog).send.await_args.kwargs["allowed_mentions"].to_dict() == {"parse": []}
