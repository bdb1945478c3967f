"""Test transactions: a savepoint per test, and the world built once per module inside an outer transaction."""
import dataclasses

from sqlalchemy import inspect
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.orm import Session

from .factories import build_world, store_test_file


def open_session(connection: Connection) -> Session:
    """A session inside the connection's transaction: its commits release savepoints, nothing reaches the disk."""
    return Session(bind=connection, join_transaction_mode="create_savepoint", expire_on_commit=False)


class ModuleWorlds:
    """The world of the running test module, kept in an open transaction that is rolled back when the module is done.

    A test that uses the world runs in a savepoint on that transaction and gets its own copy of the world's
    objects; a test that does not gets a connection of its own, and the world is rolled back first (on SQLite
    the world's open transaction would lock out every other writer).
    """

    def __init__(self, engine: Engine, storage_root):
        self.engine, self.storage_root = engine, storage_root
        self.module = self.connection = self.transaction = self.world = None

    def connection_for(self, module: str, wants_world: bool) -> Connection:
        if not wants_world:
            self.close()
            return self.engine.connect()
        if module != self.module:
            self.close()
            self._build(module)
        return self.connection

    def _build(self, module: str) -> None:
        self.connection = self.engine.connect()
        self.transaction = self.connection.begin()
        with open_session(self.connection) as session:
            self.world = build_world(session, self.storage_root)
            session.commit()
        self.module = module

    def copy_into(self, session: Session):
        """The world's objects as persistent objects of `session`, loaded as they were built (no query)."""
        store_test_file(self.storage_root)  # a test may have removed the stored file
        return _copied(self.world, session)

    def close(self) -> None:
        if self.connection is not None:
            self.transaction.rollback()
            self.connection.close()
        self.module = self.connection = self.transaction = self.world = None


def _copied(value, session: Session):
    if dataclasses.is_dataclass(value):
        fields = {field.name: _copied(getattr(value, field.name), session) for field in dataclasses.fields(value)}
        return dataclasses.replace(value, **fields)
    if inspect(value, raiseerr=False) is not None:
        return session.merge(value, load=False)
    return value


def module_of(request_or_item) -> str:
    return getattr(request_or_item, "node", request_or_item).nodeid.split("::")[0]


def group_world_tests(items) -> None:
    """Within each module, the tests that use the world run together, so the module builds it once."""
    first_seen: dict[str, int] = {}
    for index, item in enumerate(items):
        first_seen.setdefault(item.nodeid.split("::")[0], index)
    items.sort(key=lambda item: (first_seen[item.nodeid.split("::")[0]], "world" not in item.fixturenames))
