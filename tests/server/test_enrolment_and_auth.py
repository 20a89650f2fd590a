"""Enrolment (SPEC §4), authentication and device states (§5), and the transport rules
of §3, §8 and §9 against a real server over TLS."""

from __future__ import annotations

import gzip
import json

import pytest
import zstandard

from outreach_app.crypto.recovery import RecoveryPublicKey
from outreach_app.protocol.codes import decode_code
from outreach_app.protocol.messages import MAX_BODY_BYTES, MAX_CHANGES, DeviceState
from tests.server.helpers import HEADERS, Team, admin_for, http, new_note, walk_in
from tests.support.server import RunningServer


def _code(server: RunningServer, consultant: str, hours: float = 24.0) -> str:
    with admin_for(server) as admin:
        return decode_code(admin.enrolment_code(consultant, valid_hours=hours).code).secret


def _enrol(server: RunningServer, secret: str) -> tuple[int, dict[str, object]]:
    with http(server) as client:
        response = client.post(
            "/v1/enrol", json={"secret": secret, "device_name": "Laptop 7"}, headers=HEADERS
        )
    return response.status_code, response.json()


def test_an_enrolment_code_enrols_one_device_once(server: RunningServer, team: Team) -> None:
    """The code carries url and pinned fingerprint; the answer carries the ids and the
    organisation's recovery public key; a second use is refused."""
    with admin_for(server) as admin:
        code = decode_code(admin.enrolment_code(team.karin.consultant_id).code)
    assert code.url == server.url
    assert code.fingerprint == server.fingerprint
    status, body = _enrol(server, code.secret)
    assert status == 201
    assert body["consultant_id"] == team.karin.consultant_id
    assert body["office_id"] == team.office_id
    key = RecoveryPublicKey.load(server.data / "recovery-public.pem")
    assert body["recovery_public_key"] == key.pem().decode()
    assert _enrol(server, code.secret) == (409, {"error": "code_used", "message": _any()})


class _Any(str):
    def __eq__(self, other: object) -> bool:
        return isinstance(other, str)

    __hash__ = str.__hash__


def _any() -> str:
    return _Any()


def test_a_wrong_or_expired_code_is_refused(server: RunningServer, team: Team) -> None:
    """A mistyped secret is unknown; a code past its validity has expired."""
    status, body = _enrol(server, "x" * 43)
    assert (status, body["error"]) == (401, "invalid_code")
    expired = _code(server, team.karin.consultant_id, hours=0)
    status, body = _enrol(server, expired)
    assert (status, body["error"]) == (401, "code_expired")


def test_requests_without_a_valid_credential_are_refused(server: RunningServer, team: Team) -> None:
    """No credential, a wrong one, or a made-up device: 401 unauthorised."""
    with http(server) as client:
        assert client.get("/v1/status", headers=HEADERS).json()["error"] == "unauthorised"
        wrong = {**HEADERS, "Authorization": f"Bearer {team.karin.id}.not-the-credential"}
        response = client.post("/v1/pull", json={"cursor": 0}, headers=wrong)
        assert (response.status_code, response.json()["error"]) == (401, "unauthorised")
    status = team.karin.status()
    assert status.status_code == 200
    assert status.json()["state"] == "active"
    with admin_for(server) as admin:
        audit = admin.audit()
    assert any(e["action"] == "auth.credential" and e["device_id"] == team.karin.id for e in audit)


def test_a_revoked_device_may_push_once_and_never_pull(server: RunningServer, team: Team) -> None:
    """Revoked: status says so, pulls are refused, one farewell push is accepted, then
    every call is refused."""
    karin = team.karin
    citizen, changes = walk_in(karin)
    karin.push(*changes)
    with admin_for(server) as admin:
        admin.revoke(karin.id)
    assert karin.status().json()["state"] == DeviceState.REVOKED.value
    refused = karin.post("/v1/pull", {"cursor": 0})
    assert (refused.status_code, refused.json()["error"]) == (403, "pull_refused")
    farewell = karin.push(new_note(citizen, karin.consultant_id, "Sidste note", status="finished"))
    assert farewell.results[0].outcome == "applied"
    again = karin.push_raw([])
    assert again.status_code == 401
    assert again.json() == {
        "error": "device_revoked",
        "message": again.json()["message"],
        "stolen": False,
    }


def test_a_stolen_device_is_refused_everything(server: RunningServer, team: Team) -> None:
    """Stolen: every call answers 401 device_revoked with stolen true; nothing is taken."""
    karin = team.karin
    with admin_for(server) as admin:
        admin.revoke(karin.id, stolen=True)
    for response in (karin.status(), karin.push_raw([]), karin.post("/v1/pull", {"cursor": 0})):
        assert response.status_code == 401
        assert response.json()["error"] == "device_revoked"
        assert response.json()["stolen"] is True


def test_another_protocol_version_gets_426(server: RunningServer, team: Team) -> None:
    """A missing or other version is answered with the versions the service speaks."""
    headers = team.karin.headers()
    with http(server) as client:
        for version in ("2", "", "abc"):
            response = client.get("/v1/status", headers={**headers, "Outreach-Protocol": version})
            assert response.status_code == 426
            assert response.json()["supported"] == [1]


@pytest.mark.parametrize("coding", ["gzip", "zstd"])
def test_compressed_bodies_are_read_and_answers_compressed_as_accepted(
    team: Team, coding: str
) -> None:
    """A gzip or zstd request body is read; an answer is compressed with the coding the
    request accepts, zstd first, and goes plain when it accepts neither."""
    karin = team.karin
    _, changes = walk_in(karin)
    body = {"cursor": 0, "changes": [c.model_dump(mode="json") for c in changes]}
    response = karin.post("/v1/push", body, coding=coding)
    assert response.status_code == 200, response.text
    assert [r["outcome"] for r in response.json()["results"]] == ["applied", "applied"]
    answers = {
        "gzip, deflate, zstd": "zstd",
        "gzip;q=1.0, zstd;q=0.5": "zstd",
        "gzip": "gzip",
        "zstd;q=0, gzip": "gzip",
        "*": "zstd",
        "identity": None,
        "zstd;q=0, gzip;q=0": None,
    }
    for accept, expected in answers.items():
        pulled = karin.post("/v1/pull", {"cursor": 0}, accept=accept)
        assert pulled.headers.get("content-encoding") == expected, accept
        assert pulled.json()["records"], accept


def test_damaged_and_oversized_zstd_bodies_are_refused(server: RunningServer, team: Team) -> None:
    """400 for a damaged, truncated or trailing zstd body and for a frame asking for
    a window over 8 MiB; 413 for one unpacking beyond 8 MiB, whether the frame names
    its size or not."""
    karin = team.karin
    headers = {**karin.headers(), "Content-Type": "application/json", "Content-Encoding": "zstd"}
    good = zstandard.ZstdCompressor().compress(b'{"cursor": 0, "changes": []}' + b" " * 4000)
    huge = b'{"cursor": 0, "pad": "' + b"a" * MAX_BODY_BYTES + b'"}'
    stream = zstandard.ZstdCompressor().compressobj()
    unsized = stream.compress(huge) + stream.flush()
    wide = zstandard.ZstdCompressor(
        compression_params=zstandard.ZstdCompressionParameters.from_level(3, window_log=27)
    ).compressobj()
    with http(server) as client:
        assert client.post("/v1/push", content=good, headers=headers).status_code == 200
        for damaged in (
            good[:-3],
            good + b"more",
            b"not zstd at all",
            b"",
            wide.compress(huge[:9_000_000]) + wide.flush(),
        ):
            answer = client.post("/v1/push", content=damaged, headers=headers)
            assert (answer.status_code, answer.json()["error"]) == (400, "bad_request")
            assert "zstd" in answer.json()["message"]
        for bomb in (zstandard.compress(huge), unsized):
            answer = client.post("/v1/push", content=bomb, headers=headers)
            assert (answer.status_code, answer.json()["error"]) == (413, "too_large")


def test_other_encodings_and_oversized_bodies_are_refused(
    server: RunningServer, team: Team
) -> None:
    """415 for an encoding other than gzip or zstd; 413 over 8 MiB, compressed or not; 413 over
    500 changes."""
    karin = team.karin
    headers = {**karin.headers(), "Content-Type": "application/json"}
    with http(server) as client:
        brotli = client.post(
            "/v1/push", content=b"{}", headers={**headers, "Content-Encoding": "br"}
        )
        assert (brotli.status_code, brotli.json()["error"]) == (415, "unsupported_encoding")
        huge = b'{"cursor": 0, "pad": "' + b"a" * MAX_BODY_BYTES + b'"}'
        assert client.post("/v1/push", content=huge, headers=headers).status_code == 413
        bomb = gzip.compress(huge)
        zipped = {**headers, "Content-Encoding": "gzip"}
        assert client.post("/v1/push", content=bomb, headers=zipped).status_code == 413
    _, changes = walk_in(karin)
    many = {"cursor": 0, "changes": [changes[1].model_dump(mode="json")] * (MAX_CHANGES + 1)}
    response = karin.post("/v1/push", many)
    assert response.status_code in (400, 413)


def test_the_status_announces_the_push_limit_and_codings(team: Team) -> None:
    """A device sends no more changes in one push than the service says it takes, in
    a coding the service says it reads."""
    answer = team.karin.status().json()
    assert answer["max_changes"] == MAX_CHANGES
    assert answer["encodings"] == ["zstd", "gzip"]


def test_an_invalid_body_is_400_and_echoes_nothing(server: RunningServer, team: Team) -> None:
    """Malformed JSON or a body not matching its model: 400 bad_request, and the message
    carries none of the values sent."""
    karin = team.karin
    canary = "Hemmelig Gadenavn 17"
    body = {"cursor": 0, "changes": [{"change_id": canary, "kind": "notes", "id": canary}]}
    response = karin.post("/v1/push", body)
    assert (response.status_code, response.json()["error"]) == (400, "bad_request")
    assert canary not in response.text
    with http(server) as client:
        broken = client.post(
            "/v1/pull",
            content=b'{"cursor": ',
            headers={**karin.headers(), "Content-Type": "application/json"},
        )
    assert (broken.status_code, broken.json()["error"]) == (400, "bad_request")
    assert json.loads(broken.text)["message"]
