"""Submitting several items with one declaration: all of them or none, every refusal named by its item."""
import pytest
from sqlalchemy import select

from assessor.core.acts import Conflict, Locked, Refused, attempt
from assessor.evidence import several
from assessor.evidence.models import DRAFT, FILE, OBSERVATION, REFERRED, SUBMITTED, Submission
from assessor.evidence.services import create_evidence
from assessor.evidence.several import candidates, chosen_items, submit_several, submittable_items

from .support import ACTIVITY, account, audit, claim

DECLARED = "This is my own work."


@pytest.fixture(autouse=True)
def request_context(app):
    with app.test_request_context():
        yield


@pytest.fixture
def drafts(db_session, world):
    """Two drafts of provider A's learner ready to submit: the world's draft and a second claiming P5."""
    second = account(db_session, world.a.learner, title="Second account")
    claim(db_session, second, world.a.enrolment, "P5")
    return [world.a.portfolio.draft, second]


def pairs(items) -> list[tuple]:
    return [(evidence, str(evidence.version)) for evidence in items]


def messages(error) -> list[str]:
    return [str(message) for _field, message in error.value.problems]


def test_every_chosen_item_is_submitted_with_the_one_declaration(db_session, world, drafts):
    submissions = submit_several(db_session, world.a.learner, pairs(drafts), DECLARED)
    assert [submission.evidence for submission in submissions] == drafts
    assert all(evidence.status == SUBMITTED for evidence in drafts)
    assert {(s.number, s.declaration, s.submitted_by_id) for s in submissions} == {(1, DECLARED, world.a.learner.id)}
    assert [audit(db_session, "evidence", evidence.id)[-1].action for evidence in drafts] == ["submitted", "submitted"]


def test_an_item_not_ready_stops_them_all_and_is_named_with_its_reason(db_session, world, drafts):
    bare = account(db_session, world.a.learner, title="Nothing claimed")
    with pytest.raises(Refused) as error:
        submit_several(db_session, world.a.learner, pairs([*drafts, bare]), DECLARED)
    assert type(error.value) is Refused
    (message,) = messages(error)
    assert message.startswith(f"{bare.reference} “Nothing claimed”: Choose the criteria")
    assert [evidence.status for evidence in drafts] == [DRAFT, DRAFT]
    assert db_session.scalars(select(Submission).where(Submission.evidence_id.in_([d.id for d in drafts]))).all() == []


def test_every_problem_is_reported_at_once(db_session, world, drafts):
    bare = account(db_session, world.a.learner, title="Nothing claimed")
    file_item = create_evidence(db_session, world.a.learner, world.a.learner, kind=FILE, title="Brief", activity_date=ACTIVITY)
    claim(db_session, file_item, world.a.enrolment, "P1")
    with pytest.raises(Refused) as error:
        submit_several(db_session, world.a.learner, pairs([drafts[0], bare, file_item]), "")
    fields = [field for field, _message in error.value.problems]
    assert fields == ["declaration", "items", "items"]
    assert "Brief" in messages(error)[2] and "at least one file" in messages(error)[2]


def test_a_page_older_than_an_item_is_a_conflict_and_nothing_is_submitted(db_session, world, drafts):
    chosen = pairs(drafts)
    drafts[1].title = "Renamed in another tab"
    db_session.flush()
    with pytest.raises(Conflict) as error:
        submit_several(db_session, world.a.learner, chosen, DECLARED)
    assert drafts[1].reference in messages(error)[0] and "changed by someone else" in messages(error)[0]
    assert drafts[0].status == DRAFT


def test_a_second_press_finds_them_all_submitted_and_is_locked(db_session, world, drafts):
    chosen = pairs(drafts)
    submit_several(db_session, world.a.learner, chosen, DECLARED)
    with pytest.raises(Locked, match="already been submitted"):
        submit_several(db_session, world.a.learner, chosen, DECLARED)
    assert all(len(evidence.submissions) == 1 for evidence in drafts)


def test_one_already_submitted_among_others_is_a_conflict_not_a_lock(db_session, world, drafts):
    submitted = world.a.portfolio.submitted
    with pytest.raises(Conflict):
        submit_several(db_session, world.a.learner, [*pairs(drafts), (submitted, "0")], DECLARED)


def test_choosing_nothing_is_refused(db_session, world):
    with pytest.raises(Refused, match="Choose at least one item") as error:
        submit_several(db_session, world.a.learner, [], DECLARED)
    assert error.value.field == "items"


def test_a_refusal_found_while_submitting_rolls_back_the_items_already_submitted(db_session, world, drafts, monkeypatch):
    """A change at the very moment (found by the single-item service itself) undoes the whole batch."""
    real, calls = several.submit_evidence, []

    def racing(session, actor, evidence, version, declaration):
        calls.append(evidence)
        if len(calls) == 2:
            raise Conflict("changed at this moment")
        return real(session, actor, evidence, version, declaration)

    monkeypatch.setattr(several, "submit_evidence", racing)
    db_session.commit()
    ids = [evidence.id for evidence in drafts]
    outcome = attempt(db_session, lambda: submit_several(db_session, world.a.learner, pairs(drafts), DECLARED))
    assert isinstance(outcome.refused, Conflict) and drafts[1].reference in str(outcome.refused)
    assert db_session.scalars(select(Submission).where(Submission.evidence_id.in_(ids))).all() == []
    assert [db_session.get(type(drafts[0]), evidence_id).status for evidence_id in ids] == [DRAFT, DRAFT]


def test_candidates_say_why_each_cannot_be_submitted(db_session, world, drafts):
    bare = account(db_session, world.a.learner, title="Nothing claimed")
    observation = create_evidence(db_session, world.a.assessor, world.a.learner, kind=OBSERVATION, title="Seen",
                                  activity_date=ACTIVITY, body="Notes.")
    found = candidates(world.a.learner, [drafts[0], bare, world.a.portfolio.submitted, observation])
    assert [candidate.ready for candidate in found] == [True, False, False, False]
    assert "Choose the criteria" in found[1].reasons[0]
    assert "already been submitted" in found[2].reasons[0]
    assert "assessor who recorded it" in found[3].reasons[0]


def test_the_choice_offers_only_the_learners_own_changeable_items(db_session, world, drafts):
    reviewed = world.a.portfolio.reviewed
    reviewed.status = REFERRED
    observation = create_evidence(db_session, world.a.assessor, world.a.learner, kind=OBSERVATION, title="Seen",
                                  activity_date=ACTIVITY, body="Notes.")
    db_session.flush()
    offered = submittable_items(db_session, world.a.learner)
    assert set(offered) == {*drafts, reviewed} and observation not in offered
    numbers = [world.b.portfolio.draft.number, drafts[1].number]
    assert chosen_items(db_session, world.a.learner, numbers) == [e for e in [world.a.portfolio.submitted, drafts[0], drafts[1]] if e.number in numbers]
    assert chosen_items(db_session, world.a.learner, []) == []
