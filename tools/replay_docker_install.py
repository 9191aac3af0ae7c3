"""Replay the Dockerfile's install steps without a Docker engine, then check what they installed.

    python -m tools.replay_docker_install [--keep]

In a temporary folder standing for the image's file system: the build context is what .dockerignore lets
through; each COPY after FROM copies from it as Docker does (a folder's contents, ignored files left out);
WORKDIR and ENV apply; each RUN that installs (it starts with `pip` or `python`) runs with `sh -c` in a fresh
`python3.11 -m venv` standing for the image's Python, with pip's configuration files and this machine's pip
settings set aside (only the settings that reach the index are kept). The other RUN lines set up the system as
root (a user, /data) and are skipped, and said so. Then: `imagine-bot --help` runs, `pip check` passes, and the
installed dist-info holds the LICENSE and is not an editable install.

Needs PyPI. What it cannot reproduce: the image's own pip version and its Debian base; the image installs into
the system Python where this uses a venv.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath

ROOT = Path(__file__).resolve().parents[1]
INSTALL_PROGRAMS = ("pip", "python")
# pip settings that only say how to reach the index; every other PIP_* of this machine is left out
KEPT_PIP_SETTINGS = {"PIP_CERT", "PIP_CLIENT_CERT", "PIP_INDEX_URL", "PIP_TRUSTED_HOST", "PIP_PROXY",
                     "PIP_DEFAULT_TIMEOUT", "PIP_RETRIES"}


@dataclass(frozen=True)
class Instruction:
    keyword: str
    arguments: str
    line: int


def parse_dockerfile(text: str) -> list[Instruction]:
    """The Dockerfile's instructions, continuation lines joined and comments dropped."""
    instructions: list[Instruction] = []
    pending: list[str] = []
    start = 0
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if not pending and (not stripped or stripped.startswith("#")):
            continue
        if pending and stripped.startswith("#"):
            continue  # a comment inside a continued instruction
        if not pending:
            start = number
        if stripped.endswith("\\"):
            pending.append(stripped[:-1].strip())
            continue
        pending.append(stripped)
        keyword, _, arguments = " ".join(part for part in pending if part).partition(" ")
        instructions.append(Instruction(keyword.upper(), arguments.strip(), start))
        pending = []
    if pending:
        raise ValueError(f"Dockerfile:{start}: the last instruction ends with a continuation backslash")
    return instructions


def _pattern_regex(pattern: str) -> re.Pattern[str]:
    """A .dockerignore pattern as a regex over slash-separated context paths (`**` spans folders)."""
    parts: list[str] = []
    index = 0
    while index < len(pattern):
        char = pattern[index]
        if pattern.startswith("**/", index):
            parts.append("(?:.*/)?")
            index += 3
            continue
        if pattern.startswith("**", index):
            parts.append(".*")
            index += 2
            continue
        if char == "*":
            parts.append("[^/]*")
        elif char == "?":
            parts.append("[^/]")
        elif char == "[" and (end := pattern.find("]", index)) > index:
            parts.append(pattern[index:end + 1].replace("[!", "[^"))
            index = end + 1
            continue
        else:
            parts.append(re.escape(char))
        index += 1
    return re.compile("".join(parts) + r"\Z")


class DockerIgnore:
    """.dockerignore's rules: the last pattern that matches a path, or one of its parent folders, decides."""

    def __init__(self, text: str) -> None:
        self.rules: list[tuple[bool, re.Pattern[str]]] = []
        for raw in text.splitlines():
            line = raw.strip()
            if not line or line.startswith("#"):
                continue
            negated = line.startswith("!")
            pattern = os.path.normpath(line.lstrip("!").strip()).lstrip("/")
            self.rules.append((negated, _pattern_regex(pattern)))

    def ignores(self, path: str) -> bool:
        parts = PurePosixPath(path).parts
        candidates = ["/".join(parts[:end]) for end in range(1, len(parts) + 1)]
        ignored = False
        for negated, regex in self.rules:
            if any(regex.match(candidate) for candidate in candidates):
                ignored = not negated
        return ignored


def copy_into(context: Path, ignore: DockerIgnore, sources: list[str], destination: Path) -> list[str]:
    """COPY: files as they are, a folder's contents (what .dockerignore lets through); the copied paths."""
    copied: list[str] = []
    into_folder = len(sources) > 1 or str(destination).endswith("/")
    for source in sources:
        relative = os.path.normpath(source).lstrip("/")
        path = context / relative
        if not path.exists() or ignore.ignores(relative):
            raise FileNotFoundError(f"COPY {source}: not in the build context (missing or in .dockerignore)")
        if path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file()):
                inside = file.relative_to(context).as_posix()
                if ignore.ignores(inside):
                    continue
                target = destination / file.relative_to(path)
                target.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(file, target)
                copied.append(inside)
        else:
            target = destination / path.name if into_folder or destination.is_dir() else destination
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(path, target)
            copied.append(relative)
    return copied


def _env_pairs(arguments: str) -> dict[str, str]:
    pairs = {}
    for word in shlex.split(arguments):
        name, equals, value = word.partition("=")
        if not equals:
            raise ValueError(f"ENV {arguments}: only the NAME=value form is replayed")
        pairs[name] = value
    return pairs


def _image_path(image_root: Path, workdir: PurePosixPath, path: str) -> Path:
    """A path inside the image, as a path under `image_root` (relative ones from WORKDIR)."""
    absolute = workdir / path
    return image_root / os.path.normpath(str(absolute)).lstrip("/")


def _python311() -> str:
    if sys.version_info[:2] == (3, 11):
        return sys.executable
    if found := shutil.which("python3.11"):
        return found
    raise SystemExit("the replay needs Python 3.11, like the image (python3.11 is not on the PATH)")


def _base_environment(venv: Path) -> dict[str, str]:
    environment = {name: value for name, value in os.environ.items()
                   if not name.startswith("PIP_") or name in KEPT_PIP_SETTINGS}
    environment.pop("VIRTUAL_ENV", None)
    environment.pop("PYTHONPATH", None)
    environment["PIP_CONFIG_FILE"] = os.devnull  # pip reads no configuration file (the image has none)
    environment["PATH"] = f"{venv / 'bin'}{os.pathsep}{environment.get('PATH', '')}"
    return environment


def replay(root: Path, scratch: Path, *, install: bool = True) -> Path:
    """Replay the Dockerfile of `root` under `scratch` (`scratch/image` is the image's file system); the venv
    standing for the image's Python. With install=False only the files are copied: no venv, no RUN."""
    ignore = DockerIgnore((root / ".dockerignore").read_text() if (root / ".dockerignore").exists() else "")
    image_root = scratch / "image"
    venv = scratch / "python"
    image_root.mkdir()
    if install:
        print(f"== a fresh venv for the image's Python: {_python311()} -m venv", flush=True)
        subprocess.run([_python311(), "-m", "venv", str(venv)], check=True)
    environment = _base_environment(venv)
    workdir = PurePosixPath("/")
    for instruction in parse_dockerfile((root / "Dockerfile").read_text()):
        where = f"Dockerfile:{instruction.line}"
        if instruction.keyword == "ENV":
            environment.update(_env_pairs(instruction.arguments))
        elif instruction.keyword == "WORKDIR":
            workdir = workdir / instruction.arguments
            _image_path(image_root, workdir, ".").mkdir(parents=True, exist_ok=True)
        elif instruction.keyword == "COPY":
            words = [word for word in shlex.split(instruction.arguments) if not word.startswith("--")]
            *sources, destination = words
            target = _image_path(image_root, workdir, destination)
            if destination.endswith("/"):
                target.mkdir(parents=True, exist_ok=True)
            copied = copy_into(root, ignore, sources, target)
            print(f"== {where} COPY {instruction.arguments}: {len(copied)} files", flush=True)
        elif instruction.keyword == "RUN":
            command = instruction.arguments
            if command.startswith("["):
                command = shlex.join(json.loads(command))
            if not command.startswith(INSTALL_PROGRAMS):
                print(f"== {where} skipped (system set-up as root): RUN {command}", flush=True)
                continue
            if not install:
                continue
            print(f"== {where} RUN {command}", flush=True)
            subprocess.run(["sh", "-c", command], cwd=_image_path(image_root, workdir, "."), env=environment,
                           check=True)
    return venv


def verify(root: Path, venv: Path) -> list[str]:
    """What is wrong with the replayed install: the command, the requirements, the LICENSE in the dist-info."""
    problems = []
    help_run = subprocess.run([str(venv / "bin" / "imagine-bot"), "--help"], capture_output=True, text=True,
                              cwd=venv, check=False)
    if help_run.returncode != 0 or "usage: imagine-bot" not in help_run.stdout:
        problems.append(f"`imagine-bot --help` failed ({help_run.returncode}): {help_run.stderr.strip()[-500:]}")
    pip_check = subprocess.run([str(venv / "bin" / "python"), "-m", "pip", "check"], capture_output=True,
                               text=True, env=_base_environment(venv), check=False)
    if pip_check.returncode != 0:
        problems.append(f"`pip check`: {pip_check.stdout.strip()}")
    dist_infos = sorted(venv.glob("lib/python3*/site-packages/imagine_bot-*.dist-info"))
    if len(dist_infos) != 1:
        return [*problems, f"expected one imagine_bot dist-info in the venv, found {len(dist_infos)}"]
    dist_info = dist_infos[0]
    license_file = dist_info / "licenses" / "LICENSE"
    if not license_file.is_file():
        problems.append(f"{dist_info.name} has no licenses/LICENSE")
    elif license_file.read_bytes() != (root / "LICENSE").read_bytes():
        problems.append(f"{dist_info.name}/licenses/LICENSE differs from the repository's LICENSE")
    direct_url = dist_info / "direct_url.json"
    if direct_url.is_file() and json.loads(direct_url.read_text()).get("dir_info", {}).get("editable"):
        problems.append(f"{dist_info.name}: installed editable, the image must hold a real install")
    print(f"== installed: {dist_info.name}", flush=True)
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m tools.replay_docker_install",
                                     description=__doc__.split("\n\n")[0])
    parser.add_argument("--root", type=Path, default=ROOT, help="the build context holding the Dockerfile")
    parser.add_argument("--keep", action="store_true", help="keep the temporary folder and print where it is")
    args = parser.parse_args(argv)
    scratch = Path(tempfile.mkdtemp(prefix="imagine-docker-replay-"))
    try:
        venv = replay(args.root, scratch)
        problems = verify(args.root, venv)
    except (subprocess.CalledProcessError, FileNotFoundError, ValueError) as exc:
        problems = [str(exc)]
    finally:
        if args.keep:
            print(f"== kept in {scratch}")
        else:
            shutil.rmtree(scratch, ignore_errors=True)
    if problems:
        print("docker install replay failed:", file=sys.stderr)
        for problem in problems:
            print(f"  - {problem}", file=sys.stderr)
        return 1
    print("docker install replay: imagine-bot --help runs, pip check passes, LICENSE is in the dist-info")
    return 0


if __name__ == "__main__":
    sys.exit(main())
