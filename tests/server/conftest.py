"""Servers for the server's tests: one real ``outreach-server`` over TLS per test module
and backend (SQLite, and PostgreSQL in one cluster per session)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.server.helpers import Team, make_team
from tests.support.postgres import PostgresCluster, require_postgres
from tests.support.server import RunningServer, start_server

BACKENDS = ["sqlite", "postgresql"]


@pytest.fixture(scope="session")
def postgres() -> Iterator[PostgresCluster]:
    require_postgres()
    cluster = PostgresCluster()
    cluster.start()
    yield cluster
    cluster.stop()


@pytest.fixture(scope="module", params=BACKENDS)
def backend(request: pytest.FixtureRequest) -> str:
    return str(request.param)


def database_for(backend: str, request: pytest.FixtureRequest, name: str) -> str | None:
    if backend == "sqlite":
        return None
    cluster: PostgresCluster = request.getfixturevalue("postgres")
    return cluster.fresh_database(name)


@pytest.fixture(scope="module")
def server(
    backend: str, request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[RunningServer]:
    name = request.module.__name__.rsplit(".", 1)[-1]
    url = database_for(backend, request, name)
    with start_server(tmp_path_factory.mktemp(name), database_url=url) as running:
        yield running


@pytest.fixture
def team(server: RunningServer) -> Iterator[Team]:
    """A fresh office with two consultants (Karin, Omar), each with an enrolled device."""
    with make_team(server) as made:
        yield made
