"""Where the organisation's recovery public key is found on a consultant's laptop."""

from __future__ import annotations

import os
from pathlib import Path

from outreach_app.crypto.recovery import RecoveryPublicKey
from outreach_app.storage.profile import data_home

RECOVERY_PUBLIC_ENV = "OUTREACH_RECOVERY_PUBLIC_KEY"
RECOVERY_PUBLIC_FILE = "recovery-public.pem"


def find_recovery_public_key(explicit: Path | None = None) -> RecoveryPublicKey | None:
    """The key given, else the file named by OUTREACH_RECOVERY_PUBLIC_KEY, else
    ``recovery-public.pem`` in the data folder (put there by the installer or IT)."""
    if explicit is not None:
        return RecoveryPublicKey.load(explicit)
    from_env = os.environ.get(RECOVERY_PUBLIC_ENV)
    for candidate in (Path(from_env) if from_env else None, data_home() / RECOVERY_PUBLIC_FILE):
        if candidate is not None and candidate.is_file():
            return RecoveryPublicKey.load(candidate)
    return None
