"""Counting the SQL statements a piece of code runs, for the tests that keep query counts flat."""
from contextlib import contextmanager

from sqlalchemy import event


@contextmanager
def counted_queries(bind):
    """The SQL statements run on `bind` (an engine or a connection) inside the block, savepoints left out."""
    statements: list[str] = []

    def count(_conn, _cursor, statement, *_args):
        if not statement.lstrip().upper().startswith(("SAVEPOINT", "RELEASE", "ROLLBACK")):
            statements.append(statement)

    event.listen(bind, "before_cursor_execute", count)
    try:
        yield statements
    finally:
        event.remove(bind, "before_cursor_execute", count)


def queries_for(client, engine, url: str) -> int:
    """Statements for one request, asked twice so that the second finds nothing cached."""
    assert client.get(url).status_code == 200
    with counted_queries(engine) as statements:
        assert client.get(url).status_code == 200
    return len(statements)
