"""Browser tests: a real Chromium, driven by Playwright, against the playground as `imagine-bot playground` runs it.

Fixtures:
- `browser`: a Playwright Browser on the system's Chromium (tools/browser.py), else Playwright's own; the tests
  FAIL, never skip, when none can start.
- `artifacts`: the folder for screenshots (test-artifacts/playground, or $TEST_ARTIFACTS_DIR/playground).
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
from playwright.async_api import Browser, async_playwright
from playwright.async_api import Error as PlaywrightError

from tools.browser import launch_args, system_chromium

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def artifacts() -> Path:
    folder = Path(os.environ.get("TEST_ARTIFACTS_DIR") or ROOT / "test-artifacts") / "playground"
    folder.mkdir(parents=True, exist_ok=True)
    return folder


@pytest.fixture
async def browser() -> AsyncIterator[Browser]:
    executable = system_chromium()
    async with async_playwright() as driver:
        try:
            started = await driver.chromium.launch(executable_path=executable, args=launch_args())
        except PlaywrightError as exc:
            where = executable or "Playwright's own Chromium"
            first = exc.message.splitlines()[0] if exc.message else type(exc).__name__
            pytest.fail(f"no browser could be started for the browser tests ({where}): {first}\nInstall Chromium "
                        "(Debian: `apt install chromium`) or run `.venv/bin/python -m tools.browser`", pytrace=False)
        try:
            yield started
        finally:
            await started.close()
