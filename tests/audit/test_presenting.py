"""Rows for the history page and the show command: details the entries lack are looked up, one query per kind."""
from assessor.audit.presenting import present
from assessor.audit.services import chain_pending, record


def test_references_and_standards_are_looked_up_for_entries_that_lack_them(app, db_session, world):
    portfolio, learner = world.a.portfolio, world.a.learner
    decision = portfolio.review.decisions[0]
    submission = portfolio.reviewed.submissions[-1]
    entries = [
        record(db_session, learner, "updated", "evidence", portfolio.submitted.id, learner_id=learner.id, after={"title": "New"}),
        record(db_session, None, "closed", "submission", submission.id, learner_id=learner.id),
        record(db_session, world.a.assessor, "recorded", "review", portfolio.review.id, learner_id=learner.id),
        record(db_session, world.a.assessor, "decided", "decision", decision.id, learner_id=learner.id, after={"outcome": "met"}),
        record(db_session, world.a.assessor, "signed", "sign_off", portfolio.sign_off.id, learner_id=learner.id),
        record(db_session, None, "updated", "evidence", 999999, learner_id=learner.id),
    ]
    chain_pending(db_session)
    with app.test_request_context(headers={"Accept-Language": "en"}):
        rows = present(db_session, entries)
    reviewed, code = portfolio.reviewed.reference, decision.criterion.code
    assert [row.what for row in rows] == [
        f"Evidence {portfolio.submitted.reference} changed",
        f"Assessment of {reviewed} completed",
        f"Assessment of {reviewed} recorded",
        f"Decision on {code}: met",
        "SKSCMGS11 signed off",
        "Evidence changed",
    ]
    assert [row.who for row in rows] == [learner.name, "System", *[world.a.assessor.name] * 3, "System"]
