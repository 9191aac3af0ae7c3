"""Styles and the describe model end to end, through `imagine-bot run`, the fake Discord and the emulator: a
moderator adds a style and finds it in /settings styles list (with the operator's STYLES_FILE defaults), a style
holding a blocked word is refused, members cannot touch them, and a server's choices survive a restart."""

from __future__ import annotations

import pytest

from tests.e2e.moderation import answer, saved, settings, start

pytestmark = pytest.mark.e2e

DEFAULTS = """\
[[style]]
name = "Pastel"
text = "soft pastel colours"

[[style]]
name = "Noir"
text = "the operator's noir"
"""


async def styles_list(fake, *, user: str = "sam") -> str:
    return await settings(fake, "styles list", user=user)


async def test_a_moderator_adds_a_style_and_finds_it_in_the_list_beside_the_operators_defaults(
        runner, discord_fake, tmp_path):
    styles_file = tmp_path / "styles.toml"
    styles_file.write_text(DEFAULTS, encoding="utf-8")
    await start(runner, STYLES_FILE=str(styles_file))

    reply = await saved(discord_fake, "styles add", {"name": "noir", "text": "film noir, high contrast"})
    assert reply == "✅ Added the style `noir`: `film noir, high contrast` (1 style in all)."

    assert (await styles_list(discord_fake)).split("\n")[:-1] == [
        "**Styles of this server** · 1 of 25",
        "- `noir` — `film noir, high contrast`",
        "**The bot's default styles**",
        "- `Noir` — `the operator's noir` · replaced here by this server's style of that name",
        "- `Pastel` — `soft pastel colours`",
    ]
    choices = await discord_fake.autocomplete("settings styles remove", focused="name", value="NO", user="sam")
    assert [(c["name"], c["value"]) for c in choices] == [("noir — film noir, high contrast", "noir")]


async def test_a_style_holding_a_blocked_word_is_refused_and_not_saved(runner, discord_fake):
    await start(runner)
    await saved(discord_fake, "words add", {"word": "gore"})

    reply = await settings(discord_fake, "styles add", {"name": "Dark", "text": "moody, G-O-R-E, rain"})

    assert reply == ("🚫 The style's text contains `gore`, which is blocked on this server. Take it out, or "
                     "unblock it with /settings words remove.")
    assert (await styles_list(discord_fake)).startswith("This server has no styles of its own yet")


async def test_a_member_cannot_add_styles_and_is_offered_nothing_to_remove(runner, discord_fake):
    await start(runner)
    await saved(discord_fake, "styles add", {"name": "Ink", "text": "sumi-e"})

    it = await discord_fake.run_command("settings styles add", {"name": "Mine", "text": "x"}, user="bob",
                                        client_checks=False)  # an admin made /settings visible to everyone
    reply = await answer(discord_fake, it)

    assert reply.ephemeral
    assert reply.content == "🚫 Only members with the Manage Server permission can change these settings."
    assert await discord_fake.autocomplete("settings styles remove", focused="name", value="", user="bob") == []
    assert "- `Ink` — `sumi-e`" in await styles_list(discord_fake)


async def test_styles_and_the_describe_model_survive_a_restart_and_show_in_settings_show(runner, discord_fake):
    env = {"DESCRIBE_MODELS": "emu/vision-one,emu/vision-two"}
    await start(runner, **env)
    await saved(discord_fake, "styles add", {"name": "Ink", "text": "sumi-e"})
    reply = await saved(discord_fake, "describe-model", {"model": "emu/vision-two"})
    assert reply == "✅ /describe now uses `emu/vision-two` here (was the operator's default)."
    unknown = await settings(discord_fake, "describe-model", {"model": "emu/png"})
    assert unknown == ("🚫 `emu/png` is not one of the models this bot describes images with. Pick one from the "
                       "list.")

    await runner.stop()
    await start(runner, **env)

    it = await discord_fake.run_command("settings show", user="sam")
    fields = {field["name"]: field["value"] for field in (await answer(discord_fake, it)).embeds[0]["fields"]}
    assert fields["Styles"] == "1 of 25: `Ink`\n(/settings styles list)"
    assert fields["Describe model"] == "`emu/vision-two`"
    choices = await discord_fake.autocomplete("settings describe-model", focused="model", value="", user="sam")
    assert [c["value"] for c in choices] == ["emu/vision-one", "emu/vision-two"]
