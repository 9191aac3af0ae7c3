"""`imagine-bot generate/models` run as a real process against the OpenRoute emulator."""

from __future__ import annotations

import asyncio
import io
import json
import os
import sys
import types
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path

import aiohttp
import discord
import pytest
from PIL import Image

from playground.openroute import OpenRouteEmulator, default_models

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


async def run_cli(emulator: OpenRouteEmulator, tmp_path: Path, *args: str, env_file: str | None = "test.env",
                  **env: str) -> Run:
    """Run `python -m bot [--env-file FILE] ARGS` in `tmp_path`; `env_file=None` leaves the option out."""
    if env_file == "test.env":
        (tmp_path / env_file).write_text("# settings come from the environment in these tests\n")
    options = ["--env-file", env_file] if env_file is not None else []
    environ = {k: v for k, v in os.environ.items() if not k.startswith(("OPENROUTE_", "DISCORD_"))}
    environ.update({"OPENROUTE_BASE_URL": emulator.base_url, "OPENROUTE_API_KEY": API_KEY,
                    "OPENROUTE_MAX_RETRIES": "0", "PYTHONUNBUFFERED": "1",
                    "PYTHONPATH": os.pathsep.join(filter(None, [str(REPO_ROOT), os.environ.get("PYTHONPATH")]))})
    environ.update(env)
    proc = await asyncio.create_subprocess_exec(
        sys.executable, "-m", "bot", *options, *args,
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
    "emu/error-401": "OpenRoute rejected OPENROUTE_API_KEY (HTTP 401)",
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


async def test_models_marks_the_default_model(emulator, tmp_path):
    table = await run_cli(emulator, tmp_path, "models", DEFAULT_MODEL="emu/webp", COLUMNS="200")
    assert table.code == 0, table.stderr
    assert "emu/webp (default)" in table.stdout
    assert "MISSING" not in table.stdout
    listed = await run_cli(emulator, tmp_path, "models", "--json", DEFAULT_MODEL="emu/webp")
    assert [m["id"] for m in json.loads(listed.stdout) if m["default"]] == ["emu/webp"]
    assert listed.stderr == ""


async def test_models_marks_a_default_model_the_provider_no_longer_lists_and_names_the_closest_ids(emulator, tmp_path):
    retired = "google/gemini-2.5-flash-image-preview"
    emulator.set_models([m for m in default_models() if m["id"] != retired])
    missing = (f"DEFAULT_MODEL {retired} is not an image model the provider lists, so /imagine without a model is "
               "refused; closest listed: google/gemini-2.5-flash-image, google/gemini-3-pro-image-preview")

    table = await run_cli(emulator, tmp_path, "models", DEFAULT_MODEL=retired, COLUMNS="100")
    assert table.code == 0, table.stderr
    assert table.stdout.rstrip().splitlines()[-1] == f"MISSING: {missing}"
    assert "(default)" not in table.stdout

    listed = await run_cli(emulator, tmp_path, "models", "--json", DEFAULT_MODEL=retired)
    assert listed.code == 0, listed.stderr
    models = json.loads(listed.stdout)  # the JSON stays whole; the warning goes to stderr
    assert retired not in {m["id"] for m in models}
    assert not any(m["default"] for m in models)
    assert listed.stderr.strip() == f"warning: {missing}"


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


async def test_health_with_metrics_port_asks_the_running_bots_healthz(emulator, tmp_path):
    from bot.metrics import Metrics, MetricsServer

    connected = {"now": True}
    server = MetricsServer(Metrics(), host="127.0.0.1", port=0, healthy=lambda: connected["now"])
    await server.start()
    port = str(server.port)
    try:  # no HEALTH_FILE: the HTTP answer alone decides; a bot listening everywhere is asked on the loopback
        healthy = await run_cli(emulator, tmp_path, "health", METRICS_PORT=port, METRICS_HOST="0.0.0.0")
        assert (healthy.code, healthy.stderr) == (0, "")
        connected["now"] = False
        down = await run_cli(emulator, tmp_path, "health", METRICS_PORT=port)
        assert down.code == 1
        assert one_error_line(down) == "unhealthy: not connected to Discord"
    finally:
        await server.stop()
    gone = await run_cli(emulator, tmp_path, "health", METRICS_PORT=port)
    assert gone.code == 1
    assert one_error_line(gone) == (f"unhealthy: no answer from http://127.0.0.1:{port}/healthz (Connection refused); "
                                    "is the bot running?")


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


def one_error_line(run: Run) -> str:
    lines = [line for line in run.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, run.stderr
    assert "Traceback" not in run.stderr
    return lines[0]


async def test_an_input_image_over_the_limit_is_refused_from_its_size_without_reading_it(emulator, tmp_path):
    big = tmp_path / "big.png"
    with big.open("wb") as file:  # sparse: 300 MB on paper, nothing on disk
        file.write(b"\x89PNG\r\n\x1a\n")
        file.truncate(300_000_000)
    run = await run_cli(emulator, tmp_path, "generate", "edit", "--image", str(big), INPUT_IMAGE_MAX_MB="5")
    assert run.code == 1
    assert one_error_line(run) == (f"error: input image {big} is 300.0 MB; "
                                   "the limit is 5 MB (INPUT_IMAGE_MAX_MB)")
    assert emulator.requests == []


async def test_an_input_image_just_over_the_limit_never_reads_as_the_limit_itself(emulator, tmp_path):
    source = tmp_path / "in.png"
    source.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(1_000_001 - 8))
    run = await run_cli(emulator, tmp_path, "generate", "edit", "--image", "in.png", INPUT_IMAGE_MAX_MB="1")
    assert one_error_line(run) == "error: input image in.png is 1.1 MB; the limit is 1 MB (INPUT_IMAGE_MAX_MB)"


@pytest.mark.parametrize("content", [b"", b"hello, not an image\n", b"GIF89a" + bytes(32)])
async def test_an_empty_or_non_image_input_names_the_file(emulator, tmp_path, content):
    source = tmp_path / "notes.png"
    source.write_bytes(content)
    run = await run_cli(emulator, tmp_path, "generate", "edit", "--image", "notes.png")
    assert run.code == 1
    assert one_error_line(run) == "error: input image notes.png is not a PNG, JPEG or WebP image"
    assert emulator.requests == []


async def test_a_missing_input_image_names_the_file(emulator, tmp_path):
    run = await run_cli(emulator, tmp_path, "generate", "edit", "--image", "gone.png")
    assert run.code == 1
    assert one_error_line(run) == "error: cannot read input image gone.png: No such file or directory"


@pytest.mark.parametrize("prompt", ["", "   ", "\t\n"])
async def test_an_empty_prompt_is_refused_before_any_request(emulator, tmp_path, prompt):
    run = await run_cli(emulator, tmp_path, "generate", prompt, "--model", "emu/png")
    assert run.code == 2
    assert one_error_line(run) == "error: the prompt is empty: say what to draw"
    assert emulator.requests == []


async def test_a_rejected_key_is_explained_to_the_operator(emulator, tmp_path):
    wrong = "sk-wrong-key-987654321"
    run = await run_cli(emulator, tmp_path, "generate", "a fox", "--model", "emu/png", OPENROUTE_API_KEY=wrong)
    assert run.code == 1
    line = one_error_line(run)
    assert line.startswith("error: OpenRoute rejected OPENROUTE_API_KEY (HTTP 401): check the key in test.env")
    assert "operator" not in line
    assert wrong not in run.stderr + run.stdout


async def test_a_named_settings_file_that_is_missing_is_an_error(emulator, tmp_path):
    run = await run_cli(emulator, tmp_path, "models", env_file="nowhere.env")
    assert run.code == 2
    assert one_error_line(run) == "error: the settings file nowhere.env does not exist"


async def test_without_a_settings_file_the_environment_is_enough(emulator, tmp_path):
    run = await run_cli(emulator, tmp_path, "models", "--json", env_file=None)
    assert run.code == 0, run.stderr
    assert json.loads(run.stdout)


# --- `imagine-bot run`: its failures, with the Discord layer replaced in-process ---------------------------

@pytest.fixture
def run_failing_with(monkeypatch, tmp_path, capsys):
    """Run `main(["run"])` in-process with `bot.app.run_bot` raising the given exception; returns (code, stderr)."""
    from bot import cli

    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DISCORD_TOKEN", "discord-token-for-tests")
    monkeypatch.setenv("OPENROUTE_API_KEY", API_KEY)
    monkeypatch.setattr(cli, "setup_logging", lambda *args, **kwargs: None)

    def run(exc: BaseException) -> tuple[int, str]:
        async def run_bot(settings):
            raise exc

        monkeypatch.setitem(sys.modules, "bot.app", types.SimpleNamespace(run_bot=run_bot))
        code = cli.main(["run"])
        return code, capsys.readouterr().err.strip()

    return run


@pytest.mark.parametrize("exc", [
    ConnectionRefusedError(111, "Connection refused"),
    aiohttp.ServerDisconnectedError(),
    discord.GatewayNotFound(),
    TimeoutError(),
])
def test_network_failures_of_run_read_as_discord_connection_problems(run_failing_with, exc):
    code, err = run_failing_with(exc)
    assert code == 1
    assert err.startswith(f"error: could not connect to Discord ({type(exc).__name__})")


@pytest.mark.parametrize(("exc", "expected"), [
    (PermissionError(13, "Permission denied", "/data/imagine-bot.db"),
     "error: cannot use /data/imagine-bot.db: Permission denied"),
    (IsADirectoryError(21, "Is a directory", "/data/health"),
     "error: cannot use /data/health: it is a directory, not a file"),
    (OSError(30, "Read-only file system", "/data/imagine-bot.db-wal"),
     "error: cannot use /data/imagine-bot.db-wal: Read-only file system"),
])
def test_file_problems_of_run_name_the_file(run_failing_with, exc, expected):
    code, err = run_failing_with(exc)
    assert code == 1
    assert err.startswith(expected)
    assert "Discord" not in err


async def test_a_metrics_port_in_use_stops_run_with_one_line_naming_the_port(run_failing_with):
    import socket

    from bot.metrics import Metrics, MetricsServer, MetricsServerError

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        with pytest.raises(MetricsServerError) as raised:
            await MetricsServer(Metrics(), host="127.0.0.1", port=port, healthy=lambda: True).start()
    code, err = await asyncio.to_thread(run_failing_with, raised.value)
    assert code == 1
    assert err == (f"error: cannot serve metrics on 127.0.0.1:{port}: port {port} is already in use; stop what "
                   "listens there or choose another METRICS_PORT")


def test_an_os_error_without_a_file_is_not_called_a_discord_problem(run_failing_with):
    code, err = run_failing_with(OSError(28, "No space left on device"))
    assert code == 1
    assert err == "error: No space left on device"


def test_main_redacts_the_database_password_from_logs(monkeypatch, tmp_path):
    from bot import cli

    seen: list[str] = []
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", "postgresql://bot:db-pass-4242@db/imagine")
    monkeypatch.setenv("OPENROUTE_API_KEY", API_KEY)
    monkeypatch.delenv("HEALTH_FILE", raising=False)
    monkeypatch.setattr(cli, "setup_logging", lambda level, *, secrets: seen.extend(secrets))
    assert cli.main(["health"]) == 2
    assert "db-pass-4242" in seen
    assert API_KEY in seen
