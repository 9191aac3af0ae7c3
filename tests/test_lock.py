"""The lock files: the offline check against pyproject.toml, and who installs them (Dockerfile, README, CI)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import pytest

from tools import locks

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text()
CI = (ROOT / ".ci" / "run").read_text()
DOCKERFILE = (ROOT / "Dockerfile").read_text()


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    """pyproject.toml and the locks, copied to be doctored."""
    for name in ("pyproject.toml", *locks.LOCKS):
        shutil.copy(ROOT / name, tmp_path / name)
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text()
    assert old in text, f"{old!r} is not in {path.name}"
    path.write_text(text.replace(old, new))


def drop_entry(path: Path, name: str) -> None:
    """Remove `name==...` with its hashes and annotations from a lock file."""
    text, removed = re.subn(rf"^{re.escape(name)}==.*?(?=^\S)", "", path.read_text(), count=1, flags=re.M | re.S)
    assert removed, f"{name} is not pinned in {path.name}"
    path.write_text(text)


def pinned_version(lock: str, name: str) -> str:
    return locks.parse_lock((ROOT / lock).read_text(), lock)[0][name].version


def test_the_locks_agree_with_pyproject():
    assert locks.check(ROOT) == []


def test_every_entry_of_the_locks_is_pinned_with_hashes():
    for lock in locks.LOCKS:
        pins, problems = locks.parse_lock((ROOT / lock).read_text(), lock)
        assert problems == []
        assert all(pin.hashes for pin in pins.values())
        assert {"setuptools", "wheel"} <= set(pins), "the build tools are locked too"
    dev = locks.parse_lock((ROOT / "requirements-dev.lock").read_text(), "requirements-dev.lock")[0]
    assert {"pytest", "ruff", "packaging"} <= set(dev)


def test_a_runtime_dependency_missing_from_the_lock_fails(copy):
    drop_entry(copy / "requirements.lock", "aiosqlite")
    assert locks.check(copy) == [
        "requirements.lock: aiosqlite is missing; pyproject.toml [project] dependencies asks for `aiosqlite>=0.20`"]


def test_a_new_dependency_in_pyproject_that_no_lock_pins_fails(copy):
    edit(copy / "pyproject.toml", '    "aiohttp>=3.10",\n', '    "aiohttp>=3.10",\n    "httpx>=0.27",\n')
    assert locks.check(copy) == [
        f"{lock}: httpx is missing; pyproject.toml [project] dependencies asks for `httpx>=0.27`"
        for lock in locks.LOCKS]


def test_a_dev_dependency_missing_from_the_dev_lock_fails(copy):
    drop_entry(copy / "requirements-dev.lock", "pytest-asyncio")
    assert locks.check(copy) == ["requirements-dev.lock: pytest-asyncio is missing; pyproject.toml "
                                 "[project.optional-dependencies] dev asks for `pytest-asyncio>=0.24`"]


def test_a_build_requirement_missing_from_the_locks_fails(copy):
    for lock in locks.LOCKS:
        drop_entry(copy / lock, "setuptools")
    assert locks.check(copy) == [
        f"{lock}: setuptools is missing; pyproject.toml [build-system] requires asks for `setuptools>=77`"
        for lock in locks.LOCKS]


def test_a_pin_outside_the_range_of_pyproject_fails(copy):
    edit(copy / "pyproject.toml", '"aiohttp>=3.10"', '"aiohttp>=99"')
    version = pinned_version("requirements.lock", "aiohttp")
    assert locks.check(copy) == [
        f"{lock}: aiohttp=={version} is outside the range pyproject.toml [project] dependencies asks for: "
        "`aiohttp>=99`" for lock in locks.LOCKS]


def test_a_lock_pinning_below_the_range_fails(copy):
    version = pinned_version("requirements.lock", "pillow")
    for lock in locks.LOCKS:
        edit(copy / lock, f"pillow=={version} ", "pillow==10.0.0 ")
    problems = locks.check(copy)
    assert problems == [
        f"{lock}: pillow==10.0.0 is outside the range pyproject.toml [project] dependencies asks for: `pillow>=11.0`"
        for lock in locks.LOCKS]


def test_an_entry_without_hashes_fails(copy):
    lock = copy / "requirements.lock"
    text = lock.read_text()
    block = re.search(r"^idna==[^\n]*\n(?:    [^\n]*\n)*", text, re.M).group(0)
    version = pinned_version("requirements.lock", "idna")
    lock.write_text(text.replace(block, f"idna=={version}\n    # via yarl\n"))
    problems = locks.check(copy)
    assert len(problems) == 2
    assert re.fullmatch(rf"requirements\.lock:\d+: idna=={version} has no --hash; pip's hash-checking mode refuses "
                        "the whole file", problems[0])
    assert problems[1] == f"requirements.lock and requirements-dev.lock list different hashes for idna=={version}"


def test_an_entry_not_pinned_to_one_version_fails(copy):
    for lock in locks.LOCKS:
        edit(copy / lock, f"rich=={pinned_version(lock, 'rich')} ", "rich>=13.7 ")
    problems = locks.check(copy)
    assert [re.sub(r":\d+:", ":N:", problem) for problem in problems] == [
        "requirements.lock:N: rich is not pinned to one version with == (`rich>=13.7`)",
        "requirements.lock: rich is missing; pyproject.toml [project] dependencies asks for `rich>=13.7`",
        "requirements-dev.lock:N: rich is not pinned to one version with == (`rich>=13.7`)",
        "requirements-dev.lock: rich is missing; pyproject.toml [project] dependencies asks for `rich>=13.7`",
    ]


def test_the_runtime_lock_must_pin_what_the_dev_lock_pins(copy):
    version = pinned_version("requirements.lock", "attrs")
    edit(copy / "requirements.lock", f"attrs=={version} ", "attrs==24.1.0 ")
    assert locks.check(copy) == [f"requirements.lock pins attrs==24.1.0 but requirements-dev.lock pins "
                                 f"attrs=={version}"]


def test_an_include_line_in_a_lock_fails(copy):
    lock = copy / "requirements.lock"
    lock.write_text(lock.read_text() + "-r other.txt\n")
    problems = locks.check(copy)
    assert len(problems) == 1
    assert "`-r other.txt`: only `name==version --hash=...` entries are expected here" in problems[0]


def test_a_requirement_whose_marker_excludes_linux_python_311_needs_no_pin(copy):
    not_here = '    "tomli>=2; python_version < \'3.11\'",\n    "pywin32>=306; sys_platform == \'win32\'",\n'
    edit(copy / "pyproject.toml", '    "aiohttp>=3.10",\n', '    "aiohttp>=3.10",\n' + not_here)
    assert locks.check(copy) == []


def test_a_requirement_only_for_aarch64_must_still_be_pinned(copy):
    edit(copy / "pyproject.toml", '    "aiohttp>=3.10",\n',
         '    "aiohttp>=3.10",\n    "httpx>=0.27; platform_machine == \'aarch64\'",\n')
    assert len(locks.check(copy)) == 2


def test_a_python_range_that_excludes_the_locks_python_fails(copy):
    edit(copy / "pyproject.toml", 'requires-python = ">=3.11"', 'requires-python = ">=3.12"')
    assert locks.check(copy) == [
        "the locks are for Python 3.11, which pyproject.toml's requires-python `>=3.12` excludes"]


def test_a_missing_lock_file_fails(copy):
    (copy / "requirements.lock").unlink()
    assert locks.check(copy) == ["requirements.lock is missing"]


def test_the_check_command_names_each_problem_and_how_to_refresh(copy, capsys):
    drop_entry(copy / "requirements-dev.lock", "ruff")
    assert locks.main(["--root", str(copy), "check"]) == 1
    err = capsys.readouterr().err
    assert "requirements-dev.lock: ruff is missing" in err
    assert "python -m tools.locks refresh" in err
    assert locks.main(["--root", str(ROOT), "check"]) == 0


def test_ci_checks_the_locks_before_the_tests():
    check = CI.index(".venv/bin/python -m tools.locks check")
    assert check < CI.index('bash -c "$TEST_COMMAND"')
    assert "set -euo pipefail" in CI


def test_the_readme_commands_install_the_locks_with_hashes_then_the_bot_alone():
    blocks = re.findall(r"```sh\n(.+?)\n```", README, re.S)
    run_command, test_command = blocks[0].strip(), blocks[1].strip()
    assert "pip install -q --require-hashes -r requirements.lock && " in run_command
    assert "pip install -q --require-hashes -r requirements-dev.lock && " in test_command
    for command in (run_command, test_command):
        assert ".venv/bin/pip install -q -e . --no-deps --no-build-isolation && " in command


def test_the_readme_says_how_to_refresh_the_locks():
    assert f"```sh\n.venv/bin/pip install uv && .venv/bin/{locks.REFRESH_COMMAND}\n```" in README


def test_the_image_installs_the_runtime_lock_with_hashes_then_the_bot_alone():
    runs = [line for line in DOCKERFILE.splitlines() if line.startswith("RUN pip install")]
    assert runs == [
        "RUN pip install --no-cache-dir --require-hashes --no-deps -r requirements.lock && pip check",
        "RUN pip install --no-cache-dir --no-deps --no-build-isolation .",
    ]
    assert "COPY requirements.lock ./" in DOCKERFILE
