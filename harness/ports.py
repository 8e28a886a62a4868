"""Free TCP ports on this computer."""

from __future__ import annotations

import socket

__all__ = ["free_port"]


def free_port(host: str = "127.0.0.1") -> int:
    """A port nothing listens on right now (the system picks it).

    Voilà silently moves to another port when its own is taken, so every server the
    harness starts gets a port of its own from here (and ``--Voila.port_retries=0``).
    """
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])
