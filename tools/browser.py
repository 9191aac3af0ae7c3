"""The browser the playground's browser tests drive: a Chromium installed on the system, else the one Playwright
downloads.

    python -m tools.browser      # makes sure one is there (the README's test command runs it before pytest)

A system Chromium (Debian's `chromium`, Ubuntu's `chromium-browser`, Google Chrome, or the path in
IMAGINE_TEST_CHROMIUM) is used as it is; without one, `playwright install chromium` fetches Playwright's own
build once (it needs the network)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

SYSTEM_CHROMIUMS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")
# as the tests start it: headless, no first-run or background traffic (a closed network refuses it loudly)
LAUNCH_ARGS = ["--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync",
               "--no-first-run"]


def system_chromium() -> str | None:
    """The path of a Chromium installed on this machine, or None."""
    named = os.environ.get("IMAGINE_TEST_CHROMIUM")
    if named:
        return named
    for name in SYSTEM_CHROMIUMS:
        found = shutil.which(name)
        if found:
            return found
    return None


def launch_args() -> list[str]:
    """Chromium's sandbox cannot start as root (CI containers): there it runs without."""
    root = hasattr(os, "geteuid") and os.geteuid() == 0
    return [*LAUNCH_ARGS, *(["--no-sandbox"] if root else [])]


def ensure() -> int:
    found = system_chromium()
    if found:
        print(f"browser tests: using {found}")
        return 0
    print("browser tests: no system Chromium found; installing Playwright's (playwright install chromium)")
    done = subprocess.run([sys.executable, "-m", "playwright", "install", "chromium"], check=False)
    if done.returncode != 0:
        print("browser tests: could not install a browser; install Chromium (e.g. `apt install chromium`) and "
              "run the tests again", file=sys.stderr)
    return done.returncode


if __name__ == "__main__":
    sys.exit(ensure())
