"""The lock files: what each one pins, an offline check against pyproject.toml, and their refresh.

    python -m tools.locks check                   # offline; CI runs it before the tests
    python -m tools.locks refresh [UV_OPTION...]  # needs uv and PyPI; e.g. --upgrade, --upgrade-package aiohttp

pyproject.toml keeps ranges, for whoever installs the package as a library. The locks pin every package,
transitive ones and the build tools included, with the hash of every file PyPI has for each pinned version,
for CPython 3.11 on Linux (x86_64 and aarch64 resolve to the same pins: `refresh` makes sure). The Dockerfile
installs requirements.lock; the README's commands and CI install requirements-dev.lock, which pins the same
versions and adds the dev extra.

`check` only parses files (tomllib and `packaging`): no resolver, no network, so an upstream release cannot
change its answer. It fails when a requirement of pyproject.toml (project dependencies, the dev extra,
build-system requires) is missing from a lock that should hold it or pinned outside its range, when an entry
is not pinned with `==` or has no hash, and when the two locks pin a package differently. What it cannot see
offline: what a requirement's extras (`pkg[extra]`) pull in, and entries nothing needs any more (a refresh
drops those).
"""

from __future__ import annotations

import argparse
import importlib.util
import re
import shutil
import subprocess
import sys
import tempfile
import tomllib
from dataclasses import dataclass
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name
from packaging.version import InvalidVersion, Version

ROOT = Path(__file__).resolve().parents[1]
PYTHON_VERSION = "3.11"
MACHINES = ("x86_64", "aarch64")  # Linux with glibc, like python:3.11-slim
REFRESH_COMMAND = "python -m tools.locks refresh"

# pyproject.toml's groups of requirements, named as the messages name them
RUNTIME = "[project] dependencies"
DEV = "[project.optional-dependencies] dev"
BUILD = "[build-system] requires"

LOCKS: dict[str, tuple[str, ...]] = {
    "requirements.lock": (RUNTIME, BUILD),  # the Docker image
    "requirements-dev.lock": (RUNTIME, DEV, BUILD),  # the README's commands and CI
}

_HASH = re.compile(r"--hash=(sha256:[0-9a-f]{64}|sha384:[0-9a-f]{96}|sha512:[0-9a-f]{128})")
_COMMENT = re.compile(r"(^|\s)#.*$")


@dataclass(frozen=True)
class Pin:
    """One entry of a lock file: `name==version [; marker] --hash=... --hash=...`."""

    name: str
    version: str
    marker: Marker | None
    hashes: frozenset[str]


def requirement_groups(pyproject: dict) -> dict[str, list[str]]:
    """pyproject.toml's requirement strings by group."""
    project = pyproject.get("project", {})
    return {
        RUNTIME: list(project.get("dependencies", [])),
        DEV: list(project.get("optional-dependencies", {}).get("dev", [])),
        BUILD: list(pyproject.get("build-system", {}).get("requires", [])),
    }


def target_environments() -> list[dict[str, str]]:
    """The marker environments the locks are for: CPython 3.11 on Linux, one per machine."""
    return [
        {
            "implementation_name": "cpython",
            "implementation_version": f"{PYTHON_VERSION}.0",
            "os_name": "posix",
            "platform_machine": machine,
            "platform_python_implementation": "CPython",
            "platform_release": "",
            "platform_system": "Linux",
            "platform_version": "",
            "python_full_version": f"{PYTHON_VERSION}.0",
            "python_version": PYTHON_VERSION,
            "sys_platform": "linux",
            "extra": "",
        }
        for machine in MACHINES
    ]


def _logical_lines(text: str) -> list[tuple[int, str]]:
    """(first line number, entry) with comments removed and backslash continuations joined, as pip reads them."""
    entries: list[tuple[int, str]] = []
    pending: list[str] = []
    start = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        line = _COMMENT.sub("", raw).rstrip()
        if not pending:
            start = number
        if line.endswith("\\"):
            pending.append(line[:-1])
            continue
        pending.append(line)
        entry = " ".join(part.strip() for part in pending).strip()
        pending = []
        if entry:
            entries.append((start, entry))
    if pending and (entry := " ".join(part.strip() for part in pending).strip()):
        entries.append((start, entry))
    return entries


def parse_lock(text: str, lock: str) -> tuple[dict[str, Pin], list[str]]:
    """The pins of a lock file by canonical name, and what is wrong with its entries."""
    pins: dict[str, Pin] = {}
    problems: list[str] = []
    for number, entry in _logical_lines(text):
        where = f"{lock}:{number}"
        if entry.startswith("-"):
            problems.append(f"{where}: `{entry[:60]}`: only `name==version --hash=...` entries are expected here")
            continue
        requirement_text, _, options = entry.partition(" --")
        options = f"--{options}" if options else ""
        unknown = [option for option in options.split() if not _HASH.fullmatch(option)]
        if unknown:
            problems.append(f"{where}: unexpected option {unknown[0]!r} (only --hash=sha256:... is expected)")
        try:
            requirement = Requirement(requirement_text)
        except InvalidRequirement as exc:
            problems.append(f"{where}: cannot read `{requirement_text}`: {exc}")
            continue
        name = canonicalize_name(requirement.name)
        specifiers = list(requirement.specifier)
        if len(specifiers) != 1 or specifiers[0].operator not in ("==", "===") or "*" in specifiers[0].version:
            problems.append(f"{where}: {requirement.name} is not pinned to one version with == (`{requirement_text}`)")
            continue
        version = specifiers[0].version
        try:
            Version(version)
        except InvalidVersion:
            problems.append(f"{where}: {requirement.name}=={version} is not a valid version")
            continue
        hashes = frozenset(_HASH.findall(options))
        if not hashes:
            problems.append(f"{where}: {requirement.name}=={version} has no --hash; pip's hash-checking mode "
                            "refuses the whole file")
        if name in pins:
            problems.append(f"{where}: {requirement.name} is pinned a second time")
            continue
        pins[name] = Pin(name, version, requirement.marker, hashes)
    return pins, problems


def _check_requirement(lock: str, pins: dict[str, Pin], group: str, text: str) -> str | None:
    """What is wrong with how `lock` satisfies one requirement of pyproject.toml, if anything."""
    try:
        requirement = Requirement(text)
    except InvalidRequirement as exc:
        return f"pyproject.toml {group}: cannot read `{text}`: {exc}"
    for environment in target_environments():
        if requirement.marker is not None and not requirement.marker.evaluate(environment):
            continue
        pin = pins.get(canonicalize_name(requirement.name))
        if pin is None:
            return f"{lock}: {requirement.name} is missing; pyproject.toml {group} asks for `{text}`"
        if pin.marker is not None and not pin.marker.evaluate(environment):
            return (f"{lock}: {requirement.name} is missing on Linux {environment['platform_machine']} (its marker "
                    f"`{pin.marker}`); pyproject.toml {group} asks for `{text}`")
        if not requirement.specifier.contains(pin.version, prereleases=True):
            return (f"{lock}: {requirement.name}=={pin.version} is outside the range pyproject.toml {group} "
                    f"asks for: `{text}`")
    return None


def _check_locks_agree(parsed: dict[str, dict[str, Pin]]) -> list[str]:
    """A lock whose groups another lock also holds must be pinned identically there: CI tests what ships."""
    problems = []
    for small, small_groups in LOCKS.items():
        for large, large_groups in LOCKS.items():
            if small == large or not set(small_groups) <= set(large_groups):
                continue
            if small not in parsed or large not in parsed:
                continue
            for name, pin in parsed[small].items():
                other = parsed[large].get(name)
                if other is None:
                    problems.append(f"{small} pins {name}=={pin.version} but {large}, which holds everything "
                                    f"{small} does, lacks it")
                elif other.version != pin.version or str(other.marker) != str(pin.marker):
                    problems.append(f"{small} pins {name}=={pin.version} but {large} pins {name}=={other.version}")
                elif other.hashes != pin.hashes:
                    problems.append(f"{small} and {large} list different hashes for {name}=={pin.version}")
    return problems


def check(root: Path = ROOT) -> list[str]:
    """Everything on which pyproject.toml and the lock files in `root` disagree; empty when they agree."""
    problems: list[str] = []
    pyproject = tomllib.loads((root / "pyproject.toml").read_text())
    groups = requirement_groups(pyproject)
    requires_python = pyproject.get("project", {}).get("requires-python")
    if requires_python and not SpecifierSet(requires_python).contains(f"{PYTHON_VERSION}.0"):
        problems.append(f"the locks are for Python {PYTHON_VERSION}, which pyproject.toml's requires-python "
                        f"`{requires_python}` excludes")
    parsed: dict[str, dict[str, Pin]] = {}
    for lock, lock_groups in LOCKS.items():
        path = root / lock
        if not path.is_file():
            problems.append(f"{lock} is missing")
            continue
        pins, lock_problems = parse_lock(path.read_text(), lock)
        parsed[lock] = pins
        problems.extend(lock_problems)
        for group in lock_groups:
            for text in groups[group]:
                if problem := _check_requirement(lock, pins, group, text):
                    problems.append(problem)
    problems.extend(_check_locks_agree(parsed))
    return problems


def _uv() -> list[str]:
    if importlib.util.find_spec("uv") is not None:
        return [sys.executable, "-m", "uv"]
    if found := shutil.which("uv"):
        return [found]
    raise SystemExit("refresh needs uv: `.venv/bin/pip install uv` (or put uv on the PATH)")


def refresh(root: Path, uv_options: list[str]) -> None:
    """Compile the locks with uv (supersets first, so the smaller locks take their pins from them)."""
    uv = _uv()
    build_requirements = "".join(f"{text}\n" for text in requirement_groups(
        tomllib.loads((root / "pyproject.toml").read_text()))[BUILD])
    written: list[str] = []
    for lock, groups in sorted(LOCKS.items(), key=lambda item: -len(item[1])):
        extras = [flag for group in groups if group == DEV for flag in ("--extra", "dev")]
        constraints = [flag for other in written if set(groups) <= set(LOCKS[other]) for flag in ("-c", other)]
        # pyproject.toml gives the project's dependencies and extras; the build requirements come on stdin
        compile_command = [*uv, "pip", "compile", "--quiet", "pyproject.toml", "-", *extras, "--generate-hashes",
                           "--python-version", PYTHON_VERSION, "--only-binary", ":all:", *constraints]
        subprocess.run([*compile_command, "--python-platform", f"{MACHINES[0]}-unknown-linux-gnu",
                        "--custom-compile-command", REFRESH_COMMAND, "-o", lock, *uv_options],
                       input=build_requirements, text=True, cwd=root, check=True)
        pins = parse_lock((root / lock).read_text(), lock)[0]
        for machine in MACHINES[1:]:
            with tempfile.TemporaryDirectory() as scratch:
                other_path = Path(scratch) / lock
                subprocess.run([*compile_command, "--python-platform", f"{machine}-unknown-linux-gnu",
                                "-c", lock, "--no-header", "-o", str(other_path)],
                               input=build_requirements, text=True, cwd=root, check=True)
                other = parse_lock(other_path.read_text(), lock)[0]
            if {p.name: p.version for p in other.values()} != {p.name: p.version for p in pins.values()}:
                raise SystemExit(f"{lock}: Linux {machine} resolves to other packages than {MACHINES[0]}; "
                                 "the locks would need platform markers (uv pip compile --universal)")
        written.append(lock)
        print(f"{lock}: {len(pins)} pins")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.locks", description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the folder holding pyproject.toml and the locks")
    commands = parser.add_subparsers(dest="command", required=True)
    commands.add_parser("check", help="offline: do pyproject.toml and the locks agree?")
    commands.add_parser("refresh", help="compile the locks again with uv; other options go to `uv pip compile`")
    args, rest = parser.parse_known_args(argv)
    if args.command == "refresh":
        refresh(args.root, rest)
    elif rest:
        parser.error(f"unrecognized arguments: {' '.join(rest)}")
    problems = check(args.root)
    if problems:
        print(f"locks: pyproject.toml and the lock files disagree ({len(problems)}):", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        print(f"Refresh the locks with `{REFRESH_COMMAND}` (README, Development: Locked dependencies).",
              file=sys.stderr)
        return 1
    print(f"locks: {', '.join(LOCKS)} agree with pyproject.toml")
    return 0


if __name__ == "__main__":
    sys.exit(main())
