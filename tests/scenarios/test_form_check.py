"""A structured editor's form checked as typed: its own problems, and the check's on the scenario it would make,
within the page's part and elsewhere; nothing is saved."""
import pytest
from sqlalchemy.orm import object_session

from assessor.core.acts import Refused
from assessor.scenarios import authoring
from assessor.scenarios.authoring import SOURCE_MAX
from assessor.scenarios.draft_editing import document_of
from assessor.scenarios.form_check import check_form
from assessor.scenarios.node_editing import apply_node_form, node_form_from
from assessor.scenarios.persona_editing import apply_variables_form, variables_form_from

from .authoring_support import SOURCE, WITH_WARNING
from .test_authoring_round_trip import posted


@pytest.fixture
def draft(app, db_session, world):
    draft = authoring.create_draft(db_session, world.a.admin, world.a.provider.id, SOURCE)
    with app.test_request_context():
        yield draft


def check_node(world, draft, node_id, **changes):
    """The node's form as the page renders it, with `changes` typed in, checked."""
    document = document_of(draft)
    data = posted(node_form_from(document, node_id))
    for name, value in changes.items():
        data.setlist(name, [value])
    form = node_form_from(document, node_id, data)
    return check_form(object_session(draft), world.a.admin, draft, form, lambda: apply_node_form(document, node_id, form), ("nodes", node_id))


def test_an_untouched_form_finds_nothing_on_its_page(world, draft):
    found = check_node(world, draft, "open")
    assert found.fields == [] and found.here == []
    assert found.elsewhere == len(authoring.check_typed(object_session(draft), world.a.admin, draft, draft.source))


def test_an_emptied_welsh_text_is_a_problem_of_the_form_and_of_the_check(world, draft):
    source, revision = draft.source, draft.revision
    found = check_node(world, draft, "open", **{"choices-1-text-cy": ""})
    assert [(field_id, message) for field_id, _place, message in found.fields] == [
        ("choices-1-text-cy", "Write this in Welsh.")]
    assert [(record.field, record.severity) for record in found.here] == [("nodes.open.choices[2].text.cy", "error")]
    assert found.document["nodes"]["open"]["choices"][1]["text"]["cy"] == ""
    assert draft.source == source and draft.revision == revision


def test_a_bad_condition_and_an_unknown_variable_are_shown_before_saving(world, draft):
    found = check_node(world, draft, "open", **{"choices-2-condition": "trust >>",
                                                "choices-0-effects-0-variable": "mood"})
    messages = dict((field_id, message) for field_id, _place, message in found.fields)
    assert messages["choices-2-condition"].startswith("This condition cannot be read:")
    assert messages["choices-0-effects-0-variable"] == "Choose a declared variable."


def test_problems_outside_the_page_are_counted(world, draft):
    before = check_node(world, draft, "open").elsewhere
    draft.source = WITH_WARNING  # the persona's concern reads the same in both languages
    found = check_node(world, draft, "open")
    assert found.fields == [] and found.here == [] and found.elsewhere == before + 1


def test_a_number_that_is_not_one_is_a_field_problem_not_a_failure(world, draft):
    found = check_node(world, draft, "write", **{"free_text-min_words": "lots"})
    assert [field_id for field_id, _place, _message in found.fields] == ["free_text-min_words"]
    assert "min_words" not in found.document["nodes"]["write"]["free_text"]


def test_the_variables_form_is_checked_within_the_state(world, draft):
    document = document_of(draft)
    data = posted(variables_form_from(document))
    data.setlist("variables-0-initial", ["lots"])
    form = variables_form_from(document, data)
    found = check_form(object_session(draft), world.a.admin, draft, form, lambda: apply_variables_form(document, form), ("state",))
    assert [field_id for field_id, _place, _message in found.fields] == ["variables-0-initial"]
    assert [record.field for record in found.here] == ["state.trust.initial"]


def test_text_longer_than_a_draft_takes_is_refused(world, draft):
    with pytest.raises(Refused, match="at most"):
        check_node(world, draft, "open", **{"client-en": "x" * SOURCE_MAX})


def test_only_the_providers_authors_check(world, draft):
    with pytest.raises(Refused):
        document = document_of(draft)
        form = node_form_from(document, "open", posted(node_form_from(document, "open")))
        check_form(object_session(draft), world.a.learner, draft, form, lambda: apply_node_form(document, "open", form), ("nodes", "open"))
