"""The preview, the move, its record and the reversal, as the provider administrator uses them (no script needed)."""
import re

import pytest
from sqlalchemy import select

from assessor.assessment.move_models import VersionMove

from ..factories import login_as, make_evidence, make_review


@pytest.fixture
def admin_client(app, client, setting):
    app.config["WTF_CSRF_ENABLED"] = False
    login_as(client, setting.admin)
    return client


def _preview_url(setting, standard=None):
    return f"/assessment/cohorts/{setting.cohort.id}/versions/{(standard or setting.old).id}"


def _form(page: str) -> dict:
    found = dict(re.findall(r'name="(target|fingerprint)" type="hidden" value="([^"]*)"', page))
    if len(found) < 2:
        found = {name: value for value, name in re.findall(r'type="hidden" value="([^"]*)"[^>]*name="(target|fingerprint)"', page)} | found
    return found


def test_the_preview_lists_what_changes_and_each_learner(admin_client, setting):
    page = admin_client.get(_preview_url(setting)).get_data(as_text=True)
    assert "From version 3 to version 4" in page
    for expected in ("P2", "K3", "K15", "P16", "Changed", "New", "Removed", "Alys Moving", "Bryn Signed", "Cai Gone",
                     "Stays: signed off on this version", "Stays: no longer in the cohort", "Move 1 learner to version 4"):
        assert expected in page, expected
    assert admin_client.get(f"/cohorts/{setting.cohort.id}").get_data(as_text=True).count(_preview_url(setting)) == 1


def test_move_then_reverse_and_double_posts(admin_client, setting, db_session):
    page = admin_client.get(_preview_url(setting)).get_data(as_text=True)
    form = _form(page)
    assert set(form) == {"target", "fingerprint"}
    moved = admin_client.post(_preview_url(setting), data=form)
    assert moved.status_code == 302
    move = db_session.scalar(select(VersionMove))
    assert moved.headers["Location"].endswith(f"/moves/{move.id}")
    record = admin_client.get(moved.headers["Location"]).get_data(as_text=True)
    assert "Learners moved to version 4." in record and "Reverse the move" in record and "P2" in record
    again = admin_client.post(_preview_url(setting), data=form)  # the same form posted twice
    assert again.status_code == 302 and again.headers["Location"].endswith(f"/moves/{move.id}")
    reverse_url = f"/assessment/cohorts/{setting.cohort.id}/moves/{move.id}/reverse"
    version = move.version
    assert admin_client.post(reverse_url, data={"version": version}).status_code == 302
    assert setting.moving.standard_id == setting.old.id
    twice = admin_client.post(reverse_url, data={"version": version})
    assert twice.status_code == 302


def test_a_stale_preview_is_refused_with_a_reason(admin_client, setting, db_session):
    form = _form(admin_client.get(_preview_url(setting)).get_data(as_text=True))
    make_evidence(db_session, setting.moving.member.learner, setting.moving, ("P6",), status="draft")
    db_session.commit()
    answer = admin_client.post(_preview_url(setting), data=form)
    assert answer.status_code == 409
    assert "Something changed since you read the preview" in answer.get_data(as_text=True)
    assert setting.moving.standard_id == setting.old.id


def test_waiting_evidence_is_named_and_nothing_moves(admin_client, setting, db_session):
    make_evidence(db_session, setting.moving.member.learner, setting.moving, ("P6",), title="Waiting")
    db_session.commit()
    page = admin_client.get(_preview_url(setting)).get_data(as_text=True)
    assert "Evidence waiting for a decision: stops the move" in page
    answer = admin_client.post(_preview_url(setting), data=_form(page))
    assert answer.status_code == 422
    assert "Alys Moving has evidence waiting for a decision" in answer.get_data(as_text=True)
    assert setting.moving.standard_id == setting.old.id


def test_after_a_new_decision_the_record_says_why_it_cannot_be_reversed(admin_client, setting, db_session):
    form = _form(admin_client.get(_preview_url(setting)).get_data(as_text=True))
    admin_client.post(_preview_url(setting), data=form)
    move = db_session.scalar(select(VersionMove))
    evidence = make_evidence(db_session, setting.moving.member.learner, setting.moving, ("K15",), title="New item")
    make_review(db_session, evidence, setting.moving, {"K15": "met"})
    db_session.commit()
    record = admin_client.get(f"/assessment/cohorts/{setting.cohort.id}/moves/{move.id}").get_data(as_text=True)
    assert "It can no longer be reversed" in record
    assert f'action="/assessment/cohorts/{setting.cohort.id}/moves/{move.id}/reverse"' not in record
    refused = admin_client.post(f"/assessment/cohorts/{setting.cohort.id}/moves/{move.id}/reverse", data={"version": move.version})
    assert refused.status_code == 409
    assert setting.moving.standard_id == setting.new.id


def test_no_newer_version_says_so(admin_client, setting, db_session):
    from assessor.cohorts.models import CohortStandard

    db_session.add(CohortStandard(cohort=setting.cohort, standard=setting.new))
    db_session.commit()
    page = admin_client.get(_preview_url(setting, setting.new)).get_data(as_text=True)
    assert "No newer version of SKSCMGS11 is loaded" in page


def test_another_providers_administrator_finds_nothing(app, client, setting):
    login_as(client, setting.other_admin)
    assert client.get(_preview_url(setting)).status_code == 404


def test_the_assessor_sees_what_to_decide_again_on_the_matrix(app, client, setting, db_session):
    from assessor.assessment.moves import plan_move
    from assessor.assessment.version_moves import move_cohort

    plan = plan_move(db_session, setting.cohort, setting.old, setting.new)
    move_cohort(db_session, setting.admin, setting.cohort, setting.old, setting.new, plan.fingerprint)
    db_session.commit()
    login_as(client, setting.assessor)
    url = f"/learners/{setting.moving.member.learner_id}/standards/{setting.moving.id}"
    page = client.get(url).get_data(as_text=True)
    assert page.count("Changed in version 4: decide again") == 2  # P2 and K3
    assert page.count("New in version 4: to decide") == 1  # K15
    assert "Removed in version 4 (their decisions stay in the history): P16." in page
    evidence = make_evidence(db_session, setting.moving.member.learner, setting.moving, ("K15",), title="New item")
    make_review(db_session, evidence, setting.moving, {"K15": "met"})
    db_session.commit()
    page = client.get(url).get_data(as_text=True)
    assert "New in version 4: to decide" not in page and page.count("Changed in version 4: decide again") == 2


def test_the_preview_in_welsh(admin_client, setting, db_session):
    setting.admin.language = "cy"
    db_session.commit()
    page = admin_client.get(_preview_url(setting)).get_data(as_text=True)
    for expected in ("O fersiwn 3 i fersiwn 4", "Symud 1 dysgwr i fersiwn 4", "Yn aros: wedi'i chymeradwyo ar y fersiwn hwn",
                     "n newid yn y safon"):
        assert expected in page, expected
