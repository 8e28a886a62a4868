"""A served workbook in a process group of its own: started, waited for, stopped.

``workbook serve`` (tests, stress) or the exact Voilà command line it runs
(benchmarks, which also serve a trivial notebook that way), always on a free port
chosen by the caller, with its output in a log file whose tail goes into every error.
"""

from __future__ import annotations

import contextlib
import os
import signal
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, NamedTuple, Self, TypeVar

__all__ = ["Response", "Served", "ServerError", "http_get", "serve_command", "voila_command", "workbook_command"]

T = TypeVar("T")

#: Pause between two looks at a condition; spent waiting on the process, so an exit
#: is noticed at once and the starting server gets the CPU.
_POLL_S = 0.25
#: Longest single HTTP request while waiting: a server that hangs must not hold the
#: wait far beyond its deadline.
_REQUEST_S = 60.0


class ServerError(RuntimeError):
    """The server exited or did not get where it should in time; the message has its log tail."""


class Response(NamedTuple):
    """An HTTP answer: the status (None when nothing answered) and the body of a success."""

    status: int | None
    body: str


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args: Any, **kwargs: Any) -> None:
        return None  # a redirect (to a login page, say) is the answer, not the page behind it


_FOLLOWING = urllib.request.build_opener()
_NOT_FOLLOWING = urllib.request.build_opener(_NoRedirect)


def http_get(url: str, *, timeout: float = _REQUEST_S, redirects: bool = True) -> Response:
    """GET ``url``: its status and body; ``redirects=False`` reports a redirect as its 3xx."""
    opener = _FOLLOWING if redirects else _NOT_FOLLOWING
    try:
        with opener.open(url, timeout=timeout) as answer:
            return Response(int(answer.status), answer.read().decode("utf-8", "replace"))
    except urllib.error.HTTPError as error:
        return Response(int(error.code), "")
    except (OSError, ValueError):
        return Response(None, "")


def workbook_command() -> list[str]:
    """The ``workbook`` command of this Python: its script when installed, else ``-m``."""
    script = Path(sys.executable).with_name("workbook")
    if script.is_file():
        return [str(script)]
    return [sys.executable, "-m", "workbook.cli"]


def serve_command(port: int, db_url: str, *, host: str = "127.0.0.1", options: Sequence[str] = ()) -> list[str]:
    """``workbook serve`` on ``host:port`` with the database ``db_url``, plus ``options``."""
    return [*workbook_command(), "serve", "--port", str(port), "--host", host, "--db", db_url, *options]


def voila_command(notebook: Path, port: int, *, pool_size: int = 1) -> list[str]:
    """Voilà with exactly the command line ``workbook serve`` runs, for any ``notebook``."""
    from workbook import cli  # the one place that command line is written

    return cli.voila_command(notebook, host="127.0.0.1", port=port, pool_size=pool_size)


def _restore_ctrl_c() -> None:
    # A shell starts background jobs with SIGINT ignored and children inherit that;
    # the server must react to Ctrl-C like in a terminal, so restore the default.
    signal.signal(signal.SIGINT, signal.SIG_DFL)


@dataclass
class Served:
    """A running server (``Served.start``) answering on ``url``; subclasses add fields."""

    name: str
    url: str
    port: int
    log_path: Path
    process: subprocess.Popen[bytes]

    @classmethod
    def start(
        cls,
        command: Sequence[str],
        *,
        name: str,
        port: int,
        log_path: Path,
        env: Mapping[str, str] | None = None,
        cwd: Path | None = None,
        **fields: Any,
    ) -> Self:
        """Start ``command`` (which listens on ``port``) in its own process group.

        Its output goes to ``log_path``; ``env`` replaces the environment (default:
        this one), always unbuffered so the log is current when its tail is shown.
        ``fields`` are a subclass's own. Does not wait: see :meth:`wait_until_ready`.
        """
        log_path.parent.mkdir(parents=True, exist_ok=True)
        environment = {**(os.environ if env is None else env), "PYTHONUNBUFFERED": "1"}
        with log_path.open("wb") as log:
            process = subprocess.Popen(
                list(command),
                stdin=subprocess.DEVNULL,
                stdout=log,
                stderr=subprocess.STDOUT,
                env=environment,
                cwd=cwd,
                start_new_session=True,  # its own process group, so a stop reaches its kernels too
                preexec_fn=_restore_ctrl_c,
            )
        return cls(name=name, url=f"http://127.0.0.1:{port}/", port=port, log_path=log_path, process=process, **fields)

    def log_text(self) -> str:
        """The whole log so far ("" before there is one)."""
        try:
            return self.log_path.read_text(errors="replace")
        except OSError:
            return ""

    def log(self, tail: int = 80) -> str:
        """The last ``tail`` lines of the log."""
        lines = self.log_text().splitlines()
        return "\n".join(lines[-tail:]) if lines else "(no server log)"

    def _failure(self, message: str) -> ServerError:
        return ServerError(f"{message}\n--- server log ({self.log_path}) ---\n{self.log()}")

    def wait_for(
        self, condition: Callable[[], T | None], timeout_s: float, what: str, *, detail: Callable[[], str] | None = None
    ) -> T:
        """Poll ``condition`` until it returns something true, and return that.

        Raises :class:`ServerError` (with the log tail) when the server exits first or
        ``timeout_s`` passes; ``what`` names the awaited thing in that message and
        ``detail()`` adds what was last seen.
        """
        deadline = time.monotonic() + timeout_s
        while True:
            code = self.process.poll()
            if code is not None:
                raise self._failure(f"{self.name} exited with code {code} before {what}")
            found = condition()
            if found:
                return found
            left = deadline - time.monotonic()
            if left <= 0:
                seen = detail() if detail else ""
                raise self._failure(f"{self.name}: no {what} within {timeout_s:.0f} s{seen}")
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=min(_POLL_S, left))

    def wait_until_ready(self, timeout_s: float, *, url: str | None = None, redirects: bool = True) -> str:
        """Wait until ``url`` (default: the server's) answers HTTP 200; return that body."""
        target = url or self.url
        deadline = time.monotonic() + timeout_s
        last = Response(None, "")

        def answered() -> Response | None:
            nonlocal last
            last = http_get(target, timeout=max(1.0, min(_REQUEST_S, deadline - time.monotonic())), redirects=redirects)
            return last if last.status == 200 else None

        ok = self.wait_for(
            answered, timeout_s, f"HTTP 200 from {target}", detail=lambda: f" (last status: {last.status})"
        )
        return ok.body

    def signal_group(self, signum: int) -> None:
        """Send ``signum`` to the whole process group (what a terminal does for Ctrl-C)."""
        with contextlib.suppress(ProcessLookupError):
            os.killpg(self.process.pid, signum)

    def stop(self, timeout_s: float = 30.0) -> None:
        """Ctrl-C for the whole group, then SIGTERM, each given ``timeout_s``; then SIGKILL.

        The last SIGKILL goes to the group even when the server itself has exited:
        it takes down kernels the server did not reap.
        """
        for signum in (signal.SIGINT, signal.SIGTERM):
            if self.process.poll() is not None:
                break
            self.signal_group(signum)
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=timeout_s)
        self.signal_group(signal.SIGKILL)
        self.process.wait()
