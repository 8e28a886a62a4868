"""The ``workbook`` command: ``serve`` the dashboard, ``export`` the tables.

Errors a user can make (a taken port, a database that is not a workbook, a bad
export target) end with one clear line and exit code 2, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import ipaddress
import os
import secrets
import signal
import socket
import subprocess
import sys
import urllib.parse
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, Final

from workbook import voila as voila_template
from workbook.store import DEFAULT_URL, Database, NotAWorkbookDatabase, resolve_url
from workbook.texts import t

__all__ = ["dashboard_address", "main", "notebook_path"]

DEFAULT_PORT: Final = 8866
DEFAULT_HOST: Final = "127.0.0.1"
# One kernel waiting, already past the imports, for the next page load; more would
# cost memory on a laptop for little gain. Workshops raise it with --pool-size.
DEFAULT_POOL: Final = 1
#: Seconds an unconnected, idle kernel lives on (after a closed tab or a reload).
#: Short, because Voilà's own shutdown on leaving a page is refused (voila#1458)
#: and every reload would otherwise hold on to about 100 MB; long enough that a
#: laptop waking from a short sleep finds its page still working.
DEFAULT_CULL_AFTER: Final = 180


class UsageError(Exception):
    """A problem the user can fix; printed as one line."""


def notebook_path() -> Path:
    """The dashboard notebook: in the wheel (installed) or in the repository (editable)."""
    package = Path(__file__).resolve().parent
    for candidate in (
        package / "_notebooks" / "workbook.ipynb",
        package.parent / "notebooks" / "workbook.ipynb",
    ):
        if candidate.is_file():
            return candidate
    raise UsageError("The dashboard notebook workbook.ipynb is missing from this installation.")


def _database_url(given: str | None) -> str:
    return resolve_url(given)


@contextlib.contextmanager
def _opened(url: str) -> Iterator[Database]:
    """The database at ``url``, closed afterwards; one that is not a workbook's is a usage error."""
    try:
        db = Database.open(url)
    except NotAWorkbookDatabase as error:
        raise UsageError(str(error)) from error
    try:
        yield db
    finally:
        db.close()


def _check_port_free(host: str, port: int) -> None:
    # Voilà would quietly move to another port; a workshop hands out one address,
    # so a taken port must be an error the coach sees.
    with socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind((host, port))
        except OSError as error:
            raise UsageError(
                f"Port {port} on {host} is already in use ({error.strerror}). "
                f"Stop the other program or choose another port with --port."
            ) from error


def voila_command(
    notebook: Path,
    *,
    host: str,
    port: int,
    pool_size: int,
    cull_after: int = DEFAULT_CULL_AFTER,
    theme: str = "light",
    token: str = "",
) -> list[str]:
    """The Voilà command line ``serve`` runs."""
    return [
        sys.executable,
        "-m",
        # Voilà with the workbook's page template: nothing is fetched from other hosts.
        "workbook.voila",
        str(notebook),
        f"--template={voila_template.TEMPLATE}",
        f"--port={port}",
        f"--Voila.ip={host}",
        "--Voila.port_retries=0",
        "--no-browser",
        "--show_tracebacks=False",
        "--preheat_kernel=True",
        f"--pool_size={pool_size}",
        f"--theme={theme}",
        # A closed tab's kernel is not always shut down by the page (Voilà's unload
        # request can be refused), so idle kernels nobody is connected to are culled.
        # Connected kernels are kept however idle: a candidate may be thinking.
        f"--MappingKernelManager.cull_idle_timeout={cull_after}",
        f"--MappingKernelManager.cull_interval={max(10, min(60, cull_after // 2))}",
        "--MappingKernelManager.cull_connected=False",
        # Empty: no token (this computer only); otherwise every page needs it.
        f"--Voila.token={token}",
    ]


def serve(args: argparse.Namespace) -> int:
    url = _database_url(args.db)
    # Beyond this computer, nobody gets in without the token.
    token = args.token or ("" if _is_loopback(args.host) else secrets.token_urlsafe(16))
    # Create and migrate once here, so the kernels never race to do it.
    with _opened(url) as db:
        _check_port_free(args.host, args.port)
        if args.workshop:
            _announce_workshop(db, args, token)
    notebook = notebook_path()
    # The coach's projector view shows the room where to go.
    env = {**os.environ, "WORKBOOK_DB": url, "WORKBOOK_ADDRESS": dashboard_address(args.host, args.port, token)}
    command = voila_command(
        notebook,
        host=args.host,
        port=args.port,
        pool_size=args.pool_size,
        cull_after=args.cull_after,
        theme=args.theme,
        token=token,
    )
    shown_host = f"[{args.host}]" if ":" in args.host else args.host
    query = f"?token={token}" if token else ""
    print(f"Workbook dashboard: http://{shown_host}:{args.port}/{query}  (database: {_redact(url)})", flush=True)
    if token:
        print("Reachable from other computers: the token in the address is required (share the whole address).")
    print("Press Ctrl-C to stop.", flush=True)
    # Voilà and its kernels get a session of their own: a Ctrl-C in the terminal
    # reaches only this process, which then stops Voilà in order. Otherwise the
    # interrupt would also hit kernels still starting and print their tracebacks.
    process = subprocess.Popen(command, env=env, cwd=notebook.parent, start_new_session=True)
    try:
        return process.wait()
    except KeyboardInterrupt:
        print("Stopping the dashboard...", flush=True)
        return _stop(process)
    finally:
        if process.poll() is None:
            _stop(process)


def dashboard_address(host: str, port: int, token: str = "") -> str:
    """The address people open: ``http://<host>:<port>/``, with ``?token=`` when one is needed.

    A wildcard host (``0.0.0.0``, ``::``) is where the server listens, not a place
    to go: the room gets this computer's name instead.
    """
    if _is_wildcard(host):
        host = socket.gethostname()
    shown = f"[{host}]" if ":" in host else host
    query = f"?{urllib.parse.urlencode({'token': token})}" if token else ""
    return f"http://{shown}:{port}/{query}"


def _is_wildcard(host: str) -> bool:
    try:
        return host == "" or ipaddress.ip_address(host).is_unspecified
    except ValueError:
        return False


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return host == "localhost"


def _announce_workshop(db: Database, args: argparse.Namespace, token: str) -> None:
    """Find or create the workshop and print how candidates and the coach get in."""
    from workbook.model import Workshop

    server = db.for_coach()
    found = server.workshop_by_name(args.workshop)
    if found is None:
        coaches = server.table("coaches")
        if args.coach:
            coaches = coaches[coaches["name"] == args.coach]
        if coaches.empty:
            raise UsageError(
                "No coach yet. First set a coach passcode: workbook coach-passcode"
                + (f" --name {args.coach}" if args.coach else "")
            )
        if len(coaches) > 1:
            raise UsageError("Several coaches: say whose workshop it is with --coach NAME.")
        found = Workshop(coach_id=str(coaches["id"].iloc[0]), name=args.workshop)
        server.create_workshop(found)
        print(f"Created workshop {found.name!r}.")
    code = server.workshop_code(found.id)
    shown_host = f"[{args.host}]" if ":" in args.host else args.host
    query = f"?token={token}" if token else ""
    print(f"Workshop {found.name!r}: candidates open http://{shown_host}:{args.port}/{query} and join with code {code}")
    if _is_loopback(args.host):
        print("  (only this computer can reach that address; for laptops in the room use --host 0.0.0.0")
        print("   and give them this computer's network address)")
    print("Coach view: sign in on the start page with the coach passcode (set it with: workbook coach-passcode).")


def _stop(process: subprocess.Popen[bytes]) -> int:
    """SIGTERM lets Voilà shut its kernels down; whatever is left after that is killed."""
    for signum, grace in ((signal.SIGTERM, 20.0), (signal.SIGKILL, 5.0)):
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signum)
        try:
            process.wait(timeout=grace)
            break
        except subprocess.TimeoutExpired:
            continue
    with contextlib.suppress(ProcessLookupError):
        os.killpg(process.pid, signal.SIGKILL)  # kernels Voilà did not reap
    return 0


def _redact(url: str) -> str:
    from sqlalchemy.engine import make_url

    return make_url(url).render_as_string(hide_password=True)


def export(args: argparse.Namespace) -> int:
    """For people (labels, names, dates, in ``--lang``) by default; ``--raw`` for the tables."""
    from workbook.exporting import export_tables

    with _opened(_database_url(args.db)) as db:
        try:
            if not args.raw:
                written = _export_for_people(db, args.workshop, Path(args.out), args.lang)
            elif args.workshop:
                written = _export_workshop(db, args.workshop, Path(args.out))
            else:
                written = export_tables(db.for_coach().tables(), Path(args.out))
        except ValueError as error:
            raise UsageError(str(error)) from error
    for path in written:
        print(path)
    return 0


def demo(args: argparse.Namespace) -> int:
    """Fill a database with a demo workshop and say how to look at it."""
    from workbook.demo import fill_demo

    if args.candidates < 1 or args.interviews < 1:
        raise UsageError("--candidates and --interviews must be 1 or more.")
    with _opened(_database_url(args.db)) as db:
        result = fill_demo(
            db,
            candidates=args.candidates,
            interviews=args.interviews,
            seed=args.seed,
            workshop_name=args.workshop,
            coach_passcode=args.coach_passcode,
        )
    print(f"Demo workshop {args.workshop!r}: {result.candidates} candidates, {result.interviews} interviews.")
    print(f"  coach view: sign in with the coach passcode {args.coach_passcode!r}")
    print(f"  workshop code for new candidates: {result.workshop_code}")
    for name, code in result.sample_codes:
        print(f"  sign in as {name}: {code}")
    return 0


def _workshop_tables(db: Database, name: str | None) -> dict[str, Any]:
    """Every table, or only one workshop's (by name)."""
    from workbook import analysis

    if name is None:
        return db.for_coach().tables()
    group = db.for_coach().workshop_by_name(name)
    if group is None:
        raise UsageError(f"No workshop is called {name!r}.")
    return analysis.filter_tables(db.for_coach(workshop_id=group.id).tables(), workshop_id=group.id)


def _export_for_people(db: Database, workshop: str | None, out: Path, lang: str) -> list[Path]:
    from workbook.exporting.files import write_for_people
    from workbook.exporting.people import coach_sheets

    return write_for_people(coach_sheets(_workshop_tables(db, workshop), lang), out)


def report(args: argparse.Namespace) -> int:
    """A printable report (HTML): of one candidate (``--candidate``), else of the workshop."""
    from workbook.exporting.people import candidate_names
    from workbook.reports import candidate_report, workshop_report

    out = Path(args.out)
    if out.suffix.lower() not in (".html", ".htm"):
        raise UsageError(f"Write a report to a .html file, not to '{out.name}'.")
    with _opened(_database_url(args.db)) as db:
        tables = _workshop_tables(db, args.workshop)
    if args.candidate:
        names = candidate_names(tables["candidates"])
        found = [cid for cid, name in names.items() if name == args.candidate.strip()]
        if len(found) != 1:
            shown = ", ".join(sorted(names)) or "-"
            raise UsageError(f"No single candidate is called {args.candidate!r}; candidates: {shown}")
        html = candidate_report(tables, found[0], args.lang)
    else:
        html = workshop_report(tables, args.lang, name=args.workshop or t("report.all_workshops", args.lang))
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(html, encoding="utf-8")
    print(out)
    return 0


def _export_workshop(db: Database, name: str, out: Path) -> list[Path]:
    """One workshop: its tables plus the summary the coach view shows."""
    from workbook import analysis, guidance
    from workbook.exporting import cohort_xlsx_bytes, csv_bytes

    tables = _workshop_tables(db, name)
    summary = analysis.cohort_summary(tables, rubric_items=len(guidance.rubric()))
    if out.suffix.lower() == ".xlsx":
        out.parent.mkdir(parents=True, exist_ok=True)
        out.write_bytes(cohort_xlsx_bytes(tables, summary))
        return [out]
    if out.suffix:
        raise ValueError(f"Export to a .xlsx file or a folder, not to '{out.name}'.")
    out.mkdir(parents=True, exist_ok=True)
    written = []
    for table_name, frame in {**tables, **summary}.items():
        path = out / f"{table_name}.csv"
        path.write_bytes(csv_bytes(frame))
        written.append(path)
    return written


def import_(args: argparse.Namespace) -> int:
    """Import an export into a database: all or nothing, every problem listed."""
    from workbook.store.importing import ImportError_, import_tables

    with _opened(_database_url(args.db)) as db:
        try:
            report = import_tables(db, Path(args.file))
        except ImportError_ as error:
            raise UsageError(str(error)) from error
    for name, count in report.rows.items():
        print(f"{name}: {count} row(s)")
    return 0


def purge(args: argparse.Namespace) -> int:
    """Delete workshops (and their candidates' data) older than the retention period."""
    if args.older_than < 1:
        raise UsageError("--older-than must be 1 month or more.")
    with _opened(_database_url(args.db)) as db:
        names = db.for_coach().purge_workshops(older_than_months=args.older_than, dry_run=args.dry_run)
    verb = "Would delete" if args.dry_run else "Deleted"
    print(f"{verb} {len(names)} workshop(s) that ended more than {args.older_than} months ago.")
    for name in names:
        print(f"  {name}")
    return 0


def coach_passcode(args: argparse.Namespace) -> int:
    """Set the passcode that opens the coach view (asked twice, never echoed)."""
    import getpass

    if args.stdin:
        passcode = sys.stdin.readline().rstrip("\n")
    else:
        passcode = getpass.getpass("New coach passcode (8 characters or more): ")
        if getpass.getpass("Once more: ") != passcode:
            raise UsageError("The two passcodes differ; nothing was changed.")
    with _opened(_database_url(args.db)) as db:
        try:
            db.accounts.set_coach_passcode(passcode, name=args.name)
        except ValueError as error:
            raise UsageError(str(error)) from error
    print("Coach passcode set.")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="workbook", description="Closing-the-interview workbook.")
    commands = parser.add_subparsers(dest="command", required=True)
    db_help = f"SQLAlchemy database URL (default: $WORKBOOK_DB or {DEFAULT_URL})"

    p_serve = commands.add_parser("serve", help="serve the dashboard with Voilà")
    p_serve.add_argument("--port", type=int, default=DEFAULT_PORT, help=f"port (default {DEFAULT_PORT})")
    p_serve.add_argument("--host", default=DEFAULT_HOST, help=f"address to listen on (default {DEFAULT_HOST})")
    p_serve.add_argument("--db", help=db_help)
    p_serve.add_argument("--pool-size", type=int, default=DEFAULT_POOL, help="preheated kernels waiting")
    p_serve.add_argument(
        "--cull-after",
        type=int,
        default=DEFAULT_CULL_AFTER,
        help=f"seconds before an abandoned page's kernel is stopped (default {DEFAULT_CULL_AFTER})",
    )
    p_serve.add_argument(
        "--theme", choices=("light", "dark"), default="light", help="Voilà theme (default light; ?theme=dark per page)"
    )
    p_serve.add_argument(
        "--token", default="", help="access token; with a --host other than loopback one is made if not given"
    )
    p_serve.add_argument("--workshop", help="workshop NAME: print its join code (created if new)")
    p_serve.add_argument("--coach", help="the coach NAME the new workshop belongs to (when there are several)")
    p_serve.set_defaults(run=serve)

    p_demo = commands.add_parser("demo", help="fill a database with a demo workshop")
    p_demo.add_argument("--db", help=db_help)
    p_demo.add_argument("--candidates", type=int, default=30)
    p_demo.add_argument("--interviews", type=int, default=5, help="interviews per candidate")
    p_demo.add_argument("--seed", type=int, default=0, help="the same seed gives the same workshop")
    p_demo.add_argument("--workshop", default="Demo-workshop", help="workshop name")
    p_demo.add_argument("--coach-passcode", default="demo-coach-passcode", help="passcode of the demo coach")
    p_demo.set_defaults(run=demo)

    p_export = commands.add_parser("export", help="export to Excel or CSV, for people or (--raw) as data")
    p_export.add_argument("--db", help=db_help)
    p_export.add_argument("--out", required=True, help="FILE.xlsx, or a folder for one CSV per sheet")
    p_export.add_argument("--workshop", help="only this workshop (NAME)")
    p_export.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of the sheets (default nl)")
    p_export.add_argument(
        "--raw", action="store_true", help="every table as stored (for analysts and `workbook import`)"
    )
    p_export.set_defaults(run=export)

    p_report = commands.add_parser("report", help="a printable report (HTML) of a workshop or one candidate")
    p_report.add_argument("--db", help=db_help)
    p_report.add_argument("--out", required=True, help="FILE.html (print it from the browser, also to PDF)")
    p_report.add_argument("--workshop", help="this workshop (NAME); default: all")
    p_report.add_argument("--candidate", help="one candidate (NAME, as the export shows it), instead of the workshop")
    p_report.add_argument("--lang", choices=("nl", "en"), default="nl", help="language of the report (default nl)")
    p_report.set_defaults(run=report)

    p_import = commands.add_parser("import", help="import an export (.xlsx or CSV folder), all or nothing")
    p_import.add_argument("file", help="FILE.xlsx or a folder of CSV files, as `workbook export` writes them")
    p_import.add_argument("--db", help=db_help)
    p_import.set_defaults(run=import_)

    p_purge = commands.add_parser("purge", help="delete workshops older than the retention period, with their data")
    p_purge.add_argument("--db", help=db_help)
    p_purge.add_argument("--older-than", type=int, required=True, metavar="MONTHS", help="months since the end")
    p_purge.add_argument("--dry-run", action="store_true", help="only list what would be deleted")
    p_purge.set_defaults(run=purge)

    p_coach = commands.add_parser("coach-passcode", help="set the passcode that opens the coach view")
    p_coach.add_argument("--db", help=db_help)
    p_coach.add_argument("--stdin", action="store_true", help="read the passcode from standard input (scripts)")
    p_coach.add_argument("--name", default="coach", help="the coach's name (default: coach)")
    p_coach.set_defaults(run=coach_passcode)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args))
    except UsageError as error:
        print(f"workbook: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
