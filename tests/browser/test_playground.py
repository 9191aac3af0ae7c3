"""The playground page in a real Chromium: what a person trying the bot does (typing and clicking only) and sees.

Each test gets its own playground (the runtime starts in well under a second), so one test's server settings never
leak into another's. Waiting is Playwright's waiting for what the page shows; nothing sleeps.
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import pytest
from PIL import Image
from playwright.async_api import Browser, Locator, Page, expect

from bot.config import PlaygroundSettings
from playground.openroute import OpenRouteEmulator
from playground.runtime import Playground

TIMEOUT_MS = 20_000  # the emulator's pictures take ~1.5 s each; this is a ceiling, not a pace
TOKEN_LIFETIME = 15 * 60
REAL_KEY = "sk-or-browser-test-key-0123456789"

expect.set_options(timeout=TIMEOUT_MS)

# Every state a message of the channel goes through, read from the page's DOM as it changes.
RECORD_STATES = """() => {
  window.__states = [];
  const seen = (wrap) => ({
    id: wrap.dataset.messageId,
    loading: wrap.hasAttribute('data-loading'),
    text: wrap.querySelector('.content')?.textContent ?? '',
    buttons: [...wrap.querySelectorAll('discord-button')].map((b) => b.dataset.customId || ''),
    images: wrap.querySelectorAll('discord-image-attachment').length,
  });
  new MutationObserver((records) => {
    for (const r of records) for (const n of r.addedNodes) if (n.dataset?.messageId) window.__states.push(seen(n));
  }).observe(document.querySelector('#messages'), { childList: true });
}"""


@pytest.fixture
async def pg(tmp_path: Path) -> AsyncIterator[Playground]:
    async with Playground(PlaygroundSettings(port=0, folder=tmp_path, open_browser=False), env={}) as playground:
        yield playground


@pytest.fixture
async def page(browser: Browser, pg: Playground) -> AsyncIterator[Page]:
    context = await browser.new_context(viewport={"width": 1280, "height": 900})
    context.set_default_timeout(TIMEOUT_MS)
    tab = await context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    await tab.goto(pg.url)
    await expect(tab.locator("#channel-list .channel").first).to_be_visible()
    await expect(tab.locator("#emulated")).to_have_text("Pictures come from the built-in emulator, not a real model")
    try:
        yield tab
    finally:
        await context.close()
    assert errors == [], errors


# ---------------------------------------------------------------------- what a person does


async def run_command(page: Page, path: str, **options: Any) -> None:
    """Type `/path`, pick it from the list, fill its options (a `("pick", text, value)` tuple types `text` and picks
    `value` from what pops up: choices or the bot's autocomplete) and send it."""
    box = page.locator("#composer-input")
    await box.click()
    await box.press_sequentially(f"/{path}")
    await page.locator(f'.popup-item[data-value="{path}"]').click()
    for name, value in options.items():
        field = page.locator(f'.option-input[data-option="{name}"]')
        if not await field.count():
            await page.locator(f'.optional-option[data-option="{name}"]').click()
        if isinstance(value, tuple):
            _, typed, chosen = value
            await field.press_sequentially(typed)
            await page.locator(f'.popup-item[data-value="{chosen}"]').click()
        else:
            await field.fill(value)
    await page.locator("#composer-send").click()
    await expect(page.locator("#command-bar")).to_be_hidden()  # accepted: the box is empty again
    await expect(page.locator("#composer-error")).to_be_hidden()


def results(page: Page) -> Locator:
    """The bot's finished pictures: messages with a shown image and a Regenerate button."""
    return page.locator(".message").filter(has=page.locator("discord-image-attachment")).filter(
        has=page.locator('discord-button[data-custom-id^="imagine:regen:"]'))


async def image_loaded(page: Page, message: Locator) -> None:
    """The picture in `message` was fetched and decoded (it has pixels, not a broken-image icon)."""
    img = message.locator("discord-image-attachment img").first
    await expect(img).to_be_visible()
    await page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=await img.element_handle(),
                                 timeout=TIMEOUT_MS)


async def switch_to(page: Page, label: str) -> None:
    await page.locator(".persona", has_text=label).click()
    await expect(page.locator(".persona.selected")).to_have_text(label)


# ---------------------------------------------------------------------- the tests


async def test_imagine_shows_progress_then_the_picture_and_its_buttons_make_more(page: Page, artifacts: Path):
    await page.evaluate(RECORD_STATES)
    await run_command(page, "imagine", prompt="a red fox in the snow",
                      model=("pick", "flux", "black-forest-labs/flux.2-pro"), count="2")
    first = results(page)
    await expect(first).to_have_count(1)
    await expect(first).to_contain_text("a red fox in the snow")
    await expect(first).to_contain_text("black-forest-labs/flux.2-pro")
    await image_loaded(page, first)
    states: list[dict[str, Any]] = await page.evaluate("window.__states")
    final = next(i for i, s in enumerate(states) if s["images"] and any(b.startswith("imagine:regen:")
                                                                         for b in s["buttons"]))
    progress = [s for s in states[:final] if s["id"] == states[final]["id"] and not s["images"]]
    assert progress, f"no state before the picture: {states}"
    assert any(s["loading"] or any(b.startswith("imagine:cancel:") for b in s["buttons"]) for s in progress), progress
    await page.screenshot(path=artifacts / "01-imagine-result.png")

    await first.locator('discord-button[data-custom-id^="imagine:regen:"]').click()
    await expect(results(page)).to_have_count(2)
    await image_loaded(page, results(page).nth(1))
    # two images: a row U1 U2 and a row V1 V2; U1 upscales the first
    await results(page).first.locator("discord-button", has_text="U1").click()
    await expect(results(page)).to_have_count(3)
    upscaled = results(page).nth(2)
    await image_loaded(page, upscaled)
    await expect(upscaled).to_contain_text("Upscaled to 2K from image 1")
    await page.screenshot(path=artifacts / "02-regenerate-and-upscale.png")


async def test_the_edit_form_opens_from_a_result_and_makes_the_edited_picture(page: Page, artifacts: Path):
    await run_command(page, "imagine", prompt="a lighthouse at dusk")
    await expect(results(page)).to_have_count(1)
    await results(page).first.locator('discord-button[data-custom-id^="imagine:edit:"]').click()
    form = page.locator(".modal")
    await expect(form).to_be_visible()
    await page.screenshot(path=artifacts / "03-edit-modal.png")
    await form.locator("textarea, input").first.fill("paint the lighthouse blue")
    await form.locator(".modal-submit").click()
    await expect(form).to_be_hidden()
    edited = results(page).filter(has_text="paint the lighthouse blue")
    await expect(edited).to_have_count(1)
    await image_loaded(page, edited)
    await page.screenshot(path=artifacts / "04-edited-result.png")


async def test_a_moderator_restricts_the_models_and_a_member_is_refused_another(page: Page, artifacts: Path):
    await switch_to(page, "Morgan · moderator")
    await run_command(page, "settings models add",
                      model=("pick", "gemini-2.5-flash-image", "google/gemini-2.5-flash-image"))
    answer = page.locator(".message", has_text="google/gemini-2.5-flash-image").last
    await expect(answer).to_be_visible()
    await page.screenshot(path=artifacts / "05-moderator-settings.png")

    await switch_to(page, "Alice · member")
    # the bot now suggests only the server's model; the member types another one in full
    await run_command(page, "imagine", prompt="a castle", model="black-forest-labs/flux.2-pro")
    refusal = page.locator(".message", has_text="black-forest-labs/flux.2-pro").last
    await expect(refusal).to_contain_text("Only you can see this")
    await expect(results(page)).to_have_count(0)
    await page.screenshot(path=artifacts / "06-member-refused.png")


async def test_a_job_in_the_dm_with_the_bot_shows_its_picture(page: Page, artifacts: Path):
    await page.locator('.channel[data-channel="dm"]').click()
    await expect(page.locator("#channel-title")).to_contain_text("imagine-bot")
    await run_command(page, "imagine", prompt="a paper boat")
    await expect(results(page)).to_have_count(1)
    await image_loaded(page, results(page).first)
    await page.screenshot(path=artifacts / "07-dm-result.png")


async def test_a_request_discord_refuses_is_shown_on_the_page(page: Page, pg: Playground, artifacts: Path):
    # The final edit of a job is held until its interaction token has expired (15 minutes on the stand-in's clock):
    # Discord refuses it, and the page must say so instead of hiding it.
    gate = pg.fake.hold_requests(lambda r: r.method == "PATCH" and r.path.endswith("/messages/@original")
                                 and r.content_type.startswith("multipart/"))
    await run_command(page, "imagine", prompt="a clock tower")
    await pg.fake.wait_for(lambda: gate.held, timeout=TIMEOUT_MS / 1000)
    pg.fake.clock.advance(TOKEN_LIFETIME + 1)
    gate.release()
    toast = page.locator(".refusal-toast").first
    await expect(toast).to_contain_text("Discord refused a request")
    await expect(toast).to_contain_text("PATCH /webhooks/")
    await expect(toast).to_contain_text("401 Invalid Webhook Token")
    await expect(page.locator("#refusal-badge")).to_be_visible()
    await page.screenshot(path=artifacts / "08-refused-request.png")


async def test_progress_is_shown_while_the_model_works_and_cancel_is_offered(page: Page, artifacts: Path):
    # emu/slow answers after several keep-alives (about 7 s), so the progress message stays long enough to be seen
    await run_command(page, "imagine", prompt="a slow sunrise", model=("pick", "slow", "emu/slow"))
    working = page.locator(".message").filter(has=page.locator('discord-button[data-custom-id^="imagine:cancel:"]'))
    await expect(working).to_have_count(1)
    await expect(working).to_contain_text("a slow sunrise")
    await page.screenshot(path=artifacts / "00-imagine-progress.png")
    await expect(results(page)).to_have_count(1)
    await expect(working).to_have_count(0)  # the progress became the result
    await image_loaded(page, results(page).first)


async def test_a_picture_attached_to_describe_gives_four_prompts_and_3_starts_that_job(page: Page, artifacts: Path,
                                                                                     tmp_path: Path):
    picture = tmp_path / "holiday.png"
    Image.new("RGB", (64, 48), (200, 120, 40)).save(picture)
    box = page.locator("#composer-input")
    await box.click()
    await box.press_sequentially("/describe")
    await page.locator('.popup-item[data-value="describe"]').click()
    async with page.expect_file_chooser() as chooser:
        await page.locator('.option-file[data-option="image"]').click()
    await (await chooser.value).set_files(picture)
    await expect(page.locator('.option-file[data-option="image"]')).to_have_text("holiday.png")
    await page.locator("#composer-send").click()
    described = page.locator(".message").filter(has=page.locator('discord-button[data-custom-id^="describe:"]'))
    await expect(described.locator("discord-button")).to_have_count(4)
    await page.screenshot(path=artifacts / "09-describe.png")
    text = await described.first.inner_text()
    third = next(line for line in text.splitlines() if line.strip().startswith("3"))
    prompt = third.strip().removeprefix("3").lstrip(".)] ").strip()
    await described.locator("discord-button").nth(2).click()
    made = results(page)
    await expect(made).to_have_count(1)
    await expect(made).to_contain_text(prompt[:40])
    await image_loaded(page, made.first)


async def test_with_a_real_key_the_page_shows_what_jobs_cost_and_the_running_total(browser: Browser, artifacts: Path,
                                                                                  tmp_path: Path):
    # a key is set: the playground sends its requests to that provider (here an emulator standing in for OpenRoute,
    # with its prices), says nothing of emulated pictures, and keeps the spend and the playground's budget in view
    provider = OpenRouteEmulator(api_key=REAL_KEY, keepalive_interval=0.05)
    await provider.start()
    env = {"OPENROUTE_API_KEY": REAL_KEY, "OPENROUTE_BASE_URL": provider.base_url}
    try:
        async with Playground(PlaygroundSettings(port=0, folder=tmp_path, open_browser=False), env=env) as pg:
            context = await browser.new_context(viewport={"width": 1280, "height": 900})
            context.set_default_timeout(TIMEOUT_MS)
            tab = await context.new_page()
            await tab.goto(pg.url)
            await expect(tab.locator("#channel-list .channel").first).to_be_visible()
            await expect(tab.locator("#emulated")).to_be_hidden()
            spend = tab.locator("#spend")
            await expect(spend).to_contain_text("Spent $0 this run")
            await expect(spend).to_contain_text("budget $1")
            await run_command(tab, "imagine", prompt="a harbour at noon")
            await expect(results(tab)).to_have_count(1)
            await expect(results(tab).first).to_contain_text("$0.039")
            await expect(spend).to_contain_text("Spent $0.039 this run")
            await tab.screenshot(path=artifacts / "10-real-key-spend.png")
            await context.close()
    finally:
        await provider.close()


async def test_a_command_the_bot_does_not_acknowledge_in_3_seconds_shows_discords_failure(page: Page, pg: Playground,
                                                                                         artifacts: Path):
    # the bot's answer to the interaction is held past Discord's 3 s window: the member sees what Discord shows,
    # and the late answer, which Discord refuses, is shown as a refusal too
    gate = pg.fake.hold_requests(lambda r: r.path.endswith("/callback"))
    await run_command(page, "imagine", prompt="a quiet library")
    await pg.fake.wait_for(lambda: gate.held, timeout=TIMEOUT_MS / 1000)
    await expect(page.locator("body")).to_contain_text("The application did not respond")
    gate.release()
    await expect(page.locator(".refusal-toast").first).to_contain_text("/callback")
    await page.screenshot(path=artifacts / "11-did-not-respond.png")
