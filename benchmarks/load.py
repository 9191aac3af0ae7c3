"""The bot under load, through the fakes on loopback: acks, lag behind the API, edits, memory, fairness, batches.

    python benchmarks/load.py [--concurrent N] [--think S] [--batch N] [--batch-think S] [--stages 2,3,4,5]

The bot runs as its own process (`python -m bot run`, its default settings unless a stage says otherwise)
against the fake Discord and the OpenRoute emulator, both in this process. Stages, each with a fresh fake,
emulator and bot process:

1. the floor: 50 concurrent `/imagine` against a discord.py bot that only defers (`benchmarks/defer_bot.py`);
2. 50 concurrent `/imagine` from 50 members (the model thinks 5 s): ack latency against the floor, the lag of
   each final image behind the moment the emulator finished sending it, edits per job, 429s, peak RSS
   against the idle RSS;
3. fairness: 5 members queue 10 jobs each (member after member; 4 jobs at once, 10 per member allowed, the
   model thinks 3 s): the order the first results arrive in;
4. the batch: one job alone, then 30 members with one job each, the model thinking 10 s;
5. the 50 concurrent jobs again with two bot processes (SHARD_COUNT=2, SHARD_IDS 0 and 1, one PostgreSQL).

Prints one table with PASS/FAIL against the targets; exits 0 once it measured. Never run as a test.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run as a script: make the repository importable
    sys.path.insert(0, str(ROOT))

from benchmarks.load_stages import (  # noqa: E402
    BotProcess,
    Stage,
    final_time,
    postgres_missing,
    sharding_missing,
)
from tests.e2e.harness import png_files, wait_final  # noqa: E402

KEEPALIVE = 0.25
MIB = 1024 * 1024


@dataclass
class Row:
    measurement: str
    result: str
    target: str = ""
    ok: bool | None = None


@dataclass
class Report:
    rows: list[Row] = field(default_factory=list)

    def add(self, measurement: str, result: str, target: str = "", ok: bool | None = None) -> None:
        self.rows.append(Row(measurement, result, target, ok))
        verdict = "" if ok is None else ("PASS" if ok else "FAIL")
        print(f"  {measurement}: {result} {f'(target {target}: {verdict})' if target else ''}", flush=True)

    def print(self) -> None:
        width = max(len(row.measurement) for row in self.rows)
        result_width = max(len(row.result) for row in self.rows)
        print()
        print(f"{'measurement':<{width}}  {'result':<{result_width}}  {'target':<24}  verdict")
        print(f"{'-' * width}  {'-' * result_width}  {'-' * 24}  -------")
        for row in self.rows:
            verdict = "" if row.ok is None else ("PASS" if row.ok else "FAIL")
            print(f"{row.measurement:<{width}}  {row.result:<{result_width}}  {row.target:<24}  {verdict}")


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


async def burst(stage: Stage, members: Sequence[str], *, prompt: str, model: str = "emu/slow",
                per_member: int = 1, guilds: Callable[[int], dict[str, Any]] | None = None) -> list[Any]:
    """Every member's jobs dispatched at once (member after member); the interactions in dispatch order."""
    for name in members:
        stage.ensure_user(name)
    calls = []
    for number in range(per_member * len(members)):
        member = members[number // per_member]
        where = guilds(number) if guilds else {}
        calls.append(stage.fake.run_command("imagine", {"prompt": f"{prompt} {number}", "model": model},
                                            user=member, **where))
    return list(await asyncio.gather(*calls))


async def finals(stage: Stage, interactions: Sequence[Any], report: Report, label: str,
                 timeout: float = 900) -> list[Any]:
    """Each job's final message (None for a job that ended without an image: reported as a failure)."""
    messages = await asyncio.gather(*(wait_final(stage.fake, it, timeout=timeout) for it in interactions))
    failed = [message for message in messages if not png_files(message)]
    if failed:
        report.add(f"jobs without an image, {label}", f"{len(failed)} of {len(messages)}: "
                   f"{failed[0].content[:90]!r}", "0", False)
    return [message if png_files(message) else None for message in messages]


async def acks(stage: Stage, interactions: Sequence[Any]) -> list[float]:
    await asyncio.gather(*(it.wait_ack(timeout=60) for it in interactions))
    return [it.ack_latency * 1000 for it in interactions]


async def floor_stage(args: argparse.Namespace, tmp: Path, report: Report) -> list[float]:
    print("stage 1: the defer-only bot", flush=True)
    async with Stage.start(tmp / "floor", think=1, bot=BotProcess.defer_only) as stage:
        latencies = await acks(stage, await burst(stage, members(args.concurrent), prompt="floor"))
    report.add(f"ack, defer-only bot, {args.concurrent} at once", _ms(latencies))
    return latencies


async def concurrent_stage(args: argparse.Namespace, tmp: Path, report: Report, floor: list[float],
                           *, shards: int = 1) -> None:
    label = f"{args.concurrent} at once" + (f", {shards} processes" if shards > 1 else "")
    print(f"stage: {label}", flush=True)
    names = members(args.concurrent)
    async with Stage.start(tmp / f"concurrent{shards}", think=args.think, shards=shards, members=names) as stage:
        await asyncio.sleep(2)  # let start-up garbage settle before the idle figure
        idle = stage.rss()
        stage.reset_peaks()
        sampler = asyncio.create_task(stage.sample_peak())
        spread = stage.guild_spread(shards)
        interactions = await burst(stage, names, prompt="load", guilds=spread)
        latencies = await acks(stage, interactions)
        messages = await finals(stage, interactions, report, label)
        sampler.cancel()
        peak = max(stage.peak(), stage.sampled_peak)
        lags = [final_time(message) - stage.emulator.finished[f"load {n}"] for n, message in enumerate(messages)
                if message is not None]
        edits = [message.edit_count for message in messages if message is not None]
        image_bytes = statistics.mean(len(image.data) for image in stage.emulator.sent_images or [b""])
        in_flight = min(args.concurrent, 32) * image_bytes  # MAX_CONCURRENT_JOBS counts across processes
        rate_limited = len(stage.fake.rate_limited)
    p99, floor_p99 = percentile(latencies, 0.99), percentile(floor, 0.99)
    report.add(f"ack, imagine-bot, {label}", _ms(latencies), "p99 <= 1.5x defer-only",
               p99 <= 1.5 * max(floor_p99, 1.0))
    report.add(f"ack p99 ratio, {label}", f"{p99 / floor_p99:.2f}x ({p99:.0f} / {floor_p99:.0f} ms)")
    if lags:
        report.add(f"final image lag behind the API, {label}",
                   f"median {statistics.median(lags):.2f} s, max {max(lags):.2f} s", "max <= 2 s", max(lags) <= 2.0)
        report.add(f"edits per job, {label}",
                   f"median {statistics.median(edits):g}, min {min(edits)}, max {max(edits)}")
    report.add(f"429 answers, {label}", str(rate_limited), "0", rate_limited == 0)
    budget = idle + 4 * in_flight
    report.add(f"peak RSS, {label}",
               f"{peak / MIB:.0f} MiB (idle {idle / MIB:.0f} MiB, +{(peak - idle) / MIB:.0f} MiB; in-flight images "
               f"{in_flight / MIB:.0f} MiB)", "<= idle + 4x in-flight", peak <= budget)


async def fairness_stage(args: argparse.Namespace, tmp: Path, report: Report) -> None:
    print("stage 3: fairness", flush=True)
    env = {"MAX_CONCURRENT_JOBS": "4", "MAX_JOBS_PER_USER": "10"}
    # the model thinks 3 s: every job is queued before the first slot frees, so the turns decide the order
    async with Stage.start(tmp / "fairness", think=3, env=env) as stage:
        names = [f"fair{letter}" for letter in "ABCDE"]
        interactions = await burst(stage, names, prompt="fair", per_member=10)
        messages = await finals(stage, interactions, report, "fairness")
    owners = [names[n // 10][-1] for n in range(len(interactions))]
    arrival = [owner for _, owner in sorted((final_time(m), owner) for m, owner in zip(messages, owners, strict=True)
                                            if m is not None)]
    first = arrival[:10]
    report.add("fairness: first 10 results (5 members x 10 jobs, A's queued first)", "".join(first),
               "all 5 members in the first 10", len(set(first)) == 5)


async def batch_stage(args: argparse.Namespace, tmp: Path, report: Report) -> None:
    print(f"stage 4: batch of {args.batch} jobs, the model thinking {args.batch_think:g} s", flush=True)
    async with Stage.start(tmp / "batch", think=args.batch_think) as stage:
        started = time.monotonic()
        await finals(stage, await burst(stage, ["single"], prompt="single"), report, "one job")
        one = time.monotonic() - started
        started = time.monotonic()
        await finals(stage, await burst(stage, members(args.batch, "batch"), prompt="batch"), report, "batch")
        batch = time.monotonic() - started
    report.add("one job alone", f"{one:.1f} s")
    report.add(f"{args.batch} members x 1 job, until the last image", f"{batch:.1f} s = {batch / one:.2f}x one job",
               "<= 1.3x one job", batch <= 1.3 * one)


async def main_async(args: argparse.Namespace) -> None:
    report = Report()
    with tempfile.TemporaryDirectory(prefix="imagine-load-") as name:
        tmp = Path(name)
        floor = await floor_stage(args, tmp, report)  # every ack figure is judged against it
        if 2 in args.stages:
            await concurrent_stage(args, tmp, report, floor)
        if 3 in args.stages:
            await fairness_stage(args, tmp, report)
        if 4 in args.stages:
            await batch_stage(args, tmp, report)
        missing = sharding_missing() or postgres_missing()
        if 5 not in args.stages:
            pass
        elif missing:
            report.add("two processes (SHARD_COUNT=2, PostgreSQL)", f"not measured: {missing}")
        else:
            await concurrent_stage(args, tmp, report, floor, shards=2)
    report.print()


def members(count: int, prefix: str = "member") -> list[str]:
    return [f"{prefix}{n}" for n in range(count)]


def _ms(values: Sequence[float]) -> str:
    return f"p50 {statistics.median(values):.0f} ms, p99 {percentile(values, 0.99):.0f} ms"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--concurrent", type=int, default=50, help="concurrent jobs (default 50)")
    parser.add_argument("--think", type=float, default=5.0, help="seconds the model thinks in stage 2 (5)")
    parser.add_argument("--batch", type=int, default=30, help="members of the batch (default 30)")
    parser.add_argument("--batch-think", type=float, default=10.0, help="seconds the model thinks in the batch")
    parser.add_argument("--stages", type=lambda raw: {int(part) for part in raw.split(",")}, default={2, 3, 4, 5},
                        help="which of stages 2-5 to run, e.g. 2,5 (stage 1, the floor, always runs)")
    args = parser.parse_args()
    try:
        asyncio.run(main_async(args))
    except (RuntimeError, TimeoutError, subprocess.SubprocessError) as exc:
        print(f"load benchmark could not run: {exc}", file=sys.stderr)
        sys.exit(1)


if __name__ == "__main__":
    main()
