"""`make serve` as the README says: it answers on its port and stops on Ctrl-C."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.status == 200
    except OSError:
        return False


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_serve_answers_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    port = _free_port()
    db = tmp_path / "serve.sqlite"
    env = {**os.environ, "WORKBOOK_DB": f"sqlite:///{db}"}
    log = (tmp_path / "serve.log").open("wb")
    process = subprocess.Popen(
        ["make", "-s", "serve", f"PORT={port}"],
        cwd=ROOT,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, like a terminal's foreground job
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    url = f"http://127.0.0.1:{port}/"
    try:
        deadline = time.monotonic() + 120
        while not _answers(url):
            assert process.poll() is None, (tmp_path / "serve.log").read_text()
            assert time.monotonic() < deadline, "make serve did not answer within 120 s"
            with contextlib.suppress(subprocess.TimeoutExpired):
                process.wait(timeout=0.5)  # a short pause that also notices an early exit
        assert db.exists()  # the database is created on first use
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C in the terminal does
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()
        log.close()
    output = (tmp_path / "serve.log").read_text()
    assert f"http://127.0.0.1:{port}/" in output
    # Ctrl-C reaches only `workbook serve`, which stops Voilà in order: no kernel is
    # interrupted half-way. (ipykernel may still log a ZMQ error when it is asked
    # for its info while shutting down; that is ipykernel's, and harmless.)
    assert "KeyboardInterrupt" not in output
    assert "Stopping the dashboard" in output
    assert process.returncode in (0, 2, -signal.SIGINT), output
    with pytest.raises(ProcessLookupError):
        os.killpg(process.pid, 0)  # nothing of it is left running
