"""`imagine-bot generate/models` run as a real process against the OpenRoute emulator."""

from __future__ import annotations

import asyncio
import io
import json
import os
import sys
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from PIL import Image

from tests.fakes.openroute import OpenRouteEmulator

API_KEY = "sk-test-cli-0123456789"
REPO_ROOT = Path(__file__).resolve().parents[2]


@dataclass
class Run:
    code: int
    stdout: str
    stderr: str


@pytest.fixture
async def emulator() -> AsyncIterator[OpenRouteEmulator]:
    emu = OpenRouteEmulator(api_key=API_KEY)
    await emu.start()
    try:
        yield emu
    finally:
        await emu.close()


async def run_cli(emulator: OpenRouteEmulator, tmp_path: Path, *args: str, **env: str) -> Run:
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("OPENROUTE_", "DISCORD_"))}
    environ.update({"OPENROUTE_BASE_URL": emulator.base_url, "OPENROUTE_API_KEY": API_KEY,
                    "OPENROUTE_MAX_RETRIES": "0", "PYTHONUNBUFFERED": "1",
                    "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")]))})
    environ.update(env)
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", "--env-file", str(tmp_path / "absent.env"), *args,
        stdout=asyncio.subprocess.PIPE, stderr=asyncio.subprocess.PIPE, env=environ, cwd=tmp_path)
    stdout, stderr = await proc.communicate()
    return Run(proc.returncode or 0, stdout.decode(), stderr.decode())


def pixels(data: bytes) -> tuple[tuple[int, int], str, bytes]:
    with Image.open(io.BytesIO(data)) as image:
        image.load()
        rgb = image.convert("RGB")
        return rgb.size, image.format or "", rgb.tobytes()


@pytest.mark.parametrize("model", ["emu/png", "emu/crlf", "emu/bom", "emu/usage-after-stop", "emu/cr"])
async def test_generate_writes_the_emulators_image_pixel_for_pixel(emulator, tmp_path, model):
    run = await run_cli(emulator, tmp_path, "generate", "a fox in snow", "--model", model, "--out", "pics")
    assert run.code == 0, run.stderr
    paths = [Path(tmp_path, line) for line in run.stdout.split()]
    assert len(paths) == 1
    written = paths[0].read_bytes()
    assert written.startswith(b"\x89PNG")
    assert pixels(written)[2] == pixels(emulator.sent_images[-1].data)[2]


async def test_two_images_in_one_answer_are_both_written(emulator, tmp_path):
    run = await run_cli(emulator, tmp_path, "generate", "twins", "--model", "emu/two-images", "--out", "pics")
    assert run.code == 0, run.stderr
    paths = sorted(Path(tmp_path, line) for line in run.stdout.split())
    assert len(paths) == 2
    sent = [pixels(image.data)[2] for image in emulator.sent_images]
    assert sorted(pixels(p.read_bytes())[2] for p in paths) == sorted(sent)


async def test_4k_jpeg_is_converted_to_an_identical_png(emulator, tmp_path):
    run = await run_cli(emulator, tmp_path, "generate", "huge", "--model", "emu/jpeg-4k", "--out", "pics")
    assert run.code == 0, run.stderr
    written = Path(tmp_path, run.stdout.strip()).read_bytes()
    size, fmt, data = pixels(written)
    assert fmt == "PNG"
    assert size == (4096, 4096)
    assert data == pixels(emulator.sent_images[-1].data)[2]


async def test_json_summary_lists_files_model_and_cost(emulator, tmp_path):
    run = await run_cli(emulator, tmp_path, "generate", "a boat", "--model", "emu/png", "--count", "2",
                        "--aspect-ratio", "16:9", "--json")
    assert run.code == 0, run.stderr
    summary = json.loads(run.stdout)
    assert summary["model"]
    assert len(summary["files"]) == 2
    assert all(Path(tmp_path, f).is_file() for f in summary["files"])
    assert summary["cost"] is not None
    assert float(summary["cost"]) > 0
    bodies = [r.json for r in emulator.requests if r.path.endswith("/chat/completions")]
    assert len(bodies) == 2  # count means concurrent requests, the API has no `n`
    assert all(b["image_config"] == {"aspect_ratio": "16:9"} for b in bodies)
    with Image.open(Path(tmp_path, summary["files"][0])) as image:
        assert image.size == (1344, 768)


async def test_input_image_is_sent_as_a_data_url_part(emulator, tmp_path):
    source = tmp_path / "in.png"
    Image.new("RGB", (64, 48), (200, 10, 10)).save(source)
    run = await run_cli(emulator, tmp_path, "generate", "make it blue", "--model", "emu/png", "--image", str(source))
    assert run.code == 0, run.stderr
    body = next(r.json for r in emulator.requests if r.path.endswith("/chat/completions"))
    parts = body["messages"][0]["content"]
    assert parts[0] == {"type": "text", "text": "make it blue"}
    assert parts[1]["type"] == "image_url"
    assert parts[1]["image_url"]["url"].startswith("data:image/png;base64,")


FAULTS = {
    "emu/error-401": "API key was rejected",
    "emu/error-402": "out of credits",
    "emu/error-403": "violence",
    "emu/error-429": "Try again in 7 seconds",
    "emu/error-502": "down or overloaded",
    "emu/error-503": "down or overloaded",
    "emu/error-html": "down or overloaded",
    "emu/error-408": "Timed out",
    "emu/no-image": "here is a poem",
    "emu/refusal": "declined",
    "emu/mid-stream-error": "Provider disconnected",
    "emu/truncated": "connection to the image service broke",
    "emu/no-done": "connection to the image service broke",
    "emu/bad-base64": "damaged",
    "emu/not-an-image": "not a PNG, JPEG or WebP",
    "emu/bomb": "too many pixels",
}


@pytest.mark.parametrize(("model", "expected"), FAULTS.items())
async def test_every_fault_exits_nonzero_with_one_clear_line(emulator, tmp_path, model, expected):
    run = await run_cli(emulator, tmp_path, "generate", "a fox", "--model", model, "--out", "pics")
    assert run.code == 1
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, run.stderr
    assert lines[0].startswith("error: ")
    assert expected.lower() in lines[0].lower()
    assert "Traceback" not in run.stderr
    assert API_KEY not in run.stderr + run.stdout
    assert not (tmp_path / "pics").exists() or not any((tmp_path / "pics").iterdir())


async def test_idle_stream_times_out_with_a_clear_line(emulator, tmp_path):
    run = await run_cli(emulator, tmp_path, "generate", "a fox", "--model", "emu/stall",
                        OPENROUTE_IDLE_TIMEOUT="0.5")
    assert run.code == 1
    assert run.stderr.strip() == "error: Timed out waiting for the image service. Try again."


async def test_missing_api_key_names_the_variable(emulator, tmp_path):
    run = await run_cli(emulator, tmp_path, "generate", "a fox", OPENROUTE_API_KEY="")
    assert run.code == 2
    assert "OPENROUTE_API_KEY" in run.stderr
    assert "Traceback" not in run.stderr


async def test_malformed_setting_names_the_variable(emulator, tmp_path):
    run = await run_cli(emulator, tmp_path, "generate", "a fox", OPENROUTE_IDLE_TIMEOUT="soon")
    assert run.code == 2
    assert run.stderr.strip() == "error: OPENROUTE_IDLE_TIMEOUT must be a positive number of seconds, got 'soon'"


async def test_models_lists_image_models_with_prices(emulator, tmp_path):
    run = await run_cli(emulator, tmp_path, "models", "--json")
    assert run.code == 0, run.stderr
    models = json.loads(run.stdout)
    ids = {m["id"] for m in models}
    assert "google/gemini-2.5-flash-image-preview" in ids
    assert all("image" in m["output_modalities"] for m in models)
    table = await run_cli(emulator, tmp_path, "models", COLUMNS="200")
    assert table.code == 0
    assert "google/gemini-2.5-flash-image-preview" in table.stdout


async def test_health_reports_a_fresh_file_as_healthy_and_a_missing_one_as_not(emulator, tmp_path):
    health = tmp_path / "health"
    missing = await run_cli(emulator, tmp_path, "health", HEALTH_FILE=str(health))
    assert missing.code == 1
    assert "not connected" in missing.stderr
    health.write_text("now\n")
    fresh = await run_cli(emulator, tmp_path, "health", HEALTH_FILE=str(health))
    assert fresh.code == 0, fresh.stderr
    os.utime(health, (0, 0))
    stale = await run_cli(emulator, tmp_path, "health", HEALTH_FILE=str(health))
    assert stale.code == 1
    assert "unhealthy" in stale.stderr


async def test_an_image_line_over_the_event_limit_is_refused_without_buffering_it(emulator, tmp_path):
    run = await run_cli(emulator, tmp_path, "generate", "huge", "--model", "emu/jpeg-4k",
                        OPENROUTE_MAX_EVENT_MB="4")
    assert run.code == 1
    assert run.stderr.strip() == "error: The image service sent more data than this bot accepts for one image."


async def test_an_image_only_model_is_asked_for_images_only(emulator, tmp_path):
    run = await run_cli(emulator, tmp_path, "generate", "a kite", "--model", "black-forest-labs/flux.2-pro")
    assert run.code == 0, run.stderr
    body = next(r.json for r in emulator.requests if r.path.endswith("/chat/completions"))
    assert body["modalities"] == ["image"]
