"""`make serve` as the README says: it answers on its port and stops on Ctrl-C."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
from collections.abc import Callable
from pathlib import Path

import pytest

from harness.ports import free_port
from harness.served import Served, ServerError

ROOT = Path(__file__).resolve().parents[1]


def _kernels_up(served: Served) -> Callable[[], bool]:
    def up() -> bool:
        log = served.log_text()
        started = log.count("Kernel started:")
        return started >= 2 and log.count("IPKernelApp] WARNING | Kernel is running") >= started

    return up


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_serve_answers_and_stops_on_ctrl_c(tmp_path: Path) -> None:
    port = free_port()
    db = tmp_path / "serve.sqlite"
    env = {**os.environ, "WORKBOOK_DB": f"sqlite:///{db}"}
    # Its own process group, like a terminal's foreground job.
    served = Served.start(
        ["make", "-s", "serve", f"PORT={port}"],
        name="make serve",
        port=port,
        log_path=tmp_path / "serve.log",
        env=env,
        cwd=ROOT,
    )
    process = served.process
    try:
        served.wait_until_ready(120)
        assert db.exists()  # the database is created on first use
        # The page just took the preheated kernel and Voila starts the next one. Stopped
        # while that one is still importing, it prints a KeyboardInterrupt of its own
        # (jupyter_client interrupts it): not what this test is about, so wait until
        # every kernel started has come up (ipykernel logs its transport when it has).
        with contextlib.suppress(ServerError):
            served.wait_for(_kernels_up(served), 60, "every kernel up")
        served.signal_group(signal.SIGINT)  # what Ctrl-C in the terminal does
        process.wait(timeout=60)
    finally:
        if process.poll() is None:
            served.stop(timeout_s=5)
    output = served.log_text()
    assert f"http://127.0.0.1:{port}/" in output
    # Ctrl-C reaches only `workbook serve`, which stops Voilà in order: no kernel is
    # interrupted half-way. (ipykernel may still log a ZMQ error when it is asked
    # for its info while shutting down; that is ipykernel's, and harmless.)
    assert "KeyboardInterrupt" not in output
    assert "Stopping the dashboard" in output
    assert process.returncode in (0, 2, -signal.SIGINT), output
    with pytest.raises(ProcessLookupError):
        os.killpg(process.pid, 0)  # nothing of it is left running


@pytest.mark.skipif(shutil.which("make") is None, reason="make is not installed")
def test_make_lab_answers_on_its_port_with_the_same_database(tmp_path: Path) -> None:
    port = free_port()
    env = {**os.environ, "WORKBOOK_DB": f"sqlite:///{tmp_path / 'lab.sqlite'}", "JUPYTER_TOKEN": "lab-test-token"}
    served = Served.start(
        ["make", "-s", "lab", f"LAB_PORT={port}"],
        name="make lab",
        port=port,
        log_path=tmp_path / "lab.log",
        env=env,
        cwd=ROOT,
    )
    try:
        served.wait_until_ready(120, url=f"http://127.0.0.1:{port}/lab?token=lab-test-token")
        served.wait_until_ready(30, url=f"http://127.0.0.1:{port}/api/contents/exercises.ipynb?token=lab-test-token")
    finally:
        served.stop(timeout_s=20)
    assert f"127.0.0.1:{port}" in served.log_text()
