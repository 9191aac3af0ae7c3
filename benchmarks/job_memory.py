"""How much memory one image job really takes, against what `bot.jobs.memory.job_weight` budgets for it.

Each case runs in a fresh process: the OpenRoute emulator (its own process) streams the image, the bot's
client receives and decodes it, `ImageGenerator` checks it and the images are fitted to a 10 MiB
upload limit (plus the grid) as `ImagineService.package` does. Printed: the process's peak RSS above its
RSS before the job, and the weight the engine reserves.

    python -m benchmarks.job_memory
"""

from __future__ import annotations

import asyncio
import json
import subprocess
import sys

from benchmarks.processes import emulator_process

CASES = (  # model, image_size, count, max_event_mb
    ("emu/png", "1K", 1, 64),
    ("emu/png", "1K", 4, 64),
    ("emu/png", "2K", 1, 64),
    ("emu/png", "4K", 1, 100),  # a 4K noise PNG's line (~64 MiB + JSON) needs a cap above the default
    ("emu/jpeg-4k", "4K", 1, 64),  # the emulator answers a 4096x4096 JPEG whatever the size
)
UPLOAD_LIMIT = 10 * 1024 * 1024


def _rss(field: str) -> int:
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith(field):
                return int(line.split()[1]) * 1024
    raise RuntimeError(f"{field} not in /proc/self/status")


async def _one(base_url: str, model: str, image_size: str | None, count: int, max_event_mb: int) -> dict[str, int]:
    from bot.config import OpenRouteSettings, Secret
    from bot.images.worker import ImageWorker
    from bot.jobs.generation import ImageGenerator
    from bot.jobs.memory import job_weight
    from bot.jobs.request import generation_request
    from bot.openroute.client import OpenRouteClient, create_session
    from bot.records.spec import JobSpec

    settings = OpenRouteSettings(base_url=base_url, api_key=Secret("bench-key"), max_retries=0,
                                 max_event_bytes=max_event_mb * 1024 * 1024)
    spec = JobSpec(requester_id=1, guild_id=None, channel_id=None, is_dm=False, prompt="memory", model=model,
                   image_size=image_size, count=count)
    images = ImageWorker(max_workers=2)
    async with create_session(settings) as session:
        generator = ImageGenerator(OpenRouteClient(session, settings), images)
        warm = JobSpec(requester_id=1, guild_id=None, channel_id=None, is_dm=False, prompt="warm", model="emu/webp")
        await generator.generate(generation_request(warm), 1)  # imports, threads, connection: not the job's
        before = _rss("VmRSS:")
        output = await generator.generate(generation_request(spec), count)
        fit = await images.fit_for_upload([i.data for i in output.images], UPLOAD_LIMIT, max_files=9)
        if len(fit.images) > 1:
            await images.make_grid([i.data for i in fit.images])
        peak = _rss("VmHWM:")
    images.close()
    weight = job_weight(spec, max_event_bytes=settings.max_event_bytes)
    return {"peak": peak - before, "weight": weight, "image": len(output.images[0].data)}


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--one":
        base_url, model, size, count, cap = sys.argv[2:7]
        print(json.dumps(asyncio.run(_one(base_url, model, size or None, int(count), int(cap)))))
        return
    mib = 1024 * 1024
    with emulator_process() as base_url:
        print(f"{'case':<28} {'image':>9} {'peak RSS above start':>21} {'job_weight':>11} {'peak/weight':>12}")
        for model, size, count, cap in CASES:
            done = subprocess.run([sys.executable, "-m", "benchmarks.job_memory", "--one", base_url, model,
                                   size or "", str(count), str(cap)], capture_output=True, text=True, check=False)
            if done.returncode:
                print(f"{model} {size} x{count}: failed\n{done.stderr[-2000:]}")
                continue
            got = json.loads(done.stdout.strip().splitlines()[-1])
            label = f"{model} {size or ''} x{count} (cap {cap} MiB)"
            print(f"{label:<28} {got['image'] / mib:>7.1f}MB {got['peak'] / mib:>17.0f} MiB "
                  f"{got['weight'] / mib:>7.0f} MiB {got['peak'] / got['weight']:>12.2f}")


if __name__ == "__main__":
    main()
