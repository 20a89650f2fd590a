"""The central service's settings: environment (``OUTREACH_SERVER_*``), the data
folder's ``server.json`` written by ``init``, and command-line options, in rising order
of precedence."""

from __future__ import annotations

import json
import logging
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict

log = logging.getLogger(__name__)

CONFIG_FILE = "server.json"
DEFAULT_PORT = 8443


class ServerSettings(BaseSettings):
    """Where the service keeps its files and how it is reached."""

    model_config = SettingsConfigDict(env_prefix="OUTREACH_SERVER_", extra="ignore")

    data: Path = Field(default_factory=lambda: Path("outreach-server"))
    database_url: str | None = None
    host: str = "127.0.0.1"
    port: int = DEFAULT_PORT
    url: str | None = None
    workers: int = 1
    offline_lock_days: int = 14

    @property
    def db_url(self) -> str:
        """The SQLAlchemy URL; an SQLite file in the data folder unless set."""
        if self.database_url:
            return self.database_url
        return f"sqlite:///{(self.data / 'server.sqlite3').resolve()}"

    @property
    def public_url(self) -> str:
        """The address devices use (written into enrolment codes)."""
        return self.url or f"https://{self.host}:{self.port}"


def read_config(data: Path) -> dict[str, Any]:
    """The values ``init`` wrote to the data folder (empty if there is no file)."""
    path = data / CONFIG_FILE
    if not path.is_file():
        return {}
    loaded = json.loads(path.read_text(encoding="utf-8"))
    return loaded if isinstance(loaded, dict) else {}


def write_config(data: Path, values: dict[str, Any]) -> None:
    path = data / CONFIG_FILE
    path.write_text(json.dumps(values, indent=2, sort_keys=True) + "\n", encoding="utf-8")


def load_settings(data: Path, **overrides: Any) -> ServerSettings:
    """Settings for the data folder: environment, then the config file, then the
    options given (``None`` means "not given")."""
    given = {k: v for k, v in overrides.items() if v is not None}
    merged = {**read_config(data), **given, "data": data}
    return ServerSettings(**merged)


def program_version() -> str:
    try:
        return version("outreach-app")
    except PackageNotFoundError:
        return "0+unknown"
