"""The MIT licence: the file, its declaration in pyproject.toml, and the built wheel carrying it (and the
playground's page with the licences of what its bundle holds)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tomllib
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
from packaging.version import Version

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())
LICENSE_SETUPTOOLS = Version("77")  # the first setuptools to read `license = "MIT"` and `license-files`


def test_the_license_file_is_the_mit_licence_of_the_authors():
    text = (ROOT / "LICENSE").read_text()
    assert text.startswith("MIT License\n\nCopyright (c) 2026 the imagine-bot authors\n")
    assert 'THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND' in text


def test_pyproject_declares_the_licence_as_an_spdx_expression_with_its_file():
    assert PYPROJECT["project"]["license"] == "MIT"
    assert PYPROJECT["project"]["license-files"] == ["LICENSE"]
    assert "setuptools>=77" in PYPROJECT["build-system"]["requires"]


def test_the_built_wheel_carries_the_licence(tmp_path):
    installed = Version(metadata.version("setuptools"))
    if installed < LICENSE_SETUPTOOLS:
        pytest.fail(f"setuptools {installed} in this environment cannot build the project; install the locked "
                    "one with the README's test command (pip install --require-hashes -r requirements-dev.lock)")
    source = tmp_path / "source"
    source.mkdir()
    for name in ("pyproject.toml", "README.md", "LICENSE"):
        shutil.copy(ROOT / name, source / name)
    for package in ("bot", "cogs", "playground"):
        shutil.copytree(ROOT / package, source / package,
                        ignore=shutil.ignore_patterns("__pycache__", "*.pyc", "node_modules"))
    # the installed (locked) setuptools builds it, as in the Dockerfile: offline, no build isolation
    result = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "--no-index",
         "--wheel-dir", str(tmp_path / "dist"), str(source)],
        capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stdout + result.stderr
    [wheel] = (tmp_path / "dist").glob("imagine_bot-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        dist_info = next(name.split("/")[0] for name in archive.namelist() if ".dist-info/" in name)
        assert archive.read(f"{dist_info}/licenses/LICENSE") == (ROOT / "LICENSE").read_bytes()
        fields = archive.read(f"{dist_info}/METADATA").decode().split("\n\n")[0].splitlines()
        names = set(archive.namelist())
    # the playground works from an installed wheel: its page and assets are in it
    static = ROOT / "playground" / "web" / "static"
    shipped = {path.relative_to(ROOT).as_posix() for path in static.rglob("*") if path.is_file()}
    assert "playground/web/static/index.html" in shipped
    assert shipped <= names, sorted(shipped - names)
    # and the message catalogue: without it every member would read English
    catalogue = {path.relative_to(ROOT).as_posix() for path in (ROOT / "bot" / "i18n" / "catalog").iterdir()}
    assert "bot/i18n/catalog/messages.pot" in catalogue
    assert catalogue <= names, sorted(catalogue - names)
    assert "License-Expression: MIT" in fields
    assert "License-File: LICENSE" in fields
