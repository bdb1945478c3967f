"""Adding a learner and enrolling them in one step: invited, in the cohort and enrolled, or nothing at all."""
import pytest
from sqlalchemy import func, select

from assessor.accounts.models import ASSESSOR, IQA, User
from assessor.cohorts.arrivals import add_and_enrol
from assessor.cohorts.enrolments import Assignment
from assessor.cohorts.models import ENROLLED, JOINED, CohortMember, Enrolment
from assessor.core.acts import Refused, attempt
from assessor.mail.models import OutboxMessage

from ..factories import login_as, make_cohort, make_user, shipped_standard


def count(db_session, model) -> int:
    return db_session.scalar(select(func.count()).select_from(model))


@pytest.fixture
def two_standards(db_session, world):
    """Provider A's cohort on two standards."""
    second = shipped_standard(db_session, "LOCAL-CFACSB15")
    return make_cohort(db_session, world.a.provider, standards=[world.standard, second], name="Two standards")


def both(world, cohort, assessor=None, iqa=None) -> dict[int, Assignment]:
    pair = Assignment((assessor or world.a.assessor).id, (iqa or world.a.iqa).id)
    return {pinned.standard_id: pair for pinned in cohort.standards}


def test_a_new_learner_is_invited_added_and_enrolled_on_every_standard(db_session, world, mail, link_for, two_standards):
    added, enrolled = add_and_enrol(db_session, mail, world.a.admin, two_standards, name="Elin Haf", email="elin@example.org",
                                    link_for=link_for, assignments=both(world, two_standards))
    assert added.invited and added.member.cohort == two_standards and added.member.learner.name == "Elin Haf"
    assert {(e.standard, e.assessor, e.iqa) for e in enrolled.enrolled} == {
        (pinned.standard, world.a.assessor, world.a.iqa) for pinned in two_standards.standards
    }
    assert [event.kind for event in sorted(added.member.events, key=lambda e: e.id)] == [JOINED, ENROLLED, ENROLLED]
    assert db_session.scalar(select(OutboxMessage).where(OutboxMessage.to_address == "elin@example.org")) is not None


def test_every_problem_is_reported_at_once_and_nobody_is_mailed(db_session, world, mail, link_for, two_standards):
    before = (count(db_session, User), count(db_session, OutboxMessage), count(db_session, CohortMember))
    first, second = (pinned.standard_id for pinned in two_standards.standards)
    choices = {first: Assignment(world.a.assessor.id, None), second: Assignment(None, world.a.iqa.id)}
    with pytest.raises(Refused) as error:
        add_and_enrol(db_session, mail, world.a.admin, two_standards, name="", email="elin@example.org", link_for=link_for,
                      assignments=choices)
    assert [field for field, _message in error.value.problems] == ["name", f"iqa_{first}", f"assessor_{second}"]
    assert (count(db_session, User), count(db_session, OutboxMessage), count(db_session, CohortMember)) == before


def test_a_bad_email_is_reported_with_the_assignments(db_session, world, mail, link_for, two_standards):
    with pytest.raises(Refused) as error:
        add_and_enrol(db_session, mail, world.a.admin, two_standards, name="Elin", email="not an email", link_for=link_for,
                      assignments={})
    fields = [field for field, _message in error.value.problems]
    assert fields[0] == "email" and len(fields) == 1 + 2 * len(two_standards.standards)


def test_the_same_person_cannot_assess_and_verify(db_session, world, mail, link_for, two_standards):
    both_roles = make_user(db_session, provider=world.a.provider, roles=[ASSESSOR, IQA])
    with pytest.raises(Refused, match="cannot be both the assessor and the IQA"):
        add_and_enrol(db_session, mail, world.a.admin, two_standards, name="Elin", email="elin@example.org", link_for=link_for,
                      assignments=both(world, two_standards, both_roles, both_roles))


def test_a_cohort_without_standards_cannot_enrol(db_session, world, mail, link_for):
    empty = make_cohort(db_session, world.a.provider, name="No standards yet")
    with pytest.raises(Refused, match="no standards yet"):
        add_and_enrol(db_session, mail, world.a.admin, empty, name="Elin", email="elin@example.org", link_for=link_for, assignments={})


def test_someone_already_in_the_cohort_is_enrolled_on_what_they_lack(db_session, world, mail, link_for, two_standards):
    db_session.add(CohortMember(cohort=two_standards, learner=world.a.other_learner))
    db_session.flush()
    added, enrolled = add_and_enrol(db_session, mail, world.a.admin, two_standards, name="", email=world.a.other_learner.email,
                                    link_for=link_for, assignments=both(world, two_standards))
    assert added.already and len(enrolled.enrolled) == 2


def test_a_failure_after_the_invitation_leaves_nothing_behind(db_session, world, mail, link_for, two_standards, monkeypatch):
    """Should enrolling fail at the last moment, the rollback takes the person, the membership and the message with it."""
    from assessor.cohorts import arrivals

    def failing(*_args, **_kwargs):
        raise Refused("changed at this moment")

    monkeypatch.setattr(arrivals, "enrol_member", failing)
    db_session.commit()
    before = (count(db_session, User), count(db_session, OutboxMessage), count(db_session, CohortMember), count(db_session, Enrolment))
    outcome = attempt(db_session, lambda: add_and_enrol(db_session, mail, world.a.admin, two_standards, name="Elin",
                                                        email="elin@example.org", link_for=link_for, assignments=both(world, two_standards)))
    assert not outcome.done
    after = (count(db_session, User), count(db_session, OutboxMessage), count(db_session, CohortMember), count(db_session, Enrolment))
    assert after == before


# -- the page -----------------------------------------------------------------------------------


@pytest.fixture
def admin(app, client, world):
    app.config["WTF_CSRF_ENABLED"] = False
    login_as(client, world.a.admin)
    return client


def test_the_page_offers_enrolling_with_an_assessor_and_iqa_per_standard(admin, world):
    page = admin.get(f"/cohorts/{world.a.cohort.id}/learners/new").get_data(as_text=True)
    sid = world.standard.id
    assert "Enrol them on the cohort's standards now" in page and 'data-aria-controls="enrol-choices"' in page
    assert f'name="assessor_{sid}"' in page and f'name="iqa_{sid}"' in page and world.a.assessor.name in page


def test_adding_and_enrolling_from_the_page(admin, db_session, world):
    sid = world.standard.id
    data = {"name": "Elin Haf", "email": "elin@example.org", "enrol": "y", f"assessor_{sid}": world.a.assessor.id, f"iqa_{sid}": world.a.iqa.id}
    response = admin.post(f"/cohorts/{world.a.cohort.id}/learners/new", data=data, follow_redirects=True)
    page = response.get_data(as_text=True)
    assert "Elin Haf has been added and sent an invitation" in page and f"Elin Haf is enrolled on {world.standard.urn}." in page
    learner = db_session.scalar(select(User).where(User.email == "elin@example.org"))
    enrolment = db_session.scalar(select(Enrolment).join(CohortMember).where(CohortMember.learner_id == learner.id))
    assert (enrolment.assessor_id, enrolment.iqa_id) == (world.a.assessor.id, world.a.iqa.id)


def test_all_the_pages_problems_at_once_with_what_was_typed_kept(admin, db_session, world):
    sid = world.standard.id
    before = count(db_session, User)
    response = admin.post(f"/cohorts/{world.a.cohort.id}/learners/new", data={"name": "", "email": "elin@example.org", "enrol": "y"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422
    assert "Enter the learner&#39;s name." in page and "Choose an assessor for" in page and "Choose an IQA for" in page
    assert f'href="#assessor_{sid}"' in page and 'value="elin@example.org"' in page
    assert "govuk-checkboxes__conditional--hidden" not in page
    assert count(db_session, User) == before


def test_without_the_tick_the_learner_is_only_added(admin, db_session, world):
    response = admin.post(f"/cohorts/{world.a.cohort.id}/learners/new", data={"name": "Elin", "email": "elin@example.org"},
                          follow_redirects=True)
    assert "Elin has been added" in response.get_data(as_text=True) and "is enrolled on" not in response.get_data(as_text=True)


def test_an_empty_email_is_reported_with_the_enrolment_choices(admin, world):
    response = admin.post(f"/cohorts/{world.a.cohort.id}/learners/new", data={"name": "Elin", "email": "", "enrol": "y"})
    page = response.get_data(as_text=True)
    assert response.status_code == 422 and "Enter the learner&#39;s email address." in page and "Choose an assessor for" in page
    assert 'value="Elin"' in page


def test_one_assessor_and_iqa_for_every_standard_with_one_changed(admin, db_session, world, two_standards):
    other = make_user(db_session, provider=world.a.provider, roles=[ASSESSOR], name="Other Assessor")
    db_session.commit()
    first, second = (pinned.standard_id for pinned in two_standards.standards)
    data = {"name": "Elin Haf", "email": "elin@example.org", "enrol": "y", "assessor_all": world.a.assessor.id, "iqa_all": world.a.iqa.id,
            f"assessor_{second}": other.id}
    page = admin.get(f"/cohorts/{two_standards.id}/learners/new").get_data(as_text=True)
    assert 'name="assessor_all"' in page and 'name="iqa_all"' in page
    assert admin.post(f"/cohorts/{two_standards.id}/learners/new", data=data).status_code == 302
    learner = db_session.scalar(select(User).where(User.email == "elin@example.org"))
    enrolments = db_session.scalars(select(Enrolment).join(CohortMember).where(CohortMember.learner_id == learner.id)).all()
    assert {e.standard_id: (e.assessor_id, e.iqa_id) for e in enrolments} == {
        first: (world.a.assessor.id, world.a.iqa.id), second: (other.id, world.a.iqa.id)
    }
