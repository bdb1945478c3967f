"""The structured editor's saves: a draft read as a document, edited, and saved as canonical YAML through the
draft's one save rule; and where each problem of the check is fixed in the editor."""
import pytest
from flask import render_template_string

from assessor.core.acts import Conflict, Locked, Refused
from assessor.scenarios import authoring, editing
from assessor.scenarios.draft_editing import document_of, edit_draft, save_document
from assessor.scenarios.dumper import dump_document
from assessor.scenarios.field_anchors import place_of
from assessor.scenarios.loader import load_file, load_text
from assessor.scenarios.node_editing import node_form_from
from assessor.scenarios.persona_editing import variables_form_from

from .authoring_support import SOURCE
from .conftest import AUTHORING, VALID, check_authoring


@pytest.fixture
def draft(db_session, world):
    return authoring.create_draft(db_session, world.a.admin, world.a.provider.id, SOURCE)


def test_an_edit_is_saved_as_canonical_yaml_and_bumps_the_revision(db_session, world, draft):
    revision = draft.revision
    edit_draft(db_session, world.a.admin, draft, revision, lambda document: editing.shift_node(document, "write", -1))
    assert draft.revision == revision + 1 and draft.source == dump_document(load_text(draft.source).data)
    assert list(document_of(draft)["nodes"]) == ["write", "open", "good-end", "bad-end"]


def test_an_edit_from_an_older_page_is_a_conflict_and_changes_nothing(db_session, world, draft):
    old = draft.revision
    save_document(db_session, world.a.admin, draft, document_of(draft), old)
    source = draft.source
    with pytest.raises(Conflict):
        edit_draft(db_session, world.a.admin, draft, old, lambda document: editing.add_choice(document, "open"))
    assert draft.source == source


def test_a_refused_edit_names_every_reason_and_saves_nothing(db_session, world, draft):
    with pytest.raises(Refused) as refused:
        edit_draft(db_session, world.a.admin, draft, draft.revision, lambda document: editing.delete_node(document, "write"))
    assert len(refused.value.problems) == 2 and draft.source == SOURCE


def test_another_providers_administrator_cannot_save(db_session, world, draft):
    with pytest.raises(Refused):
        save_document(db_session, world.b.admin, draft, document_of(draft), draft.revision)


@pytest.mark.parametrize("source", ["id: x\nnodes: [\n", "id: x\nnodes: [a, b]\n", "- just a list\n"])
def test_the_forms_wait_for_yaml_they_can_read(db_session, world, draft, source):
    draft.source = source
    with pytest.raises(Locked):
        document_of(draft)


def test_shift_node_moves_one_place_and_stops_at_the_ends():
    document = load_file(VALID).data
    assert list(editing.shift_node(document, "open", -1)["nodes"]) == ["open", "write", "good-end", "bad-end"]
    assert list(editing.shift_node(document, "open", 1)["nodes"]) == ["write", "open", "good-end", "bad-end"]
    assert list(editing.shift_node(document, "bad-end", 1)["nodes"]) == ["open", "write", "good-end", "bad-end"]


@pytest.mark.parametrize("path, place", [
    (("nodes", "open"), (("node", "open"), "")),
    (("nodes", "open", "client", "cy"), (("node", "open"), "client-cy")),
    (("nodes", "open", "choices"), (("node", "open"), "kind")),
    (("nodes", "open", "choices", 2, "if"), (("node", "open"), "choices-2-condition")),
    (("nodes", "open", "choices", 0, "effects", "agreed"), (("node", "open"), "choices-0-effects-1-variable")),
    (("nodes", "open", "choices", 0, "shows", 0), (("node", "open"), "choices-0-shows")),
    (("nodes", "open", "choices", 0, "next"), (("node", "open"), "choices-0-next-otherwise")),
    (("nodes", "write", "free_text", "next", 0, "if"), (("node", "write"), "free_text-next-branches-0-condition")),
    (("nodes", "write", "free_text", "next", 1, "else"), (("node", "write"), "free_text-next-otherwise")),
    (("nodes", "write", "free_text", "rubric", "dimensions", 0, "label", "en"),
     (("node", "write"), "free_text-dimensions-0-label-en")),
    (("nodes", "good-end", "ending", "debrief", "cy"), (("node", "good-end"), "ending-debrief-cy")),
    (("persona", "role", "cy"), (("persona",), "role-cy")),
    (("state", "agreed", "min"), (("variables",), "variables-1-minimum")),
    (("state", "trust", "label", "en"), (("variables",), "variables-0-label-en")),
    (("standards", 0, "criteria", 1), ((), "")),
])
def test_each_problem_is_placed_on_the_field_that_fixes_it(path, place):
    assert place_of(path, load_file(VALID).data) == place


NODE_PAGE = '{% from "scenarios/authoring/_node_form.html" import node_form %}{{ node_form(form, "/save", "n") }}'


@pytest.mark.parametrize("name", ["missing_language", "unreachable", "never_taken", "dead_end"])
def test_every_node_problem_of_the_fixtures_links_to_an_element_of_its_node_form(session_app, name):
    document = load_text((AUTHORING / f"{name}.yaml").read_text(encoding="utf-8")).data
    with session_app.test_request_context():
        for record in check_authoring(name).problems:
            page, anchor = place_of(record.path, document)
            if page and page[0] == "node":
                html = render_template_string(NODE_PAGE, form=node_form_from(document, page[1]))
                assert not anchor or f'id="{anchor}"' in html, (record.field, anchor)


def test_a_variable_problem_links_to_an_element_of_the_variables_form(session_app):
    document = load_file(VALID).data
    with session_app.test_request_context():
        ids = {field.id for row in variables_form_from(document).variables for field in row.form}
    assert place_of(("state", "agreed", "initial"), document)[1] in ids
