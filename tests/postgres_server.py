"""A throwaway PostgreSQL server for the tests, from the binaries of the Debian `postgresql` package.

    python -m tests.postgres_server start DIR   # prints the admin URL: postgresql://postgres@127.0.0.1:PORT/postgres
    python -m tests.postgres_server stop DIR

`freeze(DIR)` stops every process of a running server with SIGSTOP (a server that hangs: connections stay open,
nothing answers) and `thaw(DIR)` lets them go on; only for a server a test started for itself.

The cluster lives in DIR (data, log, unix socket), trusts loopback logins and runs without fsync: for tests
only. PostgreSQL refuses to run as root, so as root DIR is handed to the `postgres` user and the server runs
as that user.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import signal
import socket
import subprocess
import sys
from pathlib import Path

_URL_FILE = "url"
_SERVER_USER = "postgres"


class PostgresServerError(RuntimeError):
    """The server could not be found, created, started or stopped; the message says why."""


def find_binaries() -> Path:
    """The directory holding initdb and pg_ctl: the newest /usr/lib/postgresql/*/bin, else the PATH."""
    versions = sorted(glob.glob("/usr/lib/postgresql/*/bin/initdb"), key=lambda path: int(path.split("/")[4]))
    if versions:
        return Path(versions[-1]).parent
    initdb = shutil.which("initdb")
    if initdb is not None and shutil.which("pg_ctl") is not None:
        return Path(initdb).parent
    raise PostgresServerError("PostgreSQL's initdb and pg_ctl were not found (in /usr/lib/postgresql/*/bin or on "
                              "PATH): install the postgresql package (apt-get install postgresql)")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _run(command: list[str], *, as_server_user: bool) -> None:
    if as_server_user:
        command = ["runuser", "-u", _SERVER_USER, "--", *command]
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise PostgresServerError(f"{Path(command[-1] if as_server_user else command[0]).name} failed "
                                  f"({' '.join(command)}):\n{done.stdout}{done.stderr}")


def start(directory: Path) -> str:
    """Create a cluster in `directory` (unless there is one) and start it on a free loopback port; the admin URL."""
    directory = directory.resolve()
    directory.mkdir(parents=True, exist_ok=True)
    binaries = find_binaries()
    data, sockets = directory / "data", directory / "socket"
    as_root = os.geteuid() == 0
    sockets.mkdir(exist_ok=True)
    if as_root:
        shutil.chown(directory, _SERVER_USER)
        shutil.chown(sockets, _SERVER_USER)
    if not (data / "PG_VERSION").exists():
        _run([str(binaries / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "--encoding=UTF8",
              "--locale=C", "--no-sync"], as_server_user=as_root)
    port = _free_port()
    options = (f"-p {port} -k {sockets} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off"
               " -c full_page_writes=off -c max_connections=300 -c shared_buffers=32MB")
    _run([str(binaries / "pg_ctl"), "-D", str(data), "-l", str(directory / "server.log"), "-o", options, "-w",
          "-t", "60", "start"], as_server_user=as_root)
    url = f"postgresql://postgres@127.0.0.1:{port}/postgres"
    (directory / _URL_FILE).write_text(url + "\n")
    return url


def stop(directory: Path) -> None:
    """Stop the server running from `directory` (fast shutdown); nothing if none runs there."""
    data = directory.resolve() / "data"
    if not (data / "postmaster.pid").exists():
        return
    _run([str(find_binaries() / "pg_ctl"), "-D", str(data), "-m", "fast", "-w", "stop"],
         as_server_user=os.geteuid() == 0)


def server_pids(directory: Path) -> list[int]:
    """The postmaster of the server running from `directory`, then its children (backends, background workers)."""
    postmaster = int((directory.resolve() / "data" / "postmaster.pid").read_text().split()[0])
    children = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue  # the process ended meanwhile
        if int(fields[1]) == postmaster:
            children.append(int(stat.parent.name))
    return [postmaster, *sorted(children)]


def freeze(directory: Path) -> list[int]:
    """SIGSTOP the server running from `directory`: the postmaster first (so it forks nothing new), then each
    of its processes. Returns the pids, for `thaw`."""
    postmaster = server_pids(directory)[0]
    os.kill(postmaster, signal.SIGSTOP)
    pids = server_pids(directory)
    for pid in pids[1:]:
        os.kill(pid, signal.SIGSTOP)
    return pids


def thaw(pids: list[int]) -> None:
    """SIGCONT the processes `freeze` stopped (the children first, the postmaster last)."""
    for pid in reversed(pids):
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGCONT)


def main(argv: list[str]) -> int:
    if len(argv) != 2 or argv[0] not in ("start", "stop"):
        print("usage: python -m tests.postgres_server start|stop DIR", file=sys.stderr)
        return 2
    try:
        if argv[0] == "start":
            print(start(Path(argv[1])))
        else:
            stop(Path(argv[1]))
    except PostgresServerError as exc:
        print(f"postgres_server: {exc}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
