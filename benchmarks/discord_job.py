"""How a /imagine job looks on the wire: ack latency, progress edits per job, edit spacing, 429s.

Runs the bot as `imagine-bot run` builds it against the fake Discord and the OpenRoute emulator, with a
stream that keeps the model "thinking" for several seconds (as real image models do), then prints figures.

    python -m benchmarks.discord_job [--jobs 5] [--concurrent 20] [--think 8]
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import tempfile
import time
from pathlib import Path

from playground.discord import FakeDiscord
from playground.openroute import OpenRouteEmulator
from tests.e2e.harness import API_KEY, BOT_TOKEN, BotRunner, png_files, wait_final

KEEPALIVE = 0.25


async def run_jobs(fake: FakeDiscord, count: int, *, users: int) -> list[tuple[object, object, float]]:
    names = [f"bench{n}" for n in range(users)]
    for name in names:
        if name not in fake.users:
            fake.add_user(name)
    started = time.monotonic()
    interactions = await asyncio.gather(*(
        fake.run_command("imagine", {"prompt": f"benchmark job {n}", "model": "emu/slow"}, user=names[n % users])
        for n in range(count)))
    finals = [await wait_final(fake, it, timeout=600) for it in interactions]
    assert all(png_files(message) for message in finals), "a job did not deliver its PNG"
    elapsed = time.monotonic() - started
    return [(it, message, elapsed) for it, message in zip(interactions, finals, strict=True)]


def describe(label: str, results: list[tuple[object, object, float]], fake: FakeDiscord) -> None:
    acks = [it.ack_latency * 1000 for it, _, _ in results]  # type: ignore[attr-defined]
    edits = [message.edit_count for _, message, _ in results]  # type: ignore[attr-defined]
    gaps = [b - a for _, message, _ in results
            for a, b in zip(message.edit_times, message.edit_times[1:], strict=False)]  # type: ignore[attr-defined]
    print(f"{label}")
    print(f"  jobs: {len(results)}, wall time {max(r[2] for r in results):.1f} s per batch")
    print(f"  ack latency: median {statistics.median(acks):.1f} ms, max {max(acks):.1f} ms (Discord allows 3000)")
    print(f"  edits per job: median {statistics.median(edits):g}, min {min(edits)}, max {max(edits)}")
    if gaps:
        print(f"  gap between edits of one message: min {min(gaps):.2f} s, median {statistics.median(gaps):.2f} s")
    print(f"  429 answers from Discord: {len(fake.rate_limited)}")


async def main_async(args: argparse.Namespace) -> None:
    slow = max(1, round(args.think / KEEPALIVE))
    with tempfile.TemporaryDirectory() as tmp:
        emulator = OpenRouteEmulator(api_key=API_KEY, keepalive_interval=KEEPALIVE, slow_keepalives=slow)
        await emulator.start()
        fake = FakeDiscord(token=BOT_TOKEN)
        await fake.start()
        runner = BotRunner(fake, emulator, Path(tmp))
        try:
            await runner.start(MAX_CONCURRENT_JOBS="4", MAX_JOBS_PER_USER="2")
            describe(f"{args.jobs} jobs one after another (model thinks ~{args.think:g} s, EDIT_INTERVAL 1.0 s)",
                     [r for _ in range(args.jobs) for r in await run_jobs(fake, 1, users=1)], fake)
            before = len(fake.rate_limited)
            results = await run_jobs(fake, args.concurrent, users=max(1, args.concurrent // 2))
            describe(f"{args.concurrent} concurrent jobs in one channel (4 generating at once)", results, fake)
            assert len(fake.rate_limited) >= before
        finally:
            await runner.stop()
            await fake.close()
            await emulator.close()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jobs", type=int, default=5, help="sequential jobs (default 5)")
    parser.add_argument("--concurrent", type=int, default=20, help="concurrent jobs (default 20)")
    parser.add_argument("--think", type=float, default=8.0, help="seconds the model 'thinks' (default 8)")
    asyncio.run(main_async(parser.parse_args()))


if __name__ == "__main__":
    main()
