"""LOG_LEVEL=DEBUG end to end: the log shows discord.py at work and never the API key, the bot token or an
interaction token, with logging set up as `imagine-bot run` sets it up."""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Iterator

import pytest

from bot.logs import MASK, QUIET_LOGGERS, setup_logging
from tests.e2e.harness import API_KEY, BOT_TOKEN, png_files, wait_final

pytestmark = pytest.mark.e2e


@pytest.fixture
def debug_log() -> Iterator[io.StringIO]:
    """The CLI's logging at DEBUG, into a buffer; the root logger is restored afterwards."""
    root = logging.getLogger()
    levels = {name: logging.getLogger(name).level for name in ("", *QUIET_LOGGERS)}
    stream = io.StringIO()
    setup_logging("DEBUG", secrets=[BOT_TOKEN, API_KEY], stream=stream)
    try:
        yield stream
    finally:
        for handler in [h for h in root.handlers if getattr(h, "_imagine_bot", False)]:
            root.removeHandler(handler)
        for name, level in levels.items():
            logging.getLogger(name).setLevel(level)


async def test_a_debug_log_of_an_imagine_job_shows_discord_py_at_work_and_no_secret(debug_log, runner, discord_fake):
    await runner.start(LOG_LEVEL="DEBUG")
    it = await discord_fake.run_command("imagine", {"prompt": "a lighthouse at dusk"})
    assert png_files(await wait_final(discord_fake, it))
    await runner.stop()

    log = debug_log.getvalue()
    tokens = [interaction.token for interaction in discord_fake.interactions.values()]
    assert it.token in tokens
    assert log
    assert re.search(r"^.* DEBUG\s+discord\.gateway: ", log, re.MULTILINE)
    for secret in (API_KEY, BOT_TOKEN, *tokens):
        assert secret not in log
    # still useful: the event that brought the token, and the callback route with its id, status code
    assert "t=INTERACTION_CREATE" in log
    assert re.search(rf"/interactions/{it.id}/{re.escape(MASK)}/callback\S* has returned status code 20\d", log)
