"""The quality-assurance pages as their people use them: queue, sample, referrals, report, plan, settings."""
import pytest

from assessor.cohorts.models import CohortStandard
from assessor.iqa.models import AGREED, PENDING, REFERRED, RESPONDED, Sample
from assessor.iqa.sampling import plan_for
from assessor.iqa.services import decide_sample

from ..factories import login_as


@pytest.fixture
def request_context():
    """No request context around these tests: each request brings its own, and its own signed-in person."""
    yield


@pytest.fixture
def as_person(app, client, world):
    app.config["WTF_CSRF_ENABLED"] = False

    def sign_in(user):
        login_as(client, user)
        return client

    return sign_in


def text(response) -> str:
    return response.get_data(as_text=True)


def refer(db_session, world):
    sample = world.a.portfolio.sample
    decide_sample(db_session, world.a.iqa, sample, REFERRED, "Thin feedback.", "Say why P4 is met.", sample.version)
    db_session.commit()
    return sample


def test_the_queue_lists_the_iqas_samples(as_person, world):
    page = text(as_person(world.a.iqa).get("/iqa/"))
    evidence = world.a.portfolio.reviewed
    assert world.a.learner.name in page and f"{evidence.reference} {evidence.title}" in page
    assert world.a.assessor.name in page and "Plan share" in page and "Waiting for you: 1" in page


def test_an_empty_queue_says_what_will_appear(as_person, db_session, world):
    refer(db_session, world)
    assert "Nothing is waiting for you" in text(as_person(world.a.iqa).get("/iqa/"))


def test_the_sample_page_shows_the_review_and_the_form(as_person, world):
    page = text(as_person(world.a.iqa).get(f"/iqa/samples/{world.a.portfolio.sample.id}"))
    assert "P4" in page and "Met" in page and "Good." in page and world.a.portfolio.reviewed.title in page
    assert 'name="outcome"' in page and 'name="action"' in page and "Nothing has happened to this sample" in page
    assert "Date of the activity" in page and "What I did." in page


def test_agreeing_returns_to_the_queue(as_person, db_session, world):
    sample = world.a.portfolio.sample
    response = as_person(world.a.iqa).post(f"/iqa/samples/{sample.id}", data={"outcome": AGREED, "version": sample.version})
    assert response.status_code == 302 and response.location.endswith("/iqa/")
    assert db_session.get(Sample, sample.id).status == AGREED
    assert "You agreed" in text(as_person(world.a.iqa).get("/iqa/"))


def test_the_same_decision_posted_twice_is_harmless(as_person, db_session, world):
    sample = world.a.portfolio.sample
    data = {"outcome": AGREED, "comment": "Fine.", "version": sample.version}
    client = as_person(world.a.iqa)
    assert [client.post(f"/iqa/samples/{sample.id}", data=data).status_code for _ in range(2)] == [302, 302]


def test_a_referral_without_an_action_keeps_what_was_typed(as_person, world):
    sample = world.a.portfolio.sample
    data = {"outcome": REFERRED, "comment": "My careful note", "version": sample.version}
    response = as_person(world.a.iqa).post(f"/iqa/samples/{sample.id}", data=data)
    assert response.status_code == 422 and "Say what the assessor must do" in text(response) and "My careful note" in text(response)


def test_a_stale_form_is_a_conflict_that_keeps_the_text(as_person, db_session, world):
    sample = refer(db_session, world)
    data = {"outcome": AGREED, "comment": "Typed before the change", "version": sample.version - 1}
    response = as_person(world.a.iqa).post(f"/iqa/samples/{sample.id}", data=data)
    page = text(response)
    assert response.status_code == 409 and "Someone else changed this sample" in page and "Typed before the change" in page
    assert f'value="{sample.version}"' in page


def test_a_referred_sample_shows_no_form(as_person, db_session, world):
    sample = refer(db_session, world)
    page = text(as_person(world.a.iqa).get(f"/iqa/samples/{sample.id}"))
    assert 'name="outcome"' not in page and "Say why P4 is met." in page


def test_the_assessor_sees_the_referral_and_responds(as_person, db_session, world):
    sample = refer(db_session, world)
    client = as_person(world.a.assessor)
    actions = text(client.get("/iqa/actions"))
    assert "Say why P4 is met." in actions and f"/iqa/samples/{sample.id}/respond" in actions
    assert "Say why P4 is met." in text(client.get(f"/iqa/samples/{sample.id}/respond"))
    response = client.post(f"/iqa/samples/{sample.id}/respond", data={"response": "Added a reason.", "version": sample.version})
    assert response.status_code == 302 and response.location.endswith("/iqa/actions")
    assert db_session.get(Sample, sample.id).status == RESPONDED
    assert "No IQA has referred" in text(client.get("/iqa/actions"))
    assert "Added a reason." in text(as_person(world.a.iqa).get(f"/iqa/samples/{sample.id}"))


def test_an_empty_response_is_refused(as_person, db_session, world):
    sample = refer(db_session, world)
    response = as_person(world.a.assessor).post(f"/iqa/samples/{sample.id}/respond", data={"response": "", "version": sample.version})
    assert response.status_code == 422 and "Say what you have done" in text(response)


def test_the_report_for_an_administrator(as_person, world):
    page = text(as_person(world.a.admin).get("/iqa/report"))
    assert world.a.cohort.name in page and world.a.learner.name in page and "In the IQA's queue" in page
    assert world.b.cohort.name not in page


def test_the_report_filters_by_cohort_and_hides_other_providers(as_person, world):
    client = as_person(world.a.iqa)
    assert client.get(f"/iqa/report?cohort={world.a.cohort.id}").status_code == 200
    assert client.get(f"/iqa/report?cohort={world.b.cohort.id}").status_code == 404


def test_the_plan_page_explains_sampling_and_lists_the_standards(as_person, world):
    page = text(as_person(world.a.admin).get(f"/iqa/cohorts/{world.a.cohort.id}/plan"))
    assert "The first review of each assessor is always sampled" in page and "one review in every 4" in page
    assert world.a.assessor.name in page and f"/standards/{world.a.cohort.standards[0].id}" in page


def test_saving_the_plan(as_person, db_session, world):
    data = {"share_percent": "10", "new_assessor_percent": "50", "new_assessors": [str(world.a.assessor.id)], "version": "0"}
    response = as_person(world.a.admin).post(f"/iqa/cohorts/{world.a.cohort.id}/plan", data=data)
    assert response.status_code == 302
    plan = plan_for(db_session, world.a.cohort.id)
    assert (plan.share_percent, plan.new_assessor_percent, [n.assessor_id for n in plan.new_assessors]) == (10, 50, [world.a.assessor.id])


def test_a_refused_plan_keeps_what_was_typed(as_person, world):
    data = {"share_percent": "12x", "new_assessor_percent": "50", "version": "0"}
    response = as_person(world.a.admin).post(f"/iqa/cohorts/{world.a.cohort.id}/plan", data=data)
    assert response.status_code == 422 and "Enter a whole number from 0 to 100." in text(response) and 'value="12x"' in text(response)


def test_a_plan_saved_from_a_stale_form_is_a_conflict(as_person, world):
    client = as_person(world.a.admin)
    url = f"/iqa/cohorts/{world.a.cohort.id}/plan"
    client.post(url, data={"share_percent": "20", "new_assessor_percent": "50", "version": "0"})
    response = client.post(url, data={"share_percent": "30", "new_assessor_percent": "50", "version": "0"})
    assert response.status_code == 409 and "Someone else saved this sampling plan" in text(response) and 'value="30"' in text(response)


def test_changing_the_times_required(as_person, db_session, world):
    pinned = world.a.cohort.standards[0]
    url = f"/iqa/cohorts/{world.a.cohort.id}/standards/{pinned.id}"
    client = as_person(world.a.admin)
    assert "Times each criterion must be evidenced" in text(client.get(url))
    response = client.post(url, data={"times_required": "2", "expected": "1"})
    assert response.status_code == 302 and response.location.endswith(f"/iqa/cohorts/{world.a.cohort.id}/plan")
    assert db_session.get(CohortStandard, pinned.id).times_required == 2
    refused = client.post(url, data={"times_required": "9", "expected": "2"})
    assert refused.status_code == 422 and "from 1 to 5" in text(refused)


def test_a_standard_of_another_cohort_is_not_found(as_person, db_session, world):
    from ..factories import make_cohort

    other = make_cohort(db_session, world.a.provider, standards=[world.standard])
    db_session.commit()
    url = f"/iqa/cohorts/{world.a.cohort.id}/standards/{other.standards[0].id}"
    assert as_person(world.a.admin).get(url).status_code == 404


def test_the_cohort_page_links_to_the_plan(as_person, world):
    page = text(as_person(world.a.admin).get(f"/cohorts/{world.a.cohort.id}"))
    assert f"/iqa/cohorts/{world.a.cohort.id}/plan" in page


def test_the_pending_sample_is_untouched_by_reading(as_person, db_session, world):
    sample_id = world.a.portfolio.sample.id
    as_person(world.a.iqa).get(f"/iqa/samples/{sample_id}")
    assert db_session.get(Sample, sample_id).status == PENDING


def test_the_pages_speak_welsh(as_person, db_session, world):
    for person in (world.a.iqa, world.a.admin):
        person.language = "cy"
    db_session.commit()
    assert "Penderfyniadau a samplwyd i'w gwirio" in text(as_person(world.a.iqa).get("/iqa/"))
    plan = text(as_person(world.a.admin).get(f"/iqa/cohorts/{world.a.cohort.id}/plan"))
    assert "Sut mae samplu'n gweithio" in plan and "Ar 25%, dyna un adolygiad ym mhob 4." in plan
