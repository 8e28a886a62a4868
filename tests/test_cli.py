"""The `workbook` command without a browser: clear errors, exports, the notebook."""

from __future__ import annotations

import re
import socket
from pathlib import Path

import openpyxl
import pytest
from voila.paths import collect_template_paths

from harness.ports import free_port
from harness.served import Served, http_get, serve_command
from workbook import voila as voila_template
from workbook.cli import dashboard_address, main, notebook_path, voila_command
from workbook.model import Candidate
from workbook.store import Database

ROOT = Path(__file__).resolve().parents[1]


def test_a_taken_port_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        code = main(["serve", "--port", str(port), "--db", f"sqlite:///{tmp_path / 'wb.sqlite'}"])
    assert code == 2
    err = capsys.readouterr().err
    assert f"Port {port}" in err and "already in use" in err and "Traceback" not in err


def test_a_foreign_database_file_is_a_clear_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    thesis = tmp_path / "thesis.docx"
    thesis.write_bytes(b"PK\x03\x04 not a database")
    assert main(["serve", "--db", f"sqlite:///{thesis}"]) == 2
    assert "not an SQLite database" in capsys.readouterr().err
    assert thesis.read_bytes() == b"PK\x03\x04 not a database"


def test_voila_is_started_locked_down() -> None:
    command = voila_command(Path("nb.ipynb"), host="127.0.0.1", port=9999, pool_size=2)
    assert "--Voila.port_retries=0" in command
    assert "--show_tracebacks=False" in command
    assert "--preheat_kernel=True" in command and "--pool_size=2" in command
    assert "--Voila.ip=127.0.0.1" in command and "--port=9999" in command
    assert "--MappingKernelManager.cull_idle_timeout=180" in command
    assert "--MappingKernelManager.cull_connected=False" in command


def test_voila_uses_the_workbook_template_that_keeps_everything_on_the_server(monkeypatch: pytest.MonkeyPatch) -> None:
    command = voila_command(Path("nb.ipynb"), host="127.0.0.1", port=9999, pool_size=1)
    assert command[1:3] == ["-m", "workbook.voila"] and f"--template={voila_template.TEMPLATE}" in command
    # What the launcher does before Voilà looks the template up by name.
    monkeypatch.setenv("JUPYTER_PATH", voila_template.jupyter_path_with_template(None))
    found = collect_template_paths(["voila", "nbconvert"], voila_template.TEMPLATE, prune=True)
    ours = voila_template.JUPYTER_DATA / "voila" / "templates" / voila_template.TEMPLATE
    assert Path(found[0]) == ours
    [stock, *_] = [Path(p) / "index.html.j2" for p in found if Path(p).parts[-2:] == ("templates", "lab")]
    # The stock template's CDN links are the ones ours removes; a new Voilà that changes
    # them shows up here (and in every browser test, which fails on a request elsewhere).
    hrefs = re.findall(r'<link rel="stylesheet" href="(https://[^"]+)"', stock.read_text())
    assert hrefs and all(href.rsplit("/", 1)[-1] in (ours / "index.html.j2").read_text() for href in hrefs)
    assert "https://" not in (ours / "page.html").read_text()


def test_the_address_for_the_room() -> None:
    assert dashboard_address("127.0.0.1", 8866) == "http://127.0.0.1:8866/"
    assert dashboard_address("::1", 8866) == "http://[::1]:8866/"
    assert dashboard_address("10.0.0.5", 9000, "abc-_1") == "http://10.0.0.5:9000/?token=abc-_1"
    # A wildcard host is where Voila listens, not where anyone can go: the computer's name is.
    for wildcard in ("0.0.0.0", "::"):
        assert dashboard_address(wildcard, 8866, "t") == f"http://{socket.gethostname()}:8866/?token=t"


def test_serve_tells_the_dashboard_its_address(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    started: list[dict[str, str]] = []

    class FakeVoila:
        pid = 0

        def __init__(self, command: list[str], *, env: dict[str, str], **_: object) -> None:
            started.append(env)

        def wait(self, timeout: float | None = None) -> int:
            return 0

        def poll(self) -> int:
            return 0

    monkeypatch.setattr("workbook.cli.subprocess.Popen", FakeVoila)
    port = free_port()
    url = f"sqlite:///{tmp_path / 'wb.sqlite'}"
    assert main(["serve", "--db", url, "--port", str(port)]) == 0
    assert started[-1]["WORKBOOK_ADDRESS"] == f"http://127.0.0.1:{port}/"
    assert main(["serve", "--db", url, "--port", str(port), "--host", "0.0.0.0", "--token", "s3cret"]) == 0
    assert started[-1]["WORKBOOK_ADDRESS"] == f"http://{socket.gethostname()}:{port}/?token=s3cret"
    assert started[-1]["WORKBOOK_DB"] == url


def test_export_writes_excel_and_csv(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'wb.sqlite'}"
    db = Database.open(url)
    db.accounts.create_candidate(Candidate(name="Sanne"))
    db.close()
    assert main(["export", "--db", url, "--raw", "--out", str(tmp_path / "all.xlsx")]) == 0
    sheets = openpyxl.load_workbook(tmp_path / "all.xlsx").sheetnames
    assert {"candidates", "interviews", "reflections", "promises", "emails"} <= set(sheets)
    assert main(["export", "--db", url, "--raw", "--out", str(tmp_path / "csv")]) == 0
    assert (tmp_path / "csv" / "candidates.csv").read_text(encoding="utf-8-sig").count("Sanne") == 1
    # Without --raw: for people, in their language.
    assert main(["export", "--db", url, "--out", str(tmp_path / "people.xlsx")]) == 0
    book = openpyxl.load_workbook(tmp_path / "people.xlsx")
    assert book.sheetnames[:2] == ["Deelnemers", "Gesprekken"] and book["Deelnemers"]["A2"].value == "Sanne"
    assert main(["export", "--db", url, "--lang", "en", "--out", str(tmp_path / "people")]) == 0
    assert (tmp_path / "people" / "Participants.csv").read_text(encoding="utf-8-sig").startswith("Participant,")
    assert main(["export", "--db", url, "--out", str(tmp_path / "x.pdf")]) == 2
    assert ".xlsx" in capsys.readouterr().err


def test_the_notebook_is_found_in_the_repository() -> None:
    assert notebook_path() == ROOT / "notebooks" / "workbook.ipynb"


def test_help_lists_the_commands(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "serve" in out and "export" in out


def test_coach_passcode_is_set_hashed(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import io

    url = f"sqlite:///{tmp_path / 'wb.sqlite'}"
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["coach-passcode", "--db", url, "--stdin"]) == 2
    assert "at least 8" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("correct horse battery\n"))
    assert main(["coach-passcode", "--db", url, "--stdin"]) == 0
    db = Database.open(url)
    accounts = db.accounts
    assert accounts.check_coach_passcode("correct horse battery") and not accounts.check_coach_passcode("correct horse")
    with db.read() as conn:
        stored = conn.exec_driver_sql("SELECT passcode_hash FROM coaches").scalar()
    assert "correct" not in stored and stored.startswith("scrypt$")
    db.close()


def test_demo_then_export_a_workshop(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'demo.sqlite'}"
    assert main(["demo", "--db", url, "--candidates", "6", "--interviews", "2", "--seed", "4"]) == 0
    out = capsys.readouterr().out
    assert "6 candidates, 12 interviews" in out and "demo-coach-passcode" in out
    workshop = ["--workshop", "Demo-workshop"]
    assert main(["export", "--db", url, *workshop, "--raw", "--out", str(tmp_path / "w.xlsx")]) == 0
    book = openpyxl.load_workbook(tmp_path / "w.xlsx")
    assert "summary" in book.sheetnames and book["candidates"].max_row == 7  # header + 6
    assert main(["export", "--db", url, *workshop, "--out", str(tmp_path / "people.xlsx")]) == 0
    assert openpyxl.load_workbook(tmp_path / "people.xlsx")["Deelnemers"].max_row == 7  # header + 6
    assert main(["export", "--db", url, *workshop, "--raw", "--out", str(tmp_path / "csv")]) == 0
    assert (tmp_path / "csv" / "closing_outcomes.csv").exists()
    assert main(["export", "--db", url, "--workshop", "Nope", "--out", str(tmp_path / "x.xlsx")]) == 2
    assert "No workshop is called 'Nope'" in capsys.readouterr().err


def test_serve_workshop_needs_a_coach_first(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'wb.sqlite'}"
    assert main(["serve", "--db", url, "--port", "0", "--workshop", "Najaar"]) == 2
    assert "workbook coach-passcode" in capsys.readouterr().err


def test_serving_beyond_loopback_requires_the_token(tmp_path: Path) -> None:
    import re

    port = free_port()
    server = Served.start(
        serve_command(port, f"sqlite:///{tmp_path / 'wb.sqlite'}", host="0.0.0.0"),
        name="workbook serve",
        port=port,
        log_path=tmp_path / "serve.log",
    )
    try:
        found = server.wait_for(lambda: re.search(r"\?token=([\w-]+)", server.log_text()), 120, "a token in its log")
        token = found.group(1)
        # A redirect to a login page is an answer, not the dashboard: redirects are not followed.
        server.wait_until_ready(120, url=f"{server.url}?token={token}", redirects=False)
        assert http_get(server.url, redirects=False).status in (302, 401, 403)  # no token, no dashboard
        assert "token in the address is required" in server.log_text()
    finally:
        server.stop(timeout_s=60)
