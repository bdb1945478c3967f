"""The editor's forms report every problem at once, each beside its field, in the learner's language."""
import pytest
from flask_babel import force_locale

from assessor.scenarios.loader import load_file
from assessor.scenarios.node_editing import apply_node_form, node_form_from
from assessor.scenarios.persona_editing import persona_form_from, variables_form_from

from .conftest import VALID
from .test_authoring_round_trip import posted


@pytest.fixture
def document(session_app):
    with session_app.test_request_context():
        yield load_file(VALID).data


def post(form_from, document, changes, *args):
    data = posted(form_from(document, *args))
    for name, value in changes.items():
        data.setlist(name, [value])
    return form_from(document, *args, data) if args else form_from(document, data)


def problems_of(form):
    assert not form.validate()
    return dict(form.problems())


def test_a_node_form_lists_every_problem_at_once(document):
    form = post(lambda doc, node, data=None: node_form_from(doc, node, data), document, {
        "choices-0-text-cy": " ", "choices-0-effects-0-change": "*3", "choices-0-effects-1-variable": "mood",
        "choices-0-shows": "P1, P9", "choices-0-feedback-en": "", "choices-1-condition": "trust >>",
        "choices-1-next-otherwise": "nowhere", "choices-2-condition": "temper > 2"}, "open")
    assert problems_of(form) == {
        "choices-0-text-cy": "Write this in Welsh.",
        "choices-0-effects-0-change": "Write the change as +1, -2, = 5, true or false.",
        "choices-0-effects-1-variable": "Choose a declared variable.",
        "choices-0-shows": "List these under the scenario's standards first, or write them as URN:ref: P9",
        "choices-0-feedback-en": "Write this in English.",
        "choices-1-condition": form.choices[1].form.condition.errors[0],
        "choices-1-next-otherwise": "Choose the node to go to next.",
        "choices-2-condition": "Declare these variables first: temper"}
    assert form.choices[1].form.condition.errors[0].startswith("This condition cannot be read:")


def test_problems_are_worded_in_welsh_for_a_welsh_reader(document):
    form = post(lambda doc, node, data=None: node_form_from(doc, node, data), document,
                {"client-cy": "", "choices-0-next-otherwise": ""}, "open")
    with force_locale("cy"):
        found = problems_of(form)
        assert found == {"client-cy": "Ysgrifennwch hyn yn Gymraeg.",
                         "choices-0-next-otherwise": "Dewiswch y nod i fynd iddo nesaf."}


def test_a_written_reply_needs_a_prompt_evidence_and_a_rubric(document):
    form = post(lambda doc, node, data=None: node_form_from(doc, node, data), document, {
        "free_text-prompt-en": "", "free_text-evidences": "", "free_text-min_words": "lots",
        "free_text-dimensions-0-id": "", "free_text-dimensions-0-guidance-cy": "",
        "free_text-next-branches-0-goto": "", "free_text-next-otherwise": ""}, "write")
    assert set(problems_of(form)) == {
        "free_text-prompt-en", "free_text-evidences", "free_text-min_words", "free_text-dimensions-0-id",
        "free_text-dimensions-0-guidance-cy", "free_text-next-branches-0-goto", "free_text-next-otherwise"}


def test_only_the_chosen_kind_is_checked_and_written(document):
    form = post(lambda doc, node, data=None: node_form_from(doc, node, data), document,
                {"kind": "ending", "ending-outcome": "escalated", "ending-debrief-cy": "Wedi'i drosglwyddo",
                 "ending-debrief-en": "Passed on"}, "open")
    assert form.validate(), form.problems()
    node = apply_node_form(document, "open", form)["nodes"]["open"]
    assert node == {"client": document["nodes"]["open"]["client"],
                    "ending": {"outcome": "escalated", "debrief": {"cy": "Wedi'i drosglwyddo", "en": "Passed on"}}}


def test_an_ending_needs_an_outcome_and_a_debrief(document):
    form = post(lambda doc, node, data=None: node_form_from(doc, node, data), document,
                {"ending-outcome": "", "ending-debrief-cy": "", "ending-label-cy": "Pennawd"}, "good-end")
    assert problems_of(form) == {"ending-outcome": "Choose how the conversation ended.",
                                 "ending-debrief-cy": "Write this in Welsh.", "ending-label-en": "Write this in English."}


def test_persona_and_variables_list_every_problem(document):
    persona = post(persona_form_from, document, {"name": "", "role-en": "", "cares_about-cy": ""})
    assert set(problems_of(persona)) == {"name", "role-en", "cares_about-cy"}
    variables = post(variables_form_from, document, {
        "variables-0-initial": "12", "variables-1-name": "trust", "variables-1-initial": "maybe",
        "variables-2-name": "Bad name", "variables-2-initial": "1", "variables-0-label-en": ""})
    assert problems_of(variables) == {
        "variables-0-initial": "The starting value must lie between the lowest and the highest.",
        "variables-0-label-en": "Write this in English.",
        "variables-1-name": "Choose another name: trust is taken.",
        "variables-1-initial": "Give a number, or true or false.",
        "variables-2-name": "Use lower-case letters, digits and _, starting with a letter."}


def test_a_post_without_the_csrf_token_is_refused(document):
    form = post(lambda doc, node, data=None: node_form_from(doc, node, data), document, {"csrf_token": ""}, "good-end")
    assert problems_of(form) == {"csrf_token": "The CSRF token is missing."}
