"""Hardening end to end: nothing stored for a refused request, input images downloaded capped and once,
buttons bound to their own message, results already paid for delivered through a shutdown, a stale health
file removed before the bot connects, and old jobs pruned at start-up."""

from __future__ import annotations

import asyncio
import base64
import contextlib
import hashlib
import io
import logging
import os
import sqlite3
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import pytest
from PIL import Image

from playground.discord import FakeAttachment, FakeDiscord, FakeInteraction, RecordedRequest
from playground.openroute import OpenRouteEmulator
from tests.e2e.harness import BotRunner, decoded, png_files, shown_reply, wait_final

pytestmark = pytest.mark.e2e

CHAT = "/chat/completions"
DAY = 24 * 60 * 60


# --- helpers ---------------------------------------------------------------------------------------------

def pattern_png(width: int = 96, height: int = 64, shade: int = 0) -> bytes:
    """A small PNG with a pattern (`shade` makes another one), so that 'same pixels' means something."""
    image = Image.new("RGB", (width, height))
    image.putdata([((x * 7 + shade) % 256, (y * 11) % 256, (x * y + shade) % 256)
                   for y in range(height) for x in range(width)])
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def chat_bodies(emulator: OpenRouteEmulator) -> list[dict[str, Any]]:
    """JSON bodies of the generation requests the image service received, oldest first."""
    return [r.json for r in emulator.requests if r.path.endswith(CHAT)]


def input_images(body: dict[str, Any]) -> list[bytes]:
    """Decoded bytes of every `image_url` part of a generation request's user message."""
    content = body["messages"][-1]["content"]
    if isinstance(content, str):
        return []
    urls = [part["image_url"]["url"] for part in content if part.get("type") == "image_url"]
    return [base64.b64decode(url.partition(",")[2], validate=True) for url in urls]


def cdn_requests(fake: FakeDiscord, attachment: FakeAttachment) -> list[RecordedRequest]:
    """Every request for the attachment's file on the fake CDN."""
    path = urlsplit(attachment.url).path
    return [r for r in fake.requests if r.path == path]


def button(message: Any, kind: str) -> str:
    """The custom_id of the `imagine:<kind>:<job>` button on a message."""
    found = [cid for cid in message.custom_ids() if cid.startswith(f"imagine:{kind}:")]
    assert len(found) == 1, (kind, message.custom_ids())
    return found[0]


def is_final_upload(request: RecordedRequest) -> bool:
    """The edit of an @original that carries the result's files."""
    return (request.method == "PATCH" and request.path.endswith("/messages/@original")
            and request.content_type == "multipart/form-data")


async def answer_of(fake: FakeDiscord, it: FakeInteraction) -> Any:
    """The answer once there is one (not the "thinking…" placeholder; a refusal replaces it privately)."""
    return await fake.wait_for(lambda: shown_reply(it))


async def private_answer(fake: FakeDiscord, press: FakeInteraction) -> Any:
    """What a button press was told, privately: acknowledged at once (before the job is looked up), then a
    followup only the member sees; Regenerate's public "thinking…" placeholder is gone."""
    callback = await press.wait_ack()
    assert callback.type in (5, 6)
    reply = await fake.wait_for(lambda: next(iter(press.followups), None))
    assert reply.ephemeral
    if callback.type == 5:
        assert press.original is None
    return reply


async def running(fake: FakeDiscord, it: FakeInteraction) -> Any:
    """The @original once it shows the Cancel button (the job is queued or running)."""
    return await fake.wait_for(
        lambda: it.original if it.original and any(c.startswith("imagine:cancel:") for c in it.original.custom_ids())
        else None)


def database(runner: BotRunner) -> Path:
    return Path(runner.env["DATABASE_URL"].removeprefix("sqlite:///"))


def query(runner: BotRunner, sql: str, *params: Any) -> list[tuple[Any, ...]]:
    """Rows from the bot's database, opened read-only (the bot is stopped)."""
    uri = f"{database(runner).as_uri()}?mode=ro"
    with contextlib.closing(sqlite3.connect(uri, uri=True)) as db:
        return db.execute(sql, params).fetchall()


def errors_logged(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.levelno >= logging.ERROR]


class LogWaiter(logging.Handler):
    """Lets a test wait for a log line the bot writes when background work is done."""

    def __init__(self, text: str) -> None:
        super().__init__(logging.INFO)
        self.text = text
        self.seen = asyncio.Event()

    def emit(self, record: logging.LogRecord) -> None:
        if self.text in record.getMessage():
            self.seen.set()

    async def wait(self, timeout: float = 30) -> None:
        async with asyncio.timeout(timeout):
            await self.seen.wait()


# --- nothing stored before a request is accepted ---------------------------------------------------------

async def test_a_member_at_the_job_limit_is_refused_before_the_image_is_downloaded_or_stored(
        runner, discord_fake, emulator):
    await runner.start(MAX_JOBS_PER_USER="1")
    first = await discord_fake.run_command("imagine", {"prompt": "a busy fox", "model": "emu/hold"})
    await emulator.wait_held(1)

    upload = discord_fake.upload_attachment("in.png", pattern_png(), "image/png")
    refused = await discord_fake.run_command("imagine", {"prompt": "paint it", "model": "emu/png", "image": upload})
    answer = await answer_of(discord_fake, refused)
    assert "already have" in answer.content
    assert png_files(answer) == []
    assert cdn_requests(discord_fake, upload) == []  # the image was never fetched

    emulator.release()
    assert png_files(await wait_final(discord_fake, first))
    await runner.stop()
    assert cdn_requests(discord_fake, upload) == []
    assert query(runner, "SELECT prompt FROM jobs") == [("a busy fox",)]
    assert query(runner, "SELECT COUNT(*) FROM input_images") == [(0,)]
    assert len(chat_bodies(emulator)) == 1


# --- input images: capped download, failures, stored once ------------------------------------------------

async def test_an_image_larger_than_it_claims_is_cut_off_at_the_limit_and_refused(runner, discord_fake, emulator):
    await runner.start(INPUT_IMAGE_MAX_MB="0.5")
    small = pattern_png()
    liar = discord_fake.upload_attachment("in.png", small + bytes(96 * 1024 * 1024), "image/png")
    liar.claimed_size = len(small)  # Discord's attachment object says it is tiny

    it = await discord_fake.run_command("imagine", {"prompt": "paint it", "model": "emu/png", "image": liar})
    answer = await answer_of(discord_fake, it)
    assert "too large" in answer.content
    assert "Something went wrong" not in answer.content
    assert chat_bodies(emulator) == []

    (sent,) = await discord_fake.wait_for(lambda: liar.cdn_sent)
    assert sent < len(liar.data)  # the bot hung up instead of reading all 96 MB
    assert discord_fake.server_errors == []
    await runner.stop()
    assert query(runner, "SELECT COUNT(*) FROM jobs") == [(0,)]
    assert query(runner, "SELECT COUNT(*) FROM input_images") == [(0,)]


async def test_the_too_large_answer_states_the_configured_limit(runner, discord_fake, emulator):
    await runner.start(INPUT_IMAGE_MAX_MB="0.5")
    upload = discord_fake.upload_attachment("in.png", pattern_png(), "image/png")
    upload.claimed_size = 2_000_000

    it = await discord_fake.run_command("imagine", {"prompt": "paint it", "model": "emu/png", "image": upload})
    answer = await answer_of(discord_fake, it)
    assert "too large" in answer.content
    assert "0.5 MB" in answer.content, answer.content  # the member learns the real limit, not "0 MB"
    assert cdn_requests(discord_fake, upload) == []
    assert chat_bodies(emulator) == []


def _gone(fake: FakeDiscord, attachment: FakeAttachment) -> None:
    attachment.cdn_status = 404


def _cut(fake: FakeDiscord, attachment: FakeAttachment) -> None:
    attachment.cdn_cut_at = len(attachment.data) // 2


def _stalled(fake: FakeDiscord, attachment: FakeAttachment) -> None:
    path = urlsplit(attachment.url).path
    fake.hold_requests(lambda request: request.path == path)  # released when the fake closes


@pytest.mark.parametrize("break_download", [_gone, _cut, _stalled], ids=["404", "connection-cut", "stalled"])
async def test_an_image_that_cannot_be_downloaded_is_explained_and_the_bot_keeps_serving(
        runner, discord_fake, emulator, caplog, break_download):
    await runner.start(INPUT_DOWNLOAD_TIMEOUT="0.5")
    broken = discord_fake.upload_attachment("in.png", pattern_png(), "image/png")
    break_download(discord_fake, broken)

    it = await discord_fake.run_command("imagine", {"prompt": "paint it", "model": "emu/png", "image": broken})
    answer = await answer_of(discord_fake, it)
    assert "Could not download the image" in answer.content
    assert "Something went wrong" not in answer.content
    assert png_files(answer) == []
    assert chat_bodies(emulator) == []
    assert errors_logged(caplog) == []

    upload = pattern_png(shade=40)
    good = discord_fake.upload_attachment("good.png", upload, "image/png")
    again = await discord_fake.run_command("imagine", {"prompt": "paint it", "model": "emu/png", "image": good})
    final = await wait_final(discord_fake, again)
    assert len(png_files(final)) == 1
    (body,) = chat_bodies(emulator)
    assert [decoded(data) for data in input_images(body)] == [decoded(upload)]


async def test_regenerate_reuses_the_stored_input_image_without_downloading_it_again(runner, discord_fake,
                                                                                      emulator):
    await runner.start()
    upload = pattern_png()
    attachment = discord_fake.upload_attachment("in.png", upload, "image/png")
    it = await discord_fake.run_command("imagine", {"prompt": "paint it like Monet", "model": "emu/png",
                                                    "image": attachment})
    first = await wait_final(discord_fake, it)

    press = await discord_fake.click(first.id, button(first, "regen"), user="alice")
    second = await wait_final(discord_fake, press)
    assert second.id != first.id
    assert len(png_files(second)) == 1

    first_body, rerun_body = chat_bodies(emulator)
    assert [decoded(data) for data in input_images(first_body)] == [decoded(upload)]
    assert input_images(rerun_body) == input_images(first_body)
    assert len(cdn_requests(discord_fake, attachment)) == 1  # downloaded once, for the first job

    await runner.stop()
    assert query(runner, "SELECT COUNT(*) FROM input_images") == [(1,)]
    shas = query(runner, "SELECT input_sha256 FROM jobs ORDER BY id")
    assert len(shas) == 2
    assert shas[0] == shas[1] != (None,)


# --- buttons act only on their own job's message ---------------------------------------------------------

async def test_a_job_button_pressed_on_another_message_is_refused_and_changes_nothing(runner, discord_fake,
                                                                                     emulator):
    await runner.start()
    first = await wait_final(discord_fake, await discord_fake.run_command(
        "imagine", {"prompt": "a koi pond", "model": "emu/png"}))
    second = await wait_final(discord_fake, await discord_fake.run_command(
        "imagine", {"prompt": "a heron", "model": "emu/png"}))
    slow = await discord_fake.run_command("imagine", {"prompt": "a slow fox", "model": "emu/hold"})
    await emulator.wait_held(1)
    slow_message = await running(discord_fake, slow)

    foreign = [button(first, "regen"), button(first, "delete"), button(slow_message, "cancel")]
    for custom_id in foreign:
        press = await discord_fake.click(second.id, custom_id, user="alice", client_checks=False)
        reply = await private_answer(discord_fake, press)
        assert reply.content == "That button does not belong to this message.", custom_id

    assert len(chat_bodies(emulator)) == 3  # no job was started again
    assert not discord_fake.messages[first.id].deleted
    assert not discord_fake.messages[second.id].deleted
    assert len(png_files(discord_fake.messages[second.id])) == 1
    assert emulator.disconnects == 0  # the slow job was not cancelled
    emulator.release()
    assert png_files(await wait_final(discord_fake, slow))


@pytest.mark.parametrize("kind", ["regen", "delete", "cancel"])
async def test_a_button_with_an_impossible_job_id_is_answered_as_unknown_without_an_error(
        runner, discord_fake, emulator, caplog, kind):
    await runner.start()
    result = await wait_final(discord_fake, await discord_fake.run_command(
        "imagine", {"prompt": "a koi pond", "model": "emu/png"}))

    press = await discord_fake.click(result.id, f"imagine:{kind}:99999999999999999999999", user="alice",
                                     client_checks=False)
    reply = await private_answer(discord_fake, press)
    assert "no longer known" in reply.content
    assert errors_logged(caplog) == []
    assert not discord_fake.messages[result.id].deleted
    assert len(chat_bodies(emulator)) == 1


# --- shutdown keeps results already paid for -------------------------------------------------------------

async def test_shutdown_delivers_a_result_being_uploaded_and_interrupts_a_job_still_generating(
        runner, discord_fake, emulator):
    await runner.start(SHUTDOWN_GRACE="60")
    uploads = discord_fake.hold_requests(is_final_upload)
    paid = await discord_fake.run_command("imagine", {"prompt": "a paid fox", "model": "emu/png"})
    await discord_fake.wait_for(lambda: uploads.held)  # generated; Discord is still taking the upload
    generating = await discord_fake.run_command("imagine", {"prompt": "a slow fox", "model": "emu/hold"},
                                                user="bob")
    await emulator.wait_held(1)
    await running(discord_fake, generating)

    stopping = asyncio.create_task(runner.stop())
    await emulator.wait_disconnects(1)  # close() began: the generation still running was cut off
    assert not stopping.done()
    uploads.release()
    await stopping

    delivered = paid.original
    files = png_files(delivered)
    assert len(files) == 1
    assert decoded(files[0][1]) == decoded(emulator.sent_images[0].data)
    assert "a paid fox" in delivered.content
    (paid_status, slow_status) = [status for (status,) in query(runner, "SELECT status FROM jobs ORDER BY id")]
    assert paid_status == "succeeded"
    assert slow_status in ("queued", "running")  # left unfinished, for the next start to report

    await runner.start()
    told = await discord_fake.wait_for(
        lambda: generating.original if generating.original and "was interrupted" in generating.original.content
        else None)
    assert "a slow fox" in told.content
    assert button(told, "regen")  # Retry
    # jobs are reported oldest first: had the paid one been reported, it would show by now
    assert "interrupted" not in paid.original.content
    assert png_files(paid.original) == files


async def test_a_result_not_uploaded_within_the_grace_is_reported_as_interrupted_at_the_next_start(
        runner, discord_fake, emulator):
    await runner.start(SHUTDOWN_GRACE="0.5")
    uploads = discord_fake.hold_requests(is_final_upload)
    it = await discord_fake.run_command("imagine", {"prompt": "a late fox", "model": "emu/png"})
    (held,) = await discord_fake.wait_for(lambda: uploads.held)
    await runner.stop()  # Discord never finished taking the upload
    uploads.release()
    await discord_fake.wait_for(lambda: held in discord_fake.requests)

    await runner.start()
    told = await discord_fake.wait_for(
        lambda: it.original if it.original and "was interrupted" in it.original.content else None)
    assert "a late fox" in told.content
    assert png_files(told) == []
    retry = button(told, "regen")
    again = await discord_fake.click(told.id, retry, user="alice")
    assert png_files(await wait_final(discord_fake, again))


# --- start-up: stale health file, retention --------------------------------------------------------------

async def test_a_stale_health_file_is_removed_before_the_bot_connects(runner, discord_fake):
    health = Path(runner.env["HEALTH_FILE"])
    health.write_text("1000\n")
    os.utime(health, (1000, 1000))
    gateway = discord_fake.hold_requests(lambda request: request.route_key == "GET /gateway/bot")

    starting = asyncio.create_task(runner.start())
    try:
        await discord_fake.wait_for(lambda: gateway.held)  # about to connect to the gateway
        stale_while_connecting = health.exists()
    finally:
        gateway.release()
        await starting
    assert not stale_while_connecting  # a health check now must not call an unconnected bot healthy

    await discord_fake.autocomplete("imagine", focused="model", value="")  # the bot is connected and answering
    assert health.exists()
    assert health.read_text() != "1000\n"
    assert health.stat().st_mtime > 1000


async def test_retention_prunes_old_jobs_and_their_unused_input_images_at_start_up(runner, discord_fake,
                                                                                   emulator, caplog):
    await runner.start()
    old_image, kept_image = pattern_png(shade=10), pattern_png(shade=90)
    await wait_final(discord_fake, await discord_fake.run_command(
        "imagine", {"prompt": "an old lighthouse", "model": "emu/png"},
        attachments={"image": ("old.png", old_image, "image/png")}))
    harbour = await wait_final(discord_fake, await discord_fake.run_command(
        "imagine", {"prompt": "an old harbour", "model": "emu/png"},
        attachments={"image": ("kept.png", kept_image, "image/png")}))
    rerun = await discord_fake.click(harbour.id, button(harbour, "regen"), user="alice")
    recent = await wait_final(discord_fake, rerun)
    await runner.stop()

    jobs = query(runner, "SELECT id, parent_job_id, status, interaction_token, input_sha256 FROM jobs ORDER BY id")
    assert [(status, token) for _, _, status, token, _ in jobs] == [("succeeded", None)] * 3  # tokens forgotten
    (lighthouse_id, _, _, _, old_sha), (harbour_id, _, _, _, kept_sha), (recent_id, parent, _, _, _) = jobs
    assert parent == harbour_id
    assert old_sha == hashlib.sha256(old_image).hexdigest()

    # the lighthouse, the harbour and every stored image were made 40 days ago; the regenerated job is recent
    with contextlib.closing(sqlite3.connect(database(runner))) as db, db:
        db.execute("UPDATE jobs SET created_at = created_at - ? WHERE id IN (?, ?)",
                   (40 * DAY, lighthouse_id, harbour_id))
        db.execute("UPDATE input_images SET created_at = created_at - ?", (40 * DAY,))

    pruned = LogWaiter("retention: deleted")
    caplog.set_level(logging.INFO, logger="bot")
    logging.getLogger("bot").addHandler(pruned)
    try:
        await runner.start(RETENTION_DAYS="30")
        await pruned.wait()
    finally:
        logging.getLogger("bot").removeHandler(pruned)

    # the recent job still regenerates with its (old, still used) input image
    again = await discord_fake.click(recent.id, button(recent, "regen"), user="alice")
    assert png_files(await wait_final(discord_fake, again))
    assert [decoded(data) for data in input_images(chat_bodies(emulator)[-1])] == [decoded(kept_image)]
    await runner.stop()

    assert query(runner, "SELECT id, parent_job_id FROM jobs WHERE id <= ? ORDER BY id", recent_id) == [
        (recent_id, None)]
    assert query(runner, "SELECT sha256 FROM input_images") == [(kept_sha,)]
