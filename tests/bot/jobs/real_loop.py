"""`on_a_real_loop`: for tests of this package that must not run on its virtual clock (threads doing real
work — SQLite, image conversion, the emulator's encoding — would see the virtual clock jump past timeouts)."""

from __future__ import annotations

import asyncio
import functools
from collections.abc import Callable, Coroutine
from typing import Any


def on_a_real_loop(test: Callable[..., Coroutine[Any, Any, None]]) -> Callable[..., None]:
    """Run an async test on a fresh standard event loop instead of the package's virtual-time loop."""

    @functools.wraps(test)
    def run(*args: Any, **kwargs: Any) -> None:
        with asyncio.Runner() as runner:
            runner.run(test(*args, **kwargs))

    return run
