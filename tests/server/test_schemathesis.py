"""Property-based API tests: schemathesis generates requests from the live server's
OpenAPI description; no answer may be a server error, and every answer must match the
description."""

from __future__ import annotations

from typing import Any

import pytest
import requests
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance, status_code_conformance

from tests.server.helpers import Team, http
from tests.support.server import RunningServer

OPERATIONS = [
    ("/v1/health", "GET"),
    ("/v1/enrol", "POST"),
    ("/v1/status", "GET"),
    ("/v1/push", "POST"),
    ("/v1/pull", "POST"),
]
CHECKS = [not_a_server_error, status_code_conformance, response_schema_conformance]


def _schema(server: RunningServer) -> Any:
    with http(server) as client:
        raw = client.get("/openapi.json").json()
    return schemathesis.openapi.from_dict(raw)


@pytest.mark.parametrize(("path", "method"), OPERATIONS)
def test_generated_requests_never_fail_the_service(
    server: RunningServer, team: Team, path: str, method: str
) -> None:
    """Random bodies and headers, sent with a real device credential (so pushes and
    pulls reach the merge code), never produce a 5xx or an answer off the description."""
    operation = _schema(server)[path][method]
    session = requests.Session()
    session.verify = str(server.cert_path)  # pinned to the test server's certificate

    @given(case=operation.as_strategy())
    @settings(
        max_examples=25, deadline=None, database=None, suppress_health_check=list(HealthCheck)
    )
    def run(case: Any) -> None:
        headers = dict(case.headers or {})
        headers.setdefault("Outreach-Protocol", "1")
        headers["Authorization"] = team.karin.headers()["Authorization"]
        response = case.call(
            base_url=server.url, session=session, headers=headers, verify=str(server.cert_path)
        )
        case.validate_response(response, checks=CHECKS)

    try:
        run()
    finally:
        session.close()
