"""The migrations make exactly the schema the models describe, CHECK constraints on status columns included."""
import json
import re

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import CheckConstraint, String, inspect, text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import IntegrityError

from assessor.db import make_engine, reading
from assessor.dbcli import downgrade_database, upgrade_database
from assessor.models import Base
from assessor.scenarios.models import ENDING_OUTCOMES
from assessor.scenarios.transcript import OUTCOME_LABELS

from .databases import administer
from .factories import SHIPPED

MODEL_CHECKS = {(table.name, check.name): check for table in Base.metadata.sorted_tables
                for check in table.constraints if isinstance(check, CheckConstraint)}


def quoted(sql: str) -> set[str]:
    """The string literals of a CHECK, as either database gives it back ('a'::character varying on PostgreSQL)."""
    return set(re.findall(r"'([^']*)'", str(sql)))


def database_checks(engine) -> dict:
    inspector = inspect(engine)
    return {(table, check["name"]): check["sqltext"] for table in inspector.get_table_names()
            for check in inspector.get_check_constraints(table)}


def test_the_models_match_the_migrated_database(engine):
    with reading(), engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        assert compare_metadata(context, Base.metadata) == []


def test_every_check_of_the_models_is_in_the_database_with_the_same_values(engine):
    with reading():
        found = database_checks(engine)
    assert set(found) == set(MODEL_CHECKS)
    for key, check in MODEL_CHECKS.items():
        assert quoted(found[key]) == quoted(check.sqltext), key


@pytest.mark.parametrize("column", ["status", "kind", "outcome", "role", "purpose", "reason"])
def test_every_status_like_column_has_a_check(column):
    """Free text (a Text column, such as a member event's reason) is not a status."""
    tables = [table for table in Base.metadata.sorted_tables
              if column in table.columns and type(table.columns[column].type) is String]
    assert tables
    for table in tables:
        assert (table.name, f"ck_{table.name}_{column}") in MODEL_CHECKS, table.name


def test_a_value_the_code_does_not_know_is_refused(db_session, world):
    for statement in ("UPDATE evidence SET status = 'lost'", "UPDATE samples SET reason = 'hunch'",
                      "UPDATE user_roles SET role = 'owner'"):
        with pytest.raises(IntegrityError), db_session.begin_nested():
            db_session.execute(text(statement))


def test_scenario_endings_are_the_schemas():
    schema = json.loads((SHIPPED.parent / "scenarios" / "schema.json").read_text(encoding="utf-8"))
    assert set(ENDING_OUTCOMES) == set(_find(schema, "ending")["properties"]["outcome"]["enum"]) == set(OUTCOME_LABELS)


def _find(node, key):
    if isinstance(node, dict):
        if key in node and isinstance(node[key], dict) and "properties" in node[key]:
            return node[key]
        return next((found for value in node.values() if (found := _find(value, key))), None)
    return None


@pytest.fixture
def scratch_url(database_url, tmp_path):
    """An empty database beside the session's, for going down and up again."""
    url = make_url(database_url)
    if url.get_backend_name() == "sqlite":
        yield f"sqlite:///{tmp_path / 'scratch.sqlite3'}"
        return
    scratch = url.set(database=f"{url.database}_scratch")
    administer(scratch, f'DROP DATABASE IF EXISTS "{scratch.database}" WITH (FORCE)', f'CREATE DATABASE "{scratch.database}"')
    yield scratch.render_as_string(hide_password=False)
    administer(scratch, f'DROP DATABASE IF EXISTS "{scratch.database}" WITH (FORCE)')


def test_the_checks_go_down_and_come_back(scratch_url):
    upgrade_database(scratch_url)
    downgrade_database(scratch_url, "0007_queue")
    engine = make_engine(scratch_url)
    try:
        assert database_checks(engine) == {}
        upgrade_database(scratch_url)
        assert set(database_checks(engine)) == set(MODEL_CHECKS)
    finally:
        engine.dispose()


def test_the_scenario_and_witness_kinds_come_with_0019_and_go_without_it(scratch_url):
    """Going down forgets the notices and choices of the new kinds, and the CHECKs refuse them again; up, they return."""
    upgrade_database(scratch_url)
    engine = make_engine(scratch_url)
    try:
        with engine.begin() as connection:
            user_id = connection.execute(text(
                "INSERT INTO users (email, name, is_site_admin, active, session_version, created_at) "
                "VALUES ('kinds@example.org', 'Kinds', false, true, 1, CURRENT_TIMESTAMP) RETURNING id")).scalar_one()
            _choose(connection, user_id, "scenario_offered")
            _choose(connection, user_id, "evidence_referred")
        downgrade_database(scratch_url, "0018_preview")
        with engine.begin() as connection:
            kept = connection.execute(text("SELECT kind FROM notification_preferences")).scalars().all()
        assert kept == ["evidence_referred"]
        assert "scenario_offered" not in quoted(database_checks(engine)[("notices", "ck_notices_kind")])
        with pytest.raises(IntegrityError), engine.begin() as connection:
            _choose(connection, user_id, "witness_signed")
        upgrade_database(scratch_url)
        with engine.begin() as connection:
            _choose(connection, user_id, "witness_signed")
        assert set(database_checks(engine)) == set(MODEL_CHECKS)
    finally:
        engine.dispose()


def _choose(connection, user_id: int, kind: str) -> None:
    connection.execute(text("INSERT INTO notification_preferences (user_id, kind, delivery) VALUES (:user, :kind, 'off')"),
                       {"user": user_id, "kind": kind})
