"""Without its database the service answers 503 unavailable (SPEC §9), in words and
without details of the failure."""

from __future__ import annotations

import asyncio
from pathlib import Path

import httpx
from fastapi import FastAPI

from outreach_app.server.app import create_app
from outreach_app.server.keys import create_keys
from outreach_app.server.settings import ServerSettings
from tests.server.helpers import HEADERS
from tests.support.postgres import free_port


async def _ask(app: FastAPI) -> list[httpx.Response]:
    transport = httpx.ASGITransport(app=app)
    async with httpx.AsyncClient(transport=transport, base_url="http://service") as client:
        health = await client.get("/v1/health")
        body = {"secret": "s" * 43, "device_name": "X"}
        enrol = await client.post("/v1/enrol", json=body, headers=HEADERS)
    return [health, enrol]


def test_an_unreachable_database_is_503(tmp_path: Path) -> None:
    """A PostgreSQL address where nothing listens: health and enrolment answer 503."""
    create_keys(tmp_path)
    url = f"postgresql+psycopg://nobody@127.0.0.1:{free_port()}/outreach"
    app = create_app(ServerSettings(data=tmp_path, database_url=url))
    try:
        responses = asyncio.run(_ask(app))
    finally:
        app.state.service.engine.dispose()
    for response in responses:
        assert response.status_code == 503
        assert response.json()["error"] == "unavailable"
        assert "127.0.0.1" not in response.text
