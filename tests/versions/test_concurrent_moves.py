"""Two administrators press "Move" on the same preview at the same moment: one move is made, the other is refused."""
import threading

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from assessor.accounts.models import User
from assessor.assessment.models import Decision
from assessor.assessment.move_models import VersionMove
from assessor.assessment.moves import plan_move
from assessor.assessment.version_moves import move_cohort
from assessor.cohorts.models import Cohort
from assessor.core.acts import Refused
from assessor.db import make_engine
from assessor.standards.models import Standard

from ..audit.test_concurrency import throwaway_url  # noqa: F401  (a fixture: a fresh, migrated database)
from ..test_db import request_app
from .helpers import build_setting


def _mover(app, engine, ids: dict, start: threading.Barrier, results: list) -> None:
    """As the move's POST request: on SQLite it begins IMMEDIATE (sqlite_setup), on PostgreSQL it locks the cohort's row.
    The app is built once, before the threads: two threads building apps at once can break CPython 3.11's compiler."""
    with app.test_request_context(method="POST"), Session(engine) as session:
        cohort, admin = session.get(Cohort, ids["cohort"]), session.get(User, ids["admin"])
        old, new = session.get(Standard, ids["old"]), session.get(Standard, ids["new"])
        fingerprint = plan_move(session, cohort, old, new).fingerprint
        session.commit()
        start.wait(timeout=30)
        try:
            move_cohort(session, admin, cohort, old, new, fingerprint)
            session.commit()
            results.append("moved")
        except Refused as refused:
            session.rollback()
            results.append(f"refused: {refused}")


def test_two_moves_at_once_make_one(throwaway_url):  # noqa: F811
    engine = make_engine(throwaway_url)
    try:
        app = request_app()
        with app.test_request_context(), Session(engine) as session:
            setting = build_setting(session)
            ids = {"cohort": setting.cohort.id, "admin": setting.admin.id, "old": setting.old.id, "new": setting.new.id}
            session.commit()
        start, results = threading.Barrier(2), []
        threads = [threading.Thread(target=_mover, args=(app, engine, ids, start, results)) for _ in range(2)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=120)
        assert sorted(results)[0] == "moved" and sorted(results)[1].startswith("refused"), results
        with Session(engine) as session:
            assert session.scalar(select(func.count()).select_from(VersionMove)) == 1
            assert session.scalar(select(func.count()).select_from(Decision).where(Decision.carried_from_id.is_not(None))) == 2
    finally:
        engine.dispose()
