"""The layering a reviewer checks, as tests: which package may import what, thin cogs, one job spec."""

from __future__ import annotations

import ast
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
STANDARD_LIBRARY = sys.stdlib_module_names
DISCORD_ALLOWED = {"bot/discord_bot.py", "bot/app.py", "bot/cli/run.py"}
MAX_LINES = 400  # a file longer than this usually holds two concerns


def python_files(folder: str) -> list[Path]:
    return sorted((ROOT / folder).rglob("*.py"))


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, at any depth (also inside functions and TYPE_CHECKING blocks)."""
    modules: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(), filename=str(path))):
        if isinstance(node, ast.Import):
            modules.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            modules.add(node.module)
            modules.update(f"{node.module}.{alias.name}" for alias in node.names)
    return modules


def relative(path: Path) -> str:
    return path.relative_to(ROOT).as_posix()


def offenders(folder: str, forbidden: tuple[str, ...]) -> dict[str, list[str]]:
    found = {}
    for path in python_files(folder):
        bad = sorted(m for m in imported_modules(path) if m.startswith(forbidden))
        if bad:
            found[relative(path)] = bad
    return found


def test_only_the_discord_adapters_under_bot_import_discord():
    importing = {relative(p) for p in python_files("bot")
                 if any(m == "discord" or m.startswith("discord.") for m in imported_modules(p))}
    assert importing <= DISCORD_ALLOWED, sorted(importing - DISCORD_ALLOWED)


@pytest.mark.parametrize(("folder", "forbidden"), [
    # the records are plain data: they lean on nothing else of the bot
    ("bot/records", tuple(f"bot.{name}" for name in ("config", "openroute", "images", "jobs", "policy", "storage",
                                                      "metrics", "messages", "formats", "logs", "app", "cli",
                                                      "discord_bot"))),
    # storage persists records; it never reaches into the layers that use it
    ("bot/storage", ("bot.jobs", "bot.policy", "bot.openroute", "bot.images", "bot.metrics")),
    ("bot/policy", ("bot.jobs", "bot.storage.sql", "bot.storage.sqlite", "bot.storage.postgres")),
    ("bot/openroute", ("bot.images", "bot.storage", "bot.jobs", "bot.policy")),
    ("bot/images", ("bot.openroute", "bot.storage", "bot.jobs", "bot.policy")),
    ("cogs", ("bot.storage", "bot.openroute.client")),
])
def test_packages_import_only_what_their_layer_may_use(folder, forbidden):
    assert offenders(folder, forbidden) == {}


@pytest.mark.parametrize(("folder", "forbidden"), [
    # the stand-ins for Discord and OpenRoute are independent of the bot they serve: any bot can log into them
    ("playground/discord", ("bot", "cogs")),
    ("playground/openroute", ("bot", "cogs")),
    # the page is Discord's client: it knows the stand-in, not the bot behind it
    ("playground/web", ("bot", "cogs")),
])
def test_the_stand_ins_import_nothing_of_the_bot(folder, forbidden):
    found = {}
    for path in python_files(folder):
        bad = sorted(m for m in imported_modules(path) if m.split(".")[0] in forbidden)
        if bad:
            found[relative(path)] = bad
    assert found == {}


def test_only_the_playground_command_under_bot_starts_the_playground():
    importing = {relative(p) for p in python_files("bot") + python_files("cogs")
                 if any(m.split(".")[0] == "playground" for m in imported_modules(p))}
    assert importing <= {"bot/cli/playground.py"}, sorted(importing)


def _names(node: ast.expr) -> list[str]:
    """`self.service.store` -> ["self", "service", "store"]."""
    if isinstance(node, ast.Attribute):
        return [*_names(node.value), node.attr]
    return [node.id] if isinstance(node, ast.Name) else []


def test_cogs_never_reach_through_a_service_into_its_store_or_client():
    internals = {"store", "_store", "client", "_client", "engine", "_engine", "generator", "_generator"}
    reaching = []
    for path in python_files("cogs"):
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Attribute) and node.attr in internals:
                chain = _names(node)
                if any("service" in name for name in chain[:-1]):
                    reaching.append(f"{relative(path)}:{node.lineno} {'.'.join(chain)}")
    assert reaching == []


def test_no_file_of_the_bot_or_the_playground_is_over_the_size_that_means_two_concerns():
    sizes = {relative(p): len(p.read_text().splitlines())
             for folder in ("bot", "cogs", "playground") for p in python_files(folder)}
    assert {name: n for name, n in sizes.items() if n > MAX_LINES} == {}


def test_the_records_package_is_data_only():
    """No function in bot/records does I/O or reaches another package: its modules import only the standard
    library and each other."""
    outside = {}
    for path in python_files("bot/records"):
        bad = sorted(m for m in imported_modules(path)
                     if m.split(".")[0] not in {"bot", *STANDARD_LIBRARY} or
                     (m.startswith("bot.") and not m.startswith("bot.records")))
        if bad:
            outside[relative(path)] = bad
    assert outside == {}


def test_one_job_spec_and_one_place_that_builds_the_request_from_it():
    builders = []
    for folder in ("bot", "cogs"):
        for path in python_files(folder):
            for node in ast.walk(ast.parse(path.read_text())):
                if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "GenerationRequest":
                    builders.append(relative(path))
                if isinstance(node, ast.ClassDef) and node.name in ("ImagineOptions", "NewJob"):
                    builders.append(f"{relative(path)} defines {node.name}")
    # the CLI builds its own request: it has no requester and may send several input images
    assert sorted(builders) == ["bot/cli/generate.py", "bot/jobs/request.py"]
