"""``outreach-server``: set up, run and administer the central service.

outreach-server init --data DIR [--host H] [--port N] [--url URL]
outreach-server serve --data DIR [--host H] [--port N] [--workers N]
outreach-server office add --data DIR --name NAME
outreach-server consultant add --data DIR --office ID --name NAME
outreach-server device enrol --data DIR --consultant ID
outreach-server device list --data DIR [--json]
outreach-server device revoke --data DIR ID [--stolen]
outreach-server assign --data DIR CITIZEN --to CONSULTANT
outreach-server audit --data DIR [--citizen ID] [--since TIME] [--json]
outreach-server stats --data DIR [--json]
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import sys
from collections.abc import Callable, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from outreach_app.logsetup import configure
from outreach_app.server.admin import Admin, AdminError, init_data
from outreach_app.server.keys import KeyMissing
from outreach_app.server.settings import ServerSettings, load_settings, program_version

log = logging.getLogger(__name__)

Handler = Callable[[argparse.Namespace], int]


def _out(text: str) -> None:
    sys.stdout.write(text + "\n")


def _json(value: Any) -> None:
    _out(json.dumps(value, indent=2, ensure_ascii=False, default=str))


def _settings(args: argparse.Namespace) -> ServerSettings:
    data: Path = args.data
    if not data.is_dir():
        raise AdminError(f"there is no data folder at {data}; run outreach-server init first")
    return load_settings(data, database_url=getattr(args, "database_url", None))


def cmd_init(args: argparse.Namespace) -> int:
    result = init_data(
        args.data, host=args.host, port=args.port, url=args.url, database_url=args.database_url
    )
    if args.json:
        _json(
            {
                "data": str(result.data),
                "url": result.url,
                "fingerprint": result.fingerprint,
                "admin_token": result.admin_token,
                "recovery_private_key": str(result.recovery_private_key),
            }
        )
        return 0
    _out(f"Data folder ready: {result.data}")
    _out(f"Devices will connect to {result.url}")
    _out(f"Certificate fingerprint: {result.fingerprint}")
    _out(f"Admin credential (shown once, keep it safe): {result.admin_token}")
    _out(
        f"The organisation's recovery private key is {result.recovery_private_key}. "
        "Move it to offline storage now; the service does not need it."
    )
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    import uvicorn  # noqa: PLC0415 - only serving needs the server stack

    from outreach_app.server.tls import CERT_FILE, KEY_FILE  # noqa: PLC0415

    settings = load_settings(
        args.data,
        host=args.host,
        port=args.port,
        workers=args.workers,
        database_url=args.database_url,
    )
    with Admin(settings) as admin:
        admin.migrate()
    os.environ["OUTREACH_SERVER_DATA"] = str(settings.data.resolve())
    if settings.database_url:
        os.environ["OUTREACH_SERVER_DATABASE_URL"] = settings.database_url
    log.info("serving on %s:%d with %d workers", settings.host, settings.port, settings.workers)
    uvicorn.run(
        "outreach_app.server.app:app_from_environment",
        factory=True,
        host=settings.host,
        port=settings.port,
        workers=settings.workers,
        ssl_certfile=str(settings.data / CERT_FILE),
        ssl_keyfile=str(settings.data / KEY_FILE),
        log_level="warning",
        access_log=False,
        timeout_graceful_shutdown=5,
    )
    return 0


def cmd_office_add(args: argparse.Namespace) -> int:
    with Admin(_settings(args)) as admin:
        office_id = admin.add_office(args.name)
    _out(office_id)
    return 0


def cmd_consultant_add(args: argparse.Namespace) -> int:
    with Admin(_settings(args)) as admin:
        consultant_id = admin.add_consultant(
            office_id=args.office,
            name=args.name,
            phone=args.phone,
            email=args.email,
            consultant_id=args.id,
        )
    _out(consultant_id)
    return 0


def cmd_device_enrol(args: argparse.Namespace) -> int:
    with Admin(_settings(args)) as admin:
        issued = admin.enrolment_code(args.consultant, url=args.url, valid_hours=args.valid_hours)
    if args.json:
        _json({"code": issued.code, "expires": issued.expires.isoformat()})
        return 0
    _out(issued.code)
    _out(f"The code can be used once, until {issued.expires:%Y-%m-%d %H:%M} UTC.")
    return 0


def cmd_device_list(args: argparse.Namespace) -> int:
    with Admin(_settings(args)) as admin:
        devices = admin.devices()
    if args.json:
        _json(devices)
        return 0
    if not devices:
        _out("No devices are enrolled.")
    for d in devices:
        seen = d["last_sync_at"] or "never"
        _out(f"{d['id']}  {d['state']:8}  consultant {d['consultant_id']}  last sync {seen}")
    return 0


def cmd_device_revoke(args: argparse.Namespace) -> int:
    with Admin(_settings(args)) as admin:
        admin.revoke(args.device, stolen=args.stolen)
    what = "reported stolen" if args.stolen else "withdrawn"
    _out(f"Device {args.device} is {what}.")
    return 0


def cmd_assign(args: argparse.Namespace) -> int:
    with Admin(_settings(args)) as admin:
        assignment = admin.assign(args.citizen, args.to)
    _out(f"Citizen {args.citizen} is now consultant {args.to}'s (assignment {assignment}).")
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    with Admin(_settings(args)) as admin:
        entries = admin.audit(citizen=args.citizen, since=args.since)
    if args.json:
        _json(entries)
        return 0
    for e in entries:
        who = e.get("device_id") or e["actor"]
        about = e.get("citizen_id") or "-"
        records = e.get("records") or []
        covered = f"  {len(records)} records" if len(records) > 1 else ""
        _out(
            f"{e['at']}  {e['source']:7}  {who}  {e['action']}  citizen {about}  "
            f"{e.get('outcome', '')}{covered}"
        )
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    with Admin(_settings(args)) as admin:
        counts = admin.stats()
    if args.json:
        _json(counts)
        return 0
    totals = counts["totals"]
    _out(f"{totals['citizens']} citizens, {totals['notes']} notes, {totals['contacts']} contacts")
    for c in counts["consultants"]:
        _out(
            f"consultant {c['id']}: {c['citizens']} citizens, {c['notes']} notes, "
            f"{c['contacts']} contacts"
        )
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    from outreach_app.reporting import export  # noqa: PLC0415 - matplotlib only for reports
    from outreach_app.reporting.indicators import Period  # noqa: PLC0415
    from outreach_app.server.report import office_report  # noqa: PLC0415

    try:
        period = Period(date.fromisoformat(args.from_), date.fromisoformat(args.to))
    except ValueError as exc:
        raise AdminError(f"the period is not valid: {exc}") from None
    with Admin(_settings(args)) as admin:
        report = office_report(admin.engine, admin.keys, office_id=args.office, period=period)
        admin.record("report.read")
    out: Path = args.out
    if args.format == "csv":
        export.write_csv(report, out, language=args.language)
    elif args.format == "json":
        out.write_text(
            json.dumps(export.report_data(report), indent=2, ensure_ascii=False), encoding="utf-8"
        )
    else:
        export.write_pdf(report, out, language=args.language, title=args.title or "")
    _out(f"Report for {period.first} to {period.last} written to {out}.")
    return 0


def _common(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--data", type=Path, required=True, help="the service's data folder")
    parser.add_argument("--database-url", help="a database other than the data folder's SQLite")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="outreach-server", description=__doc__.splitlines()[0])
    parser.add_argument("--version", action="version", version=f"%(prog)s {program_version()}")
    parser.add_argument("--verbose", action="store_true", help="log to stderr")
    sub = parser.add_subparsers(dest="command", required=True)

    init = sub.add_parser("init", help="set up a new data folder")
    _common(init)
    init.add_argument("--host", default="127.0.0.1")
    init.add_argument("--port", type=int)
    init.add_argument("--url", help="the address devices use (default https://HOST:PORT)")
    init.add_argument("--json", action="store_true")
    init.set_defaults(handler=cmd_init)

    serve = sub.add_parser("serve", help="run the service over HTTPS")
    _common(serve)
    serve.add_argument("--host")
    serve.add_argument("--port", type=int)
    serve.add_argument("--workers", type=int)
    serve.set_defaults(handler=cmd_serve)

    _office_and_consultant(sub)
    _device(sub)

    assign = sub.add_parser("assign", help="hand a citizen to a consultant")
    _common(assign)
    assign.add_argument("citizen")
    assign.add_argument("--to", required=True, help="the consultant's id")
    assign.set_defaults(handler=cmd_assign)

    audit = sub.add_parser("audit", help="who read or changed what, and when")
    _common(audit)
    audit.add_argument("--citizen")
    audit.add_argument("--since", help="an ISO time, e.g. 2026-03-01")
    audit.add_argument("--json", action="store_true")
    audit.set_defaults(handler=cmd_audit)

    stats = sub.add_parser("stats", help="citizens, notes and contacts per office and consultant")
    _common(stats)
    stats.add_argument("--json", action="store_true")
    stats.set_defaults(handler=cmd_stats)

    report = sub.add_parser("report", help="an office's indicators for a period (CSV, JSON, PDF)")
    _common(report)
    report.add_argument("--office", required=True, help="the office's id")
    report.add_argument("--from", dest="from_", required=True, help="first day, YYYY-MM-DD")
    report.add_argument("--to", required=True, help="last day, YYYY-MM-DD")
    report.add_argument("--format", choices=("csv", "json", "pdf"), default="pdf")
    report.add_argument("--out", type=Path, required=True)
    report.add_argument("--language", choices=("da", "en"), default="da")
    report.add_argument("--title", help="the PDF's title, e.g. the office's name")
    report.set_defaults(handler=cmd_report)
    return parser


def _office_and_consultant(sub: Any) -> None:
    office = sub.add_parser("office", help="offices").add_subparsers(dest="action", required=True)
    add = office.add_parser("add", help="add an office; prints its id")
    _common(add)
    add.add_argument("--name", required=True)
    add.set_defaults(handler=cmd_office_add)

    consultant = sub.add_parser("consultant", help="consultants").add_subparsers(
        dest="action", required=True
    )
    add = consultant.add_parser("add", help="add a consultant; prints the id")
    _common(add)
    add.add_argument("--office", required=True)
    add.add_argument("--name", required=True)
    add.add_argument("--phone")
    add.add_argument("--email")
    add.add_argument("--id", help="a given id (UUID), e.g. the consultant's vault owner id")
    add.set_defaults(handler=cmd_consultant_add)


def _device(sub: Any) -> None:
    device = sub.add_parser("device", help="devices").add_subparsers(dest="action", required=True)
    enrol = device.add_parser("enrol", help="print a one-time enrolment code")
    _common(enrol)
    enrol.add_argument("--consultant", required=True)
    enrol.add_argument("--url", help="the address devices use (default from the config)")
    enrol.add_argument("--valid-hours", type=float, default=24.0)
    enrol.add_argument("--json", action="store_true")
    enrol.set_defaults(handler=cmd_device_enrol)

    listing = device.add_parser("list", help="enrolled devices")
    _common(listing)
    listing.add_argument("--json", action="store_true")
    listing.set_defaults(handler=cmd_device_list)

    revoke = device.add_parser("revoke", help="withdraw a device")
    _common(revoke)
    revoke.add_argument("device")
    revoke.add_argument("--stolen", action="store_true", help="refuse it at once, no last push")
    revoke.set_defaults(handler=cmd_device_revoke)


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    configure(verbose=args.verbose)
    handler: Handler = args.handler
    try:
        return handler(args)
    except (AdminError, KeyMissing) as exc:
        sys.stderr.write(f"outreach-server: {exc}\n")
        return 1


if __name__ == "__main__":
    sys.exit(main())
