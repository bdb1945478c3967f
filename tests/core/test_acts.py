"""One way to act: a refusal carries every problem, the form shows each beside its field, attempt commits or rolls back."""
import pytest
from flask_wtf import FlaskForm
from sqlalchemy import select
from wtforms import StringField

from assessor.core.acts import Conflict, Locked, Refused, attempt, show_refusal, status_of
from assessor.organisations.models import Provider


class NameForm(FlaskForm):
    name = StringField()


@pytest.fixture
def form(app):
    with app.test_request_context():
        yield NameForm(meta={"csrf": False})


def test_a_listing_is_headed_by_its_first_problem():
    refusal = Refused.listing([("name", "Enter a name."), (None, "Something else.")])
    assert (str(refusal), refusal.field) == ("Enter a name.", "name")
    assert refusal.problems == [("name", "Enter a name."), (None, "Something else.")]


def test_each_problem_goes_beside_its_field_or_above_the_form(form):
    show_refusal(form, Refused.listing([("name", "Enter a name."), ("nosuchfield", "Above."), (None, "Also above.")]))
    assert form.name.errors == ["Enter a name."]
    assert form.form_errors == ["Above.", "Also above."]


@pytest.mark.parametrize(("refusal", "status"), [(Refused("x"), 422), (Conflict("x"), 409), (Locked("x"), 409)])
def test_conflicts_and_locks_answer_409_the_rest_422(refusal, status):
    assert status_of(refusal) == status


def test_attempt_commits_what_the_service_did(db_session):
    outcome = attempt(db_session, lambda: db_session.add(Provider(name="Coleg Attempt")) or "added")
    assert (outcome.done, outcome.value, outcome.status) == (True, "added", 200)
    db_session.rollback()
    assert db_session.scalar(select(Provider).where(Provider.name == "Coleg Attempt")) is not None


def test_attempt_rolls_back_a_refused_change_and_shows_it(db_session, form):
    def half_done():
        db_session.add(Provider(name="Coleg Half"))
        db_session.flush()
        raise Conflict("Someone else changed it.", "name")

    outcome = attempt(db_session, half_done, form)
    assert (outcome.done, outcome.status, form.name.errors) == (False, 409, ["Someone else changed it."])
    assert db_session.scalar(select(Provider).where(Provider.name == "Coleg Half")) is None


def test_a_field_the_form_refused_keeps_its_own_message(form):
    form.name.errors = ["Enter a real name."]
    show_refusal(form, Refused.listing([("name", "Enter a name."), (None, "Above.")]))
    assert form.name.errors == ["Enter a real name."] and form.form_errors == ["Above."]


def test_validated_runs_the_forms_checks_and_the_services_together(app):
    from wtforms.validators import DataRequired

    from assessor.core.acts import validated

    class TwoFields(FlaskForm):
        name = StringField(validators=[DataRequired("Enter a name.")])
        place = StringField()

    def check():
        raise Refused.listing([("place", "Enter a place."), ("name", "The service's own word on the name.")])

    with app.test_request_context(method="POST", data={"name": "", "place": ""}):
        form = TwoFields(meta={"csrf": False})
        assert validated(form, check) is False
        assert form.errors == {"name": ["Enter a name."], "place": ["Enter a place."]}
    with app.test_request_context(method="POST", data={"name": "Ann", "place": "Bala"}):
        assert validated(TwoFields(meta={"csrf": False}), lambda: None) is True
    with app.test_request_context(method="GET"):
        assert validated(TwoFields(meta={"csrf": False}), check) is False
