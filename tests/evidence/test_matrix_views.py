"""The matrix page: criteria down the side, evidence across, gaps plain to see; who may look."""
import pytest
from sqlalchemy import select

from assessor.evidence.models import Evidence
from assessor.standards.models import Criterion

from ..factories import enrol, login_as, make_user


@pytest.fixture
def page_for(client, world):
    def get(user, enrolment=None, learner=None):
        login_as(client, user)
        learner, enrolment = learner or world.a.learner, enrolment or world.a.enrolment
        return client.get(f"/learners/{learner.id}/standards/{enrolment.id}")

    return get


def test_the_learner_sees_the_matrix_and_the_gaps(page_for, world):
    response = page_for(world.a.learner)
    page = response.get_data(as_text=True)
    assert response.status_code == 200
    assert "1 of 16 performance criteria met; 12 not started" in page and "0 of 14 knowledge items met; 14 not started" in page
    assert f'href="/learners/{world.a.learner.id}/evidence/1"' in page
    assert "✓ </span>Met" in page and "Claimed" in page and "does not claim P5" in page
    assert 'role="region"' in page and 'tabindex="0"' in page and "<caption" in page and 'scope="row"' in page
    assert "Not started yet" in page and 'href="#criterion-' in page and "Add evidence for these criteria" in page


def test_the_assessor_reads_the_matrix_without_adding(page_for, world):
    page = page_for(world.a.assessor).get_data(as_text=True)
    assert "Progress of " + world.a.learner.name in page and "Add evidence" not in page


def test_an_empty_matrix_says_so(page_for, db_session, world):
    learner = make_user(db_session, provider=world.a.provider, roles=["learner"])
    enrolment = enrol(db_session, world.a.cohort, learner, world.standard, assessor=world.a.assessor)
    db_session.commit()
    page = page_for(learner, enrolment, learner).get_data(as_text=True)
    assert "No evidence claims a criterion of this standard yet." in page and "Add your first evidence" in page


def test_who_may_look(page_for, db_session, world):
    assert page_for(world.b.admin).status_code == 404
    assert page_for(world.a.other_learner).status_code == 403
    assert page_for(world.a.admin).status_code == 200 and page_for(world.a.iqa).status_code == 200
    other_enrolment = world.a.cohort.members[1].enrolments[0]
    assert page_for(world.a.learner, enrolment=other_enrolment).status_code == 404


def test_notes_are_listed_under_the_table(page_for, db_session, world):
    draft = db_session.get(Evidence, world.a.portfolio.draft.id)
    draft.mappings[0].note = "I wrote to the client first."
    db_session.commit()
    page = page_for(world.a.learner).get_data(as_text=True)
    assert f'href="#note-{draft.id}-' in page and "I wrote to the client first." in page


def test_welsh_text_without_an_english_rendering_is_marked_as_welsh(page_for, db_session, world):
    criterion = db_session.scalar(select(Criterion).where(Criterion.standard_id == world.standard.id, Criterion.ref == "P5"))
    criterion.text_en = None
    db_session.commit()
    page = page_for(world.a.learner).get_data(as_text=True)
    assert f'<span lang="cy">{criterion.text}</span>' in page


def render_summary(app, db_session, viewer, learner) -> str:
    from flask import render_template_string
    from flask_login import login_user

    from assessor.assessment.matrix import standard_summaries

    with app.test_request_context():
        login_user(viewer)
        summaries = standard_summaries(db_session, learner)
        return render_template_string('{% include "evidence/_standards_summary.html" %}', learner=learner, summaries=summaries)


def test_the_standards_summary_shows_counts_and_links_to_each_matrix(app, db_session, world):
    html = render_summary(app, db_session, world.a.learner, world.a.learner)
    assert "1 of 16 performance criteria met; 12 not started" in html and "Awaiting decision: 2. In progress: 1." in html
    assert f'href="/learners/{world.a.learner.id}/standards/{world.a.enrolment.id}"' in html and "SKSCMGS11" in html


def test_the_standards_summary_says_when_there_is_nothing_yet(app, db_session, world):
    newcomer = make_user(db_session, provider=world.a.provider, roles=["learner"])
    assert "You are not enrolled on a standard yet. Your provider enrols you." in render_summary(app, db_session, newcomer, newcomer)
    assert f"{newcomer.name} is not enrolled on a standard yet." in render_summary(app, db_session, world.a.admin, newcomer)
