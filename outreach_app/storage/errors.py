"""Errors of the storage layer, in words an IT person or a consultant can act on.
None of them carries personal data."""

from __future__ import annotations


class VaultError(Exception):
    """Base class of the vault's errors."""


class NoVault(VaultError):
    """There is no vault where one was expected."""


class VaultExists(VaultError):
    """A vault is already there; creating one would overwrite it."""


class NotAVault(VaultError):
    """The file is not a vault of this program (or its header is damaged)."""


class VaultFromNewerVersion(VaultError):
    """The vault was written by a newer version of the program."""

    def __init__(self, revision: str) -> None:
        super().__init__(
            f"this vault was written by a newer version of Outreach (schema {revision}); "
            "install the newer version to open it"
        )
        self.revision = revision


class WrongPassphraseError(VaultError):
    """The passphrase did not open the vault. ``retry_after`` seconds must pass
    before the next attempt (0 for the first few attempts)."""

    def __init__(self, *, failures: int, retry_after: int) -> None:
        wait = f"; wait {retry_after} s before the next attempt" if retry_after else ""
        super().__init__(f"the passphrase is wrong{wait}")
        self.failures = failures
        self.retry_after = retry_after


class UnlockThrottled(VaultError):
    """Too many wrong passphrases: the next attempt has to wait."""

    def __init__(self, retry_after: int) -> None:
        super().__init__(f"too many wrong passphrases; wait {retry_after} s and try again")
        self.retry_after = retry_after


class WeakPassphrase(VaultError):
    """The new passphrase is too short."""


class StorageFull(VaultError):
    """The disk is full: nothing was saved by this operation, and nothing earlier is lost."""

    def __init__(self) -> None:
        super().__init__(
            "the disk is full; the change was not saved. Free some space and save again"
        )


class VaultClosed(VaultError):
    """The vault was locked or closed; unlock it again."""


class VaultBusy(VaultError):
    """Another program holds the vault."""


class RecordRefused(VaultError):
    """The database refused a change that breaks one of its rules (a finished note
    changed, the access log edited, a second active assignment, a duplicate CPR)."""


class VaultCorrupt(VaultError):
    """The vault file is damaged at the database level."""
