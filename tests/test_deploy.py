"""The deployment files are real configuration, not sketches."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_jupyterhub_config_sets_the_dashboard_and_the_database() -> None:
    class Config:
        def __init__(self) -> None:
            self.Spawner = type("S", (), {})()
            self.JupyterHub = type("J", (), {})()

    config = Config()
    source = (ROOT / "deploy" / "jupyterhub_config.py").read_text()
    exec(compile(source, "jupyterhub_config.py", "exec"), {"get_config": lambda: config})
    assert config.Spawner.default_url == "/voila/render/workbook.ipynb"
    assert config.Spawner.environment["WORKBOOK_DB"].startswith("postgresql+psycopg://")


@pytest.mark.skipif(shutil.which("nginx") is None, reason="nginx is not installed here")
def test_nginx_config_is_accepted_by_nginx(tmp_path: Path) -> None:
    site = (ROOT / "deploy" / "nginx-workshop.conf").read_text()
    # Test certificates, so `nginx -t` can load the TLS server block.
    subprocess.run(
        [
            "openssl",
            "req",
            "-x509",
            "-newkey",
            "rsa:2048",
            "-nodes",
            "-days",
            "1",
            "-subj",
            "/CN=test",
            "-keyout",
            str(tmp_path / "key.pem"),
            "-out",
            str(tmp_path / "cert.pem"),
        ],
        check=True,
        capture_output=True,
    )
    site = site.replace("/etc/ssl/certs/workbook.example.org.pem", str(tmp_path / "cert.pem"))
    site = site.replace("/etc/ssl/private/workbook.example.org.key", str(tmp_path / "key.pem"))
    main = tmp_path / "nginx.conf"
    main.write_text(
        f"pid {tmp_path}/nginx.pid; error_log {tmp_path}/error.log; events {{}}\n"
        f"http {{ access_log off; client_body_temp_path {tmp_path}; proxy_temp_path {tmp_path};\n{site}\n}}\n"
    )
    result = subprocess.run(["nginx", "-t", "-c", str(main), "-p", str(tmp_path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_systemd_unit_runs_workbook_serve_on_loopback() -> None:
    unit = (ROOT / "deploy" / "workbook.service").read_text()
    assert "workbook serve --host 127.0.0.1" in unit and "KillSignal=SIGINT" in unit
