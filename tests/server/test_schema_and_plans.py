"""The migrated schema is the one the service's tables describe, on both backends, and
the lookups of a push and a pull take their indexes: the partial office and CPR
indexes (migration 0002), the partial assignment index (0003), and key lookups on
PostgreSQL before any statistics exist and after the service has analysed the
tables itself."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import psycopg
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from psycopg.adapt import PyFormat, Transformer
from psycopg.types.array import ListDumper
from sqlalchemy import Date, Engine, bindparam, create_engine, insert, select

from outreach_app.protocol.messages import DeviceState
from outreach_app.server import db, pgarrays, planner, pull
from outreach_app.server import tables as t
from outreach_app.server.db import among, make_engine, migrate, writing
from outreach_app.server.push import Device
from tests.server.conftest import database_for


@pytest.fixture(params=["sqlite", "postgresql"])
def engine(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Engine]:
    url = database_for(request.param, request, f"schema_{request.param}")
    made = make_engine(url or f"sqlite:///{tmp_path / 'server.sqlite3'}")
    migrate(made, data=tmp_path)
    yield made
    made.dispose()


def _ids(count: int) -> list[str]:
    return [str(uuid.uuid4()) for _ in range(count)]


def _fill(engine: Engine, notes: int) -> list[str]:
    """``notes`` note records (no office, no CPR digest), one device's outcomes for
    as many changes, and the change ids."""
    device, citizen, changes = str(uuid.uuid4()), str(uuid.uuid4()), _ids(notes)
    rows: list[dict[str, Any]] = [
        {
            "kind": "notes",
            "id": record_id,
            "rev": rev,
            "first_rev": rev,
            "citizen_id": citizen,
            "consultant_id": device,
            "active": False,
            "deleted": False,
            "field_revs": [],
            "sealed": b"x",
        }
        for rev, record_id in enumerate(_ids(notes), start=1)
    ]
    outcomes = [
        {"device_id": device, "change_id": c, "outcome": "applied", "rev": 1, "sealed": b""}
        for c in changes
    ]
    with writing(engine) as (conn, _seqs):
        conn.execute(insert(t.records), rows)
        conn.execute(insert(t.applied_changes), outcomes)
    return [device, *changes]


def test_the_migrated_schema_is_the_tables_of_the_service(engine: Engine) -> None:
    with engine.connect() as conn:
        differences = compare_metadata(MigrationContext.configure(conn), t.metadata)
    assert differences == []


def test_records_without_office_or_cpr_stay_out_of_those_indexes(engine: Engine) -> None:
    with engine.connect() as conn:
        definitions = _index_definitions(conn, engine.dialect.name)
    assert "office_id IS NOT NULL" in definitions["ix_records_office"]
    assert "cpr_digest IS NOT NULL" in definitions["ix_records_cpr"]


def _index_definitions(conn: Any, dialect: str) -> dict[str, str]:
    if dialect == "sqlite":
        query = "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL"
    else:
        query = "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'records'"
    return {
        name: str(sql).replace("(", "").replace(")", "")
        for name, sql in conn.exec_driver_sql(query)
    }


def _plan(engine: Engine, statement: Any) -> str:
    with engine.connect() as conn:
        planner.keyed_lookups(conn)  # as a push does (PostgreSQL only)
        compiled = statement.compile(conn, compile_kwargs={"literal_binds": True})
        prefix = "EXPLAIN QUERY PLAN " if engine.dialect.name == "sqlite" else "EXPLAIN "
        lines = conn.exec_driver_sql(prefix + str(compiled)).all()
        conn.rollback()
    return "\n".join(str(line[-1]) for line in lines)


def test_office_and_cpr_lookups_take_the_partial_indexes(engine: Engine) -> None:
    _fill(engine, 200)
    office = select(t.records.c.id).where(
        t.records.c.kind == "partners", t.records.c.office_id == str(uuid.uuid4())
    )
    cpr = select(t.records.c.id).where(t.records.c.cpr_digest == b"\x01" * 32)
    assert "ix_records_office" in _plan(engine, office)
    assert "ix_records_cpr" in _plan(engine, cpr)


@pytest.mark.parametrize("analysed", [False, True], ids=["no-statistics", "analysed"])
def test_a_push_looks_its_changes_up_by_key(engine: Engine, analysed: bool) -> None:
    """Without statistics, or with statistics that show one device owning every row,
    the outcomes of a push's changes are still looked up in the primary key."""
    device, *changes = _fill(engine, 3000)
    if analysed:
        stats = planner.Statistics(engine)
        stats.grew(planner.ANALYZE_AFTER)
    c = t.applied_changes.c
    with engine.connect() as conn:
        wanted = among(conn, c.change_id, changes[:500] + _ids(500))
    lookup = select(c.change_id, c.outcome).where(c.device_id == device, wanted)
    plan = _plan(engine, lookup)
    index = (
        "sqlite_autoindex_applied_changes_1"
        if engine.dialect.name == "sqlite"
        else "applied_changes_pkey"
    )
    assert index in plan
    assert "Seq Scan" not in plan


def test_the_service_analyses_after_the_tables_grew(engine: Engine) -> None:
    stats = planner.Statistics(engine)
    expected = engine.dialect.name == "postgresql"
    assert stats.grew(planner.ANALYZE_AFTER - 1) is False
    assert stats.grew(1) is expected
    assert stats.grew(1) is False  # counted again from nothing
    if expected:
        with engine.connect() as conn:
            analysed = conn.exec_driver_sql(
                "SELECT count(*) FROM pg_stat_user_tables "
                "WHERE relname = 'records' AND last_analyze IS NOT NULL"
            ).scalar_one()
        assert analysed == 1


def test_a_failed_analysis_leaves_the_push_standing(caplog: pytest.LogCaptureFixture) -> None:
    """The analysis follows a committed push: if the database cannot be reached, it is
    logged and the push's answer goes out as usual."""
    unreachable = create_engine("postgresql+psycopg://nobody@127.0.0.1:1/none")
    stats = planner.Statistics(unreachable)
    assert stats.grew(planner.ANALYZE_AFTER * 2) is False
    assert "could not renew the planner's statistics: OperationalError" in caplog.text
    unreachable.dispose()


def _assigned_to(consultant: str) -> Any:
    """The statement by which a pull finds a consultant's citizens."""
    return pull.scope_clause(
        Device(
            id=str(uuid.uuid4()),
            consultant_id=consultant,
            office_id=str(uuid.uuid4()),
            state=DeviceState.ACTIVE,
            farewell_done=False,
        )
    )


def test_a_consultants_citizens_are_found_through_the_assignment_index(engine: Engine) -> None:
    _fill(engine, 200)
    scope = select(t.records.c.id).where(_assigned_to(str(uuid.uuid4())))
    with engine.connect() as conn:
        written = str(scope.compile(conn, compile_kwargs={"render_postcompile": True}))
    assert "'assignments'" in written  # as text, not bound: every plan can use the index
    assert "ix_records_assignment" in _plan(engine, scope)


@pytest.mark.parametrize("engine", ["postgresql"], indirect=True)  # SQLite plans every run
def test_a_prepared_statements_generic_plan_uses_the_assignment_index(engine: Engine) -> None:
    """PostgreSQL plans a prepared statement once for any values after a few runs;
    that plan, too, must use the partial index."""
    _fill(engine, 200)
    assigned = select(t.records.c.citizen_id).where(
        t.records.c.kind == t.ASSIGNMENT_KIND,
        t.records.c.consultant_id == bindparam("consultant", "x"),
        t.records.c.active.is_(True),
    )
    with engine.connect() as conn:
        written = str(assigned.compile(conn, compile_kwargs={"render_postcompile": True}))
        prepared = written.replace("%(consultant)s", "$1")
        conn.exec_driver_sql("SET plan_cache_mode = force_generic_plan")
        conn.exec_driver_sql(f"PREPARE assigned(text) AS {prepared}")
        plan = "\n".join(r[0] for r in conn.exec_driver_sql("EXPLAIN EXECUTE assigned('x')"))
        conn.rollback()
    assert "ix_records_assignment" in plan


TRICKY = ['a"b', "c\\d", "{e,f}", "NULL", " g ", "h,i", "j'k", "æøå", "", '\\\\"', "l}m{"]


def test_a_list_of_any_strings_finds_exactly_those(engine: Engine) -> None:
    """The list ``among`` sends (on PostgreSQL one array parameter) keeps every
    string whole, whatever it holds."""
    rows = [
        {"device_id": "d", "entry_id": value, "seq": i, "at": "t", "action": "a"}
        | {"received_at": "t", "sealed": b""}
        for i, value in enumerate(TRICKY)
    ]
    with writing(engine) as (conn, _seqs):
        conn.execute(insert(t.device_log), rows)
    c = t.device_log.c
    with engine.connect() as conn:
        found = conn.execute(select(c.entry_id).where(among(conn, c.entry_id, TRICKY))).scalars()
        assert sorted(found) == sorted(TRICKY)
        near = [value + "x" for value in TRICKY] + ["a", "NULL ", '"NULL"']
        assert conn.execute(select(c.entry_id).where(among(conn, c.entry_id, near))).all() == []


PLAIN = ["5d0c2a4e-8f0b-4c51-9a8e-3f1f5b7c9d21", "id_7", "a.b:c-d", "annulled"]


def test_lists_of_plain_ids_are_written_in_one_join(engine: Engine) -> None:
    """Plain ids skip psycopg's step per element: the array text is the same, and the
    lookup finds exactly them, alone or mixed with strings that need quoting."""
    rows = [
        {"device_id": "d", "entry_id": value, "seq": i, "at": "t", "action": "a"}
        | {"received_at": "t", "sealed": b""}
        for i, value in enumerate(PLAIN + TRICKY)
    ]
    with writing(engine) as (conn, _seqs):
        conn.execute(insert(t.device_log), rows)
        if conn.dialect.name == "postgresql":
            adapters = conn.connection.driver_connection.adapters  # type: ignore[union-attr]
            assert adapters.get_dumper(list, PyFormat.AUTO) is pgarrays.IdListDumper
    c = t.device_log.c
    with engine.connect() as conn:
        for wanted in (PLAIN[:3], PLAIN, PLAIN + TRICKY[:2], [PLAIN[0]]):
            found = conn.execute(select(c.entry_id).where(among(conn, c.entry_id, wanted)))
            assert sorted(found.scalars()) == sorted(wanted)


def test_the_plain_array_text_is_psycopgs() -> None:
    transformer = Transformer(psycopg.adapters)
    for values in (PLAIN[:3], [PLAIN[0]], ["x"] * 3):
        expected = ListDumper(list, transformer).upgrade(values, PyFormat.TEXT).dump(values)
        assert pgarrays.plain_array(values) == bytes(expected or b"")
    for value in [*TRICKY, "a\x00b", "null", "Null", "annulled"]:
        assert pgarrays.plain_array([PLAIN[0], value]) is None, value
    assert pgarrays.plain_array([]) is None
    assert pgarrays.plain_array([PLAIN[0], 7]) is None


def test_every_pushed_column_has_a_binary_copy_form() -> None:
    """PostgreSQL's binary COPY needs each value in its column's own form; a column
    type the service has not chosen a form for is refused, not sent as text."""
    for table in (t.records, t.applied_changes, t.audit):
        assert all(db._binary_type(column.type) for column in table.c)
    with pytest.raises(TypeError, match="no binary COPY form"):
        db._binary_type(Date())
