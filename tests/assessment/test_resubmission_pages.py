"""The assessor's page for a resubmission: the diff, only the criteria not yet met, and "mark every criterion met"."""
import re

import pytest
from sqlalchemy import func, select

from assessor.assessment.models import Review

from ..factories import login_as
from .test_resubmission import ids, referred_then_changed


@pytest.fixture
def resubmitted(app, client, db_session, world):
    app.config["WTF_CSRF_ENABLED"] = False
    with app.test_request_context():
        evidence, _first, second, _review = referred_then_changed(db_session, world)
    db_session.commit()
    login_as(client, world.a.assessor)
    return evidence, f"/assessment/submissions/{second.id}/enrolments/{world.a.enrolment.id}"


def test_the_page_shows_what_changed_and_asks_only_what_is_not_met(client, db_session, world, resubmitted):
    _evidence, url = resubmitted
    crit = ids(db_session, world, "P1", "P2")
    page = client.get(url).get_data(as_text=True)
    assert "What changed since submission 1" in page
    added = re.findall(r"<ins>(.*?)</ins>", page, re.S)
    assert all("Added:" in text for text in added) and any("I wrote to confirm it the same day." in text for text in added)
    assert any("Now with the follow-up." in text for text in added)
    assert f'id="criterion-{crit["P2"]}"' in page and f'id="criterion-{crit["P1"]}"' not in page
    assert "Met on an earlier submission" in page and f'name="reopen_{crit["P1"]}"' in page


def test_mark_every_criterion_met_fills_the_form_and_records_nothing(client, db_session, world, resubmitted):
    evidence, url = resubmitted
    crit = ids(db_session, world, "P2")
    reviews = db_session.scalar(select(func.count(Review.id)))
    data = {"mark_all": "1", "bulk_feedback": "Clear and complete.", "evidence_version": str(evidence.version)}
    response = client.post(url, data=data)
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and "Nothing is saved yet" in page
    assert re.search(rf'value="met"[^>]*name="outcome_{crit["P2"]}"|name="outcome_{crit["P2"]}"[^>]*value="met"[^>]*checked|checked[^>]*name="outcome_{crit["P2"]}"[^>]*value="met"', page)
    assert re.search(rf'name="feedback_{crit["P2"]}"[^>]*>\s*Clear and complete.</textarea>', page)
    assert db_session.scalar(select(func.count(Review.id))) == reviews
    saved = client.post(url, data={f"outcome_{crit['P2']}": "met", f"feedback_{crit['P2']}": "Clear and complete.",
                                   "evidence_version": str(evidence.version)})
    assert saved.status_code == 302 and db_session.scalar(select(func.count(Review.id))) == reviews + 1


def test_reopening_without_a_reason_keeps_the_form_and_says_what_is_missing(client, db_session, world, resubmitted):
    evidence, url = resubmitted
    crit = ids(db_session, world, "P1", "P2")
    response = client.post(url, data={f"reopen_{crit['P1']}": "y", f"outcome_{crit['P1']}": "not_yet", f"feedback_{crit['P1']}": "Recheck.",
                                      f"outcome_{crit['P2']}": "met", "evidence_version": str(evidence.version)})
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "Enter the reason for deciding P1 again." in page and "Recheck." in page
