"""How long a newcomer waits: `imagine-bot playground` started as the README's first command starts it (a real
process, no token, no key), then `/imagine` typed into its page in a real Chromium, until the picture shows.

    python -m benchmarks.playground [--runs 3]

Prints, per run and as medians: command → address printed (the page is ready: the bot has connected to the stand-in
and registered its commands), page opened → `/imagine` sent (typing by script, near nothing), sent → picture shown
(decoded in the page), and command → first picture in all. A measurement, not a test.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import re
import statistics
import sys
import tempfile
import time
from pathlib import Path

from tools.browser import launch_args, system_chromium

REPO_ROOT = Path(__file__).resolve().parents[1]


async def one_run(browser: object, folder: Path) -> dict[str, float]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("OPENROUTE_", "DISCORD_", "PLAYGROUND_"))}
    env.update(PLAYGROUND_PORT="0", PLAYGROUND_DIR=str(folder), PLAYGROUND_OPEN_BROWSER="false", PYTHONUNBUFFERED="1")
    started = time.perf_counter()
    proc = await asyncio.create_subprocess_exec(sys.executable, "-m", "bot", "playground", env=env, cwd=folder,
                                                stdin=asyncio.subprocess.DEVNULL, stdout=asyncio.subprocess.DEVNULL,
                                                stderr=asyncio.subprocess.PIPE)
    assert proc.stderr is not None
    try:
        while True:
            line = (await proc.stderr.readline()).decode()
            if not line:
                raise RuntimeError("the playground exited before printing its address")
            found = re.search(r"open (http://\S+)", line)
            if found:
                break
        ready = time.perf_counter()
        page = await browser.new_page()  # type: ignore[attr-defined]
        await page.goto(found.group(1))
        box = page.locator("#composer-input")
        await box.click()
        await box.press_sequentially("/imagine")
        await page.locator('.popup-item[data-value="imagine"]').click()
        await page.locator('.option-input[data-option="prompt"]').fill("a red fox in the snow")
        await page.locator("#composer-send").click()
        sent = time.perf_counter()
        img = page.locator("discord-image-attachment img").first
        await img.wait_for(timeout=60_000)
        await page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=await img.element_handle(),
                                     timeout=60_000)
        shown = time.perf_counter()
        await page.close()
    finally:
        if proc.returncode is None:
            proc.send_signal(2)
            await proc.wait()
    return {"command → page ready": ready - started, "page → sent": sent - ready, "sent → picture": shown - sent,
            "command → first picture": shown - started}


async def main(runs: int) -> int:
    from playwright.async_api import async_playwright

    async with async_playwright() as driver:
        browser = await driver.chromium.launch(executable_path=system_chromium(), args=launch_args())
        results = []
        for index in range(runs):
            with tempfile.TemporaryDirectory() as folder:
                figures = await one_run(browser, Path(folder))
            results.append(figures)
            print(f"run {index + 1}: " + ", ".join(f"{k} {v:.2f} s" for k, v in figures.items()), file=sys.stderr)
        await browser.close()
    print(f"median of {runs} runs:")
    for key in results[0]:
        values = [r[key] for r in results]
        print(f"  {key:<26} {statistics.median(values):6.2f} s   (min {min(values):.2f}, max {max(values):.2f})")
    return 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    sys.exit(asyncio.run(main(parser.parse_args().runs)))
