"""The mapping page as people use it: the learner ticks and notes criteria; others read; conflicts keep what was typed."""
import re

import pytest
from sqlalchemy import select

from assessor.evidence.models import Mapping
from assessor.standards.models import Criterion

from ..factories import login_as, shipped_standard


@pytest.fixture
def signed_in(app, client, world):
    """Sign the client in as one of provider A's people, forms without CSRF."""
    app.config["WTF_CSRF_ENABLED"] = False

    def as_(who: str):
        login_as(client, getattr(world.a, who) if who != "other_provider" else world.b.admin)
        return client

    return as_


def url(world, evidence) -> str:
    return f"/learners/{world.a.learner.id}/evidence/{evidence.number}/mapping"


def cid(db_session, world, ref: str) -> int:
    return db_session.scalar(select(Criterion.id).where(Criterion.standard_id == world.standard.id, Criterion.ref == ref))


def claimed(db_session, evidence) -> dict[str, str]:
    rows = db_session.execute(select(Criterion.ref, Mapping.note).join(Mapping.criterion).where(Mapping.evidence_id == evidence.id))
    return dict(rows.tuples().all())


def test_the_learner_sees_every_criterion_with_its_status_and_a_note(signed_in, db_session, world):
    draft = world.a.portfolio.draft
    page = signed_in("learner").get(url(world, draft)).get_data(as_text=True)
    p3 = cid(db_session, world, "P3")
    assert re.search(rf'value="{p3}"[^>]*checked', page)
    assert page.count('name="criteria"') == 30 and f'name="note_{p3}"' in page and 'rows="2"' in page
    assert "Performance criteria" in page and "Knowledge and understanding" in page and "SKSCMGS11" in page
    assert "Awaiting decision" in page and "Not started" in page and f'name="version" type="hidden" value="{draft.version}"' in page


def test_the_learner_saves_ticks_and_notes(signed_in, db_session, world):
    draft = world.a.portfolio.draft
    p3, p5 = cid(db_session, world, "P3"), cid(db_session, world, "P5")
    data = {"version": draft.version, "criteria": [p3, p5], f"note_{p5}": "I chaired the meeting."}
    client = signed_in("learner")
    response = client.post(url(world, draft), data=data)
    assert response.status_code == 302 and response.location.endswith(f"/learners/{world.a.learner.id}/evidence/{draft.number}")
    assert claimed(db_session, draft) == {"P3": "", "P5": "I chaired the meeting."}
    again = client.post(url(world, draft), data=data)
    assert again.status_code == 302 and claimed(db_session, draft) == {"P3": "", "P5": "I chaired the meeting."}


def test_a_stale_form_is_a_conflict_that_keeps_what_was_typed(signed_in, db_session, world):
    draft = world.a.portfolio.draft
    p6 = cid(db_session, world, "P6")
    response = signed_in("learner").post(url(world, draft), data={"version": draft.version - 1, "criteria": [p6], f"note_{p6}": "My words"})
    page = response.get_data(as_text=True)
    assert response.status_code == 409 and "changed by someone else" in page and "Saved now: P3." in page
    assert re.search(rf'value="{p6}"[^>]*checked', page) and "My words" in page
    assert f'name="version" type="hidden" value="{draft.version}"' in page
    assert claimed(db_session, draft) == {"P3": ""}


def test_refusals_are_shown_on_the_form(signed_in, db_session, world):
    draft, client = world.a.portfolio.draft, signed_in("learner")
    p5 = cid(db_session, world, "P5")
    too_long = client.post(url(world, draft), data={"version": draft.version, "criteria": [p5], f"note_{p5}": "x" * 1001})
    assert too_long.status_code == 422 and "The note for P5 must be 1000 characters or fewer." in too_long.get_data(as_text=True)
    unticked = client.post(url(world, draft), data={"version": draft.version, f"note_{p5}": "Forgot the tick"})
    assert unticked.status_code == 422 and "Tick P5 to claim it, or clear its note." in unticked.get_data(as_text=True)
    other = shipped_standard(db_session, "LOCAL-CFACSB15")
    db_session.commit()
    foreign = db_session.scalar(select(Criterion.id).where(Criterion.standard_id == other.id))
    refused = client.post(url(world, draft), data={"version": draft.version, "criteria": [foreign]})
    assert refused.status_code == 422 and "standards the learner is enrolled on" in refused.get_data(as_text=True)
    assert claimed(db_session, draft) == {"P3": ""}


def test_submitted_evidence_is_read_only_and_says_why(signed_in, db_session, world):
    submitted, client = world.a.portfolio.submitted, signed_in("learner")
    page = client.get(url(world, submitted)).get_data(as_text=True)
    assert 'name="criteria"' not in page and "already been submitted" in page and "P1" in page
    posted = client.post(url(world, submitted), data={"version": submitted.version})
    assert posted.status_code == 409 and 'name="criteria"' not in posted.get_data(as_text=True)


def test_the_assessor_reads_but_cannot_post(signed_in, world):
    draft, client = world.a.portfolio.draft, signed_in("assessor")
    page = client.get(url(world, draft)).get_data(as_text=True)
    assert 'name="criteria"' not in page and "you cannot change them" in page and "P3" in page
    assert client.post(url(world, draft), data={"version": draft.version}).status_code == 403


def test_another_provider_finds_nothing(signed_in, world):
    assert signed_in("other_provider").get(url(world, world.a.portfolio.draft)).status_code == 404


def test_the_page_in_welsh(signed_in, db_session, world):
    world.a.learner.language = "cy"
    db_session.commit()
    page = signed_in("learner").get(url(world, world.a.portfolio.draft)).get_data(as_text=True)
    assert "Meini prawf perfformiad" in page and "Cadw'r meini prawf" in page
