"""The ``outreach-app`` command, run as a real process and in-process."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from outreach_app.cli import main
from outreach_app.crypto.recovery import RecoveryPrivateKey

CLI = [sys.executable, "-m", "outreach_app.cli"]


def write(path: Path, text: str) -> Path:
    path.write_text(text + "\n", encoding="utf-8")
    return path


@pytest.fixture
def keys(tmp_path: Path) -> tuple[Path, Path]:
    """The organisation's recovery key pair as files."""
    private = RecoveryPrivateKey.generate()
    private_file = tmp_path / "recovery-key.pem"
    private_file.write_bytes(private.pem())
    public_file = tmp_path / "recovery-public.pem"
    public_file.write_bytes(private.public.pem())
    return private_file, public_file


@pytest.fixture
def made(tmp_path: Path, keys: tuple[Path, Path]) -> tuple[Path, Path]:
    """A profile made with ``init``; returns its folder and passphrase file."""
    profile = tmp_path / "karin"
    secret = write(tmp_path / "pass.txt", "første adgangsfrase")
    code = main(
        [
            "init",
            "--profile",
            str(profile),
            "--name",
            "Karin Holm",
            "--office",
            "Gellerup",
            "--passphrase-file",
            str(secret),
            "--recovery-public-key",
            str(keys[1]),
        ]
    )
    assert code == 0
    return profile, secret


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, OUTREACH_HOME=os.environ.get("OUTREACH_HOME", "/nonexistent"))
    return subprocess.run(
        [*CLI, *args], capture_output=True, text=True, env=env, timeout=120, check=False
    )


def test_check_reports_an_intact_new_vault(
    made: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """A fresh profile passes the check with exit 0 and counts in JSON."""
    profile, secret = made
    assert (
        main(["check", "--profile", str(profile), "--passphrase-file", str(secret), "--json"]) == 0
    )
    report = json.loads(capsys.readouterr().out)
    assert report["ok"] is True
    assert report["counts"]["consultants"] == 1
    assert report["sqlite_integrity"] == "ok"


def test_check_names_a_damaged_record_and_fails(
    made: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    """A flipped byte in an encrypted field is found and named; the exit code says so."""
    profile, secret = made
    connection = sqlite3.connect(profile / "vault.sqlite3")
    row_id, blob = connection.execute("SELECT id, name FROM consultants").fetchone()
    damaged = bytearray(blob)
    damaged[-1] ^= 0x01
    connection.execute("UPDATE consultants SET name=? WHERE id=?", (bytes(damaged), row_id))
    connection.commit()
    connection.close()
    assert main(["check", "--profile", str(profile), "--passphrase-file", str(secret)]) == 1
    out = capsys.readouterr().out
    assert f"DAMAGED consultants.name of record {row_id}" in out


def test_wrong_passphrase_is_one_line_and_a_failure_exit(
    made: tuple[Path, Path], tmp_path: Path
) -> None:
    """The real process prints one line in words, not a traceback."""
    profile, _ = made
    wrong = write(tmp_path / "wrong.txt", "forkert frase her")
    result = run("check", "--profile", str(profile), "--passphrase-file", str(wrong))
    assert result.returncode == 1
    assert result.stderr.strip().splitlines() == ["outreach-app: the passphrase is wrong"]
    assert "Traceback" not in result.stderr


def test_passwd_then_only_the_new_passphrase_works(made: tuple[Path, Path], tmp_path: Path) -> None:
    """After passwd the old passphrase is refused and the new one opens the vault."""
    profile, old = made
    new = write(tmp_path / "new.txt", "anden adgangsfrase")
    assert (
        main(
            [
                "passwd",
                "--profile",
                str(profile),
                "--passphrase-file",
                str(old),
                "--new-passphrase-file",
                str(new),
            ]
        )
        == 0
    )
    assert main(["check", "--profile", str(profile), "--passphrase-file", str(new)]) == 0
    assert main(["check", "--profile", str(profile), "--passphrase-file", str(old)]) == 1


def test_recover_sets_a_new_passphrase_with_the_organisation_key(
    made: tuple[Path, Path], keys: tuple[Path, Path], tmp_path: Path
) -> None:
    """A forgotten passphrase is replaced with the recovery private key."""
    profile, old = made
    new = write(tmp_path / "after-recovery.txt", "frase efter gendannelse")
    assert (
        main(
            [
                "recover",
                "--profile",
                str(profile),
                "--recovery-key",
                str(keys[0]),
                "--new-passphrase-file",
                str(new),
            ]
        )
        == 0
    )
    assert main(["check", "--profile", str(profile), "--passphrase-file", str(new)]) == 0
    assert main(["check", "--profile", str(profile), "--passphrase-file", str(old)]) == 1


def test_recover_with_another_organisations_key_is_refused(
    made: tuple[Path, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """A key that does not belong to the vault changes nothing."""
    profile, old = made
    stranger = tmp_path / "stranger.pem"
    stranger.write_bytes(RecoveryPrivateKey.generate().pem())
    new = write(tmp_path / "new.txt", "frase der ikke må virke")
    assert (
        main(
            [
                "recover",
                "--profile",
                str(profile),
                "--recovery-key",
                str(stranger),
                "--new-passphrase-file",
                str(new),
            ]
        )
        == 1
    )
    assert "does not belong to this vault" in capsys.readouterr().err
    assert main(["check", "--profile", str(profile), "--passphrase-file", str(old)]) == 0


def test_init_without_a_recovery_key_explains_where_to_get_one(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """No silent vault without a recovery slot: the consultant is told what to ask for."""
    monkeypatch.setenv("OUTREACH_HOME", str(tmp_path / "home"))
    monkeypatch.delenv("OUTREACH_RECOVERY_PUBLIC_KEY", raising=False)
    secret = write(tmp_path / "p.txt", "en god frase")
    code = main(
        [
            "init",
            "--profile",
            str(tmp_path / "p"),
            "--name",
            "A",
            "--office",
            "B",
            "--passphrase-file",
            str(secret),
        ]
    )
    assert code == 1
    assert "recovery public key" in capsys.readouterr().err
    assert not (tmp_path / "p" / "vault.sqlite3").exists()


def test_a_short_passphrase_is_refused_before_anything_is_made(
    tmp_path: Path, keys: tuple[Path, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    secret = write(tmp_path / "p.txt", "kort")
    code = main(
        [
            "init",
            "--profile",
            str(tmp_path / "p"),
            "--name",
            "A",
            "--office",
            "B",
            "--passphrase-file",
            str(secret),
            "--recovery-public-key",
            str(keys[1]),
        ]
    )
    assert code == 1
    assert "at least 8 characters" in capsys.readouterr().err
    assert not (tmp_path / "p" / "vault.sqlite3").exists()


def test_missing_passphrase_file_and_missing_vault_are_named(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert (
        main(
            [
                "check",
                "--profile",
                str(tmp_path / "none"),
                "--passphrase-file",
                str(tmp_path / "absent.txt"),
            ]
        )
        == 1
    )
    assert "cannot read the passphrase file" in capsys.readouterr().err
    secret = write(tmp_path / "p.txt", "en god frase")
    assert (
        main(["check", "--profile", str(tmp_path / "none"), "--passphrase-file", str(secret)]) == 1
    )
    assert "there is no vault" in capsys.readouterr().err


def test_no_passphrase_and_no_terminal_is_a_clear_error(made: tuple[Path, Path]) -> None:
    """Scheduled jobs without a passphrase file get told, instead of hanging."""
    profile, _ = made
    result = run("check", "--profile", str(profile))
    assert result.returncode == 1
    assert "give --passphrase-file" in result.stderr


def test_version_comes_from_the_package_metadata() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.startswith("outreach-app 0.")
