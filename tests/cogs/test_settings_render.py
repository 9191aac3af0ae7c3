"""How /settings reads: the configuration embed (where each value comes from, which models are the default,
age-restricted or gone from the provider), a change's confirmation and its audit line, model suggestions."""

from __future__ import annotations

import re
from decimal import Decimal

import discord

from bot.openroute.types import ImageModel, ModelPricing
from bot.policy.settings import Effective, SettingsChange
from bot.records.guild import BlockedMember, GuildSettings, Style
from cogs.settings.render import (
    audit_channel,
    audit_line,
    confirmation,
    duration,
    model_choice_name,
    settings_embed,
    unlisted_choice_name,
)

GUILD = 2002
MODERATOR = 4004
HOSTILE_MODEL = "evil/`@everyone` **x** <@1>"


def effective(settings: GuildSettings | None = None, **changes: object) -> Effective:
    fields: dict[str, object] = {
        "settings": settings or GuildSettings(guild_id=GUILD), "allowed_models": ("*",),
        "default_model": "google/gemini-2.5-flash-image", "daily_limit": 20, "cooldown_seconds": 0,
        "max_concurrent": 2, "max_count": 4, "max_size": "4K", "monthly_budget_usd": None,
        "inherited": frozenset({"allowed_models", "default_model", "daily_limit", "max_concurrent", "max_count",
                                "max_size"}),
        "unknown_models": frozenset(),
    }
    fields.update(changes)
    return Effective(**fields)  # type: ignore[arg-type]


def field(embed: discord.Embed, name: str) -> str:
    return next(f.value for f in embed.fields if f.name == name) or ""


def line_with(text: str, needle: str) -> str:
    return next(line for line in text.split("\n") if needle in line)


def change(what: str, before: GuildSettings, after: GuildSettings,
           *changes: tuple[str, str, str]) -> SettingsChange:
    return SettingsChange(guild_id=GUILD, moderator_id=MODERATOR, what=what, before=before, after=after,
                          changes=changes)


def outside_code_spans(text: str) -> str:
    return re.sub(r"`[^`\n]*`", "", text)


# --- /settings show --------------------------------------------------------------------------------------

def test_a_server_that_chose_nothing_shows_every_value_as_inherited_from_the_operator():
    embed = settings_embed(effective())

    assert "Every image model" in (embed.description or "")
    assert "inherited" in line_with(embed.description or "", "Allowed models")
    assert "inherited" in line_with(embed.description or "", "Default model")
    limits = field(embed, "Limits")
    for label in ("Daily", "Jobs at once", "Images per request", "Largest size"):
        assert "inherited" in line_with(limits, label), label
    assert "inherited" not in line_with(limits, "Cooldown")  # the operator has no cooldown to inherit
    assert field(embed, "Channels") == "Every channel"
    assert field(embed, "Roles") == "Everyone"
    assert (field(embed, "Monthly budget"), field(embed, "Audit log"), field(embed, "Spoiler")) == (
        "none", "off", "off")


def test_the_servers_own_choices_show_without_an_inherited_mark():
    settings = GuildSettings(guild_id=GUILD, allowed_models=frozenset({"a/one", "b/two"}), default_model="b/two",
                             daily_limit=5, cooldown_seconds=90, max_concurrent=1, max_count=2, max_size="2K",
                             channel_ids=frozenset({31, 30}), role_ids=frozenset({40}),
                             monthly_budget_usd=Decimal("12.50"), log_channel_id=77, spoiler=True)
    embed = settings_embed(effective(settings, allowed_models=("a/one", "b/two"), default_model="b/two",
                                     daily_limit=5, cooldown_seconds=90, max_concurrent=1, max_count=2,
                                     max_size="2K", monthly_budget_usd=Decimal("12.50"), inherited=frozenset()))

    assert "inherited" not in (embed.description or "") + field(embed, "Limits")
    assert field(embed, "Limits").split("\n") == [
        "Daily: 5 images per member per 24 h", "Cooldown: 1 min 30 s", "Jobs at once: 1 per member",
        "Images per request: up to 2", "Largest size: 2K"]
    assert field(embed, "Channels") == "<#30>\n<#31>"
    assert field(embed, "Roles") == "<@&40>"
    assert field(embed, "Monthly budget").startswith("$12.50")
    assert field(embed, "Audit log") == "<#77>"
    assert field(embed, "Spoiler").startswith("on")


def test_the_default_the_age_restricted_and_the_vanished_models_are_marked_in_the_list():
    settings = GuildSettings(guild_id=GUILD, allowed_models=frozenset({"a/one", "b/two", "c/gone"}),
                             default_model="a/one", age_restricted_models=frozenset({"b/two"}))
    embed = settings_embed(effective(settings, allowed_models=("a/one", "b/two", "c/gone"), default_model="a/one",
                                     inherited=frozenset(), unknown_models=frozenset({"c/gone"})))
    text = embed.description or ""

    assert "default" in line_with(text, "`a/one`")
    assert "age-restricted" in line_with(text, "`b/two`")
    assert "no longer listed" in line_with(text, "`c/gone`")
    assert "default" not in line_with(text, "`b/two`") + line_with(text, "`c/gone`")
    assert "age-restricted" not in line_with(text, "`a/one`")


def test_an_unlisted_default_and_age_limits_outside_the_list_still_show():
    settings = GuildSettings(guild_id=GUILD, default_model="x/old", age_restricted_models=frozenset({"n/sfw"}))
    embed = settings_embed(effective(settings, default_model="x/old", unknown_models=frozenset({"x/old"}),
                                     inherited=frozenset({"allowed_models"})))
    text = embed.description or ""

    default = line_with(text, "Default model")
    assert "`x/old` · ⚠️ no longer listed by the provider" in default
    assert "inherited" not in default
    assert "`n/sfw`" in line_with(text, "Age-restricted")


def test_the_operators_model_patterns_show_when_the_server_inherits_them():
    text = settings_embed(effective(allowed_models=("google/*", "emu/png"))).description or ""

    assert "`google/*` (pattern)" in text
    assert "`emu/png`" in text


def test_a_model_id_from_outside_cannot_break_out_of_its_code_span():
    settings = GuildSettings(guild_id=GUILD, allowed_models=frozenset({HOSTILE_MODEL}))
    text = settings_embed(effective(settings, allowed_models=(HOSTILE_MODEL,), inherited=frozenset())).description

    assert "@everyone" not in outside_code_spans(text or "")
    assert "<@1>" not in outside_code_spans(text or "")


def test_huge_lists_stay_inside_discords_embed_limits():
    models = tuple(f"vendor/model-{n:03d}-with-a-rather-long-name" for n in range(300))
    styles = tuple(Style(name=f"{n:02d}" + "n" * 98, text="t" * 300) for n in range(25))
    settings = GuildSettings(guild_id=GUILD, allowed_models=frozenset(models),
                             channel_ids=frozenset(range(10**17, 10**17 + 200)),
                             role_ids=frozenset(range(10**18, 10**18 + 200)), styles=styles,
                             describe_model="v/" + "x" * 98,
                             age_restricted_models=frozenset(f"nsfw/{n:02d}" + "x" * 95 for n in range(20)),
                             blocked_members=tuple(BlockedMember(user_id=10**18 + n, reason="r" * 300, blocked_by=1,
                                                                 blocked_at=0.0) for n in range(50)))
    embed = settings_embed(effective(settings, allowed_models=models, inherited=frozenset(),
                                     operator_styles=tuple(Style(name="d" * 100, text="t") for _ in range(25)),
                                     describe_model="v/" + "y" * 98))

    assert len(embed) <= 6000
    assert len(embed.description or "") <= 4096
    assert all(len(f.value or "") <= 1024 for f in embed.fields)
    assert "… and " in line_with(embed.description or "", "more")
    assert "`google/gemini-2.5-flash-image`" in line_with(embed.description or "", "Default model")
    assert field(embed, "Channels").endswith("more")


# --- a change --------------------------------------------------------------------------------------------

def test_the_confirmation_says_what_changed_from_what_to_what():
    before = GuildSettings(guild_id=GUILD)
    after = before.replace(daily_limit=5, cooldown_seconds=30)
    text = confirmation(change("limits", before, after, ("daily_limit", "—", "5"), ("cooldown_seconds", "0", "30")))

    assert text.split("\n") == [
        "✅ Saved **/settings limits**:",
        "- Changed the daily limit from the operator's default to 5 images per member per 24 h.",
        "- Changed the cooldown between a member's requests from none to 30 s.",
    ]


def test_model_channel_and_budget_changes_read_as_models_mentions_and_money():
    before = GuildSettings(guild_id=GUILD, allowed_models=frozenset({"a/one"}), monthly_budget_usd=Decimal(5))
    after = before.replace(allowed_models=frozenset({"a/one", "b/two"}), channel_ids=frozenset({30}),
                           monthly_budget_usd=None, log_channel_id=77)
    lines = confirmation(change("models add", before, after, ("allowed_models", "a/one", "a/one, b/two"),
                                ("channel_ids", "—", "30"), ("monthly_budget_usd", "5", "—"),
                                ("log_channel_id", "—", "77"))).split("\n")

    assert lines[1:] == [
        "- Allowed `b/two` on this server (2 models in all).",
        "- /imagine now works in <#30> (1 channel in all; before, every channel).",
        "- Removed the monthly budget (was $5.00).",
        "- The audit log now goes to <#77> (it was off).",
    ]


def test_many_items_changed_at_once_are_named_then_counted():
    before = GuildSettings(guild_id=GUILD)
    after = before.replace(blocked_words=frozenset(f"w{n:02d}" for n in range(25)))
    text = confirmation(change("words add", before, after, ("blocked_words", "", "")))

    assert text == ("✅ Added the blocked words `w00`, `w01`, `w02`, `w03`, `w04`, `w05`, `w06`, `w07`, `w08` and "
                    "16 more (25 in all).")


def test_nothing_changed_is_said_plainly():
    same = GuildSettings(guild_id=GUILD, spoiler=True)

    assert confirmation(change("spoiler", same, same)).startswith("Nothing changed")


def test_the_audit_line_names_who_changed_what_and_how():
    before = GuildSettings(guild_id=GUILD)
    after = before.replace(default_model=HOSTILE_MODEL)
    text = audit_line(change("models default", before, after, ("default_model", "—", HOSTILE_MODEL)))

    assert text.startswith(f"⚙️ <@{MODERATOR}> used **/settings models default**: Set the default model to `evil/")
    assert text.endswith("(was the operator's default).")
    assert "@everyone" not in outside_code_spans(text)


def test_a_long_change_is_clipped_to_one_message():
    before = GuildSettings(guild_id=GUILD)
    after = before.replace(allowed_models=frozenset(f"m/{'x' * 90}{n}" for n in range(40)))
    text = audit_line(change("models add", before, after, *[("allowed_models", "", "")] * 30))

    assert len(text) <= 2000
    assert text.endswith("more")


def test_turning_the_audit_log_off_is_logged_in_the_channel_it_replaced():
    before = GuildSettings(guild_id=GUILD, log_channel_id=77)

    assert audit_channel(change("log-channel", before, before.replace(log_channel_id=None))) == 77
    assert audit_channel(change("log-channel", before, before.replace(log_channel_id=78))) == 78
    assert audit_channel(change("spoiler", GuildSettings(guild_id=GUILD), GuildSettings(guild_id=GUILD))) is None


def test_durations_read_in_the_largest_units():
    assert [duration(s) for s in (0, 45, 60, 90, 3600, 5430)] == [
        "none", "45 s", "1 min", "1 min 30 s", "1 h", "1 h 30 min 30 s"]


# --- suggestions -----------------------------------------------------------------------------------------

def test_a_model_suggestion_shows_its_price_per_image_when_it_has_one():
    priced = ImageModel(id="emu/png", name="Emu", pricing=ModelPricing(image_output=Decimal("0.04")))
    per_request = ImageModel(id="emu/req", name="Emu R", pricing=ModelPricing(request=Decimal("0.002")))
    token_billed = ImageModel(id="emu/tok", name="Emu T", pricing=ModelPricing(prompt=Decimal("0.000001")))

    assert [model_choice_name(m) for m in (priced, per_request, token_billed)] == [
        "emu/png — $0.04/image", "emu/req — $0.002/image", "emu/tok"]
    assert unlisted_choice_name("x/old") == "x/old — no longer listed by the provider"
    assert len(model_choice_name(ImageModel(id="v/" + "x" * 120, name="long"))) == 100
