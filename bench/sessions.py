"""Server-side sessions benchmark: what a signed-in request costs, how often "last seen" is written, cleanup time.

Run from the repository root: `.venv/bin/python bench/sessions.py [--requests 200] [--expired 20000] [--database URL]`.
Prints a JSON summary: SQL statements of a signed-in page, UPDATEs of user_sessions over many requests
within a minute (the target is none after the first minute's one), and seconds to delete expired rows.
"""
import argparse
import time
from datetime import timedelta

from common import (
    add_database_option,
    bench_app,
    counted,
    database_kind,
    engine_for,
    fetcher,
    median_seconds,
    print_summary,
    signed_in_client,
)
from sqlalchemy import event, insert
from sqlalchemy.orm import Session

from assessor.accounts.models import User, UserSession
from assessor.accounts.sessions import remove_expired, token_digest
from assessor.timeutil import utcnow


def make_person(url: str) -> int:
    engine = engine_for(url)
    with Session(engine) as session:
        person = User(email="bench.sessions@example.org", name="Bench Sessions", is_site_admin=True, password_hash="x")
        session.add(person)
        session.commit()
        person_id = person.id
    engine.dispose()
    return person_id


def session_writes(app, client, requests: int) -> int:
    """UPDATE statements on user_sessions over `requests` signed-in requests."""
    writes = []

    def note(_conn, _cursor, statement, *_args):
        if statement.lstrip().upper().startswith("UPDATE USER_SESSIONS"):
            writes.append(statement)

    engine = app.extensions["db_engine"]
    event.listen(engine, "before_cursor_execute", note)
    for _ in range(requests):
        client.get("/account")
    event.remove(engine, "before_cursor_execute", note)
    return len(writes)


def cleanup_seconds(url: str, person_id: int, expired: int) -> float:
    engine, past = engine_for(url), utcnow() - timedelta(days=1)
    rows = [dict(user_id=person_id, token_hash=token_digest(str(number)), remember=False, user_agent="", address="",
                 created_at=past, last_seen_at=past, expires_at=past, absolute_expires_at=past) for number in range(expired)]
    with Session(engine) as session:
        session.execute(insert(UserSession), rows)
        session.commit()
        start = time.perf_counter()
        removed = remove_expired(session)
        session.commit()
        seconds = time.perf_counter() - start
    engine.dispose()
    assert removed == expired, (removed, expired)
    return round(seconds, 4)


def measure(url: str, requests: int, expired: int) -> dict:
    app = bench_app(url)
    person_id = make_person(url)
    client = signed_in_client(app, person_id)
    page = counted(app, fetcher(client, "/account"))
    return {
        "database": database_kind(url),
        "account_page": page | {"median_seconds": round(median_seconds(fetcher(client, "/account"), 20), 4)},
        "session_updates_in": {"requests": requests, "updates": session_writes(app, client, requests)},
        "cleanup": {"expired_rows": expired, "seconds": cleanup_seconds(url, person_id, expired)},
    }


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__)
    options.add_argument("--requests", type=int, default=200)
    options.add_argument("--expired", type=int, default=20000)
    add_database_option(options)
    arguments = options.parse_args()
    print_summary(arguments.database, lambda url: measure(url, arguments.requests, arguments.expired))


if __name__ == "__main__":
    main()
