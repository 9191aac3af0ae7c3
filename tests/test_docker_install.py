"""The offline half of tools/replay_docker_install.py: reading the Dockerfile and .dockerignore, copying the context.

The replay's install itself needs PyPI: CI runs it (`.ci/run`), not the tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tools import replay_docker_install as replay

ROOT = Path(__file__).resolve().parents[1]


def test_continued_instructions_are_joined_and_comments_dropped():
    dockerfile = "# a comment\nFROM python:3.11-slim\n\nRUN pip install a \\\n    # inside\n    && pip check\nUSER 1\n"
    assert replay.parse_dockerfile(dockerfile) == [
        replay.Instruction("FROM", "python:3.11-slim", 2),
        replay.Instruction("RUN", "pip install a && pip check", 4),
        replay.Instruction("USER", "1", 7),
    ]


@pytest.mark.parametrize(("path", "ignored"), [
    (".env", True),
    (".env.production", True),
    (".env.example", False),
    ("data/imagine-bot.db", True),
    ("bot/__pycache__/app.cpython-311.pyc", True),
    ("bot/jobs/__pycache__/engine.cpython-311.pyc", True),
    ("bot/jobs/engine.py", False),
    ("imagine_bot.egg-info/PKG-INFO", True),
    ("tests/test_lock.py", True),
    (".venv/bin/python", True),
    ("LICENSE", False),
    ("requirements.lock", False),
])
def test_dockerignore_rules_as_docker_reads_them(path, ignored):
    rules = replay.DockerIgnore((ROOT / ".dockerignore").read_text())
    assert rules.ignores(path) is ignored


def test_a_later_exception_pattern_lets_a_file_back_in():
    rules = replay.DockerIgnore("**/*.md\n!README.md\n")
    assert rules.ignores("docs/guide.md")
    assert rules.ignores("CHANGES.md")
    assert not rules.ignores("README.md")


def test_the_image_gets_the_lock_the_licence_and_the_code_and_nothing_ignored(tmp_path):
    replay.replay(ROOT, tmp_path, install=False)
    app = tmp_path / "image" / "app"
    top = sorted(path.name for path in app.iterdir())
    assert top == ["LICENSE", "README.md", "bot", "cogs", "playground", "pyproject.toml", "requirements.lock"]
    assert (app / "LICENSE").read_bytes() == (ROOT / "LICENSE").read_bytes()
    assert (app / "bot" / "__main__.py").is_file()
    copied = [path.relative_to(app).as_posix() for path in app.rglob("*")]
    assert not [path for path in copied if "__pycache__" in path or path.endswith(".pyc")]


def test_copying_something_the_context_lacks_fails(tmp_path):
    context = tmp_path / "context"
    context.mkdir()
    (context / ".dockerignore").write_text(".env\n")
    (context / ".env").write_text("DISCORD_TOKEN=x\n")
    (context / "Dockerfile").write_text("FROM python:3.11-slim\nWORKDIR /app\nCOPY .env ./\n")
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    with pytest.raises(FileNotFoundError, match=r"COPY \.env: not in the build context"):
        replay.replay(context, scratch, install=False)


def test_ci_replays_the_docker_install():
    ci = (ROOT / ".ci" / "run").read_text()
    assert ".venv/bin/python -m tools.replay_docker_install" in ci
