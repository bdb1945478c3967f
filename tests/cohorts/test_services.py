"""Cohorts and their learners: every rule of creating, changing, adding one learner and adding a file of them."""
from datetime import date

import pytest
from sqlalchemy import func, select

from assessor.accounts.models import ASSESSOR, LEARNER, User
from assessor.cohorts.models import JOINED, CohortMember
from assessor.cohorts.roster import RosterRow
from assessor.cohorts.services import (
    ADD_EXISTING,
    INVITE_NEW,
    active_counts,
    add_learner,
    check_roster,
    confirm_roster,
    create_cohort,
    list_cohorts,
    list_members,
    update_cohort,
)
from assessor.core.acts import Refused
from assessor.mail.models import OutboxMessage
from assessor.standards.services import load_document

from ..factories import make_cohort, make_user, shipped_standard

START, END = date(2026, 9, 1), date(2027, 7, 31)


def new_cohort(session, admin, name="September 2026", standards=(), start=START, end=END):
    return create_cohort(session, admin, name=name, start_date=start, target_end_date=end, standard_ids=[s.id for s in standards])


def second_version(session, standard):
    document = dict(standard.document, version="99", urn=standard.urn)
    return load_document(session, document).standard


def outbox(session, to=None) -> list[OutboxMessage]:
    query = select(OutboxMessage).order_by(OutboxMessage.id)
    return list(session.scalars(query.where(OutboxMessage.to_address == to) if to else query))


# -- creating and changing cohorts ------------------------------------------------------------


def test_create_pins_the_chosen_standards_in_the_admins_provider(db_session, world):
    cohort = new_cohort(db_session, world.a.admin, standards=[world.standard])
    assert cohort.provider_id == world.a.provider.id
    assert [pinned.standard for pinned in cohort.standards] == [world.standard]
    assert (cohort.start_date, cohort.target_end_date) == (START, END)


def test_name_is_required_and_tidied(db_session, world):
    with pytest.raises(Refused, match="Enter a name") as error:
        new_cohort(db_session, world.a.admin, name="   ", standards=[world.standard])
    assert error.value.field == "name"
    assert new_cohort(db_session, world.a.admin, name="  Spring   2027 ", standards=[world.standard]).name == "Spring 2027"


def test_name_is_unique_within_the_provider_whatever_the_case(db_session, world):
    with pytest.raises(Refused, match="already a cohort called"):
        new_cohort(db_session, world.a.admin, name="COHORT A", standards=[world.standard])
    assert new_cohort(db_session, world.a.admin, name="Cohort B", standards=[world.standard]).name == "Cohort B"


def test_target_end_must_follow_the_start(db_session, world):
    for end in (START, date(2026, 8, 31)):
        with pytest.raises(Refused, match="after the start date") as error:
            new_cohort(db_session, world.a.admin, standards=[world.standard], end=end)
        assert error.value.field == "target_end_date"


def test_dates_are_required(db_session, world):
    with pytest.raises(Refused, match="start date"):
        new_cohort(db_session, world.a.admin, standards=[world.standard], start=None)


def test_at_least_one_standard_and_one_version_per_urn(db_session, world):
    with pytest.raises(Refused, match="at least one standard"):
        new_cohort(db_session, world.a.admin)
    newer = second_version(db_session, world.standard)
    with pytest.raises(Refused, match=f"only one version of {world.standard.urn}"):
        new_cohort(db_session, world.a.admin, standards=[world.standard, newer])
    assert new_cohort(db_session, world.a.admin, standards=[newer]).standards[0].standard.version == "99"


def test_an_unknown_standard_is_refused(db_session, world):
    with pytest.raises(Refused, match="no longer loaded"):
        create_cohort(db_session, world.a.admin, name="X", start_date=START, target_end_date=END, standard_ids=[987654])


def test_update_changes_details_and_adds_a_standard(db_session, world):
    other = shipped_standard(db_session, "LOCAL-SKSPP06")
    cohort = world.a.cohort
    update_cohort(db_session, world.a.admin, cohort, name="Renamed", start_date=START, target_end_date=END, standard_ids=[world.standard.id, other.id])
    assert cohort.name == "Renamed"
    assert {pinned.standard_id for pinned in cohort.standards} == {world.standard.id, other.id}


def test_update_may_keep_its_own_name(db_session, world):
    cohort = world.a.cohort
    update_cohort(db_session, world.a.admin, cohort, name=cohort.name.upper(), start_date=START, target_end_date=END, standard_ids=[world.standard.id])
    assert cohort.name == "COHORT A"


def test_a_standard_with_enrolments_cannot_be_removed(db_session, world):
    other = shipped_standard(db_session, "LOCAL-SKSPP06")
    cohort = world.a.cohort
    with pytest.raises(Refused, match=r"cannot be removed: learners in this cohort are enrolled on it \(2\)"):
        update_cohort(db_session, world.a.admin, cohort, name="Cohort A", start_date=START, target_end_date=END, standard_ids=[other.id])
    assert [pinned.standard_id for pinned in cohort.standards] == [world.standard.id]


def test_a_standard_without_enrolments_can_be_removed(db_session, world):
    other = shipped_standard(db_session, "LOCAL-SKSPP06")
    cohort = new_cohort(db_session, world.a.admin, standards=[world.standard, other])
    update_cohort(db_session, world.a.admin, cohort, name=cohort.name, start_date=START, target_end_date=END, standard_ids=[other.id])
    assert [pinned.standard_id for pinned in cohort.standards] == [other.id]


def test_the_list_shows_only_the_providers_cohorts_with_active_learners(db_session, world):
    page = list_cohorts(db_session, world.a.provider.id)
    assert [cohort.id for cohort in page.items] == [world.a.cohort.id]
    world.a.enrolment.member.status = "withdrawn"
    assert active_counts(db_session, [world.a.cohort.id]) == {world.a.cohort.id: 1}


def test_the_list_is_paginated(db_session, world):
    for number in range(5):
        make_cohort(db_session, world.a.provider, name=f"Extra {number}")
    page = list_cohorts(db_session, world.a.provider.id, page=2, per_page=4)
    assert (page.total, page.pages, page.page, len(page.items)) == (6, 2, 2, 2)


def test_members_filter_by_status(db_session, world):
    world.a.enrolment.member.status = "on_break"
    db_session.flush()
    assert [m.learner for m in list_members(db_session, world.a.cohort, status="on_break").items] == [world.a.learner]
    assert list_members(db_session, world.a.cohort).total == 2


# -- adding one learner -----------------------------------------------------------------------


def test_adding_a_new_person_invites_them_as_a_learner(db_session, world, mail, link_for):
    added = add_learner(db_session, mail, world.a.admin, world.a.cohort, name="Siân Jones", email="Sian@Example.org ", link_for=link_for)
    learner = added.member.learner
    assert (learner.email, learner.provider_id, learner.role_names) == ("sian@example.org", world.a.provider.id, {LEARNER})
    assert added.invited and not added.already
    (invitation,) = outbox(db_session, "sian@example.org")
    assert f"You are invited to Assessor by {world.a.provider.name}" in invitation.subject
    assert "https://assessor.test/invitation/" in invitation.body
    assert [event.kind for event in added.member.events] == [JOINED]


def test_adding_someone_already_in_the_provider_gives_the_role_without_a_new_link(db_session, world, mail, link_for):
    added = add_learner(db_session, mail, world.a.admin, world.a.cohort, name="", email=world.a.assessor.email, link_for=link_for)
    assert world.a.assessor.role_names == {ASSESSOR, LEARNER}
    assert not added.invited
    assert outbox(db_session) == []


def test_adding_someone_already_in_the_cohort_changes_nothing(db_session, world, mail, link_for):
    added = add_learner(db_session, mail, world.a.admin, world.a.cohort, name="X", email=world.a.learner.email, link_for=link_for)
    assert added.already and added.member == world.a.enrolment.member
    assert db_session.scalar(select(func.count()).select_from(CohortMember).where(CohortMember.cohort_id == world.a.cohort.id)) == 2


def test_someone_of_another_provider_is_refused(db_session, world, mail, link_for):
    with pytest.raises(Refused, match="another organisation") as error:
        add_learner(db_session, mail, world.a.admin, world.a.cohort, name="B", email=world.b.learner.email, link_for=link_for)
    assert error.value.field == "email"


@pytest.mark.parametrize("name, email, words", [("A", "", "Enter the learner's email"), ("A", "not-an-email", "like name@"), ("", "new@example.org", "Enter the learner's name")])
def test_a_learner_needs_a_valid_email_and_a_name_when_new(db_session, world, mail, link_for, name, email, words):
    with pytest.raises(Refused, match=words):
        add_learner(db_session, mail, world.a.admin, world.a.cohort, name=name, email=email, link_for=link_for)


# -- a file of learners -----------------------------------------------------------------------


def rows(*pairs):
    return [RosterRow(number, name, email) for number, (name, email) in enumerate(pairs, start=2)]


def test_check_reports_every_problem_and_what_will_happen(db_session, world):
    make_user(db_session, provider=world.a.provider, roles=[ASSESSOR], email="known@example.org", name="Known Person")
    checks = check_roster(
        db_session,
        world.a.cohort,
        rows(
            ("New Person", "new@example.org"),
            ("Known", "KNOWN@example.org"),
            ("", "noname@example.org"),
            ("Bad", "not an email"),
            ("Again", "new@example.org"),
            ("In Cohort", world.a.learner.email),
            ("Elsewhere", world.b.learner.email),
            ("No Email", ""),
        ),
    )
    assert [check.action for check in checks] == [INVITE_NEW, ADD_EXISTING, None, None, None, None, None, None]
    problems = [" ".join(map(str, check.problems)) for check in checks]
    assert checks[1].existing_name == "Known Person"
    assert "name is missing" in problems[2]
    assert "not a valid email" in problems[3]
    assert "same email address is on row 2" in problems[4]
    assert "already in this cohort" in problems[5]
    assert "another organisation" in problems[6]
    assert "email address is missing" in problems[7]


def test_checking_saves_nothing(db_session, world):
    users_before = db_session.scalar(select(func.count()).select_from(User))
    check_roster(db_session, world.a.cohort, rows(("New Person", "new@example.org")))
    assert db_session.scalar(select(func.count()).select_from(User)) == users_before
    assert outbox(db_session) == []


def test_confirm_invites_adds_and_skips_the_rows_with_problems(db_session, world, mail, link_for):
    outcome = confirm_roster(
        db_session, mail, world.a.admin, world.a.cohort, rows(("One", "one@example.org"), ("", "two@example.org"), ("Asse", world.a.assessor.email)), link_for
    )
    assert [added.member.learner.email for added in outcome.added] == ["one@example.org", world.a.assessor.email]
    assert outcome.invited == 1
    assert [check.row.email for check in outcome.skipped] == ["two@example.org"]
    assert [message.to_address for message in outbox(db_session)] == ["one@example.org"]


def test_confirming_twice_does_not_invite_twice(db_session, world, mail, link_for):
    batch = rows(("One", "one@example.org"), ("Two", "two@example.org"))
    confirm_roster(db_session, mail, world.a.admin, world.a.cohort, batch, link_for)
    again = confirm_roster(db_session, mail, world.a.admin, world.a.cohort, batch, link_for)
    assert again.added == [] and len(again.skipped) == 2
    assert len(outbox(db_session)) == 2


def test_confirm_checks_again_what_changed_since_the_preview(db_session, world, mail, link_for):
    batch = rows(("One", "one@example.org"))
    assert check_roster(db_session, world.a.cohort, batch)[0].action == INVITE_NEW
    make_user(db_session, provider=world.b.provider, email="one@example.org")
    outcome = confirm_roster(db_session, mail, world.a.admin, world.a.cohort, batch, link_for)
    assert outcome.added == [] and "another organisation" in outcome.skipped[0].problems[0]


def test_every_problem_with_a_cohort_is_listed_at_once(db_session, world):
    with pytest.raises(Refused) as refused:
        create_cohort(db_session, world.a.admin, name=world.a.cohort.name, start_date=END, target_end_date=START, standard_ids=[])
    assert [field for field, _message in refused.value.problems] == ["name", "target_end_date", "standards"]
