"""A throwaway PostgreSQL server for the store tests (Debian's ``postgresql`` package).

Started once per test session in a temporary folder on a free port, as the
``postgres`` user when the tests run as root (``initdb`` refuses root), and stopped
at the end. Each test gets a database of its own.
"""

from __future__ import annotations

import contextlib
import glob
import os
import shutil
import subprocess
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

from harness.ports import free_port

__all__ = ["PostgresServer", "find_binaries", "running_server"]


def find_binaries() -> Path | None:
    """The folder with initdb and pg_ctl, newest version first."""
    for folder in sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[4]), reverse=True):
        if Path(folder, "initdb").exists() and Path(folder, "pg_ctl").exists():
            return Path(folder)
    found = shutil.which("initdb")
    return Path(found).parent if found else None


class PostgresServer:
    def __init__(self, bin_dir: Path, root: Path, port: int, user: str) -> None:
        self.bin_dir, self.root, self.port, self.user = bin_dir, root, port, user

    def url(self, database: str) -> str:
        return f"postgresql+psycopg://{self.user}@127.0.0.1:{self.port}/{database}"

    def create_database(self) -> str:
        name = f"wb_{uuid.uuid4().hex[:12]}"
        self._run([str(self.bin_dir / "createdb"), "-h", "127.0.0.1", "-p", str(self.port), "-U", self.user, name])
        return name

    def _run(self, command: list[str]) -> None:
        subprocess.run(_as_user(command, self.user), check=True, capture_output=True, timeout=120)


def _as_user(command: list[str], user: str) -> list[str]:
    if os.geteuid() == 0 and user != "root":
        return ["runuser", "-u", user, "--", *command]
    return command


@contextlib.contextmanager
def running_server() -> Iterator[PostgresServer]:
    """Start a server; raises RuntimeError with the reason when that is impossible."""
    bin_dir = find_binaries()
    if bin_dir is None:
        raise RuntimeError("PostgreSQL is not installed (Debian: apt-get install postgresql)")
    user = "postgres" if os.geteuid() == 0 else os.environ.get("USER", "postgres")
    root = Path(tempfile.mkdtemp(prefix="workbook-pg-"))
    data = root / "data"
    if os.geteuid() == 0:
        shutil.chown(root, user)
    port = free_port()
    server = PostgresServer(bin_dir, root, port, user)
    try:
        server._run([str(bin_dir / "initdb"), "-D", str(data), "-U", user, "-A", "trust", "--no-sync", "-E", "UTF8"])
        server._run(
            [
                str(bin_dir / "pg_ctl"),
                "-D",
                str(data),
                "-l",
                str(root / "server.log"),
                "-w",
                "-t",
                "60",
                "-o",
                f"-p {port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off",
                "start",
            ]
        )
    except (subprocess.CalledProcessError, OSError) as error:
        shutil.rmtree(root, ignore_errors=True)
        detail = getattr(error, "stderr", b"") or b""
        raise RuntimeError(f"PostgreSQL could not start: {error} {detail.decode(errors='replace')[-300:]}") from error
    try:
        yield server
    finally:
        with contextlib.suppress(Exception):
            server._run([str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "immediate", "-w", "stop"])
        shutil.rmtree(root, ignore_errors=True)
