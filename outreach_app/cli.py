"""The ``outreach-app`` command.

    outreach-app [--profile DIR]            open the desktop program
    outreach-app run-demo                   the demo profile (made on first run), in the desktop
    outreach-app init --profile DIR ...     create a consultant's profile
    outreach-app demo --profile DIR ...     create a profile filled with synthetic data
    outreach-app check --profile DIR ...    verify every record of a vault
    outreach-app passwd --profile DIR       change the passphrase
    outreach-app recover --profile DIR --recovery-key FILE
    outreach-app enrol --profile DIR --code CODE    enrol with the central service
    outreach-app sync --profile DIR [--json]        synchronise once (for IT to schedule)

A passphrase never comes from the command line itself: from ``--passphrase-file``
or typed at a prompt. Every failure exits non-zero with one line in words.
"""

from __future__ import annotations

import argparse
import dataclasses
import getpass
import json
import logging
import os
import secrets
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from outreach_app import __version__
from outreach_app.crypto.errors import CryptoError
from outreach_app.domain.clock import Clock, SystemClock
from outreach_app.domain.errors import DomainError
from outreach_app.logsetup import configure as configure_logging
from outreach_app.storage.errors import VaultError
from outreach_app.storage.profile import Profile, demo_profile

if TYPE_CHECKING:  # the desktop starts without loading the storage layer
    from outreach_app.services.check import CheckReport
    from outreach_app.services.workspace import Workspace

log = logging.getLogger(__name__)

EXIT_OK, EXIT_FAIL, EXIT_USAGE = 0, 1, 2
DEMO_WORDS = (
    "havregryn",
    "cykelsti",
    "vindue",
    "solsikke",
    "kaffekop",
    "lygtepæl",
    "bibliotek",
    "regnjakke",
    "postkasse",
    "trappe",
    "æblekage",
    "skolegård",
    "køkkenur",
    "marmelade",
    "bølgebryder",
    "fyrtårn",
    "gulerod",
    "rugbrød",
    "skovsti",
    "vaskeri",
)


class CliError(Exception):
    """A failure the command reports in one line."""


# -- passphrases ------------------------------------------------------------------


def read_passphrase_file(path: Path) -> str:
    """The first line of the file, without its line ending."""
    try:
        text = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise CliError(f"cannot read the passphrase file {path}: {exc.strerror}") from None
    lines = text.splitlines()
    if not lines or not lines[0]:
        raise CliError(f"the passphrase file {path} is empty")
    return lines[0]


def ask_passphrase(prompt: str, *, confirm: bool = False) -> str:
    if not sys.stdin.isatty():
        raise CliError("no passphrase: give --passphrase-file, or run in a terminal")
    first = getpass.getpass(prompt)
    if confirm and getpass.getpass("Repeat it: ") != first:
        raise CliError("the two passphrases differ")
    return first


def passphrase_from(path: Path | None, prompt: str, *, confirm: bool = False) -> str:
    return read_passphrase_file(path) if path else ask_passphrase(prompt, confirm=confirm)


def demo_passphrase() -> str:
    """Four random words and two digits: easy to type, about 25 bits more than enough
    for synthetic data on a developer's machine."""
    words = [secrets.choice(DEMO_WORDS) for _ in range(4)]
    return "-".join(words) + f"-{secrets.randbelow(90) + 10}"


# -- commands ------------------------------------------------------------------------


def cmd_init(args: argparse.Namespace) -> int:
    from outreach_app.services.orgkey import find_recovery_public_key  # noqa: PLC0415
    from outreach_app.services.workspace import NewProfile, Workspace  # noqa: PLC0415
    from outreach_app.storage.vault import check_passphrase  # noqa: PLC0415

    if args.code:
        return _init_enrolled(args)
    recovery = find_recovery_public_key(args.recovery_public_key)
    if recovery is None and not args.no_recovery:
        raise CliError(
            "no recovery public key: ask the main office for the organisation's "
            "recovery-public.pem and pass --recovery-public-key FILE"
        )
    passphrase = passphrase_from(args.passphrase_file, "New passphrase: ", confirm=True)
    check_passphrase(passphrase)
    details = NewProfile(consultant_name=args.name, office_name=args.office, label=args.label or "")
    Workspace.create(Profile(args.profile), passphrase, details, recovery=recovery).close()
    print(f"Profile created in {args.profile}")
    return EXIT_OK


def _init_enrolled(args: argparse.Namespace) -> int:
    """A profile for the consultant an enrolment code was made for: the ids and the
    organisation's recovery key come from the central service."""
    from outreach_app.crypto.recovery import RecoveryPublicKey  # noqa: PLC0415
    from outreach_app.domain.ids import ConsultantId, OfficeId  # noqa: PLC0415
    from outreach_app.services.workspace import NewProfile, Workspace  # noqa: PLC0415
    from outreach_app.storage.vault import check_passphrase  # noqa: PLC0415
    from outreach_app.sync.enrol import enrol_device, parse, remember  # noqa: PLC0415

    profile = Profile(args.profile)
    if profile.exists():
        raise CliError(f"there is already a profile in {args.profile}; use 'enrol' for it")
    parse(_code_text(args.code))  # a mistyped code fails before the passphrase is asked
    passphrase = passphrase_from(args.passphrase_file, "New passphrase: ", confirm=True)
    check_passphrase(passphrase)
    enrolment = enrol_device(_code_text(args.code))
    answer = enrolment.response
    ws = Workspace.create(
        profile,
        passphrase,
        NewProfile(consultant_name=args.name, office_name=args.office, label=args.label or ""),
        recovery=RecoveryPublicKey.from_pem(answer.recovery_public_key.encode()),
        issued=(ConsultantId(answer.consultant_id), OfficeId(answer.office_id)),
    )
    try:
        remember(ws, enrolment)
    finally:
        ws.close()
    print(f"Profile created in {args.profile} and enrolled with {enrolment.code.url}")
    return EXIT_OK


def _code_text(given: str) -> str:
    """The code itself, or read from a file when given as @FILE."""
    if given.startswith("@"):
        return Path(given[1:]).read_text(encoding="utf-8").strip()
    return given


def _open_workspace(args: argparse.Namespace) -> Workspace:
    from outreach_app.services.workspace import Workspace  # noqa: PLC0415

    passphrase = passphrase_from(args.passphrase_file, "Passphrase: ")
    return Workspace.open(Profile(args.profile), passphrase, clock=_clock())


def cmd_enrol(args: argparse.Namespace) -> int:
    from outreach_app.sync.enrol import enrol  # noqa: PLC0415
    from outreach_app.sync.state import load  # noqa: PLC0415

    ws = _open_workspace(args)
    try:
        if load(ws.vault) is not None and not args.again:
            raise CliError("this profile is enrolled already (use --again to replace it)")
        state = enrol(ws, _code_text(args.code))
    finally:
        if ws.is_open:
            ws.close()
    print(f"Enrolled with {state.url} (device {state.device_id}).")
    return EXIT_OK


def cmd_sync(args: argparse.Namespace) -> int:
    from outreach_app.sync.engine import SyncEngine  # noqa: PLC0415

    ws = _open_workspace(args)
    try:
        report = SyncEngine(ws).run()
    finally:
        if ws.is_open:
            ws.close()
    if args.json:
        shown = report.as_dict()
        shown.pop("citizens_changed", None)
        print(json.dumps(shown, indent=2))
    else:
        _print_sync(report.as_dict())
    return EXIT_OK if not report.problems else EXIT_FAIL


def _print_sync(report: dict[str, object]) -> None:
    if report["destroyed"]:
        print(
            "The main office has withdrawn this laptop. Pending changes were sent "
            "(unless it was reported lost) and the vault has been deleted."
        )
        return
    print(
        "Pushed {pushed} change(s): {applied} applied, {duplicate} already there, "
        "{conflicts} conflict(s), {quarantined} quarantined, {forbidden} refused.".format(**report)
    )
    print(
        "Pulled {pulled} record(s); {merged} citizen(s) merged; {removed} citizen(s) "
        "left this laptop; {pending} change(s) still waiting.".format(**report)
    )
    problems = report["problems"]
    for problem in problems if isinstance(problems, list) else []:
        print(f"Problem: {problem}")


def cmd_demo(args: argparse.Namespace) -> int:
    passphrase = read_passphrase_file(args.passphrase_file) if args.passphrase_file else None
    summary, chosen = make_demo(
        Profile(args.profile), citizens=args.citizens, seed=args.seed, passphrase=passphrase
    )
    print(f"Demo profile created in {args.profile}: {json.dumps(summary)}")
    if passphrase is None:
        print(f"Its passphrase (shown once): {chosen}")
    return EXIT_OK


def make_demo(
    profile: Profile, *, citizens: int, seed: int, passphrase: str | None
) -> tuple[dict[str, int], str]:
    """A profile with synthetic data and a demo recovery key pair written beside it."""
    from outreach_app.crypto.recovery import RecoveryPrivateKey  # noqa: PLC0415
    from outreach_app.services.demo import populate_demo  # noqa: PLC0415 - only for demos
    from outreach_app.services.workspace import NewProfile, Workspace  # noqa: PLC0415

    chosen = passphrase or demo_passphrase()
    recovery = RecoveryPrivateKey.generate()
    key_file = profile.root.parent / f"{profile.root.name}.recovery-key.pem"
    profile.root.parent.mkdir(parents=True, exist_ok=True)
    ws = Workspace.create(
        profile,
        chosen,
        NewProfile("Demo Konsulent", "Demo Jobcenter", label="Demo"),
        recovery=recovery.public,
    )
    try:
        summary = populate_demo(ws, citizens=citizens, seed=seed)
    finally:
        ws.close()
    _write_private(key_file, recovery.pem())
    _write_private(
        key_file.with_name(f"{profile.root.name}.recovery-public.pem"), recovery.public.pem()
    )
    return dataclasses.asdict(summary), chosen


def _write_private(path: Path, data: bytes) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(descriptor, "wb") as handle:
        handle.write(data)


def cmd_check(args: argparse.Namespace) -> int:
    from outreach_app.services.check import check_vault  # noqa: PLC0415
    from outreach_app.storage.vault import LockedVault  # noqa: PLC0415

    passphrase = passphrase_from(args.passphrase_file, "Passphrase: ")
    locked = LockedVault(Profile(args.profile), clock=_clock())
    try:
        vault = locked.unlock(passphrase)
    except Exception:
        locked.close()
        raise
    try:
        report = check_vault(vault)
    finally:
        vault.close()
    _print_report(report, as_json=args.json)
    return EXIT_OK if report.ok else EXIT_FAIL


def _print_report(report: CheckReport, *, as_json: bool) -> None:
    if as_json:
        print(json.dumps(report.as_dict(), indent=2, ensure_ascii=False))
        return
    print(f"SQLite integrity: {report.sqlite}")
    for table, count in report.counts.items():
        print(f"  {table:<14} {count:>8}")
    for damage in report.damaged:
        print(f"DAMAGED {damage.table}.{damage.column} of record {damage.record}: {damage.reason}")
    print("All records intact." if report.ok else f"{len(report.damaged)} damaged field(s).")


def cmd_passwd(args: argparse.Namespace) -> int:
    from outreach_app.storage.vault import LockedVault  # noqa: PLC0415

    current = passphrase_from(args.passphrase_file, "Current passphrase: ")
    new = passphrase_from(args.new_passphrase_file, "New passphrase: ", confirm=True)
    locked = LockedVault(Profile(args.profile), clock=_clock())
    try:
        vault = locked.unlock(current)
    except Exception:
        locked.close()
        raise
    try:
        vault.change_passphrase(current, new)
    finally:
        vault.close()
    print("Passphrase changed.")
    return EXIT_OK


def cmd_recover(args: argparse.Namespace) -> int:
    from outreach_app.crypto.recovery import RecoveryPrivateKey  # noqa: PLC0415
    from outreach_app.storage.vault import LockedVault  # noqa: PLC0415

    key_path: Path = args.recovery_key
    if not key_path.is_file():
        raise CliError(f"no recovery key file at {key_path}")
    password = None
    if RecoveryPrivateKey.needs_password(key_path):
        password = passphrase_from(args.key_password_file, "Recovery key password: ")
    private = RecoveryPrivateKey.load(key_path, password.encode() if password else None)
    new = passphrase_from(args.new_passphrase_file, "New passphrase: ", confirm=True)
    locked = LockedVault(Profile(args.profile), clock=_clock())
    try:
        locked.recover(private, new).close()
    except Exception:
        locked.close()
        raise
    print("A new passphrase is set.")
    return EXIT_OK


def cmd_gui(args: argparse.Namespace) -> int:
    from outreach_app.ui.app import run  # noqa: PLC0415 - Qt only when the GUI opens

    return run(profile=Profile(args.profile) if args.profile else None)


def cmd_run_demo(args: argparse.Namespace) -> int:
    """Open the demo profile in the desktop program, making it on first run."""
    profile = Profile(args.profile) if args.profile else demo_profile()
    if not profile.exists():
        summary, passphrase = make_demo(profile, citizens=args.citizens, seed=1, passphrase=None)
        print(f"Demo profile created in {profile.root} ({summary['citizens']} citizens).")
        print(f"Its passphrase, shown this once: {passphrase}")
        print(
            f"Forgotten? outreach-app recover --profile {profile.root} --recovery-key "
            f"{profile.root.parent / (profile.root.name + '.recovery-key.pem')}"
        )
    from outreach_app.ui.app import run  # noqa: PLC0415

    return run(profile=profile)


def _clock() -> Clock:
    return SystemClock()


# -- parsing ----------------------------------------------------------------------


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="outreach-app", description=__doc__.split("\n")[0])
    parser.add_argument("--version", action="version", version=f"outreach-app {__version__}")
    parser.add_argument("--profile", type=Path, help="the profile folder to open")
    parser.add_argument("--verbose", action="store_true", help="log more (never personal data)")
    parser.set_defaults(func=cmd_gui)
    commands = parser.add_subparsers(title="commands", metavar="COMMAND")
    _add(commands, "init", cmd_init, "create a consultant's profile", _init_args)
    _add(commands, "demo", cmd_demo, "create a profile with synthetic data", _demo_args)
    _add(commands, "check", cmd_check, "verify every record of a vault", _check_args)
    _add(commands, "passwd", cmd_passwd, "change the passphrase", _passwd_args)
    _add(
        commands,
        "recover",
        cmd_recover,
        "set a new passphrase with the recovery key",
        _recover_args,
    )
    _add(commands, "enrol", cmd_enrol, "enrol with the central service", _enrol_args)
    _add(commands, "sync", cmd_sync, "synchronise with the central service once", _sync_args)
    _add(
        commands,
        "run-demo",
        cmd_run_demo,
        "open the demo profile (made on first run)",
        _run_demo_args,
    )
    return parser


def _add(
    commands: argparse._SubParsersAction[argparse.ArgumentParser],
    name: str,
    func: Callable[[argparse.Namespace], int],
    text: str,
    arguments: Callable[[argparse.ArgumentParser], None],
) -> None:
    sub = commands.add_parser(name, help=text, description=text)
    sub.set_defaults(func=func)
    arguments(sub)


def _profile_arg(sub: argparse.ArgumentParser, *, required: bool = True) -> None:
    sub.add_argument("--profile", type=Path, required=required, help="the profile folder")


def _passphrase_arg(sub: argparse.ArgumentParser) -> None:
    sub.add_argument(
        "--passphrase-file", type=Path, help="read the passphrase from the first line of this file"
    )


def _init_args(sub: argparse.ArgumentParser) -> None:
    _profile_arg(sub)
    _passphrase_arg(sub)
    sub.add_argument("--name", required=True, help="the consultant's name")
    sub.add_argument("--office", required=True, help="the office's name")
    sub.add_argument("--label", help="what the profile list shows (no citizen data)")
    sub.add_argument(
        "--recovery-public-key", type=Path, help="the organisation's recovery public key (PEM)"
    )
    sub.add_argument(
        "--no-recovery",
        action="store_true",
        help="create without a recovery slot (a forgotten passphrase loses data)",
    )
    sub.add_argument(
        "--code",
        help="an enrolment code from the main office (or @FILE): the profile is enrolled, "
        "and the organisation's recovery key comes from the central service",
    )


def _enrol_args(sub: argparse.ArgumentParser) -> None:
    _profile_arg(sub)
    _passphrase_arg(sub)
    sub.add_argument("--code", required=True, help="the enrolment code (or @FILE)")
    sub.add_argument("--again", action="store_true", help="replace an earlier enrolment")


def _sync_args(sub: argparse.ArgumentParser) -> None:
    _profile_arg(sub)
    _passphrase_arg(sub)
    sub.add_argument("--json", action="store_true", help="print what happened as JSON")


def _demo_args(sub: argparse.ArgumentParser) -> None:
    _profile_arg(sub)
    _passphrase_arg(sub)
    sub.add_argument("--citizens", type=_positive, default=150)
    sub.add_argument("--seed", type=int, default=1)


def _check_args(sub: argparse.ArgumentParser) -> None:
    _profile_arg(sub)
    _passphrase_arg(sub)
    sub.add_argument("--json", action="store_true", help="print the report as JSON")


def _passwd_args(sub: argparse.ArgumentParser) -> None:
    _profile_arg(sub)
    _passphrase_arg(sub)
    sub.add_argument("--new-passphrase-file", type=Path)


def _recover_args(sub: argparse.ArgumentParser) -> None:
    _profile_arg(sub)
    sub.add_argument(
        "--recovery-key",
        type=Path,
        required=True,
        help="the organisation's recovery private key (PEM)",
    )
    sub.add_argument("--key-password-file", type=Path)
    sub.add_argument("--new-passphrase-file", type=Path)


def _run_demo_args(sub: argparse.ArgumentParser) -> None:
    _profile_arg(sub, required=False)
    sub.add_argument("--citizens", type=_positive, default=150)


def _positive(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return value


EXPECTED: tuple[type[Exception], ...] = (CliError, VaultError, CryptoError, DomainError, OSError)


def _expected() -> tuple[type[Exception], ...]:
    """The failures reported in one line; sync errors only once sync is loaded."""
    loaded = sys.modules.get("outreach_app.sync.errors")
    return (*EXPECTED, loaded.SyncError) if loaded else EXPECTED


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    configure_logging(verbose=args.verbose)
    try:
        return int(args.func(args))
    except Exception as exc:
        if not isinstance(exc, _expected()):
            raise
        print(f"outreach-app: {_words(exc)}", file=sys.stderr)
        return EXIT_FAIL
    except KeyboardInterrupt:
        print("outreach-app: interrupted", file=sys.stderr)
        return EXIT_FAIL


def _words(exc: BaseException) -> str:
    if isinstance(exc, OSError) and exc.strerror:
        where = f" ({exc.filename})" if exc.filename else ""
        return f"{exc.strerror}{where}"
    return str(exc) or type(exc).__name__


if __name__ == "__main__":
    sys.exit(main())
